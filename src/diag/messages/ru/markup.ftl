# Блоки тестов и сценариев, сверка их переводов, ссылки и якоря.
# Маркеры (`( )`, `[x]`, `? `), идентификаторы и пути — в обратных кавычках.

## Блоки тестов

markup-quiz-empty = этот блок теста пуст
markup-quiz-empty-hint = напишите хотя бы один вопрос: строку `? …` и под ней варианты ответа — или удалите блок
markup-quiz-question-space = после `?` в начале вопроса нужен пробел
markup-quiz-question-space-hint = поставьте пробел после `?`: `? { $text }`
markup-quiz-empty-prompt = у этого вопроса нет текста
markup-quiz-empty-prompt-hint = напишите вопрос после `? `
markup-quiz-empty-question = у этого вопроса нет вариантов ответа
markup-quiz-empty-question-hint = добавьте строки ответов сразу под вопросом, без пустой строки между ними: варианты `( ) …` и `(x) …`, пары `- … => …`, пункты `1. …` или принимаемые ответы `= …`
markup-quiz-one-option = у этого вопроса только один вариант ответа
markup-quiz-one-option-hint = дайте каждому вопросу не меньше двух вариантов
markup-quiz-one-pair = в этом вопросе на сопоставление только одна пара
markup-quiz-one-pair-hint = дайте вопросу на сопоставление не меньше двух пар `- левая часть => правая часть`
markup-quiz-one-item = в этом вопросе на порядок только один пункт
markup-quiz-one-item-hint = дайте вопросу на порядок не меньше двух пунктов `1. …`, `2. …`
markup-quiz-too-many = в этом вопросе { $what ->
        [pair] { $count ->
            [one] { $count } пара
            [few] { $count } пары
           *[many] { $count } пар
        }
        [item] { $count ->
            [one] { $count } пункт
            [few] { $count } пункта
           *[many] { $count } пунктов
        }
       *[answer] { $count ->
            [one] { $count } принимаемый ответ
            [few] { $count } принимаемых ответа
           *[many] { $count } принимаемых ответов
        }
    }, а можно не больше { $max }
markup-quiz-too-many-hint = разделите его на два вопроса
markup-quiz-too-many-answers-hint = оставьте { $max } самых вероятных написаний: регистр, пробелы по краям, разные апострофы и `ё`/`е` уже не учитываются
markup-quiz-no-correct = ни один вариант этого вопроса не отмечен как верный
markup-quiz-no-correct-single-hint = отметьте ровно один ответ знаком `(x)`
markup-quiz-no-correct-multiple-hint = отметьте каждый верный ответ знаком `[x]` (хотя бы один)
markup-quiz-several-correct = в вопросе с одним ответом { $count ->
        [one] { $count } вариант отмечен
        [few] { $count } варианта отмечены
       *[many] { $count } вариантов отмечены
    } `(x)` (строки { $lines })
markup-quiz-several-correct-hint = отметьте `(x)` ровно один ответ или, если верных ответов несколько, пишите `[ ]` и `[x]` у всех вариантов
markup-quiz-duplicate = { $what ->
        [left] эта левая часть совпадает с левой частью в строке { $line }
        [right] эта правая часть совпадает с правой частью в строке { $line }
        [item] этот пункт совпадает с пунктом в строке { $line }
       *[answer] этот принимаемый ответ совпадает с ответом в строке { $line }
    }
markup-quiz-duplicate-hint = { $what ->
        [left] сделайте все левые части вопроса разными или удалите эту
        [right] сделайте все правые части вопроса разными или удалите эту
        [item] сделайте все пункты вопроса разными или удалите этот
       *[answer] сделайте все принимаемые ответы вопроса разными или удалите этот
    }
