//! The preview's HTTP side: one thread per connection (their number capped,
//! `slots`; requests read with bounds and checked, `request`), files from the site
//! in memory, the live-reload script added to HTML pages, and server-sent
//! events (`reload` after a good change — with data `page` after a page
//! edit, which the page takes in place — `failed` with the diagnostics).

use std::io::{BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use super::request::{self, HEAD_TIMEOUT, LINE_MAX, Outcome, Timed};
use super::slots::{Pool, Slot};
use super::{Served, Shared};

const EVENTS: &str = "/__darslik/events";

/// The script added to served pages: on a new build, the page again (after a
/// page edit, its new body swapped in without a navigation: a browser's
/// reload alone takes ~100 ms; after any other change, a reload); an
/// overlay on errors.
const LIVE: &str = r#"<script data-darslik-live>
(function () {
  if (!window.EventSource) { return; }
  var es = new EventSource('/__darslik/events');
  var shown = null;
  function overlay(text) {
    if (!shown || !document.body.contains(shown)) {
      shown = document.createElement('div');
      shown.id = 'darslik-error';
      shown.setAttribute('role', 'alert');
      shown.lang = __LANG__;
      // Opaque, and every colour set here: the page's own styles (its
      // `pre` has a light background) must not show through or leak in.
      shown.style.cssText = 'position:fixed;inset:0;z-index:99999;overflow:auto;background:#141414;color:#f5f5f5;padding:1.5rem;margin:0;border:0;text-align:left;font:14px/1.45 ui-monospace,Consolas,monospace;';
      document.body.appendChild(shown);
    }
    shown.innerHTML = '';
    var h = document.createElement('p');
    h.style.cssText = 'font:700 16px/1.4 system-ui,sans-serif;color:#ffc4c4;background:transparent;margin:0 0 1rem;padding:0;border:0;';
    h.textContent = __TITLE__;
    var pre = document.createElement('pre');
    pre.style.cssText = 'white-space:pre-wrap;overflow-wrap:anywhere;margin:0;padding:0;border:0;border-radius:0;box-shadow:none;background:transparent;color:#f5f5f5;font:inherit;max-width:none;overflow:visible;';
    pre.textContent = text;
    shown.appendChild(h);
    shown.appendChild(pre);
  }
  // What the head loads: when it differs, only a reload brings it in.
  function head(doc) {
    var out = [];
    var els = doc.head.querySelectorAll('link[rel=stylesheet], script');
    for (var i = 0; i < els.length; i++) { out.push(els[i].outerHTML); }
    return out.join('');
  }
  function swap(html) {
    var next = new DOMParser().parseFromString(html, 'text/html');
    if (!next.body || head(next) !== head(document)) { window.location.reload(); return; }
    var x = window.pageXOffset, y = window.pageYOffset;
    document.title = next.title;
    var attrs = ['lang', 'dir'];
    for (var a = 0; a < attrs.length; a++) {
      var v = next.documentElement.getAttribute(attrs[a]);
      if (v === null) { document.documentElement.removeAttribute(attrs[a]); } else { document.documentElement.setAttribute(attrs[a], v); }
    }
    var body = document.adoptNode(next.body);
    document.documentElement.replaceChild(body, document.body);
    // Parsed scripts do not run: the page's own run again, in order.
    var scripts = body.querySelectorAll('script');
    for (var i = 0; i < scripts.length; i++) {
      var old = scripts[i];
      if (old.hasAttribute('data-darslik-live')) { continue; }
      var s = document.createElement('script');
      for (var j = 0; j < old.attributes.length; j++) { s.setAttribute(old.attributes[j].name, old.attributes[j].value); }
      s.async = false;
      s.text = old.text;
      old.parentNode.replaceChild(s, old);
    }
    window.scrollTo(x, y);
    window.__darslikSwapped = Date.now();
  }
  es.addEventListener('reload', function (e) {
    if (e.data !== 'page' || !window.fetch || !window.DOMParser) { window.location.reload(); return; }
    fetch(window.location.href, { cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error('status ' + r.status); } return r.text(); })
      .then(swap)
      .catch(function () { window.location.reload(); });
  });
  es.addEventListener('failed', function (e) { overlay(JSON.parse(e.data)); });
})();
</script>"#;

