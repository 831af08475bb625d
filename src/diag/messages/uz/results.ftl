# `darslik results`: tinglovchilar natijalari fayllari, guruh hisoboti,
# sertifikatlar.

## `results add`

results-bar-adding = qoʻshilmoqda
results-bar-files = fayl
results-added = qoʻshildi { $file }: { $who }, yangi yozuvlar: { $new } (avval bor edi: { $already })
results-added-again = allaqachon qoʻshilgan { $file }: { $who }, yangi yozuvlar: { $new } (avval bor edi: { $already })
results-no-name = (ismsiz)
results-refused = rad etildi { $file }: { $why }
results-count-added = qoʻshildi: { $count }
results-count-again = allaqachon qoʻshilgan: { $count }
results-count-refused = rad etildi: { $count }
results-totals = { $files } ta fayl: { $parts }; yangi yozuvlar: { $new } (avval bor edi: { $already })
results-totals-held = ; { $db } jurnalida { $learners } ta tinglovchi va { $statements } ta yozuv bor
results-other-course = bu { $file } kursining natijalari, jurnalda esa { $register } kursi: `--db` da boshqa jurnalni koʻrsating
results-not-stored = saqlanmadi: { $reason }
results-not-open = { $db }: jurnal ochilmagan
results-store-busy = jurnal boshqa dasturda ochiq; uni yoping va faylni yana qoʻshing
results-store-disk-full = disk toʻlgan; joy boʻshating va faylni yana qoʻshing
results-store-read-only = jurnalga yozib boʻlmadi ({ $detail })
results-store-refused = jurnal faylni qabul qilmadi ({ $detail })

## Natijalar fayli nega rad etildi

results-refusal-unreadable = oʻqib boʻlmaydi: { $why }
results-refusal-too-large = bu natijalar fayli emas: hajmi { $mb } MB, natijalar fayli esa 1 MB dan ancha kichik ({ $max } MB dan katta fayllar oʻqilmaydi)
results-refusal-not-text = buzilgan: bu `UTF-8` matni emas (boshqa dasturda ochib saqlanganmi?); tinglovchidan «Mening natijalarim» sahifasida faylni qayta saqlashni soʻrang va yangi faylni qoʻshing
results-refusal-empty = buzilgan: fayl boʻsh (yuklab olish yoki nusxalash tugamaganmi?); tinglovchidan «Mening natijalarim» sahifasida faylni qayta saqlashni soʻrang va yangi faylni qoʻshing
results-refusal-truncated = buzilgan: `JSON` tugamasdan { $line }-qator, { $column }-ustunda uziladi (nusxalash yoki yuborishda kesilganmi?); tinglovchidan «Mening natijalarim» sahifasida faylni qayta saqlashni soʻrang va yangi faylni qoʻshing
results-refusal-damaged = buzilgan: { $line }-qator, { $column }-ustunda `JSON` notoʻgʻri ({ $what }); tinglovchidan «Mening natijalarim» sahifasida faylni qayta saqlashni soʻrang va yangi faylni qoʻshing
results-refusal-not-results = bu natijalar fayli emas ({ $why }); kursning «Mening natijalarim» sahifasida saqlangan fayllarni qoʻshing
results-refusal-newer = yangiroq `darslik` da yaratilgan (natijalar formati { $format }, bu `darslik` { $reads }-formatni oʻqiydi): uni yangiroq `darslik` bilan qoʻshing
results-refusal-format = `{ $field }` maydonida natijalar formati buzilgan: { $problem }; tinglovchidan «Mening natijalarim» sahifasida faylni qayta saqlashni soʻrang va yangi faylni qoʻshing, yana takrorlansa, kurs muallifiga xabar bering
results-why-folder = bu papka
results-why-no-file = bunday fayl yoʻq
results-why-denied = ruxsat yoʻq
results-why-not-json = bu `JSON` emas
results-why-not-object = `JSON` obyekt emas
results-why-other-darslik = uning `"darslik"` maydoni `"results"` emas
results-why-no-darslik = unda `"darslik": "results"` maydoni yoʻq
results-why-zip = bu `zip` arxiv: uni oching va ichidagi `.json` fayllarni qoʻshing
results-why-sqlite = bu `SQLite` bazasi, ehtimol jurnal: jurnal `--db` bilan beriladi
results-why-pdf = bu `PDF` hujjat
results-why-binary = bu matn fayli emas
results-why-missing = yoʻq
results-why-too-long = { $max } ta belgidan uzun

