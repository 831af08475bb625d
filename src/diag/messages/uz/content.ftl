# Kurs fayllari: `course.toml`, `content/` papkasi, sahifalarning sarlavha
# bloki, sahifalar yonidagi fayllar, `Fluent` xabarlari, mavzu, yigʻish natijalari.

## Sahifalar yonidagi fayllar

content-symlink-outside = `{ $link }` kurs papkasidan tashqariga olib chiqadigan ramziy havola; darslik kursdan tashqaridagi hech narsani oʻqimaydi
content-symlink-outside-hint = havola qilish oʻrniga u koʻrsatayotgan faylning oʻzini kurs papkasiga nusxalang
content-asset-reserved = `{ $file }` fayli `site/{ $locale }/{ $generated }` ({ content-reserved-what }) oʻrnini egallab qoʻyadi, bu faylni darslik yaratadi
content-asset-reserved-hint = fayl nomini oʻzgartiring: `{ $generated }` nomi darslikka tegishli
content-asset-reserved-active-hint = sahifalar yonidagi `HTML` va skript fayllari nusxalanmaydi: undan `Markdown` sahifa yasang yoki `PDF` qilib bering
content-reserved-what = { $what ->
        [home] kursning bosh sahifasi
        [search] qidiruv sahifasi
        [search-index] qidiruv indeksi
        [results] oʻquvchining «Mening natijalarim» sahifasi
        [glossary] atamalar lugʻati sahifasi
        [module] `{ $module }` moduli sahifalari papkasi
       *[page] kurs sahifasi
    }{ $by_folder ->
        [yes] , shu nomdagi papka orqali
       *[no] {""}
    }
content-reserved-why = { $why ->
        [static] `site/static/` papkasida mavzuning skriptlari va uslublari turadi
        [static-module] `static/` papkasida mavzuning skriptlari va uslublari turadi
        [assets] `SCORM` paketlari kurs fayllarini `assets/` papkasida saqlaydi
        [search] qidiruv sahifalari `search.html` deb ataladi
        [chooser] `index.html` til tanlash sahifasi
        [index-md] `index.md` kursning bosh sahifasi
        [home] `index.html` kursning bosh sahifasi
        [search-html] `search.html` qidiruv sahifasi
        [search-index] `search-index.js` qidiruv indeksi
        [results] `results.html` oʻquvchining «Mening natijalarim» sahifasi
        [glossary] glossary.html — atamalar lugʻati sahifasi
       *[manifest] `imsmanifest.xml` `SCORM` paketini tavsiflaydi
    }
content-asset-html = `{ $file }`: sahifalar yonidagi { $kind ->
        [script] skript
       *[other] `HTML`
    } fayllari nusxalanmaydi (kursdan ochilsa, u oʻquv platformasi saytida dastur sifatida ishga tushib ketardi)
content-asset-html-hint = undan `Markdown` sahifa yasang yoki `PDF` qilib bering
content-cannot-read = `{ $file }` oʻqib boʻlmadi: { $detail }
content-svg-removed = `{ $file }`, { $line }-qator, { $column }-ustun: olib tashlandi: { content-svg-part } (u kod ishga tushirishi yoki kursdan tashqaridan fayl yuklashi mumkin edi)
content-svg-part = { $kind ->
        [doctype] `DOCTYPE` eʼloni (uning obyektlari oʻqilmaydi)
        [instruction] `{ $code }` ishlov berish koʻrsatmasi
        [style-elements] ichida boshqa elementlar bor `<style>` elementi
        [style-css] `CSS` i fayl yuklashi yoki kod ishga tushirishi mumkin boʻlgan `<style>` elementi
        [link] `{ $code }` havolasi (ichidagisi qoldirildi)
        [attribute] `{ $element }` elementining `{ $code }` atributi
       *[element] `{ $code }` elementi ichidagisi bilan birga
    }
content-svg-removed-hint = darslik rasmning oʻzini (shakllar, matn, rang oʻtishlari, uslublar) saqlab qoladi; bu ogohlantirish chiqmasligi uchun `SVG` faylni skriptlar, havolalar va ichiga joylangan kontentsiz saqlang
content-svg-removed-more = `{ $file }`: rasmdan yana { $count } ta qism olib tashlandi
content-svg-invalid = `{ $file }` toʻgʻri tuzilgan `SVG` rasm emas ({ $line }-qator, { $column }-ustun): { $detail }
content-svg-invalid-hint = uni grafik dasturda oching (`Inkscape`: «Saqlash…» → «Oddiy `SVG`») va qaytadan saqlang

