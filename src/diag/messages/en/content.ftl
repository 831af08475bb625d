# The course as files: course.toml, the content tree, pages' front matter,
# files beside the pages, Fluent messages, the theme, the outputs.

## Files beside the pages

content-symlink-outside = { $link } is a symbolic link that leaves the course: it points outside the course folder, and darslik reads nothing outside the course
content-symlink-outside-hint = copy what it points to into the course folder instead of linking to it
content-asset-reserved = { $file } would replace site/{ $locale }/{ $generated } ({ content-reserved-what }), a file darslik generates
content-asset-reserved-hint = rename the file; { $generated } is darslik's
content-asset-reserved-active-hint = HTML and script files beside pages are not copied: turn it into a Markdown page, or offer it as a PDF
content-reserved-what = { $what ->
        [home] the course home page
        [search] the search page
        [search-index] the search index
        [results] the learner's "My results" page
        [glossary] the glossary page
        [module] the folder of module { $module }'s pages
       *[page] a page
    }{ $by_folder ->
        [yes] , by a folder of that name
       *[no] {""}
    }
content-reserved-why = { $why ->
        [static] site/static/ holds the theme's scripts and styles
        [static-module] static/ holds the theme's scripts and styles
        [assets] SCORM packages keep the course's files in assets/
        [search] search pages are named search.html
        [chooser] index.html is the language chooser
        [index-md] index.md is the course home page
        [home] index.html is the course home page
        [search-html] search.html is the search page
        [search-index] search-index.js is the search index
        [results] results.html is the learner's "My results" page
        [glossary] glossary.html is the glossary page
       *[manifest] imsmanifest.xml describes a SCORM package
    }
