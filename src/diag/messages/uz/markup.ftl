# Test va ssenariy bloklari, ularning tarjimasini manba bilan solishtirish,
# havolalar va langarlar. Belgilar (`( )`, `[x]`, `? `), identifikatorlar va
# yoʻllar teskari tirnoq ichida qoladi.

## Test bloklari

markup-quiz-empty = bu test bloki boʻsh
markup-quiz-empty-hint = kamida bitta savol yozing: `? …` qatori va uning ostida javob variantlari; yoki blokni oʻchiring
markup-quiz-question-space = savol boshidagi `?` belgisidan keyin boʻsh joy kerak
markup-quiz-question-space-hint = `?` dan keyin boʻsh joy qoʻying: `? { $text }`
markup-quiz-empty-prompt = bu savolning matni yoʻq
markup-quiz-empty-prompt-hint = savolni `? ` dan keyin yozing
markup-quiz-empty-question = bu savolning javob variantlari yoʻq
markup-quiz-empty-question-hint = javob qatorlarini savolning darhol ostiga, oraga boʻsh qator qoldirmasdan yozing: variantlar `( ) …` va `(x) …`, juftlar `- … => …`, bandlar `1. …` yoki qabul qilinadigan javoblar `= …`
markup-quiz-one-option = bu savolda faqat bitta javob varianti bor
markup-quiz-one-option-hint = har bir savolga kamida ikkita variant bering
markup-quiz-one-pair = bu moslashtirish savolida faqat bitta juft bor
markup-quiz-one-pair-hint = moslashtirish savoliga kamida ikkita juft bering: `-` chap tomon `=>` oʻng tomon
markup-quiz-one-item = bu tartiblash savolida faqat bitta band bor
markup-quiz-one-item-hint = tartiblash savoliga kamida ikkita band bering: `1. …`, `2. …`
markup-quiz-too-many = bu savolda { $count } ta { $what ->
        [pair] juft
        [item] band
       *[answer] qabul qilinadigan javob
    } bor, koʻpi bilan { $max } ta boʻlishi mumkin
markup-quiz-too-many-hint = uni ikkita savolga ajrating
markup-quiz-too-many-answers-hint = eng ehtimoliy { $max } ta yozilishini qoldiring: harf kattaligi, chetdagi boʻsh joylar, apostrof turlari va `ё`/`е` allaqachon hisobga olinmaydi
markup-quiz-no-correct = bu savolning birorta ham varianti toʻgʻri deb belgilanmagan
markup-quiz-no-correct-single-hint = roppa-rosa bitta javobni `(x)` bilan belgilang
markup-quiz-no-correct-multiple-hint = har bir toʻgʻri javobni `[x]` bilan belgilang (kamida bittasini)
markup-quiz-several-correct = bitta javobli savolda { $count } ta variant `(x)` bilan belgilangan ({ $lines }-qatorlar)
markup-quiz-several-correct-hint = roppa-rosa bitta javobni `(x)` bilan belgilang; agar bir nechta javob toʻgʻri boʻlsa, hamma variantlarda `[ ]` va `[x]` dan foydalaning
markup-quiz-duplicate = { $what ->
        [left] bu chap tomon { $line }-qatordagi chap tomon bilan bir xil
        [right] bu oʻng tomon { $line }-qatordagi oʻng tomon bilan bir xil
        [item] bu band { $line }-qatordagi band bilan bir xil
       *[answer] bu qabul qilinadigan javob { $line }-qatordagi javob bilan bir xil
    }
markup-quiz-duplicate-hint = { $what ->
        [left] savolning hamma chap tomonlarini har xil qiling yoki buni oʻchiring
        [right] savolning hamma oʻng tomonlarini har xil qiling yoki buni oʻchiring
        [item] savolning hamma bandlarini har xil qiling yoki buni oʻchiring
       *[answer] savolning hamma qabul qilinadigan javoblarini har xil qiling yoki buni oʻchiring
    }
