/* Ed25519 verification from RFC 8032: field arithmetic modulo p = 2^255 - 19, the twisted
 * Edwards curve in extended coordinates (5.1.4), point decoding (5.1.3) and the check
 * [S]B = R + [k]A done as encode([S]B - [k]A) == R (5.1.7).
 *
 * A field element is nine 29-bit limbs (261 bits) in uint32_t, value = sum limb[i] * 2^(29 i),
 * kept below 2^29 per limb after every operation. Products of two limbs fit in 58 bits, so a
 * column of nine sums in uint64_t without overflow. Bits from 2^261 up fold back as
 * 2^261 = 2^6 * 2^255 = 64 * 19 = 1216 (mod p). Values are only weakly reduced (any
 * representative below 2^261); encoding makes them canonical. */
#include "aios/ed25519.h"

#include <string.h>

#define LIMBS 9
#define LIMB_BITS 29
#define LIMB_MASK ((1u << LIMB_BITS) - 1u)
#define FOLD 1216u

typedef struct {
    uint32_t v[LIMBS];
} fe_t;

typedef struct {
    fe_t x, y, z, t; /* x = X/Z, y = Y/Z, x*y = T/Z */
} point_t;

/* 128 p written with every limb in [2^29, 2^31): added before a subtraction so no limb goes
 * negative. */
static const uint32_t zero_bias[LIMBS] = {0x3ffff680u, 0x3ffffffeu, 0x3ffffffeu,
                                          0x3ffffffeu, 0x3ffffffeu, 0x3ffffffeu,
                                          0x3ffffffeu, 0x3ffffffeu, 0x3ffffffeu};

/* Little-endian constants: d = -121665/121666, sqrt(-1) = 2^((p-1)/4), the exponents p - 2
 * (inversion) and (p - 5)/8 (square root), the group order L, and the base point's encoding
 * (y = 4/5, x even). */
static const uint8_t d_bytes[32] = {
    0xa3, 0x78, 0x59, 0x13, 0xca, 0x4d, 0xeb, 0x75, 0xab, 0xd8, 0x41, 0x41, 0x4d, 0x0a, 0x70, 0x00,
    0x98, 0xe8, 0x79, 0x77, 0x79, 0x40, 0xc7, 0x8c, 0x73, 0xfe, 0x6f, 0x2b, 0xee, 0x6c, 0x03, 0x52};
static const uint8_t sqrt_m1_bytes[32] = {
    0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f, 0xad, 0x06, 0x18, 0x43, 0x2f,
    0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00, 0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b};
static const uint8_t order_bytes[32] = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
static const uint8_t base_bytes[32] = {
    0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
    0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66};

/* Exponents p - 2 and (p - 5) / 8: all ones except the lowest and highest bytes. */
static uint8_t exponent_byte(unsigned index, uint8_t lowest, uint8_t highest)
{
    return index == 0 ? lowest : index == 31 ? highest : 0xffu;
}

/* Propagates carries through `wide` (values up to 2^63) and folds the top back in, leaving
 * every limb below 2^29. */
static void fe_settle(fe_t *out, uint64_t wide[LIMBS])
{
    for (unsigned pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i + 1 < LIMBS; i++) {
            wide[i + 1] += wide[i] >> LIMB_BITS;
            wide[i] &= LIMB_MASK;
        }
        uint64_t over = wide[LIMBS - 1] >> LIMB_BITS;
        wide[LIMBS - 1] &= LIMB_MASK;
        wide[0] += over * FOLD;
    }
    /* After two passes limb 0 may still hold a small carry; one more ripple settles it. */
    for (unsigned i = 0; i + 1 < LIMBS; i++) {
        wide[i + 1] += wide[i] >> LIMB_BITS;
        wide[i] &= LIMB_MASK;
    }
    for (unsigned i = 0; i < LIMBS; i++) {
        out->v[i] = (uint32_t)wide[i];
    }
}

static void fe_set_small(fe_t *out, uint32_t value)
{
    memset(out, 0, sizeof *out);
    out->v[0] = value;
}

static void fe_add(fe_t *out, const fe_t *a, const fe_t *b)
{
    uint64_t wide[LIMBS];
    for (unsigned i = 0; i < LIMBS; i++) {
        wide[i] = (uint64_t)a->v[i] + b->v[i];
    }
    fe_settle(out, wide);
}

