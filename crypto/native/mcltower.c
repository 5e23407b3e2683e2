/*
 * Native replacements for whole extension-field routines of mcl-wasm 2.4.1's translation (Fp12
 * cyclotomic squaring), included after mclfast.c by patch-mcl-c.py.
 *
 * For reduced operands every mcl field operation returns the one reduced representative of its
 * mathematical result, so a routine made of them computes a fixed polynomial map of its inputs:
 * native code evaluating the same map gives the same bytes. It runs only when the operation table
 * holds the entries the translated routine calls (so it is the routine mcl runs for BLS12-381, with
 * xi = 1 + i), when p is BLS12-381's, and when every input element is below p; the output either
 * coincides with the input or does not touch it. Otherwise the translated original runs.
 * fastcheck.c compares each replacement with its original.
 */

enum { FP2_BYTES = 2 * FP_BYTES, FP12_BYTES = 12 * FP_BYTES, OP_N = 17760, OP_FP2_MUL_XI = 18992,
       OP_ADD = 18916, OP_DBL_ADD = 18956, OP_DBL_MOD = 18964, OP_FP2DBL_SQR_PRE = 18888,
       OP_FP2DBL_MUL_XI = 18892 };

typedef struct {
  u64 re[LIMBS], im[LIMBS];
} Fp2;

typedef struct {
  u64 re[2 * LIMBS], im[2 * LIMBS];
} Fp2Dbl;

static const u64 BLS12_381_P[LIMBS] = {0xb9feffffffffaaabull, 0x1eabfffeb153ffffull, 0x6730d2a0f6b0f624ull,
                                      0x64774b84f38512bfull, 0x4b1ba7b6434bacd7ull, 0x1a0111ea397fe69aull};
/* -p^-1 mod 2^64 */
static const u64 BLS12_381_FACTOR = 0x89f3fffcfffcfffdull;

/* True when mcl runs BLS12-381 with the table entries the translated tower routines call. */
static int tower_as_expected(Z_mcl_instance_t* instance) {
  u64 p[LIMBS], factor;
  u32 n;
  memcpy(&n, mem_at(instance, OP_N), 4);
  if (n != 12 || !montgomery_modulus(mem_at(instance, OP_P), p, &factor) || memcmp(p, BLS12_381_P, FP_BYTES) != 0 ||
      factor != BLS12_381_FACTOR)
    return 0;
  return table_entry_is(instance, OP_ADD, (wasm_rt_function_ptr_t)&w2c_f302) &&
         table_entry_is(instance, OP_SUB, (wasm_rt_function_ptr_t)&w2c_f301) &&
         table_entry_is(instance, OP_DBL_ADD, (wasm_rt_function_ptr_t)&w2c_f310) &&
         table_entry_is(instance, OP_DBL_SUB, (wasm_rt_function_ptr_t)&w2c_f309) &&
         table_entry_is(instance, OP_DBL_MOD, (wasm_rt_function_ptr_t)&w2c_f303) &&
         table_entry_is(instance, OP_FP2DBL_SQR_PRE, (wasm_rt_function_ptr_t)&w2c_f142) &&
         table_entry_is(instance, OP_FP2DBL_MUL_XI, (wasm_rt_function_ptr_t)&w2c_f145) &&
         table_entry_is(instance, OP_FP2_MUL_XI, (wasm_rt_function_ptr_t)&w2c_f131);
}

/* Loads n consecutive Fp elements; 0 unless every one is below p. */
static inline int load_reduced(u64 (*v)[LIMBS], const u8* at, int n) {
  int reduced = 1;
  for (int i = 0; i < n; i++) {
    load6(v[i], at + i * FP_BYTES);
    reduced &= less_than(v[i], BLS12_381_P, LIMBS);
  }
  return reduced;
}

static inline void fp_add(u64 z[LIMBS], const u64 x[LIMBS], const u64 y[LIMBS]) {
  u64 sum[LIMBS];
  u64 carry = add_n(sum, x, y, LIMBS);
  final_subtract(z, sum, carry, BLS12_381_P);
}

static inline void fp_sub(u64 z[LIMBS], const u64 x[LIMBS], const u64 y[LIMBS]) {
  u64 d[LIMBS], q[LIMBS];
  u64 mask = (u64)0 - sub_n(d, x, y, LIMBS);
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) q[i] = BLS12_381_P[i] & mask;
  add_n(z, d, q, LIMBS);
}

static inline void fp2_add(Fp2* z, const Fp2* x, const Fp2* y) {
  fp_add(z->re, x->re, y->re);
  fp_add(z->im, x->im, y->im);
}

static inline void fp2_sub(Fp2* z, const Fp2* x, const Fp2* y) {
  fp_sub(z->re, x->re, y->re);
  fp_sub(z->im, x->im, y->im);
}

/* x (1 + i) */
static inline void fp2_mul_xi(Fp2* z, const Fp2* x) {
  Fp2 t;
  fp_sub(t.re, x->re, x->im);
  fp_add(t.im, x->re, x->im);
  *z = t;
}

/* Double-width values below p * 2^384, as mcl's fpDbl add/sub keep them (the upper half reduced). */
static inline void dbl_add(u64 z[2 * LIMBS], const u64 x[2 * LIMBS], const u64 y[2 * LIMBS]) {
  u64 sum[2 * LIMBS];
  u64 carry = add_n(sum, x, y, 2 * LIMBS);
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) z[i] = sum[i];
  final_subtract(z + LIMBS, sum + LIMBS, carry, BLS12_381_P);
}

