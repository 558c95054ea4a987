#!/usr/bin/env bash
# HTTP load benchmark: berita-searchd driven by wrk at 1, 2, 8 and 32
# connections, next to the same queries run in-process through the library
# (berita-load-inproc) in the same run. Reports medians of REPEATS runs and
# ratios to the in-process baseline (docs/PERFORMANCE.md, "HTTP load").
#
#   bench/load/run.sh            # installs wrk through scripts/install-deps.sh if missing
# Environment: BUILD_DIR (default build; configured with -DBERITA_BUILD_BENCH=ON),
# SHARED_DIR (default ../shared), SECONDS_PER_RUN (default 8), REPEATS (default 3),
# DAEMON_THREADS (default 32: one worker per connection at the highest load),
# WORK_DIR (default /tmp/berita-load; the Reuters database is kept there).
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir="${BUILD_DIR:-build}"
shared="${SHARED_DIR:-../shared}"
seconds="${SECONDS_PER_RUN:-8}"
repeats="${REPEATS:-3}"
daemon_threads="${DAEMON_THREADS:-32}"
work="${WORK_DIR:-/tmp/berita-load}"
docs="$shared/corpora/reuters21578/docs.jsonl"
queries="$shared/corpora/aol-benchmark-queries/queries.tsv"

for f in "$docs" "$queries"; do
  [ -f "$f" ] || { echo "missing test data: $f" >&2; exit 2; }
done
command -v wrk >/dev/null || scripts/install-deps.sh wrk
for p in indexer/berita-indexer searchd/berita-searchd searchd/berita-load-inproc; do
  [ -x "$build_dir/$p" ] || { echo "missing $build_dir/$p: build with -DBERITA_BUILD_BENCH=ON" >&2; exit 2; }
done

mkdir -p "$work"
db="$work/reuters-db"
if [ ! -f "$db/.complete" ]; then
  rm -rf "$db"
  # Status 1: some records were rejected (Reuters has one without a title).
  "$build_dir/indexer/berita-indexer" --db "$db" -q "$docs" || [ $? -eq 1 ]
  touch "$db/.complete"
fi

out="$work/searchd.out"
"$build_dir/searchd/berita-searchd" --db "$db" --listen 127.0.0.1:0 --quiet \
  --threads "$daemon_threads" >"$out" 2>"$work/searchd.err" &
daemon=$!
trap 'kill $daemon 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q 'http://' "$out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$out")
docs=$(curl -sf "${url}health" | grep -o '"docs":[0-9]*' | cut -d: -f2)

# Warm-up, not reported: every worker opens its searcher and the caches fill.
wrk -t2 -c"$daemon_threads" -d"${seconds}s" -s bench/load/queries.lua "$url" -- "$queries" >/dev/null

# One summary line per run; the clients take turns within each repeat, so
# load from elsewhere on the machine falls on all of them alike.
run_client() {
  case $1 in
    inproc*) "$build_dir/searchd/berita-load-inproc" "$db" "$queries" "${1#inproc}" "$seconds" ;;
    http*)
      local c=${1#http}
      wrk -t$((c < 2 ? c : 2)) -c"$c" -d"${seconds}s" --timeout 10s \
        -s bench/load/queries.lua "$url" -- "$queries" ;;
  esac | grep -E '^(wrk|inproc) '
}

clients=(inproc1 inproc2 http1 http2 http8 http32)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A lines
for ((r = 0; r < repeats; r++)); do
  for name in "${clients[@]}"; do
    line=$(run_client "$name")
    echo "$name: $line" >&2
    lines[$name]+="$line"$'\n'
  done
done
kill -TERM $daemon; wait $daemon || true; trap - EXIT

# median of the numbers on stdin
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
declare -A result
for name in "${clients[@]}"; do
  for key in qps p50_ms p95_ms p99_ms; do
    result[$name.$key]=$(printf '%s' "${lines[$name]}" | tr ' ' '\n' | sed -n "s/^$key=//p" | median)
  done
done

base=${result[inproc2.qps]}
echo
echo "Reuters-21578 ($docs articles), $(wc -l <"$queries") AOL queries, ${seconds}s per run, median of $repeats runs, $(nproc) cores, load average before: $load_before"
echo
echo "| client | throughput (req/s) | vs in-process, 2 threads | p50 ms | p95 ms | p99 ms | p99/p50 |"
echo "|---|---|---|---|---|---|---|"
row() {
  awk -v n="$1" -v q="${result[$2.qps]}" -v b="$base" -v p50="${result[$2.p50_ms]}" \
      -v p95="${result[$2.p95_ms]}" -v p99="${result[$2.p99_ms]}" \
      'BEGIN {printf "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f |\n", n, q, q/b, p50, p95, p99, p99/p50}'
}
row "in-process, 1 thread" inproc1
row "in-process, 2 threads" inproc2
for c in 1 2 8 32; do row "HTTP, $c connection(s)" "http$c"; done
