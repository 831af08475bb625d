//! `DARSLIK_TIMINGS=1`: how long each stage of a build took, on stderr, for
//! profiling (`benches/run.sh` and perf tell the whole story): wall time,
//! CPU time of the whole process (all threads) and resident memory at the
//! stage's end. The last two are read from /proc (Linux only).

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

#[derive(Clone, Copy)]
struct Mark {
    at: Instant,
    /// CPU seconds so far (zero where /proc is missing).
    cpu: f64,
}

static LAST: Mutex<Option<Mark>> = Mutex::new(None);

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DARSLIK_TIMINGS").is_some_and(|v| v != "0"))
}

/// CPU seconds (user + system) of this process so far.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command (which is in parentheses and may hold spaces).
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let num = |i: usize| f.get(i).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    // utime is field 14, stime 15 (1-based, counting pid and comm); `rest`
    // starts at field 3. Ticks are USER_HZ, 100 a second on Linux.
    (num(11) + num(12)) as f64 / 100.0
}

fn rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

fn mark() -> Mark {
    Mark {
        at: Instant::now(),
        cpu: cpu_seconds(),
    }
}

/// Start the clock.
pub fn start() {
    if enabled()
        && let Ok(mut last) = LAST.lock()
    {
        *last = Some(mark());
    }
}

/// The time since the last lap, labelled with the stage that just ended.
pub fn lap(stage: &str) {
    if !enabled() {
        return;
    }
    let now = mark();
    if let Ok(mut last) = LAST.lock() {
        if let Some(before) = *last {
            eprintln!(
                "  [timing] {stage:<34} {:>7.1} ms  cpu {:>5.2} s  rss {:>4} MB",
                (now.at - before.at).as_secs_f64() * 1000.0,
                now.cpu - before.cpu,
                rss_mb(),
            );
        }
        *last = Some(now);
    }
}
