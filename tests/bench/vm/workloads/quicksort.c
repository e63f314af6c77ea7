/* Recursive quicksort of n pseudo-random integers (n <= 1M): compares, swaps, recursion. */
#include "bench.h"

#define MAX (1u << 20)
static int32_t v[MAX];

static void sort(int32_t *a, int32_t lo, int32_t hi)
{
    while (lo < hi) {
        int32_t pivot = a[lo + (hi - lo) / 2], i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                int32_t t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (j - lo < hi - i) {
            sort(a, lo, j);
            lo = i;
        } else {
            sort(a, i, hi);
            hi = j;
        }
    }
}

BENCH_EXPORT uint32_t bench(uint32_t n)
{
    uint32_t s = 4242, sum = 0;
    if (n > MAX)
        n = MAX;
    for (uint32_t i = 0; i < n; i++)
        v[i] = (int32_t)bench_rand(&s);
    sort(v, 0, (int32_t)n - 1);
    for (uint32_t i = 0; i < n; i += 97)
        sum = sum * 31u + (uint32_t)v[i];
    return sum;
}
