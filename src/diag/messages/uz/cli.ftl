# Buyruq satrining oʻz soʻzlari: ish jarayoni satrlari, yakunlar, chaqiruv
# xatolari va `--help`.

## Buyruqlarning satrlari va xatolari

cli-as-is = { $text }
cli-lang-unknown = `darslik` `en`, `ru`, `uz` va `uz-Cyrl` tillarida gapiradi, `{ $tag }` tilida emas
cli-course-failed = kursda xatolar bor; hech narsa yozilmadi, { $out } papkasi oʻzgarmadi
cli-build-start = { $course } yigʻilmoqda
cli-build-rendered = { $count } ta tilda { $pages } ta sahifa tayyor ({ $locales }){ $fallback ->
        [0] {""}
       *[other] , ulardan { $fallback } tasi zaxira tilda koʻrsatiladi
    }
cli-build-wrote = { $dir } papkasiga yozildi ({ $files } ta fayl)
cli-build-io = natijani yozib boʻlmadi; { $out } papkasi oʻzgarmadi
cli-build-locale-errors = { $locale } ({ $errors } ta xato)
cli-build-left-out = yozilmadi: { $left } (xatolar yuqorida); yozildi: { $written }
cli-build-errors-unshown = yuqoridagi { $errors } ta xato hech bir yozilgan tilda koʻrinmaydigan sahifalarda; barcha tillar yozildi
cli-build-done = { $seconds } soniyada tayyor. { $index } faylini brauzerda oching.
cli-check-clean = Muammo topilmadi.
cli-check-translit-guessed = { $locale }: { $from } dan olingan { $words } ta soʻzdan { $guessed } tasi qoidalar boʻyicha taxminan yozildi; `darslik translit --review content/{ $from }` ularni tekshirish uchun sanab beradi
cli-cannot-write = { $file } yozib boʻlmadi: { $reason }
cli-cannot-read = { $file } oʻqib boʻlmadi: { $reason }
cli-cannot-read-stdin = standart kirishni oʻqib boʻlmadi: { $reason }
cli-not-utf8 = { $file } `UTF-8` matni emas; faylni `UTF-8` da saqlang
cli-stamped-file = belgilandi: { $file }
cli-stamped = { $count } ta sahifa belgilandi
cli-fixed-apostrophes = { $file } faylida { $count } ta apostrof tuzatildi
cli-fix-failed = apostroflarni tuzatib boʻlmadi: { $reason }
cli-translit-to = `--to` faqat `uz-Cyrl`, `uz-Latn` yoki `uz-Latn-2026` qabul qiladi
cli-translit-one-file = `darslik translit` bir vaqtda bitta faylni oʻtkazadi (`--review` bir nechta fayl va papkani qabul qiladi)
cli-translit-review-what = tekshiriladigan fayl yoki papkalarni koʻrsating, masalan: `darslik translit --review content/uz`
cli-translit-review-summary = Oʻtkazilgan { $words } ta soʻzdan { $count } tasi taxmin qilindi ({ $times } marta)
cli-translit-review-paste = har bir yozilishni tasdiqlang yoki tuzating, soʻng qatorlarni `locales/uz-Cyrl/exceptions.toml` fayliga qoʻshing
cli-new-made = { $dir } papkasida yangi kurs yaratildi ({ $count } ta fayl).
cli-new-next = Uni shu buyruq bilan yigʻing: { $command }
cli-new-failed = { $dir } papkasida kurs yaratib boʻlmadi: { $reason }
cli-new-exists = { $dir } papkasida `course.toml` allaqachon bor; boʻsh papkani tanlang
cli-new-io = { $file } yozib boʻlmadi: { $reason }
cli-verify-ready = { $file }: `Moodle` uchun tayyor ({ $warnings } ta ogohlantirish)
cli-verify-rejected = { $file }: `Moodle` bu paketni rad etadi yoki natijalarni hisobga ololmaydi ({ $errors } ta xato)
cli-verify-missing = yoʻq: { $file }
cli-verify-changed = oʻzgargan: { $file }
cli-verify-extra = ortiqcha: { $file }
cli-verify-not-plain = oddiy fayl emas: { $file }
cli-verify-whole = { $dir }: barcha fayllar joyida va oʻzgarmagan
cli-verify-not-whole = { $dir }: nusxa toʻliq emas (yoʻq: { $missing }, oʻzgargan: { $changed }, ortiqcha: { $extra }{ $not_plain ->
        [0] {""}
       *[other] , oddiy fayl emas: { $not_plain }
    }); toʻplamni qaytadan nusxalang
