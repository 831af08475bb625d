//! Generated locales: `generate = "translit:uz"` makes uz-Cyrl (and the 2026
//! Latin alphabet) from the uz pages and messages at build time; hand-written
//! files win page by page and message by message.

mod common;
use common::*;

#[test]
fn uz_cyrl_and_uz_latn_2026_are_generated_and_hand_written_files_win() {
    let dir = copy_fixture("basic");
    let toml = read(dir.path(), "course.toml");
    write(
        dir.path(),
        "course.toml",
        &format!(
            "{toml}\n[locales.uz-Cyrl]\ngenerate = \"translit:uz\"\n\n[locales.uz-Latn-2026]\ngenerate = \"translit:uz\"\n"
        ),
    );
    write(
        dir.path(),
        "content/uz/index.md",
        "+++\ntitle = \"Oʻzbekiston: bosh sahifa\"\n+++\n\nShahar va choy. [Modul](module-a/index.md)\n",
    );
    write(
        dir.path(),
        "locales/uz/course.ftl",
        "course-title = Oʻquv kursi\ncourse-description = Qisqa tavsif\n",
    );
    // A hand-written Cyrillic message wins over the generated one.
    write(
        dir.path(),
        "locales/uz-Cyrl/course.ftl",
        "course-description = Қўлда ёзилган тавсиф\n",
    );
    let out = build_site(dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let site = dir.path().join("dist/site");
    let home = read(&site, "uz-Cyrl/index.html");
    assert!(home.contains("Ўзбекистон: бош саҳифа"), "{home}");
    assert!(home.contains("Шаҳар ва чой"));
    assert!(home.contains("Ўқув курси"), "generated course-title");
    assert!(
        home.contains("Қўлда ёзилган тавсиф"),
        "hand-written message wins"
    );
    assert!(home.contains("<html lang=\"uz-Cyrl\""));
    let latn = read(&site, "uz-Latn-2026/index.html");
    assert!(
        latn.contains("Özbekiston: boş sahifa") && latn.contains("Şahar va çoy"),
        "{latn}"
    );
    let chooser = read(&site, "index.html");
    assert!(chooser.contains("Ўзбекча"), "endonym in the chooser");

    // A hand-written page wins over the generated one.
    write(
        dir.path(),
        "content/uz-Cyrl/index.md",
        "+++\ntitle = \"Қўлда\"\n+++\n\nҚўлда ёзилган саҳифа.\n",
    );
    let out = build_site(dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(read(&site, "uz-Cyrl/index.html").contains("Қўлда ёзилган саҳифа."));

    let c = dir.path().to_string_lossy().into_owned();
    let status = darslik(&["status", "--course", &c]);
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(text.contains("uz-Cyrl (generated: translit:uz)"), "{text}");
}
