/* Boot sequence and main loop: announce the boot, start the watchdog, boot kernel.wasm, then
 * answer commands, run the slices the kernel schedules and send a heartbeat each period. */
#include "aios/agents.h"
#include "aios/config.h"
#include "aios/image_commands.h"
#include "aios/image_store.h"
#include "aios/kernel_host.h"
#include "aios/link.h"
#include "hal/clock.h"
#include "hal/cpu.h"
#include "hal/fault.h"
#include "hal/watchdog.h"

#include <stdbool.h>

static uint8_t payload[AIOS_MAX_PAYLOAD_BYTES];
static bool kernel_running;

static void emit_log(aios_severity_t level, const char *text)
{
    aios_writer_t w;
    aios_writer_init(&w, payload, sizeof payload);
    aios_encode_log(&w, 0, (uint8_t)level, text);
    core_link_emit(AIOS_FRAME_LOG, w.data, w.length);
}

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
    case AIOS_FRAME_INJECT_AGENT_FAULT: {
        aios_cmd_inject_agent_fault_t inject;
        uint32_t address = 0;
        if (!aios_decode_inject_agent_fault(&r, &inject)) {
            emit_command_error(command->type, AIOS_ERR_PROTOCOL_BAD_PAYLOAD);
            return;
        }
        int32_t status =
            core_agent_inject_fault(inject.agent, (aios_fault_injection_t)inject.target, &address);
        if (status < 0) {
            emit_command_error(command->type, (aios_error_t)-status);
            return;
        }
        aios_encode_fault_injection(&w, inject.agent, inject.target, address);
        core_link_emit(AIOS_FRAME_FAULT_INJECTION, w.data, w.length);
        return;
    }
    case AIOS_FRAME_DOMAIN_BENCH: {
        aios_cmd_domain_bench_t bench;
        uint32_t elapsed[3];
        if (!aios_decode_domain_bench(&r, &bench)) {
            emit_command_error(command->type, AIOS_ERR_PROTOCOL_BAD_PAYLOAD);
            return;
        }
        int32_t status = core_agent_domain_bench(bench.rounds, elapsed);
        if (status < 0) {
            emit_command_error(command->type, (aios_error_t)-status);
            return;
        }
        aios_encode_domain_bench_result(&w, bench.rounds, elapsed[0], elapsed[1], elapsed[2]);
        core_link_emit(AIOS_FRAME_DOMAIN_BENCH_RESULT, w.data, w.length);
        return;
    }
    case AIOS_FRAME_INJECT_HANG:
        if (!aios_decode_inject_hang(&r)) {
            emit_command_error(command->type, AIOS_ERR_PROTOCOL_BAD_PAYLOAD);
            return;
        }
        /* Nothing feeds the watchdog from here on: it must reset the board. */
        for (;;) {
        }
    case AIOS_FRAME_TRACE_CONTROL: {
        aios_cmd_trace_control_t trace;
        if (!aios_decode_trace_control(&r, &trace)) {
            emit_command_error(command->type, AIOS_ERR_PROTOCOL_BAD_PAYLOAD);
            return;
        }
        core_kernel_trace(trace.enable != 0);
        return;
    }
    default:
        if (core_image_command(command)) {
            return;
        }
        if (command->type >= AIOS_FIRST_KERNEL_COMMAND && kernel_running) {
            /* The kernel reports its own refusals (command_error with the correlation id). */
            (void)core_kernel_command(command->type, command->payload, command->payload_length);
            return;
        }
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

    if (hal_watchdog_start(AIOS_WATCHDOG_TIMEOUT_US) != 0) {
        emit_log(AIOS_SEVERITY_WARNING, "no hardware watchdog on this board");
    }
    if (core_store_init() != 0) {
        emit_log(AIOS_SEVERITY_WARNING, "no room for the image store in this board's flash");
    }
    /* Without a kernel the board still answers pings and reports faults, so the host can see
     * why (the log event core_kernel_boot sent). */
    kernel_running = core_kernel_boot() == 0;

    uint64_t next_heartbeat = hal_clock_us() + AIOS_HEARTBEAT_PERIOD_US;
    for (;;) {
        core_link_poll(handle_command);
        uint64_t wake = next_heartbeat;
        if (kernel_running) {
            uint64_t idle_until = core_kernel_run();
            wake = idle_until < wake ? idle_until : wake;
        } else {
            hal_watchdog_feed();
        }
        uint64_t now = hal_clock_us();
        if (now >= next_heartbeat) {
            aios_writer_init(&w, payload, sizeof payload);
            aios_encode_heartbeat(&w, now, ++heartbeats);
            core_link_emit(AIOS_FRAME_HEARTBEAT, w.data, w.length);
            next_heartbeat += AIOS_HEARTBEAT_PERIOD_US;
        }
        hal_cpu_wait(wake);
    }
}
