# Собственные слова командной строки: строки хода работы, итоги, ошибки
# вызова и `--help`.

## Строки и ошибки команд

cli-as-is = { $text }
cli-lang-unknown = darslik говорит на `en`, `ru`, `uz` и `uz-Cyrl`, а не на `{ $tag }`
cli-course-failed = в курсе есть ошибки; ничего не записано, папка { $out } не изменена
cli-build-start = собираю { $course }
cli-build-rendered = готово { $pages ->
        [one] { $pages } страница
        [few] { $pages } страницы
       *[many] { $pages } страниц
    } на { $count ->
        [one] { $count } языке
       *[other] { $count } языках
    } ({ $locales }){ $fallback ->
        [0] {""}
        [one] , из них { $fallback } показана на запасном языке
        [few] , из них { $fallback } показаны на запасном языке
       *[many] , из них { $fallback } показаны на запасном языке
    }
cli-build-wrote = записано в { $dir } ({ $files ->
        [one] { $files } файл
        [few] { $files } файла
       *[many] { $files } файлов
    })
cli-build-io = результат не удалось записать; папка { $out } не изменена
cli-build-locale-errors = { $locale } ({ $errors ->
        [one] { $errors } ошибка
        [few] { $errors } ошибки
       *[many] { $errors } ошибок
    })
cli-build-left-out = не записаны: { $left } (ошибки выше); записаны: { $written }
cli-build-errors-unshown = { $errors ->
        [one] { $errors } ошибка
        [few] { $errors } ошибки
       *[many] { $errors } ошибок
    } выше — в страницах, которых нет ни в одном записанном языке; все языки записаны
cli-build-done = Готово за { $seconds } с. Откройте { $index } в браузере.
cli-check-clean = Проблем не найдено.
cli-check-translit-guessed = { $locale }: { $guessed } из { $words } слов, сделанных из { $from }, написаны правилами наугад; `darslik translit --review content/{ $from }` перечислит их для проверки
cli-cannot-write = не удалось записать { $file }: { $reason }
cli-cannot-read = не удалось прочитать { $file }: { $reason }
cli-cannot-read-stdin = не удалось прочитать стандартный ввод: { $reason }
cli-not-utf8 = { $file } — не текст в кодировке UTF-8; сохраните файл в UTF-8
cli-stamped-file = отмечен { $file }
cli-stamped = { $count ->
        [one] { $count } страница отмечена
        [few] { $count } страницы отмечены
       *[many] { $count } страниц отмечено
    }
cli-fixed-apostrophes = { $count ->
        [one] исправлен { $count } апостроф
        [few] исправлено { $count } апострофа
       *[many] исправлено { $count } апострофов
    } в { $file }
cli-fix-failed = не удалось исправить апострофы: { $reason }
cli-translit-to = `--to` принимает `uz-Cyrl`, `uz-Latn` или `uz-Latn-2026`
cli-translit-one-file = `darslik translit` переводит по одному файлу (`--review` принимает несколько файлов и папок)
cli-translit-review-what = назовите файлы или папки для проверки, например `darslik translit --review content/uz`
cli-translit-review-summary = Угадано { $count ->
        [one] { $count } слово
        [few] { $count } слова
       *[many] { $count } слов
    } ({ $times } раз) из { $words } переведённых
cli-translit-review-paste = подтвердите или исправьте каждое написание и добавьте строки в `locales/uz-Cyrl/exceptions.toml`
cli-new-made = Новый курс создан в { $dir } ({ $count ->
        [one] { $count } файл
        [few] { $count } файла
       *[many] { $count } файлов
    }).
cli-new-next = Соберите его командой: { $command }
cli-new-failed = не удалось создать курс в { $dir }: { $reason }
cli-new-exists = в { $dir } уже есть `course.toml`; выберите пустую папку
cli-new-io = не удалось записать { $file }: { $reason }
cli-verify-ready = { $file }: готов для Moodle ({ $warnings ->
        [one] { $warnings } предупреждение
        [few] { $warnings } предупреждения
       *[many] { $warnings } предупреждений
    })
