//! The verification code: what a certificate says, packed with its Ed25519
//! signature and written in base32 so it can be typed from paper.
//!
//! Layout (format 1), all big-endian:
//!
//! | bytes | field |
//! |---|---|
//! | 1 | format (1) |
//! | 2 | key id: the first two bytes of SHA-256 of the public key |
//! | 2 | date: days since 1970-01-01 |
//! | 2 | score in tenths of a point, 0..=1000 (0xFFFF: no score) |
//! | 1 + n | course id (length, text: one byte a letter or UTF-8) |
//! | 1 + n | course version |
//! | 1 + n | module id |
//! | 1 + n | learner name |
//! | 64 | Ed25519 signature over `darslik-certificate\0` + every byte above |
//!
//! The key id only lets `verify` tell "signed with another key" from "the
//! code was changed"; the signature decides.

use data_encoding::BASE32_NOPAD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

/// The format byte this darslik writes and reads.
pub const FORMAT: u8 = 1;
/// Signed before the packed fields, so a signature made for something else
/// with the same key never passes as a certificate.
const DOMAIN: &[u8] = b"darslik-certificate\0";
const NO_SCORE: u16 = 0xFFFF;
const SIG_LEN: usize = 64;
const FIXED: usize = 7;

/// What a certificate states, as signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub course: String,
    pub version: String,
    pub module: String,
    pub name: String,
    /// Days since 1970-01-01 (UTC).
    pub day: u16,
    /// Score in tenths of a point (0..=1000), if the module was scored.
    pub score_tenths: Option<u16>,
}

