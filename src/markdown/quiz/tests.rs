//! Quiz tests: the grammar, its errors, and the HTML.

use super::render::render_inline;
use super::*;

const SPEC_EXAMPLE: &str = "? Which element is **not** required when the victim is a child?
( ) The act
(x) The means
( ) The purpose of exploitation
> For children, the act and the purpose are enough.

? Which of these are forms of exploitation? (choose all that apply)
[x] Forced labour
[ ] Lawful employment
[x] Sexual exploitation
";

fn strings() -> QuizStrings {
    QuizStrings {
        check: "Check".into(),
        correct: "Correct".into(),
        incorrect: "Not quite".into(),
        choose_one: "Choose one answer".into(),
        choose_all: "Choose all that apply".into(),
        answer_first: "Choose an answer first".into(),
        ..QuizStrings::default()
    }
}

/// The errors of a block as (code, line, column, len).
fn errs(block: &str) -> Vec<(&'static str, usize, usize, usize)> {
    match parse(block) {
        Ok(q) => panic!("expected errors, parsed {q:?}"),
        Err(es) => {
            for e in &es {
                assert!(!e.message.is_empty() && !e.hint.is_empty(), "{e:?}");
                assert!(e.len >= 1 && e.line >= 1 && e.column >= 1, "{e:?}");
            }
            es.into_iter()
                .map(|e| (e.code.as_str(), e.line, e.column, e.len))
                .collect()
        }
    }
}

#[test]
fn spec_example_parses() {
    let quiz = parse(SPEC_EXAMPLE).expect("valid");
    assert_eq!(quiz.questions.len(), 2);
    let q = &quiz.questions[0];
    assert_eq!(
        q.prompt,
        "Which element is **not** required when the victim is a child?"
    );
    assert!(!q.multiple);
    assert_eq!(q.line, 1);
    assert_eq!(
        q.options,
        vec![
            Choice {
                text: "The act".into(),
                correct: false
            },
            Choice {
                text: "The means".into(),
                correct: true
            },
            Choice {
                text: "The purpose of exploitation".into(),
                correct: false
            },
        ]
    );
    assert_eq!(
        q.explanation.as_deref(),
        Some("For children, the act and the purpose are enough.")
    );
    assert_eq!(q.correct_indices(), vec![1]);
    let q = &quiz.questions[1];
    assert!(q.multiple);
    assert_eq!(q.line, 7);
    assert_eq!(q.options.len(), 3);
    assert_eq!(q.correct_indices(), vec![0, 2]);
    assert_eq!(q.explanation, None);
}

#[test]
fn crlf_trailing_space_uppercase_and_multiline_explanation() {
    let block = "?  Q one  \r\n(X) a\t\r\n( ) b\r\n> first\r\n>\r\n>second   \r\n\r\n\r\n? Q2\r\n[X] c\r\n[ ] d\r\n";
    let quiz = parse(block).expect("valid");
    assert_eq!(quiz.questions.len(), 2);
    assert_eq!(quiz.questions[0].prompt, "Q one");
    assert_eq!(quiz.questions[0].options[0].text, "a");
    assert_eq!(quiz.questions[0].correct_indices(), vec![0]);
    assert_eq!(
        quiz.questions[0].explanation.as_deref(),
        Some("first second")
    );
    assert_eq!(quiz.questions[1].line, 9);
    assert_eq!(quiz.questions[1].correct_indices(), vec![0]);
}

#[test]
fn question_without_blank_line_starts_a_new_question() {
    let quiz = parse("? a\n(x) 1\n( ) 2\n? b\n[x] 3\n[x] 4").expect("valid");
    assert_eq!(quiz.questions.len(), 2);
    assert_eq!(quiz.questions[1].line, 4);
}

#[test]
fn empty_block() {
    assert_eq!(errs(""), vec![("quiz-empty", 1, 1, 1)]);
    assert_eq!(errs("  \n\r\n\t\n"), vec![("quiz-empty", 1, 1, 1)]);
}

#[test]
fn no_correct_single_and_multiple() {
    assert_eq!(
        errs("? Q\n( ) a\n( ) b\n"),
        vec![("quiz-no-correct", 1, 1, 3)]
    );
    assert_eq!(
        errs("\n  ? Multi\n  [ ] a\n  [ ] b\n"),
        vec![("quiz-no-correct", 2, 3, 7)]
    );
}

