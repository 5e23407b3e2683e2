/*
 * Checks the fixed-base GT powers (mclgtfixed.c) of a built libmclbn384_256 against mclBnGT_pow:
 * random bases of GT, random exponents and the edges 0, 1, 2, r - 1, r - 2 and single-digit
 * values, and bases outside GT refused.
 * Exits non-zero on the first mismatch, so that a wrong library fails the build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mclbn.h"

size_t hhGT_precomputedSize(void);
int hhGT_precompute(void* table, const mclBnGT* g);
void hhGT_powFixed(mclBnGT* z, const void* table, const mclBnFr* k);

void mclBnFr_neg(mclBnFr* y, const mclBnFr* x);
void mclBnGT_add(mclBnGT* z, const mclBnGT* x, const mclBnGT* y);
void mclBnGT_setInt32(mclBnGT* y, int x);

static int failures;

static void expect_equal(const mclBnGT* g, const void* table, const mclBnFr* k, const char* what, int i) {
  mclBnGT fixed, plain;
  memset(&fixed, 0xa5, sizeof fixed);
  hhGT_powFixed(&fixed, table, k);
  mclBnGT_pow(&plain, g, k);
  if (memcmp(&fixed, &plain, sizeof fixed) != 0) {
    fprintf(stderr, "gtfixedcheck: %s exponent %d differs from mclBnGT_pow\n", what, i);
    failures++;
  }
}

static void edges(const mclBnGT* g, const void* table) {
  mclBnFr k, one, minus;
  mclBnFr_setInt(&one, 1);
  for (int i = 0; i < 40; i++) {
    mclBnFr_setInt(&k, i < 20 ? i : (int64_t)1 << (i - 20 + 5 * (i % 5)));
    expect_equal(g, table, &k, "small", i);
    mclBnFr_neg(&minus, &k);
    expect_equal(g, table, &minus, "r minus small", i);
  }
  /* Every signed digit equal to the top one (16 in base 32) forces a carry chain. */
  uint8_t bytes[32];
  for (int fill = 0; fill < 3; fill++) {
    memset(bytes, fill == 0 ? 0x84 : fill == 1 ? 0xff : 0x10, sizeof bytes);
    mclBnFr_setLittleEndianMod(&k, bytes, sizeof bytes);
    expect_equal(g, table, &k, "pattern", fill);
  }
}

int main(int argc, char** argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 200;
  if (mclBn_init(MCL_BLS12_381, MCLBN_COMPILED_TIME_VAR) != 0) return 2;
  void* table = malloc(hhGT_precomputedSize());
  if (!table) return 2;
  mclBnG1 p;
  mclBnG2 q;
  mclBnGT g, h;
  mclBnFr k;
  for (int base = 0; base < 3; base++) {
    char seed[16];
    int n = snprintf(seed, sizeof seed, "base %d", base);
    mclBnG1_hashAndMapTo(&p, seed, (size_t)n);
    mclBnG2_hashAndMapTo(&q, seed, (size_t)n);
    mclBn_pairing(&g, &p, &q);
    if (hhGT_precompute(table, &g) != 0) {
      fprintf(stderr, "gtfixedcheck: a pairing value was refused as a base\n");
      return 1;
    }
    edges(&g, table);
    for (int i = 0; i < rounds; i++) {
      uint8_t bytes[32];
      for (size_t j = 0; j < sizeof bytes; j++) bytes[j] = (uint8_t)rand();
      mclBnFr_setLittleEndianMod(&k, bytes, sizeof bytes);
      expect_equal(&g, table, &k, "random", i);
    }
  }
  /* g + 1 is an Fp12 element outside GT. */
  mclBnGT one;
  mclBnGT_setInt32(&one, 1);
  mclBnGT_add(&h, &g, &one);
  if (hhGT_precompute(table, &h) != -1) {
    fprintf(stderr, "gtfixedcheck: a base outside GT was accepted\n");
    failures++;
  }
  memset(&h, 0, sizeof h);
  if (hhGT_precompute(table, &h) != -1) {
    fprintf(stderr, "gtfixedcheck: zero was accepted as a base\n");
    failures++;
  }
  free(table);
  printf("gtfixedcheck: 3 bases x (%d random + 83 edge exponents), 2 bases outside GT; %d mismatches\n",
         rounds, failures);
  return failures == 0 ? 0 : 1;
}
