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
    AIOS_ERROR_CATEGORY_IMAGE = 11,
} aios_error_category_t;

typedef enum {
    AIOS_ESCALATION_NONE = 0,
    AIOS_ESCALATION_AGENT = 1,
    AIOS_ESCALATION_SUPERVISOR = 2,
    AIOS_ESCALATION_BOARD_RESET = 3,
} aios_escalation_t;

typedef enum {
    AIOS_FAULT_POLICY_KILL = 0,
    AIOS_FAULT_POLICY_RESTART = 1,
    AIOS_FAULT_POLICY_RESTART_BACKOFF = 2,
    AIOS_FAULT_POLICY_QUARANTINE = 3,
    AIOS_FAULT_POLICY_ESCALATE = 4,
    AIOS_FAULT_POLICY_RESET_BOARD = 5,
} aios_fault_policy_t;

typedef enum {
    AIOS_FAULT_ACTION_KILL = 0,
    AIOS_FAULT_ACTION_RESTART = 1,
    AIOS_FAULT_ACTION_RESTART_DELAYED = 2,
    AIOS_FAULT_ACTION_QUARANTINE = 3,
    AIOS_FAULT_ACTION_ESCALATE_SUPERVISOR = 4,
    AIOS_FAULT_ACTION_ESCALATE_BOARD_RESET = 5,
    AIOS_FAULT_ACTION_SERVICE = 6,
} aios_fault_action_t;

typedef enum {
    AIOS_RESTART_POLICY_NEVER = 0,
    AIOS_RESTART_POLICY_ON_FAILURE = 1,
    AIOS_RESTART_POLICY_ALWAYS = 2,
} aios_restart_policy_t;

typedef enum {
    AIOS_REGION_KIND_EPHEMERAL = 0,
    AIOS_REGION_KIND_PERSISTENT = 1,
    AIOS_REGION_KIND_SHARED = 2,
} aios_region_kind_t;

typedef enum {
    AIOS_QUOTA_RESOURCE_MEMORY = 0,
    AIOS_QUOTA_RESOURCE_CPU = 1,
    AIOS_QUOTA_RESOURCE_EVENT_RATE = 2,
    AIOS_QUOTA_RESOURCE_IO = 3,
} aios_quota_resource_t;

typedef enum {
    AIOS_STATS_KIND_AGENTS = 0,
    AIOS_STATS_KIND_FAULTS = 1,
    AIOS_STATS_KIND_BUS = 2,
    AIOS_STATS_KIND_ERRORS = 3,
    AIOS_STATS_KIND_ALL = 4,
} aios_stats_kind_t;

typedef enum {
    AIOS_STOP_REASON_REQUESTED = 0,
    AIOS_STOP_REASON_EXITED = 1,
    AIOS_STOP_REASON_FAILED = 2,
    AIOS_STOP_REASON_DEPENDENCY = 3,
    AIOS_STOP_REASON_ESCALATED = 4,
} aios_stop_reason_t;

typedef enum {
    AIOS_SLICE_END_STEP_DONE = 0,
    AIOS_SLICE_END_PREEMPTED = 1,
    AIOS_SLICE_END_TRAPPED = 2,
    AIOS_SLICE_END_FAULTED = 3,
} aios_slice_end_t;

typedef enum {
    AIOS_FAULT_INJECTION_OTHER_AGENT = 0,
    AIOS_FAULT_INJECTION_KERNEL = 1,
    AIOS_FAULT_INJECTION_AGENT_STACK = 2,
    AIOS_FAULT_INJECTION_KERNEL_STACK = 3,
} aios_fault_injection_t;

