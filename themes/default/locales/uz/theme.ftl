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
bundle-check = Nusxa toʻliqligini tekshirish uchun ushbu papkada «darslik verify» yoki «sha256sum -c SHA256SUMS» buyrugʻini ishga tushiring.
bundle-readme-open = START.html faylini brauzerda oching (ikki marta bosing). Kurs internetsiz ishlaydi.
bundle-readme-lms = Moodle uchun: scorm12 papkasidan kerakli tildagi zip faylni SCORM paketi sifatida yuklang. scorm2004 papkasida xuddi shu kurs SCORM 2004 formatida.
bundle-readme-check = Ushbu nusxa toʻliq va oʻzgarmaganini tekshirish uchun papkada «darslik verify» yoki Linuxda «sha256sum -c SHA256SUMS» buyrugʻini ishga tushiring.
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
