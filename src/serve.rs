//! `darslik serve`: a preview on 127.0.0.1 for translators. The site is built
//! in memory, rebuilt when a file under content/, locales/, themes/ or
//! course.toml changes, and the open page reloads itself. A build error is
//! shown over the page (file:line:col) until fixed, while the last good build
//! stays served.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::output::{self, Tree};
use crate::pipeline;

/// What the server shows: the last good site and the current error, if any.
#[derive(Default)]
struct State {
    site: Arc<Tree>,
    /// Bumped on every rebuild, good or bad.
    generation: u64,
    /// The diagnostics of a failed rebuild, as text.
    error: Option<String>,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

/// Build the site in memory: the tree, or the diagnostics as text.
fn build_site(root: &Path) -> Result<Tree, String> {
    match pipeline::build(root) {
        Ok(built) => output::site::tree(&built.rendered).map_err(|d| d.render()),
        Err(d) => Err(d.render()),
    }
}

pub fn serve(root: &Path, port: u16) -> i32 {
    let started = Instant::now();
    let shared: Shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
    rebuild(root, &shared);
    if let Ok(s) = shared.0.lock()
        && let Some(e) = &s.error
    {
        eprint!("{e}");
    }
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
            eprintln!(
                "hint: another program uses the port; try --port {}",
                port.wrapping_add(1)
            );
            return 2;
        }
    };
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    eprintln!(
        "darslik: serving {} at http://{addr}/ (built in {:.2} s). Edit a file and the page reloads; Ctrl-C stops.",
        root.display(),
        started.elapsed().as_secs_f64()
    );

    let _watcher = match watch(root, shared.clone()) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch {} for changes: {e}", root.display());
            return 1;
        }
    };
    for stream in listener.incoming().flatten() {
        let shared = shared.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &shared);
        });
    }
    0
}

fn rebuild(root: &Path, shared: &Shared) {
    let result = build_site(root);
    let (lock, cvar) = &**shared;
    let Ok(mut s) = lock.lock() else { return };
    s.generation += 1;
    match result {
        Ok(tree) => {
            s.site = Arc::new(tree);
            s.error = None;
        }
        Err(text) => s.error = Some(text),
    }
    cvar.notify_all();
}

/// Watch the course and rebuild after changes settle (a burst of saves is one rebuild).
fn watch(root: &Path, shared: Shared) -> notify::Result<notify::RecommendedWatcher> {
    let (tx, rx) = std::sync::mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // Reading files (as every build does) is no change.
        if let Ok(event) = res
            && !matches!(
                event.kind,
                notify::EventKind::Access(_) | notify::EventKind::Other
            )
        {
            for p in event.paths {
                let _ = tx.send(p);
            }
        }
    })?;
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    watcher.watch(&root_abs, RecursiveMode::Recursive)?;
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        let relevant = |p: &Path| {
            let rel = p.strip_prefix(&root_abs).unwrap_or(p);
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            matches!(
                first.as_deref(),
                Some("content" | "locales" | "themes" | "course.toml")
            )
        };
        while let Ok(path) = rx.recv() {
            if !relevant(&path) {
                continue;
            }
            // Let a burst of events settle.
            while rx.recv_timeout(Duration::from_millis(30)).is_ok() {}
            let t = Instant::now();
            rebuild(&root, &shared);
            let failed = shared.0.lock().map(|s| s.error.is_some()).unwrap_or(false);
            eprintln!(
                "  rebuilt in {} ms{}",
                t.elapsed().as_millis(),
                if failed {
                    " with errors: the last good build stays served"
                } else {
                    ""
                }
            );
        }
    });
    Ok(watcher)
}

const EVENTS: &str = "/__darslik/events";

/// The script added to served pages: reload on a new build, overlay on errors.
const LIVE: &str = r#"<script>
(function () {
  if (!window.EventSource) { return; }
  var es = new EventSource('/__darslik/events');
  var shown = null;
  function overlay(text) {
    if (!shown) {
      shown = document.createElement('div');
      shown.id = 'darslik-error';
      shown.setAttribute('role', 'alert');
      shown.style.cssText = 'position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;font:14px/1.45 ui-monospace,Consolas,monospace;';
      document.body.appendChild(shown);
    }
    shown.innerHTML = '';
    var h = document.createElement('p');
    h.style.cssText = 'font:700 16px system-ui,sans-serif;color:#ffb3b3;margin:0 0 1rem';
    h.textContent = 'darslik: the course has errors. Fix them and save; this page shows the last good build.';
    var pre = document.createElement('pre');
    pre.style.whiteSpace = 'pre-wrap';
    pre.textContent = text;
    shown.appendChild(h);
    shown.appendChild(pre);
  }
  es.addEventListener('reload', function () { window.location.reload(); });
  es.addEventListener('failed', function (e) { overlay(JSON.parse(e.data)); });
})();
</script>"#;

fn handle(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // Skip the headers.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(&mut out, 405, "text/plain", b"method not allowed");
    }
    if path == EVENTS {
        return events(out, shared);
    }
    let decoded = percent_encoding::percent_decode_str(path.trim_start_matches('/'))
        .decode_utf8_lossy()
        .into_owned();
    let mut key = decoded;
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    let site = shared.0.lock().map(|s| s.site.clone()).unwrap_or_default();
    match site.get(&key) {
        Some(bytes) => {
            let mime = mime(&key);
            if mime.starts_with("text/html") {
                let html = String::from_utf8_lossy(bytes);
                let page = match html.rfind("</body>") {
                    Some(i) => format!("{}{LIVE}{}", &html[..i], &html[i..]),
                    None => format!("{html}{LIVE}"),
                };
                respond(&mut out, 200, mime, page.as_bytes())
            } else {
                respond(&mut out, 200, mime, bytes)
            }
        }
        None => respond(
            &mut out,
            404,
            "text/plain; charset=utf-8",
            format!("not found: /{key}").as_bytes(),
        ),
    }
}

/// Server-sent events: `reload` after a good rebuild, `failed` with the
/// diagnostics after a bad one (and at once, if the course is broken now).
fn events(mut out: TcpStream, shared: &Shared) -> std::io::Result<()> {
    out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n")?;
    let (lock, cvar) = &**shared;
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
            seen = s.generation;
            match &s.error {
                Some(e) => ("failed", serde_json::to_string(e).unwrap_or_default()),
                None => ("reload", String::new()),
            }
        };
        send(&mut out, event, &data)?;
    }
}

fn send(out: &mut TcpStream, event: &str, data: &str) -> std::io::Result<()> {
    out.write_all(format!("event: {event}\ndata: {data}\n\n").as_bytes())?;
    out.flush()
}

fn respond(out: &mut TcpStream, status: u16, mime: &str, body: &[u8]) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    out.write_all(
        format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    )?;
    out.write_all(body)?;
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