cli-serve-ready = { $course } kursi { $url } manzilida ochiq ({ $seconds } soniyada yigʻildi). Faylni oʻzgartirsangiz, sahifa yangilanadi; `Ctrl-C` toʻxtatadi.
cli-serve-pages-rebuilt = sahifalar { $ms } millisoniyada qayta yigʻildi
cli-serve-pages-rebuilt-errors = sahifalar { $ms } millisoniyada xatolar bilan qayta yigʻildi: oxirgi muvaffaqiyatli yigʻma koʻrsatilmoqda
cli-serve-course-rebuilt = kurs { $ms } millisoniyada qayta yigʻildi
cli-serve-course-rebuilt-errors = kurs { $ms } millisoniyada xatolar bilan qayta yigʻildi: oxirgi muvaffaqiyatli yigʻma koʻrsatilmoqda
cli-serve-cannot-listen = { $address } manzilini ochib boʻlmadi: { $reason }
cli-serve-cannot-listen-hint = portni boshqa dastur band qilgan; `{ $option }` bilan urinib koʻring
cli-serve-cannot-watch = { $course } papkasidagi oʻzgarishlarni kuzatib boʻlmadi: { $reason }

## `--help`: `clap` soʻzlari

cli-heading-usage = Foydalanish:
cli-heading-commands = Buyruqlar
cli-heading-options = Parametrlar
cli-heading-arguments = Argumentlar
cli-help-default = odatda: { $value }
cli-help-values = qabul qilinadigan qiymatlar: { $values }
cli-help-flag-help = Maʼlumotnomani koʻrsatish
cli-help-flag-version = Versiyani koʻrsatish
cli-help-flag-lang = `darslik` xabarlari tili: `en`, `ru`, `uz` yoki `uz-Cyrl` (odatda `DARSLIK_LANG` dan, boʻlmasa `LC_ALL`, `LC_MESSAGES` yoki `LANG` dan, boʻlmasa `en`)
cli-help-help-command = Shu maʼlumotnomani yoki koʻrsatilgan buyruq maʼlumotnomasini koʻrsatish

## `--help`: buyruqlar va ularning argumentlari

