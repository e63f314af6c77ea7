/**
 * A simulated board running kernel.wasm: virtual clock (µs), one alarm, the region arena, NOR
 * flash, MPU domains, agent instances (real Wasm modules from agents/) and the frame stream to the
 * host. Deterministic: time moves only as the loop charges fuel (`fuelPerUs` per µs) or jumps to
 * the alarm, and nothing reads the wall clock. `log()` is the scenario's result as a list of
 * frames, so the same scenario can be replayed through another host and compared.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  decodeWireFrame,
  encodeFrame,
  type Frame,
} from "../../../host-tools/src/protocol/frame.ts";
import {
  type DeviceEvent,
  decodeEvent,
  encodeCommand,
} from "../../../host-tools/src/protocol/messages.ts";
import { ByteWriter } from "../../../host-tools/src/protocol/wire.ts";
import { AgentVm, trapCode } from "./agent-vm.ts";
import { type AgentName, agentImages, agentsDir, imageId, kernelWasm } from "./build.ts";
import { BoardReset, coreImports, type Mapping } from "./core.ts";
import { instrument } from "./instrument.ts";
import { enumValue, errorCode, frameType } from "./schema.ts";

export interface Kernel {
  k_boot(arena: number, flash: number, fuelPerUs: number): number;
  k_tick(): void;
  k_schedule(): number;
  k_step_end(agent: number): number;
  k_slice_end(agent: number, fuel: number): void;
  k_syscall(
    agent: number,
    num: number,
    a0: number,
    a1: number,
    a2: number,
    a3: number,
    a4: number,
  ): number;
  k_fault(agent: number, kind: number, error: number): number;
  k_memory_grow(agent: number, delta: number): number;
  k_command_buffer(): number;
  k_command(type: number, len: number): number;
  k_event_layout(type: number): number;
  memory: WebAssembly.Memory;
}

export interface BoardOptions {
  arenaBytes?: number;
  flashBytes?: number;
  fuelPerUs?: number;
  /** Flash contents to boot with (a board that was reset keeps its flash). */
  flash?: Uint8Array;
}

interface Image {
  bytes: Uint8Array;
  module: WebAssembly.Module;
}

const images = new Map<string, Image>();
let kernelModule: WebAssembly.Module | undefined;

export function loadImage(name: AgentName): Image {
  let image = images.get(name);
  if (image === undefined) {
    const bytes = new Uint8Array(readFileSync(join(agentsDir, `${name}.wasm`)));
    image = { bytes, module: new WebAssembly.Module(instrument(bytes)) };
    images.set(name, image);
  }
  return image;
}

/** A host command as it travels on the wire (correlation 0 unless given). */
export function commandWire(name: string, values: Record<string, unknown>): Uint8Array {
  return encodeCommand(name, { correlation: 0, ...values }, 0);
}

/** The fields of an `agent_spawn` of `name`: the given ones over the defaults. */
export function spawnValues(
  name: AgentName,
  values: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    image: imageId(name),
    caps: 0,
    group: 0,
    weight: 100,
    hints: 0,
    budget_us: 0,
    period_us: 0,
    arg0: 0,
    arg1: 0,
    arg2: 0,
    arg3: 0,
    ...values,
  };
}

export class Board {
  now = 0;
  alarm = -1;
  readonly frames: Frame[] = [];
  readonly events: DeviceEvent[] = [];
  arena: Uint8Array;
  flash: Uint8Array;
  readonly mpu = new Map<number, (Mapping | undefined)[]>();
  readonly images = new Map<number, Image>();
  readonly imageOf = new Map<number, number>();
  readonly vms = new Map<number, AgentVm>();
  /** The last instance of each destroyed agent, kept for the tests to inspect. */
  readonly retired = new Map<number, AgentVm>();
  readonly snapshots = new Map<number, ReturnType<AgentVm["save"]>>();
  readonly fuel = new Map<number, number>();
  readonly io: { agent: number; channel: number; data: Uint8Array }[] = [];
  readonly feeds: number[] = [];
  readonly resets: number[] = [];
  flashOpsLeft = Number.POSITIVE_INFINITY;
  kernel!: Kernel;
  /** Fuel each agent burned, as the simulated VM counted it. */
  readonly cpu = new Map<number, number>();
  /** Every slice granted: who, when, the fuel granted and the fuel used. */
  readonly slices: { agent: number; start: number; granted: number; used: number }[] = [];
  private seq = 0;
  private booting = false;
  readonly fuelPerUs: number;

  constructor(readonly options: BoardOptions = {}) {
    this.fuelPerUs = options.fuelPerUs ?? 1;
    this.arena = new Uint8Array(options.arenaBytes ?? 16384);
    this.flash = options.flash ?? new Uint8Array(options.flashBytes ?? 8192).fill(0xff);
    for (const name of agentImages) this.install(imageId(name), name);
    this.boot();
  }