## `results report`

results-bar-statements = yozuvlar
results-bar-reading = jurnal oʻqilmoqda
results-wrote = yozildi { $file }
results-report-summary = hisobot: { $learners } ta tinglovchi, { $modules } ta modul, { $files } ta fayldan { $statements } ta yozuv
results-report-locale = `--locale { $locale }`: hisobot { $locales } tillarida yoziladi; ulardan birini tanlang
results-report-out-file = { $out }: `--out` fayl; hisobot uchun papka koʻrsating
results-report-mkdir = { $out }: papkani yaratib boʻlmadi ({ $reason }); yoʻlni va yozish huquqingizni tekshiring
results-report-write = { $file }: yozib boʻlmadi ({ $reason }); diskdagi joyni va yozish huquqingizni tekshiring
results-register-unreadable = jurnalni oʻqib boʻlmadi: { $detail }
results-statement-not-json = jurnaldagi { $id } yozuvi notoʻgʻri `JSON`; uning natijalar faylini yangi jurnalga qayta qoʻshing

## `results keygen`, `results certificates`, `results verify`

results-keygen-secret = yozildi { $file } (maxfiy: uni sir saqlang va nusxasini saqlab qoʻying)
results-keygen-public = yozildi { $file } (ochiq: uni sertifikatlarni tekshiradiganlarga bering)
results-keygen-id = kalit identifikatori { $id }
results-keygen-signer = sertifikatlarda kim imzolagani chop etilishi uchun { $file } faylining `signer:` qatoriga akademiya nomini yozing
results-cert-wrote = yozildi { $file }: { $name }, { $module }
results-cert-only-module = , { $module } moduli
results-cert-summary = topshirgan { $learners } ta tinglovchi uchun { $count } ta sertifikat (jurnalda jami { $register } ta){ $module }; roʻyxat: { $list }
results-cert-refused = { $count } ta sertifikat yozilmadi: yuqoridagi xatolarga qarang
results-cert-no-modules = yoʻq
results-cert-no-module = { $db }: hech bir tinglovchida “{ $module }” moduli boʻyicha holat yoʻq; jurnaldagi modullar: { $modules }
results-cert-bad-date = { $who }, { $module }: “{ $date }” topshirish sanasini `darslik` imzolay olmaydi (1970–2149); sertifikat yoʻq
results-cert-cannot-sign = { $who }, { $module }: { $reason }; sertifikat yoʻq (jurnaldagi natijalar faylida uni qisqartiring va yana qoʻshing)
results-cannot-mkdir = { $dir }: papkani yaratib boʻlmadi ({ $reason })
results-cannot-write = { $file }: yozib boʻlmadi ({ $reason })
results-verify-valid = haqiqiy: { $claim }
results-verify-invalid = haqiqiy emas: { $why }
results-page-unreadable = oʻqib boʻlmadi ({ $why }); sertifikatning `.html` faylini yoki chop etilgan kodni bering
results-page-not-file = bu fayl emas; sertifikatning `.html` faylini yoki chop etilgan kodni bering
results-page-too-large = { $bytes } bayt sertifikat uchun juda katta; sertifikatning `.html` faylini bering
results-page-no-code = bu fayl `darslik` sertifikati emas (unda tekshirish kodi yoʻq)
results-page-two-codes = sahifada ikki xil tekshirish kodi bor: u oʻzgartirilgan
results-page-lang-changed = sahifa tili (`html lang`) oʻzgartirilgan, shuning uchun uning sanasi va balini oʻqib boʻlmaydi
results-page-field-gone = sahifa endi “{ $what }” maydonini koʻrsatmaydi (u oʻzgartirilgan); kod boʻyicha: “{ $want }”
results-page-field-shown = sahifa “{ $what }” maydonida “{ $found }” ni koʻrsatadi, kod esa “{ $want }” uchun imzolangan
results-page-field-held = sahifada “{ $what }” maydoni “{ $found }”, kod esa “{ $want }” uchun imzolangan
results-page-changed = sahifa imzolangandan keyin oʻzgartirilgan (matni, joylashuvi yoki uslubi; koʻrsatilgan ism, sana va ball hali ham imzolangan): uni jurnaldan qayta chop eting yoki fayl oʻrniga unda chop etilgan kodni tekshiring
results-field-course = kurs identifikatori
results-field-version = versiya
results-field-module = modul
results-field-name = ism
results-field-date = sana
results-field-score = ball

