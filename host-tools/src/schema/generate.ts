/**
 * Writes the C, AssemblyScript and TypeScript definitions of the schema. Output is a pure function
 * of the schema so the drift test can regenerate in memory and compare with the files on disk.
 */
import type { ErrorSpec, FieldSpec, FieldType, FrameTypeSpec, Schema } from "./schema.ts";

export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  content: string;
}

const banner = (comment: string) =>
  `${comment} Generated from firmware/core/schema/aios.schema.json by \`npm run generate\`. Do not edit.\n`;

const upper = (name: string) => name.toUpperCase();
const pascal = (name: string) =>
  name
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

const cParamType: Record<FieldType, string> = {
  u8: "uint8_t",
  u16: "uint16_t",
  u32: "uint32_t",
  i32: "int32_t",
  varuint: "uint64_t",
  str: "const char *",
  bytes: "aios_span_t",
};

const cFieldType: Record<FieldType, string> = { ...cParamType, str: "aios_span_t" };

function cParams(fields: FieldSpec[]): string {
  return fields
    .map((f) => `${cParamType[f.type]}${f.type === "str" ? "" : " "}${f.name}`)
    .join(", ");
}

function cHeader(schema: Schema): string {
  const lines: string[] = [banner("/*").replace(/\n$/, " */\n")];
  lines.push("#ifndef AIOS_GENERATED_PROTOCOL_H", "#define AIOS_GENERATED_PROTOCOL_H", "");
  lines.push('#include "aios/wire.h"', "#include <stdbool.h>", "#include <stdint.h>", "");
  lines.push(`#define AIOS_PROTOCOL_VERSION ${schema.protocol.version}u`);
  lines.push(`#define AIOS_MAX_FRAME_BYTES ${schema.protocol.maxFrameBytes}u`);
  lines.push(`#define AIOS_MAX_PAYLOAD_BYTES ${schema.protocol.maxPayloadBytes}u`, "");
  for (const [name, values] of Object.entries(schema.enums)) {
    lines.push(`typedef enum {`);
    values.forEach((value, index) => {
      lines.push(`    AIOS_${upper(name)}_${upper(value)} = ${index},`);
    });
    lines.push(`} aios_${name}_t;`, "");
  }
  lines.push("typedef enum {");
  for (const frame of [...schema.events, ...schema.commands]) {
    lines.push(`    AIOS_FRAME_${upper(frame.name)} = ${frame.id},`);
  }
  lines.push("} aios_frame_type_t;", "");
  lines.push("typedef enum {");
  for (const error of schema.errors)
    lines.push(`    AIOS_ERR_${upper(error.name)} = ${error.code},`);
  lines.push("} aios_error_t;", "");
  lines.push(
    "typedef struct {",
    "    uint16_t code;",
    "    uint8_t category;   /* aios_error_category_t */",
    "    uint8_t severity;   /* aios_severity_t */",
    "    uint8_t escalation; /* aios_escalation_t */",
    "    bool retryable;",
    "    const char *name;",
    "} aios_error_info_t;",
    "",
    "/* The error table entry for `code`, or NULL when the code is not in the table. */",
    "const aios_error_info_t *aios_error_info(uint16_t code);",
    "",
  );
  for (const event of schema.events) {
    lines.push(`/* ${event.doc} */`);
    lines.push(`bool aios_encode_${event.name}(aios_writer_t *w, ${cParams(event.fields)});`, "");
  }
  for (const command of schema.commands) {
    // C99 has no empty structs: a command without fields only checks its payload is empty.
    if (command.fields.length === 0) {
      lines.push(`/* ${command.doc} */`, `bool aios_decode_${command.name}(aios_reader_t *r);`, "");
      continue;
    }
    lines.push(`/* ${command.doc} */`, "typedef struct {");
    for (const f of command.fields) lines.push(`    ${cFieldType[f.type]} ${f.name};`);
    lines.push(`} aios_cmd_${command.name}_t;`);
    lines.push(
      `bool aios_decode_${command.name}(aios_reader_t *r, aios_cmd_${command.name}_t *out);`,
      "",
    );
  }
  lines.push("#endif", "");
  return lines.join("\n");
}

const cPut: Record<FieldType, (name: string) => string> = {
  u8: (n) => `aios_put_u8(w, ${n})`,
  u16: (n) => `aios_put_u16(w, ${n})`,
  u32: (n) => `aios_put_u32(w, ${n})`,
  i32: (n) => `aios_put_u32(w, (uint32_t)${n})`,
  varuint: (n) => `aios_put_varuint(w, ${n})`,
  str: (n) => `aios_put_str(w, ${n})`,
  bytes: (n) => `aios_put_bytes(w, ${n}.data, ${n}.length)`,
};

