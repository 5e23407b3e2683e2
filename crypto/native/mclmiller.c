/*
 * The Miller loop's doubling step of mcl-wasm 2.4.1's translation as one native routine, included
 * after mclgt.c by patch-mcl-c.py.
 *
 * f376(l, Q) is mcl's dblLineWithoutP: it doubles Q = (X, Y, Z) on the twist in place and writes
 * the tangent line's coefficients l = (a, b, c). With t0 = Z^2, t1 = Y^2, t2 = 3 Z^2 b' (b' the
 * twist's b, mcl's generic twist case) and t3 = (3 t2 + Y^2) / 2:
 *   X' = (Y^2 - 3 t2) XY / 2,  Y' = t3^2 - 3 t2^2,  Z' = Y^2 ((Y + Z)^2 - Z^2 - Y^2),
 *   a = t2 - Y^2,  b = (Y + Z)^2 - Z^2 - Y^2,  c = X^2.
 * Every step is an Fp2 operation whose result for reduced operands is its one reduced value, so
 * the native evaluation of these formulas gives the same bytes. It runs when the tower is as
 * mcltower.c expects, the twist is mcl's generic case, halving goes through the table's shift
 * (f291) and (p + 1) / 2, and Q and b' are reduced, with l and Q apart; otherwise the translated
 * original runs. fastcheck.c compares the two.
 */

enum { OP_SHR1 = 18908, HALF_P_ROUNDED_UP = 18584, TWIST_B_TYPE = 28016, TWIST_B = 27920,
       TWIST_B_GENERIC = 0, G2_BYTES = 3 * FP2_BYTES };

/* (p + 1) / 2: what mcl adds to an odd value shifted right by one. */
static const u64 BLS12_381_P_PLUS_1_HALF[LIMBS] = {0xdcff7fffffffd556ull, 0x0f55ffff58a9ffffull,
                                                   0xb39869507b587b12ull, 0xb23ba5c279c2895full,
                                                   0x258dd3db21a5d66bull, 0x0d0088f51cbff34dull};

static int doubling_as_expected(Z_mcl_instance_t* instance) {
  u32 type;
  memcpy(&type, mem_at(instance, TWIST_B_TYPE), 4);
  return type == TWIST_B_GENERIC && tower_as_expected(instance) &&
         table_entry_is(instance, OP_SHR1, (wasm_rt_function_ptr_t)&w2c_f291) &&
         memcmp(mem_at(instance, HALF_P_ROUNDED_UP), BLS12_381_P_PLUS_1_HALF, FP_BYTES) == 0;
}

static inline void fp2_mul(Fp2* z, const Fp2* x, const Fp2* y) {
  Fp2Dbl product;
  fp2dbl_mul_pre(&product, x, y);
  fp2dbl_mod(z, &product);
}

static inline void fp2_sqr(Fp2* z, const Fp2* x) {
  Fp2Dbl square;
  fp2dbl_sqr_pre(&square, x);
  fp2dbl_mod(z, &square);
}

/* x / 2 for x below p: (x >> 1), plus (p + 1) / 2 when x is odd. */
static inline void fp_half(u64 z[LIMBS], const u64 x[LIMBS]) {
  u64 odd = x[0] & 1, mask = (u64)0 - odd, q[LIMBS];
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) {
    z[i] = (x[i] >> 1) | (i + 1 < LIMBS ? x[i + 1] << 63 : 0);
    q[i] = BLS12_381_P_PLUS_1_HALF[i] & mask;
  }
  add_n(z, z, q, LIMBS);
}

static inline void fp2_half(Fp2* z, const Fp2* x) {
  fp_half(z->re, x->re);
  fp_half(z->im, x->im);
}

/* mcl's dblLineWithoutP, step by step; q = (X, Y, Z), l = (a, b, c). */
static void miller_double(Fp2 l[3], Fp2 q[3], const Fp2* twist_b) {
  Fp2 t0, t1, t2, t3, t4, t5;
  Fp2Dbl d0, d1;
  fp2_sqr(&t0, &q[2]);
  fp2_mul(&t4, &q[0], &q[1]);
  fp2_sqr(&t1, &q[1]);
  fp2_add(&t3, &t0, &t0);
  fp2_half(&t4, &t4);
  fp2_add(&t5, &t0, &t1);
  fp2_add(&t0, &t0, &t3);
  fp2_mul(&t2, &t0, twist_b);
  fp2_sqr(&t0, &q[0]);
  fp2_add(&t3, &t2, &t2);
  fp2_add(&t3, &t3, &t2);
  fp2_sub(&q[0], &t1, &t3);
  fp2_add(&t3, &t3, &t1);
  fp2_mul(&q[0], &q[0], &t4);
  fp2_half(&t3, &t3);
  fp2dbl_sqr_pre(&d0, &t3);
  fp2dbl_sqr_pre(&d1, &t2);
  fp2dbl_sub(&d0, &d0, &d1);
  fp2dbl_add(&d1, &d1, &d1);
  fp2dbl_sub(&d0, &d0, &d1);
  fp2_add(&t3, &q[1], &q[2]);
  fp2dbl_mod(&q[1], &d0);
  fp2_sqr(&t3, &t3);
  fp2_sub(&t3, &t3, &t5);
  fp2_mul(&q[2], &t1, &t3);
  fp2_sub(&l[0], &t2, &t1);
  l[2] = t0;
  l[1] = t3;
}

static inline void load_fp2s(Fp2* v, u64 (*in)[LIMBS], int n) {
  for (int i = 0; i < n; i++) {
    memcpy(v[i].re, in[2 * i], FP_BYTES);
    memcpy(v[i].im, in[2 * i + 1], FP_BYTES);
  }
}

static inline void store_fp2s(u8* at, const Fp2* v, int n) {
  for (int i = 0; i < n; i++) {
    store6(at + i * FP2_BYTES, v[i].re);
    store6(at + i * FP2_BYTES + FP_BYTES, v[i].im);
  }
}

static inline int native_f376(Z_mcl_instance_t* instance, u32 l, u32 q) {
  u64 in[6][LIMBS], b[2][LIMBS];
  Fp2 qv[3], lv[3], twist_b;
  if (overlap(l, G2_BYTES, q, G2_BYTES) || !doubling_as_expected(instance) ||
      !load_reduced(in, mem_at(instance, q), 6) || !load_reduced(b, mem_at(instance, TWIST_B), 2))
    return 0;
  load_fp2s(qv, in, 3);
  load_fp2s(&twist_b, b, 1);
  miller_double(lv, qv, &twist_b);
  store_fp2s(mem_at(instance, q), qv, 3);
  store_fp2s(mem_at(instance, l), lv, 3);
  return 1;
}

static void w2c_f376(Z_mcl_instance_t* instance, u32 l, u32 q) {
  if (!native_f376(instance, l, q)) w2c_f376_wasm(instance, l, q);
}
