// Generated from firmware/core/schema/aios.schema.json by `npm run generate`. Do not edit.

import type { Schema } from "../../schema/schema.ts";

export const schema: Schema = {
  "protocol": {
    "version": 1,
    "maxFrameBytes": 512,
    "maxPayloadBytes": 480,
    "crc": "crc32",
    "layout": "version:u8 type:u8 seq:u16le timestamp_us:varuint payload_len:varuint payload:bytes crc32:u32le, COBS-encoded, 0x00-delimited"
  },
  "enums": {
    "reset_cause": [
      "unknown",
      "power_on",
      "software",
      "watchdog",
      "fault",
      "external_pin"
    ],
    "fault_kind": [
      "hard_fault",
      "mem_manage",
      "bus_fault",
      "usage_fault",
      "sigsegv",
      "sigbus",
      "vm_trap"
    ],
    "severity": [
      "debug",
      "info",
      "warning",
      "error",
      "critical"
    ],
    "error_category": [
      "none",
      "protocol",
      "vm",
      "capability",
      "memory",
      "scheduler",
      "fault",
      "event_bus",
      "service",
      "io",
      "system",
      "image"
    ],
    "escalation": [
      "none",
      "agent",
      "supervisor",
      "board_reset"
    ],
    "fault_policy": [
      "kill",
      "restart",
      "restart_backoff",
      "quarantine",
      "escalate",
      "reset_board"
    ],
    "fault_action": [
      "kill",
      "restart",
      "restart_delayed",
      "quarantine",
      "escalate_supervisor",
      "escalate_board_reset",
      "service"
    ],
    "restart_policy": [
      "never",
      "on_failure",
      "always"
    ],
    "region_kind": [
      "ephemeral",
      "persistent",
      "shared"
    ],
    "quota_resource": [
      "memory",
      "cpu",
      "event_rate",
      "io"
    ],
    "stats_kind": [
      "agents",
      "faults",
      "bus",
      "errors",
      "all"
    ],
    "stop_reason": [
      "requested",
      "exited",
      "failed",
      "dependency",
      "escalated"
    ],
    "slice_end": [
      "step_done",
      "preempted",
      "trapped",
      "faulted"
    ],
    "fault_injection": [
      "other_agent",
      "kernel",
      "agent_stack",
      "kernel_stack"
    ]
  },
  "events": [
    {
      "id": 1,
      "name": "boot",
      "doc": "First frame after reset: which board, which firmware, why it reset.",
      "severity": "info",
      "fields": [
        {
          "name": "board",
          "type": "str"
        },
        {
          "name": "firmware_version",
          "type": "str"
        },
        {
          "name": "reset_cause",
          "type": "u8",
          "enum": "reset_cause"
        },
        {
          "name": "protocol_version",
          "type": "u8"
        }
      ]
    },
    {
      "id": 2,
      "name": "heartbeat",
      "doc": "Sent at a fixed period so the host can tell a live device from a hung one.",
      "severity": "debug",
      "fields": [
        {
          "name": "uptime_us",
          "type": "varuint"
        },
        {
          "name": "count",
          "type": "u32"
        }
      ]
    },
    {
      "id": 3,
      "name": "pong",
      "doc": "Answer to the ping command, echoing its nonce.",
      "severity": "debug",
      "fields": [
        {
          "name": "nonce",
          "type": "u32"
        }
      ]
    },
    {
      "id": 4,
      "name": "fault",
      "doc": "A CPU exception or VM trap, decoded. agent is 0 for the kernel itself.",
      "severity": "critical",
      "fields": [
        {
          "name": "kind",
          "type": "u8",
          "enum": "fault_kind"
        },
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "pc",
          "type": "u32"
        },
        {
          "name": "lr",
          "type": "u32"
        },
        {
          "name": "xpsr",
          "type": "u32"
        },
        {
          "name": "cfsr",
          "type": "u32"
        },
        {
          "name": "hfsr",
          "type": "u32"
        },
        {
          "name": "address",
          "type": "u32"
        },
        {
          "name": "error",
          "type": "u16"
        }
      ]
    },
    {
      "id": 5,
      "name": "log",
      "doc": "A line of text from the kernel or an agent.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "level",
          "type": "u8",
          "enum": "severity"
        },
        {
          "name": "text",
          "type": "str"
        }
      ]
    },
    {
      "id": 6,
      "name": "command_error",
      "doc": "A host command was refused; carries the error code and the command's type.",
      "severity": "warning",
      "fields": [
        {
          "name": "command",
          "type": "u8"
        },
        {
          "name": "error",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        }
      ]
    },
    {
      "id": 7,
      "name": "agent_io",
      "doc": "Bytes an agent submitted on an I/O channel (the io_submit syscall), passed to the host.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "channel",
          "type": "u8"
        },
        {
          "name": "data",
          "type": "bytes"
        }
      ]
    },
    {
      "id": 8,
      "name": "slice",
      "doc": "One slice an agent ran (only while tracing is on, see trace_control): when it started, how long it ran, the fuel it burned and how it ended.",
      "severity": "debug",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "start_us",
          "type": "varuint"
        },
        {
          "name": "duration_us",
          "type": "u32"
        },
        {
          "name": "fuel",
          "type": "u32"
        },
        {
          "name": "end",
          "type": "u8",
          "enum": "slice_end"
        }
      ]
    },
    {
      "id": 9,
      "name": "fault_injection",
      "doc": "Test hook armed (inject_agent_fault): the next run of agent makes native code acting for it misbehave as target says; address is what it will write (its low 32 bits on a 64-bit host), 0 for a stack overflow.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "target",
          "type": "u8",
          "enum": "fault_injection"
        },
        {
          "name": "address",
          "type": "u32"
        }
      ]
    },
    {
      "id": 10,
      "name": "domain_bench_result",
      "doc": "Answer to domain_bench: microseconds taken by rounds empty calls made directly, through a fault-domain run (enter and leave) and through a call out of a domain (leave and enter again).",
      "severity": "info",
      "fields": [
        {
          "name": "rounds",
          "type": "u32"
        },
        {
          "name": "direct_us",
          "type": "u32"
        },
        {
          "name": "run_us",
          "type": "u32"
        },
        {
          "name": "call_us",
          "type": "u32"
        }
      ]
    },
    {
      "id": 11,
      "name": "image_progress",
      "doc": "Installing an image: how many bytes of the staged image the device holds; the answer to image_begin (0 for a new install, more when it resumes one) and to each image_chunk.",
      "severity": "debug",
      "fields": [
        {
          "name": "name",
          "type": "str"
        },
        {
          "name": "received",
          "type": "u32"
        },
        {
          "name": "size",
          "type": "u32"
        }
      ]
    },
    {
      "id": 12,
      "name": "image_installed",
      "doc": "An install was committed: the image's SHA-256 and Ed25519 signature checked out and it replaced any older version atomically; id is the image id for agent_spawn, sequence orders versions in flash.",
      "severity": "info",
      "fields": [
        {
          "name": "id",
          "type": "u16"
        },
        {
          "name": "name",
          "type": "str"
        },
        {
          "name": "version",
          "type": "str"
        },
        {
          "name": "size",
          "type": "u32"
        },
        {
          "name": "sequence",
          "type": "u32"
        }
      ]
    },
    {
      "id": 13,
      "name": "image_info",
      "doc": "One installed image, in the answer to image_list: its image id, name, version, size, SHA-256 and the manifest it was signed with.",
      "severity": "debug",
      "fields": [
        {
          "name": "id",
          "type": "u16"
        },
        {
          "name": "name",
          "type": "str"
        },
        {
          "name": "version",
          "type": "str"
        },
        {
          "name": "size",
          "type": "u32"
        },
        {
          "name": "sha256",
          "type": "bytes"
        },
        {
          "name": "manifest",
          "type": "bytes"
        }
      ]
    },
    {
      "id": 14,
      "name": "image_agent",
      "doc": "One running agent and the image it runs, in the answer to image_list after the image_info events.",
      "severity": "debug",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "image",
          "type": "u16"
        }
      ]
    },
    {
      "id": 15,
      "name": "image_list_end",
      "doc": "Ends the answer to image_list: images installed, how many more fit, agents running.",
      "severity": "debug",
      "fields": [
        {
          "name": "count",
          "type": "u8"
        },
        {
          "name": "free",
          "type": "u8"
        },
        {
          "name": "agents",
          "type": "u8"
        }
      ]
    },
    {
      "id": 16,
      "name": "agent_spawned",
      "doc": "Kernel event: an agent was created (host command, spawn syscall, clone or split).",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "parent",
          "type": "u32"
        },
        {
          "name": "image",
          "type": "u32"
        },
        {
          "name": "weight",
          "type": "u32"
        },
        {
          "name": "hints",
          "type": "u32"
        }
      ]
    },
    {
      "id": 17,
      "name": "agent_exited",
      "doc": "Kernel event: an agent called exit; code is its exit code.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "code",
          "type": "i32"
        }
      ]
    },
    {
      "id": 18,
      "name": "agent_killed",
      "doc": "Kernel event: an agent was destroyed by another agent, the host or a fault policy.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "by",
          "type": "u32"
        },
        {
          "name": "error",
          "type": "u32"
        }
      ]
    },
    {
      "id": 19,
      "name": "agent_cloned",
      "doc": "Kernel event: agent is a copy (code, memory, capabilities) of source.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "source",
          "type": "u32"
        }
      ]
    },
    {
      "id": 20,
      "name": "agent_merged",
      "doc": "Kernel event: agent absorbed another agent's capabilities, weight and regions; the absorbed agent is gone.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "absorbed",
          "type": "u32"
        }
      ]
    },
    {
      "id": 21,
      "name": "agent_split",
      "doc": "Kernel event: agent was split off source; both now share source's former weight.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "source",
          "type": "u32"
        },
        {
          "name": "weight",
          "type": "u32"
        }
      ]
    },
    {
      "id": 22,
      "name": "agent_upgraded",
      "doc": "Kernel event: the agent now runs image; state_kept is 1 when its memory survived the swap.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "image",
          "type": "u32"
        },
        {
          "name": "state_kept",
          "type": "u32"
        }
      ]
    },
    {
      "id": 23,
      "name": "agent_specialized",
      "doc": "Kernel event: the capability handle was narrowed to flags, and every capability derived from it with it.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "handle",
          "type": "u32"
        },
        {
          "name": "flags",
          "type": "u32"
        }
      ]
    },
    {
      "id": 24,
      "name": "agent_restarted",
      "doc": "Kernel event: a fault or service policy restarted the agent from its image; attempt counts restarts in the current window.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "attempt",
          "type": "u32"
        },
        {
          "name": "delay_us",
          "type": "u32"
        }
      ]
    },
    {
      "id": 25,
      "name": "agent_quarantined",
      "doc": "Kernel event: the agent is stopped with its state kept for inspection until the host releases it.",
      "severity": "error",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "error",
          "type": "u32"
        }
      ]
    },
    {
      "id": 26,
      "name": "agent_stats",
      "doc": "Kernel event: per-agent accounting, on demand.",
      "severity": "debug",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "cpu_fuel",
          "type": "u32"
        },
        {
          "name": "steps",
          "type": "u32"
        },
        {
          "name": "faults",
          "type": "u32"
        },
        {
          "name": "memory_bytes",
          "type": "u32"
        }
      ]
    },
    {
      "id": 27,
      "name": "agent_sched_stats",
      "doc": "Kernel event: per-agent scheduling record, on demand after agent_stats: deadline jobs finished in their period and missed, budget overruns, and restarts by its fault policy.",
      "severity": "debug",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "deadlines_met",
          "type": "u32"
        },
        {
          "name": "deadlines_missed",
          "type": "u32"
        },
        {
          "name": "overruns",
          "type": "u32"
        },
        {
          "name": "restarts",
          "type": "u32"
        }
      ]
    },
    {
      "id": 32,
      "name": "sched_admitted",
      "doc": "Kernel event: a deadline reservation was admitted; utilisation_ppm is the total after admission.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "budget_us",
          "type": "u32"
        },
        {
          "name": "period_us",
          "type": "u32"
        },
        {
          "name": "utilisation_ppm",
          "type": "u32"
        }
      ]
    },
    {
      "id": 33,
      "name": "sched_refused",
      "doc": "Kernel event: admission control refused a deadline reservation; utilisation_ppm is what the total would have been.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "budget_us",
          "type": "u32"
        },
        {
          "name": "period_us",
          "type": "u32"
        },
        {
          "name": "utilisation_ppm",
          "type": "u32"
        }
      ]
    },
    {
      "id": 34,
      "name": "sched_overrun",
      "doc": "Kernel event: a deadline agent spent its budget before finishing its job and is throttled until its next period.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "budget_us",
          "type": "u32"
        },
        {
          "name": "job",
          "type": "u32"
        }
      ]
    },
    {
      "id": 35,
      "name": "sched_deadline_miss",
      "doc": "Kernel event: a deadline job was not finished at its deadline; deadline_us is that deadline (low 32 bits of microseconds since reset).",
      "severity": "error",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "job",
          "type": "u32"
        },
        {
          "name": "deadline_us",
          "type": "u32"
        }
      ]
    },
    {
      "id": 36,
      "name": "sched_inherit",
      "doc": "Kernel event: agent runs with the scheduling parameters of donor, which waits on it (lock is 0 for a service call).",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "donor",
          "type": "u32"
        },
        {
          "name": "lock",
          "type": "u32"
        }
      ]
    },
    {
      "id": 37,
      "name": "sched_hint",
      "doc": "Kernel event: the agent's semantic hints or weight changed.",
      "severity": "debug",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "hints",
          "type": "u32"
        },
        {
          "name": "weight",
          "type": "u32"
        }
      ]
    },
    {
      "id": 48,
      "name": "cap_granted",
      "doc": "Audit: a capability was created for agent (spawn, service start, region creation or share).",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "handle",
          "type": "u32"
        },
        {
          "name": "flags",
          "type": "u32"
        },
        {
          "name": "granter",
          "type": "u32"
        }
      ]
    },
    {
      "id": 49,
      "name": "cap_denied",
      "doc": "Audit: an operation was refused at the moment of use; needed is the flag it required.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "handle",
          "type": "u32"
        },
        {
          "name": "needed",
          "type": "u32"
        },
        {
          "name": "error",
          "type": "u32"
        }
      ]
    },
    {
      "id": 50,
      "name": "cap_delegated",
      "doc": "Audit: agent delegated an attenuated copy of a capability to another agent.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "to",
          "type": "u32"
        },
        {
          "name": "handle",
          "type": "u32"
        },
        {
          "name": "flags",
          "type": "u32"
        }
      ]
    },
    {
      "id": 51,
      "name": "cap_revoked",
      "doc": "Audit: a capability and all capabilities derived from it were revoked; count includes the root.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "handle",
          "type": "u32"
        },
        {
          "name": "count",
          "type": "u32"
        }
      ]
    },
    {
      "id": 52,
      "name": "quota_exceeded",
      "doc": "Audit: a resource group's quota refused a charge.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "resource",
          "type": "u32",
          "enum": "quota_resource"
        },
        {
          "name": "group",
          "type": "u32"
        },
        {
          "name": "requested",
          "type": "u32"
        }
      ]
    },
    {
      "id": 53,
      "name": "group_created",
      "doc": "Kernel event: a resource group was created under parent.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "group",
          "type": "u32"
        },
        {
          "name": "parent",
          "type": "u32"
        }
      ]
    },
    {
      "id": 64,
      "name": "mem_region_created",
      "doc": "Memory fabric: a region was created, owned (tagged) by agent.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "region",
          "type": "u32"
        },
        {
          "name": "kind",
          "type": "u32",
          "enum": "region_kind"
        },
        {
          "name": "size",
          "type": "u32"
        }
      ]
    },
    {
      "id": 65,
      "name": "mem_region_written",
      "doc": "Memory fabric: a write produced a new version of the region.",
      "severity": "debug",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "region",
          "type": "u32"
        },
        {
          "name": "version",
          "type": "u32"
        },
        {
          "name": "bytes",
          "type": "u32"
        }
      ]
    },
    {
      "id": 66,
      "name": "mem_shared",
      "doc": "Memory fabric: agent received access to region from owner; rights 1 = read, 3 = read-write.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "region",
          "type": "u32"
        },
        {
          "name": "rights",
          "type": "u32"
        },
        {
          "name": "handle",
          "type": "u32"
        },
        {
          "name": "owner",
          "type": "u32"
        }
      ]
    },
    {
      "id": 67,
      "name": "mem_lease_expired",
      "doc": "Memory fabric: the region's lease expired; sent once to every holder before the region is reclaimed.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "region",
          "type": "u32"
        }
      ]
    },
    {
      "id": 68,
      "name": "mem_region_freed",
      "doc": "Memory fabric: a region's storage went back to the arena.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "region",
          "type": "u32"
        },
        {
          "name": "bytes",
          "type": "u32"
        }
      ]
    },
    {
      "id": 69,
      "name": "mem_snapshot",
      "doc": "Memory fabric: a snapshot of the agent's instance was stored in slot.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "slot",
          "type": "u32"
        },
        {
          "name": "bytes",
          "type": "u32"
        }
      ]
    },
    {
      "id": 70,
      "name": "mem_restored",
      "doc": "Memory fabric: the agent's instance was restored from slot.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "slot",
          "type": "u32"
        }
      ]
    },
    {
      "id": 71,
      "name": "mem_persisted",
      "doc": "Memory fabric: a persistent region's version was committed to flash (or loaded from it at creation).",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "region",
          "type": "u32"
        },
        {
          "name": "version",
          "type": "u32"
        },
        {
          "name": "key",
          "type": "u32"
        }
      ]
    },
    {
      "id": 80,
      "name": "fault_handled",
      "doc": "Fault domain: a trap or CPU fault of agent was classified and the policy chose action; count is the agent's faults in its window.",
      "severity": "error",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "kind",
          "type": "u32",
          "enum": "fault_kind"
        },
        {
          "name": "error",
          "type": "u32"
        },
        {
          "name": "action",
          "type": "u32",
          "enum": "fault_action"
        },
        {
          "name": "count",
          "type": "u32"
        }
      ]
    },
    {
      "id": 81,
      "name": "fault_stats",
      "doc": "Fault domain: per-agent fault statistics on demand (agent 0: global totals).",
      "severity": "debug",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "total",
          "type": "u32"
        },
        {
          "name": "restarts",
          "type": "u32"
        },
        {
          "name": "kills",
          "type": "u32"
        },
        {
          "name": "quarantines",
          "type": "u32"
        }
      ]
    },
    {
      "id": 88,
      "name": "bus_event",
      "doc": "Event bus: an event an agent published on topic.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "topic",
          "type": "u32"
        },
        {
          "name": "value",
          "type": "u32"
        },
        {
          "name": "value2",
          "type": "u32"
        }
      ]
    },
    {
      "id": 89,
      "name": "bus_dropped",
      "doc": "Event bus: agent's subscription queue was full; dropped counts all events it lost.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "subscription",
          "type": "u32"
        },
        {
          "name": "dropped",
          "type": "u32"
        }
      ]
    },
    {
      "id": 90,
      "name": "bus_stats",
      "doc": "Event bus: totals on demand.",
      "severity": "debug",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "published",
          "type": "u32"
        },
        {
          "name": "delivered",
          "type": "u32"
        },
        {
          "name": "dropped",
          "type": "u32"
        },
        {
          "name": "subscriptions",
          "type": "u32"
        }
      ]
    },
    {
      "id": 96,
      "name": "svc_registered",
      "doc": "Services: a manifest was registered; deps is a bit mask of service ids.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "image",
          "type": "u32"
        },
        {
          "name": "deps",
          "type": "u32"
        }
      ]
    },
    {
      "id": 97,
      "name": "svc_started",
      "doc": "Services: the service is running as agent.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        }
      ]
    },
    {
      "id": 98,
      "name": "svc_stopped",
      "doc": "Services: the service was stopped.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "reason",
          "type": "u32",
          "enum": "stop_reason"
        }
      ]
    },
    {
      "id": 99,
      "name": "svc_failed",
      "doc": "Services: the service failed (fault, exit, health or watchdog) or could not start.",
      "severity": "error",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "error",
          "type": "u32"
        }
      ]
    },
    {
      "id": 100,
      "name": "svc_restarting",
      "doc": "Services: the restart policy restarts the service after delay_us; restarts counts restarts in the intensity window.",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "restarts",
          "type": "u32"
        },
        {
          "name": "delay_us",
          "type": "u32"
        }
      ]
    },
    {
      "id": 101,
      "name": "svc_escalated",
      "doc": "Services: the restart intensity was exceeded and the failure escalated.",
      "severity": "critical",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "escalation",
          "type": "u32",
          "enum": "escalation"
        }
      ]
    },
    {
      "id": 102,
      "name": "svc_health",
      "doc": "Services: result of a health check (periodic or on demand).",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "healthy",
          "type": "u32"
        }
      ]
    },
    {
      "id": 103,
      "name": "svc_watchdog_expired",
      "doc": "Services: the service did not kick its software watchdog in time.",
      "severity": "error",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "timeout_us",
          "type": "u32"
        }
      ]
    },
    {
      "id": 104,
      "name": "svc_attested",
      "doc": "Services: the image's SHA-256 was compared with the manifest before start; ok is 1 on a match.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "image",
          "type": "u32"
        },
        {
          "name": "ok",
          "type": "u32"
        }
      ]
    },
    {
      "id": 105,
      "name": "svc_watchdog_withheld",
      "doc": "Services: the kernel feeds the hardware watchdog only while every critical service is healthy. feeding=0: critical service `service` is down or overdue, feeding stops and the board resets when the watchdog expires unless the service recovers; feeding=1: every critical service is healthy again and feeding resumes.",
      "severity": "critical",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u32"
        },
        {
          "name": "feeding",
          "type": "u32"
        }
      ]
    },
    {
      "id": 112,
      "name": "error_raised",
      "doc": "Error taxonomy: a syscall or command failed with code; count is the running total for (agent, code).",
      "severity": "warning",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "code",
          "type": "u32"
        },
        {
          "name": "syscall",
          "type": "u32"
        },
        {
          "name": "count",
          "type": "u32"
        }
      ]
    },
    {
      "id": 113,
      "name": "error_aggregate",
      "doc": "Error taxonomy: aggregated count of code for agent (agent 0 with code: total over all agents).",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "code",
          "type": "u32"
        },
        {
          "name": "count",
          "type": "u32"
        }
      ]
    },
    {
      "id": 114,
      "name": "kernel_ready",
      "doc": "Kernel policy booted: limits in force and how many persistent regions were found in flash.",
      "severity": "info",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "max_agents",
          "type": "u32"
        },
        {
          "name": "arena_bytes",
          "type": "u32"
        },
        {
          "name": "persistent_found",
          "type": "u32"
        }
      ]
    },
    {
      "id": 120,
      "name": "image_removed",
      "doc": "An installed image was removed from the store; agents already running it keep running.",
      "severity": "info",
      "fields": [
        {
          "name": "id",
          "type": "u16"
        },
        {
          "name": "name",
          "type": "str"
        }
      ]
    }
  ],
  "commands": [
    {
      "id": 128,
      "name": "ping",
      "doc": "Liveness check; the device answers with a pong carrying the same nonce.",
      "fields": [
        {
          "name": "nonce",
          "type": "u32"
        }
      ]
    },
    {
      "id": 129,
      "name": "inject_fault",
      "doc": "Test hook: the device raises a real CPU fault of `kind` (fault_kind) and reports it.",
      "fields": [
        {
          "name": "kind",
          "type": "u8",
          "enum": "fault_kind"
        }
      ]
    },
    {
      "id": 130,
      "name": "trace_control",
      "doc": "Turns the per-slice `slice` events on (1) or off (0); they feed `aios monitor --trace`.",
      "fields": [
        {
          "name": "enable",
          "type": "u8"
        }
      ]
    },
    {
      "id": 131,
      "name": "inject_agent_fault",
      "doc": "Test hook: the next run of agent makes native code acting for it misbehave (fault_injection): write into another agent's slot or the core's agent table from inside its fault domain, overflow its interpreter stack, or overflow the kernel's stack outside the domain. Answered by fault_injection; refused with command_error where the board has no fault domains.",
      "fields": [
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "target",
          "type": "u8",
          "enum": "fault_injection"
        }
      ]
    },
    {
      "id": 132,
      "name": "domain_bench",
      "doc": "Measures fault-domain switches with rounds empty calls of each kind; answered by domain_bench, refused with command_error where the board has no fault domains.",
      "fields": [
        {
          "name": "rounds",
          "type": "u32"
        }
      ]
    },
    {
      "id": 133,
      "name": "image_begin",
      "doc": "Starts (or resumes) installing an image into the store: name, version, size in bytes, its SHA-256, the Ed25519 signature of the signed record (see host-tools/src/agent/image.ts) and the manifest. Answered by image_progress; a begin identical to the install in progress resumes it.",
      "fields": [
        {
          "name": "name",
          "type": "str"
        },
        {
          "name": "version",
          "type": "str"
        },
        {
          "name": "size",
          "type": "u32"
        },
        {
          "name": "sha256",
          "type": "bytes"
        },
        {
          "name": "signature",
          "type": "bytes"
        },
        {
          "name": "manifest",
          "type": "bytes"
        }
      ]
    },
    {
      "id": 134,
      "name": "image_chunk",
      "doc": "The image bytes at offset, with the CRC-32 of data. Answered by image_progress; a chunk at the wrong offset or with a bad CRC is refused and changes nothing.",
      "fields": [
        {
          "name": "offset",
          "type": "u32"
        },
        {
          "name": "crc",
          "type": "u32"
        },
        {
          "name": "data",
          "type": "bytes"
        }
      ]
    },
    {
      "id": 135,
      "name": "image_commit",
      "doc": "Checks the whole staged image (size, SHA-256, signature) and makes it the installed version of its name; answered by image_installed. Refused: the previous version stays.",
      "fields": [
        {
          "name": "name",
          "type": "str"
        }
      ]
    },
    {
      "id": 136,
      "name": "image_abort",
      "doc": "Drops the install in progress; the installed version is untouched.",
      "fields": []
    },
    {
      "id": 137,
      "name": "image_list",
      "doc": "Lists the installed images (image_info each), the running agents (image_agent each), then image_list_end.",
      "fields": []
    },
    {
      "id": 138,
      "name": "image_remove",
      "doc": "Removes an installed image by name; answered by image_removed.",
      "fields": [
        {
          "name": "name",
          "type": "str"
        }
      ]
    },
    {
      "id": 192,
      "name": "agent_spawn",
      "doc": "Kernel command: start image as a new agent with the given capability flags, resource group, weight, hints, optional deadline reservation (period 0: none) and four arguments.",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "image",
          "type": "u16"
        },
        {
          "name": "caps",
          "type": "u32"
        },
        {
          "name": "group",
          "type": "u8"
        },
        {
          "name": "weight",
          "type": "u16"
        },
        {
          "name": "hints",
          "type": "u8"
        },
        {
          "name": "budget_us",
          "type": "u32"
        },
        {
          "name": "period_us",
          "type": "u32"
        },
        {
          "name": "arg0",
          "type": "i32"
        },
        {
          "name": "arg1",
          "type": "i32"
        },
        {
          "name": "arg2",
          "type": "i32"
        },
        {
          "name": "arg3",
          "type": "i32"
        }
      ]
    },
    {
      "id": 193,
      "name": "agent_kill",
      "doc": "Kernel command: destroy an agent.",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "agent",
          "type": "u16"
        }
      ]
    },
    {
      "id": 194,
      "name": "agent_fault_policy",
      "doc": "Kernel command: set an agent's fault policy; threshold faults within window_ms end restarts, backoff doubles from backoff_ms up to backoff_max_ms.",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "policy",
          "type": "u8",
          "enum": "fault_policy"
        },
        {
          "name": "threshold",
          "type": "u8"
        },
        {
          "name": "window_ms",
          "type": "u32"
        },
        {
          "name": "backoff_ms",
          "type": "u32"
        },
        {
          "name": "backoff_max_ms",
          "type": "u32"
        },
        {
          "name": "supervisor",
          "type": "u16"
        }
      ]
    },
    {
      "id": 195,
      "name": "agent_release",
      "doc": "Kernel command: restart a quarantined agent from its image.",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "agent",
          "type": "u16"
        }
      ]
    },
    {
      "id": 196,
      "name": "agent_upgrade",
      "doc": "Kernel command: swap an agent's code for image, keeping its memory when the VM reports the layouts compatible.",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "agent",
          "type": "u16"
        },
        {
          "name": "image",
          "type": "u16"
        }
      ]
    },
    {
      "id": 197,
      "name": "group_create",
      "doc": "Kernel command: create a resource group under parent (0: root) sharing the given quotas; 0 means unlimited.",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "parent",
          "type": "u8"
        },
        {
          "name": "memory_bytes",
          "type": "u32"
        },
        {
          "name": "cpu_budget_us",
          "type": "u32"
        },
        {
          "name": "cpu_period_us",
          "type": "u32"
        },
        {
          "name": "event_rate",
          "type": "u16"
        },
        {
          "name": "io_bytes_per_s",
          "type": "u32"
        }
      ]
    },
    {
      "id": 198,
      "name": "svc_register",
      "doc": "Kernel command: register a service manifest (dependencies as a bit mask of service ids, required capability flags, restart policy and intensity, health and watchdog periods, escalation, whether it is critical (the hardware watchdog is fed only while every critical service is healthy), weight, the four arguments the service starts with, expected image SHA-256).",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u8"
        },
        {
          "name": "image",
          "type": "u16"
        },
        {
          "name": "deps",
          "type": "u32"
        },
        {
          "name": "caps",
          "type": "u32"
        },
        {
          "name": "restart",
          "type": "u8",
          "enum": "restart_policy"
        },
        {
          "name": "max_restarts",
          "type": "u8"
        },
        {
          "name": "window_ms",
          "type": "u32"
        },
        {
          "name": "health_ms",
          "type": "u32"
        },
        {
          "name": "watchdog_ms",
          "type": "u32"
        },
        {
          "name": "escalation",
          "type": "u8",
          "enum": "escalation"
        },
        {
          "name": "critical",
          "type": "u8"
        },
        {
          "name": "weight",
          "type": "u16"
        },
        {
          "name": "arg0",
          "type": "i32"
        },
        {
          "name": "arg1",
          "type": "i32"
        },
        {
          "name": "arg2",
          "type": "i32"
        },
        {
          "name": "arg3",
          "type": "i32"
        },
        {
          "name": "sha256",
          "type": "bytes"
        }
      ]
    },
    {
      "id": 199,
      "name": "svc_start",
      "doc": "Kernel command: start a service and what it depends on, in dependency order (255: all services).",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u8"
        }
      ]
    },
    {
      "id": 200,
      "name": "svc_stop",
      "doc": "Kernel command: stop a service and its dependents, in reverse dependency order (255: all services).",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u8"
        }
      ]
    },
    {
      "id": 201,
      "name": "svc_check",
      "doc": "Kernel command: run a service's health check now.",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "service",
          "type": "u8"
        }
      ]
    },
    {
      "id": 202,
      "name": "stats_request",
      "doc": "Kernel command: emit statistics events (agent_stats, fault_stats, bus_stats, error_aggregate).",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "what",
          "type": "u8",
          "enum": "stats_kind"
        }
      ]
    },
    {
      "id": 203,
      "name": "stream_filter",
      "doc": "Kernel command: only stream kernel events of at least this severity to the host.",
      "fields": [
        {
          "name": "correlation",
          "type": "u32"
        },
        {
          "name": "min_severity",
          "type": "u8",
          "enum": "severity"
        }
      ]
    },
    {
      "id": 140,
      "name": "inject_hang",
      "doc": "Test hook: the core stops in a busy loop with interrupts on, as a hung kernel would; only the hardware watchdog can bring the board back.",
      "fields": []
    }
  ],
  "errors": [
    {
      "code": 0,
      "name": "ok",
      "category": "none",
      "severity": "info",
      "retryable": false,
      "escalation": "none",
      "doc": "Success."
    },
    {
      "code": 1,
      "name": "protocol_bad_crc",
      "category": "protocol",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "A frame's CRC did not match its contents."
    },
    {
      "code": 2,
      "name": "protocol_bad_frame",
      "category": "protocol",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "A frame was truncated, oversized or badly encoded."
    },
    {
      "code": 3,
      "name": "protocol_bad_version",
      "category": "protocol",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "A frame carried a protocol version this side does not speak."
    },
    {
      "code": 4,
      "name": "protocol_unknown_command",
      "category": "protocol",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The device does not know the command type."
    },
    {
      "code": 5,
      "name": "protocol_bad_payload",
      "category": "protocol",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "A command's payload did not match its schema."
    },
    {
      "code": 16,
      "name": "vm_malformed_module",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "The Wasm binary could not be decoded."
    },
    {
      "code": 17,
      "name": "vm_invalid_module",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "The Wasm module failed validation."
    },
    {
      "code": 18,
      "name": "vm_unlinkable",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "An import could not be resolved or its signature did not match."
    },
    {
      "code": 19,
      "name": "vm_trap_unreachable",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "The agent executed `unreachable`."
    },
    {
      "code": 20,
      "name": "vm_trap_memory_out_of_bounds",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "A load or store outside the agent's linear memory."
    },
    {
      "code": 21,
      "name": "vm_trap_table_out_of_bounds",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "A table access outside its bounds."
    },
    {
      "code": 22,
      "name": "vm_trap_indirect_call_type_mismatch",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "call_indirect reached a function of another type."
    },
    {
      "code": 23,
      "name": "vm_trap_uninitialized_element",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "call_indirect reached an empty table slot."
    },
    {
      "code": 24,
      "name": "vm_trap_integer_divide_by_zero",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "Integer division or remainder by zero."
    },
    {
      "code": 25,
      "name": "vm_trap_integer_overflow",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "Signed division overflow (INT_MIN / -1)."
    },
    {
      "code": 26,
      "name": "vm_trap_invalid_conversion",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "A trapping float-to-int conversion of NaN or an out-of-range value."
    },
    {
      "code": 27,
      "name": "vm_trap_stack_exhausted",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "Operand stack or call depth limit reached."
    },
    {
      "code": 28,
      "name": "vm_trap_host",
      "category": "vm",
      "severity": "error",
      "retryable": false,
      "escalation": "agent",
      "doc": "A host function trapped on the agent's behalf."
    },
    {
      "code": 32,
      "name": "fault_cpu",
      "category": "fault",
      "severity": "critical",
      "retryable": false,
      "escalation": "supervisor",
      "doc": "A CPU exception (HardFault, MemManage, BusFault, UsageFault, SIGSEGV, SIGBUS)."
    },
    {
      "code": 48,
      "name": "system_out_of_memory",
      "category": "system",
      "severity": "error",
      "retryable": true,
      "escalation": "supervisor",
      "doc": "A fixed pool or arena is full."
    },
    {
      "code": 49,
      "name": "system_busy",
      "category": "system",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "The resource is in use; try again later."
    },
    {
      "code": 50,
      "name": "system_invalid_argument",
      "category": "system",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "An argument was out of range or malformed."
    },
    {
      "code": 51,
      "name": "io_link_lost",
      "category": "io",
      "severity": "error",
      "retryable": true,
      "escalation": "none",
      "doc": "The serial link to the device was lost."
    },
    {
      "code": 64,
      "name": "cap_invalid",
      "category": "capability",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The handle names no capability the caller holds: forged, someone else's, or never issued."
    },
    {
      "code": 65,
      "name": "cap_revoked",
      "category": "capability",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The capability, or one it was derived from, was revoked."
    },
    {
      "code": 66,
      "name": "cap_denied",
      "category": "capability",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The capability does not carry the flag the operation needs."
    },
    {
      "code": 67,
      "name": "cap_amplification",
      "category": "capability",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "A delegation or spawn asked for flags or quota the parent capability does not have."
    },
    {
      "code": 68,
      "name": "cap_table_full",
      "category": "capability",
      "severity": "error",
      "retryable": true,
      "escalation": "none",
      "doc": "No free capability slot."
    },
    {
      "code": 69,
      "name": "quota_memory",
      "category": "capability",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "The resource group's memory quota would be exceeded."
    },
    {
      "code": 70,
      "name": "quota_cpu",
      "category": "capability",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "The resource group spent its CPU budget for this period."
    },
    {
      "code": 71,
      "name": "quota_event_rate",
      "category": "capability",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "The resource group exceeded its event publish rate."
    },
    {
      "code": 72,
      "name": "quota_io",
      "category": "capability",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "The resource group exceeded its I/O byte rate."
    },
    {
      "code": 73,
      "name": "group_invalid",
      "category": "capability",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No such resource group, or the group table is full."
    },
    {
      "code": 80,
      "name": "sched_admission_refused",
      "category": "scheduler",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The deadline reservation would make the task set unschedulable (utilisation above 1)."
    },
    {
      "code": 81,
      "name": "sched_bad_reservation",
      "category": "scheduler",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "Budget is zero or larger than the period."
    },
    {
      "code": 82,
      "name": "sched_deadline_missed",
      "category": "scheduler",
      "severity": "error",
      "retryable": false,
      "escalation": "supervisor",
      "doc": "A deadline job was not finished by its deadline."
    },
    {
      "code": 83,
      "name": "sched_budget_overrun",
      "category": "scheduler",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "A deadline agent used its whole budget before finishing its job; it is throttled."
    },
    {
      "code": 84,
      "name": "agent_not_found",
      "category": "scheduler",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No live agent has this id."
    },
    {
      "code": 85,
      "name": "agent_table_full",
      "category": "scheduler",
      "severity": "error",
      "retryable": true,
      "escalation": "none",
      "doc": "No free agent slot."
    },
    {
      "code": 86,
      "name": "agent_not_descendant",
      "category": "capability",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The target agent is not the caller or one of its descendants."
    },
    {
      "code": 87,
      "name": "agent_upgrade_incompatible",
      "category": "vm",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The new image cannot take over the agent's state."
    },
    {
      "code": 88,
      "name": "lock_invalid",
      "category": "scheduler",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No such lock, or the caller does not own it."
    },
    {
      "code": 89,
      "name": "lock_deadlock",
      "category": "scheduler",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "Waiting would close a cycle of agents waiting on each other."
    },
    {
      "code": 90,
      "name": "call_no_request",
      "category": "scheduler",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No pending service call from that agent to reply to."
    },
    {
      "code": 96,
      "name": "mem_region_invalid",
      "category": "memory",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No such region, or the region table is full."
    },
    {
      "code": 97,
      "name": "mem_out_of_bounds",
      "category": "memory",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "Offset and length fall outside the region or the agent's memory."
    },
    {
      "code": 98,
      "name": "mem_read_only",
      "category": "memory",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The region capability grants read access only."
    },
    {
      "code": 99,
      "name": "mem_version_gone",
      "category": "memory",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The requested version is no longer kept."
    },
    {
      "code": 100,
      "name": "mem_lease_expired",
      "category": "memory",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The region's lease expired and the region was reclaimed."
    },
    {
      "code": 101,
      "name": "mem_mpu_exhausted",
      "category": "memory",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "The agent's MPU domain has no free region slot for another shared mapping."
    },
    {
      "code": 102,
      "name": "mem_snapshot_missing",
      "category": "memory",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No snapshot in that slot."
    },
    {
      "code": 103,
      "name": "mem_persistent_corrupt",
      "category": "memory",
      "severity": "error",
      "retryable": false,
      "escalation": "supervisor",
      "doc": "No valid flash copy of a persistent region could be read."
    },
    {
      "code": 104,
      "name": "mem_flash_failed",
      "category": "memory",
      "severity": "error",
      "retryable": true,
      "escalation": "supervisor",
      "doc": "A flash erase or write failed."
    },
    {
      "code": 112,
      "name": "fault_quarantined",
      "category": "fault",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "The agent is quarantined after faults."
    },
    {
      "code": 113,
      "name": "fault_restart_limit",
      "category": "fault",
      "severity": "critical",
      "retryable": false,
      "escalation": "supervisor",
      "doc": "The agent faulted more often than its restart threshold allows."
    },
    {
      "code": 120,
      "name": "bus_empty",
      "category": "event_bus",
      "severity": "debug",
      "retryable": true,
      "escalation": "none",
      "doc": "No event is waiting on the subscription."
    },
    {
      "code": 121,
      "name": "bus_subscription_invalid",
      "category": "event_bus",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No such subscription for the caller, or the subscription table is full."
    },
    {
      "code": 128,
      "name": "svc_invalid",
      "category": "service",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No such service, or the manifest is malformed."
    },
    {
      "code": 129,
      "name": "svc_dependency_failed",
      "category": "service",
      "severity": "error",
      "retryable": true,
      "escalation": "none",
      "doc": "A service this one depends on is not running."
    },
    {
      "code": 130,
      "name": "svc_dependency_cycle",
      "category": "service",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "The manifests' dependencies form a cycle."
    },
    {
      "code": 131,
      "name": "svc_attestation_failed",
      "category": "service",
      "severity": "critical",
      "retryable": false,
      "escalation": "supervisor",
      "doc": "The image's SHA-256 does not match the manifest."
    },
    {
      "code": 132,
      "name": "svc_caps_insufficient",
      "category": "service",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "The manifest requires capability flags initd may not grant."
    },
    {
      "code": 133,
      "name": "svc_restart_intensity",
      "category": "service",
      "severity": "critical",
      "retryable": false,
      "escalation": "supervisor",
      "doc": "The service failed more often than its restart intensity allows."
    },
    {
      "code": 134,
      "name": "svc_health_failed",
      "category": "service",
      "severity": "error",
      "retryable": true,
      "escalation": "none",
      "doc": "The service reported unhealthy or did not answer a health check in time."
    },
    {
      "code": 135,
      "name": "svc_watchdog_expired",
      "category": "service",
      "severity": "error",
      "retryable": true,
      "escalation": "none",
      "doc": "The service did not kick its software watchdog in time."
    },
    {
      "code": 144,
      "name": "syscall_unknown",
      "category": "system",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "The syscall number is not in the agent ABI."
    },
    {
      "code": 160,
      "name": "image_bad_crc",
      "category": "image",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "An image chunk's data did not match its CRC-32; send it again."
    },
    {
      "code": 161,
      "name": "image_bad_offset",
      "category": "image",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "An image chunk did not start where the staged bytes end; resume from image_progress received."
    },
    {
      "code": 162,
      "name": "image_too_large",
      "category": "image",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "The image, its name, version or manifest is larger than the store takes."
    },
    {
      "code": 163,
      "name": "image_bad_signature",
      "category": "image",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "The staged image's Ed25519 signature does not verify with the project key; nothing was installed."
    },
    {
      "code": 164,
      "name": "image_bad_digest",
      "category": "image",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "The staged image's SHA-256 differs from the one announced; nothing was installed."
    },
    {
      "code": 165,
      "name": "image_unknown",
      "category": "image",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No installed image has that name."
    },
    {
      "code": 166,
      "name": "image_store_full",
      "category": "image",
      "severity": "error",
      "retryable": false,
      "escalation": "none",
      "doc": "Every store slot holds an installed image; remove one first."
    },
    {
      "code": 167,
      "name": "image_no_install",
      "category": "image",
      "severity": "warning",
      "retryable": false,
      "escalation": "none",
      "doc": "No install is in progress (image_begin first), or the commit names another image."
    },
    {
      "code": 168,
      "name": "image_incomplete",
      "category": "image",
      "severity": "warning",
      "retryable": true,
      "escalation": "none",
      "doc": "Commit before every byte of the image arrived; send the rest."
    },
    {
      "code": 169,
      "name": "image_store_failed",
      "category": "image",
      "severity": "error",
      "retryable": true,
      "escalation": "none",
      "doc": "The store's flash could not be read, erased or programmed, or the board has no room for it."
    }
  ]
};
