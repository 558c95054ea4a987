#!/usr/bin/env bash
# Query-path benchmarks (bench/query_bench.cc) on Reuters-21578, each case
# beside its plain-Xapian baseline measured in the same run:
#   scripts/bench.sh [Google Benchmark flags, e.g. --benchmark_filter=or/]
# Builds build-bench/ (BERITA_BUILD_BENCH=ON), indexes
# ../shared/corpora/reuters21578/docs.jsonl with the real berita-indexer into
# build-bench/bench-data/reuters-db (again whenever the indexer is rebuilt),
# then runs 5 interleaved repetitions and prints a table of medians and
# ratios to the baseline. Raw results: build-bench/bench-data/query-bench.json.
# Environment: BUILD (build tree, default build-bench), BERITA_SHARED_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BUILD:-build-bench}
shared=${BERITA_SHARED_DIR:-$(cd .. && pwd)/shared}
corpus=$shared/corpora/reuters21578/docs.jsonl
[ -f "$corpus" ] || { echo "bench: missing $corpus (set BERITA_SHARED_DIR)" >&2; exit 2; }

scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DBERITA_BUILD_BENCH=ON >/dev/null
ninja -C "$build" berita-indexer berita-query-bench >/dev/null

data=$build/bench-data
db=$data/reuters-db
mkdir -p "$data"
if [ ! -f "$db.built" ] || [ "$build/indexer/berita-indexer" -nt "$db.built" ]; then
  echo "bench: indexing Reuters-21578 into $db" >&2
  rm -rf "$db"
  # Exit status 1 only means some records were rejected (one Reuters item has
  # neither title nor body).
  "$build/indexer/berita-indexer" -q --db "$db" "$corpus" || [ $? -eq 1 ]
  touch "$db.built"
fi

BERITA_BENCH_DB=$db BERITA_SHARED_DIR=$shared "$build/bench/berita-query-bench" \
  --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true \
  --benchmark_min_time=0.3 --benchmark_display_aggregates_only=true \
  --benchmark_out="$data/query-bench.json" --benchmark_out_format=json "$@"
