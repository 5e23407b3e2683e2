/*
 * Jacobian arithmetic on y^2 = x^3 + b (a = 0) over one field, written once and included by
 * mclcurve.c for G1 (over Fp) and G2 (over Fp2). A point (X, Y, Z) is (X / Z^2, Y / Z^3), as in
 * mcl; Z = 0 is the identity. Neither curve has a point of order 2 (both group orders are odd),
 * so doubling never meets y = 0 outside the identity.
 *
 * Before inclusion: FE (the field type) with fe_add, fe_sub, fe_mul, fe_sqr, fe_inv, fe_is_zero,
 * fe_equal, fe_cmov, FE_ONE and FE_B (Montgomery constants); EC(name) names this curve's functions.
 * The file undefines them all at its end, ready for the next curve.
 */

typedef struct {
  FE x, y, z;
} EC(jac);

typedef struct {
  FE x, y;
} EC(aff);

static inline int EC(is_inf)(const EC(jac) * p) { return fe_is_zero(&p->z); }

static inline void EC(set_inf)(EC(jac) * p) { memset(p, 0, sizeof *p); }

static inline void EC(from_aff)(EC(jac) * p, const EC(aff) * a) {
  p->x = a->x;
  p->y = a->y;
  p->z = FE_ONE;
}

static inline void EC(neg)(EC(jac) * r, const EC(jac) * p) {
  FE zero = {0};
  r->x = p->x;
  fe_sub(&r->y, &zero, &p->y);
  r->z = p->z;
}

/* dbl-2009-l: 2M + 5S. The identity (Z = 0) doubles to Z3 = 0. */
static void EC(dbl)(EC(jac) * r, const EC(jac) * p) {
  FE a, b, c, d, e, f, t;
  fe_sqr(&a, &p->x);
  fe_sqr(&b, &p->y);
  fe_sqr(&c, &b);
  fe_add(&t, &p->x, &b);
  fe_sqr(&t, &t);
  fe_sub(&t, &t, &a);
  fe_sub(&t, &t, &c);
  fe_add(&d, &t, &t);
  fe_add(&e, &a, &a);
  fe_add(&e, &e, &a);
  fe_sqr(&f, &e);
  fe_mul(&t, &p->y, &p->z);
  fe_add(&r->z, &t, &t);
  fe_sub(&t, &f, &d);
  fe_sub(&r->x, &t, &d);
  fe_sub(&t, &d, &r->x);
  fe_mul(&t, &e, &t);
  fe_add(&c, &c, &c);
  fe_add(&c, &c, &c);
  fe_add(&c, &c, &c);
  fe_sub(&r->y, &t, &c);
}

/*
 * The tail shared by the general and the mixed addition, given U1, S1 (the first point scaled),
 * H = U2 - U1, R = S2 - S1 and the new Z3 without the H factor (zz): X3 = R^2 - H^3 - 2 U1 H^2,
 * Y3 = R (U1 H^2 - X3) - S1 H^3, Z3 = zz H. H = 0 means equal x: the same point (R = 0, double
 * it) or opposite points (the identity). Returns 0 when the caller must double instead.
 */
static inline int EC(add_tail)(EC(jac) * r, const FE* u1, const FE* s1, const FE* h, const FE* rr, const FE* zz) {
  if (fe_is_zero(h)) {
    if (fe_is_zero(rr)) return 0;
    EC(set_inf)(r);
    return 1;
  }
  FE hh, hhh, v, t;
  fe_sqr(&hh, h);
  fe_mul(&hhh, &hh, h);
  fe_mul(&v, u1, &hh);
  fe_mul(&r->z, zz, h);
  fe_sqr(&t, rr);
  fe_sub(&t, &t, &hhh);
  fe_sub(&t, &t, &v);
  fe_sub(&r->x, &t, &v);
  fe_sub(&t, &v, &r->x);
  fe_mul(&t, rr, &t);
  fe_mul(&hhh, s1, &hhh);
  fe_sub(&r->y, &t, &hhh);
  return 1;
}

