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
