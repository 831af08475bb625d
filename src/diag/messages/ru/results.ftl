# `darslik results`: файлы результатов слушателей, отчёт по группе,
# сертификаты.

## `results add`

results-bar-adding = добавляю
results-bar-files = файлов
results-added = добавлен { $file }: { $who }, новых записей: { $new } (уже были: { $already })
results-added-again = уже добавлен { $file }: { $who }, новых записей: { $new } (уже были: { $already })
results-no-name = (без имени)
results-refused = отклонён { $file }: { $why }
results-count-added = добавлено: { $count }
results-count-again = уже были добавлены: { $count }
results-count-refused = отклонено: { $count }
results-totals = { $files ->
        [one] { $files } файл
        [few] { $files } файла
       *[many] { $files } файлов
    }: { $parts }; новых записей: { $new } (уже были: { $already })
results-totals-held = ; в журнале { $db } слушателей: { $learners }, записей: { $statements }
results-other-course = результаты курса { $file }, а в этом журнале курс { $register }: укажите другой журнал в `--db`
results-not-stored = не сохранено: { $reason }
results-not-open = { $db }: журнал не открыт
results-store-busy = журнал занят другой программой; закройте её и добавьте файл ещё раз
results-store-disk-full = диск заполнен; освободите место и добавьте файл ещё раз
results-store-read-only = не удаётся записать в журнал ({ $detail })
results-store-refused = журнал не принял файл ({ $detail })

## Почему файл результатов отклонён

results-refusal-unreadable = не читается: { $why }
results-refusal-too-large = это не файл результатов: в нём { $mb } МБ, а файл результатов намного меньше 1 МБ (файлы больше { $max } МБ не читаются)
results-refusal-not-text = повреждён: это не текст в UTF-8 (его открывали и сохраняли в другой программе?); попросите слушателя сохранить файл заново на странице «Мои результаты» и добавьте новый файл
results-refusal-empty = повреждён: файл пуст (загрузка или копирование не закончились?); попросите слушателя сохранить файл заново на странице «Мои результаты» и добавьте новый файл
results-refusal-truncated = повреждён: он обрывается в строке { $line }, столбце { $column }, прежде чем JSON закончен (обрезан при копировании или отправке?); попросите слушателя сохранить файл заново на странице «Мои результаты» и добавьте новый файл
results-refusal-damaged = повреждён: неправильный JSON в строке { $line }, столбце { $column } ({ $what }); попросите слушателя сохранить файл заново на странице «Мои результаты» и добавьте новый файл
results-refusal-not-results = это не файл результатов ({ $why }); добавляйте файлы, сохранённые на странице курса «Мои результаты»
results-refusal-newer = сделан более новой версией darslik (формат результатов { $format }, эта версия читает формат { $reads }): добавьте его более новой версией darslik
results-refusal-format = нарушает формат результатов в поле `{ $field }`: { $problem }; попросите слушателя сохранить файл заново на странице «Мои результаты» и добавьте новый файл, а если это повторится, сообщите автору курса
results-why-folder = это папка
results-why-no-file = такого файла нет
results-why-denied = нет прав доступа
results-why-not-json = это не JSON
results-why-not-object = JSON не является объектом
results-why-other-darslik = его поле `"darslik"` — не `"results"`
results-why-no-darslik = в нём нет поля `"darslik": "results"`
results-why-zip = это zip-архив: распакуйте его и добавьте файлы `.json` из него
results-why-sqlite = это база SQLite, возможно журнал: журнал указывают в `--db`
results-why-pdf = это документ PDF
results-why-binary = это не текстовый файл
results-why-missing = отсутствует
results-why-too-long = длиннее { $max } символов

## `results report`

results-bar-statements = записи
results-bar-reading = читаю журнал
results-wrote = записан { $file }
results-report-summary = отчёт: слушателей — { $learners }, модулей — { $modules }, записей — { $statements } из файлов: { $files }
results-report-locale = `--locale { $locale }`: отчёт пишется на языках { $locales }; выберите один из них
results-report-out-file = { $out }: `--out` — это файл; укажите папку для отчёта
results-report-mkdir = { $out }: не удалось создать папку ({ $reason }); проверьте путь и права на запись
results-report-write = { $file }: не удалось записать ({ $reason }); проверьте место на диске и права на запись
results-register-unreadable = не удалось прочитать журнал: { $detail }
results-statement-not-json = запись { $id } в журнале — неправильный JSON; добавьте её файл результатов заново в новый журнал

## `results keygen`, `results certificates`, `results verify`

