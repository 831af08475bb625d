//! SCORM 1.2 and 2004 packages as one build output: the files both
//! versions share are compressed once; module documents are made module by
//! module as the pages are rendered; each zip is written as soon as it
//! passes the pre-flight (or kept whole for the bundle).

use std::sync::atomic::{AtomicUsize, Ordering};

use super::manifest::ScormVersion;
use super::package::{ModuleDocs, ZipSink, all_packages};
use crate::build::{Failure, Output, Writer};
use crate::output::Format;
use crate::output::write::Staged;
use crate::pipeline::{Built, ModuleDone};

#[derive(Default)]
pub struct ScormOutput {
    /// Documents of the modules rendered so far (when they come module by module).
    docs: Option<ModuleDocs>,
    /// The versions written zip by zip (not when the bundle keeps them).
    stages: Vec<(ScormVersion, Staged)>,
}

fn format(v: ScormVersion) -> Format {
    match v {
        ScormVersion::Scorm12 => Format::Scorm12,
        ScormVersion::Scorm2004 => Format::Scorm2004,
    }
}

const VERSIONS: [ScormVersion; 2] = [ScormVersion::Scorm12, ScormVersion::Scorm2004];

impl Output for ScormOutput {
    fn name(&self) -> &'static str {
        "scorm"
    }

    fn needs_docs(&self) -> bool {
        true
    }

    fn takes_modules(&self) -> bool {
        true
    }

    fn begin(&mut self, w: &Writer<'_>) -> Result<(), Failure> {
        if !w.keeps_trees() {
            for v in VERSIONS {
                if w.wants(format(v)) {
                    self.stages.push((v, w.stage(format(v))?));
                }
            }
        }
        Ok(())
    }

    fn module_done(&mut self, done: &ModuleDone<'_>) {
        let docs = self.docs.get_or_insert_with(Default::default);
        let locales: Vec<&str> = done.locales.iter().map(String::as_str).collect();
        docs.add(
            done.course,
            done.theme,
            done.messages,
            done.site,
            &done.docs,
            &locales,
            &[done.module],
        );
    }

    fn make(&mut self, built: &mut Built, w: &mut Writer<'_>) -> Result<(), Failure> {
        let versions: Vec<ScormVersion> = VERSIONS
            .into_iter()
            .filter(|v| w.needs(format(*v)))
            .collect();
        let locales: Vec<&str> = built.locales.iter().map(String::as_str).collect();
        let stages = std::mem::take(&mut self.stages);
        let counts: Vec<AtomicUsize> = stages.iter().map(|_| AtomicUsize::new(0)).collect();
        let zip_sink = |v: ScormVersion, name: &str, bytes: &[u8]| -> std::io::Result<()> {
            match stages.iter().position(|(sv, _)| *sv == v) {
                Some(i) => {
                    counts[i].fetch_add(1, Ordering::Relaxed);
                    stages[i].1.write(name, bytes)
                }
                None => Ok(()),
            }
        };
        let sink: Option<ZipSink<'_>> = if stages.is_empty() {
            None
        } else {
            Some(&zip_sink)
        };
        let mut trees = all_packages(built, self.docs.take(), &versions, &locales, sink)?;
        for ((v, _), count) in stages.iter().zip(&counts) {
            w.wrote(format(*v), count.load(Ordering::Relaxed));
        }
        let written: Vec<ScormVersion> = versions
            .iter()
            .copied()
            .filter(|v| w.wants(format(*v)))
            .collect();
        if !written.is_empty() {
            w.root_file(
                super::moodle::FILE,
                super::moodle::card(built, &written, &locales).as_bytes(),
            )?;
        }
        for v in versions {
            if let Some(t) = trees.remove(v.dir_name()).filter(|t| !t.is_empty()) {
                w.tree(format(v), t)?;
            }
        }
        Ok(())
    }
}
