# glossary.toml va atamalar tekshiruvi (term-missing, term-avoided).

## glossary.toml faylini oʻqish

glossary-syntax = glossary.toml faylini oʻqib boʻlmadi: { $detail }
glossary-syntax-hint = glossary.toml — [[term]] jadvallari roʻyxati, masalan: [[term]] en = "victim" ru = "жертва" uz = "jabrlanuvchi"
glossary-unknown-key = lugʻat atamasida `{ $key }` kaliti boʻlmaydi
glossary-key-near = `{ $near }` demoqchimisiz?
glossary-unknown-locale = `{ $key }` ichida `{ $locale }` tili koʻrsatilgan, bu kursda esa bunday til yoʻq
glossary-locales-hint = atama kalitlari — kurs tillari ({ $locales }), `avoid` va `note`
glossary-not-text = `{ $key }` qiymati kamida bitta soʻzdan iborat matn yoki shunday matnlar roʻyxati boʻlishi kerak
glossary-rendering-hint = tasdiqlangan tarjimani matn sifatida yozing yoki roʻyxat qiling: birinchisi tasdiqlangan, qolganlari ham qabul qilinadi
glossary-note-hint = izohni matn sifatida yoki har bir til uchun alohida matn sifatida yozing: note.ru = "…"
glossary-avoid-table = `avoid` tillar jadvali boʻlishi kerak: avoid.ru = ["…"]
glossary-avoid-hint = qochish kerak boʻlgan variantlarni har bir til uchun sanab chiqing, masalan: avoid.ru = ["контрабанда людей"]
glossary-no-source = bu atamaning kursning manba tili `{ $locale }` dagi matni yoʻq
glossary-no-source-hint = har bir atamaga `{ $locale }` dagi matn kerak: tekshiruv atamani manba sahifalarda shu matn orqali topadi
glossary-duplicate = «{ $term }» atamasi lugʻatda allaqachon bor, { $line }-qatorda
glossary-duplicate-hint = har bir atama uchun bitta [[term]] jadvali qoldiring, boshqa tarjima variantlarini uning roʻyxatlariga yozing
glossary-avoid-approved = qochish kerak boʻlgan «{ $variant }» varianti { $locale } tilidagi tasdiqlangan «{ $rendering }» tarjimasining bir qismi, shuning uchun har bir toʻgʻri qoʻllanish ogohlantirishga tushadi
glossary-avoid-approved-hint = qochish kerak boʻlgan variantni uzunroq yoki aniqroq qiling yoki uni roʻyxatdan olib tashlang

## Tekshiruv

glossary-term-missing = { $source } sahifasida «{ $term }» atamasi bor, lekin bu tarjimada uning tasdiqlangan tarjimasi «{ $rendering }» bir marta ham uchramaydi
glossary-term-missing-hint = «{ $rendering }» atamasini istalgan grammatik shaklda ishlating{ $also ->
        [none] {""}
       *[other] ; yana qabul qilinadi: { $also }
    }{ $note ->
        [none] {""}
       *[other] . Lugʻat izohi: { $note }
    }
glossary-term-avoided = «{ $found }» — lugʻat qochishni soʻragan variant; tasdiqlangan tarjima — «{ $rendering }»
glossary-term-avoided-hint = «{ $rendering }» atamasini gap talab qiladigan shaklda yozing{ $also ->
        [none] {""}
       *[other] ; yana qabul qilinadi: { $also }
    }{ $note ->
        [none] {""}
       *[other] . Lugʻat izohi: { $note }
    }
