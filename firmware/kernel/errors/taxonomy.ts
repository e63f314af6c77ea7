// Reads the generated error table (generated/protocol.ts) so policy code can ask what an error
// means instead of hard-coding it.
import { errorEscalation, Escalation, ErrorCode } from "../generated/protocol";

export function escalationOf(code: i32): i32 {
  let e = <i32>errorEscalation(<ErrorCode>code);
  return e == 0xff ? Escalation.None : e;
}
