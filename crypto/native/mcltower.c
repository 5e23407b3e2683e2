/*
 * Native replacements for whole extension-field routines of mcl-wasm 2.4.1's translation (Fp2
 * squaring; Fp12 multiplication, squaring, cyclotomic squaring and multiplication by a Miller-loop
 * line), included after mclfast.c by patch-mcl-c.py.
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
       OP_ADD = 18916, OP_DBL_ADD = 18956, OP_DBL_MOD = 18964, OP_FP2DBL_MUL_PRE = 18884,
       OP_FP2DBL_SQR_PRE = 18888, OP_FP2DBL_MUL_XI = 18892, FP6DBL_MUL_PRE = 17696, OP_MUL = 18924,
       OP_XI_A = 18984 };

typedef struct {
  u64 re[LIMBS], im[LIMBS];
} Fp2;

typedef struct {
  u64 re[2 * LIMBS], im[2 * LIMBS];
} Fp2Dbl;

/* Fp6 = Fp2[v] / (v^3 - xi), Fp12 = Fp6[w] / (w^2 - v) as Fp6[2]. */
typedef struct {
  Fp2 c[3];
} Fp6;

typedef struct {
  Fp2Dbl c[3];
} Fp6Dbl;

static const u64 BLS12_381_P[LIMBS] = {0xb9feffffffffaaabull, 0x1eabfffeb153ffffull, 0x6730d2a0f6b0f624ull,
                                      0x64774b84f38512bfull, 0x4b1ba7b6434bacd7ull, 0x1a0111ea397fe69aull};
/* -p^-1 mod 2^64 */
static const u64 BLS12_381_FACTOR = 0x89f3fffcfffcfffdull;

/* The operation-table entries (slot in linear memory, function) the translated tower routines call. */
static const struct {
  u32 slot;
  wasm_rt_function_ptr_t function;
} TOWER_ENTRIES[] = {
    {OP_ADD, (wasm_rt_function_ptr_t)&w2c_f302},           {OP_SUB, (wasm_rt_function_ptr_t)&w2c_f301},
    {OP_MUL, (wasm_rt_function_ptr_t)&w2c_f305},           {OP_DBL_ADD, (wasm_rt_function_ptr_t)&w2c_f310},
    {OP_DBL_SUB, (wasm_rt_function_ptr_t)&w2c_f309},       {OP_DBL_MOD, (wasm_rt_function_ptr_t)&w2c_f303},
    {OP_FP2DBL_SQR_PRE, (wasm_rt_function_ptr_t)&w2c_f142}, {OP_FP2DBL_MUL_XI, (wasm_rt_function_ptr_t)&w2c_f145},
    {OP_FP2_MUL_XI, (wasm_rt_function_ptr_t)&w2c_f131},    {OP_FP2DBL_MUL_PRE, (wasm_rt_function_ptr_t)&w2c_f140},
    {OP_ADD_PRE, (wasm_rt_function_ptr_t)&w2c_f16},        {OP_DBL_SUB_PRE, (wasm_rt_function_ptr_t)&w2c_f52},
    {OP_COPY, (wasm_rt_function_ptr_t)&w2c_f287},          {FP6DBL_MUL_PRE, (wasm_rt_function_ptr_t)&w2c_f154},
};

/* True when mcl runs BLS12-381 (xi = 1 + i) with the table entries the translated tower routines call. */
static int tower_as_expected(Z_mcl_instance_t* instance) {
  u64 p[LIMBS], factor;
  u32 n, xi_a;
  memcpy(&n, mem_at(instance, OP_N), 4);
  memcpy(&xi_a, mem_at(instance, OP_XI_A), 4);
  if (n != 12 || xi_a != 1 || !montgomery_modulus(mem_at(instance, OP_P), p, &factor) ||
      memcmp(p, BLS12_381_P, FP_BYTES) != 0 || factor != BLS12_381_FACTOR)
    return 0;
  for (size_t i = 0; i < sizeof TOWER_ENTRIES / sizeof TOWER_ENTRIES[0]; i++)
    if (!table_entry_is(instance, TOWER_ENTRIES[i].slot, TOWER_ENTRIES[i].function)) return 0;
  return 1;
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

/* z += p when a subtraction borrowed (branch-free). */
static inline void add_p_after_borrow(u64 z[LIMBS], u64 borrow) {
  u64 q[LIMBS], mask = (u64)0 - borrow;
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) q[i] = BLS12_381_P[i] & mask;
  add_n(z, z, q, LIMBS);
}

