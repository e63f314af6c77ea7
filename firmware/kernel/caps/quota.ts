// Resource groups (cgroups-like): quotas shared by every agent in a group and charged up the group
// chain, so a subgroup can never use more than any ancestor allows. Quotas are checked at the
// moment of use: memory when an instance, region or snapshot grows, CPU when a slice is charged
// (and the next slice is cut to what is left), events and I/O when they are submitted.
import { MAX_GROUPS, FOREVER } from "../abi/config";
import { usToFuel } from "../abi/params";
import { FrameType, QuotaResource } from "../generated/protocol";
import { publish } from "../events/bus";

const MICRO: i64 = 1000000; // token-bucket tokens are millionths of an event (or byte)

class Group {
  live: bool = false;
  parent: i32 = -1;
  memoryLimit: i64 = 0; // bytes, 0 = unlimited
  memoryUsed: i64 = 0;
  cpuBudget: i64 = 0; // fuel per period, 0 = unlimited
  cpuPeriodUs: i64 = 0;
  cpuUsed: i64 = 0;
  periodEnd: i64 = 0;
  throttled: bool = false;
  eventRate: i64 = 0; // events per second, 0 = unlimited
  eventTokens: i64 = 0;
  eventStamp: i64 = 0;
  ioRate: i64 = 0; // bytes per second, 0 = unlimited
  ioTokens: i64 = 0;
  ioStamp: i64 = 0;
}

const groups = new StaticArray<Group>(MAX_GROUPS);
for (let i = 0; i < MAX_GROUPS; i++) groups[i] = new Group();
// Groups are never deleted: until one with a CPU budget is created, no chain limits CPU and
// pick-next need not walk any.
let cpuLimited = false;

/** The root group (0) has no limits. */
export function resetGroups(): void {
  groups[0].live = true;
}

export function groupExists(g: i32): bool {
  return g >= 0 && g < MAX_GROUPS && groups[g].live;
}

/** True when group `g` is `ancestor` or lies below it. */
export function groupWithin(g: i32, ancestor: i32): bool {
  for (let depth = 0; depth < MAX_GROUPS && g >= 0; depth++) {
    if (g == ancestor) return true;
    g = groups[g].parent;
  }
  return false;
}

/** A limit `child` within `parent` (0 = unlimited): unlimited only under an unlimited parent. */
function within(child: i64, parent: i64): bool {
  return parent == 0 || (child != 0 && child <= parent);
}

/** Creates a group under `parent`; -1 if the table is full, -2 if a limit exceeds the parent's. */
export function createGroup(parent: i32, memory: i64, cpuUs: i64, periodUs: i64, eventRate: i64, ioRate: i64, now: i64): i32 {
  let p = groups[parent];
  if (!within(memory, p.memoryLimit) || !within(eventRate, p.eventRate) || !within(ioRate, p.ioRate)) return -2;
  if (p.cpuBudget != 0 && (cpuUs == 0 || usToFuel(cpuUs) * p.cpuPeriodUs > p.cpuBudget * periodUs)) return -2;
  if (cpuUs != 0 && (periodUs <= 0 || cpuUs > periodUs)) return -2;
  for (let i = 1; i < MAX_GROUPS; i++) {
    let g = groups[i];
    if (g.live) continue;
    g.live = true;
    g.parent = parent;
    g.memoryLimit = memory;
    g.memoryUsed = 0;
    g.cpuBudget = usToFuel(cpuUs);
    if (g.cpuBudget != 0) cpuLimited = true;
    g.cpuPeriodUs = periodUs;
    g.cpuUsed = 0;
    g.periodEnd = now + periodUs;
    g.throttled = false;
    g.eventRate = eventRate;
    g.eventTokens = eventRate * MICRO;
    g.eventStamp = now;
    g.ioRate = ioRate;
    g.ioTokens = ioRate * MICRO;
    g.ioStamp = now;
    publish(FrameType.GroupCreated, 0, <u32>i, <u32>parent);
    return i;
  }
  return -1;
}

