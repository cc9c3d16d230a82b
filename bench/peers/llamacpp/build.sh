#!/usr/bin/env bash
# Builds llama.cpp's own llama-bench and llama-server as the speed anchor for bench/peers.bench.ts (issue 15).
# The source is the llama.cpp tree vendored in the PyPI sdist of llama-cpp-python: the package registry is the
# only network access. Everything lives in a cache outside the repository; running it again reuses what is there.
# Usage: bench/peers/llamacpp/build.sh   (env: OET_PEERS_CACHE, LLAMA_CPP_PYTHON_VERSION, BUILD_JOBS)
set -euo pipefail

VERSION="${LLAMA_CPP_PYTHON_VERSION:-0.3.36}"
CACHE="${OET_PEERS_CACHE:-$HOME/.cache/oet-peers}"
JOBS="${BUILD_JOBS:-2}"
SDIST_DIR="$CACHE/sdist"
SRC_ROOT="$CACHE/src/llama_cpp_python-$VERSION"
LLAMA_SRC="$SRC_ROOT/vendor/llama.cpp"
BUILD_DIR="$CACHE/build/llama.cpp-$VERSION"

mkdir -p "$SDIST_DIR" "$CACHE/src" "$CACHE/build"

sdist="$(ls "$SDIST_DIR"/llama_cpp_python-"$VERSION".tar.gz 2>/dev/null || true)"
if [[ -z "$sdist" ]]; then
  echo "== downloading llama-cpp-python $VERSION sdist"
  pip download --no-deps --no-binary :all: --dest "$SDIST_DIR" "llama-cpp-python==$VERSION"
  sdist="$SDIST_DIR/llama_cpp_python-$VERSION.tar.gz"
fi

if [[ ! -f "$LLAMA_SRC/CMakeLists.txt" ]]; then
  echo "== unpacking $sdist"
  tar -xzf "$sdist" -C "$CACHE/src"
fi

# Native code, but never AMX: on the Xeon machines the CPU advertises AMX while the VM traps it, and llama-server
# crashes in ggml_backend_amx_mul_mat once a batch holds several sequences (../shared/STACK_NOTES.md).
extra_flags=""
if echo 'int main(void){return 0;}' | "${CC:-cc}" -x c -mno-amx-tile -mno-amx-int8 -mno-amx-bf16 -o /dev/null - 2>/dev/null; then
  extra_flags="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
fi

generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi

if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  echo "== configuring $LLAMA_SRC (extra flags: ${extra_flags:-none})"
  cmake -S "$LLAMA_SRC" -B "$BUILD_DIR" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=Release \
    -DGGML_NATIVE=ON \
    -DCMAKE_C_FLAGS="$extra_flags" \
    -DCMAKE_CXX_FLAGS="$extra_flags" \
    -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_CURL=OFF \
    -DLLAMA_BUILD_TESTS=OFF \
    -DLLAMA_BUILD_EXAMPLES=OFF \
    -DLLAMA_BUILD_TOOLS=ON \
    -DLLAMA_BUILD_SERVER=ON
fi

echo "== building llama-bench and llama-server with -j$JOBS"
cmake --build "$BUILD_DIR" --config Release --target llama-bench llama-server -j "$JOBS"

bench_bin="$BUILD_DIR/bin/llama-bench"
server_bin="$BUILD_DIR/bin/llama-server"
for bin in "$bench_bin" "$server_bin"; do
  [[ -x "$bin" ]] || { echo "missing after build: $bin" >&2; exit 1; }
done

commit="$(grep -m1 -E '^(set\(BUILD_COMMIT|LLAMA_BUILD_COMMIT)' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null || true)"
echo "== done"
echo "llama-cpp-python: $VERSION"
echo "llama.cpp: $("$bench_bin" --version 2>&1 | head -n 2 | tr '\n' ' ')${commit:+ ($commit)}"
echo "LLAMA_BENCH_BIN=$bench_bin"
echo "LLAMA_SERVER_BIN=$server_bin"
