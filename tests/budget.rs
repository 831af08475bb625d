//! Issue 26: what a learner's phone downloads and parses on each kind of
//! page: the JavaScript and CSS every page of the sample course loads (its
//! `<link rel=stylesheet>` and `<script src>` files, and inline `<style>`
//! and `<script>` code), in every output: site pages by kind, SCORM SCOs,
//! single-file modules. Each kind has a budget in bytes, uncompressed; the
//! test prints what every file of the heaviest page of each kind costs.
//! A search page's index (`search-index*.js`) is the course's text, not
//! code: it is measured by benches/device.mjs (load time), not here.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::darslik;

/// Bytes of JS + CSS a page of this kind may load, uncompressed. 40 000 B
/// is issue 26's budget, which every site page keeps but a graded test's.
/// A test page carries forms.js and assess.js; a module document carries
/// the code of every kind of page it holds and, in SCORM, the LMS bridge
/// (scorm-state.js, scorm.js). Those three are over 40 000 B, and held
/// here to about what they load today so that they do not grow unnoticed.
fn budget(kind: &str) -> usize {
    match kind {
        "page (test)" => 67_000,
        "SCORM SCO" => 117_000,
        "single file" => 100_500,
        _ => 40_000,
    }
}

#[derive(Default)]
struct Cost {
    /// (file or "inline <style>", bytes)
    files: Vec<(String, usize)>,
}

impl Cost {
    fn total(&self) -> usize {
        self.files.iter().map(|(_, n)| n).sum()
    }
}

/// The attribute values of `attr` in tags starting with `open` that also hold `with`.
fn refs<'a>(html: &'a str, open: &str, with: &str, attr: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(open) {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        let tag = &rest[at..tag_end];
        if tag.contains(with) {
            let key = format!("{attr}=\"");
            if let Some(s) = tag.find(&key) {
                let v = &tag[s + key.len()..];
                out.push(&v[..v.find('"').unwrap_or(v.len())]);
            }
        }
        rest = &rest[tag_end..];
    }
    out
}

/// Inline `<style>` and executable `<script>` bodies (JSON data excluded).
fn inline(html: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (open, close) in [("<style", "</style>"), ("<script", "</script>")] {
        let mut rest = html;
        while let Some(at) = rest.find(open) {
            let Some(tag_end) = rest[at..].find('>').map(|e| at + e + 1) else {
                break;
            };
            let tag = &rest[at..tag_end];
            let end = rest[tag_end..]
                .find(close)
                .map_or(rest.len(), |e| tag_end + e);
            let code = !tag.contains("src=") && !tag.contains("application/json");
            if code && end > tag_end {
                out.push((format!("inline {}", &open[1..]), end - tag_end));
            }
            rest = &rest[end..];
        }
    }
    out
}

/// What a page at `page` (a path inside `files`) loads.
fn cost(page: &str, html: &str, files: &BTreeMap<String, usize>) -> Cost {
    let dir = Path::new(page).parent().unwrap_or(Path::new(""));
    let mut c = Cost::default();
    let linked = refs(html, "<link", "stylesheet", "href")
        .into_iter()
        .chain(refs(html, "<script", "src=", "src"));
    for href in linked {
        if href.contains("search-index") {
            continue;
        }
        let mut p = PathBuf::from(dir);
        for part in href.split('/') {
            match part {
                ".." => {
                    p.pop();
                }
                "." | "" => {}
                x => p.push(x),
            }
        }
        let key = p.to_string_lossy().replace('\\', "/");
        let size = *files
            .get(&key)
            .unwrap_or_else(|| panic!("{page} loads {href}, which is not in the output"));
        c.files
            .push((href.rsplit('/').next().unwrap_or(href).to_string(), size));
    }
    c.files.extend(inline(html));
    c
}

/// A site page's kind, from its markup.
fn site_kind(html: &str) -> Option<&'static str> {
    let kind = refs(html, "<body", "data-kind", "data-kind")
        .first()
        .copied()?;
    Some(match kind {
        "chooser" => "language chooser",
        "home" => "course home",
        "module" => "module index",
        "search" => "search",
        "results" => "My results",
        "glossary" => "glossary",
        "page" if html.contains("class=\"assess\"") => "page (test)",
        "page" if html.contains("<section class=\"scenario") => "page (scenario)",
        "page" if html.contains("class=\"quiz") => "page (quiz)",
        "page" => "content page",
        _ => return None,
    })
}