static inline void fp_sub(u64 z[LIMBS], const u64 x[LIMBS], const u64 y[LIMBS]) {
  add_p_after_borrow(z, sub_n(z, x, y, LIMBS));
}

/* Double-width values below p * 2^384, as mcl's fpDbl add/sub keep them (the upper half reduced). */
static inline void dbl_add(u64 z[2 * LIMBS], const u64 x[2 * LIMBS], const u64 y[2 * LIMBS]) {
  u64 sum[2 * LIMBS];
  u64 carry = add_n(sum, x, y, 2 * LIMBS);
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) z[i] = sum[i];
  final_subtract(z + LIMBS, sum + LIMBS, carry, BLS12_381_P);
}

static inline void dbl_sub(u64 z[2 * LIMBS], const u64 x[2 * LIMBS], const u64 y[2 * LIMBS]) {
  add_p_after_borrow(z + LIMBS, sub_n(z, x, y, 2 * LIMBS));
}

/* Component by component over (re, im), for Fp2 and for its double-width values alike. */
#define COMPONENTWISE(name, type, op)                                  \
  static inline void name(type* z, const type* x, const type* y) {     \
    op(z->re, x->re, y->re);                                           \
    op(z->im, x->im, y->im);                                           \
  }

/* z = x (1 + i): (re - im) + (re + im) i */
#define MUL_XI(name, type, add, sub)                                   \
  static inline void name(type* z, const type* x) {                    \
    type t;                                                            \
    sub(t.re, x->re, x->im);                                           \
    add(t.im, x->re, x->im);                                           \
    *z = t;                                                            \
  }

COMPONENTWISE(fp2_add, Fp2, fp_add)
COMPONENTWISE(fp2_sub, Fp2, fp_sub)
MUL_XI(fp2_mul_xi, Fp2, fp_add, fp_sub)
COMPONENTWISE(fp2dbl_add, Fp2Dbl, dbl_add)
COMPONENTWISE(fp2dbl_sub, Fp2Dbl, dbl_sub)
MUL_XI(fp2dbl_mul_xi, Fp2Dbl, dbl_add, dbl_sub)

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
static void fp12_cyclotomic_sqr(Fp6 y[2], const Fp6 x[2]) {
  const Fp2 *x0 = &x[0].c[0], *x4 = &x[0].c[1], *x3 = &x[0].c[2], *x2 = &x[1].c[0], *x1 = &x[1].c[1], *x5 = &x[1].c[2];
  Fp2 t0, t1, t2, t3;
  sqr_fp4(&t0, &t1, x0, x1);
  triple_minus_twice(&y[0].c[0], &t0, x0);
  triple_plus_twice(&y[1].c[1], &t1, x1);
  sqr_fp4(&t0, &t1, x2, x3);
  sqr_fp4(&t2, &t3, x4, x5);
  triple_minus_twice(&y[0].c[1], &t0, x4);
  triple_plus_twice(&y[1].c[2], &t1, x5);
  fp2_mul_xi(&t0, &t3);
  triple_plus_twice(&y[1].c[0], &t0, x2);
  triple_minus_twice(&y[0].c[2], &t2, x3);
}

/* 0 unless every Fp element of the Fp12 is below p. */
static inline int load_fp12(Fp6 x[2], const u8* at) {
  u64 in[12][LIMBS];
  if (!load_reduced(in, at, 12)) return 0;
  for (int i = 0; i < 6; i++) {
    memcpy(x[i / 3].c[i % 3].re, in[2 * i], FP_BYTES);
    memcpy(x[i / 3].c[i % 3].im, in[2 * i + 1], FP_BYTES);
  }
  return 1;
}

static inline void store_fp12(u8* at, const Fp6 x[2]) {
  for (int i = 0; i < 6; i++) {
    store6(at + i * FP2_BYTES, x[i / 3].c[i % 3].re);
    store6(at + i * FP2_BYTES + FP_BYTES, x[i / 3].c[i % 3].im);
  }
}