/* r = p + q for any p, q (r may be p or q): 12M + 4S. */
static void EC(add)(EC(jac) * r, const EC(jac) * p, const EC(jac) * q) {
  if (EC(is_inf)(p)) {
    *r = *q;
    return;
  }
  if (EC(is_inf)(q)) {
    *r = *p;
    return;
  }
  FE z1z1, z2z2, u1, u2, s1, s2, h, rr, zz;
  fe_sqr(&z1z1, &p->z);
  fe_sqr(&z2z2, &q->z);
  fe_mul(&u1, &p->x, &z2z2);
  fe_mul(&u2, &q->x, &z1z1);
  fe_mul(&s1, &p->y, &q->z);
  fe_mul(&s1, &s1, &z2z2);
  fe_mul(&s2, &q->y, &p->z);
  fe_mul(&s2, &s2, &z1z1);
  fe_sub(&h, &u2, &u1);
  fe_sub(&rr, &s2, &s1);
  fe_mul(&zz, &p->z, &q->z);
  EC(jac) copy = *q;
  if (!EC(add_tail)(r, &u1, &s1, &h, &rr, &zz)) EC(dbl)(r, &copy);
}

/* r = p + a for an affine a (r may be p): 8M + 3S. */
static void EC(madd)(EC(jac) * r, const EC(jac) * p, const EC(aff) * a) {
  if (EC(is_inf)(p)) {
    EC(from_aff)(r, a);
    return;
  }
  FE z1z1, u2, s2, h, rr;
  fe_sqr(&z1z1, &p->z);
  fe_mul(&u2, &a->x, &z1z1);
  fe_mul(&s2, &a->y, &p->z);
  fe_mul(&s2, &s2, &z1z1);
  fe_sub(&h, &u2, &p->x);
  fe_sub(&rr, &s2, &p->y);
  EC(jac) in = *p;
  if (!EC(add_tail)(r, &in.x, &in.y, &h, &rr, &in.z)) {
    EC(from_aff)(r, a);
    EC(dbl)(r, r);
  }
}

/* Constant-time r = c ? a : r over whole points. */
static inline void EC(cmov_aff)(EC(aff) * r, const EC(aff) * a, u64 c) {
  fe_cmov(&r->x, &a->x, c);
  fe_cmov(&r->y, &a->y, c);
}

static inline void EC(cmov)(EC(jac) * r, const EC(jac) * a, u64 c) {
  fe_cmov(&r->x, &a->x, c);
  fe_cmov(&r->y, &a->y, c);
  fe_cmov(&r->z, &a->z, c);
}

/* Whether (X, Y, Z) satisfies Y^2 = X^3 + b Z^6 (the identity does). */
static int EC(on_curve)(const EC(jac) * p) {
  FE y2, x3, z2, z6;
  fe_sqr(&y2, &p->y);
  fe_sqr(&x3, &p->x);
  fe_mul(&x3, &x3, &p->x);
  fe_sqr(&z2, &p->z);
  fe_mul(&z6, &z2, &p->z);
  fe_sqr(&z6, &z6);
  fe_mul(&z6, &z6, &FE_B);
  fe_add(&x3, &x3, &z6);
  return fe_equal(&y2, &x3);
}

/* Affine forms of n points, none the identity, with one field inversion (Montgomery's trick). */
static void EC(normalize_all)(EC(aff) * out, const EC(jac) * in, FE* scratch, int n) {
  FE acc = FE_ONE, inv, zinv, zinv2;
  for (int i = 0; i < n; i++) {
    scratch[i] = acc;
    fe_mul(&acc, &acc, &in[i].z);
  }
  fe_inv(&inv, &acc);
  for (int i = n - 1; i >= 0; i--) {
    fe_mul(&zinv, &inv, &scratch[i]);
    fe_mul(&inv, &inv, &in[i].z);
    fe_sqr(&zinv2, &zinv);
    fe_mul(&out[i].x, &in[i].x, &zinv2);
    fe_mul(&zinv2, &zinv2, &zinv);
    fe_mul(&out[i].y, &in[i].y, &zinv2);
  }
}

/* ---- fixed-base tables: odd multiples (1, 3, ..., 2^W - 1) 2^(W i) B for each window i ---- */

typedef struct {
  EC(aff) entry[FIXED_WINDOWS][FIXED_ENTRIES];
} EC(table);

