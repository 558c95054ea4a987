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
# INDEX_ARGS (berita-indexer flags, default "--rebuild": a bulk build),
# REINDEX=0 (reuse databases of an earlier run; only re-time the queries),
# KEEP_BERITA=1 (reuse Berita databases and their timings; build the rest).
# From PARTS_FROM articles on (default 500000) the single plain loop would take
# hours here, so baseline (b)'s database is built in parts (the same documents
# and order, compacted into one: berita-reference-index --parts), and the plain
# loop's speed is measured by running it for PLAIN_LOOP_SECONDS (default 900)
# on the same archive.
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
  ninja -C "$build" berita-synth berita-indexer berita-searchd berita-query-run berita-reference-index >/dev/null
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
    if [ "${KEEP_BERITA:-0}" = 1 ] && [ -s "$out/berita-$n.seconds" ] && [ -e "$out/berita-$n" ]; then
      echo "== berita-indexer: reusing $out/berita-$n" >&2
    else
      echo "== berita-indexer: $n articles" >&2
      rm -rf "$out/berita-$n" "$out/berita-$n".gen-*
      t0=$(now)
      # shellcheck disable=SC2086
      "$build/indexer/berita-indexer" -q ${INDEX_ARGS:---rebuild} --db "$out/berita-$n" "$archive" \
        >/dev/null 2>"$out/index-$n.log" || true
      t1=$(now)
      awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }' >"$out/berita-$n.seconds"
    fi
    berita_s=$(cat "$out/berita-$n.seconds")
    rm -rf "$out/plain-$n"
    method=loop loop_articles=0 loop_seconds=0
    if [ "$n" -ge "${PARTS_FROM:-500000}" ]; then
      method=parts
      echo "== plain loop for ${PLAIN_LOOP_SECONDS:-900} s: $n articles" >&2
      read -r loop_articles loop_seconds _ < <("$bin/berita-reference-index" "$archive" \
        "$out/plain-$n" --time-limit "${PLAIN_LOOP_SECONDS:-900}")
      echo "== baseline (b) index in parts: $n articles" >&2
      read -r plain_articles plain_index plain_compact < <("$bin/berita-reference-index" "$archive" \
        "$out/plain-$n" --parts $(( (n + 49999) / 50000 )) --threads 2)
    else
      echo "== baseline (b) index: $n articles" >&2
      read -r plain_articles plain_index plain_compact < <("$bin/berita-reference-index" "$archive" "$out/plain-$n")
    fi
    # A rebuild leaves --db as a symlink to the live generation; measure that.
    berita_bytes=$(du -sb "$(readlink -f "$out/berita-$n")" | cut -f1)
    plain_bytes=$(du -sb "$out/plain-$n" | cut -f1)
    {
      printf 'size\tberita_index_s\tplain_index_s\tplain_compact_s\tberita_bytes\tplain_bytes\tplain_method\tloop_articles\tloop_seconds\n'
      printf '%s\t%.1f\t%.1f\t%.1f\t%s\t%s\t%s\t%s\t%s\n' "$plain_articles" "$berita_s" "$plain_index" \
        "$plain_compact" "$berita_bytes" "$plain_bytes" "$method" "$loop_articles" "$loop_seconds"
    } >"$out/size-$n.tsv"

    echo "== queries: $n articles" >&2
    "$bin/berita-query-run" --berita-db "$out/berita-$n" --plain-db "$out/plain-$n" \
      --queries "$out/queries-$n.tsv" --rounds "$rounds" >"$out/queries-$n.result.tsv"
    echo "== daemon memory: $n articles" >&2
    {
      printf 'plain\t'
      scripts/daemon-rss.sh "$build/searchd/berita-searchd" "$out/berita-$n" "$out/queries-$n.tsv" 18739
      printf 'facets\t'
      FACETS=source,category,lang,year scripts/daemon-rss.sh "$build/searchd/berita-searchd" \
        "$out/berita-$n" "$out/queries-$n.tsv" 18739
    } >"$out/daemon-$n.tsv"
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
      if ($7 == "parts") {
        # The plain loop ran for a limited time; its rate is measured on the
        # articles it reached, compaction not included.
        rate = $8 / $9
        printf "| %d | %.0f | %.0f | plain loop: %d articles in %.0f s (stopped) | %.0f | %.2f | %.0f | %.0f | %.2f |\n",
          $1, b, $1 / b, $8, $9, rate, ($1 / b) / rate, $5 / $1, $6 / $1, $5 / $6
      } else {
        printf "| %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |\n",
          $1, b, $1 / b, p, $1 / p, p / b, $5 / $1, $6 / $1, $5 / $6
      }
    }'
  done
  echo
  echo "berita-searchd resident memory after one pass over the queries (MiB; the index itself is read through the page cache, which this does not count):"
  echo
  echo "| articles | queries only | with facets on 4 fields |"
  echo "|---:|---:|---:|"
  for f in $(ls "$out"/daemon-*.tsv 2>/dev/null | sort -t- -k2 -n); do
    n=$(basename "$f" | sed 's/daemon-\([0-9]*\).*/\1/')
    awk -F'\t' -v n="$n" '{ rss[$1] = $3 / 1024 } END {
      printf "| %d | %.1f | %.1f |\n", n, rss["plain"], rss["facets"] }' "$f"
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
