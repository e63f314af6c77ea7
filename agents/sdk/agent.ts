// Identity, time, logging, errors and lifecycle of agents.
import { Sys } from "../../firmware/kernel/abi/syscalls";
import { syscall } from "./syscall";

const CLOCK: usize = memory.data(8);
const PARAMS: usize = memory.data(36);

/** The caller's agent id (1..65535). Never fails.
 * @example
 * me = agent.self();
 * events.publish(caps.primary(), 10, me, 0); // topic 10: "hello, I am <me>"
 */
export function self(): i32 {
  return syscall(Sys.SELF, 0, 0, 0, 0, 0);
}

/** Spawn argument `index` (0..3) as the spawner gave it (host command, initd manifest or
 * spawn); -system_invalid_argument for any other index.
 * @example
 * let periodMs = agent.arg(0) > 0 ? agent.arg(0) : 1000; // 0: not given, use a default
 */
export function arg(index: i32): i32 {
  return syscall(Sys.ARG, index, 0, 0, 0, 0);
}

/** Microseconds since reset (monotonic; includes time other agents ran).
 * @example
 * text.put(" at ");
 * text.putInt(agent.clockUs() / 1000); // uptime in ms
 */
export function clockUs(): i64 {
  syscall(Sys.CLOCK, <i32>CLOCK, 0, 0, 0, 0);
  return load<i64>(CLOCK);
}

/** A log line to the host: a `log` frame with `len` bytes at `ptr` (the first 200 are sent).
 * `level` is a severity (0 debug .. 4 critical). Bytes, not a string, so an agent can log
 * without allocating (text.ts builds such lines). 0, or -mem_out_of_bounds when the bytes lie
 * outside the agent's memory.
 * @example
 * const READY: usize = memory.data<u8>([114, 101, 97, 100, 121]); // "ready"
 * agent.logBytes(1, READY, 5);
 */
export function logBytes(level: i32, ptr: usize, len: i32): i32 {
  return syscall(Sys.LOG, level, <i32>ptr, len, 0, 0);
}

/** Ends the agent when the current step returns, reporting `code` in `agent_exited`; always 0.
 * Final: a later parking call in the step is ignored. A service that exits with 0 stopped
 * cleanly; any other code is a failure for its restart policy.
 * @example
 * if (region < 0) {
 *   agent.exit(-region); // the exit code names the error
 *   return 10;
 * }
 */
export function exit(code: i32): i32 {
  return syscall(Sys.EXIT, code, 0, 0, 0, 0);
}

/** Events this agent causes from now on (its calls, their failures, its step ends) carry `id`,
 * so the host can join them to one request; 0 lets the kernel mint an id per call again.
 * Returns the previous id. Choose ids below 2^31: kernel-minted ones have bit 31 set.
 * @example
 * let previous = agent.correlate(1000 + request); // error_raised etc. now carry 1000 + request
 * serve(request);
 * agent.correlate(previous);
 */
export function correlate(id: i32): i32 {
  return syscall(Sys.CORRELATE, id, 0, 0, 0, 0);
}

/** Code of the caller's last failed syscall, 0 if none failed yet. A later success does not
 * clear it, and -bus_empty is a status, not a failure: it is never recorded.
 * @example
 * events.publish(caps.primary(), 3, reading, 0); // result not kept
 * if (agent.lastError() == ErrorCode.QuotaEventRate) everyMs *= 2; // publish less often
 */
export function lastError(): i32 {
  return syscall(Sys.LAST_ERROR, 0, 0, 0, 0, 0);
}

/** Correlation id of that failure: the one its `error_raised` event carries to the host (bit 31
 * set when the kernel minted it, so read it as u32).
 * @example
 * text.put("write failed, correlation ");
 * text.putInt(<u32>agent.lastCorrelation());
 */
export function lastCorrelation(): i32 {
  return syscall(Sys.LAST_CORRELATION, 0, 0, 0, 0, 0);
}

/** Failures counted for (agent, code) since boot; agent 0: over all agents. Never fails (a pair
 * the kernel's 48-pair table had no room for reads 0).
 * @example
 * let refused = agent.errorCount(agent.self(), ErrorCode.QuotaEventRate);
 * if (refused > refusedBefore) everyMs *= 2; // new refusals since we last looked
 */
export function errorCount(agent: i32, code: i32): i32 {
  return syscall(Sys.ERROR_COUNT, agent, code, 0, 0, 0);
}

