/*
 * Native replacements for the hot bigint leaf functions of mcl-wasm 2.4.1's translation, included
 * at the end of the patched mcl.c by patch-mcl-c.py (which renames each original to *_wasm).
 *
 * The wasm works on 12 x 32-bit little-endian limbs; the same bytes are 6 x 64-bit limbs, so the
 * native code reads and writes the linear memory in place. A replacement runs only where its result
 * is unique (reduced operands for the modular functions) and its operands either coincide or do not
 * overlap; otherwise the translated original runs. fastcheck.c compares each replacement with its
 * original on random operands.
 */
#include <cpuid.h>
#include <string.h>
#include <x86intrin.h>

/* Vectorized limb selects and copies read back scalar stores through the stack: slower here. */
#pragma GCC optimize("no-tree-vectorize", "no-tree-slp-vectorize")

typedef unsigned __int128 u128;

#define LIMBS 6
#define FP_BYTES 48

static inline u8* mem_at(Z_mcl_instance_t* instance, u32 offset) { return instance->Z_envZ_memory->data + offset; }

/*
 * Limb by limb through unaligned 64-bit accesses, fully unrolled: whole-array copies would become
 * vector moves that read back narrower scalar stores (a store-forwarding stall on every call).
 */
typedef u64 __attribute__((aligned(1), may_alias)) unaligned_u64;

static inline void load_n(u64* v, const u8* p, int n) {
  _Pragma("GCC unroll 12") for (int i = 0; i < n; i++) v[i] = ((const unaligned_u64*)p)[i];
}

static inline void store_n(u8* p, const u64* v, int n) {
  _Pragma("GCC unroll 12") for (int i = 0; i < n; i++) ((unaligned_u64*)p)[i] = v[i];
}

static inline void load6(u64 v[LIMBS], const u8* p) { load_n(v, p, LIMBS); }
static inline void store6(u8* p, const u64 v[LIMBS]) { store_n(p, v, LIMBS); }

/* True when [a, a+na) and [b, b+nb) share bytes but do not start at the same address. */
static inline int partly_overlap(u32 a, u32 na, u32 b, u32 nb) {
  return a != b && (u64)a < (u64)b + nb && (u64)b < (u64)a + na;
}

static inline int overlap(u32 a, u32 na, u32 b, u32 nb) { return (u64)a < (u64)b + nb && (u64)b < (u64)a + na; }


static inline u64 add_n(u64* z, const u64* x, const u64* y, int n) {
  unsigned char carry = 0;
  _Pragma("GCC unroll 12") for (int i = 0; i < n; i++) carry = _addcarry_u64(carry, x[i], y[i], (unsigned long long*)&z[i]);
  return carry;
}

static inline u64 sub_n(u64* z, const u64* x, const u64* y, int n) {
  unsigned char borrow = 0;
  _Pragma("GCC unroll 12") for (int i = 0; i < n; i++) borrow = _subborrow_u64(borrow, x[i], y[i], (unsigned long long*)&z[i]);
  return borrow;
}

/* x < y as the borrow of x - y: no data-dependent branch for the (unpredictable) limb compare. */
static inline int less_than(const u64* x, const u64* y, int n) {
  unsigned char borrow = 0;
  unsigned long long ignored;
  _Pragma("GCC unroll 12") for (int i = 0; i < n; i++) borrow = _subborrow_u64(borrow, x[i], y[i], &ignored);
  return borrow;
}

/*
 * mcl's 12-limb code is generated for moduli below 2^382 (BLS12-381's p is below 2^381): with
 * larger ones its results differ from the textbook ones, so the native code leaves them alone.
 */
static inline int spare_bits(const u64 p[LIMBS]) { return p[LIMBS - 1] >> 62 == 0; }

/*
 * mclBn keeps -p^-1 mod 2^32 just below p. One Newton step lifts it to -p^-1 mod 2^64; the native
 * code only runs when the lifted value really inverts p (so the stored one agreed with p).
 */
static inline int montgomery_modulus(const u8* p, u64 modulus[LIMBS], u64* factor) {
  load6(modulus, p);
  if (!spare_bits(modulus)) return 0;
  u32 stored;
  memcpy(&stored, p - 4, 4);
  u64 inverse = (u64)(u32)(0u - stored);
  inverse *= 2 - modulus[0] * inverse;
  *factor = (u64)0 - inverse;
  return modulus[0] * inverse == 1;
}