## course.toml

content-config-scorm-value = `[scorm] { $key } = "{ $value }"` darslikka notanish qiymat; mumkin boʻlgan qiymatlar: { $choices } yoki { $last }
content-config-mastery = `mastery_score` { $score } ga teng, bu 100 dan katta
content-config-mastery-hint = `mastery_score` oʻtish bali, 0 dan 100 gacha foizda
content-config-package-hint = `package = "course"` har bir til uchun barcha modullar jamlangan bitta `zip` arxiv beradi (har modulga bittadan `SCO`); `"module"` har bir modul uchun alohida arxiv
content-config-package-2004-hint = `package_2004 = "module"` har bir modul uchun alohida `SCORM 2004` arxivi beradi (`Moodle` shuni hisobga oladi); `"course"` barcha modullar bitta arxivda
content-config-complete-when-hint = `complete_when = "passed"`: bilim tekshiruvlari bor modul barcha sahifalari koʻrilib, tekshiruvlar topshirilganda tugallangan hisoblanadi; `"seen"`: barcha sahifalar koʻrilganda
content-config-2004-course = `package_2004 = "course"` { $modules } ta modulni har bir til uchun bitta `SCORM 2004` paketiga joylaydi, lekin `Moodle` ning `SCORM 2004` pleyeri bir tashrifda oʻquvchi ochgan birinchi modulnigina hisobga oladi
content-config-2004-course-hint = `Moodle` uchun `SCORM 1.2` paketini yuklang (u barcha modullarni hisobga oladi) yoki har bir modulga alohida `SCORM 2004` paketi uchun `package_2004 = "module"` deb yozing
content-config-2004-module = `SCORM 2004` paketlari kurs uchun bitta emas, har bir modulga bittadan yigʻiladi (har bir til uchun { $modules } ta): `Moodle` ning `SCORM 2004` pleyeri bir tashrifda paketning birinchi modulinigina hisobga oladi
content-config-2004-module-hint = `SCORM 1.2` paketlari avvalgidek kursga bitta boʻlib qoladi. Bu ogohlantirishsiz 2004 paketlarini har bir modulga alohida qoldirish uchun `[scorm]` boʻlimiga `package_2004 = "module"` deb yozing yoki bitta 2004 paketi uchun `package_2004 = "course"` deb yozing (u holda `Moodle` har tashrifda faqat birinchi modulni hisobga oladi)
content-config-syntax = `course.toml`: { $detail }
content-config-unknown-field = `course.toml`: `{ $field }` kaliti notanish; mumkin boʻlgan kalitlar: { $expected }
content-config-unknown-field-hint = kalit yozilishini tekshiring; `course.toml` qabul qiladigan kalitlar SPEC hujjatining 2-boʻlimida sanab oʻtilgan
content-config-unknown-field-suggest-hint = balki `{ $suggestion }` nazarda tutilgandir? ({ content-config-unknown-field-hint })
content-config-missing-field-hint = yetishmayotgan kalitni oʻz boʻlimiga qoʻshing
content-config-invalid-type-hint = qiymat turini tekshiring: satrlar qoʻshtirnoq ichida, roʻyxatlar `[ ]` ichida, sonlar qoʻshtirnoqsiz
content-config-syntax-hint = `course.toml` tuzilishi SPEC hujjatining 2-boʻlimida yozilgan
content-config-id = kurs identifikatori `{ $id }` da faqat `a-z`, `0-9` va `-` boʻlishi mumkin
content-config-id-hint = identifikator fayl nomlari va `SCORM` identifikatorlarida ishlatiladi, masalan `id = "tip-uz"`
content-config-locale-tag = `{ $tag }` toʻgʻri `BCP 47` til tegi emas
content-config-locale-tag-hint = teglarni shunday yozing: `en`, `ru`, `uz`, `uz-Cyrl`, `kaa`
content-config-locale-reserved = `{ $tag }` til tegi darslik natijalarida band boʻlgan nom ({ content-reserved-why })
content-config-locale-reserved-hint = til papkasi yaratilgan fayllar oʻrnini egallab qoʻyadi; tilning oʻz tegini ishlating, masalan `ru`, `uz-Cyrl`
content-config-generated-reserved-hint = til papkasi yaratilgan fayllar oʻrnini egallab qoʻyadi; tilning oʻz tegini ishlating, masalan `uz-Cyrl`
content-config-locale-duplicate = `{ $tag }` tili ikki marta koʻrsatilgan
content-config-locale-duplicate-hint = har bir tilni bir marta koʻrsating
content-config-no-locales = kursda birorta ham til koʻrsatilmagan
content-config-no-locales-hint = hech boʻlmasa manba tilini qoʻshing, masalan `locales = ["en"]`
content-config-source-locale = `{ $tag }` manba tili `locales` roʻyxatida yoʻq
content-config-source-locale-hint = uni `locales` roʻyxatiga qoʻshing yoki roʻyxatdagi tillardan birini koʻrsating
content-config-fallback-self = `{ $tag }` tili oʻzini oʻziga zaxira til qilib koʻrsatgan
content-config-fallback-self-hint = zaxira tillar zanjirida boshqa tillar sanaladi, masalan `fallback = ["ru", "en"]`
content-config-fallback-unknown = `{ $tag }` uchun zaxira til `{ $fallback }` `locales` roʻyxatida yoʻq
content-config-fallback-unknown-hint = zaxira til faqat kurs tillaridan biri boʻlishi mumkin
content-config-locale-unused = `{ $tag }` uchun sozlamalar bor, lekin u `locales` roʻyxatida yoʻq
content-config-locale-unused-hint = tilni `[course]` boʻlimidagi `locales` ga qoʻshing yoki bu boʻlimni oʻchiring
content-config-generate-unknown = `generate = "{ $generate }"` notanish yaratish usuli
content-config-generate-unknown-hint = bu til `uz` matnidan transliteratsiya bilan yaratilishi uchun `generate = "translit:uz"` deb yozing
content-config-generate-script = darslik `{ $tag }` ga transliteratsiya qila olmaydi
content-config-generate-script-hint = yaratiladigan oʻzbek tillari: `uz-Cyrl`, `uz-Latn` va `uz-Latn-2026`
content-config-generate-from = `{ $tag }` tili `{ $from }` dan yaratiladi, lekin u kursning qoʻlda tarjima qilingan tili emas
content-config-generate-from-hint = `[course]` boʻlimidagi `locales` da koʻrsatilgan tildan yarating, masalan `translit:uz`
content-config-module-name = `{ $name }` modul papkasi nomi sifatida yaramaydi
content-config-module-name-hint = papkani bevosita `content/<til>/` ichida nomlang, masalan `"module-06"`
content-config-module-control = `{ $name }` modul nomida { $char } boshqaruv belgisi bor, `Moodle` esa arxivdan ochishda bunday belgili fayl nomlarini qabul qilmaydi (`SCORM` paketlarida har bir modul nomi bilan fayl bor)
content-config-module-char = `{ $name }` modul nomida `{ $char }` belgisi bor, `Moodle` esa arxivdan ochishda uni fayl nomida qabul qilmaydi (`SCORM` paketlarida har bir modul nomi bilan fayl bor)
content-config-module-char-hint = harflar, raqamlar, `-` yoki `_` dan foydalaning, masalan `"module-06"`, va modul papkalarini ham shunday nomlang
content-config-module-reserved = `{ $name }` modul nomi darslik natijalarida band boʻlgan nom ({ content-reserved-why })
content-config-module-reserved-hint = uning papkasi yaratilgan fayl oʻrnini egallab qoʻyadi; modullarni `"module-06"` kabi nomlang
content-config-module-duplicate = `{ $name }` moduli ikki marta koʻrsatilgan
content-config-module-duplicate-hint = har bir modulni bir marta koʻrsating
content-config-no-modules = kursda birorta ham modul koʻrsatilmagan
content-config-no-modules-hint = modul papkalarini sanab oʻting, masalan `modules = ["module-06"]`
content-theme-name = `{ $name }` mavzu nomi oddiy papka nomi emas
content-config-theme-name-hint = mavzu bevosita `themes/` ichidagi papka, nomida faqat `A-Z`, `a-z`, `0-9`, `_` va `-` boʻladi: `themes/academy/` uchun `name = "academy"`
content-config-keep-empty = `[translit] keep` da boʻsh soʻz bor
content-config-keep-space = `[translit] keep` dagi `{ $word }` da boʻsh joy bor: har bir satrga bitta soʻz yozing
content-config-keep-char = `[translit] keep` dagi `{ $word }` da `{ $char }` bor, saqlanadigan soʻzda u boʻlishi mumkin emas
content-config-keep-word = `[translit] keep` dagi `{ $word }` soʻz emas (harf kerak, koʻpi bilan { $max } belgi)
content-config-keep-many = `[translit] keep` da { $count } ta soʻz bor, koʻpi bilan { $max } ta boʻlishi mumkin
content-config-keep-hint = `keep` hosil qilinadigan tillar yozilganicha koʻrsatadigan lotin soʻzlarini sanaydi, masalan `keep = ["Moodle", "Linux", "SHA256SUMS"]`; harflar va raqamlar, ichida `- . _ + #` yoki apostrof boʻlishi mumkin
content-config-attempts = `[assessment] attempts = { $attempts }` oʻquv markaziga kerak boʻladigandan koʻp urinish
content-attempts-hint = koʻpi bilan 10 ta urinish bering yoki cheklovsiz uchun 0 yozing

