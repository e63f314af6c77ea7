// Kernel limits and policy constants, each with its unit. Every table is sized here at boot; the
// kernel never allocates afterwards (runtime/arena.ts traps if it tries).

export const MAX_AGENTS: i32 = 16; // live agents, kernel excluded
export const MAX_CAPS: i32 = 96; // capability slots, all agents together
export const MAX_GROUPS: i32 = 8; // resource groups, root group included
export const MAX_LOCKS: i32 = 8;
export const MAX_SUBSCRIPTIONS: i32 = 12;
export const QUEUE_DEPTH: i32 = 16; // events per subscription queue
export const MAX_REGIONS: i32 = 16;
export const REGION_VERSIONS: i32 = 4; // versions kept per region, current one included
export const MPU_SLOTS: i32 = 4; // MPU regions per agent domain available for shared mappings
export const SNAPSHOT_SLOTS: i32 = 8;
export const MAX_SERVICES: i32 = 16;
export const ERROR_AGGREGATE_SLOTS: i32 = 48; // (agent, code) pairs counted

export const ARENA_GRANULE: i32 = 64; // bytes; arena allocations are whole granules
export const ARENA_MAX_BYTES: i32 = 65536; // largest arena k_boot accepts

export const PERSISTENT_SLOTS: i32 = 4; // persistent regions (each keeps two flash copies)
export const FLASH_COPY_BYTES: i32 = 1024; // one flash copy: 16-byte header + data
export const FLASH_HEADER_BYTES: i32 = 16;

export const SLICE_US: i32 = 4000; // fair-share slice
export const SLICE_LATENCY_US: i32 = 1000; // slice of latency-sensitive agents
export const SLICE_BATCH_US: i32 = 16000; // slice of batch agents
export const DEFAULT_WEIGHT: i32 = 100;
export const MAX_WEIGHT: i32 = 10000;
export const WEIGHT_SCALE: u64 = 1024; // vruntime advances fuel * WEIGHT_SCALE / weight
export const WAKE_CREDIT_US: i64 = 2000; // how far behind min vruntime a waking agent may land

export const WATCHDOG_FEED_US: i64 = 100000; // the hardware watchdog is fed at least this often
export const SERVICE_BACKOFF_US: i64 = 50000; // first service restart delay, doubled per restart
export const SERVICE_BACKOFF_MAX_US: i64 = 2000000;
export const HEALTH_TIMEOUT_US: i64 = 50000; // a health probe must be answered within this

export const FOREVER: i64 = 0x7fffffffffffffff;
