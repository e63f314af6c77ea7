/** `aios hil`: run scenario files against QEMU boards or a real board, with a JUnit report. */
import { writeFileSync } from "node:fs";
import pc from "picocolors";
import { ScenarioFailedError } from "../errors.ts";
import { junitXml } from "../hil/junit.ts";
import { runScenario, type ScenarioResult } from "../hil/runner.ts";
import { loadScenarios } from "../hil/scenario.ts";
import type { CommandContext } from "./context.ts";
import type { TargetChoice } from "./target.ts";

export interface HilOptions {
  boards: string[];
  port?: string;
  junit?: string;
  smoke: boolean;
  json: boolean;
}

export async function hilCommand(
  path: string,
  options: HilOptions,
  ctx: CommandContext,
): Promise<void> {
  const scenarios = loadScenarios(path);
  const targets: TargetChoice[] =
    options.port !== undefined
      ? [{ port: options.port }]
      : options.boards.map((board) => ({ board }));
  const results: ScenarioResult[] = [];
  for (const target of targets) {
    const name = target.port ?? target.board ?? "";
    for (const scenario of scenarios) {
      if (options.smoke && !scenario.smoke) continue;
      if (
        target.board !== undefined &&
        scenario.boards.length > 0 &&
        !scenario.boards.includes(target.board)
      )
        continue;
      const result = await runScenario(scenario, target, ctx);
      results.push(result);
      if (options.json) {
        ctx.out(
          JSON.stringify({
            board: name,
            scenario: scenario.name,
            passed: result.passed,
            failure: result.failure,
            ms: result.durationMs,
          }),
        );
      } else {
        const mark = result.passed
          ? ctx.colour
            ? pc.green("pass")
            : "pass"
          : ctx.colour
            ? pc.red("FAIL")
            : "FAIL";
        ctx.err(
          `${mark} ${name} ${scenario.name} (${(result.durationMs / 1000).toFixed(1)} s)${result.failure ? `: ${result.failure}` : ""}`,
        );
      }
    }
  }
  if (options.junit !== undefined) writeFileSync(options.junit, junitXml(results));
  const failed = results.filter((r) => !r.passed).length;
  ctx.err(`${results.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new ScenarioFailedError(`${failed} of ${results.length} scenarios failed`);
}
