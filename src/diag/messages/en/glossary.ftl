# glossary.toml and the glossary check (term-missing, term-avoided).

## Reading glossary.toml

glossary-syntax = glossary.toml cannot be read: { $detail }
glossary-syntax-hint = glossary.toml is a list of [[term]] tables, e.g. [[term]] en = "victim" ru = "жертва" uz = "jabrlanuvchi"
glossary-unknown-key = `{ $key }` is not a key of a glossary term
glossary-key-near = did you mean `{ $near }`?
glossary-unknown-locale = `{ $key }` names `{ $locale }`, which is not a language of this course
glossary-locales-hint = a term's keys are the course's languages ({ $locales }), `avoid` and `note`
glossary-not-text = `{ $key }` must be a text with at least one word, or a list of such texts
glossary-rendering-hint = write the approved rendering as a text, or a list whose first text is the approved one and the others are accepted too
glossary-note-hint = write the note as a text, or one text per language: note.ru = "…"
glossary-avoid-table = `avoid` must be a table of languages: avoid.ru = ["…"]
glossary-avoid-hint = list the variants to avoid per language, e.g. avoid.ru = ["контрабанда людей"]
glossary-no-source = this term has no `{ $locale }` rendering, the course's source language
glossary-no-source-hint = every term needs its `{ $locale }` text: that is how the check finds it in the source pages
glossary-duplicate = the term “{ $term }” is already in the glossary, at line { $line }
glossary-duplicate-hint = keep one [[term]] per term and put the other renderings into its lists
glossary-avoid-approved = the variant to avoid “{ $variant }” is part of the approved { $locale } rendering “{ $rendering }”, so every correct use would be reported
glossary-avoid-approved-hint = make the variant to avoid longer or more precise, or take it out of the list

## The check

glossary-term-missing = { $source } uses the term “{ $term }”, but this translation never uses its approved rendering “{ $rendering }”
glossary-term-missing-hint = use “{ $rendering }” in any grammatical form{ $also ->
        [none] {""}
       *[other] ; also accepted: { $also }
    }{ $note ->
        [none] {""}
       *[other] . Glossary note: { $note }
    }
glossary-term-avoided = “{ $found }” is a rendering the glossary says to avoid; the approved one is “{ $rendering }”
glossary-term-avoided-hint = write “{ $rendering }” in the form the sentence needs{ $also ->
        [none] {""}
       *[other] ; also accepted: { $also }
    }{ $note ->
        [none] {""}
       *[other] . Glossary note: { $note }
    }
