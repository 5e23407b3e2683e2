#!/usr/bin/env python3
"""Speeds up wasm2c's translation of mcl-wasm 2.4.1 without changing a single result.

usage: patch-mcl-c.py IN.c OUT.c

Applies only to the one translation it was written for (pinned by SHA-256; exit status 3 for
any other input), and only in guard-page mode, where the linear memory never moves:
- every function reads the memory base once into a local, instead of after every store
  (stores through u8* may alias the instance, so the compiler reloads it);
- loads lose wasm2c's empty asm barrier, which exists to keep dead loads trapping;
- the hot 32-bit-limb bigint leaf functions, and the Fp2 double-width multiply and square built
  on them, become native 64-bit-limb code on the same memory layout (mclfast.c);
- so do whole extension-field routines whose results are reduced (mcltower.c): Fp2 squaring,
  Fp12 multiplication, squaring, cyclotomic squaring and multiplication by a Miller-loop line;
- GT powers square with the cyclotomic squaring when their bases allow it (mclgt.c);
- the Miller loop's doubling step is one native routine (mclmiller.c).
- G1 and G2 scalar multiplication and fixed-base tables get native code (mclcurve.c), which
  the shim calls first.
Each replaced function is kept beside its translated original (renamed *_wasm) so that
fastcheck.c can compare the two.
"""
import hashlib
import re
import sys

PINNED_SHA256 = "a75ae8992749fc16217795a076d3b69a5538de174b79f123b4f34d74e8a7c770"

MEMORY_ACCESS = re.compile(r"\b((?:i32|i64)_(?:load|store)(?:8_s|8_u|16_s|16_u|32_s|32_u|8|16|32)?)\(instance->Z_envZ_memory, ")
PROLOGUE = "  FUNC_PROLOGUE;\n"

# The leaf functions mclfast.c replaces (wasm function indices; shapes named there).
REPLACED = [16, 28, 52, 88, 106, 140, 142, 152, 287, 301, 302, 303, 305, 309, 310, 353, 358, 361, 364, 370, 376, 379]

LOAD_STORE_LE = """#define DEFINE_LOAD(name, t1, t2, t3)                      \\
  static inline t3 name(wasm_rt_memory_t* mem, u64 addr) { \\
    MEMCHECK(mem, addr, t1);                               \\
    t1 result;                                             \\
    wasm_rt_memcpy(&result, &mem->data[addr], sizeof(t1)); \\
    wasm_asm("" ::"r"(result));                            \\
    return (t3)(t2)result;                                 \\
  }

#define DEFINE_STORE(name, t1, t2)                                     \\
  static inline void name(wasm_rt_memory_t* mem, u64 addr, t2 value) { \\
    MEMCHECK(mem, addr, t1);                                           \\
    t1 wrapped = (t1)value;                                            \\
    wasm_rt_memcpy(&mem->data[addr], &wrapped, sizeof(t1));            \\
  }
#endif"""

LOAD_STORE_BASE = """#define DEFINE_LOAD(name, t1, t2, t3)                \\
  static inline t3 name(u8* base, u64 addr) {        \\
    t1 result;                                       \\
    wasm_rt_memcpy(&result, &base[addr], sizeof(t1)); \\
    return (t3)(t2)result;                           \\
  }

#define DEFINE_STORE(name, t1, t2)                         \\
  static inline void name(u8* base, u64 addr, t2 value) {  \\
    t1 wrapped = (t1)value;                                \\
    wasm_rt_memcpy(&base[addr], &wrapped, sizeof(t1));     \\
  }
#endif"""

BASE_LOCAL = "  u8* const w2c_mb __attribute__((unused)) = instance->Z_envZ_memory->data;\n"


def fail(message, status=1):
    sys.stderr.write("patch-mcl-c: %s\n" % message)
    sys.exit(status)


def memory_base_in_local(text):
    if LOAD_STORE_LE not in text:
        fail("load/store definitions not found")
    text = text.replace(LOAD_STORE_LE, LOAD_STORE_BASE)
    text = MEMORY_ACCESS.sub(r"\1(w2c_mb, ", text)
    return text.replace(PROLOGUE, PROLOGUE + BASE_LOCAL)


def native_leaves(text):
    for index in REPLACED:
        definition = re.compile(r"^(static \w+ )w2c_f%d(\(Z_mcl_instance_t\* instance, )" % index, re.M)
        text, count = definition.subn(r"\1w2c_f%d_wasm\2" % index, text)
        if count != 1:
            fail("definition of w2c_f%d not found" % index)
    return text + '\n#include "mclfast.c"\n#include "mcltower.c"\n#include "mclgt.c"\n#include "mclmiller.c"\n#include "mclcurve.c"\n#include "fastcheck.c"\n'


def main():
    if len(sys.argv) != 3:
        fail("usage: patch-mcl-c.py IN.c OUT.c", 2)
    source = open(sys.argv[1], "rb").read()
    if hashlib.sha256(source).hexdigest() != PINNED_SHA256:
        fail("input is not the pinned translation of mcl-wasm 2.4.1", 3)
    text = native_leaves(memory_base_in_local(source.decode("utf-8")))
    open(sys.argv[2], "w").write(text)


if __name__ == "__main__":
    main()
