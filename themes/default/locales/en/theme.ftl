language-name = English
choose-language = Choose your language
skip-to-content = Skip to content
language = Language
contents = Contents
course-home = Course home
all-languages = All languages
previous = Previous
next = Next
pager = Previous and next page
on-this-page = On this page
modules = Modules
start-module = Start the module
module-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
not-translated = This page has not been translated into English yet. It is shown in { $language }.
version = version { $version }
quiz-check = Check
quiz-correct = Correct
quiz-incorrect = Not quite
quiz-choose-one = Choose one answer
quiz-choose-all = Choose all that apply
quiz-answer-first = Choose an answer first
quiz-result = Your result
quiz-retry = Try the questions again
quiz-score = { $total ->
    [one] { $total } question
   *[other] { $total } questions
}, { $correct } answered correctly ({ $percent }%).
quiz-passed = Passed: the pass mark is { $mastery }%.
quiz-failed = Not passed yet: the pass mark is { $mastery }%.
quiz-unanswered = { $total ->
    [one] Answer the question on this page to see your result.
   *[other] Answer the { $total } questions of this module to see your result.
}
progress-pages = { $seen } of { $total } pages
progress-score = score { $percent }%
progress-completed = completed
progress-continue = Continue where you left off
progress-title = Your progress
progress-explain = Your progress is saved in this browser on this device only.
progress-reset = Clear my progress
progress-cleared = Your progress has been cleared.
doc-position = Page { $page } of { $total }
bundle-open-site = Open the course in English
bundle-lms-title = For academies: uploading to Moodle
bundle-lms = Upload { $file } as a SCORM package activity: Moodle fully supports SCORM 1.2, so progress, scores and resume are recorded.
bundle-lms-2004 = { $file } is the same course as SCORM 2004 (4th edition), for platforms that ask for it.
bundle-lms-2004-modules = The scorm2004 folder holds the course as SCORM 2004 (4th edition), one package per module, for platforms that ask for it. { $card } says which file to upload and with which settings.
bundle-check = To check that a copy is complete, run “{ $verify }” on this folder, or “{ $sums }”.
bundle-readme-open = Open { $start } in a web browser (double-click it). The course works without internet.
bundle-readme-lms = For Moodle: upload the zip file from the scorm12 folder for your language as a SCORM package. The scorm2004 folder holds the same course as SCORM 2004.
bundle-readme-check = To check that this copy is complete and unchanged, run “{ $verify }” on this folder, or “{ $sums }” on Linux.
print-answers = Answers
search = Search
search-label = Search this course
search-all = Search the course
search-title = Search
search-page-title = Search: { $query }
search-empty = Type one or more words in the search box above. Other forms of a word are found too: “victim” also finds “victims”.
search-results = { $count ->
    [one] { $count } page found for “{ $query }”
   *[other] { $count } pages found for “{ $query }”
}
search-none = No page found for “{ $query }”. Try fewer words, or only the beginning of a word.
search-noscript = Search needs JavaScript, which is turned off in this browser. Every page of the course is listed below.
search-all-pages = All pages

# Shown in a SCORM module when the learning platform does not record progress.
lms-not-connected = This module is not connected to a learning platform: your progress is kept in this browser only.
lms-not-recorded = The learning platform did not accept this module (error { $code }), so your progress is not being recorded there, only in this browser. Close the module and open it again from the course page; if this message comes back, tell your trainer.
lms-review = You are reviewing this module: nothing you do now changes your record on the learning platform.

