/* The image store (see image_store.h for the flash layout and the commit protocol). */
#include "aios/image_store.h"

#include "aios/ed25519.h"
#include "aios/frame.h"
#include "aios/generated/protocol.h"
#include "aios/sha256.h"
#include "hal/flash.h"

#include <string.h>

#if AIOS_IMAGE_STORE_BANKS == 0
/* A board without room for the store (board.json "core" {"imageStoreBanks": 0}): every store
 * command is refused and only the built-in images exist. */
int32_t core_store_init(void)
{
    return -AIOS_ERR_IMAGE_STORE_FAILED;
}

int32_t core_store_begin(const core_store_begin_t *begin, uint32_t *received)
{
    (void)begin;
    (void)received;
    return -AIOS_ERR_IMAGE_STORE_FAILED;
}

int32_t core_store_chunk(uint32_t offset, uint32_t crc, const uint8_t *data, size_t length,
                         uint32_t *received)
{
    (void)offset;
    (void)crc;
    (void)data;
    (void)length;
    (void)received;
    return -AIOS_ERR_IMAGE_NO_INSTALL;
}

int32_t core_store_commit(const uint8_t *name, size_t name_length, const core_store_entry_t **entry)
{
    (void)name;
    (void)name_length;
    (void)entry;
    return -AIOS_ERR_IMAGE_NO_INSTALL;
}

void core_store_abort(void) {}

int32_t core_store_remove(const uint8_t *name, size_t name_length, uint16_t *id)
{
    (void)name;
    (void)name_length;
    (void)id;
    return -AIOS_ERR_IMAGE_UNKNOWN;
}

const core_store_entry_t *core_store_staging(void)
{
    return NULL;
}

const core_store_entry_t *core_store_entry(size_t index)
{
    (void)index;
    return NULL;
}

size_t core_store_free(void)
{
    return 0;
}

const core_image_t *core_store_image(uint32_t id)
{
    (void)id;
    return NULL;
}
#else

#define HEADER_MAGIC 0x474d4941u /* "AIMG" */
#define RECORD_TAG "AIOS-IMAGE-1"
#define STAGING_NONE 0xffu

/* A serialized header: magic, sequence, id, name, version, size, SHA-256, signature,
 * manifest, then the CRC-32 of all of it. */
#define HEADER_USED                                                                                \
    (4u + 4u + 2u + 1u + CORE_STORE_NAME_MAX + 1u + CORE_STORE_VERSION_MAX + 4u + 32u + 64u + 1u + \
     CORE_STORE_MANIFEST_MAX + 4u)

typedef char header_fits[HEADER_USED <= CORE_STORE_HEADER_BYTES ? 1 : -1];

typedef struct {
    bool used;
    core_store_entry_t entry;
} bank_t;

static struct {
    bool ready;
    bank_t banks[AIOS_IMAGE_STORE_BANKS];
    uint8_t staging_bank; /* STAGING_NONE when no install is in progress */
    uint32_t received;
    core_store_entry_t staged; /* id and sequence are set at commit */
    uint8_t header[HEADER_USED];
    /* 8-byte aligned, as the VM wants module bytes. */
    uint64_t window[AIOS_IMAGE_MAX_BYTES / 8u + 1u];
    core_image_t image;
} store;

static uint32_t bank_offset(size_t bank)
{
    return (uint32_t)(AIOS_KERNEL_FLASH_BYTES + bank * CORE_STORE_BANK_BYTES);
}

static void put_le(uint8_t *at, uint32_t value, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++) {
        at[i] = (uint8_t)(value >> (8 * i));
    }
}

static uint32_t get_le(const uint8_t *at, unsigned bytes)
{
    uint32_t value = 0;
    for (unsigned i = bytes; i > 0; i--) {
        value = value << 8 | at[i - 1];
    }
    return value;
}

/* Writes `entry` as a header into store.header. */
static void serialize(const core_store_entry_t *entry)
{
    uint8_t *p = store.header;
    memset(p, 0, sizeof store.header);
    put_le(p, HEADER_MAGIC, 4);
    put_le(p + 4, entry->sequence, 4);
    put_le(p + 8, entry->id, 2);
    p += 10;
    *p = (uint8_t)strlen(entry->name);
    memcpy(p + 1, entry->name, *p);
    p += 1 + CORE_STORE_NAME_MAX;
    *p = (uint8_t)strlen(entry->version);
    memcpy(p + 1, entry->version, *p);
    p += 1 + CORE_STORE_VERSION_MAX;
    put_le(p, entry->size, 4);
    memcpy(p + 4, entry->sha256, 32);
    memcpy(p + 36, entry->signature, 64);
    p += 100;
    *p = entry->manifest_length;
    memcpy(p + 1, entry->manifest, entry->manifest_length);
    p += 1 + CORE_STORE_MANIFEST_MAX;
    put_le(p, aios_crc32(store.header, (size_t)(p - store.header)), 4);
}