/* z = t mod p for t < 2p held in LIMBS words plus a top word. */
static inline void final_subtract(u64 z[LIMBS], const u64 t[LIMBS], u64 top, const u64 p[LIMBS]) {
  u64 d[LIMBS];
  u64 keep_t = !top & sub_n(d, t, p, LIMBS);
  u64 mask = (u64)0 - keep_t;
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) z[i] = (t[i] & mask) | (d[i] & ~mask);
}

/* ---- f88: z[12] += x[12] * y (32-bit y); returns the carry limb ---- */
static u32 w2c_f88(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y) {
  if (partly_overlap(z, FP_BYTES, x, FP_BYTES)) return w2c_f88_wasm(instance, z, x, y);
  u64 zv[LIMBS], xv[LIMBS], carry = 0;
  load6(zv, mem_at(instance, z));
  load6(xv, mem_at(instance, x));
  for (int i = 0; i < LIMBS; i++) {
    u128 s = (u128)xv[i] * y + zv[i] + carry;
    zv[i] = (u64)s;
    carry = (u64)(s >> 64);
  }
  store6(mem_at(instance, z), zv);
  return (u32)carry;
}

/* ---- f106: z[24] = x[12] * y[12] ---- */
/* Column by column into a three-word accumulator, instead of rewriting a 12-word array row after row. */
static inline void accumulate(u64* c0, u64* c1, u64* c2, u64 x, u64 y) {
  u128 product = (u128)x * y;
  unsigned char carry = _addcarry_u64(0, *c0, (u64)product, (unsigned long long*)c0);
  carry = _addcarry_u64(carry, *c1, (u64)(product >> 64), (unsigned long long*)c1);
  *c2 += carry;
}

static inline void mul6_portable(u64 z[2 * LIMBS], const u64 x[LIMBS], const u64 y[LIMBS]) {
  u64 c0 = 0, c1 = 0, c2 = 0;
  _Pragma("GCC unroll 11") for (int k = 0; k < 2 * LIMBS - 1; k++) {
    _Pragma("GCC unroll 6") for (int i = k < LIMBS ? 0 : k - LIMBS + 1; i <= k && i < LIMBS; i++)
      accumulate(&c0, &c1, &c2, x[i], y[k - i]);
    z[k] = c0;
    c0 = c1;
    c1 = c2;
    c2 = 0;
  }
  z[2 * LIMBS - 1] = c0;
}


/*
 * BMI2/ADX: mulx leaves the flags alone, adcx and adox carry through CF and OF only, so the low
 * and the high halves of a row's products go up two independent carry chains. Used when cpuid
 * reports both extensions (use_adx, set when the library loads); fastcheck.c checks both paths.
 */
static int use_adx;

__attribute__((constructor)) static void detect_adx(void) {
  unsigned a, b, c, d;
  use_adx = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_BMI2) && (b & bit_ADX);
}

/* t[0..7) += x * m + carry * 2^384; returns what carries out of t[6] (0, 1 or 2). */
static inline __attribute__((always_inline)) u64 row_adx(u64* t, const u64 x[LIMBS], u64 m, u64 carry) {
  u64 lo, hi, zero;
  __asm__(
      "xorl %k[zero], %k[zero]\n\t"
      "mulxq 0(%[x]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t0]\n\t"
      "adoxq %[hi], %[t1]\n\t"
      "mulxq 8(%[x]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t1]\n\t"
      "adoxq %[hi], %[t2]\n\t"
      "mulxq 16(%[x]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t2]\n\t"
      "adoxq %[hi], %[t3]\n\t"
      "mulxq 24(%[x]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t3]\n\t"
      "adoxq %[hi], %[t4]\n\t"
      "mulxq 32(%[x]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t4]\n\t"
      "adoxq %[hi], %[t5]\n\t"
      "mulxq 40(%[x]), %[lo], %[hi]\n\t"
      "adcxq %[lo], %[t5]\n\t"
      "adoxq %[hi], %[t6]\n\t"
      "adcxq %[c], %[t6]\n\t"
      "movl $0, %k[c]\n\t"
      "adcxq %[zero], %[c]\n\t"
      "adoxq %[zero], %[c]"
      : [t0] "+&r"(t[0]), [t1] "+&r"(t[1]), [t2] "+&r"(t[2]), [t3] "+&r"(t[3]), [t4] "+&r"(t[4]),
        [t5] "+&r"(t[5]), [t6] "+&r"(t[6]), [c] "+&r"(carry), [lo] "=&r"(lo), [hi] "=&r"(hi), [zero] "=&r"(zero)
      : [x] "r"(x), "m"(*(const u64(*)[LIMBS])x), "d"(m)
      : "cc");
  return carry;
}

