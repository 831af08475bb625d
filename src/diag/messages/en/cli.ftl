# The command line's own words: progress lines, summaries, usage errors
# and `--help`. Area owner: cli.

## Lines and errors of the commands

cli-as-is = { $text }
cli-lang-unknown = darslik speaks en, ru, uz and uz-Cyrl, not `{ $tag }`
cli-course-failed = the course has errors; nothing was written, { $out } is unchanged
cli-build-start = building { $course }
cli-build-rendered = rendered { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } in { $count ->
        [one] 1 locale
       *[other] { $count } locales
    } ({ $locales }){ $fallback ->
        [0] {""}
        [one] , 1 shown in a fallback language
       *[other] , { $fallback } shown in a fallback language
    }
cli-build-wrote = wrote { $dir } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    })
cli-build-io = the output could not be written; { $out } is unchanged
cli-build-locale-errors = { $locale } ({ $errors ->
        [one] 1 error
       *[other] { $errors } errors
    })
cli-build-left-out = not written: { $left } (the errors are above); written: { $written }
cli-build-errors-unshown = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } above in pages no locale written shows; every locale was written
cli-build-done = Done in { $seconds } s. Open { $index } in a browser.
cli-check-clean = No problems found.
cli-check-translit-guessed = { $locale }: { $guessed } of the { $words } words made from { $from } are the rules' guesses; `darslik translit --review content/{ $from }` lists them to confirm
cli-cannot-write = cannot write { $file }: { $reason }
cli-cannot-read = cannot read { $file }: { $reason }
cli-cannot-read-stdin = cannot read standard input: { $reason }
cli-not-utf8 = { $file } is not UTF-8 text
cli-stamped-file = stamped { $file }
cli-stamped = { $count ->
        [one] 1 page stamped
       *[other] { $count } pages stamped
    }
cli-fixed-apostrophes = fixed { $count ->
        [one] 1 apostrophe
       *[other] { $count } apostrophes
    } in { $file }
cli-fix-failed = cannot fix apostrophes: { $reason }
cli-translit-to = `--to` takes `uz-Cyrl`, `uz-Latn` or `uz-Latn-2026`
cli-translit-one-file = `darslik translit` converts one file at a time (`--review` takes several files and folders)
cli-translit-review-what = name the files or folders to review, e.g. `darslik translit --review content/uz`
cli-translit-review-summary = { $count ->
        [one] { $count } word
       *[other] { $count } words
    } guessed ({ $times } times) of { $words } words converted
cli-translit-review-paste = confirm or correct each reading, then add the lines to `locales/uz-Cyrl/exceptions.toml`
cli-new-made = Made a new course in { $dir } ({ $count ->
        [one] 1 file
       *[other] { $count } files
    }).
cli-new-next = Build it with: { $command }
cli-new-failed = cannot make a course in { $dir }: { $reason }
cli-new-exists = { $dir } already has a `course.toml`; choose an empty folder
cli-new-io = cannot write { $file }: { $reason }
cli-verify-ready = { $file }: ready for Moodle ({ $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    })
cli-verify-rejected = { $file }: Moodle would reject this package or fail to track it ({ $errors ->
        [one] 1 error
       *[other] { $errors } errors
    })
cli-verify-missing = missing: { $file }
cli-verify-changed = changed: { $file }
cli-verify-extra = extra:   { $file }
cli-verify-not-plain = not a plain file: { $file }
cli-verify-whole = { $dir }: every file is present and unchanged
cli-verify-not-whole = { $dir }: this copy is not whole ({ $missing } missing, { $changed } changed, { $extra } extra{ $not_plain ->
        [0] {""}
       *[other] , { $not_plain } not a plain file
    }); copy the bundle again
cli-serve-ready = serving { $course } at { $url } (built in { $seconds } s). Edit a file and the page reloads; Ctrl-C stops.
cli-serve-pages-rebuilt = pages rebuilt in { $ms } ms
cli-serve-pages-rebuilt-errors = pages rebuilt in { $ms } ms with errors: the last good build stays served
cli-serve-course-rebuilt = course rebuilt in { $ms } ms
cli-serve-course-rebuilt-errors = course rebuilt in { $ms } ms with errors: the last good build stays served
cli-serve-cannot-listen = cannot listen on { $address }: { $reason }
cli-serve-cannot-listen-hint = another program uses the port; try { $option }
cli-serve-cannot-watch = cannot watch { $course } for changes: { $reason }

## `--help`: clap's words

cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-help-default = default: { $value }
cli-help-values = possible values: { $values }
cli-help-flag-help = Print help
cli-help-flag-version = Print version
cli-help-flag-lang = Language of darslik's messages: en, ru, uz or uz-Cyrl (default: from DARSLIK_LANG, else LC_ALL, LC_MESSAGES or LANG, else en)
cli-help-help-command = Print this message or the help of the given subcommand(s)

