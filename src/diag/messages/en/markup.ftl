# Quiz and scenario blocks, the checks of their translations, links and
# anchors. Markers (`( )`, `[x]`, `? `), ids and paths stay in backticks.

## Quiz blocks

markup-quiz-empty = this quiz block is empty
markup-quiz-empty-hint = write at least one question: a line `? …` followed by its options, or remove the block
markup-quiz-question-space = a question starts with `?` followed by a space
markup-quiz-question-space-hint = put a space after `?`: `? { $text }`
markup-quiz-empty-prompt = this question has no text
markup-quiz-empty-prompt-hint = write the question after `? `
markup-quiz-empty-question = this question has no options
markup-quiz-empty-question-hint = add its answer lines right below it, with no blank line in between: options `( ) …` and `(x) …`, pairs `- … => …`, items `1. …` or accepted answers `= …`
markup-quiz-one-option = this question has only one option
markup-quiz-one-option-hint = give every question at least two options
markup-quiz-one-pair = this matching question has only one pair
markup-quiz-one-pair-hint = give a matching question at least two pairs `- left => right`
markup-quiz-one-item = this ordering question has only one item
markup-quiz-one-item-hint = give an ordering question at least two items `1. …`, `2. …`
markup-quiz-too-many = this question has { $count } { $what ->
        [pair] pairs
        [item] items
       *[answer] accepted answers
    }; at most { $max } are possible
markup-quiz-too-many-hint = split it into two questions
markup-quiz-too-many-answers-hint = keep the { $max } most likely spellings: case, surrounding spaces, apostrophe variants and `ё`/`е` are already ignored
markup-quiz-no-correct = no option of this question is marked correct
markup-quiz-no-correct-single-hint = mark exactly one answer with `(x)`
markup-quiz-no-correct-multiple-hint = mark every right answer with `[x]` (at least one)
markup-quiz-several-correct = { $count } options are marked `(x)` in a single-answer question (lines { $lines })
markup-quiz-several-correct-hint = mark exactly one answer with `(x)`, or use `[ ]` and `[x]` for every option if several answers are right
markup-quiz-duplicate = { $what ->
        [left] this left side is the same as the one on line { $line }
        [right] this right side is the same as the one on line { $line }
        [item] this item is the same as the one on line { $line }
       *[answer] this accepted answer is the same as the one on line { $line }
    }
markup-quiz-duplicate-hint = { $what ->
        [left] make every left side of the question different, or remove this one
        [right] make every right side of the question different, or remove this one
        [item] make every item of the question different, or remove this one
       *[answer] make every accepted answer of the question different, or remove this one
    }
markup-quiz-mixed-choice = this option uses { $this }, but the question's first option (line { $line }) uses { $first }
markup-quiz-mixed-choice-hint = use `( )` and `(x)` for every option of a single-answer question, or `[ ]` and `[x]` for every option of a multiple-answer one
markup-quiz-mixed-form = this line is written as { $this }, but the question's first answer line (line { $line }) is written as { $first }
markup-quiz-mixed-form-hint = a question has one kind of answer lines: write this one as { $first } too, or start a new question with `? ` and a blank line before it
markup-quiz-orphan-answer = this answer line does not belong to any question
markup-quiz-orphan-explanation = this explanation does not belong to any question
markup-quiz-blank-in-question = a blank line separates this answer line from its question (line { $line })
markup-quiz-blank-ends-question-hint = line { $line } is blank, and a blank line ends a question: remove it to keep { $what ->
        [option] these options
        [pair] these pairs
        [item] these items
        [answer] these accepted answers
       *[explanation] this explanation
    } with the question above
markup-quiz-start-question-hint = start a question with a line `? …` before its { $what ->
        [option] options
        [pair] matching pairs
        [item] ordering items
        [answer] accepted answers
       *[explanation] explanation
    }
markup-quiz-empty-option = this option has no text
markup-quiz-empty-option-hint = write the answer after the marker, e.g. `(x) The means`
markup-quiz-pair-arrow = this matching pair has no `=>` between its two sides
markup-quiz-pair-arrow-hint = write the pair as `- left side => right side`
markup-quiz-pair-empty = { $side ->
        [left] the left side of this pair is empty
       *[right] the right side of this pair is empty
    }
