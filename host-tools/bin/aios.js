#!/usr/bin/env node
// Entry point of the `aios` CLI. The tools are TypeScript run through tsx, so a clone works
// with no compile step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv);