#[test]
fn several_correct_points_at_second_x() {
    let e = parse("? Q\n(x) a\n( ) b\n(x) c\n").unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].code.as_str(), e[0].line, e[0].column, e[0].len),
        ("quiz-several-correct", 4, 1, 3)
    );
    assert!(e[0].message.contains("lines 2, 4"), "{}", e[0].message);
}

#[test]
fn mixed_options() {
    let e = parse("? Q\n(x) a\n[ ] b\n( ) c\n").unwrap_err();
    assert_eq!(
        e.iter()
            .map(|e| (e.code.as_str(), e.line, e.column, e.len))
            .collect::<Vec<_>>(),
        vec![("quiz-mixed-options", 3, 1, 3)]
    );
    assert!(e[0].message.contains("line 2"), "{}", e[0].message);
}

#[test]
fn too_few_options() {
    assert_eq!(
        errs("? Only one\n(x) a\n"),
        vec![("quiz-too-few-options", 1, 1, 10)]
    );
}

#[test]
fn empty_question() {
    assert_eq!(
        errs("? Nothing here\n> why\n\n? Ok\n(x) a\n( ) b"),
        vec![("quiz-empty-question", 1, 1, 14)]
    );
    // The question at the very end of the block.
    assert_eq!(
        errs("? Ok\n(x) a\n( ) b\n\n? Last"),
        vec![("quiz-empty-question", 5, 1, 6)]
    );
}

#[test]
fn empty_prompt_and_empty_option() {
    assert_eq!(
        errs("?\n(x) a\n( ) b"),
        vec![("quiz-empty-prompt", 1, 1, 1)]
    );
    assert_eq!(
        errs("? Q\n(x)\n( ) b  "),
        vec![("quiz-empty-option", 2, 1, 3)]
    );
}

#[test]
fn option_before_question() {
    let e = parse("(x) a\n( ) b\n").unwrap_err();
    assert_eq!(
        e.iter()
            .map(|e| (e.code.as_str(), e.line, e.column, e.len))
            .collect::<Vec<_>>(),
        vec![("quiz-option-before-question", 1, 1, 3)],
        "one error for the lines of a run"
    );
    // A blank line between a question and its options: one error, and
    // the options are still the question's (their key is checked).
    let e = parse("? Q\n\n(x) a\n( ) b\n").unwrap_err();
    let got: Vec<_> = e
        .iter()
        .map(|e| (e.code.as_str(), e.line, e.column))
        .collect();
    assert_eq!(got, vec![("quiz-option-before-question", 3, 1)]);
    assert!(e[0].message.contains("(line 1)"), "{}", e[0].message);
    assert!(e[0].hint.contains("line 2 is blank"), "{}", e[0].hint);
    let e = parse("? Q\n\n( ) a\n( ) b\n\n(x) c\n").unwrap_err();
    let got: Vec<_> = e
        .iter()
        .map(|e| (e.code.as_str(), e.line, e.column))
        .collect();
    assert_eq!(
        got,
        vec![
            ("quiz-no-correct", 1, 1),
            ("quiz-option-before-question", 3, 1),
            ("quiz-option-before-question", 6, 1),
        ]
    );
    // A question with nothing under it before the next one.
    assert_eq!(
        errs("? Q\n\n? R\n(x) a\n( ) b\n"),
        vec![("quiz-empty-question", 1, 1, 3)]
    );
}

#[test]
fn explanation_before_question() {
    assert_eq!(
        errs("> why\n? Q\n(x) a\n( ) b"),
        vec![("quiz-explanation-before-question", 1, 1, 1)]
    );
}

#[test]
fn unknown_line_with_column() {
    assert_eq!(
        errs("? Q\n(x) a\n   just text  \n( ) b"),
        vec![("quiz-unknown-line", 3, 4, 9)]
    );
    // `?` without a space.
    assert_eq!(errs("?Q\n"), vec![("quiz-unknown-line", 1, 1, 1)]);
    // A prompt wrapped onto a second line gets a specific hint.
    let e = parse("? A long\nquestion\n(x) a\n( ) b").unwrap_err();
    assert_eq!(
        (e[0].code.as_str(), e[0].line, e[0].column, e[0].len),
        ("quiz-unknown-line", 2, 1, 8)
    );
    assert!(e[0].hint.contains("one line"), "{}", e[0].hint);
    // Columns are counted in characters, not bytes.
    assert_eq!(
        errs("? Вопрос\n(x) да\n( ) нет\n\u{a0}\u{a0}ещё"),
        vec![("quiz-unknown-line", 4, 3, 3)]
    );
}