markup-quiz-mixed-choice = bu variantda { $this } belgisi, savolning birinchi variantida esa ({ $line }-qator) { $first } belgisi bor
markup-quiz-mixed-choice-hint = bitta javobli savolning hamma variantlarida `( )` va `(x)`, bir nechta javobli savolda esa `[ ]` va `[x]` yozing
markup-quiz-mixed-form = bu qator { $this } koʻrinishida yozilgan, savolning birinchi javob qatori esa ({ $line }-qator) { $first } koʻrinishida
markup-quiz-mixed-form-hint = savolning javob qatorlari bir xil turda boʻladi: buni ham { $first } koʻrinishida yozing yoki oldiga boʻsh qator qoʻyib, `? ` bilan yangi savol boshlang
markup-quiz-orphan-answer = bu javob qatori hech qaysi savolga tegishli emas
markup-quiz-orphan-explanation = bu izoh hech qaysi savolga tegishli emas
markup-quiz-blank-in-question = bu javob qatorini savolidan ({ $line }-qator) boʻsh qator ajratib turibdi
markup-quiz-blank-ends-question-hint = { $line }-qator boʻsh, boʻsh qator esa savolni tugatadi: { $what ->
        [option] bu variantlar
        [pair] bu juftlar
        [item] bu bandlar
        [answer] bu qabul qilinadigan javoblar
       *[explanation] bu izoh
    } yuqoridagi savol bilan qolishi uchun uni oʻchiring
markup-quiz-start-question-hint = { $what ->
        [option] variantlardan
        [pair] juftlardan
        [item] bandlardan
        [answer] qabul qilinadigan javoblardan
       *[explanation] izohdan
    } oldin savolni `? …` qatori bilan boshlang
markup-quiz-empty-option = bu variantning matni yoʻq
markup-quiz-empty-option-hint = javobni belgidan keyin yozing, masalan: `(x)` Vositalar
markup-quiz-pair-arrow = bu juftning ikki tomoni orasida `=>` yoʻq
markup-quiz-pair-arrow-hint = juftni shunday yozing: `-` chap tomon `=>` oʻng tomon
markup-quiz-pair-empty = { $side ->
        [left] bu juftning chap tomoni boʻsh
       *[right] bu juftning oʻng tomoni boʻsh
    }
markup-quiz-pair-empty-hint = `=>` ning ikkala tomoniga ham matn yozing
markup-quiz-order-number = bu bandning raqami { $number }, lekin u savolning { $expected }-bandi
markup-quiz-order-number-hint = bandlarni 1, 2, 3, … deb raqamlang va toʻgʻri tartibda yozing: oʻquvchi ularni aralashtirilgan holda koʻradi
markup-quiz-empty-item = bu bandning matni yoʻq
markup-quiz-empty-item-hint = qadamni raqamdan keyin yozing, masalan: `1.` Inson xavfsiz ekaniga ishonch hosil qiling
markup-quiz-empty-answer = bu qabul qilinadigan javob boʻsh
markup-quiz-empty-answer-hint = javobni `= ` dan keyin yozing, masalan: `=` 3-modda
markup-quiz-range-backwards = bu oraliq { $low } dan boshlanib, undan kichik { $high } bilan tugaydi
markup-quiz-range-not-numbers = `{ $text }` sonlar oraligʻiga oʻxshaydi, lekin `..` ning ikkala tomonida ham son boʻlishi kerak
markup-quiz-bad-range-hint = sonlar oraligʻini `=` dan keyin ikki son orasiga `..` qoʻyib yozing, masalan `= 18..20` (kasr qismini vergul yoki nuqta bilan ajratish mumkin)
markup-quiz-answer-space = qabul qilinadigan javob boshidagi `=` belgisidan keyin boʻsh joy kerak
markup-quiz-answer-space-hint = `=` dan keyin boʻsh joy qoʻying, masalan `= 18`
markup-quiz-bad-marker = bu variant belgisi `( )` `(x)` `[ ]` `[x]` dan biri emas
markup-quiz-bad-marker-hint = bitta javobli savol varianti uchun `( )` yoki `(x)`, bir nechta javobli savol uchun `[ ]` yoki `[x]` yozing
markup-quiz-cyrillic-x-hint = bu kirill harfi «х»: `(x)` yoki `[x]` dagidek lotin `x` harfini tering
markup-quiz-unknown-line = bu qator test sintaksisiga kirmaydi
markup-quiz-prompt-one-line-hint = savol bitta qatorga sigʻishi kerak: bu qatorni yuqoridagi `? ` qatoriga qoʻshing; javob qatorlari `( )` `[ ]` `- ` `1. ` yoki `= ` bilan, izohlar `> ` bilan boshlanadi
markup-quiz-unknown-line-hint = qatorni `? ` (savol), `( )` `(x)` `[ ]` `[x]` (variant), `- a => b` (juft), `1. ` (tartib bandi), `= ` (qabul qilinadigan javob) yoki `> ` (izoh) bilan boshlang; savollarni boʻsh qator bilan ajrating

## Ssenariy bloklari