/** Spawns `image` (built in: its position in agents/images.json, from 1; installed: from 256)
 * under capability `cap`, which needs SPAWN_AGENT. `flags`: the child's capability flags, a
 * subset of `cap`'s (else -cap_amplification). `group`: a resource group at or below the
 * caller's, 0 for the caller's own (else -group_invalid). `weight`: at most the caller's
 * granted weight (else -cap_amplification), 0 for the caller's. `hints`: Hint.* flags.
 * `arg0`, `arg1`: the child's arg(0) and arg(1) (its args 2 and 3 are 0). Returns the child's
 * id; also -agent_table_full, -quota_memory or the image's load error.
 * @example
 * let worker = agent.spawn(caps.primary(), 3, Cap.EVENTS_PUBLISH, 0, 50, 0, 250, 0);
 * if (worker < 0) agent.exit(-worker); // e.g. -cap_amplification: flags `cap` does not have
 */
export function spawn(cap: i32, image: i32, flags: i32, group: i32, weight: i32, hints: i32, arg0: i32, arg1: i32): i32 {
  store<i32>(PARAMS, image);
  store<i32>(PARAMS, flags, 4);
  store<i32>(PARAMS, group, 8);
  store<i32>(PARAMS, weight, 12);
  store<i32>(PARAMS, hints, 16);
  store<i32>(PARAMS, arg0, 20);
  store<i32>(PARAMS, arg1, 24);
  store<i32>(PARAMS, 0, 28);
  store<i32>(PARAMS, 0, 32);
  return syscall(Sys.SPAWN, cap, <i32>PARAMS, 0, 0, 0);
}

/** Ends `agent`, a descendant (any agent under a SUPERVISOR capability); `cap` needs
 * KILL_AGENT. 0, -agent_not_found or -agent_not_descendant. Killing itself ends the caller
 * when its step returns, as exit(0) would.
 * @example
 * if (agent.kill(caps.primary(), worker) == 0) worker = 0; // gone: agent_killed was streamed
 */
export function kill(cap: i32, agent: i32): i32 {
  return syscall(Sys.KILL, cap, agent, 0, 0, 0);
}

/** A copy of the caller: same image, args, weight, hints, memory and globals, as a child
 * holding a capability with `cap`'s flags (`cap` needs LIFECYCLE). Returns its id;
 * -agent_table_full, -cap_table_full or -quota_memory. The copy begins with a new step, so it
 * sees what the caller set before the call; self() tells the two apart. Handles kept in memory
 * (regions, subscriptions) stay the caller's: the copy makes its own.
 * @example
 * if (me == 0) {
 *   me = agent.self();
 *   agent.clone(caps.primary()); // the copy will find `me` set, but not equal to its self()
 * }
 */
export function clone(cap: i32): i32 {
  return syscall(Sys.CLONE, cap, 0, 0, 0, 0);
}

/** Absorbs descendant `agent` (`cap` needs LIFECYCLE): its weight is added to the caller's, its
 * capabilities other than its primary and its regions become the caller's (with new handles,
 * announced by `cap_granted`), and it ends. 0, -agent_not_found, -agent_not_descendant, or
 * -system_invalid_argument for the caller itself.
 * @example
 * if (burstDone && helper > 0) agent.merge(caps.primary(), helper); // one agent again
 */
export function merge(cap: i32, agent: i32): i32 {
  return syscall(Sys.MERGE, cap, agent, 0, 0, 0);
}

/** A copy of the caller, as clone(), that takes half of its weight: the pair gets the CPU share
 * the caller had alone, and neither may raise its weight back. Returns the copy's id;
 * -sched_bad_reservation when the caller has a deadline reservation, else as clone().
 * @example
 * helper = agent.split(caps.primary()); // two halves work through the backlog
 * if (helper < 0) helper = 0; // e.g. -agent_table_full: carry on alone
 */
export function split(cap: i32): i32 {
  return syscall(Sys.SPLIT, cap, 0, 0, 0, 0);
}

/** Swaps descendant `agent`'s code for `image` (`cap` needs LIFECYCLE). 1: its memory was kept
 * (both images export the same `state_version`, see state.ts); 0: it restarted fresh.
 * -agent_not_found, -agent_not_descendant, -system_invalid_argument for the caller itself,
 * -quota_memory (the new instance does not fit its group: the agent is left stopped).
 * @example
 * let kept = agent.upgrade(caps.primary(), worker, 4);
 * if (kept == 0) events.publish(caps.primary(), 20, worker, config); // fresh start: resend
 */
export function upgrade(cap: i32, agent: i32, image: i32): i32 {
  return syscall(Sys.UPGRADE, cap, agent, image, 0, 0);
}
