#!/usr/bin/env python3
"""Open an XLIFF 2 file with Translate Toolkit, rewrite every unit, save it.

This is the CAT-tool half of tests/cat/roundtrip.sh: it stands in for what a
translation agency's tool does with the file darslik exports. It uses
Translate Toolkit's own XLIFF 2 store (translate.storage.xliff2.Xliff2File,
the format layer Weblate uses) and its own pseudo-translator (podebug); it
does not touch the XML itself.

Usage: ttk_roundtrip.py IN.xlf OUT.xlf STYLE SPACE
  STYLE  keep: write every existing target back through Translate Toolkit
               (parse it into placeables, serialise it again); units without
               a target stay without one. An import of the result should
               change no byte of the course except where the tool changed
               whitespace (see SPACE).
         xxx, bracket, en, ...: podebug's rewrite styles; every unit gets a
               target (from the target if the unit is translated, else from
               the source), e.g. "xxxTextxxx".
  SPACE  default: Translate Toolkit's own behaviour (whitespace in a segment
               is normalised unless the <segment> itself says
               xml:space="preserve").
         preserve: tell Translate Toolkit to treat every segment as
               xml:space="preserve" (its Xliff2Unit._default_xml_space).
Prints one summary line per file and a total; exits 1 on an error.
"""

import sys


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst, style, space = argv[1:]
    try:
        from translate.__version__ import sver as version
        from translate.storage import xliff2
        from translate.tools.podebug import podebug
    except ImportError as err:
        print(f"translate-toolkit is not installed here ({err})", file=sys.stderr)
        return 3
    if space == "preserve":
        xliff2.Xliff2Unit._default_xml_space = "preserve"
    elif space != "default":
        print(f"SPACE must be default or preserve, not {space!r}", file=sys.stderr)
        return 2

    try:
        with open(src, "rb") as f:
            store = xliff2.Xliff2File.parsestring(f.read())
    except (OSError, ValueError, SyntaxError) as err:
        # lxml's XMLSyntaxError is a SyntaxError; a 1.x file is a ValueError.
        print(f"{src}: Translate Toolkit cannot read it as XLIFF 2: {err}", file=sys.stderr)
        return 1

    units = store.units
    before = {}
    for u in units:
        dom = u.get_target_dom()
        # The target's text as written in the file, tags left out, to tell
        # afterwards which units the tool changed on its own.
        before[id(u)] = None if dom is None else "".join(dom.itertext())

    if style == "keep":
        for u in units:
            if u.get_target_dom() is not None:
                u.rich_target = u.rich_target
    else:
        if style not in podebug.rewritelist():
            print(
                f"unknown style {style!r}: keep or one of {podebug.rewritelist()}",
                file=sys.stderr,
            )
            return 2
        podebug(rewritestyle=style).convertstore(store)

    with open(dst, "wb") as f:
        store.serialize(f)

    written = created = respaced = 0
    for u in units:
        dom = u.get_target_dom()
        after = None if dom is None else "".join(dom.itertext())
        old = before[id(u)]
        if after is None:
            continue
        written += 1
        if old is None:
            created += 1
        elif style == "keep" and after != old:
            respaced += 1
    print(
        f"translate-toolkit {version}: {len(units)} units read from {src}; "
        f"{written} targets written ({created} new), style {style}, space {space}"
        + (f"; {respaced} targets changed by whitespace normalisation" if style == "keep" else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