## `--help`: the commands and their arguments

cli-help-about = Builds Markdown + Fluent training courses into offline sites and SCORM packages
cli-help-build = Build the course into --out (default <course>/dist)
cli-help-build-course = The course folder (the one with course.toml)
cli-help-build-out = Where to write the outputs (default <course>/dist)
cli-help-build-locales = Only these locales (default: all)
cli-help-build-formats = Outputs to build: site, scorm12, scorm2004, bundle, single (default site,scorm12,scorm2004)
cli-help-build-quiet = Print only errors and warnings
cli-help-build-keep-going = Write the locales that have no errors even if others have some (exit status 1 names the locales left out)
cli-help-check = Report every problem in the course without writing anything
cli-help-check-course = The course folder (the one with course.toml)
cli-help-check-format = How to report: human (text) or json
cli-help-check-strict = Fail on warnings too
cli-help-check-fix = Correct Uzbek apostrophes (oʻ gʻ with U+02BB, tutuq with U+02BC) in place first
cli-help-translit = Convert Uzbek text between scripts (Markdown and Fluent aware); stdin when no FILE
cli-help-translit-to = The script to write: uz-Cyrl, uz-Latn or uz-Latn-2026
cli-help-translit-file = The file to convert (.md and .ftl keep their markup)
cli-help-translit-review = List the words the conversion to Cyrillic guesses (FILE may be several files and folders)
cli-help-translit-course = The course folder whose exceptions and `[translit] keep` list apply
cli-help-status = Show, per locale and module, which translations are current, stale, unstamped or missing
cli-help-status-course = The course folder (the one with course.toml)
cli-help-status-format = How to show it: human (a table), json or html (a dashboard)
cli-help-status-out = With --format html: write the dashboard to FILE (default: print it)
cli-help-stamp = Record that translated pages match the current source pages
cli-help-stamp-course = The course folder (the one with course.toml)
cli-help-stamp-locale = The locale of the translations to stamp
cli-help-stamp-pages = Pages to stamp (all translated pages of the locale when none)
cli-help-serve = Preview the site on 127.0.0.1; rebuilds and reloads the page when files change
cli-help-serve-course = The course folder (the one with course.toml)
cli-help-serve-port = The port to listen on
cli-help-new = Make a small course in DIR that builds
cli-help-new-dir = The folder for the new course (empty or new)
cli-help-verify = Check a SCORM zip the way an academy's Moodle would (a pre-flight)
cli-help-verify-path = A SCORM zip, or a copied bundle folder (checked against its SHA256SUMS)
cli-help-results = Learners' results files: the register, the class report, certificates
cli-help-results-add = Store learners' results files in the register (SQLite), each file all or nothing
cli-help-results-add-files = Results files saved from the "My results" page
cli-help-results-add-db = The register (an SQLite file; made when missing)
cli-help-results-add-quiet = Print only refusals and the totals
cli-help-results-report = Write the class report (HTML per locale, records.csv) or the statements for an LRS
cli-help-results-report-db = The register (an SQLite file)
cli-help-results-report-out = The folder to write the report into
cli-help-results-report-locales = Only these locales (default: en, ru, uz, uz-Cyrl)
cli-help-results-report-format = html (report-<locale>.html per locale and records.csv) or xapi (statements.json for an LRS)
cli-help-results-report-quiet = Print only problems
cli-help-results-keygen = Make an Ed25519 key pair: NAME.key (keep it secret) and NAME.pub
cli-help-results-keygen-out = NAME: the key pair is written to NAME.key and NAME.pub
cli-help-results-certificates = Write a printable A4 certificate per learner and module passed
cli-help-results-certificates-db = The register (an SQLite file)
cli-help-results-certificates-key = The secret key (NAME.key from `darslik results keygen`)
cli-help-results-certificates-out = The folder to write the certificates into
cli-help-results-certificates-module = Only this module (default: every module a learner passed)
cli-help-results-verify = Check a certificate's verification code, or a certificate file, offline
cli-help-results-verify-code-or-file = The code as printed (its groups may be separate words; spaces and dashes are ignored), or a certificate .html file
cli-help-results-verify-pubkey = The public key (NAME.pub)

## Usage errors clap finds (said by darslik in ru and uz)

cli-usage-unknown-arg = unexpected argument `{ $arg }`
cli-usage-unknown-command = unknown command `{ $command }`
cli-usage-value-required = `{ $arg }` needs a value
cli-usage-bad-value = invalid value `{ $value }` for `{ $arg }`
cli-usage-bad-value-of = invalid value `{ $value }` for `{ $arg }`; possible values: { $values }
cli-usage-missing = required arguments are missing: { $args }
cli-usage-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-usage-did-you-mean = did you mean `{ $suggestion }`?
cli-usage-try-help = For more information, try `--help`.
cli-usage-no-command = a command is needed: { $commands }