markup-quiz-mixed-choice = у этого варианта маркер { $this }, а у первого варианта вопроса (строка { $line }) — { $first }
markup-quiz-mixed-choice-hint = в вопросе с одним ответом пишите `( )` и `(x)` у всех вариантов, в вопросе с несколькими ответами — `[ ]` и `[x]`
markup-quiz-mixed-form = эта строка записана как { $this }, а первая строка ответов вопроса (строка { $line }) — как { $first }
markup-quiz-mixed-form-hint = у вопроса один вид строк ответа: запишите и эту как { $first } или начните новый вопрос строкой `? `, поставив перед ней пустую строку
markup-quiz-orphan-answer = эта строка ответа не относится ни к одному вопросу
markup-quiz-orphan-explanation = это пояснение не относится ни к одному вопросу
markup-quiz-blank-in-question = эту строку ответа отделяет от её вопроса (строка { $line }) пустая строка
markup-quiz-blank-ends-question-hint = строка { $line } пустая, а пустая строка завершает вопрос: удалите её, чтобы { $what ->
        [option] эти варианты остались
        [pair] эти пары остались
        [item] эти пункты остались
        [answer] эти принимаемые ответы остались
       *[explanation] это пояснение осталось
    } с вопросом выше
markup-quiz-start-question-hint = начните вопрос строкой `? …` перед { $what ->
        [option] его вариантами
        [pair] его парами
        [item] его пунктами
        [answer] его принимаемыми ответами
       *[explanation] его пояснением
    }
markup-quiz-empty-option = у этого варианта нет текста
markup-quiz-empty-option-hint = напишите ответ после маркера, например `(x) Способ`
markup-quiz-pair-arrow = в этой паре нет `=>` между частями
markup-quiz-pair-arrow-hint = запишите пару так: `- левая часть => правая часть`
markup-quiz-pair-empty = { $side ->
        [left] левая часть этой пары пуста
       *[right] правая часть этой пары пуста
    }
markup-quiz-pair-empty-hint = напишите текст по обе стороны от `=>`
markup-quiz-order-number = у этого пункта номер { $number }, а по счёту в вопросе он { $expected }-й
markup-quiz-order-number-hint = пронумеруйте пункты 1, 2, 3, … и запишите их в правильном порядке: учащийся увидит их перемешанными
markup-quiz-empty-item = у этого пункта нет текста
markup-quiz-empty-item-hint = напишите шаг после номера, например `1. Убедитесь, что человек в безопасности`
markup-quiz-empty-answer = этот принимаемый ответ пуст
markup-quiz-empty-answer-hint = напишите ответ после `= `, например `= статья 3`
markup-quiz-range-backwards = этот диапазон начинается с { $low } и заканчивается на { $high }, то есть ниже начала
markup-quiz-range-not-numbers = `{ $text }` похоже на диапазон чисел, но по обе стороны от `..` должны стоять числа
markup-quiz-bad-range-hint = запишите диапазон чисел как `= от..до`, например `= 18..20` (дробную часть можно отделять запятой или точкой)
markup-quiz-answer-space = после `=` в начале принимаемого ответа нужен пробел
markup-quiz-answer-space-hint = поставьте пробел после `=`, например `= 18`
markup-quiz-bad-marker = этот маркер варианта не из списка `( )` `(x)` `[ ]` `[x]`
markup-quiz-bad-marker-hint = пишите `( )` или `(x)` для вопроса с одним ответом, `[ ]` или `[x]` — для вопроса с несколькими ответами
markup-quiz-cyrillic-x-hint = здесь русская буква «х»: наберите латинскую `x`, как в `(x)` или `[x]`
markup-quiz-unknown-line = эта строка не относится к синтаксису теста
markup-quiz-prompt-one-line-hint = вопрос должен умещаться в одну строку: присоедините эту строку к строке `? ` выше; строки ответов начинаются с `( )` `[ ]` `- ` `1. ` или `= `, пояснения — с `> `
markup-quiz-unknown-line-hint = начните строку с `? ` (вопрос), `( )` `(x)` `[ ]` `[x]` (вариант), `- а => б` (пара), `1. ` (пункт порядка), `= ` (принимаемый ответ) или `> ` (пояснение); вопросы разделяйте пустой строкой

## Блоки сценариев

