// Moving syscall arguments that live in agent memory (parameter blocks, log text, clock values)
// through small kernel buffers. The core bounds-checks every copy against the agent's memory.
import { copy, Space } from "../abi/core";

const WORDS_MAX: i32 = 16;
const WORDS: usize = memory.data(WORDS_MAX * 4);
export const TEXT_MAX: i32 = 200;
export const TEXT: usize = memory.data(TEXT_MAX);

/** Copies `count` i32 words from agent memory at `ptr`; read them with word(i). */
export function readWords(agent: i32, ptr: i32, count: i32): i32 {
  return copy(Space.KERNEL, <i32>WORDS, Space.AGENT, ptr, min(count, WORDS_MAX) * 4, agent);
}

export function word(i: i32): i32 {
  return load<i32>(WORDS + <usize>(i * 4));
}

export function writeI64(agent: i32, ptr: i32, value: i64): i32 {
  store<i64>(WORDS, value);
  return copy(Space.AGENT, ptr, Space.KERNEL, <i32>WORDS, 8, agent);
}

/** Copies up to TEXT_MAX bytes of text into TEXT; returns the length copied or -code. */
export function readText(agent: i32, ptr: i32, len: i32): i32 {
  let n = min(max(len, 0), TEXT_MAX);
  let status = copy(Space.KERNEL, <i32>TEXT, Space.AGENT, ptr, n, agent);
  return status < 0 ? status : n;
}
