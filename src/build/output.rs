//! The one interface every format is made through, and the writer that
//! stages what they make.

use crate::msg;
use std::collections::BTreeMap;

use super::{Event, Failure};
use crate::output::write::{Outputs, Staged};
use crate::output::{Format, Tree};
use crate::pipeline::{Built, ModuleDone};

/// One output of a build (mdBook's `Renderer`, Zola's output steps): made
/// from the one prepared course, written through a [`Writer`]. The driver
/// (`build::run`) calls, in this order: [`Output::begin`] before the
/// course is read, [`Output::module_done`] as each module's pages are
/// rendered (when [`Output::takes_modules`]), then [`Output::make`] for each
/// output in the order `build::outputs` lists them.
pub trait Output: Send {
    /// What it is, for messages.
    fn name(&self) -> &'static str;
    /// It needs the pages' bodies inside module documents (SCORM SCOs,
    /// single files); they are dropped after the last output that does.
    fn needs_docs(&self) -> bool {
        false
    }
    /// It can take those bodies module by module as the pages are
    /// rendered, instead of the whole course's at once.
    fn takes_modules(&self) -> bool {
        false
    }
    /// Before the course is read: open the folders it writes into as it goes.
    fn begin(&mut self, _w: &Writer<'_>) -> Result<(), Failure> {
        Ok(())
    }
    /// A module's pages are rendered (with its documents' bodies).
    fn module_done(&mut self, _done: &ModuleDone<'_>) {}
    /// Make the output and hand its files to the writer.
    fn make(&mut self, built: &mut Built, w: &mut Writer<'_>) -> Result<(), Failure>;
}

/// Stages the files of every output in the one new folder beside `--out`
/// (`output::write::Outputs`), keeps the trees the bundle is made from, and
/// counts what each format wrote.
pub struct Writer<'a> {
    staging: &'a Outputs,
    out: &'a std::path::Path,
    formats: &'a std::collections::BTreeSet<Format>,
    kept: BTreeMap<Format, Tree>,
    written: Vec<(Format, usize)>,
    events: &'a dyn Fn(Event<'_>),
}

impl<'a> Writer<'a> {
    pub fn new(
        staging: &'a Outputs,
        out: &'a std::path::Path,
        formats: &'a std::collections::BTreeSet<Format>,
        events: &'a dyn Fn(Event<'_>),
    ) -> Self {
        Writer {
            staging,
            out,
            formats,
            kept: BTreeMap::new(),
            written: Vec::new(),
            events,
        }
    }

    /// The format is written into `--out`.
    pub fn wants(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }

    /// The bundle is made: the site and SCORM trees are kept for it (so
    /// they are made whole, not streamed).
    pub fn keeps_trees(&self) -> bool {
        self.wants(Format::Bundle)
    }

    /// The format is made: written, or kept for the bundle.
    pub fn needs(&self, format: Format) -> bool {
        self.wants(format)
            || (self.keeps_trees()
                && matches!(format, Format::Site | Format::Scorm12 | Format::Scorm2004))
    }

    /// A folder of `format` to write into file by file.
    pub fn stage(&self, format: Format) -> Result<Staged, Failure> {
        self.staging
            .stage(format.dir())
            .map_err(|e| self.io(format, e))
    }

    /// The whole tree of `format`: written if asked for, kept for the
    /// bundle if it is made.
    pub fn tree(&mut self, format: Format, tree: Tree) -> Result<(), Failure> {
        if self.wants(format) {
            self.stage(format)?
                .write_tree(&tree)
                .map_err(|e| self.io(format, e))?;
            self.wrote(format, tree.len());
        }
        if self.keeps_trees() && format != Format::Bundle {
            self.kept.insert(format, tree);
        }
        Ok(())
    }

    /// A file at the root of `--out` (`MOODLE.md`), written with the
    /// formats.
    pub fn root_file(&self, name: &str, bytes: &[u8]) -> Result<(), Failure> {
        self.staging.write_file(name, bytes).map_err(|e| {
            Failure::Io(
                msg!(
                    "content-cannot-write",
                    file = self.out.join(name).display().to_string(),
                    detail = e.to_string()
                )
                .local(),
            )
        })
    }

    /// `files` of `format` were written through a [`Staged`] folder.
    pub fn wrote(&mut self, format: Format, files: usize) {
        self.written.push((format, files));
        crate::timing::lap(&format!("write {}", format.dir()));
    }

    /// The trees kept for the bundle.
    pub fn kept(&self) -> &BTreeMap<Format, Tree> {
        &self.kept
    }

    pub fn event(&self, e: Event<'_>) {
        (self.events)(e)
    }

    pub fn io(&self, format: Format, e: std::io::Error) -> Failure {
        Failure::Io(
            msg!(
                "content-cannot-write",
                file = self.out.join(format.dir()).display().to_string(),
                detail = e.to_string()
            )
            .local(),
        )
    }

    pub(super) fn into_written(self) -> Vec<(Format, usize)> {
        self.written
    }
}
