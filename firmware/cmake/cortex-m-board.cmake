# What a Cortex-M board's board.json means to the build, in one place (hal/CMakeLists.txt
# includes this with AIOS_BOARD_JSON already read):
#   aios_board_hal_sources   the UART driver ("uart": {"driver"}) and the chip bring-up ("soc")
#   aios_board_hal_defines   AIOS_CPU_HZ, AIOS_IRQ_COUNT, AIOS_UNMAPPED_ADDRESS, AIOS_UART_*,
#                            AIOS_SOC_INIT when the board names a soc
#   aios_board_link_options  the memory regions and stack size as linker symbols, which
#                            boards/common/cortex-m.ld turns into MEMORY, so the image links
#                            against the board's true flash and RAM sizes
# and aios_board_image_steps(<elf>) adds what the board's boot path needs beyond the ELF: the
# RP2040 second-stage loader ("boot2") and the UF2 file ("uf2").

# rxIrq -> RX_IRQ, clockHz -> CLOCK_HZ.
function(aios_macro_name key out)
  string(REGEX REPLACE "([a-z0-9])([A-Z])" "\\1_\\2" snake "${key}")
  string(TOUPPER "${snake}" upper)
  set(${out} "${upper}" PARENT_SCOPE)
endfunction()

# Every number (or "0x..." string) in board.json "uart" becomes AIOS_UART_<KEY>, and in its
# "pins" object AIOS_UART_PINS_<KEY>: the driver and the chip bring-up take what they need.
# Text ("driver", "what") is not a define.
function(aios_uart_defines json out)
  set(defines "")
  string(JSON count LENGTH "${json}" uart)
  math(EXPR last "${count} - 1")
  foreach(index RANGE ${last})
    string(JSON key MEMBER "${json}" uart ${index})
    string(JSON type TYPE "${json}" uart ${key})
    aios_macro_name("${key}" name)
    if(type STREQUAL "OBJECT")
      string(JSON inner_count LENGTH "${json}" uart ${key})
      math(EXPR inner_last "${inner_count} - 1")
      foreach(inner_index RANGE ${inner_last})
        string(JSON inner_key MEMBER "${json}" uart ${key} ${inner_index})
        string(JSON value GET "${json}" uart ${key} ${inner_key})
        if(value MATCHES "^(0x[0-9a-fA-F]+|[0-9]+)$")
          aios_macro_name("${inner_key}" inner_name)
          list(APPEND defines "AIOS_UART_${name}_${inner_name}=${value}u")
        endif()
      endforeach()
    else()
      string(JSON value GET "${json}" uart ${key})
      if(value MATCHES "^(0x[0-9a-fA-F]+|[0-9]+)$")
        list(APPEND defines "AIOS_UART_${name}=${value}u")
      endif()
    endif()
  endforeach()
  set(${out} "${defines}" PARENT_SCOPE)
endfunction()

string(JSON aios_uart_driver GET "${AIOS_BOARD_JSON}" uart driver)
set(aios_board_hal_sources "cortex-m/uart_${aios_uart_driver}.c")
string(JSON aios_soc ERROR_VARIABLE no_soc GET "${AIOS_BOARD_JSON}" soc)
set(soc_defines "")
if(NOT no_soc)
  list(APPEND aios_board_hal_sources "cortex-m/soc_${aios_soc}.c")
  set(soc_defines AIOS_SOC_INIT=1)
endif()

string(JSON clock_hz GET "${AIOS_BOARD_JSON}" clockHz)
string(JSON irq_count GET "${AIOS_BOARD_JSON}" irqCount)
string(JSON unmapped GET "${AIOS_BOARD_JSON}" unmappedAddress)
aios_uart_defines("${AIOS_BOARD_JSON}" uart_defines)
set(aios_board_hal_defines
  AIOS_CPU_HZ=${clock_hz}u
  AIOS_IRQ_COUNT=${irq_count}u
  AIOS_UNMAPPED_ADDRESS=${unmapped}u
  ${soc_defines}
  ${uart_defines})

string(JSON flash_origin GET "${AIOS_BOARD_JSON}" memory flash origin)
string(JSON flash_length GET "${AIOS_BOARD_JSON}" memory flash length)
string(JSON ram_origin GET "${AIOS_BOARD_JSON}" memory ram origin)
string(JSON ram_length GET "${AIOS_BOARD_JSON}" memory ram length)
string(JSON stack_bytes GET "${AIOS_BOARD_JSON}" stackBytes)
set(aios_board_link_options
  -Wl,--defsym=AIOS_FLASH_ORIGIN=${flash_origin}
  -Wl,--defsym=AIOS_FLASH_LENGTH=${flash_length}
  -Wl,--defsym=AIOS_RAM_ORIGIN=${ram_origin}
  -Wl,--defsym=AIOS_RAM_LENGTH=${ram_length}
  -Wl,--defsym=AIOS_STACK_BYTES=${stack_bytes})

# AIOS_IMAGE_OVERSIZE_BYTES adds a constant table of that many bytes to the image. Only the
# build tests set it, to prove that an image larger than the board's flash fails to link.
set(AIOS_IMAGE_OVERSIZE_BYTES "0" CACHE STRING "Test only: bytes of padding added to the image")

function(aios_board_image_steps firmware)
  get_filename_component(name "${firmware}" NAME_WE)
  if(NOT AIOS_IMAGE_OVERSIZE_BYTES STREQUAL "0")
    set(padding "${CMAKE_BINARY_DIR}/oversize.c")
    file(WRITE "${padding}"
      "/* Generated for the oversize build test: AIOS_IMAGE_OVERSIZE_BYTES of flash. */\n"
      "const unsigned char aios_oversize_padding[${AIOS_IMAGE_OVERSIZE_BYTES}] "
      "__attribute__((used)) = {1};\n")
    target_sources(${firmware} PRIVATE "${padding}")
    target_link_options(${firmware} PRIVATE -Wl,--undefined=aios_oversize_padding)
  endif()

  string(JSON boot2 ERROR_VARIABLE no_boot2 GET "${AIOS_BOARD_JSON}" boot2)
  if(NOT no_boot2)
    include("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/rp2040-boot2.cmake")
    aios_rp2040_boot2(${firmware} "${boot2}")
  endif()

  string(JSON family ERROR_VARIABLE no_uf2 GET "${AIOS_BOARD_JSON}" uf2 familyId)
  if(NOT no_uf2)
    find_program(AIOS_NODE node REQUIRED)
    add_custom_command(TARGET ${firmware} POST_BUILD
      COMMAND "${AIOS_NODE}" --import tsx "${AIOS_ROOT}/host-tools/src/build/uf2.ts"
        "${CMAKE_BINARY_DIR}/${name}.bin" "${flash_origin}" "${family}"
        "${CMAKE_BINARY_DIR}/${name}.uf2"
      WORKING_DIRECTORY "${AIOS_ROOT}"
      COMMENT "UF2 image ${name}.uf2 (family ${family})"
      VERBATIM)
  endif()
endfunction()
