/* Sieve of Eratosthenes over n bytes: byte loads/stores in tight loops. */
#include "bench.h"

#define MAX 4000000u
static uint8_t composite[MAX];

BENCH_EXPORT uint32_t bench(uint32_t n)
{
    uint32_t count = 0;
    if (n > MAX)
        n = MAX;
    for (uint32_t i = 0; i < n; i++)
        composite[i] = 0;
    for (uint32_t i = 2; i < n; i++) {
        if (composite[i])
            continue;
        count++;
        for (uint32_t j = i + i; j < n; j += i)
            composite[j] = 1;
    }
    return count;
}
