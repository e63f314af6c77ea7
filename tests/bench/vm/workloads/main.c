/* Native driver: bench(n) once, timed; prints "<checksum> <milliseconds>". */
#define _POSIX_C_SOURCE 199309L
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
    struct timespec t0, t1;
    uint32_t n = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 0) : 1u, r;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    r = bench(n);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%u %.3f\n", r,
           (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    return 0;
}
