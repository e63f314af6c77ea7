// The agent ABI: every syscall number, born here and nowhere else. Agents import one function,
// `aios.syscall(number, a0, a1, a2, a3, a4) -> i32`; agents/sdk wraps each number in a typed
// function. A result >= 0 is the value named below; a negative result is -(error code) from the
// taxonomy (firmware/core/schema/aios.schema.json). "Parks" means the call takes effect when the
// agent's current step returns: the agent then waits, and its next step runs after the wake-up.

export namespace Sys {
  // --- identity, logging, errors --------------------------------------------------------------
  export const SELF: i32 = 1; // () -> own agent id
  export const ARG: i32 = 2; // (index 0..3) -> spawn argument
  export const CLOCK: i32 = 3; // (out i64*) -> 0; writes microseconds since reset
  export const LOG: i32 = 4; // (level, ptr, len) -> 0; a `log` frame to the host
  export const EXIT: i32 = 5; // (code) -> 0; the agent ends after this step (later parks ignored)
  export const CORRELATE: i32 = 6; // (id) -> previous id; events the agent causes carry `id`
  export const LAST_ERROR: i32 = 7; // () -> code of the agent's last failed syscall
  export const LAST_CORRELATION: i32 = 8; // () -> correlation id of that failure
  export const ERROR_COUNT: i32 = 9; // (agent, code) -> failures counted for that pair

  // --- capabilities and quotas ----------------------------------------------------------------
  export const CAP_SELF: i32 = 16; // () -> handle of the agent's primary capability
  export const CAP_INFO: i32 = 17; // (handle) -> flags (authority) or rights (region)
  export const CAP_DELEGATE: i32 = 18; // (handle, agent, flags) -> handle owned by agent
  export const CAP_REVOKE: i32 = 19; // (handle, includeSelf) -> capabilities revoked
  export const CAP_SPECIALIZE: i32 = 20; // (handle, flags) -> remaining flags
  export const GROUP_CREATE: i32 = 21; // (handle, params*) -> group id; params: 5 x i32 (see sdk)
  export const IO_SUBMIT: i32 = 22; // (handle, channel, ptr, len) -> bytes taken; the channel's
  //                                     class (channel >> 8: 0 I/O, 1 file system, 2 network)
  //                                     needs ACCESS_IO, ACCESS_FS or ACCESS_NET

  // --- scheduling and lifecycle ---------------------------------------------------------------
  export const YIELD: i32 = 32; // () -> 0; gives up the rest of the slice after this step
  export const SLEEP: i32 = 33; // (microseconds) -> 0; parks
  export const HINT: i32 = 34; // (hints, weight or 0) -> 0
  export const DEADLINE: i32 = 35; // (handle, budget_us, period_us) -> 0; admission control
  export const END_JOB: i32 = 36; // () -> 0; parks until the next period
  export const SPAWN: i32 = 37; // (handle, params*) -> child id; params: 9 x i32 (see sdk)
  export const KILL: i32 = 38; // (handle, agent) -> 0
  export const CLONE: i32 = 39; // (handle) -> id of a copy of the caller
  export const MERGE: i32 = 40; // (handle, agent) -> 0; the caller absorbs a descendant
  export const SPLIT: i32 = 41; // (handle) -> id of a copy sharing the caller's weight
  export const UPGRADE: i32 = 42; // (handle, agent, image) -> 1 state kept, 0 restarted
  export const LOCK_CREATE: i32 = 43; // () -> lock id
  export const LOCK_ACQUIRE: i32 = 44; // (lock) -> 0 held now, 1 parks and holds it on wake-up
  export const LOCK_RELEASE: i32 = 45; // (lock) -> 0
  export const CALL: i32 = 46; // (agent, op, arg) -> 0; parks until the reply
  export const CALL_RESULT: i32 = 47; // () -> value of the last reply
  export const RECEIVE: i32 = 48; // (out*) -> caller id, writes op and arg; or -bus_empty
  export const WAIT_CALL: i32 = 49; // () -> 0; parks until a call is pending
  export const REPLY: i32 = 50; // (caller, value) -> 0

  // --- memory fabric --------------------------------------------------------------------------
  export const MEM_CREATE: i32 = 64; // (handle, kind, size, lease_us or persistent key) -> region handle
  export const MEM_WRITE: i32 = 65; // (region, offset, ptr, len) -> new version
  export const MEM_READ: i32 = 66; // (region, version or 0, offset, ptr, len) -> bytes read
  export const MEM_SHARE: i32 = 67; // (region, agent, rights) -> handle owned by agent
  export const MEM_LEASE: i32 = 68; // (region, lease_us) -> 0; renews the lease from now
  export const MEM_INFO: i32 = 69; // (region) -> current version
  export const MEM_FREE: i32 = 70; // (region) -> 0; the owner frees, others drop their access
  export const MEM_SNAPSHOT: i32 = 71; // (handle, agent) -> snapshot slot
  export const MEM_RESTORE: i32 = 72; // (handle, agent, slot) -> 0

  // --- event bus ------------------------------------------------------------------------------
  export const SUBSCRIBE: i32 = 80; // (handle, kind_lo, kind_hi, source, options) -> subscription
  export const UNSUBSCRIBE: i32 = 81; // (subscription) -> 0
  export const POLL: i32 = 82; // (subscription, out*) -> event type; writes a 32-byte record
  export const WAIT_EVENT: i32 = 83; // (subscription) -> 0; parks until an event is queued
  export const PUBLISH: i32 = 84; // (handle, topic, value, value2) -> 0
  export const DROPPED: i32 = 85; // (subscription) -> events dropped from its queue

  // --- services -------------------------------------------------------------------------------
  export const SVC_KICK: i32 = 96; // () -> 0; kicks the caller's service watchdog
  export const SVC_PROBE: i32 = 97; // () -> pending health probe number, 0 when none
  export const SVC_HEALTH: i32 = 98; // (healthy 0/1) -> 0; answers the pending probe
  export const SVC_CONTROL: i32 = 99; // (handle, service or 255 for all, op 0 start 1 stop 2 check) -> 0
}
