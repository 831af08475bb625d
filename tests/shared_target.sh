#!/usr/bin/env bash
# Two clones of darslik sharing one CARGO_TARGET_DIR must each get a binary
# that carries the default theme (issue 17: the second clone's binary had no
# templates, "template not found: home.html"), and a clone without
# themes/default/templates must fail to build with a message.
#
# It clones the committed HEAD of this checkout (a clone sees only commits).
# Both clones are made before the first build, so that the second clone's
# files are older than the first build's outputs: cargo then reuses the
# compiled build script, which is the case that broke.
#
#   bash tests/shared_target.sh
#
# SHARED_TARGET=/path reuses a target dir between runs (default below), so
# only the first run compiles the dependencies.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
target=${SHARED_TARGET:-/tmp/darslik-shared-target}
work=$(mktemp -d /tmp/darslik-shared.XXXXXX)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR=$target

git clone --quiet "$repo" "$work/one"
git clone --quiet "$repo" "$work/two"

echo "== build clone one (target $target)"
(cd "$work/one" && cargo build --quiet --locked)
rm -rf "$work/one"

echo "== build clone two, clone one deleted"
(cd "$work/two" && cargo build --quiet --locked)

# The sample course without its themes/ folder: the pages must come from the
# theme built into the binary, as for anyone who installed darslik.
echo "== darslik build of the sample course (no themes/) with clone two's binary"
mkdir "$work/course"
cp -r "$work/two/content" "$work/two/locales" "$work/two/branding" "$work/two/course.toml" "$work/course/"
if ! "$target/debug/darslik" build --course "$work/course" --out "$work/out" --quiet 2>"$work/log"; then
    echo "FAIL: clone two's darslik cannot build the sample course:" >&2
    head -5 "$work/log" >&2
    exit 1
fi
test -s "$work/out/site/index.html" || {
    echo "FAIL: no site/index.html written" >&2
    exit 1
}

echo "== clone two without themes/default/templates must not build"
mv "$work/two/themes/default/templates" "$work/templates.away"
if (cd "$work/two" && cargo build --quiet --locked) >"$work/log" 2>&1; then
    echo "FAIL: darslik built without its theme's templates" >&2
    exit 1
fi
if ! grep -q "themes/default/templates" "$work/log"; then
    echo "FAIL: the failed build does not name the missing folder:" >&2
    cat "$work/log" >&2
    exit 1
fi
grep -m1 "themes/default/templates" "$work/log"
mv "$work/templates.away" "$work/two/themes/default/templates"

echo "OK: shared target dir and missing theme both handled"