## content/ papkasi va sahifalar

content-config-missing = `{ $folder }` papkasida `course.toml` fayli yoʻq
content-config-missing-hint = darslikni kurs papkasida ishga tushiring, `--course DIR` ni koʻrsating yoki `darslik new DIR` buyrugʻi bilan yangi kurs yarating
content-locale-no-content = `{ $locale }` tilining `content/{ $locale }/` papkasi yoʻq
content-locale-no-content-hint = `content/{ $locale }/index.md` ni yarating yoki `{ $locale }` ni `locales` dan olib tashlang
content-home-missing = `content/{ $locale }/index.md` yoʻq: bu manba tilidagi kursning bosh sahifasi
content-home-missing-hint = uni sarlavha bloki (`+++ title = "..." +++`) va qisqa salomlashuv bilan yarating
content-module-missing = `{ $module }` modulining `content/{ $locale }/{ $module }/` papkasi yoʻq
content-module-missing-hint = `content/{ $locale }/{ $module }/index.md` ni yarating yoki `{ $module }` ni `modules` dan olib tashlang
content-module-index-missing = `{ $module }` modulining kirish sahifasi `content/{ $locale }/{ $module }/index.md` yoʻq
content-module-index-missing-hint = sarlavhasi va modul haqida qisqa sharhi bor `index.md` qoʻshing
content-page-orphan = `content/{ $locale }/{ $page }` ning manba sahifasi `content/{ $source }/{ $page }` yoʻq, shuning uchun u kursga kirmaydi
content-page-orphan-hint = fayl nomini manba sahifa nomiga moslab oʻzgartiring yoki faylni oʻchiring
content-file-binary = `{ $file }` matnli fayl emas (unda nol baytlar bor)
content-file-binary-hint = sahifa `UTF-8` dagi matn boʻlishi kerak; ikkilik fayl `.md` yoki `.ftl` nomi bilan saqlanmadimi?
content-file-encoding = `{ $file }` `UTF-8` da yozilmagan ({ $line }-qator, { $column }-ustun)
content-file-encoding-hint = faylni `UTF-8` kodlashida saqlang (Bloknotda: «Saqlash…» → «Kodlash: `UTF-8`»)
content-frontmatter-missing = sahifa sarlavha bloki bilan boshlanmaydi
content-frontmatter-missing-hint = sahifani `+++` qatori, keyin `title = "..."`, keyin yana bir `+++` qatori bilan boshlang
content-frontmatter-unterminated = sarlavha bloki yopilmagan
content-frontmatter-unterminated-hint = sarlavha blokining oxirgi qatoridan keyin `+++` qatorini qoʻshing
content-frontmatter-invalid = sarlavha bloki: { $detail }
content-frontmatter-unknown-field = sarlavha bloki: `{ $field }` kaliti notanish; mumkin boʻlgan kalitlar: { $expected }
content-frontmatter-no-title-hint = har bir sahifaga sarlavha kerak, masalan `title = "Dalillar masalalari"`
content-frontmatter-variant-hint = `assessment` qiymati `"graded"`, `"pre-test"` yoki `"post-test"`; `review` qiymati `"after-submit"`, `"after-last-attempt"` yoki `"never"`
content-frontmatter-field-hint = sarlavha blokida `title`, `description` va `translation_of` (hamda hisobga olinmaydigan `weight`) boʻladi; baholash sahifasida yana `assessment`, `attempts`, `shuffle`, `draw` va `review`
content-frontmatter-field-suggest-hint = balki `{ $suggestion }` nazarda tutilgandir? ({ content-frontmatter-field-hint })
content-frontmatter-toml-hint = sarlavha bloki `TOML` da yoziladi: `key = "value"`, satrlar qoʻshtirnoq ichida
content-frontmatter-empty-title = sarlavha bloki: sarlavha boʻsh
content-frontmatter-empty-title-hint = sahifaga sarlavha bering, masalan `title = "Dalillar masalalari"`
content-translit-exceptions = `{ $file }`: { $detail }
content-translit-exceptions-hint = `[words]` boʻlimida har bir qatorga bitta soʻzni `latin = "кирилл"` koʻrinishida yozing
content-symlink-skipped = `{ $file }` ramziy havola; darslik unga oʻtmaydi
content-symlink-skipped-hint = havola oʻrniga faylning oʻzini kurs papkasiga nusxalang
content-page-not-in-course = `{ $file }` kursga kirmaydi
content-page-not-in-course-hint = sahifalar bir daraja chuqurlikda, `content/<til>/<modul>/` ichida turadi; modul papkalari `course.toml` da sanab oʻtilgan
content-module-not-listed = `content/{ $locale }/{ $folder }/` papkasi `course.toml` da modul sifatida koʻrsatilmagan, shuning uchun tashlab ketildi
content-module-not-listed-hint = uni kursga qoʻshish uchun `"{ $folder }"` ni `[course]` boʻlimidagi `modules` ga qoʻshing

