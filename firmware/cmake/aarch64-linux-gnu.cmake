# Cross toolchain for boards that run AIOS as a Linux process on 64-bit Arm (the Raspberry Pi):
# Debian's gcc-aarch64-linux-gnu with its C library in /usr/aarch64-linux-gnu. On an aarch64
# Debian or Raspberry Pi OS machine the same compiler name is the native gcc, so this file
# works there too.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# What runs the result on another architecture: user-mode QEMU with the target's libraries.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/aarch64-linux-gnu)
