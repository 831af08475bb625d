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
bundle-check = To check that a copy is complete, run “darslik verify” on this folder, or “sha256sum -c SHA256SUMS”.
bundle-readme-open = Open START.html in a web browser (double-click it). The course works without internet.
bundle-readme-lms = For Moodle: upload the zip file from the scorm12 folder for your language as a SCORM package. The scorm2004 folder holds the same course as SCORM 2004.
bundle-readme-check = To check that this copy is complete and unchanged, run “darslik verify” on this folder, or “sha256sum -c SHA256SUMS” on Linux.
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
