/**
 * Prepares an agent image for Node's WebAssembly engine, which cannot be asked what a VM can:
 *  - every `memory.grow` becomes a call to `aios_sim.memory_grow`, so the kernel's quota decides
 *    growth as it does on the device (a refusal makes memory.grow return -1, as Wasm specifies);
 *  - every mutable global is exported, so snapshot, clone and upgrade can carry an instance's
 *    whole state, not only its memory.
 * The image's SHA-256 (attestation) is always taken over the bytes as installed, not these.
 * Binaryen may use any feature here: the rewritten module only ever runs in Node.
 */
import binaryen from "binaryen";

export const GLOBAL_PREFIX = "__aios_global_";

export function instrument(image: Uint8Array): Uint8Array<ArrayBuffer> {
  const module = binaryen.readBinary(image);
  module.setFeatures(binaryen.Features.All);
  for (let i = 0; i < module.getNumGlobals(); i++) {
    const info = binaryen.getGlobalInfo(module.getGlobalByIndex(i));
    if (info.mutable && info.module === "")
      module.addGlobalExport(info.name, `${GLOBAL_PREFIX}${i}`);
  }
  let text = module.emitText();
  module.dispose();
  if (/\(memory\.grow/.test(text)) {
    text = text.replace(/\(memory\.grow( \$[^\s()]+)?/g, "(call $aios_sim_memory_grow");
    text = text.replace(
      /^\(module\n/,
      '(module\n (import "aios_sim" "memory_grow" (func $aios_sim_memory_grow (param i32) (result i32)))\n',
    );
  }
  const rebuilt = binaryen.parseText(text);
  rebuilt.setFeatures(binaryen.Features.All);
  if (!rebuilt.validate()) throw new Error("instrumented agent image does not validate");
  const binary = new Uint8Array(rebuilt.emitBinary());
  rebuilt.dispose();
  return binary;
}
