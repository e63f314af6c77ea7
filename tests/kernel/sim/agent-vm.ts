/**
 * One agent instance as the simulated VM runs it. Node's engine cannot stop a call half way, so
 * an agent runs step by step: `step()` executes at once (its syscalls happen then) and returns
 * the fuel the step costs; the simulator then charges that fuel over virtual time, and may preempt
 * the agent part way through (the unpaid rest is the step's debt, paid when it runs again). The
 * step is over when its debt is paid: that is when the kernel's k_step_end runs.
 */
import { GLOBAL_PREFIX } from "./instrument.ts";

/** Taxonomy codes of the VM traps (schema errors 19..28). */
const trapCodes: [RegExp, number][] = [
  [/unreachable/, 19],
  [/memory access out of bounds/, 20],
  [/table index is out of bounds/, 21],
  [/signature mismatch/, 22],
  [/null function/, 23],
  [/divide by zero|remainder by zero/, 24],
  [/integer overflow|divide result unrepresentable/, 25],
  [/float unrepresentable|invalid conversion/, 26],
  [/call stack/, 27],
];

export function trapCode(error: unknown): number | undefined {
  if (error instanceof RangeError && /call stack/.test(error.message)) return 27;
  if (!(error instanceof WebAssembly.RuntimeError)) return undefined;
  for (const [pattern, code] of trapCodes) if (pattern.test(error.message)) return code;
  return 28;
}

export interface InstanceState {
  memory: Uint8Array;
  globals: Map<string, number | bigint>;
}

export class AgentVm {
  readonly instance: WebAssembly.Instance;
  readonly memory: WebAssembly.Memory;
  /** Fuel still owed by the step in progress; 0 between steps. */
  debt = 0;
  inStep = false;

  constructor(
    readonly module: WebAssembly.Module,
    imports: WebAssembly.Imports,
  ) {
    this.instance = new WebAssembly.Instance(module, imports);
    this.memory = this.instance.exports.memory as WebAssembly.Memory;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.memory.buffer);
  }

  /** Runs one step; returns its fuel cost (at least 1). Throws what the agent's code throws. */
  step(): number {
    const step = this.instance.exports.step as () => number;
    return Math.max(1, step() | 0);
  }

  /** Calls an export of the agent's own (test fixtures expose counters this way). */
  call(name: string, ...args: number[]): number {
    const fn = this.instance.exports[name];
    if (typeof fn !== "function") throw new Error(`agent exports no function ${name}`);
    return (fn as (...a: number[]) => number)(...args);
  }

  stateVersion(): number | undefined {
    const g = this.instance.exports.state_version;
    return g instanceof WebAssembly.Global ? Number(g.value) : undefined;
  }

  save(): InstanceState {
    const globals = new Map<string, number | bigint>();
    for (const [name, value] of Object.entries(this.instance.exports)) {
      if (name.startsWith(GLOBAL_PREFIX) && value instanceof WebAssembly.Global)
        globals.set(name, value.value);
    }
    return { memory: this.bytes().slice(), globals };
  }

  /** Takes over memory (and globals when `withGlobals`) of a saved state. */
  load(state: InstanceState, withGlobals: boolean): void {
    const missing = state.memory.length - this.memory.buffer.byteLength;
    if (missing > 0) this.memory.grow(Math.ceil(missing / 65536));
    this.bytes().set(state.memory);
    if (!withGlobals) return;
    for (const [name, value] of state.globals) {
      const g = this.instance.exports[name];
      if (g instanceof WebAssembly.Global) g.value = value;
    }
  }
}