# MOODLE.md, the Moodle settings card written beside the SCORM packages.
moodle-card-title = Moodle settings: { $course } { $version }
moodle-card-intro = These are the SCORM activity settings with which our tests play every package of this build in a real Moodle 5.1 as a learner, and check what Moodle stores: completion, passed or failed, score, the page reached and the answers, after leaving and coming back.
moodle-which = Which file to upload
moodle-which-12 = For Moodle: { $files } (SCORM 1.2), one activity with all { $modules } modules. Every module is recorded. This is the package to use.
moodle-which-12-modules = For Moodle: one SCORM 1.2 package per module, one activity each: { $files }.
moodle-which-2004 = SCORM 2004 (4th edition), for platforms that ask for it: { $files }.
moodle-which-2004-modules = SCORM 2004 (4th edition), one package per module, one activity each: { $files }. Moodle’s SCORM 2004 player records only the first module of a package in each visit, so the modules are not put in one package.
moodle-which-2004-course = SCORM 2004 (4th edition): { $files } holds all { $modules } modules, but Moodle’s SCORM 2004 player records only the first module a learner opens in each visit. In Moodle, use the SCORM 1.2 package instead.
moodle-multilingual = Each package holds every language of the course. The learner picks one inside the module, and the next module opens in the same language.
moodle-settings = Activity settings
moodle-setting = Setting
moodle-value = Value
moodle-set-grademethod = Grading method
moodle-set-maxattempt = Number of attempts
moodle-set-whatgrade = Attempts grading
moodle-set-forcecompleted = Force completed
moodle-set-forcenewattempt = Force new attempt
moodle-set-lastattemptlock = Lock after final attempt
moodle-set-masteryoverride = Mastery score overrides status
moodle-set-popup = Display package
moodle-set-hidetoc = Display course structure in player
moodle-set-nav = Show Navigation
moodle-set-auto = Auto-continue
moodle-set-skipview = Student skip content structure page
moodle-val-learning-objects = Learning objects
moodle-val-unlimited = Unlimited
moodle-val-highest-attempt = Highest attempt
moodle-val-no = No
moodle-val-yes = Yes
moodle-val-current-window = Current window
moodle-val-to-the-side = To the side
moodle-val-under-content = Under content
moodle-val-never = Never
moodle-recorded = What the packages record
moodle-grade = Grading method “Learning objects”: the grade is the number of modules passed (a module without questions counts when it is completed).
moodle-pass-mark = Pass mark: { $percent } % of a module’s questions answered right (SCORM 1.2 mastery score { $percent }, SCORM 2004 scaled passing score { $scaled }).
moodle-complete-passed = A module with questions counts as completed when every page is seen and its questions are passed; a failed module stays incomplete until the learner passes. A module without questions is completed when every page is seen.
moodle-complete-seen = A module counts as completed when every page is seen, passed or not; passed or failed is recorded separately.
moodle-resume = The page reached, the answers and the language are kept: a learner who leaves and comes back continues where they stopped.
moodle-tests = In a module with a post-test or graded pages, the module’s score is the best attempt there and practice questions do not count. Every submitted attempt’s answers are stored as interactions (Reports, Interactions). A pre-test is stored as the objective “pre-test” and its answers as interactions whose ids start with “pre-”; it never counts toward pass or fail.
moodle-scenarios = A case scenario counts like one question in its module’s score: the percent of the learner’s best finished run. Every choice made is stored as an interaction whose id ends with the step’s id (for example “…_s1_start”), with the step’s best choices as the correct response (Reports, Interactions).
moodle-never-lower = Opening a finished module again, or in Review mode, never lowers what Moodle stored (status, score).
moodle-not-recorded = Whenever Moodle does not record the module (no connection to Moodle, Review mode, or Moodle refused the module), the module says so at the top of its page, in the learner’s language.
quiz-match-hint = Choose the matching answer for each item
quiz-order-hint = Put the items in the right order with the Move buttons
quiz-short-hint = Type your answer
quiz-short-label = Your answer
quiz-match-none = — choose —
quiz-move-up = Move up
quiz-move-down = Move down
quiz-moved = Moved to position { $position } of { $total }
quiz-accepted = Accepted answers: { $answers }
quiz-right-answer = Right answer
assess-kind-graded = Graded assessment
assess-kind-pre-test = Pre-test
assess-kind-post-test = Post-test
assess-nojs = This assessment needs JavaScript. Without it the questions are shown as a worksheet and nothing is marked.
assess-submit = Submit answers
assess-again = Start attempt { $n }
assess-attempt = Attempt { $n } of { $max }
assess-attempt-unlimited = Attempt { $n }
assess-open = Answer every question, then submit. Nothing is marked before you submit.
assess-unanswered = Questions without an answer: { $count }
assess-confirm = Submit your answers? You cannot change them afterwards.
assess-score = Attempt { $n }: { $score }%
assess-best = Best attempt: { $score }%. This score counts.
assess-pre = Pre-test: { $score }%. It shows what you knew before the module and does not count toward your result.
assess-no-attempts = All { $max } attempts used.
assess-review-later = Right answers and explanations are shown after your last attempt.
assess-review-never = Right answers are not shown for this assessment.
assess-right = Right
assess-wrong = Wrong
assess-drawn = { $n } of the { $total } questions are drawn for each attempt.
scenario-label = Case scenario
scenario-back = Back
scenario-restart = Start again
scenario-status = Step { $n }
scenario-path = Your path
scenario-score = { $points } of { $best } points ({ $percent }%)
scenario-best-run = Your best finished run: { $percent }%
scenario-finished = You reached an ending.
scenario-unscored = This scenario is not scored: think about your choices and discuss them.
scenario-ending = This is one of the scenario’s endings.
scenario-start-again = Start the scenario again
scenario-facilitator = Facilitator view: every step and branch
scenario-diagram = Diagram of the scenario’s steps and choices
scenario-start = start
scenario-ending-mark = ending
scenario-points = points: { $points }
scenario-feedback = Feedback
scenario-best-choice = best choice
scenario-leads-to = leads to { $step }