content-asset-html = { $file }: { $kind ->
        [script] script
       *[other] HTML
    } files beside pages are not copied (opened from the course, it would run as code on the LMS's site)
content-asset-html-hint = turn it into a Markdown page, or offer it as a PDF
content-cannot-read = cannot read { $file }: { $detail }
content-svg-removed = { $file }, line { $line }, column { $column }: removed { content-svg-part } (it could run code or load files from outside the course)
content-svg-part = { $kind ->
        [doctype] the DOCTYPE (its entities are not read)
        [instruction] the processing instruction { $code }
        [style-elements] a <style> element that holds other elements
        [style-css] a <style> element whose CSS could fetch files or run code
        [link] the link { $code }, keeping its content
        [attribute] the attribute { $code } of { $element }
       *[element] the element { $code } with its content
    }
content-svg-removed-hint = darslik keeps the drawing (shapes, text, gradients, styles); save the SVG without scripts, links or embedded content to silence this
content-svg-removed-more = { $file }: removed { $count } more parts of the image
content-svg-invalid = { $file } is not a well-formed SVG image (line { $line }, column { $column }): { $detail }
content-svg-invalid-hint = open it in a drawing program (Inkscape: Save as → Plain SVG) and save it again

## course.toml

content-config-scorm-value = [scorm] { $key } = "{ $value }" is not a value darslik knows; it takes { $choices } or { $last }
content-config-mastery = mastery_score { $score } is above 100
content-config-mastery-hint = mastery_score is a percentage from 0 to 100
content-config-package-hint = package = "course" makes one zip per locale holding every module (one SCO each); "module" one zip per module
content-config-package-2004-hint = package_2004 = "module" makes one SCORM 2004 zip per module (what Moodle records); "course" one zip of every module
content-config-complete-when-hint = complete_when = "passed": a module with knowledge checks is completed when every page is seen and the checks are passed; "seen": when every page is seen
content-config-2004-course = package_2004 = "course" puts the { $modules } modules into one SCORM 2004 package per locale, but Moodle's SCORM 2004 player records only the first module a learner opens in a visit
content-config-2004-course-hint = for Moodle, upload the SCORM 1.2 package (every module recorded), or write package_2004 = "module" for one SCORM 2004 package per module
content-config-2004-module = the SCORM 2004 packages are made one per module ({ $modules } per locale), not one for the course: Moodle's SCORM 2004 player records only the first module of a package per visit
content-config-2004-module-hint = the SCORM 1.2 packages stay one per course. Write package_2004 = "module" under [scorm] to keep one 2004 package per module without this warning, or package_2004 = "course" for one 2004 package (Moodle then records only the first module per visit)
content-config-syntax = course.toml: { $detail }
content-config-unknown-field = course.toml: unknown field `{ $field }`, expected one of { $expected }
content-config-unknown-field-hint = check the spelling; the keys course.toml takes are listed in the SPEC, section 2
content-config-unknown-field-suggest-hint = did you mean `{ $suggestion }`? ({ content-config-unknown-field-hint })
content-config-missing-field-hint = add the missing key to its table
content-config-invalid-type-hint = check the value's type: strings in quotes, lists in [ ], numbers bare
content-config-syntax-hint = see SPEC section 2 for the layout of course.toml
content-config-id = course id `{ $id }` may only use a-z, 0-9 and -
content-config-id-hint = the id is used in file names and SCORM identifiers, e.g. id = "tip-uz"
content-config-locale-tag = `{ $tag }` is not a valid BCP 47 language tag
content-config-locale-tag-hint = write tags like en, ru, uz, uz-Cyrl, kaa
content-config-locale-reserved = the locale tag `{ $tag }` is a name darslik's output uses ({ content-reserved-why })
content-config-locale-reserved-hint = a locale's folder would replace generated files; use the language's own tag, e.g. ru, uz-Cyrl
content-config-generated-reserved-hint = a locale's folder would replace generated files; use the language's own tag, e.g. uz-Cyrl
content-config-locale-duplicate = locale `{ $tag }` is listed twice
content-config-locale-duplicate-hint = list each locale once
content-config-no-locales = the course lists no locales
content-config-no-locales-hint = add at least the source locale, e.g. locales = ["en"]
content-config-source-locale = the source locale `{ $tag }` is not in `locales`
content-config-source-locale-hint = add it to the locales list, or name one of the listed locales
content-config-fallback-self = locale `{ $tag }` names itself as its fallback
content-config-fallback-self-hint = a fallback chain lists other locales, e.g. fallback = ["ru", "en"]
content-config-fallback-unknown = fallback locale `{ $fallback }` of `{ $tag }` is not in `locales`
content-config-fallback-unknown-hint = a fallback must be one of the course's locales
content-config-locale-unused = settings for `{ $tag }`, which is not in `locales`
content-config-locale-unused-hint = add the locale to [course] locales, or remove this table
content-config-generate-unknown = `generate = "{ $generate }"` is not a known generator
content-config-generate-unknown-hint = write generate = "translit:uz" to make this locale from the uz content by transliteration
content-config-generate-script = darslik cannot transliterate into `{ $tag }`
content-config-generate-script-hint = generated Uzbek locales are uz-Cyrl, uz-Latn and uz-Latn-2026
content-config-generate-from = `{ $tag }` is generated from `{ $from }`, which is not a hand-written locale of the course
content-config-generate-from-hint = generate from a locale listed in [course] locales, e.g. translit:uz
content-config-module-name = `{ $name }` is not a usable module folder name
content-config-module-name-hint = name a folder directly under content/<locale>/, e.g. "module-06"
content-config-module-control = the module name `{ $name }` has the control character { $char }, which Moodle's unzip does not accept in a file name (the SCORM packages name a file after each module)
content-config-module-char = the module name `{ $name }` has `{ $char }`, which Moodle's unzip does not accept in a file name (the SCORM packages name a file after each module)
content-config-module-char-hint = use letters, digits and - or _, e.g. "module-06", and rename the module's folders to match
content-config-module-reserved = the module name `{ $name }` is a name darslik's output uses ({ content-reserved-why })
content-config-module-reserved-hint = its folder would replace a generated file; name modules like "module-06"
content-config-module-duplicate = module `{ $name }` is listed twice
content-config-module-duplicate-hint = list each module once
content-config-no-modules = the course lists no modules
content-config-no-modules-hint = list module folders, e.g. modules = ["module-06"]
content-theme-name = the theme name `{ $name }` is not a plain folder name
content-config-theme-name-hint = a theme is a folder directly under themes/, named with A-Z, a-z, 0-9, _ and -: name = "academy" for themes/academy/
content-config-keep-empty = an empty word in [translit] keep
content-config-keep-space = `{ $word }` in [translit] keep has a space: list one word per string
content-config-keep-char = `{ $word }` in [translit] keep has `{ $char }`, which a word to keep cannot have
content-config-keep-word = `{ $word }` in [translit] keep is not a word (a letter, at most { $max } characters)
content-config-keep-many = [translit] keep lists { $count } words; at most { $max }
content-config-keep-hint = keep lists Latin words that generated locales show as written, e.g. keep = ["Moodle", "Linux", "SHA256SUMS"]; letters and digits, with - . _ + # or an apostrophe inside
content-config-attempts = [assessment] attempts = { $attempts } is more than an academy can use
content-attempts-hint = give at most 10 attempts, or 0 for unlimited

## The content tree and pages

content-config-missing = no course.toml in { $folder }
content-config-missing-hint = run darslik in a course folder, pass --course DIR, or make one with `darslik new DIR`
content-locale-no-content = locale `{ $locale }` has no folder content/{ $locale }/
content-locale-no-content-hint = create content/{ $locale }/index.md, or remove `{ $locale }` from locales
content-home-missing = content/{ $locale }/index.md is missing: the course home page of the source locale
content-home-missing-hint = create it with front matter (+++ title = "..." +++) and a short welcome
content-module-missing = module `{ $module }` has no folder content/{ $locale }/{ $module }/
content-module-missing-hint = create content/{ $locale }/{ $module }/index.md, or remove `{ $module }` from modules
content-module-index-missing = module `{ $module }` has no landing page content/{ $locale }/{ $module }/index.md
content-module-index-missing-hint = add an index.md with a title and a short overview of the module
content-page-orphan = content/{ $locale }/{ $page } has no source page content/{ $source }/{ $page }; it is not part of the course
content-page-orphan-hint = rename it to match the source page's file name, or delete it
content-file-binary = { $file } is not a text file (it contains NUL bytes)
content-file-binary-hint = a page must be UTF-8 text; was a binary file saved with a .md or .ftl name?
content-file-encoding = { $file } is not valid UTF-8 (line { $line }, column { $column })
content-file-encoding-hint = save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)
content-frontmatter-missing = the page does not start with front matter
content-frontmatter-missing-hint = start the page with a +++ line, then title = "...", then another +++ line
content-frontmatter-unterminated = the front matter is never closed
content-frontmatter-unterminated-hint = add a line with +++ after the last front matter line
content-frontmatter-invalid = front matter: { $detail }
content-frontmatter-unknown-field = front matter: unknown field `{ $field }`, expected one of { $expected }
content-frontmatter-no-title-hint = every page needs a title, e.g. title = "Evidential issues"
content-frontmatter-variant-hint = assessment is "graded", "pre-test" or "post-test"; review is "after-submit", "after-last-attempt" or "never"
content-frontmatter-field-hint = front matter takes title, description and translation_of (and weight, which is ignored); an assessment page also assessment, attempts, shuffle, draw and review
content-frontmatter-field-suggest-hint = did you mean `{ $suggestion }`? ({ content-frontmatter-field-hint })
content-frontmatter-toml-hint = front matter is TOML: key = "value", with strings in double quotes
content-frontmatter-empty-title = front matter: the title is empty
content-frontmatter-empty-title-hint = give the page a title, e.g. title = "Evidential issues"
content-translit-exceptions = { $file }: { $detail }
content-translit-exceptions-hint = write one word per line as latin = "кирилл" under [words]
content-symlink-skipped = { $file } is a symbolic link; it is not followed
content-symlink-skipped-hint = copy the file into the course folder instead of linking to it
content-page-not-in-course = { $file } is not part of the course
content-page-not-in-course-hint = pages live in content/<locale>/<module>/, one level deep; module folders are listed in course.toml
content-module-not-listed = content/{ $locale }/{ $folder }/ is not a module listed in course.toml; it is left out
content-module-not-listed-hint = add "{ $folder }" to [course] modules to include it

