// The agent ABI's single import. Every syscall number is defined in
// firmware/kernel/abi/syscalls.ts; the wrappers in this folder give each one a typed name.
// A result >= 0 is the call's value; a negative result is -(error code) from the taxonomy.

@external("aios", "syscall")
export declare function syscall(num: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32): i32;

/** True when a syscall result is an error. */
export function failed(result: i32): bool {
  return result < 0;
}

/** The taxonomy code of a failed result (0 for a success). */
export function errorCode(result: i32): i32 {
  return result < 0 ? -result : 0;
}
