use super::size::with_texts_cut;
use super::*;

fn q(answer: Answer, checked: bool) -> QuestionState {
    QuestionState { answer, checked }
}

/// The fixed states shared with `tests/browser/suspend.test.mjs`; the JS
/// twin must encode them to exactly these strings.
fn golden() -> Vec<(SuspendState, &'static str)> {
    vec![
        (SuspendState::default(), "1..A.A.."),
        (
            SuspendState {
                locale: None,
                page: 3,
                seen: vec![true, true, false, true, false, false, true],
                answers: vec![
                    q(Answer::None, false),
                    q(Answer::Single(2), true),
                    q(Answer::Multiple(0b101), true),
                    q(Answer::Multiple(0), false),
                    q(Answer::None, true),
                ],
                tests: None,
                scenarios: None,
            },
            "1..D.H.LB.AYCcFUAI",
        ),
        (
            SuspendState {
                locale: Some(2),
                page: 39,
                seen: (0..40).map(|p| p % 3 != 1).collect(),
                answers: (0..60)
                    .map(|i| match i % 4 {
                        0 => q(Answer::Single(i % 8), i % 3 == 0),
                        1 => q(Answer::Multiple(0xFF - i), true),
                        2 => q(Answer::None, false),
                        _ => q(Answer::Multiple(i), false),
                    })
                    .collect(),
                tests: None,
                scenarios: None,
            },
            "1.C.n.o.ttttttN.YAf-AUDQEf6AUHQAf2AULYEfyAUPQAfuAUTQEfqAUXYAfmAUbQEfiAUfQAfeAUjYEfaAUnQAfWAUrQEfSAUvYAfOAUzQEfKAU3QAfGAU7",
        ),
        (
            SuspendState {
                locale: Some(0),
                page: 70,
                seen: vec![true; 70],
                answers: vec![
                    q(Answer::Single(255), true),
                    q(Answer::Single(256), false),
                    q(Answer::Multiple((1 << 30) - 1), true),
                    q(Answer::Single(63), false),
                    q(Answer::Single(64), false),
                ],
                tests: None,
                scenarios: None,
            },
            "1.A.BG.BG.___________P.b_wEA______Q_RA",
        ),
    ]
}

fn m(values: &[i32]) -> Answer {
    Answer::Matching(values.iter().map(|&v| u32::try_from(v).ok()).collect())
}

fn text(s: &str) -> Answer {
    Answer::Text(s.to_string())
}

fn test(seed: u32, attempts: &[u32], done: bool, responses: Vec<Answer>) -> Option<TestState> {
    Some(TestState {
        seed,
        attempts: attempts.to_vec(),
        done,
        responses: responses.into_iter().map(|a| q(a, false)).collect(),
    })
}

fn scen(best: Option<u32>, done: bool, path: &[u32]) -> Option<ScenarioState> {
    Some(ScenarioState {
        best,
        done,
        path: path.to_vec(),
    })
}

/// Version-3 states (case scenarios) shared with
/// `tests/browser/suspend.test.mjs` (same order, same strings).
fn golden_v3() -> Vec<(SuspendState, &'static str)> {
    vec![
        (
            SuspendState {
                tests: Some(vec![]),
                scenarios: Some(vec![]),
                ..SuspendState::default()
            },
            "3..A.A....",
        ),
        (
            SuspendState {
                locale: Some(2),
                page: 4,
                seen: vec![true, true, true, true, true, false, false],
                answers: vec![q(Answer::Single(0), true), q(Answer::None, false)],
                tests: Some(vec![None, test(77, &[60], true, vec![Answer::Single(2)])]),
                scenarios: Some(vec![
                    // Started, at the start again (restart), never finished.
                    scen(None, false, &[]),
                    None,
                    // A poor run finished (the "go back" loop taken twice).
                    scen(Some(25), true, &[0, 0, 0, 0, 1, 2]),
                    // A best run finished earlier; a new run under way.
                    scen(Some(100), false, &[1, 0]),
                ]),
            },
            "3.C.E.H.fA.YAA.AHBNBA8BQC.BAAHAZGAAAABCFBkCBA",
        ),
        (
            SuspendState {
                tests: Some(vec![]),
                scenarios: Some(vec![
                    scen(Some(0), true, &[63; MAX_PATH]),
                    scen(None, true, &(0..63).collect::<Vec<_>>()),
                ]),
                ..SuspendState::default()
            },
            "3..A.A....HAA_AB________________________________________________________________D_AAABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-",
        ),
    ]
}