markup-scenario-empty = bu ssenariy blokida qadam yoʻq
markup-scenario-empty-hint = har bir qadamni `# id` qatori bilan boshlang, keyin qadam matni va uning tanlovlari `*` matn `-> id`; yakunni `# id (end)` deb belgilang
markup-scenario-text-before = bu matn ssenariyning birinchi qadamidan oldin turibdi
markup-scenario-text-before-hint = blokni birinchi qadam — `# id` qatori (masalan, `# start`) bilan boshlang va bu matnni uning ostiga qoʻying; ssenariy atrofidagi matnni blokdan tashqarida yozing
markup-scenario-no-id = bu qadamning identifikatori yoʻq
markup-scenario-no-id-hint = qadam identifikatorini `# ` dan keyin yozing, masalan `# start`; yakunni identifikatordan keyin `(end)` bilan belgilang
markup-scenario-bad-end-mark = qadam identifikatoridan keyingi `{ $mark }` yakun belgisi `(end)` emas
markup-scenario-bad-end-mark-hint = yakunni har qanday tilda lotin harflari bilan `(end)` deb belgilang: `# { $id } (end)`; qadam identifikatorida boʻsh joy boʻlmaydi
markup-scenario-bad-id = `{ $id }` qadam identifikatori boʻla olmaydi
markup-scenario-bad-id-hint = qadam identifikatori 1 dan { $max } tagacha lotin harfi, raqam, `-` yoki `_` dan iborat, boʻsh joysiz boʻladi, masalan `# ask-for-help`; u hamma tillarda bir xil qoladi
markup-scenario-duplicate-id = `{ $id }` qadam identifikatori { $line }-qatorda allaqachon ishlatilgan
markup-scenario-duplicate-id-hint = ssenariyning har bir qadamiga oʻz identifikatorini bering
markup-scenario-no-arrow = bu tanlovda `->` va qadam identifikatori yoʻq
markup-scenario-no-arrow-hint = tanlov oxirida `->` va qadam identifikatori boʻlishi kerak, masalan `*` Ishonch telefoniga qoʻngʻiroq qilish `-> hotline`; qadam matni ichidagi roʻyxatlar `*` bilan emas, `-` bilan yoziladi
markup-scenario-points-not-number = `{ $mark }` ball soni emas
markup-scenario-points-too-many = { $points } ball tanlov bera oladigan yoki ayira oladigan miqdordan ({ $max }) koʻp
markup-scenario-points-hint = ballarni maqsaddan keyin `(+N)` yoki `(-N)` deb yozing, `N` — 0 dan { $max } gacha butun son, masalan `-> separate (+2)`; balli yoʻq tanlov 0 beradi
markup-scenario-choice-no-text = bu tanlovning matni yoʻq
markup-scenario-choice-no-text-hint = oʻquvchi nima qila olishini `* ` va `->` orasiga yozing, masalan `*` Ishonch telefoniga qoʻngʻiroq qilish `-> hotline`
markup-scenario-no-target = bu tanlov qaysi qadamga olib borishini aytmaydi
markup-scenario-no-target-hint = `->` dan keyin qadam identifikatorini yozing, masalan `-> hotline`
markup-scenario-feedback-apart = bu javob qatori tanlovdan darhol keyin kelmagan
markup-scenario-feedback-apart-hint = tanlovning javob qatorlarini `> …` tanlovning darhol ostiga, oraga boʻsh qator qoldirmasdan yozing
markup-scenario-after-choices = bu qator `{ $step }` qadamining tanlovlaridan keyin kelgan
markup-scenario-after-choices-hint = qadam matnini uning tanlovlaridan oldin yozing; tanlovdan keyin faqat uning javobi (`> …`) kelishi mumkin; yangi qadamni `# id` bilan boshlang
markup-scenario-empty-step = `{ $step }` qadamining matni yoʻq
markup-scenario-empty-step-hint = bu qadamda nima boʻlishini `# id` ostidagi qatorlarga, tanlovlardan oldin yozing
markup-scenario-end-choices = `{ $step }` qadami yakun, lekin uning tanlovlari bor
markup-scenario-end-choices-hint = ssenariy shu yerdan davom etsa, qadam qatoridan `(end)` ni olib tashlang, aks holda tanlovlarni oʻchiring
markup-scenario-dead-end = `{ $step }` qadamida tanlov yoʻq va u yakun ham emas
markup-scenario-dead-end-hint = matn ostiga `*` matn `->` qadam-id tanlovlarini qoʻshing yoki qadamni yakun deb belgilang: `# { $step } (end)`
markup-scenario-missing-target = bu ssenariyda `{ $target }` qadami yoʻq
markup-scenario-missing-target-near-hint = `{ $near }` demoqchimidingiz? Qadam identifikatori aniq, xuddi shu bosh harflar bilan yoziladi
markup-scenario-missing-target-hint = blokdagi qadamlardan birining identifikatorini yozing: { $ids }
markup-scenario-unreachable = `{ $step }` qadamiga birinchi `{ $first }` qadamidan yetib boʻlmaydi
markup-scenario-unreachable-hint = yetib boriladigan qadamga `* … -> { $step }` tanlovini qoʻshing yoki bu qadamni oʻchiring
markup-scenario-no-way-out = `{ $step }` qadamidan hech bir yakunga yetib boʻlmaydi: uning tanlovlari faqat aylanib yuradi
markup-scenario-no-way-out-hint = aylanadagi qadamlardan biriga yakunga `# id (end)` olib boradigan tanlov bering
markup-scenario-points-loop = bu tanlov aylana ichida ball beradi (u `{ $step }` qadamiga qaytarishi mumkin), shuning uchun oʻquvchi ularni qayta-qayta yigʻishi mumkin
markup-scenario-points-loop-hint = aylana ichidagi tanlovlarga 0 yoki manfiy ball bering, masalan `-> { $step }` yoki `-> { $step } (-1)`, ballarni esa aylanadan chiqaradigan tanlovlarga qoʻying

