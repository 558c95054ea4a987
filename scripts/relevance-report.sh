#!/usr/bin/env bash
# Measures Berita's ranking quality on the classic test collections and
# prints the Markdown table of docs/RELEVANCE.md.
#   scripts/relevance-report.sh [berita-eval ranking flags...]
# e.g. scripts/relevance-report.sh --fb-docs 0   (shipped settings without feedback)
# Environment: BERITA_BUILD_DIR (default build/, built if missing),
# BERITA_SHARED_DIR (default ../shared beside the clone), BERITA_REPORT_TMP
# (where databases go; default a fresh temporary directory, removed after).
set -euo pipefail
cd "$(dirname "$0")/.."

build="${BERITA_BUILD_DIR:-build}"
shared="${BERITA_SHARED_DIR:-../shared}"
collections=(cranfield cisi med cacm npl)
# nDCG@10 of the best engine in the issue author's table (Lucene 8.8 BM25,
# Sphinx 2.2, SQLite FTS5, plain Xapian 1.4 BM25; top 1000, OR semantics).
declare -A best=([cranfield]=0.366 [cisi]=0.333 [med]=0.708 [cacm]=0.445 [npl]=0.448)

if [ ! -x "$build/tools/berita-eval" ] || [ ! -x "$build/indexer/berita-indexer" ]; then
  if [ "$build" = build ]; then scripts/build.sh release >&2; fi
fi
for program in "$build/tools/berita-eval" "$build/indexer/berita-indexer"; do
  [ -x "$program" ] || { echo "relevance-report: $program is not built" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "relevance-report: needs jq (scripts/install-deps.sh)" >&2; exit 2; }

if [ -n "${BERITA_REPORT_TMP:-}" ]; then
  work="$BERITA_REPORT_TMP"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi

# Berita requires a headline. MED's first sentence is its title (see its
# README): the first paragraph when the body has several, else the text
# before the first ". ". NPL (punctuation stripped) and a few CACM records
# have none, so their id stands in (numbers no query asks for). Records with
# neither body nor title stay rejected, as they would be in production.
titled='if ((.title // "") == "") and (.body != "")
        then .title = ((.body | split("\n\n")) as $p
                       | if ($p | length) > 1 then $p[0]
                         elif (.body | test("\\. ")) then (.body | split(". ") | .[0])
                         else .id end)
        else . end'

echo "| collection | queries | nDCG@10 | MAP | P@10 | Recall@100 | MRR | best other nDCG@10 | ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
sum_ndcg=0; sum_map=0; sum_ratio=0
for c in "${collections[@]}"; do
  dir="$shared/corpora/$c"
  for f in docs.jsonl queries.tsv qrels.txt; do
    [ -f "$dir/$f" ] || { echo "relevance-report: missing $dir/$f" >&2; exit 2; }
  done
  jq -c "$titled" "$dir/docs.jsonl" > "$work/$c.jsonl"
  rm -rf "$work/db-$c"
  "$build/indexer/berita-indexer" -q --no-spelling --db "$work/db-$c" "$work/$c.jsonl" \
    > /dev/null 2>&1 || true  # rejected empty records are expected (exit 1)
  out="$("$build/tools/berita-eval" --db "$work/db-$c" --queries "$dir/queries.tsv" \
           --qrels "$dir/qrels.txt" --run "$work/run-$c.txt" "$@" 2>/dev/null)"
  read -r _ ndcg map p10 r100 mrr _ < <(grep '^all' <<<"$out")
  judged="$(grep -o '^# [0-9]*' <<<"$out" | tr -d '# ')"
  ratio="$(awk -v a="$ndcg" -v b="${best[$c]}" 'BEGIN { printf "%.3f", a / b }')"
  echo "| $c | $judged | $ndcg | $map | $p10 | $r100 | $mrr | ${best[$c]} | $ratio |"
  sum_ndcg="$(awk -v s="$sum_ndcg" -v x="$ndcg" 'BEGIN { print s + x }')"
  sum_map="$(awk -v s="$sum_map" -v x="$map" 'BEGIN { print s + x }')"
  sum_ratio="$(awk -v s="$sum_ratio" -v x="$ratio" 'BEGIN { print s + x }')"
done
n=${#collections[@]}
awk -v n="$n" -v a="$sum_ndcg" -v m="$sum_map" -v r="$sum_ratio" \
  'BEGIN { printf "| mean | | %.4f | %.4f | | | | | %.3f |\n", a / n, m / n, r / n }'
