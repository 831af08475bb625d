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
