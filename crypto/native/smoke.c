/*
 * Known-answer check of a built libmclbn384_256 against herumi mcl v2.00's answers
 * (vectors/pygroupsig/mcl.json, flattened by build-libmcl.sh into "name hex" lines).
 * Exits non-zero on the first mismatch, so that a wrong library fails the build.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mclbn.h"

static char names[64][64];
static char values[64][2048];
static int count;
static int failures;

static void load(const char* path) {
  FILE* f = fopen(path, "r");
  if (!f) {
    perror(path);
    exit(2);
  }
  while (count < 64 && fscanf(f, "%63s %2047s", names[count], values[count]) == 2) count++;
  fclose(f);
}

static const char* expected(const char* name) {
  for (int i = 0; i < count; i++)
    if (strcmp(names[i], name) == 0) return values[i];
  fprintf(stderr, "smoke: vector %s missing\n", name);
  exit(2);
}

static void hex(char* dst, const uint8_t* src, size_t n) {
  for (size_t i = 0; i < n; i++) sprintf(dst + 2 * i, "%02x", src[i]);
  dst[2 * n] = 0;
}

/* "-" stands for the empty message. */
static size_t unhex(uint8_t* dst, size_t max, const char* text) {
  size_t n = strcmp(text, "-") == 0 ? 0 : strlen(text) / 2;
  if (n > max) exit(2);
  for (size_t i = 0; i < n; i++) sscanf(text + 2 * i, "%2hhx", &dst[i]);
  return n;
}

static void check(const char* what, const char* name, const uint8_t* got, size_t n) {
  char text[2048];
  hex(text, got, n);
  if (strcmp(text, expected(name)) != 0) {
    fprintf(stderr, "smoke: %s mismatch\n  got  %s\n  want %s\n", what, text, expected(name));
    failures++;
  }
}

static void check_true(const char* what, int ok) {
  if (!ok) {
    fprintf(stderr, "smoke: %s failed\n", what);
    failures++;
  }
}

static mclBnG1 g1;
static mclBnG2 g2;

static void* pairing_on_new_thread(void* result) {
  mclBn_pairing(result, &g1, &g2);
  return NULL;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: smoke VECTORS_FILE\n");
    return 2;
  }
  load(argv[1]);
  check_true("mclBn_init(5, 46)", mclBn_init(MCL_BLS12_381, MCLBN_COMPILED_TIME_VAR) == 0);

  uint8_t buf[576];
  const char* g1_text = expected("g1_decimal");
  const char* g2_text = expected("g2_decimal");
  char text[1024];
  strcpy(text, g1_text);
  for (char* p = text; *p; p++) if (*p == '_') *p = ' ';
  check_true("G1 setStr", mclBnG1_setStr(&g1, text, strlen(text), 10) == 0);
  strcpy(text, g2_text);
  for (char* p = text; *p; p++) if (*p == '_') *p = ' ';
  check_true("G2 setStr", mclBnG2_setStr(&g2, text, strlen(text), 10) == 0);
  check("G1 generator", "g1", buf, mclBnG1_serialize(buf, sizeof buf, &g1));
  check("G2 generator", "g2", buf, mclBnG2_serialize(buf, sizeof buf, &g2));

  mclBnGT e, e6;
  mclBn_pairing(&e, &g1, &g2);
  check("e(g1, g2)", "e_g1_g2", buf, mclBnGT_serialize(buf, sizeof buf, &e));
  mclBnFr six;
  mclBnFr_setInt(&six, 6);
  mclBnGT_pow(&e6, &e, &six);
  check("e(g1, g2)^6", "e_2g1_3g2", buf, mclBnGT_serialize(buf, sizeof buf, &e6));

  mclBnFr two, third;
  mclBnFr_setInt(&two, 2);
  mclBnFr_setInt(&third, 3);
  mclBnFr_inv(&third, &third);
  mclBnG1 g1_2;
  mclBnG2 g2_2;
  mclBnG1_mul(&g1_2, &g1, &two);
  mclBnG2_mul(&g2_2, &g2, &two);
  check("2 g1", "g1_times_2", buf, mclBnG1_serialize(buf, sizeof buf, &g1_2));
  check("2 g2", "g2_times_2", buf, mclBnG2_serialize(buf, sizeof buf, &g2_2));
  mclBnGT_pow(&e6, &e, &third);
  check("e(g1, g2)^(1/3)", "e_g1_g2_pow_inv3", buf, mclBnGT_serialize(buf, sizeof buf, &e6));

  mclBnFr fr;
  int hashes = atoi(expected("hashes"));
  check_true("hash vectors present", hashes > 0);
  for (int i = 0; i < hashes; i++) {
    char name[32];
    uint8_t msg[1024];
    snprintf(name, sizeof name, "msg_%d", i);
    size_t len = unhex(msg, sizeof msg, expected(name));
    mclBnG1 h1;
    mclBnG2 h2;
    check_true("Fr setHashOf", mclBnFr_setHashOf(&fr, msg, len) == 0);
    check_true("G1 hashAndMapTo", mclBnG1_hashAndMapTo(&h1, msg, len) == 0);
    check_true("G2 hashAndMapTo", mclBnG2_hashAndMapTo(&h2, msg, len) == 0);
    snprintf(name, sizeof name, "fr_hash_%d", i);
    check("Fr setHashOf", name, buf, mclBnFr_serialize(buf, sizeof buf, &fr));
    snprintf(name, sizeof name, "g1_hash_%d", i);
    check("G1 hashAndMapTo", name, buf, mclBnG1_serialize(buf, sizeof buf, &h1));
    snprintf(name, sizeof name, "g2_hash_%d", i);
    check("G2 hashAndMapTo", name, buf, mclBnG2_serialize(buf, sizeof buf, &h2));
  }

  /* Outputs may alias inputs: z = x + x computed in place. */
  mclBnFr doubled, alias = fr;
  mclBnFr_add(&doubled, &fr, &fr);
  mclBnFr_add(&alias, &alias, &alias);
  check_true("aliased Fr add", mclBnFr_isEqual(&doubled, &alias) == 1);

  /* A thread created after mclBn_init gets its own instance with the init replayed. */
  pthread_t thread;
  mclBnGT on_thread;
  memset(&on_thread, 0, sizeof on_thread);
  if (pthread_create(&thread, NULL, pairing_on_new_thread, &on_thread) != 0) return 2;
  pthread_join(thread, NULL);
  check("e(g1, g2) on a new thread", "e_g1_g2", buf, mclBnGT_serialize(buf, sizeof buf, &on_thread));

  if (failures) {
    fprintf(stderr, "smoke: %d check(s) failed\n", failures);
    return 1;
  }
  printf("smoke: libmclbn384_256 reproduces mcl v2.00's known answers\n");
  return 0;
}
