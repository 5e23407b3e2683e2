/*
 * herumi mcl's own C ABI (include/mcl/bn.h, MCLBN_FP_UNIT_SIZE 6, MCLBN_FR_UNIT_SIZE 4) over the
 * wasm2c translation of npm mcl-wasm, so that one binding serves this library and a native mcl.
 *
 * Each thread owns one wasm instance (a wasm instance is single-threaded). Operands are copied
 * from host memory into the instance's linear memory, the export is called, results are copied
 * back: outputs may therefore alias inputs. Output elements are copied in first as well, so a
 * failing call leaves them as native mcl would (e.g. a partly written point after deserialize).
 * Global settings (mclBn_init, serialization and map-to modes, ...) go to a log that every
 * instance replays before its next call.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "wasm-rt.h"

void mcl_shim_trap(wasm_rt_trap_t code);
/* The runtime is compiled into this unit so that it sees the trap handler's declaration. */
#include "wasm-rt-impl.c"

#include "mcl.h"

#define API __attribute__((visibility("default")))

enum { FR = 32, FP = 48, FP2 = 96, G1 = 144, G2 = 288, GT = 576 };

/* wabt 1.0.32 reserves this much address space per memory in guard-page mode. */
#define WASM_RESERVATION 0x200000000ul
/* mcl-wasm's JavaScript loader starts its memory with 32 pages: keep the same layout. */
#define INITIAL_PAGES 32
#define MAX_PAGES 65536
/* Results larger than this are never produced (the largest is a GT string, ~1.4 KiB). */
#define MAX_OUTPUT 65536
#define STACK_BUDGET 16384
#define MAX_HEAP_BLOCKS 8

struct Z_env_instance_t {
  wasm_rt_memory_t memory;
};

wasm_rt_memory_t* Z_envZ_memory(struct Z_env_instance_t* env) { return &env->memory; }

typedef struct {
  Z_mcl_instance_t mod;
  struct Z_env_instance_t env;
  size_t applied_settings;
} Wasm;

static void die(const char* why) {
  fprintf(stderr, "libmclbn384_256 (mcl-wasm): %s\n", why);
  abort();
}

void mcl_shim_trap(wasm_rt_trap_t code) { die(wasm_rt_strerror(code)); }

/* ---- global settings, replayed into every instance ---- */

typedef enum { SET_INIT, SET_ETH, SET_MAP_TO, SET_VERIFY_G1, SET_VERIFY_G2, SET_DST_G1, SET_DST_G2 } SettingKind;

typedef struct {
  SettingKind kind;
  int a, b;
  char* dst;
  size_t dst_len;
} Setting;

static pthread_mutex_t g_settings_lock = PTHREAD_MUTEX_INITIALIZER;
static Setting* g_settings;
static size_t g_settings_cap;
static _Atomic size_t g_settings_len;

static u32 wasm_copy_in(Wasm* w, const void* src, size_t n) {
  u32 p = Z_mclZ_malloc(&w->mod, (u32)(n ? n : 1));
  if (!p) die("wasm memory exhausted");
  if (n) memcpy(w->env.memory.data + p, src, n);
  return p;
}

static int apply_setting(Wasm* w, const Setting* s) {
  Z_mcl_instance_t* m = &w->mod;
  switch (s->kind) {
    case SET_INIT: return (int)Z_mclZ_mclBn_init(m, (u32)s->a, (u32)s->b);
    case SET_ETH: Z_mclZ_mclBn_setETHserialization(m, (u32)s->a); return 0;
    case SET_MAP_TO: return (int)Z_mclZ_mclBn_setMapToMode(m, (u32)s->a);
    case SET_VERIFY_G1: Z_mclZ_mclBn_verifyOrderG1(m, (u32)s->a); return 0;
    case SET_VERIFY_G2: Z_mclZ_mclBn_verifyOrderG2(m, (u32)s->a); return 0;
    case SET_DST_G1:
    case SET_DST_G2: {
      u32 p = wasm_copy_in(w, s->dst, s->dst_len);
      int r = (int)(s->kind == SET_DST_G1 ? Z_mclZ_mclBnG1_setDst(m, p, (u32)s->dst_len)
                                          : Z_mclZ_mclBnG2_setDst(m, p, (u32)s->dst_len));
      Z_mclZ_free(m, p);
      return r;
    }
  }
  return -1;
}

