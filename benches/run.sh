#!/usr/bin/env bash
# The benchmark darslik keeps: builds generated courses with hyperfine and
# compares darslik with the floor program (bare render + write + zip) and
# mdBook on the same pages. Prints medians and ratios.
#
#   bash benches/run.sh [medium|large|small ...]     (default: medium)
#   ROUNDS=5 (default): darslik, the floor and check run in ROUNDS rounds of
#   two runs each, one after the other (so a machine that speeds up or slows
#   down during the sitting weighs on all three alike): 10 runs of each.
#   RUNS=5 (default) runs of mdBook; BENCH_DIR=/tmp/darslik-bench (default).
#   BEFORE=path/to/darslik (optional): an earlier revision's binary, run in
#   the same rounds beside the others, for a before/after in one sitting:
#   git worktree add /tmp/wt-before REV && \
#   CARGO_TARGET_DIR=/tmp/target-before cargo build --release \
#     --manifest-path /tmp/wt-before/Cargo.toml
#   BEFORE=/tmp/target-before/release/darslik bash benches/run.sh medium
#
# darslik builds site, scorm12 and scorm2004; the floor renders, writes and
# zips the same pages; mdBook builds one book per locale (site only).
# `DARSLIK_TIMINGS=1 darslik build ...` prints the time of each stage.
# The serve latency (edit a page → the browser shows it) has its own
# harness: node benches/serve-latency.mjs (see its header).
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
ROUNDS=${ROUNDS:-5}
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
BEFORE=${BEFORE:-}
if [[ -n $BEFORE && ! -x $BEFORE ]]; then echo "BEFORE=$BEFORE is not a program"; exit 2; fi

median() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(' '.join('%.3f'%r['median'] for r in d['results']))" "$1"; }
cpu() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(' '.join('%.2f'%(r['user']+r['system']) for r in d['results']))" "$1"; }
# The rounds' JSON files as one: every run's time of each command, medians
# and mean CPU seconds over all of them.
merge() {
  python3 - "$@" <<'PY'
import json, statistics, sys
out, ins = sys.argv[1], sys.argv[2:]
runs = {}
for f in ins:
    for r in json.load(open(f))["results"]:
        e = runs.setdefault(r["command"], {"times": [], "user": [], "system": []})
        e["times"] += r["times"]
        e["user"].append(r["user"])
        e["system"].append(r["system"])
results = [{"command": c, "times": e["times"], "median": statistics.median(e["times"]),
            "user": statistics.mean(e["user"]), "system": statistics.mean(e["system"])}
           for c, e in runs.items()]
json.dump({"results": results}, open(out, "w"))
PY
}

rows=()
for preset in "${@:-medium}"; do
  corpus=$WORK/corpus-$preset
  [[ -d $corpus ]] || python3 "$SHARED/bench/gen_corpus.py" --preset "$preset" --out "$corpus" >/dev/null
  pages=$(find "$corpus/content" -name '*.md' | wc -l)
  books=$(ls -d "$corpus"/peers/mdbook-* | tr '\n' ' ')
  mdbook_cmd="for b in $books; do $MDBOOK build \$b -d $WORK/mdbook-out/\$(basename \$b) >/dev/null 2>&1; done"
  echo "== $preset: $pages pages; darslik (site, scorm12, scorm2004) and the floor, side by side" >&2
  parts=()
  for round in $(seq "$ROUNDS"); do
    warm=0; [[ $round == 1 ]] && warm=1
    before=()
    if [[ -n $BEFORE ]]; then
      before=(-n before "$BEFORE build --course $corpus --out $WORK/before-$preset -q --format site,scorm12,scorm2004")
    fi
    hyperfine -N --runs 2 --warmup "$warm" --export-json "$WORK/$preset.$round.json" \
      -n darslik "$DARSLIK build --course $corpus --out $WORK/out-$preset -q --format site,scorm12,scorm2004" \
      -n floor "$FLOOR all $corpus/content $WORK/floor-$preset $WORK/floor-$preset.zip --jobs 2" \
      -n check "$DARSLIK check --course $corpus --format json" \
      "${before[@]}" >/dev/null
    parts+=("$WORK/$preset.$round.json")
  done
  merge "$WORK/$preset.json" "${parts[@]}"
  if [[ -x $MDBOOK ]]; then
    echo "== $preset: mdBook, one book per locale" >&2
    hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/$preset-mdbook.json" -n mdbook "$mdbook_cmd" >/dev/null
    mdb=$(median "$WORK/$preset-mdbook.json")
    mdb_cpu=$(cpu "$WORK/$preset-mdbook.json")
  else
    mdb=nan
    mdb_cpu=nan
  fi
  read -r dar flo chk bef <<<"$(median "$WORK/$preset.json")"
  read -r dar_cpu flo_cpu chk_cpu bef_cpu <<<"$(cpu "$WORK/$preset.json")"
  # Peak memory of one darslik build.
  rss=$( { /usr/bin/time -f "%M" "$DARSLIK" build --course "$corpus" --out "$WORK/out-$preset" -q --format site,scorm12,scorm2004; } 2>&1 | tail -n 1)
  rows+=("$preset $pages $dar $flo $mdb $chk $dar_cpu $flo_cpu $mdb_cpu $chk_cpu $rss ${bef:-nan} ${bef_cpu:-nan}")
done

python3 - "${rows[@]}" <<'PY'
import sys
rows = [r.split() for r in sys.argv[1:]]
print()
print(f"{'preset':<8} {'pages':>6} {'darslik':>9} {'floor':>8} {'mdBook':>8} {'check':>7} {'darslik/floor':>14} {'mdBook/darslik':>15} {'peak RSS':>9}")
for p, n, d, f, m, c, dc, fc, mc, cc, rss, b, bc in rows:
    n, d, f, m, c = int(n), float(d), float(f), float(m), float(c)
    print(f"{p:<8} {n:>6} {d:>8.3f}s {f:>7.3f}s {m:>7.3f}s {c:>6.3f}s {d/f:>14.2f} {m/d:>15.2f} {int(rss)//1024:>6} MB")
    if b != "nan":
        b = float(b)
        print(f"{'  before':<8} {'':>6} {b:>8.3f}s {f:>7.3f}s {'':>8} {'':>7} {b/f:>14.2f} {m/b:>15.2f}")
print()
print("medians of wall time (darslik, floor, check and BEFORE if set: 2 runs each in each of the rounds, interleaved); CPU seconds (user + system, mean):")
for p, n, d, f, m, c, dc, fc, mc, cc, rss, b, bc in rows:
    before = f", before {bc} s" if b != "nan" else ""
    print(f"  {p}: darslik {dc} s, floor {fc} s, mdBook {mc} s, check {cc} s{before}")
print("targets: darslik/floor <= 1.0 and mdBook/darslik >= 10 (issue 26); check on large <= 1 s, peak RSS on large <= 300 MB")
PY
