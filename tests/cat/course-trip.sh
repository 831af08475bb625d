#!/usr/bin/env bash
# The whole agency round trip on a copy of the sample course:
# darslik xliff export -> Translate Toolkit (tests/cat/roundtrip.sh) ->
# darslik xliff import -> darslik check, then what changed in the copy.
#
#   tests/cat/course-trip.sh DARSLIK [LOCALE] [STYLE] [WORKDIR]
#
# DARSLIK is the darslik binary (e.g. target/release/darslik); LOCALE is ru
# by default; STYLE is passed to roundtrip.sh (keep by default); WORKDIR
# (default: a new temporary folder) receives course/ (the copy, imported
# into), pristine/ (the untouched copy), export.xlf and tool.xlf.
# With STYLE=keep the import must change no byte (darslik's export says
# xml:space="preserve" on every <file>, so the tool keeps whitespace): the
# script fails if it does. Otherwise it lists the changed files.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

if [[ $# -lt 1 || $# -gt 4 ]]; then
  echo "usage: $0 DARSLIK [LOCALE] [STYLE] [WORKDIR]" >&2
  exit 2
fi
darslik=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
locale=${2:-ru}
style=${3:-keep}
work=${4:-$(mktemp -d)}
mkdir -p "$work"
rm -rf "$work/course" "$work/pristine"
mkdir -p "$work/course" "$work/pristine"

# The committed sample course (course.toml, content/, locales/, themes/...),
# without the working tree's build outputs.
git -C "$repo" archive HEAD | tar -x -C "$work/course"
git -C "$repo" archive HEAD | tar -x -C "$work/pristine"

run() {
  echo "\$ $*"
  "$@"
}

run "$darslik" xliff export --course "$work/course" --locale "$locale" --out "$work/export.xlf"
run "$here/roundtrip.sh" "$work/export.xlf" "$work/tool.xlf" "$style"
run "$darslik" xliff import --course "$work/course" "$work/tool.xlf"

set +e
echo "\$ $darslik check --course $work/course"
"$darslik" check --course "$work/course"
check=$?
set -e
echo "check exit status: $check"

changed=$(diff -rq "$work/pristine" "$work/course" || true)
if [[ -z $changed ]]; then
  echo "import changed no file of the course"
else
  echo "import changed:"
  sed "s|$work/||g" <<<"$changed"
fi

if [[ $style == keep && -n $changed ]]; then
  echo "FAIL: a keep round trip must change nothing" >&2
  diff -ru "$work/pristine" "$work/course" | head -n 60 >&2 || true
  exit 1
fi
exit "$check"
