# PlatformIO extra script (extra_scripts = pre:boards/common/platformio_board.py) for the AIOS
# environments in platformio.ini. It adds what build_flags cannot express:
#   custom_link_flags      flags for the link step (PlatformIO passes only -Wl, flags there)
#   custom_boot2           the RP2040 second-stage loader: built with custom_boot2_ldscript,
#                          padded and given its CRC-32 by firmware/cmake/rp2040-boot2.cmake
#                          (the CMake build's own script), then linked into the image
import os
import subprocess

Import("env")  # noqa: F821 (provided by PlatformIO's SCons)

project = env.subst("$PROJECT_DIR")
link_flags = env.GetProjectOption("custom_link_flags", "").split()
env.Append(LINKFLAGS=link_flags)

boot2 = env.GetProjectOption("custom_boot2", "")
if boot2:
    name = os.path.splitext(os.path.basename(boot2))[0]
    out = os.path.join(env.subst("$BUILD_DIR"), "boot2")
    os.makedirs(out, exist_ok=True)
    elf = os.path.join(out, name + ".elf")
    binary = os.path.join(out, name + ".bin")
    cpu = [flag for flag in link_flags if flag.startswith("-m")]
    script = os.path.join(project, env.GetProjectOption("custom_boot2_ldscript"))
    subprocess.run(
        [env.subst("$CC"), *cpu, "-Os", "-std=c99", "-Wall", "-Wextra", "-Werror",
         "-nostartfiles", "-nostdlib", "-T", script, "-o", elf, os.path.join(project, boot2)],
        check=True)
    subprocess.run([env.subst("$OBJCOPY"), "-O", "binary", elf, binary], check=True)
    sources = os.path.join(out, "src")
    os.makedirs(sources, exist_ok=True)
    subprocess.run(
        ["cmake", "-DBOOT2_BIN=" + binary,
         "-DBOOT2_C=" + os.path.join(sources, name + "_image.c"),
         "-P", os.path.join(project, "firmware", "cmake", "rp2040-boot2.cmake")],
        check=True)
    env.BuildSources(os.path.join(out, "build"), sources)