/* Caller holds g_settings_lock. */
static void catch_up(Wasm* w) {
  size_t len = atomic_load(&g_settings_len);
  for (; w->applied_settings < len; w->applied_settings++) apply_setting(w, &g_settings[w->applied_settings]);
}

/* ---- one instance per thread ---- */

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static pthread_key_t g_key;

static void destroy_instance(void* p) {
  Wasm* w = p;
  Z_mcl_free(&w->mod);
  /* wasm_rt_free_memory unmaps only the used part of the reservation. */
  munmap(w->env.memory.data, WASM_RESERVATION);
  free(w);
}

static void init_once(void) {
  wasm_rt_init();
  Z_mcl_init_module();
  if (pthread_key_create(&g_key, destroy_instance) != 0) die("pthread_key_create failed");
}

static Wasm* instance(void) {
  pthread_once(&g_once, init_once);
  Wasm* w = pthread_getspecific(g_key);
  if (!w) {
    w = calloc(1, sizeof *w);
    if (!w) die("out of memory");
    wasm_rt_allocate_memory(&w->env.memory, INITIAL_PAGES, MAX_PAGES);
    Z_mcl_instantiate(&w->mod, &w->env);
    Z_mclZ___wasm_call_ctors(&w->mod);
    pthread_setspecific(g_key, w);
  }
  if (w->applied_settings != atomic_load(&g_settings_len)) {
    pthread_mutex_lock(&g_settings_lock);
    catch_up(w);
    pthread_mutex_unlock(&g_settings_lock);
  }
  return w;
}

/* For fastcheck.c, which compares native code with the translation inside a real instance. */
Z_mcl_instance_t* mclshim_instance(void) { return &instance()->mod; }

/* Applies a setting to the calling thread's instance and, if it succeeds, logs it for the others. */
static int change_setting(Setting s) {
  Wasm* w = instance();
  pthread_mutex_lock(&g_settings_lock);
  catch_up(w);
  int r = apply_setting(w, &s);
  if (r == 0) {
    if (g_settings_len == g_settings_cap) {
      size_t cap = g_settings_cap ? 2 * g_settings_cap : 16;
      Setting* grown = realloc(g_settings, cap * sizeof *grown);
      if (!grown) die("out of memory");
      g_settings = grown;
      g_settings_cap = cap;
    }
    if (s.dst_len) {
      char* copy = malloc(s.dst_len);
      if (!copy) die("out of memory");
      memcpy(copy, s.dst, s.dst_len);
      s.dst = copy;
    }
    g_settings[g_settings_len] = s;
    atomic_store(&g_settings_len, g_settings_len + 1);
    w->applied_settings = g_settings_len;
  }
  pthread_mutex_unlock(&g_settings_lock);
  return r;
}

/* ---- scratch space for one call ---- */

typedef struct {
  Wasm* w;
  Z_mcl_instance_t* m;
  u32 saved_sp;
  size_t stack_used;
  u32 heap[MAX_HEAP_BLOCKS];
  int heap_blocks;
} Call;

static Call begin(void) {
  Call c = {0};
  c.w = instance();
  c.m = &c.w->mod;
  c.saved_sp = Z_mclZ_stackSave(c.m);
  return c;
}

static void end(Call* c) {
  for (int i = 0; i < c->heap_blocks; i++) Z_mclZ_free(c->m, c->heap[i]);
  Z_mclZ_stackRestore(c->m, c->saved_sp);
}

static u32 reserve(Call* c, size_t n) {
  size_t rounded = (n + 15) & ~(size_t)15;
  if (rounded == 0) rounded = 16;
  if (c->stack_used + rounded <= STACK_BUDGET) {
    c->stack_used += rounded;
    return Z_mclZ_stackAlloc(c->m, (u32)rounded);
  }
  if (n > 0x7fffffffu) die("operand larger than 2 GiB");
  if (c->heap_blocks == MAX_HEAP_BLOCKS) die("too many large operands");
  u32 p = Z_mclZ_malloc(c->m, (u32)rounded);
  if (!p) die("wasm memory exhausted");
  c->heap[c->heap_blocks++] = p;
  return p;
}