## Tarjima qilingan test va ssenariylarni manba sahifa bilan solishtirish

markup-check-quiz-settings = bu tarjima — { $translation ->
        [none] mashq sahifasi
       *[other] { $translation }
    }, manba sahifa esa — { $source ->
        [none] mashq sahifasi
       *[other] { $source }
    }
markup-check-quiz-settings-hint = `assessment`, `attempts`, `shuffle`, `draw` va `review` ni { $file } faylining boshidagi `+++` orasidagi qismdan koʻchiring
markup-check-quiz-count = bu tarjimada { $translation } ta test savoli bor, manbada esa { $source } ta
markup-check-quiz-count-hint = testni { $file } bilan moslang: oʻsha savollar oʻsha tartibda, variantlar soni bir xil, `(x)` yoki `[x]` bilan bir xil variantlar belgilangan
markup-check-quiz-compare-hint = { $file } dagi { $n }-savol bilan solishtiring ({ $line }-qator)
markup-check-quiz-form = { $n }-savol { $this } koʻrinishida yozilgan, manbada esa { $source } koʻrinishida
markup-check-quiz-lines = { $n }-savolda { $this } ta { $what ->
        [pair] juft
        [item] band
       *[option] variant
    } bor, manbada esa { $source } ta
markup-check-quiz-key = { $n }-savolda { $this } variant(lar) toʻgʻri deb belgilangan, manbada esa { $source }
markup-check-quiz-pair = { $n }-savol, { $pair }-juft: «{ $this }» dagi sonlar manbadagi «{ $source }» dagidan boshqacha; juftlar boshqacha moslanishi mumkin
markup-check-quiz-item = { $n }-savol, { $item }-band: «{ $this }» dagi sonlar manbaning { $item }-bandi «{ $source }» dagidan boshqacha; tartib farq qilishi mumkin
markup-check-quiz-numbers = { $n }-savol { $this ->
        [none] sonsiz javobni
       *[other] { $this } son(lar)ni
    } qabul qiladi, manba esa { $source ->
        [none] sonsiz javobni
       *[other] { $source } ni
    }
markup-check-scenario-count = bu tarjimada { $translation } ta ssenariy bloki bor, manbada esa { $source } ta
markup-check-scenario-count-hint = { $file } dagi har bir `scenario` blokini qadam identifikatorlari, maqsadlar va ballarni saqlagan holda tarjima qiling
markup-check-scenario-compare-hint = { $file } faylining { $line }-qatoridagi ssenariy bilan solishtiring: faqat matnlarni tarjima qiling; qadam identifikatorlari, `(end)`, tanlovlar tartibi, maqsadlar va ballar oʻzgarmaydi
markup-check-scenario-order = { $n }-ssenariy: qadamlar boshqa tartibda ({ $this }), manbada esa { $source }
markup-check-scenario-missing = { $n }-ssenariy: manbadagi { $count } ta qadam yoʻq: { $missing }
markup-check-scenario-extra = { $n }-ssenariy: { $count } ta qadam manbada yoʻq: { $extra }
markup-check-scenario-missing-extra = { $n }-ssenariy: manbadagi { $missing } qadami yoʻq; { $extra } qadami manbada yoʻq
markup-check-scenario-end = { $n }-ssenariy: manbada `{ $step }` qadami yakun: `# { $step } (end)` deb yozing
markup-check-scenario-not-end = { $n }-ssenariy: manbada `{ $step }` qadami yakun emas: `(end)` ni olib tashlang
markup-check-scenario-choices = { $n }-ssenariy: `{ $step }` qadamida { $this } ta tanlov bor, manbada esa { $source } ta
markup-check-scenario-target = { $n }-ssenariy: `{ $step }` qadamining { $choice }-tanlovi `{ $this }` ga olib boradi, manbada esa `{ $source }` ga
markup-check-scenario-points = { $n }-ssenariy: `{ $step }` qadamining { $choice }-tanlovi { $this } ball beradi, manbada esa { $source } ball

