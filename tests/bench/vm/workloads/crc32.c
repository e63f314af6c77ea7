/* Table-driven CRC-32 over a pseudo-random buffer, n passes. */
#include "bench.h"

#define LEN (256u * 1024u)
static uint8_t data[LEN];
static uint32_t table[256];

BENCH_EXPORT uint32_t bench(uint32_t n)
{
    uint32_t s = 7, crc = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    for (uint32_t i = 0; i < LEN; i++)
        data[i] = (uint8_t)(bench_rand(&s) >> 24);
    for (uint32_t pass = 0; pass < n; pass++)
        for (uint32_t i = 0; i < LEN; i++)
            crc = table[(crc ^ data[i]) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}
