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
