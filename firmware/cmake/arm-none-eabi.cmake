# Cross toolchain for Cortex-M boards: Debian's gcc-arm-none-eabi with newlib.
# AIOS_CPU (cortex-m0plus, cortex-m3, cortex-m4, cortex-m7, cortex-m33) selects -mcpu and the FPU.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_OBJCOPY arm-none-eabi-objcopy CACHE FILEPATH "objcopy")
set(CMAKE_SIZE arm-none-eabi-size CACHE FILEPATH "size")
# Try-compiles cannot link without a board linker script.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

if(NOT AIOS_CPU)
  set(AIOS_CPU cortex-m4)
endif()
set(AIOS_CPU ${AIOS_CPU} CACHE STRING "Cortex-M core to build for")

if(AIOS_CPU STREQUAL "cortex-m4")
  set(aios_cpu_flags "-mcpu=cortex-m4 -mfloat-abi=hard -mfpu=fpv4-sp-d16")
elseif(AIOS_CPU STREQUAL "cortex-m7")
  set(aios_cpu_flags "-mcpu=cortex-m7 -mfloat-abi=hard -mfpu=fpv5-d16")
elseif(AIOS_CPU STREQUAL "cortex-m33")
  set(aios_cpu_flags "-mcpu=cortex-m33 -mfloat-abi=hard -mfpu=fpv5-sp-d16")
else()
  set(aios_cpu_flags "-mcpu=${AIOS_CPU} -mfloat-abi=soft")
endif()

set(CMAKE_C_FLAGS_INIT "${aios_cpu_flags} -mthumb -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${aios_cpu_flags} -mthumb")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,--gc-sections --specs=nano.specs --specs=nosys.specs")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
