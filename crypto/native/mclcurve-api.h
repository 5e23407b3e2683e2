/* mclcurve.c's entry points: the shim's G1/G2 multiplication, and the fixed-base tables. */

Z_mcl_instance_t* mclshim_instance(void);
int mclBnG1_isValidOrder(const void* x);
int mclBnG2_isValidOrder(const void* x);
void mclBnG1_mul(void* z, const void* x, const void* y);
void mclBnG2_mul(void* z, const void* x, const void* y);

#define HH_API __attribute__((visibility("default")))

/* n Fp elements; 0 unless every one is below p. */
static int load_fps(u64* v, const u8* at, int n) {
  int reduced = 1;
  for (int i = 0; i < n; i++) {
    load6(v + i * LIMBS, at + i * FP_BYTES);
    reduced &= less_than(v + i * LIMBS, BLS12_381_P, LIMBS);
  }
  return reduced;
}

/* mcl's struct (x, y, z in Montgomery form), if it is in the native domain: reduced, on the curve. */
static int g1_load(g1_jac* p, const void* at) { return load_fps((u64*)p, at, 3) && g1_on_curve(p); }
static int g2_load(g2_jac* p, const void* at) { return load_fps((u64*)p, at, 6) && g2_on_curve(p); }

/* The identity leaves as all zero, as mcl's clear() writes it. */
static void g1_store(void* at, const g1_jac* p) {
  g1_jac out = *p;
  if (g1_is_inf(&out)) g1_set_inf(&out);
  store_n(at, (const u64*)&out, 3 * LIMBS);
}

static void g2_store(void* at, const g2_jac* p) {
  g2_jac out = *p;
  if (g2_is_inf(&out)) g2_set_inf(&out);
  store_n(at, (const u64*)&out, 6 * LIMBS);
}

static int curve_as_expected(void) { return tower_as_expected(mclshim_instance()); }

/* ---- variable base ---- */

/* The two parts of k P (mcl's split, a P + b phi(P)); 0 outside the native domain. */
static int g1_prepare(g1_part part[2], const void* x, const void* y) {
  g1_jac p;
  u64 k[4], half[2][4];
  if (!g1_load(&p, x) || !fr_to_int(k, y)) return 0;
  split_g1(half[0], half[1], k);
  g1_odd_multiples(part[0].m, &p);
  for (int j = 0; j < FIXED_ENTRIES; j++) {
    part[1].m[j] = part[0].m[j];
    fp1_mul(&part[1].m[j].x, &part[0].m[j].x, &CUBE_ROOT);
  }
  for (int i = 0; i < 2; i++) {
    part[i].even = make_odd(half[i]);
    recode_odd(part[i].d, half[i], VAR_WINDOWS);
  }
  return 1;
}

/* psi on Jacobian coordinates: (cx conj(X), cy conj(Y), conj(Z)). */
static void g2_psi(g2_jac* r, const g2_jac* q) {
  g2_jac c = *q;
  Fp1 zero = {{0}};
  fp_sub(c.x.im, zero.v, q->x.im);
  fp_sub(c.y.im, zero.v, q->y.im);
  fp_sub(c.z.im, zero.v, q->z.im);
  fp2_mul(&c.x, &c.x, &PSI_CX);
  fp2_mul(&c.y, &c.y, &PSI_CY);
  *r = c;
}

/* odd digits below 2^64 (mcl's split digits are below |z|) fit 13 windows of 5 bits */
enum { G2_DIGIT_WINDOWS = 13 };

/* The four parts of k Q (mcl's split, sum d_i (-psi)^i(Q)); 0 outside the native domain. */
static int g2_prepare(g2_part part[4], const void* x, const void* y) {
  g2_jac q;
  u64 k[4], digit[4];
  if (!g2_load(&q, x) || !fr_to_int(k, y) || !split_g2(digit, k)) return 0;
  g2_odd_multiples(part[0].m, &q);
  /* psi multiplies G2 by z = -|z|, the base of mcl's split */
  for (int i = 1; i < 4; i++)
    for (int j = 0; j < FIXED_ENTRIES; j++) {
      g2_psi(&part[i].m[j], &part[i - 1].m[j]);
      g2_neg(&part[i].m[j], &part[i].m[j]);
    }
  for (int i = 0; i < 4; i++) {
    u64 d[4] = {digit[i], 0, 0, 0};
    part[i].even = make_odd(d);
    recode_odd(part[i].d, d, G2_DIGIT_WINDOWS);
  }
  return 1;
}

/*
 * z = k P from the parts, all parts sharing the doublings (Straus); 0, having written nothing,
 * outside the native domain. (A multi-point mulVec the same way was equal to mcl's but not
 * faster from 4 points on: regular recoding adds more than mcl's wNAF, so mulVec stays mcl's.)
 */
