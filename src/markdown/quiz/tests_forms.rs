//! Tests of the matching, ordering and short-answer forms (SPEC §7), of
//! line numbers counted in the file, and of graded rendering.

use super::*;

const SPEC_FORMS: &str = "? Match each element with its example.
- Act => Recruitment through an online advert
- Means => A debt the victim cannot repay
- Purpose => Forced begging

? Put the steps of a victim-centred interview in order.
1. Make sure the person is safe
2. Explain who you are and why you are talking
3. Ask open questions
4. Explain what happens next

? Under which article of the Protocol is the definition given?
= 3
= article 3
= art. 3
";

fn errs(block: &str) -> Vec<(&'static str, usize, usize, usize)> {
    match parse(block) {
        Ok(q) => panic!("expected errors, parsed {q:?}"),
        Err(es) => {
            for e in &es {
                assert!(!e.message.is_empty() && !e.hint.is_empty(), "{e:?}");
            }
            es.into_iter()
                .map(|e| (e.code.as_str(), e.line, e.column, e.len))
                .collect()
        }
    }
}

fn strings() -> QuizStrings {
    QuizStrings {
        check: "Check".into(),
        short_label: "Your answer".into(),
        match_none: "choose".into(),
        move_up: "Move up".into(),
        move_down: "Move down".into(),
        ..QuizStrings::default()
    }
}

#[test]
fn spec_forms_parse() {
    let quiz = parse(SPEC_FORMS).expect("valid");
    let [m, o, s] = &quiz.questions[..] else {
        panic!("three questions: {quiz:?}");
    };
    assert_eq!(m.form, Form::Matching);
    assert_eq!(m.pairs.len(), 3);
    assert_eq!(
        m.pairs[1],
        Pair {
            left: "Means".into(),
            right: "A debt the victim cannot repay".into()
        }
    );
    assert_eq!(o.form, Form::Ordering);
    assert_eq!(o.items[0], "Make sure the person is safe");
    assert_eq!(o.items.len(), 4);
    assert_eq!((s.form, s.line), (Form::Short, 12));
    assert_eq!(s.accepted, vec!["3", "article 3", "art. 3"]);
    assert_eq!(s.answer_lines(), 3);
}

#[test]
fn numeric_ranges_parse() {
    let q = &parse("? Days?\n= 18..20\n= 2,5\n")
        .expect("valid")
        .questions[0];
    assert_eq!(q.accepted, vec!["18..20", "2,5"]);
    assert_eq!(numeric_range("18..20"), Ok(Some((18.0, 20.0))));
}

#[test]
fn lines_are_counted_in_the_file() {
    // A block whose first line is line 57 of its page.
    let block = "? Q\n(x) a\n(x) b\n";
    let e = parse_at(block, 57).unwrap_err();
    assert_eq!((e[0].line, e[0].column), (59, 1));
    assert!(e[0].message.contains("lines 58, 59"), "{}", e[0].message);
    let e = parse_at("? Q\n( ) a\n[x] b\n", 10).unwrap_err();
    assert!(e[0].message.contains("line 11"), "{}", e[0].message);
    let q = parse_at(SPEC_FORMS, 40).expect("valid");
    assert_eq!(q.questions[2].line, 51);
    let e = parse_at("? Q\n- a => b\n- e => f\n\n- c => d\n", 5).unwrap_err();
    assert_eq!(
        (e[0].line, e[0].code.as_str()),
        (9, "quiz-option-before-question")
    );
    assert!(e[0].hint.contains("line 8 is blank"), "{}", e[0].hint);
}

#[test]
fn matching_errors() {
    assert_eq!(
        errs("? M\n- Act -> Recruitment\n- Means => Debt\n"),
        vec![("quiz-pair-arrow", 2, 1, 20)]
    );
    assert_eq!(
        errs("? M\n- Act =>\n- Means => Debt\n"),
        vec![("quiz-pair-empty", 2, 1, 8)]
    );
    assert_eq!(
        errs("? M\n- Act => Recruitment\n"),
        vec![("quiz-too-few-options", 1, 1, 3)]
    );
    assert_eq!(
        errs("? M\n- Act => Debt\n- Means => debt \n"),
        vec![("quiz-duplicate", 3, 1, 6)]
    );
    assert_eq!(
        errs("? M\n- Act => a\n- act => b\n"),
        vec![("quiz-duplicate", 3, 1, 5)]
    );
    let many: String = (0..21).map(|i| format!("- l{i} => r{i}\n")).collect();
    assert_eq!(
        errs(&format!("? M\n{many}")),
        vec![("quiz-too-many-answers", 1, 1, 3)]
    );
}

#[test]
fn ordering_errors() {
    assert_eq!(
        errs("? O\n1. Safety\n3. Introductions\n"),
        vec![("quiz-order-number", 3, 1, 2)]
    );
    assert_eq!(
        errs("? O\n2. Safety\n"),
        vec![
            ("quiz-too-few-options", 1, 1, 3),
            ("quiz-order-number", 2, 1, 2)
        ]
    );
    assert_eq!(
        errs("? O\n1. Safety\n2. safety\n"),
        vec![("quiz-duplicate", 3, 1, 8)]
    );
    assert_eq!(
        errs("? O\n1.\n2. b\n"),
        vec![("quiz-empty-option", 2, 1, 2)]
    );
}

