import { beforeAll, describe, expect, it } from "vitest";
import { Cap, Channel, Rights, Sys } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt, imageId } from "./sim/build.ts";
import { Random } from "./sim/random.ts";
import { errorCode } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

const PARAMS = 0xe000;
const SHARED = 2; // region_kind

function self(board: Board, agent: number): number {
  return board.syscall(agent, Sys.CAP_SELF);
}

function spawnChild(board: Board, parent: number, cap: number, flags: number): number {
  board.poke(parent, PARAMS, [imageId("spinner"), flags, 0, 100, 0, 0, 0, 0, 0]);
  return board.syscall(parent, Sys.SPAWN, cap, PARAMS);
}

describe("capabilities", () => {
  it("refuses a forged handle with cap_invalid and audits the refusal", () => {
    const board = new Board();
    const id = board.spawn("spinner", { caps: Cap.EVENTS_PUBLISH });
    const forged = self(board, id) + 1;
    expect(board.syscall(id, Sys.PUBLISH, forged, 1, 2, 3)).toBe(-errorCode("cap_invalid"));
    expect(board.eventsOf("cap_denied")[0]?.fields).toMatchObject({
      agent: id,
      handle: forged,
      needed: Cap.EVENTS_PUBLISH,
      error: errorCode("cap_invalid"),
    });
  });

  it("makes another agent's handle useless to anyone but its holder", () => {
    const board = new Board();
    const owner = board.spawn("spinner", { caps: Cap.EVENTS_PUBLISH });
    const thief = board.spawn("spinner");
    expect(board.syscall(thief, Sys.PUBLISH, self(board, owner), 1, 2, 3)).toBe(
      -errorCode("cap_invalid"),
    );
    expect(board.syscall(owner, Sys.PUBLISH, self(board, owner), 1, 2, 3)).toBe(0);
  });

  it("refuses an agent an operation its capability lacks the flag for, at the moment of use", () => {
    const board = new Board();
    const id = board.spawn("spinner", { caps: Cap.EVENTS_SUBSCRIBE });
    expect(board.syscall(id, Sys.PUBLISH, self(board, id), 1, 2, 3)).toBe(-errorCode("cap_denied"));
    expect(board.syscall(id, Sys.SUBSCRIBE, self(board, id), 16, 127, 0, 0)).toBeGreaterThan(0);
  });

  it("delegates attenuated copies only: more than the parent has fails with cap_amplification", () => {
    const board = new Board();
    const from = board.spawn("spinner", { caps: Cap.DELEGATE | Cap.EVENTS_PUBLISH });
    const to = board.spawn("spinner");
    const cap = self(board, from);
    expect(
      board.syscall(from, Sys.CAP_DELEGATE, cap, to, Cap.EVENTS_PUBLISH | Cap.ACCESS_NET),
    ).toBe(-errorCode("cap_amplification"));
    const handle = board.syscall(from, Sys.CAP_DELEGATE, cap, to, Cap.EVENTS_PUBLISH);
    expect(board.syscall(to, Sys.CAP_INFO, handle)).toBe(Cap.EVENTS_PUBLISH);
    expect(board.syscall(to, Sys.PUBLISH, handle, 1, 2, 3)).toBe(0);
    expect(board.eventsOf("cap_delegated")[0]?.fields).toMatchObject({
      agent: from,
      to,
      handle,
      flags: Cap.EVENTS_PUBLISH,
    });
    const plain = board.spawn("spinner", { caps: Cap.EVENTS_PUBLISH });
    expect(board.syscall(plain, Sys.CAP_DELEGATE, self(board, plain), to, Cap.EVENTS_PUBLISH)).toBe(
      -errorCode("cap_denied"),
    );
  });

  it("reports a revoked handle as cap_revoked, also after its slot was reused", () => {
    const board = new Board();
    const from = board.spawn("spinner", { caps: Cap.DELEGATE | Cap.EVENTS_PUBLISH });
    const to = board.spawn("spinner");
    const cap = self(board, from);
    const handle = board.syscall(from, Sys.CAP_DELEGATE, cap, to, Cap.EVENTS_PUBLISH);
    expect(board.syscall(from, Sys.CAP_REVOKE, cap, 0)).toBe(1);
    expect(board.eventsOf("cap_revoked")[0]?.fields).toMatchObject({
      agent: from,
      handle: cap,
      count: 1,
    });
    expect(board.syscall(to, Sys.PUBLISH, handle, 1, 2, 3)).toBe(-errorCode("cap_revoked"));
    const reused = board.syscall(from, Sys.CAP_DELEGATE, cap, from, Cap.EVENTS_PUBLISH);
    expect(reused & 0xffff).toBe(handle & 0xffff);
    expect(board.syscall(to, Sys.PUBLISH, handle, 1, 2, 3)).toBe(-errorCode("cap_revoked"));
    expect(board.syscall(from, Sys.PUBLISH, cap, 1, 2, 3)).toBe(0);
  });

  it("after revoking a root capability no derived capability works (seeded random derivation trees)", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const random = new Random(seed);
      const board = new Board();
      const all =
        Cap.DELEGATE |
        Cap.SPAWN_AGENT |
        Cap.EVENTS_PUBLISH |
        Cap.EVENTS_SUBSCRIBE |
        Cap.ALLOC_MEMORY |
        Cap.ACCESS_IO;
      const root = board.spawn("spinner", { caps: all });
      const control = board.spawn("spinner", { caps: all });
      const controlRegion = board.syscall(
        control,
        Sys.MEM_CREATE,
        self(board, control),
        SHARED,
        64,
        0,
      );
      const authority: [number, number, number][] = [[root, self(board, root), all]];
      const regions: [number, number][] = [];
      const agents = [root, control, board.spawn("spinner"), board.spawn("spinner")];
      for (let step = 0; step < 30; step++) {
        const [holder, handle, flags] = random.pick(authority);
        const choice = random.int(0, 3);
        const subset = flags & random.int(0, all);
        if (choice === 0 && flags & Cap.DELEGATE) {
          const to = random.pick(agents);
          const derived = board.syscall(holder, Sys.CAP_DELEGATE, handle, to, subset);
          expect(derived).toBeGreaterThan(0);
          authority.push([to, derived, subset]);
        } else if (choice === 1 && flags & Cap.SPAWN_AGENT && agents.length < 12) {
          const child = spawnChild(board, holder, handle, subset);
          expect(child).toBeGreaterThan(0);
          agents.push(child);
          authority.push([child, self(board, child), subset]);
        } else if (choice === 2 && flags & Cap.ALLOC_MEMORY && regions.length < 6) {
          const region = board.syscall(holder, Sys.MEM_CREATE, handle, SHARED, 64, 0);
          expect(region).toBeGreaterThan(0);
          regions.push([holder, region]);
        } else if (choice === 3 && regions.length > 0) {
          const [owner, region] = random.pick(regions);
          const to = random.pick(agents);
          if (to === owner) continue;
          const shared = board.syscall(owner, Sys.MEM_SHARE, region, to, Rights.READ);
          if (shared > 0) regions.push([to, shared]);
        }
      }
      expect(board.syscall(root, Sys.CAP_REVOKE, self(board, root), 1)).toBeGreaterThanOrEqual(
        authority.length,
      );
      const revoked = -errorCode("cap_revoked");
      for (const [agent, handle] of authority)
        expect(board.syscall(agent, Sys.CAP_INFO, handle)).toBe(revoked);
      for (const [agent, handle] of authority)
        expect(board.syscall(agent, Sys.PUBLISH, handle, 1, 2, 3)).toBe(revoked);
      for (const [agent, region] of regions)
        expect(board.syscall(agent, Sys.MEM_READ, region, 0, 0, PARAMS, 8)).toBe(revoked);
      expect(board.syscall(control, Sys.PUBLISH, self(board, control), 1, 2, 3)).toBe(0);
      expect(board.syscall(control, Sys.MEM_READ, controlRegion, 0, 0, PARAMS, 8)).toBe(8);
    }
  });
});