  install(id: number, name: AgentName): void {
    this.images.set(id, loadImage(name));
  }

  kernelMemory(): WebAssembly.Memory {
    return this.kernel.memory;
  }

  private boot(): void {
    kernelModule ??= new WebAssembly.Module(readFileSync(kernelWasm));
    const instance = new WebAssembly.Instance(kernelModule, { core: coreImports(this) });
    this.kernel = instance.exports as unknown as Kernel;
    const status = this.kernel.k_boot(this.arena.length, this.flash.length, this.fuelPerUs);
    if (status !== 0) throw new Error(`k_boot failed: ${status}`);
  }

  /** A reset: instances, arena and MPU are lost, flash survives, the kernel boots again. */
  reset(cause: number): void {
    this.resets.push(cause);
    this.vms.clear();
    this.mpu.clear();
    this.snapshots.clear();
    this.fuel.clear();
    this.arena.fill(0);
    this.alarm = -1;
    const w = new ByteWriter();
    w.span(new TextEncoder().encode("sim"));
    w.span(new TextEncoder().encode("kernel-tests"));
    w.u8(cause);
    w.u8(1);
    this.record(frameType("boot"), w.bytes());
    this.boot();
  }

  /** A frame from the device: through the real wire encoding and the host's decoder. */
  record(type: number, payload: Uint8Array): void {
    const wire = encodeFrame({ type, seq: this.seq, timestampUs: BigInt(this.now), payload });
    this.seq = (this.seq + 1) & 0xffff;
    const frame = decodeWireFrame(wire.subarray(0, wire.length - 1));
    if (typeof frame === "string") throw new Error(`kernel emitted an undecodable frame: ${frame}`);
    this.frames.push(frame);
    this.events.push(decodeEvent(frame));
  }

  /** The scenario's outcome, comparable across hosts. */
  log(): string[] {
    return this.frames.map(
      (f) => `${f.timestampUs} ${f.type} ${Buffer.from(f.payload).toString("hex")}`,
    );
  }

  eventsOf(kind: string): DeviceEvent[] {
    return this.events.filter((e) => e.kind === kind);
  }

  instantiate(agent: number, image: number): number {
    const installed = this.images.get(image);
    if (installed === undefined) return -errorCode("system_invalid_argument");
    this.booting = true;
    try {
      const vm = new AgentVm(installed.module, {
        aios: {
          syscall: (n: number, a0: number, a1: number, a2: number, a3: number, a4: number) =>
            this.kernel.k_syscall(agent, n, a0, a1, a2, a3, a4),
        },
        aios_sim: { memory_grow: (pages: number) => this.grow(agent, pages) },
      });
      this.vms.set(agent, vm);
      this.imageOf.set(agent, image);
      return vm.memory.buffer.byteLength;
    } catch (error) {
      return -errorCode(trapCode(error) === undefined ? "vm_unlinkable" : "vm_trap_host");
    } finally {
      this.booting = false;
    }
  }

  /** memory.grow of a running agent: the kernel's quota decides, as the device VM asks it. */
  private grow(agent: number, pages: number): number {
    // Growth while the instance is being created (its start function) is refused: agents set
    // themselves up in their first step, where the kernel can account for it.
    const vm = this.vms.get(agent);
    if (this.booting || vm === undefined) return -1;
    if (this.kernel.k_memory_grow(agent, pages * 65536) < 0) return -1;
    return vm.memory.grow(pages);
  }

  upgrade(agent: number, image: number, keepState: boolean): number {
    const old = this.vms.get(agent);
    const target = this.images.get(image);
    if (old === undefined || target === undefined) return -errorCode("system_invalid_argument");
    const state = old.save();
    const probe = new AgentVm(target.module, {
      aios: { syscall: () => 0 },
      aios_sim: { memory_grow: () => -1 },
    });
    const compatible =
      old.stateVersion() !== undefined &&
      old.stateVersion() === probe.stateVersion() &&
      probe.memory.buffer.byteLength <= state.memory.length;
    if (keepState && !compatible) return -errorCode("agent_upgrade_incompatible");
    const bytes = this.instantiate(agent, image);
    if (bytes < 0) return bytes;
    if (keepState) this.vms.get(agent)?.load(state, false);
    return this.vms.get(agent)?.memory.buffer.byteLength ?? bytes;
  }

  /** A host command by schema name, through the wire encoding; returns k_command's status. */
  command(name: string, values: Record<string, unknown>): number {
    const wire = commandWire(name, values);
    const frame = decodeWireFrame(wire.subarray(0, wire.length - 1));
    if (typeof frame === "string") throw new Error(`bad command frame: ${frame}`);
    new Uint8Array(this.kernel.memory.buffer).set(frame.payload, this.kernel.k_command_buffer());
    return this.guard(() => this.kernel.k_command(frame.type, frame.payload.length));
  }