markup-scenario-empty = в этом блоке сценария нет шагов
markup-scenario-empty-hint = начинайте каждый шаг строкой `# id`, затем текст шага и его выборы `* текст -> id`; концовку отметьте так: `# id (end)`
markup-scenario-text-before = этот текст стоит перед первым шагом сценария
markup-scenario-text-before-hint = начните блок с первого шага — строки `# id` (например, `# start`) — и поставьте этот текст под ней; текст вокруг сценария пишите вне блока
markup-scenario-no-id = у этого шага нет идентификатора
markup-scenario-no-id-hint = напишите идентификатор шага после `# `, например `# start`; концовку отметьте `(end)` после идентификатора
markup-scenario-bad-end-mark = `{ $mark }` после идентификатора шага — не отметка концовки `(end)`
markup-scenario-bad-end-mark-hint = отмечайте концовку `(end)` латинскими буквами на любом языке: `# { $id } (end)`; в идентификаторе шага нет пробелов
markup-scenario-bad-id = `{ $id }` — недопустимый идентификатор шага
markup-scenario-bad-id-hint = идентификатор шага — от 1 до { $max } латинских букв, цифр, `-` или `_` без пробелов, например `# ask-for-help`; он одинаков во всех языках
markup-scenario-duplicate-id = идентификатор шага `{ $id }` уже занят в строке { $line }
markup-scenario-duplicate-id-hint = дайте каждому шагу сценария свой идентификатор
markup-scenario-no-arrow = в этом выборе нет `->` и идентификатора шага
markup-scenario-no-arrow-hint = в конце выбора нужно `-> id-шага`, например `* Позвонить на горячую линию -> hotline`; списки в тексте шага пишутся через `-`, а не `*`
markup-scenario-points-not-number = `{ $mark }` — не число баллов
markup-scenario-points-too-many = { $points } — больше баллов, чем выбор может дать или отнять ({ $max })
markup-scenario-points-hint = пишите баллы после цели как `(+N)` или `(-N)`, где `N` — целое число от 0 до { $max }, например `-> separate (+2)`; выбор без баллов даёт 0
markup-scenario-choice-no-text = у этого выбора нет текста
markup-scenario-choice-no-text-hint = напишите, что может сделать учащийся, между `* ` и `->`, например `* Позвонить на горячую линию -> hotline`
markup-scenario-no-target = в этом выборе не сказано, к какому шагу он ведёт
markup-scenario-no-target-hint = напишите идентификатор шага после `->`, например `-> hotline`
markup-scenario-feedback-apart = эта строка отклика стоит не сразу после выбора
markup-scenario-feedback-apart-hint = пишите строки отклика `> …` сразу под выбором, без пустой строки между ними
markup-scenario-after-choices = эта строка стоит после выборов шага `{ $step }`
markup-scenario-after-choices-hint = пишите текст шага перед его выборами; после выбора может идти только его отклик (`> …`); новый шаг начинайте строкой `# id`
markup-scenario-empty-step = у шага `{ $step }` нет текста
markup-scenario-empty-step-hint = опишите, что происходит на этом шаге, в строках под `# id` перед его выборами
markup-scenario-end-choices = шаг `{ $step }` — концовка, но у него есть выборы
markup-scenario-end-choices-hint = уберите `(end)` из строки шага, если сценарий продолжается, или удалите выборы
markup-scenario-dead-end = у шага `{ $step }` нет выборов, и он не концовка
markup-scenario-dead-end-hint = добавьте под текстом выборы `* текст -> id-шага` или отметьте шаг как концовку: `# { $step } (end)`
markup-scenario-missing-target = в этом сценарии нет шага `{ $target }`
markup-scenario-missing-target-near-hint = может быть, имелось в виду `{ $near }`? Идентификатор шага пишется точно, с теми же заглавными буквами
markup-scenario-missing-target-hint = напишите идентификатор одного из шагов блока: { $ids }
markup-scenario-unreachable = до шага `{ $step }` нельзя дойти от первого шага `{ $first }`
markup-scenario-unreachable-hint = добавьте выбор `* … -> { $step }` в шаг, до которого можно дойти, или удалите этот шаг
markup-scenario-no-way-out = от шага `{ $step }` нельзя дойти ни до одной концовки: его выборы ведут по кругу
markup-scenario-no-way-out-hint = дайте одному из шагов круга выбор, ведущий к концовке `# id (end)`
markup-scenario-points-loop = этот выбор даёт баллы внутри круга (он может вернуть к шагу `{ $step }`), и учащийся сможет набирать их снова и снова
markup-scenario-points-loop-hint = дайте выборам внутри круга 0 или отрицательные баллы, например `-> { $step }` или `-> { $step } (-1)`, а баллы ставьте на выборы, выводящие из круга

