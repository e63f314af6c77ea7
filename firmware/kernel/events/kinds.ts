// Payload layout of the kernel events (ids 16..127): agent u16, correlation u32, then up to four
// u32 values. Mirrors the schema; tests/kernel/schema-layout.test.ts fails when the two drift.
import { FrameType, Severity } from "../generated/protocol";

/** (severity << 4) | number of values after agent and correlation; -1 for a non-kernel type. */
export function eventLayout(type: i32): i32 {
  switch (type) {
    case FrameType.AgentSpawned: return (Severity.Info << 4) | 4;
    case FrameType.AgentExited: return (Severity.Info << 4) | 1;
    case FrameType.AgentKilled: return (Severity.Warning << 4) | 2;
    case FrameType.AgentCloned: return (Severity.Info << 4) | 1;
    case FrameType.AgentMerged: return (Severity.Info << 4) | 1;
    case FrameType.AgentSplit: return (Severity.Info << 4) | 2;
    case FrameType.AgentUpgraded: return (Severity.Info << 4) | 2;
    case FrameType.AgentSpecialized: return (Severity.Info << 4) | 2;
    case FrameType.AgentRestarted: return (Severity.Warning << 4) | 2;
    case FrameType.AgentQuarantined: return (Severity.Error << 4) | 1;
    case FrameType.AgentStats: return (Severity.Debug << 4) | 4;
    case FrameType.SchedAdmitted: return (Severity.Info << 4) | 3;
    case FrameType.SchedRefused: return (Severity.Warning << 4) | 3;
    case FrameType.SchedOverrun: return (Severity.Warning << 4) | 2;
    case FrameType.SchedDeadlineMiss: return (Severity.Error << 4) | 2;
    case FrameType.SchedInherit: return (Severity.Info << 4) | 2;
    case FrameType.SchedHint: return (Severity.Debug << 4) | 2;
    case FrameType.CapGranted: return (Severity.Info << 4) | 3;
    case FrameType.CapDenied: return (Severity.Warning << 4) | 3;
    case FrameType.CapDelegated: return (Severity.Info << 4) | 3;
    case FrameType.CapRevoked: return (Severity.Info << 4) | 2;
    case FrameType.QuotaExceeded: return (Severity.Warning << 4) | 3;
    case FrameType.GroupCreated: return (Severity.Info << 4) | 2;
    case FrameType.MemRegionCreated: return (Severity.Info << 4) | 3;
    case FrameType.MemRegionWritten: return (Severity.Debug << 4) | 3;
    case FrameType.MemShared: return (Severity.Info << 4) | 4;
    case FrameType.MemLeaseExpired: return (Severity.Warning << 4) | 1;
    case FrameType.MemRegionFreed: return (Severity.Info << 4) | 2;
    case FrameType.MemSnapshot: return (Severity.Info << 4) | 2;
    case FrameType.MemRestored: return (Severity.Info << 4) | 1;
    case FrameType.MemPersisted: return (Severity.Info << 4) | 3;
    case FrameType.FaultHandled: return (Severity.Error << 4) | 4;
    case FrameType.FaultStats: return (Severity.Debug << 4) | 4;
    case FrameType.BusEvent: return (Severity.Info << 4) | 3;
    case FrameType.BusDropped: return (Severity.Warning << 4) | 2;
    case FrameType.BusStats: return (Severity.Debug << 4) | 4;
    case FrameType.SvcRegistered: return (Severity.Info << 4) | 3;
    case FrameType.SvcStarted: return (Severity.Info << 4) | 1;
    case FrameType.SvcStopped: return (Severity.Info << 4) | 2;
    case FrameType.SvcFailed: return (Severity.Error << 4) | 2;
    case FrameType.SvcRestarting: return (Severity.Warning << 4) | 3;
    case FrameType.SvcEscalated: return (Severity.Critical << 4) | 2;
    case FrameType.SvcHealth: return (Severity.Info << 4) | 2;
    case FrameType.SvcWatchdogExpired: return (Severity.Error << 4) | 2;
    case FrameType.SvcAttested: return (Severity.Info << 4) | 3;
    case FrameType.AgentSchedStats: return (Severity.Debug << 4) | 4;
    case FrameType.SvcWatchdogWithheld: return (Severity.Critical << 4) | 2;
    case FrameType.ErrorRaised: return (Severity.Warning << 4) | 3;
    case FrameType.ErrorAggregate: return (Severity.Info << 4) | 2;
    case FrameType.KernelReady: return (Severity.Info << 4) | 3;
    default: return -1;
  }
}
