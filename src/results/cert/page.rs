//! The certificate page: one self-contained A4 HTML file (inline CSS and
//! SVG, no script, nothing fetched), and reading a page back for `verify`.
//!
//! Every field the signature covers is written twice: as a `data-*`
//! attribute of the sheet and as the text people see (`data-field`), so
//! `verify FILE` can compare what the page shows with what was signed.

use std::fmt::Write;

use crate::render::escape::escape_html;

use super::code::{Claim, civil_from_days, grouped};
use super::text::{Lang, Words};

/// Everything one certificate shows.
pub struct Sheet<'a> {
    pub claim: &'a Claim,
    pub code: &'a str,
    pub lang: Lang,
    pub organisation: &'a str,
    pub course_title: &'a str,
    pub module_title: &'a str,
    pub key_id: &'a str,
    /// Who signs (the key file's `signer:` line), if given.
    pub signer: Option<&'a str>,
    /// The file name of this certificate and of the public key, for the
    /// `darslik results verify` line.
    pub file_name: &'a str,
    pub pub_name: &'a str,
}

/// The text shown for the signed date in `lang`.
pub fn shown_date(claim: &Claim, lang: Lang) -> String {
    lang.date(civil_from_days(i64::from(claim.day)))
}

/// The text shown for the signed score in `lang` (a dash without a score).
pub fn shown_score(claim: &Claim, lang: Lang) -> String {
    claim
        .score_plain()
        .map(|s| lang.score(&s))
        .unwrap_or_else(|| "—".into())
}

/// The code as printed: groups of five, a space between.
pub fn shown_code(code: &str) -> String {
    grouped(code).join(" ")
}

/// A size class for a line of `text`: long names and titles get smaller
/// type (the `--*b` base sizes in the CSS).
fn size_class(text: &str, steps: [usize; 3]) -> usize {
    let n = text.chars().count();
    steps.iter().take_while(|&&s| n > s).count()
}

const NAME_STEPS: [usize; 3] = [26, 40, 70];
const NAME_PT: [f64; 4] = [30.0, 23.0, 17.0, 14.0];
const MODULE_STEPS: [usize; 3] = [50, 90, 160];
const MODULE_PT: [f64; 4] = [19.0, 15.0, 12.0, 10.0];
const COURSE_STEPS: [usize; 3] = [60, 110, 180];
const COURSE_PT: [f64; 4] = [10.5, 9.0, 7.5, 7.5];

/// How tightly a sheet is set: the sizes of each density (`d0`, `d1`,
/// `d2` in the CSS), so a long name, organisation or title still fits one
/// page.
struct Density {
    h1: f64,
    h1_gap: f64,
    sub: f64,
    rule: f64,
    lead: f64,
    lead_gap: f64,
    scale: f64,
    org: f64,
    seal: f64,
    code: f64,
    qr: f64,
}

const DENSITIES: [Density; 3] = [
    Density {
        h1: 40.0,
        h1_gap: 5.0,
        sub: 13.0,
        rule: 4.0,
        lead: 12.5,
        lead_gap: 2.5,
        scale: 1.0,
        org: 12.5,
        seal: 30.0,
        code: 9.0,
        qr: 36.0,
    },
    Density {
        h1: 30.0,
        h1_gap: 3.0,
        sub: 11.5,
        rule: 3.0,
        lead: 11.0,
        lead_gap: 1.5,
        scale: 0.85,
        org: 11.0,
        seal: 22.0,
        code: 8.0,
        qr: 32.0,
    },
    Density {
        h1: 22.0,
        h1_gap: 1.5,
        sub: 10.0,
        rule: 2.0,
        lead: 10.0,
        lead_gap: 0.8,
        scale: 0.7,
        org: 9.5,
        seal: 15.0,
        code: 7.0,
        qr: 28.0,
    },
];

const MM: f64 = 0.3528; // one point in millimetres
/// The sheet's inner width and height (A4 less the page margins and the
/// sheet's padding), in millimetres.
const WIDTH: f64 = 154.0;
const HEIGHT: f64 = 250.0;