#define MUL_NATIVE(ec, PARTS, WINDOWS)                                    \
  int mclcurve_##ec##_mul(void* z, const void* x, const void* y) {        \
    ec##_part parts[PARTS];                                               \
    ec##_jac r;                                                           \
    if (!curve_as_expected() || !ec##_prepare(parts, x, y)) return 0;     \
    ec##_mul_parts(&r, parts, PARTS, WINDOWS);                            \
    ec##_store(z, &r);                                                    \
    return 1;                                                             \
  }

MUL_NATIVE(g1, 2, VAR_WINDOWS)
MUL_NATIVE(g2, 4, G2_DIGIT_WINDOWS)

/* ---- fixed base ---- */

/* A table's state word: not filled, holding the base only (mul falls back to mcl), or ready. */
enum { TABLE_EMPTY = 0, TABLE_BASE_ONLY = 0x4242, TABLE_READY = 0x5252 };

/* For a k below r: k if odd, else r - k (odd, as r is); returns all ones when it took r - k. */
static u64 odd_representative(u64 k[4]) {
  u64 rk[4];
  sub_n(rk, FR_R, k, 4);
  u64 even = (u64)0 - (~k[0] & 1);
  limbs_cmov(k, rk, 4, even);
  return even;
}

/*
 * hhG1_* / hhG2_*: tableSize() bytes hold the state, a copy of the base, and its table.
 * precompute returns 0 once the table is ready, 1 if only the base was kept (the identity, a
 * point outside the order-r subgroup, another curve, no memory); mulFixed then still gives
 * base k through mcl. mulFixed returns 1, writing nothing, for memory precompute never saw.
 * k B = -((r - k) B) on the subgroup, which is why the table needs a base in it.
 */
#define FIXED_BASE(G, ec, FE_TYPE)                                                                  \
  typedef struct {                                                                                  \
    u64 state;                                                                                      \
    u8 base[sizeof(ec##_jac)];                                                                      \
    ec##_table table;                                                                               \
  } ec##_fixed;                                                                                     \
                                                                                                    \
  HH_API size_t hh##G##_tableSize(void) { return sizeof(ec##_fixed); }                              \
                                                                                                    \
  HH_API int hh##G##_precompute(void* table, const void* base) {                                    \
    ec##_fixed* f = table;                                                                          \
    ec##_jac b;                                                                                     \
    memcpy(f->base, base, sizeof f->base);                                                          \
    f->state = TABLE_BASE_ONLY;                                                                     \
    if (!curve_as_expected() || !ec##_load(&b, base) || ec##_is_inf(&b) ||                          \
        mclBn##G##_isValidOrder(base) != 1)                                                         \
      return 1;                                                                                     \
    ec##_jac* jac = malloc(sizeof(ec##_jac) * FIXED_WINDOWS * FIXED_ENTRIES);                       \
    FE_TYPE* scratch = malloc(sizeof(FE_TYPE) * FIXED_WINDOWS * FIXED_ENTRIES);                     \
    int filled = jac && scratch;                                                                    \
    if (filled) ec##_fill_table(&f->table, &b, jac, scratch);                                       \
    free(jac);                                                                                      \
    free(scratch);                                                                                  \
    if (!filled) return 1;                                                                          \
    f->state = TABLE_READY;                                                                         \
    return 0;                                                                                       \
  }                                                                                                 \
                                                                                                    \
  HH_API int hh##G##_mulFixed(void* z, const void* table, const void* k) {                          \
    const ec##_fixed* f = table;                                                                    \
    u64 kv[4];                                                                                      \
    if (f->state == TABLE_READY && curve_as_expected() && fr_to_int(kv, k)) {                       \
      int d[FIXED_WINDOWS];                                                                         \
      ec##_jac r, negated;                                                                          \
      u64 negate = odd_representative(kv);                                                          \
      recode_odd(d, kv, FIXED_WINDOWS);                                                             \
      ec##_mul_fixed(&r, &f->table, d);                                                             \
      ec##_neg(&negated, &r);                                                                       \
      ec##_cmov(&r, &negated, negate);                                                              \
      ec##_store(z, &r);                                                                            \
      return 0;                                                                                     \
    }                                                                                               \
    if (f->state != TABLE_READY && f->state != TABLE_BASE_ONLY) return 1;                           \
    mclBn##G##_mul(z, f->base, k);                                                                  \
    return 0;                                                                                       \
  }

FIXED_BASE(G1, g1, Fp1)
FIXED_BASE(G2, g2, Fp2)
