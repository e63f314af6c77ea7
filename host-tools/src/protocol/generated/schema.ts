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
      "system"
    ],
    "escalation": [
      "none",
      "agent",
      "supervisor",
      "board_reset"
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
    }
  ]
};
