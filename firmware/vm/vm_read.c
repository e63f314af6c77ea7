/*
 * The binary reader: LEB128 and fixed-width integers with the spec's limits on their encodings,
 * names (UTF-8 checked), value and block types, limits, and the module arena's bump allocator.
 * Every function reports MALFORMED_* rather than reading past its reader's end.
 */
#include "vm_internal.h"

#include <string.h>

/* ---- LEB128 and fixed-width reads -------------------------------------------------------- */

vm_status_t vm_read_u8(vm_reader_t *r, uint8_t *out)
{
    if (r->p >= r->end)
        return VM_MALFORMED_UNEXPECTED_END;
    *out = *r->p++;
    return VM_OK;
}

/* Unsigned or signed LEB128 of `bits` bits; unused bits of the last byte must be zero (unsigned)
 * or copies of the sign bit (signed). */
static vm_status_t read_leb(vm_reader_t *r, unsigned bits, int is_signed, uint64_t *out)
{
    uint64_t result = 0;
    unsigned shift = 0;
    unsigned max_bytes = (bits + 6u) / 7u;
    for (unsigned i = 0;; i++) {
        uint8_t byte;
        if (r->p >= r->end)
            return VM_MALFORMED_UNEXPECTED_END;
        byte = *r->p++;
        if (i == max_bytes - 1u) {
            unsigned used = bits - shift; /* payload bits that belong to the value */
            uint8_t rest = (uint8_t)(byte & 0x7Fu) >> used;
            if (byte & 0x80u)
                return VM_MALFORMED_INTEGER_TOO_LONG;
            if (is_signed) {
                uint8_t sign = (uint8_t)((byte >> (used - 1u)) & 1u);
                uint8_t want = sign ? (uint8_t)(0x7Fu >> used) : 0u;
                if (rest != want)
                    return VM_MALFORMED_INTEGER_TOO_LARGE;
            } else if (rest != 0) {
                return VM_MALFORMED_INTEGER_TOO_LARGE;
            }
        }
        result |= (uint64_t)(byte & 0x7Fu) << shift;
        shift += 7u;
        if (!(byte & 0x80u)) {
            if (is_signed && shift < 64u && (byte & 0x40u))
                result |= ~(uint64_t)0 << shift;
            break;
        }
    }
    if (bits < 64u)
        result &= ((uint64_t)1 << bits) - 1u;
    *out = result;
    return VM_OK;
}

vm_status_t vm_read_u32(vm_reader_t *r, uint32_t *out)
{
    uint64_t v = 0;
    vm_status_t s = read_leb(r, 32, 0, &v);
    *out = (uint32_t)v;
    return s;
}

vm_status_t vm_read_s32(vm_reader_t *r, int32_t *out)
{
    uint64_t v = 0;
    vm_status_t s = read_leb(r, 32, 1, &v);
    *out = (int32_t)(uint32_t)v; /* two's complement bits, converted on every target we build */
    return s;
}

vm_status_t vm_read_s33(vm_reader_t *r, int64_t *out)
{
    uint64_t v = 0;
    vm_status_t s = read_leb(r, 33, 1, &v);
    /* sign-extend from bit 32 without relying on signed shifts */
    *out = (v & ((uint64_t)1 << 32)) ? -(int64_t)(((uint64_t)1 << 33) - v) : (int64_t)v;
    return s;
}

vm_status_t vm_read_s64(vm_reader_t *r, int64_t *out)
{
    uint64_t v = 0;
    vm_status_t s = read_leb(r, 64, 1, &v);
    memcpy(out, &v, sizeof v);
    return s;
}

vm_status_t vm_read_fixed32(vm_reader_t *r, uint32_t *out)
{
    if (r->end - r->p < 4)
        return VM_MALFORMED_UNEXPECTED_END;
    *out = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
           (uint32_t)r->p[3] << 24;
    r->p += 4;
    return VM_OK;
}

vm_status_t vm_read_fixed64(vm_reader_t *r, uint64_t *out)
{
    uint32_t lo, hi;
    vm_status_t s = vm_read_fixed32(r, &lo);
    if (s == VM_OK)
        s = vm_read_fixed32(r, &hi);
    if (s == VM_OK)
        *out = (uint64_t)lo | (uint64_t)hi << 32;
    return s;
}

static const uint8_t single_type[4] = {VM_TYPE_I32, VM_TYPE_I64, VM_TYPE_F32, VM_TYPE_F64};

static int is_numtype(uint8_t t)
{
    return t == VM_TYPE_I32 || t == VM_TYPE_I64 || t == VM_TYPE_F32 || t == VM_TYPE_F64;
}

