# Курс как набор файлов: `course.toml`, папка `content/`, заголовочный блок
# страниц, файлы рядом со страницами, сообщения Fluent, тема, результаты сборки.

## Файлы рядом со страницами

content-symlink-outside = `{ $link }` — символическая ссылка, которая ведёт за пределы папки курса, а darslik ничего не читает вне курса
content-symlink-outside-hint = скопируйте в папку курса сам файл, на который указывает ссылка, вместо ссылки на него
content-asset-reserved = `{ $file }` заменил бы `site/{ $locale }/{ $generated }` ({ content-reserved-what }) — файл, который создаёт darslik
content-asset-reserved-hint = переименуйте файл: имя `{ $generated }` занято darslik
content-asset-reserved-active-hint = HTML-файлы и скрипты рядом со страницами не копируются: сделайте из него страницу Markdown или выложите его как PDF
content-reserved-what = { $what ->
        [home] главная страница курса
        [search] страница поиска
        [search-index] поисковый индекс
        [results] страница учащегося «Мои результаты»
        [glossary] страница глоссария
        [module] папка страниц модуля `{ $module }`
       *[page] страница курса
    }{ $by_folder ->
        [yes] , причём папкой с таким именем
       *[no] {""}
    }
content-reserved-why = { $why ->
        [static] в `site/static/` лежат скрипты и стили темы
        [static-module] в `static/` лежат скрипты и стили темы
        [assets] пакеты SCORM хранят файлы курса в `assets/`
        [search] страницы поиска называются `search.html`
        [chooser] `index.html` — страница выбора языка
        [index-md] `index.md` — главная страница курса
        [home] `index.html` — главная страница курса
        [search-html] `search.html` — страница поиска
        [search-index] `search-index.js` — поисковый индекс
        [results] `results.html` — страница учащегося «Мои результаты»
        [glossary] glossary.html — страница глоссария
       *[manifest] `imsmanifest.xml` описывает пакет SCORM
    }
content-asset-html = `{ $file }`: { $kind ->
        [script] скрипты
       *[other] HTML-файлы
    } рядом со страницами не копируются (открытый из курса, такой файл выполнился бы как программа на сайте СДО)
content-asset-html-hint = сделайте из него страницу Markdown или выложите его как PDF
content-cannot-read = не удаётся прочитать `{ $file }`: { $detail }
content-svg-removed = `{ $file }`, строка { $line }, столбец { $column }: удалено: { content-svg-part } (это могло бы выполнить код или загрузить файлы извне курса)
content-svg-part = { $kind ->
        [doctype] объявление DOCTYPE (его сущности не читаются)
        [instruction] инструкция обработки `{ $code }`
        [style-elements] элемент `<style>`, внутри которого есть другие элементы
        [style-css] элемент `<style>`, CSS которого мог бы загружать файлы или выполнять код
        [link] ссылка `{ $code }` (её содержимое оставлено)
        [attribute] атрибут `{ $code }` элемента `{ $element }`
       *[element] элемент `{ $code }` вместе с содержимым
    }
content-svg-removed-hint = darslik сохраняет сам рисунок (фигуры, текст, градиенты, стили); чтобы предупреждение исчезло, сохраните SVG без скриптов, ссылок и встроенного содержимого
content-svg-removed-more = `{ $file }`: удалено ещё { $count ->
        [one] { $count } место
        [few] { $count } места
       *[many] { $count } мест
    } в изображении
content-svg-invalid = `{ $file }` — повреждённое изображение SVG (строка { $line }, столбец { $column }): { $detail }
content-svg-invalid-hint = откройте его в графическом редакторе (в Inkscape: «Сохранить как» → «Простой SVG») и сохраните заново

## course.toml