/// Version-2 states shared with `tests/browser/suspend.test.mjs` (same
/// order, same strings).
fn golden_v2() -> Vec<(SuspendState, &'static str)> {
    vec![
        (
            SuspendState {
                tests: Some(vec![]),
                ..SuspendState::default()
            },
            "2..A.A...",
        ),
        (
            SuspendState {
                locale: None,
                page: 1,
                seen: vec![true, true, false],
                answers: vec![
                    q(Answer::Single(1), true),
                    q(m(&[2, -1, 0]), true),
                    q(Answer::Ordering(vec![3, 1, 0, 2]), true),
                    q(text("art. 3"), true),
                    q(text(""), false),
                    q(Answer::None, false),
                ],
                tests: Some(vec![
                    test(
                        123_456,
                        &[40, 100],
                        true,
                        vec![Answer::Single(1), m(&[0, 1]), text("18,5"), Answer::None],
                    ),
                    None,
                    test(
                        0,
                        &[],
                        false,
                        vec![
                            Answer::None,
                            Answer::Multiple(0b101),
                            Answer::Ordering(vec![0, 1]),
                        ],
                    ),
                ]),
                scenarios: None,
            },
            "2..B.D.D.YBpDDABqEDBACrGYXJ0LiAzjAA.LeJACAoBkEQBhCBCjEMTgsNQAABAADAUFiCAB",
        ),
        (
            SuspendState {
                locale: Some(1),
                page: 0,
                seen: vec![true],
                answers: vec![
                    q(text("oʻgʻil ‘bola’ ёлка 🙂"), true),
                    q(text(&"я".repeat(60)), true),
                ],
                tests: Some(vec![
                    test(
                        (1 << 30) - 1,
                        &[10, 0, 55, 70, 20, 95, 60, 60, 61, 50, 30, 90],
                        false,
                        vec![m(&[62, -1]), text("x")],
                    ),
                    test(63, &[100; 8], true, vec![]),
                ]),
                scenarios: None,
            },
            "2.B.A.B.B.rhb8q7Z8q7aWwg4oCYYm9sYeKAmSDRkdC70LrQsCDwn5mCr_A50Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP.R_____MBfBaChC_AjBeAD_IBkBkBkBkBkBkBkBkA",
        ),
    ]
}

#[test]
fn golden_strings() -> Result<(), SuspendError> {
    for (state, expected) in golden().into_iter().chain(golden_v2()).chain(golden_v3()) {
        let encoded = encode(&state)?;
        assert_eq!(encoded, expected);
        // More than 8 attempts keep only the best and the last.
        let mut back = state.clone();
        for t in back.tests.iter_mut().flatten().flatten() {
            let n = t.attempts.len();
            if n > ATTEMPTS_KEPT {
                let best = t.attempts.iter().copied().max().unwrap_or(0);
                let last = t.attempts[n - 1];
                t.attempts = vec![0; n - 2];
                t.attempts.extend([best, last]);
            }
        }
        assert_eq!(decode(&encoded)?, back);
        assert_eq!(encode(&back)?, encoded);
    }
    Ok(())
}

/// A random answer of any form (version 2), or of the choice forms only.
fn random_answer(next: &mut impl FnMut() -> u32, v2: bool) -> Answer {
    let options = 2 + (next() % 29);
    match next() % if v2 { 6 } else { 3 } {
        0 => Answer::None,
        1 => Answer::Single(next() % options),
        2 => Answer::Multiple(next() & ((1 << options) - 1)),
        3 => {
            let n = (next() % 64) as usize;
            Answer::Matching(
                (0..n)
                    .map(|_| (!next().is_multiple_of(4)).then(|| next() % 63))
                    .collect(),
            )
        }
        4 => Answer::Ordering((0..next() % 64).map(|_| next() % 64).collect()),
        _ => {
            const CHARS: [char; 8] = ['a', ' ', '3', 'ʻ', 'я', '‘', '🙂', 'ё'];
            Answer::Text(
                (0..next() % 61)
                    .map(|_| CHARS[(next() % 8) as usize])
                    .collect(),
            )
        }
    }
}

