#define _POSIX_C_SOURCE 200809L
#include "hal/clock.h"

#include <time.h>

static uint64_t boot_us;

static uint64_t monotonic_us(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000u + (uint64_t)now.tv_nsec / 1000u;
}

void hal_clock_init(void)
{
    boot_us = monotonic_us();
}

uint64_t hal_clock_us(void)
{
    return monotonic_us() - boot_us;
}