impl Claim {
    /// `2026-12-05`.
    pub fn date_iso(&self) -> String {
        let (y, m, d) = civil_from_days(i64::from(self.day));
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `85` or `87.5` (no unit).
    pub fn score_plain(&self) -> Option<String> {
        self.score_tenths.map(|t| {
            if t % 10 == 0 {
                format!("{}", t / 10)
            } else {
                format!("{}.{}", t / 10, t % 10)
            }
        })
    }

    /// What `verify` prints after `valid: `.
    pub fn summary(&self) -> String {
        format!(
            "{}, {}, {}, {}, {}, {}",
            printable(&self.course),
            printable(&self.version),
            printable(&self.module),
            printable(&self.name),
            self.date_iso(),
            self.score_plain()
                .map(|s| format!("{s}%"))
                .unwrap_or_else(|| crate::msg!("results-code-no-score").local())
        )
    }
}

/// Text for a terminal: control characters shown escaped, never acted on.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// The key id in the code: the first two bytes of SHA-256 of the public key.
pub fn key_id(key: &VerifyingKey) -> [u8; 2] {
    let h = Sha256::digest(key.as_bytes());
    [h[0], h[1]]
}

/// The key id as people read it: four hex digits.
pub fn key_id_hex(id: [u8; 2]) -> String {
    format!("{:02x}{:02x}", id[0], id[1])
}

/// The letters a text field may be packed with at one byte each (format 1;
/// fixed for ever): printable ASCII, then the Cyrillic and Latin letters of
/// the region's names. A field with any other character is UTF-8.
const LETTERS: &str = concat!(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁё",
    "ЎўҚқҒғҲҳʻʼ‘’",
    "ӘәҢңӨөҰұҮүҺһІіӮӯӢӣҶҷЄєЇїҐґ",
    "ŞşÇçÖöĞğÜüıİƏəÑñÄäÝýŽžÉéÈèÀàÁáÓóÚúÍí",
);

fn letter_index(c: char) -> Option<u8> {
    LETTERS
        .chars()
        .position(|l| l == c)
        .and_then(|i| u8::try_from(i).ok())
}

fn letter(i: u8) -> Option<char> {
    LETTERS.chars().nth(usize::from(i))
}

/// A text field: a length byte, then the text. The length byte's top bit
/// says how: set, one byte per character from [`LETTERS`] (at most 127
/// characters); clear, UTF-8 (at most 127 bytes).
fn push_str(out: &mut Vec<u8>, what: &str, s: &str) -> Result<(), String> {
    let packed: Option<Vec<u8>> = s.chars().map(letter_index).collect();
    let (flag, bytes, unit) = match packed {
        Some(p) => (0x80, p, "results-code-unit-chars"),
        None => (0, s.as_bytes().to_vec(), "results-code-unit-bytes"),
    };
    let len = u8::try_from(bytes.len())
        .ok()
        .filter(|&n| n <= 0x7F)
        .ok_or_else(|| {
            crate::msg!(
                "results-code-too-long",
                what = crate::diag::Msg::new(what.to_string()).local(),
                count = bytes.len(),
                unit = crate::diag::Msg::new(unit).local()
            )
            .local()
        })?;
    out.push(flag | len);
    out.extend_from_slice(&bytes);
    Ok(())
}

/// The packed fields (everything the signature covers, without the domain).
fn pack(claim: &Claim, id: [u8; 2]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(FIXED + 4 + 64);
    out.push(FORMAT);
    out.extend_from_slice(&id);
    out.extend_from_slice(&claim.day.to_be_bytes());
    let score = match claim.score_tenths {
        Some(t) if t <= 1000 => t,
        Some(t) => return Err(crate::msg!("results-code-score-over", score = u32::from(t)).local()),
        None => NO_SCORE,
    };
    out.extend_from_slice(&score.to_be_bytes());
    push_str(&mut out, "results-code-field-course", &claim.course)?;
    push_str(&mut out, "results-code-field-version", &claim.version)?;
    push_str(&mut out, "results-code-field-module", &claim.module)?;
    push_str(&mut out, "results-code-field-learner", &claim.name)?;
    Ok(out)
}

fn signed_message(packed: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(DOMAIN.len() + packed.len());
    m.extend_from_slice(DOMAIN);
    m.extend_from_slice(packed);
    m
}

/// Signs a claim: the code as one base32 string (A–Z, 2–7, no padding).
pub fn sign(claim: &Claim, key: &SigningKey) -> Result<String, String> {
    let mut packed = pack(claim, key_id(&key.verifying_key()))?;
    let sig = key.sign(&signed_message(&packed));
    packed.extend_from_slice(&sig.to_bytes());
    Ok(BASE32_NOPAD.encode(&packed))
}

/// Signed before a whole certificate page (see [`sign_page`]).
const PAGE_DOMAIN: &[u8] = b"darslik-certificate-page\0";
/// The attribute that holds a page's own signature.
pub const PAGE_SIGNATURE: &str = "data-page-signature=\"";

/// The page as signed: its own signature's value left out, line ends as
/// `\n` (a copy whose line ends were changed still checks).
fn page_message(page: &str) -> Option<Vec<u8>> {
    let at = page.find(PAGE_SIGNATURE)? + PAGE_SIGNATURE.len();
    let end = at + page[at..].find('"')?;
    let mut m = Vec::with_capacity(PAGE_DOMAIN.len() + page.len());
    m.extend_from_slice(PAGE_DOMAIN);
    for part in [&page[..at], &page[end..]] {
        m.extend(part.bytes().filter(|&b| b != b'\r'));
    }
    Some(m)
}

/// Signs a whole certificate page (its `data-page-signature=""` filled in),
/// so `verify FILE` also catches a page whose text or style was changed
/// around intact fields.
pub fn sign_page(page: &str, key: &SigningKey) -> Result<String, String> {
    let m = page_message(page).ok_or("the page has no place for its signature")?;
    let sig = data_encoding::BASE64.encode(&key.sign(&m).to_bytes());
    let at = page.find(PAGE_SIGNATURE).unwrap_or(0) + PAGE_SIGNATURE.len();
    Ok(format!("{}{sig}{}", &page[..at], &page[at..]))
}

/// Whether a page is exactly as it was signed with `key`.
pub fn page_is_signed(page: &str, key: &VerifyingKey) -> bool {
    let Some(m) = page_message(page) else {
        return false;
    };
    let at = page.find(PAGE_SIGNATURE).unwrap_or(0) + PAGE_SIGNATURE.len();
    let value = page[at..].split('"').next().unwrap_or("");
    data_encoding::BASE64
        .decode(value.as_bytes())
        .ok()
        .and_then(|b| Signature::from_slice(&b).ok())
        .is_some_and(|sig| key.verify(&m, &sig).is_ok())
}

/// The code in groups of five for print: `ABCDE FGHIJ …`.
pub fn grouped(code: &str) -> Vec<String> {
    code.as_bytes()
        .chunks(5)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect()
}

/// Why a code is not valid; `Display` is the reason after `invalid: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// Not a code at all, or cut short, or a typing mistake that broke the
    /// layout.
    Damaged(String),
    /// A format this darslik does not read.
    NewerFormat(u8),
    /// Signed with a key whose id is not this public key's.
    OtherKey { code: [u8; 2], key: [u8; 2] },
    /// The key id matches but the signature does not: changed or mistyped.
    BadSignature,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invalid::Damaged(why) => {
                let why = crate::msg!("results-code-damaged", why = why);
                f.write_str(&why.local())
            }
            Invalid::NewerFormat(n) => {
                let m = crate::msg!("results-code-newer", format = u32::from(*n));
                f.write_str(&m.local())
            }
            Invalid::OtherKey { code, key } => {
                let m = crate::msg!(
                    "results-code-other-key",
                    code = key_id_hex(*code),
                    key = key_id_hex(*key)
                );
                f.write_str(&m.local())
            }
            Invalid::BadSignature => {
                f.write_str(&crate::msg!("results-code-bad-signature").local())
            }
        }
    }
}

