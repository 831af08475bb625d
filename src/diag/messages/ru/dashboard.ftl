# Сводка переводов (`darslik status --format html`, `/_status/` в `darslik serve`).

dash-title = Состояние переводов: { $course } { $version }
dash-heading = Состояние переводов
dash-intro = Курс `{ $course }`, версия { $version }. Исходный язык — `{ $source }`: каждый перевод сверяется с его страницами.
dash-nav = Языки
dash-no-translations = У курса пока нет переводов: добавьте язык в `course.toml`.
dash-overview = Все переводы
dash-legend = Что означают цвета
dash-current = Актуальные
dash-stale = Устаревшие
dash-unstamped = Без отметки
dash-missing = Нет перевода
dash-messages-legend = Переведённые сообщения (тонкая полоса)
dash-chart-caption = Страницы каждого языка по состоянию и доля переведённых сообщений курса.
dash-percent-current = актуальны { $percent } % страниц
dash-bar-pages = { $locale }: актуальных { $current }, устаревших { $stale }, без отметки { $unstamped }, без перевода { $missing } из { $total ->
        [one] { $total } страницы
       *[many] { $total } страниц
    }
dash-bar-messages = { $locale }: переведено { $translated } из { $total ->
        [one] { $total } сообщения
       *[many] { $total } сообщений
    }
dash-bar-module = { $module }: актуальных { $current }, устаревших { $stale }, без отметки { $unstamped }, без перевода { $missing } из { $total ->
        [one] { $total } страницы
       *[many] { $total } страниц
    }
dash-table-caption = Числа из диаграммы
dash-col-locale = Язык
dash-col-pages = Всего страниц
dash-col-messages = Сообщения
dash-col-module = Модуль
dash-fraction = { $part } из { $total }
dash-home = Главная страница курса
dash-locale = Язык `{ $locale }`
dash-locale-generated = Язык `{ $locale }` (создаётся из `{ $from }`)
dash-summary = Актуальны { $current } из { $total ->
        [one] { $total } страницы
       *[many] { $total } страниц
    }; устарели: { $stale }, без отметки: { $unstamped }, без перевода: { $missing }.
dash-generated-summary = Страницы этого языка создаются из `{ $from }` при сборке курса: создано { $generated }, написано вручную { $hand }.
dash-messages = Сообщения: переведено { $translated } из { $total }; в `locales/{ $locale }/` не хватает ещё { $left ->
        [one] { $left } сообщения
       *[many] { $left } сообщений
    }.
dash-messages-all = Сообщения: переведены все ({ $total }).
dash-messages-generated = Сообщения тоже создаются из исходного языка; написано вручную: { $hand }.
dash-modules-caption = Страницы `{ $locale }` по модулям
dash-stale-heading = Устаревшие: исходный текст изменился после отметки перевода ({ $n })
dash-stale-hint = Под каждой страницей показано, что изменилось в исходном тексте. Исправьте перевод и отметьте его.
dash-stamp-command = Когда перевод совпадает с исходным текстом: `darslik stamp --locale { $locale } { $page }`
dash-unstamped-heading = Без отметки: переведены, но ни разу не сверены с исходным текстом ({ $n })
dash-unstamped-hint = Сверьте каждую страницу с исходной; если всё совпадает, выполните `darslik stamp --locale { $locale }` с этой страницей.
dash-missing-heading = Нет перевода ({ $n })
dash-missing-hint = Пока файла нет, читатели видят эти страницы на запасном языке.
dash-all-current = Все страницы этого языка актуальны.
dash-problems = Что сообщает `darslik check` по этому языку ({ $n })
dash-diff-absent = Изменения здесь не показаны: их покажет `darslik check`.
dash-diff-unknown = Этот перевод отмечен, когда darslik ещё не хранил копию исходного текста, поэтому изменения неизвестны. Сверьте перевод с `{ $source }` целиком.
dash-diff-spacing = В `{ $source }` не изменилось ни одного слова, только пробелы или переносы строк.
dash-diff-line = `{ $source }`, строка { $line }
dash-diff-line-moved = `{ $source }`, строка { $line } (при отметке — строка { $old })
dash-removed = удалено
dash-added = добавлено
dash-footer = Создано командой `darslik status --format html`. Странице не нужны ни сеть, ни скрипты: откройте её из файла, перешлите или распечатайте.
dash-overlay-title = darslik: в курсе есть ошибки. Исправьте их и сохраните файл; на странице — последняя удачная сборка.
dash-diff-more = … и ещё { $n ->
        [one] { $n } изменение
        [few] { $n } изменения
       *[many] { $n } изменений
    } в `{ $source }`: перечитайте страницу целиком.
