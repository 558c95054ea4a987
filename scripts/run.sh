#!/usr/bin/env bash
# The main job on the bundled corpus: installs dependencies, builds, indexes
# corpus/ into run/db, and shows ranked results for a few queries.
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
