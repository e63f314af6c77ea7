import { beforeAll, describe, expect, it } from "vitest";
import { Cap, Sys } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt, imageId } from "./sim/build.ts";
import { errorCode } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

const PARAMS = 0xe000; // scratch in the calling agent's memory

function spawnChild(
  board: Board,
  parent: number,
  flags: number,
  image = imageId("spinner"),
  weight = 100,
): number {
  board.poke(parent, PARAMS, [image, flags, 0, weight, 0, 0, 0, 0, 0]);
  return board.syscall(parent, Sys.SPAWN, board.syscall(parent, Sys.CAP_SELF), PARAMS);
}

describe("agent lifecycle", () => {
  it("spawns a child whose capability is derived from, and never wider than, its parent's", () => {
    const board = new Board();
    const parent = board.spawn("spinner", {
      caps: Cap.SPAWN_AGENT | Cap.EVENTS_PUBLISH | Cap.KILL_AGENT,
    });
    const child = spawnChild(board, parent, Cap.EVENTS_PUBLISH);
    expect(child).toBeGreaterThan(0);
    expect(board.syscall(child, Sys.CAP_INFO, board.syscall(child, Sys.CAP_SELF))).toBe(
      Cap.EVENTS_PUBLISH,
    );
    expect(board.eventsOf("cap_granted").at(-1)?.fields).toMatchObject({
      agent: child,
      flags: Cap.EVENTS_PUBLISH,
      granter: parent,
    });
    expect(board.eventsOf("agent_spawned").at(-1)?.fields).toMatchObject({
      agent: child,
      parent,
      image: imageId("spinner"),
    });
    expect(spawnChild(board, parent, Cap.EVENTS_PUBLISH | Cap.ACCESS_NET)).toBe(
      -errorCode("cap_amplification"),
    );
    expect(spawnChild(board, child, 0)).toBe(-errorCode("cap_denied"));
  });

  it("never gives a child, or an agent's own hint, more CPU share than was granted", () => {
    const board = new Board();
    const parent = board.spawn("spinner", { caps: Cap.SPAWN_AGENT, weight: 200 });
    expect(spawnChild(board, parent, 0, imageId("spinner"), 400)).toBe(
      -errorCode("cap_amplification"),
    );
    const child = spawnChild(board, parent, 0, imageId("spinner"), 150);
    expect(board.eventsOf("agent_spawned").at(-1)?.fields).toMatchObject({
      agent: child,
      weight: 150,
    });
    expect(board.syscall(child, Sys.HINT, 0, 151)).toBe(-errorCode("cap_amplification"));
    expect(board.syscall(child, Sys.HINT, 0, 50)).toBe(0);
    expect(board.syscall(child, Sys.HINT, 0, 150)).toBe(0);
    expect(board.eventsOf("sched_hint").map((e) => e.fields.weight)).toEqual([50, 150]);
  });

  it("lets an agent kill its descendants but no one else", () => {
    const board = new Board();
    const parent = board.spawn("spinner", { caps: Cap.SPAWN_AGENT | Cap.KILL_AGENT });
    const stranger = board.spawn("spinner");
    const child = spawnChild(board, parent, Cap.SPAWN_AGENT | Cap.KILL_AGENT);
    const grandchild = spawnChild(board, child, 0);
    const cap = board.syscall(parent, Sys.CAP_SELF);
    expect(board.syscall(parent, Sys.KILL, cap, stranger)).toBe(-errorCode("agent_not_descendant"));
    expect(board.syscall(parent, Sys.KILL, cap, grandchild)).toBe(0);
    expect(board.eventsOf("agent_killed").at(-1)?.fields).toMatchObject({
      agent: grandchild,
      by: parent,
    });
    expect(board.vms.has(grandchild)).toBe(false);
    expect(board.syscall(parent, Sys.KILL, cap, grandchild)).toBe(-errorCode("agent_not_found"));
  });

  it("clones an agent with its memory and globals", () => {
    const board = new Board();
    const original = board.spawn("counter-v1", { caps: Cap.LIFECYCLE });
    board.run(50_000);
    const count = board.vm(original).call("counter");
    expect(count).toBeGreaterThan(100);
    const copy = board.syscall(original, Sys.CLONE, board.syscall(original, Sys.CAP_SELF));
    expect(board.vm(copy).call("counter")).toBe(count);
    expect(board.eventsOf("agent_cloned")[0]?.fields).toMatchObject({
      agent: copy,
      source: original,
    });
    board.run(50_000);
    expect(board.vm(copy).call("counter")).toBeGreaterThan(count);
  });

  it("splits an agent into two that share its former weight, and merges them back", () => {
    const board = new Board();
    const whole = board.spawn("spinner", { caps: Cap.LIFECYCLE, weight: 400 });
    const other = board.spawn("spinner", { weight: 400 });
    const cap = board.syscall(whole, Sys.CAP_SELF);
    const half = board.syscall(whole, Sys.SPLIT, cap);
    expect(board.eventsOf("agent_split")[0]?.fields).toMatchObject({
      agent: half,
      source: whole,
      weight: 200,
    });
    board.run(1_000_000);
    const share = (id: number) => (board.cpu.get(id) ?? 0) / 1_000_000;
    expect(share(whole) + share(half)).toBeCloseTo(share(other), 1);
    expect(board.syscall(whole, Sys.MERGE, cap, half)).toBe(0);
    expect(board.eventsOf("agent_merged")[0]?.fields).toMatchObject({
      agent: whole,
      absorbed: half,
    });
    expect(board.vms.has(half)).toBe(false);
    board.cpu.clear();
    board.run(1_000_000);
    expect(share(whole)).toBeCloseTo(0.5, 1);
  });

  it("upgrades an agent's code, keeping its memory when the state layout matches and starting fresh when not", () => {
    const board = new Board();
    const id = board.spawn("counter-v1");
    board.run(10_000);
    const before = board.vm(id).call("counter");
    expect(board.command("agent_upgrade", { agent: id, image: imageId("counter-v2") })).toBe(0);
    expect(board.vm(id).call("counter")).toBe(before);
    board.run(1000);
    expect(board.vm(id).call("counter") - before).toBe(1000);
    expect(board.command("agent_upgrade", { agent: id, image: imageId("counter-v3") })).toBe(0);
    expect(board.vm(id).call("counter")).toBe(0);
    expect(
      board.eventsOf("agent_upgraded").map((e) => [e.fields.image, e.fields.state_kept]),
    ).toEqual([
      [imageId("counter-v2"), 1],
      [imageId("counter-v3"), 0],
    ]);
  });

  it("specializes a capability: it and everything derived from it lose the dropped flags", () => {
    const board = new Board();
    const parent = board.spawn("spinner", {
      caps: Cap.SPAWN_AGENT | Cap.EVENTS_PUBLISH | Cap.EVENTS_SUBSCRIBE,
    });
    const child = spawnChild(board, parent, Cap.EVENTS_PUBLISH | Cap.EVENTS_SUBSCRIBE);
    const cap = board.syscall(parent, Sys.CAP_SELF);
    expect(
      board.syscall(parent, Sys.CAP_SPECIALIZE, cap, Cap.SPAWN_AGENT | Cap.EVENTS_SUBSCRIBE),
    ).toBe(Cap.SPAWN_AGENT | Cap.EVENTS_SUBSCRIBE);
    expect(board.syscall(child, Sys.CAP_INFO, board.syscall(child, Sys.CAP_SELF))).toBe(
      Cap.EVENTS_SUBSCRIBE,
    );
    expect(board.syscall(child, Sys.PUBLISH, board.syscall(child, Sys.CAP_SELF), 1, 2, 3)).toBe(
      -errorCode("cap_denied"),
    );
    expect(board.eventsOf("agent_specialized")[0]?.fields).toMatchObject({
      agent: parent,
      handle: cap,
      flags: Cap.SPAWN_AGENT | Cap.EVENTS_SUBSCRIBE,
    });
  });

  it("ends an agent that exits, with its exit code", () => {
    const board = new Board();
    const id = board.spawn("spinner");
    expect(board.syscall(id, Sys.EXIT, 7)).toBe(0);
    board.run(10_000);
    expect(board.eventsOf("agent_exited")[0]?.fields).toMatchObject({ agent: id, code: 7 });
    expect(board.vms.has(id)).toBe(false);
  });
});