results-keygen-secret = записан { $file } (секретный: храните его в тайне и держите копию)
results-keygen-public = записан { $file } (открытый: дайте его тем, кто проверяет сертификаты)
results-keygen-id = идентификатор ключа { $id }
results-keygen-signer = чтобы на сертификатах было напечатано, кто их подписал, впишите название академии в строку «signer:» файла { $file }
results-cert-wrote = записан { $file }: { $name }, { $module }
results-cert-only-module = , модуль { $module }
results-cert-summary = { $count ->
        [one] { $count } сертификат
        [few] { $count } сертификата
       *[many] { $count } сертификатов
    } для сдавших слушателей: { $learners } (всего в журнале: { $register }){ $module }; список: { $list }
results-cert-refused = сертификатов не записано: { $count }; ошибки выше
results-cert-no-modules = нет
results-cert-no-module = { $db }: ни у одного слушателя нет статуса по модулю «{ $module }»; модули в журнале: { $modules }
results-cert-bad-date = { $who }, { $module }: дату сдачи «{ $date }» darslik подписать не может (1970–2149); сертификата нет
results-cert-cannot-sign = { $who }, { $module }: { $reason }; сертификата нет (сократите это в файле результатов и добавьте его ещё раз)
results-cannot-mkdir = { $dir }: не удалось создать папку ({ $reason })
results-cannot-write = { $file }: не удалось записать ({ $reason })
results-verify-valid = подлинный: { $claim }
results-verify-invalid = недействителен: { $why }
results-page-unreadable = не удалось прочитать ({ $why }); укажите файл сертификата `.html` или код, как он напечатан
results-page-not-file = это не файл; укажите файл сертификата `.html` или код, как он напечатан
results-page-too-large = { $bytes } байт — намного больше, чем бывает у сертификата; укажите файл сертификата `.html`
results-page-no-code = это не сертификат darslik (в нём нет кода проверки)
results-page-two-codes = на странице два разных кода проверки: её изменили
results-page-lang-changed = язык страницы (`html lang`) изменён, поэтому её дату и балл не прочитать
results-page-field-gone = страница больше не показывает поле «{ $what }» (её изменили); по коду — «{ $want }»
results-page-field-shown = страница показывает в поле «{ $what }» «{ $found }», а код подписан для «{ $want }»
results-page-field-held = страница содержит в поле «{ $what }» «{ $found }», а код подписан для «{ $want }»
results-page-changed = страницу изменили после подписи (текст, вёрстку или стиль; имя, дата и балл на ней всё ещё подписанные): напечатайте её заново из журнала или проверьте напечатанный на ней код вместо файла
results-field-course = идентификатор курса
results-field-version = версия
results-field-module = модуль
results-field-name = имя
results-field-date = дата
results-field-score = балл

## Журнал

results-db-none = { $db }: журнала здесь нет; создайте его командой `darslik results add FILE... --db { $db }`
results-db-newer = { $db }: создан более новой версией darslik (схема журнала { $schema }, эта версия знает { $knows }): возьмите более новую версию darslik или другой `--db`
results-db-other-tables = { $db }: база SQLite, но не журнал darslik (в ней другие таблицы): укажите другой `--db`
results-db-empty = { $db }: пустая база, а не журнал; сначала добавьте в неё результаты командой `darslik results add FILE... --db { $db }`
results-db-wal = { $db }: SQLite не удалось перевести журнал в режим WAL (режим журнала { $mode }); положите его на локальный диск
results-db-cannot-open = { $db }: не удалось открыть или создать журнал: { $detail }
results-db-cannot-open-folder = { $db }: не удалось открыть или создать журнал (папки { $folder } нет): { $detail }
results-db-not-sqlite = { $db }: это не база SQLite, значит, и не журнал darslik: укажите другой `--db`
results-db-damaged = { $db }: журнал повреждён ({ $detail }); восстановите копию или начните другой `--db` и добавьте файлы результатов заново
results-db-busy = { $db }: журнал занят другой программой (другим darslik или просмотрщиком баз): закройте её и попробуйте ещё раз
results-db-read-only = { $db }: не удаётся записать в журнал ({ $detail }); скопируйте его в папку, где у вас есть права на запись
results-db-disk-full = { $db }: диск заполнен; освободите место и добавьте файлы ещё раз

## Файлы ключей