## Havolalar, rasmlar va langarlar

markup-link-unsafe = { $kind ->
        [image] rasm
       *[link] havola
    } manzili `{ $target }` kod ishga tushirishi yoki begona mazmunni joylashi mumkin; u natijaga kirmaydi
markup-link-unsafe-hint = faqat kurs sahifalariga, ular yonidagi fayllarga yoki `http(s)` va `mailto` manzillariga havola bering
markup-link-locale-not-built = `{ $target }` { $locale } tilidagi sahifaga olib boradi, lekin bu yigʻish faqat { $built } ni yozadi (`--locale`), shuning uchun natijada havola hech qayerga olib bormaydi
markup-link-locale-not-built-hint = { $locale } ni ham yigʻing (`--locale { $locale }`) yoki shu tildagi sahifaga havola bering
markup-link-empty = bu { $kind ->
        [image] rasmning
       *[link] havolaning
    } manzili yoʻq
markup-link-empty-hint = manzilni qavs ichiga yozing, masalan `[…](02-means.md)`
markup-image-remote = `{ $target }` rasmi internetda, kurs esa internetsiz ishlashi kerak
markup-image-remote-hint = rasmni modul papkasiga saqlang va unga fayl nomi orqali havola bering
markup-link-absolute = `{ $target }` mutlaq yoʻl; kurs fleshkadan ochilganda u ishlamay qoladi
markup-link-absolute-hint = shu sahifaga nisbatan yoʻl yozing, masalan `../module-07/01-investigation.md`
markup-link-outside-course = `{ $target }` kurs papkasidan tashqariga olib boradi
markup-link-outside-course-hint = faqat kurs papkasi ichidagi sahifa va fayllarga havola bering
markup-link-outside-content = `{ $target }` `content/` dan tashqaridagi faylga olib boradi, u esa natijaga kirmaydi
markup-link-outside-content-hint = faylni `content/<locale>/` ichidagi modul papkasiga koʻchiring
markup-link-not-a-locale = `{ $target }` `content/{ $locale }/` ichiga olib boradi, lekin bu kursda bunday til yoʻq
markup-link-not-a-locale-hint = shu kurs tillaridagi sahifalarga havola bering: { $locales }
markup-image-is-page = `{ $target }` rasm emas, sahifa
markup-image-is-page-hint = sahifalarga havola uchun `[…](page.md)` yozing
markup-broken-link = `{ $target }` havolasi kursning hech bir sahifasiga olib bormaydi
markup-broken-link-hint = fayl nomini tekshiring; modul sahifalari `content/<locale>/<module>/NN-name.md` da boʻladi ({ $looked } qidirildi)
markup-broken-link-near-hint = `{ $near }` demoqchimidingiz? ({ $looked } qidirildi)
markup-missing-file = `{ $target }` mavjud emas ({ $looked } va zaxira tillardagi nusxalari qidirildi)
markup-missing-file-hint = fayl nomini va fayl modul papkasida ekanini tekshiring
markup-broken-anchor = `{ $page }` da `{ $id }` identifikatorli sarlavha yoʻq
markup-broken-anchor-here = bu sahifada `{ $id }` identifikatorli sarlavha yoʻq
markup-broken-anchor-near-hint = `#{ $near }` demoqchimidingiz? Sarlavhaga hamma tillarda oʻzgarmas identifikator bering: `## … {"{"}#id{"}"}`
markup-broken-anchor-hint = oʻsha sahifadagi identifikatorlar: { $ids }; sarlavhaga hamma tillarda oʻzgarmas identifikator bering: `## … {"{"}#id{"}"}`
markup-broken-anchor-no-headings-hint = maqsad sahifada sarlavha yoʻq; kerakli sarlavhaga `{"{"}#id{"}"}` identifikatorini bering
