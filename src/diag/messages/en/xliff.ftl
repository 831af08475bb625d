# `darslik xliff export` and `import`: XLIFF 2.1 files for translation
# agencies' CAT tools.

## --help

cli-help-xliff = Translation agencies: one locale's text as XLIFF 2.1 and back
cli-help-xliff-export = Write one locale's translatable text as an XLIFF 2.1 file for a CAT tool
cli-help-xliff-export-locale = The locale to translate into (not the source locale, not a generated one)
cli-help-xliff-export-course = The course folder (the one with course.toml)
cli-help-xliff-export-out = The file to write (default <course-id>.<locale>.xlf in the current folder; - for standard output)
cli-help-xliff-import = Write the translations of an XLIFF 2.1 file back into the course (all or nothing)
cli-help-xliff-import-file = The XLIFF file, as the CAT tool saved it
cli-help-xliff-import-course = The course folder (the one with course.toml)

## What export and import say

xliff-exported = wrote { $file }: { $units ->
        [one] one unit
       *[other] { $units } units
    } in { $files ->
        [one] one file
       *[other] { $files } files
    }
xliff-at = { $file }:{ $line }:{ $column }: { $message }
xliff-wrote = wrote { $file }
xliff-made = made { $file } (segments without a translation are left in the source language)
xliff-imported = imported { $imported ->
        [one] one unit
       *[other] { $imported } units
    } ({ $unchanged } unchanged); { $files ->
        [one] one file written
       *[other] { $files } files written
    }
xliff-next = see what the course says now with `darslik check --course { $course }`; when a page is fully translated, record it with `darslik stamp --course { $course } --locale { $locale } PAGE`
xliff-nothing-written = nothing was written: { $count ->
        [one] one problem
       *[other] { $count } problems
    } above
xliff-cannot-read = cannot read { $file }: { $reason }
xliff-cannot-write = cannot write { $file }: { $reason }
xliff-page-unreadable = cannot read the segments of { $file }: { $reason }

## Which locale

xliff-locale-source = { $locale } is the source locale: export a locale the course is translated into, e.g. --locale ru
xliff-locale-unknown = the course has no locale `{ $locale }` (it has { $locales })
xliff-locale-generated = { $locale } is made at build time from { $from }: translate { $from } instead

## Notes written into the file for the translator

xliff-note-stale = The source text changed after this translation was made: check the target against the new source.
xliff-note-select = Fluent syntax: keep the braces, the selector and the [variant] keys; translate the words of each variant. Add variants your language needs (e.g. [few], [many]).

## Reading the file

xliff-xml-error = this is not well-formed XML: { $detail }
xliff-too-large = the file is larger than { $mb } MB
xliff-too-deep = elements are nested more than { $depth } deep
xliff-doctype = the file has a DOCTYPE; XLIFF files have none, and darslik expands no entities
xliff-not-xliff = this is not an XLIFF 2 file (its root element is not <xliff> in the namespace urn:oasis:names:tc:xliff:document:2.0)
xliff-version = XLIFF version { $version } is not read; export again and translate that file (version 2.1)
xliff-unknown-inline = <{ $element }> is not an inline element of XLIFF 2 core
xliff-one-segment = unit `{ $unit }` has more than one segment; darslik writes one per unit, so join them in your CAT tool (do not split segments)
xliff-bad-state = `{ $state }` is not a segment state (initial, translated, reviewed, final)
xliff-isolated = an isolated <sc> or <ec> (a code whose pair is in another unit) cannot be imported
xliff-unpaired-ec = <ec startRef="{ $id }"> does not close the last <sc> opened before it
xliff-unclosed-code = the code `{ $id }` is opened and never closed
xliff-bad-reference = { $reference } is not a character XML can hold, nor one of &amp;, &lt;, &gt;, &quot;, &apos;
xliff-bad-cp = <cp hex="{ $hex }"> is not a Unicode character

## Importing

xliff-other-course = this file is for the course `{ $found }`, not `{ $course }`
xliff-other-source = this file translates from `{ $found }`, but the course's source locale is `{ $source }`
xliff-trglang-mismatch = trgLang `{ $trg }` is not the locale the file was exported for (`{ $locale }`)
xliff-not-course-file = `{ $file }` is not a page or message file of the course in { $locale } (content/{ $locale }/… for a source page, locales/{ $locale }/… for a source message file)
xliff-file-twice = `{ $file }` is in the file twice
xliff-unit-twice = unit `{ $unit }` is in its file twice
xliff-unit-unknown = unit `{ $unit }` is not a segment of { $file } any more (the source changed since the export?); its target was left out
xliff-unit-no-place = unit `{ $unit }`: { $file } has no segment in this place (its structure differs from the source's); the target was left out: translate it in the file
xliff-empty-message = unit `{ $unit }`: a message cannot be empty
xliff-codes-changed = unit `{ $unit }`: the target must keep every code of the source, each once (missing: { $missing }; not in the source: { $extra }); put the codes back in your CAT tool
xliff-code-kind = unit `{ $unit }`: code `{ $id }` is not the kind of code it is in the source
xliff-structure-changed = unit `{ $unit }`: the target would change the structure of { $file } (a new paragraph, list item or heading?); keep each target one segment
xliff-breaks-file = { $file } would not be readable after the import: { $reason }
xliff-breaks-fluent = unit `{ $unit }`: { $file } would no longer be valid Fluent (check braces and the select syntax)
