// AIOS agent SDK: typed wrappers for every syscall of the agent ABI.
//
// An agent is a Wasm module importing only `aios.syscall` and exporting `step(): i32`. The host
// calls `step` whenever the agent runs and no step is in progress; the value returned is the
// step's CPU cost in fuel, which the Node simulator charges (the device VM measures real fuel and
// ignores it). Blocking calls ("parks") take effect when the step returns. Module top-level code
// runs at instantiation, before the agent may make syscalls: do setup in the first step.
// An agent that wants its memory kept across upgrades exports `state_version`.
export * as agent from "./agent";
export * as caps from "./caps";
export * as sched from "./sched";
export * as mem from "./memory";
export * as events from "./events";
export * as service from "./service";
export { failed, errorCode } from "./syscall";
export { Cap, Rights, Hint, Subscribe, EventRecord } from "../../firmware/kernel/abi/flags";