/// How long an answer may take to be written: a client that reads nothing
/// holds its thread no longer than this. Pages are at most a few MB and
/// loopback takes them in milliseconds; 10 s is for a machine under load.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// After a refusal, what the client still sends is read (and dropped) for
/// up to this long and this much before the connection is closed: closing
/// with unread data resets the connection, and the client may lose the
/// answer that says why. A browser's over-long request ends within 64 KiB
/// (its URL and headers); anything longer is not a browser.
const LINGER_TIME: Duration = Duration::from_secs(1);
const LINGER_BYTES: usize = 64 * 1024;

/// What every connection thread shares: the port the pages are asked for
/// (for the Host check), and the caps on connections.
pub struct Gate {
    pub port: u16,
    pub pages: Arc<Pool>,
    pub events: Arc<Pool>,
}

/// Answer the requests of one connection, kept open between them (a
/// reloading page asks for its styles and scripts again on the same
/// connections). `slot` is its place among the page connections.
pub fn handle(stream: TcpStream, shared: &Shared, gate: &Gate, slot: Slot) -> std::io::Result<()> {
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    stream.set_nodelay(true)?;
    // Read ahead no more than one line's bound.
    let mut reader = BufReader::with_capacity(LINE_MAX, Timed::new(&stream));
    let out = &stream;
    loop {
        slot.idle();
        reader.get_mut().deadline(HEAD_TIMEOUT);
        let head = match request::read(&mut reader, gate.port) {
            Outcome::Request(head) => head,
            Outcome::Closed => return Ok(()),
            Outcome::Refused(status, text) => return refuse(&mut reader, status, &text),
        };
        if !slot.busy() {
            return Ok(());
        }
        let method = head.method.as_str();
        if head.path == EVENTS {
            let wake = || shared.changed.notify_all();
            let Some(stream_slot) = gate.events.enter(&stream, wake) else {
                let text = "darslik serve: too many pages are open; close some and reload.\n";
                return refuse(&mut reader, 503, text);
            };
            // An open page's stream no longer counts among page connections.
            drop(slot);
            return events(out, shared, &stream_slot);
        }
        let decoded = percent_encoding::percent_decode_str(head.path.trim_start_matches('/'))
            .decode_utf8_lossy()
            .into_owned();
        let mut key = decoded;
        if key.is_empty() || key.ends_with('/') {
            key.push_str("index.html");
        }
        // The dashboard's address typed without its slash.
        if key == "_status" {
            key.push_str("/index.html");
        }
        let (status, mime, body) = match shared.get(&key) {
            Served::Found(bytes) => {
                let mime = mime(&key);
                if mime.starts_with("text/html") {
                    (200, mime, Arc::new(with_live(&bytes)))
                } else {
                    (200, mime, bytes)
                }
            }
            Served::Failed(text) => {
                // A template failed on this page: the overlay shows why.
                let html = format!(
                    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>darslik</title></head><body><pre>{}</pre></body></html>",
                    crate::render::escape_html(&text)
                );
                let page = with_live(html.as_bytes());
                (500, "text/html; charset=utf-8", Arc::new(page))
            }
            // Browsers ask for a site icon on their own; a course has none
            // (its pages open from file://): nothing, rather than an error
            // in the console.
            Served::Missing if key == "favicon.ico" => (204, "image/x-icon", Arc::new(Vec::new())),
            Served::Missing => {
                let text = format!("not found: /{key}").into_bytes();
                (404, "text/plain; charset=utf-8", Arc::new(text))
            }
        };
        respond(out, status, mime, &body, method == "HEAD", head.keep)?;
        if !head.keep {
            return Ok(());
        }
    }
}

