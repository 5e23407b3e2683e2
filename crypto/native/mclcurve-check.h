/*
 * fastcheck for mclcurve.c: native G1/G2 multiplication and fixed-base tables against the
 * translated mclBnG1_mul / mclBnG2_mul, compared as serialized (normalized) points. Points: the
 * identity, hashed points (z != 1), sums, points on the curve outside the subgroup, and inputs
 * outside the native domain (a coordinate equal to p, off the curve). Scalars: 0, 1, 2, r - 1,
 * r - 2, values below 2^64 (G2 splits those above |z| too) and just above, random ones, and raw
 * values at or above r (invalid, where the native code must decline). Included by fastcheck.c.
 */
#include <stdlib.h>

int mclBnG1_hashAndMapTo(void* x, const void* buf, size_t size);
int mclBnG2_hashAndMapTo(void* x, const void* buf, size_t size);
size_t mclBnG1_deserialize(void* x, const void* buf, size_t size);
size_t mclBnG2_deserialize(void* x, const void* buf, size_t size);
size_t mclBnG1_serialize(void* buf, size_t max, const void* x);
size_t mclBnG2_serialize(void* buf, size_t max, const void* x);
void mclBnG1_add(void* z, const void* x, const void* y);
void mclBnG2_add(void* z, const void* x, const void* y);
int mclBnFr_setLittleEndianMod(void* x, const void* buf, size_t size);
void mclBn_verifyOrderG1(int verify);
void mclBn_verifyOrderG2(int verify);
size_t hhG1_tableSize(void);
size_t hhG2_tableSize(void);
int hhG1_precompute(void* table, const void* base);
int hhG2_precompute(void* table, const void* base);
int hhG1_mulFixed(void* z, const void* table, const void* k);
int hhG2_mulFixed(void* z, const void* table, const void* k);

typedef struct {
  const char* name;
  size_t size, serialized;
  u32 (*translated)(Z_mcl_instance_t*, u32, u32, u32);
  int (*native)(void*, const void*, const void*);
  int (*hash)(void*, const void*, size_t);
  size_t (*deserialize)(void*, const void*, size_t);
  size_t (*serialize)(void*, size_t, const void*);
  void (*add)(void*, const void*, const void*);
  size_t (*table_size)(void);
  int (*precompute)(void*, const void*);
  int (*mul_fixed)(void*, const void*, const void*);
} CurveOps;

static u32 translated_g1(Z_mcl_instance_t* m, u32 z, u32 x, u32 y) { Z_mclZ_mclBnG1_mul(m, z, x, y); return 0; }
static u32 translated_g2(Z_mcl_instance_t* m, u32 z, u32 x, u32 y) { Z_mclZ_mclBnG2_mul(m, z, x, y); return 0; }

static const CurveOps CURVES[2] = {
    {"G1", 3 * FP_BYTES, FP_BYTES, translated_g1, mclcurve_g1_mul, mclBnG1_hashAndMapTo, mclBnG1_deserialize,
     mclBnG1_serialize, mclBnG1_add, hhG1_tableSize, hhG1_precompute, hhG1_mulFixed},
    {"G2", 3 * FP2_BYTES, FP2_BYTES, translated_g2, mclcurve_g2_mul, mclBnG2_hashAndMapTo, mclBnG2_deserialize,
     mclBnG2_serialize, mclBnG2_add, hhG2_tableSize, hhG2_precompute, hhG2_mulFixed},
};

enum { POINT_MAX = 3 * FP2_BYTES };

static void translated_mul(const CurveOps* c, void* z, const void* x, const void* k) {
  Z_mcl_instance_t* m = mclshim_instance();
  u32 px = Z_mclZ_malloc(m, (u32)c->size), pk = Z_mclZ_malloc(m, 32), pz = Z_mclZ_malloc(m, (u32)c->size);
  u8* data = m->Z_envZ_memory->data;
  memcpy(data + px, x, c->size);
  memcpy(data + pk, k, 32);
  c->translated(m, pz, px, pk);
  memcpy(z, data + pz, c->size);
  Z_mclZ_free(m, pz);
  Z_mclZ_free(m, pk);
  Z_mclZ_free(m, px);
}

