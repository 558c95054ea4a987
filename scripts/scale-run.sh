#!/usr/bin/env bash
# Scaling run: for each size, a synthetic archive (berita-synth, seed $SEED),
# indexed by the real berita-indexer and by baseline (b) (plain TermGenerator
# defaults, compacted), then the synthetic queries timed on both.
#   scripts/scale-run.sh [SIZE...]        default sizes: 10000 100000
#   scripts/scale-run.sh --plot-only      redo table and plot from saved results
# Results: $OUT/size-<N>.tsv (indexing, disk) and $OUT/queries-<N>.result.tsv
# (per class/band latency), $OUT/scaling.md (tables) and docs/scaling.png.
# Environment: BUILD (default build-bench), OUT (default $BUILD/scale), SEED
# (default 1), ROUNDS (measured passes over the queries, default 10),
# INDEX_ARGS (extra berita-indexer flags, e.g. "--rebuild --threads 2"),
# REINDEX=0 (reuse databases of an earlier run; only re-time the queries).
# Timings are noisy on a shared machine: compare the ratios, not the absolutes.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BUILD:-build-bench}
out=${OUT:-$build/scale}
seed=${SEED:-1}
rounds=${ROUNDS:-10}
reindex=${REINDEX:-1}
plot_only=0
sizes=()
for arg in "$@"; do
  case "$arg" in
    --plot-only) plot_only=1 ;;
    ''|*[!0-9]*) echo "usage: scripts/scale-run.sh [SIZE...] | --plot-only" >&2; exit 2 ;;
    0) echo "scale-run: a size must be at least 1" >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
mkdir -p "$out"

now() { date +%s.%N; }

if [ $plot_only -eq 0 ]; then
  cmake -S . -B "$build" -G Ninja -DBERITA_BUILD_BENCH=ON >/dev/null
  ninja -C "$build" berita-synth berita-indexer berita-query-run berita-reference-index >/dev/null
  bin=$build/bench
  for n in "${sizes[@]}"; do
    archive=$out/synth-$n.jsonl
    if [ ! -s "$archive" ]; then
      echo "== generating $n articles" >&2
      "$bin/berita-synth" archive --count "$n" --seed "$seed" --out "$archive"
    fi
    "$bin/berita-synth" queries --count "$n" --seed "$seed" --out "$out/queries-$n.tsv"

    if [ "$reindex" = 0 ] && [ -s "$out/size-$n.tsv" ] && [ -d "$out/plain-$n" ]; then
      echo "== queries only: $n articles" >&2
      "$bin/berita-query-run" --berita-db "$out/berita-$n" --plain-db "$out/plain-$n" \
        --queries "$out/queries-$n.tsv" --rounds "$rounds" >"$out/queries-$n.result.tsv"
      continue
    fi
    echo "== berita-indexer: $n articles" >&2
    rm -rf "$out/berita-$n"
    t0=$(now)
    # shellcheck disable=SC2086
    "$build/indexer/berita-indexer" -q ${INDEX_ARGS:-} --db "$out/berita-$n" "$archive" \
      >/dev/null 2>"$out/index-$n.log" || true
    t1=$(now)
    echo "== baseline (b) index: $n articles" >&2
    rm -rf "$out/plain-$n"
    read -r plain_articles plain_index plain_compact < <("$bin/berita-reference-index" "$archive" "$out/plain-$n")
    berita_bytes=$(du -sb "$out/berita-$n" | cut -f1)
    plain_bytes=$(du -sb "$out/plain-$n" | cut -f1)
    berita_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    {
      printf 'size\tberita_index_s\tplain_index_s\tplain_compact_s\tberita_bytes\tplain_bytes\n'
      printf '%s\t%.1f\t%.1f\t%.1f\t%s\t%s\n' "$plain_articles" "$berita_s" "$plain_index" \
        "$plain_compact" "$berita_bytes" "$plain_bytes"
    } >"$out/size-$n.tsv"

    echo "== queries: $n articles" >&2
    "$bin/berita-query-run" --berita-db "$out/berita-$n" --plain-db "$out/plain-$n" \
      --queries "$out/queries-$n.tsv" --rounds "$rounds" >"$out/queries-$n.result.tsv"
  done
