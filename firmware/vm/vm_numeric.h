/*
 * Bit-exact numeric helpers for the interpreter: integer ops without undefined or
 * implementation-defined behaviour, and the float ops whose C counterparts differ from wasm
 * (NaN propagation in min/max and rounding, trapping range checks of conversions).
 * Requires IEEE-754 binary32/64 with FLT_EVAL_METHOD 0 (no excess precision).
 */
#ifndef AIOS_VM_NUMERIC_H
#define AIOS_VM_NUMERIC_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD != 0 && FLT_EVAL_METHOD != -1
#error "the VM needs float arithmetic without excess precision (FLT_EVAL_METHOD 0)"
#endif

/* exact-width signed types are two's complement (C99 7.18.1.1), so memcpy converts bits */
static inline int32_t vm_s32(uint32_t x)
{
    int32_t r;
    memcpy(&r, &x, sizeof r);
    return r;
}
static inline int64_t vm_s64(uint64_t x)
{
    int64_t r;
    memcpy(&r, &x, sizeof r);
    return r;
}
static inline float vm_f32(uint32_t x)
{
    float r;
    memcpy(&r, &x, sizeof r);
    return r;
}
static inline double vm_f64(uint64_t x)
{
    double r;
    memcpy(&r, &x, sizeof r);
    return r;
}
static inline uint32_t vm_bits32(float f)
{
    uint32_t r;
    memcpy(&r, &f, sizeof r);
    return r;
}
static inline uint64_t vm_bits64(double d)
{
    uint64_t r;
    memcpy(&r, &d, sizeof r);
    return r;
}

static inline uint32_t vm_shr_s32(uint32_t x, uint32_t n)
{
    uint32_t sign = 0u - (x >> 31);
    return ((x ^ sign) >> (n & 31u)) ^ sign;
}
static inline uint64_t vm_shr_s64(uint64_t x, uint64_t n)
{
    uint64_t sign = 0u - (x >> 63);
    return ((x ^ sign) >> (n & 63u)) ^ sign;
}
static inline uint32_t vm_rotl32(uint32_t x, uint32_t n)
{
    n &= 31u;
    return (x << n) | (x >> ((32u - n) & 31u));
}
static inline uint32_t vm_rotr32(uint32_t x, uint32_t n)
{
    n &= 31u;
    return (x >> n) | (x << ((32u - n) & 31u));
}
static inline uint64_t vm_rotl64(uint64_t x, uint64_t n)
{
    n &= 63u;
    return (x << n) | (x >> ((64u - n) & 63u));
}
static inline uint64_t vm_rotr64(uint64_t x, uint64_t n)
{
    n &= 63u;
    return (x >> n) | (x << ((64u - n) & 63u));
}

