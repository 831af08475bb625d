//! Scenario tests: the grammar, its errors, the graph checks and scoring.

use super::*;

pub(super) const SPEC_EXAMPLE: &str = "# start
A 19-year-old woman is found at the bus station with no passport. Her
\"employer\" is waiting outside.
* Interview her at once, with the employer present -> employer
* Arrange a separate interview with an interpreter -> separate (+2)

# employer
She repeats what she was told to say. The chance is lost.
* Go back -> start

# separate (end)
She describes the debt and the confiscated passport.
";

/// The errors of a block as (code, line, column, len), checking that each
/// has a message and a hint.
fn errs_at(block: &str, first: usize) -> Vec<(&'static str, usize, usize, usize)> {
    match parse_at(block, first) {
        Ok(s) => panic!("expected errors, parsed {s:?}"),
        Err(es) => {
            for e in &es {
                assert!(!e.message.is_empty() && !e.hint.is_empty(), "{e:?}");
                assert!(e.len >= 1 && e.line >= first && e.column >= 1, "{e:?}");
            }
            es.into_iter()
                .map(|e| (e.code.as_str(), e.line, e.column, e.len))
                .collect()
        }
    }
}

fn errs(block: &str) -> Vec<(&'static str, usize, usize, usize)> {
    errs_at(block, 1)
}

fn ok(block: &str) -> Scenario {
    match parse(block) {
        Ok(s) => s,
        Err(es) => panic!("{es:#?}"),
    }
}

#[test]
fn spec_example_parses() {
    let s = ok(SPEC_EXAMPLE);
    assert_eq!(s.steps.len(), 3);
    let st = &s.steps[0];
    assert_eq!(st.id, "start");
    assert!(!st.end);
    assert_eq!(st.line, 1);
    assert_eq!(
        st.text,
        "A 19-year-old woman is found at the bus station with no passport. Her\n\"employer\" is waiting outside."
    );
    assert_eq!(
        st.choices,
        vec![
            Choice {
                text: "Interview her at once, with the employer present".into(),
                target: 1,
                target_id: "employer".into(),
                points: 0,
                feedback: None,
                line: 4,
            },
            Choice {
                text: "Arrange a separate interview with an interpreter".into(),
                target: 2,
                target_id: "separate".into(),
                points: 2,
                feedback: None,
                line: 5,
            },
        ]
    );
    assert_eq!(s.steps[1].line, 7);
    assert_eq!(s.steps[1].choices[0].target, 0);
    assert!(s.steps[2].end);
    assert_eq!(s.steps[2].id, "separate");
    assert_eq!(s.steps[2].line, 11);
    assert!(s.steps[2].choices.is_empty());
    assert_eq!(s.best_from(), vec![2, 2, 0]);
    assert_eq!(s.best(), 2);
    assert!(s.scored());
}

#[test]
fn file_lines_are_counted_from_first_line() {
    let s = parse_at(SPEC_EXAMPLE, 20).expect("valid");
    assert_eq!(s.steps[0].line, 20);
    assert_eq!(s.steps[0].choices[1].line, 24);
    assert_eq!(s.steps[2].line, 30);
    // Errors too.
    assert_eq!(
        errs_at("# a\ntext\n* go -> nowhere\n", 41),
        vec![("scenario-missing-target", 43, 9, 7)]
    );
}

