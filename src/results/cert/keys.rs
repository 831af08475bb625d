//! Key files: `NAME.key` (the secret seed; only its owner may read it) and
//! `NAME.pub` (the public key handed to whoever checks certificates).
//!
//! Both are short text files: a header line saying what the file is, comment
//! lines (`#`) for people, then `key: <64 hex digits>`. The secret file also
//! holds the public key, so a damaged secret file is caught before it signs.

use std::io::Write;
use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};

use super::code::{key_id, key_id_hex};
use crate::diag::Msg;
use crate::msg;

pub const SECRET_HEADER: &str = "darslik certificate signing key (Ed25519, secret) 1";
pub const PUBLIC_HEADER: &str = "darslik certificate public key (Ed25519) 1";

/// `NAME.key` and `NAME.pub` for `--out NAME` (a `.key` or `.pub` the user
/// typed is taken off first).
pub fn pair_paths(out: &Path) -> (PathBuf, PathBuf) {
    let base = match out.extension().and_then(|e| e.to_str()) {
        Some("key" | "pub") => out.with_extension(""),
        _ => out.to_path_buf(),
    };
    let mut k = base.clone().into_os_string();
    k.push(".key");
    let mut p = base.into_os_string();
    p.push(".pub");
    (PathBuf::from(k), PathBuf::from(p))
}

pub fn secret_text(key: &SigningKey) -> String {
    let public = key.verifying_key();
    format!(
        "{SECRET_HEADER}\n\
         # Signs certificates: darslik results certificates --key THIS-FILE\n\
         # Keep it secret: whoever has it can sign certificates in your name.\n\
         # Keep a copy too: without it no new certificate matches your .pub.\n\
         # key id: {id}\n\
         key: {secret}\n\
         public: {public}\n\
         # Who signs, as certificates print it (the academy's name), after “signer:”:\n\
         signer: \n",
        id = key_id_hex(key_id(&public)),
        secret = hex(key.as_bytes()),
        public = hex(public.as_bytes()),
    )
}

pub fn public_text(key: &VerifyingKey) -> String {
    format!(
        "{PUBLIC_HEADER}\n\
         # Checks certificates: darslik results verify CODE-OR-FILE --pubkey THIS-FILE\n\
         # Not secret: give it to anyone who needs to check a certificate.\n\
         # key id: {id}\n\
         key: {public}\n",
        id = key_id_hex(key_id(key)),
        public = hex(key.as_bytes()),
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex32(s: &str) -> Option<[u8; 32]> {
    let s = s.trim();
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// `FILE: damaged (WHY); take the file from your copy`, in the user's words.
fn damaged(path: &Path, why: Msg) -> String {
    msg!(
        "results-key-damaged",
        file = path.display().to_string(),
        why = why.local()
    )
    .local()
}

/// What key file a command wants, in the user's words.
fn msg_of(want: &str) -> String {
    match want {
        SECRET_WANT => msg!("results-key-want-secret").local(),
        _ => msg!("results-key-want-public").local(),
    }
}

const SECRET_WANT: &str = "the secret NAME.key made by keygen";
const PUBLIC_WANT: &str = "the public NAME.pub made by keygen";

/// Makes the pair. Refuses when either file is there; on any failure
/// leaves nothing behind.
pub fn generate(out: &Path) -> Result<(PathBuf, PathBuf, String), String> {
    let (key_path, pub_path) = pair_paths(out);
    for p in [&key_path, &pub_path] {
        if p.symlink_metadata().is_ok() {
            return Err(msg!("results-key-exists", file = p.display().to_string()).local());
        }
    }
    if let Some(dir) = key_path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(msg!("results-key-no-folder", dir = dir.display().to_string()).local());
    }
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| msg!("results-key-no-random", detail = e.to_string()).local())?;
    let key = SigningKey::from_bytes(&seed);
    seed.fill(0);
    write_new(&key_path, secret_text(&key).as_bytes(), true)?;
    if let Err(e) = write_new(
        &pub_path,
        public_text(&key.verifying_key()).as_bytes(),
        false,
    ) {
        let _ = std::fs::remove_file(&key_path);
        return Err(e);
    }
    Ok((key_path, pub_path, key_id_hex(key_id(&key.verifying_key()))))
}

fn write_new(path: &Path, bytes: &[u8], secret: bool) -> Result<(), String> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(if secret { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut f = opts.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            msg!(
                "results-key-exists-short",
                file = path.display().to_string()
            )
            .local()
        } else {
            msg!(
                "results-cannot-create",
                file = path.display().to_string(),
                reason = e.to_string()
            )
            .local()
        }
    })?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(|e| {
        let _ = std::fs::remove_file(path);
        msg!(
            "results-cannot-write",
            file = path.display().to_string(),
            reason = e.to_string()
        )
        .local()
    })
}

