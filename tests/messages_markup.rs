//! What a translator sees when a quiz, a scenario or a link is wrong
//! (issue 22): file line numbers, never lines counted inside a block; one
//! clear error for a missing space after `?`; "did you mean" for a mistyped
//! page link, anchor or step id; the same messages in Russian, Uzbek and
//! Uzbek Cyrillic.

mod common;
use common::*;

use std::path::Path;
use std::process::Command;

/// The report of `darslik check` of `root` as text, in `lang`.
fn check(root: &Path, lang: &str) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_darslik"));
    c.arg("check")
        .arg("--course")
        .arg(root)
        .args(["--lang", lang]);
    for k in ["DARSLIK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        c.env_remove(k);
    }
    let o = c.output().expect("run darslik");
    // The report is on stderr, the summary table on stdout.
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The reports of `out` with `[code]` located at `at` (`file:line:col`).
fn reports<'a>(out: &'a str, code: &str, at: &str) -> Vec<&'a str> {
    out.split("\n\n")
        .filter(|d| {
            d.lines()
                .next()
                .is_some_and(|l| l.contains(&format!("[{code}]:")))
                && d.contains(&format!("─ {at}\n"))
        })
        .collect()
}

/// The one report of `[code]` at `at`.
fn report<'a>(out: &'a str, code: &str, at: &str) -> &'a str {
    let r = reports(out, code, at);
    assert_eq!(r.len(), 1, "one [{code}] at {at} expected:\n{out}");
    r[0]
}

/// Every report of `out` located in `file`.
fn reports_in<'a>(out: &'a str, file: &str) -> Vec<&'a str> {
    out.split("\n\n")
        .filter(|d| d.contains(&format!("─ {file}:")))
        .collect()
}

/// A page of 50 lines of text, then `block`: its first line is line 55.
fn page_with(title: &str, block: &str) -> String {
    let mut s = format!("+++\ntitle = \"{title}\"\n+++\n\n");
    for i in 1..=25 {
        s.push_str(&format!("Paragraph {i}.\n\n"));
    }
    assert_eq!(s.lines().count(), 54);
    s.push_str(block);
    s
}

const PAGE: &str = "content/en/module-b/index.md";

#[test]
fn quiz_errors_name_the_lines_of_the_file() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    // Line 55 is the fence; the first question is on line 56.
    let quiz = "```quiz
? Which element is not required for a child victim?
(x) The act
(x) The means
( ) The purpose

? Pick all forms of exploitation
[x] Forced labour
( ) Lawful work

? Match
- Article 3 => definition
- Article 3 => assistance
```
";
    write(root, PAGE, &page_with("Module B", quiz));
    let out = check(root, "en");

    let several = report(&out, "quiz-several-correct", &format!("{PAGE}:58:1"));
    assert!(
        several.contains("2 options are marked `(x)` in a single-answer question (lines 57, 58)"),
        "{several}"
    );
    assert!(!several.contains("lines 2, 3"), "{several}");

    let mixed = report(&out, "quiz-mixed-options", &format!("{PAGE}:63:1"));
    assert!(
        mixed.contains("this option uses `( )`/`(x)`, but the question's first option (line 62) uses `[ ]`/`[x]`"),
        "{mixed}"
    );

    let dup = report(&out, "quiz-duplicate", &format!("{PAGE}:67:1"));
    assert!(
        dup.contains("this left side is the same as the one on line 66"),
        "{dup}"
    );

    // The same numbers in Russian and Uzbek.
    let ru = check(root, "ru");
    let several = report(&ru, "quiz-several-correct", &format!("{PAGE}:58:1"));
    assert!(
        several.contains("в вопросе с одним ответом 2 варианта отмечены `(x)` (строки 57, 58)"),
        "{several}"
    );
    assert!(
        several.contains("подсказка: отметьте `(x)` ровно один ответ"),
        "{several}"
    );
    let uz = check(root, "uz");
    let mixed = report(&uz, "quiz-mixed-options", &format!("{PAGE}:63:1"));
    assert!(mixed.contains("(62-qator)"), "{mixed}");
}

#[test]
fn scenario_errors_name_the_lines_of_the_file() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let scenario = "```scenario
# start
A person asks for help.
* Call the hotline -> hotline
* Wait -> hotlien

