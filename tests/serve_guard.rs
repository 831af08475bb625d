//! `darslik serve` answers only the browser on this machine, and no client
//! can starve it: a request naming another host (DNS rebinding) gets none of
//! the course; an over-long request line or header block is refused without
//! being kept in memory; idle or slow connections and piled-up event streams
//! cannot lock a real browser out.
//!
//! Each test starts the real binary on a copy of the `basic` fixture, on a
//! port the system picks, with the open-file limit of a desktop session
//! (1024), and talks to it over raw TCP on 127.0.0.1.
#![cfg(unix)]

mod common;
use common::*;

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

/// Text only the page `en/module-a/01-one.html` holds.
const PAGE_TEXT: &str = "Independent sources";
const PAGE: &str = "/en/module-a/01-one.html";

struct Server {
    child: Child,
    port: u16,
    _course: tempfile::TempDir,
}

impl Server {
    fn start() -> Server {
        let course = copy_fixture("basic");
        // The open-file limit most desktop sessions start with: without it
        // the test would depend on the limit of whoever runs it.
        let mut child = Command::new("sh")
            .args([
                "-c",
                "ulimit -n 1024 2>/dev/null; exec \"$0\" \"$@\"",
                env!("CARGO_BIN_EXE_darslik"),
                "serve",
                "--course",
            ])
            .arg(course.path())
            .args(["--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start darslik serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            // Read every line, so the server never blocks on a full pipe.
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = tx.send(port.parse::<u16>().ok());
                }
            }
        });
        let port = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Some(port)) => port,
            _ => {
                let _ = child.kill();
                panic!("darslik serve did not say where it listens within 60 s");
            }
        };
        Server {
            child,
            port,
            _course: course,
        }
    }

    fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect_timeout(&self.addr(), Duration::from_secs(3))
            .expect("connect to darslik serve");
        s.set_read_timeout(Some(Duration::from_secs(5)))
            .expect("read timeout");
        s.set_write_timeout(Some(Duration::from_secs(5)))
            .expect("write timeout");
        s
    }

    /// One request, as written, on a new connection: (status, whole answer).
    fn ask(&self, request: &str) -> (u16, String) {
        let mut s = self.connect();
        s.write_all(request.as_bytes()).expect("send request");
        let mut answer = Vec::new();
        if let Err(e) = s.read_to_end(&mut answer)
            && answer.is_empty()
        {
            panic!("no answer to {request:?}: {e}");
        }
        let text = String::from_utf8_lossy(&answer).into_owned();
        (status(&text), text)
    }

    fn get(&self, path: &str, host: &str) -> (u16, String) {
        self.ask(&format!(
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ))
    }

    /// The number of threads of the server process.
    fn threads(&self) -> usize {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("Threads:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn status(answer: &str) -> u16 {
    answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// The first lines of an answer, for a failure message.
fn head(answer: &str) -> String {
    answer.lines().take(8).collect::<Vec<_>>().join("\n")
}

fn body(answer: &str) -> &str {
    answer.split_once("\r\n\r\n").map_or("", |(_, b)| b)
}

#[test]
fn only_requests_for_this_machine_get_the_course() {
    let server = Server::start();
    let port = server.port;
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1:{port}@evil.example"),
    ] {
        let (code, answer) = server.get(PAGE, &host);
        assert!(
            code == 421 || code == 403,
            "Host: {host} was answered {code}, not refused:\n{}",
            head(&answer)
        );
        assert!(
            !answer.contains(PAGE_TEXT) && !answer.contains("<html"),
            "the refusal for Host: {host} holds page content:\n{}",
            head(&answer)
        );
        assert!(
            body(&answer).contains("127.0.0.1"),
            "the refusal says where to open the preview:\n{}",
            head(&answer)
        );
    }
    // The event stream too: no build errors read from another site.
    let (code, answer) = server.get("/__darslik/events", "evil.example");
    assert!(code == 421 || code == 403, "events: {}", head(&answer));
    // No Host at all (HTTP/1.1 requires one).
    let (code, answer) = server.ask(&format!("GET {PAGE} HTTP/1.1\r\nConnection: close\r\n\r\n"));
    assert!(
        (400..500).contains(&code) && !answer.contains(PAGE_TEXT),
        "a request without Host was answered {code}:\n{}",
        head(&answer)
    );

    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
        "127.0.0.1".to_string(),
        "localhost".to_string(),
    ] {
        let (code, answer) = server.get(PAGE, &host);
        assert_eq!(code, 200, "Host: {host}:\n{}", head(&answer));
        assert!(
            answer.contains(PAGE_TEXT),
            "Host: {host}: {}",
            head(&answer)
        );
    }
    // This machine's name, but another port: not this server's origin.
    let (code, _) = server.get(PAGE, &format!("127.0.0.1:{}", port.wrapping_add(1)));
    assert!(
        code == 421 || code == 403,
        "another port was answered {code}"
    );
}