typedef enum {
    AIOS_FRAME_BOOT = 1,
    AIOS_FRAME_HEARTBEAT = 2,
    AIOS_FRAME_PONG = 3,
    AIOS_FRAME_FAULT = 4,
    AIOS_FRAME_LOG = 5,
    AIOS_FRAME_COMMAND_ERROR = 6,
    AIOS_FRAME_AGENT_IO = 7,
    AIOS_FRAME_SLICE = 8,
    AIOS_FRAME_FAULT_INJECTION = 9,
    AIOS_FRAME_DOMAIN_BENCH_RESULT = 10,
    AIOS_FRAME_IMAGE_PROGRESS = 11,
    AIOS_FRAME_IMAGE_INSTALLED = 12,
    AIOS_FRAME_IMAGE_INFO = 13,
    AIOS_FRAME_IMAGE_AGENT = 14,
    AIOS_FRAME_IMAGE_LIST_END = 15,
    AIOS_FRAME_AGENT_SPAWNED = 16,
    AIOS_FRAME_AGENT_EXITED = 17,
    AIOS_FRAME_AGENT_KILLED = 18,
    AIOS_FRAME_AGENT_CLONED = 19,
    AIOS_FRAME_AGENT_MERGED = 20,
    AIOS_FRAME_AGENT_SPLIT = 21,
    AIOS_FRAME_AGENT_UPGRADED = 22,
    AIOS_FRAME_AGENT_SPECIALIZED = 23,
    AIOS_FRAME_AGENT_RESTARTED = 24,
    AIOS_FRAME_AGENT_QUARANTINED = 25,
    AIOS_FRAME_AGENT_STATS = 26,
    AIOS_FRAME_AGENT_SCHED_STATS = 27,
    AIOS_FRAME_SCHED_ADMITTED = 32,
    AIOS_FRAME_SCHED_REFUSED = 33,
    AIOS_FRAME_SCHED_OVERRUN = 34,
    AIOS_FRAME_SCHED_DEADLINE_MISS = 35,
    AIOS_FRAME_SCHED_INHERIT = 36,
    AIOS_FRAME_SCHED_HINT = 37,
    AIOS_FRAME_CAP_GRANTED = 48,
    AIOS_FRAME_CAP_DENIED = 49,
    AIOS_FRAME_CAP_DELEGATED = 50,
    AIOS_FRAME_CAP_REVOKED = 51,
    AIOS_FRAME_QUOTA_EXCEEDED = 52,
    AIOS_FRAME_GROUP_CREATED = 53,
    AIOS_FRAME_MEM_REGION_CREATED = 64,
    AIOS_FRAME_MEM_REGION_WRITTEN = 65,
    AIOS_FRAME_MEM_SHARED = 66,
    AIOS_FRAME_MEM_LEASE_EXPIRED = 67,
    AIOS_FRAME_MEM_REGION_FREED = 68,
    AIOS_FRAME_MEM_SNAPSHOT = 69,
    AIOS_FRAME_MEM_RESTORED = 70,
    AIOS_FRAME_MEM_PERSISTED = 71,
    AIOS_FRAME_FAULT_HANDLED = 80,
    AIOS_FRAME_FAULT_STATS = 81,
    AIOS_FRAME_BUS_EVENT = 88,
    AIOS_FRAME_BUS_DROPPED = 89,
    AIOS_FRAME_BUS_STATS = 90,
    AIOS_FRAME_SVC_REGISTERED = 96,
    AIOS_FRAME_SVC_STARTED = 97,
    AIOS_FRAME_SVC_STOPPED = 98,
    AIOS_FRAME_SVC_FAILED = 99,
    AIOS_FRAME_SVC_RESTARTING = 100,
    AIOS_FRAME_SVC_ESCALATED = 101,
    AIOS_FRAME_SVC_HEALTH = 102,
    AIOS_FRAME_SVC_WATCHDOG_EXPIRED = 103,
    AIOS_FRAME_SVC_ATTESTED = 104,
    AIOS_FRAME_SVC_WATCHDOG_WITHHELD = 105,
    AIOS_FRAME_ERROR_RAISED = 112,
    AIOS_FRAME_ERROR_AGGREGATE = 113,
    AIOS_FRAME_KERNEL_READY = 114,
    AIOS_FRAME_IMAGE_REMOVED = 120,
    AIOS_FRAME_PING = 128,
    AIOS_FRAME_INJECT_FAULT = 129,
    AIOS_FRAME_TRACE_CONTROL = 130,
    AIOS_FRAME_INJECT_AGENT_FAULT = 131,
    AIOS_FRAME_DOMAIN_BENCH = 132,
    AIOS_FRAME_IMAGE_BEGIN = 133,
    AIOS_FRAME_IMAGE_CHUNK = 134,
    AIOS_FRAME_IMAGE_COMMIT = 135,
    AIOS_FRAME_IMAGE_ABORT = 136,
    AIOS_FRAME_IMAGE_LIST = 137,
    AIOS_FRAME_IMAGE_REMOVE = 138,
    AIOS_FRAME_AGENT_SPAWN = 192,
    AIOS_FRAME_AGENT_KILL = 193,
    AIOS_FRAME_AGENT_FAULT_POLICY = 194,
    AIOS_FRAME_AGENT_RELEASE = 195,
    AIOS_FRAME_AGENT_UPGRADE = 196,
    AIOS_FRAME_GROUP_CREATE = 197,
    AIOS_FRAME_SVC_REGISTER = 198,
    AIOS_FRAME_SVC_START = 199,
    AIOS_FRAME_SVC_STOP = 200,
    AIOS_FRAME_SVC_CHECK = 201,
    AIOS_FRAME_STATS_REQUEST = 202,
    AIOS_FRAME_STREAM_FILTER = 203,
    AIOS_FRAME_INJECT_HANG = 140,
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
    AIOS_ERR_CAP_INVALID = 64,
    AIOS_ERR_CAP_REVOKED = 65,
    AIOS_ERR_CAP_DENIED = 66,
    AIOS_ERR_CAP_AMPLIFICATION = 67,
    AIOS_ERR_CAP_TABLE_FULL = 68,
    AIOS_ERR_QUOTA_MEMORY = 69,
    AIOS_ERR_QUOTA_CPU = 70,
    AIOS_ERR_QUOTA_EVENT_RATE = 71,
    AIOS_ERR_QUOTA_IO = 72,
    AIOS_ERR_GROUP_INVALID = 73,
    AIOS_ERR_SCHED_ADMISSION_REFUSED = 80,
    AIOS_ERR_SCHED_BAD_RESERVATION = 81,
    AIOS_ERR_SCHED_DEADLINE_MISSED = 82,
    AIOS_ERR_SCHED_BUDGET_OVERRUN = 83,
    AIOS_ERR_AGENT_NOT_FOUND = 84,
    AIOS_ERR_AGENT_TABLE_FULL = 85,
    AIOS_ERR_AGENT_NOT_DESCENDANT = 86,
    AIOS_ERR_AGENT_UPGRADE_INCOMPATIBLE = 87,
    AIOS_ERR_LOCK_INVALID = 88,
    AIOS_ERR_LOCK_DEADLOCK = 89,
    AIOS_ERR_CALL_NO_REQUEST = 90,
    AIOS_ERR_MEM_REGION_INVALID = 96,
    AIOS_ERR_MEM_OUT_OF_BOUNDS = 97,
    AIOS_ERR_MEM_READ_ONLY = 98,
    AIOS_ERR_MEM_VERSION_GONE = 99,
    AIOS_ERR_MEM_LEASE_EXPIRED = 100,
    AIOS_ERR_MEM_MPU_EXHAUSTED = 101,
    AIOS_ERR_MEM_SNAPSHOT_MISSING = 102,
    AIOS_ERR_MEM_PERSISTENT_CORRUPT = 103,
    AIOS_ERR_MEM_FLASH_FAILED = 104,
    AIOS_ERR_FAULT_QUARANTINED = 112,
    AIOS_ERR_FAULT_RESTART_LIMIT = 113,
    AIOS_ERR_BUS_EMPTY = 120,
    AIOS_ERR_BUS_SUBSCRIPTION_INVALID = 121,
    AIOS_ERR_SVC_INVALID = 128,
    AIOS_ERR_SVC_DEPENDENCY_FAILED = 129,
    AIOS_ERR_SVC_DEPENDENCY_CYCLE = 130,
    AIOS_ERR_SVC_ATTESTATION_FAILED = 131,
    AIOS_ERR_SVC_CAPS_INSUFFICIENT = 132,
    AIOS_ERR_SVC_RESTART_INTENSITY = 133,
    AIOS_ERR_SVC_HEALTH_FAILED = 134,
    AIOS_ERR_SVC_WATCHDOG_EXPIRED = 135,
    AIOS_ERR_SYSCALL_UNKNOWN = 144,
    AIOS_ERR_IMAGE_BAD_CRC = 160,
    AIOS_ERR_IMAGE_BAD_OFFSET = 161,
    AIOS_ERR_IMAGE_TOO_LARGE = 162,
    AIOS_ERR_IMAGE_BAD_SIGNATURE = 163,
    AIOS_ERR_IMAGE_BAD_DIGEST = 164,
    AIOS_ERR_IMAGE_UNKNOWN = 165,
    AIOS_ERR_IMAGE_STORE_FULL = 166,
    AIOS_ERR_IMAGE_NO_INSTALL = 167,
    AIOS_ERR_IMAGE_INCOMPLETE = 168,
    AIOS_ERR_IMAGE_STORE_FAILED = 169,
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

/* Bytes an agent submitted on an I/O channel (the io_submit syscall), passed to the host. */
bool aios_encode_agent_io(aios_writer_t *w, uint16_t agent, uint8_t channel, aios_span_t data);

/* One slice an agent ran (only while tracing is on, see trace_control): when it started, how long it ran, the fuel it burned and how it ended. */
bool aios_encode_slice(aios_writer_t *w, uint16_t agent, uint64_t start_us, uint32_t duration_us, uint32_t fuel, uint8_t end);

/* Test hook armed (inject_agent_fault): the next run of agent makes native code acting for it misbehave as target says; address is what it will write (its low 32 bits on a 64-bit host), 0 for a stack overflow. */
bool aios_encode_fault_injection(aios_writer_t *w, uint16_t agent, uint8_t target, uint32_t address);

/* Answer to domain_bench: microseconds taken by rounds empty calls made directly, through a fault-domain run (enter and leave) and through a call out of a domain (leave and enter again). */
bool aios_encode_domain_bench_result(aios_writer_t *w, uint32_t rounds, uint32_t direct_us, uint32_t run_us, uint32_t call_us);

/* Installing an image: how many bytes of the staged image the device holds; the answer to image_begin (0 for a new install, more when it resumes one) and to each image_chunk. */
bool aios_encode_image_progress(aios_writer_t *w, const char *name, uint32_t received, uint32_t size);

/* An install was committed: the image's SHA-256 and Ed25519 signature checked out and it replaced any older version atomically; id is the image id for agent_spawn, sequence orders versions in flash. */
bool aios_encode_image_installed(aios_writer_t *w, uint16_t id, const char *name, const char *version, uint32_t size, uint32_t sequence);

/* One installed image, in the answer to image_list: its image id, name, version, size, SHA-256 and the manifest it was signed with. */
bool aios_encode_image_info(aios_writer_t *w, uint16_t id, const char *name, const char *version, uint32_t size, aios_span_t sha256, aios_span_t manifest);

/* One running agent and the image it runs, in the answer to image_list after the image_info events. */
bool aios_encode_image_agent(aios_writer_t *w, uint16_t agent, uint16_t image);

/* Ends the answer to image_list: images installed, how many more fit, agents running. */
bool aios_encode_image_list_end(aios_writer_t *w, uint8_t count, uint8_t free, uint8_t agents);

/* Kernel event: an agent was created (host command, spawn syscall, clone or split). */
bool aios_encode_agent_spawned(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t parent, uint32_t image, uint32_t weight, uint32_t hints);

/* Kernel event: an agent called exit; code is its exit code. */
bool aios_encode_agent_exited(aios_writer_t *w, uint16_t agent, uint32_t correlation, int32_t code);

/* Kernel event: an agent was destroyed by another agent, the host or a fault policy. */
bool aios_encode_agent_killed(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t by, uint32_t error);

/* Kernel event: agent is a copy (code, memory, capabilities) of source. */
bool aios_encode_agent_cloned(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t source);

/* Kernel event: agent absorbed another agent's capabilities, weight and regions; the absorbed agent is gone. */
bool aios_encode_agent_merged(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t absorbed);

/* Kernel event: agent was split off source; both now share source's former weight. */
bool aios_encode_agent_split(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t source, uint32_t weight);

/* Kernel event: the agent now runs image; state_kept is 1 when its memory survived the swap. */
bool aios_encode_agent_upgraded(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t image, uint32_t state_kept);

/* Kernel event: the capability handle was narrowed to flags, and every capability derived from it with it. */
bool aios_encode_agent_specialized(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t handle, uint32_t flags);

/* Kernel event: a fault or service policy restarted the agent from its image; attempt counts restarts in the current window. */
bool aios_encode_agent_restarted(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t attempt, uint32_t delay_us);

/* Kernel event: the agent is stopped with its state kept for inspection until the host releases it. */
bool aios_encode_agent_quarantined(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t error);

/* Kernel event: per-agent accounting, on demand. */
bool aios_encode_agent_stats(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t cpu_fuel, uint32_t steps, uint32_t faults, uint32_t memory_bytes);

/* Kernel event: per-agent scheduling record, on demand after agent_stats: deadline jobs finished in their period and missed, budget overruns, and restarts by its fault policy. */
bool aios_encode_agent_sched_stats(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t deadlines_met, uint32_t deadlines_missed, uint32_t overruns, uint32_t restarts);

/* Kernel event: a deadline reservation was admitted; utilisation_ppm is the total after admission. */
bool aios_encode_sched_admitted(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t budget_us, uint32_t period_us, uint32_t utilisation_ppm);

/* Kernel event: admission control refused a deadline reservation; utilisation_ppm is what the total would have been. */
bool aios_encode_sched_refused(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t budget_us, uint32_t period_us, uint32_t utilisation_ppm);

/* Kernel event: a deadline agent spent its budget before finishing its job and is throttled until its next period. */
bool aios_encode_sched_overrun(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t budget_us, uint32_t job);

/* Kernel event: a deadline job was not finished at its deadline; deadline_us is that deadline (low 32 bits of microseconds since reset). */
bool aios_encode_sched_deadline_miss(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t job, uint32_t deadline_us);

/* Kernel event: agent runs with the scheduling parameters of donor, which waits on it (lock is 0 for a service call). */
bool aios_encode_sched_inherit(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t donor, uint32_t lock);

/* Kernel event: the agent's semantic hints or weight changed. */
bool aios_encode_sched_hint(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t hints, uint32_t weight);

/* Audit: a capability was created for agent (spawn, service start, region creation or share). */
bool aios_encode_cap_granted(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t handle, uint32_t flags, uint32_t granter);

/* Audit: an operation was refused at the moment of use; needed is the flag it required. */
bool aios_encode_cap_denied(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t handle, uint32_t needed, uint32_t error);

/* Audit: agent delegated an attenuated copy of a capability to another agent. */
bool aios_encode_cap_delegated(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t to, uint32_t handle, uint32_t flags);

/* Audit: a capability and all capabilities derived from it were revoked; count includes the root. */
bool aios_encode_cap_revoked(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t handle, uint32_t count);

/* Audit: a resource group's quota refused a charge. */
bool aios_encode_quota_exceeded(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t resource, uint32_t group, uint32_t requested);

/* Kernel event: a resource group was created under parent. */
bool aios_encode_group_created(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t group, uint32_t parent);

/* Memory fabric: a region was created, owned (tagged) by agent. */
bool aios_encode_mem_region_created(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t kind, uint32_t size);

/* Memory fabric: a write produced a new version of the region. */
bool aios_encode_mem_region_written(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t version, uint32_t bytes);

/* Memory fabric: agent received access to region from owner; rights 1 = read, 3 = read-write. */
bool aios_encode_mem_shared(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t rights, uint32_t handle, uint32_t owner);

/* Memory fabric: the region's lease expired; sent once to every holder before the region is reclaimed. */
bool aios_encode_mem_lease_expired(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region);

/* Memory fabric: a region's storage went back to the arena. */
bool aios_encode_mem_region_freed(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t bytes);

/* Memory fabric: a snapshot of the agent's instance was stored in slot. */
bool aios_encode_mem_snapshot(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t slot, uint32_t bytes);

/* Memory fabric: the agent's instance was restored from slot. */
bool aios_encode_mem_restored(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t slot);

/* Memory fabric: a persistent region's version was committed to flash (or loaded from it at creation). */
bool aios_encode_mem_persisted(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t region, uint32_t version, uint32_t key);

/* Fault domain: a trap or CPU fault of agent was classified and the policy chose action; count is the agent's faults in its window. */
bool aios_encode_fault_handled(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t kind, uint32_t error, uint32_t action, uint32_t count);

/* Fault domain: per-agent fault statistics on demand (agent 0: global totals). */
bool aios_encode_fault_stats(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t total, uint32_t restarts, uint32_t kills, uint32_t quarantines);

/* Event bus: an event an agent published on topic. */
bool aios_encode_bus_event(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t topic, uint32_t value, uint32_t value2);

/* Event bus: agent's subscription queue was full; dropped counts all events it lost. */
bool aios_encode_bus_dropped(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t subscription, uint32_t dropped);

/* Event bus: totals on demand. */
bool aios_encode_bus_stats(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t published, uint32_t delivered, uint32_t dropped, uint32_t subscriptions);

/* Services: a manifest was registered; deps is a bit mask of service ids. */
bool aios_encode_svc_registered(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t image, uint32_t deps);

/* Services: the service is running as agent. */
bool aios_encode_svc_started(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service);

/* Services: the service was stopped. */
bool aios_encode_svc_stopped(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t reason);

/* Services: the service failed (fault, exit, health or watchdog) or could not start. */
bool aios_encode_svc_failed(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t error);

/* Services: the restart policy restarts the service after delay_us; restarts counts restarts in the intensity window. */
bool aios_encode_svc_restarting(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t restarts, uint32_t delay_us);

/* Services: the restart intensity was exceeded and the failure escalated. */
bool aios_encode_svc_escalated(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t escalation);

/* Services: result of a health check (periodic or on demand). */
bool aios_encode_svc_health(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t healthy);

/* Services: the service did not kick its software watchdog in time. */
bool aios_encode_svc_watchdog_expired(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t timeout_us);

/* Services: the image's SHA-256 was compared with the manifest before start; ok is 1 on a match. */
bool aios_encode_svc_attested(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t image, uint32_t ok);

/* Services: the kernel feeds the hardware watchdog only while every critical service is healthy. feeding=0: critical service `service` is down or overdue, feeding stops and the board resets when the watchdog expires unless the service recovers; feeding=1: every critical service is healthy again and feeding resumes. */
bool aios_encode_svc_watchdog_withheld(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t service, uint32_t feeding);

/* Error taxonomy: a syscall or command failed with code; count is the running total for (agent, code). */
bool aios_encode_error_raised(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t code, uint32_t syscall, uint32_t count);

/* Error taxonomy: aggregated count of code for agent (agent 0 with code: total over all agents). */
bool aios_encode_error_aggregate(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t code, uint32_t count);

/* Kernel policy booted: limits in force and how many persistent regions were found in flash. */
bool aios_encode_kernel_ready(aios_writer_t *w, uint16_t agent, uint32_t correlation, uint32_t max_agents, uint32_t arena_bytes, uint32_t persistent_found);

/* An installed image was removed from the store; agents already running it keep running. */
bool aios_encode_image_removed(aios_writer_t *w, uint16_t id, const char *name);

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

/* Turns the per-slice `slice` events on (1) or off (0); they feed `aios monitor --trace`. */
typedef struct {
    uint8_t enable;
} aios_cmd_trace_control_t;
bool aios_decode_trace_control(aios_reader_t *r, aios_cmd_trace_control_t *out);

/* Test hook: the next run of agent makes native code acting for it misbehave (fault_injection): write into another agent's slot or the core's agent table from inside its fault domain, overflow its interpreter stack, or overflow the kernel's stack outside the domain. Answered by fault_injection; refused with command_error where the board has no fault domains. */
typedef struct {
    uint16_t agent;
    uint8_t target;
} aios_cmd_inject_agent_fault_t;
bool aios_decode_inject_agent_fault(aios_reader_t *r, aios_cmd_inject_agent_fault_t *out);

/* Measures fault-domain switches with rounds empty calls of each kind; answered by domain_bench, refused with command_error where the board has no fault domains. */
typedef struct {
    uint32_t rounds;
} aios_cmd_domain_bench_t;
bool aios_decode_domain_bench(aios_reader_t *r, aios_cmd_domain_bench_t *out);

/* Starts (or resumes) installing an image into the store: name, version, size in bytes, its SHA-256, the Ed25519 signature of the signed record (see host-tools/src/agent/image.ts) and the manifest. Answered by image_progress; a begin identical to the install in progress resumes it. */
typedef struct {
    aios_span_t name;
    aios_span_t version;
    uint32_t size;
    aios_span_t sha256;
    aios_span_t signature;
    aios_span_t manifest;
} aios_cmd_image_begin_t;
bool aios_decode_image_begin(aios_reader_t *r, aios_cmd_image_begin_t *out);

/* The image bytes at offset, with the CRC-32 of data. Answered by image_progress; a chunk at the wrong offset or with a bad CRC is refused and changes nothing. */
typedef struct {
    uint32_t offset;
    uint32_t crc;
    aios_span_t data;
} aios_cmd_image_chunk_t;
bool aios_decode_image_chunk(aios_reader_t *r, aios_cmd_image_chunk_t *out);

/* Checks the whole staged image (size, SHA-256, signature) and makes it the installed version of its name; answered by image_installed. Refused: the previous version stays. */
typedef struct {
    aios_span_t name;
} aios_cmd_image_commit_t;
bool aios_decode_image_commit(aios_reader_t *r, aios_cmd_image_commit_t *out);

/* Drops the install in progress; the installed version is untouched. */
bool aios_decode_image_abort(aios_reader_t *r);

/* Lists the installed images (image_info each), the running agents (image_agent each), then image_list_end. */
bool aios_decode_image_list(aios_reader_t *r);

/* Removes an installed image by name; answered by image_removed. */
typedef struct {
    aios_span_t name;
} aios_cmd_image_remove_t;
bool aios_decode_image_remove(aios_reader_t *r, aios_cmd_image_remove_t *out);

/* Kernel command: start image as a new agent with the given capability flags, resource group, weight, hints, optional deadline reservation (period 0: none) and four arguments. */
typedef struct {
    uint32_t correlation;
    uint16_t image;
    uint32_t caps;
    uint8_t group;
    uint16_t weight;
    uint8_t hints;
    uint32_t budget_us;
    uint32_t period_us;
    int32_t arg0;
    int32_t arg1;
    int32_t arg2;
    int32_t arg3;
} aios_cmd_agent_spawn_t;
bool aios_decode_agent_spawn(aios_reader_t *r, aios_cmd_agent_spawn_t *out);

/* Kernel command: destroy an agent. */
typedef struct {
    uint32_t correlation;
    uint16_t agent;
} aios_cmd_agent_kill_t;
bool aios_decode_agent_kill(aios_reader_t *r, aios_cmd_agent_kill_t *out);

/* Kernel command: set an agent's fault policy; threshold faults within window_ms end restarts, backoff doubles from backoff_ms up to backoff_max_ms. */
typedef struct {
    uint32_t correlation;
    uint16_t agent;
    uint8_t policy;
    uint8_t threshold;
    uint32_t window_ms;
    uint32_t backoff_ms;
    uint32_t backoff_max_ms;
    uint16_t supervisor;
} aios_cmd_agent_fault_policy_t;
bool aios_decode_agent_fault_policy(aios_reader_t *r, aios_cmd_agent_fault_policy_t *out);

/* Kernel command: restart a quarantined agent from its image. */
typedef struct {
    uint32_t correlation;
    uint16_t agent;
} aios_cmd_agent_release_t;
bool aios_decode_agent_release(aios_reader_t *r, aios_cmd_agent_release_t *out);

/* Kernel command: swap an agent's code for image, keeping its memory when the VM reports the layouts compatible. */
typedef struct {
    uint32_t correlation;
    uint16_t agent;
    uint16_t image;
} aios_cmd_agent_upgrade_t;
bool aios_decode_agent_upgrade(aios_reader_t *r, aios_cmd_agent_upgrade_t *out);

/* Kernel command: create a resource group under parent (0: root) sharing the given quotas; 0 means unlimited. */
typedef struct {
    uint32_t correlation;
    uint8_t parent;
    uint32_t memory_bytes;
    uint32_t cpu_budget_us;
    uint32_t cpu_period_us;
    uint16_t event_rate;
    uint32_t io_bytes_per_s;
} aios_cmd_group_create_t;
bool aios_decode_group_create(aios_reader_t *r, aios_cmd_group_create_t *out);

/* Kernel command: register a service manifest (dependencies as a bit mask of service ids, required capability flags, restart policy and intensity, health and watchdog periods, escalation, whether it is critical (the hardware watchdog is fed only while every critical service is healthy), weight, the four arguments the service starts with, expected image SHA-256). */
typedef struct {
    uint32_t correlation;
    uint8_t service;
    uint16_t image;
    uint32_t deps;
    uint32_t caps;
    uint8_t restart;
    uint8_t max_restarts;
    uint32_t window_ms;
    uint32_t health_ms;
    uint32_t watchdog_ms;
    uint8_t escalation;
    uint8_t critical;
    uint16_t weight;
    int32_t arg0;
    int32_t arg1;
    int32_t arg2;
    int32_t arg3;
    aios_span_t sha256;
} aios_cmd_svc_register_t;
bool aios_decode_svc_register(aios_reader_t *r, aios_cmd_svc_register_t *out);

/* Kernel command: start a service and what it depends on, in dependency order (255: all services). */
typedef struct {
    uint32_t correlation;
    uint8_t service;
} aios_cmd_svc_start_t;
bool aios_decode_svc_start(aios_reader_t *r, aios_cmd_svc_start_t *out);

/* Kernel command: stop a service and its dependents, in reverse dependency order (255: all services). */
typedef struct {
    uint32_t correlation;
    uint8_t service;
} aios_cmd_svc_stop_t;
bool aios_decode_svc_stop(aios_reader_t *r, aios_cmd_svc_stop_t *out);

/* Kernel command: run a service's health check now. */
typedef struct {
    uint32_t correlation;
    uint8_t service;
} aios_cmd_svc_check_t;
bool aios_decode_svc_check(aios_reader_t *r, aios_cmd_svc_check_t *out);

/* Kernel command: emit statistics events (agent_stats, fault_stats, bus_stats, error_aggregate). */
typedef struct {
    uint32_t correlation;
    uint8_t what;
} aios_cmd_stats_request_t;
bool aios_decode_stats_request(aios_reader_t *r, aios_cmd_stats_request_t *out);

/* Kernel command: only stream kernel events of at least this severity to the host. */
typedef struct {
    uint32_t correlation;
    uint8_t min_severity;
} aios_cmd_stream_filter_t;
bool aios_decode_stream_filter(aios_reader_t *r, aios_cmd_stream_filter_t *out);

/* Test hook: the core stops in a busy loop with interrupts on, as a hung kernel would; only the hardware watchdog can bring the board back. */
bool aios_decode_inject_hang(aios_reader_t *r);

#endif