#[test]
fn feedback_points_and_quotes() {
    let s = ok("# start
> A quote before the choices is text.

Some **bold** text.
* Call the police -> police (-1)
> Too early:
>
> she is afraid.
* Call an NGO -> ngo (+3)
> Good.
* Wait->wait
* Ask her -> ngo ( + 2 )

# police (end)
Police.

# ngo (END)
NGO.

# wait(end)
Waiting.
");
    let st = &s.steps[0];
    assert_eq!(
        st.text,
        "> A quote before the choices is text.\n\nSome **bold** text."
    );
    let c = &st.choices;
    assert_eq!(c.len(), 4);
    assert_eq!(
        (c[0].points, c[0].feedback.as_deref()),
        (-1, Some("Too early: she is afraid."))
    );
    assert_eq!((c[1].points, c[1].feedback.as_deref()), (3, Some("Good.")));
    assert_eq!(
        (c[2].text.as_str(), c[2].target_id.as_str(), c[2].points),
        ("Wait", "wait", 0)
    );
    assert_eq!(c[3].points, 2);
    assert!(s.steps[2].end && s.steps[3].end);
    assert_eq!(s.steps[3].id, "wait");
}

#[test]
fn unicode_minus_unsigned_points_bom_crlf_and_arrow_in_text() {
    let s = ok(
        "\u{feff}# start\r\nText\r\n* A -> B is a step -> b (\u{2212}5)\r\n* C -> b (7)\r\n\r\n# b (end)\r\nEnd\r\n",
    );
    let c = &s.steps[0].choices;
    assert_eq!(
        (c[0].text.as_str(), c[0].target_id.as_str(), c[0].points),
        ("A -> B is a step", "b", -5)
    );
    assert_eq!(c[1].points, 7);
}

#[test]
fn code_fences_in_step_text_keep_their_lines() {
    let s = ok("# start
```
# not a step
* not a choice
```
* Go -> end

# end (end)
Done.
");
    assert_eq!(s.steps.len(), 2);
    assert_eq!(s.steps[0].text, "```\n# not a step\n* not a choice\n```");
}

#[test]
fn empty_block() {
    assert_eq!(errs(""), vec![("scenario-empty", 1, 1, 1)]);
    assert_eq!(errs("\n\n  \n"), vec![("scenario-empty", 1, 1, 1)]);
    // Text but no step: one error, where the text is.
    assert_eq!(
        errs_at("\n  Just text\nmore\n", 5),
        vec![("scenario-empty", 6, 3, 9)]
    );
}

#[test]
fn text_before_first_step() {
    assert_eq!(
        errs("Intro\n# start\nText\n* Go -> end\n# end (end)\nDone\n"),
        vec![("scenario-bad-line", 1, 1, 5)]
    );
}

#[test]
fn bad_ids() {
    let e = errs(
        "# start\nText\n* Go -> end\n\n#\nNo id.\n\n# two words\nX\n\n# bad.id (end)\nX\n\n# end (end)\nDone\n\n# x (конец)\nY\n\n# (end)\nZ\n\n# abcdefghijabcdefghijabcdefghijabcdefghijX (end)\nZ\n",
    );
    let bad: Vec<_> = e.iter().filter(|e| e.0 == "scenario-bad-id").collect();
    assert_eq!(
        bad,
        vec![
            &("scenario-bad-id", 5, 1, 1),
            &("scenario-bad-id", 8, 3, 9),
            &("scenario-bad-id", 11, 3, 6),
            &("scenario-bad-id", 17, 5, 7),
            &("scenario-bad-id", 20, 1, 7),
            &("scenario-bad-id", 23, 3, 41),
        ]
    );
    // The Russian ending mark reads as an ending: no dead-end error too.
    assert!(!e.iter().any(|e| e.0 == "scenario-dead-end" && e.1 == 17));
}

#[test]
fn bad_id_message_is_plain() {
    let es = parse("# x (конец)\nY\n").expect_err("bad");
    assert!(es[0].message.contains("(конец)"), "{}", es[0].message);
    assert!(es[0].hint.contains("(end)"), "{}", es[0].hint);
}

#[test]
fn duplicate_ids_name_the_first_line() {
    let block = "# start\nText\n* Go -> end\n\n# end (end)\nDone\n\n# end (end)\nAgain\n";
    assert_eq!(errs(block), vec![("scenario-duplicate-id", 8, 3, 3)]);
    let es = parse(block).expect_err("dup");
    assert!(es[0].message.contains("line 5"), "{}", es[0].message);
}

#[test]
fn bad_lines() {
    let e = errs(
        "# start
Text
* Go to the end
* -> end
* Leave ->
* Fine -> end
Text after the choices.
* Later -> end

> feedback after a blank line

# end (end)
Done
",
    );
    assert_eq!(
        e,
        vec![
            ("scenario-bad-line", 3, 1, 15),
            ("scenario-bad-line", 4, 1, 4),
            ("scenario-bad-line", 5, 9, 2),
            ("scenario-bad-line", 7, 1, 23),
            ("scenario-bad-line", 10, 1, 1),
        ]
    );
}

#[test]
fn star_without_arrow_hints_at_dash_lists() {
    let es = parse("# start\nText\n* a list item\n* Go -> end\n# end (end)\nX\n").expect_err("bad");
    assert_eq!(es[0].code, "scenario-bad-line");
    assert!(es[0].hint.contains("`-`, not `*`"), "{}", es[0].hint);
    // Lists written with "-" are text.
    let s = ok("# start\nText\n- a list item\n- another\n* Go -> end\n# end (end)\nX\n");
    assert!(s.steps[0].text.ends_with("- another"));
}

#[test]
fn bad_points() {
    assert_eq!(
        errs(
            "# start
Text
* A -> end (+two)
* B -> end (+1001)
* C -> end ()
* D -> end (+2 points)
* E -> end (-1000)
* F -> end (+1000)

# end (end)
Done
"
        ),
        vec![
            ("scenario-bad-points", 3, 12, 6),
            ("scenario-bad-points", 4, 12, 7),
            ("scenario-bad-points", 5, 12, 2),
            ("scenario-bad-points", 6, 12, 11),
        ]
    );
}

#[test]
fn empty_steps() {
    assert_eq!(
        errs("# start\n* Go -> end\n\n# end (end)\n\n"),
        vec![
            ("scenario-empty-step", 1, 1, 7),
            ("scenario-empty-step", 4, 1, 11),
        ]
    );
}

#[test]
fn missing_targets_point_at_the_target() {
    let block = "# start\nText\n* Go -> End\n* Stay -> nowhere (+1)\n\n# end (end)\nDone\n";
    assert_eq!(
        errs(block),
        vec![
            ("scenario-missing-target", 3, 9, 3),
            ("scenario-missing-target", 4, 11, 7),
        ]
    );
    let es = parse(block).expect_err("missing");
    assert!(es[0].hint.contains("did you mean `end`?"), "{}", es[0].hint);
    assert!(es[1].hint.contains("`start`, `end`"), "{}", es[1].hint);
    // A typo that is not only capitals: the nearest id.
    let es = parse("# start\nText\n* Go -> ending\n\n# endign (end)\nDone\n").expect_err("typo");
    assert!(
        es[0].hint.contains("did you mean `endign`?"),
        "{}",
        es[0].hint
    );
}

#[test]
fn dead_ends_and_endings_with_choices() {
    assert_eq!(
        errs(
            "# start\nText\n* Go -> middle\n\n# middle\nStuck.\n\n# end (end)\nDone\n  * Back -> start\n"
        ),
        vec![
            ("scenario-dead-end", 5, 1, 8),
            ("scenario-unreachable", 8, 3, 3),
            ("scenario-end-choices", 10, 3, 1),
        ]
    );
}

#[test]
fn unreachable_steps() {
    assert_eq!(
        errs(
            "# start\nText\n* Go -> end\n\n# lost\nNobody comes here.\n* Go -> end\n\n# end (end)\nDone\n\n# other (end)\nNever.\n"
        ),
        vec![
            ("scenario-unreachable", 5, 3, 4),
            ("scenario-unreachable", 12, 3, 5),
        ]
    );
}

#[test]
fn loops_without_a_way_out() {
    assert_eq!(
        errs(
            "# start
Text
* Leave -> end
* Enter the loop -> a

# a
A
* On -> b

# b
B
* Back -> a
* Again -> b (-1)

# end (end)
Done
"
        ),
        vec![
            ("scenario-no-way-out", 6, 3, 1),
            ("scenario-no-way-out", 10, 3, 1),
        ]
    );
}

#[test]
fn points_in_loops() {
    assert_eq!(
        errs(
            "# start
Text
* Loop -> start (+1)
* On -> b (+2)

# b
B
* Back -> start
* End -> end (+1)

# end (end)
Done
"
        ),
        vec![
            ("scenario-points-loop", 3, 17, 4),
            ("scenario-points-loop", 4, 11, 4),
        ]
    );
    // Negative points in a loop are fine, and so are 0.
    ok(
        "# start\nText\n* Loop -> start (-1)\n* On -> b\n\n# b\nB\n* Back -> start\n* End -> end (+1)\n\n# end (end)\nDone\n",
    );
}

#[test]
fn graph_checks_wait_for_targets() {
    // A typo in the only link to a step: one error, not also "unreachable".
    assert_eq!(
        errs("# start\nText\n* Go -> edn\n\n# end (end)\nDone\n"),
        vec![("scenario-missing-target", 3, 9, 3)]
    );
}

#[test]
fn every_error_class_at_once() {
    let e = errs(
        "x
# start
* Go -> nowhere (+x)
# start
Y
#
Z
* -> end
",
    );
    let codes: Vec<&str> = e.iter().map(|e| e.0).collect();
    for c in [
        "scenario-bad-line",
        "scenario-bad-points",
        "scenario-empty-step",
        "scenario-duplicate-id",
        "scenario-bad-id",
        "scenario-missing-target",
        "scenario-dead-end",
    ] {
        assert!(codes.contains(&c), "{c} missing from {codes:?}");
    }
    let mut sorted = e.clone();
    sorted.sort_by_key(|e| (e.1, e.2));
    assert_eq!(e, sorted);
}

#[test]
fn columns_are_characters() {
    // Cyrillic text before the target: the column counts characters.
    assert_eq!(
        errs("# start\nТекст\n* Позвонить в полицию -> police\n\n# end (end)\nКонец\n"),
        vec![("scenario-missing-target", 3, 26, 6)]
    );
    // Indented choice lines.
    assert_eq!(
        errs("# start\nText\n   * Oʻzbekcha matn -> yoʻq\n\n# end (end)\nX\n"),
        vec![("scenario-missing-target", 3, 24, 4)]
    );
}

#[test]
fn codes_are_registered() {
    for c in [
        "scenario-empty",
        "scenario-bad-id",
        "scenario-duplicate-id",
        "scenario-bad-line",
        "scenario-bad-points",
        "scenario-empty-step",
        "scenario-missing-target",
        "scenario-dead-end",
        "scenario-end-choices",
        "scenario-unreachable",
        "scenario-no-way-out",
        "scenario-points-loop",
        "scenario-unscored",
        "scenario-translation-mismatch",
    ] {
        assert!(
            crate::diag::Code::ALL.iter().any(|k| k.as_str() == c),
            "{c}"
        );
    }
}

#[test]
fn never_panics_on_odd_input() {
    for block in [
        "#",
        "*",
        ">",
        "# a\n*",
        "# a\n* ->",
        "# a\n* x -> (",
        "# a\n* x -> )",
        "# a\n* x -> a ()",
        "# a (end",
        "# a )end(",
        "# (",
        "# a\n```\n# b",
        "# é (end)\nx",
        "# a\n* \u{2212}-> a (\u{2212})",
        "* x -> y\n# a",
        "# a\nx\n* ü -> a (+99999999999999999999)",
    ] {
        let _ = parse(block);
    }
}

// Scoring.

/// A step by hand: id, ending, (target, points) per choice.
type HandStep<'a> = (&'a str, bool, &'a [(&'a str, i32)]);