## Сверка переведённых тестов и сценариев с исходной страницей

markup-check-quiz-settings = этот перевод — { $translation ->
        [none] тренировочная страница
       *[other] { $translation }
    }, а исходная страница — { $source ->
        [none] тренировочная страница
       *[other] { $source }
    }
markup-check-quiz-settings-hint = скопируйте `assessment`, `attempts`, `shuffle`, `draw` и `review` из заголовка страницы между `+++` в { $file }
markup-check-quiz-count = в этом переводе { $translation ->
        [one] { $translation } вопрос
        [few] { $translation } вопроса
       *[many] { $translation } вопросов
    } теста, а в исходной странице — { $source }
markup-check-quiz-count-hint = приведите тест в соответствие с { $file }: те же вопросы в том же порядке, то же число вариантов, те же варианты отмечены `(x)` или `[x]`
markup-check-quiz-compare-hint = сравните с вопросом { $n } в { $file } (строка { $line })
markup-check-quiz-form = вопрос { $n } записан как { $this }, а в исходной странице — как { $source }
markup-check-quiz-lines = в вопросе { $n } { $what ->
        [pair] пар
        [item] пунктов
       *[option] вариантов
    }: { $this }, а в исходной странице — { $source }
markup-check-quiz-key = в вопросе { $n } верными отмечены варианты { $this }, а в исходной странице — { $source }
markup-check-quiz-pair = вопрос { $n }, пара { $pair }: в «{ $this }» другие числа, чем в исходной паре «{ $source }»; пары могут сопоставляться иначе
markup-check-quiz-item = вопрос { $n }, пункт { $item }: в «{ $this }» другие числа, чем в исходном пункте { $item } «{ $source }»; порядок может отличаться
markup-check-quiz-numbers = вопрос { $n } принимает { $this ->
        [none] ответ без чисел
       *[other] числа { $this }
    }, а исходный — { $source ->
        [none] ответ без чисел
       *[other] { $source }
    }
markup-check-scenario-count = в этом переводе { $translation ->
        [one] { $translation } блок сценария
        [few] { $translation } блока сценариев
       *[many] { $translation } блоков сценариев
    }, а в исходной странице — { $source }
markup-check-scenario-count-hint = переведите каждый блок `scenario` из { $file }, сохранив идентификаторы шагов, цели и баллы
markup-check-scenario-compare-hint = сравните со сценарием в строке { $line } файла { $file }: переводите только тексты; идентификаторы шагов, `(end)`, порядок выборов, цели и баллы остаются как есть
markup-check-scenario-order = сценарий { $n }: шаги идут в другом порядке ({ $this }), а в исходной странице — { $source }
markup-check-scenario-missing = сценарий { $n }: { $count ->
        [one] нет шага { $missing } из исходной страницы
       *[other] нет шагов { $missing } из исходной страницы
    }
markup-check-scenario-extra = сценарий { $n }: { $count ->
        [one] шага { $extra } нет в исходной странице
       *[other] шагов { $extra } нет в исходной странице
    }