/* Row after row: t[i + 6] is still zero when row i starts, and nothing carries out of z. */
static inline void mul6_adx(u64 z[2 * LIMBS], const u64 x[LIMBS], const u64 y[LIMBS]) {
  u64 t[2 * LIMBS] = {0};
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) row_adx(t + i, x, y[i], 0);
  _Pragma("GCC unroll 12") for (int i = 0; i < 2 * LIMBS; i++) z[i] = t[i];
}

static inline void mul6(u64 z[2 * LIMBS], const u64 x[LIMBS], const u64 y[LIMBS]) {
  if (use_adx)
    mul6_adx(z, x, y);
  else
    mul6_portable(z, x, y);
}

static void w2c_f106(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y) {
  if (overlap(z, 2 * FP_BYTES, x, FP_BYTES) || overlap(z, 2 * FP_BYTES, y, FP_BYTES)) {
    w2c_f106_wasm(instance, z, x, y);
    return;
  }
  u64 xv[LIMBS], yv[LIMBS], zv[2 * LIMBS];
  load6(xv, mem_at(instance, x));
  load6(yv, mem_at(instance, y));
  mul6(zv, xv, yv);
  store_n(mem_at(instance, z), zv, 2 * LIMBS);
}

/* ---- f305: z = x * y / 2^384 mod p (Montgomery multiplication) ---- */
static inline void mont6_portable(u64 z[LIMBS], const u64 x[LIMBS], const u64 y[LIMBS], const u64 p[LIMBS], u64 factor) {
  u64 t[LIMBS + 2] = {0};
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) {
    u64 carry = 0;
    _Pragma("GCC unroll 6") for (int j = 0; j < LIMBS; j++) {
      u128 s = (u128)x[j] * y[i] + t[j] + carry;
      t[j] = (u64)s;
      carry = (u64)(s >> 64);
    }
    u128 s = (u128)t[LIMBS] + carry;
    t[LIMBS] = (u64)s;
    t[LIMBS + 1] = (u64)(s >> 64);
    u64 m = t[0] * factor;
    s = (u128)m * p[0] + t[0];
    carry = (u64)(s >> 64);
    for (int j = 1; j < LIMBS; j++) {
      s = (u128)m * p[j] + t[j] + carry;
      t[j - 1] = (u64)s;
      carry = (u64)(s >> 64);
    }
    s = (u128)t[LIMBS] + carry;
    t[LIMBS - 1] = (u64)s;
    t[LIMBS] = t[LIMBS + 1] + (u64)(s >> 64);
  }
  final_subtract(z, t, t[LIMBS], p);
}

/* ---- f303: z = xy[24] / 2^384 mod p (Montgomery reduction), for xy < p * 2^384 ---- */
static inline void redc6_portable(u64 z[LIMBS], const u64 xy[2 * LIMBS], const u64 p[LIMBS], u64 factor) {
  u64 t[2 * LIMBS];
  u64 top = 0;
  memcpy(t, xy, 2 * FP_BYTES);
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) {
    u64 m = t[i] * factor, carry = 0;
    _Pragma("GCC unroll 6") for (int j = 0; j < LIMBS; j++) {
      u128 s = (u128)m * p[j] + t[i + j] + carry;
      t[i + j] = (u64)s;
      carry = (u64)(s >> 64);
    }
    /* The row's carry lands one word up; what overflows from there waits for the next row. */
    u128 s = (u128)t[i + LIMBS] + carry + top;
    t[i + LIMBS] = (u64)s;
    top = (u64)(s >> 64);
  }
  final_subtract(z, t + LIMBS, top, p);
}

