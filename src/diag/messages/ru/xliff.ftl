# `darslik xliff export` и `import`: файлы XLIFF 2.1 для CAT-программ
# бюро переводов.

## --help

cli-help-xliff = Для бюро переводов: тексты одного языка в XLIFF 2.1 и обратно
cli-help-xliff-export = Записать переводимые тексты одного языка в файл XLIFF 2.1 для CAT-программы
cli-help-xliff-export-locale = Язык, на который переводят (не исходный и не создаваемый при сборке)
cli-help-xliff-export-course = Папка курса (та, где лежит course.toml)
cli-help-xliff-export-out = Куда записать файл (по умолчанию <course-id>.<locale>.xlf в текущей папке; - — в стандартный вывод)
cli-help-xliff-import = Перенести переводы из файла XLIFF 2.1 обратно в курс (всё или ничего)
cli-help-xliff-import-file = Файл XLIFF в том виде, в каком его сохранила CAT-программа
cli-help-xliff-import-course = Папка курса (та, где лежит course.toml)

## Что сообщают экспорт и импорт

xliff-exported = записан { $file }: { $units ->
        [one] { $units } единица перевода
        [few] { $units } единицы перевода
       *[many] { $units } единиц перевода
    } в { $files ->
        [one] { $files } файле
       *[many] { $files } файлах
    }
xliff-at = { $file }:{ $line }:{ $column }: { $message }
xliff-wrote = записан { $file }
xliff-made = создан { $file } (сегменты без перевода оставлены на исходном языке)
xliff-imported = импортировано единиц перевода: { $imported } (без изменений: { $unchanged }); записано файлов: { $files }
xliff-next = проверьте курс командой `darslik check --course { $course }`; когда страница переведена полностью, отметьте это командой `darslik stamp --course { $course } --locale { $locale } СТРАНИЦА`
xliff-nothing-written = ничего не записано: { $count ->
        [one] { $count } ошибка
        [few] { $count } ошибки
       *[many] { $count } ошибок
    } выше
xliff-cannot-read = не удаётся прочитать { $file }: { $reason }
xliff-cannot-write = не удаётся записать { $file }: { $reason }
xliff-page-unreadable = не удаётся разобрать сегменты { $file }: { $reason }

## Какой язык

xliff-locale-source = { $locale } — исходный язык курса: экспортируйте язык, на который курс переводят, например --locale ru
xliff-locale-unknown = в курсе нет языка «{ $locale }» (есть { $locales })
xliff-locale-generated = { $locale } создаётся при сборке из { $from }: переводите { $from }
xliff-note-stale = Исходный текст изменился после того, как был сделан этот перевод: сверьте перевод с новым исходным текстом.
xliff-note-select = Синтаксис Fluent: сохраните фигурные скобки, селектор и ключи вариантов [...]; переведите слова каждого варианта. Добавьте варианты, нужные вашему языку (например, [few], [many]).

## Чтение файла

xliff-xml-error = это не правильно построенный XML: { $detail }
xliff-too-large = файл больше { $mb } МБ
xliff-too-deep = элементы вложены глубже { $depth } уровней
xliff-doctype = в файле есть DOCTYPE; в файлах XLIFF его не бывает, а darslik не раскрывает сущности
xliff-not-xliff = это не файл XLIFF 2 (корневой элемент — не <xliff> из пространства имён urn:oasis:names:tc:xliff:document:2.0)
xliff-version = XLIFF версии { $version } не читается; экспортируйте курс заново и переводите этот файл (версия 2.1)
xliff-unknown-inline = <{ $element }> — не строчный элемент ядра XLIFF 2
xliff-one-segment = в единице «{ $unit }» больше одного сегмента; darslik пишет по одному на единицу, поэтому объедините их в CAT-программе (не разбивайте сегменты)
xliff-bad-state = «{ $state }» — не состояние сегмента (initial, translated, reviewed, final)
xliff-isolated = изолированный <sc> или <ec> (код, пара которого в другой единице) импортировать нельзя
xliff-unpaired-ec = <ec startRef="{ $id }"> не закрывает последний открытый перед ним <sc>
xliff-unclosed-code = код «{ $id }» открыт и не закрыт
xliff-bad-reference = { $reference } — не символ, допустимый в XML, и не одна из ссылок &amp;, &lt;, &gt;, &quot;, &apos;
xliff-bad-cp = <cp hex="{ $hex }"> — не символ Юникода

## Импорт

xliff-other-course = этот файл для курса «{ $found }», а не «{ $course }»
xliff-other-source = этот файл переводит с языка «{ $found }», а исходный язык курса — «{ $source }»
xliff-trglang-mismatch = trgLang «{ $trg }» не совпадает с языком, для которого файл экспортирован («{ $locale }»)
xliff-not-course-file = «{ $file }» — не страница и не файл сообщений курса на языке { $locale } (content/{ $locale }/… для исходной страницы, locales/{ $locale }/… для исходного файла сообщений)
xliff-file-twice = «{ $file }» встречается в файле дважды
xliff-unit-twice = единица «{ $unit }» встречается в своём файле дважды
xliff-unit-unknown = единицы «{ $unit }» больше нет среди сегментов { $file } (исходный текст изменился после экспорта?); её перевод пропущен
xliff-unit-no-place = единица «{ $unit }»: в { $file } нет сегмента на этом месте (строение перевода отличается от исходного); перевод пропущен — внесите его в файл вручную
xliff-empty-message = единица «{ $unit }»: сообщение не может быть пустым
xliff-codes-changed = единица «{ $unit }»: в переводе должны остаться все коды исходного текста, каждый по одному разу (не хватает: { $missing }; нет в исходном: { $extra }); верните коды в CAT-программе
xliff-code-kind = единица «{ $unit }»: код «{ $id }» не того вида, что в исходном тексте
xliff-structure-changed = единица «{ $unit }»: перевод изменил бы строение { $file } (новый абзац, пункт списка или заголовок?); каждый перевод должен оставаться одним сегментом
xliff-breaks-file = { $file } нельзя будет прочитать после импорта: { $reason }
xliff-breaks-fluent = единица «{ $unit }»: { $file } перестанет быть правильным файлом Fluent (проверьте фигурные скобки и синтаксис выбора)
