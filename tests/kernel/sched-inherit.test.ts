import { beforeAll, describe, expect, it } from "vitest";
import { Cap, Hint, Sys } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";
import { errorCode } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

const SECOND = 1_000_000;

describe("priority inheritance", () => {
  it("runs an idle-class lock holder on the deadline of the agent waiting for its lock, so the waiter meets every deadline", () => {
    const board = new Board();
    const holder = board.spawn("locker", {
      hints: Hint.IDLEABLE,
      arg0: 0,
      arg1: 1,
      arg2: 5000,
      arg3: 30_000,
    });
    expect(board.syscall(holder, Sys.LOCK_CREATE)).toBe(1);
    board.run(100); // the holder takes the lock and is 100 µs into its 5 ms of work
    board.spawn("spinner");
    board.spawn("spinner");
    const waiter = board.spawn("locker", {
      caps: Cap.REALTIME,
      budget_us: 8000,
      period_us: 20_000,
      arg0: 1,
      arg1: 1,
      arg2: 1000,
    });
    board.run(SECOND);
    expect(board.eventsOf("sched_deadline_miss")).toEqual([]);
    expect(board.vm(waiter).call("roundsDone")).toBeGreaterThanOrEqual(49);
    const inherited = board.eventsOf("sched_inherit");
    expect(inherited.length).toBeGreaterThan(0);
    expect(inherited[0]?.fields).toMatchObject({ agent: holder, donor: waiter, lock: 1 });
    // The holder finished its round only on the waiter's deadline: an idle-class agent never
    // runs while the spinners want the CPU, so after its sleep it does not get to run again.
    expect(board.vm(holder).call("roundsDone")).toBe(1);
    expect(board.cpu.get(holder)).toBe(5000 + 1);
  });

  it("runs a server on the deadline of a client blocked in a service call to it", () => {
    const board = new Board();
    const server = board.spawn("server", { hints: Hint.IDLEABLE, arg0: 3000 });
    board.spawn("spinner");
    const client = board.spawn("client", {
      caps: Cap.REALTIME,
      budget_us: 6000,
      period_us: 20_000,
      arg0: server,
      arg1: 7,
      arg2: 500,
    });
    board.run(SECOND);
    expect(board.eventsOf("sched_deadline_miss")).toEqual([]);
    expect(board.vm(client).call("jobsDone")).toBeGreaterThanOrEqual(49);
    expect(board.vm(client).call("wrongReplies")).toBe(0);
    expect(board.vm(server).call("callsServed")).toBeGreaterThanOrEqual(49);
    expect(board.eventsOf("sched_inherit")[0]?.fields).toMatchObject({
      agent: server,
      donor: client,
      lock: 0,
    });
  });

  it("refuses a lock wait that would close a cycle", () => {
    const board = new Board();
    const a = board.spawn("spinner");
    const b = board.spawn("spinner");
    const first = board.syscall(a, Sys.LOCK_CREATE);
    const second = board.syscall(a, Sys.LOCK_CREATE);
    expect(board.syscall(a, Sys.LOCK_ACQUIRE, first)).toBe(0);
    expect(board.syscall(b, Sys.LOCK_ACQUIRE, second)).toBe(0);
    expect(board.syscall(a, Sys.LOCK_ACQUIRE, second)).toBe(1);
    expect(board.syscall(b, Sys.LOCK_ACQUIRE, first)).toBe(-errorCode("lock_deadlock"));
    expect(board.syscall(b, Sys.LOCK_RELEASE, first)).toBe(-errorCode("lock_invalid"));
  });

  it("hands a released lock to its waiter, which holds it when it runs again", () => {
    const board = new Board();
    const a = board.spawn("spinner");
    const b = board.spawn("spinner");
    const lock = board.syscall(a, Sys.LOCK_CREATE);
    expect(board.syscall(a, Sys.LOCK_ACQUIRE, lock)).toBe(0);
    expect(board.syscall(b, Sys.LOCK_ACQUIRE, lock)).toBe(1);
    expect(board.syscall(a, Sys.LOCK_RELEASE, lock)).toBe(0);
    expect(board.syscall(b, Sys.LOCK_RELEASE, lock)).toBe(0);
    expect(board.syscall(a, Sys.LOCK_RELEASE, lock)).toBe(-errorCode("lock_invalid"));
  });
});
