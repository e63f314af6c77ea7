/**
 * CRC-32 as the RP2040 boot ROM checks boot2: polynomial 0x04C11DB7, initial value 0xFFFFFFFF,
 * bits not reflected, no final XOR (the "MPEG-2" variant; node:zlib's crc32 is the reflected
 * one). Written here independently of firmware/cmake/rp2040-boot2.cmake so the test checks it.
 */
export function crc32Mpeg2(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    }
  }
  return crc >>> 0;
}
