#!/usr/bin/env bash
# Issue 21, acceptance 2: `darslik results add` of 200 generated results
# files into a fresh register, then `darslik results report` (HTML in four
# locales and records.csv), timed with hyperfine. Prints the medians of add,
# report and the two together (the target: under 5 s together).
#
#   bash benches/results.sh
#   RUNS=10 (default), FILES=200 (default), BENCH_DIR=/tmp/darslik-results-bench
#   DARSLIK=path/to/darslik (default: $CARGO_TARGET_DIR/release/darslik or
#   target/release/darslik, built here with cargo build --release)
#
# Needs: python3, hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
WORK=${BENCH_DIR:-/tmp/darslik-results-bench}
RUNS=${RUNS:-10}
FILES=${FILES:-200}
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)"; exit 2; }
command -v python3 >/dev/null || { echo "install python3"; exit 2; }
if [[ -z ${DARSLIK:-} ]]; then
  cargo build --release -q
  DARSLIK=${CARGO_TARGET_DIR:-$REPO/target}/release/darslik
fi

rm -rf "$WORK" && mkdir -p "$WORK"
python3 tests/results/gen.py --out "$WORK/files" --files "$FILES"
echo "$(ls "$WORK/files" | wc -l) files, $(du -sh "$WORK/files" | cut -f1), largest $(ls -S "$WORK/files" | head -1 | xargs -I{} stat -c %s "$WORK/files/{}") bytes"

DB=$WORK/records.sqlite
OUT=$WORK/report
ADD="$DARSLIK results add --quiet --db $DB $WORK/files/*.json"
REPORT="$DARSLIK results report --quiet --db $DB --out $OUT"
FRESH="rm -f $DB $DB-wal $DB-shm"

hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/add.json" \
  --prepare "$FRESH" -n add "$ADD"
# The register the report reads: one add into a fresh file.
bash -c "$FRESH; $ADD"
hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/report.json" -n report "$REPORT"
hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/both.json" \
  --prepare "$FRESH" -n "add + report" "$ADD && $REPORT"

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
m = {n: json.load(open(f"{work}/{n}.json"))["results"][0]["median"] for n in ("add", "report", "both")}
print(f"medians: add {m['add']:.3f} s, report {m['report']:.3f} s, add + report {m['both']:.3f} s "
      f"({'under' if m['both'] < 5 else 'OVER'} the 5 s target)")
PY