fn scenario(edges: &[HandStep<'_>]) -> Scenario {
    let ids: Vec<&str> = edges.iter().map(|e| e.0).collect();
    Scenario {
        steps: edges
            .iter()
            .map(|(id, end, cs)| Step {
                id: (*id).into(),
                end: *end,
                text: "x".into(),
                choices: cs
                    .iter()
                    .map(|(t, p)| Choice {
                        text: "c".into(),
                        target: ids.iter().position(|i| i == t).unwrap_or(usize::MAX),
                        target_id: (*t).into(),
                        points: *p,
                        feedback: None,
                        line: 1,
                    })
                    .collect(),
                line: 1,
            })
            .collect(),
    }
}

#[test]
fn zero_point_detour_is_not_good() {
    let s = ok(SPEC_EXAMPLE);
    assert!(s.good(0, 1), "the separate interview is the right choice");
    assert!(!s.good(0, 0), "the detour through a 0-point loop is not");
    assert!(
        s.good(1, 0),
        "from the detour, going back is the best there is"
    );
    assert!(!s.good(2, 0) && !s.good(9, 9));
}

#[test]
fn several_endings_and_equal_paths() {
    let s = scenario(&[
        ("s", false, &[("a", 1), ("b", 0), ("bad", -2)]),
        ("a", false, &[("good", 1), ("ok", 0)]),
        ("b", false, &[("good", 2)]),
        ("good", true, &[]),
        ("ok", true, &[]),
        ("bad", true, &[]),
    ]);
    assert_eq!(s.best_from(), vec![2, 1, 2, 0, 0, 0]);
    assert_eq!(s.best(), 2);
    // Two different routes to the best score are both good.
    assert_eq!(
        s.good_all(),
        vec![
            vec![true, true, false],
            vec![true, false],
            vec![true],
            vec![],
            vec![],
            vec![]
        ]
    );
    assert_eq!(s.percent(2), Some(100));
    assert_eq!(s.percent(1), Some(50));
    assert_eq!(s.percent(-2), Some(0));
    assert_eq!(s.percent(5), Some(100));
}

#[test]
fn cycles_with_zero_and_negative_points() {
    // s -> a (0) -> s (-1) loop; a -> end (+3); s -> end (+1).
    let s = scenario(&[
        ("s", false, &[("a", 0), ("end", 1), ("s", 0)]),
        ("a", false, &[("s", -1), ("end", 3), ("a", -2)]),
        ("end", true, &[]),
    ]);
    assert_eq!(s.best_from(), vec![3, 3, 0]);
    assert_eq!(
        s.good_all(),
        vec![vec![true, false, false], vec![false, true, false], vec![]]
    );
    // A run with repeats: s -> a -> s -> a -> end = 0 - 1 + 0 + 3.
    assert_eq!(s.percent(2), Some(67));
    assert_eq!(s.percent(3), Some(100));
}

#[test]
fn rounding_is_half_up() {
    assert_eq!(percent_of(1, 8), Some(13)); // 12.5
    assert_eq!(percent_of(1, 3), Some(33));
    assert_eq!(percent_of(2, 3), Some(67));
    assert_eq!(percent_of(0, 3), Some(0));
    assert_eq!(percent_of(i32::MAX, 1), Some(100));
}

#[test]
fn unscored_scenarios() {
    let s = ok("# start\nText\n* A -> a\n* B -> b (-1)\n# a (end)\nA\n# b (end)\nB\n");
    assert_eq!(s.best(), 0);
    assert!(!s.scored());
    assert_eq!(s.percent(0), None);
    let neg = scenario(&[("s", false, &[("e", -3)]), ("e", true, &[])]);
    assert_eq!(neg.best(), -3);
    assert_eq!(neg.percent(-3), None);
}

#[test]
fn scoring_never_panics_on_hand_made_scenarios() {
    // Out-of-range targets, a positive loop, no endings.
    let s = scenario(&[
        ("s", false, &[("nowhere", 5), ("s", 1000)]),
        ("t", false, &[("s", 2)]),
    ]);
    let _ = s.best_from();
    let _ = s.good_all();
    let _ = s.percent(3);
    assert_eq!(Scenario::default().best(), 0);
    assert!(!Scenario::default().good(0, 0));
    let g = graph::check(&s);
    assert_eq!(g.unreachable, vec![1]);
}

#[test]
fn a_long_loop_is_scored_quickly() {
    // 300 steps in one 0-point loop, each with a way out: every step's
    // choices are checked for detours (one longest walk per step).
    let mut block = String::new();
    for i in 0..300 {
        block.push_str(&format!(
            "# s{i}\nStep {i}\n* on -> s{}\n* out -> end (+1)\n\n",
            (i + 1) % 300
        ));
    }
    block.push_str("# end (end)\nEnd\n");
    let t = std::time::Instant::now();
    let s = ok(&block);
    let good = s.good_all();
    assert_eq!(s.best(), 1);
    // Going on is as good as leaving now: the next step leaves with the
    // same point without coming back.
    assert!(good[..300].iter().all(|g| *g == vec![true, true]));
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}
