/* Scalars for mclcurve.c: mcl's Fr to an integer, odd signed-digit recoding, mcl's splits. */

static const u64 FR_R[4] = {0xffffffff00000001ull, 0x53bda402fffe5bfeull, 0x3339d80809a1d805ull, 0x73eda753299d7d48ull};
/* -r^-1 mod 2^64 */
static const u64 FR_FACTOR = 0xfffffffeffffffffull;
/* L = z^2 - 1 and v = 2^255 / L (mcl's G1 split), |z| (mcl's G2 split) */
static const u64 SPLIT_L[2] = {0x00000000ffffffffull, 0xac45a4010001a402ull};
static const u64 SPLIT_V[2] = {0xb1fb72917b67f718ull, 0xbe35f678f00fd56eull};
static const u64 ABS_Z = 0xd201000000010000ull;

/* k = raw / 2^256 mod r (mcl keeps Fr in Montgomery form); 0 unless raw is below r. */
static int fr_to_int(u64 k[4], const u8* raw) {
  u64 t[8] = {0}, top = 0, d[4];
  load_n(t, raw, 4);
  if (!less_than(t, FR_R, 4)) return 0;
  for (int i = 0; i < 4; i++) {
    u64 m = t[i] * FR_FACTOR, carry = 0;
    for (int j = 0; j < 4; j++) {
      u128 s = (u128)m * FR_R[j] + t[i + j] + carry;
      t[i + j] = (u64)s;
      carry = (u64)(s >> 64);
    }
    u128 s = (u128)t[i + 4] + carry + top;
    t[i + 4] = (u64)s;
    top = (u64)(s >> 64);
  }
  u64 keep = (u64)0 - (!top & sub_n(d, t + 4, FR_R, 4));
  for (int i = 0; i < 4; i++) k[i] = (t[4 + i] & keep) | (d[i] & ~keep);
  return 1;
}

/* Makes k odd (k | 1, i.e. k + 1 for an even k); returns all ones if k was even, else 0. */
static inline u64 make_odd(u64 k[4]) {
  u64 even = (u64)0 - (~k[0] & 1);
  k[0] |= 1;
  return even;
}

/*
 * An odd k below 2^(5 n) as n odd digits in [-31, 31], k = sum d[i] 2^(5 i): each step takes
 * d = (k mod 64) - 32, which leaves (k - d) / 32 odd again, and the last quotient is below 32.
 */
static void recode_odd(int* d, const u64 k[4], int n) {
  u64 t[4] = {k[0], k[1], k[2], k[3]};
  for (int i = 0; i < n - 1; i++) {
    int v = (int)(t[0] & 63) - 32;
    d[i] = v;
    u64 minus_v = (u64)(int64_t)(-v), ext = (u64)((int64_t)minus_v >> 63);
    unsigned char c = _addcarry_u64(0, t[0], minus_v, (unsigned long long*)&t[0]);
    for (int j = 1; j < 4; j++) c = _addcarry_u64(c, t[j], ext, (unsigned long long*)&t[j]);
    for (int j = 0; j < 3; j++) t[j] = (t[j] >> FIXED_W) | (t[j + 1] << (64 - FIXED_W));
    t[3] >>= FIXED_W;
  }
  d[n - 1] = (int)t[0];
}

/* z = x y, z zeroed beforehand with nx + ny limbs (row i's top limb is still zero when it starts). */
static void mul_limbs(u64* z, const u64* x, int nx, const u64* y, int ny) {
  for (int i = 0; i < nx; i++) {
    u64 carry = 0;
    for (int j = 0; j < ny; j++) {
      u128 s = (u128)x[i] * y[j] + z[i + j] + carry;
      z[i + j] = (u64)s;
      carry = (u64)(s >> 64);
    }
    z[i + ny] = carry;
  }
}

/*
 * mcl's G1 split, step for step (off the subgroup any other split gives another point):
 * b = ((k >> 127) v) >> 128, a = k - b L, then once: if a >= L, a - L and b + 1.
 */
static void split_g1(u64 a[4], u64 b[4], const u64 k[4]) {
  u64 high[2] = {(k[1] >> 63) | (k[2] << 1), (k[2] >> 63) | (k[3] << 1)};
  u64 t[4] = {0}, bl[4] = {0}, rest[4], less[2];
  mul_limbs(t, high, 2, SPLIT_V, 2);
  b[0] = t[2];
  b[1] = t[3];
  b[2] = b[3] = 0;
  mul_limbs(bl, b, 2, SPLIT_L, 2);
  sub_n(rest, k, bl, 4);
  u64 borrow = sub_n(less, rest, SPLIT_L, 2);
  u64 above = (u64)0 - (u64)(rest[2] - borrow == 0);
  u64 one[2] = {1, 0}, next[2];
  add_n(next, b, one, 2);
  limbs_cmov(b, next, 2, above);
  a[0] = rest[0];
  a[1] = rest[1];
  a[2] = a[3] = 0;
  limbs_cmov(a, less, 2, above);
}

/* k = d[0] + d[1] |z| + d[2] |z|^2 + d[3] |z|^3 (mcl's G2 split); 0 if k needs a fifth digit. */
static int split_g2(u64 d[4], const u64 k[4]) {
  u64 t[4] = {k[0], k[1], k[2], k[3]};
  for (int i = 0; i < 4; i++) {
    u64 rem = 0;
    for (int j = 3; j >= 0; j--) {
      u128 cur = ((u128)rem << 64) | t[j];
      t[j] = (u64)(cur / ABS_Z);
      rem = (u64)(cur % ABS_Z);
    }
    d[i] = rem;
  }
  return (t[0] | t[1] | t[2] | t[3]) == 0;
}
