# `SCORM` paketlari: `Moodle` uchun parvoz oldi tekshiruvi (yigʻish va
# `darslik verify`) va paketlarni yozish.

## Paketlarni yozish

scorm-cannot-compress = siqib boʻlmadi: { $reason }
scorm-cannot-read = { $file } oʻqib boʻlmadi: { $reason }
scorm-cannot-read-hint = fayl yigʻish paytida oʻchirildimi? Kursni qayta yigʻing
scorm-theme-static = mavzuda `{ $file }` fayli yoʻq, u esa `SCORM` paketlariga kerak
scorm-theme-static-hint = faylni `themes/<name>/static/` papkasiga qaytaring yoki qayta belgilashni olib tashlang
scorm-cannot-make = { $package } yaratib boʻlmadi: { $reason }
scorm-cannot-write = { $package } yozib boʻlmadi: { $reason }
scorm-cannot-write-hint = disk toʻlganmi yoki natija papkasi faqat oʻqish uchunmi?
scorm-suspend-budget = `{ $module }` moduli `SCORM 1.2` uchun juda katta: uning saqlangan holatiga { $chars } ta belgi kerak boʻlishi mumkin, `LMS` esa koʻpi bilan { $max } ta belgi saqlaydi
scorm-suspend-budget-hint = modulni boʻling yoki savollar, javob variantlari yoki ssenariylar sonini kamaytiring

## `darslik verify`: berilgan fayl

scorm-verify-cannot-read = { $file } oʻqib boʻlmadi: { $reason }
scorm-verify-not-plain = { $file } oddiy fayl emas ({ $kind }); `SCORM` `zip` paketi yoki toʻplam papkasi yoʻlini bering

## `Zip` arxiv

scorm-zip-unreadable = Bu oʻqiladigan `zip` arxiv emas ({ $detail }). `Moodle` yuklashni rad etadi: “{ $moodle }”. Paketni `darslik` bilan qayta yigʻing yoki `zip` ni qayta yarating va yana nusxalang (oxirigacha nusxalanmagan fayl shunday koʻrinadi).
scorm-zip-too-many-files = `Zip` arxivda { $count } ta fayl bor, paketda esa koʻpi bilan { $max } ta boʻlishi mumkin (kurs paketida yuzlab fayl boʻladi). `Moodle` uni ochib ulgurmaydi. Paketni qayta yigʻing.
scorm-zip-claims-files = `Zip` arxiv oʻzida { $count } ta fayl bor deydi, `darslik` esa koʻpi bilan { $max } tasini oʻqiydi (kurs paketida yuzlab fayl boʻladi). Bu paket `darslik` da yaratilmagan; `Moodle` uni ochib ulgurmaydi. Paketni qayta yigʻing.
scorm-zip-directory-too-large = `Zip` arxivdagi fayllar roʻyxati { $mb } MB, `darslik` esa koʻpi bilan { $max } MB oʻqiydi (kurs paketida bir necha KB). Bu paket `darslik` da yaratilmagan. Paketni qayta yigʻing.
scorm-zip-bomb = Bu fayl ochilganda { $ratio } baravardan koʻproq kattalashadi (arxivda { $kb } KB, ochilgach { $mb } MB dan ortiq): bu `zip` bomba, uni ochgan serverning diski yoki xotirasini toʻldirish uchun yasalgan. Uni yuklamang; paketni qayta yigʻing.
scorm-zip-too-large = Bu arxivdagi fayllar birgalikda { $mb } MB dan ortiq hajmga ochiladi (tekshiruv shu faylda toʻxtadi). Bu kurs paketi emas; uni ochish `Moodle` serveri diskini toʻldirishi mumkin. Paketni qayta yigʻing.
scorm-file-too-large = Bu fayl { $mb } MB dan ortiq hajmga ochiladi. Kursda bunday katta fayl boʻlmaydi; uni ochish `Moodle` serveri diskini toʻldirishi mumkin. Paketni qayta yigʻing, katta videolarni esa paketdan tashqarida saqlang.
scorm-file-damaged = { $file } fayli buzilgan (uni ochib boʻlmaydi: { $detail }); paketni qayta yigʻing. `Moodle` buzilgan faylni ochadi yoki paketni rad etadi (oxirigacha nusxalanmagan `zip` shunday koʻrinadi).
scorm-file-damaged-checksum = { $file } fayli buzilgan (nazorat yigʻindisi mos kelmaydi); paketni qayta yigʻing. `Moodle` buzilgan faylni ochadi yoki paketni rad etadi (oxirigacha nusxalanmagan `zip` shunday koʻrinadi).