#[test]
fn round_trip_many_states() -> Result<(), SuspendError> {
    let mut seed = 0x9e37_79b9_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    for n in 0..3000 {
        let v2 = n % 3 != 0;
        let v3 = n % 3 == 2;
        let pages = (next() % 80) as usize;
        let questions = (next() % 90) as usize;
        let state = SuspendState {
            locale: (next() % 2 == 0).then(|| next() % 70),
            page: next() % (pages.max(1) as u32),
            seen: (0..pages).map(|_| next() % 2 == 0).collect(),
            answers: (0..questions)
                .map(|_| q(random_answer(&mut next, v2), next() % 2 == 0))
                .collect(),
            tests: v2.then(|| {
                (0..next() % 4)
                    .map(|_| {
                        (next() % 4 != 0).then(|| TestState {
                            seed: next() % LIMIT,
                            attempts: (0..next() % 9).map(|_| next() % 101).collect(),
                            done: next() % 2 == 0,
                            responses: (0..next() % 30)
                                .map(|_| q(random_answer(&mut next, true), false))
                                .collect(),
                        })
                    })
                    .collect()
            }),
            scenarios: v3.then(|| {
                (0..next() % 4)
                    .map(|_| {
                        (next() % 4 != 0).then(|| ScenarioState {
                            best: (next() % 2 == 0).then(|| next() % 101),
                            done: next() % 2 == 0,
                            path: (0..next() % 65).map(|_| next() % 64).collect(),
                        })
                    })
                    .collect()
            }),
        };
        let s = encode(&state)?;
        assert!(s.bytes().all(|b| ALPHABET.contains(&b) || b == b'.'), "{s}");
        assert_eq!(decode(&s)?, state, "{s}");
        let version = if v3 {
            "3."
        } else if v2 {
            "2."
        } else {
            "1."
        };
        assert!(s.starts_with(version), "{s}");
        if !v2 {
            assert!(s.starts_with("1."), "{s}");
            let widest = 30;
            let bound = max_len(pages, questions, widest, 70);
            // max_len is for version 2: one '.' more than version 1.
            assert!(s.len() < bound, "{s} longer than max_len");
        }
    }
    Ok(())
}

/// The shape of a state (its questions' forms as answered), for worst_len.
fn shape_of(state: &SuspendState, locales: usize) -> (ModuleShape, usize) {
    fn form(a: &Answer, longest: &mut usize) -> Form {
        match a {
            Answer::None | Answer::Single(_) | Answer::Multiple(_) => Form::Choice(30),
            Answer::Matching(v) => Form::Matching(v.len()),
            Answer::Ordering(v) => Form::Ordering(v.len()),
            Answer::Text(t) => {
                *longest = (*longest).max(t.len());
                Form::Short
            }
        }
    }
    let mut longest = 0;
    let practice = state
        .answers
        .iter()
        .map(|q| form(&q.answer, &mut longest))
        .collect();
    let mut tests = Vec::new();
    for t in state.tests.iter().flatten() {
        let mut pool = Vec::new();
        for q in t.iter().flat_map(|t| t.responses.iter()) {
            pool.push(form(&q.answer, &mut longest));
        }
        tests.push(TestShape {
            pool,
            draw: 0,
            attempts: 0,
        });
    }
    let shape = ModuleShape {
        pages: state.seen.len(),
        locales,
        practice,
        tests,
        scenarios: state.scenarios.as_ref().map_or(0, Vec::len),
    };
    (shape, longest)
}

