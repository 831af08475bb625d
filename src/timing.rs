//! `DARSLIK_TIMINGS=1`: how long each stage of a build took, on stderr, for
//! profiling (`benches/run.sh` and perf tell the whole story).

use std::sync::{Mutex, OnceLock};
use std::time::Instant;

static LAST: Mutex<Option<Instant>> = Mutex::new(None);

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DARSLIK_TIMINGS").is_some_and(|v| v != "0"))
}

/// Start the clock.
pub fn start() {
    if enabled()
        && let Ok(mut last) = LAST.lock()
    {
        *last = Some(Instant::now());
    }
}

/// The time since the last lap, labelled with the stage that just ended.
pub fn lap(stage: &str) {
    if !enabled() {
        return;
    }
    let now = Instant::now();
    if let Ok(mut last) = LAST.lock() {
        if let Some(before) = *last {
            eprintln!(
                "  [timing] {stage:<28} {:>8.1} ms",
                (now - before).as_secs_f64() * 1000.0
            );
        }
        *last = Some(now);
    }
}
