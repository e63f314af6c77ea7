// The agent ABI's single import. Every syscall number is defined in
// firmware/kernel/abi/syscalls.ts; the wrappers in this folder give each one a typed name.
// A result >= 0 is the call's value; a negative result is -(error code) from the taxonomy.

/** The raw import: syscall `num` with five arguments. The wrappers are the way to call it.
 * @example
 * let me = syscall(Sys.SELF, 0, 0, 0, 0, 0); // what agent.self() does
 */
@external("aios", "syscall")
export declare function syscall(num: i32, a0: i32, a1: i32, a2: i32, a3: i32, a4: i32): i32;

/** True when a syscall result is an error.
 * @example
 * let region = mem.create(caps.primary(), mem.RegionKind.SHARED, 64, 0);
 * if (failed(region)) agent.exit(errorCode(region)); // e.g. cap_denied without ALLOC_MEMORY
 */
export function failed(result: i32): bool {
  return result < 0;
}

/** The taxonomy code of a failed result (0 for a success), to compare with ErrorCode.*.
 * @example
 * let n = mem.read(handle, version, 0, RECORD, 4);
 * if (errorCode(n) == ErrorCode.MemVersionGone) missed++;
 */
export function errorCode(result: i32): i32 {
  return result < 0 ? -result : 0;
}
