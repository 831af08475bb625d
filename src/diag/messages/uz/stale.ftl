# Eskirgan va yoʻq tarjimalar, `darslik stamp`, manbadagi oʻzgarishlar va
# `darslik status` jadvali.

## check: sahifalar holati

stale-page-missing = `content/{ $locale }/{ $page }` hali tarjima qilinmagan; oʻquvchilar uning oʻrniga { $fallback } tilidagi sahifani koʻradi
stale-page-missing-source = `content/{ $locale }/{ $page }` hali tarjima qilinmagan; oʻquvchilar uning oʻrniga asl sahifani koʻradi
stale-page-missing-hint = `content/{ $source }/{ $page }` faylini tarjima qilib, `content/{ $locale }/{ $page }` fayliga yozing, soʻng `darslik stamp --locale { $locale } { $page }` buyrugʻini bajaring
stale-page-stale = manba sahifa `content/{ $source }/{ $page }` bu tarjima qilingandan keyin oʻzgargan
stale-page-stale-hint = tarjimani manba oʻzgargan joylarda yangilang (oʻzgarishlar quyida koʻrsatilgan), soʻng `darslik stamp --locale { $locale } { $page }` buyrugʻini bajaring
stale-page-stale-unknown-hint = bu tarjima `darslik` manba nusxalarini saqlashni boshlashidan oldin belgilangan, shuning uchun nima oʻzgarganini koʻrsatib boʻlmaydi: manba tarixi bilan solishtiring (masalan, `git log -p content/{ $source }/{ $page }`), tarjimani yangilang, soʻng `darslik stamp --locale { $locale } { $page }` buyrugʻini bajaring; shundan keyin oʻzgarishlar koʻrsatiladi

## Eskirgan sahifa ostidagi oʻzgarishlar

stale-diff-heading = tarjima belgilanganidan beri `{ $source }` faylida nima oʻzgardi:
stale-diff-unknown = `{ $source }` faylida nima oʻzgargani nomaʼlum: tarjima belgilangan paytdagi manba nusxasi `.darslik/sources` papkasida yoʻq
stale-diff-more = … yana { $count } ta oʻzgarish

## darslik stamp

stale-stamp-source = { $locale } — kursning manba tili; faqat tarjimalar belgilanadi
stale-stamp-source-hint = tarjima tilini koʻrsating, masalan `--locale ru`
stale-stamp-locale = kursda `{ $locale }` tili yoʻq
stale-stamp-no-page = kursda `content/{ $locale }/{ $page }` degan tarjima sahifasi yoʻq
stale-stamp-no-page-hint = sahifalarni `module-06/01-act.md` yoki `content/<locale>/module-06/01-act.md` koʻrinishida yozing
stale-stamp-no-source = `content/{ $source }/{ $page }` fayli yoʻq, shuning uchun `content/{ $locale }/{ $page }` hech narsaning tarjimasi boʻla olmaydi
stale-stamp-io = `{ $file }` faylini belgilab boʻlmadi: { $detail }
stale-stamp-snapshot = manba `{ $file }` nusxasini `.darslik/sources` papkasiga saqlab boʻlmadi, shuning uchun `{ $page }` belgilanmadi: { $detail }

stale-stamp-store-linked = `.darslik` yoki `.darslik/sources` ramziy havola; `darslik` manba nusxalarini faqat kurs papkasi ichida saqlaydi, shuning uchun hech narsa belgilanmadi
stale-stamp-store-linked-hint = havolani oddiy papka bilan almashtiring (undagi fayllarni `.darslik/sources` papkasiga koʻchiring), soʻng qayta belgilang

## darslik status

stale-status-title = { $course } { $version } kursi tarjimalarining holati (manba tili: { $source })
stale-status-col-locale = til
stale-status-col-module = modul
stale-status-col-current = dolzarb
stale-status-col-stale = eskirgan
stale-status-col-unstamped = belgisiz
stale-status-col-missing = tarjimasiz
stale-status-home = (bosh sahifa)
stale-status-generated-label = { $locale } (avtomatik yaratiladi: { $from })
stale-status-generated = { $label }: { $generated } ta sahifa avtomatik yaratilgan, { $hand } tasi qoʻlda yozilgan; xabarlar avtomatik yaratilgan, { $own } tasi qoʻlda yozilgan
stale-status-summary = { $label }: { $total } ta sahifadan { $current } tasi dolzarb, { $stale } tasi eskirgan, { $unstamped } tasi belgisiz, { $missing } tasi tarjimasiz; xabarlar { $translated }/{ $messages }
stale-status-page-stale = eskirgan
stale-status-page-missing = tarjimasiz