## Fluent xabarlari (locales/)

content-fluent-reference = `{ $id }` hech bir faylda aniqlanmagan `{ $reference }` { $what ->
        [term] atamasiga
       *[message] xabariga
    } murojaat qiladi
content-fluent-reference-hint = `{ $reference }` ni `locales/{ $locale }/` da aniqlang yoki yozilishini tuzating
content-fluent-reference-suggest-hint = balki `{ $suggestion }` nazarda tutilgandir? Aks holda `{ $reference }` ni `locales/{ $locale }/` da aniqlang
content-fluent-missing = `{ $id }` xabari `{ $locale }` tiliga tarjima qilinmagan (u `{ $file }` da bor)
content-fluent-missing-hint = `locales/{ $locale }/` dagi fayllardan biriga `{ $id } = ...` qoʻshing; shungacha oʻquvchilar zaxira tildagi matnni koʻradi
content-fluent-missing-suggest-hint = `locales/{ $locale }/` da manbada yoʻq `{ $near }` xabari bor: agar bu shu xabarning xato yozilgani boʻlsa, nomini `{ $id }` ga oʻzgartiring
content-fluent-variable-invented = `{ $id }` manba xabarda yoʻq `${ $var }` oʻzgaruvchisini ishlatadi
content-fluent-variable-invented-hint = manba xabarda { $count ->
        [0] oʻzgaruvchi yoʻq
       *[other] bor oʻzgaruvchilar: { $vars }
    }
