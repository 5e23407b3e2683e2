/*
 * GT powers of mcl-wasm 2.4.1's translation with cyclotomic squarings, included after mcltower.c by
 * patch-mcl-c.py.
 *
 * f353(z, xs, ks, n) is mcl's GLV power z = prod xs[i]^ks[i] (mclBnGT_pow with n = 1,
 * mclBnGT_powVec for n <= 16), f364 its generic power by a word array (mclBnGT_powGeneric, isValid).
 * Both square with the generic Fp12 squaring (f361), because nothing tells them their bases lie in
 * the cyclotomic subgroup G = {x : x^(p^4 - p^2 + 1) = 1}, where Granger-Scott's squaring (f370,
 * about two thirds of the cost) gives the same square. Every value they square is made from their
 * bases by multiplication, squaring, inversion, conjugation and Frobenius maps, and G is closed under
 * them; so when every base is reduced and in G, each square is the same reduced element either way,
 * and the power the same bytes with f361 answered by the cyclotomic squaring. The wrappers check the
 * bases natively (x^(p^4) x = x^(p^2), both Frobenius powers multiplying x's w^k coefficient by a
 * constant of Fp) and set cyclotomic_squares for the duration of the translated original; any other
 * base (outside G, unreduced, zero) runs it unchanged. fastcheck.c compares each with its original
 * on bases in GT, in G but not GT, outside G, and unreduced.
 */

enum { MAX_GLV_BASES = 16 };

/* gamma^k, gamma = xi^((p^2 - 1) / 6) in Fp (Montgomery form): w^(p^2) = gamma w. */
static const u64 FROBENIUS2_GAMMA[5][LIMBS] = {
    {0xecfb361b798dba3aull, 0xc100ddb891865a2cull, 0x0ec08ff1232bda8eull, 0xd5c13cc6f1ca4721ull,
     0x47222a47bf7b5c04ull, 0x0110f184e51c5f59ull},
    {0x30f1361b798a64e8ull, 0xf3b8ddab7ece5a2aull, 0x16a8ca3ac61577f7ull, 0xc26a2ff874fd029bull,
     0x3636b76660701c6eull, 0x051ba4ab241b6160ull},
    {0x43f5fffffffcaaaeull, 0x32b7fff2ed47fffdull, 0x07e83a49a2e99d69ull, 0xeca8f3318332bb7aull,
     0xef148d1ea0f4c069ull, 0x040ab3263eff0206ull},
    {0xcd03c9e48671f071ull, 0x5dab22461fcda5d2ull, 0x587042afd3851b95ull, 0x8eb60ebe01bacb9eull,
     0x03f97d6e83d050d2ull, 0x18f0206554638741ull},
    {0x890dc9e4867545c3ull, 0x2af322533285a5d5ull, 0x50880866309b7e2cull, 0xa20d1b8c7e881024ull,
     0x14e4f04fe2db9068ull, 0x14e56d3f1564853aull},
};

/* y = x^(p^2): Frobenius squared fixes Fp2, so only w^k's coefficient moves, times gamma^k. */
static void fp12_frobenius2(Fp6 y[2], const Fp6 x[2]) {
  for (int k = 0; k < 6; k++) {
    /* a + b w, a and b in Fp6 over v = w^2: w^k's coefficient is x[k % 2].c[k / 2]. */
    const Fp2* from = &x[k % 2].c[k / 2];
    Fp2* to = &y[k % 2].c[k / 2];
    if (k == 0) {
      *to = *from;
      continue;
    }
    mont6(to->re, from->re, FROBENIUS2_GAMMA[k - 1], BLS12_381_P, BLS12_381_FACTOR);
    mont6(to->im, from->im, FROBENIUS2_GAMMA[k - 1], BLS12_381_P, BLS12_381_FACTOR);
  }
}

/* x^(p^4) x = x^(p^2), for reduced x. */
static int fp12_is_cyclotomic(const Fp6 x[2]) {
  Fp6 p2[2], p4[2], product[2];
  fp12_frobenius2(p2, x);
  fp12_frobenius2(p4, p2);
  fp12_mul(product, p4, x);
  return memcmp(product, p2, sizeof product) == 0;
}

static int bases_cyclotomic(Z_mcl_instance_t* instance, u32 xs, u32 n) {
  if (n == 0 || n > MAX_GLV_BASES || !tower_as_expected(instance)) return 0;
  for (u32 i = 0; i < n; i++) {
    Fp6 x[2];
    if (!load_fp12(x, mem_at(instance, xs + i * FP12_BYTES)) || !fp12_is_cyclotomic(x)) return 0;
  }
  return 1;
}

static void w2c_f353(Z_mcl_instance_t* instance, u32 z, u32 xs, u32 ks, u32 n) {
  int outer = cyclotomic_squares;
  cyclotomic_squares = bases_cyclotomic(instance, xs, n);
  w2c_f353_wasm(instance, z, xs, ks, n);
  cyclotomic_squares = outer;
}

/* f364(z, x, words, n): the generic power x^k, k in n 32-bit words (mclBnGT_powGeneric, isValid). */
static void w2c_f364(Z_mcl_instance_t* instance, u32 z, u32 x, u32 words, u32 n) {
  int outer = cyclotomic_squares;
  cyclotomic_squares = bases_cyclotomic(instance, x, 1);
  w2c_f364_wasm(instance, z, x, words, n);
  cyclotomic_squares = outer;
}
