//! `darslik xliff export` / `import`: translation files as XLIFF 2.1 for
//! agencies' CAT tools (SPEC §10).

pub mod model;
pub mod page;
