// Grows its memory by one 64 KiB page every step, counting refusals (memory.grow returning -1
// when the kernel's memory quota says no).
let refusals: i32 = 0;

export function step(): i32 {
  if (memory.grow(1) < 0) refusals++;
  return 100;
}

export function pages(): i32 {
  return memory.size();
}

export function refused(): i32 {
  return refusals;
}
