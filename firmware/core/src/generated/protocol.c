/* Generated from firmware/core/schema/aios.schema.json by `npm run generate`. Do not edit. */

#include "aios/generated/protocol.h"

#include <stddef.h>

static const aios_error_info_t error_table[] = {
    {0, AIOS_ERROR_CATEGORY_NONE, AIOS_SEVERITY_INFO, AIOS_ESCALATION_NONE, false, "ok"},
    {1, AIOS_ERROR_CATEGORY_PROTOCOL, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "protocol_bad_crc"},
    {2, AIOS_ERROR_CATEGORY_PROTOCOL, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "protocol_bad_frame"},
    {3, AIOS_ERROR_CATEGORY_PROTOCOL, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "protocol_bad_version"},
    {4, AIOS_ERROR_CATEGORY_PROTOCOL, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "protocol_unknown_command"},
    {5, AIOS_ERROR_CATEGORY_PROTOCOL, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "protocol_bad_payload"},
    {16, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "vm_malformed_module"},
    {17, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "vm_invalid_module"},
    {18, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "vm_unlinkable"},
    {19, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_unreachable"},
    {20, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_memory_out_of_bounds"},
    {21, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_table_out_of_bounds"},
    {22, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_indirect_call_type_mismatch"},
    {23, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_uninitialized_element"},
    {24, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_integer_divide_by_zero"},
    {25, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_integer_overflow"},
    {26, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_invalid_conversion"},
    {27, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_stack_exhausted"},
    {28, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_AGENT, false, "vm_trap_host"},
    {32, AIOS_ERROR_CATEGORY_FAULT, AIOS_SEVERITY_CRITICAL, AIOS_ESCALATION_SUPERVISOR, false, "fault_cpu"},
    {48, AIOS_ERROR_CATEGORY_SYSTEM, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_SUPERVISOR, true, "system_out_of_memory"},
    {49, AIOS_ERROR_CATEGORY_SYSTEM, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "system_busy"},
    {50, AIOS_ERROR_CATEGORY_SYSTEM, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "system_invalid_argument"},
    {51, AIOS_ERROR_CATEGORY_IO, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, true, "io_link_lost"},
    {64, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "cap_invalid"},
    {65, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "cap_revoked"},
    {66, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "cap_denied"},
    {67, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "cap_amplification"},
    {68, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, true, "cap_table_full"},
    {69, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "quota_memory"},
    {70, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "quota_cpu"},
    {71, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "quota_event_rate"},
    {72, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "quota_io"},
    {73, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "group_invalid"},
    {80, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "sched_admission_refused"},
    {81, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "sched_bad_reservation"},
    {82, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_SUPERVISOR, false, "sched_deadline_missed"},
    {83, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "sched_budget_overrun"},
    {84, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "agent_not_found"},
    {85, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, true, "agent_table_full"},
    {86, AIOS_ERROR_CATEGORY_CAPABILITY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "agent_not_descendant"},
    {87, AIOS_ERROR_CATEGORY_VM, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "agent_upgrade_incompatible"},
    {88, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "lock_invalid"},
    {89, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "lock_deadlock"},
    {90, AIOS_ERROR_CATEGORY_SCHEDULER, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "call_no_request"},
    {96, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "mem_region_invalid"},
    {97, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "mem_out_of_bounds"},
    {98, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "mem_read_only"},
    {99, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "mem_version_gone"},
    {100, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "mem_lease_expired"},
    {101, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "mem_mpu_exhausted"},
    {102, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "mem_snapshot_missing"},
    {103, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_SUPERVISOR, false, "mem_persistent_corrupt"},
    {104, AIOS_ERROR_CATEGORY_MEMORY, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_SUPERVISOR, true, "mem_flash_failed"},
    {112, AIOS_ERROR_CATEGORY_FAULT, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "fault_quarantined"},
    {113, AIOS_ERROR_CATEGORY_FAULT, AIOS_SEVERITY_CRITICAL, AIOS_ESCALATION_SUPERVISOR, false, "fault_restart_limit"},
    {120, AIOS_ERROR_CATEGORY_EVENT_BUS, AIOS_SEVERITY_DEBUG, AIOS_ESCALATION_NONE, true, "bus_empty"},
    {121, AIOS_ERROR_CATEGORY_EVENT_BUS, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "bus_subscription_invalid"},
    {128, AIOS_ERROR_CATEGORY_SERVICE, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "svc_invalid"},
    {129, AIOS_ERROR_CATEGORY_SERVICE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, true, "svc_dependency_failed"},
    {130, AIOS_ERROR_CATEGORY_SERVICE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "svc_dependency_cycle"},
    {131, AIOS_ERROR_CATEGORY_SERVICE, AIOS_SEVERITY_CRITICAL, AIOS_ESCALATION_SUPERVISOR, false, "svc_attestation_failed"},
    {132, AIOS_ERROR_CATEGORY_SERVICE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "svc_caps_insufficient"},
    {133, AIOS_ERROR_CATEGORY_SERVICE, AIOS_SEVERITY_CRITICAL, AIOS_ESCALATION_SUPERVISOR, false, "svc_restart_intensity"},
    {134, AIOS_ERROR_CATEGORY_SERVICE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, true, "svc_health_failed"},
    {135, AIOS_ERROR_CATEGORY_SERVICE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, true, "svc_watchdog_expired"},
    {144, AIOS_ERROR_CATEGORY_SYSTEM, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "syscall_unknown"},
    {160, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "image_bad_crc"},
    {161, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "image_bad_offset"},
    {162, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "image_too_large"},
    {163, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "image_bad_signature"},
    {164, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "image_bad_digest"},
    {165, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "image_unknown"},
    {166, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, false, "image_store_full"},
    {167, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, false, "image_no_install"},
    {168, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_WARNING, AIOS_ESCALATION_NONE, true, "image_incomplete"},
    {169, AIOS_ERROR_CATEGORY_IMAGE, AIOS_SEVERITY_ERROR, AIOS_ESCALATION_NONE, true, "image_store_failed"},
};

const aios_error_info_t *aios_error_info(uint16_t code)
{
    for (size_t i = 0; i < sizeof error_table / sizeof error_table[0]; i++) {
        if (error_table[i].code == code) {
            return &error_table[i];
        }
    }
    return NULL;
}

bool aios_encode_boot(aios_writer_t *w, const char *board, const char *firmware_version, uint8_t reset_cause, uint8_t protocol_version)
{
    aios_put_str(w, board);
    aios_put_str(w, firmware_version);
    aios_put_u8(w, reset_cause);
    aios_put_u8(w, protocol_version);
    return !w->overflow;
}

bool aios_encode_heartbeat(aios_writer_t *w, uint64_t uptime_us, uint32_t count)
{
    aios_put_varuint(w, uptime_us);
    aios_put_u32(w, count);
    return !w->overflow;
}

bool aios_encode_pong(aios_writer_t *w, uint32_t nonce)
{
    aios_put_u32(w, nonce);
    return !w->overflow;
}

bool aios_encode_fault(aios_writer_t *w, uint8_t kind, uint16_t agent, uint32_t pc, uint32_t lr, uint32_t xpsr, uint32_t cfsr, uint32_t hfsr, uint32_t address, uint16_t error)
{
    aios_put_u8(w, kind);
    aios_put_u16(w, agent);
    aios_put_u32(w, pc);
    aios_put_u32(w, lr);
    aios_put_u32(w, xpsr);
    aios_put_u32(w, cfsr);
    aios_put_u32(w, hfsr);
    aios_put_u32(w, address);
    aios_put_u16(w, error);
    return !w->overflow;
}

bool aios_encode_log(aios_writer_t *w, uint16_t agent, uint8_t level, const char *text)
{
    aios_put_u16(w, agent);
    aios_put_u8(w, level);
    aios_put_str(w, text);
    return !w->overflow;
}

bool aios_encode_command_error(aios_writer_t *w, uint8_t command, uint16_t error, uint32_t correlation)
{
    aios_put_u8(w, command);
    aios_put_u16(w, error);
    aios_put_u32(w, correlation);
    return !w->overflow;
}

bool aios_encode_agent_io(aios_writer_t *w, uint16_t agent, uint8_t channel, aios_span_t data)
{
    aios_put_u16(w, agent);
    aios_put_u8(w, channel);
    aios_put_bytes(w, data.data, data.length);
    return !w->overflow;
}

bool aios_encode_slice(aios_writer_t *w, uint16_t agent, uint64_t start_us, uint32_t duration_us, uint32_t fuel, uint8_t end)
{
    aios_put_u16(w, agent);
    aios_put_varuint(w, start_us);
    aios_put_u32(w, duration_us);
    aios_put_u32(w, fuel);
    aios_put_u8(w, end);
    return !w->overflow;
}

bool aios_encode_fault_injection(aios_writer_t *w, uint16_t agent, uint8_t target, uint32_t address)
{
    aios_put_u16(w, agent);
    aios_put_u8(w, target);
    aios_put_u32(w, address);
    return !w->overflow;
}

bool aios_encode_domain_bench_result(aios_writer_t *w, uint32_t rounds, uint32_t direct_us, uint32_t run_us, uint32_t call_us)
{
    aios_put_u32(w, rounds);
    aios_put_u32(w, direct_us);
    aios_put_u32(w, run_us);
    aios_put_u32(w, call_us);
    return !w->overflow;
}

bool aios_encode_image_progress(aios_writer_t *w, const char *name, uint32_t received, uint32_t size)
{
    aios_put_str(w, name);
    aios_put_u32(w, received);
    aios_put_u32(w, size);
    return !w->overflow;
}

bool aios_encode_image_installed(aios_writer_t *w, uint16_t id, const char *name, const char *version, uint32_t size, uint32_t sequence)
{
    aios_put_u16(w, id);
    aios_put_str(w, name);
    aios_put_str(w, version);
    aios_put_u32(w, size);
    aios_put_u32(w, sequence);
    return !w->overflow;
}

bool aios_encode_image_info(aios_writer_t *w, uint16_t id, const char *name, const char *version, uint32_t size, aios_span_t sha256, aios_span_t manifest)
{
    aios_put_u16(w, id);
    aios_put_str(w, name);
    aios_put_str(w, version);
    aios_put_u32(w, size);
    aios_put_bytes(w, sha256.data, sha256.length);
    aios_put_bytes(w, manifest.data, manifest.length);
    return !w->overflow;
}

bool aios_encode_image_agent(aios_writer_t *w, uint16_t agent, uint16_t image)
{
    aios_put_u16(w, agent);
    aios_put_u16(w, image);
    return !w->overflow;
}

bool aios_encode_image_list_end(aios_writer_t *w, uint8_t count, uint8_t free, uint8_t agents)
{
    aios_put_u8(w, count);
    aios_put_u8(w, free);
    aios_put_u8(w, agents);
    return !w->overflow;
}

bool aios_encode_agent_spawned(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t parent, uint32_t image, uint32_t weight, uint32_t hints)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, parent);
    aios_put_u32(w, image);
    aios_put_u32(w, weight);
    aios_put_u32(w, hints);
    return !w->overflow;
}

bool aios_encode_agent_exited(aios_writer_t *w, uint16_t agent, uint32_t correlation, int32_t code)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, (uint32_t)code);
    return !w->overflow;
}

bool aios_encode_agent_killed(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t by, uint32_t error)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, by);
    aios_put_u32(w, error);
    return !w->overflow;
}

bool aios_encode_agent_cloned(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t source)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, source);
    return !w->overflow;
}

bool aios_encode_agent_merged(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t absorbed)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, absorbed);
    return !w->overflow;
}

