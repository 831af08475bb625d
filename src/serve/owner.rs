//! The thread that owns the site in memory. Between two changes it answers
//! requests with one renderer borrowed from the site (making a renderer
//! takes longer than rendering a page, so it is made once per change, not
//! per request); a change ends the borrow, is applied, and a new renderer
//! checks the changed pages before the open pages are told to reload.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use super::change::{self, Change};
use super::site::{Edit, Found, PageId, Site};
use super::{Reply, Shared};
use crate::diag::Diagnostic;
use crate::render::Renderer;

pub(crate) enum Job {
    /// A file of the site.
    Get { path: String, reply: Sender<Reply> },
    /// Files changed on disk.
    Changed {
        paths: BTreeSet<String>,
        reply: Sender<Outcome>,
    },
    /// The whole course, loaded again.
    Replace { site: Box<Site>, done: Sender<()> },
}

/// What became of a batch of changed files.
pub(crate) enum Outcome {
    /// Nothing the site is made from.
    Nothing,
    /// Pages changed: applied, or the course has errors now.
    Pages { ok: bool },
    /// Load the whole course again.
    Load,
}

/// What ended a borrow of the site.
enum Next {
    Job(Job),
    /// The changed pages do not render: take the edit back.
    Revert(String, Sender<Outcome>),
}

pub(crate) fn run(shared: Arc<Shared>, jobs: Receiver<Job>) {
    let mut site: Option<Site> = None;
    // An applied edit whose pages are rendered once the new renderer is made.
    let mut to_check: Option<(Vec<PageId>, Sender<Outcome>)> = None;
    loop {
        let next = match &site {
            Some(s) => {
                let renderer = s.renderer();
                serve(s, &renderer, &shared, &jobs, &mut to_check)
            }
            None => serve_nothing(&jobs),
        };
        match next {
            None => return,
            Some(Next::Revert(text, reply)) => {
                if let Some(s) = site.as_mut() {
                    s.revert();
                }
                shared.publish(Some(text), false);
                let _ = reply.send(Outcome::Pages { ok: false });
            }
            Some(Next::Job(Job::Replace { site: new, done })) => {
                site = Some(*new);
                to_check = None;
                shared.publish(None, false);
                let _ = done.send(());
            }
            Some(Next::Job(Job::Changed { paths, reply })) => {
                let Some(s) = site.as_mut() else {
                    let _ = reply.send(Outcome::Load);
                    continue;
                };
                match change::classify(shared.root(), s, &paths) {
                    Change::Nothing => {
                        let _ = reply.send(Outcome::Nothing);
                    }
                    Change::All => {
                        let _ = reply.send(Outcome::Load);
                    }
                    Change::Pages(pages) => match s.apply(&pages) {
                        Edit::Applied(a) => to_check = Some((a.pages, reply)),
                        Edit::Failed(text) => {
                            shared.publish(Some(text), false);
                            let _ = reply.send(Outcome::Pages { ok: false });
                        }
                        Edit::Reload => {
                            let _ = reply.send(Outcome::Load);
                        }
                    },
                }
            }
            Some(Next::Job(Job::Get { reply, .. })) => {
                let _ = reply.send(Reply::Missing);
            }
        }
    }
}

/// Answer requests from one version of the site until a change comes.
fn serve(
    site: &Site,
    renderer: &Result<Renderer<'_>, Diagnostic>,
    shared: &Shared,
    jobs: &Receiver<Job>,
    to_check: &mut Option<(Vec<PageId>, Sender<Outcome>)>,
) -> Option<Next> {
    if let Some((pages, reply)) = to_check.take() {
        let checked = match renderer {
            Ok(r) => site.check(r, &pages),
            Err(d) => Err(d.render()),
        };
        match checked {
            Ok(()) => {
                shared.publish_pages();
                let _ = reply.send(Outcome::Pages { ok: true });
            }
            Err(text) => return Some(Next::Revert(text, reply)),
        }
    }
    loop {
        match jobs.recv().ok()? {
            Job::Get { path, reply } => {
                let _ = reply.send(answer(site, renderer.as_ref().ok(), shared, &path));
            }
            job => return Some(Next::Job(job)),
        }
    }
}

/// Before the course is loaded: nothing to serve.
fn serve_nothing(jobs: &Receiver<Job>) -> Option<Next> {
    loop {
        match jobs.recv().ok()? {
            Job::Get { reply, .. } => {
                let _ = reply.send(Reply::Missing);
            }
            job => return Some(Next::Job(job)),
        }
    }
}

fn answer(site: &Site, renderer: Option<&Renderer<'_>>, shared: &Shared, path: &str) -> Reply {
    match site.answer(renderer, path) {
        Found::Bytes(b) => Reply::Found(Arc::new(b)),
        Found::File(file) => Reply::File(file),
        Found::SearchIndex(locale) => {
            let version = site.search_version(&locale);
            match shared.cached_search(&locale, version) {
                Some(js) => Reply::Found(js),
                // Built by the thread that asked, from a copy, so that
                // the site can change meanwhile.
                None => match site.search_job(renderer, &locale) {
                    Ok(job) => Reply::Build(locale, version, Box::new(job)),
                    Err(d) => Reply::Failed(d.render()),
                },
            }
        }
        Found::Failed(text) => Reply::Failed(text),
        Found::Missing => Reply::Missing,
    }
}
