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
  Image = 11,
}

export enum Escalation {
  None = 0,
  Agent = 1,
  Supervisor = 2,
  BoardReset = 3,
}

export enum FaultPolicy {
  Kill = 0,
  Restart = 1,
  RestartBackoff = 2,
  Quarantine = 3,
  Escalate = 4,
  ResetBoard = 5,
}

export enum FaultAction {
  Kill = 0,
  Restart = 1,
  RestartDelayed = 2,
  Quarantine = 3,
  EscalateSupervisor = 4,
  EscalateBoardReset = 5,
  Service = 6,
}

export enum RestartPolicy {
  Never = 0,
  OnFailure = 1,
  Always = 2,
}

export enum RegionKind {
  Ephemeral = 0,
  Persistent = 1,
  Shared = 2,
}

export enum QuotaResource {
  Memory = 0,
  Cpu = 1,
  EventRate = 2,
  Io = 3,
}

export enum StatsKind {
  Agents = 0,
  Faults = 1,
  Bus = 2,
  Errors = 3,
  All = 4,
}

export enum StopReason {
  Requested = 0,
  Exited = 1,
  Failed = 2,
  Dependency = 3,
  Escalated = 4,
}

export enum SliceEnd {
  StepDone = 0,
  Preempted = 1,
  Trapped = 2,
  Faulted = 3,
}

export enum FaultInjection {
  OtherAgent = 0,
  Kernel = 1,
  AgentStack = 2,
  KernelStack = 3,
}