## Arxiv yozuvlari

scorm-entry-unreadable = `Zip` arxivning { $index }-yozuvini oʻqib boʻlmaydi ({ $detail }). `Moodle` uni ocholmaydi. Paketni qayta yigʻing va yana nusxalang.
scorm-file-encrypted = Bu fayl arxiv ichida parol bilan himoyalangan. `Moodle` uni ocholmaydi, unga muhtoj sahifa esa buzilgan holda qoladi. `Zip` ni parolsiz yarating.
scorm-file-duplicate = Arxivda shu nomli ikkita fayl bor. `Moodle` ulardan faqat bittasini saqlaydi, qaysi biri — serverga bogʻliq. Paketni qayta yigʻing.
scorm-file-link = Bu yozuv fayl emas, ramziy havola. Serverda ochilganda u oʻzida yozilgan joyga, paketdan tashqariga ham ishora qiladi; `darslik` havola yaratmaydi, demak, paket yigʻilgandan keyin oʻzgartirilgan. Paketni qayta yigʻing.
scorm-file-special = Bu yozuv oddiy fayl emas (`unix` fayl turi { $kind }: `FIFO`, qurilma yoki soket). Kurs paketida faqat fayllar boʻladi; `darslik` bunday yozuvlar yaratmaydi. Paketni qayta yigʻing.
scorm-path-unsafe = Bu yoʻl mutlaq yoki `..` orqali paketdan tashqariga chiqadi. `Moodle` uni paket papkasidan tashqarida ochmaydi va fayl yoʻqoladi. Barcha fayllarni paket ichida, nisbiy yoʻllar bilan saqlang.
scorm-file-name-unsafe = Bu fayl nomida { $chars } bor. `Moodle` `SCORM` `zip` paketini ochganda fayl nomlaridan { $deleted } belgilarini va boshqaruv belgilarini oʻchiradi, shuning uchun fayl boshqa nom bilan saqlanadi va undan foydalanadigan sahifalar uni topolmaydi. Faylni faqat harflar, raqamlar, `-`, `_` va `.` bilan qayta nomlang.
scorm-file-name-encoding = Bu fayl nomi oddiy `ASCII` emas va arxiv uni `UTF-8` deb belgilamagan. Shunda `Moodle` kodlashni (sayt tilidan) taxmin qilishi kerak, nom buzilib, unga havolalar ishlamay qolishi mumkin. `ASCII` nom ishlating yoki `UTF-8` belgisini qoʻyadigan `zip` dasturidan foydalaning (`darslik` qoʻyadi).
scorm-manifest-not-at-root = `Moodle` yuklashni rad etadi: “{ $moodle }”. Manifest `{ $folder }` papkasi ichida; bu papkaning oʻzi arxivlanganda boʻladi. Uning oʻrniga papka ichidagilarni arxivlang, shunda `imsmanifest.xml` arxivning eng yuqorisida boʻladi.
scorm-manifest-missing = `Moodle` yuklashni rad etadi: “{ $moodle }”. Bu `zip` `SCORM` paketi emas (yoki bu `AICC` paketi, uni `darslik` tekshirmaydi).
scorm-manifest-missing-case = `Moodle` yuklashni rad etadi: “{ $moodle }”. Arxivda `{ $found }` bor, `Moodle` esa aynan `imsmanifest.xml` nomini, kichik harflarda, arxivning eng yuqorisida qidiradi.

## Manifest

