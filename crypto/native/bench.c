/*
 * Speed of the built libmclbn384_256 for the operations the group-signature schemes spend their
 * time in, next to native herumi mcl v2.00 measured on the project's 2-core machine.
 * Times are the thread's CPU time: the machine is shared, and wall time mostly measures the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mclbn.h"

size_t hhGT_precomputedSize(void);
int hhGT_precompute(void* table, const mclBnGT* g);
void hhGT_powFixed(mclBnGT* z, const void* table, const mclBnFr* k);

#define BUDGET_NS 300000000.0

static mclBnG1 p, p_out;
static mclBnG2 q, q_out;
static mclBnGT e, e_out;
static mclBnFr s;
static void* e_table;
static void *p_table, *q_table;

size_t hhG1_tableSize(void);
size_t hhG2_tableSize(void);
int hhG1_precompute(void* table, const mclBnG1* base);
int hhG2_precompute(void* table, const mclBnG2* base);
int hhG1_mulFixed(mclBnG1* z, const void* table, const mclBnFr* k);
int hhG2_mulFixed(mclBnG2* z, const void* table, const mclBnFr* k);

static void pairing(void) { mclBn_pairing(&e_out, &p, &q); }
static void g1_mul(void) { mclBnG1_mul(&p_out, &p, &s); }
static void g2_mul(void) { mclBnG2_mul(&q_out, &q, &s); }
static void gt_pow(void) { mclBnGT_pow(&e_out, &e, &s); }
static void gt_pow_fixed(void) { hhGT_powFixed(&e_out, e_table, &s); }
static void g1_fixed(void) { hhG1_mulFixed(&p_out, p_table, &s); }
static void g2_fixed(void) { hhG2_mulFixed(&q_out, q_table, &s); }
static void g1_hash(void) { mclBnG1_hashAndMapTo(&p_out, "healthhub", 9); }

static double cpu_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static void row(const char* name, void (*op)(void), double native_us) {
  op();
  long runs = 0;
  double start = cpu_ns(), elapsed;
  do {
    op();
    runs++;
    elapsed = cpu_ns() - start;
  } while (elapsed < BUDGET_NS);
  double us = elapsed / runs / 1000.0;
  printf("%-20s %10.1f %12.1f %10.2fx\n", name, us, native_us, us / native_us);
}

int main(void) {
  if (mclBn_init(MCL_BLS12_381, MCLBN_COMPILED_TIME_VAR) != 0) return 1;
  mclBnG1_hashAndMapTo(&p, "p", 1);
  mclBnG2_hashAndMapTo(&q, "q", 1);
  mclBnFr_setHashOf(&s, "s", 1);
  mclBn_pairing(&e, &p, &q);
  if (!(e_table = malloc(hhGT_precomputedSize())) || hhGT_precompute(e_table, &e) != 0) return 1;
  p_table = malloc(hhG1_tableSize());
  q_table = malloc(hhG2_tableSize());
  if (!p_table || !q_table || hhG1_precompute(p_table, &p) != 0 || hhG2_precompute(q_table, &q) != 0) return 1;
  printf("%-20s %10s %12s %11s\n", "operation", "CPU us/op", "native us", "vs native");
  row("pairing", pairing, 405);
  row("G1 mul", g1_mul, 45);
  row("G2 mul", g2_mul, 75);
  row("GT pow", gt_pow, 129);
  row("GT pow fixed base", gt_pow_fixed, 129);
  row("G1 hashAndMapTo", g1_hash, 77);
  /* native mcl has no fixed-base tables: its plain mul is the reference */
  row("G1 mul, fixed base", g1_fixed, 45);
  row("G2 mul, fixed base", g2_fixed, 75);
  return 0;
}
