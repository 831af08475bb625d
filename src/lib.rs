//! darslik: builds training courses written in Markdown and Fluent into
//! offline static sites and SCORM packages. See ARCHITECTURE.md.

// Diagnostics are rich error values on cold paths; boxing them buys nothing.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod check;
pub mod cli;
pub mod course;
pub mod diag;
pub mod diff;
pub mod glossary;
pub mod i18n;
pub mod markdown;
pub mod memory;
pub mod new;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod results;
pub mod search;
pub mod serve;
pub mod stamp;
pub mod status;
pub mod timing;
pub mod translit;
pub mod xliff;
