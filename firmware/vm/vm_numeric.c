/*
 * Rarely executed numeric operators, out of line: bit counts, division, float rounding, min and
 * max with wasm's NaN and signed-zero rules, and every conversion (trapping ones check the
 * range exactly in the source type). Bit-exact with the spec; see vm_numeric.h.
 */
#include "vm_internal.h"
#include "vm_numeric.h"

#include <math.h>

#define VM_F32_QUIET 0x00400000u
#define VM_F64_QUIET 0x0008000000000000u
/* the truncated value fits iff the source lies strictly between the bounds */
#define VM_IN_RANGE(x, lo, hi) ((x) > (lo) && (x) < (hi))

static uint64_t vm_rotl64(uint64_t x, uint64_t n)
{
    n &= 63u;
    return (x << n) | (x >> ((64u - n) & 63u));
}

static uint64_t vm_rotr64(uint64_t x, uint64_t n)
{
    n &= 63u;
    return (x >> n) | (x << ((64u - n) & 63u));
}

static uint32_t vm_clz32(uint32_t x)
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

static uint32_t vm_ctz32(uint32_t x)
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

static uint32_t vm_popcnt32(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    return (((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
}

static uint64_t vm_clz64(uint64_t x)
{
    uint32_t hi = (uint32_t)(x >> 32);
    return hi ? vm_clz32(hi) : 32u + vm_clz32((uint32_t)x);
}

static uint64_t vm_ctz64(uint64_t x)
{
    uint32_t lo = (uint32_t)x;
    return lo ? vm_ctz32(lo) : 32u + vm_ctz32((uint32_t)(x >> 32));
}

static uint64_t vm_popcnt64(uint64_t x)
{
    return vm_popcnt32((uint32_t)x) + vm_popcnt32((uint32_t)(x >> 32));
}

static uint32_t vm_f32_min(uint32_t a, uint32_t b)
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

static uint32_t vm_f32_max(uint32_t a, uint32_t b)
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

static uint64_t vm_f64_min(uint64_t a, uint64_t b)
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

static uint64_t vm_f64_max(uint64_t a, uint64_t b)
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

static uint32_t vm_f32_round(uint32_t a, int mode)
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

static uint64_t vm_f64_round(uint64_t a, int mode)
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

static uint32_t vm_f32_sqrt(uint32_t a)
{
    float x = vm_f32(a);
    if (x != x)
        return a | VM_F32_QUIET;
    return vm_bits32(sqrtf(x));
}

static uint64_t vm_f64_sqrt(uint64_t a)
{
    double x = vm_f64(a);
    if (x != x)
        return a | VM_F64_QUIET;
    return vm_bits64(sqrt(x));
}

static uint32_t vm_sat_i32_s(double x)
{
    if (x != x)
        return 0;
    if (x <= -2147483649.0)
        return 0x80000000u;
    if (x >= 2147483648.0)
        return 0x7FFFFFFFu;
    return vm_u32_from_s((int32_t)x);
}

static uint32_t vm_sat_i32_u(double x)
{
    if (x != x || x <= -1.0)
        return 0;
    if (x >= 4294967296.0)
        return 0xFFFFFFFFu;
    return (uint32_t)x;
}

static uint64_t vm_sat_i64_s(double x)
{
    if (x != x)
        return 0;
    if (x < -9223372036854775808.0)
        return 0x8000000000000000u;
    if (x >= 9223372036854775808.0)
        return 0x7FFFFFFFFFFFFFFFu;
    return vm_u64_from_s((int64_t)x);
}

static uint64_t vm_sat_i64_u(double x)
{
    if (x != x || x <= -1.0)
        return 0;
    if (x >= 18446744073709551616.0)
        return 0xFFFFFFFFFFFFFFFFu;
    return (uint64_t)x;
}

#define TRUNC(x, lo, hi, conv)                                                                     \
    do {                                                                                           \
        if ((x) != (x))                                                                            \
            return VM_TRAP_INVALID_CONVERSION;                                                     \
        if (!VM_IN_RANGE(x, lo, hi))                                                               \
            return VM_TRAP_INTEGER_OVERFLOW;                                                       \
        *r = (conv);                                                                               \
    } while (0)

vm_status_t vm_unary_rare(uint32_t cell, uint64_t x, uint64_t *r)
{
    unsigned op = cell & 0xFFu;
    uint32_t w = (uint32_t)x;
    float f = vm_f32(w);
    double d = vm_f64(x);
    switch (op) {
    case VM_I_I32_CLZ:
        *r = vm_clz32(w);
        break;
    case VM_I_I32_CTZ:
        *r = vm_ctz32(w);
        break;
    case VM_I_I32_POPCNT:
        *r = vm_popcnt32(w);
        break;
    case VM_I_I64_CLZ:
        *r = vm_clz64(x);
        break;
    case VM_I_I64_CTZ:
        *r = vm_ctz64(x);
        break;
    case VM_I_I64_POPCNT:
        *r = vm_popcnt64(x);
        break;
    case VM_I_F32_CEIL:
        *r = vm_f32_round(w, 2);
        break;
    case VM_I_F32_FLOOR:
        *r = vm_f32_round(w, 1);
        break;
    case VM_I_F32_TRUNC:
        *r = vm_f32_round(w, 0);
        break;
    case VM_I_F32_NEAREST:
        *r = vm_f32_round(w, 3);
        break;
    case VM_I_F32_SQRT:
        *r = vm_f32_sqrt(w);
        break;
    case VM_I_F64_CEIL:
        *r = vm_f64_round(x, 2);
        break;
    case VM_I_F64_FLOOR:
        *r = vm_f64_round(x, 1);
        break;
    case VM_I_F64_TRUNC:
        *r = vm_f64_round(x, 0);
        break;
    case VM_I_F64_NEAREST:
        *r = vm_f64_round(x, 3);
        break;
    case VM_I_F64_SQRT:
        *r = vm_f64_sqrt(x);
        break;
    case VM_I_I32_TRUNC_F32_S:
        TRUNC(f, -2147483904.0f, 2147483648.0f, vm_u32_from_s((int32_t)f));
        break;
    case VM_I_I32_TRUNC_F32_U:
        TRUNC(f, -1.0f, 4294967296.0f, (uint32_t)f);
        break;
    case VM_I_I32_TRUNC_F64_S:
        TRUNC(d, -2147483649.0, 2147483648.0, vm_u32_from_s((int32_t)d));
        break;
    case VM_I_I32_TRUNC_F64_U:
        TRUNC(d, -1.0, 4294967296.0, (uint32_t)d);
        break;
    case VM_I_I64_TRUNC_F32_S:
        TRUNC(f, -9223373136366403584.0f, 9223372036854775808.0f, vm_u64_from_s((int64_t)f));
        break;
    case VM_I_I64_TRUNC_F32_U:
        TRUNC(f, -1.0f, 18446744073709551616.0f, (uint64_t)f);
        break;
    case VM_I_I64_TRUNC_F64_S:
        TRUNC(d, -9223372036854777856.0, 9223372036854775808.0, vm_u64_from_s((int64_t)d));
        break;
    case VM_I_I64_TRUNC_F64_U:
        TRUNC(d, -1.0, 18446744073709551616.0, (uint64_t)d);
        break;
    case VM_I_I32_TRUNC_SAT_F32_S:
        *r = vm_sat_i32_s((double)f);
        break;
    case VM_I_I32_TRUNC_SAT_F32_U:
        *r = vm_sat_i32_u((double)f);
        break;
    case VM_I_I32_TRUNC_SAT_F64_S:
        *r = vm_sat_i32_s(d);
        break;
    case VM_I_I32_TRUNC_SAT_F64_U:
        *r = vm_sat_i32_u(d);
        break;
    case VM_I_I64_TRUNC_SAT_F32_S:
        *r = vm_sat_i64_s((double)f);
        break;
    case VM_I_I64_TRUNC_SAT_F32_U:
        *r = vm_sat_i64_u((double)f);
        break;
    case VM_I_I64_TRUNC_SAT_F64_S:
        *r = vm_sat_i64_s(d);
        break;
    case VM_I_I64_TRUNC_SAT_F64_U:
        *r = vm_sat_i64_u(d);
        break;
    case VM_I_F32_CONVERT_I32_S:
        *r = vm_bits32((float)vm_s32(w));
        break;
    case VM_I_F32_CONVERT_I32_U:
        *r = vm_bits32((float)w);
        break;
    case VM_I_F32_CONVERT_I64_S:
        *r = vm_bits32((float)vm_s64(x));
        break;
    case VM_I_F32_CONVERT_I64_U:
        *r = vm_bits32((float)x);
        break;
    case VM_I_F64_CONVERT_I32_S:
        *r = vm_bits64((double)vm_s32(w));
        break;
    case VM_I_F64_CONVERT_I32_U:
        *r = vm_bits64((double)w);
        break;
    case VM_I_F64_CONVERT_I64_S:
        *r = vm_bits64((double)vm_s64(x));
        break;
    case VM_I_F64_CONVERT_I64_U:
        *r = vm_bits64((double)x);
        break;
    case VM_I_F32_DEMOTE_F64:
        *r = vm_bits32((float)d);
        break;
    case VM_I_F64_PROMOTE_F32:
        *r = vm_bits64((double)f);
        break;
    case VM_I_I32_EXTEND8_S:
        *r = vm_sext8_32(w);
        break;
    case VM_I_I32_EXTEND16_S:
        *r = vm_sext16_32(w);
        break;
    case VM_I_I64_EXTEND8_S:
        *r = vm_sext8_64(x);
        break;
    case VM_I_I64_EXTEND16_S:
        *r = vm_sext16_64(x);
        break;
    default: /* VM_I_I64_EXTEND32_S */
        *r = vm_sext32_64(x);
        break;
    }
    return VM_OK;
}

vm_status_t vm_binary_rare(uint32_t cell, uint64_t x, uint64_t y, uint64_t *r)
{
    unsigned op = cell & 0xFFu;
    uint32_t a = (uint32_t)x, b = (uint32_t)y;
    switch (op) {
    case VM_I_I32_DIV_S:
    case VM_I_I32_DIV_U:
    case VM_I_I32_REM_S:
    case VM_I_I32_REM_U:
        if (b == 0)
            return VM_TRAP_INTEGER_DIVIDE_BY_ZERO;
        if (op == VM_I_I32_DIV_S && a == 0x80000000u && b == 0xFFFFFFFFu)
            return VM_TRAP_INTEGER_OVERFLOW;
        if (op == VM_I_I32_DIV_S)
            *r = vm_u32_from_s(vm_s32(a) / vm_s32(b));
        else if (op == VM_I_I32_DIV_U)
            *r = a / b;
        else if (op == VM_I_I32_REM_S) /* INT_MIN % -1 is 0 in wasm but undefined in C */
            *r = b == 0xFFFFFFFFu ? 0u : vm_u32_from_s(vm_s32(a) % vm_s32(b));
        else
            *r = a % b;
        break;
    case VM_I_I64_DIV_S:
    case VM_I_I64_DIV_U:
    case VM_I_I64_REM_S:
    case VM_I_I64_REM_U:
        if (y == 0)
            return VM_TRAP_INTEGER_DIVIDE_BY_ZERO;
        if (op == VM_I_I64_DIV_S && x == 0x8000000000000000u && y == 0xFFFFFFFFFFFFFFFFu)
            return VM_TRAP_INTEGER_OVERFLOW;
        if (op == VM_I_I64_DIV_S)
            *r = vm_u64_from_s(vm_s64(x) / vm_s64(y));
        else if (op == VM_I_I64_DIV_U)
            *r = x / y;
        else if (op == VM_I_I64_REM_S)
            *r = y == 0xFFFFFFFFFFFFFFFFu ? 0u : vm_u64_from_s(vm_s64(x) % vm_s64(y));
        else
            *r = x % y;
        break;
    case VM_I_I64_ROTL:
        *r = vm_rotl64(x, y);
        break;
    case VM_I_I64_ROTR:
        *r = vm_rotr64(x, y);
        break;
    case VM_I_F32_MIN:
        *r = vm_f32_min(a, b);
        break;
    case VM_I_F32_MAX:
        *r = vm_f32_max(a, b);
        break;
    case VM_I_F32_COPYSIGN:
        *r = (a & 0x7FFFFFFFu) | (b & 0x80000000u);
        break;
    case VM_I_F64_MIN:
        *r = vm_f64_min(x, y);
        break;
    case VM_I_F64_MAX:
        *r = vm_f64_max(x, y);
        break;
    default: /* VM_I_F64_COPYSIGN */
        *r = (x & 0x7FFFFFFFFFFFFFFFu) | (y & 0x8000000000000000u);
        break;
    }
    return VM_OK;
}