content-fluent-variable-dropped = `{ $id }` manba xabar koʻrsatadigan `${ $var }` oʻzgaruvchisini ishlatmaydi
content-fluent-variable-dropped-hint = oʻquvchilar `${ $var }` qiymatini koʻrmay qolishi mumkin; uni kerakli joyga `{"{"} ${ $var } {"}"}` deb yozing
content-fluent-extra = `{ $id }` xabari `{ $locale }` manba tilida yoʻq
content-fluent-extra-hint = nomini `locales/{ $locale }/` dagi xabarga moslab oʻzgartiring yoki oʻchiring
content-fluent-extra-suggest-hint = balki `{ $suggestion }` nazarda tutilgandir? Nomini `locales/{ $locale }/` dagi xabarga moslab oʻzgartiring yoki oʻchiring
content-fluent-theme-variable = mavzuning `{ $id }` xabari shablonlar bermaydigan `${ $var }` oʻzgaruvchisini ishlatadi
content-fluent-theme-variable-hint = shablonlar `{ $id }` ga { $count ->
        [0] hech qanday oʻzgaruvchi bermaydi
       *[other] shularni beradi: { $vars }
    }
content-fluent-syntax = `Fluent` sintaksis xatosi: { $kind ->
        [expected-token] bu yerda `{ $token }` boʻlishi kerak
        [expected-range] bu yerda `{ $token }` belgilaridan biri boʻlishi kerak
        [expected-value] `{ $token }` ning matni yoʻq
        [expected-term-value] `{ $token }` ning matni yoʻq
        [missing-default] tanlovda standart variant (`*[…]`) yoʻq
        [two-defaults] tanlovda faqat bitta standart variant (`*[…]`) boʻlishi mumkin
        [missing-value] bu yerda qiymat boʻlishi kerak
        [unterminated-string] qoʻshtirnoqdagi satr yopilmagan
        [unbalanced-brace] ortiqcha yopuvchi qavs `{"}"}`
        [expected-expression] `{"{"} {"}"}` ichida oʻzgaruvchi, xabar yoki qoʻshtirnoqdagi matn boʻlishi kerak
       *[other] { $detail }
    }