#[test]
fn bad_marker() {
    assert_eq!(
        errs("? Q\n() a\n(x) b\n( ) c"),
        vec![("quiz-bad-marker", 2, 1, 2)]
    );
    assert_eq!(
        errs("? Q\n[v] a\n[x] b"),
        vec![("quiz-bad-marker", 2, 1, 3)]
    );
    let e = parse("? Вопрос\n(х) да\n( ) нет").unwrap_err();
    let got: Vec<_> = e
        .iter()
        .map(|e| (e.code.as_str(), e.line, e.column, e.len))
        .collect();
    assert_eq!(got, vec![("quiz-bad-marker", 2, 1, 3)]);
    assert!(e[0].hint.contains("Cyrillic"), "{}", e[1].hint);
}

#[test]
fn reports_every_error_sorted() {
    let block =
        "( ) orphan\n? First\n( ) a\n[x] b\n\n? Second\nnonsense here\n(x) c\n(x) d\n\n? Third\n";
    assert_eq!(
        errs(block),
        vec![
            ("quiz-option-before-question", 1, 1, 3),
            ("quiz-mixed-options", 4, 1, 3),
            ("quiz-unknown-line", 7, 1, 13),
            ("quiz-several-correct", 9, 1, 3),
            ("quiz-empty-question", 11, 1, 7),
        ]
    );
}

#[test]
fn render_structure() {
    let quiz = parse(SPEC_EXAMPLE).expect("valid");
    let html = render_html(&quiz, "module-06/03-elements", 2, &strings());
    assert!(html.starts_with("<div class=\"quiz\" data-quiz data-correct=\"Correct\" data-incorrect=\"Not quite\" data-answer-first=\"Choose an answer first\""));
    assert_eq!(html.matches("<fieldset").count(), 2);
    assert_eq!(html.matches("<legend>").count(), 2);
    assert!(
        html.contains(
            "data-qid=\"module-06/03-elements/3\" data-kind=\"single\" data-answer=\"1\""
        )
    );
    assert!(html.contains(
        "data-qid=\"module-06/03-elements/4\" data-kind=\"multiple\" data-answer=\"0,2\""
    ));
    assert!(html.contains("<legend><span class=\"quiz-num\">3.</span> <span class=\"quiz-prompt\">Which element is <strong>not</strong> required when the victim is a child?</span></legend>"));
    // Every input has a label tied by for/id, ids are unique.
    let mut ids = Vec::new();
    for part in html.split("<input ").skip(1) {
        let id = part
            .split("id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("input id");
        assert!(html.contains(&format!("<label class=\"quiz-opt\" for=\"{id}\">")));
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        ids.push(id.to_string());
    }
    assert_eq!(ids.len(), 6);
    assert_eq!(ids[0], "q-module-06-03-elements-3-0");
    let mut uniq = ids.clone();
    uniq.sort();
    uniq.dedup();
    assert_eq!(uniq.len(), ids.len());
    assert_eq!(
        html.matches("type=\"radio\" name=\"q-module-06-03-elements-3\"")
            .count(),
        3
    );
    assert_eq!(
        html.matches("type=\"checkbox\" name=\"q-module-06-03-elements-4\"")
            .count(),
        3
    );
    assert_eq!(
        html.matches("<button type=\"button\" class=\"quiz-check\" hidden>Check</button>")
            .count(),
        2
    );
    assert_eq!(
        html.matches("<div class=\"quiz-feedback\" aria-live=\"polite\" role=\"status\"></div>")
            .count(),
        2
    );
    assert!(html.contains("<div class=\"quiz-explanation\" hidden>For children, the act and the purpose are enough.</div>"));
    assert!(html.contains(
        "<span class=\"quiz-hint\" id=\"q-module-06-03-elements-3-hint\">Choose one answer</span>"
    ));
    assert!(html.contains("aria-describedby=\"q-module-06-03-elements-4-hint\""));
    assert!(!html.contains("<p>"));
}

#[test]
fn render_escapes_script_everywhere() {
    let block = "? <script>alert(1)</script> & \"q\"\n(x) <script>alert(2)</script>\n( ) <b onclick=x>b</b>\n> <script>alert(3)</script> <img src=x onerror=alert(4)>\n";
    let quiz = parse(block).expect("valid");
    let s = QuizStrings {
        check: "<script>c</script>".into(),
        correct: "\"><script>".into(),
        ..strings()
    };
    let html = render_html(&quiz, "m/\"<p>", 0, &s);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b "), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<p>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\""),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("data-qid=\"m/&quot;&lt;p&gt;/1\""), "{html}");
    assert!(html.contains("id=\"q-m---p--1\""), "{html}");
}

