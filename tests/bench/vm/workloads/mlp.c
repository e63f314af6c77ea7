/* A small multilayer perceptron (256 -> 128 -> 10, ReLU, f32) classifying n samples. */
#include "bench.h"

#define IN 256
#define HIDDEN 128
#define OUT 10
static float w1[HIDDEN][IN], b1[HIDDEN], w2[OUT][HIDDEN], b2[OUT];
static float input[IN], hidden[HIDDEN];

static float small(uint32_t *s)
{
    return (float)(bench_rand(s) >> 16) / 65536.0f - 0.5f;
}

BENCH_EXPORT uint32_t bench(uint32_t n)
{
    uint32_t s = 2024, votes = 0;
    for (int h = 0; h < HIDDEN; h++) {
        b1[h] = small(&s) * 0.1f;
        for (int i = 0; i < IN; i++)
            w1[h][i] = small(&s) * 0.125f;
    }
    for (int o = 0; o < OUT; o++) {
        b2[o] = small(&s) * 0.1f;
        for (int h = 0; h < HIDDEN; h++)
            w2[o][h] = small(&s) * 0.25f;
    }
    for (uint32_t sample = 0; sample < n; sample++) {
        int best = 0;
        float best_score = -1e30f;
        for (int i = 0; i < IN; i++)
            input[i] = small(&s);
        for (int h = 0; h < HIDDEN; h++) {
            float acc = b1[h];
            for (int i = 0; i < IN; i++)
                acc += w1[h][i] * input[i];
            hidden[h] = acc > 0 ? acc : 0;
        }
        for (int o = 0; o < OUT; o++) {
            float acc = b2[o];
            for (int h = 0; h < HIDDEN; h++)
                acc += w2[o][h] * hidden[h];
            if (acc > best_score) {
                best_score = acc;
                best = o;
            }
        }
        votes = votes * 11u + (uint32_t)best;
    }
    return votes;
}
