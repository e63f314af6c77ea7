/*
 * Numeric helpers shared by the interpreter loop: bit conversions and integer operations
 * written without undefined or implementation-defined behaviour. The rarely executed
 * operators (float rounding, conversions, division, bit counts, ...) run out of line in
 * vm_numeric.c so the loop stays small.
 * Requires IEEE-754 binary32/64 with FLT_EVAL_METHOD 0 (no excess precision).
 */
#ifndef AIOS_VM_NUMERIC_H
#define AIOS_VM_NUMERIC_H

#include <float.h>
#include <stdint.h>
#include <string.h>

#include "aios/vm.h"

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

static inline uint32_t vm_u32_from_s(int32_t v)
{
    return (uint32_t)v;
}

static inline uint64_t vm_u64_from_s(int64_t v)
{
    return (uint64_t)v;
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
/*
 * Out-of-line operators: `cell` is the instruction's first cell (its low byte the vm_iop), x
 * and y the operand slots.
 * Results are written zero-extended; a trapping operator returns its trap status.
 */
vm_status_t vm_unary_rare(uint32_t cell, uint64_t x, uint64_t *result);
vm_status_t vm_binary_rare(uint32_t cell, uint64_t x, uint64_t y, uint64_t *result);

#endif