static inline void dbl_sub(u64 z[2 * LIMBS], const u64 x[2 * LIMBS], const u64 y[2 * LIMBS]) {
  u64 q[LIMBS];
  u64 mask = (u64)0 - sub_n(z, x, y, 2 * LIMBS);
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) q[i] = BLS12_381_P[i] & mask;
  add_n(z + LIMBS, z + LIMBS, q, LIMBS);
}

static inline void fp2dbl_add(Fp2Dbl* z, const Fp2Dbl* x, const Fp2Dbl* y) {
  dbl_add(z->re, x->re, y->re);
  dbl_add(z->im, x->im, y->im);
}

static inline void fp2dbl_sub(Fp2Dbl* z, const Fp2Dbl* x, const Fp2Dbl* y) {
  dbl_sub(z->re, x->re, y->re);
  dbl_sub(z->im, x->im, y->im);
}

static inline void fp2dbl_mul_xi(Fp2Dbl* z, const Fp2Dbl* x) {
  Fp2Dbl t;
  dbl_sub(t.re, x->re, x->im);
  dbl_add(t.im, x->re, x->im);
  *z = t;
}

/* (a + b i)^2 unreduced, as native_f142: (a + b)(a - b) and 2b * a. */
static inline void fp2dbl_sqr_pre(Fp2Dbl* z, const Fp2* x) {
  u64 s[LIMBS], twice_b[LIMBS], diff[LIMBS];
  add_n(twice_b, x->im, x->im, LIMBS);
  add_n(s, x->re, x->im, LIMBS);
  fp_sub(diff, x->re, x->im);
  mul6(z->im, twice_b, x->re);
  mul6(z->re, diff, s);
}

static inline void fp2dbl_mod(Fp2* z, const Fp2Dbl* x) {
  redc6(z->re, x->re, BLS12_381_P, BLS12_381_FACTOR);
  redc6(z->im, x->im, BLS12_381_P, BLS12_381_FACTOR);
}

/* (z0, z1) = (x0^2 + xi x1^2, 2 x0 x1): squaring in Fp4 = Fp2[w] / (w^2 - xi). */
static void sqr_fp4(Fp2* z0, Fp2* z1, const Fp2* x0, const Fp2* x1) {
  Fp2Dbl t0, t1, t2;
  Fp2 s;
  fp2dbl_sqr_pre(&t0, x0);
  fp2dbl_sqr_pre(&t1, x1);
  fp2dbl_mul_xi(&t2, &t1);
  fp2dbl_add(&t2, &t2, &t0);
  fp2_add(&s, x0, x1);
  fp2dbl_mod(z0, &t2);
  fp2dbl_sqr_pre(&t2, &s);
  fp2dbl_sub(&t2, &t2, &t0);
  fp2dbl_sub(&t2, &t2, &t1);
  fp2dbl_mod(z1, &t2);
}

/* y = 3t - 2x and y = 3t + 2x, the way mcl sums them: ((t -+ x) + (t -+ x)) + t. */
static inline void triple_minus_twice(Fp2* y, const Fp2* t, const Fp2* x) {
  fp2_sub(y, t, x);
  fp2_add(y, y, y);
  fp2_add(y, y, t);
}

static inline void triple_plus_twice(Fp2* y, const Fp2* t, const Fp2* x) {
  fp2_add(y, t, x);
  fp2_add(y, y, y);
  fp2_add(y, y, t);
}

/*
 * Granger-Scott squaring in the cyclotomic subgroup (mcl's fasterSqr), with the Fp12 element held
 * as mcl does: a = (x0, x4, x3), b = (x2, x1, x5) in Fp2 order.
 */
static void fp12_cyclotomic_sqr(Fp2 y[6], const Fp2 x[6]) {
  const Fp2 *x0 = &x[0], *x4 = &x[1], *x3 = &x[2], *x2 = &x[3], *x1 = &x[4], *x5 = &x[5];
  Fp2 t0, t1, t2, t3;
  sqr_fp4(&t0, &t1, x0, x1);
  triple_minus_twice(&y[0], &t0, x0);
  triple_plus_twice(&y[4], &t1, x1);
  sqr_fp4(&t0, &t1, x2, x3);
  sqr_fp4(&t2, &t3, x4, x5);
  triple_minus_twice(&y[1], &t0, x4);
  triple_plus_twice(&y[5], &t1, x5);
  fp2_mul_xi(&t0, &t3);
  triple_plus_twice(&y[3], &t0, x2);
  triple_minus_twice(&y[2], &t2, x3);
}

static inline int native_f370(Z_mcl_instance_t* instance, u32 y, u32 x) {
  if (partly_overlap(y, FP12_BYTES, x, FP12_BYTES) || !tower_as_expected(instance)) return 0;
  u64 in[12][LIMBS];
  if (!load_reduced(in, mem_at(instance, x), 12)) return 0;
  Fp2 xv[6], yv[6];
  for (int i = 0; i < 6; i++) {
    memcpy(xv[i].re, in[2 * i], FP_BYTES);
    memcpy(xv[i].im, in[2 * i + 1], FP_BYTES);
  }
  fp12_cyclotomic_sqr(yv, xv);
  u8* out = mem_at(instance, y);
  for (int i = 0; i < 6; i++) {
    store6(out + i * FP2_BYTES, yv[i].re);
    store6(out + i * FP2_BYTES + FP_BYTES, yv[i].im);
  }
  return 1;
}

static void w2c_f370(Z_mcl_instance_t* instance, u32 y, u32 x) {
  if (!native_f370(instance, y, x)) w2c_f370_wasm(instance, y, x);
}
