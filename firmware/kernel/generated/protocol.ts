// Generated from firmware/core/schema/aios.schema.json by `npm run generate`. Do not edit.

export const PROTOCOL_VERSION: u8 = 1;
export const MAX_PAYLOAD_BYTES: i32 = 480;

export enum ResetCause {
  Unknown = 0,
  PowerOn = 1,
  Software = 2,
  Watchdog = 3,
  Fault = 4,
  ExternalPin = 5,
}

export enum FaultKind {
  HardFault = 0,
  MemManage = 1,
  BusFault = 2,
  UsageFault = 3,
  Sigsegv = 4,
  Sigbus = 5,
  VmTrap = 6,
}

export enum Severity {
  Debug = 0,
  Info = 1,
  Warning = 2,
  Error = 3,
  Critical = 4,
}

export enum ErrorCategory {
  None = 0,
  Protocol = 1,
  Vm = 2,
  Capability = 3,
  Memory = 4,
  Scheduler = 5,
  Fault = 6,
  EventBus = 7,
  Service = 8,
  Io = 9,
  System = 10,
}

export enum Escalation {
  None = 0,
  Agent = 1,
  Supervisor = 2,
  BoardReset = 3,
}

export enum FrameType {
  Boot = 1,
  Heartbeat = 2,
  Pong = 3,
  Fault = 4,
  Log = 5,
  CommandError = 6,
  Ping = 128,
  InjectFault = 129,
}

export enum ErrorCode {
  Ok = 0,
  ProtocolBadCrc = 1,
  ProtocolBadFrame = 2,
  ProtocolBadVersion = 3,
  ProtocolUnknownCommand = 4,
  ProtocolBadPayload = 5,
  VmMalformedModule = 16,
  VmInvalidModule = 17,
  VmUnlinkable = 18,
  VmTrapUnreachable = 19,
  VmTrapMemoryOutOfBounds = 20,
  VmTrapTableOutOfBounds = 21,
  VmTrapIndirectCallTypeMismatch = 22,
  VmTrapUninitializedElement = 23,
  VmTrapIntegerDivideByZero = 24,
  VmTrapIntegerOverflow = 25,
  VmTrapInvalidConversion = 26,
  VmTrapStackExhausted = 27,
  VmTrapHost = 28,
  FaultCpu = 32,
  SystemOutOfMemory = 48,
  SystemBusy = 49,
  SystemInvalidArgument = 50,
  IoLinkLost = 51,
}

export function errorCategory(code: ErrorCode): u8 {
  switch (code) {
    case ErrorCode.Ok: return 0;
    case ErrorCode.ProtocolBadCrc: return 1;
    case ErrorCode.ProtocolBadFrame: return 1;
    case ErrorCode.ProtocolBadVersion: return 1;
    case ErrorCode.ProtocolUnknownCommand: return 1;
    case ErrorCode.ProtocolBadPayload: return 1;
    case ErrorCode.VmMalformedModule: return 2;
    case ErrorCode.VmInvalidModule: return 2;
    case ErrorCode.VmUnlinkable: return 2;
    case ErrorCode.VmTrapUnreachable: return 2;
    case ErrorCode.VmTrapMemoryOutOfBounds: return 2;
    case ErrorCode.VmTrapTableOutOfBounds: return 2;
    case ErrorCode.VmTrapIndirectCallTypeMismatch: return 2;
    case ErrorCode.VmTrapUninitializedElement: return 2;
    case ErrorCode.VmTrapIntegerDivideByZero: return 2;
    case ErrorCode.VmTrapIntegerOverflow: return 2;
    case ErrorCode.VmTrapInvalidConversion: return 2;
    case ErrorCode.VmTrapStackExhausted: return 2;
    case ErrorCode.VmTrapHost: return 2;
    case ErrorCode.FaultCpu: return 6;
    case ErrorCode.SystemOutOfMemory: return 10;
    case ErrorCode.SystemBusy: return 10;
    case ErrorCode.SystemInvalidArgument: return 10;
    case ErrorCode.IoLinkLost: return 9;
    default: return 0xff;
  }
}

