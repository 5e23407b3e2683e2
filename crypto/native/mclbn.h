/*
 * The part of herumi mcl's include/mcl/bn.h (MCLBN_FP_UNIT_SIZE 6, MCLBN_FR_UNIT_SIZE 4) that the
 * build's own C programs (smoke check, benchmark, cross-check) use. mclshim.c exports the whole ABI.
 */
#ifndef HEALTHHUB_MCLBN_H
#define HEALTHHUB_MCLBN_H

#include <stddef.h>
#include <stdint.h>

#define MCLBN_COMPILED_TIME_VAR 46
#define MCL_BLS12_381 5

typedef struct { uint64_t d[4]; } mclBnFr;
typedef struct { uint64_t d[6]; } mclBnFp;
typedef struct { mclBnFp x, y, z; } mclBnG1;
typedef struct { mclBnFp d[6]; } mclBnG2;
typedef struct { mclBnFp d[12]; } mclBnGT;

int mclBn_init(int curve, int compiledTimeVar);

void mclBnFr_setInt(mclBnFr* y, int64_t x);
int mclBnFr_setHashOf(mclBnFr* x, const void* buf, size_t bufSize);
int mclBnFr_setLittleEndianMod(mclBnFr* x, const void* buf, size_t bufSize);
int mclBnFr_isEqual(const mclBnFr* x, const mclBnFr* y);
void mclBnFr_add(mclBnFr* z, const mclBnFr* x, const mclBnFr* y);
void mclBnFr_inv(mclBnFr* y, const mclBnFr* x);
size_t mclBnFr_serialize(void* buf, size_t maxBufSize, const mclBnFr* x);

int mclBnG1_setStr(mclBnG1* x, const char* buf, size_t bufSize, int ioMode);
int mclBnG1_hashAndMapTo(mclBnG1* x, const void* buf, size_t bufSize);
void mclBnG1_mul(mclBnG1* z, const mclBnG1* x, const mclBnFr* y);
size_t mclBnG1_serialize(void* buf, size_t maxBufSize, const mclBnG1* x);

int mclBnG2_setStr(mclBnG2* x, const char* buf, size_t bufSize, int ioMode);
int mclBnG2_hashAndMapTo(mclBnG2* x, const void* buf, size_t bufSize);
void mclBnG2_mul(mclBnG2* z, const mclBnG2* x, const mclBnFr* y);
size_t mclBnG2_serialize(void* buf, size_t maxBufSize, const mclBnG2* x);

void mclBnGT_pow(mclBnGT* z, const mclBnGT* x, const mclBnFr* y);
size_t mclBnGT_serialize(void* buf, size_t maxBufSize, const mclBnGT* x);

void mclBn_pairing(mclBnGT* z, const mclBnG1* x, const mclBnG2* y);

#endif
