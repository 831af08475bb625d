# The frame of every report: severity words, the hint label, the summary.

diag-error = error
diag-warning = warning
diag-hint = hint
diag-summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
diag-more = … and { $count } more [{ $code }] like these in { $file } (`darslik check --format json` lists every one)
diag-more-course = … and { $count } more [{ $code }] like these in the course (`darslik check --format json` lists every one)
