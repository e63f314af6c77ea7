/** The live view as text: a header and one line per agent, coloured on a TTY. */
import pc from "picocolors";
import type { AgentRow, BoardState } from "./board-state.ts";

const stateColour: Record<AgentRow["state"], (t: string) => string> = {
  running: pc.green,
  restarting: pc.yellow,
  quarantined: pc.red,
  killed: pc.dim,
  exited: pc.dim,
};

export function renderView(board: string, state: BoardState, colour: boolean): string {
  const paint = (f: (t: string) => string, t: string) => (colour ? f(t) : t);
  const lines = [
    paint(
      pc.bold,
      `AIOS on ${board} — uptime ${(state.uptimeUs / 1e6).toFixed(1)} s, faults contained ${state.faultsTotal}`,
    ),
    "",
    paint(
      pc.dim,
      "  id  name          state        cpu %    steps  faults  restarts  missed  service",
    ),
  ];
  for (const row of state.rows()) {
    const service =
      row.service === undefined
        ? ""
        : `#${row.service.id} ${row.service.healthy === undefined ? "starting" : row.service.healthy ? "healthy" : "unhealthy"}`;
    lines.push(
      [
        String(row.id).padStart(4),
        row.name.padEnd(13),
        paint(stateColour[row.state], row.state.padEnd(12)),
        (row.cpuShare * 100).toFixed(1).padStart(6),
        String(row.steps).padStart(8),
        String(row.faults).padStart(7),
        String(row.restarts).padStart(9),
        String(row.deadlineMisses).padStart(7),
        service,
      ].join("  "),
    );
  }
  lines.push("", paint(pc.dim, "Ctrl-C to stop"));
  return lines.join("\n");
}