markup-quiz-pair-empty-hint = write text on both sides of `=>`
markup-quiz-order-number = this item is numbered { $number }, but it is item { $expected } of the question
markup-quiz-order-number-hint = number the items 1, 2, 3, … and write them in the right order: the learner sees them shuffled
markup-quiz-empty-item = this item has no text
markup-quiz-empty-item-hint = write the step after its number, e.g. `1. Make sure the person is safe`
markup-quiz-empty-answer = this accepted answer is empty
markup-quiz-empty-answer-hint = write the answer after `= `, e.g. `= article 3`
markup-quiz-range-backwards = this range starts at { $low } and ends at { $high }, below its start
markup-quiz-range-not-numbers = `{ $text }` looks like a range of numbers, but both sides of `..` must be numbers
markup-quiz-bad-range-hint = write a range of numbers as `= low..high`, e.g. `= 18..20` (a decimal comma or point both work)
markup-quiz-answer-space = an accepted answer starts with `=` followed by a space
markup-quiz-answer-space-hint = put a space after `=`, e.g. `= 18`
markup-quiz-bad-marker = this option marker is not one of `( )` `(x)` `[ ]` `[x]`
markup-quiz-bad-marker-hint = write `( )` or `(x)` for a single-answer option, `[ ]` or `[x]` for a multiple-answer one
markup-quiz-cyrillic-x-hint = this is the Cyrillic letter «х»: type the Latin letter `x`, as in `(x)` or `[x]`
markup-quiz-unknown-line = this line is not part of the quiz syntax
markup-quiz-prompt-one-line-hint = a question must fit on one line: join this line to the `? ` line above; answer lines start with `( )` `[ ]` `- ` `1. ` or `= `, explanations with `> `
markup-quiz-unknown-line-hint = start the line with `? ` (question), `( )` `(x)` `[ ]` `[x]` (option), `- a => b` (matching pair), `1. ` (ordering item), `= ` (accepted answer) or `> ` (explanation); separate questions with a blank line

## Scenario blocks

