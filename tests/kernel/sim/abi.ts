/**
 * The agent ABI's numbers, read from their one source (firmware/kernel/abi/*.ts, AssemblyScript)
 * by host-tools, so the tests never restate them.
 */
import { abiConstants as namespaceConstants } from "../../../host-tools/src/agent/abi.ts";

// Names only, for the type checker; the values come from the AssemblyScript source above.
type SysName =
  | "SELF"
  | "ARG"
  | "CLOCK"
  | "LOG"
  | "EXIT"
  | "CORRELATE"
  | "LAST_ERROR"
  | "LAST_CORRELATION"
  | "ERROR_COUNT"
  | "CAP_SELF"
  | "CAP_INFO"
  | "CAP_DELEGATE"
  | "CAP_REVOKE"
  | "CAP_SPECIALIZE"
  | "GROUP_CREATE"
  | "IO_SUBMIT"
  | "YIELD"
  | "SLEEP"
  | "HINT"
  | "DEADLINE"
  | "END_JOB"
  | "SPAWN"
  | "KILL"
  | "CLONE"
  | "MERGE"
  | "SPLIT"
  | "UPGRADE"
  | "LOCK_CREATE"
  | "LOCK_ACQUIRE"
  | "LOCK_RELEASE"
  | "CALL"
  | "CALL_RESULT"
  | "RECEIVE"
  | "WAIT_CALL"
  | "REPLY"
  | "MEM_CREATE"
  | "MEM_WRITE"
  | "MEM_READ"
  | "MEM_SHARE"
  | "MEM_LEASE"
  | "MEM_INFO"
  | "MEM_FREE"
  | "MEM_SNAPSHOT"
  | "MEM_RESTORE"
  | "SUBSCRIBE"
  | "UNSUBSCRIBE"
  | "POLL"
  | "WAIT_EVENT"
  | "PUBLISH"
  | "DROPPED"
  | "SVC_KICK"
  | "SVC_PROBE"
  | "SVC_HEALTH"
  | "SVC_CONTROL";
type CapName =
  | "SPAWN_AGENT"
  | "KILL_AGENT"
  | "ALLOC_MEMORY"
  | "ACCESS_FS"
  | "ACCESS_NET"
  | "ACCESS_IO"
  | "EVENTS_PUBLISH"
  | "EVENTS_SUBSCRIBE"
  | "SERVICES"
  | "DELEGATE"
  | "REALTIME"
  | "SUPERVISOR"
  | "LIFECYCLE"
  | "GROUPS"
  | "ALL";
type ChannelName = "CLASS_SHIFT" | "IO" | "FS" | "NET";
type RightsName = "READ" | "WRITE" | "SHARE" | "ALL";
type HintName = "LATENCY_SENSITIVE" | "BATCH" | "IDLEABLE";
type SubscribeName = "SEVERITY_MASK" | "DROP_OLDEST";
type EventRecordName = "TYPE" | "SEVERITY" | "AGENT" | "CORRELATION" | "VALUES" | "TIME" | "SIZE";

function must<Name extends string>(table: Record<string, number>): Readonly<Record<Name, number>> {
  return new Proxy(table, {
    get: (target, key: string) => {
      const value = target[key];
      if (value === undefined) throw new Error(`ABI has no ${key}`);
      return value;
    },
  }) as Record<Name, number>;
}

export const Sys = must<SysName>(namespaceConstants("syscalls.ts", "Sys"));
export const Cap = must<CapName>(namespaceConstants("flags.ts", "Cap"));
export const Channel = must<ChannelName>(namespaceConstants("flags.ts", "Channel"));
export const Rights = must<RightsName>(namespaceConstants("flags.ts", "Rights"));
export const Hint = must<HintName>(namespaceConstants("flags.ts", "Hint"));
export const Subscribe = must<SubscribeName>(namespaceConstants("flags.ts", "Subscribe"));
export const EventRecord = must<EventRecordName>(namespaceConstants("flags.ts", "EventRecord"));
