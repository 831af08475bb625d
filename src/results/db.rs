//! The register: SQLite schema, migrations, queries.
