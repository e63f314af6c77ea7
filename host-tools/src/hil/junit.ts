/** JUnit XML for CI systems: one testsuite per board, one testcase per scenario. */
import type { ScenarioResult } from "./runner.ts";

function xmlEscape(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

export function junitXml(results: ScenarioResult[]): string {
  const boards = [...new Set(results.map((r) => r.board))];
  const suites = boards.map((board) => {
    const mine = results.filter((r) => r.board === board);
    const failures = mine.filter((r) => !r.passed).length;
    const seconds = mine.reduce((sum, r) => sum + r.durationMs, 0) / 1000;
    const cases = mine.map((r) => {
      const head = `    <testcase classname="hil.${xmlEscape(board)}" name="${xmlEscape(r.scenario.name)}" file="${xmlEscape(r.scenario.file)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
      return r.passed
        ? `${head}/>`
        : `${head}>\n      <failure message="${xmlEscape(r.failure ?? "failed")}"/>\n    </testcase>`;
    });
    return [
      `  <testsuite name="aios hil ${xmlEscape(board)}" tests="${mine.length}" failures="${failures}" errors="0" time="${seconds.toFixed(3)}">`,
      ...cases,
      "  </testsuite>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<testsuites>",
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