static void fe_sub(fe_t *out, const fe_t *a, const fe_t *b)
{
    uint64_t wide[LIMBS];
    for (unsigned i = 0; i < LIMBS; i++) {
        wide[i] = (uint64_t)a->v[i] + zero_bias[i] - b->v[i];
    }
    fe_settle(out, wide);
}

static void fe_mul(fe_t *out, const fe_t *a, const fe_t *b)
{
    uint64_t column[2 * LIMBS] = {0};
    for (unsigned i = 0; i < LIMBS; i++) {
        for (unsigned j = 0; j < LIMBS; j++) {
            column[i + j] += (uint64_t)a->v[i] * b->v[j];
        }
    }
    /* Carry the 17 columns into 29-bit limbs (column 17 takes the last carry), then fold the
     * upper nine limbs, worth 2^261 each step, onto the lower nine. */
    for (unsigned i = 0; i + 1 < 2 * LIMBS; i++) {
        column[i + 1] += column[i] >> LIMB_BITS;
        column[i] &= LIMB_MASK;
    }
    uint64_t wide[LIMBS];
    for (unsigned i = 0; i < LIMBS; i++) {
        wide[i] = column[i] + column[i + LIMBS] * FOLD;
    }
    fe_settle(out, wide);
}

static void fe_square(fe_t *out, const fe_t *a)
{
    fe_mul(out, a, a);
}

/* a^e for a 256-bit little-endian exponent given by exponent_byte(lowest, highest). */
static void fe_pow(fe_t *out, const fe_t *a, uint8_t lowest, uint8_t highest)
{
    fe_t result;
    fe_set_small(&result, 1);
    for (int bit = 255; bit >= 0; bit--) {
        fe_square(&result, &result);
        if ((exponent_byte((unsigned)bit / 8u, lowest, highest) >> (bit % 8)) & 1u) {
            fe_mul(&result, &result, a);
        }
    }
    *out = result;
}

static void fe_invert(fe_t *out, const fe_t *a)
{
    fe_pow(out, a, 0xeb, 0x7f);
}

/* The canonical 32-byte little-endian encoding of a (0 <= a < p). */
static void fe_encode(uint8_t out[32], const fe_t *a)
{
    uint64_t wide[LIMBS];
    for (unsigned i = 0; i < LIMBS; i++) {
        wide[i] = a->v[i];
    }
    /* Fold bits 255 and up (bit 23 of limb 8 onwards) as 19 each, twice: below 2^255 + 19. */
    for (unsigned pass = 0; pass < 2; pass++) {
        uint64_t high = wide[LIMBS - 1] >> 23;
        wide[LIMBS - 1] &= (1u << 23) - 1u;
        wide[0] += high * 19u;
        for (unsigned i = 0; i + 1 < LIMBS; i++) {
            wide[i + 1] += wide[i] >> LIMB_BITS;
            wide[i] &= LIMB_MASK;
        }
    }
    /* Now a < 2p: a >= p exactly when a + 19 reaches 2^255, and then a - p = a + 19 - 2^255. */
    uint64_t trial[LIMBS];
    memcpy(trial, wide, sizeof trial);
    trial[0] += 19u;
    for (unsigned i = 0; i + 1 < LIMBS; i++) {
        trial[i + 1] += trial[i] >> LIMB_BITS;
        trial[i] &= LIMB_MASK;
    }
    if (trial[LIMBS - 1] >> 23) {
        trial[LIMBS - 1] &= (1u << 23) - 1u;
        memcpy(wide, trial, sizeof trial);
    }
    memset(out, 0, 32);
    for (unsigned bit = 0; bit < 255; bit++) {
        unsigned limb = bit / LIMB_BITS;
        if ((wide[limb] >> (bit % LIMB_BITS)) & 1u) {
            out[bit / 8] |= (uint8_t)(1u << (bit % 8));
        }
    }
}

/* The low 255 bits of `in` as a field element (not reduced). */
static void fe_decode(fe_t *out, const uint8_t in[32])
{
    memset(out, 0, sizeof *out);
    for (unsigned bit = 0; bit < 255; bit++) {
        if ((in[bit / 8] >> (bit % 8)) & 1u) {
            out->v[bit / LIMB_BITS] |= 1u << (bit % LIMB_BITS);
        }
    }
}

static bool fe_equal(const fe_t *a, const fe_t *b)
{
    uint8_t ea[32], eb[32];
    fe_encode(ea, a);
    fe_encode(eb, b);
    return memcmp(ea, eb, 32) == 0;
}

