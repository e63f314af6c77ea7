/* Boot sequence and main loop of the skeleton: announce the boot, answer commands, send a
 * heartbeat each period. */
#include "aios/config.h"
#include "aios/link.h"
#include "hal/clock.h"
#include "hal/cpu.h"
#include "hal/fault.h"

static uint8_t payload[AIOS_MAX_PAYLOAD_BYTES];

static void emit_command_error(uint8_t command, aios_error_t error)
{
    aios_writer_t w;
    aios_writer_init(&w, payload, sizeof payload);
    aios_encode_command_error(&w, command, (uint16_t)error, 0);
    core_link_emit(AIOS_FRAME_COMMAND_ERROR, w.data, w.length);
}

static void handle_command(const aios_frame_t *command)
{
    aios_reader_t r;
    aios_writer_t w;
    aios_reader_init(&r, command->payload, command->payload_length);
    aios_writer_init(&w, payload, sizeof payload);
    switch (command->type) {
    case AIOS_FRAME_PING: {
        aios_cmd_ping_t ping;
        if (!aios_decode_ping(&r, &ping)) {
            emit_command_error(command->type, AIOS_ERR_PROTOCOL_BAD_PAYLOAD);
            return;
        }
        aios_encode_pong(&w, ping.nonce);
        core_link_emit(AIOS_FRAME_PONG, w.data, w.length);
        return;
    }
    case AIOS_FRAME_INJECT_FAULT: {
        aios_cmd_inject_fault_t inject;
        if (!aios_decode_inject_fault(&r, &inject)) {
            emit_command_error(command->type, AIOS_ERR_PROTOCOL_BAD_PAYLOAD);
            return;
        }
        hal_fault_inject((aios_fault_kind_t)inject.kind);
        emit_command_error(command->type, AIOS_ERR_SYSTEM_INVALID_ARGUMENT);
        return;
    }
    default:
        emit_command_error(command->type, AIOS_ERR_PROTOCOL_UNKNOWN_COMMAND);
        return;
    }
}

void core_fault_report(const hal_fault_record_t *record)
{
    static uint8_t fault_payload[64];
    aios_writer_t w;
    aios_writer_init(&w, fault_payload, sizeof fault_payload);
    aios_encode_fault(&w, (uint8_t)record->kind, 0, record->pc, record->lr, record->xpsr,
                      record->cfsr, record->hfsr, record->address, AIOS_ERR_FAULT_CPU);
    core_link_emit_from_fault(AIOS_FRAME_FAULT, w.data, w.length);
}

int main(void)
{
    aios_writer_t w;
    uint32_t heartbeats = 0;

    hal_board_init();
    core_link_init();

    aios_writer_init(&w, payload, sizeof payload);
    aios_encode_boot(&w, AIOS_BOARD_NAME, AIOS_FIRMWARE_VERSION, (uint8_t)hal_reset_cause(),
                     AIOS_PROTOCOL_VERSION);
    core_link_emit(AIOS_FRAME_BOOT, w.data, w.length);

    uint64_t next_heartbeat = hal_clock_us() + AIOS_HEARTBEAT_PERIOD_US;
    for (;;) {
        core_link_poll(handle_command);
        uint64_t now = hal_clock_us();
        if (now >= next_heartbeat) {
            aios_writer_init(&w, payload, sizeof payload);
            aios_encode_heartbeat(&w, now, ++heartbeats);
            core_link_emit(AIOS_FRAME_HEARTBEAT, w.data, w.length);
            next_heartbeat += AIOS_HEARTBEAT_PERIOD_US;
        }
        hal_cpu_wait(next_heartbeat);
    }
}