#[test]
fn short_answer_errors() {
    assert_eq!(errs("? S\n=\n"), vec![("quiz-empty-option", 2, 1, 1)]);
    assert_eq!(errs("? S\n=18\n"), vec![("quiz-unknown-line", 2, 1, 1)]);
    assert_eq!(errs("? S\n= 20..18\n"), vec![("quiz-bad-range", 2, 3, 6)]);
    assert_eq!(errs("? S\n  = 18..x\n"), vec![("quiz-bad-range", 2, 5, 5)]);
    assert_eq!(
        errs("? S\n= Article 3\n= article  3\n"),
        vec![("quiz-duplicate", 3, 1, 12)]
    );
    let many: String = (0..11).map(|i| format!("= a{i}\n")).collect();
    assert_eq!(
        errs(&format!("? S\n{many}")),
        vec![("quiz-too-many-answers", 1, 1, 3)]
    );
    let e = parse("? S\n= 18..x\n").unwrap_err();
    assert!(e[0].message.contains("18..x"), "{}", e[0].message);
}

#[test]
fn forms_do_not_mix() {
    assert_eq!(
        errs("? Q\n- a => b\n- c => d\n1. e\n"),
        vec![("quiz-mixed-options", 4, 1, 2)]
    );
    let e = parse("? Q\n= 3\n(x) three\n").unwrap_err();
    assert_eq!(e[0].code.as_str(), "quiz-mixed-options");
    assert!(e[0].message.contains("line 2"), "{}", e[0].message);
    assert!(e[0].hint.contains("`= …`"), "{}", e[0].hint);
}

#[test]
fn answer_lines_need_a_question() {
    for line in ["- a => b", "1. a", "= 3"] {
        let e = errs(&format!("{line}\n"));
        assert_eq!(e[0].0, "quiz-option-before-question", "{line}");
    }
}

#[test]
fn practice_forms_render_their_key_in_data_answer() {
    let quiz = parse(SPEC_FORMS).expect("valid");
    let html = render_html(&quiz, "m/p", 0, &strings());
    // Matching: every left side has a list of all right sides, shuffled.
    assert_eq!(html.matches("<select ").count(), 3);
    assert_eq!(html.matches("<option value=\"").count(), 3 * 4);
    let key = super::key::positions(&super::key::shuffled("m/p/1", 3));
    let answer = format!("{{&quot;a&quot;:[{},{},{}]}}", key[0], key[1], key[2]);
    assert!(html.contains(&answer), "{answer} in {html}");
    // Ordering: never shown in the written order.
    let first = html
        .find("<ol class=\"quiz-options quiz-order\">")
        .expect("ordering");
    let shown = &html[first..];
    assert!(
        !shown.find("Make sure").is_some_and(|a| shown
            .find("Explain who")
            .is_some_and(|b| shown.find("Ask open").is_some_and(|c| a < b && b < c))),
        "{shown}"
    );
    assert!(shown.contains("aria-label=\"Move up: Ask open questions\""));
    // Short answer: a text field; numbers only get a decimal keyboard.
    assert!(html.contains("maxlength=\"60\">"));
    let numeric = render_html(
        &parse("? N\n= 18..20\n").expect("valid"),
        "m/p",
        0,
        &strings(),
    );
    assert!(numeric.contains("inputmode=\"decimal\""));
}

/// A block rendered as the first block of graded page `m/p`.
fn graded(quiz: &Quiz) -> String {
    let link = |u: &str| u.to_string();
    render_block(
        quiz,
        &BlockOptions {
            qid_base: "m/p",
            first: 0,
            strings: &strings(),
            dom_prefix: "",
            link: &link,
            graded: true,
        },
    )
}

#[test]
fn graded_blocks_carry_only_a_sealed_key() {
    let block = format!(
        "{SPEC_FORMS}\n? Which is the means?\n( ) Act\n(x) Deception\n> Deception is a means.\n"
    );
    let quiz = parse(&block).expect("valid");
    let html = graded(&quiz);
    assert!(html.starts_with("<div class=\"quiz quiz-graded\" data-quiz data-graded data-seal=\""));
    for leak in [
        "data-answer=",
        "quiz-check",
        "quiz-explanation",
        "article 3",
        "is a means",
    ] {
        assert!(!html.contains(leak), "{leak} in {html}");
    }
    let seal_text = block_seal("m/p", 0);
    let keys: Vec<&str> = html
        .split("data-key=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(keys.len(), 4);
    let short = unseal(keys[2], &seal_text, "m/p/3").expect("utf-8");
    assert!(short.contains("\"article 3\""), "{short}");
    let choice = unseal(keys[3], &seal_text, "m/p/4").expect("utf-8");
    let v: serde_json::Value = serde_json::from_str(&choice).expect("json");
    assert_eq!(v["a"], serde_json::json!([1]));
    assert_eq!(v["e"], "Deception is a means.");
}

#[test]
fn sealed_explanations_are_clean_html() {
    // assess.js inserts the explanation as HTML after a submit: it must be
    // as clean as the page itself, though no page-level check can read it.
    let quiz = parse(
        "? Q\n( ) a\n(x) b\n> <img src=x onerror=alert(1)> [w](javascript:alert(2)) <script>alert(3)</script> *ok*\n",
    )
    .expect("valid");
    let html = graded(&quiz);
    let sealed = html
        .split("data-key=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("key");
    let key: serde_json::Value =
        serde_json::from_str(&unseal(sealed, &block_seal("m/p", 0), "m/p/1").expect("utf-8"))
            .expect("json");
    let e = key["e"].as_str().expect("explanation");
    assert!(e.contains("<em>ok</em>"), "{e}");
    for bad in ["<img", "<script", "javascript:", "href"] {
        assert!(!e.contains(bad), "{bad} in {e}");
    }
}