/* Fills t for a base b that is not the identity; scratch holds FIXED_WINDOWS * FIXED_ENTRIES points. */
static void EC(fill_table)(EC(table) * t, const EC(jac) * b, EC(jac) * jac, FE* scratch) {
  EC(jac) base = *b, twice;
  for (int i = 0; i < FIXED_WINDOWS; i++) {
    EC(jac)* row = jac + i * FIXED_ENTRIES;
    row[0] = base;
    EC(dbl)(&twice, &base);
    for (int j = 1; j < FIXED_ENTRIES; j++) EC(add)(&row[j], &row[j - 1], &twice);
    /* 2^W B = (2^W - 1) B + B */
    EC(add)(&base, &row[FIXED_ENTRIES - 1], &base);
  }
  EC(normalize_all)(&t->entry[0][0], jac, scratch, FIXED_WINDOWS * FIXED_ENTRIES);
}

/* entry[i][|d| / 2] negated when d < 0, read without an index-dependent access. */
static inline void EC(lookup)(EC(aff) * r, const EC(aff) row[FIXED_ENTRIES], int d) {
  u64 sign = (u64)(d >> 31) & 1;
  u32 index = (u32)((d ^ -(int)sign) + (int)sign) >> 1;
  for (u32 j = 0; j < FIXED_ENTRIES; j++) EC(cmov_aff)(r, &row[j], (u64)0 - (u64)(j == index));
  FE zero = {0}, negated;
  fe_sub(&negated, &zero, &r->y);
  fe_cmov(&r->y, &negated, (u64)0 - sign);
}

/* r = k B for odd digits d (k = sum d[i] 2^(W i)): one lookup and one mixed addition per window. */
static void EC(mul_fixed)(EC(jac) * r, const EC(table) * t, const int d[FIXED_WINDOWS]) {
  EC(aff) a;
  EC(lookup)(&a, t->entry[0], d[0]);
  EC(from_aff)(r, &a);
  for (int i = 1; i < FIXED_WINDOWS; i++) {
    EC(lookup)(&a, t->entry[i], d[i]);
    EC(madd)(r, r, &a);
  }
}

/* ---- variable base: odd multiples 1, 3, ..., 2^W - 1 of p, Jacobian ---- */

static void EC(odd_multiples)(EC(jac) m[FIXED_ENTRIES], const EC(jac) * p) {
  EC(jac) twice;
  EC(dbl)(&twice, p);
  m[0] = *p;
  for (int j = 1; j < FIXED_ENTRIES; j++) EC(add)(&m[j], &m[j - 1], &twice);
}

/* m[|d| / 2], negated when d < 0. The index is read directly (see mclcurve.c on timing). */
static inline void EC(lookup_jac)(EC(jac) * r, const EC(jac) m[FIXED_ENTRIES], int d) {
  u64 sign = (u64)(d >> 31) & 1;
  u32 index = (u32)((d ^ -(int)sign) + (int)sign) >> 1;
  *r = m[index];
  FE zero = {0}, negated;
  fe_sub(&negated, &zero, &r->y);
  fe_cmov(&r->y, &negated, (u64)0 - sign);
}

/* One scalar-point product of a multiplication: P's odd multiples and k's odd digits. */
typedef struct {
  EC(jac) m[FIXED_ENTRIES];
  int d[VAR_WINDOWS];
  u64 even; /* all ones if k was even and k + 1 was recoded */
} EC(part);

/* r = sum of the n parts' products: W doublings and n additions per window, then P subtracted again for even k. */
static void EC(mul_parts)(EC(jac) * r, const EC(part) * parts, int n, int windows) {
  EC(jac) a;
  EC(set_inf)(r);
  for (int i = windows - 1; i >= 0; i--) {
    for (int s = 0; s < FIXED_W && i != windows - 1; s++) EC(dbl)(r, r);
    for (int j = 0; j < n; j++) {
      EC(lookup_jac)(&a, parts[j].m, parts[j].d[i]);
      EC(add)(r, r, &a);
    }
  }
  for (int j = 0; j < n; j++) {
    EC(jac) negated, difference;
    EC(neg)(&negated, &parts[j].m[0]);
    EC(add)(&difference, r, &negated);
    EC(cmov)(r, &difference, parts[j].even);
  }
}

#undef FE
#undef fe_add
#undef fe_sub
#undef fe_mul
#undef fe_sqr
#undef fe_inv
#undef fe_is_zero
#undef fe_equal
#undef fe_cmov
#undef FE_ONE
#undef FE_B
#undef EC
