use super::*;

const GOOD: &str = include_str!(
    "../../../tests/fixtures/results/darslik-results-tip-uz-Dilnoza-Karimova-2026-12-05.json"
);
const HOSTILE: &str = include_str!("../../../tests/fixtures/results/hostile.json");

fn refusal(text: &str) -> Refusal {
    match parse(text.as_bytes()) {
        Ok(_) => panic!("accepted: {text}"),
        Err(r) => r,
    }
}

/// The good file with `from` replaced by `to` (once), which must be there.
fn edited(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "not in the good file: {from}");
    GOOD.replacen(from, to, 1)
}

fn field_of(r: &Refusal) -> String {
    match r {
        Refusal::Format { field, .. } => field.clone(),
        other => panic!("not a format refusal: {other:?}"),
    }
}

#[test]
fn the_good_file_gives_every_kind_in_columns() {
    let f = parse(GOOD.as_bytes()).unwrap();
    assert_eq!(f.course.id, "tip-uz");
    assert_eq!(f.course.version, "1.0.0");
    assert_eq!(f.learner.name, "Дилноза Каримова");
    assert_eq!(f.saved, "2026-12-05T10:11:12.345Z");
    assert_eq!(f.statements.len(), 11);
    let kinds: Vec<_> = f.statements.iter().map(|s| s.kind.as_str()).collect();
    for k in ["page", "question", "test", "scenario", "module"] {
        assert!(kinds.contains(&k), "{k} missing in {kinds:?}");
    }
    let matching = &f.statements[2];
    assert_eq!(matching.object, "module-07/00-pre-test/1");
    assert_eq!(matching.module, "module-07");
    assert_eq!(matching.test.as_deref(), Some("pre-test"));
    assert_eq!(matching.attempt, Some(1));
    assert_eq!(matching.success, Some(false));
    assert_eq!(matching.response.as_deref(), Some("1[.]a[,]2[.]a"));
    let module = &f.statements[9];
    assert_eq!(module.verb, "passed");
    assert_eq!(module.object, "module-07");
    assert_eq!(module.score, Some(90.0));
    assert_eq!((module.pages_seen, module.pages), (Some(7), Some(7)));
    let practice = &f.statements[1];
    assert_eq!(practice.test.as_deref(), Some("practice"));
    assert_eq!(practice.attempt, None);
    // Each statement is kept exactly as written in the file.
    for s in &f.statements {
        assert!(GOOD.contains(&s.json), "{}", s.json);
        let v: Value = serde_json::from_str(&s.json).unwrap();
        assert_eq!(v["id"], s.id.as_str());
    }
    assert!(f.course.modules_json.starts_with("[{"));
    assert_eq!(f.sha256.len(), 64);
}

#[test]
fn hostile_text_is_kept_as_text() {
    let f = parse(HOSTILE.as_bytes()).unwrap();
    assert_eq!(
        f.learner.name,
        "<script>alert('name')</script> \u{1b}[31mRed\u{1b}[0m"
    );
    assert!(f.learner.organisation.starts_with("=HYPERLINK("));
    assert_eq!(f.statements.len(), 4);
    assert!(f.statements[1].names[0].1.contains("<script>"));
    for s in &f.statements {
        assert!(HOSTILE.contains(&s.json));
    }
}

#[test]
fn a_bom_is_read_but_counted_in_the_checksum() {
    let with_bom = format!("\u{feff}{GOOD}");
    let a = parse(GOOD.as_bytes()).unwrap();
    let b = parse(with_bom.as_bytes()).unwrap();
    assert_eq!(a.statements.len(), b.statements.len());
    assert_ne!(a.sha256, b.sha256);
}

