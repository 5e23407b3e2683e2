/*
 * Native G1 and G2 scalar multiplication for mcl-wasm 2.4.1's translation, included after
 * mcltower.c by patch-mcl-c.py; the shim's mclBnG1_mul / mclBnG2_mul try it first.
 *
 * mclBnG1_mul and mclBnG2_mul must give the points mcl gives for every valid input, including
 * points outside the order-r subgroup (mcl does not check). mcl multiplies through its
 * endomorphism splits, whose results differ from k P off the subgroup; the native code uses the
 * same splits, so the result is the same point (fastcheck compares both on such points):
 * - G1: k = a + b L with b = (k v) >> 255, a = k - b L (L = z^2 - 1, v = 2^255 / L), and
 *   a P + b phi(P) with phi(x, y) = (w x, y) for mcl's cube root of unity w;
 * - G2: k = d0 + d1 |z| + d2 |z|^2 + d3 |z|^3, and d0 Q - d1 psi(Q) + d2 psi^2(Q) - d3 psi^3(Q)
 *   with mcl's psi(x, y) = (cx conj(x), cy conj(y)).
 * The native path runs only when mcl runs BLS12-381 (tower_as_expected), every coordinate is
 * below p, the point is on the curve and the scalar is below r; otherwise the translation runs.
 *
 * Timing: scalars may be secret (signing). Every scalar is recoded into odd signed 5-bit digits
 * (one addition per window, never skipped), table entries are read by scanning the whole row
 * with masks, signs are applied with masks, and field arithmetic is branch-free. What still
 * branches on data are the identity and equal-x cases of the addition formulas, which a random
 * scalar reaches with negligible probability. Variable-base multiplication reads its per-call
 * table at the digit's index (a cache-timing channel that mcl's own mclBnG1_mul has too) and
 * G2's split divides by |z| with the processor's divide instruction.
 *
 * hhG1_precompute / hhG1_mulFixed (and G2) keep, per fixed base in the order-r subgroup, the odd
 * multiples 1, 3, ..., 31 times 2^(5i) B for 51 windows, affine: a multiplication is then 50
 * mixed additions and no doubling.
 */

#include <stdlib.h>

#define FIXED_W 5
#define FIXED_ENTRIES 16
#define FIXED_WINDOWS 51
#define VAR_WINDOWS 26

typedef struct {
  u64 v[LIMBS];
} Fp1;

static const Fp1 FP_ONE = {{0x760900000002fffdull, 0xebf4000bc40c0002ull, 0x5f48985753c758baull, 0x77ce585370525745ull,
                            0x5c071a97a256ec6dull, 0x15f65ec3fa80e493ull}};
static const Fp1 FP_FOUR = {{0xaa270000000cfff3ull, 0x53cc0032fc34000aull, 0x478fe97a6b0a807full, 0xb1d37ebee6ba24d7ull,
                             0x8ec9733bbf78ab2full, 0x09d645513d83de7eull}};
/* mcl's rw: phi(P) = L P on G1 */
static const Fp1 CUBE_ROOT = {{0xcd03c9e48671f071ull, 0x5dab22461fcda5d2ull, 0x587042afd3851b95ull, 0x8eb60ebe01bacb9eull,
                               0x03f97d6e83d050d2ull, 0x18f0206554638741ull}};

static inline void fp1_add(Fp1* z, const Fp1* x, const Fp1* y) { fp_add(z->v, x->v, y->v); }
static inline void fp1_sub(Fp1* z, const Fp1* x, const Fp1* y) { fp_sub(z->v, x->v, y->v); }
static inline void fp1_mul(Fp1* z, const Fp1* x, const Fp1* y) { mont6(z->v, x->v, y->v, BLS12_381_P, BLS12_381_FACTOR); }
static inline void fp1_sqr(Fp1* z, const Fp1* x) { fp1_mul(z, x, x); }

static inline u64 limbs_or(const u64* x, int n) {
  u64 acc = 0;
  for (int i = 0; i < n; i++) acc |= x[i];
  return acc;
}

static inline int fp1_is_zero(const Fp1* x) { return limbs_or(x->v, LIMBS) == 0; }
static inline int fp1_equal(const Fp1* x, const Fp1* y) { return memcmp(x, y, sizeof *x) == 0; }

static inline void limbs_cmov(u64* r, const u64* a, int n, u64 mask) {
  for (int i = 0; i < n; i++) r[i] = (r[i] & ~mask) | (a[i] & mask);
}

static inline void fp1_cmov(Fp1* r, const Fp1* a, u64 mask) { limbs_cmov(r->v, a->v, LIMBS, mask); }

