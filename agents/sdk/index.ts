// AIOS agent SDK: typed wrappers for every syscall of the agent ABI (agents/sdk/README.md is the
// guide, with a complete agent).
//
// An agent is a Wasm module importing only `aios.syscall` and exporting `step(): i32`. The host
// calls `step` whenever the agent runs and no step is in progress; the value returned is the
// step's CPU cost in fuel, which the Node simulator charges (the device VM measures real fuel and
// ignores it). Blocking calls ("parks") take effect when the step returns. Module top-level code
// runs at instantiation, before the agent may make syscalls: do setup in the first step.
// An agent that wants its memory kept across upgrades exports `state_version` (see state.ts).
//
// One module per area; import the ones you need (`import * as sched from "../sdk/sched"`):
// agent (identity, logging, errors, lifecycle), caps (capabilities, groups, I/O), sched (hints,
// deadlines, sleeping, locks, service calls), memory (regions, snapshots), events (the bus),
// service (watchdog and health). This file carries what they share: result helpers, the ABI's
// flag values, and the schema's error codes and frame types (for results and event filters).
export { failed, errorCode } from "./syscall";
export { Cap, Channel, Rights, Hint, Subscribe, EventRecord } from "../../firmware/kernel/abi/flags";
export { ErrorCode, FrameType } from "../../firmware/kernel/generated/protocol";