#[test]
fn worst_len_bounds_every_state() -> Result<(), SuspendError> {
    for (state, s) in golden_v2().into_iter().chain(golden_v3()) {
        let (shape, longest) = shape_of(&state, 64);
        assert!(s.len() <= worst_len(&shape, longest), "{s}");
    }
    // The bound is reached by a full state.
    let state = SuspendState {
        locale: Some(2),
        page: 9,
        seen: vec![true; 10],
        answers: vec![
            q(Answer::Multiple(0xFF), true),
            q(m(&[1, 2, 0]), true),
            q(text(&"‘".repeat(60)), true),
        ],
        tests: Some(vec![
            test(
                LIMIT - 1,
                &[1, 2, 3],
                true,
                vec![
                    Answer::Ordering(vec![1, 0]),
                    text(&"‘".repeat(60)),
                    Answer::None,
                ],
            ),
            test(LIMIT - 1, &[7; 70], false, vec![Answer::Single(7)]),
        ]),
        scenarios: Some(vec![
            scen(Some(100), true, &[63; MAX_PATH]),
            scen(Some(64), false, &[0; MAX_PATH]),
        ]),
    };
    let shape = ModuleShape {
        pages: 10,
        locales: 3,
        practice: vec![Form::Choice(8), Form::Matching(3), Form::Short],
        tests: vec![
            TestShape {
                pool: vec![Form::Ordering(2), Form::Short, Form::Choice(4)],
                draw: 2,
                attempts: 3,
            },
            TestShape {
                pool: vec![Form::Choice(8)],
                draw: 0,
                attempts: 0,
            },
        ],
        scenarios: 2,
    };
    assert_eq!(encode(&state)?.len(), worst_len(&shape, MAX_TEXT_BYTES));
    // A scenario costs at most 70 characters (and the field's '.' once):
    // a module of 40 pages and 60 choice questions with 3 scenarios.
    assert_eq!(scenario_len(), 70);
    let with = |scenarios| ModuleShape {
        pages: 40,
        locales: 3,
        practice: vec![Form::Choice(8); 60],
        tests: vec![],
        scenarios,
    };
    assert_eq!(worst_len(&with(0), 0), 137);
    assert_eq!(worst_len(&with(3), 0), 137 + 1 + 3 * 70);
    Ok(())
}

/// The course of the issue: 14 modules x 40 pages x 60 questions (up to 8
/// options), one SCO per module, one suspend_data per SCO.
#[test]
fn course_of_14_modules_fits_with_a_wide_margin() -> Result<(), SuspendError> {
    let per_sco = max_len(40, 60, 8, 1);
    let per_sco_multilingual = max_len(40, 60, 8, 64);
    assert_eq!(per_sco, 136);
    assert_eq!(per_sco_multilingual, 137);
    // A wide margin: under 5% of the SCORM 1.2 limit, per SCO...
    assert!(per_sco_multilingual * 20 < SCORM12_SUSPEND_DATA_MAX);
    // ...and even if all 14 modules had to share one suspend_data.
    assert!(14 * per_sco_multilingual < SCORM12_SUSPEND_DATA_MAX / 2);

    // The worst case really is reached by a full state.
    let worst = SuspendState {
        locale: Some(63),
        page: 39,
        seen: vec![true; 40],
        answers: vec![q(Answer::Multiple(0xFF), true); 60],
        tests: Some(vec![]),
        scenarios: None,
    };
    assert_eq!(encode(&worst)?.len(), per_sco_multilingual);
    Ok(())
}

/// A test of `n` questions of `form`, `attempts` allowed, all used.
fn full_test(form: Form, n: usize, attempts: usize, chars: &str) -> TestState {
    let answer = match form {
        Form::Matching(k) => Answer::Matching((0..k as u32).rev().map(Some).collect()),
        Form::Ordering(k) => Answer::Ordering((0..k as u32).rev().collect()),
        Form::Choice(_) => Answer::Multiple(0xFF),
        Form::Short => Answer::Text(chars.chars().cycle().take(MAX_TEXT_UNITS).collect()),
    };
    TestState {
        seed: LIMIT - 1,
        attempts: (0..attempts as u32).map(|a| 99 - a).collect(),
        done: true,
        responses: vec![q(answer, false); n],
    }
}

