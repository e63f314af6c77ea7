/** `aios monitor` filters: event kinds (with a trailing * as a prefix), agents, a minimum severity. */
import { UsageError } from "../errors.ts";
import { schema } from "../protocol/generated/schema.ts";
import { eventKinds } from "../protocol/messages.ts";
import type { TimedEvent } from "./format.ts";

export interface FilterOptions {
  kinds?: string[];
  agents?: number[];
  severity?: string;
}

const severities = schema.enums.severity ?? [];

export function makeFilter(options: FilterOptions): (event: TimedEvent) => boolean {
  const patterns = (options.kinds ?? []).map((kind) => {
    const prefix = kind.endsWith("*");
    const stem = prefix ? kind.slice(0, -1) : kind;
    if (!eventKinds.some((k) => (prefix ? k.startsWith(stem) : k === stem))) {
      throw new UsageError(
        `--kind ${kind} matches no event kind. Known kinds: ${eventKinds.join(", ")}`,
      );
    }
    return (k: string) => (prefix ? k.startsWith(stem) : k === stem);
  });
  const minimum = options.severity === undefined ? 0 : severities.indexOf(options.severity);
  if (minimum < 0) throw new UsageError(`--severity must be one of ${severities.join(", ")}`);
  const agents = new Set(options.agents ?? []);
  return (event) =>
    (patterns.length === 0 || patterns.some((match) => match(event.kind))) &&
    (agents.size === 0 || agents.has(Number(event.fields.agent ?? -1))) &&
    severities.indexOf(event.severity) >= minimum;
}
