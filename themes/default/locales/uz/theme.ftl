language-name = Oʻzbekcha
choose-language = Tilni tanlang
skip-to-content = Asosiy matnga oʻtish
language = Til
contents = Mundarija
course-home = Kursning bosh sahifasi
all-languages = Barcha tillar
previous = Oldingi
next = Keyingi
pager = Oldingi va keyingi sahifa
on-this-page = Ushbu sahifada
modules = Modullar
start-module = Modulni boshlash
module-pages = { $count ->
    [one] { $count } sahifa
   *[other] { $count } sahifa
}
not-translated = Bu sahifa hali oʻzbek tiliga tarjima qilinmagan. U quyidagi tilda koʻrsatilmoqda: { $language }.
version = { $version }-versiya
quiz-check = Tekshirish
quiz-correct = Toʻgʻri
quiz-incorrect = Unchalik emas
quiz-choose-one = Bitta javobni tanlang
quiz-choose-all = Barcha toʻgʻri javoblarni tanlang
quiz-answer-first = Avval javobni tanlang
quiz-result = Natijangiz
quiz-retry = Savollarga qaytadan javob berish
quiz-score = { $total } ta savol, toʻgʻri javoblar: { $correct } ({ $percent } %).
quiz-passed = Oʻtdingiz: oʻtish bali { $mastery } %.
quiz-failed = Hali oʻtmadingiz: oʻtish bali { $mastery } %.
quiz-unanswered = Natijani koʻrish uchun modul savollariga ({ $total } ta) javob bering.
progress-pages = { $total } sahifadan { $seen } tasi
progress-score = natija { $percent } %
progress-completed = yakunlangan
progress-continue = Toʻxtagan joydan davom etish
progress-title = Sizning yutuqlaringiz
progress-explain = Yutuqlaringiz faqat shu qurilmadagi shu brauzerda saqlanadi.
progress-reset = Yutuqlarimni oʻchirish
progress-cleared = Yutuqlaringiz oʻchirildi.
doc-position = { $total } sahifadan { $page }-sahifa
bundle-open-site = Kursni oʻzbek tilida ochish
bundle-lms-title = Akademiyalar uchun: Moodleʼga yuklash
bundle-lms = { $file } faylini «SCORM paketi» faoliyati sifatida yuklang: Moodle SCORM 1.2 ni toʻliq qoʻllab-quvvatlaydi, shuning uchun oʻzlashtirish, ballar va toʻxtagan joy saqlanadi.
bundle-lms-2004 = { $file } — xuddi shu kurs SCORM 2004 (4-nashr) formatida, uni talab qiladigan platformalar uchun.
bundle-lms-2004-modules = scorm2004 papkasida xuddi shu kurs SCORM 2004 (4-nashr) formatida, har bir modulga bitta paket, shu formatni talab qiladigan platformalar uchun. Qaysi faylni qanday sozlamalar bilan yuklash { $card } faylida yozilgan.
bundle-check = Nusxa toʻliqligini tekshirish uchun ushbu papkada «{ $verify }» yoki «{ $sums }» buyrugʻini ishga tushiring.
bundle-readme-open = { $start } faylini brauzerda oching (ikki marta bosing). Kurs internetsiz ishlaydi.
bundle-readme-lms = Moodle uchun: scorm12 papkasidan kerakli tildagi .zip faylni SCORM paketi sifatida yuklang. scorm2004 papkasida xuddi shu kurs SCORM 2004 formatida.
bundle-readme-check = Ushbu nusxa toʻliq va oʻzgarmaganini tekshirish uchun papkada «{ $verify }» yoki Linuxda «{ $sums }» buyrugʻini ishga tushiring.
print-answers = Javoblar
search = Qidirish
search-label = Kurs boʻyicha qidirish
search-all = Kurs boʻyicha qidirish
search-title = Qidiruv
search-page-title = Qidiruv: { $query }
search-empty = Yuqoridagi qidiruv maydoniga bir yoki bir nechta soʻz yozing. Soʻzning boshqa shakllari ham topiladi: «jabrlanuvchi» soʻzi «jabrlanuvchilar»ni ham topadi.
search-results = { $count ->
    [one] «{ $query }» boʻyicha { $count } ta sahifa topildi
   *[other] «{ $query }» boʻyicha { $count } ta sahifa topildi
}
search-none = «{ $query }» boʻyicha hech narsa topilmadi. Kamroq soʻz yoki faqat soʻz boshini yozib koʻring.
search-noscript = Qidiruv uchun JavaScript kerak, bu brauzerda esa u oʻchirilgan. Quyida kursning barcha sahifalari keltirilgan.
search-all-pages = Barcha sahifalar