## Jurnal

results-db-none = { $db }: bu yerda jurnal yoʻq; uni `darslik results add FILE... --db { $db }` buyrugʻi bilan yarating
results-db-newer = { $db }: yangiroq `darslik` da yaratilgan (jurnal sxemasi { $schema }, bu `darslik` { $knows } ni biladi): yangiroq `darslik` yoki boshqa `--db` ishlating
results-db-other-tables = { $db }: `SQLite` bazasi, lekin `darslik` jurnali emas (unda boshqa jadvallar bor): boshqa `--db` koʻrsating
results-db-empty = { $db }: boʻsh baza, jurnal emas; avval unga `darslik results add FILE... --db { $db }` bilan natijalar qoʻshing
results-db-wal = { $db }: `SQLite` jurnalni `WAL` rejimiga oʻtkaza olmadi (jurnal rejimi { $mode }); uni mahalliy diskka qoʻying
results-db-cannot-open = { $db }: jurnalni ochib ham, yaratib ham boʻlmadi: { $detail }
results-db-cannot-open-folder = { $db }: jurnalni ochib ham, yaratib ham boʻlmadi ({ $folder } papkasi yoʻq): { $detail }
results-db-not-sqlite = { $db }: `SQLite` bazasi emas, demak, `darslik` jurnali ham emas: boshqa `--db` koʻrsating
results-db-damaged = { $db }: jurnal buzilgan ({ $detail }); nusxasini tiklang yoki boshqa `--db` boshlab, natijalar fayllarini qayta qoʻshing
results-db-busy = { $db }: uni boshqa dastur (boshqa `darslik` yoki baza koʻruvchisi) ishlatmoqda: uni yoping va yana urinib koʻring
results-db-read-only = { $db }: jurnalga yozib boʻlmadi ({ $detail }); uni yozish huquqingiz bor papkaga nusxalang
results-db-disk-full = { $db }: disk toʻlgan; joy boʻshating va fayllarni yana qoʻshing

## Kalit fayllari

results-cannot-create = { $file }: yaratib boʻlmadi ({ $reason })
results-cannot-read = { $file }: oʻqib boʻlmadi ({ $reason })
results-key-exists = { $file }: allaqachon bor; `darslik` kalitni hech qachon ustidan yozmaydi (u bilan imzolangan sertifikatlarni tekshirib boʻlmay qoladi). Boshqa `--out NAME` tanlang yoki avval eski juftni boshqa joyga olib qoʻying
results-key-exists-short = { $file }: allaqachon bor; `darslik` kalitni hech qachon ustidan yozmaydi
results-key-no-folder = { $dir }: bunday papka yoʻq; avval uni yarating yoki boshqa `--out NAME` tanlang
results-key-no-random = tizim kalit yaratish uchun tasodifiy sonlar bermadi ({ $detail }); yana urinib koʻring
results-key-no-file = { $file }: bunday fayl yoʻq; kalitlar juftini `darslik results keygen --out NAME` bilan yarating
results-key-wrong = { $file }: { $what }; { $want } ni bering
results-key-not-text = bu `darslik` kalit fayli emas (matn emas)
results-key-is-secret = bu maxfiy kalit (`NAME.key`)
results-key-is-public = bu ochiq kalit (`NAME.pub`)
results-key-other-version = bu `darslik` ning boshqa versiyasi kalit fayli
results-key-not-key = bu `darslik` kalit fayli emas
results-key-want-secret = `keygen` yaratgan maxfiy `NAME.key`
results-key-want-public = `keygen` yaratgan ochiq `NAME.pub`
results-key-damaged = { $file }: buzilgan ({ $why }); faylni nusxangizdan oling
results-key-bad-line = “nom: qiymat” koʻrinishida boʻlmagan qator
results-key-no-line = `{ $name }:` qatori yoʻq
results-key-not-hex = `{ $name }` 64 ta oʻn oltilik raqam emas
results-key-halves = uning maxfiy va ochiq yarmi bir-biriga mos emas
results-key-not-ed25519 = bu `Ed25519` ochiq kaliti emas
results-key-weak = kuchsiz ochiq kalit, uning nomidan istalgan kishi imzolay oladi

## Tekshirish kodlari