markup-scenario-empty = this scenario block has no steps
markup-scenario-empty-hint = start each step with a line `# id`, then the step's text and its choices `* text -> id`; mark an ending `# id (end)`
markup-scenario-text-before = this text comes before the scenario's first step
markup-scenario-text-before-hint = start the block with the first step, a line `# id` (e.g. `# start`), and put this text under it; text around the scenario goes outside the block
markup-scenario-no-id = this step has no id
markup-scenario-no-id-hint = write the step's id after `# `, e.g. `# start`; mark an ending with `(end)` after its id
markup-scenario-bad-end-mark = `{ $mark }` after the step id is not the ending mark `(end)`
markup-scenario-bad-end-mark-hint = mark an ending with `(end)`, in Latin letters in every language: `# { $id } (end)`; a step id has no spaces
markup-scenario-bad-id = `{ $id }` is not a valid step id
markup-scenario-bad-id-hint = a step id is 1 to { $max } Latin letters, digits, `-` or `_`, with no spaces, e.g. `# ask-for-help`; it stays the same in every language
markup-scenario-duplicate-id = the step id `{ $id }` is already used on line { $line }
markup-scenario-duplicate-id-hint = give every step of the scenario its own id
markup-scenario-no-arrow = this choice has no `->` and step id
markup-scenario-no-arrow-hint = a choice needs `-> step-id` at its end, e.g. `* Call the hotline -> hotline`; lists inside a step's text are written with `-`, not `*`
markup-scenario-points-not-number = `{ $mark }` is not a number of points
markup-scenario-points-too-many = { $points } points is more than a choice may give or take ({ $max })
markup-scenario-points-hint = write points after the target as `(+N)` or `(-N)`, `N` a whole number from 0 to { $max }, e.g. `-> separate (+2)`; a choice without points gives 0
markup-scenario-choice-no-text = this choice has no text
markup-scenario-choice-no-text-hint = write what the learner can do between `* ` and `->`, e.g. `* Call the hotline -> hotline`
markup-scenario-no-target = this choice does not say which step it leads to
markup-scenario-no-target-hint = write the id of a step after `->`, e.g. `-> hotline`
markup-scenario-feedback-apart = this feedback line is not right after a choice
markup-scenario-feedback-apart-hint = write a choice's feedback lines `> …` right under the choice, with no blank line between
markup-scenario-after-choices = this line comes after the choices of the step `{ $step }`
markup-scenario-after-choices-hint = write a step's text before its choices; after a choice only its feedback (`> …`) may follow; start a new step with `# id`
markup-scenario-empty-step = the step `{ $step }` has no text
markup-scenario-empty-step-hint = write what happens in this step on the lines under `# id`, before its choices
markup-scenario-end-choices = the step `{ $step }` is an ending but has choices
markup-scenario-end-choices-hint = remove `(end)` from the step line if the scenario goes on from here, or remove the choices
markup-scenario-dead-end = the step `{ $step }` has no choices and is not an ending
markup-scenario-dead-end-hint = add choices `* text -> step-id` under its text, or mark the step as an ending: `# { $step } (end)`
markup-scenario-missing-target = there is no step `{ $target }` in this scenario
markup-scenario-missing-target-near-hint = did you mean `{ $near }`? Step ids must be written exactly, with the same capital letters
markup-scenario-missing-target-hint = write the id of one of the block's steps: { $ids }
markup-scenario-unreachable = the step `{ $step }` cannot be reached from the first step `{ $first }`
markup-scenario-unreachable-hint = add a choice `* … -> { $step }` to a step that can be reached, or remove this step
markup-scenario-no-way-out = no ending can be reached from the step `{ $step }`: its choices only lead around in a loop
markup-scenario-no-way-out-hint = give a step of the loop a choice that leads towards an ending `# id (end)`
markup-scenario-points-loop = this choice gives points inside a loop (it can lead back to the step `{ $step }`), so a learner could collect them again and again
markup-scenario-points-loop-hint = give the choices of a loop 0 or negative points, e.g. `-> { $step }` or `-> { $step } (-1)`, and put the points on choices that leave the loop

## Translated quizzes and scenarios compared with the source page

markup-check-quiz-settings = this translation is { $translation ->
        [none] a practice page
       *[other] { $translation }
    }; the source page is { $source ->
        [none] a practice page
       *[other] { $source }
    }
markup-check-quiz-settings-hint = copy `assessment`, `attempts`, `shuffle`, `draw` and `review` from the front matter of { $file }
markup-check-quiz-count = this translation has { $translation ->
        [one] 1 quiz question
       *[other] { $translation } quiz questions
    }; the source has { $source }
markup-check-quiz-count-hint = make the quiz match { $file }: same questions in the same order, same number of options, the same options marked `(x)` or `[x]`
markup-check-quiz-compare-hint = compare with question { $n } of { $file } (line { $line })
markup-check-quiz-form = question { $n } is written as { $this }; the source's is written as { $source }
markup-check-quiz-lines = question { $n } has { $this } { $what ->
        [pair] { $this ->
            [one] pair
           *[other] pairs
        }
        [item] { $this ->
            [one] item
           *[other] items
        }
       *[option] { $this ->
            [one] option
           *[other] options
        }
    }; the source has { $source }
markup-check-quiz-key = question { $n } marks option(s) { $this } as correct; the source marks { $source }
markup-check-quiz-pair = question { $n }, pair { $pair }: «{ $this }» has other numbers than the source's «{ $source }»; the pairs may be matched differently
markup-check-quiz-item = question { $n }, item { $item }: «{ $this }» has other numbers than the source's item { $item } «{ $source }»; the order may differ
markup-check-quiz-numbers = question { $n } accepts { $this ->
        [none] no number
       *[other] the number(s) { $this }
    }; the source accepts { $source ->
        [none] no number
       *[other] { $source }
    }
markup-check-scenario-count = this translation has { $translation ->
        [one] 1 scenario block
       *[other] { $translation } scenario blocks
    }; the source has { $source }