/// Issue 19: "suspend_data at 14 modules x 40 questions x 3 attempts stays
/// under 4,096 characters (give the worst case)". One SCO per module, so
/// one suspend_data per module: a module of 40 pages (multilingual
/// package), a post-test of 40 questions with 3 attempts, all used, and a
/// pre-test of 40 questions, every question answered in its longest form.
/// `cargo test --release suspend -- --nocapture` prints the figures.
#[test]
fn graded_module_40_questions_3_attempts_and_a_pre_test() -> Result<(), SuspendError> {
    let limit = SCORM12_SUSPEND_DATA_MAX;
    // Which form is the worst, per question: a short answer of 60
    // characters, at 1 (ASCII), 2 (Cyrillic) or 3 bytes (‘ U+2018, as
    // typed for Uzbek oʻ) each, or matching with 10 pairs.
    let per_question = [
        ("matching, 10 pairs", form_len(Form::Matching(10), 0)),
        ("ordering, 10 items", form_len(Form::Ordering(10), 0)),
        ("choice, 8 options", form_len(Form::Choice(8), 0)),
        ("short, 60 ASCII", form_len(Form::Short, 60)),
        ("short, 60 Cyrillic", form_len(Form::Short, 120)),
        ("short, 60 x 3 bytes", form_len(Form::Short, MAX_TEXT_BYTES)),
    ];
    assert_eq!(
        per_question.map(|(_, n)| n),
        [12, 12, 2, 82, 164, 244],
        "characters per question"
    );
    for (what, n) in per_question {
        println!("suspend_data per question: {what}: {n} characters");
    }
    let shape = |form: Form, pre: usize| ModuleShape {
        pages: 40,
        locales: 3,
        practice: vec![],
        tests: vec![
            TestShape {
                pool: vec![form; pre],
                draw: 0,
                attempts: 1,
            },
            TestShape {
                pool: vec![form; 40],
                draw: 0,
                attempts: 3,
            },
        ],
        scenarios: 0,
    };
    let state = |form: Form, pre: usize, chars: &str| SuspendState {
        locale: Some(2),
        page: 39,
        seen: vec![true; 40],
        answers: vec![],
        tests: Some(vec![
            Some(full_test(form, pre, 1, chars)),
            Some(full_test(form, 40, 3, chars)),
        ]),
        scenarios: None,
    };

    // Matching with 10 pairs (and ordering of 10) fits as it is.
    let matching = worst_len(&shape(Form::Matching(10), 40), 0);
    assert_eq!(matching, 1001);
    let s = encode(&state(Form::Matching(10), 40, ""))?;
    assert_eq!(s.len(), matching);
    assert_eq!(fit(&state(Form::Matching(10), 40, ""), limit)?, (s, None));
    println!(
        "suspend_data, 40 matching x 10 pairs x 3 attempts + pre-test of 40: {matching} characters per SCO"
    );

    // Short answers do not fit as typed: fit() cuts every text to the
    // same byte length, the longest that fits.
    for (chars, bytes, pre, uncut, cut, len) in [
        ("abcdefghij", 60, 10, 4141, 59, 4091),
        ("abcdefghij", 60, 40, 6601, 36, 4041),
        ("кириллица", 120, 40, 13161, 37, 4041),
        ("‘", MAX_TEXT_BYTES, 40, 19561, 38, 4041),
        ("‘", MAX_TEXT_BYTES, 10, 12241, 59, 3941),
    ] {
        let shape = shape(Form::Short, pre);
        assert_eq!(worst_len(&shape, bytes), uncut);
        let st = state(Form::Short, pre, chars);
        assert_eq!(encode(&st)?.len(), uncut);
        let (s, applied) = fit(&st, limit)?;
        assert_eq!(
            (applied, s.len()),
            (Some(cut), len),
            "{chars} pre-test {pre}"
        );
        assert!(s.len() <= limit);
        assert!(s.len() <= worst_len(&shape, cut));
        println!(
            "suspend_data, 40 short answers of 60 chars ({bytes} bytes) x 3 attempts + pre-test of {pre}: \
             {uncut} characters as typed; fit() cuts each text to at most {cut} bytes: {len} per SCO"
        );
    }
    // Whatever is typed, the module fits: with texts of 0 bytes it needs
    // only this much (one of 14 SCOs; 14 separate suspend_data fields).
    let floor = worst_len(&shape(Form::Short, 40), 0);
    assert_eq!(floor, 201);
    println!(
        "14-module course: 14 SCOs, each with its own suspend_data of at most 4091 characters \
         (the longest above; {limit} by construction), {} over the course",
        14 * 4091
    );
    Ok(())
}