## Fluent messages (locales/)

content-fluent-reference = `{ $id }` refers to the { $what ->
        [term] term
       *[message] message
    } `{ $reference }`, which no file defines
content-fluent-reference-hint = define `{ $reference }` in locales/{ $locale }/ or fix the spelling
content-fluent-reference-suggest-hint = did you mean `{ $suggestion }`? If not, define `{ $reference }` in locales/{ $locale }/
content-fluent-missing = the message `{ $id }` is not translated into { $locale } (it is in { $file })
content-fluent-missing-hint = add `{ $id } = ...` to a file in locales/{ $locale }/; until then readers see a fallback
content-fluent-missing-suggest-hint = locales/{ $locale }/ has `{ $near }`, which the source lacks: if it is this message misspelt, rename it to `{ $id }`
content-fluent-variable-invented = `{ $id }` uses the variable `${ $var }`, which the source message does not have
content-fluent-variable-invented-hint = the source message offers: { $count ->
        [0] no variables
       *[other] { $vars }
    }
content-fluent-variable-dropped = `{ $id }` does not use the variable `${ $var }`, which the source message shows
content-fluent-variable-dropped-hint = readers may miss the value of ${ $var }; write {"{"} ${ $var } {"}"} where it belongs
content-fluent-extra = the message `{ $id }` is not in the source locale { $locale }
content-fluent-extra-hint = rename it to match a message in locales/{ $locale }/, or remove it
content-fluent-extra-suggest-hint = did you mean `{ $suggestion }`? Rename it to match the message in locales/{ $locale }/, or remove it
content-fluent-theme-variable = the theme message `{ $id }` uses the variable `${ $var }`, which the templates do not give it
content-fluent-theme-variable-hint = the templates give `{ $id }`: { $count ->
        [0] no variables
       *[other] { $vars }
    }
