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
