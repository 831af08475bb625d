#!/usr/bin/env bash
# Transliteration throughput: the uz pages of a generated corpus (default:
# large, 1,415 pages, 17 MB) joined into one Markdown file and converted to
# uz-Cyrl by `darslik translit`, timed with hyperfine (medians).
#
#   bash benches/translit.sh [BASELINE_BINARY]
#
# With a baseline binary (for example a build of an earlier commit), both run
# in the same sitting, alternately, and the ratio is printed.
# Needs: python3, hyperfine, and ../shared/bench beside the repo.
# BENCH_DIR=/tmp/darslik-bench (default); PRESET=large (default).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
SHARED=${SHARED:-$(cd "$REPO/.." && pwd)/shared}
WORK=${BENCH_DIR:-/tmp/darslik-bench}
PRESET=${PRESET:-large}
mkdir -p "$WORK"
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)"; exit 2; }
cargo build --release -q
DARSLIK=$REPO/target/release/darslik
if [[ ! -d $WORK/$PRESET/content/uz ]]; then
  python3 "$SHARED/bench/gen_corpus.py" --preset "$PRESET" --out "$WORK/$PRESET" >/dev/null
fi
ALL=$WORK/$PRESET-uz-all.md
# page bodies without their front matter, one after the other
find "$WORK/$PRESET/content/uz" -name '*.md' | sort | while read -r f; do
  awk 'NR==1 && /^\+\+\+/ {fm=1; next} fm && /^\+\+\+/ {fm=0; next} !fm' "$f"
  echo
done > "$ALL"
echo "input: $(find "$WORK/$PRESET/content/uz" -name '*.md' | wc -l) pages, $(du -h "$ALL" | cut -f1)"
cmds=("$DARSLIK translit --to uz-Cyrl $ALL")
names=(-n darslik)
if [[ $# -ge 1 ]]; then
  cmds+=("$1 translit --to uz-Cyrl $ALL")
  names+=(-n baseline)
fi
hyperfine -N -w 2 -r "${RUNS:-10}" "${names[@]}" "${cmds[@]}" \
  --export-json "$WORK/translit.json" --output=null
python3 - "$WORK/translit.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for x in r:
    print("%-9s median %.3f s" % (x.get("command"), x["median"]))
if len(r) == 2:
    print("ratio darslik / baseline: %.3f" % (r[0]["median"] / r[1]["median"]))
PY
