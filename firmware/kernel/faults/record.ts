// Per-agent fault state: the policy chosen for the agent with its parameters, the sliding window
// of recent faults, pending delayed restart, and statistics; plus global totals.
import { FOREVER, MAX_AGENTS } from "../abi/config";
import { FaultPolicy } from "../generated/protocol";

/** The default policy, explicit: restart with backoff, 3 faults per 10 s, 10 ms doubling to 1 s. */
export const DEFAULT_POLICY: i32 = FaultPolicy.RestartBackoff;
export const DEFAULT_THRESHOLD: i32 = 3;
export const DEFAULT_WINDOW_US: i64 = 10000000;
export const DEFAULT_BACKOFF_US: i64 = 10000;
export const DEFAULT_BACKOFF_MAX_US: i64 = 1000000;

export class FaultRecord {
  policy: i32 = DEFAULT_POLICY;
  threshold: i32 = DEFAULT_THRESHOLD;
  windowUs: i64 = DEFAULT_WINDOW_US;
  backoffUs: i64 = DEFAULT_BACKOFF_US;
  backoffMaxUs: i64 = DEFAULT_BACKOFF_MAX_US;
  supervisor: i32 = 0; // agent told on escalation; 0: the agent's parent
  windowStart: i64 = 0;
  windowCount: i32 = 0;
  nextBackoffUs: i64 = DEFAULT_BACKOFF_US;
  restartAt: i64 = FOREVER;
  total: u32 = 0;
  restarts: u32 = 0;
  kills: u32 = 0;
  quarantines: u32 = 0;
}

export const records = new StaticArray<FaultRecord>(MAX_AGENTS);
for (let i = 0; i < MAX_AGENTS; i++) records[i] = new FaultRecord();

export class FaultTotals {
  total: u32 = 0;
  restarts: u32 = 0;
  kills: u32 = 0;
  quarantines: u32 = 0;
}

export const totals = new FaultTotals();
export const byKind = new StaticArray<u32>(8);

export function resetFaultRecord(slot: i32): void {
  let r = records[slot];
  r.policy = DEFAULT_POLICY;
  r.threshold = DEFAULT_THRESHOLD;
  r.windowUs = DEFAULT_WINDOW_US;
  r.backoffUs = DEFAULT_BACKOFF_US;
  r.backoffMaxUs = DEFAULT_BACKOFF_MAX_US;
  r.supervisor = 0;
  r.windowStart = 0;
  r.windowCount = 0;
  r.nextBackoffUs = DEFAULT_BACKOFF_US;
  r.restartAt = FOREVER;
  r.total = 0;
  r.restarts = 0;
  r.kills = 0;
  r.quarantines = 0;
}

/** Counts a fault in the sliding window; a quiet window resets the count and the backoff. */
export function countFault(r: FaultRecord, now: i64): void {
  if (r.windowCount == 0 || now - r.windowStart > r.windowUs) {
    r.windowStart = now;
    r.windowCount = 0;
    r.nextBackoffUs = r.backoffUs;
  }
  r.windowCount++;
  r.total++;
}
