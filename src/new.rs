//! `darslik new DIR`: a small course that builds, to start from.

use std::path::Path;

use crate::diag::Msg;
use crate::msg;

const FILES: &[(&str, &str)] = &[
    (
        "course.toml",
        r#"[course]
id = "my-course"
version = "0.1.0"
source_locale = "en"
locales = ["en", "ru", "uz"]
modules = ["module-01"]

[locales.uz]
fallback = ["ru", "en"]

[scorm]
mastery_score = 70
"#,
    ),
    (
        "locales/en/course.ftl",
        "course-title = My course\ncourse-description = A short course made with darslik.\n",
    ),
    (
        "locales/ru/course.ftl",
        "course-title = Мой курс\ncourse-description = Короткий курс, сделанный в darslik.\n",
    ),
    (
        "locales/uz/course.ftl",
        "course-title = Mening kursim\ncourse-description = darslik yordamida tayyorlangan qisqa kurs.\n",
    ),
    (
        "content/en/index.md",
        "+++\ntitle = \"Welcome\"\n+++\n\nThis course opens from a folder or a USB stick, with no internet.\n\nStart with [the first module](module-01/index.md).\n",
    ),
    (
        "content/en/module-01/index.md",
        "+++\ntitle = \"First module\"\ndescription = \"What this module covers.\"\n+++\n\n## What you will learn {#outcomes}\n\n- one thing\n- another thing\n",
    ),
    (
        "content/en/module-01/01-first-page.md",
        "+++\ntitle = \"First page\"\n+++\n\n## A heading\n\nWrite your page in Markdown. Link to [the outcomes](index.md#outcomes).\n\n| Term | Meaning |\n|---|---|\n| Act | what is done |\n",
    ),
    (
        "content/ru/index.md",
        "+++\ntitle = \"Добро пожаловать\"\n+++\n\nКурс открывается из папки или с флешки, без интернета.\n\nНачните с [первого модуля](module-01/index.md).\n",
    ),
    (
        "content/ru/module-01/index.md",
        "+++\ntitle = \"Первый модуль\"\n+++\n\n## Чему вы научитесь {#outcomes}\n\n- одному\n- другому\n",
    ),
    (
        "content/uz/index.md",
        "+++\ntitle = \"Xush kelibsiz\"\n+++\n\nKurs papkadan yoki fleshkadan internetsiz ochiladi.\n\n[Birinchi moduldan](module-01/index.md) boshlang.\n",
    ),
];

/// Writes the course into `dir`; why not, in darslik's words.
pub fn create(dir: &Path) -> Result<Vec<String>, Msg> {
    if dir.join("course.toml").exists() {
        return Err(msg!("cli-new-exists", dir = dir.display().to_string()));
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                msg!(
                    "cli-new-io",
                    file = parent.display().to_string(),
                    reason = e.to_string()
                )
            })?;
        }
        std::fs::write(&path, text).map_err(|e| {
            msg!(
                "cli-new-io",
                file = path.display().to_string(),
                reason = e.to_string()
            )
        })?;
        written.push((*rel).to_string());
    }
    Ok(written)
}
