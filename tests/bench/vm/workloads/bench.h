/*
 * Shared header of the VM benchmark workloads. Each workload defines
 *   uint32_t bench(uint32_t n)
 * returning a checksum of its work. The same source is compiled to wasm32 (clang -O2
 * -nostdlib, run in aios-vm) and natively (gcc -O2, run by main.c), so n comes from the command
 * line and the compiler cannot fold the work away.
 */
#ifndef AIOS_BENCH_H
#define AIOS_BENCH_H

#include <stddef.h>
#include <stdint.h>

#define BENCH_EXPORT __attribute__((noinline, used))

uint32_t bench(uint32_t n);

/* Deterministic pseudo-random numbers (LCG). */
static inline uint32_t bench_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

#endif