content-fluent-syntax = Fluent syntax error: { $kind ->
        [expected-token] Expected a token starting with "{ $token }"
        [expected-range] Expected one of "{ $token }"
        [expected-value] Expected a message field for "{ $token }"
        [expected-term-value] Expected a term field for "{ $token }"
        [missing-default] The select expression must have a default variant
        [two-defaults] A select expression can only have one default variant
        [missing-value] Expected a value
        [unterminated-string] Unterminated string literal
        [unbalanced-brace] Unbalanced closing brace
        [expected-expression] Expected an inline expression
       *[other] { $detail }
    }
content-fluent-syntax-hint = a message is `id = text`; continuation lines are indented; variables are written {"{"} $name {"}"}
content-fluent-duplicate = the message `{ $id }` is defined twice (first in { $file })
content-fluent-duplicate-hint = keep one definition; the later one would silently win
content-fluent-too-deep = Fluent messages may nest placeables and selectors at most { $depth } deep; this one goes deeper
content-fluent-too-deep-hint = real messages need two or three levels: close the `{"{"}` you opened (every `{"{"}` needs a `{"}"}`), or split the message into smaller ones that refer to each other
content-uz-apostrophe = `{ $found }` is written where { $what ->
        [okina] the ʻ of oʻ and gʻ
       *[tutuq] the tutuq belgisi
    } belongs ({ $name })
content-uz-apostrophe-hint = run `darslik check --fix` to correct every one in place

## The theme and the outputs

content-theme-templates = theme templates: { $detail }
content-theme-templates-hint = a theme's templates/ folder overrides the built-in theme's files of the same name; check the names
content-theme-template = theme template { $name }: { $detail }
content-theme-template-line = theme template { $name }, line { $line }: { $detail }
content-theme-template-included = theme template { $name }: { $detail } (included from { $outer }, line { $outer_line })
content-theme-template-line-included = theme template { $name }, line { $line }: { $detail } (included from { $outer }, line { $outer_line })
content-theme-template-hint = fix the template; the built-in theme's templates show the variables available
content-theme-encoding = { $file } is not UTF-8 text
content-theme-name-hint = a theme is a folder directly under themes/, named with A-Z, a-z, 0-9, _ and -
content-theme-missing = the theme `{ $name }` has no folder themes/{ $name }/
content-theme-missing-hint = create the folder, or use name = "default" for the built-in theme
content-no-locale = no locale `{ $locale }` in the course
content-removed-while-building-hint = was the file removed while building? build again
content-cannot-write = cannot write { $file }: { $detail }
content-cannot-write-into = cannot write into { $folder }: { $detail }
content-cannot-write-hint = is the disk full, or the output folder read-only?
content-single-not-utf8 = the module document of { $module } is not UTF-8: { $detail }

## Pages: titles, assessments, scenarios, headings, HTML

content-course-title-missing = no `course-title` message for `{ $locale }` or its fallbacks
content-course-title-missing-hint = add `course-title = ...` to a file such as locales/{ $locale }/course.ftl
content-scenario-unscored = no path through this scenario earns points, so it has no score and does not count in the module's score
content-scenario-unscored-hint = give the better choices points, e.g. `* Call an interpreter -> interview (+2)`
content-assessment-practice-only = `{ $key }` is set, but this page is not an assessment: its quizzes stay practice
content-assessment-practice-only-hint = add assessment = "graded", "pre-test" or "post-test" to the front matter, or remove the option
content-assessment-no-questions = this page is a { $kind } but has no questions
content-assessment-no-questions-hint = add a ```quiz … ``` block with its questions, or remove `assessment` from the front matter
content-assessment-attempts = attempts = { $attempts } is more than an academy can use
content-assessment-draw = draw = { $draw } but the page has { $pool ->
        [one] { $pool } question
       *[other] { $pool } questions
    }: every attempt gets all of them
