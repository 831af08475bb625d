# Stale and missing translations, `darslik stamp`, the source diffs and the
# `darslik status` table.

## check: page states

stale-page-missing = content/{ $locale }/{ $page } is not translated yet; readers see the { $fallback } page
stale-page-missing-source = content/{ $locale }/{ $page } is not translated yet; readers see the source page
stale-page-missing-hint = translate content/{ $source }/{ $page } into content/{ $locale }/{ $page }, then run `darslik stamp --locale { $locale } { $page }`
stale-page-stale = the source page content/{ $source }/{ $page } changed after this translation was made
stale-page-stale-hint = update the translation where the source changed (shown below), then run `darslik stamp --locale { $locale } { $page }`
stale-page-stale-unknown-hint = this translation was stamped before darslik kept copies of the source, so what changed cannot be shown: compare with the source's history (e.g. `git log -p content/{ $source }/{ $page }`), update the translation, then run `darslik stamp --locale { $locale } { $page }`; from then on changes are shown

## The diff under a stale page

stale-diff-heading = what changed in { $source } since this translation was stamped:
stale-diff-unknown = what changed in { $source } is not known: no copy of the source this translation was stamped against is kept in `.darslik/sources`
stale-diff-more = … and { $count ->
        [one] one more change
       *[other] { $count } more changes
    }

## darslik stamp

stale-stamp-source = { $locale } is the source locale; only translations are stamped
stale-stamp-source-hint = name a translated locale, e.g. --locale ru
stale-stamp-locale = the course has no locale `{ $locale }`
stale-stamp-no-page = content/{ $locale }/{ $page } is not a translated page of the course
stale-stamp-no-page-hint = name pages as module-06/01-act.md or content/<locale>/module-06/01-act.md
stale-stamp-no-source = content/{ $source }/{ $page } does not exist, so content/{ $locale }/{ $page } has nothing to be a translation of
stale-stamp-io = cannot stamp { $file }: { $detail }
stale-stamp-snapshot = cannot keep a copy of the source { $file } in `.darslik/sources`, so { $page } was not stamped: { $detail }

stale-stamp-store-linked = `.darslik` or `.darslik/sources` is a symbolic link; darslik keeps its copies of the source only inside the course folder, so nothing was stamped
stale-stamp-store-linked-hint = replace the link with a folder (move the files it holds into `.darslik/sources`), then stamp again

## darslik status

stale-status-title = Translation status of { $course } { $version } (source locale: { $source })
stale-status-col-locale = locale
stale-status-col-module = module
stale-status-col-current = current
stale-status-col-stale = stale
stale-status-col-unstamped = unstamped
stale-status-col-missing = missing
stale-status-home = (home)
stale-status-generated-label = { $locale } (generated: { $from })
stale-status-generated = { $label }: { $generated ->
        [one] 1 page
       *[other] { $generated } pages
    } generated, { $hand } written by hand; messages generated, { $own } written by hand
stale-status-summary = { $label }: { $current } of { $total ->
        [one] 1 page
       *[other] { $total } pages
    } current, { $stale } stale, { $unstamped } unstamped, { $missing } missing; messages { $translated }/{ $messages }
stale-status-page-stale = stale
stale-status-page-missing = missing
