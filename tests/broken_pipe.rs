//! A command whose stdout is closed early (`darslik status | head -1`) ends
//! quietly, the way `cat` does, instead of panicking with "failed printing to
//! stdout: Broken pipe".
#![cfg(unix)]

use std::os::unix::process::ExitStatusExt as _;
use std::process::{Command, Stdio};

/// Runs darslik with a stdout whose reading end is already closed, so its
/// first write fails for certain (no race with a reader that exits).
fn run_with_closed_stdout(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("create a pipe");
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_darslik"))
        .env("DARSLIK_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run darslik")
}

fn assert_quiet(args: &[&str]) {
    let out = run_with_closed_stdout(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "darslik {args:?} with a closed stdout printed:\n{stderr}"
    );
    // Ended by SIGPIPE (as `cat` would) or exited 0; never the panic's 101.
    assert!(
        out.status.signal() == Some(libc::SIGPIPE) || out.status.code() == Some(0),
        "darslik {args:?} with a closed stdout ended with {:?}",
        out.status
    );
}

#[test]
fn status_json_into_a_closed_pipe_ends_quietly() {
    assert_quiet(&["status", "--format", "json"]);
}

#[test]
fn status_human_into_a_closed_pipe_ends_quietly() {
    assert_quiet(&["status"]);
}

#[test]
fn check_json_into_a_closed_pipe_ends_quietly() {
    assert_quiet(&["check", "--format", "json"]);
}

#[test]
fn translit_into_a_closed_pipe_ends_quietly() {
    assert_quiet(&["translit", "--to", "uz-Cyrl", "content/uz/index.md"]);
}