bool aios_encode_agent_split(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t source, uint32_t weight)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, source);
    aios_put_u32(w, weight);
    return !w->overflow;
}

bool aios_encode_agent_upgraded(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t image, uint32_t state_kept)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, image);
    aios_put_u32(w, state_kept);
    return !w->overflow;
}

bool aios_encode_agent_specialized(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t handle, uint32_t flags)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, handle);
    aios_put_u32(w, flags);
    return !w->overflow;
}

bool aios_encode_agent_restarted(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t attempt, uint32_t delay_us)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, attempt);
    aios_put_u32(w, delay_us);
    return !w->overflow;
}

bool aios_encode_agent_quarantined(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t error)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, error);
    return !w->overflow;
}

bool aios_encode_agent_stats(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t cpu_fuel, uint32_t steps, uint32_t faults, uint32_t memory_bytes)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, cpu_fuel);
    aios_put_u32(w, steps);
    aios_put_u32(w, faults);
    aios_put_u32(w, memory_bytes);
    return !w->overflow;
}

bool aios_encode_agent_sched_stats(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t deadlines_met, uint32_t deadlines_missed, uint32_t overruns, uint32_t restarts)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, deadlines_met);
    aios_put_u32(w, deadlines_missed);
    aios_put_u32(w, overruns);
    aios_put_u32(w, restarts);
    return !w->overflow;
}