/* x^(p - 2): only for public values (table building). */
static void fp1_inv(Fp1* r, const Fp1* x) {
  u64 e[LIMBS];
  memcpy(e, BLS12_381_P, FP_BYTES);
  e[0] -= 2;
  Fp1 acc = FP_ONE;
  for (int bit = 380; bit >= 0; bit--) {
    fp1_sqr(&acc, &acc);
    if (e[bit / 64] >> (bit % 64) & 1) fp1_mul(&acc, &acc, x);
  }
  *r = acc;
}

/* fp2_mul and fp2_sqr come from mclmiller.c, included before this file. */

static inline int fp2_is_zero(const Fp2* x) { return (limbs_or(x->re, LIMBS) | limbs_or(x->im, LIMBS)) == 0; }
static inline int fp2_equal(const Fp2* x, const Fp2* y) { return memcmp(x, y, sizeof *x) == 0; }

static inline void fp2_cmov(Fp2* r, const Fp2* a, u64 mask) {
  limbs_cmov(r->re, a->re, LIMBS, mask);
  limbs_cmov(r->im, a->im, LIMBS, mask);
}

/* 1 / (a + b i) = (a - b i) / (a^2 + b^2) */
static void fp2_inv(Fp2* r, const Fp2* x) {
  Fp1 a, b, n, t, zero = {{0}};
  memcpy(a.v, x->re, FP_BYTES);
  memcpy(b.v, x->im, FP_BYTES);
  fp1_sqr(&n, &a);
  fp1_sqr(&t, &b);
  fp1_add(&n, &n, &t);
  fp1_inv(&n, &n);
  fp1_mul(&a, &a, &n);
  fp1_mul(&b, &b, &n);
  fp1_sub(&b, &zero, &b);
  memcpy(r->re, a.v, FP_BYTES);
  memcpy(r->im, b.v, FP_BYTES);
}

static const Fp2 FP2_ONE = {{0x760900000002fffdull, 0xebf4000bc40c0002ull, 0x5f48985753c758baull, 0x77ce585370525745ull,
                             0x5c071a97a256ec6dull, 0x15f65ec3fa80e493ull},
                            {0}};
/* b' = 4 (1 + i) */
static const Fp2 FP2_B = {{0xaa270000000cfff3ull, 0x53cc0032fc34000aull, 0x478fe97a6b0a807full, 0xb1d37ebee6ba24d7ull,
                           0x8ec9733bbf78ab2full, 0x09d645513d83de7eull},
                          {0xaa270000000cfff3ull, 0x53cc0032fc34000aull, 0x478fe97a6b0a807full, 0xb1d37ebee6ba24d7ull,
                           0x8ec9733bbf78ab2full, 0x09d645513d83de7eull}};
/* mcl's psi: (cx conj(x), cy conj(y)), psi(Q) = z Q on G2 */
static const Fp2 PSI_CX = {{0},
                           {0x890dc9e4867545c3ull, 0x2af322533285a5d5ull, 0x50880866309b7e2cull, 0xa20d1b8c7e881024ull,
                            0x14e4f04fe2db9068ull, 0x14e56d3f1564853aull}};
static const Fp2 PSI_CY = {{0x3e2f585da55c9ad1ull, 0x4294213d86c18183ull, 0x382844c88b623732ull, 0x92ad2afd19103e18ull,
                            0x1d794e4fac7cf0b9ull, 0x0bd592fc7d825ec8ull},
                           {0x7bcfa7a25aa30fdaull, 0xdc17dec12a927e7cull, 0x2f088dd86b4ebef1ull, 0xd1ca2087da74d4a7ull,
                            0x2da2596696cebc1dull, 0x0e2b7eedbbfd87d2ull}};

#define FE Fp1
#define fe_add fp1_add
#define fe_sub fp1_sub
#define fe_mul fp1_mul
#define fe_sqr fp1_sqr
#define fe_inv fp1_inv
#define fe_is_zero fp1_is_zero
#define fe_equal fp1_equal
#define fe_cmov fp1_cmov
#define FE_ONE FP_ONE
#define FE_B FP_FOUR
#define EC(name) g1_##name
#include "mclcurve-ec.h"

#define FE Fp2
#define fe_add fp2_add
#define fe_sub fp2_sub
#define fe_mul fp2_mul
#define fe_sqr fp2_sqr
#define fe_inv fp2_inv
#define fe_is_zero fp2_is_zero
#define fe_equal fp2_equal
#define fe_cmov fp2_cmov
#define FE_ONE FP2_ONE
#define FE_B FP2_B
#define EC(name) g2_##name
#include "mclcurve-ec.h"

#include "mclcurve-scalar.h"
#include "mclcurve-api.h"
