//! Uzbek transliteration: accuracy over public pairs, old <-> new Latin,
//! Markdown and Fluent structure preserved, apostrophe hygiene, no panics.
//!
//! Fixtures (tests/fixtures/translit/):
//! * pairs.tsv: Latin (1995) <TAB> Cyrillic <TAB> source, words and sentences
//!   from public sources (the 1995 spelling rules and their examples, the
//!   Constitution and the Universal Declaration of Human Rights as published in
//!   both scripts, the spelling dictionary, official names of laws and bodies);
//! * old-new.tsv: Latin 1995 <TAB> Latin 2026 <TAB> note;
//! * apostrophes.md / apostrophes.expected.md: every apostrophe variant, and
//!   apostrophes that must not change.

use std::path::{Path, PathBuf};

mod common;

use common::{canonical_1995, is_apostrophe, read_repo_file as read, repo_root as root};
use darslik::translit::{
    Exceptions, Script, apostrophe_fixes_fluent, apostrophe_fixes_markdown, apply_fixes, convert,
    fluent, markdown,
};

/// Words of a text (letters and in-word apostrophes), for word accuracy.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner_apostrophe = is_apostrophe(c)
            && !cur.is_empty()
            && (chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
                || cur.ends_with(['o', 'g', 'O', 'G']));
        if c.is_alphabetic() && !is_apostrophe(c) || inner_apostrophe || c == '\u{0308}' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

struct Score {
    words: usize,
    right: usize,
    misses: Vec<String>,
}

impl Score {
    fn new() -> Score {
        Score {
            words: 0,
            right: 0,
            misses: Vec::new(),
        }
    }
    fn add(&mut self, input: &str, got: &str, want: &str) {
        let g = words(got);
        let w = words(want);
        self.words += w.len().max(g.len());
        let mut bad = Vec::new();
        for i in 0..w.len().max(g.len()) {
            match (g.get(i), w.get(i)) {
                (Some(a), Some(b)) if a == b => self.right += 1,
                (a, b) => bad.push(format!(
                    "{} (want {})",
                    a.map(String::as_str).unwrap_or("-"),
                    b.map(String::as_str).unwrap_or("-")
                )),
            }
        }
        if !bad.is_empty() {
            self.misses.push(format!("  {input} -> {}", bad.join(", ")));
        }
    }
    fn percent(&self) -> f64 {
        if self.words == 0 {
            return 100.0;
        }
        self.right as f64 * 100.0 / self.words as f64
    }
    fn report(&self, what: &str) {
        println!(
            "{what}: {:.2} % ({} of {} words)",
            self.percent(),
            self.right,
            self.words
        );
        for m in &self.misses {
            println!("{m}");
        }
    }
}