static bool fe_is_odd(const fe_t *a)
{
    uint8_t e[32];
    fe_encode(e, a);
    return (e[0] & 1u) != 0;
}

static void fe_negate(fe_t *out, const fe_t *a)
{
    fe_t zero;
    fe_set_small(&zero, 0);
    fe_sub(out, &zero, a);
}

static void point_identity(point_t *p)
{
    fe_set_small(&p->x, 0);
    fe_set_small(&p->y, 1);
    fe_set_small(&p->z, 1);
    fe_set_small(&p->t, 0);
}

/* 5.1.4, addition in extended coordinates; `d2` is 2d. */
static void point_add(point_t *out, const point_t *p, const point_t *q, const fe_t *d2)
{
    fe_t a, b, c, d, e, f, g, h, s1, s2;
    fe_sub(&s1, &p->y, &p->x);
    fe_sub(&s2, &q->y, &q->x);
    fe_mul(&a, &s1, &s2);
    fe_add(&s1, &p->y, &p->x);
    fe_add(&s2, &q->y, &q->x);
    fe_mul(&b, &s1, &s2);
    fe_mul(&c, &p->t, &q->t);
    fe_mul(&c, &c, d2);
    fe_mul(&d, &p->z, &q->z);
    fe_add(&d, &d, &d);
    fe_sub(&e, &b, &a);
    fe_sub(&f, &d, &c);
    fe_add(&g, &d, &c);
    fe_add(&h, &b, &a);
    fe_mul(&out->x, &e, &f);
    fe_mul(&out->y, &g, &h);
    fe_mul(&out->t, &e, &h);
    fe_mul(&out->z, &f, &g);
}

/* 5.1.4, doubling. */
static void point_double(point_t *out, const point_t *p)
{
    fe_t a, b, c, e, f, g, h, sum;
    fe_square(&a, &p->x);
    fe_square(&b, &p->y);
    fe_square(&c, &p->z);
    fe_add(&c, &c, &c);
    fe_add(&h, &a, &b);
    fe_add(&sum, &p->x, &p->y);
    fe_square(&sum, &sum);
    fe_sub(&e, &h, &sum);
    fe_sub(&g, &a, &b);
    fe_add(&f, &c, &g);
    fe_mul(&out->x, &e, &f);
    fe_mul(&out->y, &g, &h);
    fe_mul(&out->t, &e, &h);
    fe_mul(&out->z, &f, &g);
}

static void point_encode(uint8_t out[32], const point_t *p)
{
    fe_t inverse, x, y;
    fe_invert(&inverse, &p->z);
    fe_mul(&x, &p->x, &inverse);
    fe_mul(&y, &p->y, &inverse);
    fe_encode(out, &y);
    out[31] |= (uint8_t)(fe_is_odd(&x) ? 0x80u : 0u);
}

/* 5.1.3. False when `in` is not the encoding of a curve point. */
static bool point_decode(point_t *out, const uint8_t in[32])
{
    fe_t y, d, u, v, v3, v7, x, check, one;
    uint8_t canonical[32];
    bool x_odd = (in[31] & 0x80u) != 0;
    fe_decode(&y, in);
    fe_encode(canonical, &y);
    canonical[31] |= in[31] & 0x80u;
    if (memcmp(canonical, in, 32) != 0) {
        return false; /* y >= p */
    }
    fe_decode(&d, d_bytes);
    fe_set_small(&one, 1);
    fe_square(&u, &y);
    fe_mul(&v, &u, &d);
    fe_sub(&u, &u, &one); /* u = y^2 - 1 */
    fe_add(&v, &v, &one); /* v = d y^2 + 1 */
    fe_square(&v3, &v);
    fe_mul(&v3, &v3, &v);
    fe_square(&v7, &v3);
    fe_mul(&v7, &v7, &v);
    fe_mul(&x, &u, &v7);
    fe_pow(&x, &x, 0xfd, 0x0f);
    fe_mul(&x, &x, &v3);
    fe_mul(&x, &x, &u); /* x = u v^3 (u v^7)^((p-5)/8) */
    fe_square(&check, &x);
    fe_mul(&check, &check, &v);
    if (!fe_equal(&check, &u)) {
        fe_t minus_u, sqrt_m1;
        fe_negate(&minus_u, &u);
        if (!fe_equal(&check, &minus_u)) {
            return false;
        }
        fe_decode(&sqrt_m1, sqrt_m1_bytes);
        fe_mul(&x, &x, &sqrt_m1);
    }
    fe_t zero;
    fe_set_small(&zero, 0);
    if (x_odd && fe_equal(&x, &zero)) {
        return false;
    }
    if (fe_is_odd(&x) != x_odd) {
        fe_negate(&x, &x);
    }
    out->x = x;
    out->y = y;
    fe_set_small(&out->z, 1);
    fe_mul(&out->t, &x, &y);
    return true;
}

