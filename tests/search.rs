//! Offline search: the index of each locale of the sample course stays
//! within 35 % of the locale's text; the normalisation cases; and the
//! fixture that search.js is checked against (tests/browser/search.test.mjs).

use std::path::Path;

use darslik::search::normalize::{self, Lang};

fn sample() -> darslik::pipeline::Built {
    match darslik::build::whole(Path::new(env!("CARGO_MANIFEST_DIR"))) {
        Ok(b) => b,
        Err(d) => panic!("the sample course does not build: {d:?}"),
    }
}

#[test]
fn index_is_at_most_35_percent_of_the_text_of_each_locale() {
    let built = sample();
    assert!(!built.rendered.search.is_empty(), "no search index built");
    let mut report = Vec::new();
    for s in &built.rendered.search {
        let st = &s.index.stats;
        assert_eq!(st.index_bytes, s.index.js.len());
        report.push(format!(
            "{:8} text {:6} B, index {:6} B = {:4.1} %; {} pages, {} keys, {}/{} units kept, \
             {:.0} % of (page, word) pairs shown by a kept text, {:.0} % of rare ones",
            s.locale,
            st.text_bytes,
            st.index_bytes,
            st.percent(),
            st.pages,
            st.keys,
            st.units_kept,
            st.units,
            st.pairs_shown as f64 * 100.0 / st.pairs.max(1) as f64,
            st.rare_shown as f64 * 100.0 / st.rare_pairs.max(1) as f64,
        ));
        assert!(
            st.text_bytes > 10_000,
            "{}: text too small: {st:?}",
            s.locale
        );
        assert!(
            st.index_bytes * 100 <= st.text_bytes * 35,
            "{}: index {} B is more than 35 % of the text {} B",
            s.locale,
            st.index_bytes,
            st.text_bytes
        );
        assert!(s.index.js.starts_with("window.DARSLIK_SEARCH={"));
    }
    eprintln!("{}", report.join("\n"));
    let locales: Vec<&str> = built
        .rendered
        .search
        .iter()
        .map(|s| s.locale.as_str())
        .collect();
    for l in ["en", "ru", "uz", "uz-Cyrl"] {
        assert!(locales.contains(&l), "no index for {l}: {locales:?}");
    }
}

#[test]
fn the_site_has_a_search_page_and_index_per_locale_and_a_search_box_on_every_page() {
    let built = sample();
    let tree = darslik::output::site::tree(&built.rendered).expect("site tree");
    for l in ["en", "ru", "uz", "uz-Cyrl"] {
        let page = String::from_utf8(tree[&format!("{l}/search.html")].clone()).unwrap();
        assert!(
            page.contains("<script src=\"search-index.js\" defer></script>"),
            "{l}"
        );
        assert!(
            page.contains("<script src=\"../static/search.js\" defer></script>"),
            "{l}"
        );
        assert!(tree.contains_key(&format!("{l}/search-index.js")), "{l}");
    }
    assert!(tree.contains_key("static/search.js"));
    // Only the search page loads the index.
    for p in &built.rendered.pages {
        assert!(
            !p.html.contains("search-index.js"),
            "{} loads the index",
            p.path
        );
        let depth = p.path.matches('/').count() - 1;
        let action = format!("action=\"{}search.html\"", "../".repeat(depth));
        assert!(
            p.html.contains(&action),
            "{}: no search form with {action}",
            p.path
        );
        assert!(
            p.html
                .contains("<label class=\"visually-hidden\" for=\"site-search-q\">")
        );
    }
}

/// Normalisation cases: (language, text, keys). Also written to
/// tests/fixtures/search/normalize.tsv for the search.js check.
const CASES: &[(&str, &str, &str)] = &[
    // Uzbek: every apostrophe is the same letter; ʻ and ʼ are inside words.
    ("uz", "oʻzbek", "özbek"),
    ("uz", "o'zbek", "özbek"),
    ("uz", "o‘zbek", "özbek"),
    ("uz", "o’zbek", "özbek"),
    ("uz", "o`zbek", "özbek"),
    ("uz", "oʼzbek", "özbek"),
    ("uz", "O‘ZBEKISTON", "özbekist"),
    ("uz", "toʻgʻrisidagi", "töğri"),
    ("uz", "to'g'risidagi", "töğri"),
    ("uz", "taʼrif ta'rifi", "ta'rif ta'rifi"),
    ("uz", "togʻ", "toğ"),
    ("uz", "‘Adolat’ va 'haq'", "adolat va haq"),
    // 2026 alphabet and earlier drafts = 1995 alphabet
    ("uz", "şahar çiqish öz ğisht", "shahar chiqish öz ğisht"),
    ("uz", "ŏz õz ōz", "öz öz öz"),
    ("uz", "soʻz soz", "söz soz"),
    // Uzbek suffixes
    (
        "uz",
        "jabrlanuvchilarning jabrlanuvchi",
        "jabrlanu jabrlanu",
    ),
    ("uz", "odamlarga odam", "odam odam"),
    ("uz", "savdosi savdo", "savdo savdo"),
    // Uzbek Cyrillic keeps its letters, ё included
    (
        "uz",
        "Ўзбекистон ғалаба қонун ҳуқуқ ёш",
        "ўзбекист ғалаба қонун ҳуқуқ ёш",
    ),
    ("uz", "одамларнинг", "одам"),
    // Russian: ё = е, й stays (even decomposed), stress marks go, endings
    ("ru", "Ещё ЁЛКА", "еще елк"),
    (
        "ru",
        "доказательства доказательствами доказательств",
        "доказате доказате доказате",
    ),
    ("ru", "жертва жертвы жертвой", "жертв жертв жертв"),
    ("ru", "показания показаниями", "показан показан"),
    (
        "ru",
        "уязвимость уязвимости уязвимостью",
        "уязвим уязвим уязвим",
    ),
    ("ru", "и\u{0306}од зна\u{0301}ние", "йод знан"),
    ("ru", "очная ставка", "очн ставк"),
    // English
    ("en", "Victims victim's victims'", "victim victim victim"),
    (
        "en",
        "trafficking trafficked traffickers",
        "traffick traffick traffick",
    ),
    ("en", "cases case parties party", "cas cas parti parti"),
    ("en", "witnesses processes", "witness process"),
    ("en", "corroboration corroborating", "corrobor corrobor"),
    (
        "en",
        "Café naïve Ångström Straße",
        "caf naiv angstrom strass",
    ),
    (
        "en",
        "co-operation 2000-yil ILO's",
        "co operatio 2000 yil ilo",
    ),
    (
        "en",
        "soft\u{00AD}hyphen zero\u{200B}width",
        "softhyph zerowidt",
    ),
    ("en", "İstanbul ΣΟΦΟΣ", "istanbul σοφος"),
    ("en", "a I x 7", ""),
];

