# PlatformIO extra script (extra_scripts = pre:boards/common/platformio_board.py) for the AIOS
# environments in platformio.ini. It adds what build_flags cannot express:
#   custom_link_flags      flags for the link step (PlatformIO passes only -Wl, flags there)
#   custom_source_flags    one line per source, "path flag...": flags CMake gives that source
#                          alone (its COMPILE_OPTIONS and COMPILE_DEFINITIONS properties)
#   the Wasm images        kernel.wasm and the agents of agents/images.json, built as `aios build`
#                          builds them (host-tools/src/build/wasm.ts), then images.S and
#                          images_table.c written by firmware/cmake/images.cmake, the script the
#                          CMake build uses, and compiled into the image
#   custom_boot2           the RP2040 second-stage loader: built with custom_boot2_ldscript,
#                          padded and given its CRC-32 by firmware/cmake/rp2040-boot2.cmake
#                          (the CMake build's own script), then linked into the image
# It runs before the platform's builder has chosen the compiler, so whatever needs $CC is a
# build step, expanded when it runs.
import json
import os
import subprocess

Import("env")  # noqa: F821 (provided by PlatformIO's SCons)

project = env.subst("$PROJECT_DIR")
build_dir = env.subst("$BUILD_DIR")
link_flags = env.GetProjectOption("custom_link_flags", "").split()
env.Append(LINKFLAGS=link_flags)
cpu = [flag for flag in link_flags if flag.startswith("-m")]


def add_object(node):
    env.Append(PIOBUILDFILES=[node])


source_flags = {}
for line in env.GetProjectOption("custom_source_flags", "").splitlines():
    words = line.split()
    if words:
        source_flags[words[0]] = words[1:]


def with_source_flags(build_env, node):
    flags = source_flags.get(os.path.relpath(node.srcnode().get_abspath(), project))
    return build_env.Object(node, CCFLAGS=build_env["CCFLAGS"] + flags) if flags else node


if source_flags:
    env.AddBuildMiddleware(with_source_flags)


# The Wasm images, as at the CMake build's configure step: built first (each is rebuilt only
# when its sources are newer), then the two generated sources. A host build (platform native)
# links with this machine's toolchain, which wants the GNU-stack note.
subprocess.run(
    ["node", "--import", "tsx", "--input-type=module", "-e",
     'import { buildWasm } from "./host-tools/src/build/wasm.ts"; await buildWasm();'],
    cwd=project, check=True)
images = os.path.join(build_dir, "images")
host = "ON" if env.GetProjectOption("platform") == "native" else "OFF"
subprocess.run(
    ["cmake", "-DAIOS_ROOT=" + project, "-DAIOS_IMAGES_DIR=" + images, "-DAIOS_IMAGES_HOST=" + host,
     "-P", os.path.join(project, "firmware", "cmake", "images.cmake")],
    check=True)
with open(os.path.join(project, "agents", "images.json"), encoding="utf8") as listing:
    agents = json.load(listing)["images"]
wasm = [os.path.join(project, "build", "kernel", "kernel.wasm")]
wasm += [os.path.join(project, "build", "agents", agent + ".wasm") for agent in agents]
images_object = env.Command(
    os.path.join(images, "images.S.o"), os.path.join(images, "images.S"),
    "$CC " + " ".join(cpu) + " -c -o $TARGET $SOURCE")
# The assembler reads the images through .incbin, which no scanner sees.
env.Depends(images_object, wasm)
add_object(images_object)
add_object(env.Object(os.path.join(images, "images_table.c.o"),
                      os.path.join(images, "images_table.c")))

boot2 = env.GetProjectOption("custom_boot2", "")
if boot2:
    name = os.path.splitext(os.path.basename(boot2))[0]
    out = os.path.join(build_dir, "boot2")
    script = os.path.join(project, env.GetProjectOption("custom_boot2_ldscript"))
    elf = env.Command(
        os.path.join(out, name + ".elf"), os.path.join(project, boot2),
        "$CC " + " ".join(cpu) + " -Os -std=c99 -Wall -Wextra -Werror -nostartfiles -nostdlib"
        " -T " + script + " -o $TARGET $SOURCE")
    env.Depends(elf, script)
    binary = env.Command(os.path.join(out, name + ".bin"), elf, "$OBJCOPY -O binary $SOURCE $TARGET")
    image = env.Command(
        os.path.join(out, name + "_image.c"), binary,
        "cmake -DBOOT2_BIN=$SOURCE -DBOOT2_C=$TARGET -P "
        + os.path.join(project, "firmware", "cmake", "rp2040-boot2.cmake"))
    add_object(env.Object(os.path.join(out, name + "_image.c.o"), image))
