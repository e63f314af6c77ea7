// The upgrade-stable state area: the last 4 KiB of the first memory page. The stub runtime's heap
// starts after static data at the bottom of memory, so an agent that keeps its heap small can keep
// state here that survives an upgrade to an image with the same `state_version`.
export const STATE_AREA: usize = 0xf000;
export const STATE_AREA_BYTES: i32 = 4096;