# SCORM modulida, oʻquv platformasi natijani yozmayotganda koʻrsatiladi.
lms-not-connected = Bu modul oʻquv platformasiga ulanmagan: natijalaringiz faqat shu brauzerda saqlanadi.
lms-not-recorded = Oʻquv platformasi bu modulni qabul qilmadi (xato { $code }), shuning uchun natijalaringiz u yerda yozilmayapti, faqat shu brauzerda saqlanadi. Modulni yoping va kurs sahifasidan qayta oching; bu xabar yana chiqsa, oʻqituvchingizga ayting.
lms-review = Siz modulni koʻrib chiqyapsiz: hozir qilgan ishlaringiz oʻquv platformasidagi natijangizni oʻzgartirmaydi.

# MOODLE.md — SCORM paketlari yonidagi Moodle sozlamalari kartasi.
moodle-card-title = Moodle sozlamalari: { $course } { $version }
moodle-card-intro = Testlarimiz ushbu yigʻmaning har bir paketini haqiqiy Moodle 5.1 da tinglovchi sifatida mana shu «SCORM paketi» sozlamalari bilan oʻtadi va Moodle nimani saqlaganini tekshiradi: yakunlanganlik, «topshirdi» yoki «topshirmadi», ball, tinglovchi toʻxtagan sahifa va javoblar — chiqib, qaytib kirgandan keyin ham.
moodle-which = Qaysi faylni yuklash kerak
moodle-which-12 = Moodle uchun: { $files } (SCORM 1.2), barcha modullar ({ $modules }) bitta faoliyatda. Moodle har bir modulni qayd etadi. Shu paketni yuklang.
moodle-which-12-modules = Moodle uchun: har bir modulga bitta SCORM 1.2 paketi, har biri alohida faoliyat: { $files }.
moodle-which-2004 = SCORM 2004 (4-nashr), shu formatni talab qiladigan platformalar uchun: { $files }.
moodle-which-2004-modules = SCORM 2004 (4-nashr), har bir modulga bitta paket, har biri alohida faoliyat: { $files }. { "Moodle" }ʼning SCORM 2004 pleyeri bir kirishda paketning faqat birinchi modulini qayd etadi, shuning uchun modullar bitta paketga jamlanmagan.
moodle-which-2004-course = SCORM 2004 (4-nashr): { $files } ichida barcha modullar ({ $modules }) bor, lekin { "Moodle" }ʼning SCORM 2004 pleyeri bir kirishda faqat birinchi ochilgan modulni qayd etadi. { "Moodle" }ʼga SCORM 1.2 paketini yuklang.
moodle-multilingual = Har bir paketda kursning barcha tillari bor. Tinglovchi tilni modul ichida tanlaydi, keyingi modul ham oʻsha tilda ochiladi.
moodle-settings = Faoliyat sozlamalari
moodle-setting = Sozlama
moodle-value = Qiymat
moodle-set-grademethod = Baholash usuli
moodle-set-maxattempt = Urinishlar soni
moodle-set-whatgrade = Urinishlarni baholash
moodle-set-forcecompleted = Majburan yakunlash
moodle-set-forcenewattempt = Majburan yangi urinish
moodle-set-lastattemptlock = Oxirgi urinishdan keyin yopish
moodle-set-masteryoverride = Oʻtish bali holatdan ustun
moodle-set-popup = Paketni koʻrsatish
moodle-set-hidetoc = Pleyerda kurs tuzilmasini koʻrsatish
moodle-set-nav = Navigatsiyani koʻrsatish
moodle-set-auto = Avtomatik davom etish
moodle-set-skipview = Tuzilma sahifasini oʻtkazib yuborish
moodle-val-learning-objects = Oʻquv obyektlari
moodle-val-unlimited = Cheklanmagan
moodle-val-highest-attempt = Eng yaxshi urinish
moodle-val-no = Yoʻq
moodle-val-yes = Ha
moodle-val-current-window = Joriy oynada
moodle-val-to-the-side = Yon tomonda
moodle-val-under-content = Mazmun ostida
moodle-val-never = Hech qachon
moodle-recorded = Paketlar nimani qayd etadi
moodle-grade = «Oʻquv obyektlari» baholash usuli: baho — topshirilgan modullar soni (savolsiz modul yakunlanganda hisoblanadi).
moodle-pass-mark = Oʻtish bali: modul savollarining { $percent } % iga toʻgʻri javob (SCORM 1.2 da { "mastery score" } { $percent }, SCORM 2004 da { "scaled passing score" } { $scaled }).
moodle-complete-passed = Savollari bor modul barcha sahifalar koʻrilganda va savollar topshirilganda yakunlangan hisoblanadi; topshirilmagan modul tinglovchi uni topshirguncha yakunlanmagan boʻlib qoladi. Savolsiz modul barcha sahifalar koʻrilganda yakunlanadi.
moodle-complete-seen = Modul barcha sahifalar koʻrilganda yakunlangan hisoblanadi, topshirilgan-topshirilmaganidan qatʼi nazar; «topshirdi» yoki «topshirmadi» alohida qayd etiladi.
moodle-resume = Sahifa, javoblar va til saqlanadi: chiqib ketib, qaytib kelgan tinglovchi toʻxtagan joyidan davom etadi.
moodle-tests = Yakuniy testi yoki baholanadigan sahifalari bor modulda modul natijasi ulardagi eng yaxshi urinishdir, mashq savollari hisobga olinmaydi. Har bir yuborilgan urinish javoblari oʻzaro taʼsirlar (interactions) sifatida saqlanadi (Hisobotlar, Oʻzaro taʼsirlar). Kirish testi «pre-test» maqsadi sifatida, javoblari esa identifikatori «pre-» bilan boshlanadigan oʻzaro taʼsirlar sifatida saqlanadi; u oʻtish yoki oʻtmaslikka taʼsir qilmaydi.
moodle-scenarios = Keys modul natijasida bitta savol kabi hisoblanadi: tinglovchining eng yaxshi yakunlangan oʻtishi foizi. Har bir tanlov identifikatori qadam identifikatori bilan tugaydigan oʻzaro taʼsir sifatida saqlanadi (masalan, «…_s1_start»), qadamning eng yaxshi variantlari esa toʻgʻri javob sifatida (Hisobotlar, Oʻzaro taʼsirlar).
moodle-never-lower = Yakunlangan modulni qayta ochish, shu jumladan koʻrib chiqish rejimida, Moodle saqlagan narsani (holat, ball) hech qachon pasaytirmaydi.
moodle-not-recorded = Moodle modulni qayd etmayotgan har qanday holatda (Moodle bilan aloqa yoʻq, koʻrib chiqish rejimi yoki Moodle modulni rad etgan) modul bu haqda sahifa tepasida tinglovchining tilida aytadi.
quiz-match-hint = Har bir band uchun mos javobni tanlang
quiz-order-hint = Bandlarni «Yuqoriga» va «Pastga» tugmalari bilan toʻgʻri tartibga qoʻying
quiz-short-hint = Javobingizni yozing
quiz-short-label = Javobingiz
quiz-match-none = — tanlang —
quiz-move-up = Yuqoriga
quiz-move-down = Pastga
quiz-moved = { $total } tadan { $position }-oʻringa koʻchirildi
quiz-accepted = Qabul qilinadigan javoblar: { $answers }
quiz-right-answer = Toʻgʻri javob
assess-kind-graded = Baholanadigan topshiriq
assess-kind-pre-test = Kirish testi
assess-kind-post-test = Yakuniy test
assess-nojs = Bu test uchun JavaScript kerak. Usiz savollar ish varagʻi sifatida koʻrsatiladi va javoblar tekshirilmaydi.
assess-submit = Javoblarni yuborish
assess-again = { $n }-urinishni boshlash
assess-attempt = { $max } ta urinishdan { $n }-urinish
assess-attempt-unlimited = { $n }-urinish
assess-open = Barcha savollarga javob bering, soʻng yuboring. Yuborilmaguncha hech narsa tekshirilmaydi.
assess-unanswered = Javobsiz savollar: { $count }
assess-confirm = Javoblar yuborilsinmi? Keyin ularni oʻzgartirib boʻlmaydi.
assess-score = { $n }-urinish: { $score } %
assess-best = Eng yaxshi urinish: { $score } %. Shu natija hisobga olinadi.
assess-pre = Kirish testi: { $score } %. U moduldan oldingi bilimingizni koʻrsatadi va yakuniy natijaga taʼsir qilmaydi.
assess-no-attempts = Barcha urinishlar ({ $max } ta) ishlatildi.
assess-review-later = Toʻgʻri javoblar va izohlar oxirgi urinishdan keyin koʻrsatiladi.
assess-review-never = Bu testda toʻgʻri javoblar koʻrsatilmaydi.
assess-right = Toʻgʻri
assess-wrong = Notoʻgʻri
assess-drawn = Har bir urinish uchun { $total } ta savoldan { $n } tasi tanlanadi.
scenario-label = Keys
scenario-back = Orqaga
scenario-restart = Qaytadan boshlash
scenario-status = { $n }-qadam
scenario-path = Siz tanlagan yoʻl
scenario-score = { $best } balldan { $points } ball ({ $percent } %)
scenario-best-run = Eng yaxshi yakunlangan oʻtish: { $percent } %
scenario-finished = Siz keysning yakunlaridan biriga yetdingiz.
scenario-unscored = Bu keys baholanmaydi: qarorlaringiz haqida oʻylab koʻring va ularni muhokama qiling.
scenario-ending = Bu keysning yakunlaridan biri.
scenario-start-again = Keysni qaytadan boshlash
scenario-facilitator = Mashgʻulot olib boruvchi uchun: barcha qadamlar va tarmoqlar
scenario-diagram = Keys sxemasi: qadamlar va tanlovlar
scenario-start = boshlanish
scenario-ending-mark = yakun
scenario-points = ball: { $points }
scenario-feedback = Izoh
scenario-best-choice = eng yaxshi tanlov
scenario-leads-to = { $step } qadamiga olib boradi