content-config-scorm-value = `[scorm] { $key } = "{ $value }"` — такого значения darslik не знает; допустимые значения: { $choices } или { $last }
content-config-mastery = `mastery_score` равен { $score }, а это больше 100
content-config-mastery-hint = `mastery_score` — проходной балл в процентах, от 0 до 100
content-config-package-hint = `package = "course"` даёт один zip-архив на язык со всеми модулями (по одному SCO на модуль); `"module"` — отдельный архив на каждый модуль
content-config-package-2004-hint = `package_2004 = "module"` даёт отдельный zip-архив SCORM 2004 на каждый модуль (так Moodle учитывает все модули); `"course"` — один архив со всеми модулями
content-config-complete-when-hint = `complete_when = "passed"`: модуль с проверками знаний пройден, когда просмотрены все страницы и сданы проверки; `"seen"`: когда просмотрены все страницы
content-config-2004-course = `package_2004 = "course"` собирает все модули ({ $modules }) в один пакет SCORM 2004 на язык, но проигрыватель SCORM 2004 в Moodle учитывает за одно посещение только первый открытый модуль
content-config-2004-course-hint = для Moodle загрузите пакет SCORM 1.2 (он учитывает все модули) или напишите `package_2004 = "module"`, чтобы получить отдельный пакет SCORM 2004 на каждый модуль
content-config-2004-module = пакеты SCORM 2004 собираются по одному на модуль ({ $modules } на язык), а не один на курс: проигрыватель SCORM 2004 в Moodle учитывает за одно посещение только первый модуль пакета
content-config-2004-module-hint = пакеты SCORM 1.2 по-прежнему собираются по одному на курс. Напишите `package_2004 = "module"` в разделе `[scorm]`, чтобы оставить пакеты 2004 по модулям без этого предупреждения, или `package_2004 = "course"`, чтобы получить один пакет 2004 (тогда Moodle учтёт за посещение только первый модуль)
content-config-syntax = `course.toml`: { $detail }
content-config-unknown-field = `course.toml`: неизвестный ключ `{ $field }`; допустимые ключи: { $expected }
content-config-unknown-field-hint = проверьте написание ключа; все ключи `course.toml` перечислены в SPEC, раздел 2
content-config-unknown-field-suggest-hint = возможно, имелось в виду `{ $suggestion }`? ({ content-config-unknown-field-hint })
content-config-missing-field-hint = добавьте недостающий ключ в его раздел
content-config-invalid-type-hint = проверьте тип значения: строки — в кавычках, списки — в `[ ]`, числа — без кавычек
content-config-syntax-hint = устройство `course.toml` описано в SPEC, раздел 2
content-config-id = в идентификаторе курса `{ $id }` допустимы только `a-z`, `0-9` и `-`
content-config-id-hint = идентификатор входит в имена файлов и идентификаторы SCORM, например `id = "tip-uz"`
content-config-locale-tag = `{ $tag }` — неправильный языковой тег BCP 47
content-config-locale-tag-hint = пишите теги так: `en`, `ru`, `uz`, `uz-Cyrl`, `kaa`
content-config-locale-reserved = тег языка `{ $tag }` совпадает с именем, которое занято в результатах сборки darslik ({ content-reserved-why })
content-config-locale-reserved-hint = папка языка заменила бы созданные файлы; используйте собственный тег языка, например `ru`, `uz-Cyrl`
content-config-generated-reserved-hint = папка языка заменила бы созданные файлы; используйте собственный тег языка, например `uz-Cyrl`
content-config-locale-duplicate = язык `{ $tag }` указан дважды
content-config-locale-duplicate-hint = укажите каждый язык один раз
content-config-no-locales = в курсе не указано ни одного языка
content-config-no-locales-hint = добавьте хотя бы исходный язык, например `locales = ["en"]`
content-config-source-locale = исходного языка `{ $tag }` нет в списке `locales`
content-config-source-locale-hint = добавьте его в список `locales` или укажите один из перечисленных там языков
content-config-fallback-self = язык `{ $tag }` указан запасным для самого себя
content-config-fallback-self-hint = в цепочке запасных языков перечисляются другие языки, например `fallback = ["ru", "en"]`
content-config-fallback-unknown = запасного языка `{ $fallback }` для `{ $tag }` нет в списке `locales`
content-config-fallback-unknown-hint = запасным может быть только один из языков курса
content-config-locale-unused = настройки для `{ $tag }`, которого нет в списке `locales`
content-config-locale-unused-hint = добавьте язык в `locales` раздела `[course]` или удалите этот раздел
content-config-generate-unknown = `generate = "{ $generate }"` — неизвестный способ создания языка
content-config-generate-unknown-hint = напишите `generate = "translit:uz"`, чтобы этот язык создавался из содержимого `uz` транслитерацией
content-config-generate-script = darslik не умеет транслитерировать в `{ $tag }`
content-config-generate-script-hint = создавать можно узбекские языки `uz-Cyrl`, `uz-Latn` и `uz-Latn-2026`
content-config-generate-from = `{ $tag }` создаётся из `{ $from }`, но это не язык курса, переведённый вручную
content-config-generate-from-hint = создавайте из языка, указанного в `locales` раздела `[course]`, например `translit:uz`
content-config-module-name = `{ $name }` не годится как имя папки модуля
content-config-module-name-hint = назовите папку прямо внутри `content/<язык>/`, например `"module-06"`
content-config-module-control = в имени модуля `{ $name }` есть управляющий символ { $char }, а распаковщик Moodle не принимает такие символы в именах файлов (пакеты SCORM называют файл по каждому модулю)
content-config-module-char = в имени модуля `{ $name }` есть символ `{ $char }`, а распаковщик Moodle не принимает его в именах файлов (пакеты SCORM называют файл по каждому модулю)
content-config-module-char-hint = используйте буквы, цифры, `-` или `_`, например `"module-06"`, и переименуйте папки модуля так же
content-config-module-reserved = имя модуля `{ $name }` совпадает с именем, которое занято в результатах сборки darslik ({ content-reserved-why })
content-config-module-reserved-hint = его папка заменила бы созданный файл; называйте модули так: `"module-06"`
content-config-module-duplicate = модуль `{ $name }` указан дважды
content-config-module-duplicate-hint = укажите каждый модуль один раз
content-config-no-modules = в курсе не указано ни одного модуля
content-config-no-modules-hint = перечислите папки модулей, например `modules = ["module-06"]`
content-theme-name = имя темы `{ $name }` — не простое имя папки
content-config-theme-name-hint = тема — это папка прямо внутри `themes/`, в имени которой только `A-Z`, `a-z`, `0-9`, `_` и `-`: `name = "academy"` для `themes/academy/`
content-config-keep-empty = пустое слово в `[translit] keep`
content-config-keep-space = в `{ $word }` из `[translit] keep` есть пробел: пишите по одному слову в строке
content-config-keep-char = в `{ $word }` из `[translit] keep` есть `{ $char }`, а в сохраняемом слове его быть не может
content-config-keep-word = `{ $word }` из `[translit] keep` — не слово (нужна буква, не больше { $max } символов)
content-config-keep-many = в `[translit] keep` { $count } слов, а можно не больше { $max }
content-config-keep-hint = `keep` перечисляет латинские слова, которые порождённые локали показывают как написано, например `keep = ["Moodle", "Linux", "SHA256SUMS"]`; буквы и цифры, внутри можно `- . _ + #` и апостроф
content-config-attempts = `[assessment] attempts = { $attempts }` — больше попыток, чем может пригодиться учебному центру
content-attempts-hint = дайте не больше 10 попыток или 0 — без ограничения

