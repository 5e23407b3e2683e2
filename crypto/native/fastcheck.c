/*
 * Compares every native replacement of mclfast.c with its translated original (*_wasm) on random
 * operands: reduced and unreduced values, values at the edges (0, 1, p - 1), random moduli,
 * outputs that coincide with or partly overlap the inputs. The two run on identical copies of a
 * memory region; the whole regions and the return values must match.
 *
 * Runs in the calling thread's instance after mclBn_init, so the fused functions find mcl's real
 * operation table. Included at the end of the patched mcl.c (it needs the static functions);
 * built with -DFASTCHECK_MAIN it is the program's main instead.
 */
#ifdef FASTCHECK_MAIN
#include <stdio.h>
#include <stdlib.h>

int mclBn_init(int curve, int compiledTimeVar);
int mclfast_check(unsigned long rounds);

int main(int argc, char** argv) {
  unsigned long rounds = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
  if (mclBn_init(5, 46) != 0) return 2;
  return mclfast_check(rounds) == 0 ? 0 : 1;
}
#else
#include <stdio.h>

#define REGION 1024
#define AT_P 16
#define AT_X 64
#define AT_Y 192
#define AT_Z 320

static u64 rng = 0x9e3779b97f4a7c15ull;

static u64 next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static void random_words(u64* v, int n) {
  for (int i = 0; i < n; i++) v[i] = next();
}

/* A value below p, often at the edges where carries and the final subtraction happen. */
static void below(u64 v[LIMBS], const u64 p[LIMBS]) {
  switch (next() % 8) {
    case 0: memset(v, 0, FP_BYTES); v[0] = next() % 2; return;
    case 1: memcpy(v, p, FP_BYTES); v[0] -= 1 + next() % 4; return;
    default:
      do {
        random_words(v, LIMBS);
        v[LIMBS - 1] %= p[LIMBS - 1] + 1;
      } while (!less_than(v, p, LIMBS));
  }
}

/* Mostly reduced operands (the replacement's domain), sometimes p itself or any 384-bit value. */
static void operand(u64* v, int words, const u64 p[LIMBS]) {
  if (next() % 8 == 0) {
    random_words(v, words);
    return;
  }
  for (int i = 0; i < words; i += LIMBS) {
    if (next() % 16 == 0)
      memcpy(v + i, p, FP_BYTES);
    else
      below(v + i, p);
  }
}

static void modulus(u64 p[LIMBS]) {
  if (next() % 4) {
    memcpy(p, BLS12_381_P, FP_BYTES);
    return;
  }
  random_words(p, LIMBS);
  p[0] |= 1;
  p[LIMBS - 1] |= 1ull << 63 >> (next() % 8);
}

/* -p^-1 mod 2^64 as mcl stores its low half: Newton's iteration from scratch, not the code under test. */
static u64 montgomery_factor(u64 p0) {
  u64 inverse = p0;
  for (int i = 0; i < 5; i++) inverse *= 2 - p0 * inverse;
  return (u64)0 - inverse;
}

typedef struct {
  u32 x, y, z;
} Operands;

/* Where z goes relative to x and y: apart, on top, or partly over them. */
static Operands placement(void) {
  Operands o = {AT_X, AT_Y, AT_Z};
  switch (next() % 8) {
    case 1: o.z = o.x; break;
    case 2: o.z = o.y; break;
    case 3: o.y = o.x; break;
    case 4: o.y = o.x; o.z = o.x; break;
    case 5: o.z = o.x + 4; break;
    case 6: o.z = o.x + 8 * (1 + next() % 5); break;
    case 7: o.x = o.z + 4; break;
  }
  return o;
}

static u8* g_data;
static u32 g_regions;
static int g_failures;

static u8* region(int which) { return g_data + g_regions + which * REGION; }

