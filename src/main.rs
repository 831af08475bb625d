// mimalloc: the build allocates many small strings from two threads; glibc's
// malloc spent ~17 % of a build in malloc/free and kept freed memory
// fragmented (peak RSS). See benches/run.sh for the figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    end_quietly_on_closed_stdout();
    darslik::memory::prefer_small_pages();
    std::process::exit(darslik::cli::main());
}

/// Rust ignores SIGPIPE, so every `println!` into a pipe whose reader has gone
/// (`darslik status --format json | head -1`) panicked with "failed printing
/// to stdout: Broken pipe". With the default action the process ends silently
/// there, as `cat` and `grep` do.
///
/// Not for `serve`: a browser closing a connection must fail that write
/// only, not end the server (std avoids the signal on plain socket writes,
/// but not on every path, e.g. vectored writes or sendfile).
#[cfg(unix)]
fn end_quietly_on_closed_stdout() {
    if std::env::args_os().nth(1).is_some_and(|a| a == "serve") {
        return;
    }
    // SAFETY: called first thing in main, before any other thread exists;
    // SIG_DFL is a valid action for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn end_quietly_on_closed_stdout() {}
