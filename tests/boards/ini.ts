/**
 * The subset of INI that platformio.ini uses: [sections], `key = value`, values continued on
 * indented lines, `;` and `#` comment lines, and `${section.key}` references to other values.
 */
export type Ini = Map<string, Map<string, string>>;

export function parseIni(text: string): Ini {
  const ini: Ini = new Map();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith(";") || trimmed.startsWith("#")) continue;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header?.[1] !== undefined) {
      section = new Map();
      ini.set(header[1], section);
      key = undefined;
    } else if (/^\s/.test(line) && section !== undefined && key !== undefined) {
      section.set(key, `${section.get(key) ?? ""}\n${trimmed}`);
    } else {
      const at = line.indexOf("=");
      if (at < 0 || section === undefined) throw new Error(`cannot parse INI line: ${line}`);
      key = line.slice(0, at).trim();
      section.set(key, line.slice(at + 1).trim());
    }
  }
  return ini;
}

/** The value of `key` in `section` with every `${section.key}` reference replaced. */
export function iniValue(ini: Ini, section: string, key: string, depth = 0): string | undefined {
  const value = ini.get(section)?.get(key);
  if (value === undefined || depth > 10) return value;
  return value.replace(/\$\{([^.}]+)\.([^}]+)\}/g, (_, s: string, k: string) => {
    const referenced = iniValue(ini, s, k, depth + 1);
    if (referenced === undefined) throw new Error(`platformio.ini: \${${s}.${k}} is not defined`);
    return referenced;
  });
}
