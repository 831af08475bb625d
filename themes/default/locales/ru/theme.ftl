language-name = Русский
choose-language = Выберите язык
skip-to-content = Перейти к содержанию
language = Язык
contents = Содержание
course-home = Главная страница курса
all-languages = Все языки
previous = Назад
next = Далее
pager = Предыдущая и следующая страницы
on-this-page = На этой странице
modules = Модули
start-module = Начать модуль
module-pages = { $count ->
    [one] { $count } страница
    [few] { $count } страницы
   *[many] { $count } страниц
}
not-translated = Эта страница ещё не переведена на русский язык. Она показана на языке: { $language }.
version = версия { $version }
quiz-check = Проверить
quiz-correct = Верно
quiz-incorrect = Не совсем так
quiz-choose-one = Выберите один ответ
quiz-choose-all = Выберите все верные ответы
quiz-answer-first = Сначала выберите ответ
quiz-result = Ваш результат
quiz-retry = Ответить на вопросы заново
quiz-score = { $total ->
    [one] { $total } вопрос
    [few] { $total } вопроса
   *[many] { $total } вопросов
}, верных ответов: { $correct } ({ $percent } %).
quiz-passed = Зачтено: проходной балл — { $mastery } %.
quiz-failed = Пока не зачтено: проходной балл — { $mastery } %.
quiz-unanswered = { $total ->
    [one] Ответьте на вопрос на этой странице, чтобы увидеть результат.
   *[other] Ответьте на вопросы модуля ({ $total }), чтобы увидеть результат.
}
progress-pages = { $total ->
    [one] { $seen } из { $total } страницы
   *[other] { $seen } из { $total } страниц
}
progress-score = результат { $percent } %
progress-completed = пройден
progress-continue = Продолжить с того места, где вы остановились
progress-title = Ваш прогресс
progress-explain = Прогресс сохраняется только в этом браузере на этом устройстве.
progress-reset = Сбросить прогресс
progress-cleared = Прогресс сброшен.
doc-position = Страница { $page } из { $total }
bundle-open-site = Открыть курс на русском языке
bundle-lms-title = Для академий: загрузка в Moodle
bundle-lms = Загрузите { $file } как элемент курса «Пакет SCORM»: Moodle полностью поддерживает SCORM 1.2, поэтому прогресс, баллы и место остановки сохраняются.
bundle-lms-2004 = { $file } — тот же курс в формате SCORM 2004 (4-я редакция) для платформ, которые его требуют.
bundle-check = Чтобы проверить, что копия полная, запустите «darslik verify» для этой папки или «sha256sum -c SHA256SUMS».
bundle-readme-open = Откройте START.html в браузере (двойным щелчком). Курс работает без интернета.
bundle-readme-lms = Для Moodle: загрузите zip-файл из папки scorm12 для нужного языка как пакет SCORM. В папке scorm2004 тот же курс в формате SCORM 2004.
bundle-readme-check = Чтобы проверить, что копия полная и не изменена, запустите «darslik verify» для этой папки или «sha256sum -c SHA256SUMS» в Linux.
print-answers = Ответы
search = Найти
search-label = Поиск по курсу
search-all = Поиск по курсу
search-title = Поиск
search-page-title = Поиск: { $query }
search-empty = Введите одно или несколько слов в поле поиска выше. Находятся и другие формы слова: «жертва» найдёт и «жертвы».
search-results = { $count ->
    [one] По запросу «{ $query }» найдена { $count } страница
    [few] По запросу «{ $query }» найдены { $count } страницы
   *[many] По запросу «{ $query }» найдено { $count } страниц
}
search-none = По запросу «{ $query }» ничего не найдено. Попробуйте меньше слов или только начало слова.
search-noscript = Для поиска нужен JavaScript, а он отключён в этом браузере. Ниже перечислены все страницы курса.
search-all-pages = Все страницы

# Показывается в модуле SCORM, когда учебная платформа не записывает прогресс.
lms-not-connected = Этот модуль не подключён к учебной платформе: ваш прогресс сохраняется только в этом браузере.
lms-not-recorded = Учебная платформа не приняла этот модуль (ошибка { $code }), поэтому ваш прогресс там не записывается, а сохраняется только в этом браузере. Закройте модуль и снова откройте его со страницы курса; если сообщение появится опять, скажите об этом преподавателю.
lms-review = Вы просматриваете модуль: то, что вы делаете сейчас, не меняет ваш результат на учебной платформе.