content-fluent-syntax-hint = xabar `id = matn` koʻrinishida yoziladi; davomi qatorlari chekinish bilan boshlanadi; oʻzgaruvchilar `{"{"} $name {"}"}` deb yoziladi
content-fluent-duplicate = `{ $id }` xabari ikki marta aniqlangan (birinchisi `{ $file }` da)
content-fluent-duplicate-hint = bittasini qoldiring, aks holda keyingisi jimgina ustun keladi
content-fluent-too-deep = `Fluent` xabarlarida oʻrinbosarlar va tanlovlar bir-birining ichida koʻpi bilan { $depth } daraja boʻlishi mumkin; bu yerda undan chuqur
content-fluent-too-deep-hint = haqiqiy xabarlarga ikki-uch daraja yetadi: ochilgan `{"{"}` ni yoping (har bir `{"{"}` ga `{"}"}` kerak) yoki xabarni bir-biriga murojaat qiladigan kichik xabarlarga boʻling
content-uz-apostrophe = `{ $found }` { $what ->
        [okina] `oʻ` va `gʻ` dagi `ʻ` belgisi
       *[tutuq] tutuq belgisi
    } boʻlishi kerak boʻlgan joyda yozilgan ({ $name })
content-uz-apostrophe-hint = hammasini bir yoʻla tuzatish uchun `darslik check --fix` ni ishga tushiring

## Mavzu va yigʻish natijalari

content-theme-templates = mavzu shablonlari: { $detail }
content-theme-templates-hint = mavzuning `templates/` papkasidagi fayllar oʻrnatilgan mavzuning shu nomli fayllari oʻrnini egallaydi; nomlarni tekshiring
content-theme-template = mavzu shabloni `{ $name }`: { $detail }
content-theme-template-line = mavzu shabloni `{ $name }`, { $line }-qator: { $detail }
content-theme-template-included = mavzu shabloni `{ $name }`: { $detail } (`{ $outer }` dan, { $outer_line }-qatordan ulangan)
content-theme-template-line-included = mavzu shabloni `{ $name }`, { $line }-qator: { $detail } (`{ $outer }` dan, { $outer_line }-qatordan ulangan)
content-theme-template-hint = shablonni tuzating; qaysi oʻzgaruvchilar borligini oʻrnatilgan mavzu shablonlaridan koʻrish mumkin
content-theme-encoding = `{ $file }` `UTF-8` dagi matn emas
content-theme-name-hint = mavzu bevosita `themes/` ichidagi papka, nomida faqat `A-Z`, `a-z`, `0-9`, `_` va `-` boʻladi
content-theme-missing = `{ $name }` mavzusining `themes/{ $name }/` papkasi yoʻq
content-theme-missing-hint = papkani yarating yoki oʻrnatilgan mavzu uchun `name = "default"` deb yozing
content-no-locale = kursda `{ $locale }` tili yoʻq
content-removed-while-building-hint = fayl yigʻish paytida oʻchirildimi? Qaytadan yigʻing
content-cannot-write = `{ $file }` yozib boʻlmadi: { $detail }
content-cannot-write-into = `{ $folder }` ga yozib boʻlmadi: { $detail }
content-cannot-write-hint = disk toʻlmadimi yoki natija papkasi yozishdan himoyalanmaganmi?
content-single-not-utf8 = `{ $module }` modulining hujjati `UTF-8` dagi matn emas: { $detail }

