#!/usr/bin/env bash
# A real CAT tool's pass over an XLIFF 2 file that darslik exported:
# Translate Toolkit (pip package translate-toolkit) opens IN.xlf with its
# XLIFF 2 store, rewrites every unit and saves OUT.xlf. See tests/cat/README.md.
#
#   tests/cat/roundtrip.sh IN.xlf OUT.xlf [STYLE]
#
# STYLE: keep (default: write every target back as the tool reads it) or one
# of Translate Toolkit's podebug pseudo-translations (xxx, bracket, en, ...).
# Environment:
#   CAT_VENV        where the tool is installed (default /tmp/darslik-cat-venv);
#                   created with `python3 -m venv` and pip on first use
#   CAT_NO_INSTALL  set to 1 to fail instead of installing
#   CAT_SPACE       default (the tool's own whitespace handling) or preserve
#   XLIFF_XSD       the XLIFF 2 core schema; when it and xmllint exist, OUT is
#                   validated and the result printed (it never fails the run:
#                   what is invalid is the tool's doing, see README)
set -euo pipefail

TTK_VERSION=3.20.4
here=$(cd "$(dirname "$0")" && pwd)

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 IN.xlf OUT.xlf [keep|xxx|bracket|en|...]" >&2
  exit 2
fi
in=$1
out=$2
style=${3:-keep}
space=${CAT_SPACE:-default}
venv=${CAT_VENV:-/tmp/darslik-cat-venv}

if [[ ! -f $in ]]; then
  echo "$0: $in: no such file" >&2
  exit 2
fi

py=$venv/bin/python
if ! [[ -x $py ]] || ! "$py" -c 'import translate.storage.xliff2' 2>/dev/null; then
  if [[ ${CAT_NO_INSTALL:-0} == 1 ]]; then
    echo "$0: translate-toolkit is not installed in $venv (unset CAT_NO_INSTALL to install it)" >&2
    exit 3
  fi
  t0=$SECONDS
  echo "installing translate-toolkit==$TTK_VERSION into $venv ..." >&2
  if ! python3 -m venv "$venv"; then
    echo "$0: python3 -m venv failed (on Debian: apt-get install python3-venv)" >&2
    exit 3
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "translate-toolkit==$TTK_VERSION" >&2
  echo "installed in $((SECONDS - t0)) s" >&2
fi

"$py" "$here/ttk_roundtrip.py" "$in" "$out" "$style" "$space"

xsd=${XLIFF_XSD:-$here/../../../shared/xliff-xsd/xliff_core_2.0.xsd}
if command -v xmllint >/dev/null && [[ -f $xsd ]]; then
  if report=$(xmllint --nonet --noout --schema "$xsd" "$out" 2>&1); then
    echo "schema: $out validates"
  else
    n=$(grep -c 'Schemas validity error' <<<"$report" || true)
    echo "schema: $out does NOT validate ($n errors), first: $(grep -m1 'validity error' <<<"$report" || sed -n 1p <<<"$report")"
  fi
else
  echo "schema: not checked (xmllint or $xsd missing)"
fi