fi

# Tables: indexing and disk per size, then query latency per class.
summary=$out/scaling.md
{
  echo "| articles | Berita index s | art/s | baseline (b) index+compact s | art/s | speed ratio | Berita bytes/art | baseline bytes/art | size ratio |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for f in $(ls "$out"/size-*.tsv 2>/dev/null | sort -t- -k2 -n); do
    tail -n 1 "$f" | awk -F'\t' '{
      b = $2; p = $3 + $4;
      printf "| %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |\n",
        $1, b, $1 / b, p, $1 / p, p / b, $5 / $1, $6 / $1, $5 / $6 }'
  done
  echo
  echo "Query latency in microseconds (wall p50 / p95 / p99) and CPU throughput (queries per CPU-second, ratio to baseline (b)); Berita with its default ranking, and with pseudo-relevance feedback off (no-PRF)."
  echo
  echo "| articles | class/band | baseline (b) | Berita | Berita no-PRF | baseline CPU q/s | Berita | ratio | no-PRF | ratio |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for f in $(ls "$out"/queries-*.result.tsv 2>/dev/null | sort -t- -k2 -n); do
    n=$(basename "$f" | sed 's/queries-\([0-9]*\).*/\1/')
    awk -F'\t' -v n="$n" 'NR > 1 {
      lat[$2] = sprintf("%.0f / %.0f / %.0f", $5, $6, $7); q[$2] = $10; r[$2] = $11
      if ($2 == "berita_nofb") printf "| %d | %s | %s | %s | %s | %.0f | %.0f | %.2f | %.0f | %.2f |\n", n, $1,
        lat["plain"], lat["berita"], lat["berita_nofb"], q["plain"], q["berita"], r["berita"], q["berita_nofb"], r["berita_nofb"] }' "$f"
  done
} >"$summary"
cat "$summary"

# The plot: CPU p50 per query class against archive size, for each engine.
scripts/install-deps.sh gnuplot-nox
data=$out/plot.dat
: >"$data"
for group in term and or phrase; do
  echo "# $group: articles, CPU p50 us of plain, berita, berita_nofb (mean over bands)" >>"$data"
  for f in $(ls "$out"/queries-*.result.tsv 2>/dev/null | sort -t- -k2 -n); do
    n=$(basename "$f" | sed 's/queries-\([0-9]*\).*/\1/')
    awk -F'\t' -v n="$n" -v g="$group" '$1 ~ "^" g "/" { s[$2] += $9; c[$2]++ }
      END { if (c["plain"] > 0) printf "%d %.1f %.1f %.1f\n", n, s["plain"] / c["plain"],
            s["berita"] / c["berita"], s["berita_nofb"] / c["berita_nofb"] }' "$f" >>"$data"
  done
  printf '\n\n' >>"$data"
done
gnuplot <<GNUPLOT
set terminal pngcairo size 960,560 font ",10"
set output "docs/scaling.png"
set title "Query CPU time per query vs archive size (synthetic archive, seed $seed; p50, mean over bands)"
set logscale xy
set xlabel "articles"
set ylabel "CPU p50 per query (microseconds)"
set key outside right
set grid
classes = "term and or phrase"
plot for [i=0:3] "$data" index i using 1:3 with linespoints lw 2 lc i+1 dt 1 pt 7 title "Berita ".word(classes, i+1), \
     for [i=0:3] "$data" index i using 1:4 with linespoints lw 2 lc i+1 dt 3 pt 6 title "Berita no-PRF ".word(classes, i+1), \
     for [i=0:3] "$data" index i using 1:2 with linespoints lw 1 lc i+1 dt 2 pt 4 title "baseline (b) ".word(classes, i+1)
GNUPLOT
echo "wrote $summary and docs/scaling.png" >&2
