// Bit values of the agent ABI shared by the kernel and agents/sdk.

/** Capability flags of an authority capability. */
export namespace Cap {
  export const SPAWN_AGENT: i32 = 1 << 0;
  export const KILL_AGENT: i32 = 1 << 1;
  export const ALLOC_MEMORY: i32 = 1 << 2;
  export const ACCESS_FS: i32 = 1 << 3;
  export const ACCESS_NET: i32 = 1 << 4;
  export const ACCESS_IO: i32 = 1 << 5;
  export const EVENTS_PUBLISH: i32 = 1 << 6;
  export const EVENTS_SUBSCRIBE: i32 = 1 << 7;
  export const SERVICES: i32 = 1 << 8;
  export const DELEGATE: i32 = 1 << 9; // may hand attenuated copies to other agents
  export const REALTIME: i32 = 1 << 10; // may ask for a deadline reservation
  export const SUPERVISOR: i32 = 1 << 11; // receives escalations; may manage any agent
  export const LIFECYCLE: i32 = 1 << 12; // clone, merge, split, upgrade, snapshot
  export const GROUPS: i32 = 1 << 13; // may create resource groups under its own
  export const ALL: i32 = (1 << 14) - 1;
}

/** I/O channel classes: the class is `channel >> 8` and names the flag a submission needs. */
export namespace Channel {
  export const CLASS_SHIFT: i32 = 8;
  export const IO: i32 = 0; // ACCESS_IO
  export const FS: i32 = 1; // ACCESS_FS
  export const NET: i32 = 2; // ACCESS_NET
}

/** Rights of a region capability. */
export namespace Rights {
  export const READ: i32 = 1;
  export const WRITE: i32 = 2;
  export const SHARE: i32 = 4;
  export const ALL: i32 = 7;
}

/** Semantic scheduling hints. */
export namespace Hint {
  export const LATENCY_SENSITIVE: i32 = 1; // short slices, lands ahead when it wakes
  export const BATCH: i32 = 2; // long slices, no wake-up credit
  export const IDLEABLE: i32 = 4; // runs only when nothing else wants the CPU
}

/** Options of a subscription (the `options` argument of SUBSCRIBE). */
export namespace Subscribe {
  export const SEVERITY_MASK: i32 = 0xff; // minimum severity, low byte
  export const DROP_OLDEST: i32 = 1 << 8; // overwrite the oldest instead of refusing the newest
}

/** Layout of the 32-byte event record POLL writes into agent memory (little-endian). */
export namespace EventRecord {
  export const TYPE: i32 = 0; // u8 frame type
  export const SEVERITY: i32 = 1; // u8
  export const AGENT: i32 = 2; // u16 source agent
  export const CORRELATION: i32 = 4; // u32
  export const VALUES: i32 = 8; // 4 x u32, in the event's schema field order after correlation
  export const TIME: i32 = 24; // u64 microseconds
  export const SIZE: i32 = 32;
}
