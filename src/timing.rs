//! `DARSLIK_TIMINGS=1`: how long each stage of a build took, on stderr, for
//! profiling (`benches/run.sh` and perf tell the whole story): wall time,
//! CPU time of the whole process (both cores), memory first touched
//! (minor page faults, which the kernel must zero) and resident memory at
//! the stage's end. The last three are read from /proc (Linux only).

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

#[derive(Clone, Copy)]
struct Mark {
    at: Instant,
    /// CPU seconds and minor faults so far (zero where /proc is missing).
    cpu: f64,
    faults: u64,
}

static LAST: Mutex<Option<Mark>> = Mutex::new(None);

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DARSLIK_TIMINGS").is_some_and(|v| v != "0"))
}

/// CPU seconds (user + system) and minor faults of this process so far.
fn usage() -> (f64, u64) {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return (0.0, 0);
    };
    // Fields after the command (which is in parentheses and may hold spaces).
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return (0.0, 0);
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let num = |i: usize| f.get(i).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    // minflt is field 10, utime 14, stime 15 (1-based, counting pid and
    // comm); `rest` starts at field 3.
    let ticks = 100.0; // USER_HZ on Linux
    ((num(11) + num(12)) as f64 / ticks, num(7))
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
    let (cpu, faults) = usage();
    Mark {
        at: Instant::now(),
        cpu,
        faults,
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
                "  [timing] {stage:<34} {:>7.1} ms  cpu {:>5.2} s  touched {:>4} MB  rss {:>4} MB",
                (now.at - before.at).as_secs_f64() * 1000.0,
                now.cpu - before.cpu,
                now.faults.saturating_sub(before.faults) * 4 / 1024,
                rss_mb(),
            );
        }
        *last = Some(now);
    }
}