static u32 in(Call* c, const void* src, size_t n) {
  u32 p = reserve(c, n);
  if (n) memcpy(c->w->env.memory.data + p, src, n);
  return p;
}

static void out(Call* c, void* dst, u32 p, size_t n) {
  if (n) memcpy(dst, c->w->env.memory.data + p, n);
}

static size_t elements(size_t n, size_t size) {
  if (n > 0x7fffffffu / size) die("vector larger than 2 GiB");
  return n * size;
}

static u32 output_capacity(size_t max) { return (u32)(max < MAX_OUTPUT ? max : MAX_OUTPUT); }

/* ---- element operations, generated by shape ---- */

/* void f(T *y, const X *x) */
#define UNARY(name, wname, SY, SX)                       \
  API void name(void* y, const void* x) {                \
    Call c = begin();                                    \
    u32 px = in(&c, x, SX), py = in(&c, y, SY);          \
    Z_mclZ_##wname(c.m, py, px);                         \
    out(&c, y, py, SY);                                  \
    end(&c);                                             \
  }

/* void f(T *z, const X *x, const Y *y) */
#define BINARY(name, SZ, SX, SY)                                   \
  API void name(void* z, const void* x, const void* y) {           \
    Call c = begin();                                              \
    u32 px = in(&c, x, SX), py = in(&c, y, SY), pz = in(&c, z, SZ); \
    Z_mclZ_##name(c.m, pz, px, py);                                \
    out(&c, z, pz, SZ);                                            \
    end(&c);                                                       \
  }

/* int f(T *y, const X *x) */
#define UNARY_INT(name, SY, SX)                         \
  API int name(void* y, const void* x) {                \
    Call c = begin();                                   \
    u32 px = in(&c, x, SX), py = in(&c, y, SY);         \
    int r = (int)Z_mclZ_##name(c.m, py, px);            \
    out(&c, y, py, SY);                                 \
    end(&c);                                            \
    return r;                                           \
  }

/* int f(const T *x) */
#define PREDICATE(name, wname, S)                 \
  API int name(const void* x) {                   \
    Call c = begin();                             \
    int r = (int)Z_mclZ_##wname(c.m, in(&c, x, S)); \
    end(&c);                                      \
    return r;                                     \
  }

/* int f(const T *x, const T *y) */
#define PREDICATE2(name, S)                                        \
  API int name(const void* x, const void* y) {                     \
    Call c = begin();                                              \
    u32 px = in(&c, x, S), py = in(&c, y, S);                      \
    int r = (int)Z_mclZ_##name(c.m, px, py);                       \
    end(&c);                                                       \
    return r;                                                      \
  }

/* void f(T *x) */
#define CLEAR(name, S)                       \
  API void name(void* x) {                   \
    Call c = begin();                        \
    u32 px = in(&c, x, S);                   \
    Z_mclZ_##name(c.m, px);                  \
    out(&c, x, px, S);                       \
    end(&c);                                 \
  }

/* void f(T *y, int x) */
#define SET_INT32(name, S)                   \
  API void name(void* y, int x) {            \
    Call c = begin();                        \
    u32 py = in(&c, y, S);                   \
    Z_mclZ_##name(c.m, py, (u32)x);          \
    out(&c, y, py, S);                       \
    end(&c);                                 \
  }

/* RET f(T *x, const void *buf, mclSize bufSize) */
#define FROM_BYTES(RET, name, S)                                  \
  API RET name(void* x, const void* buf, size_t size) {           \
    Call c = begin();                                             \
    u32 pb = in(&c, buf, size), px = in(&c, x, S);                \
    RET r = (RET)Z_mclZ_##name(c.m, px, pb, (u32)size);           \
    out(&c, x, px, S);                                            \
    end(&c);                                                      \
    return r;                                                     \
  }

