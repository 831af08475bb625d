//! `darslik serve`: a preview on 127.0.0.1 for translators. The course is
//! loaded into memory once; a change to a page file reads and renders only
//! that page again (its neighbours' navigation and its locale's search
//! index follow, since pages are rendered when asked for and indexes built
//! when asked for); a change to course.toml, a theme, a Fluent file, an
//! added or removed file or an image loads the whole course again. The open
//! page reloads itself. A build error is shown over the page (file:line:col)
//! until fixed, while the last good version stays served.

mod change;
mod http;
mod owner;
mod request;
pub mod site;
mod slots;
mod watch;

use std::collections::{BTreeSet, HashMap};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use owner::{Job, Outcome};
use site::{SearchJob, Site};

/// What the event streams tell the open pages.
#[derive(Default)]
struct Status {
    /// Bumped on every change, good or bad.
    generation: u64,
    /// The diagnostics of the course as it is on disk, when it has errors.
    error: Option<String>,
    /// The last load of the whole course failed: the next change, whatever
    /// it is, loads it again.
    reload: bool,
    /// The last change was pages edited (nothing the head of a page loads):
    /// open pages can take their new body in place.
    pages_only: bool,
}

/// Locale → (version, `search-index.js`).
type SearchCache = HashMap<String, (u64, Arc<Vec<u8>>)>;

/// What the server threads share.
pub(crate) struct Shared {
    root: PathBuf,
    /// To the thread that owns the site.
    jobs: Sender<Job>,
    status: Mutex<Status>,
    changed: Condvar,
    search: Mutex<SearchCache>,
    /// The files that change only when the whole course loads again (the
    /// chooser, the theme's static files), answered without the owner.
    fixed: RwLock<Arc<HashMap<String, Arc<Vec<u8>>>>>,
    /// One search index is built at a time.
    building: Mutex<()>,
}

/// The owner's answer to a request.
pub(crate) enum Reply {
    Found(Arc<Vec<u8>>),
    /// A file beside the pages, to read.
    File(PathBuf),
    /// A search index to build: (locale, version, what from).
    Build(String, u64, Box<SearchJob>),
    /// A template failed on the page asked for.
    Failed(String),
    Missing,
}

/// What a request gets.
pub(crate) enum Served {
    Found(Arc<Vec<u8>>),
    Failed(String),
    Missing,
}

impl Shared {
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The file at `path` of the last good site.
    fn get(&self, path: &str) -> Served {
        if let Some(b) = self.fixed.read().ok().and_then(|f| f.get(path).cloned()) {
            return Served::Found(b);
        }
        let (tx, rx) = channel();
        let job = Job::Get {
            path: path.to_string(),
            reply: tx,
        };
        if self.jobs.send(job).is_err() {
            return Served::Missing;
        }
        match rx.recv() {
            Ok(Reply::Found(b)) => Served::Found(b),
            Ok(Reply::File(file)) => match crate::course::svg::read_asset(&file) {
                Ok(b) => Served::Found(Arc::new(b)),
                Err(_) => Served::Missing,
            },
            Ok(Reply::Build(locale, version, job)) => {
                let _one = self.building.lock();
                // Built meanwhile by another request?
                if let Some(js) = self.cached_search(&locale, version) {
                    return Served::Found(js);
                }
                let js = Arc::new(job.build());
                if let Ok(mut c) = self.search.lock() {
                    c.insert(locale, (version, js.clone()));
                }
                Served::Found(js)
            }
            Ok(Reply::Failed(text)) => Served::Failed(text),
            Ok(Reply::Missing) | Err(_) => Served::Missing,
        }
    }

    /// A locale's search index, if built for this version.
    pub(crate) fn cached_search(&self, locale: &str, version: u64) -> Option<Arc<Vec<u8>>> {
        let cache = self.search.lock().ok()?;
        cache
            .get(locale)
            .filter(|(v, _)| *v == version)
            .map(|(_, js)| js.clone())
    }

    /// Tell the open pages: reload, or show the errors.
    pub(crate) fn publish(&self, error: Option<String>, reload: bool) {
        self.publish_change(error, reload, false);
    }

    /// Tell the open pages that pages were edited and are good again.
    pub(crate) fn publish_pages(&self) {
        self.publish_change(None, false, true);
    }