/* As redc6_portable; the carry out of row i's top word rides into row i + 1's. */
static inline void redc6_adx(u64 z[LIMBS], const u64 xy[2 * LIMBS], const u64 p[LIMBS], u64 factor) {
  u64 t[2 * LIMBS], top = 0;
  _Pragma("GCC unroll 12") for (int i = 0; i < 2 * LIMBS; i++) t[i] = xy[i];
  _Pragma("GCC unroll 6") for (int i = 0; i < LIMBS; i++) top = row_adx(t + i, p, t[i] * factor, top);
  final_subtract(z, t + LIMBS, top, p);
}

static inline void redc6(u64 z[LIMBS], const u64 xy[2 * LIMBS], const u64 p[LIMBS], u64 factor) {
  if (use_adx)
    redc6_adx(z, xy, p, factor);
  else
    redc6_portable(z, xy, p, factor);
}

/* For reduced x and y the result is unique, so the product followed by the reduction gives it too. */
static inline void mont6(u64 z[LIMBS], const u64 x[LIMBS], const u64 y[LIMBS], const u64 p[LIMBS], u64 factor) {
  if (use_adx) {
    u64 xy[2 * LIMBS];
    mul6_adx(xy, x, y);
    redc6_adx(z, xy, p, factor);
  } else {
    mont6_portable(z, x, y, p, factor);
  }
}

/* Each replacement with a data-dependent domain: returns 0, having written nothing, outside it. */
static inline int native_f305(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p) {
  u64 xv[LIMBS], yv[LIMBS], pv[LIMBS], zv[LIMBS], factor;
  if (!montgomery_modulus(mem_at(instance, p), pv, &factor) || partly_overlap(z, FP_BYTES, x, FP_BYTES) ||
      partly_overlap(z, FP_BYTES, y, FP_BYTES))
    return 0;
  load6(xv, mem_at(instance, x));
  load6(yv, mem_at(instance, y));
  if (!less_than(xv, pv, LIMBS) || !less_than(yv, pv, LIMBS)) return 0;
  mont6(zv, xv, yv, pv, factor);
  store6(mem_at(instance, z), zv);
  return 1;
}

static void w2c_f305(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p) {
  if (!native_f305(instance, z, x, y, p)) w2c_f305_wasm(instance, z, x, y, p);
}

static inline int native_f303(Z_mcl_instance_t* instance, u32 z, u32 xy, u32 p) {
  u64 xyv[2 * LIMBS], pv[LIMBS], zv[LIMBS], factor;
  if (!montgomery_modulus(mem_at(instance, p), pv, &factor) || overlap(z, FP_BYTES, xy, 2 * FP_BYTES)) return 0;
  load_n(xyv, mem_at(instance, xy), 2 * LIMBS);
  if (!less_than(xyv + LIMBS, pv, LIMBS)) return 0;
  redc6(zv, xyv, pv, factor);
  store6(mem_at(instance, z), zv);
  return 1;
}

static void w2c_f303(Z_mcl_instance_t* instance, u32 z, u32 xy, u32 p) {
  if (!native_f303(instance, z, xy, p)) w2c_f303_wasm(instance, z, xy, p);
}

/* ---- f302 / f301: z = x + y mod p, z = x - y mod p ---- */
static inline int reduced_operands(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p, u64 xv[LIMBS],
                                   u64 yv[LIMBS], u64 pv[LIMBS]) {
  if (partly_overlap(z, FP_BYTES, x, FP_BYTES) || partly_overlap(z, FP_BYTES, y, FP_BYTES)) return 0;
  load6(xv, mem_at(instance, x));
  load6(yv, mem_at(instance, y));
  load6(pv, mem_at(instance, p));
  return spare_bits(pv) && less_than(xv, pv, LIMBS) && less_than(yv, pv, LIMBS);
}

static inline int native_f302(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p) {
  u64 xv[LIMBS], yv[LIMBS], pv[LIMBS], sum[LIMBS], r[LIMBS];
  if (!reduced_operands(instance, z, x, y, p, xv, yv, pv)) return 0;
  u64 carry = add_n(sum, xv, yv, LIMBS);
  final_subtract(r, sum, carry, pv);
  store6(mem_at(instance, z), r);
  return 1;
}

static void w2c_f302(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p) {
  if (!native_f302(instance, z, x, y, p)) w2c_f302_wasm(instance, z, x, y, p);
}