/* Region 0 for the original, region 1 for the replacement, identical to start with. */
static void prepare(int words_x, int words_y) {
  u64 p[LIMBS], x[2 * LIMBS], y[2 * LIMBS], junk[REGION / 8];
  random_words(junk, REGION / 8);
  memcpy(region(0), junk, REGION);
  modulus(p);
  operand(x, words_x, p);
  operand(y, words_y, p);
  u32 factor = (u32)montgomery_factor(p[0]);
  if (next() % 64 == 0) factor ^= 1;
  memcpy(region(0) + AT_P - 4, &factor, 4);
  memcpy(region(0) + AT_P, p, FP_BYTES);
  memcpy(region(0) + AT_X, x, words_x * 8);
  memcpy(region(0) + AT_Y, y, words_y * 8);
  memcpy(region(1), region(0), REGION);
}

static void compare(const char* name, unsigned long round, u32 r0, u32 r1) {
  if (r0 != r1 || memcmp(region(0), region(1), REGION) != 0) {
    if (g_failures++ < 10) fprintf(stderr, "fastcheck: %s differs from its original (round %lu)\n", name, round);
  }
}

static u32 base(int which) { return g_regions + which * REGION; }

Z_mcl_instance_t* mclshim_instance(void);

/* The extension-field routines of mcltower.c on whole Fp12 elements, in BLS12-381's real setting. */
#define TOWER_REGION 2048
#define AT_FP12_X 64
#define AT_FP12_Y (AT_FP12_X + FP12_BYTES + 64)

static u32 g_tower;

static u8* tower_region(int which) { return g_data + g_tower + which * TOWER_REGION; }

/* Twelve Fp elements, all below p or (a quarter of the time) any mostly reduced operands. */
static void random_fp12(u8* at) {
  u64 x[12 * LIMBS];
  int unreduced = next() % 4 == 0;
  for (int i = 0; i < 12; i++) {
    if (unreduced)
      operand(x + i * LIMBS, LIMBS, BLS12_381_P);
    else
      below(x + i * LIMBS, BLS12_381_P);
  }
  memcpy(at, x, FP12_BYTES);
}

typedef struct {
  u32 z, x, y;
} Fp12Operands;

/* Inputs apart or the same; the output apart, on top of an input, or partly over one. */
static Fp12Operands prepare_fp12(void) {
  u64 junk[TOWER_REGION / 8];
  random_words(junk, TOWER_REGION / 8);
  memcpy(tower_region(0), junk, TOWER_REGION);
  random_fp12(tower_region(0) + AT_FP12_X);
  random_fp12(tower_region(0) + AT_FP12_Y);
  memcpy(tower_region(1), tower_region(0), TOWER_REGION);
  Fp12Operands o = {AT_FP12_Y + FP12_BYTES + 8 * (next() % 8), AT_FP12_X, AT_FP12_Y};
  switch (next() % 8) {
    case 1: o.z = o.x; break;
    case 2: o.z = o.y; break;
    case 3: o.y = o.x; break;
    case 4: o.y = o.x; o.z = o.x; break;
    case 5: o.z = o.x + FP_BYTES * (1 + next() % 11); break;
    case 6: o.z = o.y - FP_BYTES * (1 + next() % 11); break;
  }
  return o;
}

static void compare_tower(const char* name, unsigned long round) {
  if (memcmp(tower_region(0), tower_region(1), TOWER_REGION) != 0) {
    if (g_failures++ < 10) fprintf(stderr, "fastcheck: %s differs from its original (round %lu)\n", name, round);
  }
}