/// The code as typed: spaces, dashes and line breaks dropped, lower case
/// raised, and the digits people type for letters (0 → O, 1 → I, 8 → B)
/// read as those letters (base32 has no 0, 1, 8 or 9).
pub fn normalise(typed: &str) -> Result<String, Invalid> {
    let mut out = String::with_capacity(typed.len());
    for c in typed.chars() {
        match c {
            ' ' | '\t' | '\n' | '\r' | '-' | '\u{2010}'..='\u{2015}' | '\u{a0}' | '\u{202f}' => {}
            'a'..='z' => out.push(c.to_ascii_uppercase()),
            'A'..='Z' | '2'..='7' => out.push(c),
            '0' => out.push('O'),
            '1' => out.push('I'),
            '8' => out.push('B'),
            '=' => {}
            other => {
                return Err(Invalid::Damaged(
                    crate::msg!(
                        "results-code-bad-char",
                        char = other.escape_debug().to_string()
                    )
                    .local(),
                ));
            }
        }
    }
    if out.is_empty() {
        return Err(Invalid::Damaged(crate::msg!("results-code-empty").local()));
    }
    Ok(out)
}

/// Reads a code (as typed) and checks its signature with `key`.
pub fn verify(typed: &str, key: &VerifyingKey) -> Result<Claim, Invalid> {
    let code = normalise(typed)?;
    let bytes = BASE32_NOPAD.decode(code.as_bytes()).map_err(|_| {
        Invalid::Damaged(crate::msg!("results-code-length", count = code.len()).local())
    })?;
    if bytes.len() < FIXED + 4 + SIG_LEN {
        return Err(Invalid::Damaged(
            crate::msg!("results-code-short", count = code.len()).local(),
        ));
    }
    if bytes[0] != FORMAT {
        if bytes[0] > FORMAT && bytes[0] < 16 {
            return Err(Invalid::NewerFormat(bytes[0]));
        }
        return Err(Invalid::Damaged(crate::msg!("results-code-start").local()));
    }
    let (packed, sig) = bytes.split_at(bytes.len() - SIG_LEN);
    let claim = unpack(packed)?;
    let id = [packed[1], packed[2]];
    let mine = key_id(key);
    let sig = Signature::from_slice(sig)
        .map_err(|_| Invalid::Damaged(crate::msg!("results-code-signature-part").local()))?;
    match key.verify(&signed_message(packed), &sig) {
        Ok(()) => Ok(claim),
        Err(_) if id != mine => Err(Invalid::OtherKey {
            code: id,
            key: mine,
        }),
        Err(_) => Err(Invalid::BadSignature),
    }
}

