import { beforeAll, describe, expect, it } from "vitest";
import { Cap, Sys } from "./sim/abi.ts";
import { Board, spawnValues } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";
import { errorCode, schema } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

describe("error taxonomy", () => {
  it("carries an agent's correlation id from its failed call through the kernel's events to the host", () => {
    const board = new Board();
    const id = board.spawn("spinner");
    expect(board.syscall(id, Sys.CORRELATE, 777)).toBe(0);
    expect(board.syscall(id, Sys.PUBLISH, board.syscall(id, Sys.CAP_SELF), 1, 2, 3)).toBe(
      -errorCode("cap_denied"),
    );
    expect(board.eventsOf("cap_denied")[0]?.fields.correlation).toBe(777);
    expect(board.eventsOf("error_raised")[0]?.fields).toMatchObject({
      agent: id,
      correlation: 777,
      code: errorCode("cap_denied"),
      syscall: Sys.PUBLISH,
    });
    expect(board.syscall(id, Sys.LAST_ERROR)).toBe(errorCode("cap_denied"));
    expect(board.syscall(id, Sys.LAST_CORRELATION)).toBe(777);
  });

  it("mints a kernel correlation id, marked by bit 31, when the agent names none", () => {
    const board = new Board();
    const id = board.spawn("spinner");
    board.syscall(id, Sys.CAP_INFO, 5);
    const minted = Number(board.eventsOf("error_raised")[0]?.fields.correlation);
    expect(minted >>> 31).toBe(1);
    expect(board.syscall(id, Sys.LAST_CORRELATION) >>> 0).toBe(minted);
  });

  it("answers a host command with the host's correlation id on everything it causes, including a refusal", () => {
    const board = new Board();
    board.command(
      "agent_spawn",
      spawnValues("spinner", { correlation: 0x1234, caps: Cap.EVENTS_PUBLISH }),
    );
    const caused = board.events.filter((e) => e.fields.correlation === 0x1234).map((e) => e.kind);
    expect(caused).toEqual(["cap_granted", "agent_spawned"]);
    expect(board.command("agent_kill", { correlation: 0x99, agent: 4000 })).toBe(
      -errorCode("agent_not_found"),
    );
    expect(board.eventsOf("command_error")[0]?.fields).toMatchObject({
      command: 193,
      error: errorCode("agent_not_found"),
      correlation: 0x99,
    });
    expect(board.eventsOf("error_raised")[0]?.fields).toMatchObject({
      agent: 0,
      correlation: 0x99,
      syscall: 193,
    });
  });

  it("aggregates failures by code and agent, in the stream and on demand", () => {
    const board = new Board();
    const a = board.spawn("spinner");
    const b = board.spawn("spinner");
    for (let i = 0; i < 3; i++) board.syscall(a, Sys.CAP_INFO, 5);
    board.syscall(b, Sys.CAP_INFO, 5);
    board.syscall(b, Sys.LOCK_RELEASE, 3);
    expect(board.eventsOf("error_raised").map((e) => [e.fields.agent, e.fields.count])).toEqual([
      [a, 1],
      [a, 2],
      [a, 3],
      [b, 1],
      [b, 1],
    ]);
    expect(board.syscall(a, Sys.ERROR_COUNT, b, errorCode("cap_invalid"))).toBe(1);
    expect(board.syscall(a, Sys.ERROR_COUNT, 0, errorCode("cap_invalid"))).toBe(4);
    board.command("stats_request", { what: "errors" });
    const aggregate = board
      .eventsOf("error_aggregate")
      .map((e) => [e.fields.agent, e.fields.code, e.fields.count]);
    expect(aggregate).toEqual([
      [a, errorCode("cap_invalid"), 3],
      [b, errorCode("cap_invalid"), 1],
      [b, errorCode("lock_invalid"), 1],
      [0, errorCode("cap_invalid"), 4],
      [0, errorCode("lock_invalid"), 1],
    ]);
  });

  it("returns only codes of the taxonomy", () => {
    const board = new Board();
    const id = board.spawn("faulty", { caps: Cap.ALL & ~Cap.SUPERVISOR, arg0: 3 });
    for (let n = 0; n < 110; n++) board.syscall(id, n, 1, 2, 3, 4, 5);
    board.run(50_000);
    const known = new Set(schema.errors.map((e) => e.code));
    const raised = board.eventsOf("error_raised").map((e) => Number(e.fields.code));
    expect(raised.length).toBeGreaterThan(20);
    for (const code of raised) expect(known.has(code), `code ${code}`).toBe(true);
    expect(raised).toContain(errorCode("syscall_unknown"));
  });
});

describe("schema", () => {
  it("encodes every kernel event exactly as the schema lays it out", () => {
    const board = new Board();
    const severities = schema.enums.severity ?? [];
    // The schema gives the kernel events 16..119; 1..15 and 120..127 are the core's own.
    const kernelEvents = schema.events.filter((e) => e.id >= 16 && e.id < 120);
    expect(kernelEvents.length).toBeGreaterThan(40);
    for (const event of kernelEvents) {
      const [agent, correlation, ...values] = event.fields;
      expect(agent).toMatchObject({ name: "agent", type: "u16" });
      expect(correlation).toMatchObject({ name: "correlation", type: "u32" });
      expect(values.length).toBeLessThanOrEqual(4);
      for (const v of values) expect(["u32", "i32"]).toContain(v.type);
      const layout = board.kernel.k_event_layout(event.id);
      expect([layout >> 4, layout & 0xf], event.name).toEqual([
        severities.indexOf(event.severity ?? ""),
        values.length,
      ]);
    }
    for (const id of [1, 4, 5, 6, 15, 128, 192]) expect(board.kernel.k_event_layout(id)).toBe(-1);
  });
});
