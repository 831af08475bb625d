//! Knowledge checks: the same question identities and answer keys in every
//! locale, so progress and LMS reports line up across languages.

use std::path::PathBuf;

use darslik::course::PageId;

fn qids(html: &str) -> Vec<String> {
    html.split("data-qid=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn sample_quizzes_have_the_same_identities_and_keys_in_en_ru_uz() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let built = darslik::build::whole(&root).unwrap_or_else(|d| panic!("{}", d.render()));
    let mut total = 0;
    for module in &built.course.modules {
        for key in std::iter::once(&module.index).chain(&module.pages) {
            let per_locale: Vec<_> = ["en", "ru", "uz"]
                .iter()
                .map(|l| {
                    let page = built
                        .course
                        .pages
                        .get(&PageId::new(*l, key))
                        .unwrap_or_else(|| panic!("{l}/{key} is translated"));
                    let body = &built.bodies.site[&page.id()];
                    (l, body)
                })
                .collect();
            let (_, en) = per_locale[0];
            total += en.questions.len();
            for (l, body) in &per_locale {
                assert_eq!(
                    body.questions.len(),
                    en.questions.len(),
                    "{l}/{key}: number of questions"
                );
                for (a, b) in en.questions.iter().zip(&body.questions) {
                    assert_eq!(a.multiple, b.multiple, "{l}/{key}: kind");
                    assert_eq!(a.options.len(), b.options.len(), "{l}/{key}: options");
                    assert_eq!(
                        a.correct_indices(),
                        b.correct_indices(),
                        "{l}/{key}: answer key"
                    );
                }
                assert_eq!(
                    qids(&body.html),
                    qids(&en.html),
                    "{l}/{key}: question identities"
                );
            }
        }
    }
    assert!(
        total >= 15,
        "the sample course has its knowledge checks ({total} questions)"
    );
    // Identities are module/page/position.
    let html =
        &built.bodies.site[&PageId::new("ru", "module-06/03-trafficking-and-smuggling.md")].html;
    assert_eq!(qids(html)[0], "module-06/03-trafficking-and-smuggling/1");
}

#[test]
fn quiz_markup_is_accessible_and_localized() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let built = darslik::build::whole(&root).unwrap_or_else(|d| panic!("{}", d.render()));
    let page = built
        .rendered
        .pages
        .iter()
        .find(|p| p.locale == "ru" && p.key == "module-06/03-trafficking-and-smuggling.md")
        .unwrap();
    assert!(page.html.contains("<fieldset class=\"quiz-q\""));
    assert!(page.html.contains("<legend>"));
    assert!(page.html.contains("aria-live=\"polite\""));
    assert!(
        page.html.contains(">Проверить</button>"),
        "the Check button is in Russian"
    );
    assert!(page.html.contains("data-incorrect=\"Не совсем так\""));
    // The module's result on its last page (its post-test, whose 8
    // questions make the score), with Russian plurals preformatted.
    let last = built
        .rendered
        .pages
        .iter()
        .find(|p| p.locale == "ru" && p.key == "module-06/09-post-test.md")
        .unwrap();
    assert!(
        last.html
            .contains("8 вопросов, верных ответов: 3 ({percent} %)"),
        "plural for 8"
    );
    let fixture = |n: usize| -> String {
        let loc = built.messages.localizer("ru");
        loc.text_with(
            "quiz-score",
            &darslik::i18n::args(&[
                ("total", n.into()),
                ("correct", 1.into()),
                ("percent", 50.into()),
            ]),
        )
    };
    assert!(fixture(1).starts_with("1 вопрос,"));
    assert!(fixture(2).starts_with("2 вопроса,"));
    assert!(fixture(5).starts_with("5 вопросов,"));
    assert!(fixture(21).starts_with("21 вопрос,"));
}