vm_status_t vm_read_blocktype(vm_reader_t *r, const vm_module_t *m, vm_blocktype_t *bt)
{
    int64_t v;
    vm_status_t s;
    memset(bt, 0, sizeof *bt);
    if (r->p < r->end && *r->p == 0x40) {
        r->p++;
        return VM_OK;
    }
    if (r->p < r->end && is_numtype(*r->p)) {
        bt->nresults = 1;
        bt->results = &single_type[VM_TYPE_I32 - *r->p];
        r->p++;
        return VM_OK;
    }
    s = vm_read_s33(r, &v);
    if (s != VM_OK)
        return s;
    if (v < 0)
        return VM_MALFORMED_VALUE_TYPE;
    if ((uint64_t)v >= m->ntypes)
        return VM_INVALID_UNKNOWN_TYPE;
    bt->nparams = m->types[v].nparams;
    bt->nresults = m->types[v].nresults;
    bt->params = m->types[v].sig;
    bt->results = m->types[v].sig + bt->nparams;
    return VM_OK;
}

vm_status_t vm_read_memarg(vm_reader_t *r, uint32_t *align, uint32_t *offset)
{
    vm_status_t s = vm_read_u32(r, align);
    if (s == VM_OK)
        s = vm_read_u32(r, offset);
    return s;
}

/* ---- Arena ------------------------------------------------------------------------------- */

void *vm_arena_alloc(vm_arena_t *a, size_t bytes)
{
    size_t rounded = (bytes + VM_ARENA_ALIGN - 1u) & ~(size_t)(VM_ARENA_ALIGN - 1u);
    void *p;
    if (rounded < bytes || rounded > a->size - a->low - a->high)
        return NULL;
    p = a->base + a->low;
    a->low += rounded;
    return p;
}

void *vm_arena_scratch(vm_arena_t *a, size_t bytes)
{
    size_t rounded = (bytes + VM_ARENA_ALIGN - 1u) & ~(size_t)(VM_ARENA_ALIGN - 1u);
    if (rounded < bytes || rounded > a->size - a->low - a->high)
        return NULL;
    a->high += rounded;
    return a->base + a->size - a->high;
}

/* A vector count, refused early if it cannot fit in what is left of the section. */
vm_status_t vm_read_count(vm_reader_t *r, uint32_t limit, vm_status_t over, uint32_t *n)
{
    vm_status_t s = vm_read_u32(r, n);
    if (s != VM_OK)
        return s;
    if (*n > (uint32_t)(r->end - r->p))
        return VM_MALFORMED_UNEXPECTED_END;
    if (*n > limit)
        return over;
    return VM_OK;
}

static int utf8_valid(const uint8_t *s, uint32_t n)
{
    uint32_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        uint32_t len, cp, min;
        if (c < 0x80) {
            i++;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1Fu;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0Fu;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07u;
            min = 0x10000;
        } else {
            return 0;
        }
        if (n - i < len)
            return 0;
        for (uint32_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

vm_status_t vm_read_name(vm_reader_t *r, const char **name, uint32_t *len)
{
    vm_status_t s = vm_read_u32(r, len);
    if (s != VM_OK)
        return s;
    if (*len > (uint32_t)(r->end - r->p))
        return VM_MALFORMED_UNEXPECTED_END;
    if (!utf8_valid(r->p, *len))
        return VM_MALFORMED_UTF8;
    *name = (const char *)r->p;
    r->p += *len;
    return VM_OK;
}

vm_status_t vm_read_valtype(vm_reader_t *r, uint8_t *t)
{
    vm_status_t s = vm_read_u8(r, t);
    if (s == VM_OK && !is_numtype(*t))
        return VM_MALFORMED_VALUE_TYPE;
    return s;
}

static vm_status_t read_limits(vm_reader_t *r, vm_limits_t *lim, uint32_t hard_max,
                               vm_status_t too_big)
{
    uint8_t flags;
    vm_status_t s = vm_read_u8(r, &flags);
    if (s != VM_OK)
        return s;
    if (flags > 1)
        return VM_MALFORMED_LIMITS;
    s = vm_read_u32(r, &lim->min);
    lim->max = VM_NO_MAX;
    if (s == VM_OK && flags == 1)
        s = vm_read_u32(r, &lim->max);
    if (s != VM_OK)
        return s;
    /* for tables hard_max is 2^32-1, so a maximum of 2^32-1 reads as "none": same meaning */
    if (lim->min > hard_max || (flags == 1 && lim->max > hard_max))
        return too_big;
    if (lim->max != VM_NO_MAX && lim->min > lim->max)
        return VM_INVALID_LIMITS;
    return VM_OK;
}

vm_status_t vm_read_tabletype(vm_reader_t *r, vm_limits_t *lim)
{
    uint8_t t;
    vm_status_t s = vm_read_u8(r, &t);
    if (s != VM_OK)
        return s;
    if (t != VM_TYPE_FUNCREF)
        return VM_MALFORMED_REFERENCE_TYPE;
    return read_limits(r, lim, 0xFFFFFFFFu, VM_OK);
}

vm_status_t vm_read_memtype(vm_reader_t *r, vm_limits_t *lim)
{
    return read_limits(r, lim, 65536u, VM_INVALID_MEMORY_SIZE);
}