/* Compares 32-byte little-endian numbers: true when a < b. */
static bool less_than(const uint8_t a[32], const uint8_t b[32])
{
    for (int i = 31; i >= 0; i--) {
        if (a[i] != b[i]) {
            return a[i] < b[i];
        }
    }
    return false;
}

/* k = digest mod L, bit by bit from the top: r = 2r + bit, minus L when it reaches L. r stays
 * below L < 2^253, so 2r + 1 fits in 256 bits. */
static void reduce_mod_order(uint8_t out[32], const uint8_t digest[64])
{
    uint8_t r[32] = {0};
    for (int bit = 511; bit >= 0; bit--) {
        unsigned carry = (digest[bit / 8] >> (bit % 8)) & 1u;
        for (unsigned i = 0; i < 32; i++) {
            unsigned doubled = ((unsigned)r[i] << 1) | carry;
            r[i] = (uint8_t)doubled;
            carry = doubled >> 8;
        }
        if (!less_than(r, order_bytes)) {
            unsigned borrow = 0;
            for (unsigned i = 0; i < 32; i++) {
                unsigned difference = (unsigned)r[i] - order_bytes[i] - borrow;
                r[i] = (uint8_t)difference;
                borrow = (difference >> 8) & 1u;
            }
        }
    }
    memcpy(out, r, 32);
}

void aios_ed25519_verify_init(aios_ed25519_verify_t *ctx,
                              const uint8_t signature[AIOS_ED25519_SIGNATURE_BYTES],
                              const uint8_t public_key[AIOS_ED25519_PUBLIC_KEY_BYTES])
{
    memcpy(ctx->signature, signature, sizeof ctx->signature);
    memcpy(ctx->public_key, public_key, sizeof ctx->public_key);
    aios_sha512_init(&ctx->hash);
    aios_sha512_update(&ctx->hash, signature, 32); /* R */
    aios_sha512_update(&ctx->hash, public_key, 32);
}

void aios_ed25519_verify_update(aios_ed25519_verify_t *ctx, const uint8_t *message, size_t length)
{
    aios_sha512_update(&ctx->hash, message, length);
}

bool aios_ed25519_verify_final(aios_ed25519_verify_t *ctx)
{
    const uint8_t *s = &ctx->signature[32];
    uint8_t digest[AIOS_SHA512_BYTES];
    uint8_t k[32];
    uint8_t encoded[32];
    point_t a, base, sum;
    fe_t d2;
    aios_sha512_final(&ctx->hash, digest);
    if (!less_than(s, order_bytes) || !point_decode(&a, ctx->public_key) ||
        !point_decode(&base, base_bytes)) {
        return false;
    }
    reduce_mod_order(k, digest);
    fe_decode(&d2, d_bytes);
    fe_add(&d2, &d2, &d2);
    /* -A, so one pass of double-and-add computes [S]B + [k](-A). */
    fe_negate(&a.x, &a.x);
    fe_negate(&a.t, &a.t);
    point_identity(&sum);
    for (int bit = 255; bit >= 0; bit--) {
        point_double(&sum, &sum);
        if ((s[bit / 8] >> (bit % 8)) & 1u) {
            point_add(&sum, &sum, &base, &d2);
        }
        if ((k[bit / 8] >> (bit % 8)) & 1u) {
            point_add(&sum, &sum, &a, &d2);
        }
    }
    point_encode(encoded, &sum);
    return memcmp(encoded, ctx->signature, 32) == 0;
}

bool aios_ed25519_verify(const uint8_t signature[AIOS_ED25519_SIGNATURE_BYTES],
                         const uint8_t public_key[AIOS_ED25519_PUBLIC_KEY_BYTES],
                         const uint8_t *message, size_t length)
{
    aios_ed25519_verify_t ctx;
    aios_ed25519_verify_init(&ctx, signature, public_key);
    aios_ed25519_verify_update(&ctx, message, length);
    return aios_ed25519_verify_final(&ctx);
}