# hotline
The hotline answers.
* Go on -> done

# hotline
Again.
* Go on -> done

# done (end)
Done.
```
";
    write(root, PAGE, &page_with("Module B", scenario));
    let out = check(root, "en");
    // `# hotline` again on line 65; the first is on line 61.
    let dup = report(&out, "scenario-duplicate-id", &format!("{PAGE}:65:3"));
    assert!(
        dup.contains("the step id `hotline` is already used on line 61"),
        "{dup}"
    );
    // A mistyped target: the nearest step id.
    let missing = report(&out, "scenario-missing-target", &format!("{PAGE}:59:11"));
    assert!(
        missing.contains("there is no step `hotlien` in this scenario"),
        "{missing}"
    );
    assert!(
        missing.contains("hint: did you mean `hotline`?"),
        "{missing}"
    );

    let ru = check(root, "ru");
    let dup = report(&ru, "scenario-duplicate-id", &format!("{PAGE}:65:3"));
    assert!(
        dup.contains("идентификатор шага `hotline` уже занят в строке 61"),
        "{dup}"
    );
}

#[test]
fn a_missing_space_after_the_question_mark_is_one_error() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let quiz = "```quiz
? Which element is not required for a child victim?
( ) The act
(x) The means

?Which of these are forms of exploitation?
[x] Forced labour
[ ] Lawful work
```
";
    write(root, PAGE, &page_with("Module B", quiz));
    for lang in ["en", "ru", "uz"] {
        let out = check(root, lang);
        let in_page = reports_in(&out, PAGE);
        assert_eq!(in_page.len(), 1, "{lang}: one error expected:\n{out}");
        let r = report(&out, "quiz-unknown-line", &format!("{PAGE}:60:1"));
        // Nothing about the blank line above it, which is right.
        assert!(!out.contains("is blank"), "{out}");
        assert!(!out.contains("quiz-option-before-question"), "{out}");
        assert!(
            r.contains("`? Which of these are forms of exploitation?`"),
            "{lang}: the hint shows the line as it should be:\n{r}"
        );
        let said = match lang {
            "en" => "a question starts with `?` followed by a space",
            "ru" => "после `?` в начале вопроса нужен пробел",
            _ => "savol boshidagi `?` belgisidan keyin boʻsh joy kerak",
        };
        assert!(r.contains(said), "{lang}:\n{r}");
    }
    // The question's options still count: a question under `?x` that has
    // no right answer is reported as such, not as lines outside a question.
    let quiz = "```quiz\n?Which?\n[ ] a\n[ ] b\n```\n";
    write(root, PAGE, &page_with("Module B", quiz));
    let out = check(root, "en");
    report(&out, "quiz-unknown-line", &format!("{PAGE}:56:1"));
    report(&out, "quiz-no-correct", &format!("{PAGE}:56:1"));
    assert!(!out.contains("quiz-option-before-question"), "{out}");
}

#[test]
fn a_blank_line_is_blamed_only_when_it_splits_a_question() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let quiz = "```quiz
? Which element is not required for a child victim?

( ) The act
(x) The means
```
";
    write(root, PAGE, &page_with("Module B", quiz));
    let out = check(root, "en");
    // One error, at the first option: not also "no options" for the
    // question and one more for each option under it.
    assert_eq!(reports_in(&out, PAGE).len(), 1, "{out}");
    let r = report(&out, "quiz-option-before-question", &format!("{PAGE}:58:1"));
    assert!(
        r.contains("a blank line separates this answer line from its question (line 56)"),
        "{r}"
    );
    assert!(
        r.contains("hint: line 57 is blank, and a blank line ends a question: remove it to keep these options with the question above"),
        "{r}"
    );
    let ru = check(root, "ru");
    let r = report(&ru, "quiz-option-before-question", &format!("{PAGE}:58:1"));
    assert!(
        r.contains("подсказка: строка 57 пустая, а пустая строка завершает вопрос: удалите её, чтобы эти варианты остались с вопросом выше"),
        "{r}"
    );
    // A line that is not quiz syntax between them: it is the problem, not
    // the blank line.
    let quiz = "```quiz