fn pairs() -> Vec<(String, String, String)> {
    read("tests/fixtures/translit/pairs.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split('\t');
            (
                f.next().unwrap_or("").to_string(),
                f.next().unwrap_or("").to_string(),
                f.next().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn pairs_fixture_is_large_enough() {
    let p = pairs();
    assert!(p.len() >= 300, "{} pairs", p.len());
    for (lat, cyr, note) in &p {
        assert!(
            !lat.is_empty() && !cyr.is_empty() && !note.is_empty(),
            "{lat}"
        );
        assert!(
            cyr.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "{cyr} is not Cyrillic"
        );
    }
}

#[test]
fn accuracy_latin_to_cyrillic() {
    let ex = Exceptions::builtin();
    let mut s = Score::new();
    for (lat, cyr, _) in pairs() {
        let got = convert(&lat, Script::Cyrl, &ex);
        s.add(&lat, &got, &cyr);
    }
    s.report("Latin -> Cyrillic");
    assert!(
        s.percent() >= 99.0,
        "Latin -> Cyrillic {:.2} %",
        s.percent()
    );
}

#[test]
fn accuracy_cyrillic_to_latin() {
    let ex = Exceptions::builtin();
    let mut s = Score::new();
    for (lat, cyr, _) in pairs() {
        let got = convert(&cyr, Script::Latn, &ex);
        s.add(&cyr, &got, &canonical_1995(&lat));
    }
    s.report("Cyrillic -> Latin");
    assert!(
        s.percent() >= 99.0,
        "Cyrillic -> Latin {:.2} %",
        s.percent()
    );
}

#[test]
fn accuracy_rules_alone_is_reported() {
    // What the context rules do without the word list (for the note).
    let ex = Exceptions::none();
    let mut to_cyr = Score::new();
    let mut to_lat = Score::new();
    for (lat, cyr, _) in pairs() {
        to_cyr.add(&lat, &convert(&lat, Script::Cyrl, &ex), &cyr);
        to_lat.add(
            &cyr,
            &convert(&cyr, Script::Latn, &ex),
            &canonical_1995(&lat),
        );
    }
    println!(
        "rules alone: Latin -> Cyrillic {:.2} %, Cyrillic -> Latin {:.2} %; built-in exceptions: {}",
        to_cyr.percent(),
        to_lat.percent(),
        Exceptions::builtin().len()
    );
    assert!(to_cyr.percent() > 80.0 && to_lat.percent() > 90.0);
}

#[test]
fn old_and_new_latin() {
    let ex = Exceptions::builtin();
    let text = read("tests/fixtures/translit/old-new.tsv");
    let mut to_new = Score::new();
    let mut to_old = Score::new();
    let mut via_cyrillic = Score::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut f = line.split('\t');
        let (old, new) = (f.next().unwrap_or(""), f.next().unwrap_or(""));
        let input_only = f.next().unwrap_or("").contains("input only");
        // draft letters are read, never written
        let new_canonical: String = new
            .replace(['õ', 'ō', 'ŏ'], "ö")
            .replace(['Õ', 'Ō', 'Ŏ'], "Ö")
            .replace('ḡ', "ğ")
            .replace('Ḡ', "Ğ")
            .replace("o\u{0308}", "ö")
            .replace("s\u{0327}", "ş");
        if !input_only {
            to_new.add(old, &convert(old, Script::Latn2026, &ex), &new_canonical);
        }
        to_old.add(new, &convert(new, Script::Latn, &ex), old);
        let cyr = convert(old, Script::Cyrl, &ex);
        if input_only {
            continue;
        }
        via_cyrillic.add(&cyr, &convert(&cyr, Script::Latn2026, &ex), &new_canonical);
    }
    to_new.report("Latin 1995 -> 2026");
    to_old.report("Latin 2026 -> 1995");
    via_cyrillic.report("Cyrillic -> Latin 2026");
    assert_eq!(to_new.right, to_new.words);
    assert_eq!(to_old.right, to_old.words);
    assert!(via_cyrillic.percent() >= 99.0);
}

// ---------------------------------------------------------------- Markdown

fn md_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            md_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
}

fn md_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

fn body(page: &str) -> &str {
    if let Some(rest) = page.strip_prefix("+++\n")
        && let Some(end) = rest.find("\n+++\n")
    {
        return &rest[end + 5..];
    }
    page
}

/// The structure of a page: event kinds, with everything that must not change.
fn structure(page: &str) -> Vec<String> {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
    let mut out: Vec<String> = Vec::new();
    let mut quiz = false;
    let mut scenario = false;
    let mut in_code = false;
    for ev in Parser::new_ext(body(page), md_options()) {
        let item = match ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code = true;
                quiz = matches!(&kind, CodeBlockKind::Fenced(i) if i.split_whitespace().next() == Some("quiz"));
                scenario = matches!(&kind, CodeBlockKind::Fenced(i) if i.split_whitespace().next() == Some("scenario"));
                format!("Start({:?})", Tag::CodeBlock(kind))
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                "End(CodeBlock)".to_string()
            }
            Event::Text(t) if in_code && quiz => {
                let markers: Vec<String> = t
                    .lines()
                    .map(|l| {
                        let l = l.trim_start();
                        ["? ", "( ) ", "(x) ", "[ ] ", "[x] ", "> "]
                            .iter()
                            .find(|m| l.starts_with(**m))
                            .map(|m| m.to_string())
                            .unwrap_or_else(|| {
                                if l.is_empty() {
                                    "blank".into()
                                } else {
                                    "other".into()
                                }
                            })
                    })
                    .collect();
                format!("QuizText({})", markers.join("|"))
            }
            // A scenario keeps its step lines and each choice's target and
            // points as they are; the rest is text.
            Event::Text(t) if in_code && scenario => {
                let kept: Vec<String> = t
                    .lines()
                    .map(|l| {
                        let l = l.trim_start();
                        if l.starts_with('#') {
                            l.to_string()
                        } else if let Some(at) = l.strip_prefix("* ").and_then(|r| r.rfind(" -> "))
                        {
                            format!("* {}", &l[2 + at..])
                        } else if l.starts_with('>') {
                            ">".into()
                        } else if l.is_empty() {
                            "blank".into()
                        } else {
                            "text".into()
                        }
                    })
                    .collect();
                format!("ScenarioText({})", kept.join("|"))
            }
            Event::Text(t) if in_code => format!("CodeText({t})"),
            Event::Text(_) => "Text".to_string(),
            Event::Html(_) => "Html".to_string(),
            Event::InlineHtml(_) => "InlineHtml".to_string(),
            Event::Start(t) => format!("Start({t:?})"),
            Event::End(t) => format!("End({t:?})"),
            other => format!("{other:?}"),
        };
        if item == "Text" && out.last().map(String::as_str) == Some("Text") {
            continue;
        }
        out.push(item);
    }
    out
}

