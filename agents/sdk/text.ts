// Log lines built in a fixed buffer: agents run with the stub runtime, which never frees, so a
// line is assembled from ASCII literals and numbers without creating strings, then sent with one
// syscall. One line at a time, at most 80 bytes.
import { syscall } from "./syscall";
import { Sys } from "../../firmware/kernel/abi/syscalls";

const CAPACITY: i32 = 80;
const LINE: usize = memory.data(CAPACITY);
let length: i32 = 0;

/** Starts a new line.
 * @example
 * text.begin(); // forget what the last line held
 */
export function begin(): void {
  length = 0;
}

/** Appends an ASCII literal; what does not fit is cut.
 * @example
 * text.put("sampler: job ");
 */
export function put(text: string): void {
  for (let i = 0; i < text.length && length < CAPACITY; i++) {
    store<u8>(LINE + <usize>length, <u8>text.charCodeAt(i));
    length++;
  }
}

/** Appends `value` in decimal; a number that does not fit whole is left out.
 * @example
 * text.putInt(jobs);
 * text.putInt(agent.clockUs() / 1000); // i64 values too
 */
export function putInt(value: i64): void {
  if (value < 0) {
    put("-");
    value = -value;
  }
  let digits: i32 = 1;
  for (let v = value; v >= 10; v /= 10) digits++;
  if (length + digits > CAPACITY) return;
  for (let i = digits - 1; i >= 0; i--) {
    store<u8>(LINE + <usize>(length + i), <u8>(48 + <i32>(value % 10)));
    value /= 10;
  }
  length += digits;
}

/** Sends the line to the host at `level` (0 debug .. 4 critical), as agent.logBytes; 0, and the
 * line stays in the buffer until the next begin().
 * @example
 * text.begin();
 * text.put("kvstore: start ");
 * text.putInt(starts);
 * text.send(1); // "kvstore: start 3"
 */
export function send(level: i32): i32 {
  return syscall(Sys.LOG, level, <i32>LINE, length, 0, 0);
}
