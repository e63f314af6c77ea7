/* Image store commands: decode, act, answer (see image_commands.h). */
#include "aios/image_commands.h"

#include "aios/agents.h"
#include "aios/core_config.h"
#include "aios/generated/protocol.h"
#include "aios/image_store.h"
#include "aios/link.h"

static uint8_t answer[AIOS_MAX_PAYLOAD_BYTES];

static void refuse(uint8_t command, int32_t status)
{
    aios_writer_t w;
    aios_writer_init(&w, answer, sizeof answer);
    aios_encode_command_error(&w, command, (uint16_t)-status, 0);
    core_link_emit(AIOS_FRAME_COMMAND_ERROR, w.data, w.length);
}

static void progress(const core_store_entry_t *staged, uint32_t received)
{
    aios_writer_t w;
    aios_writer_init(&w, answer, sizeof answer);
    aios_encode_image_progress(&w, staged->name, received, staged->size);
    core_link_emit(AIOS_FRAME_IMAGE_PROGRESS, w.data, w.length);
}

static void list(void)
{
    aios_writer_t w;
    size_t count = 0;
    size_t agents = 0;
    for (const core_store_entry_t *e; (e = core_store_entry(count)) != NULL; count++) {
        aios_span_t sha256 = {e->sha256, 32};
        aios_span_t manifest = {e->manifest, e->manifest_length};
        aios_writer_init(&w, answer, sizeof answer);
        aios_encode_image_info(&w, e->id, e->name, e->version, e->size, sha256, manifest);
        core_link_emit(AIOS_FRAME_IMAGE_INFO, w.data, w.length);
    }
    for (size_t i = 0; i < AIOS_AGENT_SLOTS; i++) {
        uint16_t agent;
        uint32_t image;
        if (core_agent_at(i, &agent, &image)) {
            aios_writer_init(&w, answer, sizeof answer);
            aios_encode_image_agent(&w, agent, (uint16_t)image);
            core_link_emit(AIOS_FRAME_IMAGE_AGENT, w.data, w.length);
            agents++;
        }
    }
    aios_writer_init(&w, answer, sizeof answer);
    aios_encode_image_list_end(&w, (uint8_t)count, (uint8_t)core_store_free(), (uint8_t)agents);
    core_link_emit(AIOS_FRAME_IMAGE_LIST_END, w.data, w.length);
}

bool core_image_command(const aios_frame_t *command)
{
    aios_reader_t r;
    aios_writer_t w;
    int32_t status = -AIOS_ERR_PROTOCOL_BAD_PAYLOAD;
    uint32_t received = 0;
    aios_reader_init(&r, command->payload, command->payload_length);
    aios_writer_init(&w, answer, sizeof answer);
    switch (command->type) {
    case AIOS_FRAME_IMAGE_BEGIN: {
        aios_cmd_image_begin_t c;
        if (aios_decode_image_begin(&r, &c)) {
            core_store_begin_t begin = {c.name.data,      c.name.length,    c.version.data,
                                        c.version.length, c.size,           c.sha256.data,
                                        c.sha256.length,  c.signature.data, c.signature.length,
                                        c.manifest.data,  c.manifest.length};
            status = core_store_begin(&begin, &received);
        }
        if (status == 0) {
            progress(core_store_staging(), received);
        }
        break;
    }
    case AIOS_FRAME_IMAGE_CHUNK: {
        aios_cmd_image_chunk_t c;
        if (aios_decode_image_chunk(&r, &c)) {
            status = core_store_chunk(c.offset, c.crc, c.data.data, c.data.length, &received);
        }
        if (status == 0) {
            progress(core_store_staging(), received);
        }
        break;
    }
    case AIOS_FRAME_IMAGE_COMMIT: {
        aios_cmd_image_commit_t c;
        const core_store_entry_t *e = NULL;
        if (aios_decode_image_commit(&r, &c)) {
            status = core_store_commit(c.name.data, c.name.length, &e);
        }
        if (status == 0) {
            aios_encode_image_installed(&w, e->id, e->name, e->version, e->size, e->sequence);
            core_link_emit(AIOS_FRAME_IMAGE_INSTALLED, w.data, w.length);
        }
        break;
    }
    case AIOS_FRAME_IMAGE_ABORT:
        if (aios_decode_image_abort(&r)) {
            core_store_abort();
            status = 0;
        }
        break;
    case AIOS_FRAME_IMAGE_LIST:
        if (aios_decode_image_list(&r)) {
            list();
            status = 0;
        }
        break;
    case AIOS_FRAME_IMAGE_REMOVE: {
        aios_cmd_image_remove_t c;
        uint16_t id = 0;
        if (aios_decode_image_remove(&r, &c)) {
            status = core_store_remove(c.name.data, c.name.length, &id);
        }
        if (status == 0) {
            char name[CORE_STORE_NAME_MAX + 1] = {0};
            for (size_t i = 0; i < c.name.length && i < CORE_STORE_NAME_MAX; i++) {
                name[i] = (char)c.name.data[i];
            }
            aios_encode_image_removed(&w, id, name);
            core_link_emit(AIOS_FRAME_IMAGE_REMOVED, w.data, w.length);
        }
        break;
    }
    default:
        return false;
    }
    if (status != 0) {
        refuse(command->type, status);
    }
    return true;
}
