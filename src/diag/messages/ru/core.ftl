# Рамка каждого отчёта: слова «ошибка» и «предупреждение», подсказка, итог.

diag-error = ошибка
diag-warning = предупреждение
diag-hint = подсказка
diag-summary = { $errors ->
        [one] { $errors } ошибка
        [few] { $errors } ошибки
       *[many] { $errors } ошибок
    }, { $warnings ->
        [one] { $warnings } предупреждение
        [few] { $warnings } предупреждения
       *[many] { $warnings } предупреждений
    }
diag-more = … и ещё { $count } таких же [{ $code }] в { $file } (все до единого покажет `darslik check --format json`)
diag-more-course = … и ещё { $count } таких же [{ $code }] в курсе (все до единого покажет `darslik check --format json`)
