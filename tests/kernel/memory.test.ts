import { beforeAll, describe, expect, it } from "vitest";
import { Cap, Rights, Sys } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt, imageId } from "./sim/build.ts";
import { PowerLoss } from "./sim/core.ts";
import { enumValue, errorCode } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

const EPHEMERAL = enumValue("region_kind", "ephemeral");
const PERSISTENT = enumValue("region_kind", "persistent");
const SHARED = enumValue("region_kind", "shared");
const BUF = 0xe000;
const OUT = 0xe800;

function self(board: Board, agent: number): number {
  return board.syscall(agent, Sys.CAP_SELF);
}

function write(board: Board, agent: number, region: number, text: string, offset = 0): number {
  board.vm(agent).bytes().set(new TextEncoder().encode(text), BUF);
  return board.syscall(agent, Sys.MEM_WRITE, region, offset, BUF, text.length);
}

function read(
  board: Board,
  agent: number,
  region: number,
  length: number,
  version = 0,
): string | number {
  const n = board.syscall(agent, Sys.MEM_READ, region, version, 0, OUT, length);
  return n < 0 ? n : new TextDecoder().decode(board.peek(agent, OUT, n));
}

describe("memory fabric", () => {
  it("versions every write of a region and serves any of the last four versions", () => {
    const board = new Board();
    const owner = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
    const region = board.syscall(owner, Sys.MEM_CREATE, self(board, owner), EPHEMERAL, 64, 0);
    expect(board.syscall(owner, Sys.MEM_INFO, region)).toBe(1);
    expect(write(board, owner, region, "one")).toBe(2);
    expect(write(board, owner, region, "two")).toBe(3);
    expect(read(board, owner, region, 3)).toBe("two");
    expect(read(board, owner, region, 3, 2)).toBe("one");
    expect(write(board, owner, region, "xyz", 61)).toBe(4);
    expect(write(board, owner, region, "four", 61)).toBe(-errorCode("mem_out_of_bounds"));
    expect(write(board, owner, region, "fiv")).toBe(5);
    expect(read(board, owner, region, 3, 1)).toBe(-errorCode("mem_version_gone"));
    expect(read(board, owner, region, 3, 2)).toBe("one");
    expect(write(board, owner, region, "six")).toBe(6);
    expect(read(board, owner, region, 3, 2)).toBe(-errorCode("mem_version_gone"));
    expect(read(board, owner, region, 3, 3)).toBe("two");
    expect(board.eventsOf("mem_region_written").map((e) => e.fields.version)).toEqual([
      2, 3, 4, 5, 6,
    ]);
  });

  it("keeps an ephemeral region private to its owner", () => {
    const board = new Board();
    const owner = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
    const other = board.spawn("spinner");
    const region = board.syscall(owner, Sys.MEM_CREATE, self(board, owner), EPHEMERAL, 64, 0);
    expect(board.syscall(owner, Sys.MEM_SHARE, region, other, Rights.READ)).toBe(
      -errorCode("cap_denied"),
    );
    expect(board.syscall(other, Sys.MEM_READ, region, 0, 0, OUT, 4)).toBe(
      -errorCode("cap_invalid"),
    );
  });

  it("grants shared pages read-only or read-write by capability and keeps each holder's MPU domain in step", () => {
    const board = new Board();
    const owner = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
    const reader = board.spawn("spinner");
    const writer = board.spawn("spinner");
    const region = board.syscall(owner, Sys.MEM_CREATE, self(board, owner), SHARED, 128, 0);
    write(board, owner, region, "shared");
    const ro = board.syscall(owner, Sys.MEM_SHARE, region, reader, Rights.READ);
    const rw = board.syscall(owner, Sys.MEM_SHARE, region, writer, Rights.READ | Rights.WRITE);
    expect(
      board
        .eventsOf("mem_shared")
        .map((e) => [e.fields.agent, e.fields.rights, e.fields.handle, e.fields.owner]),
    ).toEqual([
      [reader, Rights.READ, ro, owner],
      [writer, Rights.READ | Rights.WRITE, rw, owner],
    ]);
    expect(read(board, reader, ro, 6)).toBe("shared");
    expect(write(board, reader, ro, "nope")).toBe(-errorCode("mem_read_only"));
    expect(board.syscall(reader, Sys.MEM_SHARE, ro, writer, Rights.READ)).toBe(
      -errorCode("cap_denied"),
    );
    expect(board.mpu.get(reader)?.filter(Boolean)).toEqual([
      expect.objectContaining({ rights: Rights.READ, length: 128 }),
    ]);
    const before = board.mpu.get(reader)?.[0]?.offset;
    expect(write(board, writer, rw, "SHARED")).toBe(3);
    expect(read(board, owner, region, 6)).toBe("SHARED");
    expect(board.mpu.get(reader)?.[0]?.offset).not.toBe(before);
    expect(board.syscall(owner, Sys.CAP_REVOKE, region, 0)).toBe(2);
    expect(board.mpu.get(reader)?.filter(Boolean)).toEqual([]);
    expect(read(board, reader, ro, 6)).toBe(-errorCode("cap_revoked"));
    expect(read(board, owner, region, 6)).toBe("SHARED");
  });

  it("refuses a mapping when the agent's MPU domain has no free slot", () => {
    const board = new Board();
    const owner = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
    const handles = [0, 1, 2, 3].map(() =>
      board.syscall(owner, Sys.MEM_CREATE, self(board, owner), SHARED, 64, 0),
    );
    expect(handles.every((h) => h > 0)).toBe(true);
    expect(board.syscall(owner, Sys.MEM_CREATE, self(board, owner), SHARED, 64, 0)).toBe(
      -errorCode("mem_mpu_exhausted"),
    );
    expect(board.syscall(owner, Sys.MEM_FREE, handles[0] ?? 0)).toBe(0);
    expect(board.syscall(owner, Sys.MEM_CREATE, self(board, owner), SHARED, 64, 0)).toBeGreaterThan(
      0,
    );
  });

  it("reclaims a region whose lease expired and tells every holder first", () => {
    const board = new Board();
    const owner = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
    const holder = board.spawn("spinner");
    const leased = board.syscall(owner, Sys.MEM_CREATE, self(board, owner), SHARED, 64, 50_000);
    const renewed = board.syscall(owner, Sys.MEM_CREATE, self(board, owner), SHARED, 64, 50_000);
    const held = board.syscall(owner, Sys.MEM_SHARE, leased, holder, Rights.READ);
    board.run(40_000);
    expect(board.syscall(owner, Sys.MEM_LEASE, renewed, 50_000)).toBe(0);
    expect(board.syscall(holder, Sys.MEM_LEASE, held, 50_000)).toBe(-errorCode("cap_denied"));
    board.run(20_000);
    const expired = board.eventsOf("mem_lease_expired");
    expect(expired.map((e) => e.fields.agent).sort()).toEqual([owner, holder].sort());
    expect(Number(expired[0]?.deviceUs)).toBe(50_000);
    expect(board.eventsOf("mem_region_freed")).toHaveLength(1);
    expect(read(board, holder, held, 4)).toBe(-errorCode("mem_lease_expired"));
    expect(read(board, owner, renewed, 4)).toBe("\0\0\0\0");
    board.run(40_000);
    expect(read(board, owner, renewed, 4)).toBe(-errorCode("mem_lease_expired"));
  });

  it("frees an agent's regions with it, and moves them to the agent that merges it", () => {
    const board = new Board();
    const parent = board.spawn("spinner", {
      caps: Cap.SPAWN_AGENT | Cap.LIFECYCLE | Cap.ALLOC_MEMORY | Cap.KILL_AGENT,
    });
    const cap = self(board, parent);
    board.poke(parent, BUF, [imageId("spinner"), Cap.ALLOC_MEMORY, 0, 100, 0, 0, 0, 0, 0]);
    const doomed = board.syscall(parent, Sys.SPAWN, cap, BUF);
    const absorbed = board.syscall(parent, Sys.SPAWN, cap, BUF);
    board.syscall(doomed, Sys.MEM_CREATE, self(board, doomed), SHARED, 64, 0);
    const kept = board.syscall(absorbed, Sys.MEM_CREATE, self(board, absorbed), SHARED, 64, 0);
    write(board, absorbed, kept, "mine");
    expect(board.syscall(parent, Sys.KILL, cap, doomed)).toBe(0);
    expect(board.eventsOf("mem_region_freed").map((e) => e.fields.agent)).toEqual([doomed]);
    expect(board.syscall(parent, Sys.MERGE, cap, absorbed)).toBe(0);
    expect(board.eventsOf("mem_region_freed")).toHaveLength(1);
    const moved = board
      .eventsOf("cap_granted")
      .filter((e) => e.fields.agent === parent && e.fields.granter === absorbed);
    expect(moved).toHaveLength(1);
    expect(read(board, parent, Number(moved[0]?.fields.handle), 4)).toBe("mine");
  });

  it("keeps a persistent region across a reset, found again by its key", () => {
    const flash = new Uint8Array(8192).fill(0xff);
    const board = new Board({ flash });
    const a = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
    const region = board.syscall(a, Sys.MEM_CREATE, self(board, a), PERSISTENT, 32, 0xbeef);
    expect(write(board, a, region, "calibration")).toBe(2);
    expect(board.eventsOf("mem_persisted")[0]?.fields).toMatchObject({ version: 2, key: 0xbeef });
    board.reset(enumValue("reset_cause", "power_on"));
    expect(board.eventsOf("kernel_ready").at(-1)?.fields).toMatchObject({ persistent_found: 1 });
    const b = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
    const again = board.syscall(b, Sys.MEM_CREATE, self(board, b), PERSISTENT, 32, 0xbeef);
    expect(board.syscall(b, Sys.MEM_INFO, again)).toBe(2);
    expect(read(board, b, again, 11)).toBe("calibration");
    const other = board.syscall(b, Sys.MEM_CREATE, self(board, b), PERSISTENT, 32, 0xf00d);
    expect(board.syscall(b, Sys.MEM_INFO, other)).toBe(1);
  });

  it("updates a persistent region atomically: power lost at any flash step leaves the previous version", () => {
    for (let stepsBeforeLoss = 0; stepsBeforeLoss <= 4; stepsBeforeLoss++) {
      const board = new Board();
      const a = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
      const region = board.syscall(a, Sys.MEM_CREATE, self(board, a), PERSISTENT, 16, 7);
      write(board, a, region, "AAAA");
      write(board, a, region, "BBBB");
      board.flashOpsLeft = stepsBeforeLoss;
      let lost = false;
      try {
        write(board, a, region, "CCCC");
      } catch (error) {
        if (!(error instanceof PowerLoss)) throw error;
        lost = true;
      }
      expect(lost).toBe(stepsBeforeLoss < 4);
      board.flashOpsLeft = Number.POSITIVE_INFINITY;
      board.reset(enumValue("reset_cause", "power_on"));
      const b = board.spawn("spinner", { caps: Cap.ALLOC_MEMORY });
      const again = board.syscall(b, Sys.MEM_CREATE, self(board, b), PERSISTENT, 16, 7);
      expect(read(board, b, again, 4)).toBe(lost ? "BBBB" : "CCCC");
      expect(board.syscall(b, Sys.MEM_INFO, again)).toBe(lost ? 3 : 4);
    }
  });

  it("snapshots an agent's instance and restores it", () => {
    const board = new Board();
    const parent = board.spawn("spinner", { caps: Cap.SPAWN_AGENT | Cap.LIFECYCLE });
    const cap = self(board, parent);
    board.poke(parent, BUF, [imageId("counter-v1"), 0, 0, 100, 0, 0, 0, 0, 0]);
    const child = board.syscall(parent, Sys.SPAWN, cap, BUF);
    board.run(20_000);
    const saved = board.vm(child).call("counter");
    const slot = board.syscall(parent, Sys.MEM_SNAPSHOT, cap, child);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(board.eventsOf("mem_snapshot")[0]?.fields).toMatchObject({
      agent: child,
      slot,
      bytes: 65536,
    });
    board.run(20_000);
    expect(board.vm(child).call("counter")).toBeGreaterThan(saved);
    expect(board.syscall(parent, Sys.MEM_RESTORE, cap, child, slot)).toBe(0);
    expect(board.vm(child).call("counter")).toBe(saved);
    expect(board.syscall(parent, Sys.MEM_RESTORE, cap, child, slot + 1)).toBe(
      -errorCode("mem_snapshot_missing"),
    );
    expect(board.syscall(parent, Sys.MEM_RESTORE, cap, parent, slot)).toBe(
      -errorCode("system_invalid_argument"),
    );
  });

  it("charges snapshots to the agent's memory quota", () => {
    const board = new Board();
    expect(
      board.command("group_create", {
        parent: 0,
        memory_bytes: 2 * 65536,
        cpu_budget_us: 0,
        cpu_period_us: 0,
        event_rate: 0,
        io_bytes_per_s: 0,
      }),
    ).toBe(0);
    const id = board.spawn("counter-v1", { caps: Cap.LIFECYCLE, group: 1 });
    const cap = self(board, id);
    expect(board.syscall(id, Sys.MEM_SNAPSHOT, cap, id)).toBeGreaterThanOrEqual(0);
    expect(board.syscall(id, Sys.MEM_SNAPSHOT, cap, id)).toBe(-errorCode("quota_memory"));
  });
});
