# Устаревшие и отсутствующие переводы, `darslik stamp`, изменения оригинала
# и таблица `darslik status`.

## check: состояние страниц

stale-page-missing = страница content/{ $locale }/{ $page } ещё не переведена; читатели видят вместо неё страницу на языке { $fallback }
stale-page-missing-source = страница content/{ $locale }/{ $page } ещё не переведена; читатели видят вместо неё исходную страницу
stale-page-missing-hint = переведите content/{ $source }/{ $page } в файл content/{ $locale }/{ $page }, затем выполните `darslik stamp --locale { $locale } { $page }`
stale-page-stale = исходная страница content/{ $source }/{ $page } изменилась после того, как был сделан этот перевод
stale-page-stale-hint = исправьте перевод там, где изменился оригинал (изменения показаны ниже), затем выполните `darslik stamp --locale { $locale } { $page }`
stale-page-stale-unknown-hint = перевод отмечен раньше, чем darslik начал хранить копии оригинала, поэтому изменения показать нельзя: сравните с историей оригинала (например, `git log -p content/{ $source }/{ $page }`), исправьте перевод и выполните `darslik stamp --locale { $locale } { $page }`; после этого изменения будут видны

## Изменения под устаревшей страницей

stale-diff-heading = что изменилось в { $source } с тех пор, как перевод был отмечен:
stale-diff-unknown = неизвестно, что изменилось в { $source }: копии оригинала, по которому отмечен перевод, в `.darslik/sources` нет
stale-diff-more = … и ещё { $count ->
        [one] { $count } изменение
        [few] { $count } изменения
       *[many] { $count } изменений
    }

## darslik stamp

stale-stamp-source = { $locale } — исходный язык курса; отмечаются только переводы
stale-stamp-source-hint = укажите язык перевода, например `--locale ru`
stale-stamp-locale = в курсе нет языка `{ $locale }`
stale-stamp-no-page = в курсе нет переведённой страницы content/{ $locale }/{ $page }
stale-stamp-no-page-hint = указывайте страницы так: `module-06/01-act.md` или `content/<locale>/module-06/01-act.md`
stale-stamp-no-source = файла content/{ $source }/{ $page } нет, поэтому content/{ $locale }/{ $page } не может быть его переводом
stale-stamp-io = не удалось отметить { $file }: { $detail }
stale-stamp-snapshot = не удалось сохранить копию оригинала { $file } в `.darslik/sources`, поэтому { $page } не отмечена: { $detail }

stale-stamp-store-linked = `.darslik` или `.darslik/sources` — символическая ссылка; darslik хранит копии оригинала только внутри папки курса, поэтому ничего не отмечено
stale-stamp-store-linked-hint = замените ссылку обычной папкой (перенесите её файлы в `.darslik/sources`) и выполните отметку ещё раз

## darslik status

stale-status-title = Состояние переводов курса { $course } { $version } (исходный язык: { $source })
stale-status-col-locale = язык
stale-status-col-module = модуль
stale-status-col-current = актуальны
stale-status-col-stale = устарели
stale-status-col-unstamped = без отметки
stale-status-col-missing = нет перевода
stale-status-home = (главная)
stale-status-generated-label = { $locale } (создаётся автоматически: { $from })
stale-status-generated = { $label }: страниц создано автоматически: { $generated }, написано вручную: { $hand }; сообщения созданы автоматически, написано вручную: { $own }
stale-status-summary = { $label }: актуальны { $current } из { $total } { $total ->
        [one] страницы
       *[other] страниц
    }, устарели { $stale }, без отметки { $unstamped }, нет перевода { $missing }; сообщения { $translated }/{ $messages }
stale-status-page-stale = устарела
stale-status-page-missing = нет перевода