static inline int native_f301(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p) {
  u64 xv[LIMBS], yv[LIMBS], pv[LIMBS], d[LIMBS];
  if (!reduced_operands(instance, z, x, y, p, xv, yv, pv)) return 0;
  if (sub_n(d, xv, yv, LIMBS)) add_n(d, d, pv, LIMBS);
  store6(mem_at(instance, z), d);
  return 1;
}

static void w2c_f301(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p) {
  if (!native_f301(instance, z, x, y, p)) w2c_f301_wasm(instance, z, x, y, p);
}

/* ---- f16 / f28 / f52: plain add (12 limbs), add and subtract (24 limbs) with carry out ---- */
#define PLAIN(name, words, op)                                                              \
  static u32 name(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y) {                        \
    const u32 bytes = (words) * 8;                                                          \
    if (partly_overlap(z, bytes, x, bytes) || partly_overlap(z, bytes, y, bytes))           \
      return name##_wasm(instance, z, x, y);                                                \
    u64 xv[words], yv[words], zv[words];                                                    \
    load_n(xv, mem_at(instance, x), words);                                                 \
    load_n(yv, mem_at(instance, y), words);                                                 \
    u32 carry = (u32)op(zv, xv, yv, words);                                                 \
    store_n(mem_at(instance, z), zv, words);                                                \
    return carry;                                                                           \
  }

PLAIN(w2c_f16, LIMBS, add_n)
PLAIN(w2c_f28, 2 * LIMBS, add_n)
PLAIN(w2c_f52, 2 * LIMBS, sub_n)

/* ---- f309 / f310: 24-limb subtract / add, then the upper half corrected by p ---- */
static inline int apart(u32 z, u32 x, u32 y, u32 p) {
  const u32 bytes = 2 * FP_BYTES;
  return !partly_overlap(z, bytes, x, bytes) && !partly_overlap(z, bytes, y, bytes) && !overlap(z, bytes, p, FP_BYTES);
}

static void w2c_f309(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p) {
  if (!apart(z, x, y, p)) {
    w2c_f309_wasm(instance, z, x, y, p);
    return;
  }
  u64 xv[2 * LIMBS], yv[2 * LIMBS], zv[2 * LIMBS], pv[LIMBS];
  load_n(xv, mem_at(instance, x), 2 * LIMBS);
  load_n(yv, mem_at(instance, y), 2 * LIMBS);
  if (sub_n(zv, xv, yv, 2 * LIMBS)) {
    load6(pv, mem_at(instance, p));
    add_n(zv + LIMBS, zv + LIMBS, pv, LIMBS);
  }
  store_n(mem_at(instance, z), zv, 2 * LIMBS);
}

static void w2c_f310(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y, u32 p) {
  if (!apart(z, x, y, p)) {
    w2c_f310_wasm(instance, z, x, y, p);
    return;
  }
  u64 xv[2 * LIMBS], yv[2 * LIMBS], zv[2 * LIMBS], pv[LIMBS], d[LIMBS];
  load_n(xv, mem_at(instance, x), 2 * LIMBS);
  load_n(yv, mem_at(instance, y), 2 * LIMBS);
  load6(pv, mem_at(instance, p));
  u64 carry = add_n(zv, xv, yv, 2 * LIMBS);
  final_subtract(d, zv + LIMBS, carry, pv);
  memcpy(zv + LIMBS, d, FP_BYTES);
  store_n(mem_at(instance, z), zv, 2 * LIMBS);
}

/* ---- f140 / f142: Fp2Dbl mulPre and sqrPre (Karatsuba), fused ---- */

/* Where mcl's Fp operation table (in linear memory) keeps the entries f140 and f142 call. */
enum { OP_COPY = 18904, OP_SUB = 18920, OP_MUL_PRE = 18944, OP_DBL_SUB = 18960, OP_ADD_PRE = 18968,
       OP_DBL_SUB_PRE = 18980, OP_P = 17708 };

static inline int table_entry_is(Z_mcl_instance_t* instance, u32 slot, wasm_rt_function_ptr_t f) {
  u32 index;
  memcpy(&index, mem_at(instance, slot), 4);
  return index < instance->w2c_T0.size && instance->w2c_T0.data[index].func == f;
}

