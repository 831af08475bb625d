//! `darslik build`: a [`Plan`] checked before any page is read, the course
//! prepared once (`pipeline`), then one [`Output`] per format made from it
//! and staged by a [`Writer`]; every output takes `--out`'s place together
//! at the end, or none does.

pub mod locales;
pub mod output;
pub mod plan;

use crate::msg;
use std::collections::BTreeMap;

pub use output::{Output, Writer};
pub use plan::{Plan, PlanError, Request};

use crate::diag::Diagnostics;
use crate::output::Format;
use crate::pipeline::{self, ModuleDone, ModuleHook};

/// What a build tells as it goes.
pub enum Event<'a> {
    /// The course is read and checked: every warning (and, with
    /// `--keep-going`, the errors of the locales left out).
    Checked(&'a Diagnostics),
    /// The site's pages are rendered.
    Rendered {
        pages: usize,
        locales: &'a [String],
        fallback_pages: usize,
    },
}

/// Why a build wrote nothing.
#[derive(Debug)]
pub enum Failure {
    /// The course has errors (not yet printed).
    Course(Diagnostics),
    /// The output could not be written.
    Io(String),
}

impl From<Vec<crate::diag::Diagnostic>> for Failure {
    fn from(items: Vec<crate::diag::Diagnostic>) -> Self {
        Failure::Course(Diagnostics { items })
    }
}

impl From<crate::diag::Diagnostic> for Failure {
    fn from(d: crate::diag::Diagnostic) -> Self {
        Failure::from(vec![d])
    }
}

/// A build that wrote its outputs.
#[derive(Debug)]
pub struct Summary {
    /// Each format written and its number of files, in the order written.
    pub written: Vec<(Format, usize)>,
    /// With `--keep-going`: the locales left out and their errors' count.
    pub left_out: BTreeMap<String, usize>,
    /// The locales written.
    pub locales: Vec<String>,
    /// Errors found (only with `--keep-going`: in locales left out, or in
    /// pages no written locale shows).
    pub errors: usize,
}

/// The outputs that make `plan`'s formats, in the order they are made:
/// SCORM packages and single files first (they need the module documents'
/// bodies, dropped after them), then the site, then the bundle (made from
/// the site and SCORM trees).
pub fn outputs(plan: &Plan) -> Vec<Box<dyn Output>> {
    use crate::output::{bundle, scorm, single, site};
    let f = &plan.formats;
    let bundle = f.contains(&Format::Bundle);
    let mut out: Vec<Box<dyn Output>> = Vec::new();
    if bundle || f.contains(&Format::Scorm12) || f.contains(&Format::Scorm2004) {
        out.push(Box::new(scorm::ScormOutput::default()));
    }
    if f.contains(&Format::Single) {
        out.push(Box::new(single::SingleOutput));
    }
    if bundle || f.contains(&Format::Site) {
        out.push(Box::new(site::SiteOutput::default()));
    }
    if bundle {
        out.push(Box::new(bundle::BundleOutput));
    }
    out
}

/// A course folder prepared and its site rendered in memory, every
/// locale (for tests and tools; `run` writes the outputs).
pub fn whole(root: &std::path::Path) -> Result<pipeline::Built, Diagnostics> {
    let mut built = pipeline::prepare(root)?;
    crate::output::site::render_site(&mut built, None)?;
    Ok(built)
}

/// Run a build.
pub fn run(
    plan: Plan,
    loaded: plan::Loaded,
    events: &dyn Fn(Event<'_>),
) -> Result<Summary, Failure> {
    let staging = match crate::output::write::Outputs::begin(&plan.out) {
        Ok(Ok(o)) => o,
        Ok(Err(msg)) => return Err(Failure::Io(msg)),
        Err(e) => {
            return Err(Failure::Io(
                msg!(
                    "content-cannot-write-into",
                    folder = plan.out.display().to_string(),
                    detail = e.to_string()
                )
                .local(),
            ));
        }
    };
    let mut outputs = outputs(&plan);
    let mut w = Writer::new(&staging, &plan.out, &plan.formats, events);
    for o in &mut outputs {
        o.begin(&w)?;
    }
    let needs_docs = outputs.iter().any(|o| o.needs_docs());
    // Module documents are made module by module as the pages are rendered
    // when every output that needs them can take them so (not single
    // files), and the locales written are known (not with --keep-going,
    // which may leave some out after the checks).
    let streams = !plan.keep_going
        && outputs.iter().any(|o| o.takes_modules())
        && outputs.iter().all(|o| !o.needs_docs() || o.takes_modules());
    let mut to_outputs = |done: ModuleDone<'_>| {
        for o in outputs.iter_mut() {
            o.module_done(&done);
        }
    };
    let hook: Option<ModuleHook<'_>> = if streams { Some(&mut to_outputs) } else { None };
    let mut config_diags = loaded.diagnostics;
    if !plan.formats.contains(&Format::Scorm2004) && !plan.formats.contains(&Format::Bundle) {
        // About SCORM 2004 packages, which this build does not make.
        config_diags
            .items
            .retain(|d| d.code != crate::diag::Code::Scorm2004CoursePackage);
    }
    let mut built = pipeline::prepare_checked(
        &plan.root,
        (loaded.config, config_diags),
        plan.locales.clone(),
        hook,
        needs_docs,
    );
    let left_out = locales::leave_out(&mut built, plan.keep_going)?;
    events(Event::Checked(&built.diagnostics));
    built.course.release_texts();
    crate::memory::release_free_memory();
    let last_with_docs = outputs.iter().rposition(|o| o.needs_docs());
    for (i, o) in outputs.iter_mut().enumerate() {
        o.make(&mut built, &mut w)?;
        if Some(i) == last_with_docs {
            built.bodies.docs = Default::default();
            crate::memory::release_free_memory();
        }
    }
    let written = w.into_written();
    let errors = built.diagnostics.errors().count();
    staging.commit().map_err(|e| {
        Failure::Io(
            msg!(
                "content-cannot-write",
                file = plan.out.display().to_string(),
                detail = e.to_string()
            )
            .local(),
        )
    })?;
    crate::timing::lap("swap outputs in");
    Ok(Summary {
        written,
        left_out,
        locales: built.locales,
        errors,
    })
}