cli-help-about = `Markdown` va `Fluent` dagi oʻquv kurslarini internetsiz ishlaydigan saytlar va `SCORM` paketlariga yigʻadi
cli-help-build = Kursni `--out` papkasiga yigʻish (odatda `<course>/dist`)
cli-help-build-course = Kurs papkasi (`course.toml` turgan papka)
cli-help-build-out = Natijalar yoziladigan joy (odatda `<course>/dist`)
cli-help-build-locales = Faqat shu tillar (odatda hammasi)
cli-help-build-formats = Nimani yigʻish: `site`, `scorm12`, `scorm2004`, `bundle`, `single` (odatda `site,scorm12,scorm2004`)
cli-help-build-quiet = Faqat xatolar va ogohlantirishlarni chiqarish
cli-help-build-keep-going = Boshqa tillarda xato boʻlsa ham, xatosiz tillarni yozish (chiqish kodi 1, tashlab ketilgan tillar aytiladi)
cli-help-check = Hech narsa yozmasdan kursdagi barcha muammolarni topish
cli-help-check-course = Kurs papkasi (`course.toml` turgan papka)
cli-help-check-format = Qanday xabar berish: `human` (matn) yoki `json`
cli-help-check-strict = Ogohlantirishlarni ham xato deb hisoblash
cli-help-check-fix = Avval oʻzbekcha apostroflarni joyida tuzatish (oʻ va gʻ da `U+02BB`, tutuq belgisi `U+02BC`)
cli-help-translit = Oʻzbekcha matnni boshqa yozuvga oʻtkazish (`Markdown` va `Fluent` ni hisobga oladi); `FILE` berilmasa, standart kirishdan oʻqiydi
cli-help-translit-to = Qaysi yozuvga: `uz-Cyrl`, `uz-Latn` yoki `uz-Latn-2026`
cli-help-translit-file = Oʻtkaziladigan fayl (`.md` va `.ftl` belgilari saqlanadi)
cli-help-translit-review = Kirillga oʻtkazishda taxmin qilingan soʻzlar roʻyxati (FILE oʻrnida bir nechta fayl va papka boʻlishi mumkin)
cli-help-translit-course = Istisnolari va `[translit] keep` roʻyxati qoʻllanadigan kurs papkasi
cli-help-status = Tillar va modullar boʻyicha qaysi tarjimalar dolzarb, eskirgan, belgilanmagan yoki yoʻqligini koʻrsatish
cli-help-status-course = Kurs papkasi (`course.toml` turgan papka)
cli-help-status-format = Qanday koʻrsatish: `human` (jadval), `json` yoki `html` (panel)
cli-help-status-out = `--format html` bilan: panelni `FILE` fayliga yozish (odatda ekranga chiqariladi)
cli-help-stamp = Tarjima sahifalari hozirgi manba sahifalariga mosligini belgilash
cli-help-stamp-course = Kurs papkasi (`course.toml` turgan papka)
cli-help-stamp-locale = Belgilanadigan tarjimalar tili
cli-help-stamp-pages = Belgilanadigan sahifalar (berilmasa, shu tilning barcha tarjima sahifalari)
cli-help-serve = Saytni `127.0.0.1` da koʻrsatish; fayllar oʻzgarganda qayta yigʻadi va sahifani yangilaydi
cli-help-serve-course = Kurs papkasi (`course.toml` turgan papka)
cli-help-serve-port = Ulanish porti
cli-help-new = `DIR` papkasida yigʻiladigan kichik kurs yaratish
cli-help-new-dir = Yangi kurs papkasi (boʻsh yoki yangi)
cli-help-verify = `SCORM` `zip` paketini akademiyaning `Moodle` tizimi kabi tekshirish (parvoz oldi tekshiruvi)
cli-help-verify-path = `SCORM` `zip` paketi yoki nusxalangan toʻplam papkasi (`SHA256SUMS` bilan solishtiriladi)
cli-help-results = Tinglovchilar natijalari fayllari: jurnal, guruh hisoboti, sertifikatlar
cli-help-results-add = Natijalar fayllarini jurnalga (`SQLite`) yozish; har bir fayl butunlay yoki umuman yozilmaydi
cli-help-results-add-files = «Mening natijalarim» sahifasida saqlangan natijalar fayllari
cli-help-results-add-db = Jurnal (`SQLite` fayli; yoʻq boʻlsa, yaratiladi)
cli-help-results-add-quiet = Faqat rad etilganlar va yakunni chiqarish
cli-help-results-report = Guruh hisobotini (har bir til uchun `HTML`, `records.csv`) yoki `LRS` uchun yozuvlarni yozish
cli-help-results-report-db = Jurnal (`SQLite` fayli)
cli-help-results-report-out = Hisobot yoziladigan papka
cli-help-results-report-locales = Faqat shu tillar (odatda `en`, `ru`, `uz`, `uz-Cyrl`)
cli-help-results-report-format = `html` (har bir til uchun `report-<locale>.html` va `records.csv`) yoki `xapi` (`LRS` uchun `statements.json`)
cli-help-results-report-quiet = Faqat muammolarni chiqarish
cli-help-results-keygen = `Ed25519` kalitlar juftini yaratish: `NAME.key` (sir saqlang) va `NAME.pub`
cli-help-results-keygen-out = `NAME`: kalitlar jufti `NAME.key` va `NAME.pub` fayllariga yoziladi
cli-help-results-certificates = Har bir tinglovchi va u topshirgan har bir modul uchun chop etiladigan `A4` sertifikat yozish
cli-help-results-certificates-db = Jurnal (`SQLite` fayli)
cli-help-results-certificates-key = Maxfiy kalit (`darslik results keygen` bergan `NAME.key`)
cli-help-results-certificates-out = Sertifikatlar yoziladigan papka
cli-help-results-certificates-module = Faqat shu modul (odatda tinglovchi topshirgan barcha modullar)
cli-help-results-verify = Sertifikat kodini yoki sertifikat faylini internetsiz tekshirish
cli-help-results-verify-code-or-file = Chop etilgandek kod (guruhlari alohida soʻz boʻlishi mumkin; boʻsh joy va chiziqchalar hisobga olinmaydi) yoki sertifikatning `.html` fayli
cli-help-results-verify-pubkey = Ochiq kalit (`NAME.pub`)

## `clap` topadigan chaqiruv xatolari

cli-usage-unknown-arg = notanish argument `{ $arg }`
cli-usage-unknown-command = notanish buyruq `{ $command }`
cli-usage-value-required = `{ $arg }` qiymat talab qiladi
cli-usage-bad-value = `{ $arg }` uchun `{ $value }` qiymati notoʻgʻri
cli-usage-bad-value-of = `{ $arg }` uchun `{ $value }` qiymati notoʻgʻri; mumkin boʻlgan qiymatlar: { $values }
cli-usage-missing = majburiy argumentlar berilmagan: { $args }
cli-usage-conflict = `{ $arg }` ni `{ $other }` bilan birga ishlatib boʻlmaydi
cli-usage-did-you-mean = `{ $suggestion }` demoqchimisiz?
cli-usage-try-help = Batafsil: `--help`.
cli-usage-no-command = buyruq kerak: { $commands }