markup-check-scenario-count-hint = translate every `scenario` block of { $file }, keeping its step ids, targets and points
markup-check-scenario-compare-hint = compare with the scenario at line { $line } of { $file }: translate only the texts; step ids, `(end)`, the choices' order, targets and points stay as they are
markup-check-scenario-order = scenario { $n }: the steps are in another order ({ $this }); the source has { $source }
markup-check-scenario-missing = scenario { $n }: { $count ->
        [one] step { $missing } of the source is missing
       *[other] steps { $missing } of the source are missing
    }
markup-check-scenario-extra = scenario { $n }: { $count ->
        [one] step { $extra } is not in the source
       *[other] steps { $extra } are not in the source
    }
markup-check-scenario-missing-extra = scenario { $n }: step { $missing } of the source is missing; step { $extra } is not in the source
markup-check-scenario-end = scenario { $n }: step `{ $step }` is an ending in the source: write `# { $step } (end)`
markup-check-scenario-not-end = scenario { $n }: step `{ $step }` is not an ending in the source: remove `(end)`
markup-check-scenario-choices = scenario { $n }: step `{ $step }` has { $this } choices; the source has { $source }
markup-check-scenario-target = scenario { $n }: choice { $choice } of step `{ $step }` goes to `{ $this }`; in the source it goes to `{ $source }`
markup-check-scenario-points = scenario { $n }: choice { $choice } of step `{ $step }` has { $this } points; in the source it has { $source }

## Links, images and anchors

markup-link-unsafe = the { $kind ->
        [image] image
       *[link] link
    } target `{ $target }` could run code or embed content; it is removed from the output
markup-link-unsafe-hint = link only to pages of the course, files beside them, or `http(s)` and `mailto` addresses
markup-link-locale-not-built = `{ $target }` leads to a page in { $locale }, but this build writes only { $built } (`--locale`), so in its output the link leads nowhere
markup-link-locale-not-built-hint = build { $locale } too (`--locale { $locale }`), or link to the page in this language
markup-link-empty = this { $kind ->
        [image] image
       *[link] link
    } has no target
markup-link-empty-hint = write the target in the parentheses, e.g. `[text](02-means.md)`
markup-image-remote = the image `{ $target }` is on the internet; the course must work offline
markup-image-remote-hint = save the image into the module's folder and link it by its file name
markup-link-absolute = `{ $target }` is an absolute path, which breaks when the course is opened from a USB stick
markup-link-absolute-hint = use a path relative to this page, e.g. `../module-07/01-investigation.md`
markup-link-outside-course = `{ $target }` points outside the course folder
markup-link-outside-course-hint = link only to pages and files inside the course folder
markup-link-outside-content = `{ $target }` points to a file outside `content/`, which is not part of the output
markup-link-outside-content-hint = move the file into the module's folder under `content/<locale>/`
markup-link-not-a-locale = `{ $target }` points into `content/{ $locale }/`, which is not a locale of this course
markup-link-not-a-locale-hint = link to pages of this course's locales: { $locales }
markup-image-is-page = the image `{ $target }` is a page, not an image
markup-image-is-page-hint = use `[text](page.md)` for links to pages
markup-broken-link = the link target `{ $target }` is not a page of the course
markup-broken-link-hint = check the file name; pages of a module are `content/<locale>/<module>/NN-name.md` (looked for { $looked })
markup-broken-link-near-hint = did you mean `{ $near }`? (looked for { $looked })
markup-missing-file = `{ $target }` does not exist (looked for { $looked } and its fallbacks)
markup-missing-file-hint = check the file name and that the file is in the module's folder
markup-broken-anchor = `{ $page }` has no heading with the id `{ $id }`
markup-broken-anchor-here = no heading with the id `{ $id }` on this page
markup-broken-anchor-near-hint = did you mean `#{ $near }`? Give a heading a stable id with `## Title {"{"}#id{"}"}` in every locale
markup-broken-anchor-hint = ids on that page: { $ids }; give a heading a stable id with `## Title {"{"}#id{"}"}` in every locale
markup-broken-anchor-no-headings-hint = the target page has no headings; give the heading an id with `{"{"}#id{"}"}`