    fn publish_change(&self, error: Option<String>, reload: bool, pages_only: bool) {
        if let Ok(mut s) = self.status.lock() {
            s.generation += 1;
            s.error = error;
            s.reload = reload;
            s.pages_only = pages_only;
        }
        self.changed.notify_all();
    }

    /// Load the whole course again; a course with errors keeps the last good one.
    fn load(&self) -> bool {
        match Site::load(&self.root) {
            Ok(site) => {
                let fixed = Arc::new(site.fixed_files());
                let (done, wait) = channel();
                let job = Job::Replace {
                    site: Box::new(site),
                    done,
                };
                let replaced = self.jobs.send(job).is_ok() && wait.recv().is_ok();
                if let Ok(mut f) = self.fixed.write() {
                    *f = fixed;
                }
                replaced
            }
            Err(text) => {
                self.publish(Some(text), true);
                false
            }
        }
    }

    /// Bring the site up to date with a batch of changed files.
    fn update(&self, paths: BTreeSet<String>) {
        let started = Instant::now();
        let must_load = self.status.lock().map(|s| s.reload).unwrap_or(true);
        let outcome = if must_load {
            Outcome::Load
        } else {
            let (reply, wait) = channel();
            if self.jobs.send(Job::Changed { paths, reply }).is_err() {
                return;
            }
            wait.recv().unwrap_or(Outcome::Load)
        };
        let (what, ok) = match outcome {
            Outcome::Nothing => return,
            Outcome::Pages { ok } => ("pages", ok),
            Outcome::Load => ("course", self.load()),
        };
        let ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let line = match (what, ok) {
            ("pages", true) => crate::msg!("cli-serve-pages-rebuilt", ms = ms),
            ("pages", false) => crate::msg!("cli-serve-pages-rebuilt-errors", ms = ms),
            (_, true) => crate::msg!("cli-serve-course-rebuilt", ms = ms),
            (_, false) => crate::msg!("cli-serve-course-rebuilt-errors", ms = ms),
        };
        eprintln!("  {}", line.local());
    }
}

pub fn serve(root: &Path, port: u16) -> i32 {
    let started = Instant::now();
    let (jobs, queue) = channel();
    let shared = Arc::new(Shared {
        root: root.to_path_buf(),
        jobs,
        status: Mutex::new(Status::default()),
        changed: Condvar::new(),
        search: Mutex::new(HashMap::new()),
        building: Mutex::new(()),
        fixed: RwLock::new(Arc::new(HashMap::new())),
    });
    let owner = shared.clone();
    std::thread::spawn(move || owner::run(owner, queue));
    shared.load();
    if let Ok(s) = shared.status.lock()
        && let Some(e) = &s.error
    {
        eprint!("{e}");
    }
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) => {
            crate::cli::error(crate::msg!(
                "cli-serve-cannot-listen",
                address = format!("127.0.0.1:{port}"),
                reason = e.to_string()
            ));
            crate::cli::hint(crate::msg!(
                "cli-serve-cannot-listen-hint",
                option = format!("--port {}", port.wrapping_add(1))
            ));
            return 2;
        }
    };
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    eprintln!(
        "darslik: {}",
        crate::msg!(
            "cli-serve-ready",
            course = root.display().to_string(),
            url = format!("http://{addr}/"),
            seconds = format!("{:.2}", started.elapsed().as_secs_f64())
        )
        .local()
    );

    let watching = shared.clone();
    let _watcher = match watch::watch(root, move |paths| watching.update(paths)) {
        Ok(w) => w,
        Err(e) => {
            crate::cli::error(crate::msg!(
                "cli-serve-cannot-watch",
                course = root.display().to_string(),
                reason = e.to_string()
            ));
            return 1;
        }
    };
    let gate = Arc::new(http::Gate {
        port: listener.local_addr().map_or(port, |a| a.port()),
        pages: slots::Pool::new(slots::PAGE_CONNECTIONS),
        events: slots::Pool::new(slots::EVENT_STREAMS),
    });
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it
                // was taken: a moment for things to free up, not a busy loop.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        // Room is made here, before a thread starts: threads stay bounded.
        let Some(slot) = gate.pages.enter(&stream, || {}) else {
            http::turn_away(stream);
            continue;
        };
        let (shared, gate) = (shared.clone(), gate.clone());
        // A thread that cannot start gives its slot back as it is dropped.
        let _ = std::thread::Builder::new().spawn(move || {
            let _ = http::handle(stream, &shared, &gate, slot);
        });
    }
    0
}
