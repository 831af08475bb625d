# `darslik results`: adding learners' results files, the class report,
# certificates. Area owner: results. (The report's and certificates' own
# page texts live in src/results/report/text.rs and cert/text.rs.)

## `results add`

results-bar-adding = adding
results-bar-files = files
results-added = added { $file }: { $who }, { $new } new { $new ->
        [one] statement
       *[other] statements
    } ({ $already } already here)
results-added-again = already added { $file }: { $who }, { $new } new { $new ->
        [one] statement
       *[other] statements
    } ({ $already } already here)
results-no-name = (no name)
results-refused = refused { $file }: { $why }
results-count-added = { $count } added
results-count-again = { $count } already added
results-count-refused = { $count } refused
results-totals = { $files ->
        [one] 1 file
       *[other] { $files } files
    }: { $parts }; { $new } new { $new ->
        [one] statement
       *[other] statements
    } ({ $already } already here)
results-totals-held = ; { $db } holds { $learners } { $learners ->
        [one] learner
       *[other] learners
    } and { $statements } { $statements ->
        [one] statement
       *[other] statements
    }
results-other-course = results of course { $file }; this register holds { $register }: use another --db
results-not-stored = not stored: { $reason }
results-not-open = { $db }: the register is not open
results-store-busy = the register is in use by another program; close it and add the file again
results-store-disk-full = the disk is full; make room and add the file again
results-store-read-only = cannot write to the register ({ $detail })
results-store-refused = the register refused it ({ $detail })

## Why a results file is refused

results-refusal-unreadable = cannot be read: { $why }
results-refusal-too-large = not a results file: it is { $mb } MB, and a results file is well under 1 MB (files above { $max } MB are not read)
results-refusal-not-text = damaged: it is not UTF-8 text (was it opened and saved in another program?); ask the learner to save it again from the "My results" page and add the new file
results-refusal-empty = damaged: the file is empty (the download or the copy did not finish?); ask the learner to save it again from the "My results" page and add the new file
results-refusal-truncated = damaged: it ends at line { $line }, column { $column } before the JSON is complete (cut off while copying or sending?); ask the learner to save it again from the "My results" page and add the new file
results-refusal-damaged = damaged: not valid JSON at line { $line }, column { $column } ({ $what }); ask the learner to save it again from the "My results" page and add the new file
results-refusal-not-results = not a results file ({ $why }); add the files saved from a course's "My results" page
results-refusal-newer = made by a newer darslik (results format { $format }; this darslik reads format { $reads }): add it with a newer darslik
results-refusal-format = breaks the results format at { $field }: { $problem }; ask the learner to save it again from the "My results" page and add the new file, or tell the course's author if it happens again
results-why-folder = it is a folder
results-why-no-file = there is no such file
results-why-denied = permission denied
results-why-not-json = it is not JSON
results-why-not-object = the JSON is not an object
results-why-other-darslik = its "darslik" field is not "results"
results-why-no-darslik = it has no "darslik": "results" field
results-why-zip = it is a zip archive: unpack it and add the .json files inside
results-why-sqlite = it is an SQLite database, perhaps a register: a register is given with --db
results-why-pdf = it is a PDF document
results-why-binary = it is not a text file
results-why-missing = missing
results-why-too-long = longer than { $max } characters

## `results report`

results-bar-statements = statements
results-bar-reading = reading the register
results-wrote = wrote { $file }
results-report-summary = report: { $learners } learners, { $modules } modules, { $statements } statements from { $files } files
results-report-locale = --locale { $locale }: the report is written in { $locales }; choose one of them
results-report-out-file = { $out }: --out is a file; give a folder for the report
results-report-mkdir = { $out }: the folder could not be made ({ $reason }); check the path and your rights to write there
results-report-write = { $file }: could not be written ({ $reason }); check the space on the disk and your rights to write there
results-register-unreadable = the register could not be read: { $detail }
results-statement-not-json = statement { $id } is not valid JSON in the register; add its results file again to a new register

## `results keygen`, `results certificates`, `results verify`

