/**
 * platformio.ini against the CMake build: for each environment, CMake is configured for the
 * same board and its aios-build.json (firmware/cmake/build-manifest.cmake) gives the sources,
 * include directories, defines and flags it uses; the environment must name exactly those, and
 * every file it names must exist.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { boardsDir, listBoards, loadBoard } from "../../host-tools/src/boards.ts";
import { firmwareDir, repoRoot } from "../../host-tools/src/paths.ts";
import { iniValue, parseIni } from "./ini.ts";

interface BuildManifest {
  sources: string[];
  generatedSources: string[];
  includeDirs: string[];
  defines: string[];
  compileFlags: string[];
  linkFlags: string[];
}

const ini = parseIni(readFileSync(join(repoRoot, "platformio.ini"), "utf8"));
const environments = [...ini.keys()].filter((s) => s.startsWith("env:")).map((s) => s.slice(4));
const scratch = mkdtempSync(join(tmpdir(), "aios-platformio-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Configures (does not build) CMake for `board` and reads the manifest it writes. */
function cmakeManifest(board: string): BuildManifest {
  const dir = join(scratch, board);
  const configure = spawnSync("cmake", ["-S", firmwareDir, "-B", dir, `-DAIOS_BOARD=${board}`], {
    encoding: "utf8",
  });
  if (configure.status !== 0) throw new Error(`cmake for ${board} failed:\n${configure.stderr}`);
  return JSON.parse(readFileSync(join(dir, "aios-build.json"), "utf8")) as BuildManifest;
}

/** Flags as words, with `-D X` and `-I X` joined and `\"` unescaped, as the compiler sees them. */
function words(value: string | undefined): string[] {
  const out: string[] = [];
  const tokens = (value ?? "").split(/\s+/).filter((t) => t !== "");
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const joined = (token === "-D" || token === "-I") && i + 1 < tokens.length;
    out.push((joined ? `${token}${tokens[++i]}` : token).replaceAll('\\"', '"'));
  }
  return out;
}

const sorted = (items: Iterable<string>): string[] => [...new Set(items)].sort();

describe("platformio.ini", () => {
  it("has an environment for every board a user flashes by hand", () => {
    const real = listBoards().filter((b) => ["uf2", "openocd"].includes(loadBoard(b).flash.method));
    expect(real.length).toBeGreaterThan(0);
    const named = environments.map((e) => iniValue(ini, `env:${e}`, "custom_aios_board"));
    expect(named).toEqual(expect.arrayContaining(real));
  });
});

describe.each(environments)("[env:%s]", (environment) => {
  const section = `env:${environment}`;
  const get = (key: string) => iniValue(ini, section, key);
  const board = get("custom_aios_board") ?? "";
  const filter = words(get("build_src_filter"));
  const sources = filter.filter((w) => w.startsWith("+<")).map((w) => w.slice(2, -1));
  const buildFlags = words(get("build_flags"));
  const ldscript = get("board_build.ldscript");
  const linkFlags = [...words(get("custom_link_flags")), ...(ldscript ? [`-T${ldscript}`] : [])];
  let manifest: BuildManifest;

  it("names a board of this tree", () => {
    expect(existsSync(join(boardsDir, board, "board.json"))).toBe(true);
    manifest = cmakeManifest(board);
  });

  it("names only files and directories that exist", () => {
    const scripts = words(get("extra_scripts")).map((s) => s.replace(/^(pre|post):/, ""));
    const includes = buildFlags.filter((f) => f.startsWith("-I")).map((f) => f.slice(2));
    const named = [...sources, ...includes, ...scripts];
    for (const key of ["board_build.ldscript", "custom_boot2", "custom_boot2_ldscript"]) {
      const path = get(key);
      if (path !== undefined) named.push(path);
    }
    for (const path of named) expect(existsSync(join(repoRoot, path)), path).toBe(true);
  });

  it("builds exactly the sources the CMake build compiles", () => {
    expect(filter[0]).toBe("-<*>");
    expect(sorted(sources)).toEqual(sorted(manifest.sources));
  });

  it("passes the same include directories, defines and compiler flags", () => {
    const expected = [
      ...manifest.compileFlags,
      ...manifest.defines.map((d) => `-D${d}`),
      ...manifest.includeDirs.map((d) => `-I${d}`),
    ];
    expect(sorted(buildFlags)).toEqual(sorted(expected));
  });

  it("links with the same linker script and flags (CPU flags included, as CMake links)", () => {
    const cpu = manifest.compileFlags.filter((f) => f.startsWith("-m"));
    expect(sorted(linkFlags)).toEqual(sorted([...manifest.linkFlags, ...cpu]));
  });

  it("produces each file the CMake build generates (the RP2040 boot2 image)", () => {
    const boot2 = get("custom_boot2");
    const produced = boot2 ? [`${boot2.replace(/^.*\//, "").replace(/\.c$/, "")}_image.c`] : [];
    expect(sorted(produced)).toEqual(sorted(manifest.generatedSources));
  });
});