/* int f(T *x, const char *buf, mclSize bufSize, int ioMode) */
#define SET_STR(name, S)                                                  \
  API int name(void* x, const char* buf, size_t size, int mode) {         \
    Call c = begin();                                                     \
    u32 pb = in(&c, buf, size), px = in(&c, x, S);                        \
    int r = (int)Z_mclZ_##name(c.m, px, pb, (u32)size, (u32)mode);        \
    out(&c, x, px, S);                                                    \
    end(&c);                                                              \
    return r;                                                             \
  }

/* mclSize f(void *buf, mclSize maxBufSize, const T *x): writes exactly the returned size */
#define TO_BYTES(name, S)                                              \
  API size_t name(void* buf, size_t max, const void* x) {              \
    Call c = begin();                                                  \
    u32 cap = output_capacity(max);                                    \
    u32 px = in(&c, x, S), pb = reserve(&c, cap);                      \
    size_t n = Z_mclZ_##name(c.m, pb, cap, px);                        \
    out(&c, buf, pb, n);                                               \
    end(&c);                                                           \
    return n;                                                          \
  }

/* mclSize f(char *buf, mclSize maxBufSize, const T *x, int ioMode): writes the string and its NUL */
#define GET_STR(name, S)                                                      \
  API size_t name(char* buf, size_t max, const void* x, int mode) {           \
    Call c = begin();                                                         \
    u32 cap = output_capacity(max);                                           \
    u32 px = in(&c, x, S), pb = reserve(&c, cap);                             \
    size_t n = Z_mclZ_##name(c.m, pb, cap, px, (u32)mode);                    \
    if (n) out(&c, buf, pb, n + 1 <= max ? n + 1 : n);                        \
    end(&c);                                                                  \
    return n;                                                                 \
  }