fn front_matter_keys(page: &str) -> Vec<String> {
    let Some(rest) = page.strip_prefix("+++\n") else {
        return Vec::new();
    };
    let end = rest.find("\n+++\n").unwrap_or(0);
    rest[..end]
        .lines()
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap_or((l, ""));
            if k.trim() == "title" || k.trim() == "description" {
                k.trim().to_string()
            } else {
                format!("{}={}", k.trim(), v.trim())
            }
        })
        .collect()
}

#[test]
fn markdown_structure_survives() {
    let ex = Exceptions::builtin();
    let mut files = Vec::new();
    md_files(&root().join("content/uz"), &mut files);
    assert!(!files.is_empty(), "no content/uz pages");
    let mut back = Score::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap_or_default();
        let cyr = markdown(&src, Script::Cyrl, &ex);
        let name = f.display().to_string();
        assert_eq!(structure(&src), structure(&cyr), "{name}");
        assert_eq!(front_matter_keys(&src), front_matter_keys(&cyr), "{name}");
        assert!(
            cyr.chars()
                .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
                .count()
                > 100,
            "{name} was not converted"
        );
        // the same lines (Markdown line structure)
        assert_eq!(src.lines().count(), cyr.lines().count(), "{name}");
        let lat = markdown(&cyr, Script::Latn, &ex);
        assert_eq!(structure(&src), structure(&lat), "{name}");
        back.add(&name, &lat, &src);
        let new = markdown(&src, Script::Latn2026, &ex);
        assert_eq!(structure(&src), structure(&new), "{name}");
        assert_eq!(
            markdown(&new, Script::Latn, &ex),
            src,
            "{name}: 2026 round trip"
        );
    }
    back.report("Markdown round trip Latin -> Cyrillic -> Latin");
    assert!(back.percent() >= 99.0, "{:.2} %", back.percent());
}

#[test]
fn markdown_keeps_code_urls_and_markers() {
    let ex = Exceptions::builtin();
    let src = "+++\ntitle = \"Shahar\"\ntranslation_of = \"sha256:ab\"\n+++\n\n## Sarlavha {#bosh-sahifa}\n\nMatn `kod` va [havola](../module-06/02-means.md#act) hamda <https://uz.example/shahar> va <b class=\"qizil\">qalin</b>.[^izoh]\n\n```quiz\n? Savol **qalin**?\n( ) Ha\n(x) Yoʻq\n[ ] Bir\n[x] Ikki\n> Izoh\n```\n\n```rust\nlet shahar = 1;\n```\n\n[^izoh]: Izoh matni.\n";
    let out = markdown(src, Script::Cyrl, &ex);
    for kept in [
        "translation_of = \"sha256:ab\"",
        "{#bosh-sahifa}",
        "`kod`",
        "(../module-06/02-means.md#act)",
        "<https://uz.example/shahar>",
        "<b class=\"qizil\">",
        "[^izoh]",
        "let shahar = 1;",
        "\n( ) Ҳа\n(x) Йўқ\n[ ] Бир\n[x] Икки\n> Изоҳ\n",
        "? Савол **қалин**?",
        "title = \"Шаҳар\"",
        "[^izoh]: Изоҳ матни.",
    ] {
        assert!(out.contains(kept), "missing {kept:?} in\n{out}");
    }
}