## Папка content/ и страницы

content-config-missing = в `{ $folder }` нет файла `course.toml`
content-config-missing-hint = запустите darslik в папке курса, укажите `--course DIR` или создайте курс командой `darslik new DIR`
content-locale-no-content = у языка `{ $locale }` нет папки `content/{ $locale }/`
content-locale-no-content-hint = создайте `content/{ $locale }/index.md` или удалите `{ $locale }` из `locales`
content-home-missing = нет файла `content/{ $locale }/index.md` — главной страницы курса на исходном языке
content-home-missing-hint = создайте её с заголовочным блоком (`+++ title = "..." +++`) и коротким приветствием
content-module-missing = у модуля `{ $module }` нет папки `content/{ $locale }/{ $module }/`
content-module-missing-hint = создайте `content/{ $locale }/{ $module }/index.md` или удалите `{ $module }` из `modules`
content-module-index-missing = у модуля `{ $module }` нет вводной страницы `content/{ $locale }/{ $module }/index.md`
content-module-index-missing-hint = добавьте `index.md` с заголовком и кратким обзором модуля
content-page-orphan = у `content/{ $locale }/{ $page }` нет исходной страницы `content/{ $source }/{ $page }`, поэтому она не входит в курс
content-page-orphan-hint = переименуйте файл так же, как исходная страница, или удалите его
content-file-binary = `{ $file }` — не текстовый файл (в нём есть нулевые байты)
content-file-binary-hint = страница должна быть текстом в UTF-8; возможно, двоичный файл сохранили с расширением `.md` или `.ftl`?
content-file-encoding = `{ $file }` записан не в UTF-8 (строка { $line }, столбец { $column })
content-file-encoding-hint = сохраните файл в кодировке UTF-8 (в Блокноте: «Сохранить как» → «Кодировка: UTF-8»)
content-frontmatter-missing = страница не начинается с заголовочного блока
content-frontmatter-missing-hint = начните страницу строкой `+++`, затем `title = "..."`, затем ещё одной строкой `+++`
content-frontmatter-unterminated = заголовочный блок не закрыт
content-frontmatter-unterminated-hint = добавьте строку `+++` после последней строки заголовочного блока
content-frontmatter-invalid = заголовочный блок: { $detail }
content-frontmatter-unknown-field = заголовочный блок: неизвестный ключ `{ $field }`; допустимые ключи: { $expected }
content-frontmatter-no-title-hint = у каждой страницы должен быть заголовок, например `title = "Вопросы доказывания"`
content-frontmatter-variant-hint = `assessment` — это `"graded"`, `"pre-test"` или `"post-test"`; `review` — `"after-submit"`, `"after-last-attempt"` или `"never"`
content-frontmatter-field-hint = в заголовочном блоке допустимы `title`, `description` и `translation_of` (и `weight`, который не учитывается); на странице проверки ещё `assessment`, `attempts`, `shuffle`, `draw` и `review`
content-frontmatter-field-suggest-hint = возможно, имелось в виду `{ $suggestion }`? ({ content-frontmatter-field-hint })
content-frontmatter-toml-hint = заголовочный блок записывается в TOML: `key = "value"`, строки — в двойных кавычках
content-frontmatter-empty-title = заголовочный блок: заголовок пуст
content-frontmatter-empty-title-hint = дайте странице заголовок, например `title = "Вопросы доказывания"`
content-translit-exceptions = `{ $file }`: { $detail }
content-translit-exceptions-hint = пишите по одному слову в строке, как `latin = "кирилл"`, в разделе `[words]`
content-symlink-skipped = `{ $file }` — символическая ссылка; darslik по ней не переходит
content-symlink-skipped-hint = скопируйте файл в папку курса вместо ссылки на него
content-page-not-in-course = `{ $file }` не входит в курс
content-page-not-in-course-hint = страницы лежат в `content/<язык>/<модуль>/`, на один уровень вглубь; папки модулей перечислены в `course.toml`
content-module-not-listed = `content/{ $locale }/{ $folder }/` не указана в `course.toml` как модуль, поэтому пропущена
content-module-not-listed-hint = добавьте `"{ $folder }"` в `modules` раздела `[course]`, чтобы включить её в курс