bool aios_encode_sched_admitted(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t budget_us, uint32_t period_us, uint32_t utilisation_ppm)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, budget_us);
    aios_put_u32(w, period_us);
    aios_put_u32(w, utilisation_ppm);
    return !w->overflow;
}

bool aios_encode_sched_refused(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t budget_us, uint32_t period_us, uint32_t utilisation_ppm)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, budget_us);
    aios_put_u32(w, period_us);
    aios_put_u32(w, utilisation_ppm);
    return !w->overflow;
}

bool aios_encode_sched_overrun(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t budget_us, uint32_t job)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, budget_us);
    aios_put_u32(w, job);
    return !w->overflow;
}

bool aios_encode_sched_deadline_miss(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t job, uint32_t deadline_us)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, job);
    aios_put_u32(w, deadline_us);
    return !w->overflow;
}

bool aios_encode_sched_inherit(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t donor, uint32_t lock)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, donor);
    aios_put_u32(w, lock);
    return !w->overflow;
}

bool aios_encode_sched_hint(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t hints, uint32_t weight)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, hints);
    aios_put_u32(w, weight);
    return !w->overflow;
}

bool aios_encode_cap_granted(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t handle, uint32_t flags, uint32_t granter)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, handle);
    aios_put_u32(w, flags);
    aios_put_u32(w, granter);
    return !w->overflow;
}

