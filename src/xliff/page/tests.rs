use std::path::{Path, PathBuf};

use super::*;
use crate::xliff::model::to_source;

fn t(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn ids(segs: &[Segment]) -> Vec<&str> {
    segs.iter().map(|s| s.id.as_str()).collect()
}

fn seg<'a>(segs: &'a [Segment], id: &str) -> &'a Segment {
    segs.iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no segment {id} in {:?}", ids(segs)))
}

/// Every page file of the sample course, by locale: (path under the locale
/// folder, text).
fn sample(locale: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content")
        .join(locale);
    let mut pages: Vec<(PathBuf, String)> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            let rel = e.path().strip_prefix(&root).unwrap().to_path_buf();
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    pages.sort();
    pages
}

/// The checks every segment list must pass: in order, not overlapping,
/// content that writes back to the range's bytes, NMTOKEN ids, unique.
fn well_formed(name: &str, text: &str, segs: &[Segment]) {
    let mut end = 0;
    let mut seen = std::collections::HashSet::new();
    for s in segs {
        assert!(
            s.range.start >= end,
            "{name}: {} overlaps or is out of order",
            s.id
        );
        end = s.range.end;
        assert_eq!(
            to_source(&s.content),
            &text[s.range.clone()],
            "{name}: {} does not write back",
            s.id
        );
        assert!(seen.insert(s.id.clone()), "{name}: {} twice", s.id);
        assert!(
            s.id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)),
            "{name}: {} is not a plain NMTOKEN",
            s.id
        );
        // The ids of the codes are unique within the unit.
        let codes = crate::xliff::model::code_ids(&s.content);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(
            unique.len(),
            codes.len(),
            "{name}: {} has a code id twice",
            s.id
        );
    }
}

