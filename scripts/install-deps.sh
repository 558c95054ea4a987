#!/usr/bin/env bash
# Installs Berita's build and test dependencies from Debian 12's packages.
# Needs root (or sudo). Skips apt entirely when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libxapian-dev xapian-tools
  libboost-program-options-dev
  nlohmann-json3-dev
  libzstd-dev
  libjemalloc-dev
  catch2
  libbenchmark-dev
  libcpp-httplib-dev
  curl
  jq
)
# Extra tools some tests and benchmarks use; pass them as arguments, e.g.
#   scripts/install-deps.sh chromium wrk
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