/// The height of a block of `chars` characters at `pt`, `cw` ems per
/// character on average, `lh` line height, in a box `width` mm wide.
fn block(chars: usize, width: f64, pt: f64, cw: f64, lh: f64) -> f64 {
    let per_line = (width / (pt * MM * cw)).floor().max(1.0);
    let lines = (chars.max(1) as f64 / per_line).ceil();
    lines * pt * MM * lh
}

/// The code's lines at `pt`: groups of five, as many as fit beside the QR.
fn code_lines(code: &str, width: f64, pt: f64) -> f64 {
    let em = pt * MM;
    let groups = code.len().div_ceil(5) as f64;
    let per_line = ((width + 0.85 * em) / (3.85 * em)).floor().max(1.0);
    (groups / per_line).ceil()
}

/// Who signed, as the footer says it.
fn signed_line(s: &Sheet, w: &Words) -> String {
    match s.signer {
        Some(who) => format!("{} {who}", w.signed_by),
        None => w.signed.clone(),
    }
}

/// The estimated height of the sheet's content at density `d`, mm.
fn height(s: &Sheet, w: &Words, d: &Density) -> f64 {
    let n = |t: &str| t.chars().count();
    let c = s.claim;
    let course_pt = COURSE_PT[size_class(s.course_title, COURSE_STEPS)];
    let header = block(n(s.course_title), WIDTH - 16.0, course_pt, 0.8, 1.25)
        + 2.0
        + d.h1 * MM * 1.05
        + d.h1_gap
        + d.sub * MM * 1.25
        + 1.5
        + d.rule
        + 3.0;
    let lead = |t: &str| block(n(t), WIDTH, d.lead, 0.52, 1.25) + 2.0 * d.lead_gap;
    let name_pt = NAME_PT[size_class(&c.name, NAME_STEPS)] * d.scale;
    let module_pt = MODULE_PT[size_class(s.module_title, MODULE_STEPS)] * d.scale;
    let body = lead(&w.lead)
        + lead(&w.completed)
        + lead(&format!("{} {}", w.of_course, s.course_title))
        + block(n(&c.name), WIDTH, name_pt, 0.56, 1.15)
        + 6.0
        + if s.organisation.trim().is_empty() {
            0.0
        } else {
            block(n(s.organisation), WIDTH, d.org, 0.62, 1.25) + 4.0
        }
        + block(n(s.module_title) + 2, WIDTH - 12.0, module_pt, 0.62, 1.25)
        + 4.0;
    let facts = d.seal.max(d.lead * MM * 3.0) + 7.0;
    let text_w = WIDTH - d.qr - 6.0;
    let how = n(&w.how) + 40 + s.file_name.chars().count() + s.pub_name.chars().count();
    let text = block(n(&signed_line(s, w)) + 14, text_w, 8.5, 0.62, 1.25)
        + 2.0
        + 3.0
        + code_lines(s.code, text_w, d.code) * d.code * MM * 1.45
        + 2.5
        + block(
            c.course.len() + c.version.len() + c.module.len() + 6,
            text_w,
            7.0,
            0.6,
            1.3,
        )
        + 1.5
        + block(how, text_w, 6.8, 0.58, 1.35);
    let footer = 3.5 + text.max(d.qr);
    header + body + facts + footer
}

/// The loosest density whose content fits the sheet.
fn density(s: &Sheet, w: &Words) -> usize {
    (0..DENSITIES.len())
        .find(|&i| height(s, w, &DENSITIES[i]) <= HEIGHT - 4.0)
        .unwrap_or(DENSITIES.len() - 1)
}

fn e(s: &str) -> String {
    escape_html(s)
}

