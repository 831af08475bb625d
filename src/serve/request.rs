//! One request head read with bounds on its size and on the time it takes,
//! and the checks that decide whether the preview answers it at all: the
//! `Host` must be this machine (a page of another site that made its name
//! resolve to 127.0.0.1 — DNS rebinding — would otherwise read the course
//! and its error messages), and nothing may follow the head (a body would
//! be read as the next request).

use std::io::{self, BufRead, ErrorKind, Read};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The longest request line or header line, CRLF included. Browsers send
/// the preview's URLs (course paths) in well under 1 KiB; 8 KiB is what
/// nginx and Apache allow per line, so nothing a browser sends is refused,
/// and a connection never makes the server hold more than this of a line.
pub const LINE_MAX: usize = 8 * 1024;

/// All header lines of one request together. A browser sends 0.5–2 KiB
/// (cookies of other localhost tools included, a few KiB more); 64 KiB is
/// far above that and bounds what 64 connections can make the server hold
/// to 4 MiB.
pub const HEAD_MAX: usize = 64 * 1024;

/// Header lines in one request. Browsers send 10–20; 100 is the limit of
/// nginx, Apache and hyper.
pub const HEADER_LINES: usize = 100;

/// The time a client has to send a whole request head, from the moment the
/// server waits for it (the connection opened, or the previous answer was
/// sent). A browser sends a head in one packet as soon as it connects; a
/// client that sends a byte now and then (slowloris) is closed after this,
/// and so is a kept-alive connection left idle, which a browser simply
/// opens again.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// A connection read with a deadline for all reads together, not each one.
pub struct Timed<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl<'a> Timed<'a> {
    pub fn new(stream: &'a TcpStream) -> Timed<'a> {
        Timed {
            stream,
            until: Instant::now() + HEAD_TIMEOUT,
        }
    }

    pub fn stream(&self) -> &'a TcpStream {
        self.stream
    }

    /// Reads from now on end `within` from now.
    pub fn deadline(&mut self, within: Duration) {
        self.until = Instant::now() + within;
    }
}

impl Read for Timed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf)
    }
}

/// A request the preview answers.
pub struct Head {
    pub method: String,
    /// The path, without query or fragment, still percent-encoded.
    pub path: String,
    /// Keep the connection for the next request.
    pub keep: bool,
}

/// What reading a request head came to.
pub enum Outcome {
    Request(Head),
    /// The client closed the connection, or sent nothing in time: no answer.
    Closed,
    /// Answer with this status and explanation, then close.
    Refused(u16, String),
}

/// Read one request head from `reader` and check it for the server on
/// 127.0.0.1:`port`.
pub fn read(reader: &mut impl BufRead, port: u16) -> Outcome {
    let mut line = Vec::new();
    // A client may send an empty line before a request (RFC 9112 §2.2).
    for _ in 0..2 {
        match bounded_line(reader, &mut line, LINE_MAX) {
            Line::Full if is_blank(&line) => continue,
            Line::Full => break,
            Line::TooLong => return too_long_target(),
            Line::Ended => return Outcome::Closed,
        }
    }
    let request = match std::str::from_utf8(&line) {
        Ok(text) => text.trim_end_matches(['\r', '\n']).to_string(),
        Err(_) => return bad("the request line is not text"),
    };
    let mut parts = request.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return bad("the request line is not `METHOD /path HTTP/1.1`");
    };
    // Only paths: an absolute URL here would name its own host.
    if !target.starts_with('/') || !version.starts_with("HTTP/1.") {
        return bad("the request line is not `METHOD /path HTTP/1.1`");
    }
    // HTTP/1.1 keeps the connection unless told otherwise; 1.0 closes it.
    let mut keep = version == "HTTP/1.1";
    let mut host: Option<String> = None;
    let mut body = false;
    let (mut cross_site, mut navigate) = (false, false);
    let (mut lines, mut size) = (0, 0);
    loop {
        match bounded_line(reader, &mut line, LINE_MAX) {
            Line::Full => {}
            Line::TooLong => return too_large_head(),
            Line::Ended => return Outcome::Closed,
        }
        if is_blank(&line) {
            break;
        }
        lines += 1;
        size += line.len();
        if lines > HEADER_LINES || size > HEAD_MAX {
            return too_large_head();
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            // Header values are ASCII in practice; ones that are not are
            // none the preview reads.
            continue;
        };
        if text.starts_with([' ', '\t']) {
            return bad("folded header lines are not accepted");
        }
        let Some((name, value)) = text.split_once(':') else {
            return bad("a header line has no `:`");
        };
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "host" if host.is_some() => return bad("the request has two Host headers"),
            "host" => host = Some(value.to_string()),
            "connection" => {
                keep = value.eq_ignore_ascii_case("keep-alive")
                    || (keep && !value.eq_ignore_ascii_case("close"));
            }
            "content-length" => body |= value != "0",
            "sec-fetch-site" => cross_site = value.eq_ignore_ascii_case("cross-site"),
            "sec-fetch-mode" => navigate = value.eq_ignore_ascii_case("navigate"),
            "transfer-encoding" => body = true,
            _ => {}
        }
    }
    let Some(host) = host else {
        return bad("the request has no Host header (HTTP/1.1 requires one)");
    };
    if !host_allowed(&host, port) {
        return Outcome::Refused(
            421,
            format!(
                "darslik serve answers only requests for this computer: open http://127.0.0.1:{port}/ or http://localhost:{port}/.\nThis request named another host, as a page of another site pointing its own name at this computer does; it gets none of the course.\n"
            ),
        );
    }
    // A page of another site may still embed the preview's files by this
    // machine's own name (`<script src="http://127.0.0.1:PORT/en/search-index.js">`
    // defines a global it can read). Browsers say so in Sec-Fetch-Site:
    // another site may open a page of the preview, not read its files.
    if cross_site && !navigate {
        return Outcome::Refused(
            403,
            "darslik serve does not give its files to pages of other sites.\n".to_string(),
        );
    }
    if method != "GET" && method != "HEAD" {
        return Outcome::Refused(
            405,
            "darslik serve only shows the course: it answers GET and HEAD.\n".to_string(),
        );
    }
    if body {
        return Outcome::Refused(413, "darslik serve takes no request bodies.\n".to_string());
    }
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    Outcome::Request(Head {
        method: method.to_string(),
        path,
        keep,
    })
}