scorm-manifest-unreadable = `imsmanifest.xml` ni arxivdan oʻqib boʻlmaydi ({ $detail }). `Moodle` ham uni oʻqiy olmaydi. Paketni qayta yigʻing.
scorm-manifest-too-large = u { $mb } MB dan katta
scorm-manifest-encoding = `imsmanifest.xml` `UTF-8` da emas ({ $offset }-oʻrindagi bayt notoʻgʻri). `Moodle` manifestlarni `UTF-8` deb oʻqiydi, shuning uchun nomlar buziladi yoki tahlil muvaffaqiyatsiz boʻladi. Manifestni `UTF-8` da saqlang.
scorm-manifest-char-ref = `imsmanifest.xml` da raqamli belgi havolasi bor ({ $line }-qator). Tahlil qilishdan oldin `Moodle` nomlangan obyektni boshlamaydigan har bir `&` ni `&amp;` ga aylantiradi, shuning uchun `&#...;` li nomda belgi oʻrniga kod koʻrinadi. Belgining oʻzini yozing (manifest `UTF-8` da).
scorm-manifest-bare-amp = `imsmanifest.xml` toʻgʻri tuzilgan `XML` emas ({ $line }-qator: { $detail }): unda yolgʻiz `&` bor. `Moodle` buni tahlildan oldin tuzatadi, lekin boshqa `LMS` lar va `SCORM` validatorlari paketni rad etadi. `&amp;` deb yozing.
scorm-manifest-malformed = `imsmanifest.xml` toʻgʻri tuzilgan `XML` emas ({ $line }-qator: { $detail }). `Moodle` yuklashni qabul qiladi, soʻng faoliyat saqlanganda yoki ochilganda manifest tahlili muvaffaqiyatsiz boʻladi. Paketni qayta yigʻing; manifestni qoʻlda tahrirlamang.
scorm-manifest-root = Manifestning ildizi `{ $ns }` nomlar fazosidagi `<{ $root }>`, `SCORM 1.2` (`{ $ns12 }`) yoki `SCORM 2004` (`{ $ns2004 }`) nomlar fazosidagi prefikssiz `<manifest>` emas. `Moodle` manifest elementlarini aynan nomlari boʻyicha oʻqiydi va unda kurs topmaydi.
scorm-schemaversion-missing = Manifestda `<metadata><schemaversion>` yoʻq. Shunda `Moodle` paketni `SCORM 1.2` sifatida ishga tushiradi. `<schemaversion>1.2</schemaversion>` qoʻshing.
scorm-schemaversion-missing-2004 = Manifestda `<metadata><schemaversion>` yoʻq. Shunda `Moodle` paketni `SCORM 1.2` sifatida ishga tushiradi, nomlar fazosi esa `SCORM 2004` deydi: kontent `2004 API` ni qidiradi, topmaydi va hech narsa yozmaydi. `<schemaversion>2004 4th Edition</schemaversion>` qoʻshing.
scorm-schemaversion-unknown = `Moodle` `<schemaversion>{ $value }</schemaversion>` ni tanimaydi (u “`1.2`”, “`CAM 1.3`”, “`2004 3rd Edition`” va “`2004 4th Edition`” ni aynan shunday, atrofida boʻsh joysiz biladi) va paketni `SCORM 1.2` sifatida ishga tushiradi.
scorm-version-mismatch = Manifest nomlar fazosi { $ns } deydi, `<schemaversion>` esa { $schema } deydi. `Moodle` `schemaversion` ga amal qilib kontentga { $schema } `API` sini beradi, kontent esa boshqasini kutadi: u `LMS` ni topmaydi va hech narsa yozmaydi.
scorm-dependency-broken = `{ $resource }` resursi `{ $target }` ga bogʻliq, bunday resurs esa manifestda yoʻq. `Moodle` bogʻliqliklarni hisobga olmaydi, lekin qatʼiyroq `LMS` lar va `SCORM` validatorlari paketni rad etadi.
scorm-organization-missing = Manifestda `<organization>` yoʻq. Shunda `Moodle` resurslarni identifikatorlari bilan quruq roʻyxat qilib koʻrsatadi va kurs tuzilmasi yoʻqoladi.
scorm-organization-default-absent = `<organizations>` da `default` atributi yoʻq. `Moodle` birinchi tashkilotdan boshlaydi; `SCORM` bu atributni talab qiladi.
scorm-organization-default-broken = `<organizations default="{ $default }">` bu manifestning birorta tashkilotini koʻrsatmaydi. `Moodle` qaysi tashkilotdan boshlashni bilmaydi va faoliyat boʻsh ochilishi mumkin.
scorm-identifierref-broken = `{ $item }` elementi mavjud boʻlmagan `{ $target }` resursini ochadi. `Moodle` “{ $moodle } { $target }” deb koʻrsatadi va element ochilmaydi.
scorm-scormtype-prefix = `{ $target }` resursida `{ $prefix }:scormtype="{ $value }"` yozilgan. `Moodle` manifestni nomlar fazosini hisobga olmay oʻqiydi va bu atributni faqat `adlcp` prefiksi bilan koʻradi, shuning uchun bu `SCO` ni oddiy fayl deb hisoblaydi va na jarayonni, na ballni yozadi. `ADL` nomlar fazosini `adlcp` prefiksiga bogʻlang.
scorm-launch-not-sco = `{ $item }` elementi `adlcp:scormtype="sco"` oʻrniga `adlcp:scormtype="{ $value }"` boʻlgan `{ $target }` resursini ochadi. `Moodle` uni ochadi, lekin na jarayonni, na yakunlanishni, na ballni yozadi.
scorm-launch-no-scormtype = `{ $item }` elementi `adlcp:scormtype="sco"` oʻrniga `adlcp:scormtype` siz `{ $target }` resursini ochadi. `Moodle` uni ochadi, lekin na jarayonni, na yakunlanishni, na ballni yozadi.
scorm-launch-href-missing = `{ $item }` elementi `href` i yoʻq `{ $target }` resursini ochadi. `Moodle` bu element uchun ochadigan fayl topmaydi.
scorm-no-sco = Manifestning birorta elementi `SCO` ni (`adlcp:scormtype="sco"` li resursni) ochmaydi. `Moodle` kontentni koʻrsatadi, lekin na jarayonni, na yakunlanishni, na ballni yozadi: faoliyat hech qachon yakunlanmaydi va baholar jurnali boʻsh qoladi.
scorm-file-unlisted = Bu fayl arxivda bor, lekin `imsmanifest.xml` ning birorta resursi uni sanab oʻtmaydi. `Moodle` uni baribir beradi, lekin `SCORM` har bir faylni sanab oʻtishni talab qiladi va faqat sanalgan fayllarni nusxalaydigan `LMS` lar uni tashlab ketadi. Paketni qayta yigʻing yoki faylni roʻyxatga qoʻshing.
scorm-identifier-duplicate = `{ $id }` identifikatori { $count } marta ishlatilgan. `Moodle` har bir identifikator uchun bitta yozuv saqlaydi, shuning uchun elementlar yoʻqoladi yoki kuzatuv maʼlumotlari aralashib ketadi; `SCORM` identifikatorlar takrorlanmasligini talab qiladi.
scorm-file-missing = `imsmanifest.xml` `{ $path }` faylini koʻrsatadi, lekin arxivda bunday fayl yoʻq. `Moodle` da unga muhtoj sahifa (yoki rasm, uslub, skript) buzilgan holda qoladi, ishga tushirish fayli boʻlmasa esa element umuman ochilmaydi. Paketni qayta yigʻing; yozilishini va katta-kichik harflarni tekshiring.

## `verify` ga berilgan yoʻl nima

scorm-kind-fifo = `FIFO`, nomlangan kanal
scorm-kind-char-device = belgili qurilma
scorm-kind-block-device = blokli qurilma
scorm-kind-socket = soket
scorm-kind-link = ramziy havola
scorm-kind-folder = papka
scorm-kind-file = oddiy fayl
scorm-kind-other = `darslik` biladigan fayl emas

## Manifest nega `XML` emas (`manifest-malformed` tafsiloti)

scorm-xml-reader = { $detail }
scorm-xml-text-outside = ildiz elementidan tashqaridagi matn
scorm-xml-bad-char-ref = notoʻgʻri belgi havolasi `{ $reference }`
scorm-xml-undefined-entity = nomaʼlum obyekt `{ $reference }`
scorm-xml-never-closed = `{ $element }` hech qayerda yopilmagan
scorm-xml-no-element = unda birorta ham element yoʻq
scorm-xml-second-root = ikkinchi yuqori darajali element
scorm-xml-too-deep = hujjat juda chuqur joylashgan yoki juda katta