#[test]
fn scenario_text_is_transliterated_and_its_ids_are_kept() {
    let ex = Exceptions::builtin();
    let src = "+++\ntitle = \"Keys\"\n+++\n\n```scenario\n# bekat\nQiz **bekatda** turibdi.\n- Pasport yoʻq\n* Tarjimonni chaqiring -> tarjimon (+2)\n> Yaxshi tanlov.\n* Qaytish -> bekat\n\n# tarjimon (end)\nTarjimon keldi.\n```\n";
    let out = markdown(src, Script::Cyrl, &ex);
    for kept in [
        "# bekat\n",
        "# tarjimon (end)\n",
        "-> tarjimon (+2)\n",
        "-> bekat\n",
        "**бекатда**",
        "- Паспорт йўқ\n",
        "* Таржимонни чақиринг -> ",
        "> Яхши танлов.\n",
        "* Қайтиш -> ",
        "Таржимон келди.",
    ] {
        assert!(out.contains(kept), "missing {kept:?} in\n{out}");
    }
}

// ---------------------------------------------------------------- Fluent

#[derive(Debug, PartialEq)]
struct FtlShape {
    ids: Vec<String>,
    variables: Vec<String>,
    keys: Vec<String>,
    references: Vec<String>,
    junk: usize,
}

fn ftl_shape(src: &str) -> FtlShape {
    use fluent_syntax::ast::{
        Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
    };
    fn inline(e: &InlineExpression<&str>, s: &mut FtlShape) {
        match e {
            InlineExpression::VariableReference { id } => s.variables.push(id.name.to_string()),
            InlineExpression::MessageReference { id, .. } => s.references.push(id.name.to_string()),
            InlineExpression::TermReference { id, .. } => {
                s.references.push(format!("-{}", id.name))
            }
            InlineExpression::FunctionReference { id, arguments } => {
                s.references.push(format!("{}()", id.name));
                for a in &arguments.positional {
                    inline(a, s);
                }
            }
            InlineExpression::Placeable { expression } => expr(expression, s),
            InlineExpression::StringLiteral { value } => s.references.push(format!("\"{value}\"")),
            InlineExpression::NumberLiteral { value } => s.references.push(value.to_string()),
        }
    }
    fn expr(e: &Expression<&str>, s: &mut FtlShape) {
        match e {
            Expression::Inline(i) => inline(i, s),
            Expression::Select { selector, variants } => {
                inline(selector, s);
                for v in variants {
                    s.keys.push(match &v.key {
                        VariantKey::Identifier { name } => {
                            format!("{}{name}", if v.default { "*" } else { "" })
                        }
                        VariantKey::NumberLiteral { value } => value.to_string(),
                    });
                    pattern(&v.value, s);
                }
            }
        }
    }
    fn pattern(p: &Pattern<&str>, s: &mut FtlShape) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, s);
            }
        }
    }
    let res = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut s = FtlShape {
        ids: Vec::new(),
        variables: Vec::new(),
        keys: Vec::new(),
        references: Vec::new(),
        junk: 0,
    };
    for e in &res.body {
        match e {
            Entry::Message(m) => {
                s.ids.push(m.id.name.to_string());
                if let Some(p) = &m.value {
                    pattern(p, &mut s);
                }
                for a in &m.attributes {
                    s.ids.push(format!("{}.{}", m.id.name, a.id.name));
                    pattern(&a.value, &mut s);
                }
            }
            Entry::Term(t) => {
                s.ids.push(format!("-{}", t.id.name));
                pattern(&t.value, &mut s);
                for a in &t.attributes {
                    s.ids.push(format!("-{}.{}", t.id.name, a.id.name));
                    pattern(&a.value, &mut s);
                }
            }
            Entry::Junk { .. } => s.junk += 1,
            _ => {}
        }
    }
    s
}