#[test]
fn fit_cuts_texts_on_character_boundaries() -> Result<(), SuspendError> {
    let state = SuspendState {
        answers: vec![
            q(text("ab‘cd"), true),
            q(text("ёё"), true),
            q(Answer::Single(3), true),
        ],
        tests: Some(vec![test(5, &[50], true, vec![text("я‘z")])]),
        ..SuspendState::default()
    };
    let full = encode(&state)?;
    assert_eq!(fit(&state, full.len())?, (full.clone(), None));
    let (s, cut) = fit(&state, full.len() - 1)?;
    assert_eq!(cut, Some(6));
    assert_eq!(decode(&s)?.answers[0].answer, text("ab‘c"));
    // Each cut ends on a character boundary: 5 bytes keep "ab‘" and "я‘".
    let (s, cut) = fit(&state, full.len() - 3)?;
    assert_eq!(cut, Some(5));
    let back = decode(&s)?;
    assert_eq!(back.answers[0].answer, text("ab‘"));
    assert_eq!(back.answers[1].answer, text("ёё"));
    assert_eq!(back.answers[2].answer, Answer::Single(3));
    let t = back
        .tests
        .as_ref()
        .and_then(|t| t[0].clone())
        .unwrap_or_default();
    assert_eq!(t.responses[0].answer, text("я‘"));
    assert_eq!(t.attempts, vec![50]);
    let (s0, cut0) = fit(&state, encode(&with_texts_cut(&state, 0))?.len())?;
    assert_eq!(cut0, Some(0));
    assert_eq!(decode(&s0)?.answers[0].answer, text(""));
    assert_eq!(
        fit(&state, s0.len() - 1),
        Err(SuspendError::TooLong {
            len: s0.len(),
            limit: s0.len() - 1
        })
    );
    assert_eq!(cut_text("ab‘cd", 4), "ab");
    assert_eq!(cut_text("🙂", 3), "");
    assert_eq!(cut_text("🙂", 4), "🙂");
    Ok(())
}