/// Send a request line of `total` bytes in chunks, stopping as soon as the
/// server answers or closes; what it did and when.
fn send_long_line(server: &Server, total: usize) -> (String, Duration) {
    let mut s = server.connect();
    let started = Instant::now();
    let done = Arc::new(AtomicBool::new(false));
    let mut reader = s.try_clone().expect("clone");
    let seen = done.clone();
    let read = std::thread::spawn(move || {
        let mut answer = Vec::new();
        let mut buf = [0u8; 4096];
        let outcome = loop {
            match reader.read(&mut buf) {
                Ok(0) => break "closed".to_string(),
                Ok(n) => {
                    seen.store(true, Ordering::SeqCst);
                    answer.extend_from_slice(&buf[..n]);
                }
                Err(e) if e.kind() == ErrorKind::ConnectionReset => break "reset".to_string(),
                Err(e) => break format!("no answer ({e})"),
            }
        };
        seen.store(true, Ordering::SeqCst);
        let answer = String::from_utf8_lossy(&answer).into_owned();
        format!(
            "{outcome}; answered {:?}",
            answer.lines().next().unwrap_or("")
        )
    });
    let chunk = vec![b'a'; 64 * 1024];
    let mut sent = s.write(b"GET /").unwrap_or(0);
    while sent < total && !done.load(Ordering::SeqCst) {
        match s.write(&chunk) {
            Ok(n) => sent += n,
            Err(_) => break,
        }
    }
    let outcome = read.join().expect("reader");
    (
        format!("{outcome} after {} KiB sent", sent / 1024),
        started.elapsed(),
    )
}

#[test]
fn an_endless_request_is_refused_without_being_kept() {
    let server = Server::start();
    let (outcome, took) = send_long_line(&server, 20 << 20);
    assert!(
        outcome.starts_with("closed") || outcome.starts_with("reset"),
        "a 20 MB request line: {outcome}"
    );
    assert!(
        !outcome.contains("\"HTTP") || outcome.contains("414"),
        "a 20 MB request line: {outcome}"
    );
    assert!(took < Duration::from_secs(5), "took {took:?}: {outcome}");

    // A whole line a little too long is answered 414, with the reason.
    let long = format!("/{}", "a".repeat(10 * 1024));
    let (code, answer) = server.get(&long, &format!("127.0.0.1:{}", server.port));
    assert_eq!(code, 414, "{}", answer.lines().next().unwrap_or(""));
    // Too many header lines, one too long, or all of them too big: 431.
    let host = format!("127.0.0.1:{}", server.port);
    let many: String = (0..200).map(|i| format!("X-{i}: {i}\r\n")).collect();
    let one_long = format!("X-Long: {}\r\n", "b".repeat(20 * 1024));
    let big: String = (0..90)
        .map(|i| format!("X-{i}: {}\r\n", "c".repeat(1000)))
        .collect();
    for (what, headers) in [
        ("200 lines", many),
        ("a 20 KB line", one_long),
        ("90 KB", big),
    ] {
        let (code, answer) = server.ask(&format!(
            "GET {PAGE} HTTP/1.1\r\nHost: {host}\r\n{headers}\r\n"
        ));
        assert_eq!(code, 431, "headers of {what}: {}", head(&answer));
        assert!(
            !answer.contains(PAGE_TEXT),
            "headers of {what}: {}",
            head(&answer)
        );
    }
    // A body is not taken (it would be read as the next request).
    let (code, answer) = server.ask(&format!(
        "GET {PAGE} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 5\r\n\r\nhello"
    ));
    assert!(
        (400..500).contains(&code),
        "a GET with a body: {}",
        head(&answer)
    );

    // And the server still answers.
    let (code, answer) = server.get(PAGE, &host);
    assert_eq!(code, 200, "{}", head(&answer));
    assert!(answer.contains(PAGE_TEXT));
}