## Sahifalar: sarlavhalar, baholash, ssenariylar, HTML

content-course-title-missing = `{ $locale }` va uning zaxira tillari uchun `course-title` xabari yoʻq
content-course-title-missing-hint = `course-title = ...` ni biror faylga qoʻshing, masalan `locales/{ $locale }/course.ftl`
content-scenario-unscored = bu vaziyat mashqidagi hech bir yoʻl ball bermaydi, shuning uchun uning bahosi yoʻq va u modul bahosiga qoʻshilmaydi
content-scenario-unscored-hint = yaxshiroq tanlovlarga ball bering, masalan `* Call an interpreter -> interview (+2)`
content-assessment-practice-only = `{ $key }` berilgan, lekin bu sahifa baholash sahifasi emas: undagi testlar mashq boʻlib qoladi
content-assessment-practice-only-hint = sarlavha blokiga `assessment = "graded"`, `"pre-test"` yoki `"post-test"` qoʻshing yoki bu parametrni olib tashlang
content-assessment-no-questions = bu sahifa { $kind ->
        [pre-test] kirish testi
        [post-test] yakuniy test
       *[graded] baholanadigan nazorat
    }, lekin unda savollar yoʻq
content-assessment-no-questions-hint = savollari bilan ```quiz … ``` blokini qoʻshing yoki sarlavha blokidan `assessment` ni olib tashlang
content-assessment-attempts = `attempts = { $attempts }` oʻquv markaziga kerak boʻladigandan koʻp urinish
content-assessment-draw = `draw = { $draw }`, lekin sahifada { $pool } ta savol bor: har bir urinishda ularning hammasi beriladi
content-assessment-draw-hint = sahifadagidan kamroq savol tanlang yoki savollar qoʻshing
content-heading-id-reserved = `{ $id }` sarlavha identifikatorini darslik skriptlari yoki oʻquv platformasi bilan aloqa ishlatadi; sarlavha odatdagi identifikatorini oladi
content-heading-id-reserved-hint = boshqa `{"{"}#id{"}"}` tanlang
content-heading-id-duplicate = `{ $id }` sarlavha identifikatori bu sahifada ikki marta ishlatilgan
content-heading-id-duplicate-hint = har bir `{"{"}#id{"}"}` ga alohida nom bering
content-heading-attribute = `{ $name }` sarlavha atributi natijadan olib tashlanadi
content-heading-attribute-hint = sarlavhada faqat `{"{"}#id{"}"}`, `.classes`, `lang` va `dir` boʻlishi mumkin; sahifalar kod ishga tushira olmaydi
content-html-removed = `HTML` qoʻshimchasidagi { content-html-part } natijadan olib tashlanadi
content-html-part = { $kind ->
        [element] `{ $code }` elementi
        [url] `{ $code }` manzili
        [style-url] `url()` li uslub
        [remote-image] internetdan olinadigan rasm
       *[other] { $detail }
    }
content-html-removed-hint = sahifalar kod ishga tushira yoki tashqaridan kontent yuklay olmaydi; havolalar va rasmlar uchun `Markdown` dan foydalaning
content-nesting-too-deep = `HTML` qoʻshimchalari bor sahifada elementlarni (`Markdown` bloklari va `HTML`) bir-birining ichiga koʻpi bilan { $depth } daraja joylash mumkin; bu yerda undan chuqur
content-nesting-too-deep-hint = ochilgan `HTML` elementlarini yoping (har bir `<div>` ga `</div>` kerak) yoki `HTML` atrofidagi iqtibos va roʻyxatlarni kamroq joylang

## issue 25: phone

## issue 25: progress

## issue 25: media
code-media-remote = video yoki audio fayl kursdan emas, internetdan yuklanadi
code-media-caption-missing = video yoki audio klipda biror til uchun subtitr fayli yoʻq
code-media-caption-invalid = subtitr fayli WebVTT formatida emas
code-media-too-large = video yoki audio fayl kurs ruxsat berganidan katta
code-media-raw-html = xom HTMLda yozilgan video yoki audio element olib tashlanadi
content-media-remote = `{ $target }` { $kind ->
        [audio] audiosi
       *[video] videosi
    } internetda turibdi; kurs tarmoqsiz ishlashi va tashqaridan hech narsa yuklamasligi kerak
