// Placement in the core's region arena: first fit over fixed granules. The arena's bytes belong to
// the core; the kernel only decides which offsets hold what and asks the core to copy.
import { copy, Space } from "../abi/core";
import { ARENA_GRANULE, ARENA_MAX_BYTES } from "../abi/config";

const MAX_GRANULES: i32 = ARENA_MAX_BYTES / ARENA_GRANULE;
const taken = new StaticArray<bool>(MAX_GRANULES);
let granules: i32 = 0;
const ZERO: usize = memory.data(ARENA_GRANULE);

export function resetArena(bytes: i32): void {
  granules = min(bytes, ARENA_MAX_BYTES) / ARENA_GRANULE;
}

function granulesFor(bytes: i32): i32 {
  return (bytes + ARENA_GRANULE - 1) / ARENA_GRANULE;
}

/** Offset of `bytes` of zeroed arena, or -1 when no run of free granules is long enough. */
export function arenaAlloc(bytes: i32): i32 {
  let need = granulesFor(bytes);
  let run = 0;
  for (let g = 0; g < granules; g++) {
    run = taken[g] ? 0 : run + 1;
    if (run < need) continue;
    let first = g - need + 1;
    for (let k = first; k <= g; k++) {
      taken[k] = true;
      copy(Space.ARENA, k * ARENA_GRANULE, Space.KERNEL, <i32>ZERO, ARENA_GRANULE, 0);
    }
    return first * ARENA_GRANULE;
  }
  return -1;
}

export function arenaFree(offset: i32, bytes: i32): void {
  let first = offset / ARENA_GRANULE;
  for (let k = 0; k < granulesFor(bytes); k++) taken[first + k] = false;
}