bool aios_encode_cap_denied(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t handle, uint32_t needed, uint32_t error)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, handle);
    aios_put_u32(w, needed);
    aios_put_u32(w, error);
    return !w->overflow;
}

bool aios_encode_cap_delegated(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t to, uint32_t handle, uint32_t flags)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, to);
    aios_put_u32(w, handle);
    aios_put_u32(w, flags);
    return !w->overflow;
}

bool aios_encode_cap_revoked(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t handle, uint32_t count)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, handle);
    aios_put_u32(w, count);
    return !w->overflow;
}

bool aios_encode_quota_exceeded(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t resource, uint32_t group, uint32_t requested)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, resource);
    aios_put_u32(w, group);
    aios_put_u32(w, requested);
    return !w->overflow;
}

bool aios_encode_group_created(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t group, uint32_t parent)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, group);
    aios_put_u32(w, parent);
    return !w->overflow;
}

bool aios_encode_mem_region_created(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t kind, uint32_t size)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, region);
    aios_put_u32(w, kind);
    aios_put_u32(w, size);
    return !w->overflow;
}

bool aios_encode_mem_region_written(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t version, uint32_t bytes)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, region);
    aios_put_u32(w, version);
    aios_put_u32(w, bytes);
    return !w->overflow;
}

bool aios_encode_mem_shared(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t rights, uint32_t handle, uint32_t owner)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, region);
    aios_put_u32(w, rights);
    aios_put_u32(w, handle);
    aios_put_u32(w, owner);
    return !w->overflow;
}

bool aios_encode_mem_lease_expired(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, region);
    return !w->overflow;
}

bool aios_encode_mem_region_freed(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t bytes)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, region);
    aios_put_u32(w, bytes);
    return !w->overflow;
}

bool aios_encode_mem_snapshot(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t slot, uint32_t bytes)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, slot);
    aios_put_u32(w, bytes);
    return !w->overflow;
}

bool aios_encode_mem_restored(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t slot)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, slot);
    return !w->overflow;
}

bool aios_encode_mem_persisted(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t version, uint32_t key)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, region);
    aios_put_u32(w, version);
    aios_put_u32(w, key);
    return !w->overflow;
}

bool aios_encode_fault_handled(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t kind, uint32_t error, uint32_t action, uint32_t count)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, kind);
    aios_put_u32(w, error);
    aios_put_u32(w, action);
    aios_put_u32(w, count);
    return !w->overflow;
}

bool aios_encode_fault_stats(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t total, uint32_t restarts, uint32_t kills, uint32_t quarantines)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, total);
    aios_put_u32(w, restarts);
    aios_put_u32(w, kills);
    aios_put_u32(w, quarantines);
    return !w->overflow;
}