#[test]
fn a_cut_file_is_truncated_with_its_end() {
    let cut = &GOOD[..GOOD.len() / 2];
    match refusal(cut) {
        Refusal::Truncated { line, column } => {
            assert_eq!(line, cut.lines().count());
            assert!(column > 0);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(refusal(""), Refusal::Truncated { .. }));
    let text = refusal(cut).to_string();
    assert!(text.contains("damaged"), "{text}");
    assert!(text.contains("save it again"), "{text}");
}

#[test]
fn broken_json_and_other_files() {
    assert!(matches!(
        refusal("{\"darslik\": results}"),
        Refusal::Damaged { line: 1, .. }
    ));
    assert!(matches!(parse(b"\xff\xfe{\x00"), Err(Refusal::NotText)));
    assert!(matches!(refusal("[1, 2]"), Refusal::NotResults(_)));
    assert!(matches!(
        refusal("{\"name\": \"x\"}"),
        Refusal::NotResults(_)
    ));
    assert!(matches!(
        refusal("{\"darslik\": \"scorm\"}"),
        Refusal::NotResults(_)
    ));
    assert_eq!(
        refusal(&edited("\"format\": 1", "\"format\": 7")),
        Refusal::Newer(7)
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(refusal(&deep), Refusal::Damaged { .. }));
}

#[test]
fn each_broken_field_is_named_with_its_statement() {
    let cases = [
        ("\"format\": 1", "\"format\": \"1\"", "format"),
        (
            "\"version\": \"1.0.0\",",
            "\"version\": 1,",
            "course.version",
        ),
        ("\"pages\": 6,", "\"pages\": -6,", "course.modules[0].pages"),
        (
            "\"id\": \"5f0c2a8e-3b1d-4e7a-9c6f-1a2b3c4d5e6f\"",
            "\"id\": \"dilnoza\"",
            "learner.id",
        ),
        ("\"region\": \"Ташкент\",", "", "learner.region"),
        (
            "\"saved\": \"2026-12-05T10:11:12.345Z\"",
            "\"saved\": \"5 Dec\"",
            "saved",
        ),
        (
            "\"id\": \"0a1b2c3d-0002-4000-8000-000000000002\"",
            "\"id\": \"0a1b2c3d-0002-4000-8000\"",
            "statements[1].id",
        ),
        (
            "verbs/experienced\"",
            "verbs/liked\"",
            "statements[0].verb.id",
        ),
        (
            "\"urn:darslik:tip-uz/module-07/00-pre-test/1\"",
            "\"urn:darslik:other/module-07/00-pre-test/1\"",
            "statements[2].object.id",
        ),
        (
            "\"interactionType\": \"matching\"",
            "\"interactionType\": \"likert\"",
            "statements[2].object.definition.interactionType",
        ),
        (
            "\"response\": \"1[.]a[,]2[.]a\", ",
            "",
            "statements[2].result.response",
        ),
        (
            "\"raw\": 50,",
            "\"raw\": 150,",
            "statements[4].result.score.raw",
        ),
        (
            "\"urn:darslik:test\": \"pre-test\", \"urn:darslik:attempt\": 1}},\n      \"timestamp\": \"2026-12-05T08:50:00.000Z\"\n    },\n    {\n      \"id\": \"0a1b2c3d-0004",
            "\"urn:darslik:test\": \"pre-test\", \"urn:darslik:attempt\": 0}},\n      \"timestamp\": \"2026-12-05T08:50:00.000Z\"\n    },\n    {\n      \"id\": \"0a1b2c3d-0004",
            "statements[2].context.extensions.urn:darslik:attempt",
        ),
        (
            "\"urn:darslik:pages-seen\": 7",
            "\"urn:darslik:pages-seen\": 7.5",
            "statements[9].result.extensions.urn:darslik:pages-seen",
        ),
        (
            "\"timestamp\": \"2026-12-05T09:00:00.000Z\"",
            "\"timestamp\": \"2026-12-05 09:00\"",
            "statements[0].timestamp",
        ),
        (
            "\"language\": \"ru\"",
            "\"language\": \"<ru>\"",
            "statements[0].context.language",
        ),
    ];
    for (from, to, field) in cases {
        let r = refusal(&edited(from, to));
        assert_eq!(field_of(&r), field, "{r}");
        let text = r.to_string();
        assert!(text.contains(field), "{text}");
    }
}

#[test]
fn another_learners_statement_is_refused() {
    let text = edited(
        "\"name\": \"5f0c2a8e-3b1d-4e7a-9c6f-1a2b3c4d5e6f\"}},\n      \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/experienced\"",
        "\"name\": \"11111111-3b1d-4e7a-9c6f-1a2b3c4d5e6f\"}},\n      \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/experienced\"",
    );
    assert_eq!(
        field_of(&refusal(&text)),
        "statements[0].actor.account.name"
    );
}

#[test]
fn over_long_text_is_refused() {
    let long = "ж".repeat(MAX_DETAIL + 1);
    let r = refusal(&edited(
        "Дилноза Каримова\",\n    \"organisation",
        &format!("{long}\",\n    \"organisation"),
    ));
    assert_eq!(field_of(&r), "learner.name");
}

#[test]
fn timestamps() {
    for ok in [
        "2026-12-05T10:11:12Z",
        "2026-12-05T10:11:12.3Z",
        "2026-12-05T23:59:60.123456Z",
    ] {
        assert!(is_timestamp(ok), "{ok}");
    }
    for bad in [
        "2026-12-05T10:11:12",
        "2026-12-05T10:11:12+05:00",
        "2026-13-05T10:11:12Z",
        "2026-12-05T10:11:12.Z",
        "2026-12-05t10:11:12Z",
        "٢٠٢٦-12-05T10:11:12Z",
        "",
    ] {
        assert!(!is_timestamp(bad), "{bad}");
    }
}

#[test]
fn spans_follow_strings_with_brackets_and_escapes() {
    let text = r#"{"statements": [{"a": "]}\"{"}, [1, {"b": []}], "x\\"], "z": 1}"#;
    let spans = statement_spans(text).unwrap();
    let parts: Vec<_> = spans.iter().map(|(a, b)| &text[*a..*b]).collect();
    assert_eq!(
        parts,
        [r#"{"a": "]}\"{"}"#, r#"[1, {"b": []}]"#, r#""x\\""#]
    );
}

proptest::proptest! {
    #[test]
    fn no_input_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn no_cut_or_changed_byte_of_the_good_file_panics(cut in 0usize..14_000, at in 0usize..14_000, byte in proptest::num::u8::ANY) {
        let mut b = GOOD.as_bytes().to_vec();
        let at = at % b.len();
        b[at] = byte;
        b.truncate(cut.min(b.len()));
        let _ = parse(&b);
    }
}
