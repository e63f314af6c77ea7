/* Generated from firmware/core/schema/aios.schema.json by `npm run generate`. Do not edit. */

#ifndef AIOS_GENERATED_PROTOCOL_H
#define AIOS_GENERATED_PROTOCOL_H

#include "aios/wire.h"
#include <stdbool.h>
#include <stdint.h>

#define AIOS_PROTOCOL_VERSION 1u
#define AIOS_MAX_FRAME_BYTES 512u
#define AIOS_MAX_PAYLOAD_BYTES 480u

typedef enum {
    AIOS_RESET_CAUSE_UNKNOWN = 0,
    AIOS_RESET_CAUSE_POWER_ON = 1,
    AIOS_RESET_CAUSE_SOFTWARE = 2,
    AIOS_RESET_CAUSE_WATCHDOG = 3,
    AIOS_RESET_CAUSE_FAULT = 4,
    AIOS_RESET_CAUSE_EXTERNAL_PIN = 5,
} aios_reset_cause_t;

typedef enum {
    AIOS_FAULT_KIND_HARD_FAULT = 0,
    AIOS_FAULT_KIND_MEM_MANAGE = 1,
    AIOS_FAULT_KIND_BUS_FAULT = 2,
    AIOS_FAULT_KIND_USAGE_FAULT = 3,
    AIOS_FAULT_KIND_SIGSEGV = 4,
    AIOS_FAULT_KIND_SIGBUS = 5,
    AIOS_FAULT_KIND_VM_TRAP = 6,
} aios_fault_kind_t;

typedef enum {
    AIOS_SEVERITY_DEBUG = 0,
    AIOS_SEVERITY_INFO = 1,
    AIOS_SEVERITY_WARNING = 2,
    AIOS_SEVERITY_ERROR = 3,
    AIOS_SEVERITY_CRITICAL = 4,
} aios_severity_t;

typedef enum {
    AIOS_ERROR_CATEGORY_NONE = 0,
    AIOS_ERROR_CATEGORY_PROTOCOL = 1,
    AIOS_ERROR_CATEGORY_VM = 2,
    AIOS_ERROR_CATEGORY_CAPABILITY = 3,
    AIOS_ERROR_CATEGORY_MEMORY = 4,
    AIOS_ERROR_CATEGORY_SCHEDULER = 5,
    AIOS_ERROR_CATEGORY_FAULT = 6,
    AIOS_ERROR_CATEGORY_EVENT_BUS = 7,
    AIOS_ERROR_CATEGORY_SERVICE = 8,
    AIOS_ERROR_CATEGORY_IO = 9,
    AIOS_ERROR_CATEGORY_SYSTEM = 10,
} aios_error_category_t;

typedef enum {
    AIOS_ESCALATION_NONE = 0,
    AIOS_ESCALATION_AGENT = 1,
    AIOS_ESCALATION_SUPERVISOR = 2,
    AIOS_ESCALATION_BOARD_RESET = 3,
} aios_escalation_t;

typedef enum {
    AIOS_FRAME_BOOT = 1,
    AIOS_FRAME_HEARTBEAT = 2,
    AIOS_FRAME_PONG = 3,
    AIOS_FRAME_FAULT = 4,
    AIOS_FRAME_LOG = 5,
    AIOS_FRAME_COMMAND_ERROR = 6,
    AIOS_FRAME_PING = 128,
    AIOS_FRAME_INJECT_FAULT = 129,
} aios_frame_type_t;

typedef enum {
    AIOS_ERR_OK = 0,
    AIOS_ERR_PROTOCOL_BAD_CRC = 1,
    AIOS_ERR_PROTOCOL_BAD_FRAME = 2,
    AIOS_ERR_PROTOCOL_BAD_VERSION = 3,
    AIOS_ERR_PROTOCOL_UNKNOWN_COMMAND = 4,
    AIOS_ERR_PROTOCOL_BAD_PAYLOAD = 5,
    AIOS_ERR_VM_MALFORMED_MODULE = 16,
    AIOS_ERR_VM_INVALID_MODULE = 17,
    AIOS_ERR_VM_UNLINKABLE = 18,
    AIOS_ERR_VM_TRAP_UNREACHABLE = 19,
    AIOS_ERR_VM_TRAP_MEMORY_OUT_OF_BOUNDS = 20,
    AIOS_ERR_VM_TRAP_TABLE_OUT_OF_BOUNDS = 21,
    AIOS_ERR_VM_TRAP_INDIRECT_CALL_TYPE_MISMATCH = 22,
    AIOS_ERR_VM_TRAP_UNINITIALIZED_ELEMENT = 23,
    AIOS_ERR_VM_TRAP_INTEGER_DIVIDE_BY_ZERO = 24,
    AIOS_ERR_VM_TRAP_INTEGER_OVERFLOW = 25,
    AIOS_ERR_VM_TRAP_INVALID_CONVERSION = 26,
    AIOS_ERR_VM_TRAP_STACK_EXHAUSTED = 27,
    AIOS_ERR_VM_TRAP_HOST = 28,
    AIOS_ERR_FAULT_CPU = 32,
    AIOS_ERR_SYSTEM_OUT_OF_MEMORY = 48,
    AIOS_ERR_SYSTEM_BUSY = 49,
    AIOS_ERR_SYSTEM_INVALID_ARGUMENT = 50,
    AIOS_ERR_IO_LINK_LOST = 51,
} aios_error_t;

typedef struct {
    uint16_t code;
    uint8_t category;   /* aios_error_category_t */
    uint8_t severity;   /* aios_severity_t */
    uint8_t escalation; /* aios_escalation_t */
    bool retryable;
    const char *name;
} aios_error_info_t;

/* The error table entry for `code`, or NULL when the code is not in the table. */
const aios_error_info_t *aios_error_info(uint16_t code);

/* First frame after reset: which board, which firmware, why it reset. */
bool aios_encode_boot(aios_writer_t *w, const char *board, const char *firmware_version, uint8_t reset_cause, uint8_t protocol_version);

/* Sent at a fixed period so the host can tell a live device from a hung one. */
bool aios_encode_heartbeat(aios_writer_t *w, uint64_t uptime_us, uint32_t count);

/* Answer to the ping command, echoing its nonce. */
bool aios_encode_pong(aios_writer_t *w, uint32_t nonce);

/* A CPU exception or VM trap, decoded. agent is 0 for the kernel itself. */
bool aios_encode_fault(aios_writer_t *w, uint8_t kind, uint16_t agent, uint32_t pc, uint32_t lr, uint32_t xpsr, uint32_t cfsr, uint32_t hfsr, uint32_t address, uint16_t error);

/* A line of text from the kernel or an agent. */
bool aios_encode_log(aios_writer_t *w, uint16_t agent, uint8_t level, const char *text);

/* A host command was refused; carries the error code and the command's type. */
bool aios_encode_command_error(aios_writer_t *w, uint8_t command, uint16_t error, uint32_t correlation);

/* Liveness check; the device answers with a pong carrying the same nonce. */
typedef struct {
    uint32_t nonce;
} aios_cmd_ping_t;
bool aios_decode_ping(aios_reader_t *r, aios_cmd_ping_t *out);

/* Test hook: the device raises a real CPU fault of `kind` (fault_kind) and reports it. */
typedef struct {
    uint8_t kind;
} aios_cmd_inject_fault_t;
bool aios_decode_inject_fault(aios_reader_t *r, aios_cmd_inject_fault_t *out);

#endif
