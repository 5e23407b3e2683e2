#!/usr/bin/env bash
# Builds the bundled libmclbn384_256.so (herumi mcl's own C ABI) from npm mcl-wasm@2.4.1:
# wasm2c translates the WebAssembly to C, gcc compiles it with wabt's runtime and mclshim.c.
#
#   build-libmcl.sh OUT_DIR          put libmclbn384_256.so into OUT_DIR
#   build-libmcl.sh --bench          print the speed of the library next to native mcl's
#   build-libmcl.sh --crosscheck [N] compare the library with the plain translation on N random rounds
#
# patch-mcl-c.py then replaces the hot bigint leaf functions (mclfast.c) and extension-field routines
# (mcltower.c) of the translation with native code, checked against the translated originals by
# fastcheck.c on every fresh build;
# HEALTHHUB_MCL_PLAIN=1 builds the unpatched translation instead.
#
# The library is cached under ${HEALTHHUB_CACHE:-~/.cache/healthhub}/libmcl/<hash of all inputs>/:
# a second run with the same inputs compiles nothing. A fresh build is checked against mcl's
# known answers (vectors/pygroupsig/mcl.json) before it enters the cache; a mismatch fails.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LIB=libmclbn384_256.so

# Pinned so that nothing (least of all a source patch) applies to another build of mcl-wasm.
MCL_JS_SHA256=79febf349c64ff689a1ab5bedffa17cc0065bce0d28a029244dbdff8d9bd2002
WASM_SHA256=99e25601f2eed784d994aa5c8c1733989350255f78bbbd18571e8df8b65b8f60

MCL_JS="$ROOT/tools/node_modules/mcl-wasm/dist/mcl_c.js"
VECTORS="${HEALTHHUB_VECTORS_DIR:-$ROOT/../shared/vectors}/pygroupsig/mcl.json"
CACHE_ROOT="${HEALTHHUB_CACHE:-$HOME/.cache/healthhub}/libmcl"
SOURCES=(build-libmcl.sh mclshim.c mclbn.h smoke.c mclgtfixed.c gtfixedcheck.c)
# Only the patched library is made from these: the plain one keeps its cache entry when they change.
PATCH_SOURCES=(patch-mcl-c.py mclfast.c mcltower.c mclgt.c mclmiller.c fastcheck.c mclcurve.c mclcurve-ec.h mclcurve-scalar.h mclcurve-api.h mclcurve-check.h)
PLAIN="${HEALTHHUB_MCL_PLAIN:-0}"

log() { printf '[libmcl] %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

ensure_packages() {
  local missing=() pkg
  for pkg in wabt gcc libc6-dev python3; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing Debian packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

sha256() { sha256sum "$1" | cut -d' ' -f1; }

# Writes the wasm embedded in mcl_c.js to $1, after checking both hashes.
extract_wasm() {
  [ -f "$MCL_JS" ] || fail "$MCL_JS is missing: run ./healthhub setup"
  [ "$(sha256 "$MCL_JS")" = "$MCL_JS_SHA256" ] || fail "$MCL_JS is not mcl-wasm 2.4.1's (SHA-256 differs)"
  sed -n "s/.*wasmBase64 = '\([A-Za-z0-9+\/=]*\)'.*/\1/p" "$MCL_JS" | base64 -d > "$1"
  [ "$(sha256 "$1")" = "$WASM_SHA256" ] || fail "the wasm inside $MCL_JS has an unexpected SHA-256"
}

wasm_runtime_dir() {
  local impl
  impl="$(dpkg -L wabt | grep '/wasm-rt-impl\.c$' | head -n1)"
  [ -n "$impl" ] || fail "wabt ships no wasm-rt-impl.c"
  dirname "$impl"
}

# Hash of everything the library is made from: our sources, the wasm, the toolchain.
input_hash() {
  local wasm="$1" runtime="$2" f
  {
    for f in "${SOURCES[@]}"; do sha256 "$HERE/$f"; done
    if [ "$PLAIN" != 1 ]; then
      for f in "${PATCH_SOURCES[@]}"; do sha256 "$HERE/$f"; done
    fi
    sha256 "$wasm"
    sha256 "$runtime/wasm-rt-impl.c"
    wasm2c --version
    gcc -dumpfullversion
    echo "plain=$PLAIN"
  } | sha256sum | cut -d' ' -f1
}

# Flattens the known answers the smoke check needs into "name hex" lines.
smoke_vectors() {
  [ -f "$VECTORS" ] || fail "$VECTORS is missing (the shared vectors live beside the checkout)"
  node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const lines = {
      g1_decimal: d.generators.g1_decimal_setStr_mode10.replace(/ /g, "_"),
      g2_decimal: d.generators.g2_decimal_setStr_mode10.replace(/ /g, "_"),
      g1: d.generators.g1, g2: d.generators.g2,
      g1_times_2: d.generators.g1_times_2, g2_times_2: d.generators.g2_times_2,
      e_g1_g2: d.pairing.e_g1_g2, e_2g1_3g2: d.pairing.e_2g1_3g2, e_g1_g2_pow_inv3: d.pairing.e_g1_g2_pow_inv3,
      hashes: String(d.hash.length),
    };
    d.hash.forEach((h, i) => {
      lines["msg_" + i] = h.msg_hex || "-";
      lines["fr_hash_" + i] = h.Fr_setHashOf;
      lines["g1_hash_" + i] = h.G1_hashAndMapTo;
      lines["g2_hash_" + i] = h.G2_hashAndMapTo;
    });
    for (const [k, v] of Object.entries(lines)) console.log(k + " " + v);
  ' "$VECTORS"
}

CFLAGS=(-O2 -fPIC -fvisibility=hidden -DNDEBUG
  -DWASM_RT_MEMCHECK_SIGNAL_HANDLER=1 -DWASM_RT_SKIP_SIGNAL_RECOVERY=1
  -DWASM_RT_TRAP_HANDLER=mcl_shim_trap)

compile() {
  local dir="$1" runtime="$2"
  log "translating the wasm to C (wasm2c) and compiling it (gcc -O2, about 30 s)"
  wasm2c "$dir/mcl.wasm" -n mcl -o "$dir/mcl.c"
  local source="$dir/mcl.c" status=0
  if [ "$PLAIN" != 1 ]; then
    python3 "$HERE/patch-mcl-c.py" "$dir/mcl.c" "$dir/mcl-fast.c" || status=$?
    case $status in
      0) source="$dir/mcl-fast.c" ;;
      3) log "warning: this wabt translates differently from the pinned one: building the slower plain library" ;;
      *) fail "patch-mcl-c.py failed" ;;
    esac
  fi
  # -O3 speeds the patched translation up by 4-6% (pairing, G2 mul); the plain one gains nothing from it.
  local level=-O2
  [ "$source" = "$dir/mcl-fast.c" ] && level=-O3
  gcc "${CFLAGS[@]}" "$level" -Werror=implicit-function-declaration -I"$dir" -I"$runtime" -I"$HERE" -c "$source" -o "$dir/mcl.o"
  gcc "${CFLAGS[@]}" -Wall -Wextra -Wno-unused-parameter -Werror -I"$dir" -I"$runtime" \
    -c "$HERE/mclshim.c" -o "$dir/mclshim.o"
  gcc -shared -Wl,-soname,$LIB -Wl,-z,noexecstack -o "$dir/$LIB" "$dir/mcl.o" "$dir/mclshim.o" -lpthread -lm
  if [ "$source" = "$dir/mcl-fast.c" ]; then
    gcc "${CFLAGS[@]}" -DFASTCHECK_MAIN -I"$dir" -I"$runtime" -I"$HERE" "$HERE/fastcheck.c" \
      "$dir/mcl.o" "$dir/mclshim.o" -o "$dir/fastcheck" -lpthread -lm
    "$dir/fastcheck" 100000 >&2 || fail "a native replacement differs from its translated original"
  fi
}