function exceeded(agent: i32, resource: i32, group: i32, requested: i64): bool {
  publish(FrameType.QuotaExceeded, agent, <u32>resource, <u32>group, <u32>requested);
  return false;
}

/** Charges (or with negative bytes releases) memory on the chain; false if a limit refuses. */
export function chargeMemory(agent: i32, group: i32, bytes: i64): bool {
  if (bytes > 0) {
    for (let g = group; g >= 0; g = groups[g].parent) {
      let q = groups[g];
      if (q.memoryLimit != 0 && q.memoryUsed + bytes > q.memoryLimit) return exceeded(agent, QuotaResource.Memory, g, bytes);
    }
  }
  for (let g = group; g >= 0; g = groups[g].parent) groups[g].memoryUsed += bytes;
  return true;
}

function roll(q: Group, now: i64): void {
  if (q.cpuBudget == 0 || now < q.periodEnd) return;
  let periods = (now - q.periodEnd) / q.cpuPeriodUs + 1;
  q.periodEnd += periods * q.cpuPeriodUs;
  q.cpuUsed = 0;
  q.throttled = false;
}

/** Fuel the group chain still allows this period (FOREVER when unlimited, 0 when throttled). */
export function cpuAllowance(group: i32, now: i64): i64 {
  let left = FOREVER;
  if (!cpuLimited) return left;
  for (let g = group; g >= 0; g = groups[g].parent) {
    let q = groups[g];
    roll(q, now);
    if (q.cpuBudget != 0) left = min(left, max<i64>(0, q.cpuBudget - q.cpuUsed));
  }
  return left;
}

export function chargeCpu(agent: i32, group: i32, fuel: i64, now: i64): void {
  for (let g = group; g >= 0; g = groups[g].parent) {
    let q = groups[g];
    roll(q, now);
    q.cpuUsed += fuel;
    if (q.cpuBudget != 0 && q.cpuUsed >= q.cpuBudget && !q.throttled) {
      q.throttled = true;
      exceeded(agent, QuotaResource.Cpu, g, fuel);
    }
  }
}

/** Earliest end of a throttled group's period: when its agents may run again. */
export function nextGroupEvent(): i64 {
  let at = FOREVER;
  if (!cpuLimited) return at;
  for (let i = 0; i < MAX_GROUPS; i++) {
    let q = unchecked(groups[i]);
    if (q.live && q.throttled) at = min(at, q.periodEnd);
  }
  return at;
}

function take(agent: i32, resource: i32, group: i32, amount: i64, now: i64): bool {
  for (let g = group; g >= 0; g = groups[g].parent) {
    let q = groups[g];
    let rate = resource == QuotaResource.EventRate ? q.eventRate : q.ioRate;
    if (rate == 0) continue;
    let tokens = resource == QuotaResource.EventRate ? q.eventTokens : q.ioTokens;
    let stamp = resource == QuotaResource.EventRate ? q.eventStamp : q.ioStamp;
    tokens = min(rate * MICRO, tokens + (now - stamp) * rate);
    if (tokens < amount * MICRO) return exceeded(agent, resource, g, amount);
    if (resource == QuotaResource.EventRate) {
      q.eventTokens = tokens;
      q.eventStamp = now;
    } else {
      q.ioTokens = tokens;
      q.ioStamp = now;
    }
  }
  for (let g = group; g >= 0; g = groups[g].parent) {
    let q = groups[g];
    if (resource == QuotaResource.EventRate && q.eventRate != 0) q.eventTokens -= amount * MICRO;
    if (resource == QuotaResource.Io && q.ioRate != 0) q.ioTokens -= amount * MICRO;
  }
  return true;
}

export function takeEvent(agent: i32, group: i32, now: i64): bool {
  return take(agent, QuotaResource.EventRate, group, 1, now);
}

export function takeIo(agent: i32, group: i32, bytes: i64, now: i64): bool {
  return take(agent, QuotaResource.Io, group, bytes, now);
}