cli-verify-rejected = { $file }: Moodle отклонит этот пакет или не сможет учитывать результаты ({ $errors ->
        [one] { $errors } ошибка
        [few] { $errors } ошибки
       *[many] { $errors } ошибок
    })
cli-verify-missing = нет файла: { $file }
cli-verify-changed = изменён: { $file }
cli-verify-extra = лишний: { $file }
cli-verify-not-plain = не обычный файл: { $file }
cli-verify-whole = { $dir }: все файлы на месте и не изменены
cli-verify-not-whole = { $dir }: копия неполная (нет: { $missing }, изменено: { $changed }, лишних: { $extra }{ $not_plain ->
        [0] {""}
       *[other] , не обычных файлов: { $not_plain }
    }); скопируйте комплект заново
cli-serve-ready = курс { $course } доступен по адресу { $url } (собран за { $seconds } с). Измените файл — страница обновится; `Ctrl-C` останавливает.
cli-serve-pages-rebuilt = страницы пересобраны за { $ms } мс
cli-serve-pages-rebuilt-errors = страницы пересобраны за { $ms } мс с ошибками: показывается последняя удачная сборка
cli-serve-course-rebuilt = курс пересобран за { $ms } мс
cli-serve-course-rebuilt-errors = курс пересобран за { $ms } мс с ошибками: показывается последняя удачная сборка
cli-serve-cannot-listen = не удалось открыть { $address }: { $reason }
cli-serve-cannot-listen-hint = порт занят другой программой; попробуйте `{ $option }`
cli-serve-cannot-watch = не удалось следить за изменениями в { $course }: { $reason }

## `--help`: слова clap

cli-heading-usage = Использование:
cli-heading-commands = Команды
cli-heading-options = Параметры
cli-heading-arguments = Аргументы
cli-help-default = по умолчанию: { $value }
cli-help-values = допустимые значения: { $values }
cli-help-flag-help = Показать справку
cli-help-flag-version = Показать версию
cli-help-flag-lang = Язык сообщений darslik: `en`, `ru`, `uz` или `uz-Cyrl` (по умолчанию — из `DARSLIK_LANG`, иначе из `LC_ALL`, `LC_MESSAGES` или `LANG`, иначе `en`)
cli-help-help-command = Показать эту справку или справку по указанной команде

## `--help`: команды и их аргументы