/// The QR code of `code` as an inline SVG element.
pub fn qr_svg(code: &str, label: &str) -> Result<String, String> {
    let qr = qrcode::QrCode::with_error_correction_level(code.as_bytes(), qrcode::EcLevel::M)
        .map_err(|err| crate::msg!("results-cert-no-qr", detail = err.to_string()).local())?;
    let svg = qr
        .render::<qrcode::render::svg::Color>()
        .dark_color(qrcode::render::svg::Color("#000"))
        .light_color(qrcode::render::svg::Color("#fff"))
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .build();
    let start = svg.find("<svg").unwrap_or(0);
    let svg = &svg[start..];
    Ok(svg.replacen(
        "<svg ",
        &format!(
            "<svg class=\"qr\" role=\"img\" aria-label=\"{}\" ",
            e(label)
        ),
        1,
    ))
}

/// A guilloche-like rosette: `loops` copies of one wavy ring, each turned
/// a little (`<use>`, so the curve is written once).
fn rosette(id: &str, (cx, cy): (f64, f64), r: f64, amp: f64, waves: u32, loops: u32) -> String {
    let mut d = String::new();
    let steps = 240;
    for i in 0..steps {
        let t = f64::from(i) * std::f64::consts::TAU / f64::from(steps);
        let rr = r + amp * (f64::from(waves) * t).sin();
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if i == 0 { "M" } else { "L" },
            cx + rr * t.cos(),
            cy + rr * t.sin()
        );
    }
    let mut out = format!("<path id=\"{id}\" d=\"{d}Z\"/>");
    for l in 1..loops {
        let deg = f64::from(l) * 360.0 / f64::from(waves * loops);
        let _ = write!(
            out,
            "<use href=\"#{id}\" transform=\"rotate({deg:.3} {cx} {cy})\"/>"
        );
    }
    out
}

/// The seal: a serrated gold disc with rings and a star.
fn seal() -> String {
    let mut edge = String::new();
    let teeth = 40;
    for i in 0..teeth * 2 {
        let a = f64::from(i) * std::f64::consts::PI / f64::from(teeth);
        let r = if i % 2 == 0 { 50.0 } else { 46.5 };
        let _ = write!(
            edge,
            "{}{:.2} {:.2}",
            if i == 0 { "M" } else { "L" },
            50.0 + r * a.cos(),
            50.0 + r * a.sin()
        );
    }
    let mut star = String::new();
    for i in 0..10 {
        let a = -std::f64::consts::FRAC_PI_2 + f64::from(i) * std::f64::consts::PI / 5.0;
        let r = if i % 2 == 0 { 17.0 } else { 7.0 };
        let _ = write!(
            star,
            "{}{:.2} {:.2}",
            if i == 0 { "M" } else { "L" },
            50.0 + r * a.cos(),
            50.0 + r * a.sin()
        );
    }
    format!(
        "<svg class=\"seal\" viewBox=\"0 0 100 100\" aria-hidden=\"true\">\
         <path d=\"{edge}Z\" fill=\"#b8923a\"/>\
         <circle cx=\"50\" cy=\"50\" r=\"41\" fill=\"#c9a54e\" stroke=\"#fff6d8\" stroke-width=\"1.2\"/>\
         <g fill=\"none\" stroke=\"#8a6a22\" stroke-width=\"0.5\">{}</g>\
         <circle cx=\"50\" cy=\"50\" r=\"26\" fill=\"#b8923a\" stroke=\"#fff6d8\" stroke-width=\"1\"/>\
         <path d=\"{star}Z\" fill=\"#fff6d8\"/></svg>",
        rosette("seal-ring", (50.0, 50.0), 34.0, 4.0, 12, 3)
    )
}

/// A corner ornament (top left; CSS turns the copies).
fn corner() -> &'static str {
    "<svg class=\"corner\" viewBox=\"0 0 60 60\" aria-hidden=\"true\">\
     <path d=\"M4 56V12a8 8 0 0 1 8-8h44\" fill=\"none\" stroke=\"#b8923a\" stroke-width=\"1.6\"/>\
     <path d=\"M10 56V18a8 8 0 0 1 8-8h38\" fill=\"none\" stroke=\"#1f3a5f\" stroke-width=\"0.8\"/>\
     <circle cx=\"12\" cy=\"12\" r=\"3.2\" fill=\"#b8923a\"/>\
     <path d=\"M20 20q8-2 12 4q-6 0-12-4zM20 20q-2 8 4 12q0-6-4-12z\" fill=\"#b8923a\"/></svg>"
}

