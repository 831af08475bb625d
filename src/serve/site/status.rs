//! `/_status/` in `serve`: the coordinator's dashboard of `darslik status
//! --format html`, made from the course as it is in memory now (so after
//! every edit), with the problems `serve` knows of, in the language of the
//! process.

use super::super::Site;
use crate::diag::Diagnostic;

impl Site {
    /// The dashboard page, fresh.
    pub(in crate::serve::site) fn status_page(&self) -> String {
        let status = crate::status::status(&self.course);
        let problems: Vec<Diagnostic> = self
            .fixed
            .iter()
            .chain(self.read_problems.values().flatten())
            .chain(self.body_problems.values().flatten())
            .cloned()
            .collect();
        crate::status::html::page_with(&status, &problems, crate::diag::lang::current())
    }
}
