// Error aggregation: counts by code (all agents) and by (agent, code). Read on demand (stats
// command, Sys.ERROR_COUNT) and carried in the stream: every error_raised event holds the running
// count of its pair, and `report` emits one error_aggregate per pair and per code.
import { ERROR_AGGREGATE_SLOTS } from "../abi/config";
import { FrameType } from "../generated/protocol";
import { publish } from "../events/bus";

const CODES: i32 = 256;
const byCode = new StaticArray<u32>(CODES);
const pairAgent = new StaticArray<i32>(ERROR_AGGREGATE_SLOTS);
const pairCode = new StaticArray<i32>(ERROR_AGGREGATE_SLOTS);
const pairCount = new StaticArray<u32>(ERROR_AGGREGATE_SLOTS);
let pairsUsed: i32 = 0;

/** Counts one failure; returns the new count of its (agent, code) pair. */
export function count(agent: i32, code: i32): u32 {
  if (code >= 0 && code < CODES) byCode[code] += 1;
  for (let i = 0; i < pairsUsed; i++) {
    if (pairAgent[i] == agent && pairCode[i] == code) return ++pairCount[i];
  }
  // A full pair table still counts by code; the pair is then reported with the code total only.
  if (pairsUsed == ERROR_AGGREGATE_SLOTS) return code >= 0 && code < CODES ? byCode[code] : 0;
  pairAgent[pairsUsed] = agent;
  pairCode[pairsUsed] = code;
  pairCount[pairsUsed] = 1;
  pairsUsed++;
  return 1;
}

/** Failures counted for (agent, code); agent 0 asks for the total over all agents. */
export function countOf(agent: i32, code: i32): u32 {
  if (agent == 0) return code >= 0 && code < CODES ? byCode[code] : 0;
  for (let i = 0; i < pairsUsed; i++) {
    if (pairAgent[i] == agent && pairCode[i] == code) return pairCount[i];
  }
  return 0;
}

export function report(): void {
  for (let i = 0; i < pairsUsed; i++) {
    publish(FrameType.ErrorAggregate, pairAgent[i], <u32>pairCode[i], pairCount[i]);
  }
  for (let code = 0; code < CODES; code++) {
    if (byCode[code] != 0) publish(FrameType.ErrorAggregate, 0, <u32>code, byCode[code]);
  }
}