/* The fused code computes what f140 and f142 compute only if the table holds these entries. */
static inline int fp2_table_as_expected(Z_mcl_instance_t* instance) {
  return table_entry_is(instance, OP_COPY, (wasm_rt_function_ptr_t)&w2c_f287) &&
         table_entry_is(instance, OP_SUB, (wasm_rt_function_ptr_t)&w2c_f301) &&
         table_entry_is(instance, OP_MUL_PRE, (wasm_rt_function_ptr_t)&w2c_f106) &&
         table_entry_is(instance, OP_DBL_SUB, (wasm_rt_function_ptr_t)&w2c_f309) &&
         table_entry_is(instance, OP_ADD_PRE, (wasm_rt_function_ptr_t)&w2c_f16) &&
         table_entry_is(instance, OP_DBL_SUB_PRE, (wasm_rt_function_ptr_t)&w2c_f52);
}

/* z = (a + b i)(c + d i) unreduced: (ac - bd mod p) in the lower half of z[0], (a+b)(c+d) - ac - bd in z[1]. */
static inline int native_f140(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y) {
  if (!fp2_table_as_expected(instance)) return 0;
  u64 a[LIMBS], b[LIMBS], c[LIMBS], d[LIMBS], p[LIMBS], s[LIMBS], t[LIMBS];
  u64 ac[2 * LIMBS], bd[2 * LIMBS], cross[2 * LIMBS], real[2 * LIMBS];
  load6(a, mem_at(instance, x));
  load6(b, mem_at(instance, x + FP_BYTES));
  load6(c, mem_at(instance, y));
  load6(d, mem_at(instance, y + FP_BYTES));
  load6(p, mem_at(instance, OP_P));
  add_n(s, a, b, LIMBS);
  add_n(t, c, d, LIMBS);
  mul6(cross, s, t);
  mul6(ac, a, c);
  mul6(bd, b, d);
  sub_n(cross, cross, ac, 2 * LIMBS);
  sub_n(cross, cross, bd, 2 * LIMBS);
  if (sub_n(real, ac, bd, 2 * LIMBS)) add_n(real + LIMBS, real + LIMBS, p, LIMBS);
  store_n(mem_at(instance, z), real, 2 * LIMBS);
  store_n(mem_at(instance, z + 2 * FP_BYTES), cross, 2 * LIMBS);
  return 1;
}

static void w2c_f140(Z_mcl_instance_t* instance, u32 z, u32 x, u32 y) {
  if (!native_f140(instance, z, x, y)) w2c_f140_wasm(instance, z, x, y);
}

/* z = (a + b i)^2 unreduced: (a + b)(a - b mod p) in z[0], 2b * a in z[1]; a, b reduced. */
static inline int native_f142(Z_mcl_instance_t* instance, u32 z, u32 x) {
  if (!fp2_table_as_expected(instance)) return 0;
  u64 a[LIMBS], b[LIMBS], p[LIMBS], s[LIMBS], twice_b[LIMBS], diff[LIMBS], real[2 * LIMBS], cross[2 * LIMBS];
  load6(a, mem_at(instance, x));
  load6(b, mem_at(instance, x + FP_BYTES));
  load6(p, mem_at(instance, OP_P));
  if (!spare_bits(p) || !less_than(a, p, LIMBS) || !less_than(b, p, LIMBS)) return 0;
  add_n(twice_b, b, b, LIMBS);
  add_n(s, a, b, LIMBS);
  mul6(cross, twice_b, a);
  if (sub_n(diff, a, b, LIMBS)) add_n(diff, diff, p, LIMBS);
  mul6(real, diff, s);
  store_n(mem_at(instance, z), real, 2 * LIMBS);
  store_n(mem_at(instance, z + 2 * FP_BYTES), cross, 2 * LIMBS);
  return 1;
}

static void w2c_f142(Z_mcl_instance_t* instance, u32 z, u32 x) {
  if (!native_f142(instance, z, x)) w2c_f142_wasm(instance, z, x);
}

/* ---- f287: copy 12 limbs ---- */
static void w2c_f287(Z_mcl_instance_t* instance, u32 z, u32 x) {
  if (partly_overlap(z, FP_BYTES, x, FP_BYTES)) {
    w2c_f287_wasm(instance, z, x);
    return;
  }
  u64 v[LIMBS];
  load6(v, mem_at(instance, x));
  store6(mem_at(instance, z), v);
}