/// Answer a refused request with why, and close the connection without
/// reading the rest of what the client sends beyond a bound.
fn refuse(reader: &mut BufReader<Timed>, status: u16, text: &str) -> std::io::Result<()> {
    let out = reader.get_ref().stream();
    respond(
        out,
        status,
        "text/plain; charset=utf-8",
        text.as_bytes(),
        false,
        false,
    )?;
    out.shutdown(Shutdown::Write)?;
    reader.get_mut().deadline(LINGER_TIME);
    let mut buf = [0u8; 8192];
    let mut left = LINGER_BYTES;
    while left > 0 {
        match reader.get_mut().read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
    Ok(())
}

/// No room for a new connection: say so without a thread, and close it.
pub fn turn_away(stream: TcpStream) {
    let text = "darslik serve is busy answering other connections; try again.\n";
    // The answer fits the socket's buffer: written at once or not at all.
    if stream.set_nonblocking(true).is_ok() {
        let _ = respond(
            &stream,
            503,
            "text/plain; charset=utf-8",
            text.as_bytes(),
            false,
            false,
        );
    }
}

/// [`LIVE`] with the overlay's words in the language of the process.
fn live() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        let lang = crate::diag::lang::current();
        let title = crate::msg!("dash-overlay-title")
            .text(lang)
            .replace('`', "");
        // JSON strings are JavaScript strings; `</` is escaped so the text
        // cannot end the script.
        let js = |s: &str| {
            serde_json::to_string(s)
                .unwrap_or_default()
                .replace("</", "<\\/")
        };
        LIVE.replace("__TITLE__", &js(&title))
            .replace("__LANG__", &js(lang.tag()))
    })
}

/// The page with the live-reload script before `</body>`.
fn with_live(html: &[u8]) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w == b"</body>")
        .unwrap_or(html.len());
    let live = live();
    let mut page = Vec::with_capacity(html.len() + live.len());
    page.extend_from_slice(&html[..at]);
    page.extend_from_slice(live.as_bytes());
    page.extend_from_slice(&html[at..]);
    page
}

/// Server-sent events: `reload` after a good change, `failed` with the
/// diagnostics after a bad one (and at once, if the course is broken now).
/// The stream ends when its slot is closed to make room for a newer one.
fn events(mut out: &TcpStream, shared: &Shared, slot: &Slot) -> std::io::Result<()> {
    out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n")?;
    out.flush()?;
    let (lock, cvar) = (&shared.status, &shared.changed);
    let mut seen = {
        let s = lock.lock().map_err(|_| std::io::Error::other("lock"))?;
        if let Some(e) = &s.error {
            send(
                &mut out,
                "failed",
                &serde_json::to_string(e).unwrap_or_default(),
            )?;
        }
        s.generation
    };
    loop {
        let (event, data) = {
            let mut s = lock.lock().map_err(|_| std::io::Error::other("lock"))?;
            while s.generation == seen {
                if slot.closing() {
                    return Ok(());
                }
                let (guard, timeout) = cvar
                    .wait_timeout(s, Duration::from_secs(15))
                    .map_err(|_| std::io::Error::other("lock"))?;
                s = guard;
                if timeout.timed_out() && s.generation == seen {
                    // A comment keeps the connection alive and notices closed ones.
                    drop(s);
                    out.write_all(b": ping\n\n")?;
                    s = lock.lock().map_err(|_| std::io::Error::other("lock"))?;
                }
            }
            // One page edit since the last event: the page swaps its body
            // in; anything more, a reload.
            let one_page_edit = s.pages_only && s.generation == seen + 1;
            seen = s.generation;
            match &s.error {
                Some(e) => ("failed", serde_json::to_string(e).unwrap_or_default()),
                None if one_page_edit => ("reload", "page".to_string()),
                None => ("reload", String::new()),
            }
        };
        send(&mut out, event, &data)?;
    }
}

fn send(out: &mut &TcpStream, event: &str, data: &str) -> std::io::Result<()> {
    out.write_all(format!("event: {event}\ndata: {data}\n\n").as_bytes())?;
    out.flush()
}

fn respond(
    mut out: &TcpStream,
    status: u16,
    mime: &str,
    body: &[u8],
    head: bool,
    keep: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };
    let connection = if keep { "keep-alive" } else { "close" };
    let mut response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: {connection}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if !head {
        response.extend_from_slice(body);
    }
    out.write_all(&response)?;
    out.flush()
}

fn mime(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "json" => "application/json",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}
