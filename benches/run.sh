#!/usr/bin/env bash
# The benchmark darslik keeps: builds generated courses with hyperfine and
# compares darslik with the floor program (bare render + write + zip) and
# mdBook on the same pages. Prints medians and ratios.
#
#   bash benches/run.sh [medium|large|small ...]     (default: medium)
#
# Needs: python3, hyperfine (apt-get install hyperfine), mdbook 0.5
# (cargo install mdbook --version '^0.5'), and ../shared/bench beside the repo.
# Runs on whatever else the machine is doing: compare ratios from one sitting.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
SHARED=${SHARED:-$(cd "$REPO/.." && pwd)/shared}
WORK=${BENCH_DIR:-/tmp/darslik-bench}
RUNS=${RUNS:-5}
mkdir -p "$WORK"

command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)"; exit 2; }
cargo build --release -q
DARSLIK=$REPO/target/release/darslik
if [[ ! -x $WORK/floor/target/release/floor ]]; then
  rm -rf "$WORK/floor" && cp -r "$SHARED/bench/floor" "$WORK/floor"
  cargo build --release -q --manifest-path "$WORK/floor/Cargo.toml"
fi
FLOOR=$WORK/floor/target/release/floor
MDBOOK=$(command -v mdbook || echo "$HOME/.cargo/bin/mdbook")

median() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(' '.join('%.3f'%r['median'] for r in d['results']))" "$1"; }

printf '\n%-8s %8s %10s %10s %10s %12s %12s\n' preset pages darslik floor mdbook darslik/floor mdbook/darslik
for preset in "${@:-medium}"; do
  corpus=$WORK/corpus-$preset
  [[ -d $corpus ]] || python3 "$SHARED/bench/gen_corpus.py" --preset "$preset" --out "$corpus" >/dev/null
  pages=$(find "$corpus/content" -name '*.md' | wc -l)
  books=$(ls -d "$corpus"/peers/mdbook-* | tr '\n' ' ')
  mdbook_cmd="for b in $books; do $MDBOOK build \$b -d $WORK/mdbook-out/\$(basename \$b) >/dev/null 2>&1; done"
  hyperfine -N --runs "$RUNS" --warmup 1 --export-json "$WORK/$preset.json" \
    -n darslik "$DARSLIK build --course $corpus --out $WORK/out-$preset -q" \
    -n floor "$FLOOR all $corpus/content $WORK/floor-$preset $WORK/floor-$preset.zip --jobs 2" \
    >/dev/null
  if [[ -x $MDBOOK ]]; then
    hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/$preset-mdbook.json" -n mdbook "$mdbook_cmd" >/dev/null
    mdb=$(median "$WORK/$preset-mdbook.json")
  else
    mdb=nan
  fi
  read -r dar flo <<<"$(median "$WORK/$preset.json")"
  python3 - "$preset" "$pages" "$dar" "$flo" "$mdb" <<'PY'
import sys
p, n, d, f, m = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"{p:<8} {n:>8} {d:>9.3f}s {f:>9.3f}s {m:>9.3f}s {d/f:>12.2f} {m/d:>12.2f}")
PY
  # Peak memory of one darslik build.
  /usr/bin/time -f "  darslik peak RSS: %M KB" "$DARSLIK" build --course "$corpus" --out "$WORK/out-$preset" -q
done