/* Reads store.header back into `entry`; false when it is not a whole, valid header. */
static bool deserialize(core_store_entry_t *entry)
{
    const uint8_t *p = store.header;
    const size_t body = HEADER_USED - 4u;
    if (get_le(p, 4) != HEADER_MAGIC || get_le(p + body, 4) != aios_crc32(p, body)) {
        return false;
    }
    memset(entry, 0, sizeof *entry);
    entry->sequence = get_le(p + 4, 4);
    entry->id = (uint16_t)get_le(p + 8, 2);
    p += 10;
    if (*p == 0 || *p > CORE_STORE_NAME_MAX) {
        return false;
    }
    memcpy(entry->name, p + 1, *p);
    p += 1 + CORE_STORE_NAME_MAX;
    if (*p > CORE_STORE_VERSION_MAX) {
        return false;
    }
    memcpy(entry->version, p + 1, *p);
    p += 1 + CORE_STORE_VERSION_MAX;
    entry->size = get_le(p, 4);
    memcpy(entry->sha256, p + 4, 32);
    memcpy(entry->signature, p + 36, 64);
    p += 100;
    entry->manifest_length = *p;
    memcpy(entry->manifest, p + 1, *p);
    return entry->size > 0 && entry->size <= AIOS_IMAGE_MAX_BYTES &&
           entry->id >= CORE_INSTALLED_IMAGE_FIRST &&
           entry->id < CORE_INSTALLED_IMAGE_FIRST + AIOS_IMAGE_STORE_BANKS;
}

/* SHA-256 of `size` bytes of bank `bank`'s image area, read through the window. */
static bool digest_of(size_t bank, uint32_t size, uint8_t out[32])
{
    aios_sha256_t hash;
    uint8_t *buffer = (uint8_t *)store.window;
    aios_sha256_init(&hash);
    for (uint32_t done = 0; done < size;) {
        uint32_t take = size - done < sizeof store.window ? size - done : sizeof store.window;
        if (hal_flash_read(bank_offset(bank) + CORE_STORE_HEADER_BYTES + done, buffer, take) != 0) {
            return false;
        }
        aios_sha256_update(&hash, buffer, take);
        done += take;
    }
    aios_sha256_final(&hash, out);
    return true;
}

static bool erase_header(size_t bank)
{
    store.banks[bank].used = false;
    return hal_flash_erase(bank_offset(bank), CORE_STORE_HEADER_BYTES) == 0;
}

/* The installed bank of `name`, or -1. */
static int find_name(const uint8_t *name, size_t length)
{
    for (size_t i = 0; i < AIOS_IMAGE_STORE_BANKS; i++) {
        const core_store_entry_t *e = &store.banks[i].entry;
        if (store.banks[i].used && strlen(e->name) == length &&
            memcmp(e->name, name, length) == 0) {
            return (int)i;
        }
    }
    return -1;
}

static int find_id(uint32_t id)
{
    for (size_t i = 0; i < AIOS_IMAGE_STORE_BANKS; i++) {
        if (store.banks[i].used && store.banks[i].entry.id == id) {
            return (int)i;
        }
    }
    return -1;
}

int32_t core_store_init(void)
{
    memset(&store, 0, sizeof store);
    store.staging_bank = STAGING_NONE;
    if (hal_flash_size() < (size_t)AIOS_KERNEL_FLASH_BYTES + CORE_STORE_BYTES) {
        return -AIOS_ERR_IMAGE_STORE_FAILED;
    }
    for (size_t i = 0; i < AIOS_IMAGE_STORE_BANKS; i++) {
        bank_t *bank = &store.banks[i];
        uint8_t digest[32];
        bank->used = hal_flash_read(bank_offset(i), store.header, sizeof store.header) == 0 &&
                     deserialize(&bank->entry) && digest_of(i, bank->entry.size, digest) &&
                     memcmp(digest, bank->entry.sha256, 32) == 0;
    }
    /* Of two banks with one id or one name (a power cut between a commit and the erase of the
     * version it replaced), the higher sequence is the installed one. */
    for (size_t i = 0; i < AIOS_IMAGE_STORE_BANKS; i++) {
        for (size_t j = 0; j < AIOS_IMAGE_STORE_BANKS; j++) {
            const core_store_entry_t *a = &store.banks[i].entry;
            const core_store_entry_t *b = &store.banks[j].entry;
            if (i == j || !store.banks[i].used || !store.banks[j].used) {
                continue;
            }
            if ((a->id == b->id || strcmp(a->name, b->name) == 0) && a->sequence < b->sequence) {
                (void)erase_header(i);
            }
        }
    }
    store.ready = true;
    return 0;
}