/* ---- Fp12 multiplication and squaring, products kept double-width ---- */
/* As native_f140: ac - bd and (a + b)(c + d) - ac - bd, both below p * 2^384. */
static inline void fp2dbl_mul_pre(Fp2Dbl* z, const Fp2* x, const Fp2* y) {
  u64 s[LIMBS], t[LIMBS], ac[2 * LIMBS], bd[2 * LIMBS];
  add_n(s, x->re, x->im, LIMBS);
  add_n(t, y->re, y->im, LIMBS);
  mul6(z->im, s, t);
  mul6(ac, x->re, y->re);
  mul6(bd, x->im, y->im);
  sub_n(z->im, z->im, ac, 2 * LIMBS);
  sub_n(z->im, z->im, bd, 2 * LIMBS);
  dbl_sub(z->re, ac, bd);
}

static inline void fp6_add(Fp6* z, const Fp6* x, const Fp6* y) {
  for (int i = 0; i < 3; i++) fp2_add(&z->c[i], &x->c[i], &y->c[i]);
}

/* x v */
static inline void fp6_mul_v(Fp6* z, const Fp6* x) {
  Fp2 top;
  fp2_mul_xi(&top, &x->c[2]);
  z->c[2] = x->c[1];
  z->c[1] = x->c[0];
  z->c[0] = top;
}

static inline void fp6dbl_add(Fp6Dbl* z, const Fp6Dbl* x, const Fp6Dbl* y) {
  for (int i = 0; i < 3; i++) fp2dbl_add(&z->c[i], &x->c[i], &y->c[i]);
}

static inline void fp6dbl_sub(Fp6Dbl* z, const Fp6Dbl* x, const Fp6Dbl* y) {
  for (int i = 0; i < 3; i++) fp2dbl_sub(&z->c[i], &x->c[i], &y->c[i]);
}

/* z = x v; z and x apart. */
static inline void fp6dbl_mul_v(Fp6Dbl* z, const Fp6Dbl* x) {
  fp2dbl_mul_xi(&z->c[0], &x->c[2]);
  z->c[1] = x->c[0];
  z->c[2] = x->c[1];
}

static inline void fp6dbl_mod(Fp6* z, const Fp6Dbl* x) {
  for (int i = 0; i < 3; i++) fp2dbl_mod(&z->c[i], &x->c[i]);
}

/* (x + y) for the Karatsuba middle terms, then the product less the two outer products. */
static void karatsuba_term(Fp2Dbl* z, const Fp2* x0, const Fp2* x1, const Fp2* y0, const Fp2* y1,
                           const Fp2Dbl* t0, const Fp2Dbl* t1) {
  Fp2 s, t;
  fp2_add(&s, x0, x1);
  fp2_add(&t, y0, y1);
  fp2dbl_mul_pre(z, &s, &t);
  fp2dbl_sub(z, z, t0);
  fp2dbl_sub(z, z, t1);
}

/* z = x y unreduced (Karatsuba over Fp2). */
static void fp6dbl_mul_pre(Fp6Dbl* z, const Fp6* x, const Fp6* y) {
  Fp2Dbl t0, t1, t2, u, xi_t2;
  fp2dbl_mul_pre(&t0, &x->c[0], &y->c[0]);
  fp2dbl_mul_pre(&t1, &x->c[1], &y->c[1]);
  fp2dbl_mul_pre(&t2, &x->c[2], &y->c[2]);
  karatsuba_term(&u, &x->c[1], &x->c[2], &y->c[1], &y->c[2], &t1, &t2);
  fp2dbl_mul_xi(&u, &u);
  fp2dbl_add(&z->c[0], &u, &t0);
  karatsuba_term(&u, &x->c[0], &x->c[1], &y->c[0], &y->c[1], &t0, &t1);
  fp2dbl_mul_xi(&xi_t2, &t2);
  fp2dbl_add(&z->c[1], &u, &xi_t2);
  karatsuba_term(&u, &x->c[0], &x->c[2], &y->c[0], &y->c[2], &t0, &t2);
  fp2dbl_add(&z->c[2], &u, &t1);
}

