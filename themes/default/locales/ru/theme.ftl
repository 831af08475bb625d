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
bundle-lms-2004-modules = В папке scorm2004 — тот же курс в формате SCORM 2004 (4-я редакция), по одному пакету на модуль, для платформ, которые требуют этот формат. В MOODLE.md сказано, какой файл загружать и с какими настройками.
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

# MOODLE.md — карточка настроек Moodle рядом с пакетами SCORM.
moodle-card-title = Настройки Moodle: { $course } { $version }
moodle-card-intro = С этими настройками элемента курса «Пакет SCORM» наши тесты проходят каждый пакет этой сборки в настоящем Moodle 5.1 как слушатель и проверяют, что Moodle сохранил: завершение, «сдано» или «не сдано», балл, страницу, на которой слушатель остановился, и ответы — в том числе после выхода и возвращения.
moodle-which = Какой файл загружать
moodle-which-12 = Для Moodle: { $files } (SCORM 1.2), один элемент курса со всеми модулями ({ $modules }). Moodle записывает каждый модуль. Загружайте этот пакет.
moodle-which-12-modules = Для Moodle: по одному пакету SCORM 1.2 на модуль, каждый — отдельный элемент курса: { $files }.
moodle-which-2004 = SCORM 2004 (4-я редакция) для платформ, которые требуют этот формат: { $files }.
moodle-which-2004-modules = SCORM 2004 (4-я редакция), по одному пакету на модуль, каждый — отдельный элемент курса: { $files }. Проигрыватель SCORM 2004 в Moodle за одно посещение записывает только первый модуль пакета, поэтому модули не собраны в один пакет.
moodle-which-2004-course = SCORM 2004 (4-я редакция): в { $files } все модули ({ $modules }), но проигрыватель SCORM 2004 в Moodle за одно посещение записывает только первый открытый модуль. В Moodle загружайте пакет SCORM 1.2.
moodle-multilingual = В каждом пакете — все языки курса. Слушатель выбирает язык внутри модуля, и следующий модуль открывается на том же языке.
moodle-settings = Настройки элемента курса
moodle-setting = Настройка
moodle-value = Значение
moodle-set-grademethod = Метод оценивания
moodle-set-maxattempt = Количество попыток
moodle-set-whatgrade = Оценивание попыток
moodle-set-forcecompleted = Принудительно завершить
moodle-set-forcenewattempt = Принудительно новая попытка
moodle-set-lastattemptlock = Блокировать после последней попытки
moodle-set-masteryoverride = Проходной балл важнее статуса
moodle-set-popup = Показывать пакет
moodle-set-hidetoc = Показывать структуру курса в проигрывателе
moodle-set-nav = Показывать навигацию
moodle-set-auto = Автопродолжение
moodle-set-skipview = Пропускать страницу структуры
moodle-val-learning-objects = Учебные объекты
moodle-val-unlimited = Без ограничений
moodle-val-highest-attempt = Лучшая попытка
moodle-val-no = Нет
moodle-val-yes = Да
moodle-val-current-window = В текущем окне
moodle-val-to-the-side = Сбоку
moodle-val-under-content = Под содержимым
moodle-val-never = Никогда
moodle-recorded = Что записывают пакеты
moodle-grade = Метод оценивания «Учебные объекты»: оценка — число сданных модулей (модуль без вопросов засчитывается, когда завершён).
moodle-pass-mark = Проходной балл: { $percent } % верных ответов на вопросы модуля (в SCORM 1.2 — mastery score { $percent }, в SCORM 2004 — scaled passing score { $scaled }).
moodle-complete-passed = Модуль с вопросами считается завершённым, когда просмотрены все страницы и вопросы сданы; несданный модуль остаётся незавершённым, пока слушатель не сдаст его. Модуль без вопросов завершён, когда просмотрены все страницы.
moodle-complete-seen = Модуль считается завершённым, когда просмотрены все страницы, сдан он или нет; «сдано» или «не сдано» записывается отдельно.
moodle-resume = Страница, ответы и язык сохраняются: слушатель, который вышел и вернулся, продолжает с того места, где остановился.
moodle-tests = В модуле с итоговым тестом или оцениваемыми страницами результат модуля — лучшая попытка в них, тренировочные вопросы не учитываются. Ответы каждой отправленной попытки сохраняются как взаимодействия (Отчёты, Взаимодействия). Входной тест сохраняется как цель «pre-test», а его ответы — как взаимодействия с идентификаторами на «pre-»; он не влияет на «зачтено» или «не зачтено».
moodle-scenarios = Кейс засчитывается в результат модуля как один вопрос: процент лучшего завершённого прохождения. Каждый сделанный выбор сохраняется как взаимодействие, идентификатор которого оканчивается идентификатором шага (например, «…_s1_start»), а лучшие варианты шага — как правильный ответ (Отчёты, Взаимодействия).
moodle-never-lower = Повторное открытие завершённого модуля, в том числе в режиме просмотра, никогда не понижает то, что сохранил Moodle (статус, балл).
moodle-not-recorded = Если Moodle не записывает модуль (нет связи с Moodle, режим просмотра или Moodle отклонил модуль), модуль сообщает об этом вверху страницы на языке слушателя.
quiz-match-hint = Для каждого пункта выберите подходящий ответ
quiz-order-hint = Расставьте пункты в правильном порядке кнопками «Выше» и «Ниже»
quiz-short-hint = Введите ответ
quiz-short-label = Ваш ответ
quiz-match-none = — выберите —
quiz-move-up = Выше
quiz-move-down = Ниже
quiz-moved = Перемещено на место { $position } из { $total }
quiz-accepted = Принимаемые ответы: { $answers }
quiz-right-answer = Правильный ответ
assess-kind-graded = Оцениваемое задание
assess-kind-pre-test = Входной тест
assess-kind-post-test = Итоговый тест
assess-nojs = Для этого теста нужен JavaScript. Без него вопросы показаны как рабочий лист, и ответы не проверяются.
assess-submit = Отправить ответы
assess-again = Начать попытку { $n }
assess-attempt = Попытка { $n } из { $max }
assess-attempt-unlimited = Попытка { $n }
assess-open = Ответьте на все вопросы, затем отправьте ответы. До отправки ничего не проверяется.
assess-unanswered = Вопросов без ответа: { $count }
assess-confirm = Отправить ответы? Изменить их после этого будет нельзя.
assess-score = Попытка { $n }: { $score } %
assess-best = Лучшая попытка: { $score } %. Засчитывается этот результат.
assess-pre = Входной тест: { $score } %. Он показывает, что вы знали до модуля, и не влияет на итоговый результат.
assess-no-attempts = Все попытки использованы ({ $max }).
assess-review-later = Правильные ответы и пояснения будут показаны после последней попытки.
assess-review-never = В этом тесте правильные ответы не показываются.
assess-right = Верно
assess-wrong = Неверно
assess-drawn = Для каждой попытки выбирается { $n } из { $total } вопросов.
scenario-label = Кейс
scenario-back = Назад
scenario-restart = Начать заново
scenario-status = Шаг { $n }
scenario-path = Ваш путь
scenario-score = Баллы: { $points } из { $best } ({ $percent } %)
scenario-best-run = Лучшее завершённое прохождение: { $percent } %
scenario-finished = Вы дошли до одного из финалов.
scenario-unscored = Этот кейс не оценивается: обдумайте свои решения и обсудите их.
scenario-ending = Это один из финалов кейса.
scenario-start-again = Пройти кейс заново
scenario-facilitator = Для ведущего: все шаги и ветви
scenario-diagram = Схема кейса: шаги и варианты решений
scenario-start = начало
scenario-ending-mark = финал
scenario-points = баллы: { $points }
scenario-feedback = Комментарий
scenario-best-choice = лучшее решение
scenario-leads-to = ведёт к шагу { $step }