static void same_point(const CurveOps* c, const char* what, unsigned long round, const void* expected, const void* actual) {
  u8 a[2 * FP2_BYTES], b[2 * FP2_BYTES];
  size_t na = c->serialize(a, sizeof a, expected), nb = c->serialize(b, sizeof b, actual);
  if (na != c->serialized || nb != na || memcmp(a, b, na) != 0) {
    if (g_failures++ < 10) fprintf(stderr, "fastcheck: %s %s differs from mcl in round %lu\n", c->name, what, round);
  }
}

/* A point for round i, of the kinds listed at the top. */
static void curve_point(const CurveOps* c, u8* p, unsigned long i) {
  u8 buf[POINT_MAX], q[POINT_MAX];
  memset(p, 0, c->size);
  switch (i % 6) {
    case 0: return; /* identity */
    case 1:
    case 2:
      random_words((u64*)buf, 4);
      c->hash(p, buf, 32);
      if (i % 6 == 2) {
        random_words((u64*)buf, 4);
        c->hash(q, buf, 32);
        c->add(p, p, q);
      }
      return;
    default:
      /* x below 2^320 per coordinate: on the curve about half the time, almost never in the subgroup */
      do {
        memset(buf, 0, c->serialized);
        for (size_t j = 0; j < c->serialized; j += FP_BYTES) random_words((u64*)(buf + j), 5);
      } while (c->deserialize(p, buf, c->serialized) != c->serialized);
      if (i % 6 == 4) c->add(p, p, p);
      if (i % 6 == 5 && next() % 2) memcpy(p, BLS12_381_P, FP_BYTES); /* unreduced: not native */
  }
}

/* A scalar for draw j: edges, small values, random ones, and raw values that are not valid Fr. */
static void curve_scalar(u8 k[32], unsigned long j) {
  u64 v[4] = {0};
  switch (j % 10) {
    case 0: break;
    case 1: v[0] = 1 + next() % 3; break;
    case 2: memcpy(v, FR_R, 32); v[0] -= 1 + next() % 2; break;
    case 3: v[0] = next() >> (next() % 64); break;
    case 4: v[0] = next(); v[1] = next() % 2; break;
    case 5: memcpy(k, FR_R, 32); ((u64*)k)[0] += next() % 2; return; /* raw r or r + 1 */
    case 6: random_words((u64*)k, 4); ((u64*)k)[3] |= 1ull << 63; return; /* raw above r */
    default: random_words(v, 4); v[3] >>= 1 + next() % 8;
  }
  mclBnFr_setLittleEndianMod(k, v, 32);
}

/* mcl checks the order on deserialization, which the points outside the subgroup must skip. */
static int check_curves(unsigned long rounds) {
  unsigned long native = 0, fixed = 0, calls = 0;
  mclBn_verifyOrderG1(0);
  mclBn_verifyOrderG2(0);
  for (int g = 0; g < 2; g++) {
    const CurveOps* c = &CURVES[g];
    u8 p[POINT_MAX], expected[POINT_MAX], actual[POINT_MAX], k[32];
    void* table = malloc(c->table_size());
    if (!table) return 1;
    for (unsigned long i = 0; i < rounds; i++) {
      curve_point(c, p, i);
      for (unsigned long j = 0; j < 10; j++) {
        curve_scalar(k, i + j);
        translated_mul(c, expected, p, k);
        memcpy(actual, p, c->size);
        calls++;
        if (c->native(actual, actual, k))
          native++;
        else
          translated_mul(c, actual, p, k);
        same_point(c, "mul", i, expected, actual);
      }
      if (i % 16 < 3) {
        int ready = c->precompute(table, p) == 0;
        for (unsigned long j = 0; j < 10; j++) {
          curve_scalar(k, i + j);
          translated_mul(c, expected, p, k);
          if (c->mul_fixed(actual, table, k) != 0 && g_failures++ < 10) fprintf(stderr, "fastcheck: mulFixed refused\n");
          same_point(c, "mulFixed", i, expected, actual);
          fixed += ready;
        }
      }
    }
    free(table);
  }
  mclBn_verifyOrderG1(1);
  mclBn_verifyOrderG2(1);
  printf("fastcheck: %lu rounds x 10 scalars for G1 and G2 mul, %lu of %lu native; %lu fixed-base multiplications "
         "from tables; %d mismatches\n", rounds, native, calls, fixed, g_failures);
  if (native < calls / 4 || fixed < rounds / 8) {
    fprintf(stderr, "fastcheck: the native curve code ran too rarely to be checked\n");
    return 1;
  }
  return g_failures;
}