## Сообщения Fluent (locales/)

content-fluent-reference = `{ $id }` ссылается на { $what ->
        [term] термин
       *[message] сообщение
    } `{ $reference }`, которого нет ни в одном файле
content-fluent-reference-hint = определите `{ $reference }` в `locales/{ $locale }/` или исправьте написание
content-fluent-reference-suggest-hint = возможно, имелось в виду `{ $suggestion }`? Если нет, определите `{ $reference }` в `locales/{ $locale }/`
content-fluent-missing = сообщение `{ $id }` не переведено на язык `{ $locale }` (оно есть в `{ $file }`)
content-fluent-missing-hint = добавьте `{ $id } = ...` в один из файлов `locales/{ $locale }/`; пока его нет, читатели видят текст на запасном языке
content-fluent-missing-suggest-hint = в `locales/{ $locale }/` есть `{ $near }`, которого нет в исходных сообщениях: если это опечатка, переименуйте его в `{ $id }`
content-fluent-variable-invented = `{ $id }` использует переменную `${ $var }`, которой нет в исходном сообщении
content-fluent-variable-invented-hint = в исходном сообщении { $count ->
        [0] нет переменных
       *[other] есть: { $vars }
    }
content-fluent-variable-dropped = `{ $id }` не использует переменную `${ $var }`, которую показывает исходное сообщение
content-fluent-variable-dropped-hint = читатели могут не увидеть значение `${ $var }`; напишите `{"{"} ${ $var } {"}"}` в нужном месте
content-fluent-extra = сообщения `{ $id }` нет на исходном языке `{ $locale }`
content-fluent-extra-hint = переименуйте его так же, как сообщение в `locales/{ $locale }/`, или удалите
content-fluent-extra-suggest-hint = возможно, имелось в виду `{ $suggestion }`? Переименуйте его так же, как сообщение в `locales/{ $locale }/`, или удалите
content-fluent-theme-variable = сообщение темы `{ $id }` использует переменную `${ $var }`, которую шаблоны ему не передают
content-fluent-theme-variable-hint = шаблоны передают `{ $id }`: { $count ->
        [0] никаких переменных
       *[other] { $vars }
    }