/* Returns how many of the replacements ran natively. */
static unsigned long check_tower(Z_mcl_instance_t* m, unsigned long round) {
  unsigned long native = 0;
  u32 a = g_tower, b = g_tower + TOWER_REGION;
  Fp12Operands o;
#define CHECK_TOWER(f, args)          \
  o = prepare_fp12();                 \
  w2c_##f##_wasm args(a);             \
  if (native_##f args(b))             \
    native++;                         \
  else                                \
    w2c_##f##_wasm args(b);           \
  compare_tower(#f, round);
#define ARGS_FP12_ZX(r) (m, r + o.z, r + o.x)
#define ARGS_FP12_ZXY(r) (m, r + o.z, r + o.x, r + o.y)
  CHECK_TOWER(f152, ARGS_FP12_ZX)
  CHECK_TOWER(f370, ARGS_FP12_ZX)
  CHECK_TOWER(f361, ARGS_FP12_ZX)
  CHECK_TOWER(f358, ARGS_FP12_ZXY)
#define ARGS_FP12_XY(r) (m, r + o.x, r + o.y)
  CHECK_TOWER(f379, ARGS_FP12_XY)
  CHECK_TOWER(f376, ARGS_FP12_ZX)
  return native;
}

/* ---- mclgt.c: GT powers (f353, f364) against the translated originals ---- */
#define GT_BASES 3
#define GT_REGION (FP12_BYTES * (GT_BASES + 1) + 32 * GT_BASES + 64)
#define AT_GT_XS FP12_BYTES
#define AT_GT_KS (AT_GT_XS + FP12_BYTES * GT_BASES)

/* A base of each kind: in GT, in the cyclotomic subgroup but not GT, outside it, or unreduced. */
static void random_gt_base(Z_mcl_instance_t* m, u32 at, u32 e, u32 scratch) {
  int kind = next() % 4;
  u8* x = g_data + at;
  if (kind == 0) {
    random_words((u64*)(g_data + scratch + 64), 4);
    Z_mclZ_mclBnFr_setLittleEndianMod(m, scratch, scratch + 64, 32);
    Z_mclZ_mclBnGT_powGeneric(m, at, e, scratch);
  } else if (kind == 1) {
    /* f^((p^6 - 1)(p^2 + 1)) = h^(p^2) h for h = conj(f) / f */
    Fp6 h[2], h_p2[2], g[2];
    do {
      for (int i = 0; i < 12; i++) below((u64*)(x + i * FP_BYTES), BLS12_381_P);
    } while (Z_mclZ_mclBnGT_isZ5Aero(m, at));
    Z_mclZ_mclBnGT_invGeneric(m, scratch + 128, at);
    Z_mclZ_mclBnGT_inv(m, at, at);
    Z_mclZ_mclBnGT_mul(m, at, at, scratch + 128);
    load_fp12(h, x);
    fp12_frobenius2(h_p2, h);
    fp12_mul(g, h_p2, h);
    store_fp12(x, g);
    if (!fp12_is_cyclotomic(g)) {
      fprintf(stderr, "fastcheck: an element of the cyclotomic subgroup failed its test\n");
      g_failures++;
    }
  } else {
    random_fp12(x);
    if (kind == 2) {
      Fp6 v[2];
      if (load_fp12(v, x) && fp12_is_cyclotomic(v)) {
        fprintf(stderr, "fastcheck: a random Fp12 element passed the cyclotomic test\n");
        g_failures++;
      }
    }
  }
}

/* Exponents: random below r, 0, 1, r - 1, or any 256 bits (mcl's Fr struct unreduced, r itself). */
static void random_exponent(Z_mcl_instance_t* m, u32 at, u32 scratch) {
  u64 words[4];
  random_words(words, 4);
  switch (next() % 8) {
    case 0: Z_mclZ_mclBnFr_setInt32(m, at, (u32)(next() % 3) - 1); return;
    case 1: memcpy(g_data + at, words, 32); return;
    case 2: {
      static const u64 ORDER[4] = {0xffffffff00000001ull, 0x53bda402fffe5bfeull, 0x3339d80809a1d805ull,
                                   0x73eda753299d7d48ull};
      memcpy(g_data + at, ORDER, 32);
      return;
    }
    default:
      memcpy(g_data + scratch, words, 32);
      Z_mclZ_mclBnFr_setLittleEndianMod(m, at, scratch, 32);
  }
}

/* Returns how many powers ran with cyclotomic squarings. */
static unsigned long check_gt_pow(Z_mcl_instance_t* m, unsigned long rounds) {
  u32 region = Z_mclZ_malloc(m, 2 * GT_REGION), e = Z_mclZ_malloc(m, 2 * FP12_BYTES + 128);
  u32 scratch = e + FP12_BYTES, pq = Z_mclZ_malloc(m, 512);
  unsigned long cyclotomic = 0;
  Z_mclZ_mclBnG1_hashAndMapTo(m, pq, scratch, 0);
  Z_mclZ_mclBnG2_hashAndMapTo(m, pq + 144, scratch, 0);
  Z_mclZ_mclBn_pairing(m, e, pq, pq + 144);
  for (unsigned long round = 0; round < rounds; round++) {
    u32 a = region, b = region + GT_REGION, n = 1 + next() % GT_BASES;
    random_words((u64*)(g_data + a), GT_REGION / 8);
    for (u32 i = 0; i < n; i++) {
      random_gt_base(m, a + AT_GT_XS + i * FP12_BYTES, e, scratch);
      random_exponent(m, a + AT_GT_KS + i * 32, scratch);
    }
    memcpy(g_data + b, g_data + a, GT_REGION);
    u32 z = next() % 4 == 0 ? AT_GT_XS : 0;
    cyclotomic += bases_cyclotomic(m, a + AT_GT_XS, n);
    w2c_f353_wasm(m, a + z, a + AT_GT_XS, a + AT_GT_KS, n);
    w2c_f353(m, b + z, b + AT_GT_XS, b + AT_GT_KS, n);
    if (memcmp(g_data + a, g_data + b, GT_REGION) != 0 && g_failures++ < 10)
      fprintf(stderr, "fastcheck: f353 (GT power) differs from its original (round %lu)\n", round);
    u32 words = 1 + next() % 8;
    cyclotomic += bases_cyclotomic(m, a + AT_GT_XS, 1);
    w2c_f364_wasm(m, a + z, a + AT_GT_XS, a + AT_GT_KS, words);
    w2c_f364(m, b + z, b + AT_GT_XS, b + AT_GT_KS, words);
    if (memcmp(g_data + a, g_data + b, GT_REGION) != 0 && g_failures++ < 10)
      fprintf(stderr, "fastcheck: f364 (generic GT power) differs from its original (round %lu)\n", round);
  }
  Z_mclZ_free(m, pq);
  Z_mclZ_free(m, e);
  Z_mclZ_free(m, region);
  return cyclotomic;
}

static int check_rounds(unsigned long rounds) {
  Z_mcl_instance_t* m = mclshim_instance();
  g_regions = Z_mclZ_malloc(m, 2 * REGION);
  g_tower = Z_mclZ_malloc(m, 2 * TOWER_REGION);
  g_data = m->Z_envZ_memory->data;

  unsigned long native = 0, tower_native = 0;
  for (unsigned long i = 0; i < rounds; i++) {
    Operands o = placement();
    u32 a = base(0), b = base(1);
#define CHECK3(f, wx, wy, call_args)                                                  \
  prepare(wx, wy);                                                                    \
  {                                                                                   \
    u32 r0 = (u32)f##_wasm call_args(a), r1 = (u32)f call_args(b);                    \
    compare(#f, i, r0, r1);                                                           \
  }
#define ARGS_ZXY(r) (m, r + o.z, r + o.x, r + o.y)
#define ARGS_ZXYP(r) (m, r + o.z, r + o.x, r + o.y, r + AT_P)
#define ARGS_ZXP(r) (m, r + o.z, r + o.x, r + AT_P)
#define ARGS_ZXU(r) (m, r + o.z, r + o.x, (u32)next_unit)
#define ARGS_ZX(r) (m, r + o.z, r + o.x)
    u32 next_unit = (u32)next();
    CHECK3(w2c_f88, LIMBS, LIMBS, ARGS_ZXU)
    CHECK3(w2c_f16, LIMBS, LIMBS, ARGS_ZXY)
    CHECK3(w2c_f28, 2 * LIMBS, 2 * LIMBS, ARGS_ZXY)
    CHECK3(w2c_f52, 2 * LIMBS, 2 * LIMBS, ARGS_ZXY)
    prepare(LIMBS, LIMBS);
    w2c_f106_wasm ARGS_ZXY(a);
    w2c_f106 ARGS_ZXY(b);
    compare("w2c_f106", i, 0, 0);
#define CHECK_DOMAIN(f, wx, args)                       \
  prepare(wx, wx);                                      \
  w2c_##f##_wasm args(a);                               \
  if (native_##f args(b))                               \
    native++;                                           \
  else                                                  \
    w2c_##f##_wasm args(b);                             \
  compare(#f, i, 0, 0);
    CHECK_DOMAIN(f305, LIMBS, ARGS_ZXYP)
    CHECK_DOMAIN(f302, LIMBS, ARGS_ZXYP)
    CHECK_DOMAIN(f301, LIMBS, ARGS_ZXYP)
    CHECK_DOMAIN(f303, 2 * LIMBS, ARGS_ZXP)
    prepare(2 * LIMBS, 2 * LIMBS);
    w2c_f309_wasm ARGS_ZXYP(a);
    w2c_f309 ARGS_ZXYP(b);
    compare("w2c_f309", i, 0, 0);
    prepare(2 * LIMBS, 2 * LIMBS);
    w2c_f310_wasm ARGS_ZXYP(a);
    w2c_f310 ARGS_ZXYP(b);
    compare("w2c_f310", i, 0, 0);
    CHECK_DOMAIN(f140, 2 * LIMBS, ARGS_ZXY)
    prepare(2 * LIMBS, 2 * LIMBS);
    w2c_f142_wasm ARGS_ZX(a);
    if (native_f142 ARGS_ZX(b))
      native++;
    else
      w2c_f142_wasm ARGS_ZX(b);
    compare("f142", i, 0, 0);
    prepare(LIMBS, LIMBS);
    w2c_f287_wasm ARGS_ZX(a);
    w2c_f287 ARGS_ZX(b);
    compare("w2c_f287", i, 0, 0);
    if (i % 8 == 0) tower_native += check_tower(m, i);
  }
  Z_mclZ_free(m, g_tower);
  Z_mclZ_free(m, g_regions);
  printf("fastcheck (%s): %lu rounds x 14 leaf functions, %lu of %lu domain-checked calls native; "
         "%lu rounds x 6 tower functions, %lu native; %d mismatches\n",
         use_adx ? "BMI2/ADX" : "portable", rounds, native, 6 * rounds, (rounds + 7) / 8, tower_native, g_failures);
  if (native < rounds || tower_native < rounds / 32) {
    fprintf(stderr, "fastcheck: the native code ran too rarely to be checked\n");
    return 1;
  }
  return g_failures;
}
#include "mclcurve-check.h"

/* Both the portable code and, where the processor has it, the BMI2/ADX code. */
int mclfast_check(unsigned long rounds) {
  int detected = use_adx, failures = 0;
  for (int adx = 0; adx <= detected && failures == 0; adx++) {
    use_adx = adx;
    failures = check_rounds(rounds);
    if (failures == 0) {
      unsigned long rounds_gt = rounds / 100 + 1, powers = 2 * rounds_gt;
      unsigned long cyclotomic = check_gt_pow(mclshim_instance(), rounds_gt);
      printf("fastcheck: %lu GT powers (GLV and generic), %lu with cyclotomic squarings; %d mismatches\n", powers,
             cyclotomic, g_failures);
      if (cyclotomic < powers / 16) fprintf(stderr, "fastcheck: GT powers were too rarely cyclotomic\n");
      failures = g_failures + (cyclotomic < powers / 16);
    }
    if (failures == 0) failures = check_curves(rounds / 1000 + 1);
  }
  use_adx = detected;
  return failures;
}
#endif
