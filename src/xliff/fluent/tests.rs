use super::*;
use crate::xliff::model::to_source;

const FTL: &str = "# comment\n-brand = Darslik\nplain = Hello, { $name }!\nmulti =\n    First line\n    second { -brand }\n    .title = Title { $n }\n    .aria = Aria\nsel = { $n ->\n    [one] one\n   *[other] { $n } many\n}\n\nlast = End\n";

#[test]
fn values_and_attributes_are_found_with_their_ranges() {
    let segs = segments(FTL);
    let ids: Vec<&str> = segs.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "-brand",
            "plain",
            "multi",
            "multi.title",
            "multi.aria",
            "sel",
            "last"
        ]
    );
    let raw: Vec<&str> = segs.iter().map(|s| &FTL[s.range.clone()]).collect();
    assert_eq!(raw[1], "Hello, { $name }!");
    assert_eq!(raw[2], "First line\n    second { -brand }");
    assert_eq!(raw[3], "Title { $n }");
    assert_eq!(raw[5], "{ $n ->\n    [one] one\n   *[other] { $n } many\n}");
    assert_eq!(segs[5].kind, SELECT);
    assert_eq!(raw[6], "End");
    // Placeables are codes; continuation lines lose their indentation.
    assert_eq!(
        segs[2].content,
        vec![
            Inline::Text("First line\nsecond ".into()),
            Inline::Ph {
                id: "1".into(),
                data: "{ -brand }".into()
            }
        ]
    );
    assert_eq!(to_source(&segs[1].content), raw[1]);
}

#[test]
fn fit_escapes_what_fluent_would_read_as_syntax() {
    let c = vec![
        Inline::Text("a {b} c\n[x] .y\n*z".into()),
        Inline::Ph {
            id: "1".into(),
            data: "{ $n }".into(),
        },
    ];
    let out = fit(MESSAGE, &c);
    assert_eq!(
        out,
        "a {\"{\"}b{\"}\"} c\n    {\"[\"}x] .y\n    {\"*\"}z{ $n }"
    );
    let text = format!("m = {out}\n");
    assert!(
        fluent_syntax::parser::parse(text.as_str()).is_ok(),
        "{text}"
    );
    let back = segments(&text);
    assert_eq!(back.len(), 1);
    // A select is written as it is.
    let sel = vec![Inline::Text("{ $n ->\n *[other] x\n}".into())];
    assert_eq!(fit(SELECT, &sel), "{ $n ->\n *[other] x\n}");
}

#[test]
fn comments_above_an_entry_are_its_notes() {
    let text = "# File comment.\n\n# For the title bar.\n# Keep it short.\ntitle = T\nplain = P\n## Section\n# About b.\nb = B\n";
    let c = comments(text);
    assert_eq!(
        c.get("title").map(String::as_str),
        Some("For the title bar.\nKeep it short.")
    );
    assert_eq!(c.get("plain"), None);
    assert_eq!(c.get("b").map(String::as_str), Some("About b."));
}
