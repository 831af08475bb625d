#!/usr/bin/env bash
# Validate the imsmanifest.xml of every SCORM zip of a build, offline, against
# the official schemas in shared/scorm-xsd/ (SPEC §6), with xmllint.
#
#   tests/scorm/validate-manifests.sh [DIST] [SHARED]
#
# DIST   output folder of `darslik build` (default: <repo>/dist)
# SHARED the shared/ folder holding scorm-xsd/ (default: the sibling of the repo)
#
# For each DIST/scorm12/*.zip and DIST/scorm2004/*.zip: imsmanifest.xml must be
# at the zip root, valid against the version's driver schema, and (what the
# schemas do not check) every identifierref must name an existing identifier
# and every <file href> / launch href must be a file in the zip.
# Exit status 0 when every manifest passes, 1 otherwise. Needs python3, xmllint.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
DIST=${1:-$repo/dist}
SHARED=${2:-${SHARED:-$(cd "$repo/.." && pwd)/shared}}
XSD="$SHARED/scorm-xsd"

command -v xmllint >/dev/null || { echo "error: xmllint not found (apt-get install libxml2-utils)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "error: python3 not found" >&2; exit 1; }
for f in "$XSD/scorm12/scorm12_driver.xsd" "$XSD/scorm2004-4th/scorm2004_4th_driver.xsd"; do
  [[ -f $f ]] || { echo "error: schema $f not found (pass SHARED as 2nd argument)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

validated=()
failed=()
n=0

check_zip() { # zip schema
  local zip=$1 schema=$2 dir out
  n=$((n + 1))
  dir="$tmp/$n"
  mkdir -p "$dir"
  # Extract the root manifest and check what the schemas cannot.
  if ! out=$(python3 - "$zip" "$dir" 2>&1 <<'PY'
import sys, zipfile, posixpath
import xml.etree.ElementTree as ET

zpath, outdir = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(zpath) as z:
    names = set(z.namelist())
    if "imsmanifest.xml" not in names:
        nested = [n for n in names if n.endswith("/imsmanifest.xml")]
        where = f" (found {nested[0]}: not at the zip root)" if nested else ""
        sys.exit(f"no imsmanifest.xml at the zip root{where}")
    data = z.read("imsmanifest.xml")
with open(f"{outdir}/imsmanifest.xml", "wb") as f:
    f.write(data)

try:
    root = ET.fromstring(data)
except ET.ParseError as e:
    sys.exit(f"imsmanifest.xml is not well-formed: {e}")

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
local = lambda el: el.tag.rsplit("}", 1)[-1]
problems = []
ids = {}
for el in root.iter():
    i = el.get("identifier")
    if i is not None:
        if i in ids:
            problems.append(f"identifier {i!r} is not unique")
        ids[i] = el
for el in root.iter():
    ref = el.get("identifierref")
    if ref is not None and ref not in ids:
        problems.append(f"<{local(el)} identifierref={ref!r}>: no element has that identifier")
for orgs in (e for e in root.iter() if local(e) == "organizations"):
    d = orgs.get("default")
    if d is not None and d not in ids:
        problems.append(f"<organizations default={d!r}>: no organization has that identifier")

def in_zip(base, href):
    if "://" in href:
        return True  # an absolute URL is not a file of the package
    p = posixpath.normpath(posixpath.join(base, href.split("#")[0].split("?")[0]))
    return p in names

for resources in (e for e in root.iter() if local(e) == "resources"):
    base0 = resources.get(XML_BASE, "")
    for res in (e for e in resources if local(e) == "resource"):
        base = posixpath.join(base0, res.get(XML_BASE, ""))
        href = res.get("href")
        if href and not in_zip(base, href):
            problems.append(f"resource {res.get('identifier')!r}: href {href!r} is not in the zip")
        for f in (e for e in res if local(e) == "file"):
            if not in_zip(base, f.get("href", "")):
                problems.append(f"resource {res.get('identifier')!r}: <file href={f.get('href')!r}> is not in the zip")
if problems:
    sys.exit("\n".join(problems))
PY
  ); then
    echo "FAIL $zip"
    sed 's/^/    /' <<<"$out"
    failed+=("$zip")
    return
  fi
  # xmllint prints two expected "Skipping import of ... ims_xml.xsd" parser
  # warnings for SCORM 1.2 (see scorm-xsd/README.md); drop them.
  if out=$(xmllint --nonet --noout --schema "$schema" "$dir/imsmanifest.xml" 2>&1); then
    echo "ok   $zip ($(basename "$schema"))"
    validated+=("$zip")
  else
    echo "FAIL $zip (xmllint exit $?, schema $(basename "$schema"))"
    grep -v -E 'ims_xml\.xsd|^Schemas parser warning' <<<"$out" | sed "s|$dir/||; s/^/    /" || true
    failed+=("$zip")
  fi
}

shopt -s nullglob
zips12=("$DIST"/scorm12/*.zip)
zips2004=("$DIST"/scorm2004/*.zip)
shopt -u nullglob

for z in "${zips12[@]}"; do check_zip "$z" "$XSD/scorm12/scorm12_driver.xsd"; done
for z in "${zips2004[@]}"; do check_zip "$z" "$XSD/scorm2004-4th/scorm2004_4th_driver.xsd"; done

echo "validated ${#validated[@]} manifest(s), ${#failed[@]} failed (${#zips12[@]} SCORM 1.2, ${#zips2004[@]} SCORM 2004 zip(s) under $DIST)"
if ((${#zips12[@]} + ${#zips2004[@]} == 0)); then
  echo "error: no SCORM zip found under $DIST/scorm12 or $DIST/scorm2004" >&2
  exit 1
fi
((${#failed[@]} == 0))