content-media-remote-hint = faylni sahifa yonidagi modul jildiga yuklab oling va `![izoh](fayl nomi)` deb yozing, masalan `![Rolli oʻyin](role-play.mp4)`
content-media-caption-missing = `{ $clip }` klipida `{ $locale }` subtitrlari yoʻq{ $shown ->
        [none] , shuning uchun u subtitrsiz oʻynaydi
       *[other] ; sahifa ularning oʻrniga `{ $shown }` subtitrlarini koʻrsatadi
    }
content-media-caption-missing-hint = `{ $file }` faylini qoʻshing (WebVTT: `WEBVTT`, boʻsh qator, soʻng har bir replikaning vaqt qatori va matni)
content-media-caption-invalid = `{ $file }` WebVTT fayli emas (birinchi qatori `WEBVTT` boʻlishi kerak), shuning uchun ishlatilmaydi
content-media-caption-invalid-hint = subtitrlarni WebVTT (.vtt) formatida saqlang; subtitr muharrirlari .srt fayllarni unga oʻgira oladi
content-media-too-large = `{ $file }` hajmi { $size } MB, bu kurs klip uchun belgilagan { $limit } MB dan koʻp
content-media-too-large-hint = klipni kichraytiring (qisqaroq, kichikroq kadr, pastroq bitreyt, masalan `ffmpeg -i in.mp4 -vf scale=640:-2 -crf 30 out.mp4`) yoki course.toml dagi `[media] warn_size_mb` qiymatini oshiring
content-media-raw-html = xom HTMLda yozilgan { $tag } natijadan olib tashlanadi
content-media-raw-html-hint = klipni Markdownda yozing: `![izoh](clip.mp4)`, fayl esa sahifa yonida tursin; boshqaruv tugmalari, poster va subtitrlarni darslik oʻzi qoʻshadi

## issue 25: branding
content-config-organisation-empty = [theme] dagi `organisation` boʻsh
content-config-organisation-control = [theme] dagi `organisation` da `{ $char }` boshqaruv belgisi bor, u sahifalar va terminal koʻrsatadigan matnni oʻzgartirib yuboradi
content-config-organisation-long = [theme] dagi `organisation` da { $count } ta belgi bor, koʻpi bilan { $max } ta boʻlishi mumkin
content-config-organisation-hint = akademiya nomini oddiy matn bilan yozing, masalan `organisation = "Toshkent oʻquv akademiyasi"`; xabarlarida `course-organisation` boʻlgan til oʻshani koʻrsatadi
content-config-logo-path = logo `{ $path }` kurs papkasi ichidagi yoʻl emas: { $why ->
        [absolute] yoʻl mutlaq
        [parent] u `..` orqali yuqoriga chiqadi
        [backslash] unda `\` bor, papkalar orasiga `/` yozing
        [control] unda boshqaruv belgisi bor
        [empty-part] unda papka nomi boʻsh
       *[empty] u boʻsh
    }
content-config-logo-kind = logo `{ $path }` SVG yoki PNG fayl emas
content-config-logo-missing = logo `{ $path }`: kurs papkasida bunday fayl yoʻq
content-config-logo-outside = logo `{ $path }` kurs papkasidan tashqariga olib chiqadigan ramziy havoladan oʻtadi, darslik u yerdan hech narsa oʻqimaydi
content-config-logo-large = logo `{ $path }` { $size } bayt, logotip koʻpi bilan { $max } bayt boʻlishi mumkin
content-config-logo-not-png = logo `{ $path }` PNG rasmi kabi boshlanmaydi
content-config-logo-hint = `logo` kurs papkasi ichidagi SVG yoki PNG faylni koʻrsatadi, yoʻl course.toml dan `/` bilan yoziladi: `logo = "branding/logo.svg"`
content-config-accent = accent `{ $value }` darslik ishlata oladigan rang emas
content-config-accent-hint = rangni #rgb yoki #rrggbb koʻrinishida yozing, masalan `accent = "#0b5cab"`
content-accent-contrast = accent { $accent } ning oq rang bilan kontrasti { $ratio }:1; shu rangdagi havolalar va tugmalaridagi oq yozuvlar oʻqilishi uchun kamida 4.5:1 kerak (WCAG AA)
content-accent-contrast-hint = toʻqroq tusni tanlang, masalan `accent = "{ $darker }"` ({ $ratio }:1)

## issue 25: search