smoke_check() {
  local dir="$1"
  smoke_vectors > "$dir/vectors.txt"
  gcc -O2 -Wall -Werror -I"$HERE" "$HERE/smoke.c" -o "$dir/smoke" -L"$dir" -l:$LIB -Wl,-rpath,"$dir" -lpthread
  "$dir/smoke" "$dir/vectors.txt" >&2 || fail "the library does not reproduce mcl's known answers"
  gcc -O2 -Wall -Werror -I"$HERE" "$HERE/gtfixedcheck.c" -o "$dir/gtfixedcheck" -L"$dir" -l:$LIB -Wl,-rpath,"$dir"
  "$dir/gtfixedcheck" >&2 || fail "a fixed-base GT power differs from mclBnGT_pow"
}

# Prints the cache directory holding a checked library, building it first if needed.
cached_library() {
  ensure_packages
  local runtime work key target
  runtime="$(wasm_runtime_dir)"
  mkdir -p "$CACHE_ROOT"
  work="$(mktemp -d "$CACHE_ROOT/build.XXXXXX")"
  trap "rm -rf '$work'" EXIT
  extract_wasm "$work/mcl.wasm"
  key="$(input_hash "$work/mcl.wasm" "$runtime")"
  target="$CACHE_ROOT/$key"
  if [ ! -f "$target/$LIB" ]; then
    compile "$work" "$runtime"
    smoke_check "$work"
    mkdir -p "$target.tmp.$$"
    cp "$work/$LIB" "$target.tmp.$$/$LIB"
    # A concurrent build may have won the race: its library is as good as ours.
    mv -T "$target.tmp.$$" "$target" 2>/dev/null || rm -rf "$target.tmp.$$"
  fi
  echo "$target"
}

bench() {
  local dir="$1" work
  work="$(mktemp -d)"
  trap "rm -rf '$work'" EXIT
  gcc -O2 -Wall -Werror -I"$HERE" "$HERE/bench.c" -o "$work/bench" -L"$dir" -l:$LIB -Wl,-rpath,"$dir"
  "$work/bench"
}

# The plain translation reproduces native mcl byte for byte: the patched library must agree with it.
crosscheck() {
  local fast plain work
  fast="$(cached_library)"
  plain="$(PLAIN=1 cached_library)"
  work="$(mktemp -d)"
  trap "rm -rf '$work'" EXIT
  gcc -O2 -Wall -Werror -I"$HERE" "$HERE/crosscheck.c" -o "$work/crosscheck" -ldl
  "$work/crosscheck" "$fast/$LIB" "$plain/$LIB" "${1:-200}"
}

case "${1:-}" in
  --bench)
    bench "$(cached_library)"
    ;;
  --crosscheck)
    crosscheck "${2:-}"
    ;;
  "" | -*)
    echo "usage: $0 OUT_DIR | --bench | --crosscheck [ROUNDS]" >&2
    exit 2
    ;;
  *)
    out="$1"
    dir="$(cached_library)"
    mkdir -p "$out"
    cp "$dir/$LIB" "$out/$LIB"
    log "$out/$LIB ready"
    ;;
esac