export function errorSeverity(code: ErrorCode): u8 {
  switch (code) {
    case ErrorCode.Ok: return 1;
    case ErrorCode.ProtocolBadCrc: return 2;
    case ErrorCode.ProtocolBadFrame: return 2;
    case ErrorCode.ProtocolBadVersion: return 3;
    case ErrorCode.ProtocolUnknownCommand: return 2;
    case ErrorCode.ProtocolBadPayload: return 2;
    case ErrorCode.VmMalformedModule: return 3;
    case ErrorCode.VmInvalidModule: return 3;
    case ErrorCode.VmUnlinkable: return 3;
    case ErrorCode.VmTrapUnreachable: return 3;
    case ErrorCode.VmTrapMemoryOutOfBounds: return 3;
    case ErrorCode.VmTrapTableOutOfBounds: return 3;
    case ErrorCode.VmTrapIndirectCallTypeMismatch: return 3;
    case ErrorCode.VmTrapUninitializedElement: return 3;
    case ErrorCode.VmTrapIntegerDivideByZero: return 3;
    case ErrorCode.VmTrapIntegerOverflow: return 3;
    case ErrorCode.VmTrapInvalidConversion: return 3;
    case ErrorCode.VmTrapStackExhausted: return 3;
    case ErrorCode.VmTrapHost: return 3;
    case ErrorCode.FaultCpu: return 4;
    case ErrorCode.SystemOutOfMemory: return 3;
    case ErrorCode.SystemBusy: return 2;
    case ErrorCode.SystemInvalidArgument: return 2;
    case ErrorCode.IoLinkLost: return 3;
    default: return 0xff;
  }
}

export function errorEscalation(code: ErrorCode): u8 {
  switch (code) {
    case ErrorCode.Ok: return 0;
    case ErrorCode.ProtocolBadCrc: return 0;
    case ErrorCode.ProtocolBadFrame: return 0;
    case ErrorCode.ProtocolBadVersion: return 0;
    case ErrorCode.ProtocolUnknownCommand: return 0;
    case ErrorCode.ProtocolBadPayload: return 0;
    case ErrorCode.VmMalformedModule: return 0;
    case ErrorCode.VmInvalidModule: return 0;
    case ErrorCode.VmUnlinkable: return 0;
    case ErrorCode.VmTrapUnreachable: return 1;
    case ErrorCode.VmTrapMemoryOutOfBounds: return 1;
    case ErrorCode.VmTrapTableOutOfBounds: return 1;
    case ErrorCode.VmTrapIndirectCallTypeMismatch: return 1;
    case ErrorCode.VmTrapUninitializedElement: return 1;
    case ErrorCode.VmTrapIntegerDivideByZero: return 1;
    case ErrorCode.VmTrapIntegerOverflow: return 1;
    case ErrorCode.VmTrapInvalidConversion: return 1;
    case ErrorCode.VmTrapStackExhausted: return 1;
    case ErrorCode.VmTrapHost: return 1;
    case ErrorCode.FaultCpu: return 2;
    case ErrorCode.SystemOutOfMemory: return 2;
    case ErrorCode.SystemBusy: return 0;
    case ErrorCode.SystemInvalidArgument: return 0;
    case ErrorCode.IoLinkLost: return 0;
    default: return 0xff;
  }
}

export function errorRetryable(code: ErrorCode): u8 {
  switch (code) {
    case ErrorCode.Ok: return 0;
    case ErrorCode.ProtocolBadCrc: return 1;
    case ErrorCode.ProtocolBadFrame: return 1;
    case ErrorCode.ProtocolBadVersion: return 0;
    case ErrorCode.ProtocolUnknownCommand: return 0;
    case ErrorCode.ProtocolBadPayload: return 0;
    case ErrorCode.VmMalformedModule: return 0;
    case ErrorCode.VmInvalidModule: return 0;
    case ErrorCode.VmUnlinkable: return 0;
    case ErrorCode.VmTrapUnreachable: return 0;
    case ErrorCode.VmTrapMemoryOutOfBounds: return 0;
    case ErrorCode.VmTrapTableOutOfBounds: return 0;
    case ErrorCode.VmTrapIndirectCallTypeMismatch: return 0;
    case ErrorCode.VmTrapUninitializedElement: return 0;
    case ErrorCode.VmTrapIntegerDivideByZero: return 0;
    case ErrorCode.VmTrapIntegerOverflow: return 0;
    case ErrorCode.VmTrapInvalidConversion: return 0;
    case ErrorCode.VmTrapStackExhausted: return 0;
    case ErrorCode.VmTrapHost: return 0;
    case ErrorCode.FaultCpu: return 0;
    case ErrorCode.SystemOutOfMemory: return 1;
    case ErrorCode.SystemBusy: return 1;
    case ErrorCode.SystemInvalidArgument: return 0;
    case ErrorCode.IoLinkLost: return 1;
    default: return 0xff;
  }
}