/* z = (ac + bd v) + (t - ac - bd) w for t = (a + b)(c + d); t is overwritten. */
static void fp12_karatsuba_end(Fp6 z[2], Fp6Dbl* t, const Fp6Dbl* ac, const Fp6Dbl* bd) {
  Fp6Dbl bd_v;
  fp6dbl_sub(t, t, ac);
  fp6dbl_sub(t, t, bd);
  fp6dbl_mod(&z[1], t);
  fp6dbl_mul_v(&bd_v, bd);
  fp6dbl_add(t, ac, &bd_v);
  fp6dbl_mod(&z[0], t);
}

/* (a + b w)(c + d w) = (ac + bd v) + ((a + b)(c + d) - ac - bd) w */
static void fp12_mul(Fp6 z[2], const Fp6 x[2], const Fp6 y[2]) {
  Fp6Dbl ac, bd, t;
  Fp6 s0, s1;
  fp6dbl_mul_pre(&ac, &x[0], &y[0]);
  fp6dbl_mul_pre(&bd, &x[1], &y[1]);
  fp6_add(&s0, &x[0], &x[1]);
  fp6_add(&s1, &y[0], &y[1]);
  fp6dbl_mul_pre(&t, &s0, &s1);
  fp12_karatsuba_end(z, &t, &ac, &bd);
}

/* (a + b w)^2 = ((a + b)(a + b v) - ab - ab v) + 2ab w */
static void fp12_sqr(Fp6 z[2], const Fp6 x[2]) {
  Fp6Dbl ab, t, ab_v;
  Fp6 s0, s1, b_v;
  fp6dbl_mul_pre(&ab, &x[0], &x[1]);
  fp6_add(&s0, &x[0], &x[1]);
  fp6_mul_v(&b_v, &x[1]);
  fp6_add(&s1, &x[0], &b_v);
  fp6dbl_mul_pre(&t, &s0, &s1);
  fp6dbl_sub(&t, &t, &ab);
  fp6dbl_mul_v(&ab_v, &ab);
  fp6dbl_sub(&t, &t, &ab_v);
  fp6dbl_mod(&z[0], &t);
  fp6dbl_mod(&z[1], &ab);
  fp6_add(&z[1], &z[1], &z[1]);
}

static inline int native_f358(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y) {
  Fp6 xv[2], yv[2], zv[2];
  if (partly_overlap(z, FP12_BYTES, x, FP12_BYTES) || partly_overlap(z, FP12_BYTES, y, FP12_BYTES) ||
      !tower_as_expected(instance) || !load_fp12(xv, mem_at(instance, x)) ||
      !load_fp12(yv, mem_at(instance, y)))
    return 0;
  fp12_mul(zv, xv, yv);
  store_fp12(mem_at(instance, z), zv);
  return 1;
}

static void w2c_f358(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y) {
  if (!native_f358(instance, z, x, y)) w2c_f358_wasm(instance, z, x, y);
}

/* y = op(x) for the Fp12 squarings; op is constant in each caller, so this inlines. */
static inline int native_fp12_unary(Z_mcl_instance_t* instance, u32 y, u32 x, void (*op)(Fp6[2], const Fp6[2])) {
  Fp6 xv[2], yv[2];
  if (partly_overlap(y, FP12_BYTES, x, FP12_BYTES) || !tower_as_expected(instance) ||
      !load_fp12(xv, mem_at(instance, x)))
    return 0;
  op(yv, xv);
  store_fp12(mem_at(instance, y), yv);
  return 1;
}

static inline int native_f361(Z_mcl_instance_t* instance, u32 y, u32 x) {
  return native_fp12_unary(instance, y, x, fp12_sqr);
}

static inline int native_f370(Z_mcl_instance_t* instance, u32 y, u32 x) {
  return native_fp12_unary(instance, y, x, fp12_cyclotomic_sqr);
}

static void w2c_f370(Z_mcl_instance_t* instance, u32 y, u32 x) {
  if (!native_f370(instance, y, x)) w2c_f370_wasm(instance, y, x);
}

/* Set by mclgt.c's power wrappers (f353, f364) while every value they square is cyclotomic. */
static __thread int cyclotomic_squares;