#[test]
fn sample_pages_are_cut_into_segments_that_write_back() {
    for locale in ["en", "ru", "uz"] {
        for (path, text) in sample(locale) {
            let name = format!("{locale}/{}", path.display());
            let segs = segments(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(!segs.is_empty(), "{name}: no segment");
            well_formed(&name, &text, &segs);
            // Splicing every segment's unchanged content back (from the
            // end) gives the same bytes.
            let mut copy = text.clone();
            for s in segs.iter().rev() {
                copy.replace_range(s.range.clone(), &to_source(&s.content));
            }
            assert_eq!(copy, text, "{name}");
        }
    }
}

#[test]
fn translations_of_the_sample_have_the_source_ids() {
    let mut problems = Vec::new();
    for (path, en) in sample("en") {
        let en_ids: Vec<String> = segments(&en).unwrap().into_iter().map(|s| s.id).collect();
        for locale in ["ru", "uz"] {
            let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("content")
                .join(locale)
                .join(&path);
            let Ok(tr) = std::fs::read_to_string(&file) else {
                continue;
            };
            // The one expected difference: a source that accepts only a
            // number (`= 2020`) has no answers unit, and a translation may
            // also accept words (`= 2020 год`), which are a unit of its own.
            let tr_ids: Vec<String> = segments(&tr)
                .unwrap()
                .into_iter()
                .filter(|s| s.kind != kind::QUIZ_ANSWER || en_ids.contains(&s.id))
                .map(|s| s.id)
                .collect();
            if tr_ids != en_ids {
                let only_en: Vec<_> = en_ids.iter().filter(|i| !tr_ids.contains(i)).collect();
                let only_tr: Vec<_> = tr_ids.iter().filter(|i| !en_ids.contains(i)).collect();
                problems.push(format!(
                    "{locale}/{}: only in en {only_en:?}, only in {locale} {only_tr:?}",
                    path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn page(body: &str) -> String {
    format!("+++\ntitle = \"T\"\n+++\n{body}")
}

#[test]
fn adding_a_paragraph_changes_no_other_section_ids() {
    let base = page(
        "Intro.\n\n## One\n\nFirst.\n\n- a\n- b\n\n## Two {#two}\n\nSecond.\n\n| x | y |\n|---|---|\n| 1a | 2b |\n\n## Three\n\nThird.\n",
    );
    let more = base.replace(
        "First.\n",
        "First.\n\nAn added paragraph.\n\n- an added item\n",
    );
    let a = segments(&base).unwrap();
    let b = segments(&more).unwrap();
    let outside = |segs: &[Segment]| -> Vec<String> {
        segs.iter()
            .filter(|s| !s.id.starts_with("h1."))
            .map(|s| s.id.clone())
            .collect()
    };
    assert_eq!(outside(&a), outside(&b));
    assert_eq!(
        ids(&a),
        [
            "fm.title",
            "top.p1",
            "h1.h",
            "h1.p1",
            "h1.li1",
            "h1.li2",
            "two.h",
            "two.p1",
            "two.t1.r0.c1",
            "two.t1.r0.c2",
            "two.t1.r1.c1",
            "two.t1.r1.c2",
            "h3.h",
            "h3.p1"
        ]
    );
    assert_eq!(seg(&b, "h1.p2").content, [t("An added paragraph.")]);
}

#[test]
fn what_is_not_translatable_is_no_segment() {
    let text = "+++\ntitle = \"A \\\"quoted\\\" title\"\ntranslation_of = \"sha256:00ff\"\ndescription = 'Literal'\n+++\n\n## Heading {#the-id}\n\n```rust\nlet x = 1;\n```\n\n    indented code\n\n<div class=\"box\">\nraw html\n</div>\n\nSee [the page](other.md#act \"A title\") and `code`.\n\n---\n\nText[^note].\n\n[^note]: The note.\n";
    let segs = segments(text).unwrap();
    well_formed("sample", text, &segs);
    assert_eq!(
        ids(&segs),
        [
            "fm.title",
            "fm.description",
            "the-id.h",
            "the-id.p1",
            "the-id.p2",
            "the-id.fn1"
        ]
    );
    let title = seg(&segs, "fm.title");
    assert_eq!(title.kind, kind::FRONT_MATTER);
    assert_eq!(
        title.content,
        [
            t("A "),
            Inline::Ph {
                id: "1".into(),
                data: "\\\"".into()
            },
            t("quoted"),
            Inline::Ph {
                id: "2".into(),
                data: "\\\"".into()
            },
            t(" title"),
        ]
    );
    assert_eq!(
        seg(&segs, "fm.description").kind,
        kind::FRONT_MATTER_LITERAL
    );
    assert_eq!(seg(&segs, "the-id.h").content, [t("Heading")]);
    assert_eq!(
        seg(&segs, "the-id.p1").content,
        [
            t("See "),
            Inline::Pc {
                id: "1".into(),
                start: "[".into(),
                end: "](other.md#act \"A title\")".into(),
                content: vec![t("the page")],
            },
            t(" and "),
            Inline::Ph {
                id: "2".into(),
                data: "`code`".into()
            },
            t("."),
        ]
    );
    assert_eq!(
        seg(&segs, "the-id.p2").content,
        [
            t("Text"),
            Inline::Ph {
                id: "1".into(),
                data: "[^note]".into()
            },
            t(".")
        ]
    );
    assert_eq!(seg(&segs, "the-id.fn1").content, [t("The note.")]);
}

#[test]
fn inline_codes_nest_and_keep_their_bytes() {
    let text = page(
        "A **bold [link *in* it](x.md)** and ![an *alt*](a.svg), <https://example.org>, <b>raw</b>, ~~gone~~, a\\*star, &amp; hard  \nbreak.\n",
    );
    let segs = segments(&text).unwrap();
    well_formed("inline", &text, &segs);
    let p = seg(&segs, "top.p1");
    let ids: Vec<&str> = crate::xliff::model::code_ids(&p.content);
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    let Inline::Pc {
        start,
        end,
        content,
        ..
    } = &p.content[1]
    else {
        panic!("{:?}", p.content)
    };
    assert_eq!((start.as_str(), end.as_str()), ("**", "**"));
    assert!(
        matches!(&content[1], Inline::Pc { start, end, .. } if start == "[" && end == "](x.md)")
    );
    assert!(
        p.content
            .iter()
            .any(|c| matches!(c, Inline::Pc { start, end, content, .. }
        if start == "![" && end == "](a.svg)" && content.len() == 2))
    );
    assert!(
        p.content
            .iter()
            .any(|c| matches!(c, Inline::Ph { data, .. } if data == "<https://example.org>"))
    );
    assert!(
        p.content
            .iter()
            .any(|c| matches!(c, Inline::Ph { data, .. } if data == "  \n"))
    );
    // Escapes and entities stay text, as written.
    assert!(to_source(&p.content).contains("a\\*star, &amp; hard"));
}

#[test]
fn containers_give_list_items_quotes_and_cells() {
    let text = page(
        "- tight one\n- tight two\n  continued\n  - nested\n\n1. loose one\n\n   second paragraph\n\n2. loose two\n\n> quoted\n> on two lines\n\n| a \\| b | `c\\|d` |\n|---|---|\n|  | x |\n",
    );
    let segs = segments(&text).unwrap();
    well_formed("containers", &text, &segs);
    assert_eq!(
        ids(&segs),
        [
            "fm.title",
            "top.li1",
            "top.li2",
            "top.li3",
            "top.li4",
            "top.li4.p2",
            "top.li5",
            "top.p1",
            "top.t1.r0.c1",
            "top.t1.r1.c2"
        ]
    );
    assert!(
        segs.iter()
            .filter(|s| s.id.contains(".li"))
            .all(|s| s.kind == kind::LIST_ITEM)
    );
    // The quote's `> ` on the second line is a code, with the line break.
    assert_eq!(
        seg(&segs, "top.p1").content,
        [
            t("quoted"),
            Inline::Ph {
                id: "1".into(),
                data: "\n> ".into()
            },
            t("on two lines")
        ]
    );
    assert_eq!(seg(&segs, "top.t1.r0.c1").content, [t("a \\| b")]);
}

#[test]
fn quiz_blocks_give_every_text_and_no_marker() {
    let text = page(concat!(
        "## Check {#check}\n\n```quiz\n",
        "? Which is **not** required?\n( ) The act\n(x) The means\n> For children, the act and the purpose are enough.\n> Second line.\n\n",
        "? Match them.\n- Act => Recruitment\n- Means => A debt\n\n",
        "? Order them.\n1. First\n2. Second\n\n",
        "? Which article?\n= 3\n= article 3\n= `art. 3`\n= 2..4\n> Article 3.\n\n",
        "? How old?\n= 18..20\n= 19\n",
        "```\n",
    ));
    let segs = segments(&text).unwrap();
    well_formed("quiz", &text, &segs);
    assert_eq!(
        ids(&segs),
        [
            "fm.title",
            "check.h",
            "check.q1.n1",
            "check.q1.n1.o1",
            "check.q1.n1.o2",
            "check.q1.n1.e1",
            "check.q1.n1.e2",
            "check.q1.n2",
            "check.q1.n2.l1",
            "check.q1.n2.r1",
            "check.q1.n2.l2",
            "check.q1.n2.r2",
            "check.q1.n3",
            "check.q1.n3.i1",
            "check.q1.n3.i2",
            "check.q1.n4",
            "check.q1.n4.a1",
            "check.q1.n4.e1",
            "check.q1.n5"
        ]
    );
    for s in &segs {
        let raw = &text[s.range.clone()];
        assert!(
            !raw.starts_with(['?', '(', '[', '>', '=', '-']) && !raw.contains("=>"),
            "{}: {raw:?}",
            s.id
        );
    }
    assert_eq!(&text[seg(&segs, "check.q1.n2.r2").range.clone()], "A debt");
    assert_eq!(seg(&segs, "check.q1.n1").kind, kind::QUIZ_QUESTION);
    // Accepted answers are one segment: a translation may have more.
    assert_eq!(
        seg(&segs, "check.q1.n4.a1").content,
        [
            t("article 3"),
            Inline::Ph {
                id: "1".into(),
                data: "\n= ".into()
            },
            Inline::Ph {
                id: "2".into(),
                data: "`art. 3`".into()
            },
        ]
    );
    assert_eq!(
        &text[seg(&segs, "check.q1.n4.a1").range.clone()],
        "article 3\n= `art. 3`"
    );
    // Numbers are the same in every language: a run of them is no unit.
    assert!(!ids(&segs).iter().any(|i| i.starts_with("check.q1.n5.a")));
    // Numbers before the first worded answer and after the last are
    // outside the segment; between them, inside a code.
    let text = page("```quiz\n? Q\n= 1\n= one\n= 01\n= the one\n= 1.0\n```\n");
    let segs = segments(&text).unwrap();
    assert_eq!(
        seg(&segs, "top.q1.n1.a1").content,
        [
            t("one"),
            Inline::Ph {
                id: "1".into(),
                data: "\n= 01\n= ".into()
            },
            t("the one")
        ]
    );
}

#[test]
fn scenario_blocks_give_step_texts_choices_and_feedback() {
    let text = page(concat!(
        "```scenario\n# start\nA woman is found at the bus station.\n\nShe has *no* passport.\n",
        "* Interview her at once -> employer\n> Not like this.\n* Arrange an interpreter -> separate (+2)\n\n",
        "# employer\nThe chance is lost.\n* Go back -> start\n\n",
        "# separate (end)\nShe describes the debt.\n```\n",
    ));
    let segs = segments(&text).unwrap();
    well_formed("scenario", &text, &segs);
    assert_eq!(
        ids(&segs),
        [
            "fm.title",
            "top.s1.start.p1",
            "top.s1.start.p2",
            "top.s1.start.c1",
            "top.s1.start.c1.f1",
            "top.s1.start.c2",
            "top.s1.employer.p1",
            "top.s1.employer.c1",
            "top.s1.separate.p1"
        ]
    );
    assert_eq!(
        &text[seg(&segs, "top.s1.start.c2").range.clone()],
        "Arrange an interpreter"
    );
    assert_eq!(
        seg(&segs, "top.s1.start.c1.f1").kind,
        kind::SCENARIO_FEEDBACK
    );
}

#[test]
fn unterminated_front_matter_is_an_error_without_front_matter_is_not() {
    let e = segments("+++\ntitle = \"A\"\n\nBody.\n").unwrap_err();
    assert_eq!(e.code, Code::FrontmatterUnterminated);
    assert_eq!(e.span.start, 0);
    let segs = segments("Just a body.\n").unwrap();
    assert_eq!(ids(&segs), ["top.p1"]);
}

#[test]
fn crlf_files_give_ranges_in_their_own_bytes() {
    let text = "+++\r\ntitle = \"T\"\r\n+++\r\n\r\n## A\r\n\r\nOne\r\ntwo.\r\n\r\n```quiz\r\n? Q\r\n( ) a\r\n(x) b\r\n```\r\n";
    let segs = segments(text).unwrap();
    well_formed("crlf", text, &segs);
    assert_eq!(
        ids(&segs),
        [
            "fm.title",
            "h1.h",
            "h1.p1",
            "h1.q1.n1",
            "h1.q1.n1.o1",
            "h1.q1.n1.o2"
        ]
    );
    assert_eq!(&text[seg(&segs, "h1.q1.n1.o2").range.clone()], "b");
}

#[test]
fn broken_and_hostile_pages_never_panic() {
    let cases = [
        "",
        "+++",
        "+++\n+++",
        "\u{feff}+++\ntitle = \"x\n+++\n",
        "+++\ntitle = \"\\u00e9\\\"\\\\\"\n+++\n[",
        "```quiz\n?\n( )\n- =>\n1.\n=\n>\n",
        "```scenario\n#\n* ->\n> x\n# a (end)\n```",
        "> > > - - - [a](b \"c\") ![d](e)\n> * x\n\n|a|\n|-|\n|b|",
        "# {#h1}\n# {#top}\n# x {#fm}\n# y {#top}\n## z {#Z}\n## z {#Z}\n\ntext\n",
        "[a]: b\n\n[x][a] [y][] [a]\n",
        "*a **b* c**  \\\n d ~~e~~ ~f~ <span>g</span>\n",
        "- a\n\n  > b\n  > c\n\n  ```quiz\n  ? q\n  ( ) x\n  (x) y\n  ```\n",
    ];
    for text in cases {
        if let Ok(segs) = segments(text) {
            well_formed(text, text, &segs);
            for s in &segs {
                let _ = fit(s.kind, &s.content);
            }
        }
    }
    let deep = format!("{}x{}", "[".repeat(5000), "](y)".repeat(5000));
    let _ = segments(&deep);
    let deep = format!("{}x", "> ".repeat(2000));
    let _ = segments(&deep);
}

#[test]
fn fit_makes_text_fit_its_place() {
    let code = |d: &str| Inline::Ph {
        id: "1".into(),
        data: d.into(),
    };
    assert_eq!(fit(kind::HEADING, &[t("Two\n  lines ")]), "Two lines");
    assert_eq!(fit(kind::HEADING, &[t("C #")]), "C \\#");
    assert_eq!(fit(kind::HEADING, &[t("Set {x}")]), "Set {x&#125;");
    assert_eq!(fit(kind::TABLE_CELL, &[t("a | b \\| c")]), "a \\| b \\| c");
    assert_eq!(fit(kind::TABLE_CELL, &[t("x "), code("`a|b`")]), "x `a|b`");
    assert_eq!(
        fit(kind::LIST_ITEM, &[t("1. not a list\nitem")]),
        "1\\. not a list item"
    );
    assert_eq!(
        fit(kind::PARAGRAPH, &[t("# not a heading")]),
        "\\# not a heading"
    );
    // Paragraphs keep their line breaks; no line starts another block.
    assert_eq!(
        fit(kind::PARAGRAPH, &[t("- not\n- a list")]),
        "\\- not\n\\- a list"
    );
    assert_eq!(
        fit(
            kind::SCENARIO_TEXT,
            &[t("Step\n* not a choice\n  # nor a step")]
        ),
        "Step\n\\* not a choice\n  \\# nor a step"
    );
    assert_eq!(fit(kind::QUIZ_OPTION, &[t("one\ntwo")]), "one two");
    assert_eq!(fit(kind::QUIZ_PAIR_LEFT, &[t("a => b")]), "a =\\> b");
    assert_eq!(
        fit(kind::FRONT_MATTER, &[t("Say \"hi\" \\ bye\n")]),
        "Say \\\"hi\\\" \\\\ bye"
    );
    assert_eq!(fit(kind::FRONT_MATTER_LITERAL, &[t("It's")]), "It\u{2019}s");
    // Codes keep their bytes, line breaks in them included.
    assert_eq!(
        fit(
            kind::PARAGRAPH,
            &[
                t("quoted"),
                Inline::Ph {
                    id: "1".into(),
                    data: "\n> ".into()
                },
                Inline::Pc {
                    id: "2".into(),
                    start: "[".into(),
                    end: "](a.md)".into(),
                    content: vec![t("a\nlink")]
                },
            ]
        ),
        "quoted\n> [a\nlink](a.md)"
    );
}

#[test]
fn fitted_sample_segments_splice_back_with_the_same_ids() {
    for locale in ["en", "ru", "uz"] {
        for (path, text) in sample(locale) {
            let segs = segments(&text).unwrap();
            let mut copy = text.clone();
            for s in segs.iter().rev() {
                copy.replace_range(s.range.clone(), &fit(s.kind, &s.content));
            }
            let again = segments(&copy).unwrap();
            assert_eq!(ids(&again), ids(&segs), "{locale}/{}", path.display());
            // Nothing in the sample needs escaping: fit changes nothing.
            assert_eq!(copy, text, "{locale}/{}", path.display());
        }
    }
}

#[test]
fn a_target_that_splits_a_paragraph_changes_the_ids() {
    let text = page("## A\n\nOne.\n\n## B\n\nTwo.\n");
    let segs = segments(&text).unwrap();
    let p = seg(&segs, "h1.p1");
    let mut copy = text.clone();
    let target = [t("One.\n\n## New heading")];
    copy.replace_range(p.range.clone(), &fit(p.kind, &target));
    let again = segments(&copy).unwrap();
    assert_ne!(ids(&again), ids(&segs));
    assert!(copy.contains("\n\\## New heading\n"), "{copy}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Any text made of Markdown's and darslik's markers: no panic, and
    /// every segment writes back to its own bytes; splicing each segment's
    /// fitted content back never panics either.
    #[test]
    fn any_markup_gives_well_formed_segments(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "+++\n", "title = \"a\\\"b\"\n", "# ", "## x {#id}\n", "- ", "1. ", "> ", "* ",
                "```quiz\n", "```scenario\n", "```\n", "? ", "( ) ", "(x) ", "[x] ", "= ",
                "=> ", "-> s (+1)", "|", "|---|\n", "`", "*", "**", "_", "~~", "[", "](u.md)",
                "![", "<b>", "</b>", "<https://e.org>", "[^1]", "[^1]: ", "\\", "&amp;",
                "  \n", "\n", "\n\n", "\r\n", "    ", "word ", "слово ", "soʻz ", "\u{feff}",
            ]),
            0..40,
        )
    ) {
        let text: String = parts.concat();
        if let Ok(segs) = segments(&text) {
            well_formed(&text, &text, &segs);
            let mut copy = text.clone();
            for s in segs.iter().rev() {
                copy.replace_range(s.range.clone(), &fit(s.kind, &s.content));
            }
            let _ = segments(&copy);
        }
    }
}

#[test]
fn deeply_nested_inline_markup_does_not_overflow() {
    for (open, close) in [
        ("*", "*"),
        ("**", "**"),
        ("~~", "~~"),
        ("![", "](a.png)"),
        ("_", "_"),
    ] {
        let n = 50_000;
        let text = format!("{}deep{}\n", open.repeat(n), close.repeat(n));
        let segs = segments(&text).unwrap();
        well_formed("deep", &text, &segs);
        for s in &segs {
            let _ = fit(s.kind, &s.content);
        }
    }
    // Containers too: quotes and lists in each other, 20,000 deep.
    for open in ["> ", "- ", "1. ", "> - "] {
        let text = format!("{}deep\n", open.repeat(20_000));
        let started = std::time::Instant::now();
        let segs = segments(&text).unwrap();
        well_formed("deep", &text, &segs);
        assert!(
            started.elapsed().as_secs() < 20,
            "{open:?}: {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn fitted_headings_keep_their_text_and_their_id() {
    for (text, id) in [
        (page("## Title {#keep}\n\nText.\n"), "keep.h"),
        (page("## Title\n\nText.\n"), "h1.h"),
    ] {
        let segs = segments(&text).unwrap();
        let h = seg(&segs, id);
        for target in ["C #", "Set {x}", "Set {#other}", "Two\nlines", "# Hash"] {
            let fitted = fit(h.kind, &[t(target)]);
            let mut copy = text.clone();
            copy.replace_range(h.range.clone(), &fitted);
            let again = segments(&copy).unwrap();
            assert_eq!(ids(&again), ids(&segs), "{target:?} → {copy:?}");
            assert_eq!(to_source(&seg(&again, id).content), fitted, "{copy:?}");
            assert!(copy.contains("{#keep}\n") || id == "h1.h", "{copy:?}");
            // The heading's anchor is the one it had: no `{…}` became one.
            let anchor = pulldown_cmark::Parser::new_ext(&copy, crate::markdown::options())
                .find_map(|e| match e {
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { id, .. }) => {
                        Some(id)
                    }
                    _ => None,
                })
                .flatten()
                .map(|i| i.to_string());
            let expected = (id == "keep.h").then(|| "keep".to_string());
            assert_eq!(anchor, expected, "{copy:?}");
        }
    }
}

#[test]
fn a_quiz_inside_a_list_item_still_gives_its_texts() {
    let text = page(
        "- Check:\n\n  ```quiz\n  ? Which one?\n  ( ) This\n  (x) That\n  > Because.\n  ```\n",
    );
    let segs = segments(&text).unwrap();
    well_formed("nested quiz", &text, &segs);
    assert_eq!(
        ids(&segs),
        [
            "fm.title",
            "top.li1",
            "top.q1.n1",
            "top.q1.n1.o1",
            "top.q1.n1.o2",
            "top.q1.n1.e1"
        ]
    );
    assert_eq!(&text[seg(&segs, "top.q1.n1.o2").range.clone()], "That");
}

/// Every segment of every sample page gets a translator's text with what
/// could break its place (a pipe, a closing `#`, `{…}`, `=>`, `->`, a new
/// line starting a list, a quote): fitted and spliced back, the page has
/// the same ids, and its quizzes and scenarios still parse.
#[test]
fn risky_targets_on_every_sample_segment_keep_the_structure() {
    let risky = [
        " | pipe",
        " #",
        " {x}",
        " => arrow",
        " -> arrow",
        " \"quote\" 'it'",
        "\n- line",
        "\n# step",
        "\n* choice",
        "\n```",
        " \\",
    ];
    for locale in ["en", "ru", "uz"] {
        for (path, text) in sample(locale) {
            let segs = segments(&text).unwrap();
            let mut copy = text.clone();
            for (n, s) in segs.iter().enumerate().rev() {
                let mut content = s.content.clone();
                // (An accepted answer such as `18..20` is a number range:
                // any text added makes it the translator's error.)
                if s.kind != kind::QUIZ_ANSWER {
                    content.push(t(risky[n % risky.len()]));
                }
                copy.replace_range(s.range.clone(), &fit(s.kind, &content));
            }
            let name = format!("{locale}/{}", path.display());
            let again = segments(&copy).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(ids(&again), ids(&segs), "{name}:\n{copy}");
            let front =
                crate::course::frontmatter::split(&name, &std::sync::Arc::from(copy.as_str()));
            assert!(front.is_ok(), "{name}: {front:?}");
            let mut blocks = 0;
            let mut open: Option<(String, String)> = None;
            for e in pulldown_cmark::Parser::new_ext(&copy, crate::markdown::options()) {
                match e {
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::CodeBlock(
                        pulldown_cmark::CodeBlockKind::Fenced(info),
                    )) => open = Some((info.to_string(), String::new())),
                    pulldown_cmark::Event::Text(x) => {
                        if let Some((_, body)) = open.as_mut() {
                            body.push_str(&x);
                        }
                    }
                    pulldown_cmark::Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                        match open.take() {
                            Some((info, body)) if info == "quiz" => {
                                blocks += 1;
                                let q = crate::markdown::quiz::parse(&body);
                                assert!(q.is_ok(), "{name}: {q:?}\n{body}");
                            }
                            Some((info, body)) if info == "scenario" => {
                                blocks += 1;
                                let q = crate::markdown::scenario::parse(&body);
                                assert!(q.is_ok(), "{name}: {q:?}\n{body}");
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            let before = text.matches("```quiz").count() + text.matches("```scenario").count();
            assert_eq!(blocks, before, "{name}");
        }
    }
}
