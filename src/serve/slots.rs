//! How many connections the preview keeps open, and which one makes way
//! for a new one. Each connection has its thread; without a cap, idle or
//! slow clients (or a page opening connections in a loop) grow threads and
//! file descriptors until the server can accept nobody else. With one, a
//! new connection over the cap closes the connection idle the longest — a
//! connection waiting for its request, never one being answered — so a
//! browser is always let in, and threads stay bounded.

use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Connections for pages, styles, scripts and images. A browser opens at
/// most 6 per host (Chromium, Firefox), so 64 lets ten windows or
/// browsers load at once, while 64 threads and 128 descriptors stay far
/// below any system's limits (a desktop session starts with 1024 files).
pub const PAGE_CONNECTIONS: usize = 64;

/// Server-sent event streams, one per open page, each open as long as the
/// page is. They are kept apart from the page connections so that open
/// tabs never take a page's place. 16 is more open preview pages than one
/// translator keeps (a browser can hold only 6 connections to the preview
/// anyway); past it the oldest stream is closed, and its page connects
/// again on its own when it is next looked at.
pub const EVENT_STREAMS: usize = 16;

/// How long a new connection waits for room when every connection is busy
/// answering (none idle to close): answers take milliseconds, so this
/// passes only when something is wrong; then the client is told 503.
pub const ROOM_WAIT: Duration = Duration::from_secs(2);

/// A set of open connections with a cap.
pub struct Pool {
    cap: usize,
    state: Mutex<State>,
    /// Signalled when a connection leaves.
    freed: Condvar,
}

#[derive(Default)]
struct State {
    next: u64,
    open: Vec<Open>,
}

struct Open {
    id: u64,
    /// A handle to close the connection from another thread.
    stream: TcpStream,
    /// Since when it waits for a request; `None` while it is answered.
    idle_since: Option<Instant>,
    closing: Arc<AtomicBool>,
}

/// A connection's place in a pool, given back when dropped.
pub struct Slot {
    pool: Arc<Pool>,
    id: u64,
    closing: Arc<AtomicBool>,
}

impl Pool {
    pub fn new(cap: usize) -> Arc<Pool> {
        Arc::new(Pool {
            cap,
            state: Mutex::new(State::default()),
            freed: Condvar::new(),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Room for `stream`, idle from now: when the pool is full, the
    /// connection idle the longest is closed (and `wake` called, for one
    /// waiting on something other than its socket) and its room taken.
    /// `None` when nothing became free within [`ROOM_WAIT`].
    pub fn enter(self: &Arc<Self>, stream: &TcpStream, wake: impl Fn()) -> Option<Slot> {
        let handle = stream.try_clone().ok()?;
        let until = Instant::now() + ROOM_WAIT;
        let mut state = self.state();
        loop {
            if state.open.len() < self.cap {
                let id = state.next;
                state.next += 1;
                let closing = Arc::new(AtomicBool::new(false));
                state.open.push(Open {
                    id,
                    stream: handle,
                    idle_since: Some(Instant::now()),
                    closing: closing.clone(),
                });
                return Some(Slot {
                    pool: self.clone(),
                    id,
                    closing,
                });
            }
            // One connection closed at a time: the room it leaves is taken
            // before another is closed.
            let pending = state.open.iter().any(|o| o.closing.load(Ordering::SeqCst));
            if !pending
                && let Some(oldest) = state
                    .open
                    .iter()
                    .filter(|o| o.idle_since.is_some())
                    .min_by_key(|o| o.idle_since)
            {
                oldest.closing.store(true, Ordering::SeqCst);
                // Its thread, waiting to read, sees the end of the stream.
                let _ = oldest.stream.shutdown(Shutdown::Both);
                wake();
            }
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            state = self
                .freed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Connections open now.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.state().open.len()
    }
}

impl Slot {
    /// The connection waits for its next request: it may be closed to make
    /// room.
    pub fn idle(&self) {
        self.mark(Some(Instant::now()));
    }

    /// The connection is being answered: it is not closed for room. False
    /// when it was closed already.
    pub fn busy(&self) -> bool {
        self.mark(None);
        !self.closing()
    }

    /// The connection was closed to make room: its thread ends.
    pub fn closing(&self) -> bool {
        self.closing.load(Ordering::SeqCst)
    }

    fn mark(&self, idle_since: Option<Instant>) {
        let mut state = self.pool.state();
        if let Some(open) = state.open.iter_mut().find(|o| o.id == self.id) {
            open.idle_since = idle_since;
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut state = self.pool.state();
        state.open.retain(|o| o.id != self.id);
        drop(state);
        self.pool.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::TcpListener;
    use std::thread::JoinHandle;

    /// A connection's thread: busy or idle, until its stream ends; whether
    /// it was closed for room.
    fn connection(slot: Slot, stream: TcpStream, busy: bool) -> JoinHandle<bool> {
        std::thread::spawn(move || {
            if busy {
                slot.busy();
            }
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = (&stream).read(&mut [0u8; 16]);
            slot.closing()
        })
    }

    #[test]
    fn a_full_pool_closes_the_connection_idle_longest_never_a_busy_one() {
        let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind");
        let addr = listener.local_addr().expect("addr");
        let pool = Pool::new(2);
        let mut clients = Vec::new();
        let mut accept = || {
            clients.push(TcpStream::connect(addr).expect("connect"));
            let (server, _) = listener.accept().expect("accept");
            std::thread::sleep(Duration::from_millis(5));
            let slot = pool.enter(&server, || {});
            (slot, server)
        };
        let (a, sa) = accept();
        let a = connection(a.expect("room for a"), sa, false);
        let (b, sb) = accept();
        let b = connection(b.expect("room for b"), sb, true);
        std::thread::sleep(Duration::from_millis(20));
        // Full: a, idle, makes way; b, busy, stays.
        let (c, sc) = accept();
        let c = c.expect("room for c");
        assert!(a.join().expect("a"), "a was closed for c");
        assert!(!b.is_finished(), "b is kept");
        assert_eq!(pool.len(), 2);
        // b busy, c busy: no room, after the wait.
        assert!(c.busy());
        let started = Instant::now();
        let (d, _sd) = accept();
        assert!(d.is_none(), "no room when all are busy");
        assert!(started.elapsed() >= ROOM_WAIT);
        drop((c, sc));
        let (e, _se) = accept();
        assert!(e.is_some(), "room once one leaves");
        drop(clients);
        assert!(!b.join().expect("b"), "b ended on its own");
    }
}
