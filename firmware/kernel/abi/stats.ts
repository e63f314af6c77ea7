// Statistics on demand (stats_request): per-agent accounting and event bus totals, as events.
import { MAX_AGENTS } from "./config";
import { FrameType } from "../generated/protocol";
import { publish, published } from "../events/bus";
import { delivered, dropped, liveCount } from "../events/subscriptions";
import { records } from "../faults/record";
import { agents, State } from "../sched/agents";
import { entities } from "../sched/entity";

export function reportAgents(): void {
  for (let i = 0; i < MAX_AGENTS; i++) {
    let a = agents[i];
    if (a.state == State.FREE) continue;
    publish(FrameType.AgentStats, a.id, <u32>a.cpuFuel, a.steps, records[i].total, <u32>a.memoryBytes);
    let e = entities[i];
    publish(FrameType.AgentSchedStats, a.id, e.met, e.misses, e.overruns, records[i].restarts);
  }
}

export function reportBus(): void {
  publish(FrameType.BusStats, 0, published, delivered, dropped, <u32>liveCount());
}