/// The whole page.
pub fn render(s: &Sheet) -> Result<String, String> {
    let w: Words = s.lang.words();
    let c = s.claim;
    let date = shown_date(c, s.lang);
    let score = shown_score(c, s.lang);
    let (lq, rq) = w.quote;
    let qr = qr_svg(s.code, &format!("QR — {}", w.code))?;
    let name_size = format!("s{}", size_class(&c.name, NAME_STEPS));
    let module_size = format!("s{}", size_class(s.module_title, MODULE_STEPS));
    let course_size = format!("s{}", size_class(s.course_title, COURSE_STEPS));
    let dense = density(s, &w);

    let mut h = String::with_capacity(24 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"darslik\">\n\
         <title>{heading} — {name} — {module_title}</title>\n<style>{css}</style>\n</head>\n<body>\n",
        lang = s.lang.tag(),
        heading = e(&w.heading),
        name = e(&c.name),
        module_title = e(s.module_title),
        css = CSS,
    );
    let _ = write!(
        h,
        "<main class=\"sheet d{dense}\" data-darslik-certificate=\"1\" data-page-signature=\"\" data-code=\"{code}\" \
         data-course=\"{course}\" data-version=\"{version}\" data-module=\"{module}\" \
         data-name=\"{name}\" data-date=\"{date_iso}\" data-score=\"{score_plain}\">\n\
         <svg class=\"watermark\" viewBox=\"0 0 200 200\" aria-hidden=\"true\">\
         <g fill=\"none\" stroke=\"#b8923a\" stroke-width=\"0.35\" opacity=\"0.22\">{wm}</g></svg>\n\
         {corner}{corner}{corner}{corner}\n",
        code = e(s.code),
        course = e(&c.course),
        version = e(&c.version),
        module = e(&c.module),
        name = e(&c.name),
        date_iso = c.date_iso(),
        score_plain = e(&c.score_plain().unwrap_or_default()),
        wm = rosette("wm-outer", (100.0, 100.0), 80.0, 9.0, 18, 4)
            + &rosette("wm-inner", (100.0, 100.0), 56.0, 6.0, 14, 3),
        corner = corner(),
    );
    let _ = write!(
        h,
        "<header>\n<p class=\"course-top {course_size}\">{course_title}</p>\n\
         <h1>{heading}</h1>\n<p class=\"subheading\">{subheading}</p>\n\
         <div class=\"rule\" aria-hidden=\"true\"><span></span><i></i><span></span></div>\n</header>\n",
        course_title = e(s.course_title),
        heading = e(&w.heading),
        subheading = e(&w.subheading),
    );
    let _ = write!(
        h,
        "<section class=\"body\">\n<p class=\"lead\">{lead}</p>\n\
         <p class=\"name {name_size}\" data-field=\"name\">{name}</p>\n",
        lead = e(&w.lead),
        name = e(&c.name),
    );
    if !s.organisation.trim().is_empty() {
        let _ = writeln!(h, "<p class=\"org\">{}</p>", e(s.organisation.trim()));
    }
    let _ = write!(
        h,
        "<p class=\"lead\">{completed}</p>\n\
         <p class=\"module {module_size}\">{lq}{module_title}{rq}</p>\n\
         <p class=\"lead course-line\">{of_course} <span class=\"course-name\">{lq}{course_title}{rq}</span></p>\n\
         </section>\n",
        completed = e(&w.completed),
        module_title = e(s.module_title),
        of_course = e(&w.of_course),
        course_title = e(s.course_title),
    );
    let _ = write!(
        h,
        "<div class=\"facts\">\n<dl><dt>{score_l}</dt><dd data-field=\"score\">{score}</dd></dl>\n\
         <div class=\"seal-cell\">{seal}</div>\n\
         <dl><dt>{date_l}</dt><dd><time datetime=\"{date_iso}\" data-field=\"date\">{date}</time></dd></dl>\n</div>\n",
        score_l = e(&w.score),
        score = e(&score),
        seal = seal(),
        date_l = e(&w.date),
        date_iso = c.date_iso(),
        date = e(&date),
    );
    let _ = write!(
        h,
        "<footer>\n<div class=\"check\">\n\
         <p class=\"signed\">{signed} <span class=\"key\">({key} {key_id})</span></p>\n\
         <p class=\"code-label\">{code_l}</p>\n\
         <p class=\"code\" data-field=\"code\">{shown_code}</p>\n\
         <p class=\"ids\"><span data-field=\"course\">{course}</span> · <span data-field=\"version\">{version}</span> · <span data-field=\"module\">{module}</span></p>\n\
         <p class=\"how\">{how} <code>darslik results verify {file} --pubkey {pub_name}</code></p>\n\
         </div>\n<div class=\"qr-cell\">{qr}</div>\n</footer>\n</main>\n</body>\n</html>\n",
        signed = e(&signed_line(s, &w)),
        key = e(&w.key),
        key_id = e(s.key_id),
        code_l = e(&w.code),
        shown_code = e(&shown_code(s.code)),
        course = e(&c.course),
        version = e(&c.version),
        module = e(&c.module),
        how = e(&w.how),
        file = e(&shell_word(s.file_name)),
        pub_name = e(&shell_word(s.pub_name)),
    );
    Ok(h)
}

