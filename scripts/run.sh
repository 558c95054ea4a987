#!/usr/bin/env bash
# The main job on the bundled corpus: installs dependencies, builds, indexes
# corpus/ into run/db, and shows ranked results for a few queries. Then
# serves run/db with berita-searchd in the foreground and prints the search
# page's URL; BERITA_NO_SERVE=1 skips serving (non-interactive use),
# BERITA_LISTEN=HOST:PORT changes the address (default 127.0.0.1:8080).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh release

db=run/db
rm -rf "$db"
mkdir -p run
./build/indexer/berita-indexer --db "$db" corpus/

for query in 'alibaba kuala lumpur' '"prime minister" mahathir' 'banjir kelantan'; do
  echo
  echo "\$ berita-search --db $db -n 3 '$query'"
  ./build/searchd/berita-search --db "$db" -n 3 "$query"
done

# News features: a wire story run by two outlets collapsed into one hit, with
# facets over all matches, and a misspelt name.
echo
echo "\$ berita-search --db $db -n 3 --no-snippets --collapse --facets source,year padi"
./build/searchd/berita-search --db "$db" -n 3 --no-snippets --collapse --facets source,year padi
echo
echo "\$ berita-search --db $db -n 1 --no-snippets mahatir"
./build/searchd/berita-search --db "$db" -n 1 --no-snippets mahatir

if [ "${BERITA_NO_SERVE:-0}" != 1 ]; then
  listen="${BERITA_LISTEN:-127.0.0.1:8080}"
  echo
  echo "Search page: http://$listen/  (Ctrl-C stops the daemon)"
  exec ./build/searchd/berita-searchd --db "$db" --listen "$listen"
fi
