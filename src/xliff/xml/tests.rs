use super::*;

fn unit(source: Vec<Inline>, target: Option<Vec<Inline>>) -> Doc {
    let mut u = Unit::new("p1", "paragraph", source);
    u.target = target;
    u.state = State::Translated;
    Doc {
        src_lang: "en".into(),
        trg_lang: "ru".into(),
        course: "c".into(),
        locale: "ru".into(),
        files: vec![File {
            original: "content/ru/index.md".into(),
            units: vec![u],
            at: 0,
        }],
        at: 0,
    }
}

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

#[test]
fn what_is_written_is_read_back() {
    let link = Inline::Pc {
        id: "2".into(),
        start: "[".into(),
        end: "](a.md \"t\")".into(),
        content: vec![
            text("the <law> & "),
            Inline::Ph {
                id: "3".into(),
                data: "`x`".into(),
            },
        ],
    };
    let source = vec![
        text("A\r\nb \u{1b} c\u{7}"),
        Inline::Ph {
            id: "1".into(),
            data: "`<code>`\u{1}".into(),
        },
        link.clone(),
    ];
    let target = vec![
        link,
        text(" т"),
        Inline::Ph {
            id: "1".into(),
            data: "`<code>`\u{1}".into(),
        },
    ];
    let doc = unit(source.clone(), Some(target.clone()));
    let xml = write(&doc);
    assert!(xml.contains("<cp hex=\"001B\"/>"), "{xml}");
    assert!(xml.contains("&#13;"), "{xml}");
    let back = read(&xml).expect("read");
    let u = &back.files[0].units[0];
    assert_eq!(u.source, source);
    assert_eq!(u.target.as_ref(), Some(&target));
    assert_eq!(u.state, State::Translated);
    assert_eq!(u.kind, "paragraph");
    assert_eq!(back.course, "c");
    assert_eq!(back.locale, "ru");
    assert_eq!(back.files[0].original, "content/ru/index.md");
}

#[test]
fn sc_ec_pairs_become_pairs_and_mrk_is_unwrapped() {
    let xml = r#"<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:d="urn:darslik:xliff:1" version="2.1" srcLang="en" trgLang="ru" d:course="c" d:locale="ru">
<file id="f1" original="x"><unit id="u"><originalData><data id="a">[</data><data id="b">](x)</data></originalData>
<segment><source><pc id="1" dataRefStart="a" dataRefEnd="b">t</pc></source>
<target><sc id="1" dataRef="a"/><mrk id="m" translate="yes">т</mrk><ec startRef="1" dataRef="b"/>!</target></segment></unit></file></xliff>"#;
    let doc = read(xml).expect("read");
    let u = &doc.files[0].units[0];
    let pc = Inline::Pc {
        id: "1".into(),
        start: "[".into(),
        end: "](x)".into(),
        content: vec![text("т")],
    };
    assert_eq!(u.target.as_ref(), Some(&vec![pc, text("!")]));
}

#[test]
fn refusals_say_where() {
    let ok = write(&unit(vec![text("a")], Some(vec![text("b")])));
    let doctype = ok.replacen("<xliff", "<!DOCTYPE x [<!ENTITY e \"e\">]><xliff", 1);
    let e = read(&doctype).expect_err("doctype");
    assert_eq!(e.msg.id, "xliff-doctype");
    let broken = ok.replacen("</target>", "", 1);
    let e = read(&broken).expect_err("broken");
    assert_eq!(e.msg.id, "xliff-xml-error");
    assert!(e.at > ok.find("<target").unwrap_or(0), "{}", e.at);
    let v1 = ok.replacen("version=\"2.1\"", "version=\"1.2\"", 1);
    assert_eq!(read(&v1).expect_err("1.2").msg.id, "xliff-version");
    let other = ok.replacen("urn:oasis:names:tc:xliff:document:2.0", "urn:x", 1);
    assert_eq!(read(&other).expect_err("ns").msg.id, "xliff-not-xliff");
    let entity = ok.replacen("preserve\">b", "preserve\">&e;", 1);
    assert_eq!(
        read(&entity).expect_err("entity").msg.id,
        "xliff-bad-reference"
    );
    let state = ok.replacen("state=\"translated\"", "state=\"approved\"", 1);
    assert_eq!(read(&state).expect_err("state").msg.id, "xliff-bad-state");
    let deep = ok.replacen(
        "preserve\">b",
        &format!(
            "preserve\">{}b{}",
            "<mrk id=\"m\">".repeat(100),
            "</mrk>".repeat(100)
        ),
        1,
    );
    assert_eq!(read(&deep).expect_err("deep").msg.id, "xliff-too-deep");
}

#[test]
fn never_panics_on_cut_files() {
    let xml = write(&unit(
        vec![
            text("a"),
            Inline::Ph {
                id: "1".into(),
                data: "`c`".into(),
            },
        ],
        Some(vec![text("б")]),
    ));
    for (i, _) in xml.char_indices() {
        let _ = read(&xml[..i]);
    }
}
