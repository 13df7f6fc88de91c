//! Surveys and evaluations (DOMAIN.md, "Evaluation instruments"): an
//! instrument is a questionnaire in Dutch and English, kept as versions; a
//! round asks people of the network to fill in one version; results are
//! computed per round and never shown for a group smaller than the
//! anonymity threshold.

pub mod answers;
pub mod builtin;
pub mod instrument;
pub mod raw_answers;
pub mod results;
pub mod round;

pub use answers::{parse_page, AnswerValue, Answers, PartnerRating};
pub use instrument::*;
pub use raw_answers::{raw_answers, RawAnswers};
pub use results::{compute_results, Band, GroupResult, Respondent, RoundResults, Summary, Trend};
