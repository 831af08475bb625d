//! What a certificate says, in the learner's language: English, Russian and
//! Uzbek written for it, Uzbek Cyrillic made from the Uzbek by
//! `crate::translit`; any other locale falls back to English.

use crate::translit::{self, Exceptions, Script};

/// The languages a certificate is written in: darslik's own four.
pub use crate::diag::Lang;

/// What a certificate says in each of them.
impl Lang {
    /// The learner's locale (as saved in the results file) to a language;
    /// any other locale is English.
    pub fn of_locale(locale: &str) -> Lang {
        Lang::from_tag(locale).unwrap_or(Lang::En)
    }

    pub fn words(self) -> Words {
        match self {
            Lang::En => Words {
                heading: "Certificate".into(),
                subheading: "of completion".into(),
                lead: "This is to certify that".into(),
                completed: "has successfully completed the module".into(),
                of_course: "of the course".into(),
                score: "Score".into(),
                date: "Date".into(),
                code: "Verification code".into(),
                signed: "Signed digitally by the training provider".into(),
                signed_by: "Signed digitally by".into(),
                key: "key".into(),
                how: "To check this certificate without the internet, scan the QR code or type the code, with the provider’s public key:".into(),
                quote: ("“", "”"),
            },
            Lang::Ru => Words {
                heading: "Сертификат".into(),
                subheading: "о прохождении обучения".into(),
                lead: "Настоящим подтверждается, что".into(),
                completed: "успешно прошёл(а) модуль".into(),
                of_course: "учебного курса".into(),
                score: "Результат".into(),
                date: "Дата".into(),
                code: "Код проверки".into(),
                signed: "Подписано электронной подписью организации, проводившей обучение".into(),
                signed_by: "Подписано электронной подписью:".into(),
                key: "ключ".into(),
                how: "Проверить сертификат можно без интернета: отсканируйте QR-код или введите код, с открытым ключом организации:".into(),
                quote: ("«", "»"),
            },
            Lang::Uz => uz(),
            Lang::UzCyrl => uz().to_cyrillic(),
        }
    }

    /// A date as the language writes it.
    pub fn date(self, (y, m, d): (i64, u32, u32)) -> String {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const RU: [&str; 12] = [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ];
        const UZ: [&str; 12] = [
            "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr",
            "oktabr", "noyabr", "dekabr",
        ];
        const UZ_CYRL: [&str; 12] = [
            "январь",
            "февраль",
            "март",
            "апрель",
            "май",
            "июнь",
            "июль",
            "август",
            "сентябрь",
            "октябрь",
            "ноябрь",
            "декабрь",
        ];
        let i = (m.clamp(1, 12) - 1) as usize;
        match self {
            Lang::En => format!("{d} {} {y}", EN[i]),
            Lang::Ru => format!("{d} {} {y}\u{a0}г.", RU[i]),
            Lang::Uz => format!("{y}-yil {d}-{}", UZ[i]),
            Lang::UzCyrl => format!("{y} йил {d} {}", UZ_CYRL[i]),
        }
    }

    /// A score (as `85` or `87.5`) as the language writes a percentage.
    pub fn score(self, plain: &str) -> String {
        match self {
            Lang::En => format!("{plain}%"),
            Lang::Ru => format!("{}\u{a0}%", plain.replace('.', ",")),
            Lang::Uz | Lang::UzCyrl => format!("{}%", plain.replace('.', ",")),
        }
    }
}

/// The sentences of a certificate.
#[derive(Debug, Clone)]
pub struct Words {
    pub heading: String,
    pub subheading: String,
    pub lead: String,
    pub completed: String,
    pub of_course: String,
    pub score: String,
    pub date: String,
    pub code: String,
    pub signed: String,
    /// Before the signer's name, when the key file gives one.
    pub signed_by: String,
    pub key: String,
    pub how: String,
    pub quote: (&'static str, &'static str),
}

fn uz() -> Words {
    Words {
        heading: "Sertifikat".into(),
        subheading: "oʻquv modulini tamomlaganlik toʻgʻrisida".into(),
        lead: "Ushbu sertifikat bilan tasdiqlanadiki,".into(),
        completed: "quyidagi modulni muvaffaqiyatli tamomladi:".into(),
        of_course: "oʻquv kursi".into(),
        score: "Natija".into(),
        date: "Sana".into(),
        code: "Tekshirish kodi".into(),
        signed: "Oʻqitishni oʻtkazgan tashkilotning elektron imzosi bilan imzolangan".into(),
        signed_by: "Elektron imzo bilan imzolagan:".into(),
        key: "kalit".into(),
        how: "Sertifikatni internetsiz tekshirish mumkin: QR kodni skanerlang yoki kodni kiriting, tashkilotning ochiq kaliti bilan:".into(),
        quote: ("«", "»"),
    }
}

impl Words {
    fn to_cyrillic(&self) -> Words {
        let ex = Exceptions::builtin();
        let c = |s: &str| translit::convert(s, Script::Cyrl, &ex);
        Words {
            heading: c(&self.heading),
            subheading: c(&self.subheading),
            lead: c(&self.lead),
            completed: c(&self.completed),
            of_course: c(&self.of_course),
            score: c(&self.score),
            date: c(&self.date),
            code: c(&self.code),
            signed: c(&self.signed),
            signed_by: c(&self.signed_by),
            key: c(&self.key),
            how: c(&self.how),
            quote: self.quote,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_choose_a_language() {
        assert_eq!(Lang::of_locale("ru"), Lang::Ru);
        assert_eq!(Lang::of_locale("ru-RU"), Lang::Ru);
        assert_eq!(Lang::of_locale("uz"), Lang::Uz);
        assert_eq!(Lang::of_locale("uz-Latn"), Lang::Uz);
        assert_eq!(Lang::of_locale("uz-Cyrl"), Lang::UzCyrl);
        assert_eq!(Lang::of_locale("uz_cyrl"), Lang::UzCyrl);
        assert_eq!(Lang::of_locale("de"), Lang::En);
        assert_eq!(Lang::of_locale(""), Lang::En);
    }

    #[test]
    fn uzbek_cyrillic_is_transliterated() {
        let w = Lang::UzCyrl.words();
        assert_eq!(w.heading, "Сертификат");
        assert!(w.subheading.starts_with("ўқув"), "{}", w.subheading);
        assert!(!w.how.chars().any(|c| c.is_ascii_lowercase()), "{}", w.how);
    }

    #[test]
    fn dates_and_scores() {
        assert_eq!(Lang::En.date((2026, 12, 5)), "5 December 2026");
        assert_eq!(Lang::Ru.date((2026, 12, 5)), "5 декабря 2026\u{a0}г.");
        assert_eq!(Lang::Uz.date((2026, 12, 5)), "2026-yil 5-dekabr");
        assert_eq!(Lang::Ru.score("87.5"), "87,5\u{a0}%");
        assert_eq!(Lang::En.score("85"), "85%");
    }
}
