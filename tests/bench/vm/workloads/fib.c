/* Recursive Fibonacci: call-heavy. */
#include "bench.h"

static uint32_t fib(uint32_t n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

BENCH_EXPORT uint32_t bench(uint32_t n)
{
    return fib(n);
}