/// The names this machine answers to, as a browser writes them in `Host`:
/// with this server's port, or without one.
pub fn host_allowed(host: &str, port: u16) -> bool {
    ["127.0.0.1", "localhost", "[::1]"].iter().any(|name| {
        let Some((start, rest)) = host.split_at_checked(name.len()) else {
            return false;
        };
        start.eq_ignore_ascii_case(name)
            && (rest.is_empty()
                || rest
                    .strip_prefix(':')
                    .is_some_and(|p| p == port.to_string()))
    })
}

enum Line {
    /// A whole line, its newline included, is in the buffer.
    Full,
    /// The line is longer than allowed; what was read of it is dropped.
    TooLong,
    /// The connection closed or timed out before the line ended.
    Ended,
}

/// Read one line of at most `max` bytes into `line`, never more.
fn bounded_line(reader: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> Line {
    line.clear();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    match reader.by_ref().take(limit).read_until(b'\n', line) {
        Ok(_) if line.ends_with(b"\n") => Line::Full,
        Ok(_) if line.len() > max => {
            line.clear();
            Line::TooLong
        }
        Ok(_) | Err(_) => Line::Ended,
    }
}

fn is_blank(line: &[u8]) -> bool {
    line == b"\r\n" || line == b"\n"
}

fn bad(why: &str) -> Outcome {
    Outcome::Refused(400, format!("darslik serve: bad request: {why}.\n"))
}

fn too_long_target() -> Outcome {
    Outcome::Refused(
        414,
        format!("darslik serve: the request line is longer than {LINE_MAX} bytes.\n"),
    )
}

fn too_large_head() -> Outcome {
    Outcome::Refused(
        431,
        format!(
            "darslik serve: the request headers are too large (at most {HEADER_LINES} lines of {LINE_MAX} bytes, {HEAD_MAX} bytes in all).\n"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Outcome {
        read(&mut io::BufReader::new(text.as_bytes()), 3000)
    }

    fn status(o: Outcome) -> u16 {
        match o {
            Outcome::Request(_) => 200,
            Outcome::Closed => 0,
            Outcome::Refused(code, _) => code,
        }
    }

    #[test]
    fn hosts_of_this_machine_only() {
        for ok in [
            "127.0.0.1:3000",
            "localhost:3000",
            "LOCALHOST:3000",
            "[::1]:3000",
            "127.0.0.1",
            "localhost",
            "[::1]",
        ] {
            assert!(host_allowed(ok, 3000), "{ok}");
        }
        for no in [
            "evil.example",
            "evil.example:3000",
            "localhost:3001",
            "localhost:",
            "localhost:03000",
            "localhost.evil.example:3000",
            "127.0.0.1.nip.io:3000",
            "127.0.0.1:3000.evil.example",
            "[::1]x",
            "",
            "ло",
        ] {
            assert!(!host_allowed(no, 3000), "{no}");
        }
    }

    #[test]
    fn other_sites_may_open_a_page_but_not_embed_a_file() {
        let h = "GET /en/search-index.js HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nSec-Fetch-Site: cross-site\r\n";
        assert_eq!(
            status(head(&format!("{h}Sec-Fetch-Mode: no-cors\r\n\r\n"))),
            403
        );
        assert_eq!(
            status(head(&format!("{h}Sec-Fetch-Mode: navigate\r\n\r\n"))),
            200
        );
        assert_eq!(
            status(head(
                "GET /a HTTP/1.1\r\nHost: localhost:3000\r\nSec-Fetch-Site: same-origin\r\nSec-Fetch-Mode: no-cors\r\n\r\n"
            )),
            200
        );
    }

    #[test]
    fn heads_are_read_or_refused() {
        assert_eq!(
            status(head("GET /a HTTP/1.1\r\nHost: localhost:3000\r\n\r\n")),
            200
        );
        assert_eq!(status(head("GET /a HTTP/1.1\r\n\r\n")), 400);
        assert_eq!(status(head("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")), 421);
        assert_eq!(
            status(head(
                "GET /a HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n"
            )),
            400
        );
        assert_eq!(
            status(head("GET http://x/a HTTP/1.1\r\nHost: localhost\r\n\r\n")),
            400
        );
        assert_eq!(
            status(head("POST /a HTTP/1.1\r\nHost: localhost\r\n\r\n")),
            405
        );
        assert_eq!(
            status(head(
                "GET /a HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
            )),
            413
        );
        let long = format!("GET /{} HTTP/1.1\r\n", "a".repeat(LINE_MAX));
        assert_eq!(status(head(&long)), 414);
        let many: String = (0..=HEADER_LINES)
            .map(|i| format!("X-{i}: 1\r\n"))
            .collect();
        assert_eq!(
            status(head(&format!(
                "GET / HTTP/1.1\r\nHost: localhost\r\n{many}\r\n"
            ))),
            431
        );
        // Cut off in the middle: nothing to answer.
        assert_eq!(status(head("GET / HTTP/1.1\r\nHost: loc")), 0);
        assert_eq!(status(head("")), 0);
    }
}
