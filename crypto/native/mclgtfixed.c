/*
 * Fixed-base powers in GT (our own functions, not mcl's API), included at the end of mclshim.c:
 *
 *   size_t hhGT_precomputedSize(void)                       bytes of one table
 *   int    hhGT_precompute(void* table, const mclBnGT* g)   0, or -1 when g is not in GT
 *   void   hhGT_powFixed(mclBnGT* z, const void* table, const mclBnFr* k)   z = g^k
 *
 * The table holds g^(d 2^(W i)) for d = 1 .. 2^(W-1) and every window i, in mcl's GT struct layout,
 * built with mcl's generic Fp12 multiplication and squaring, so its entries are exact for any g.
 * A power is then one product of table entries over k's signed base-2^W digits, inverting an entry
 * by conjugation for a negative digit: no squaring at all. This is only right when g is unitary
 * and its order divides r, so hhGT_precompute first checks g^r = 1 (generic power, exact for any
 * Fp12 element; the order-r subgroup of the cyclic Fp12* is GT). Inside GT g^k is one element, and
 * mcl stores it in one way (reduced coefficients): the bytes equal mclBnGT_pow's.
 */

enum {
  GTF_WINDOW = 5,
  GTF_HALF = 1 << (GTF_WINDOW - 1),
  GTF_FR_BITS = 255,
  /* A signed recoding of a k below r < 2^255 can carry one digit beyond its top window. */
  GTF_WINDOWS = (GTF_FR_BITS + GTF_WINDOW - 1) / GTF_WINDOW + 1,
  GTF_ENTRIES = GTF_WINDOWS * GTF_HALF,
};

API size_t hhGT_precomputedSize(void) { return (size_t)GTF_ENTRIES * GT; }

/* 1 when x^r = 1, computed as x^(r-1) x with mcl's generic power (r - 1 = -1 in Fr). */
static int gtf_in_gt(Call* c, u32 x) {
  u32 minus_one = reserve(c, FR), power = reserve(c, GT);
  Z_mclZ_mclBnFr_setInt32(c->m, minus_one, (u32)-1);
  Z_mclZ_mclBnGT_powGeneric(c->m, power, x, minus_one);
  Z_mclZ_mclBnGT_mul(c->m, power, power, x);
  return Z_mclZ_mclBnGT_isOne(c->m, power) == 1;
}

API int hhGT_precompute(void* table, const void* g) {
  Call c = begin();
  u32 step = in(&c, g, GT), entry = reserve(&c, GT);
  if (!gtf_in_gt(&c, step)) {
    end(&c);
    return -1;
  }
  u8* mem = c.w->env.memory.data;
  u8* row = table;
  for (int i = 0; i < GTF_WINDOWS; i++, row += GTF_HALF * GT) {
    /* step = g^(2^(W i)); row[d - 1] = step^d */
    memcpy(mem + entry, mem + step, GT);
    memcpy(row, mem + entry, GT);
    for (int d = 2; d <= GTF_HALF; d++) {
      Z_mclZ_mclBnGT_mul(c.m, entry, entry, step);
      memcpy(row + (size_t)(d - 1) * GT, mem + entry, GT);
    }
    Z_mclZ_mclBnGT_sqr(c.m, step, entry);
  }
  end(&c);
  return 0;
}

/* k's digits in [-2^(W-1), 2^(W-1)], least significant first: k = sum digit[i] 2^(W i). */
static void gtf_signed_digits(int digit[GTF_WINDOWS], const u8 k[FR]) {
  int carry = 0;
  for (int i = 0; i < GTF_WINDOWS; i++) {
    int bits = 0;
    for (int b = 0; b < GTF_WINDOW; b++) {
      int at = i * GTF_WINDOW + b;
      if (at < 8 * FR) bits |= ((k[at / 8] >> (at % 8)) & 1) << b;
    }
    int d = bits + carry;
    carry = d > GTF_HALF;
    digit[i] = carry ? d - (1 << GTF_WINDOW) : d;
  }
}

API void hhGT_powFixed(void* z, const void* table, const void* k) {
  Call c = begin();
  u32 pk = in(&c, k, FR), bytes = reserve(&c, FR), acc = reserve(&c, GT), entry = reserve(&c, GT);
  u8 value[FR] = {0};
  u32 n = Z_mclZ_mclBnFr_getLittleEndian(c.m, bytes, FR, pk);
  if (n == 0 || n > FR) die("hhGT_powFixed: mclBnFr_getLittleEndian failed");
  out(&c, value, bytes, n);
  int digit[GTF_WINDOWS];
  gtf_signed_digits(digit, value);
  u8* mem = c.w->env.memory.data;
  const u8* rows = table;
  int started = 0;
  Z_mclZ_mclBnGT_setInt32(c.m, acc, 1);
  for (int i = 0; i < GTF_WINDOWS; i++) {
    if (digit[i] == 0) continue;
    int magnitude = digit[i] < 0 ? -digit[i] : digit[i];
    memcpy(mem + entry, rows + ((size_t)i * GTF_HALF + magnitude - 1) * GT, GT);
    if (digit[i] < 0) Z_mclZ_mclBnGT_inv(c.m, entry, entry);
    if (started) {
      Z_mclZ_mclBnGT_mul(c.m, acc, acc, entry);
    } else {
      memcpy(mem + acc, mem + entry, GT);
      started = 1;
    }
  }
  out(&c, z, acc, GT);
  end(&c);
}
