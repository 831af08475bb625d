use super::*;

fn config() -> Config {
    let toml = r#"
[course]
id = "t"
version = "1"
source_locale = "en"
locales = ["en", "ru", "uz"]
modules = ["m"]
"#;
    crate::course::config::parse(toml).expect("config").0
}

fn read(text: &str) -> (Option<Glossary>, Vec<Diagnostic>) {
    parse(&Arc::from(text), &config())
}

fn first_error(text: &str) -> (String, usize, usize) {
    let (g, d) = read(text);
    assert!(g.is_none(), "{text}");
    let d = d.first().expect("an error");
    assert_eq!(d.code, Code::GlossaryInvalid);
    (
        d.message.clone(),
        d.line.unwrap_or(0),
        d.column.unwrap_or(0),
    )
}

#[test]
fn a_glossary_reads() {
    let (g, d) = read(
        r#"
[[term]]
en = "trafficking in persons"
ru = ["торговля людьми", "торговля человеком"]
uz = "odam savdosi"
avoid.ru = ["контрабанда людей", "трафикинг"]
avoid.uz = "odam kontrabandasi"
note = "Palermo Protocol, art. 3 (a)"

[[term]]
en = "victim"
note.ru = "не «пострадавший»"
"#,
    );
    assert!(d.is_empty(), "{d:?}");
    let g = g.expect("a glossary");
    assert_eq!(g.terms.len(), 2);
    let t = &g.terms[0];
    assert_eq!(t.name("ru"), Some("торговля людьми"));
    assert_eq!(t.names["ru"].len(), 2);
    assert_eq!(t.avoid["uz"], vec!["odam kontrabandasi".to_string()]);
    assert_eq!(t.note_in("uz"), Some("Palermo Protocol, art. 3 (a)"));
    assert_eq!(g.terms[1].note_in("ru"), Some("не «пострадавший»"));
    assert_eq!(g.terms[1].note_in("en"), None);
    assert_eq!(g.terms[1].name("ru"), None);
}

#[test]
fn errors_have_lines_and_columns() {
    let (m, line, col) = first_error("[[term]]\nen = \"victim\"\nrx = \"жертва\"\n");
    assert!(
        m.contains("`rx`") && line == 3 && col == 1,
        "{m} {line}:{col}"
    );
    let (m, line, _) = first_error("[[term]]\nen = \"victim\"\nru = 5\n");
    assert!(m.contains("`ru`") && line == 3, "{m}");
    let (m, line, _) = first_error("[[term]]\nen = \"victim\"\nru = \"жертва\n");
    assert!(m.contains("cannot be read") && line == 3, "{m}");
    let (m, line, _) = first_error("[[term]]\nru = \"жертва\"\n");
    assert!(m.contains("`en`") && line == 1, "{m}");
    let (m, line, _) = first_error("[[term]]\nen = \"victim\"\n[[term]]\nen = \"Victims\"\n");
    assert!(m.contains("line 1") && line == 3, "{m}");
    let (m, _, _) = first_error("[[term]]\nen = \"victim\"\navoid.kk = \"x\"\n");
    assert!(m.contains("`kk`"), "{m}");
    let (m, _, _) =
        first_error("[[term]]\nen = \"x\"\nru = \"торговля людьми\"\navoid.ru = \"торговли\"\n");
    assert!(m.contains("торговли"), "{m}");
    let (m, _, _) = first_error("[[term]]\nen = \"  \"\n");
    assert!(m.contains("`en`"), "{m}");
    let (m, _, _) = first_error("[[terms]]\nen = \"x\"\n");
    assert!(m.contains("cannot be read"), "{m}");
}

#[test]
fn an_empty_glossary_is_no_error() {
    let (g, d) = read("");
    assert!(d.is_empty() && g.is_some_and(|g| g.terms.is_empty()));
}