# “Mening natijalarim” (results.html va bitta fayldagi modul oxiri).
results-title = Mening natijalarim
results-intro = Shu qurilmada kursda nimalar qilganingiz. Natijalaringizni trener uchun faylga shu yerda saqlaysiz.
results-noscript = Bu sahifa uchun JavaScript kerak, bu brauzerda esa u oʻchirilgan. JavaScript bilan sahifa kursda nimalar qilganingizni koʻrsatadi va natijalaringizni trener uchun faylga saqlaydi. Brauzer sozlamalarida JavaScript ishlashiga ruxsat bering yoki treneringizdan yordam soʻrang.
results-summary = Nimalar qildingiz
results-nothing = Shu qurilmada hali kursning birorta modulini boshlamadingiz.
results-details = Maʼlumotlaringiz
results-details-hint = Ular shu brauzerda saqlanadi va natijalar fayliga yoziladi, shunda trener bu kimning natijalari ekanini biladi.
results-name = Familiya va ism
results-organisation = Tashkilot
results-region = Hudud
results-save = Natijalar faylini saqlash
results-save-hint = Brauzer faylni odatda “Yuklanmalar” jildiga saqlaydi. Uni treneringizga fleshkada bering yoki messenjer yoxud elektron pochta orqali yuboring.
results-saved = Saqlandi: { $file } ({ $size }), brauzer yuklanmalarida (odatda “Yuklanmalar” jildida). Shu faylni treneringizga bering.
results-no-download = Bu brauzer shu sahifadan fayl saqlay olmaydi. Quyidagi matnning hammasidan nusxa oling va treneringizga yuboring yoki uni { $file } nomli yangi faylga joylang.
results-copy = Natijalar faylingiz
results-size = { $size } KB
results-new-title = Kompyuterdan boshqalar ham foydalanadimi?
results-new-hint = Natijalar fayli saqlangach, maʼlumotlaringiz, natijalaringiz va shu kursdagi yutuqlaringizni bu brauzerdan oʻchiring, shunda keyingi tinglovchi kursni boshidan boshlaydi.
results-new = Bu kompyuterda yangi tinglovchi
results-new-confirm = Shu kurs boʻyicha maʼlumotlar, natijalar va yutuqlar bu brauzerdan oʻchirilsinmi? Avval natijalar faylini saqlang: buni qaytarib boʻlmaydi.
results-cleared = Oʻchirildi. Keyingi tinglovchi kursni boshlashi mumkin.
results-open = Mening natijalarim: trener uchun faylga saqlash
results-pages-seen = Koʻrilgan sahifalar
results-best = Eng yaxshi natija
results-pre = Kirish testi
results-post = Yakuniy test
results-scenario = Keys
results-not-yet = hali yoʻq
results-passed = oʻtdi
results-failed = hali oʻtmadi
results-percent = { $percent } %
course-audience-label = Kurs kimlar uchun:
course-disclaimer-label = Eslatma

# The glossary page (glossary.html), when the course has a glossary.toml.
glossary-title = Atamalar lugʻati
glossary-intro = Ushbu kurs atamalari va ularning har biri kurs tillarida qanday berilishi. Ish haqida gapirganda yoki yozganda shu variantlardan istalgan grammatik shaklda foydalaning.
glossary-also = Yana qabul qilinadi
glossary-avoid = Ishlatmang

## issue 25: phone
menu = Menyu
table-scroll = Jadvalni yon tomonga suring →
language-suggested = Brauzeringiz tili

## issue 25: progress
progress-seen = koʻrilgan
progress-done = Modul yakunlangan

## issue 25: media

## issue 25: branding

## issue 25: search
search-translit = «{ $query }» boʻyicha natijalar: soʻzlaringiz oʻzbek tilining boshqa alifbosida.
search-other-title = Kursning boshqa tillarida
search-other-found = Kursning boshqa tillarida topilganlar quyida keltirilgan.
search-other-more = Kursning boshqa tillarida ham qidirish
search-other-none = Kursning boshqa tillarida ham hech narsa topilmadi.
