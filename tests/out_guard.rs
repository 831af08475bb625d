//! `--out` deletes only what darslik wrote (SPEC §11, issue 16 D5): it
//! refuses a folder that holds the course, the root of the file system, and
//! a folder of someone else's files; a rebuild keeps what it did not make.

mod common;
use common::*;
use std::path::Path;

fn build_into(course: &Path, out: &Path, formats: &str) -> std::process::Output {
    darslik(&[
        "build",
        "--course",
        &course.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--format",
        formats,
        "--quiet",
    ])
}

#[test]
fn an_out_folder_that_holds_the_course_is_refused_and_the_course_stays() {
    let top = tempfile::tempdir().unwrap();
    let course = top.path().join("site");
    copy_dir(&fixture("basic"), &course);
    let before = read(&course, "content/en/index.md");
    // The course inside --out, and --out the course itself.
    for out in [top.path().to_path_buf(), course.clone()] {
        let o = build_into(&course, &out, "site");
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("holds the course"), "{}", stderr(&o));
        assert_eq!(read(&course, "content/en/index.md"), before);
        assert!(course.join("course.toml").is_file());
    }
    let o = build_into(&course, Path::new("/"), "site");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("root of the file system"),
        "{}",
        stderr(&o)
    );
    let o = build_into(&course, &course.join("content/en/out"), "site");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("inside the course's content"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_folder_of_someone_elses_files_is_refused_untouched() {
    let dir = copy_fixture("basic");
    let out = tempfile::tempdir().unwrap();
    write(out.path(), "site/thesis.docx", "a year of work");
    write(out.path(), "notes.txt", "mine");
    let o = build_into(dir.path(), out.path(), "site,scorm12");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let msg = stderr(&o);
    assert!(
        msg.contains("did not write") && msg.contains("notes.txt, site"),
        "{msg}"
    );
    assert_eq!(read(out.path(), "site/thesis.docx"), "a year of work");
    assert_eq!(read(out.path(), "notes.txt"), "mine");
    assert!(!out.path().join("scorm12").exists());
}

#[test]
fn a_rebuild_keeps_what_it_did_not_make() {
    let dir = copy_fixture("basic");
    let out = dir.path().join("dist");
    assert!(
        build_into(dir.path(), &out, "site,scorm12")
            .status
            .success()
    );
    assert!(out.join(".darslik-output").is_file());
    let zips: Vec<_> = std::fs::read_dir(out.join("scorm12")).unwrap().collect();
    assert!(!zips.is_empty());
    // Someone's notes beside the outputs, a folder of their own too.
    write(&out, "notes.txt", "for the trainer in Nukus");
    write(&out, "photos/class.txt", "a photo");
    // The site alone: the SCORM packages of the last build stay as they are.
    let zip = std::fs::read_dir(out.join("scorm12"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let zip_bytes = std::fs::read(&zip).unwrap();
    let o = build_into(dir.path(), &out, "site");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(&zip).unwrap(), zip_bytes);
    assert_eq!(read(&out, "notes.txt"), "for the trainer in Nukus");
    assert_eq!(read(&out, "photos/class.txt"), "a photo");
    assert!(out.join("site/index.html").is_file());
    // Nothing left beside the output.
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("darslik"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[test]
fn a_course_with_errors_leaves_no_new_out_folder() {
    let dir = copy_fixture("basic");
    write(dir.path(), "content/en/index.md", "no front matter\n");
    let out = dir.path().join("fresh-out");
    let o = build_into(dir.path(), &out, "site");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists());
}
