/* The replay host's board: the HAL, the link and the image table that firmware/core expects,
 * made deterministic the way tests/kernel/sim/core.ts is. Time moves only when replay.c charges
 * fuel or jumps to the alarm; flash is RAM with NOR semantics; fault domains are accepted and
 * not enforced (the VM's bounds checks isolate the agents; no test hook writes out of bounds
 * here); every frame goes through the device's encoder and decoder and is printed as
 * Board.log() prints it. */
#include "replay.h"

#include "aios/agents.h"
#include "aios/frame.h"
#include "aios/images.h"
#include "aios/kernel_host.h"
#include "aios/link.h"
#include "aios/wire.h"
#include "hal/alarm.h"
#include "hal/clock.h"
#include "hal/cpu.h"
#include "hal/domain.h"
#include "hal/flash.h"
#include "hal/watchdog.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The simulator Board's defaults (tests/kernel/sim/board.ts). */
#define FLASH_BYTES 8192u
#define IMAGE_POOL_BYTES (4u << 20)
#define MAX_IMAGES 32u

double replay_now;
double replay_alarm = -1;

static replay_agent_t agents[UINT16_MAX + 1u];
static uint32_t generations;
static uint8_t flash[FLASH_BYTES];
static bool flash_ready;
static uint8_t image_pool[IMAGE_POOL_BYTES];
static size_t image_pool_used;
static core_image_t images[MAX_IMAGES];
static size_t image_count;
static uint16_t next_seq;

void replay_fail(const char *message, const char *detail)
{
    fflush(stdout);
    fprintf(stderr, "replay: %s%s%s\n", message, detail != NULL ? ": " : "",
            detail != NULL ? detail : "");
    exit(1);
}

replay_agent_t *replay_agent(uint16_t agent)
{
    return &agents[agent];
}

/* ---- images ------------------------------------------------------------------------------ */

void replay_load_image(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        replay_fail("cannot open image", path);
    }
    if (image_count == MAX_IMAGES) {
        replay_fail("too many images", path);
    }
    uint8_t *at = &image_pool[image_pool_used];
    size_t length = fread(at, 1, IMAGE_POOL_BYTES - image_pool_used, file);
    bool complete = feof(file) != 0 && ferror(file) == 0;
    fclose(file);
    if (!complete) {
        replay_fail("image does not fit the image pool", path);
    }
    images[image_count++] = (core_image_t){at, length, path, false};
    /* The VM wants its inputs where the device has them: the next image starts 8-aligned. */
    image_pool_used += (length + 7u) & ~(size_t)7u;
}

const core_image_t *core_kernel_image(void)
{
    return image_count > 0 ? &images[0] : NULL;
}

const core_image_t *core_agent_image(uint32_t id)
{
    return id >= 1 && id < image_count ? &images[id] : NULL;
}

/* ---- clock, alarm, CPU, watchdog --------------------------------------------------------- */

uint64_t hal_clock_us(void)
{
    return (uint64_t)replay_now;
}

void hal_alarm_set(uint64_t at_us)
{
    replay_alarm = at_us == UINT64_MAX ? -1.0 : (double)at_us;
}

void hal_reset(aios_reset_cause_t cause)
{
    replay_reset(cause);
}

/* ---- what outlives a reset: the clock, the frame sequence and the flash ------------------ */

bool replay_board_save(FILE *file)
{
    return fwrite(&replay_now, sizeof replay_now, 1, file) == 1 &&
           fwrite(&next_seq, sizeof next_seq, 1, file) == 1 &&
           fwrite(flash, sizeof flash, 1, file) == 1;
}

bool replay_board_load(FILE *file, aios_reset_cause_t cause)
{
    uint8_t payload[AIOS_MAX_PAYLOAD_BYTES];
    aios_writer_t w;
    if (fread(&replay_now, sizeof replay_now, 1, file) != 1 ||
        fread(&next_seq, sizeof next_seq, 1, file) != 1 ||
        fread(flash, sizeof flash, 1, file) != 1) {
        return false;
    }
    flash_ready = true;
    /* The simulator's board announces itself as "sim", "kernel-tests". */
    aios_writer_init(&w, payload, sizeof payload);
    aios_encode_boot(&w, "sim", "kernel-tests", (uint8_t)cause, AIOS_PROTOCOL_VERSION);
    return core_link_emit(AIOS_FRAME_BOOT, w.data, w.length);
}

void hal_watchdog_feed(void) {}

/* ---- flash: RAM with NOR-flash semantics ------------------------------------------------- */

static bool flash_range(uint32_t offset, size_t length)
{
    if (!flash_ready) {
        memset(flash, 0xff, sizeof flash);
        flash_ready = true;
    }
    return offset <= FLASH_BYTES && length <= FLASH_BYTES - offset;
}

size_t hal_flash_size(void)
{
    return FLASH_BYTES;
}

int hal_flash_read(uint32_t offset, void *data, size_t length)
{
    if (!flash_range(offset, length)) {
        return -1;
    }
    memcpy(data, &flash[offset], length);
    return 0;
}