#[test]
fn idle_connections_do_not_lock_a_browser_out() {
    let server = Server::start();
    let host = format!("127.0.0.1:{}", server.port);
    // 600 connections that say nothing, or start a request and stall.
    let mut idle = Vec::new();
    for i in 0..600 {
        // A full accept queue drops the handshake, which is tried again
        // after 1 s: 3 s is time enough for a server that takes connections.
        match TcpStream::connect_timeout(&server.addr(), Duration::from_secs(3)) {
            Ok(mut s) => {
                if i % 2 == 1 {
                    let _ = s.write_all(format!("GET / HTTP/1.1\r\nHost: {host}\r\n").as_bytes());
                }
                idle.push(s);
            }
            // The server takes no more: the request below shows what that means.
            Err(_) => break,
        }
    }
    let started = Instant::now();
    let answered = std::thread::scope(|scope| {
        let asked = scope.spawn(|| server.get(PAGE, &host));
        while !asked.is_finished() && started.elapsed() < Duration::from_secs(4) {
            std::thread::sleep(Duration::from_millis(20));
        }
        asked.is_finished().then(|| asked.join())
    });
    let took = started.elapsed();
    match answered {
        Some(Ok((200, answer))) => assert!(answer.contains(PAGE_TEXT)),
        Some(Ok((code, answer))) => panic!(
            "with {} idle connections a GET was answered {code} after {took:?}:\n{}",
            idle.len(),
            head(&answer)
        ),
        Some(Err(_)) | None => panic!(
            "with {} idle connections a GET got no answer within {took:?}",
            idle.len()
        ),
    }
    assert!(took < Duration::from_secs(3), "answered after {took:?}");
    let threads = server.threads();
    assert!(
        threads <= 100,
        "{threads} server threads for {} idle connections",
        idle.len()
    );
}

/// Open an event stream and read its response head.
fn open_events(server: &Server) -> (TcpStream, String) {
    let mut s = server.connect();
    let request = format!(
        "GET /__darslik/events HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
        server.port
    );
    s.write_all(request.as_bytes()).expect("send");
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 4096 {
        match s.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    (s, String::from_utf8_lossy(&head).into_owned())
}

#[test]
fn event_streams_are_capped_and_the_oldest_makes_way() {
    let server = Server::start();
    let streams: Vec<(TcpStream, String)> = (0..40).map(|_| open_events(&server)).collect();
    let newest = &streams[39].1;
    assert!(
        newest.starts_with("HTTP/1.1 200") && newest.contains("text/event-stream"),
        "the newest event stream: {newest}"
    );
    // The oldest stream was closed to make room (the page's EventSource
    // connects again on its own).
    let mut oldest = &streams[0].0;
    oldest
        .set_read_timeout(Some(Duration::from_secs(3)))
        .expect("timeout");
    let mut buf = [0u8; 256];
    let closed = loop {
        match oldest.read(&mut buf) {
            Ok(0) => break Ok(()),
            Ok(_) => continue,
            Err(e) if e.kind() == ErrorKind::ConnectionReset => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    assert!(
        closed.is_ok(),
        "with 40 event streams open, the oldest is still open: {closed:?}"
    );
    let (code, answer) = server.get(PAGE, &format!("127.0.0.1:{}", server.port));
    assert_eq!(code, 200, "{}", head(&answer));
    let threads = server.threads();
    assert!(threads <= 100, "{threads} server threads");
}
