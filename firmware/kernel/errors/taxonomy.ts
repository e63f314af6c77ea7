// Reads the generated error table (generated/protocol.ts) so policy code can ask what an error
// means instead of hard-coding it.
import { errorEscalation, errorRetryable, errorSeverity, Escalation, ErrorCode } from "../generated/protocol";

export function escalationOf(code: i32): i32 {
  let e = <i32>errorEscalation(<ErrorCode>code);
  return e == 0xff ? Escalation.None : e;
}

export function severityOf(code: i32): i32 {
  return <i32>errorSeverity(<ErrorCode>code);
}

export function isRetryable(code: i32): bool {
  return errorRetryable(<ErrorCode>code) == 1;
}