static inline uint32_t vm_clz32(uint32_t x)
{
#if defined(__GNUC__)
    return x ? (uint32_t)__builtin_clz(x) : 32u;
#else
    uint32_t n = 0;
    if (!x)
        return 32u;
    while (!(x & 0x80000000u)) {
        x <<= 1;
        n++;
    }
    return n;
#endif
}
static inline uint32_t vm_ctz32(uint32_t x)
{
#if defined(__GNUC__)
    return x ? (uint32_t)__builtin_ctz(x) : 32u;
#else
    uint32_t n = 0;
    if (!x)
        return 32u;
    while (!(x & 1u)) {
        x >>= 1;
        n++;
    }
    return n;
#endif
}
static inline uint32_t vm_popcnt32(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    return (((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
}
static inline uint64_t vm_clz64(uint64_t x)
{
    uint32_t hi = (uint32_t)(x >> 32);
    return hi ? vm_clz32(hi) : 32u + vm_clz32((uint32_t)x);
}
static inline uint64_t vm_ctz64(uint64_t x)
{
    uint32_t lo = (uint32_t)x;
    return lo ? vm_ctz32(lo) : 32u + vm_ctz32((uint32_t)(x >> 32));
}
static inline uint64_t vm_popcnt64(uint64_t x)
{
    return vm_popcnt32((uint32_t)x) + vm_popcnt32((uint32_t)(x >> 32));
}

static inline uint32_t vm_sext8_32(uint32_t x)
{
    return ((x & 0xFFu) ^ 0x80u) - 0x80u;
}
static inline uint32_t vm_sext16_32(uint32_t x)
{
    return ((x & 0xFFFFu) ^ 0x8000u) - 0x8000u;
}
static inline uint64_t vm_sext8_64(uint64_t x)
{
    return ((x & 0xFFu) ^ 0x80u) - 0x80u;
}
static inline uint64_t vm_sext16_64(uint64_t x)
{
    return ((x & 0xFFFFu) ^ 0x8000u) - 0x8000u;
}
static inline uint64_t vm_sext32_64(uint64_t x)
{
    return ((x & 0xFFFFFFFFu) ^ 0x80000000u) - 0x80000000u;
}

/* ---- Floats ------------------------------------------------------------------------------ */

#define VM_F32_QUIET 0x00400000u
#define VM_F64_QUIET 0x0008000000000000u

static inline uint32_t vm_f32_min(uint32_t a, uint32_t b)
{
    float x = vm_f32(a), y = vm_f32(b);
    if (x != x)
        return a | VM_F32_QUIET;
    if (y != y)
        return b | VM_F32_QUIET;
    if (x == y)
        return a | b; /* -0 and +0: the negative one */
    return x < y ? a : b;
}
static inline uint32_t vm_f32_max(uint32_t a, uint32_t b)
{
    float x = vm_f32(a), y = vm_f32(b);
    if (x != x)
        return a | VM_F32_QUIET;
    if (y != y)
        return b | VM_F32_QUIET;
    if (x == y)
        return a & b;
    return x > y ? a : b;
}
static inline uint64_t vm_f64_min(uint64_t a, uint64_t b)
{
    double x = vm_f64(a), y = vm_f64(b);
    if (x != x)
        return a | VM_F64_QUIET;
    if (y != y)
        return b | VM_F64_QUIET;
    if (x == y)
        return a | b;
    return x < y ? a : b;
}
static inline uint64_t vm_f64_max(uint64_t a, uint64_t b)
{
    double x = vm_f64(a), y = vm_f64(b);
    if (x != x)
        return a | VM_F64_QUIET;
    if (y != y)
        return b | VM_F64_QUIET;
    if (x == y)
        return a & b;
    return x > y ? a : b;
}

/* Rounding to an integral value, by clearing fraction bits (mode: 0 trunc, 1 floor, 2 ceil,
 * 3 nearest-even). NaNs come back quieted, infinities and integral values unchanged. */
static inline uint32_t vm_f32_round(uint32_t a, int mode)
{
    uint32_t e = (a >> 23) & 0xFFu;
    uint32_t sign = a & 0x80000000u;
    uint32_t t, frac_mask;
    float x;
    if (e == 0xFFu)
        return (a & 0x007FFFFFu) ? a | VM_F32_QUIET : a;
    if (e >= 127u + 23u)
        return a;
    x = vm_f32(a);
    if (mode == 3) {
        /* adding and subtracting 2^23 rounds to an integer with the current (nearest-even)
         * mode; the sign is restored so that -0.4 gives -0 */
        float big = 8388608.0f;
        float r = (x < 0 ? -x : x) + big;
        r -= big;
        return vm_bits32(r) | sign;
    }
    if (e < 127u) {
        t = sign; /* |x| < 1 truncates to a signed zero */
    } else {
        frac_mask = 0x007FFFFFu >> (e - 127u);
        t = a & ~frac_mask;
    }
    if (t != a && mode == 1 && sign)
        return vm_bits32(vm_f32(t) - 1.0f);
    if (t != a && mode == 2 && !sign)
        return vm_bits32(vm_f32(t) + 1.0f);
    return t;
}
static inline uint64_t vm_f64_round(uint64_t a, int mode)
{
    uint64_t e = (a >> 52) & 0x7FFu;
    uint64_t sign = a & 0x8000000000000000u;
    uint64_t t, frac_mask;
    double x;
    if (e == 0x7FFu)
        return (a & 0x000FFFFFFFFFFFFFu) ? a | VM_F64_QUIET : a;
    if (e >= 1023u + 52u)
        return a;
    x = vm_f64(a);
    if (mode == 3) {
        double big = 4503599627370496.0;
        double r = (x < 0 ? -x : x) + big;
        r -= big;
        return vm_bits64(r) | sign;
    }
    if (e < 1023u) {
        t = sign;
    } else {
        frac_mask = 0x000FFFFFFFFFFFFFu >> (e - 1023u);
        t = a & ~frac_mask;
    }
    if (t != a && mode == 1 && sign)
        return vm_bits64(vm_f64(t) - 1.0);
    if (t != a && mode == 2 && !sign)
        return vm_bits64(vm_f64(t) + 1.0);
    return t;
}

static inline uint32_t vm_f32_sqrt(uint32_t a)
{
    float x = vm_f32(a);
    if (x != x)
        return a | VM_F32_QUIET;
    return vm_bits32(sqrtf(x));
}
static inline uint64_t vm_f64_sqrt(uint64_t a)
{
    double x = vm_f64(a);
    if (x != x)
        return a | VM_F64_QUIET;
    return vm_bits64(sqrt(x));
}

/* Conversions to integers: the value must lie strictly inside (lo, hi) after truncation;
 * saturating forms clamp instead. Bounds are exact in the source type. */
#define VM_IN_RANGE(x, lo, hi) ((x) > (lo) && (x) < (hi))

static inline uint32_t vm_u32_from_s(int32_t v)
{
    return (uint32_t)v;
}
static inline uint64_t vm_u64_from_s(int64_t v)
{
    return (uint64_t)v;
}

static inline uint32_t vm_sat_i32_s(double x)
{
    if (x != x)
        return 0;
    if (x <= -2147483649.0)
        return 0x80000000u;
    if (x >= 2147483648.0)
        return 0x7FFFFFFFu;
    return vm_u32_from_s((int32_t)x);
}
static inline uint32_t vm_sat_i32_u(double x)
{
    if (x != x || x <= -1.0)
        return 0;
    if (x >= 4294967296.0)
        return 0xFFFFFFFFu;
    return (uint32_t)x;
}
static inline uint64_t vm_sat_i64_s(double x)
{
    if (x != x)
        return 0;
    if (x < -9223372036854775808.0)
        return 0x8000000000000000u;
    if (x >= 9223372036854775808.0)
        return 0x7FFFFFFFFFFFFFFFu;
    return vm_u64_from_s((int64_t)x);
}
static inline uint64_t vm_sat_i64_u(double x)
{
    if (x != x || x <= -1.0)
        return 0;
    if (x >= 18446744073709551616.0)
        return 0xFFFFFFFFFFFFFFFFu;
    return (uint64_t)x;
}

#endif