static size_t installed_count(void)
{
    size_t count = 0;
    for (size_t i = 0; i < AIOS_IMAGE_STORE_BANKS; i++) {
        count += store.banks[i].used ? 1u : 0u;
    }
    return count;
}

size_t core_store_free(void)
{
    return store.ready ? AIOS_IMAGE_STORE_BANKS - 1u - installed_count() : 0u;
}

/* Names are what the host types: letters, digits, '-', '_' and '.'. */
static bool valid_name(const uint8_t *name, size_t length)
{
    if (length == 0 || length > CORE_STORE_NAME_MAX) {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        uint8_t c = name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* True when `begin` announces exactly the install in progress (the host resuming it). */
static bool same_install(const core_store_begin_t *begin)
{
    const core_store_entry_t *s = &store.staged;
    return store.staging_bank != STAGING_NONE && strlen(s->name) == begin->name_length &&
           memcmp(s->name, begin->name, begin->name_length) == 0 &&
           strlen(s->version) == begin->version_length &&
           memcmp(s->version, begin->version, begin->version_length) == 0 &&
           s->size == begin->size && memcmp(s->sha256, begin->sha256, 32) == 0 &&
           memcmp(s->signature, begin->signature, 64) == 0 &&
           s->manifest_length == begin->manifest_length &&
           memcmp(s->manifest, begin->manifest, begin->manifest_length) == 0;
}

int32_t core_store_begin(const core_store_begin_t *begin, uint32_t *received)
{
    if (!store.ready) {
        return -AIOS_ERR_IMAGE_STORE_FAILED;
    }
    if (!valid_name(begin->name, begin->name_length) || begin->sha256_length != 32 ||
        begin->signature_length != 64) {
        return -AIOS_ERR_SYSTEM_INVALID_ARGUMENT;
    }
    if (begin->size == 0 || begin->size > AIOS_IMAGE_MAX_BYTES ||
        begin->version_length > CORE_STORE_VERSION_MAX ||
        begin->manifest_length > CORE_STORE_MANIFEST_MAX) {
        return -AIOS_ERR_IMAGE_TOO_LARGE;
    }
    if (same_install(begin)) {
        *received = store.received;
        return 0;
    }
    if (find_name(begin->name, begin->name_length) < 0 && core_store_free() == 0) {
        return -AIOS_ERR_IMAGE_STORE_FULL;
    }
    /* A free bank (there is always one): staging never touches an installed version. */
    size_t bank = 0;
    while (store.banks[bank].used) {
        bank++;
    }
    store.staging_bank = STAGING_NONE;
    if (hal_flash_erase(bank_offset(bank), CORE_STORE_BANK_BYTES) != 0) {
        return -AIOS_ERR_IMAGE_STORE_FAILED;
    }
    core_store_entry_t *s = &store.staged;
    memset(s, 0, sizeof *s);
    memcpy(s->name, begin->name, begin->name_length);
    memcpy(s->version, begin->version, begin->version_length);
    s->size = begin->size;
    memcpy(s->sha256, begin->sha256, 32);
    memcpy(s->signature, begin->signature, 64);
    s->manifest_length = (uint8_t)begin->manifest_length;
    memcpy(s->manifest, begin->manifest, begin->manifest_length);
    store.staging_bank = (uint8_t)bank;
    store.received = 0;
    *received = 0;
    return 0;
}

int32_t core_store_chunk(uint32_t offset, uint32_t crc, const uint8_t *data, size_t length,
                         uint32_t *received)
{
    if (store.staging_bank == STAGING_NONE) {
        return -AIOS_ERR_IMAGE_NO_INSTALL;
    }
    *received = store.received;
    if (offset != store.received) {
        return -AIOS_ERR_IMAGE_BAD_OFFSET;
    }
    if (length == 0 || length > store.staged.size - offset) {
        return -AIOS_ERR_IMAGE_TOO_LARGE;
    }
    if (aios_crc32(data, length) != crc) {
        return -AIOS_ERR_IMAGE_BAD_CRC;
    }
    uint32_t at = bank_offset(store.staging_bank) + CORE_STORE_HEADER_BYTES + offset;
    if (hal_flash_program(at, data, length) != 0) {
        /* What the failed write left is unknown: the install starts over. */
        store.staging_bank = STAGING_NONE;
        return -AIOS_ERR_IMAGE_STORE_FAILED;
    }
    store.received += (uint32_t)length;
    *received = store.received;
    return 0;
}

/* The signed record of `e` (see image_store.h), fed to `verify`. */
static bool signature_valid(const core_store_entry_t *e)
{
    aios_ed25519_verify_t verify;
    uint8_t length;
    uint8_t size[4];
    aios_ed25519_verify_init(&verify, e->signature, core_signing_public_key());
    aios_ed25519_verify_update(&verify, (const uint8_t *)RECORD_TAG, sizeof RECORD_TAG - 1u);
    length = (uint8_t)strlen(e->name);
    aios_ed25519_verify_update(&verify, &length, 1);
    aios_ed25519_verify_update(&verify, (const uint8_t *)e->name, length);
    length = (uint8_t)strlen(e->version);
    aios_ed25519_verify_update(&verify, &length, 1);
    aios_ed25519_verify_update(&verify, (const uint8_t *)e->version, length);
    put_le(size, e->size, 4);
    aios_ed25519_verify_update(&verify, size, 4);
    aios_ed25519_verify_update(&verify, e->sha256, 32);
    aios_ed25519_verify_update(&verify, &e->manifest_length, 1);
    aios_ed25519_verify_update(&verify, e->manifest, e->manifest_length);
    return aios_ed25519_verify_final(&verify);
}

int32_t core_store_commit(const uint8_t *name, size_t name_length, const core_store_entry_t **entry)
{
    core_store_entry_t *s = &store.staged;
    uint8_t digest[32];
    if (store.staging_bank == STAGING_NONE || strlen(s->name) != name_length ||
        memcmp(s->name, name, name_length) != 0) {
        return -AIOS_ERR_IMAGE_NO_INSTALL;
    }
    if (store.received != s->size) {
        return -AIOS_ERR_IMAGE_INCOMPLETE;
    }
    size_t bank = store.staging_bank;
    int32_t refusal = 0;
    if (!digest_of(bank, s->size, digest)) {
        refusal = -AIOS_ERR_IMAGE_STORE_FAILED;
    } else if (memcmp(digest, s->sha256, 32) != 0) {
        refusal = -AIOS_ERR_IMAGE_BAD_DIGEST;
    } else if (!signature_valid(s)) {
        refusal = -AIOS_ERR_IMAGE_BAD_SIGNATURE;
    }
    if (refusal != 0) {
        /* Nothing of it can ever become valid: the bytes are the ones the host sent. */
        store.staging_bank = STAGING_NONE;
        return refusal;
    }
    int old = find_name(name, name_length);
    uint32_t sequence = 0;
    for (size_t i = 0; i < AIOS_IMAGE_STORE_BANKS; i++) {
        if (store.banks[i].used && store.banks[i].entry.sequence > sequence) {
            sequence = store.banks[i].entry.sequence;
        }
    }
    s->sequence = sequence + 1u;
    if (old >= 0) {
        s->id = store.banks[old].entry.id;
    } else {
        s->id = CORE_INSTALLED_IMAGE_FIRST;
        while (find_id(s->id) >= 0) {
            s->id++;
        }
    }
    /* The switch: one header write. */
    serialize(s);
    store.staging_bank = STAGING_NONE;
    if (hal_flash_program(bank_offset(bank), store.header, sizeof store.header) != 0) {
        return -AIOS_ERR_IMAGE_STORE_FAILED;
    }
    store.banks[bank].used = true;
    store.banks[bank].entry = *s;
    if (old >= 0) {
        (void)erase_header((size_t)old);
    }
    *entry = &store.banks[bank].entry;
    return 0;
}

void core_store_abort(void)
{
    store.staging_bank = STAGING_NONE;
}

int32_t core_store_remove(const uint8_t *name, size_t name_length, uint16_t *id)
{
    int bank = find_name(name, name_length);
    if (bank < 0) {
        return -AIOS_ERR_IMAGE_UNKNOWN;
    }
    *id = store.banks[bank].entry.id;
    return erase_header((size_t)bank) ? 0 : -AIOS_ERR_IMAGE_STORE_FAILED;
}

const core_store_entry_t *core_store_staging(void)
{
    return store.staging_bank == STAGING_NONE ? NULL : &store.staged;
}

const core_store_entry_t *core_store_entry(size_t index)
{
    for (size_t i = 0; i < AIOS_IMAGE_STORE_BANKS; i++) {
        if (store.banks[i].used && index-- == 0) {
            return &store.banks[i].entry;
        }
    }
    return NULL;
}

const core_image_t *core_store_image(uint32_t id)
{
    int bank = find_id(id);
    if (bank < 0) {
        return NULL;
    }
    const core_store_entry_t *e = &store.banks[bank].entry;
    if (hal_flash_read(bank_offset((size_t)bank) + CORE_STORE_HEADER_BYTES, store.window,
                       e->size) != 0) {
        return NULL;
    }
    store.image.bytes = (const uint8_t *)store.window;
    store.image.length = e->size;
    store.image.name = e->name;
    store.image.transient = true;
    return &store.image;
}
#endif
