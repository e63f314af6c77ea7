/**
 * The hardware-in-the-loop suite, run the way `aios hil tests/hil` runs it: every scenario on
 * mps2-an386, the smoke set on the other emulated boards and the native and raspi builds, each against
 * a freshly booted target, with the JUnit report checked to list every scenario.
 */
import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../host-tools/src/commands/context.ts";
import { junitXml } from "../../host-tools/src/hil/junit.ts";
import { runScenario, type ScenarioResult } from "../../host-tools/src/hil/runner.ts";
import { loadScenarios } from "../../host-tools/src/hil/scenario.ts";
import { repoRoot } from "../../host-tools/src/paths.ts";

const ctx: CommandContext = {
  out: () => {},
  err: () => {},
  colour: false,
  stopSignal: new Promise(() => {}),
};
const scenarios = loadScenarios(`${repoRoot}tests/hil`);
const results: ScenarioResult[] = [];

const runsOn = (board: string, smokeOnly: boolean) =>
  scenarios.filter(
    (s) => (!smokeOnly || s.smoke) && (s.boards.length === 0 || s.boards.includes(board)),
  );

describe.each([
  ["mps2-an386", false],
  ["mps2-an385", true],
  ["mps2-an500", true],
  ["mps2-an505", true],
  ["native", true],
  ["raspi", true],
] as const)("hil on %s", (board, smokeOnly) => {
  it.each(runsOn(board, smokeOnly).map((s) => [s.name, s] as const))(
    "%s",
    async (_name, scenario) => {
      const result = await runScenario(scenario, { board }, ctx);
      results.push(result);
      expect(result.failure).toBeUndefined();
      expect(result.passed).toBe(true);
    },
  );
});

describe("hil report", () => {
  it("lists every scenario run, in a JUnit document", () => {
    const xml = junitXml(results);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites>/);
    for (const result of results)
      expect(xml).toContain(`name="${result.scenario.name.replace(/'/g, "&apos;")}"`);
    expect(xml).toContain(
      `<testsuite name="aios hil mps2-an386" tests="${scenarios.length}" failures="0"`,
    );
  });
});