content-fluent-syntax = ошибка синтаксиса Fluent: { $kind ->
        [expected-token] здесь ожидается `{ $token }`
        [expected-range] здесь ожидается один из символов `{ $token }`
        [expected-value] у `{ $token }` нет текста
        [expected-term-value] у `{ $token }` нет текста
        [missing-default] у выбора нет варианта по умолчанию (`*[…]`)
        [two-defaults] у выбора может быть только один вариант по умолчанию (`*[…]`)
        [missing-value] здесь ожидается значение
        [unterminated-string] строка в кавычках не закрыта
        [unbalanced-brace] лишняя закрывающая скобка `{"}"}`
        [expected-expression] внутри `{"{"} {"}"}` ожидается переменная, сообщение или текст в кавычках
       *[other] { $detail }
    }
content-fluent-syntax-hint = сообщение пишется как `id = текст`; строки продолжения — с отступом; переменные — как `{"{"} $name {"}"}`
content-fluent-duplicate = сообщение `{ $id }` определено дважды (впервые в `{ $file }`)
content-fluent-duplicate-hint = оставьте одно определение, иначе молча сработает последнее
content-fluent-too-deep = в сообщениях Fluent вставки и выборы можно вкладывать друг в друга не глубже { $depth } уровней; здесь глубже
content-fluent-too-deep-hint = настоящим сообщениям хватает двух-трёх уровней: закройте открытую `{"{"}` (каждой `{"{"}` нужна `{"}"}`) или разбейте сообщение на несколько маленьких, ссылающихся друг на друга
content-uz-apostrophe = `{ $found }` стоит там, где нужен { $what ->
        [okina] знак `ʻ` в `oʻ` и `gʻ`
       *[tutuq] знак тутук белгиси
    } ({ $name })
content-uz-apostrophe-hint = выполните `darslik check --fix`, чтобы исправить все такие места сразу

## Тема и результаты сборки