/// The `key:` (and `public:`) values of a key file whose first line is
/// `header`; errors say what is wrong and what to do.
fn fields(path: &Path, header: &str, want: &str) -> Result<Vec<(String, String)>, String> {
    let bytes = std::fs::read(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            msg!("results-key-no-file", file = path.display().to_string()).local()
        } else {
            msg!(
                "results-cannot-read",
                file = path.display().to_string(),
                reason = e.to_string()
            )
            .local()
        }
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        msg!(
            "results-key-wrong",
            file = path.display().to_string(),
            what = msg!("results-key-not-text").local(),
            want = msg_of(want)
        )
        .local()
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().map(str::trim);
    let first = lines.next().unwrap_or("");
    if first != header {
        let what = if first == SECRET_HEADER {
            msg!("results-key-is-secret")
        } else if first == PUBLIC_HEADER {
            msg!("results-key-is-public")
        } else if first.starts_with("darslik certificate") {
            msg!("results-key-other-version")
        } else {
            msg!("results-key-not-key")
        };
        return Err(msg!(
            "results-key-wrong",
            file = path.display().to_string(),
            what = what.local(),
            want = msg_of(want)
        )
        .local());
    }
    let mut out = Vec::new();
    for line in lines {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(':') {
            Some((k, v)) => out.push((k.trim().to_string(), v.trim().to_string())),
            None => {
                return Err(damaged(path, msg!("results-key-bad-line")));
            }
        }
    }
    Ok(out)
}

fn value32(path: &Path, fields: &[(String, String)], name: &str) -> Result<[u8; 32], String> {
    let v = fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .ok_or_else(|| damaged(path, msg!("results-key-no-line", name = name)))?;
    unhex32(v).ok_or_else(|| damaged(path, msg!("results-key-not-hex", name = name)))
}

/// Reads `NAME.key`: the key, and who signs (its `signer:` line, if
/// filled in).
pub fn read_secret(path: &Path) -> Result<(SigningKey, Option<String>), String> {
    let f = fields(path, SECRET_HEADER, SECRET_WANT)?;
    let signer = f
        .iter()
        .find(|(k, _)| k == "signer")
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty());
    let key = SigningKey::from_bytes(&value32(path, &f, "key")?);
    let public = value32(path, &f, "public")?;
    if key.verifying_key().as_bytes() != &public {
        return Err(damaged(path, msg!("results-key-halves")));
    }
    Ok((key, signer))
}

/// Reads `NAME.pub`.
pub fn read_public(path: &Path) -> Result<VerifyingKey, String> {
    let f = fields(path, PUBLIC_HEADER, PUBLIC_WANT)?;
    let bytes = value32(path, &f, "key")?;
    let key = VerifyingKey::from_bytes(&bytes)
        .map_err(|_| damaged(path, msg!("results-key-not-ed25519")))?;
    if key.is_weak() {
        return Err(damaged(path, msg!("results-key-weak")));
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let (k, p, id) = generate(&dir.path().join("academy")).unwrap();
        assert_eq!(id.len(), 4);
        let (secret, signer) = read_secret(&k).unwrap();
        let public = read_public(&p).unwrap();
        assert_eq!(secret.verifying_key(), public);
        assert_eq!(signer, None);
        let text = std::fs::read_to_string(&k).unwrap();
        std::fs::write(&k, text.replace("signer: ", "signer: Academy of the MIA ")).unwrap();
        assert_eq!(
            read_secret(&k).unwrap().1.as_deref(),
            Some("Academy of the MIA")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&k).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        // The halves swapped are named.
        assert!(
            read_secret(&p)
                .unwrap_err()
                .contains("public key (NAME.pub)")
        );
        assert!(
            read_public(&k)
                .unwrap_err()
                .contains("secret key (NAME.key)")
        );
        // Refuses to overwrite, and leaves both files as they were.
        let before = std::fs::read(&k).unwrap();
        assert!(
            generate(&dir.path().join("academy.key"))
                .unwrap_err()
                .contains("already there")
        );
        assert_eq!(std::fs::read(&k).unwrap(), before);
    }

    #[test]
    fn damage_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let (k, _, _) = generate(&dir.path().join("a")).unwrap();
        let text = std::fs::read_to_string(&k).unwrap();
        let line = text.lines().find(|l| l.starts_with("key: ")).unwrap();
        let mut bad = line.to_string().into_bytes();
        let last = bad.len() - 1;
        bad[last] = if bad[last] == b'0' { b'1' } else { b'0' };
        std::fs::write(&k, text.replace(line, std::str::from_utf8(&bad).unwrap())).unwrap();
        assert!(read_secret(&k).unwrap_err().contains("damaged"));
        std::fs::write(&k, "hello").unwrap();
        assert!(
            read_secret(&k)
                .unwrap_err()
                .contains("not a darslik key file")
        );
        std::fs::write(&k, [0xff, 0xfe]).unwrap();
        assert!(read_secret(&k).unwrap_err().contains("not text"));
    }
}