export enum FrameType {
  Boot = 1,
  Heartbeat = 2,
  Pong = 3,
  Fault = 4,
  Log = 5,
  CommandError = 6,
  AgentIo = 7,
  Slice = 8,
  FaultInjection = 9,
  DomainBenchResult = 10,
  ImageProgress = 11,
  ImageInstalled = 12,
  ImageInfo = 13,
  ImageAgent = 14,
  ImageListEnd = 15,
  AgentSpawned = 16,
  AgentExited = 17,
  AgentKilled = 18,
  AgentCloned = 19,
  AgentMerged = 20,
  AgentSplit = 21,
  AgentUpgraded = 22,
  AgentSpecialized = 23,
  AgentRestarted = 24,
  AgentQuarantined = 25,
  AgentStats = 26,
  AgentSchedStats = 27,
  SchedAdmitted = 32,
  SchedRefused = 33,
  SchedOverrun = 34,
  SchedDeadlineMiss = 35,
  SchedInherit = 36,
  SchedHint = 37,
  CapGranted = 48,
  CapDenied = 49,
  CapDelegated = 50,
  CapRevoked = 51,
  QuotaExceeded = 52,
  GroupCreated = 53,
  MemRegionCreated = 64,
  MemRegionWritten = 65,
  MemShared = 66,
  MemLeaseExpired = 67,
  MemRegionFreed = 68,
  MemSnapshot = 69,
  MemRestored = 70,
  MemPersisted = 71,
  FaultHandled = 80,
  FaultStats = 81,
  BusEvent = 88,
  BusDropped = 89,
  BusStats = 90,
  SvcRegistered = 96,
  SvcStarted = 97,
  SvcStopped = 98,
  SvcFailed = 99,
  SvcRestarting = 100,
  SvcEscalated = 101,
  SvcHealth = 102,
  SvcWatchdogExpired = 103,
  SvcAttested = 104,
  SvcWatchdogWithheld = 105,
  ErrorRaised = 112,
  ErrorAggregate = 113,
  KernelReady = 114,
  ImageRemoved = 120,
  Ping = 128,
  InjectFault = 129,
  TraceControl = 130,
  InjectAgentFault = 131,
  DomainBench = 132,
  ImageBegin = 133,
  ImageChunk = 134,
  ImageCommit = 135,
  ImageAbort = 136,
  ImageList = 137,
  ImageRemove = 138,
  AgentSpawn = 192,
  AgentKill = 193,
  AgentFaultPolicy = 194,
  AgentRelease = 195,
  AgentUpgrade = 196,
  GroupCreate = 197,
  SvcRegister = 198,
  SvcStart = 199,
  SvcStop = 200,
  SvcCheck = 201,
  StatsRequest = 202,
  StreamFilter = 203,
  InjectHang = 140,
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
  CapInvalid = 64,
  CapRevoked = 65,
  CapDenied = 66,
  CapAmplification = 67,
  CapTableFull = 68,
  QuotaMemory = 69,
  QuotaCpu = 70,
  QuotaEventRate = 71,
  QuotaIo = 72,
  GroupInvalid = 73,
  SchedAdmissionRefused = 80,
  SchedBadReservation = 81,
  SchedDeadlineMissed = 82,
  SchedBudgetOverrun = 83,
  AgentNotFound = 84,
  AgentTableFull = 85,
  AgentNotDescendant = 86,
  AgentUpgradeIncompatible = 87,
  LockInvalid = 88,
  LockDeadlock = 89,
  CallNoRequest = 90,
  MemRegionInvalid = 96,
  MemOutOfBounds = 97,
  MemReadOnly = 98,
  MemVersionGone = 99,
  MemLeaseExpired = 100,
  MemMpuExhausted = 101,
  MemSnapshotMissing = 102,
  MemPersistentCorrupt = 103,
  MemFlashFailed = 104,
  FaultQuarantined = 112,
  FaultRestartLimit = 113,
  BusEmpty = 120,
  BusSubscriptionInvalid = 121,
  SvcInvalid = 128,
  SvcDependencyFailed = 129,
  SvcDependencyCycle = 130,
  SvcAttestationFailed = 131,
  SvcCapsInsufficient = 132,
  SvcRestartIntensity = 133,
  SvcHealthFailed = 134,
  SvcWatchdogExpired = 135,
  SyscallUnknown = 144,
  ImageBadCrc = 160,
  ImageBadOffset = 161,
  ImageTooLarge = 162,
  ImageBadSignature = 163,
  ImageBadDigest = 164,
  ImageUnknown = 165,
  ImageStoreFull = 166,
  ImageNoInstall = 167,
  ImageIncomplete = 168,
  ImageStoreFailed = 169,
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
    case ErrorCode.CapInvalid: return 3;
    case ErrorCode.CapRevoked: return 3;
    case ErrorCode.CapDenied: return 3;
    case ErrorCode.CapAmplification: return 3;
    case ErrorCode.CapTableFull: return 3;
    case ErrorCode.QuotaMemory: return 3;
    case ErrorCode.QuotaCpu: return 3;
    case ErrorCode.QuotaEventRate: return 3;
    case ErrorCode.QuotaIo: return 3;
    case ErrorCode.GroupInvalid: return 3;
    case ErrorCode.SchedAdmissionRefused: return 5;
    case ErrorCode.SchedBadReservation: return 5;
    case ErrorCode.SchedDeadlineMissed: return 5;
    case ErrorCode.SchedBudgetOverrun: return 5;
    case ErrorCode.AgentNotFound: return 5;
    case ErrorCode.AgentTableFull: return 5;
    case ErrorCode.AgentNotDescendant: return 3;
    case ErrorCode.AgentUpgradeIncompatible: return 2;
    case ErrorCode.LockInvalid: return 5;
    case ErrorCode.LockDeadlock: return 5;
    case ErrorCode.CallNoRequest: return 5;
    case ErrorCode.MemRegionInvalid: return 4;
    case ErrorCode.MemOutOfBounds: return 4;
    case ErrorCode.MemReadOnly: return 4;
    case ErrorCode.MemVersionGone: return 4;
    case ErrorCode.MemLeaseExpired: return 4;
    case ErrorCode.MemMpuExhausted: return 4;
    case ErrorCode.MemSnapshotMissing: return 4;
    case ErrorCode.MemPersistentCorrupt: return 4;
    case ErrorCode.MemFlashFailed: return 4;
    case ErrorCode.FaultQuarantined: return 6;
    case ErrorCode.FaultRestartLimit: return 6;
    case ErrorCode.BusEmpty: return 7;
    case ErrorCode.BusSubscriptionInvalid: return 7;
    case ErrorCode.SvcInvalid: return 8;
    case ErrorCode.SvcDependencyFailed: return 8;
    case ErrorCode.SvcDependencyCycle: return 8;
    case ErrorCode.SvcAttestationFailed: return 8;
    case ErrorCode.SvcCapsInsufficient: return 8;
    case ErrorCode.SvcRestartIntensity: return 8;
    case ErrorCode.SvcHealthFailed: return 8;
    case ErrorCode.SvcWatchdogExpired: return 8;
    case ErrorCode.SyscallUnknown: return 10;
    case ErrorCode.ImageBadCrc: return 11;
    case ErrorCode.ImageBadOffset: return 11;
    case ErrorCode.ImageTooLarge: return 11;
    case ErrorCode.ImageBadSignature: return 11;
    case ErrorCode.ImageBadDigest: return 11;
    case ErrorCode.ImageUnknown: return 11;
    case ErrorCode.ImageStoreFull: return 11;
    case ErrorCode.ImageNoInstall: return 11;
    case ErrorCode.ImageIncomplete: return 11;
    case ErrorCode.ImageStoreFailed: return 11;
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
    case ErrorCode.CapInvalid: return 2;
    case ErrorCode.CapRevoked: return 2;
    case ErrorCode.CapDenied: return 2;
    case ErrorCode.CapAmplification: return 2;
    case ErrorCode.CapTableFull: return 3;
    case ErrorCode.QuotaMemory: return 2;
    case ErrorCode.QuotaCpu: return 2;
    case ErrorCode.QuotaEventRate: return 2;
    case ErrorCode.QuotaIo: return 2;
    case ErrorCode.GroupInvalid: return 2;
    case ErrorCode.SchedAdmissionRefused: return 2;
    case ErrorCode.SchedBadReservation: return 2;
    case ErrorCode.SchedDeadlineMissed: return 3;
    case ErrorCode.SchedBudgetOverrun: return 2;
    case ErrorCode.AgentNotFound: return 2;
    case ErrorCode.AgentTableFull: return 3;
    case ErrorCode.AgentNotDescendant: return 2;
    case ErrorCode.AgentUpgradeIncompatible: return 2;
    case ErrorCode.LockInvalid: return 2;
    case ErrorCode.LockDeadlock: return 3;
    case ErrorCode.CallNoRequest: return 2;
    case ErrorCode.MemRegionInvalid: return 2;
    case ErrorCode.MemOutOfBounds: return 2;
    case ErrorCode.MemReadOnly: return 2;
    case ErrorCode.MemVersionGone: return 2;
    case ErrorCode.MemLeaseExpired: return 2;
    case ErrorCode.MemMpuExhausted: return 2;
    case ErrorCode.MemSnapshotMissing: return 2;
    case ErrorCode.MemPersistentCorrupt: return 3;
    case ErrorCode.MemFlashFailed: return 3;
    case ErrorCode.FaultQuarantined: return 3;
    case ErrorCode.FaultRestartLimit: return 4;
    case ErrorCode.BusEmpty: return 0;
    case ErrorCode.BusSubscriptionInvalid: return 2;
    case ErrorCode.SvcInvalid: return 2;
    case ErrorCode.SvcDependencyFailed: return 3;
    case ErrorCode.SvcDependencyCycle: return 3;
    case ErrorCode.SvcAttestationFailed: return 4;
    case ErrorCode.SvcCapsInsufficient: return 3;
    case ErrorCode.SvcRestartIntensity: return 4;
    case ErrorCode.SvcHealthFailed: return 3;
    case ErrorCode.SvcWatchdogExpired: return 3;
    case ErrorCode.SyscallUnknown: return 2;
    case ErrorCode.ImageBadCrc: return 2;
    case ErrorCode.ImageBadOffset: return 2;
    case ErrorCode.ImageTooLarge: return 3;
    case ErrorCode.ImageBadSignature: return 3;
    case ErrorCode.ImageBadDigest: return 3;
    case ErrorCode.ImageUnknown: return 2;
    case ErrorCode.ImageStoreFull: return 3;
    case ErrorCode.ImageNoInstall: return 2;
    case ErrorCode.ImageIncomplete: return 2;
    case ErrorCode.ImageStoreFailed: return 3;
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
    case ErrorCode.CapInvalid: return 0;
    case ErrorCode.CapRevoked: return 0;
    case ErrorCode.CapDenied: return 0;
    case ErrorCode.CapAmplification: return 0;
    case ErrorCode.CapTableFull: return 0;
    case ErrorCode.QuotaMemory: return 0;
    case ErrorCode.QuotaCpu: return 0;
    case ErrorCode.QuotaEventRate: return 0;
    case ErrorCode.QuotaIo: return 0;
    case ErrorCode.GroupInvalid: return 0;
    case ErrorCode.SchedAdmissionRefused: return 0;
    case ErrorCode.SchedBadReservation: return 0;
    case ErrorCode.SchedDeadlineMissed: return 2;
    case ErrorCode.SchedBudgetOverrun: return 0;
    case ErrorCode.AgentNotFound: return 0;
    case ErrorCode.AgentTableFull: return 0;
    case ErrorCode.AgentNotDescendant: return 0;
    case ErrorCode.AgentUpgradeIncompatible: return 0;
    case ErrorCode.LockInvalid: return 0;
    case ErrorCode.LockDeadlock: return 0;
    case ErrorCode.CallNoRequest: return 0;
    case ErrorCode.MemRegionInvalid: return 0;
    case ErrorCode.MemOutOfBounds: return 0;
    case ErrorCode.MemReadOnly: return 0;
    case ErrorCode.MemVersionGone: return 0;
    case ErrorCode.MemLeaseExpired: return 0;
    case ErrorCode.MemMpuExhausted: return 0;
    case ErrorCode.MemSnapshotMissing: return 0;
    case ErrorCode.MemPersistentCorrupt: return 2;
    case ErrorCode.MemFlashFailed: return 2;
    case ErrorCode.FaultQuarantined: return 0;
    case ErrorCode.FaultRestartLimit: return 2;
    case ErrorCode.BusEmpty: return 0;
    case ErrorCode.BusSubscriptionInvalid: return 0;
    case ErrorCode.SvcInvalid: return 0;
    case ErrorCode.SvcDependencyFailed: return 0;
    case ErrorCode.SvcDependencyCycle: return 0;
    case ErrorCode.SvcAttestationFailed: return 2;
    case ErrorCode.SvcCapsInsufficient: return 0;
    case ErrorCode.SvcRestartIntensity: return 2;
    case ErrorCode.SvcHealthFailed: return 0;
    case ErrorCode.SvcWatchdogExpired: return 0;
    case ErrorCode.SyscallUnknown: return 0;
    case ErrorCode.ImageBadCrc: return 0;
    case ErrorCode.ImageBadOffset: return 0;
    case ErrorCode.ImageTooLarge: return 0;
    case ErrorCode.ImageBadSignature: return 0;
    case ErrorCode.ImageBadDigest: return 0;
    case ErrorCode.ImageUnknown: return 0;
    case ErrorCode.ImageStoreFull: return 0;
    case ErrorCode.ImageNoInstall: return 0;
    case ErrorCode.ImageIncomplete: return 0;
    case ErrorCode.ImageStoreFailed: return 0;
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
    case ErrorCode.CapInvalid: return 0;
    case ErrorCode.CapRevoked: return 0;
    case ErrorCode.CapDenied: return 0;
    case ErrorCode.CapAmplification: return 0;
    case ErrorCode.CapTableFull: return 1;
    case ErrorCode.QuotaMemory: return 1;
    case ErrorCode.QuotaCpu: return 1;
    case ErrorCode.QuotaEventRate: return 1;
    case ErrorCode.QuotaIo: return 1;
    case ErrorCode.GroupInvalid: return 0;
    case ErrorCode.SchedAdmissionRefused: return 0;
    case ErrorCode.SchedBadReservation: return 0;
    case ErrorCode.SchedDeadlineMissed: return 0;
    case ErrorCode.SchedBudgetOverrun: return 0;
    case ErrorCode.AgentNotFound: return 0;
    case ErrorCode.AgentTableFull: return 1;
    case ErrorCode.AgentNotDescendant: return 0;
    case ErrorCode.AgentUpgradeIncompatible: return 0;
    case ErrorCode.LockInvalid: return 0;
    case ErrorCode.LockDeadlock: return 0;
    case ErrorCode.CallNoRequest: return 0;
    case ErrorCode.MemRegionInvalid: return 0;
    case ErrorCode.MemOutOfBounds: return 0;
    case ErrorCode.MemReadOnly: return 0;
    case ErrorCode.MemVersionGone: return 0;
    case ErrorCode.MemLeaseExpired: return 0;
    case ErrorCode.MemMpuExhausted: return 1;
    case ErrorCode.MemSnapshotMissing: return 0;
    case ErrorCode.MemPersistentCorrupt: return 0;
    case ErrorCode.MemFlashFailed: return 1;
    case ErrorCode.FaultQuarantined: return 0;
    case ErrorCode.FaultRestartLimit: return 0;
    case ErrorCode.BusEmpty: return 1;
    case ErrorCode.BusSubscriptionInvalid: return 0;
    case ErrorCode.SvcInvalid: return 0;
    case ErrorCode.SvcDependencyFailed: return 1;
    case ErrorCode.SvcDependencyCycle: return 0;
    case ErrorCode.SvcAttestationFailed: return 0;
    case ErrorCode.SvcCapsInsufficient: return 0;
    case ErrorCode.SvcRestartIntensity: return 0;
    case ErrorCode.SvcHealthFailed: return 1;
    case ErrorCode.SvcWatchdogExpired: return 1;
    case ErrorCode.SyscallUnknown: return 0;
    case ErrorCode.ImageBadCrc: return 1;
    case ErrorCode.ImageBadOffset: return 1;
    case ErrorCode.ImageTooLarge: return 0;
    case ErrorCode.ImageBadSignature: return 0;
    case ErrorCode.ImageBadDigest: return 0;
    case ErrorCode.ImageUnknown: return 0;
    case ErrorCode.ImageStoreFull: return 0;
    case ErrorCode.ImageNoInstall: return 0;
    case ErrorCode.ImageIncomplete: return 1;
    case ErrorCode.ImageStoreFailed: return 1;
    default: return 0xff;
  }
}