content-assessment-draw-hint = draw fewer questions than the page has, or add questions to the pool
content-heading-id-reserved = the heading id `{ $id }` is one that darslik's scripts or the LMS connection use; the heading gets its usual id instead
content-heading-id-reserved-hint = choose another {"{"}#id{"}"}
content-heading-id-duplicate = the heading id `{ $id }` is used twice on this page
content-heading-id-duplicate-hint = give each {"{"}#id{"}"} a different name
content-heading-attribute = the heading attribute `{ $name }` is removed from the output
content-heading-attribute-hint = a heading may give only {"{"}#id{"}"}, .classes, lang and dir; pages may not run code
content-html-removed = { content-html-part } in raw HTML is removed from the output
content-html-part = { $kind ->
        [url] a { $code } URL
       *[other] { $detail }
    }
content-html-removed-hint = pages may not run code or load content from elsewhere; use Markdown for links and images
content-nesting-too-deep = a page with raw HTML may nest elements (Markdown blocks and HTML) at most { $depth } deep; this one goes deeper here
content-nesting-too-deep-hint = close the HTML elements you open (every <div> needs a </div>), or nest the quotes and lists around the HTML less deep

## issue 25: phone

## issue 25: progress

## issue 25: media
code-media-remote = a video or audio file is loaded from the internet instead of from the course
code-media-caption-missing = a video or audio clip has no captions file for a locale
code-media-caption-invalid = a captions file is not a WebVTT file
code-media-too-large = a video or audio file is larger than the course allows
code-media-raw-html = a video or audio element written in raw HTML is removed
content-media-remote = the { $kind ->
        [audio] audio
       *[video] video
    } `{ $target }` is on the internet; the course must work offline and fetch nothing from elsewhere
content-media-remote-hint = download the file into the module's folder beside the page and write `![caption](file name)`, e.g. `![Role-play](role-play.mp4)`
content-media-caption-missing = the clip `{ $clip }` has no `{ $locale }` captions{ $shown ->
        [none] , so it plays without captions
       *[other] ; the page shows the `{ $shown }` captions instead
    }
content-media-caption-missing-hint = add `{ $file }` (WebVTT: `WEBVTT`, a blank line, then a timing line and the text of each cue)
content-media-caption-invalid = `{ $file }` is not a WebVTT file (its first line must be `WEBVTT`), so it is not used
content-media-caption-invalid-hint = save the captions as WebVTT (.vtt); subtitle editors convert .srt files to it
content-media-too-large = `{ $file }` is { $size } MB, more than the { $limit } MB the course sets for a clip
content-media-too-large-hint = make the clip smaller (shorter, a smaller frame, a lower bitrate, e.g. `ffmpeg -i in.mp4 -vf scale=640:-2 -crf 30 out.mp4`), or raise `[media] warn_size_mb` in course.toml
content-media-raw-html = { $tag } written in raw HTML is removed from the output
content-media-raw-html-hint = write the clip as Markdown, `![caption](clip.mp4)` with the file beside the page: darslik adds the controls, the poster and the captions

## issue 25: branding
content-config-organisation-empty = `organisation` in [theme] is empty
content-config-organisation-control = `organisation` in [theme] holds the control character `{ $char }`, which would change what pages and terminals show
content-config-organisation-long = `organisation` in [theme] has { $count } characters; at most { $max }
content-config-organisation-hint = write the academy's name as plain text, e.g. organisation = "Tashkent Training Academy"; a locale whose messages have `course-organisation` shows that instead
content-config-logo-path = logo `{ $path }` is not a path inside the course folder: { $why ->
        [absolute] it is absolute
        [parent] it goes up with `..`
        [backslash] it has `\`, write `/` between folders
        [control] it holds a control character
        [empty-part] it has an empty folder name
       *[empty] it is empty
    }
content-config-logo-kind = logo `{ $path }` is not an SVG or PNG file
content-config-logo-missing = logo `{ $path }`: there is no such file in the course folder
content-config-logo-outside = logo `{ $path }` goes through a symbolic link that leads out of the course folder, which darslik does not read
content-config-logo-large = logo `{ $path }` has { $size } bytes; a logo may have at most { $max }
content-config-logo-not-png = logo `{ $path }` does not start like a PNG image
content-config-logo-hint = `logo` names an SVG or PNG file inside the course folder, relative to course.toml and with `/`: logo = "branding/logo.svg"
content-config-accent = accent `{ $value }` is not a colour darslik can use
content-config-accent-hint = write the colour as #rgb or #rrggbb, e.g. accent = "#0b5cab"
content-accent-contrast = accent { $accent } has a contrast of { $ratio }:1 with white; links in this colour and white labels on its buttons need at least 4.5:1 to be read (WCAG AA)
content-accent-contrast-hint = pick a darker shade, e.g. accent = "{ $darker }" ({ $ratio }:1)

## issue 25: search