int hal_flash_erase(uint32_t offset, size_t length)
{
    if (!flash_range(offset, length)) {
        return -1;
    }
    memset(&flash[offset], 0xff, length);
    return 0;
}

int hal_flash_program(uint32_t offset, const void *data, size_t length)
{
    const uint8_t *bytes = data;
    if (!flash_range(offset, length)) {
        return -1;
    }
    for (size_t i = 0; i < length; i++) {
        flash[offset + i] &= bytes[i];
    }
    return 0;
}

/* ---- fault domains: accepted, not enforced ------------------------------------------------ */

int hal_domain_init(void)
{
    return HAL_DOMAIN_OK;
}

int hal_domain_fence(void *base, size_t bytes)
{
    (void)base, (void)bytes;
    return HAL_DOMAIN_OK;
}

int hal_domain_configure(hal_domain_t *domain, void *base, size_t bytes)
{
    domain->base = (uintptr_t)base;
    domain->bytes = bytes;
    return HAL_DOMAIN_OK;
}

int hal_domain_run(const hal_domain_t *domain, hal_domain_fn fn, void *context, uint32_t *result,
                   hal_fault_record_t *fault)
{
    (void)domain, (void)fault;
    *result = fn(context);
    return HAL_DOMAIN_OK;
}

uint32_t hal_domain_call(hal_domain_fn fn, void *context)
{
    return fn(context);
}

/* ---- the link: frames out, through the device's encoder and decoder ---------------------- */

static void print_frame(const aios_frame_t *frame)
{
    printf("%" PRIu64 " %u ", frame->timestamp_us, (unsigned)frame->type);
    for (size_t i = 0; i < frame->payload_length; i++) {
        printf("%02x", frame->payload[i]);
    }
    putchar('\n');
}

/* Feeds wire bytes to a decoder; calls `deliver` for each frame. False if any was dropped. */
static bool decode(const uint8_t *wire, size_t length, void (*deliver)(const aios_frame_t *))
{
    static aios_frame_decoder_t decoder;
    aios_frame_t frame;
    bool ok = true;
    aios_frame_decoder_init(&decoder);
    for (size_t i = 0; i < length; i++) {
        aios_decode_status_t status = aios_frame_decoder_push(&decoder, wire[i], &frame);
        if (status == AIOS_DECODE_FRAME) {
            deliver(&frame);
        }
        ok = ok && status != AIOS_DECODE_ERROR;
    }
    return ok;
}

bool core_link_emit(uint8_t type, const uint8_t *payload, size_t length)
{
    static uint8_t wire[AIOS_MAX_ENCODED_BYTES];
    aios_frame_t frame = {AIOS_PROTOCOL_VERSION, type, next_seq++, hal_clock_us(), payload, length};
    size_t encoded = aios_frame_encode(&frame, wire, sizeof wire);
    if (encoded == 0 || !decode(wire, encoded, print_frame)) {
        replay_fail("the core emitted a frame the protocol cannot carry", NULL);
    }
    return true;
}

static void deliver_command(const aios_frame_t *frame)
{
    (void)core_kernel_command(frame->type, frame->payload, frame->payload_length);
}

void replay_command(const uint8_t *wire, size_t length)
{
    if (!decode(wire, length, deliver_command)) {
        replay_fail("a command frame did not decode", NULL);
    }
}

/* ---- what the kernel tells the agents' VM (replay.h), kept as core.ts keeps it ----------- */

/* A new instance, as the simulator's new AgentVm: no step in progress. */
static void renew(uint16_t agent)
{
    replay_agent_t *a = &agents[agent];
    a->generation = ++generations;
    a->debt = 0;
    a->in_step = false;
}

int32_t __wrap_core_agent_spawn(uint16_t agent, uint32_t image)
{
    int32_t bytes = __real_core_agent_spawn(agent, image);
    if (bytes >= 0) {
        renew(agent);
    }
    return bytes;
}

void __wrap_core_agent_destroy(uint16_t agent)
{
    __real_core_agent_destroy(agent);
    agents[agent].generation = 0;
}

int32_t __wrap_core_agent_clone(uint16_t source, uint16_t copy)
{
    int32_t bytes = __real_core_agent_clone(source, copy);
    if (bytes >= 0) {
        renew(copy);
    }
    return bytes;
}

int32_t __wrap_core_agent_upgrade(uint16_t agent, uint32_t image, bool keep_state)
{
    int32_t bytes = __real_core_agent_upgrade(agent, image, keep_state);
    if (bytes >= 0) {
        renew(agent);
    }
    return bytes;
}

/* The simulator forgives a restored instance the debt of its interrupted step. */
int32_t __wrap_core_agent_restore(uint16_t agent, uint32_t slot)
{
    int32_t status = __real_core_agent_restore(agent, slot);
    if (status == 0) {
        agents[agent].debt = 0;
    }
    return status;
}

void __wrap_core_agent_set_fuel(uint16_t agent, uint32_t fuel)
{
    agents[agent].budget = fuel;
    __real_core_agent_set_fuel(agent, fuel);
}
