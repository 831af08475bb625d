//! When each locale's search index is made during the site's rendering: on
//! a small course all the locales' indexes side by side while the pages
//! render; on a large one (whose indexes take memory) one locale after
//! another, a locale's pages read (in parallel) while the previous locale's
//! index is assembled (on one thread), and the pages render beside the
//! last assembly.

use crate::diag::Diagnostic;
use crate::render::{RenderedSearch, Renderer};

/// Below this much page HTML, the locales' search indexes are built side by
/// side (above, one locale at a time, to keep memory down). The environment
/// variable `DARSLIK_SEARCH_SIDE_BY_SIDE_BELOW` (bytes) sets another limit:
/// the tests build a small course both ways, which must give the same bytes.
fn side_by_side_below() -> usize {
    std::env::var("DARSLIK_SEARCH_SIDE_BY_SIDE_BELOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48 << 20)
}

/// Above this many bytes a locale's index is sharded (search.js reads one
/// file of 128 KB in about 0.2 s on a phone; a sharded index costs a file
/// per query word and per few results). The environment variable
/// `DARSLIK_SEARCH_SHARD_ABOVE` (bytes) sets another limit: the tests shard
/// a small course.
/// `DARSLIK_SEARCH_SHARD_BYTES` sets the size of its shards (both kinds).
pub fn sharding() -> crate::search::Sharding {
    let env = |name: &str| -> Option<usize> { std::env::var(name).ok()?.parse().ok() };
    let mut s = crate::search::Sharding::NEVER;
    s.above = env("DARSLIK_SEARCH_SHARD_ABOVE").unwrap_or(128 << 10);
    if let Some(b) = env("DARSLIK_SEARCH_SHARD_BYTES") {
        s.term_bytes = b;
        s.text_bytes = b;
    }
    s
}

/// The search page and index of each of `locales` (in their order), made
/// beside `pages` (the rendering of the pages, run once, its result
/// returned); `text`: the bytes of page HTML of the course.
pub fn indexes_beside<P: Send>(
    r: &Renderer<'_>,
    locales: &[&str],
    text: usize,
    pages: impl FnOnce() -> P + Send,
) -> (P, Result<Vec<RenderedSearch>, Diagnostic>) {
    use rayon::prelude::*;
    let shard = sharding();
    let inputs = |l: &str| -> Vec<crate::search::PageInput<'_>> {
        (0..r.keys().len())
            .filter_map(|i| r.search_input(l, i))
            .collect()
    };
    if text < side_by_side_below() {
        return rayon::join(pages, || {
            locales
                .par_iter()
                .map(|l| r.search(l, inputs(l), shard))
                .collect::<Result<Vec<_>, _>>()
        });
    }
    let mut search = Vec::with_capacity(locales.len());
    let mut read: Option<(&str, crate::search::Read<'_>)> = None;
    let mut rendered = None;
    let mut pages = Some(pages);
    for next in locales.iter().map(Some).chain([None]) {
        let previous = read.take();
        let finish = || previous.map(|(l, read)| r.search_finish(l, read, shard));
        let (finished, next) = match next {
            Some(l) => rayon::join(finish, || Some((*l, crate::search::read(l, inputs(l))))),
            None => {
                let (finished, made) = rayon::join(finish, || pages.take().map(|f| f()));
                rendered = made;
                (finished, None)
            }
        };
        if let Some(index) = finished {
            search.push(index);
            // That locale's working data goes before the next's.
            crate::memory::release_free_memory();
        }
        read = next;
    }
    // The last step (`next` is None) always renders the pages.
    let Some(rendered) = rendered else {
        unreachable!("the pages are rendered at the last step")
    };
    (rendered, search.into_iter().collect())
}
