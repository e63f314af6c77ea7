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
