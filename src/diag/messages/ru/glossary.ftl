# glossary.toml и проверка терминов (term-missing, term-avoided).

## Чтение glossary.toml

glossary-syntax = не удаётся прочитать glossary.toml: { $detail }
glossary-syntax-hint = glossary.toml — это список таблиц [[term]], например: [[term]] en = "victim" ru = "жертва" uz = "jabrlanuvchi"
glossary-unknown-key = у термина глоссария нет ключа `{ $key }`
glossary-key-near = может быть, имелось в виду `{ $near }`?
glossary-unknown-locale = в `{ $key }` указан язык `{ $locale }`, которого в этом курсе нет
glossary-locales-hint = ключи термина — языки курса ({ $locales }), `avoid` и `note`
glossary-not-text = значение `{ $key }` должно быть текстом хотя бы из одного слова или списком таких текстов
glossary-rendering-hint = запишите утверждённый перевод текстом или списком, где первым идёт утверждённый, а остальные тоже допускаются
glossary-note-hint = запишите примечание текстом или отдельным текстом для каждого языка: note.ru = "…"
glossary-avoid-table = `avoid` должен быть таблицей языков: avoid.ru = ["…"]
glossary-avoid-hint = перечислите нежелательные варианты для каждого языка, например: avoid.ru = ["контрабанда людей"]
glossary-no-source = у этого термина нет текста на `{ $locale }` — исходном языке курса
glossary-no-source-hint = каждому термину нужен текст на `{ $locale }`: по нему проверка находит термин в исходных страницах
glossary-duplicate = термин «{ $term }» уже есть в глоссарии, в строке { $line }
glossary-duplicate-hint = оставьте по одной таблице [[term]] на термин, а другие варианты перевода внесите в её списки
glossary-avoid-approved = нежелательный вариант «{ $variant }» входит в утверждённый перевод на { $locale } «{ $rendering }», и каждое верное употребление попадало бы в предупреждения
glossary-avoid-approved-hint = сделайте нежелательный вариант длиннее или точнее либо уберите его из списка

## Проверка

glossary-term-missing = в { $source } есть термин «{ $term }», но в этом переводе ни разу не встречается его утверждённый перевод «{ $rendering }»
glossary-term-missing-hint = используйте «{ $rendering }» в любой грамматической форме{ $also ->
        [none] {""}
       *[other] ; допускается также: { $also }
    }{ $note ->
        [none] {""}
       *[other] . Примечание глоссария: { $note }
    }
glossary-term-avoided = «{ $found }» — вариант, которого глоссарий велит избегать; утверждённый перевод — «{ $rendering }»
glossary-term-avoided-hint = напишите «{ $rendering }» в той форме, которой требует предложение{ $also ->
        [none] {""}
       *[other] ; допускается также: { $also }
    }{ $note ->
        [none] {""}
       *[other] . Примечание глоссария: { $note }
    }
