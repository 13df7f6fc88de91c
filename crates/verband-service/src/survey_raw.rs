//! The raw answers of a survey round, for those who run rounds: without
//! names, and only once the round reached its anonymity threshold.

use verband_domain::survey::{raw_answers, RawAnswers};
use verband_domain::Language;

use crate::surveys::round_respondents;
use crate::{Actor, Result, Service, ServiceError};

impl Service {
    /// `None` while fewer people finished than the round's threshold. Each
    /// export is written to the audit log: raw answers are the most sensitive
    /// thing a round holds.
    pub async fn survey_raw_answers(&self, actor: &Actor, network_id: i64, round_id: i64, lang: Language) -> Result<Option<RawAnswers>> {
        self.require_records_editor(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let round = verband_store::survey_round_by_id(&mut conn, network_id, round_id).await?.ok_or(ServiceError::NotFound)?;
        let instrument = self.asked_instrument(&mut conn, round.version_id).await?;
        let respondents = round_respondents(&mut conn, round_id).await?;
        drop(conn);
        let table = raw_answers(&instrument, &respondents, usize::try_from(round.threshold).unwrap_or(3), lang);
        if table.is_some() {
            let mut tx = self.store.begin().await?;
            self.record(&mut tx, actor, Some(network_id), "export", "survey_round", round_id, &round.label).await?;
            tx.commit().await?;
        }
        Ok(table)
    }

    /// The round's results for a download (CSV or Excel): the same figures
    /// as the results page, and the download is written to the audit log.
    pub async fn survey_results_download(&self, actor: &Actor, network_id: i64, round_id: i64) -> Result<crate::surveys::SurveyResults> {
        let results = self.survey_results(actor, network_id, round_id).await?;
        let mut tx = self.store.begin().await?;
        self.audit_download(&mut tx, actor, Some(network_id), "survey_results", Some(round_id), Some(&results.round.label)).await?;
        tx.commit().await?;
        Ok(results)
    }
}
