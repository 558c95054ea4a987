#!/usr/bin/env bash
# Resident memory of berita-searchd on a database after one warm-up pass over
# a synthetic query list (berita-synth queries format: id, class, band, query),
# each query sent once to /search, with facets when FACETS is set:
#   scripts/daemon-rss.sh SEARCHD DB QUERIES.tsv PORT
# Prints: rss_kib_at_start rss_kib_after_warmup peak_kib failed_requests.
# The index itself is read with pread through the page cache, which RSS does
# not count.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: scripts/daemon-rss.sh SEARCHD DB QUERIES.tsv PORT" >&2; exit 2; }
searchd=$1 db=$2 queries=$3 port=$4
[ -x "$searchd" ] || { echo "daemon-rss: $searchd is not an executable" >&2; exit 2; }
[ -f "$queries" ] || { echo "daemon-rss: missing $queries" >&2; exit 2; }
"$searchd" --db "$db" --listen "127.0.0.1:$port" --threads 2 -q >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
up=0
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && { up=1; break; }
  sleep 0.1
done
[ $up = 1 ] || { echo "daemon-rss: berita-searchd did not start on port $port with $db" >&2; exit 1; }
start_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
failed=0
while IFS=$'\t' read -r _ _ _ query; do
  curl -sf -G --data-urlencode "q=$query" ${FACETS:+--data-urlencode "facets=$FACETS"} \
    "http://127.0.0.1:$port/search" >/dev/null || failed=$((failed + 1))
done <"$queries"
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
peak_kib=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
printf '%s\t%s\t%s\t%s\n' "$start_kib" "$rss_kib" "$peak_kib" "$failed"
