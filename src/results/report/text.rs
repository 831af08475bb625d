//! The report's own words: English, Russian and Uzbek (Latin) written here,
//! Uzbek in Cyrillic made from the Uzbek by `crate::translit`.
use crate::translit::{self, Exceptions, Script};

macro_rules! texts {
    ($($field:ident),* $(,)?) => {
        /// Every UI string of the report in one locale.
        pub struct Text {
            /// The `lang` of the page.
            pub lang: String,
            /// The decimal separator.
            pub decimal: char,
            $(pub $field: String,)*
        }

        struct Raw {
            $($field: &'static str,)*
        }

        impl Raw {
            fn text(&self, lang: &str, decimal: char, f: impl Fn(&str) -> String) -> Text {
                Text { lang: lang.to_string(), decimal, $($field: f(self.$field),)* }
            }
        }
    };
}

texts!(
    report_title,
    version,
    made,
    contents,
    summary,
    learners,
    organisations,
    regions,
    files,
    statements,
    period,
    modules,
    sources_title,
    source_1,
    source_2,
    source_3,
    source_4,
    source_5,
    completion_title,
    completion_chart,
    passed,
    completed,
    failed,
    progressed,
    not_started,
    all_pages,
    module,
    learners_modules,
    learner,
    organisation,
    region,
    pages_seen,
    best_score,
    status,
    distribution_title,
    distribution_chart,
    band,
    count,
    prepost_title,
    prepost_intro,
    means_chart,
    per_organisation,
    per_region,
    per_learner,
    pairs,
    pre,
    post,
    gain,
    questions_title,
    questions_chart,
    question,
    answered_by,
    right,
    share_right,
    wrong,
    chosen_by,
    empty,
    no_questions,
    no_pairs,
    number,
);

const EN: Raw = Raw {
    report_title: "Class report",
    version: "version",
    made: "Made by darslik from the register",
    contents: "Contents",
    summary: "Summary",
    learners: "Learners",
    organisations: "Organisations",
    regions: "Regions",
    files: "Results files added",
    statements: "Statements",
    period: "Period",
    modules: "Modules",
    sources_title: "Where the figures come from",
    source_1: "Every figure is counted from the statements in the register: the records that the learners' results files bring in (a page seen, an answer, a test attempt, a scenario run, and the state of each module when the file was saved). A statement that came in two files is counted once.",
    source_2: "A learner's name, organisation and region are those of the latest file the learner saved.",
    source_3: "A learner's state in a module, the pages seen and the best score come from the latest module state the learner saved. Scores are out of 100.",
    source_4: "Pre-test and post-test: the best attempt at each test. The means per organisation and per region are taken over the pairs, that is the learners and modules with both a pre-test and a post-test score, so that both means are about the same people.",
    source_5: "Question analysis uses each learner's first answer to a question (in a practice question or in a test): the share right is the share of first answers that were right; the most chosen wrong answer is the wrong first answer given most often.",
    completion_title: "Completion per module",
    completion_chart: "Learners by state of each module",
    passed: "Passed",
    completed: "Completed (no score)",
    failed: "Not passed yet",
    progressed: "In progress",
    not_started: "Not started",
    all_pages: "Saw every page",
    module: "Module",
    learners_modules: "Learners and modules",
    learner: "Learner",
    organisation: "Organisation",
    region: "Region",
    pages_seen: "Pages seen",
    best_score: "Best score",
    status: "State",
    distribution_title: "Score distribution",
    distribution_chart: "Best module scores of all learners, in bands of ten points",
    band: "Score",
    count: "Learner and module pairs",
    prepost_title: "Pre-test and post-test",
    means_chart: "Mean scores: pre-test and post-test",
    prepost_intro: "Open circle: mean pre-test score; filled circle: mean post-test score.",
    per_organisation: "Per organisation",
    per_region: "Per region",
    per_learner: "Per learner",
    pairs: "Pairs",
    pre: "Pre-test",
    post: "Post-test",
    gain: "Gain",
    questions_title: "Question analysis",
    questions_chart: "Share of right first answers per question",
    question: "Question",
    answered_by: "Answered by",
    right: "Right",
    share_right: "Share right",
    wrong: "Most chosen wrong answer",
    chosen_by: "Chosen by",
    empty: "The register holds no results yet. Add the learners' results files with “darslik results add”, then make the report again.",
    no_questions: "No answers yet.",
    no_pairs: "No learner has both a pre-test and a post-test score yet.",
    number: "No.",
};

const RU: Raw = Raw {
    report_title: "Отчёт по группе",
    version: "версия",
    made: "Составлен darslik по реестру",
    contents: "Содержание",
    summary: "Сводка",
    learners: "Слушатели",
    organisations: "Организации",
    regions: "Регионы",
    files: "Добавлено файлов результатов",
    statements: "Записи (statements)",
    period: "Период",
    modules: "Модули",
    sources_title: "Откуда эти цифры",
    source_1: "Все цифры подсчитаны по записям реестра, которые приносят файлы результатов слушателей: просмотр страницы, ответ, попытка теста, прохождение сценария и состояние каждого модуля на момент сохранения файла. Запись, пришедшая в двух файлах, учитывается один раз.",
    source_2: "Имя, организация и регион слушателя — из последнего сохранённого им файла.",
    source_3: "Состояние модуля, число просмотренных страниц и лучший балл берутся из последнего состояния модуля, которое сохранил слушатель. Баллы — из 100.",
    source_4: "Входной и итоговый тесты: лучшая попытка каждого теста. Средние по организациям и регионам считаются по «парам» — слушателям и модулям, для которых есть и входной, и итоговый балл, поэтому оба средних относятся к одним и тем же людям.",
    source_5: "Анализ вопросов опирается на первый ответ каждого слушателя на вопрос (в упражнении или в тесте): доля верных — доля верных первых ответов; самый частый неверный ответ — тот неверный первый ответ, который давали чаще всего.",
    completion_title: "Прохождение модулей",
    completion_chart: "Слушатели по состоянию каждого модуля",
    passed: "Сдан",
    completed: "Завершён (без оценки)",
    failed: "Пока не сдан",
    progressed: "В процессе",
    not_started: "Не начат",
    all_pages: "Просмотрели все страницы",
    module: "Модуль",
    learners_modules: "Слушатели и модули",
    learner: "Слушатель",
    organisation: "Организация",
    region: "Регион",
    pages_seen: "Просмотрено страниц",
    best_score: "Лучший балл",
    status: "Состояние",
    distribution_title: "Распределение баллов",
    distribution_chart: "Лучшие баллы всех слушателей по модулям, с шагом в десять баллов",
    band: "Баллы",
    count: "Пары «слушатель — модуль»",
    prepost_title: "Входной и итоговый тесты",
    means_chart: "Средние баллы: входной и итоговый тесты",
    prepost_intro: "Пустой кружок — средний балл входного теста, закрашенный — итогового.",
    per_organisation: "По организациям",
    per_region: "По регионам",
    per_learner: "По слушателям",
    pairs: "Пары",
    pre: "Входной тест",
    post: "Итоговый тест",
    gain: "Прирост",
    questions_title: "Анализ вопросов",
    questions_chart: "Доля верных первых ответов по каждому вопросу",
    question: "Вопрос",
    answered_by: "Ответили",
    right: "Верно",
    share_right: "Доля верных",
    wrong: "Самый частый неверный ответ",
    chosen_by: "Выбрали",
    empty: "В реестре пока нет результатов. Добавьте файлы результатов слушателей командой «darslik results add» и составьте отчёт снова.",
    no_questions: "Ответов пока нет.",
    no_pairs: "Пока ни у кого нет одновременно входного и итогового балла.",
    number: "№",
};

const UZ: Raw = Raw {
    report_title: "Guruh boʻyicha hisobot",
    version: "versiya",
    made: "darslik tomonidan quyidagi reyestr asosida tuzildi",
    contents: "Mundarija",
    summary: "Umumiy maʼlumot",
    learners: "Tinglovchilar",
    organisations: "Tashkilotlar",
    regions: "Hududlar",
    files: "Qoʻshilgan natija fayllari",
    statements: "Yozuvlar (statements)",
    period: "Davr",
    modules: "Modullar",
    sources_title: "Raqamlar qayerdan olingan",
    source_1: "Barcha raqamlar reyestrdagi yozuvlar asosida hisoblangan. Bu yozuvlarni tinglovchilarning natija fayllari olib keladi: sahifani koʻrish, javob, test urinishi, ssenariyni oʻtish va fayl saqlangan paytdagi har bir modulning holati. Ikki faylda kelgan yozuv bir marta hisobga olinadi.",
    source_2: "Tinglovchining ismi, tashkiloti va hududi u saqlagan eng soʻnggi fayldan olinadi.",
    source_3: "Modul holati, koʻrilgan sahifalar soni va eng yaxshi ball tinglovchi saqlagan modulning eng soʻnggi holatidan olinadi. Ballar 100 ballik tizimda hisoblanadi.",
    source_4: "Dastlabki va yakuniy test: har bir testning eng yaxshi urinishi. Tashkilotlar va hududlar boʻyicha oʻrtacha qiymatlar “juftliklar” boʻyicha, yaʼni ham dastlabki, ham yakuniy test bali bor tinglovchi va modullar boʻyicha hisoblanadi. Shu sababli ikkala oʻrtacha qiymat ayni bir odamlarga tegishli.",
    source_5: "Savollar tahlili har bir tinglovchining savolga bergan birinchi javobiga (mashqda yoki testda) asoslanadi: toʻgʻri javoblar ulushi — toʻgʻri boʻlgan birinchi javoblar ulushi; eng koʻp tanlangan notoʻgʻri javob — eng koʻp berilgan notoʻgʻri birinchi javob.",
    completion_title: "Modullarning oʻtilishi",
    completion_chart: "Har bir modul holati boʻyicha tinglovchilar",
    passed: "Topshirdi",
    completed: "Yakunladi (baholanmaydi)",
    failed: "Hali topshirmadi",
    progressed: "Jarayonda",
    not_started: "Boshlanmagan",
    all_pages: "Barcha sahifalarni koʻrdi",
    module: "Modul",
    learners_modules: "Tinglovchilar va modullar",
    learner: "Tinglovchi",
    organisation: "Tashkilot",
    region: "Hudud",
    pages_seen: "Koʻrilgan sahifalar",
    best_score: "Eng yaxshi ball",
    status: "Holat",
    distribution_title: "Ballar taqsimoti",
    distribution_chart: "Barcha tinglovchilarning modullar boʻyicha eng yaxshi ballari, oʻn balldan oraliqlarda",
    band: "Ball",
    count: "“Tinglovchi — modul” juftliklari",
    prepost_title: "Dastlabki va yakuniy test",
    means_chart: "Oʻrtacha ballar: dastlabki va yakuniy test",
    prepost_intro: "Boʻsh doira — dastlabki testning oʻrtacha bali, boʻyalgan doira — yakuniy testniki.",
    per_organisation: "Tashkilotlar boʻyicha",
    per_region: "Hududlar boʻyicha",
    per_learner: "Tinglovchilar boʻyicha",
    pairs: "Juftliklar",
    pre: "Dastlabki test",
    post: "Yakuniy test",
    gain: "Oʻsish",
    questions_title: "Savollar tahlili",
    questions_chart: "Har bir savol boʻyicha toʻgʻri birinchi javoblar ulushi",
    question: "Savol",
    answered_by: "Javob berganlar",
    right: "Toʻgʻri",
    share_right: "Toʻgʻri javoblar ulushi",
    wrong: "Eng koʻp tanlangan notoʻgʻri javob",
    chosen_by: "Tanlaganlar",
    empty: "Reyestrda hali natijalar yoʻq. Tinglovchilarning natija fayllarini “darslik results add” buyrugʻi bilan qoʻshing va hisobotni qayta tuzing.",
    no_questions: "Hali javoblar yoʻq.",
    no_pairs: "Hali hech kimda ham dastlabki, ham yakuniy test bali yoʻq.",
    number: "№",
};

/// The locales the report is written in.
pub const LOCALES: [&str; 4] = ["en", "ru", "uz", "uz-Cyrl"];

/// The report's text in `locale`, or `None` for a locale it is not written in.
pub fn text(locale: &str) -> Option<Text> {
    match locale {
        "en" => Some(EN.text("en", '.', str::to_string)),
        "ru" => Some(RU.text("ru", ',', str::to_string)),
        "uz" => Some(UZ.text("uz", ',', str::to_string)),
        "uz-Cyrl" => {
            let ex = Exceptions::builtin();
            Some(UZ.text("uz-Cyrl", ',', |s| cyrl(s, &ex)))
        }
        _ => None,
    }
}

/// Uzbek Latin text in Cyrillic; `darslik` and the command stay as they are.
pub fn cyrl(s: &str, ex: &Exceptions) -> String {
    // Keep quoted commands (“darslik results add”) and the name darslik in Latin.
    let mut out = String::new();
    let mut rest = s;
    while let Some(start) = rest.find('“') {
        let Some(len) = rest[start..].find('”') else {
            break;
        };
        let quoted = &rest[start..start + len];
        out.push_str(&translit::convert(&rest[..start], Script::Cyrl, ex));
        if quoted.contains("darslik") {
            out.push_str(quoted);
        } else {
            out.push_str(&translit::convert(quoted, Script::Cyrl, ex));
        }
        rest = &rest[start + len..];
    }
    out.push_str(&translit::convert(rest, Script::Cyrl, ex));
    out.replace("дарслик", "darslik")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_its_text() {
        for l in LOCALES {
            let t = text(l).expect(l);
            assert!(!t.report_title.is_empty());
        }
        assert!(text("fr").is_none());
    }

    #[test]
    fn uzbek_cyrillic_is_made_from_the_latin() {
        let t = text("uz-Cyrl").unwrap();
        assert_eq!(t.learners, "Тингловчилар");
        assert!(t.summary.starts_with("Умумий"), "{}", t.summary);
        assert!(t.empty.contains("“darslik results add”"), "{}", t.empty);
        assert!(!t.made.contains("дарслик"), "{}", t.made);
    }

    #[test]
    fn uzbek_latin_uses_the_right_apostrophes() {
        for s in [UZ.summary, UZ.report_title, UZ.share_right, UZ.source_4] {
            assert!(!s.contains('\''), "{s}");
            assert!(!s.contains('‘') && !s.contains('’'), "{s}");
        }
    }
}
