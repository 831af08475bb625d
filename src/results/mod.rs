//! Offline records (SPEC §9): results files saved by learners
//! (`file`), the trainer's SQLite register (`db`, `add`), the class report
//! (`report`) and signed certificates (`cert`).

pub mod add;
pub mod cert;
pub mod db;
pub mod file;
pub mod report;
