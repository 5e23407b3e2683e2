/*
 * Differential check of two builds of libmclbn384_256 (the patched one against the plain
 * translation, which reproduces native mcl byte for byte) on random inputs: hashing to both
 * groups, scalar multiplication, multi-scalar multiplication, pairings, GT powers, Fp and Fp2
 * arithmetic. Every result is compared serialized; exits non-zero on the first difference.
 *
 * usage: crosscheck LIB_A LIB_B [ROUNDS]
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mclbn.h"

typedef struct {
  int (*init)(int, int);
  int (*fr_mod)(mclBnFr*, const void*, size_t);
  int (*g1_hash)(mclBnG1*, const void*, size_t);
  int (*g2_hash)(mclBnG2*, const void*, size_t);
  void (*g1_mul)(mclBnG1*, const mclBnG1*, const mclBnFr*);
  void (*g2_mul)(mclBnG2*, const mclBnG2*, const mclBnFr*);
  void (*g1_mul_vec)(mclBnG1*, mclBnG1*, const mclBnFr*, size_t);
  void (*pairing)(mclBnGT*, const mclBnG1*, const mclBnG2*);
  void (*gt_pow)(mclBnGT*, const mclBnGT*, const mclBnFr*);
  int (*fp_mod)(mclBnFp*, const void*, size_t);
  void (*fp2_mul)(mclBnFp[2], const mclBnFp[2], const mclBnFp[2]);
  void (*fp2_sqr)(mclBnFp[2], const mclBnFp[2]);
  void (*fp2_inv)(mclBnFp[2], const mclBnFp[2]);
  size_t (*g1_ser)(void*, size_t, const mclBnG1*);
  size_t (*g2_ser)(void*, size_t, const mclBnG2*);
  size_t (*gt_ser)(void*, size_t, const mclBnGT*);
} Lib;

static void* symbol(void* handle, const char* name) {
  void* f = dlsym(handle, name);
  if (!f) {
    fprintf(stderr, "crosscheck: %s missing\n", name);
    exit(2);
  }
  return f;
}

static Lib open_lib(const char* path) {
  void* h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    fprintf(stderr, "crosscheck: %s\n", dlerror());
    exit(2);
  }
  Lib l;
  *(void**)&l.init = symbol(h, "mclBn_init");
  *(void**)&l.fr_mod = symbol(h, "mclBnFr_setLittleEndianMod");
  *(void**)&l.g1_hash = symbol(h, "mclBnG1_hashAndMapTo");
  *(void**)&l.g2_hash = symbol(h, "mclBnG2_hashAndMapTo");
  *(void**)&l.g1_mul = symbol(h, "mclBnG1_mul");
  *(void**)&l.g2_mul = symbol(h, "mclBnG2_mul");
  *(void**)&l.g1_mul_vec = symbol(h, "mclBnG1_mulVec");
  *(void**)&l.pairing = symbol(h, "mclBn_pairing");
  *(void**)&l.gt_pow = symbol(h, "mclBnGT_pow");
  *(void**)&l.fp_mod = symbol(h, "mclBnFp_setLittleEndianMod");
  *(void**)&l.fp2_mul = symbol(h, "mclBnFp2_mul");
  *(void**)&l.fp2_sqr = symbol(h, "mclBnFp2_sqr");
  *(void**)&l.fp2_inv = symbol(h, "mclBnFp2_inv");
  *(void**)&l.g1_ser = symbol(h, "mclBnG1_serialize");
  *(void**)&l.g2_ser = symbol(h, "mclBnG2_serialize");
  *(void**)&l.gt_ser = symbol(h, "mclBnGT_serialize");
  if (l.init(MCL_BLS12_381, MCLBN_COMPILED_TIME_VAR) != 0) exit(2);
  return l;
}

static uint64_t rng = 0x2545f4914f6cdd1dull;

static void random_bytes(uint8_t* b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    b[i] = (uint8_t)rng;
  }
}

static unsigned long round_no;

static void same(const char* what, const uint8_t* a, size_t na, const uint8_t* b, size_t nb) {
  if (na == nb && memcmp(a, b, na) == 0) return;
  fprintf(stderr, "crosscheck: %s differs in round %lu\n", what, round_no);
  exit(1);
}

#define SAME_SER(what, ser_a, ser_b, xa, xb)                 \
  do {                                                       \
    uint8_t ba[576], bb[576];                                \
    size_t na = ser_a(ba, sizeof ba, xa);                    \
    size_t nb = ser_b(bb, sizeof bb, xb);                    \
    same(what, ba, na, bb, nb);                              \
  } while (0)

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: crosscheck LIB_A LIB_B [ROUNDS]\n");
    return 2;
  }
  Lib a = open_lib(argv[1]), b = open_lib(argv[2]);
  unsigned long rounds = argc > 3 ? strtoul(argv[3], NULL, 10) : 200;
  for (round_no = 0; round_no < rounds; round_no++) {
    uint8_t msg[64], wide[64 * 3];
    size_t len = round_no % 64;
    random_bytes(msg, len);
    random_bytes(wide, sizeof wide);

    mclBnFr s[3], sb[3];
    for (int i = 0; i < 3; i++) {
      a.fr_mod(&s[i], wide + 64 * i, 64);
      b.fr_mod(&sb[i], wide + 64 * i, 64);
    }
    mclBnG1 p[3], pb[3], r, rb;
    mclBnG2 q, qb, q2, q2b;
    for (int i = 0; i < 3; i++) {
      msg[0] = (uint8_t)i;
      a.g1_hash(&p[i], msg, len > 0 ? len : 1);
      b.g1_hash(&pb[i], msg, len > 0 ? len : 1);
      SAME_SER("G1 hashAndMapTo", a.g1_ser, b.g1_ser, &p[i], &pb[i]);
    }
    a.g2_hash(&q, msg, len);
    b.g2_hash(&qb, msg, len);
    SAME_SER("G2 hashAndMapTo", a.g2_ser, b.g2_ser, &q, &qb);

    a.g1_mul(&r, &p[0], &s[0]);
    b.g1_mul(&rb, &pb[0], &sb[0]);
    SAME_SER("G1 mul", a.g1_ser, b.g1_ser, &r, &rb);
    a.g2_mul(&q2, &q, &s[1]);
    b.g2_mul(&q2b, &qb, &sb[1]);
    SAME_SER("G2 mul", a.g2_ser, b.g2_ser, &q2, &q2b);
    a.g1_mul_vec(&r, p, s, 3);
    b.g1_mul_vec(&rb, pb, sb, 3);
    SAME_SER("G1 mulVec", a.g1_ser, b.g1_ser, &r, &rb);

    mclBnGT e, eb, f, fb;
    a.pairing(&e, &r, &q2);
    b.pairing(&eb, &rb, &q2b);
    SAME_SER("pairing", a.gt_ser, b.gt_ser, &e, &eb);
    a.gt_pow(&f, &e, &s[2]);
    b.gt_pow(&fb, &eb, &sb[2]);
    SAME_SER("GT pow", a.gt_ser, b.gt_ser, &f, &fb);

    /* Fp2 through the public API: the fused Karatsuba routines sit underneath. */
    mclBnFp x[2], y[2], xb[2], yb[2], z[2], zb[2];
    for (int i = 0; i < 2; i++) {
      a.fp_mod(&x[i], wide + 48 * i, 48);
      b.fp_mod(&xb[i], wide + 48 * i, 48);
      a.fp_mod(&y[i], wide + 96 + 48 * i, 48);
      b.fp_mod(&yb[i], wide + 96 + 48 * i, 48);
    }
    a.fp2_mul(z, x, y);
    b.fp2_mul(zb, xb, yb);
    same("Fp2 mul", (uint8_t*)z, sizeof z, (uint8_t*)zb, sizeof zb);
    a.fp2_sqr(z, z);
    b.fp2_sqr(zb, zb);
    same("Fp2 sqr (aliased)", (uint8_t*)z, sizeof z, (uint8_t*)zb, sizeof zb);
    a.fp2_inv(z, x);
    b.fp2_inv(zb, xb);
    same("Fp2 inv", (uint8_t*)z, sizeof z, (uint8_t*)zb, sizeof zb);
  }
  printf("crosscheck: %lu rounds, both libraries agree\n", rounds);
  return 0;
}