bool aios_encode_bus_event(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t topic, uint32_t value, uint32_t value2)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, topic);
    aios_put_u32(w, value);
    aios_put_u32(w, value2);
    return !w->overflow;
}

bool aios_encode_bus_dropped(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t subscription, uint32_t dropped)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, subscription);
    aios_put_u32(w, dropped);
    return !w->overflow;
}

bool aios_encode_bus_stats(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t published, uint32_t delivered, uint32_t dropped, uint32_t subscriptions)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, published);
    aios_put_u32(w, delivered);
    aios_put_u32(w, dropped);
    aios_put_u32(w, subscriptions);
    return !w->overflow;
}

bool aios_encode_svc_registered(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t image, uint32_t deps)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, image);
    aios_put_u32(w, deps);
    return !w->overflow;
}

bool aios_encode_svc_started(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    return !w->overflow;
}

bool aios_encode_svc_stopped(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t reason)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, reason);
    return !w->overflow;
}

bool aios_encode_svc_failed(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t error)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, error);
    return !w->overflow;
}

bool aios_encode_svc_restarting(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t restarts, uint32_t delay_us)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, restarts);
    aios_put_u32(w, delay_us);
    return !w->overflow;
}

bool aios_encode_svc_escalated(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t escalation)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, escalation);
    return !w->overflow;
}

bool aios_encode_svc_health(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t healthy)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, healthy);
    return !w->overflow;
}

bool aios_encode_svc_watchdog_expired(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t timeout_us)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, timeout_us);
    return !w->overflow;
}

bool aios_encode_svc_attested(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t image, uint32_t ok)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, image);
    aios_put_u32(w, ok);
    return !w->overflow;
}

bool aios_encode_svc_watchdog_withheld(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t feeding)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, service);
    aios_put_u32(w, feeding);
    return !w->overflow;
}

bool aios_encode_error_raised(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t code, uint32_t syscall, uint32_t count)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, code);
    aios_put_u32(w, syscall);
    aios_put_u32(w, count);
    return !w->overflow;
}

bool aios_encode_error_aggregate(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t code, uint32_t count)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, code);
    aios_put_u32(w, count);
    return !w->overflow;
}

bool aios_encode_kernel_ready(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t max_agents, uint32_t arena_bytes, uint32_t persistent_found)
{
    aios_put_u16(w, agent);
    aios_put_u32(w, correlation);
    aios_put_u32(w, max_agents);
    aios_put_u32(w, arena_bytes);
    aios_put_u32(w, persistent_found);
    return !w->overflow;
}

bool aios_encode_image_removed(aios_writer_t *w, uint16_t id, const char *name)
{
    aios_put_u16(w, id);
    aios_put_str(w, name);
    return !w->overflow;
}

