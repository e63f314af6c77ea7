/* Sizes of the core's fixed pools, each with its unit. Boards override them with -D (board.json
 * "core" section); everything is allocated statically at build time. */
#ifndef AIOS_CORE_CONFIG_H
#define AIOS_CORE_CONFIG_H

/* Agents that can be instantiated at once (the kernel's own table may be larger). */
#ifndef AIOS_AGENT_SLOTS
#define AIOS_AGENT_SLOTS 12u
#endif

/* Backing of each agent's linear memory, in bytes (may be less than a 64 KiB page). */
#ifndef AIOS_AGENT_MEMORY_BYTES
#define AIOS_AGENT_MEMORY_BYTES 32768u
#endif

/* Compiled form of each agent's module, in bytes. */
#ifndef AIOS_AGENT_MODULE_ARENA_BYTES
#define AIOS_AGENT_MODULE_ARENA_BYTES 16384u
#endif

/* Instance state (stack, frames, globals, table) of each agent, in bytes. */
#ifndef AIOS_AGENT_INSTANCE_ARENA_BYTES
#define AIOS_AGENT_INSTANCE_ARENA_BYTES 12288u
#endif

/* Operand stack and locals of each agent, in 8-byte values; and its deepest call nesting. */
#ifndef AIOS_AGENT_STACK_SLOTS
#define AIOS_AGENT_STACK_SLOTS 1024u
#endif
#ifndef AIOS_AGENT_CALL_DEPTH
#define AIOS_AGENT_CALL_DEPTH 64u
#endif

/* Fuel an agent's start function may burn at spawn before the spawn fails. */
#ifndef AIOS_AGENT_SETUP_FUEL
#define AIOS_AGENT_SETUP_FUEL 1000000u
#endif

/* Snapshot slots and the size of each: an agent's memory plus its execution state. */
#ifndef AIOS_SNAPSHOT_SLOTS
#define AIOS_SNAPSHOT_SLOTS 4u
#endif
#ifndef AIOS_SNAPSHOT_BYTES
#define AIOS_SNAPSHOT_BYTES (AIOS_AGENT_MEMORY_BYTES + 8192u)
#endif

/* kernel.wasm: its compiled module, its instance state, its linear memory (the kernel is built
 * with a 48 KiB low-memory limit, so it needs less than one page). The compiled module takes
 * 90 to 92 KiB (Cortex-M, x86-64); a kernel that outgrows the arena
 * does not boot and says so in a log event. */
#ifndef AIOS_KERNEL_MODULE_ARENA_BYTES
#define AIOS_KERNEL_MODULE_ARENA_BYTES 98304u
#endif
#ifndef AIOS_KERNEL_INSTANCE_ARENA_BYTES
#define AIOS_KERNEL_INSTANCE_ARENA_BYTES 32768u
#endif
#ifndef AIOS_KERNEL_STACK_SLOTS
#define AIOS_KERNEL_STACK_SLOTS 2048u
#endif
#ifndef AIOS_KERNEL_CALL_DEPTH
#define AIOS_KERNEL_CALL_DEPTH 96u
#endif
#ifndef AIOS_KERNEL_MEMORY_BYTES
#define AIOS_KERNEL_MEMORY_BYTES 49152u
#endif

/* The region arena the kernel carves shared, ephemeral and persistent regions from, in bytes. */
#ifndef AIOS_REGION_ARENA_BYTES
#define AIOS_REGION_ARENA_BYTES 16384u
#endif

/* Bytes of the storage area (hal/flash.h) given to the kernel's persistent regions, from offset
 * 0; the image store follows them. */
#ifndef AIOS_KERNEL_FLASH_BYTES
#define AIOS_KERNEL_FLASH_BYTES 8192u
#endif

/* The image store (image_store.h): banks, each holding one installed image version (one bank
 * is kept free for staging an install; 0 leaves the store out), and the largest installable
 * image, in bytes. The storage area must hold AIOS_KERNEL_FLASH_BYTES + banks * (512 + image
 * bytes); the store also takes about 0.5 KiB of RAM per bank plus one image. */
#ifndef AIOS_IMAGE_STORE_BANKS
#define AIOS_IMAGE_STORE_BANKS 4u
#endif
#ifndef AIOS_IMAGE_MAX_BYTES
#define AIOS_IMAGE_MAX_BYTES 8192u
#endif

/* VM fuel per microsecond of CPU on this board: turns the kernel's budgets into fuel. */
#ifndef AIOS_FUEL_PER_US
#define AIOS_FUEL_PER_US 4u
#endif

#endif
