/** What every command gets from cli.ts: where output goes and how a stop is requested. */
export interface CommandContext {
  /** Machine output, or the events themselves: stdout. */
  out: (line: string) => void;
  /** Notes, progress and summaries for a person: stderr. */
  err: (line: string) => void;
  /** Colours and other TTY niceties are allowed on stdout. */
  colour: boolean;
  /** Resolves on Ctrl-C. */
  stopSignal: Promise<void>;
}