? Which element is not required for a child victim?
(x) The act
( ) The means

Q: which one?
( ) The act
(x) The means
```
";
    write(root, PAGE, &page_with("Module B", quiz));
    let out = check(root, "en");
    report(&out, "quiz-unknown-line", &format!("{PAGE}:60:1"));
    assert!(!out.contains("is blank"), "{out}");
    // The two options under it: one error for both.
    let r = report(&out, "quiz-option-before-question", &format!("{PAGE}:61:1"));
    assert!(
        r.contains("hint: start a question with a line `? …` before its options"),
        "{r}"
    );
    assert_eq!(reports_in(&out, PAGE).len(), 2, "{out}");
}

#[test]
fn broken_links_and_anchors_suggest_the_nearest() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let one = "content/en/module-a/01-one.md";
    let text = read(root, one).replace(
        "[module B](../module-b/index.md)",
        "[module B](../module-b/indx.md), [two](02-tow.md), [far](../module-b/nothing-like-it.md)",
    );
    let text = text
        .replace("02-two.md#target", "02-two.md#targte")
        .replace("(#independent-sources)", "(#independent-source)");
    write(root, one, &text);
    let line = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map(|i| i + 1)
            .expect(needle)
    };
    let l = line("indx.md");
    let col = |needle: &str| text.lines().nth(l - 1).unwrap().find(needle).unwrap() + 1;
    let out = check(root, "en");

    let r = report(&out, "broken-link", &format!("{one}:{l}:{}", col("[two]")));
    assert!(
        r.contains("the link target `02-tow.md` is not a page of the course"),
        "{r}"
    );
    assert!(
        r.contains("hint: did you mean `02-two.md`? (looked for content/en/module-a/02-tow.md)"),
        "{r}"
    );
    let r = report(
        &out,
        "broken-link",
        &format!("{one}:{l}:{}", col("[module B]")),
    );
    assert!(r.contains("did you mean `../module-b/index.md`?"), "{r}");
    // Nothing near: the old hint, no guess.
    let r = report(&out, "broken-link", &format!("{one}:{l}:{}", col("[far]")));
    assert!(!r.contains("did you mean"), "{r}");
    assert!(r.contains("check the file name"), "{r}");

    let r = report(
        &out,
        "broken-anchor",
        &format!("{one}:{l}:{}", col("[the target]")),
    );
    assert!(
        r.contains("`module-a/02-two.md` has no heading with the id `targte`"),
        "{r}"
    );
    assert!(r.contains("hint: did you mean `#target`?"), "{r}");
    let r = report(
        &out,
        "broken-anchor",
        &format!("{one}:{l}:{}", col("[above]")),
    );
    assert!(r.contains("did you mean `#independent-sources`?"), "{r}");

    let ru = check(root, "ru");
    let r = report(&ru, "broken-link", &format!("{one}:{l}:{}", col("[two]")));
    assert!(
        r.contains("подсказка: может быть, имелось в виду `02-two.md`? (искали content/en/module-a/02-tow.md)"),
        "{r}"
    );
    let cyrl = check(root, "uz-Cyrl");
    let r = report(
        &cyrl,
        "broken-anchor",
        &format!("{one}:{l}:{}", col("[the target]")),
    );
    assert!(r.contains("`#target` демоқчимидингиз?"), "{r}");
}

#[test]
fn quiz_messages_are_said_in_uzbek_cyrillic_keeping_markers() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let quiz = "```quiz\n? Which?\n(x) a\n[ ] b\n```\n";
    write(root, PAGE, &page_with("Module B", quiz));
    let out = check(root, "uz-Cyrl");
    let r = report(&out, "quiz-mixed-options", &format!("{PAGE}:58:1"));
    assert!(
        r.contains("бу вариантда `[ ]`/`[x]` белгиси, саволнинг биринчи вариантида эса (57-қатор) `( )`/`(x)` белгиси бор"),
        "{r}"
    );
    assert!(r.contains("маслаҳат:"), "{r}");
}