content-theme-templates = шаблоны темы: { $detail }
content-theme-templates-hint = файлы папки `templates/` темы заменяют одноимённые файлы встроенной темы; проверьте имена
content-theme-template = шаблон темы `{ $name }`: { $detail }
content-theme-template-line = шаблон темы `{ $name }`, строка { $line }: { $detail }
content-theme-template-included = шаблон темы `{ $name }`: { $detail } (подключён из `{ $outer }`, строка { $outer_line })
content-theme-template-line-included = шаблон темы `{ $name }`, строка { $line }: { $detail } (подключён из `{ $outer }`, строка { $outer_line })
content-theme-template-hint = исправьте шаблон; какие переменные доступны, видно по шаблонам встроенной темы
content-theme-encoding = `{ $file }` — не текст в UTF-8
content-theme-name-hint = тема — это папка прямо внутри `themes/`, в имени которой только `A-Z`, `a-z`, `0-9`, `_` и `-`
content-theme-missing = у темы `{ $name }` нет папки `themes/{ $name }/`
content-theme-missing-hint = создайте эту папку или укажите `name = "default"` для встроенной темы
content-no-locale = в курсе нет языка `{ $locale }`
content-removed-while-building-hint = файл удалили во время сборки? Соберите курс ещё раз
content-cannot-write = не удаётся записать `{ $file }`: { $detail }
content-cannot-write-into = не удаётся записать в `{ $folder }`: { $detail }
content-cannot-write-hint = не заполнен ли диск, не защищена ли папка результата от записи?
content-single-not-utf8 = документ модуля `{ $module }` — не текст в UTF-8: { $detail }

## Страницы: заголовки, проверки знаний, сценарии, HTML

content-course-title-missing = нет сообщения `course-title` для `{ $locale }` и его запасных языков
content-course-title-missing-hint = добавьте `course-title = ...` в файл, например `locales/{ $locale }/course.ftl`
content-scenario-unscored = ни один путь в этом сценарии не приносит баллов, поэтому у него нет оценки и он не учитывается в оценке модуля
content-scenario-unscored-hint = дайте баллы лучшим вариантам, например `* Call an interpreter -> interview (+2)`
content-assessment-practice-only = задан `{ $key }`, но эта страница не проверка знаний: её тесты остаются тренировочными
content-assessment-practice-only-hint = добавьте в заголовочный блок `assessment = "graded"`, `"pre-test"` или `"post-test"` или удалите этот параметр
content-assessment-no-questions = эта страница — { $kind ->
        [pre-test] входной тест
        [post-test] итоговый тест
       *[graded] оцениваемая проверка
    }, но в ней нет вопросов
content-assessment-no-questions-hint = добавьте блок ```quiz … ``` с вопросами или удалите `assessment` из заголовочного блока
content-assessment-attempts = `attempts = { $attempts }` — больше попыток, чем может пригодиться учебному центру
content-assessment-draw = `draw = { $draw }`, но на странице { $pool ->
        [one] { $pool } вопрос
        [few] { $pool } вопроса
       *[many] { $pool } вопросов
    }: каждая попытка получает их все
content-assessment-draw-hint = выбирайте меньше вопросов, чем есть на странице, или добавьте вопросы
content-heading-id-reserved = идентификатор заголовка `{ $id }` используют скрипты darslik или связь с СДО; заголовок получит обычный идентификатор
content-heading-id-reserved-hint = выберите другой `{"{"}#id{"}"}`
content-heading-id-duplicate = идентификатор заголовка `{ $id }` встречается на странице дважды
content-heading-id-duplicate-hint = дайте каждому `{"{"}#id{"}"}` своё имя
content-heading-attribute = атрибут заголовка `{ $name }` удаляется из результата
content-heading-attribute-hint = у заголовка могут быть только `{"{"}#id{"}"}`, `.classes`, `lang` и `dir`; страницы не могут выполнять код
content-html-removed = { content-html-part } в HTML-вставке удаляется из результата
content-html-part = { $kind ->
        [element] элемент `{ $code }`
        [url] адрес `{ $code }`
        [style-url] стиль с `url()`
        [remote-image] изображение из интернета
       *[other] { $detail }
    }
content-html-removed-hint = страницы не могут выполнять код или загружать содержимое извне; для ссылок и изображений используйте Markdown
content-nesting-too-deep = на странице с HTML-вставками элементы (блоки Markdown и HTML) можно вкладывать не глубже { $depth } уровней; здесь глубже
content-nesting-too-deep-hint = закройте открытые HTML-элементы (каждому `<div>` нужен `</div>`) или уменьшите вложенность цитат и списков вокруг HTML

## issue 25: phone

## issue 25: progress