/* Every element type: clear, predicates, (de)serialization, strings. */
#define ELEMENT_IO(T, S, isZeroW)                                 \
  CLEAR(T##_clear, S)                                             \
  PREDICATE(T##_isZero, isZeroW, S)                               \
  PREDICATE2(T##_isEqual, S)                                      \
  FROM_BYTES(size_t, T##_deserialize, S)                          \
  TO_BYTES(T##_serialize, S)

ELEMENT_IO(mclBnFr, FR, mclBnFr_isZ5Aero)
ELEMENT_IO(mclBnFp, FP, mclBnFp_isZ5Aero)
ELEMENT_IO(mclBnFp2, FP2, mclBnFp2_isZ5Aero)
ELEMENT_IO(mclBnG1, G1, mclBnG1_isZ5Aero)
ELEMENT_IO(mclBnG2, G2, mclBnG2_isZ5Aero)
ELEMENT_IO(mclBnGT, GT, mclBnGT_isZ5Aero)

SET_STR(mclBnFr_setStr, FR)
SET_STR(mclBnFp_setStr, FP)
SET_STR(mclBnG1_setStr, G1)
SET_STR(mclBnG2_setStr, G2)
SET_STR(mclBnGT_setStr, GT)
GET_STR(mclBnFr_getStr, FR)
GET_STR(mclBnFp_getStr, FP)
GET_STR(mclBnG1_getStr, G1)
GET_STR(mclBnG2_getStr, G2)
GET_STR(mclBnGT_getStr, GT)

/* Field arithmetic: Fr, Fp, Fp2. */
#define FIELD(T, S)                 \
  UNARY(T##_neg, T##_neg, S, S)     \
  UNARY(T##_inv, T##_inv, S, S)     \
  UNARY(T##_sqr, T##_sqr, S, S)     \
  BINARY(T##_add, S, S, S)          \
  BINARY(T##_sub, S, S, S)          \
  BINARY(T##_mul, S, S, S)          \
  BINARY(T##_div, S, S, S)          \
  UNARY_INT(T##_squareRoot, S, S)

FIELD(mclBnFr, FR)
FIELD(mclBnFp, FP)
FIELD(mclBnFp2, FP2)

/* Prime fields only. */
#define PRIME_FIELD(T, S)                                \
  PREDICATE(T##_isValid, T##_isValid, S)                 \
  PREDICATE(T##_isOne, T##_isOne, S)                     \
  PREDICATE(T##_isOdd, T##_isOdd, S)                     \
  PREDICATE(T##_isNegative, T##_isNegative, S)           \
  PREDICATE2(T##_cmp, S)                                 \
  SET_INT32(T##_setInt32, S)                             \
  FROM_BYTES(int, T##_setLittleEndian, S)                \
  FROM_BYTES(int, T##_setLittleEndianMod, S)             \
  FROM_BYTES(int, T##_setBigEndianMod, S)                \
  FROM_BYTES(int, T##_setHashOf, S)                      \
  TO_BYTES(T##_getLittleEndian, S)                       \
  BINARY(T##_pow, S, S, S)

PRIME_FIELD(mclBnFr, FR)
PRIME_FIELD(mclBnFp, FP)

PREDICATE(mclBnFp2_isOne, mclBnFp2_isOne, FP2)

/* Curves: G1, G2. */
#define CURVE(T, S)                                   \
  UNARY(T##_neg, T##_neg, S, S)                       \
  UNARY(T##_dbl, T##_dbl, S, S)                       \
  UNARY(T##_normalize, T##_normalize, S, S)           \
  BINARY(T##_add, S, S, S)                            \
  BINARY(T##_sub, S, S, S)                            \
  BINARY(T##_mulCT, S, S, FR)                         \
  PREDICATE(T##_isValid, T##_isValid, S)              \
  PREDICATE(T##_isValidOrder, T##_isValidOrder, S)    \
  FROM_BYTES(int, T##_hashAndMapTo, S)

CURVE(mclBnG1, G1)
CURVE(mclBnG2, G2)

/*
 * Native multiplication (mclcurve.c) where the patched translation has it; it returns 0 outside
 * its domain, and the translated export runs. Weak: the plain build has none.
 */
int mclcurve_g1_mul(void* z, const void* x, const void* y) __attribute__((weak));
int mclcurve_g2_mul(void* z, const void* x, const void* y) __attribute__((weak));

#define MUL_NATIVE_FIRST(name, S, native)                         \
  API void name(void* z, const void* x, const void* y) {          \
    if (native && native(z, x, y)) return;                        \
    Call c = begin();                                             \
    u32 px = in(&c, x, S), py = in(&c, y, FR), pz = in(&c, z, S); \
    Z_mclZ_##name(c.m, pz, px, py);                               \
    out(&c, z, pz, S);                                            \
    end(&c);                                                      \
  }

MUL_NATIVE_FIRST(mclBnG1_mul, G1, mclcurve_g1_mul)
MUL_NATIVE_FIRST(mclBnG2_mul, G2, mclcurve_g2_mul)

UNARY_INT(mclBnFp_mapToG1, G1, FP)
UNARY_INT(mclBnFp2_mapToG2, G2, FP2)

UNARY(mclBnGT_neg, mclBnGT_neg, GT, GT)
UNARY(mclBnGT_inv, mclBnGT_inv, GT, GT)
UNARY(mclBnGT_invGeneric, mclBnGT_invGeneric, GT, GT)
UNARY(mclBnGT_sqr, mclBnGT_sqr, GT, GT)
BINARY(mclBnGT_add, GT, GT, GT)
BINARY(mclBnGT_sub, GT, GT, GT)
BINARY(mclBnGT_mul, GT, GT, GT)
BINARY(mclBnGT_div, GT, GT, GT)
BINARY(mclBnGT_pow, GT, GT, FR)
BINARY(mclBnGT_powGeneric, GT, GT, FR)
PREDICATE(mclBnGT_isOne, mclBnGT_isOne, GT)
PREDICATE(mclBnGT_isValid, mclBnGT_isValid, GT)
SET_INT32(mclBnGT_setInt32, GT)

BINARY(mclBn_pairing, GT, G1, G2)
BINARY(mclBn_millerLoop, GT, G1, G2)
UNARY(mclBn_finalExp, mclBn_finalExp, GT, GT)

/*
 * mclInt is 64-bit in native mcl but 32-bit in the wasm: values outside int32 go through setStr,
 * which parses a sign.
 */
#define SET_INT64(T, S, fmt)                                         \
  API void T##_setInt(void* y, int64_t x) {                          \
    if (x >= INT32_MIN && x <= INT32_MAX) {                          \
      T##_setInt32(y, (int)x);                                       \
      return;                                                        \
    }                                                                \
    char text[320];                                                  \
    int n = snprintf(text, sizeof text, fmt, (long long)x);          \
    if (T##_setStr(y, text, (size_t)n, 10) != 0) die(#T "_setInt failed"); \
  }

SET_INT64(mclBnFr, FR, "%lld")
SET_INT64(mclBnFp, FP, "%lld")
SET_INT64(mclBnGT, GT, "%lld 0 0 0 0 0 0 0 0 0 0 0")

/* int f(T *z, const T *x, const uint8_t *y, mclSize ySize) */
#define POW_ARRAY(name, S)                                                      \
  API int name(void* z, const void* x, const uint8_t* y, size_t size) {         \
    Call c = begin();                                                           \
    u32 px = in(&c, x, S), py = in(&c, y, size), pz = in(&c, z, S);             \
    int r = (int)Z_mclZ_##name(c.m, pz, px, py, (u32)size);                     \
    out(&c, z, pz, S);                                                          \
    end(&c);                                                                    \
    return r;                                                                   \
  }

POW_ARRAY(mclBnFr_powArray, FR)
POW_ARRAY(mclBnFp_powArray, FP)

/* ---- vectors ---- */

/* void f(T *z, X *x, const Y *y, mclSize n): mcl may normalize x in place, so x is copied back. */
#define MUL_VEC(name, SZ, SX, SY)                                                  \
  API void name(void* z, void* x, const void* y, size_t n) {                       \
    Call c = begin();                                                              \
    size_t nx = elements(n, SX);                                                   \
    u32 px = in(&c, x, nx), py = in(&c, y, elements(n, SY)), pz = in(&c, z, SZ);   \
    Z_mclZ_##name(c.m, pz, px, py, (u32)n);                                        \
    out(&c, x, px, nx);                                                            \
    out(&c, z, pz, SZ);                                                            \
    end(&c);                                                                       \
  }

#define MUL_VEC_MT(name, SZ, SX, SY)                                               \
  API void name(void* z, void* x, const void* y, size_t n, size_t cpus) {          \
    Call c = begin();                                                              \
    size_t nx = elements(n, SX);                                                   \
    u32 px = in(&c, x, nx), py = in(&c, y, elements(n, SY)), pz = in(&c, z, SZ);   \
    Z_mclZ_##name(c.m, pz, px, py, (u32)n, (u32)cpus);                             \
    out(&c, x, px, nx);                                                            \
    out(&c, z, pz, SZ);                                                            \
    end(&c);                                                                       \
  }

MUL_VEC(mclBnG1_mulVec, G1, G1, FR)
MUL_VEC(mclBnG2_mulVec, G2, G2, FR)
MUL_VEC(mclBnGT_powVec, GT, GT, FR)
MUL_VEC(mclBn_millerLoopVec, GT, G1, G2)
MUL_VEC_MT(mclBnG1_mulVecMT, G1, G1, FR)
MUL_VEC_MT(mclBnG2_mulVecMT, G2, G2, FR)
MUL_VEC_MT(mclBn_millerLoopVecMT, GT, G1, G2)

API void mclBnG1_mulEach(void* x, const void* y, size_t n) {
  Call c = begin();
  size_t nx = elements(n, G1);
  u32 px = in(&c, x, nx), py = in(&c, y, elements(n, FR));
  Z_mclZ_mclBnG1_mulEach(c.m, px, py, (u32)n);
  out(&c, x, px, nx);
  end(&c);
}

/* RET f(T *y, const T *x, mclSize n) */
#define MAP_VEC(RET, name, S)                                                \
  API RET name(void* y, const void* x, size_t n) {                           \
    Call c = begin();                                                        \
    size_t bytes = elements(n, S);                                           \
    u32 px = in(&c, x, bytes), py = in(&c, y, bytes);                        \
    RET r = (RET)Z_mclZ_##name(c.m, py, px, (u32)n);                         \
    out(&c, y, py, bytes);                                                   \
    end(&c);                                                                 \
    return r;                                                                \
  }

MAP_VEC(size_t, mclBnFr_invVec, FR)
MAP_VEC(size_t, mclBnFp_invVec, FP)

#define MAP_VEC_VOID(name, S)                                                \
  API void name(void* y, const void* x, size_t n) {                          \
    Call c = begin();                                                        \
    size_t bytes = elements(n, S);                                           \
    u32 px = in(&c, x, bytes), py = in(&c, y, bytes);                        \
    Z_mclZ_##name(c.m, py, px, (u32)n);                                      \
    out(&c, y, py, bytes);                                                   \
    end(&c);                                                                 \
  }

MAP_VEC_VOID(mclBnG1_normalizeVec, G1)
MAP_VEC_VOID(mclBnG2_normalizeVec, G2)

/* int f(T *out, const Fr *xVec, const T *yVec, mclSize k) */
#define LAGRANGE(name, S)                                                              \
  API int name(void* o, const void* xs, const void* ys, size_t k) {                    \
    Call c = begin();                                                                  \
    u32 px = in(&c, xs, elements(k, FR)), py = in(&c, ys, elements(k, S)), po = in(&c, o, S); \
    int r = (int)Z_mclZ_##name(c.m, po, px, py, (u32)k);                               \
    out(&c, o, po, S);                                                                 \
    end(&c);                                                                           \
    return r;                                                                          \
  }

LAGRANGE(mclBn_FrLagrangeInterpolation, FR)
LAGRANGE(mclBn_G1LagrangeInterpolation, G1)
LAGRANGE(mclBn_G2LagrangeInterpolation, G2)

/* int f(T *out, const T *cVec, mclSize cSize, const Fr *x) */
#define EVALUATE(name, S)                                                          \
  API int name(void* o, const void* cs, size_t n, const void* x) {                 \
    Call c = begin();                                                              \
    u32 pc = in(&c, cs, elements(n, S)), px = in(&c, x, FR), po = in(&c, o, S);    \
    int r = (int)Z_mclZ_##name(c.m, po, pc, (u32)n, px);                           \
    out(&c, o, po, S);                                                             \
    end(&c);                                                                       \
    return r;                                                                      \
  }

EVALUATE(mclBn_FrEvaluatePolynomial, FR)
EVALUATE(mclBn_G1EvaluatePolynomial, G1)
EVALUATE(mclBn_G2EvaluatePolynomial, G2)

/* ---- precomputed G2 ---- */

API int mclBn_getUint64NumToPrecompute(void) {
  return (int)Z_mclZ_mclBn_getUint64NumToPrecompute(&instance()->mod);
}

static size_t precomputed_bytes(Call* c) { return (size_t)Z_mclZ_mclBn_getUint64NumToPrecompute(c->m) * 8; }

API void mclBn_precomputeG2(uint64_t* qbuf, const void* q) {
  Call c = begin();
  size_t bytes = precomputed_bytes(&c);
  u32 pq = in(&c, q, G2), pb = reserve(&c, bytes);
  Z_mclZ_mclBn_precomputeG2(c.m, pb, pq);
  out(&c, qbuf, pb, bytes);
  end(&c);
}

API void mclBn_precomputedMillerLoop(void* f, const void* p, const uint64_t* qbuf) {
  Call c = begin();
  u32 pp = in(&c, p, G1), pq = in(&c, qbuf, precomputed_bytes(&c)), pf = in(&c, f, GT);
  Z_mclZ_mclBn_precomputedMillerLoop(c.m, pf, pp, pq);
  out(&c, f, pf, GT);
  end(&c);
}

API void mclBn_precomputedMillerLoop2(void* f, const void* p1, const uint64_t* q1buf, const void* p2,
                                      const uint64_t* q2buf) {
  Call c = begin();
  size_t bytes = precomputed_bytes(&c);
  u32 pp1 = in(&c, p1, G1), pq1 = in(&c, q1buf, bytes), pp2 = in(&c, p2, G1), pq2 = in(&c, q2buf, bytes);
  u32 pf = in(&c, f, GT);
  Z_mclZ_mclBn_precomputedMillerLoop2(c.m, pf, pp1, pq1, pp2, pq2);
  out(&c, f, pf, GT);
  end(&c);
}

API void mclBn_precomputedMillerLoop2mixed(void* f, const void* p1, const void* q1, const void* p2,
                                           const uint64_t* q2buf) {
  Call c = begin();
  u32 pp1 = in(&c, p1, G1), pq1 = in(&c, q1, G2), pp2 = in(&c, p2, G1);
  u32 pq2 = in(&c, q2buf, precomputed_bytes(&c)), pf = in(&c, f, GT);
  Z_mclZ_mclBn_precomputedMillerLoop2mixed(c.m, pf, pp1, pq1, pp2, pq2);
  out(&c, f, pf, GT);
  end(&c);
}

/* ---- library-wide settings and queries ---- */

API int mclBn_init(int curve, int compiled_time_var) {
  return change_setting((Setting){.kind = SET_INIT, .a = curve, .b = compiled_time_var});
}

API void mclBn_setETHserialization(int enable) { change_setting((Setting){.kind = SET_ETH, .a = enable}); }
API int mclBn_setMapToMode(int mode) { return change_setting((Setting){.kind = SET_MAP_TO, .a = mode}); }
API void mclBn_verifyOrderG1(int verify) { change_setting((Setting){.kind = SET_VERIFY_G1, .a = verify}); }
API void mclBn_verifyOrderG2(int verify) { change_setting((Setting){.kind = SET_VERIFY_G2, .a = verify}); }

API int mclBnG1_setDst(const char* dst, size_t size) {
  return change_setting((Setting){.kind = SET_DST_G1, .dst = (char*)dst, .dst_len = size});
}

API int mclBnG2_setDst(const char* dst, size_t size) {
  return change_setting((Setting){.kind = SET_DST_G2, .dst = (char*)dst, .dst_len = size});
}

#define QUERY(name) \
  API int name(void) { return (int)Z_mclZ_##name(&instance()->mod); }

QUERY(mclBn_getVersion)
QUERY(mclBn_getCurveType)
QUERY(mclBn_getOpUnitSize)
QUERY(mclBn_getG1ByteSize)
QUERY(mclBn_getG2ByteSize)
QUERY(mclBn_getFrByteSize)
QUERY(mclBn_getFpByteSize)
QUERY(mclBn_getETHserialization)

#define ORDER_STRING(name)                                 \
  API size_t name(char* buf, size_t max) {                 \
    Call c = begin();                                      \
    u32 cap = output_capacity(max), pb = reserve(&c, cap); \
    size_t n = Z_mclZ_##name(c.m, pb, cap);                \
    if (n) out(&c, buf, pb, n + 1 <= max ? n + 1 : n);     \
    end(&c);                                               \
    return n;                                              \
  }

ORDER_STRING(mclBn_getCurveOrder)
ORDER_STRING(mclBn_getFieldOrder)

API int mclBnG1_hashAndMapToWithDst(void* x, const void* buf, size_t size, const char* dst, size_t dst_size) {
  Call c = begin();
  u32 pb = in(&c, buf, size), pd = in(&c, dst, dst_size), px = in(&c, x, G1);
  int r = (int)Z_mclZ_mclBnG1_hashAndMapToWithDst(c.m, px, pb, (u32)size, pd, (u32)dst_size);
  out(&c, x, px, G1);
  end(&c);
  return r;
}

API int mclBnG2_hashAndMapToWithDst(void* x, const void* buf, size_t size, const char* dst, size_t dst_size) {
  Call c = begin();
  u32 pb = in(&c, buf, size), pd = in(&c, dst, dst_size), px = in(&c, x, G2);
  int r = (int)Z_mclZ_mclBnG2_hashAndMapToWithDst(c.m, px, pb, (u32)size, pd, (u32)dst_size);
  out(&c, x, px, G2);
  end(&c);
  return r;
}

API int mclBnG1_getBasePoint(void* x) {
  Call c = begin();
  u32 px = in(&c, x, G1);
  int r = (int)Z_mclZ_mclBnG1_getBasePoint(c.m, px);
  out(&c, x, px, G1);
  end(&c);
  return r;
}

#include "mclgtfixed.c"