results-cannot-create = { $file }: не удалось создать ({ $reason })
results-cannot-read = { $file }: не удалось прочитать ({ $reason })
results-key-exists = { $file }: уже существует; darslik никогда не перезаписывает ключ (сертификаты, подписанные им, стало бы невозможно проверить). Выберите другое `--out NAME` или сначала уберите старую пару
results-key-exists-short = { $file }: уже существует; darslik никогда не перезаписывает ключ
results-key-no-folder = { $dir }: такой папки нет; сначала создайте её или выберите другое `--out NAME`
results-key-no-random = система не дала случайных чисел для ключа ({ $detail }); попробуйте ещё раз
results-key-no-file = { $file }: такого файла нет; создайте пару ключей командой `darslik results keygen --out NAME`
results-key-wrong = { $file }: { $what }; укажите { $want }
results-key-not-text = это не файл ключа darslik (не текст)
results-key-is-secret = это секретный ключ (`NAME.key`)
results-key-is-public = это открытый ключ (`NAME.pub`)
results-key-other-version = это файл ключа другой версии darslik
results-key-not-key = это не файл ключа darslik
results-key-want-secret = секретный `NAME.key`, созданный `keygen`
results-key-want-public = открытый `NAME.pub`, созданный `keygen`
results-key-damaged = { $file }: повреждён ({ $why }); возьмите файл из вашей копии
results-key-bad-line = строка не вида «имя: значение»
results-key-no-line = нет строки `{ $name }:`
results-key-not-hex = `{ $name }` — не 64 шестнадцатеричные цифры
results-key-halves = его секретная и открытая половины не подходят друг к другу
results-key-not-ed25519 = это не открытый ключ Ed25519
results-key-weak = слабый открытый ключ, за который может подписаться кто угодно

## Коды проверки

results-code-no-score = без балла
results-code-damaged = код повреждён ({ $why }); введите его заново с сертификата или отсканируйте QR-код
results-code-newer = код в формате { $format }, которого эта версия darslik не знает: проверьте его более новой версией darslik
results-code-other-key = подписан другим ключом (ключ { $code }); этот открытый ключ — { $key }: попросите у академии открытый ключ, которым он подписан
results-code-bad-signature = подпись не совпадает с тем, что говорит код: код изменён или введён с ошибкой
results-code-bad-char = «{ $char }» — не буква и не цифра кода проверки
results-code-empty = он пуст
results-code-length = { $count } символов не могут быть целым кодом: символа не хватает или есть лишний
results-code-short = он слишком короткий: символов — { $count }
results-code-start = он начинается не так, как код darslik
results-code-signature-part = его часть с подписью — не подпись
results-code-score = его балл вне допустимого диапазона
results-code-ends-before = он обрывается перед полем «{ $what }»
results-code-ends-inside = он обрывается внутри поля «{ $what }»
results-code-not-text = его поле «{ $what }» — не текст
results-code-long = он длиннее, чем сказано в нём самом: есть лишний символ
results-code-field-course = идентификатор курса
results-code-field-version = версия курса
results-code-field-module = идентификатор модуля

## Поле, нарушающее формат результатов

results-why-found = { $problem }, а в файле { $found }
results-found-object = объект
results-found-list = список
results-expected-object = ожидался объект
results-expected-text = ожидался текст
results-expected-list = ожидался список
results-expected-percent = ожидалось число от 0 до 100
results-expected-language-map = ожидался словарь по языкам
results-expected-bool = ожидалось `true` или `false`
results-expected-one = ожидалось число 1
results-expected-count = ожидалось целое число (0, 1, 2, …)
results-expected-number = ожидалось число
results-expected-scaled = ожидалось число от 0 до 1
results-expected-course-id = ожидался идентификатор курса (без пробелов и косых черт)
results-other-learner = не `learner.id` этого файла (запись другого слушателя)

## Сертификаты: ещё

results-cert-no-course = { $db }: в журнале ещё нет курса; сначала добавьте файлы результатов
results-cert-no-qr = не удалось создать QR-код ({ $detail })
results-code-score-over = балл { $score } больше 100
results-code-field-learner = имя слушателя
results-code-unit-chars = символов
results-code-unit-bytes = байт (UTF-8)
results-code-too-long = поле «{ $what }» длиной { $count } { $unit }; сертификат вмещает не больше 127
results-or = или
results-expected-one-of = ожидалось { $values }
results-expected-activity = ожидалось занятие этого курса, { $id } (без пустых частей, без «.» и «..», без обратных косых черт)
results-expected-verb = у записи типа `{ $kind }` глагол — { $verbs }
results-expected-interaction = ожидалось `choice`, `matching`, `sequencing`, `fill-in` или `numeric`
results-expected-attempt = ожидалось 1, 2, …
results-expected-locale-keys = ожидались языки (`en`, `ru`, `uz-Cyrl`, …) в качестве ключей
results-expected-uuid = ожидался UUID, например `"0b6c3f0e-5a6d-4c8e-9f3a-2d1e4b5c6a7f"`
results-expected-locale = ожидался язык, например `en`, `ru`, `uz` или `uz-Cyrl`
results-expected-time = ожидалось время UTC, например `"2026-12-05T10:11:12.345Z"`
results-expected-type = это не тип занятия файла результатов (`lesson`, `cmi.interaction`, `assessment`, `simulation`, `module`)
