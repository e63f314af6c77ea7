// Correlation ids follow one cause through the system: an agent may name its own (Sys.CORRELATE),
// a host command carries the host's, otherwise the kernel mints one per syscall, command, fault or
// tick. Every event emitted while handling that cause carries the id, so the host can join an
// agent's failed call, the kernel's decision and its consequences. Kernel-minted ids have bit 31
// set so they never collide with ids an agent or the host chose.

const KERNEL_BIT: u32 = 0x80000000;
let current: u32 = 0;
let minted: u32 = 0;

/** Starts handling a cause. `given` is the caller's id, or 0 to mint one. Returns the id in force. */
export function begin(given: u32): u32 {
  if (given != 0) {
    current = given;
  } else {
    minted = (minted + 1) & ~KERNEL_BIT;
    current = KERNEL_BIT | minted;
  }
  return current;
}

export function correlation(): u32 {
  return current;
}