## issue 25: media
code-media-remote = видео- или аудиофайл загружается из интернета, а не из курса
code-media-caption-missing = у видео- или аудиоклипа нет файла субтитров для одного из языков
code-media-caption-invalid = файл субтитров не в формате WebVTT
code-media-too-large = видео- или аудиофайл больше, чем допускает курс
code-media-raw-html = видео- или аудиоэлемент, написанный на HTML, удаляется
content-media-remote = { $kind ->
        [audio] аудио
       *[video] видео
    } `{ $target }` лежит в интернете; курс должен работать без сети и ничего не загружать извне
content-media-remote-hint = скачайте файл в папку модуля рядом со страницей и напишите `![подпись](имя файла)`, например `![Ролевая игра](role-play.mp4)`
content-media-caption-missing = у клипа `{ $clip }` нет субтитров `{ $locale }`{ $shown ->
        [none] , поэтому он идёт без субтитров
       *[other] ; вместо них страница покажет субтитры `{ $shown }`
    }
content-media-caption-missing-hint = добавьте `{ $file }` (WebVTT: `WEBVTT`, пустая строка, затем строка времени и текст каждой реплики)
content-media-caption-invalid = `{ $file }` — не файл WebVTT (первая строка должна быть `WEBVTT`), поэтому он не используется
content-media-caption-invalid-hint = сохраните субтитры в формате WebVTT (.vtt); редакторы субтитров переводят в него файлы .srt
content-media-too-large = `{ $file }` весит { $size } МБ — больше { $limit } МБ, которые курс допускает для клипа
content-media-too-large-hint = уменьшите клип (короче, меньше кадр, ниже битрейт, например `ffmpeg -i in.mp4 -vf scale=640:-2 -crf 30 out.mp4`) или поднимите `[media] warn_size_mb` в course.toml
content-media-raw-html = { $tag }, написанный на HTML, удаляется из результата
content-media-raw-html-hint = напишите клип на Markdown: `![подпись](clip.mp4)`, файл — рядом со страницей; darslik сам добавит кнопки, постер и субтитры

## issue 25: branding
content-config-organisation-empty = `organisation` в [theme] пустое
content-config-organisation-control = в `organisation` из [theme] есть управляющий символ `{ $char }`, он изменил бы то, что показывают страницы и терминал
content-config-organisation-long = в `organisation` из [theme] { $count } символов, а можно не больше { $max }
content-config-organisation-hint = напишите название академии простым текстом, например `organisation = "Ташкентская учебная академия"`; локаль, в сообщениях которой есть `course-organisation`, показывает его
content-config-logo-path = logo `{ $path }` — не путь внутри папки курса: { $why ->
        [absolute] путь абсолютный
        [parent] он поднимается выше через `..`
        [backslash] в нём есть `\`, папки разделяют знаком `/`
        [control] в нём есть управляющий символ
        [empty-part] в нём пустое имя папки
       *[empty] он пустой
    }
content-config-logo-kind = logo `{ $path }` — не файл SVG или PNG
content-config-logo-missing = logo `{ $path }`: в папке курса нет такого файла
content-config-logo-outside = logo `{ $path }` проходит через символическую ссылку, ведущую за пределы папки курса, а оттуда darslik ничего не читает
content-config-logo-large = в logo `{ $path }` { $size } байт, а в логотипе может быть не больше { $max }
content-config-logo-not-png = logo `{ $path }` начинается не так, как изображение PNG
content-config-logo-hint = `logo` указывает файл SVG или PNG внутри папки курса, путь от course.toml через `/`: `logo = "branding/logo.svg"`
content-config-accent = accent `{ $value }` — не цвет, который darslik может использовать
content-config-accent-hint = запишите цвет как #rgb или #rrggbb, например `accent = "#0b5cab"`
content-accent-contrast = у accent { $accent } контраст с белым { $ratio }:1; ссылкам этого цвета и белым надписям на его кнопках нужно не меньше 4.5:1, чтобы их можно было прочесть (WCAG AA)
content-accent-contrast-hint = возьмите оттенок темнее, например `accent = "{ $darker }"` ({ $ratio }:1)

## issue 25: search