results-code-no-score = ballsiz
results-code-damaged = kod buzilgan ({ $why }); uni sertifikatdan qayta tering yoki `QR` kodini skanerlang
results-code-newer = kod { $format }-formatda, bu `darslik` uni bilmaydi: uni yangiroq `darslik` bilan tekshiring
results-code-other-key = boshqa kalit bilan imzolangan (kalit { $code }); bu ochiq kalit — { $key }: akademiyadan uni imzolagan ochiq kalitni soʻrang
results-code-bad-signature = imzo kod aytganiga mos kelmaydi: kod oʻzgartirilgan yoki xato terilgan
results-code-bad-char = “{ $char }” tekshirish kodining harfi yoki raqami emas
results-code-empty = u boʻsh
results-code-length = { $count } ta belgi butun kod boʻla olmaydi: bir belgi yetishmaydi yoki ortiqcha
results-code-short = u juda qisqa: { $count } ta belgi
results-code-start = u `darslik` kodi kabi boshlanmaydi
results-code-signature-part = uning imzo qismi imzo emas
results-code-score = uning bali ruxsat etilgan oraliqdan tashqarida
results-code-ends-before = u “{ $what }” maydonidan oldin tugaydi
results-code-ends-inside = u “{ $what }” maydoni ichida tugaydi
results-code-not-text = uning “{ $what }” maydoni matn emas
results-code-long = u oʻzida aytilganidan uzun: bir belgi ortiqcha
results-code-field-course = kurs identifikatori
results-code-field-version = kurs versiyasi
results-code-field-module = modul identifikatori

## Natijalar formatini buzadigan maydon

results-why-found = { $problem }, faylda esa { $found }
results-found-object = obyekt
results-found-list = roʻyxat
results-expected-object = obyekt kutilgan edi
results-expected-text = matn kutilgan edi
results-expected-list = roʻyxat kutilgan edi
results-expected-percent = 0 dan 100 gacha son kutilgan edi
results-expected-language-map = tillar boʻyicha lugʻat kutilgan edi
results-expected-bool = `true` yoki `false` kutilgan edi
results-expected-one = 1 soni kutilgan edi
results-expected-count = butun son (0, 1, 2, …) kutilgan edi
results-expected-number = son kutilgan edi
results-expected-scaled = 0 dan 1 gacha son kutilgan edi
results-expected-course-id = kurs identifikatori (boʻsh joy va qiya chiziqlarsiz) kutilgan edi
results-other-learner = bu faylning `learner.id` si emas (boshqa tinglovchining yozuvi)

## Sertifikatlar: yana

results-cert-no-course = { $db }: jurnalda hali kurs yoʻq; avval natijalar fayllarini qoʻshing
results-cert-no-qr = `QR` kodni yaratib boʻlmadi ({ $detail })
results-code-score-over = { $score } ball 100 dan ortiq
results-code-field-learner = tinglovchi ismi
results-code-unit-chars = belgi
results-code-unit-bytes = bayt (`UTF-8`)
results-code-too-long = “{ $what }” maydoni { $count } { $unit } uzunlikda; sertifikatga koʻpi bilan 127 sigʻadi
results-or = yoki
results-expected-one-of = { $values } kutilgan edi
results-expected-activity = shu kursning mashgʻuloti kutilgan edi, { $id } (boʻsh qismlarsiz, `.` va `..` siz, teskari qiya chiziqlarsiz)
results-expected-verb = `{ $kind }` turidagi yozuvning feʼli { $verbs }
results-expected-interaction = `choice`, `matching`, `sequencing`, `fill-in` yoki `numeric` kutilgan edi
results-expected-attempt = 1, 2, … kutilgan edi
results-expected-locale-keys = kalit sifatida tillar (`en`, `ru`, `uz-Cyrl`, …) kutilgan edi
results-expected-uuid = `UUID` kutilgan edi, masalan `"0b6c3f0e-5a6d-4c8e-9f3a-2d1e4b5c6a7f"`
results-expected-locale = til kutilgan edi, masalan `en`, `ru`, `uz` yoki `uz-Cyrl`
results-expected-time = `UTC` vaqti kutilgan edi, masalan `"2026-12-05T10:11:12.345Z"`
results-expected-type = bu natijalar faylidagi mashgʻulot turlaridan biri emas (`lesson`, `cmi.interaction`, `assessment`, `simulation`, `module`)