  /** Spawns `name` by host command; returns the new agent's id. */
  spawn(name: AgentName, values: Record<string, unknown> = {}): number {
    const before = this.eventsOf("agent_spawned").length;
    const status = this.command("agent_spawn", spawnValues(name, values));
    if (status !== 0) return status;
    return Number(this.eventsOf("agent_spawned")[before]?.fields.agent);
  }

  /** A syscall made on behalf of `agent` between its steps (the harness acting as its VM). */
  syscall(agent: number, num: number, ...args: number[]): number {
    return this.guard(() =>
      this.kernel.k_syscall(
        agent,
        num,
        args[0] ?? 0,
        args[1] ?? 0,
        args[2] ?? 0,
        args[3] ?? 0,
        args[4] ?? 0,
      ),
    );
  }

  /** A CPU fault or VM trap reported by the core (agent 0: native code acting for no agent). */
  fault(agent: number, kind: string, error: number): number {
    return this.guard(() => this.kernel.k_fault(agent, enumValue("fault_kind", kind), error));
  }

  /** Writes little-endian i32 words into an agent's memory (parameter blocks for syscalls). */
  poke(agent: number, ptr: number, words: number[]): void {
    const view = new DataView(this.vm(agent).memory.buffer);
    for (const [i, w] of words.entries()) view.setInt32(ptr + 4 * i, w, true);
  }

  peek(agent: number, ptr: number, length: number): Uint8Array {
    return this.vm(agent)
      .bytes()
      .slice(ptr, ptr + length);
  }

  vm(agent: number): AgentVm {
    const vm = this.vms.get(agent);
    if (vm === undefined) throw new Error(`agent ${agent} has no instance`);
    return vm;
  }

  /** Runs a kernel call; a board reset it requests reboots the board. */
  private guard<T>(call: () => T): T | number {
    try {
      return call();
    } catch (error) {
      if (!(error instanceof BoardReset)) throw error;
      this.reset(error.resetCause);
      return -errorCode("system_busy");
    }
  }

  /** Runs the board for `us` microseconds of virtual time. */
  run(us: number): void {
    const until = this.now + us;
    let idleLoops = 0;
    while (this.now < until) {
      const before = this.now;
      const result = this.guard(() => this.slice(until));
      if (typeof result === "number" && result < 0) continue;
      idleLoops = this.now === before ? idleLoops + 1 : 0;
      if (idleLoops > 10000) throw new Error(`no progress at ${this.now} µs`);
    }
  }

  /** One scheduling decision, the slice it grants, and the alarm if it fired. */
  private slice(until: number): boolean {
    const agent = this.kernel.k_schedule();
    const alarm = this.alarm;
    if (agent === 0) {
      if (alarm < 0 || alarm >= until) {
        this.now = until;
        return true;
      }
      this.now = Math.max(this.now, alarm);
      this.alarm = -1;
      this.kernel.k_tick();
      return true;
    }
    const vm = this.vms.get(agent);
    if (vm === undefined) throw new Error(`kernel scheduled agent ${agent} without an instance`);
    // A slice also ends where the run does: the host acts in between, as a UART interrupt would.
    const limit = alarm < 0 ? until : Math.min(alarm, until);
    const budget = this.fuel.get(agent) ?? 0;
    let used = 0;
    while (used < budget && this.now < limit && this.vms.get(agent) === vm) {
      if (!vm.inStep) {
        try {
          vm.debt = vm.step();
          vm.inStep = true;
        } catch (error) {
          const code = trapCode(error);
          if (code === undefined) throw error;
          // The trapping instruction burned fuel too: a crash loop still moves time on.
          used += 1;
          this.now += 1 / this.fuelPerUs;
          this.kernel.k_fault(agent, enumValue("fault_kind", "vm_trap"), code);
          break;
        }
        if (this.vms.get(agent) !== vm) break;
      }
      const pay = Math.min(
        vm.debt,
        budget - used,
        Math.max(1, Math.floor((limit - this.now) * this.fuelPerUs)),
      );
      vm.debt -= pay;
      used += pay;
      this.now += pay / this.fuelPerUs;
      if (vm.debt > 0) break;
      vm.inStep = false;
      if (this.kernel.k_step_end(agent) === 0) break;
    }
    this.cpu.set(agent, (this.cpu.get(agent) ?? 0) + used);
    this.slices.push({ agent, start: this.now - used / this.fuelPerUs, granted: budget, used });
    this.kernel.k_slice_end(agent, used);
    if (alarm >= 0 && this.now >= alarm) {
      this.alarm = -1;
      this.kernel.k_tick();
    }
    return true;
  }
}