# "My results" (results.html, and the end of a single-file module).
results-title = My results
results-intro = What you have done in this course on this device. Save it here as a results file for your trainer.
results-noscript = This page needs JavaScript, which is turned off in this browser. With it, the page shows what you have done in the course and saves your results as a file for your trainer. Turn JavaScript on, or ask your trainer for help.
results-summary = What you have done
results-nothing = You have not started any module of this course on this device yet.
results-details = Your details
results-details-hint = They are kept in this browser and written into your results file, so that your trainer knows whose results they are.
results-name = Full name
results-organisation = Organisation
results-region = Region
results-save = Save my results file
results-save-hint = The browser saves the file, usually into the Downloads folder. Give it to your trainer on a USB stick, or send it by messenger or email.
results-saved = Saved: { $file } ({ $size }), in your browser’s downloads (usually the Downloads folder). Give this file to your trainer.
results-no-download = This browser cannot save a file from this page. Copy all the text below and send it to your trainer, or paste it into a new file named { $file }.
results-copy = Your results file
results-size = { $size } KB
results-new-title = A shared computer?
results-new-hint = Once your results file is saved, clear your details, your results and your progress in this course from this browser, so that the next learner starts afresh.
results-new = New learner on this computer
results-new-confirm = Clear the details, results and progress of this course from this browser? Save the results file first: this cannot be undone.
results-cleared = Cleared. The next learner can start the course.
results-open = My results: save them for your trainer
results-pages-seen = Pages seen
results-best = Best score
results-pre = Pre-test
results-post = Post-test
results-scenario = Case scenario
results-not-yet = not yet
results-passed = passed
results-failed = not passed yet
results-percent = { $percent }%
course-audience-label = Who this course is for:
course-disclaimer-label = Disclaimer

# The glossary page (glossary.html), when the course has a glossary.toml.
glossary-title = Glossary
glossary-intro = The terms of this course and how each is rendered in its languages. Use these renderings, in any grammatical form, when you speak or write about a case.
glossary-also = Also accepted
glossary-avoid = Avoid

## issue 25: phone
menu = Menu
table-scroll = Scroll the table sideways →
language-suggested = Your browser's language

## issue 25: progress
progress-seen = seen
progress-done = Module complete

## issue 25: media

## issue 25: branding

## issue 25: search
search-translit = Results for “{ $query }”: your words in the other Uzbek alphabet.
search-other-title = In the course's other languages
search-other-found = Matches in the course's other languages are listed below.
search-other-more = Search the course's other languages too
search-other-none = Nothing found in the course's other languages either.
