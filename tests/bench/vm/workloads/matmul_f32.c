/* Dense f32 matrix multiply, n x n (n <= 256): multiply-add loops over arrays. */
#include "bench.h"

#define MAX 256u
static float a[MAX][MAX], b[MAX][MAX], c[MAX][MAX];

BENCH_EXPORT uint32_t bench(uint32_t n)
{
    uint32_t s = 12345, sum = 0;
    if (n > MAX)
        n = MAX;
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t j = 0; j < n; j++) {
            a[i][j] = (float)(bench_rand(&s) >> 20) / 4096.0f - 0.5f;
            b[i][j] = (float)(bench_rand(&s) >> 20) / 4096.0f - 0.5f;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t j = 0; j < n; j++) {
            float acc = 0;
            for (uint32_t k = 0; k < n; k++)
                acc += a[i][k] * b[k][j];
            c[i][j] = acc;
        }
    }
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t j = 0; j < n; j++)
            sum = sum * 31u + (uint32_t)(int32_t)(c[i][j] * 16);
    return sum;
}