bool aios_decode_ping(aios_reader_t *r, aios_cmd_ping_t *out)
{
    out->nonce = aios_get_u32(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_inject_fault(aios_reader_t *r, aios_cmd_inject_fault_t *out)
{
    out->kind = aios_get_u8(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_trace_control(aios_reader_t *r, aios_cmd_trace_control_t *out)
{
    out->enable = aios_get_u8(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_inject_agent_fault(aios_reader_t *r, aios_cmd_inject_agent_fault_t *out)
{
    out->agent = aios_get_u16(r);
    out->target = aios_get_u8(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_domain_bench(aios_reader_t *r, aios_cmd_domain_bench_t *out)
{
    out->rounds = aios_get_u32(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_image_begin(aios_reader_t *r, aios_cmd_image_begin_t *out)
{
    out->name = aios_get_span(r);
    out->version = aios_get_span(r);
    out->size = aios_get_u32(r);
    out->sha256 = aios_get_span(r);
    out->signature = aios_get_span(r);
    out->manifest = aios_get_span(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_image_chunk(aios_reader_t *r, aios_cmd_image_chunk_t *out)
{
    out->offset = aios_get_u32(r);
    out->crc = aios_get_u32(r);
    out->data = aios_get_span(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_image_commit(aios_reader_t *r, aios_cmd_image_commit_t *out)
{
    out->name = aios_get_span(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_image_abort(aios_reader_t *r)
{
    return r->offset == r->length;
}

bool aios_decode_image_list(aios_reader_t *r)
{
    return r->offset == r->length;
}

bool aios_decode_image_remove(aios_reader_t *r, aios_cmd_image_remove_t *out)
{
    out->name = aios_get_span(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_agent_spawn(aios_reader_t *r, aios_cmd_agent_spawn_t *out)
{
    out->correlation = aios_get_u32(r);
    out->image = aios_get_u16(r);
    out->caps = aios_get_u32(r);
    out->group = aios_get_u8(r);
    out->weight = aios_get_u16(r);
    out->hints = aios_get_u8(r);
    out->budget_us = aios_get_u32(r);
    out->period_us = aios_get_u32(r);
    out->arg0 = (int32_t)aios_get_u32(r);
    out->arg1 = (int32_t)aios_get_u32(r);
    out->arg2 = (int32_t)aios_get_u32(r);
    out->arg3 = (int32_t)aios_get_u32(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_agent_kill(aios_reader_t *r, aios_cmd_agent_kill_t *out)
{
    out->correlation = aios_get_u32(r);
    out->agent = aios_get_u16(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_agent_fault_policy(aios_reader_t *r, aios_cmd_agent_fault_policy_t *out)
{
    out->correlation = aios_get_u32(r);
    out->agent = aios_get_u16(r);
    out->policy = aios_get_u8(r);
    out->threshold = aios_get_u8(r);
    out->window_ms = aios_get_u32(r);
    out->backoff_ms = aios_get_u32(r);
    out->backoff_max_ms = aios_get_u32(r);
    out->supervisor = aios_get_u16(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_agent_release(aios_reader_t *r, aios_cmd_agent_release_t *out)
{
    out->correlation = aios_get_u32(r);
    out->agent = aios_get_u16(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_agent_upgrade(aios_reader_t *r, aios_cmd_agent_upgrade_t *out)
{
    out->correlation = aios_get_u32(r);
    out->agent = aios_get_u16(r);
    out->image = aios_get_u16(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_group_create(aios_reader_t *r, aios_cmd_group_create_t *out)
{
    out->correlation = aios_get_u32(r);
    out->parent = aios_get_u8(r);
    out->memory_bytes = aios_get_u32(r);
    out->cpu_budget_us = aios_get_u32(r);
    out->cpu_period_us = aios_get_u32(r);
    out->event_rate = aios_get_u16(r);
    out->io_bytes_per_s = aios_get_u32(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_svc_register(aios_reader_t *r, aios_cmd_svc_register_t *out)
{
    out->correlation = aios_get_u32(r);
    out->service = aios_get_u8(r);
    out->image = aios_get_u16(r);
    out->deps = aios_get_u32(r);
    out->caps = aios_get_u32(r);
    out->restart = aios_get_u8(r);
    out->max_restarts = aios_get_u8(r);
    out->window_ms = aios_get_u32(r);
    out->health_ms = aios_get_u32(r);
    out->watchdog_ms = aios_get_u32(r);
    out->escalation = aios_get_u8(r);
    out->critical = aios_get_u8(r);
    out->weight = aios_get_u16(r);
    out->arg0 = (int32_t)aios_get_u32(r);
    out->arg1 = (int32_t)aios_get_u32(r);
    out->arg2 = (int32_t)aios_get_u32(r);
    out->arg3 = (int32_t)aios_get_u32(r);
    out->sha256 = aios_get_span(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_svc_start(aios_reader_t *r, aios_cmd_svc_start_t *out)
{
    out->correlation = aios_get_u32(r);
    out->service = aios_get_u8(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_svc_stop(aios_reader_t *r, aios_cmd_svc_stop_t *out)
{
    out->correlation = aios_get_u32(r);
    out->service = aios_get_u8(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_svc_check(aios_reader_t *r, aios_cmd_svc_check_t *out)
{
    out->correlation = aios_get_u32(r);
    out->service = aios_get_u8(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_stats_request(aios_reader_t *r, aios_cmd_stats_request_t *out)
{
    out->correlation = aios_get_u32(r);
    out->what = aios_get_u8(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_stream_filter(aios_reader_t *r, aios_cmd_stream_filter_t *out)
{
    out->correlation = aios_get_u32(r);
    out->min_severity = aios_get_u8(r);
    return !r->error && r->offset == r->length;
}

bool aios_decode_inject_hang(aios_reader_t *r)
{
    return r->offset == r->length;
}
