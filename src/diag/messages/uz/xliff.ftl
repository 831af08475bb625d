# `darslik xliff export` va `import`: tarjima byurolarining CAT dasturlari
# uchun XLIFF 2.1 fayllari.

## --help

cli-help-xliff = Tarjima byurolari uchun: bir tildagi matnlar XLIFF 2.1 koʻrinishida va qaytib
cli-help-xliff-export = Bir tilning tarjima qilinadigan matnlarini CAT dasturi uchun XLIFF 2.1 fayliga yozish
cli-help-xliff-export-locale = Tarjima qilinadigan til (manba tili emas, yigʻishda yaratiladigan til ham emas)
cli-help-xliff-export-course = Kurs papkasi (course.toml turgan papka)
cli-help-xliff-export-out = Yoziladigan fayl (standart: joriy papkada <course-id>.<locale>.xlf; - standart chiqishga)
cli-help-xliff-import = XLIFF 2.1 faylidagi tarjimalarni kursga qaytarish (hammasi yoki hech narsa)
cli-help-xliff-import-file = CAT dasturi saqlagan XLIFF fayli
cli-help-xliff-import-course = Kurs papkasi (course.toml turgan papka)

## Eksport va import nima deydi

xliff-exported = { $file } yozildi: { $files } ta faylda { $units } ta tarjima birligi
xliff-at = { $file }:{ $line }:{ $column }: { $message }
xliff-wrote = { $file } yozildi
xliff-made = { $file } yaratildi (tarjimasi yoʻq segmentlar manba tilida qoldirildi)
xliff-imported = { $imported } ta tarjima birligi import qilindi ({ $unchanged } tasi oʻzgarmagan); { $files } ta fayl yozildi
xliff-next = kursni `darslik check --course { $course }` bilan tekshiring; sahifa toʻliq tarjima qilinganda buni `darslik stamp --course { $course } --locale { $locale } SAHIFA` bilan belgilang
xliff-nothing-written = hech narsa yozilmadi: yuqorida { $count } ta xato
xliff-cannot-read = { $file } oʻqilmadi: { $reason }
xliff-cannot-write = { $file } yozilmadi: { $reason }
xliff-page-unreadable = { $file } segmentlari oʻqilmadi: { $reason }

## Qaysi til

xliff-locale-source = { $locale } kursning manba tili: kurs tarjima qilinayotgan tilni eksport qiling, masalan --locale ru
xliff-locale-unknown = kursda `{ $locale }` tili yoʻq (bor tillar: { $locales })
xliff-locale-generated = { $locale } yigʻishda { $from } dan yaratiladi: { $from } ni tarjima qiling
xliff-note-stale = Bu tarjima qilinganidan keyin manba matni oʻzgardi: tarjimani yangi manba bilan solishtiring.
xliff-note-select = Fluent sintaksisi: figurali qavslarni, selektorni va [variant] kalitlarini saqlang; har bir variantning soʻzlarini tarjima qiling. Tilingizga kerakli variantlarni qoʻshing (masalan, [few], [many]).

## Faylni oʻqish

xliff-xml-error = bu toʻgʻri tuzilgan XML emas: { $detail }
xliff-too-large = fayl { $mb } MB dan katta
xliff-too-deep = elementlar { $depth } darajadan chuqur joylashgan
xliff-doctype = faylda DOCTYPE bor; XLIFF fayllarida u boʻlmaydi, darslik esa hech qanday entity ochmaydi
xliff-not-xliff = bu XLIFF 2 fayli emas (ildiz elementi urn:oasis:names:tc:xliff:document:2.0 nomlar fazosidagi <xliff> emas)
xliff-version = XLIFF { $version } versiyasi oʻqilmaydi; kursni qayta eksport qiling va oʻsha faylni tarjima qiling (2.1 versiyasi)
xliff-unknown-inline = <{ $element }> XLIFF 2 yadrosining satr ichidagi elementi emas
xliff-one-segment = `{ $unit }` birligida bittadan koʻp segment bor; darslik har bir birlikka bitta segment yozadi, shuning uchun ularni CAT dasturida birlashtiring (segmentlarni boʻlmang)
xliff-bad-state = `{ $state }` segment holati emas (initial, translated, reviewed, final)
xliff-isolated = alohida <sc> yoki <ec> (jufti boshqa birlikda boʻlgan kod) import qilinmaydi
xliff-unpaired-ec = <ec startRef="{ $id }"> oʻzidan oldin ochilgan oxirgi <sc> ni yopmaydi
xliff-unclosed-code = `{ $id }` kodi ochilgan, lekin yopilmagan
xliff-bad-reference = { $reference } XML saqlay oladigan belgi ham, &amp;, &lt;, &gt;, &quot;, &apos; dan biri ham emas
xliff-bad-cp = <cp hex="{ $hex }"> Unicode belgisi emas

## Import

xliff-other-course = bu fayl `{ $course }` uchun emas, `{ $found }` kursi uchun
xliff-other-source = bu fayl `{ $found }` tilidan tarjima qiladi, kursning manba tili esa `{ $source }`
xliff-trglang-mismatch = trgLang `{ $trg }` fayl eksport qilingan tilga (`{ $locale }`) mos emas
xliff-not-course-file = `{ $file }` kursning { $locale } tilidagi sahifasi ham, xabarlar fayli ham emas (manba sahifasi uchun content/{ $locale }/…, manba xabarlar fayli uchun locales/{ $locale }/…)
xliff-file-twice = `{ $file }` faylda ikki marta bor
xliff-unit-twice = `{ $unit }` birligi oʻz faylida ikki marta bor
xliff-unit-unknown = `{ $unit }` birligi endi { $file } segmentlari orasida yoʻq (eksportdan keyin manba oʻzgarganmi?); uning tarjimasi tashlab ketildi
xliff-unit-no-place = `{ $unit }` birligi: { $file } da bu joyda segment yoʻq (uning tuzilishi manbanikidan farq qiladi); tarjima tashlab ketildi — uni faylga qoʻlda kiriting
xliff-empty-message = `{ $unit }` birligi: xabar boʻsh boʻlishi mumkin emas
xliff-codes-changed = `{ $unit }` birligi: tarjimada manbaning barcha kodlari bittadan qolishi kerak (yetishmaydi: { $missing }; manbada yoʻq: { $extra }); kodlarni CAT dasturida qaytaring
xliff-code-kind = `{ $unit }` birligi: `{ $id }` kodi manbadagi turdagi kod emas
xliff-structure-changed = `{ $unit }` birligi: tarjima { $file } tuzilishini oʻzgartiradi (yangi xatboshi, roʻyxat bandi yoki sarlavha?); har bir tarjima bitta segment boʻlib qolsin
xliff-breaks-file = importdan keyin { $file } oʻqilmaydi: { $reason }
xliff-breaks-fluent = `{ $unit }` birligi: { $file } endi toʻgʻri Fluent fayli boʻlmaydi (figurali qavslarni va tanlash sintaksisini tekshiring)