#[test]
fn normalisation_cases_and_the_fixture_for_search_js() {
    let mut tsv = format!(
        "# lang\ttext\tkeys (space-separated); written by tests/search.rs, read by tests/browser/search.test.mjs\n\
         #key_chars\t{}\n",
        normalize::KEY_CHARS
    );
    let mut wrong = Vec::new();
    for (lang, text, want) in CASES {
        let got = normalize::keys(text, Lang::from_tag(lang)).join(" ");
        if got != *want {
            wrong.push(format!("{lang} {text:?}: got {got:?}, want {want:?}"));
        }
        tsv.push_str(&format!("{lang}\t{text}\t{got}\n"));
    }
    assert!(wrong.is_empty(), "normalisation:\n{}", wrong.join("\n"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/normalize.tsv");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old != tsv {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &tsv).unwrap();
    }
}

#[test]
fn key_length_is_what_the_index_says() {
    let built = sample();
    let js = &built.rendered.search[0].index.js;
    assert!(js.contains(&format!("\"n\":{}", normalize::KEY_CHARS)));
}

/// Every word of every page is found: either the index shows it (title,
/// description, a heading or a kept unit, which search.js reads) or a
/// posting names the page. Decodes the index as search.js does.
#[test]
fn every_body_word_of_every_page_can_be_found() {
    let built = sample();
    let mut missing = Vec::new();
    for s in &built.rendered.search {
        let lang = Lang::from_tag(&s.locale);
        let json = s
            .index
            .js
            .strip_prefix("window.DARSLIK_SEARCH=")
            .and_then(|j| j.trim_end().strip_suffix(';'))
            .expect("index script shape");
        let v: serde_json::Value = serde_json::from_str(json).expect("index JSON");
        let width = v["w"].as_u64().unwrap() as usize;
        const DIGITS: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
        // Front-coded keys.
        let mut keys: Vec<String> = Vec::new();
        let mut prev: Vec<char> = Vec::new();
        let mut cur: Option<Vec<char>> = None;
        for c in v["k"].as_str().unwrap().chars() {
            if c.is_ascii_uppercase() {
                if let Some(k) = cur.take() {
                    keys.push(k.iter().collect());
                    prev = k;
                }
                cur = Some(prev[..(c as u8 - b'A') as usize].to_vec());
            } else if let Some(k) = cur.as_mut() {
                k.push(c);
            }
        }
        keys.extend(cur.map(|k| k.into_iter().collect::<String>()));
        let lists: Vec<&str> = v["d"].as_str().unwrap().split(',').collect();
        assert_eq!(
            keys.len(),
            lists.len(),
            "{}: keys and posting lists",
            s.locale
        );
        let mut pairs = std::collections::HashSet::new();
        for (k, list) in keys.iter().zip(&lists) {
            for code in list.as_bytes().chunks(width) {
                let n = code
                    .iter()
                    .fold(0, |n, b| n * 64 + DIGITS.find(*b as char).unwrap());
                pairs.insert((k.clone(), n / 2));
            }
        }
        let pages = v["p"].as_array().unwrap();
        for key in built.course.page_keys() {
            let page = built.course.resolve_page(&s.locale, key).unwrap();
            let body = &built.bodies.site[&page.id()];
            let href = darslik::markdown::links::page_output(key);
            let pi = pages
                .iter()
                .position(|p| p[0] == href.as_str())
                .unwrap_or_else(|| panic!("{}: {href} not in the index", s.locale));
            let p = &pages[pi];
            let mut shown = std::collections::HashSet::new();
            let mut texts = vec![p[1].as_str().unwrap(), p[4].as_str().unwrap()];
            texts.extend(p[5].as_array().unwrap().iter().filter_map(|x| x.as_str()));
            for section in p[6].as_array().unwrap() {
                texts.extend(
                    section
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|u| u.as_str().unwrap()),
                );
            }
            for t in texts {
                shown.extend(normalize::keys(t, lang));
            }
            let text = darslik::search::extract::extract(&body.html);
            for (_, unit) in text.units() {
                for k in normalize::keys(unit, lang) {
                    if !shown.contains(&k) && !pairs.contains(&(k.clone(), pi)) {
                        missing.push(format!("{} {href}: {k}", s.locale));
                    }
                }
            }
        }
    }
    missing.dedup();
    assert!(
        missing.is_empty(),
        "{} words cannot be found:\n{}",
        missing.len(),
        missing[..missing.len().min(30)].join("\n")
    );
}