/// A file name as one shell word (quoted when it needs to be).
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ',' | '+'))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

const CSS: &str = r#"
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e8e4da; color: #1d2733;
  font-family: Georgia, "DejaVu Serif", "Liberation Serif", "Times New Roman", serif; }
.sheet { --h1: 40pt; --h1gap: 5mm; --sub: 13pt; --rule: 4mm; --lead: 12.5pt; --leadgap: 2.5mm; --scale: 1;
  --org: 12.5pt; --seal: 30mm; --code: 9pt; --qr: 36mm;
  position: relative; width: 190mm; height: 276mm; margin: 14mm auto; padding: 15mm 18mm 11mm;
  background: #fffdf7; overflow: hidden; display: flex; flex-direction: column;
  border: 1.3mm solid #1f3a5f; outline: 0.35mm solid #b8923a; outline-offset: -3.2mm;
  box-shadow: 0 0 0 10mm #fffdf7, 0 0 0 calc(10mm + 1px) #cfc8b8, 0 6mm 18mm 10mm rgba(40,30,10,.18); }
.sheet.d1 { --h1: 30pt; --h1gap: 3mm; --sub: 11.5pt; --rule: 3mm; --lead: 11pt; --leadgap: 1.5mm; --scale: .85;
  --org: 11pt; --seal: 22mm; --code: 8pt; --qr: 32mm; }
.sheet.d2 { --h1: 22pt; --h1gap: 1.5mm; --sub: 10pt; --rule: 2mm; --lead: 10pt; --leadgap: .8mm; --scale: .7;
  --org: 9.5pt; --seal: 15mm; --code: 7pt; --qr: 28mm; }
.watermark { position: absolute; left: 50%; top: 46%; width: 150mm; height: 150mm; transform: translate(-50%, -50%); z-index: 0; }
.corner { position: absolute; width: 13mm; height: 13mm; z-index: 1; }
.corner:nth-of-type(2) { left: 4.6mm; top: 4.6mm; }
.corner:nth-of-type(3) { right: 4.6mm; top: 4.6mm; transform: scaleX(-1); }
.corner:nth-of-type(4) { left: 4.6mm; bottom: 4.6mm; transform: scaleY(-1); }
.corner:nth-of-type(5) { right: 4.6mm; bottom: 4.6mm; transform: scale(-1, -1); }
header, .body, .facts, footer { position: relative; z-index: 2; }
header { text-align: center; flex: 0 0 auto; }
.course-top { margin: 2mm 8mm 0; font-size: var(--cb); line-height: 1.25; letter-spacing: .18em; text-transform: uppercase; color: #1f3a5f;
  font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; overflow-wrap: anywhere; }
.course-top.s0 { --cb: 10.5pt; } .course-top.s1 { --cb: 9pt; letter-spacing: .1em; }
.course-top.s2, .course-top.s3 { --cb: 7.5pt; letter-spacing: .05em; }
h1 { margin: var(--h1gap) 0 0; font-size: var(--h1); font-weight: normal; letter-spacing: .12em; text-transform: uppercase; color: #1f3a5f; line-height: 1.05; }
.subheading { margin: 1.5mm 0 0; font-size: var(--sub); line-height: 1.25; font-style: italic; color: #8a6a22; }
.rule { display: flex; align-items: center; justify-content: center; gap: 3mm; margin: var(--rule) auto 0; }
.rule span { display: block; width: 38mm; border-top: 0.35mm solid #b8923a; }
.rule i { display: block; width: 2.6mm; height: 2.6mm; background: #b8923a; transform: rotate(45deg); }
.body { flex: 1 1 auto; display: flex; flex-direction: column; justify-content: safe center; text-align: center; min-height: 0; }
.lead { margin: var(--leadgap) 0; font-size: var(--lead); line-height: 1.25; font-style: italic; color: #4a5563; }
.name { margin: 3mm 0 1mm; font-size: calc(var(--nb) * var(--scale)); line-height: 1.15; color: #14283f; overflow-wrap: anywhere;
  padding-bottom: 2mm; border-bottom: 0.3mm solid #d9c79a; display: inline-block; align-self: center; max-width: 100%; }
.name.s0 { --nb: 30pt; } .name.s1 { --nb: 23pt; } .name.s2 { --nb: 17pt; } .name.s3 { --nb: 14pt; }
.org { margin: 1mm 0 3mm; font-size: var(--org); line-height: 1.25; color: #1f3a5f; overflow-wrap: anywhere; font-variant: small-caps; letter-spacing: .04em; }
.module { margin: 2mm 6mm; font-size: calc(var(--mb) * var(--scale)); line-height: 1.25; color: #14283f; font-weight: bold; overflow-wrap: anywhere; }
.module.s0 { --mb: 19pt; } .module.s1 { --mb: 15pt; } .module.s2 { --mb: 12pt; } .module.s3 { --mb: 10pt; }
.course-line { overflow-wrap: anywhere; }
.course-name { font-style: normal; color: #1d2733; }
.facts { flex: 0 0 auto; display: grid; grid-template-columns: 1fr calc(var(--seal) + 4mm) 1fr; align-items: center; margin: 3mm 4mm; }
.facts > * { margin: 0; text-align: center; }
.facts dt { font-size: 8.5pt; letter-spacing: .16em; text-transform: uppercase; color: #6b7482;
  font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
.facts dd { margin: 1.5mm 4mm 0; padding-top: 1.5mm; border-top: 0.3mm solid #b8923a; font-size: 15pt; color: #14283f; white-space: nowrap; }
.seal { width: var(--seal); height: var(--seal); display: block; margin: 0 auto; }
footer { flex: 0 0 auto; display: flex; align-items: flex-end; gap: 6mm; padding-top: 3.5mm; border-top: 0.3mm solid #d9c79a; }
.check { flex: 1 1 auto; min-width: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #3b4452; }
.signed { margin: 0 0 2mm; font-size: 8.5pt; line-height: 1.25; font-weight: bold; color: #1f3a5f; }
.key { font-weight: normal; color: #6b7482; }
.code-label { margin: 0; font-size: 7pt; letter-spacing: .16em; text-transform: uppercase; color: #6b7482; }
.code { margin: 1mm 0 1.5mm; font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: var(--code);
  line-height: 1.45; word-spacing: .25em; color: #14283f; overflow-wrap: anywhere; text-wrap: balance; }
.ids { margin: 0 0 1.5mm; font-size: 7pt; line-height: 1.3; color: #6b7482; overflow-wrap: anywhere; }
.how { margin: 0; font-size: 6.8pt; line-height: 1.35; color: #6b7482; }
.how code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 6.5pt; color: #3b4452; overflow-wrap: anywhere; }
.qr-cell { flex: 0 0 auto; }
.qr { display: block; width: var(--qr); height: var(--qr); }
@media print {
  body { background: none; }
  .sheet { margin: 0; box-shadow: none; break-inside: avoid; page-break-inside: avoid; }
}
"#;

/// What a certificate page claims: the code and the texts shown.
#[derive(Debug, Default)]
pub struct Read {
    pub lang: Option<Lang>,
    /// `data-*` attribute name → every value found (the sheet's).
    pub attrs: Vec<(String, Vec<String>)>,
    /// `data-field` name → every text shown.
    pub fields: Vec<(String, Vec<String>)>,
    /// `datetime` of the date shown.
    pub datetimes: Vec<String>,
}

/// The names of the signed values, as attributes and fields.
pub const SIGNED: [&str; 7] = [
    "code", "course", "version", "module", "name", "date", "score",
];

/// Reads a certificate page back. Not an HTML parser: it finds what
/// [`render`] wrote (attribute values in double quotes, field texts up to
/// the next tag); anything moved or added around them reads as a change.
pub fn read(html: &str) -> Read {
    let mut r = Read {
        lang: attr_values(html, "lang")
            .first()
            .and_then(|l| Lang::from_tag(l)),
        ..Read::default()
    };
    for f in SIGNED {
        r.attrs
            .push((f.to_string(), attr_values(html, &format!("data-{f}"))));
        r.fields.push((f.to_string(), field_texts(html, f)));
    }
    r.datetimes = attr_values(html, "datetime");
    r
}

/// Every value of ` name="…"` (also at the start of a line or after a tab).
fn attr_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!("{name}=\"");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&needle) {
        let at = from + i;
        from = at + needle.len();
        let before = html[..at].chars().next_back();
        if !before.is_some_and(|c| c.is_whitespace()) {
            continue;
        }
        let Some(end) = html[from..].find('"') else {
            break;
        };
        out.push(unescape(&html[from..from + end]));
        from += end;
    }
    out
}

/// The text of every element with `data-field="name"`, up to the next tag.
fn field_texts(html: &str, name: &str) -> Vec<String> {
    let needle = format!("data-field=\"{name}\"");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&needle) {
        from += i + needle.len();
        let Some(gt) = html[from..].find('>') else {
            break;
        };
        let start = from + gt + 1;
        let end = html[start..].find('<').map_or(html.len(), |j| start + j);
        out.push(unescape(&html[start..end]));
        from = end;
    }
    out
}

/// Undoes the escaping of [`escape_html`] and numeric character references
/// (the search extractor's decoder).
fn unescape(s: &str) -> String {
    crate::search::extract::decode(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_what_escape_wrote() {
        for s in [
            "<script>alert('x')</script> & \"q\"",
            "a&b",
            "&amp;lt;",
            "Оʻzbek",
        ] {
            assert_eq!(unescape(&escape_html(s)), s);
        }
        assert_eq!(unescape("&#1044;&#x41;&bogus;"), "ДA&bogus;");
    }

    #[test]
    fn reads_fields_back() {
        let html = r#"<html lang="ru"><main data-name="A &amp; B" data-code="X"><p class="name" data-field="name">A &amp; B</p><time datetime="2026-12-05" data-field="date">5</time>"#;
        let r = read(html);
        assert_eq!(r.lang, Some(Lang::Ru));
        let get = |v: &Vec<(String, Vec<String>)>, k: &str| {
            v.iter().find(|(n, _)| n == k).unwrap().1.clone()
        };
        assert_eq!(get(&r.attrs, "name"), vec!["A & B"]);
        assert_eq!(get(&r.fields, "name"), vec!["A & B"]);
        assert_eq!(get(&r.fields, "date"), vec!["5"]);
        assert_eq!(r.datetimes, vec!["2026-12-05"]);
    }

    #[test]
    fn shell_words() {
        assert_eq!(shell_word("a-b.html"), "a-b.html");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("Ёлка-1.html"), "Ёлка-1.html");
    }
}