#[test]
fn render_inline_markdown_stays_inline() {
    let link = |u: &str| u.to_string();
    assert_eq!(render_inline("# Not a heading", &link), "# Not a heading");
    assert_eq!(render_inline("- not a list", &link), "- not a list");
    assert_eq!(render_inline("1990. A year", &link), "1990. A year");
    assert_eq!(render_inline("> quote", &link), "&gt; quote");
    assert_eq!(render_inline("***", &link), "***");
    assert_eq!(
        render_inline("***bold em***", &link),
        "<em><strong>bold em</strong></em>"
    );
    assert_eq!(
        render_inline("~~gone~~ `code`", &link),
        "<del>gone</del> <code>code</code>"
    );
    assert_eq!(
        render_inline("[x](javascript:alert(1)) [y](../a.md)", &|u: &str| u
            .replace(".md", ".html")),
        "x <a href=\"../a.html\">y</a>"
    );
    // A destination the page's resolver removed: the text stays.
    assert_eq!(
        render_inline(
            "[x](file:///etc/passwd) ![pic](https://e.example/p.png) z",
            &|_| { String::new() }
        ),
        "x pic z"
    );
}

#[test]
fn dom_ids() {
    assert_eq!(dom_id("module-06/02-means/1"), "q-module-06-02-means-1");
    assert_eq!(dom_id("м/é"), "q----");
    assert_eq!(question_id("a/b", 3), "a/b/3");
}

/// `parse` and `render_html` never panic, whatever the input.
#[test]
fn never_panics_on_garbage() {
    const PIECES: &[&str] = &[
        "?", "? ", "(", ")", "[", "]", "(x)", "( )", "[x]", "[ ]", "(X)", "[X]", "(х)", ">", "> ",
        "\n", "\r\n", "\r", " ", "\t", "x", "é", "я", "\u{feff}", "\u{a0}", "𝄞", "#", "- ", "1. ",
        "*", "**", "`", "```", "<", "&", "\"", "\\", "[a](b)", "![i](j)", "<script>", "\u{0}",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let n = (next() % 40) as usize;
        let mut s = String::new();
        for _ in 0..n {
            let i = (next() % PIECES.len() as u64) as usize;
            s.push_str(PIECES[i]);
        }
        match parse(&s) {
            Ok(quiz) => {
                assert!(!quiz.questions.is_empty());
                for q in &quiz.questions {
                    assert!(q.options.len() >= 2);
                    let correct = q.correct_indices().len();
                    assert!(if q.multiple {
                        correct >= 1
                    } else {
                        correct == 1
                    });
                }
                let html = render_html(&quiz, "m/p", 0, &strings());
                assert!(!html.contains("<script"));
            }
            Err(es) => {
                assert!(!es.is_empty());
                let lines = s.split('\n').count();
                for e in es {
                    assert!(
                        e.line >= 1 && e.line <= lines && e.column >= 1 && e.len >= 1,
                        "{e:?} in {s:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn columns_of_nested_blocks_in_the_file() {
    assert_eq!(file_column("> (x) b", "(x) b", 1), 3);
    assert_eq!(file_column("  (x) b", "(x) b", 1), 3);
    assert_eq!(file_column("> > ?Вопрос", "?Вопрос", 2), 6);
    assert_eq!(file_column("(x) b", "(x) b", 1), 1);
    assert_eq!(file_column("something else", "(x) b", 4), 4);
    assert_eq!(file_column(">", "", 1), 1);
}
