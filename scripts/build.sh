#!/usr/bin/env bash
# Configures and builds one flavour of Berita.
#   scripts/build.sh [release|asan] [extra cmake args...]
# Build trees: build/ (release) and build-asan/ (ASan + UBSan).
set -euo pipefail
cd "$(dirname "$0")/.."

flavour="${1:-release}"
shift || true
case "$flavour" in
  release) dir=build; args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan)    dir=build-asan; args=(-DCMAKE_BUILD_TYPE=Debug -DBERITA_SANITIZE=ON) ;;
  *) echo "usage: scripts/build.sh [release|asan] [cmake args...]" >&2; exit 2 ;;
esac

cmake -S . -B "$dir" -G Ninja "${args[@]}" "$@" >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
