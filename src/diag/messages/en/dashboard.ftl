# The coverage dashboard (`darslik status --format html`, `/_status/` in `darslik serve`).

dash-title = Translation status: { $course } { $version }
dash-heading = Translation status
dash-intro = Course `{ $course }`, version { $version }. The source language is `{ $source }`: every translation is compared with its pages.
dash-nav = Languages
dash-no-translations = This course has no translations yet: add a locale to `course.toml`.
dash-overview = All translations
dash-legend = What the colours mean
dash-current = Current
dash-stale = Stale
dash-unstamped = Unstamped
dash-missing = Missing
dash-messages-legend = Messages translated (thin bar)
dash-chart-caption = Pages of each language by state, and the share of course messages translated.
dash-percent-current = { $percent }% of pages current
dash-bar-pages = { $locale }: { $current } current, { $stale } stale, { $unstamped } unstamped, { $missing } missing, of { $total ->
        [one] 1 page
       *[other] { $total } pages
    }
dash-bar-messages = { $locale }: { $translated } of { $total } messages translated
dash-bar-module = { $module }: { $current } current, { $stale } stale, { $unstamped } unstamped, { $missing } missing, of { $total ->
        [one] 1 page
       *[other] { $total } pages
    }
dash-table-caption = The figures of the chart
dash-col-locale = Language
dash-col-pages = Pages
dash-col-messages = Messages
dash-col-module = Module
dash-fraction = { $part } of { $total }
dash-home = Course home
dash-locale = Language `{ $locale }`
dash-locale-generated = Language `{ $locale }` (made from `{ $from }`)
dash-summary = { $current } of { $total ->
        [one] 1 page
       *[other] { $total } pages
    } current; { $stale } stale, { $unstamped } unstamped, { $missing } missing.
dash-generated-summary = Its pages are made from `{ $from }` when the course is built: { $generated } generated, { $hand } written by hand.
dash-messages = Messages: { $translated } of { $total } translated; { $left ->
        [one] 1 message is
       *[other] { $left } messages are
    } still missing from `locales/{ $locale }/`.
dash-messages-all = Messages: all { $total } translated.
dash-messages-generated = Messages are made from the source language too; { $hand } written by hand.
dash-modules-caption = Pages of `{ $locale }` in each module
dash-stale-heading = Stale: the source changed after the translation was stamped ({ $n })
dash-stale-hint = Below each page: what changed in its source. Change the translation to match, then stamp it.
dash-stamp-command = When the translation matches: `darslik stamp --locale { $locale } { $page }`
dash-unstamped-heading = Unstamped: translated, never compared with the source ({ $n })
dash-unstamped-hint = Compare each page with its source page; when it matches, run `darslik stamp --locale { $locale }` with the page.
dash-missing-heading = Missing: not translated yet ({ $n })
dash-missing-hint = Readers see these pages in a fallback language until the file is written.
dash-all-current = Every page of this language is current.
dash-problems = What `darslik check` reports for this language ({ $n })
dash-diff-absent = What changed is not shown here: `darslik check` shows it.
dash-diff-unknown = This translation was stamped before darslik kept a copy of the source, so what changed is unknown. Compare the translation with `{ $source }` as a whole.
dash-diff-spacing = No word of `{ $source }` changed, only spaces or line breaks.
dash-diff-line = `{ $source }`, line { $line }
dash-diff-line-moved = `{ $source }`, line { $line } (line { $old } when stamped)
dash-removed = removed
dash-added = added
dash-footer = Made by `darslik status --format html`. The page needs no network and no script: open it from a file, send it, or print it.
dash-overlay-title = darslik: the course has errors. Fix them and save; this page shows the last good build.
dash-diff-more = … and { $n ->
        [one] 1 more change
       *[other] { $n } more changes
    } in `{ $source }`: read the page again as a whole.