const cGet: Record<FieldType, string> = {
  u8: "aios_get_u8(r)",
  u16: "aios_get_u16(r)",
  u32: "aios_get_u32(r)",
  i32: "(int32_t)aios_get_u32(r)",
  varuint: "aios_get_varuint(r)",
  str: "aios_get_span(r)",
  bytes: "aios_get_span(r)",
};

function cSource(schema: Schema): string {
  const lines: string[] = [banner("/*").replace(/\n$/, " */\n")];
  lines.push('#include "aios/generated/protocol.h"', "", "#include <stddef.h>", "");
  lines.push("static const aios_error_info_t error_table[] = {");
  for (const e of schema.errors) {
    lines.push(
      `    {${e.code}, AIOS_ERROR_CATEGORY_${upper(e.category)}, AIOS_SEVERITY_${upper(e.severity)}, ` +
        `AIOS_ESCALATION_${upper(e.escalation)}, ${e.retryable}, "${e.name}"},`,
    );
  }
  lines.push("};", "");
  lines.push(
    "const aios_error_info_t *aios_error_info(uint16_t code)",
    "{",
    "    for (size_t i = 0; i < sizeof error_table / sizeof error_table[0]; i++) {",
    "        if (error_table[i].code == code) {",
    "            return &error_table[i];",
    "        }",
    "    }",
    "    return NULL;",
    "}",
    "",
  );
  for (const event of schema.events) {
    lines.push(`bool aios_encode_${event.name}(aios_writer_t *w, ${cParams(event.fields)})`, "{");
    for (const f of event.fields) lines.push(`    ${cPut[f.type](f.name)};`);
    lines.push("    return !w->overflow;", "}", "");
  }
  for (const command of schema.commands) {
    if (command.fields.length === 0) {
      lines.push(
        `bool aios_decode_${command.name}(aios_reader_t *r)`,
        "{",
        "    return r->offset == r->length;",
        "}",
        "",
      );
      continue;
    }
    lines.push(
      `bool aios_decode_${command.name}(aios_reader_t *r, aios_cmd_${command.name}_t *out)`,
      "{",
    );
    for (const f of command.fields) lines.push(`    out->${f.name} = ${cGet[f.type]};`);
    lines.push("    return !r->error && r->offset == r->length;", "}", "");
  }
  return lines.join("\n");
}

function asSource(schema: Schema): string {
  const lines: string[] = [banner("//")];
  lines.push(`export const PROTOCOL_VERSION: u8 = ${schema.protocol.version};`);
  lines.push(`export const MAX_PAYLOAD_BYTES: i32 = ${schema.protocol.maxPayloadBytes};`, "");
  for (const [name, values] of Object.entries(schema.enums)) {
    lines.push(`export enum ${pascal(name)} {`);
    values.forEach((value, index) => {
      lines.push(`  ${pascal(value)} = ${index},`);
    });
    lines.push("}", "");
  }
  lines.push("export enum FrameType {");
  for (const frame of [...schema.events, ...schema.commands])
    lines.push(`  ${pascal(frame.name)} = ${frame.id},`);
  lines.push("}", "");
  lines.push("export enum ErrorCode {");
  for (const e of schema.errors) lines.push(`  ${pascal(e.name)} = ${e.code},`);
  lines.push("}", "");
  const column = (title: string, pick: (e: ErrorSpec) => string) => {
    lines.push(`export function ${title}(code: ErrorCode): u8 {`, "  switch (code) {");
    for (const e of schema.errors)
      lines.push(`    case ErrorCode.${pascal(e.name)}: return ${pick(e)};`);
    lines.push("    default: return 0xff;", "  }", "}", "");
  };
  const index = (enumName: string, value: string) => `${schema.enums[enumName]?.indexOf(value)}`;
  column("errorCategory", (e) => index("error_category", e.category));
  column("errorSeverity", (e) => index("severity", e.severity));
  column("errorEscalation", (e) => index("escalation", e.escalation));
  column("errorRetryable", (e) => (e.retryable ? "1" : "0"));
  return lines.join("\n");
}

function tsSource(schema: Schema): string {
  const frame = (f: FrameTypeSpec) => ({ ...f });
  const data = {
    protocol: schema.protocol,
    enums: schema.enums,
    events: schema.events.map(frame),
    commands: schema.commands.map(frame),
    errors: schema.errors,
  };
  return [
    banner("//"),
    'import type { Schema } from "../../schema/schema.ts";',
    "",
    `export const schema: Schema = ${JSON.stringify(data, null, 2)};`,
    "",
  ].join("\n");
}

export function generate(schema: Schema): GeneratedFile[] {
  return [
    { path: "firmware/core/include/aios/generated/protocol.h", content: cHeader(schema) },
    { path: "firmware/core/src/generated/protocol.c", content: cSource(schema) },
    { path: "firmware/kernel/generated/protocol.ts", content: asSource(schema) },
    { path: "host-tools/src/protocol/generated/schema.ts", content: tsSource(schema) },
  ];
}