#[test]
fn fluent_structure_survives() {
    let ex = Exceptions::builtin();
    for rel in [
        "locales/uz/course.ftl",
        "themes/default/locales/uz/theme.ftl",
    ] {
        let src = read(rel);
        let before = ftl_shape(&src);
        assert_eq!(before.junk, 0, "{rel}");
        assert!(!before.ids.is_empty(), "{rel}");
        let cyr = fluent(&src, Script::Cyrl, &ex);
        assert_eq!(ftl_shape(&cyr), before, "{rel}");
        assert!(
            cyr.contains("= Ўзбекча") || cyr.contains("Ўзбекистон"),
            "{rel}: {cyr}"
        );
        let lat = fluent(&cyr, Script::Latn, &ex);
        assert_eq!(ftl_shape(&lat), before, "{rel}");
        let mut back = Score::new();
        back.add(rel, &lat, &src);
        back.report(&format!("{rel} round trip"));
        assert!(back.percent() >= 99.0);
        let new = fluent(&src, Script::Latn2026, &ex);
        assert_eq!(ftl_shape(&new), before, "{rel}");
        assert_eq!(
            fluent(&new, Script::Latn, &ex),
            src,
            "{rel}: 2026 round trip"
        );
    }
}

#[test]
fn fluent_keeps_syntax() {
    let ex = Exceptions::builtin();
    let src = "# Izoh: $count soʻz\n-brand = Darslik\nmsg = { -brand } { $count ->\n    [one] bitta sahifa\n   *[other] { $count } ta sahifa\n}\n    .title = Sarlavha { NUMBER($n, style: \"percent\") }\nref = { msg } va { msg.title }\n";
    let out = fluent(src, Script::Cyrl, &ex);
    assert_eq!(
        out,
        "# Izoh: $count soʻz\n-brand = Дарслик\nmsg = { -brand } { $count ->\n    [one] битта саҳифа\n   *[other] { $count } та саҳифа\n}\n    .title = Сарлавҳа { NUMBER($n, style: \"percent\") }\nref = { msg } ва { msg.title }\n"
    );
}

// ---------------------------------------------------------------- apostrophes

#[test]
fn apostrophe_fixture() {
    let src = read("tests/fixtures/translit/apostrophes.md");
    let want = read("tests/fixtures/translit/apostrophes.expected.md");
    let fixes = apostrophe_fixes_markdown(&src);
    assert!(!fixes.is_empty());
    for f in &fixes {
        assert_eq!(&src[f.start..f.end], f.found);
        assert!(f.replacement == 'ʻ' || f.replacement == 'ʼ');
    }
    let fixed = apply_fixes(&src, &fixes);
    assert_eq!(fixed, want);
    assert!(apostrophe_fixes_markdown(&fixed).is_empty());
    assert_eq!(apply_fixes(&fixed, &fixes), fixed);
}

#[test]
fn apostrophes_in_fluent() {
    let src = "# o'zbek izoh\nmsg = O'zbekcha ma'lumot { $count }\n    .title = to‘g‘ri\n";
    let fixes = apostrophe_fixes_fluent(src);
    let fixed = apply_fixes(src, &fixes);
    assert_eq!(
        fixed,
        "# o'zbek izoh\nmsg = Oʻzbekcha maʼlumot { $count }\n    .title = toʻgʻri\n"
    );
    assert!(apostrophe_fixes_fluent(&fixed).is_empty());
}

// ---------------------------------------------------------------- robustness

#[test]
fn no_panics_on_garbage() {
    let ex = Exceptions::builtin();
    let pool: Vec<char> = "aAoOgGsShHcCyYeEtTnN'‘’`ʻʼ´ üéşŞçÇöÖğĞõōŏḡ\u{0308}\u{0327}цЦьЬъЪеЕёЁюЮяЯўЎқҚғҒҳҲэЭ 0123456789-/.:@#$&;{}[]()<>*_`~!?\"=+|\\\n\t+\r\u{200B}\u{FEFF}😀字"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..3000 {
        let len = (next() % 80) as usize;
        let mut s = String::new();
        if round % 7 == 0 {
            s.push_str("+++\ntitle = \"");
        }
        for _ in 0..len {
            s.push(pool[(next() % pool.len() as u64) as usize]);
        }
        for to in [Script::Cyrl, Script::Latn, Script::Latn2026] {
            let _ = convert(&s, to, &ex);
            let _ = markdown(&s, to, &ex);
            let _ = fluent(&s, to, &ex);
        }
        let f = apostrophe_fixes_markdown(&s);
        let fixed = apply_fixes(&s, &f);
        assert!(apostrophe_fixes_markdown(&fixed).is_empty(), "{s:?}");
        let g = apostrophe_fixes_fluent(&s);
        let _ = apply_fixes(&s, &g);
        let _ = Exceptions::builtin().with_course_toml(&s);
        let _ = Script::from_tag(&s);
    }
}
