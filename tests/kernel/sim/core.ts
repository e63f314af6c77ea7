/**
 * The simulated firmware/core: the kernel ABI's imports (module "core") implemented over the
 * Board's virtual clock, alarm, arena, NOR flash, MPU domains and agent instances. A fake must
 * record or refuse, never silently succeed: out-of-range copies return -mem_out_of_bounds, a copy
 * on behalf of an agent outside its MPU domain throws (that is a kernel policy bug), and flash can
 * be told to lose power after N operations.
 */
import { createHash } from "node:crypto";
import { ByteWriter } from "../../../host-tools/src/protocol/wire.ts";
import type { Board } from "./board.ts";
import { errorCode, frameType } from "./schema.ts";

export class BoardReset extends Error {
  constructor(readonly resetCause: number) {
    super(`board reset requested (cause ${resetCause})`);
  }
}

export class PowerLoss extends Error {
  constructor() {
    super("power lost during a flash operation");
  }
}

export class MpuViolation extends Error {}

const Space = { KERNEL: 0, ARENA: 1, FLASH: 2, AGENT: 3 } as const;
const RIGHT_READ = 1;
const RIGHT_WRITE = 2;

export interface Mapping {
  offset: number;
  length: number;
  rights: number;
}

function view(board: Board, space: number, agent: number): Uint8Array | undefined {
  if (space === Space.KERNEL) return new Uint8Array(board.kernelMemory().buffer);
  if (space === Space.ARENA) return board.arena;
  if (space === Space.FLASH) return board.flash;
  if (space === Space.AGENT) return board.vms.get(agent)?.bytes();
  return undefined;
}

function checkDomain(
  board: Board,
  agent: number,
  offset: number,
  length: number,
  right: number,
): void {
  const ok = (board.mpu.get(agent) ?? []).some(
    (m) =>
      m !== undefined &&
      (m.rights & right) !== 0 &&
      offset >= m.offset &&
      offset + length <= m.offset + m.length,
  );
  if (!ok)
    throw new MpuViolation(`agent ${agent}: arena ${offset}+${length} is outside its MPU domain`);
}

function flashOp(board: Board): void {
  if (board.flashOpsLeft <= 0) throw new PowerLoss();
  board.flashOpsLeft--;
}

export function coreImports(board: Board): WebAssembly.ModuleImports {
  const outOfBounds = -errorCode("mem_out_of_bounds");
  return {
    clock_us: () => BigInt(board.now),
    alarm_arm: (at: bigint) => {
      board.alarm = Number(at);
    },
    emit: (type: number, ptr: number, len: number) => {
      board.record(type, new Uint8Array(board.kernelMemory().buffer, ptr, len).slice());
    },
    copy: (
      dstSpace: number,
      dst: number,
      srcSpace: number,
      src: number,
      len: number,
      onBehalf: number,
    ) => {
      const to = view(board, dstSpace, onBehalf);
      const from = view(board, srcSpace, onBehalf);
      if (to === undefined || from === undefined || len < 0) return outOfBounds;
      if (dst < 0 || src < 0 || dst + len > to.length || src + len > from.length)
        return outOfBounds;
      if (onBehalf !== 0 && srcSpace === Space.ARENA)
        checkDomain(board, onBehalf, src, len, RIGHT_READ);
      if (onBehalf !== 0 && dstSpace === Space.ARENA)
        checkDomain(board, onBehalf, dst, len, RIGHT_WRITE);
      const data = from.slice(src, src + len);
      if (dstSpace === Space.FLASH) {
        flashOp(board);
        // NOR flash: programming only clears bits; a write over unerased data corrupts it.
        for (let i = 0; i < len; i++) to[dst + i] = (to[dst + i] ?? 0xff) & (data[i] ?? 0xff);
      } else {
        to.set(data, dst);
      }
      return 0;
    },
    flash_erase: (offset: number, len: number) => {
      if (offset < 0 || len < 0 || offset + len > board.flash.length)
        return -errorCode("mem_flash_failed");
      flashOp(board);
      board.flash.fill(0xff, offset, offset + len);
      return 0;
    },
    sha256: (image: number, out: number) => {
      const installed = board.images.get(image);
      if (installed === undefined) return -errorCode("svc_invalid");
      const digest = createHash("sha256").update(installed.bytes).digest();
      new Uint8Array(board.kernelMemory().buffer).set(digest, out);
      return 0;
    },
    mpu_map: (agent: number, slot: number, offset: number, len: number, rights: number) => {
      const domain = board.mpu.get(agent) ?? [];
      domain[slot] = rights === 0 ? undefined : { offset, length: len, rights };
      board.mpu.set(agent, domain);
      return 0;
    },
    watchdog_feed: () => {
      board.feeds.push(board.now);
    },
    board_reset: (cause: number) => {
      throw new BoardReset(cause);
    },
    panic: (line: number, column: number) => {
      throw new Error(`kernel panic at line ${line}:${column}`);
    },
    vm_spawn: (agent: number, image: number) => board.instantiate(agent, image),
    vm_destroy: (agent: number) => {
      const vm = board.vms.get(agent);
      if (vm !== undefined) board.retired.set(agent, vm);
      board.vms.delete(agent);
      board.mpu.delete(agent);
    },
    vm_clone: (source: number, agent: number) => {
      const from = board.vms.get(source);
      if (from === undefined) return -errorCode("agent_not_found");
      const bytes = board.instantiate(agent, board.imageOf.get(source) ?? 0);
      if (bytes < 0) return bytes;
      board.vms.get(agent)?.load(from.save(), true);
      return board.vms.get(agent)?.memory.buffer.byteLength ?? 0;
    },
    vm_upgrade: (agent: number, image: number, keepState: number) =>
      board.upgrade(agent, image, keepState !== 0),
    vm_set_fuel: (agent: number, fuel: number) => {
      board.fuel.set(agent, fuel);
    },
    vm_snapshot: (agent: number, slot: number) => {
      const vm = board.vms.get(agent);
      if (vm === undefined) return -errorCode("agent_not_found");
      const state = vm.save();
      board.snapshots.set(slot, state);
      return state.memory.length;
    },
    vm_restore: (agent: number, slot: number) => {
      const vm = board.vms.get(agent);
      const state = board.snapshots.get(slot);
      if (vm === undefined || state === undefined) return -errorCode("mem_snapshot_missing");
      vm.load(state, true);
      vm.debt = 0;
      return 0;
    },
    vm_snapshot_drop: (slot: number) => {
      board.snapshots.delete(slot);
    },
    io_submit: (agent: number, channel: number, ptr: number, len: number) => {
      // As the device: the bytes go to the host in one agent_io frame, so at most 255 are taken.
      const taken = Math.min(len, 255);
      const memory = board.vms.get(agent)?.bytes();
      if (memory === undefined || ptr < 0 || taken < 0 || ptr + taken > memory.length)
        return outOfBounds;
      const data = memory.slice(ptr, ptr + taken);
      board.io.push({ agent, channel, data });
      const w = new ByteWriter();
      w.u16(agent);
      w.u8(channel);
      w.span(data);
      board.record(frameType("agent_io"), w.bytes());
      return taken;
    },
  };
}