static void w2c_f361(Z_mcl_instance_t* instance, u32 y, u32 x) {
  if (!(cyclotomic_squares ? native_f370(instance, y, x) : native_f361(instance, y, x)))
    w2c_f361_wasm(instance, y, x);
}

/* ---- multiplication by a Miller-loop line (l0 + l2 v) + (l1 v) w ---- */

/* z = x (c0 + c1 v) unreduced. */
static void fp6dbl_mul_sparse(Fp6Dbl* z, const Fp6* x, const Fp2* c0, const Fp2* c1) {
  Fp2Dbl t0, t1, u;
  fp2dbl_mul_pre(&t0, &x->c[0], c0);
  fp2dbl_mul_pre(&t1, &x->c[1], c1);
  karatsuba_term(&z->c[1], &x->c[0], &x->c[1], c0, c1, &t0, &t1);
  fp2dbl_mul_pre(&u, &x->c[2], c1);
  fp2dbl_mul_xi(&u, &u);
  fp2dbl_add(&z->c[0], &t0, &u);
  fp2dbl_mul_pre(&u, &x->c[2], c0);
  fp2dbl_add(&z->c[2], &t1, &u);
}

static void fp12_mul_line(Fp6 z[2], const Fp6 x[2], const Fp2 line[3]) {
  Fp6Dbl a, b, t;
  Fp6 s;
  Fp2 l12;
  fp6dbl_mul_sparse(&a, &x[0], &line[0], &line[2]);
  /* b = x1 (l1 v) */
  fp2dbl_mul_pre(&b.c[0], &x[1].c[2], &line[1]);
  fp2dbl_mul_xi(&b.c[0], &b.c[0]);
  fp2dbl_mul_pre(&b.c[1], &x[1].c[0], &line[1]);
  fp2dbl_mul_pre(&b.c[2], &x[1].c[1], &line[1]);
  fp6_add(&s, &x[0], &x[1]);
  fp2_add(&l12, &line[1], &line[2]);
  fp6dbl_mul_sparse(&t, &s, &line[0], &l12);
  fp12_karatsuba_end(z, &t, &a, &b);
}

/* f379: z *= line, the line's three Fp2 coefficients l0, l1, l2 in a row. */
static inline int native_f379(Z_mcl_instance_t* instance, u32 z, u32 line) {
  Fp6 zv[2];
  u64 l[6][LIMBS];
  Fp2 lv[3];
  if (overlap(z, FP12_BYTES, line, 3 * FP2_BYTES) || !tower_as_expected(instance) ||
      !load_fp12(zv, mem_at(instance, z)) || !load_reduced(l, mem_at(instance, line), 6))
    return 0;
  for (int i = 0; i < 3; i++) {
    memcpy(lv[i].re, l[2 * i], FP_BYTES);
    memcpy(lv[i].im, l[2 * i + 1], FP_BYTES);
  }
  Fp6 product[2];
  fp12_mul_line(product, zv, lv);
  store_fp12(mem_at(instance, z), product);
  return 1;
}

static void w2c_f379(Z_mcl_instance_t* instance, u32 z, u32 line) {
  if (!native_f379(instance, z, line)) w2c_f379_wasm(instance, z, line);
}

/* ---- f152: Fp2 squaring ---- */
static inline int native_f152(Z_mcl_instance_t* instance, u32 z, u32 x) {
  u64 in[2][LIMBS];
  if (partly_overlap(z, FP2_BYTES, x, FP2_BYTES) || !tower_as_expected(instance) ||
      !load_reduced(in, mem_at(instance, x), 2))
    return 0;
  Fp2 xv, zv;
  Fp2Dbl square;
  memcpy(xv.re, in[0], FP_BYTES);
  memcpy(xv.im, in[1], FP_BYTES);
  fp2dbl_sqr_pre(&square, &xv);
  fp2dbl_mod(&zv, &square);
  store6(mem_at(instance, z), zv.re);
  store6(mem_at(instance, z + FP_BYTES), zv.im);
  return 1;
}

static void w2c_f152(Z_mcl_instance_t* instance, u32 z, u32 x) {
  if (!native_f152(instance, z, x)) w2c_f152_wasm(instance, z, x);
}