cli-help-about = Собирает учебные курсы из Markdown и Fluent в офлайн-сайты и пакеты SCORM
cli-help-build = Собрать курс в `--out` (по умолчанию `<course>/dist`)
cli-help-build-course = Папка курса (та, где лежит `course.toml`)
cli-help-build-out = Куда записать результат (по умолчанию `<course>/dist`)
cli-help-build-locales = Только эти языки (по умолчанию — все)
cli-help-build-formats = Что собрать: `site`, `scorm12`, `scorm2004`, `bundle`, `single` (по умолчанию `site,scorm12,scorm2004`)
cli-help-build-quiet = Выводить только ошибки и предупреждения
cli-help-build-keep-going = Записать языки без ошибок, даже если в других они есть (код выхода 1, пропущенные языки названы)
cli-help-check = Найти все проблемы курса, ничего не записывая
cli-help-check-course = Папка курса (та, где лежит `course.toml`)
cli-help-check-format = Как сообщать: `human` (текст) или `json`
cli-help-check-strict = Считать ошибкой и предупреждения
cli-help-check-fix = Сначала исправить узбекские апострофы на месте (в oʻ и gʻ — U+02BB, знак «tutuq belgisi» — U+02BC)
cli-help-translit = Перевести узбекский текст в другую графику (с учётом Markdown и Fluent); без FILE читает стандартный ввод
cli-help-translit-to = В какую графику: `uz-Cyrl`, `uz-Latn` или `uz-Latn-2026`
cli-help-translit-file = Файл для перевода (у `.md` и `.ftl` разметка сохраняется)
cli-help-translit-review = Показать слова, которые перевод в кириллицу угадал (FILE: несколько файлов и папок)
cli-help-translit-course = Папка курса, чьи исключения и список `[translit] keep` применяются
cli-help-status = Показать по языкам и модулям, какие переводы актуальны, устарели, не отмечены или отсутствуют
cli-help-status-course = Папка курса (та, где лежит `course.toml`)
cli-help-status-format = Как показать: `human` (таблица), `json` или `html` (панель)
cli-help-status-out = С `--format html`: записать панель в FILE (по умолчанию — вывести её)
cli-help-stamp = Отметить, что переведённые страницы соответствуют текущим исходным
cli-help-stamp-course = Папка курса (та, где лежит `course.toml`)
cli-help-stamp-locale = Язык переводов, которые нужно отметить
cli-help-stamp-pages = Страницы для отметки (если не указаны — все переведённые страницы языка)
cli-help-serve = Показать сайт на 127.0.0.1; пересобирает его и обновляет страницу при изменении файлов
cli-help-serve-course = Папка курса (та, где лежит `course.toml`)
cli-help-serve-port = Порт для подключения
cli-help-new = Создать в DIR небольшой курс, который собирается
cli-help-new-dir = Папка нового курса (пустая или новая)
cli-help-verify = Проверить zip-пакет SCORM так, как его проверит Moodle академии (предполётная проверка)
cli-help-verify-path = Zip-пакет SCORM или скопированная папка комплекта (сверяется с `SHA256SUMS`)
cli-help-results = Файлы результатов слушателей: журнал, отчёт по группе, сертификаты
cli-help-results-add = Занести файлы результатов в журнал (SQLite); каждый файл — целиком или никак
cli-help-results-add-files = Файлы результатов, сохранённые на странице «Мои результаты»
cli-help-results-add-db = Журнал (файл SQLite; создаётся, если его нет)
cli-help-results-add-quiet = Выводить только отказы и итог
cli-help-results-report = Записать отчёт по группе (HTML на каждый язык, `records.csv`) или записи для LRS
cli-help-results-report-db = Журнал (файл SQLite)
cli-help-results-report-out = Папка для отчёта
cli-help-results-report-locales = Только эти языки (по умолчанию `en`, `ru`, `uz`, `uz-Cyrl`)
cli-help-results-report-format = `html` (`report-<locale>.html` на каждый язык и `records.csv`) или `xapi` (`statements.json` для LRS)
cli-help-results-report-quiet = Выводить только проблемы
cli-help-results-keygen = Создать пару ключей Ed25519: NAME.key (храните в секрете) и NAME.pub
cli-help-results-keygen-out = NAME: пара ключей записывается в NAME.key и NAME.pub
cli-help-results-certificates = Записать печатный сертификат A4 на каждого слушателя и каждый сданный модуль
cli-help-results-certificates-db = Журнал (файл SQLite)
cli-help-results-certificates-key = Секретный ключ (NAME.key из `darslik results keygen`)
cli-help-results-certificates-out = Папка для сертификатов
cli-help-results-certificates-module = Только этот модуль (по умолчанию — все модули, которые слушатель сдал)
cli-help-results-verify = Проверить код сертификата или файл сертификата без интернета
cli-help-results-verify-code-or-file = Код, как он напечатан (группы можно писать отдельными словами; пробелы и дефисы не важны), или файл сертификата .html
cli-help-results-verify-pubkey = Открытый ключ (NAME.pub)

## Ошибки вызова, которые находит clap

cli-usage-unknown-arg = неизвестный аргумент `{ $arg }`
cli-usage-unknown-command = неизвестная команда `{ $command }`
cli-usage-value-required = `{ $arg }` требует значения
cli-usage-bad-value = недопустимое значение `{ $value }` для `{ $arg }`
cli-usage-bad-value-of = недопустимое значение `{ $value }` для `{ $arg }`; допустимые значения: { $values }
cli-usage-missing = не указаны обязательные аргументы: { $args }
cli-usage-conflict = `{ $arg }` нельзя использовать вместе с `{ $other }`
cli-usage-did-you-mean = может быть, вы имели в виду `{ $suggestion }`?
cli-usage-try-help = Подробнее — в `--help`.
cli-usage-no-command = нужна команда: { $commands }