fn walk(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn every_kind_of_page_loads_js_and_css_within_its_budget() {
    let out = tempfile::tempdir().unwrap();
    let o = out.path().to_string_lossy().into_owned();
    let repo = common::repo_root().to_string_lossy().into_owned();
    let r = darslik(&[
        "build",
        "--course",
        &repo,
        "--out",
        &o,
        "--format",
        "site,scorm12,scorm2004,single",
    ]);
    assert!(r.status.success(), "{}", common::stderr(&r));

    // kind → (pages, the heaviest page, its cost)
    let mut kinds: BTreeMap<&str, (usize, String, Cost)> = BTreeMap::new();
    let mut note = |kind: &'static str, name: String, c: Cost| {
        let e = kinds
            .entry(kind)
            .or_insert((0, String::new(), Cost::default()));
        e.0 += 1;
        if c.total() >= e.2.total() {
            e.1 = name;
            e.2 = c;
        }
    };

    // The site: every page of every locale.
    let site = out.path().join("site");
    let mut files = BTreeMap::new();
    for p in walk(&site) {
        let rel = p
            .strip_prefix(&site)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        files.insert(rel, std::fs::metadata(&p).unwrap().len() as usize);
    }
    // tables.js (a wide table's scroll hint) is loaded where a table is, and
    // only there: (pages with a table, without) and the pages that disagree.
    let mut tables = (0, 0, Vec::new());
    let mut check_tables = |name: String, html: &str, c: &Cost| {
        let has = html.contains(darslik::markdown::TABLE_WRAP);
        let loads = c.files.iter().any(|(f, _)| f == "tables.js");
        if has {
            tables.0 += 1
        } else {
            tables.1 += 1
        }
        if has != loads {
            tables.2.push(name);
        }
    };
    for rel in files.keys().filter(|k| k.ends_with(".html")) {
        let html = std::fs::read_to_string(site.join(rel)).unwrap();
        if let Some(kind) = site_kind(&html) {
            let c = cost(rel, &html, &files);
            check_tables(format!("site/{rel}"), &html, &c);
            note(kind, format!("site/{rel}"), c);
        }
    }

    // SCORM: every SCO of every package, from the zips as an LMS gets them.
    for version in ["scorm12", "scorm2004"] {
        for zip in walk(&out.path().join(version)) {
            let bytes = std::fs::read(&zip).unwrap();
            let entries = darslik::output::zipper::read_zip(&bytes).unwrap();
            let sizes: BTreeMap<String, usize> =
                entries.iter().map(|(n, d)| (n.clone(), d.len())).collect();
            for (name, data) in &entries {
                let html = String::from_utf8_lossy(data);
                if name.ends_with(".html") && html.contains("data-kind=\"module-doc\"") {
                    let zip_name = zip.file_name().unwrap().to_string_lossy();
                    let c = cost(name, &html, &sizes);
                    check_tables(format!("{version}/{zip_name}:{name}"), &html, &c);
                    note("SCORM SCO", format!("{version}/{zip_name}:{name}"), c);
                }
            }
        }
    }

    // Single-file modules: everything inline.
    for p in walk(&out.path().join("single")) {
        if p.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&p).unwrap();
            let name = p
                .strip_prefix(out.path())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            note(
                "single file",
                name,
                Cost {
                    files: inline(&html),
                },
            );
        }
    }

    let mut report =
        String::from("JS + CSS each kind of page loads (the heaviest page of the kind), bytes:\n");
    let mut over = Vec::new();
    for (kind, (n, page, c)) in &kinds {
        let b = budget(kind);
        report.push_str(&format!(
            "{kind:18} {:>7} of {b:>7}  ({n} pages; {page})\n",
            c.total()
        ));
        for (f, size) in &c.files {
            report.push_str(&format!("{:22}{size:>7}  {f}\n", ""));
        }
        if c.total() > b {
            over.push(format!(
                "{kind}: {page} loads {} B, over its {b} B",
                c.total()
            ));
        }
    }
    println!("{report}");
    let (with, without, wrong) = tables;
    println!("tables.js: {with} pages and SCOs with a table, {without} without");
    assert!(
        with >= 10 && without >= 10,
        "the sample should have pages with and without tables"
    );
    assert!(
        wrong.is_empty(),
        "a table without tables.js, or tables.js without a table: {wrong:#?}"
    );
    for want in [
        "language chooser",
        "course home",
        "module index",
        "content page",
        "page (quiz)",
        "page (test)",
        "page (scenario)",
        "search",
        "My results",
        "SCORM SCO",
        "single file",
    ] {
        assert!(
            kinds.contains_key(want),
            "no {want} in the sample course's outputs\n{report}"
        );
    }
    assert!(over.is_empty(), "{}\n\n{report}", over.join("\n"));
}
