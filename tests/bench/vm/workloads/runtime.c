/* memset/memcpy for the wasm build (no libc there). */
#include "bench.h"

#ifdef __wasm__
__attribute__((no_builtin("memset"))) void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}

__attribute__((no_builtin("memcpy"))) void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *p = d;
    const uint8_t *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}
#endif