describe("quotas and resource groups", () => {
  function group(board: Board, values: Record<string, number>): number {
    expect(
      board.command("group_create", {
        parent: 0,
        memory_bytes: 0,
        cpu_budget_us: 0,
        cpu_period_us: 0,
        event_rate: 0,
        io_bytes_per_s: 0,
        ...values,
      }),
    ).toBe(0);
    return Number(board.eventsOf("group_created").at(-1)?.fields.group);
  }

  it("checks the memory quota when an agent's memory grows, and a refused grow fails in the agent", () => {
    const board = new Board();
    const g = group(board, { memory_bytes: 4 * 65536 });
    const id = board.spawn("grower", { group: g });
    board.run(100_000);
    expect(board.vm(id).call("pages")).toBe(4);
    expect(board.vm(id).call("refused")).toBeGreaterThan(0);
    expect(board.eventsOf("quota_exceeded")[0]?.fields).toMatchObject({
      agent: id,
      group: g,
      requested: 65536,
    });
  });

  it("shares one memory quota among every agent of a group", () => {
    const board = new Board();
    const g = group(board, { memory_bytes: 3 * 65536 });
    const a = board.spawn("spinner", { group: g, caps: Cap.ALLOC_MEMORY });
    const b = board.spawn("spinner", { group: g, caps: Cap.ALLOC_MEMORY });
    expect(board.spawn("spinner", { group: g })).toBeGreaterThan(0);
    expect(board.spawn("spinner", { group: g })).toBe(-errorCode("quota_memory"));
    // Regions reserve size x 4 versions: 4 x 4096 fits nobody now.
    expect(board.syscall(a, Sys.MEM_CREATE, self(board, a), SHARED, 4096, 0)).toBe(
      -errorCode("quota_memory"),
    );
    expect(board.command("agent_kill", { agent: b })).toBe(0);
    expect(board.syscall(a, Sys.MEM_CREATE, self(board, a), SHARED, 4096, 0)).toBeGreaterThan(0);
  });

  it("limits a group's event rate with a token bucket", () => {
    const board = new Board();
    const g = group(board, { event_rate: 10 });
    const id = board.spawn("chatter", {
      group: g,
      caps: Cap.EVENTS_PUBLISH,
      arg0: 0,
      arg1: 5,
      arg2: 10_000,
    });
    board.run(1_000_000);
    const published = board.vm(id).call("eventsPublished");
    expect(published).toBeGreaterThanOrEqual(19);
    expect(published).toBeLessThanOrEqual(21);
    expect(board.vm(id).call("publishRefusals")).toBeGreaterThan(70);
    expect(board.eventsOf("bus_event")).toHaveLength(published);
  });

  it("lets I/O through only with ACCESS_IO and within the group's byte rate", () => {
    const board = new Board();
    const g = group(board, { io_bytes_per_s: 100 });
    const id = board.spawn("spinner", { group: g, caps: Cap.ACCESS_IO });
    const denied = board.spawn("spinner");
    board.poke(id, PARAMS, [0x6c6c6568, 0x6f]);
    expect(board.syscall(id, Sys.IO_SUBMIT, self(board, id), 3, PARAMS, 80)).toBe(80);
    expect(board.syscall(id, Sys.IO_SUBMIT, self(board, id), 3, PARAMS, 80)).toBe(
      -errorCode("quota_io"),
    );
    expect(board.syscall(denied, Sys.IO_SUBMIT, self(board, denied), 3, PARAMS, 1)).toBe(
      -errorCode("cap_denied"),
    );
    expect(board.io).toHaveLength(1);
    expect(new TextDecoder().decode(board.io[0]?.data.subarray(0, 5))).toBe("hello");
  });

  it("asks for ACCESS_FS or ACCESS_NET when I/O goes to a file-system or network channel", () => {
    const board = new Board();
    const io = board.spawn("spinner", { caps: Cap.ACCESS_IO });
    const net = board.spawn("spinner", { caps: Cap.ACCESS_NET });
    const fsChannel = (Channel.FS << Channel.CLASS_SHIFT) | 1;
    const netChannel = (Channel.NET << Channel.CLASS_SHIFT) | 1;
    expect(board.syscall(io, Sys.IO_SUBMIT, self(board, io), fsChannel, PARAMS, 4)).toBe(
      -errorCode("cap_denied"),
    );
    expect(board.syscall(io, Sys.IO_SUBMIT, self(board, io), 1, PARAMS, 4)).toBe(4);
    expect(board.syscall(net, Sys.IO_SUBMIT, self(board, net), netChannel, PARAMS, 4)).toBe(4);
    expect(board.syscall(net, Sys.IO_SUBMIT, self(board, net), 1, PARAMS, 4)).toBe(
      -errorCode("cap_denied"),
    );
    expect(board.eventsOf("cap_denied").map((e) => e.fields.needed)).toEqual([
      Cap.ACCESS_FS,
      Cap.ACCESS_IO,
    ]);
  });

  it("never creates a subgroup with more than its parent group allows", () => {
    const board = new Board();
    const parent = group(board, { memory_bytes: 65536 });
    expect(
      board.command("group_create", {
        parent,
        memory_bytes: 2 * 65536,
        cpu_budget_us: 0,
        cpu_period_us: 0,
        event_rate: 0,
        io_bytes_per_s: 0,
      }),
    ).toBe(-errorCode("cap_amplification"));
    expect(board.eventsOf("command_error").at(-1)?.fields).toMatchObject({
      error: errorCode("cap_amplification"),
    });
  });
});