#[test]
fn limits_and_bad_strings() {
    let too_big = SuspendState {
        page: 1 << 30,
        ..SuspendState::default()
    };
    assert_eq!(encode(&too_big), Err(SuspendError::TooLarge("page index")));
    let too_many_options = SuspendState {
        answers: vec![q(Answer::Multiple(1 << 30), false)],
        ..SuspendState::default()
    };
    assert!(encode(&too_many_options).is_err());
    let v2_answer_in_v1 = SuspendState {
        answers: vec![q(text("3"), true)],
        ..SuspendState::default()
    };
    assert_eq!(encode(&v2_answer_in_v1), Err(SuspendError::Version));
    let v2 = |answers: Vec<Answer>, tests: Vec<Option<TestState>>| SuspendState {
        answers: answers.into_iter().map(|a| q(a, true)).collect(),
        tests: Some(tests),
        ..SuspendState::default()
    };
    for bad in [
        v2(vec![m(&[63])], vec![]),
        v2(vec![m(&[0; 64])], vec![]),
        v2(vec![Answer::Ordering(vec![64])], vec![]),
        v2(vec![Answer::Ordering(vec![0; 64])], vec![]),
        v2(vec![text(&"x".repeat(SMALL_MAX + 1))], vec![]),
        v2(vec![], vec![test(LIMIT, &[], false, vec![])]),
        v2(vec![], vec![test(0, &[101], false, vec![])]),
        v2(vec![], vec![test(0, &[], false, vec![m(&[63])])]),
    ] {
        assert!(encode(&bad).is_err(), "{bad:?} encoded");
    }
    assert!(encode(&v2(vec![text(&"x".repeat(SMALL_MAX))], vec![])).is_ok());
    // Scenarios: a run of at most 64 choices of index at most 63, a best
    // percent at most 100, and only with a tests list.
    let v3 = |scenarios: Vec<Option<ScenarioState>>| SuspendState {
        tests: Some(vec![]),
        scenarios: Some(scenarios),
        ..SuspendState::default()
    };
    for (bad, error) in [
        (v3(vec![scen(None, false, &[0; 65])]), "scenario run"),
        (v3(vec![scen(None, false, &[64])]), "scenario choice"),
        (v3(vec![scen(Some(101), true, &[])]), "scenario score"),
    ] {
        assert_eq!(encode(&bad), Err(SuspendError::TooLarge(error)));
    }
    assert!(encode(&v3(vec![scen(Some(100), true, &[63; 64])])).is_ok());
    let no_tests = SuspendState {
        scenarios: Some(vec![]),
        ..SuspendState::default()
    };
    assert_eq!(encode(&no_tests), Err(SuspendError::Version));
    assert_eq!(max_len(40, 60, 31, 1), usize::MAX);
    // 1 + 6 dots + page 1 + pages 1 + seen 7 + 60 x (1 + 5 digits)
    assert_eq!(max_len(40, 60, 30, 1), 1 + 6 + 1 + 1 + 7 + 60 * 6);

    for bad in [
        "",
        "3..A.A..",
        "1..A.A.",
        "1..A.A...",
        "1.AB.A.A..",
        "1..A.B..",
        "1..A.B.C.",
        "1..A.F.g.",
        "1..A.A..B",
        "1..A.A..Q",
        "1..A.A..gAB",
        "1..A.A..w",
        "1..A.A..E",
        "1..A.A..$$",
        "1..AAAAAA.A..",
        "1..A.A..QA\u{e9}",
        "1..\u{0}.A..",
        // Version-2 tokens in a version-1 string.
        "1..A.A..hCCA",
        "1..A.A..jAB",
        // Version 2: field count, tokens, tests.
        "2..A.A..",
        "2..A.A....",
        "2..A.A..h",
        "2..A.A..hC",
        "2..A.A..hBA_.",
        "2..A.A..kAA.",
        "2..A.A..gAA.",
        "2..A.A..jB.",
        "2..A.A..jB_w.",
        "2..A.A..jBYR.",
        "2..A.A..jCw.",
        "2..A.A..jC__.",
        "2..A.A..j_.",
        "2..A.A..j_AAx.",
        "2..A.A...B",
        "2..A.A...C",
        "2..A.A...E",
        "2..A.A...BA",
        "2..A.A...BAA",
        "2..A.A...BABBl",
        "2..A.A...BAAB",
        "2..A.A...BAAA_",
        "2..A.A...BAAAB",
        "2..A.A...FAAAAA",
        "2..A.A...VAAAAAAAA",
        "2..A.A...hBAAAA",
        "2..A.A...BAJBlAAA",
        "2..A.A...BAJBABBA",
        "2..A.A...BAJAABAA",
        // Version 3: field count, scenario tokens.
        "3..A.A...",
        "3..A.A......",
        "2..A.A....",
        "3..A.A....C",
        "3..A.A....I",
        "3..A.A....B",
        "3..A.A....BB",
        "3..A.A....FBl",
        "3..A.A....FA",
        "3..A.A....HABB",
        "3..A.A....B_AC",
        "3..A.A....BCA",
        "3..A.A....BA$",
    ] {
        assert!(decode(bad).is_err(), "{bad:?} accepted");
    }
    assert_eq!(decode("4..A.A..."), Err(SuspendError::Version));
    assert_eq!(decode("3..A.A...."), Ok(v3(vec![])));
    assert_eq!(decode("3..A.A....A"), Ok(v3(vec![None])));
    assert_eq!(decode("3..A.A....BA"), Ok(v3(vec![scen(None, false, &[])])));
    assert_eq!(decode("2..A.A..."), Ok(v2(vec![], vec![])));
    assert_eq!(decode("2..A.A...A"), Ok(v2(vec![], vec![None])));
}
