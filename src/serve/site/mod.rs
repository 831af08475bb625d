//! The course `serve` holds in memory: loaded and checked once, then changed
//! page by page. Nothing is rendered ahead: a page is rendered when it is
//! asked for, from the page bodies kept here, so its navigation (titles,
//! prev/next, the module's contents, progress) always matches the course; a
//! locale's search index is built when asked for (see [`SearchJob`]).
//!
//! Every file it answers is the same as `darslik build --format site` writes
//! for the same course.

mod answer;
mod assets;
mod edit;
mod load;
mod search;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use crate::course::Course;
use crate::diag::Diagnostic;
use crate::i18n::Messages;
use crate::markdown::links::Anchors;
use crate::render::Bodies;
use crate::render::{Renderer, Theme};
use crate::translit::Exceptions;

pub use answer::Found;
pub use edit::{Applied, Edit};
pub use search::SearchJob;

use assets::AssetMap;
use edit::Last;

pub use crate::course::PageId;

pub struct Site {
    course: Course,
    theme: Theme,
    messages: Messages,
    /// The static site's page bodies (`docs` stays empty).
    bodies: Bodies,
    /// Problems no page edit changes (course.toml, folders, Fluent files);
    /// warnings only, since a course with errors is not loaded.
    fixed: Vec<Diagnostic>,
    /// Problems found reading a page file (front matter).
    read_problems: BTreeMap<PageId, Vec<Diagnostic>>,
    /// Problems found in a page's Markdown, links and quizzes.
    body_problems: BTreeMap<PageId, Vec<Diagnostic>>,
    /// Every page's heading ids.
    anchors: Anchors,
    /// Page → the pages its links with an `#anchor` go to...
    anchored: HashMap<PageId, Vec<PageId>>,
    /// ... and the other way round.
    linked_from: HashMap<PageId, BTreeSet<PageId>>,
    /// Transliteration exceptions of each generated locale.
    exceptions: HashMap<String, Exceptions>,
    /// Page key → its number in reading order.
    numbers: HashMap<String, usize>,
    chooser: String,
    /// Locale → the version of its search index.
    search_versions: HashMap<String, u64>,
    /// The files beside the pages, worked out when first asked for.
    assets: Mutex<Option<Arc<AssetMap>>>,
    /// Pages changed on disk whose changes are not applied (the course had
    /// errors with them); read again on the next edit.
    pending: BTreeSet<PageId>,
    last: Option<Last>,
}

impl Site {
    pub fn course(&self) -> &Course {
        &self.course
    }

    /// The renderer of this version of the site (it takes a moment to make:
    /// make it once per version).
    pub fn renderer(&self) -> Result<Renderer<'_>, Diagnostic> {
        Renderer::new(&self.course, &self.theme, &self.messages, &self.bodies.site)
    }
}
