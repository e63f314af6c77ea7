/**
 * What the live view shows, folded from the device's events: per agent its name, state,
 * CPU share over the last interval, steps, faults, restarts and deadline misses; per service
 * its health. Pure: feed it events and statistics, read `rows()`.
 */
import type { AgentStats } from "../agent/control.ts";
import type { TimedEvent } from "../monitor/format.ts";

export type AgentState = "running" | "restarting" | "quarantined" | "killed" | "exited";

export interface AgentRow {
  id: number;
  name: string;
  state: AgentState;
  cpuShare: number;
  steps: number;
  faults: number;
  restarts: number;
  deadlineMisses: number;
  service?: { id: number; healthy: boolean | undefined };
}

export class BoardState {
  private readonly agents = new Map<number, AgentRow>();
  private readonly serviceNames = new Map<number, string>();
  private lastCpu = new Map<number, number>();
  faultsTotal = 0;
  uptimeUs = 0;

  name(id: number, name: string): void {
    this.row(id).name = name;
  }

  /** Services are named by their manifest entry; their agent id is known once they start. */
  nameService(service: number, name: string): void {
    this.serviceNames.set(service, name);
  }

  private row(id: number): AgentRow {
    let row = this.agents.get(id);
    if (row === undefined) {
      row = {
        id,
        name: `agent ${id}`,
        state: "running",
        cpuShare: 0,
        steps: 0,
        faults: 0,
        restarts: 0,
        deadlineMisses: 0,
      };
      this.agents.set(id, row);
    }
    return row;
  }

  event(e: TimedEvent): void {
    const id = Number(e.fields.agent ?? 0);
    switch (e.kind) {
      case "heartbeat":
        this.uptimeUs = Number(e.fields.uptime_us);
        break;
      case "agent_spawned":
        this.row(id).state = "running";
        break;
      case "svc_started": {
        const service = Number(e.fields.service);
        const row = this.row(id);
        row.service = { id: service, healthy: undefined };
        row.name = this.serviceNames.get(service) ?? `service ${service}`;
        break;
      }
      case "svc_health": {
        const row = this.row(id);
        row.service = { id: Number(e.fields.service), healthy: Number(e.fields.healthy) === 1 };
        break;
      }
      case "fault_handled":
        this.faultsTotal++;
        this.row(id).faults = Number(e.fields.count);
        this.row(id).state = "restarting";
        break;
      case "agent_restarted":
        this.row(id).restarts = Number(e.fields.attempt);
        break;
      case "agent_quarantined":
        this.row(id).state = "quarantined";
        break;
      case "agent_killed":
        this.row(id).state = "killed";
        break;
      case "agent_exited":
        this.row(id).state = "exited";
        break;
      case "sched_deadline_miss":
        this.row(id).deadlineMisses++;
        break;
    }
  }

  /** Statistics of one stats round: CPU shares are of the fuel burned since the last round. */
  stats(stats: AgentStats[]): void {
    const deltas = stats.map((s) => Math.max(0, s.cpuFuel - (this.lastCpu.get(s.agent) ?? 0)));
    const total = deltas.reduce((a, b) => a + b, 0);
    stats.forEach((s, i) => {
      const row = this.row(s.agent);
      row.cpuShare = total > 0 ? (deltas[i] ?? 0) / total : 0;
      row.steps = s.steps;
      row.faults = Math.max(row.faults, s.faults);
      if (row.state === "restarting" && (deltas[i] ?? 0) > 0) row.state = "running";
    });
    this.lastCpu = new Map(stats.map((s) => [s.agent, s.cpuFuel]));
  }

  rows(): AgentRow[] {
    return [...this.agents.values()].sort((a, b) => a.id - b.id);
  }
}