fn unpack(packed: &[u8]) -> Result<Claim, Invalid> {
    let day = u16::from_be_bytes([packed[3], packed[4]]);
    let score = u16::from_be_bytes([packed[5], packed[6]]);
    let score_tenths = match score {
        NO_SCORE => None,
        t if t <= 1000 => Some(t),
        _ => return Err(Invalid::Damaged(crate::msg!("results-code-score").local())),
    };
    let mut rest = &packed[FIXED..];
    let mut field = |what: &str| -> Result<String, Invalid> {
        let (&len, tail) = rest.split_first().ok_or_else(|| {
            Invalid::Damaged(crate::msg!("results-code-ends-before", what = what).local())
        })?;
        let packed = len & 0x80 != 0;
        let len = usize::from(len & 0x7F);
        if tail.len() < len {
            return Err(Invalid::Damaged(
                crate::msg!("results-code-ends-inside", what = what).local(),
            ));
        }
        let (s, tail) = tail.split_at(len);
        rest = tail;
        let text = if packed {
            s.iter().map(|&b| letter(b)).collect::<Option<String>>()
        } else {
            String::from_utf8(s.to_vec()).ok()
        };
        text.ok_or_else(|| {
            Invalid::Damaged(crate::msg!("results-code-not-text", what = what).local())
        })
    };
    let word = |id: &'static str| crate::diag::Msg::new(id).local();
    let course = field(&word("results-code-field-course"))?;
    let version = field(&word("results-code-field-version"))?;
    let module = field(&word("results-code-field-module"))?;
    let name = field(&word("results-field-name"))?;
    if !rest.is_empty() {
        return Err(Invalid::Damaged(crate::msg!("results-code-long").local()));
    }
    Ok(Claim {
        course,
        version,
        module,
        name,
        day,
        score_tenths,
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// algorithm); `None` outside what the code holds (1970..=2149).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> Option<u16> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    u16::try_from(era * 146_097 + doe - 719_468).ok()
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date of a day number: (year, month, day).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The day of `YYYY-MM-DD…` (an xAPI timestamp or a date).
pub fn day_of(stamp: &str) -> Option<u16> {
    let b = stamp.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = stamp.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    days_from_civil(i64::from(num(0..4)?), num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn claim() -> Claim {
        Claim {
            course: "tip-uz".into(),
            version: "1.0.0".into(),
            module: "module-06".into(),
            name: "Дилноза Каримова".into(),
            day: day_of("2026-12-05T10:11:12.345Z").unwrap(),
            score_tenths: Some(875),
        }
    }

    #[test]
    fn dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(day_of("2000-03-01"), Some(11_017));
        for day in [0u16, 59, 60, 11_016, 20_000, 20_792, u16::MAX] {
            let (y, m, d) = civil_from_days(i64::from(day));
            assert_eq!(days_from_civil(y, m, d), Some(day));
        }
        assert_eq!(day_of("2026-02-30"), None);
        assert_eq!(day_of("1969-12-31"), None);
        assert_eq!(day_of("2026-1x-01"), None);
        assert_eq!(day_of("2026"), None);
    }

    #[test]
    fn signs_and_reads_back() {
        let k = key(7);
        let code = sign(&claim(), &k).unwrap();
        assert!(
            code.bytes()
                .all(|c| c.is_ascii_uppercase() || (b'2'..=b'7').contains(&c))
        );
        let back = verify(&code, &k.verifying_key()).unwrap();
        assert_eq!(back, claim());
        assert_eq!(
            back.summary(),
            "tip-uz, 1.0.0, module-06, Дилноза Каримова, 2026-12-05, 87.5%"
        );
        // As typed from paper: groups, dashes, lower case.
        let typed = grouped(&code).join("-").to_lowercase();
        assert_eq!(verify(&typed, &k.verifying_key()).unwrap(), claim());
    }

    #[test]
    fn every_changed_character_is_caught() {
        let k = key(7);
        let code = sign(&claim(), &k).unwrap();
        for i in 0..code.len() {
            let mut b = code.clone().into_bytes();
            b[i] = if b[i] == b'A' { b'B' } else { b'A' };
            let typed = String::from_utf8(b).unwrap();
            assert!(verify(&typed, &k.verifying_key()).is_err(), "position {i}");
        }
    }

    #[test]
    fn another_key_is_named() {
        let code = sign(&claim(), &key(7)).unwrap();
        match verify(&code, &key(8).verifying_key()) {
            Err(Invalid::OtherKey { .. }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn damaged_codes_say_so() {
        let k = key(7).verifying_key();
        let code = sign(&claim(), &key(7)).unwrap();
        for bad in [
            "",
            "hello world!",
            &code[..code.len() - 1],
            &code[..40],
            &format!("{code}A"),
        ] {
            assert!(
                matches!(verify(bad, &k), Err(Invalid::Damaged(_))),
                "{bad:?}: {:?}",
                verify(bad, &k)
            );
        }
    }

    #[test]
    fn overlong_fields_are_refused() {
        let mut c = claim();
        c.name = "я".repeat(128);
        assert!(sign(&c, &key(1)).unwrap_err().contains("127"));
        c.name = "я".repeat(127);
        assert!(sign(&c, &key(1)).is_ok());
        c.name = "名".repeat(43);
        assert!(sign(&c, &key(1)).unwrap_err().contains("127"));
    }

    #[test]
    fn names_pack_one_byte_a_letter() {
        assert!(LETTERS.chars().count() <= 256);
        let mut seen = std::collections::HashSet::new();
        assert!(LETTERS.chars().all(|c| seen.insert(c)), "a letter twice");
        let k = key(3);
        for name in [
            "Дилноза Каримова",
            "Oʻgʻiloy Tursunova",
            "Шаҳноза Алиева",
            "Zoë 名字 Łukasz",
            "",
        ] {
            let mut c = claim();
            c.name = name.into();
            let code = sign(&c, &k).unwrap();
            assert_eq!(verify(&code, &k.verifying_key()).unwrap().name, name);
        }
        let mut c = claim();
        c.name = "Дилноза Каримова".into();
        let cyr = sign(&c, &k).unwrap().len();
        c.name = "Dilnoza Karimova".into();
        assert_eq!(sign(&c, &k).unwrap().len(), cyr);
    }

    #[test]
    fn pages_are_signed_whole() {
        let k = key(5);
        let page = "<main data-page-signature=\"\" data-name=\"A\">\n<p>A</p>\n</main>\n";
        let signed = sign_page(page, &k).unwrap();
        assert!(page_is_signed(&signed, &k.verifying_key()));
        assert!(page_is_signed(
            &signed.replace('\n', "\r\n"),
            &k.verifying_key()
        ));
        assert!(!page_is_signed(
            &signed.replace("<p>A", "<p>B"),
            &k.verifying_key()
        ));
        assert!(!page_is_signed(
            &signed.replace("</main>", "<style>p{}</style></main>"),
            &k.verifying_key()
        ));
        assert!(!page_is_signed(&signed, &key(6).verifying_key()));
        assert!(!page_is_signed(page, &k.verifying_key()));
        assert!(sign_page("<main>", &k).is_err());
    }

    #[test]
    fn terminal_text_is_escaped() {
        assert_eq!(printable("a\u{1b}[2Jb\u{202e}"), "a\\u{1b}[2Jb\\u{202e}");
    }
}
