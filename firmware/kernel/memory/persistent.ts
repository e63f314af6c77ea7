// Flash-backed regions. Each persistent slot has two flash copies; a write goes to the copy not
// holding the newest version, in four steps: erase, data, header, commit marker. A copy counts only
// once its marker is written, so power lost at any step leaves the previous version readable:
// updates are atomic. At boot the newest committed copy of each slot wins.
//
//   copy: | magic u32 | key u32 | version u32 | length u16 | commit u16 | data ... |
import { copy, flashErase, Space } from "../abi/core";
import { FLASH_COPY_BYTES, FLASH_HEADER_BYTES, PERSISTENT_SLOTS } from "../abi/config";
import { flashBytes } from "../abi/params";
import { ErrorCode } from "../generated/protocol";

const MAGIC: u32 = 0x50534941; // "AISP"
const COMMITTED: u16 = 0x600d;
const HEADER: usize = memory.data(FLASH_HEADER_BYTES);

const keys = new StaticArray<u32>(PERSISTENT_SLOTS);
const versions = new StaticArray<u32>(PERSISTENT_SLOTS);
const lengths = new StaticArray<i32>(PERSISTENT_SLOTS);
const newest = new StaticArray<i32>(PERSISTENT_SLOTS); // copy holding the newest version, -1 none
const claimed = new StaticArray<bool>(PERSISTENT_SLOTS); // empty slot promised to a live region

export const MAX_PERSISTENT_BYTES: i32 = FLASH_COPY_BYTES - FLASH_HEADER_BYTES;

function copyOffset(slot: i32, which: i32): i32 {
  return (slot * 2 + which) * FLASH_COPY_BYTES;
}

function slotsInFlash(): i32 {
  return min(PERSISTENT_SLOTS, flashBytes / (2 * FLASH_COPY_BYTES));
}

/** Reads every copy's header; returns how many slots hold a committed version. */
export function scanFlash(): i32 {
  let found = 0;
  for (let s = 0; s < PERSISTENT_SLOTS; s++) {
    newest[s] = -1;
    claimed[s] = false;
    if (s >= slotsInFlash()) continue;
    for (let which = 0; which < 2; which++) {
      if (copy(Space.KERNEL, <i32>HEADER, Space.FLASH, copyOffset(s, which), FLASH_HEADER_BYTES, 0) < 0) continue;
      if (load<u32>(HEADER) != MAGIC || load<u16>(HEADER, 14) != COMMITTED) continue;
      let version = load<u32>(HEADER, 8);
      if (newest[s] >= 0 && version <= versions[s]) continue;
      newest[s] = which;
      keys[s] = load<u32>(HEADER, 4);
      versions[s] = version;
      lengths[s] = <i32>load<u16>(HEADER, 12);
    }
    if (newest[s] >= 0) found++;
  }
  return found;
}

/** The slot holding `key`, a free slot for it, or -1 when flash is full. */
export function slotFor(key: u32): i32 {
  for (let s = 0; s < slotsInFlash(); s++) if ((newest[s] >= 0 || claimed[s]) && keys[s] == key) return s;
  for (let s = 0; s < slotsInFlash(); s++) {
    if (newest[s] >= 0 || claimed[s]) continue;
    claimed[s] = true;
    keys[s] = key;
    versions[s] = 0;
    return s;
  }
  return -1;
}

/** The region using an empty slot went away before committing: the slot is free again. */
export function releaseSlot(slot: i32): void {
  if (newest[slot] < 0) claimed[slot] = false;
}

/** Copies the slot's newest version into the arena; returns that version (0: nothing stored). */
export function loadSlot(slot: i32, arenaOff: i32, size: i32): u32 {
  if (newest[slot] < 0) return 0;
  let len = min(lengths[slot], size);
  copy(Space.ARENA, arenaOff, Space.FLASH, copyOffset(slot, newest[slot]) + FLASH_HEADER_BYTES, len, 0);
  return versions[slot];
}

/** Commits `len` bytes of arena as `version` of the slot. Returns 0 or -mem_flash_failed. */
export function commitSlot(slot: i32, version: u32, arenaOff: i32, len: i32): i32 {
  let which = newest[slot] == 0 ? 1 : 0;
  let base = copyOffset(slot, which);
  if (flashErase(base, FLASH_COPY_BYTES) < 0) return -ErrorCode.MemFlashFailed;
  if (copy(Space.FLASH, base + FLASH_HEADER_BYTES, Space.ARENA, arenaOff, len, 0) < 0) return -ErrorCode.MemFlashFailed;
  store<u32>(HEADER, MAGIC);
  store<u32>(HEADER, keys[slot], 4);
  store<u32>(HEADER, version, 8);
  store<u16>(HEADER, <u16>len, 12);
  if (copy(Space.FLASH, base, Space.KERNEL, <i32>HEADER, 14, 0) < 0) return -ErrorCode.MemFlashFailed;
  store<u16>(HEADER, COMMITTED, 14);
  if (copy(Space.FLASH, base + 14, Space.KERNEL, <i32>HEADER + 14, 2, 0) < 0) return -ErrorCode.MemFlashFailed;
  newest[slot] = which;
  versions[slot] = version;
  lengths[slot] = len;
  return 0;
}