markup-check-scenario-missing-extra = сценарий { $n }: нет шага { $missing } из исходной страницы; шага { $extra } нет в исходной странице
markup-check-scenario-end = сценарий { $n }: в исходной странице шаг `{ $step }` — концовка: напишите `# { $step } (end)`
markup-check-scenario-not-end = сценарий { $n }: в исходной странице шаг `{ $step }` — не концовка: уберите `(end)`
markup-check-scenario-choices = сценарий { $n }: у шага `{ $step }` { $this ->
        [one] { $this } выбор
        [few] { $this } выбора
       *[many] { $this } выборов
    }, а в исходной странице — { $source }
markup-check-scenario-target = сценарий { $n }: выбор { $choice } шага `{ $step }` ведёт к `{ $this }`, а в исходной странице — к `{ $source }`
markup-check-scenario-points = сценарий { $n }: выбор { $choice } шага `{ $step }` даёт баллы { $this }, а в исходной странице — { $source }

## Ссылки, изображения и якоря

markup-link-unsafe = { $kind ->
        [image] адрес изображения
       *[link] адрес ссылки
    } `{ $target }` может запустить код или встроить чужое содержимое; в результат он не попадёт
markup-link-unsafe-hint = ссылайтесь только на страницы курса, файлы рядом с ними или адреса `http(s)` и `mailto`
markup-link-locale-not-built = `{ $target }` ведёт на страницу на языке { $locale }, но эта сборка пишет только { $built } (`--locale`), поэтому в результате ссылка никуда не ведёт
markup-link-locale-not-built-hint = соберите и { $locale } (`--locale { $locale }`) или сошлитесь на страницу на этом языке
markup-link-empty = у { $kind ->
        [image] этого изображения
       *[link] этой ссылки
    } нет адреса
markup-link-empty-hint = напишите адрес в скобках, например `[текст](02-means.md)`
markup-image-remote = изображение `{ $target }` находится в интернете, а курс должен работать без сети
markup-image-remote-hint = сохраните изображение в папку модуля и сошлитесь на него по имени файла
markup-link-absolute = `{ $target }` — абсолютный путь; он сломается, когда курс откроют с флешки
markup-link-absolute-hint = укажите путь относительно этой страницы, например `../module-07/01-investigation.md`
markup-link-outside-course = `{ $target }` ведёт за пределы папки курса
markup-link-outside-course-hint = ссылайтесь только на страницы и файлы внутри папки курса
markup-link-outside-content = `{ $target }` ведёт к файлу вне `content/`, а он не попадает в результат
markup-link-outside-content-hint = перенесите файл в папку модуля внутри `content/<locale>/`
markup-link-not-a-locale = `{ $target }` ведёт в `content/{ $locale }/`, но такого языка в курсе нет
markup-link-not-a-locale-hint = ссылайтесь на страницы языков этого курса: { $locales }
markup-image-is-page = изображение `{ $target }` — это страница, а не картинка
markup-image-is-page-hint = для ссылок на страницы пишите `[текст](page.md)`
markup-broken-link = ссылка `{ $target }` не ведёт ни на одну страницу курса
markup-broken-link-hint = проверьте имя файла; страницы модуля лежат в `content/<locale>/<module>/NN-name.md` (искали { $looked })
markup-broken-link-near-hint = может быть, имелось в виду `{ $near }`? (искали { $looked })
markup-missing-file = `{ $target }` не существует (искали { $looked } и запасные языки)
markup-missing-file-hint = проверьте имя файла и то, что файл лежит в папке модуля
markup-broken-anchor = в `{ $page }` нет заголовка с идентификатором `{ $id }`
markup-broken-anchor-here = на этой странице нет заголовка с идентификатором `{ $id }`
markup-broken-anchor-near-hint = может быть, имелось в виду `#{ $near }`? Дайте заголовку постоянный идентификатор `## Заголовок {"{"}#id{"}"}` во всех языках
markup-broken-anchor-hint = идентификаторы на той странице: { $ids }; дайте заголовку постоянный идентификатор `## Заголовок {"{"}#id{"}"}` во всех языках
markup-broken-anchor-no-headings-hint = на целевой странице нет заголовков; дайте нужному заголовку идентификатор `{"{"}#id{"}"}`