results-keygen-secret = wrote { $file } (secret: keep it private, keep a copy)
results-keygen-public = wrote { $file } (public: give it to whoever checks certificates)
results-keygen-id = key id { $id }
results-keygen-signer = to print who signs on the certificates, write the academy's name on the “signer:” line of { $file }
results-cert-wrote = wrote { $file }: { $name }, { $module }
results-cert-only-module = , module { $module }
results-cert-summary = { $count ->
        [one] 1 certificate
       *[other] { $count } certificates
    } for { $learners ->
        [one] 1 learner
       *[other] { $learners } learners
    } who passed (of { $register } in the register){ $module }; list: { $list }
results-cert-refused = { $count } certificate(s) not written: see the errors above
results-cert-no-modules = none
results-cert-no-module = { $db }: no learner has a status for module “{ $module }”; modules in the register: { $modules }
results-cert-bad-date = { $who }, { $module }: the passing date “{ $date }” is not a date darslik can sign (1970–2149); no certificate
results-cert-cannot-sign = { $who }, { $module }: { $reason }; no certificate (shorten it in the register's results file and add it again)
results-cannot-mkdir = { $dir }: cannot create the folder ({ $reason })
results-cannot-write = { $file }: cannot write it ({ $reason })
results-verify-valid = valid: { $claim }
results-verify-invalid = invalid: { $why }
results-page-unreadable = cannot read it ({ $why }); give the certificate's .html file or the code as printed
results-page-not-file = not a file; give the certificate's .html file or the code as printed
results-page-too-large = { $bytes } bytes is far more than a certificate; give the certificate's .html file
results-page-no-code = this file is not a darslik certificate (it has no verification code)
results-page-two-codes = the page shows two different verification codes: it was changed
results-page-lang-changed = the page's language (html lang) was changed, so its date and score cannot be read
results-page-field-gone = the page does not show the { $what } any more (it was changed); the code says “{ $want }”
results-page-field-shown = the page shows the { $what } “{ $found }”, but the code was signed for “{ $want }”
results-page-field-held = the page holds the { $what } “{ $found }”, but the code was signed for “{ $want }”
results-page-changed = the page was changed after it was signed (its text, layout or style; the name, date and score shown are still the signed ones): print it again from the register, or check the code printed on it instead of the file
results-field-course = course id
results-field-version = version
results-field-module = module
results-field-name = name
results-field-date = date
results-field-score = score

## The register

results-db-none = { $db }: there is no register here; make one with `darslik results add FILE... --db { $db }`
results-db-newer = { $db }: made by a newer darslik (register schema { $schema }; this darslik knows { $knows }): use a newer darslik, or another --db
results-db-other-tables = { $db }: an SQLite database, but not a darslik register (it has other tables): use another --db
results-db-empty = { $db }: an empty database, not a register; add results to it first with `darslik results add FILE... --db { $db }`
results-db-wal = { $db }: SQLite could not switch the register to WAL mode (journal mode { $mode }); put it on a local disk
results-db-cannot-open = { $db }: cannot open or make the register: { $detail }
results-db-cannot-open-folder = { $db }: cannot open or make the register (there is no folder { $folder }): { $detail }
results-db-not-sqlite = { $db }: not an SQLite database, so not a darslik register: use another --db
results-db-damaged = { $db }: the register is damaged ({ $detail }); restore a copy, or start another --db and add the results files again
results-db-busy = { $db }: another program is using it (another darslik, or a database viewer): close it and try again
results-db-read-only = { $db }: cannot write to the register ({ $detail }); copy it to a folder you can write to
results-db-disk-full = { $db }: the disk is full; make room and add the files again

## Key files

results-cannot-create = { $file }: cannot create it ({ $reason })
results-cannot-read = { $file }: cannot read it ({ $reason })
results-key-exists = { $file }: already there; darslik never overwrites a key (certificates signed with it could no longer be checked). Choose another --out NAME, or move the old pair away first
results-key-exists-short = { $file }: already there; darslik never overwrites a key
results-key-no-folder = { $dir }: no such folder; create it first or choose another --out NAME
results-key-no-random = the system gave no random numbers to make a key with ({ $detail }); try again
results-key-no-file = { $file }: no such file; make a key pair with darslik results keygen --out NAME
results-key-wrong = { $file }: { $what }; give { $want }
results-key-not-text = not a darslik key file (not text)
results-key-is-secret = it is the secret key (NAME.key)
results-key-is-public = it is the public key (NAME.pub)
results-key-other-version = it is a key file of another darslik version
results-key-not-key = it is not a darslik key file
results-key-want-secret = the secret NAME.key made by keygen
results-key-want-public = the public NAME.pub made by keygen
results-key-damaged = { $file }: damaged ({ $why }); take the file from your copy
results-key-bad-line = a line that is not “name: value”
results-key-no-line = no “{ $name }:” line
results-key-not-hex = the { $name } is not 64 hex digits
results-key-halves = its secret and public halves do not belong together
results-key-not-ed25519 = not an Ed25519 public key
results-key-weak = a weak public key that anyone could sign for

## Verification codes

results-code-no-score = no score
results-code-damaged = the code is damaged ({ $why }); type it again from the certificate or scan its QR code
results-code-newer = the code is in format { $format }, which this darslik does not know: check it with a newer darslik
results-code-other-key = signed with another key (key { $code }); this public key is { $key }: ask the academy for the public key that signed it
results-code-bad-signature = the signature does not match what the code says: the code was changed or mistyped
results-code-bad-char = “{ $char }” is not a letter or digit of a verification code
results-code-empty = it is empty
results-code-length = { $count } characters cannot be a whole code: a character is missing or extra
results-code-short = it is too short: { $count } characters
results-code-start = it does not start like a darslik code
results-code-signature-part = its signature part is not a signature
results-code-score = its score is out of range
results-code-ends-before = it ends before the { $what }
results-code-ends-inside = it ends inside the { $what }
results-code-not-text = its { $what } is not text
results-code-long = it is longer than what it says: a character is extra
results-code-field-course = course id
results-code-field-version = course version
results-code-field-module = module id

## A field that breaks the results format

results-why-found = { $problem }, found { $found }
results-found-object = an object
results-found-list = a list
results-expected-object = expected an object
results-expected-text = expected text
results-expected-list = expected a list
results-expected-percent = expected a number from 0 to 100
results-expected-language-map = expected a language map
results-expected-bool = expected true or false
results-expected-one = expected the number 1
results-expected-count = expected a whole number (0, 1, 2, …)
results-expected-number = expected a number
results-expected-scaled = expected a number from 0 to 1
results-expected-course-id = expected a course id (no spaces or slashes)
results-other-learner = not the file's learner.id (a statement of another learner)

## Certificates: more

results-cert-no-course = { $db }: the register holds no course yet; add results files first
results-cert-no-qr = the QR code could not be made ({ $detail })
results-code-score-over = the score { $score } is over 100
results-code-field-learner = learner's name
results-code-unit-chars = characters
results-code-unit-bytes = bytes (UTF-8)
results-code-too-long = the { $what } is { $count } { $unit } long; a certificate holds at most 127
results-or = or
results-expected-one-of = expected { $values }
results-expected-activity = expected an activity of this course, { $id } (no empty, "." or ".." parts, no backslashes)
results-expected-verb = a { $kind } statement's verb is { $verbs }
results-expected-interaction = expected choice, matching, sequencing, fill-in or numeric
results-expected-attempt = expected 1, 2, …
results-expected-locale-keys = expected locales (en, ru, uz-Cyrl, …) as keys
results-expected-uuid = expected a UUID such as "0b6c3f0e-5a6d-4c8e-9f3a-2d1e4b5c6a7f"
results-expected-locale = expected a locale such as en, ru, uz or uz-Cyrl
results-expected-time = expected a UTC time such as "2026-12-05T10:11:12.345Z"
results-expected-type = not one of the activity types of a results file (lesson, cmi.interaction, assessment, simulation, module)
