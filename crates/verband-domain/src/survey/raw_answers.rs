//! The raw answers of a round as a table for other tools: one row per
//! respondent who finished, one column per question, no names and nothing
//! that says who a row is. Only given when the round reached its threshold.
//!
//! Left out on purpose: the sector and steering-group columns (a sector with
//! one respondent would name that row) and the per-partner questions (the
//! partners someone rates, and the one they do not, give their organisation
//! away). Their figures are in the results, where the threshold guards them.

use crate::Language;

use super::{AnswerValue, Instrument, QuestionKind, Respondent};

#[derive(Debug, Clone, PartialEq)]
pub struct RawAnswers {
    /// Per column: the question's key and its text in the reader's language.
    pub columns: Vec<(String, String)>,
    pub rows: Vec<Vec<String>>,
}

/// Whether a question's answers may be exported row by row.
fn exportable(kind: &QuestionKind) -> bool {
    !matches!(kind, QuestionKind::Partners | QuestionKind::PartnerRatings { .. })
}

fn number(lang: Language, x: f64) -> String {
    let text = format!("{x}");
    match lang {
        Language::Nl => text.replace('.', ","),
        Language::En => text,
    }
}

/// `None` when fewer than `threshold` people finished.
pub fn raw_answers(instrument: &Instrument, respondents: &[Respondent], threshold: usize, lang: Language) -> Option<RawAnswers> {
    if respondents.len() < threshold.max(1) {
        return None;
    }
    let questions: Vec<_> = instrument.questions().filter(|q| exportable(&q.kind)).collect();
    let columns = questions.iter().map(|q| (q.key.clone(), q.text.get(lang).to_string())).collect();
    let label_of = |options: &[super::Choice], key: &str| {
        options.iter().find(|o| o.key == key).map_or_else(|| key.to_string(), |o| o.label.get(lang).to_string())
    };
    let mut rows: Vec<Vec<String>> = respondents
        .iter()
        .map(|r| {
            questions
                .iter()
                .map(|q| match (r.answers.get(&q.key), &q.kind) {
                    (Some(AnswerValue::Scale(x)), _) => x.to_string(),
                    (Some(AnswerValue::Choice(c)), QuestionKind::Single { options }) => label_of(options, c),
                    (Some(AnswerValue::Choices(cs)), QuestionKind::Multiple { options }) => {
                        cs.iter().map(|c| label_of(options, c)).collect::<Vec<_>>().join("; ")
                    }
                    (Some(AnswerValue::Number(x)), _) => number(lang, *x),
                    (Some(AnswerValue::Text(t)), _) => t.clone(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect();
    // Sorted by content, so the order says nothing about who was invited or answered first.
    rows.sort();
    Some(RawAnswers { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::builtin::builtin;
    use crate::survey::{Answers, InstrumentKind};
    use crate::Sector;

    fn respondent(sector: Sector, pairs: &[(&str, AnswerValue)]) -> Respondent {
        let answers: Answers = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        Respondent { sector: Some(sector), steering: false, organisation_id: None, answers }
    }

    #[test]
    fn below_the_threshold_there_is_no_table() {
        let scan = builtin(InstrumentKind::CollaborationScan).unwrap();
        let two = vec![respondent(Sector::Welfare, &[]), respondent(Sector::Welfare, &[])];
        assert_eq!(raw_answers(&scan, &two, 3, Language::Nl), None);
        assert!(raw_answers(&scan, &two, 2, Language::Nl).is_some());
    }

    #[test]
    fn rows_hold_answers_in_question_order_without_sector_or_partners() {
        let survey = builtin(InstrumentKind::RelationshipSurvey).unwrap();
        let partner_questions: Vec<_> = survey
            .questions()
            .filter(|q| matches!(q.kind, QuestionKind::Partners | QuestionKind::PartnerRatings { .. }))
            .map(|q| q.key.clone())
            .collect();
        assert!(!partner_questions.is_empty(), "the relationship survey asks about partners");

        let scan = builtin(InstrumentKind::CollaborationScan).unwrap();
        let keys: Vec<_> = scan.questions().map(|q| q.key.clone()).collect();
        let scale_key = scan.questions().find(|q| matches!(q.kind, QuestionKind::Scale { .. })).unwrap().key.clone();
        let open_key = scan.questions().find(|q| matches!(q.kind, QuestionKind::OpenText)).unwrap().key.clone();
        let people = vec![
            respondent(Sector::Municipality, &[(&scale_key, AnswerValue::Scale(4)), (&open_key, AnswerValue::Text("Meer ruimte".into()))]),
            respondent(Sector::Welfare, &[(&scale_key, AnswerValue::Scale(2))]),
            respondent(Sector::Education, &[]),
        ];
        let table = raw_answers(&scan, &people, 3, Language::Nl).unwrap();
        assert_eq!(table.columns.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(), keys);
        assert_eq!(table.rows.len(), 3);
        let col = keys.iter().position(|k| *k == scale_key).unwrap();
        let open = keys.iter().position(|k| *k == open_key).unwrap();
        // Sorted by content: the empty row first, then "2…", then "4…".
        assert_eq!(table.rows.iter().map(|r| r[col].as_str()).collect::<Vec<_>>(), ["", "2", "4"]);
        assert_eq!(table.rows[2][open], "Meer ruimte");
        assert!(!table.rows.iter().flatten().any(|c| c.contains("municipality") || c.contains("Gemeente")));

        let rel = raw_answers(&survey, &people, 3, Language::En).unwrap();
        assert!(rel.columns.iter().all(|(k, _)| !partner_questions.contains(k)), "per-partner questions stay out");
    }

    #[test]
    fn choices_are_written_as_their_labels_and_numbers_with_a_decimal_comma() {
        let mut scan = builtin(InstrumentKind::CollaborationScan).unwrap();
        let options = vec![
            super::super::Choice { key: "a".into(), label: super::super::Text { nl: "Wekelijks".into(), en: "Weekly".into() } },
            super::super::Choice { key: "b".into(), label: super::super::Text { nl: "Maandelijks".into(), en: "Monthly".into() } },
        ];
        let mut q = scan.pages[0].questions[0].clone();
        q.key = "hoe_vaak".into();
        q.kind = QuestionKind::Multiple { options };
        let mut n = q.clone();
        n.key = "uren".into();
        n.kind = QuestionKind::Number { min: None, max: None };
        scan.pages[0].questions = vec![q, n];
        scan.pages.truncate(1);
        let people = vec![
            respondent(
                Sector::Welfare,
                &[("hoe_vaak", AnswerValue::Choices(vec!["a".into(), "b".into()])), ("uren", AnswerValue::Number(2.5))],
            ),
            respondent(Sector::Welfare, &[]),
            respondent(Sector::Welfare, &[]),
        ];
        let nl = raw_answers(&scan, &people, 3, Language::Nl).unwrap();
        assert_eq!(nl.rows[2], vec!["Wekelijks; Maandelijks".to_string(), "2,5".to_string()]);
        let en = raw_answers(&scan, &people, 3, Language::En).unwrap();
        assert_eq!(en.rows[2], vec!["Weekly; Monthly".to_string(), "2.5".to_string()]);
    }
}
