//! Commitments delivered against agreed, per quarter: the vitality signal
//! `commitments_delivered`. Partners that promise and do not deliver are an
//! early sign that a network is running dry.

use crate::portfolio::{agreement_balance, Agreement, Commitment, Delivery, Quarter};
use crate::vitality::RatePoint;
use chrono::NaiveDate;

/// For every completed quarter from the first agreement's start up to the
/// last completed quarter before `today`: the share of what was due by the
/// end of that quarter that was delivered by then, over all live agreements.
/// Hours and money count as separate halves when both were promised; a
/// partner delivering more than due does not make up for another.
/// `None` when nothing was ever due, so the signal reads "not measured".
pub fn delivery_rates(
    agreements: &[Agreement],
    commitments: &[Commitment],
    deliveries: &[Delivery],
    today: NaiveDate,
) -> Option<Vec<RatePoint>> {
    let live: Vec<&Agreement> = agreements.iter().filter(|a| !a.archived).collect();
    let first = live.iter().filter_map(|a| a.starts_on).min()?;
    let last = Quarter::of(today).previous();
    let mut quarter = Quarter::of(first);
    let mut points = Vec::new();
    while quarter <= last {
        let as_of = quarter.next().first_day();
        let known: Vec<Delivery> = deliveries.iter().filter(|d| d.quarter <= quarter).cloned().collect();
        let (mut hours_due, mut hours_done, mut money_due, mut money_done) = (0.0, 0.0, 0.0, 0.0);
        for a in &live {
            for b in agreement_balance(a, commitments, &known, as_of) {
                hours_due += b.hours_due;
                hours_done += b.hours_delivered.min(b.hours_due);
                let due = b.money_due_cents.unwrap_or(0) as f64;
                money_due += due;
                money_done += (b.money_delivered_cents as f64).min(due);
            }
        }
        let parts: Vec<f64> =
            [(hours_due, hours_done), (money_due, money_done)].iter().filter(|(due, _)| *due > 0.0).map(|(due, done)| done / due).collect();
        if !parts.is_empty() {
            points.push(RatePoint { date: quarter.last_day(), value: parts.iter().sum::<f64>() / parts.len() as f64 });
        }
        quarter = quarter.next();
    }
    if points.is_empty() {
        None
    } else {
        Some(points)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn agreement() -> Agreement {
        Agreement {
            id: 1,
            network_id: 1,
            title: "Convenant".into(),
            description: None,
            party_ids: vec![10, 11],
            starts_on: Some(d("2026-01-01")),
            ends_on: Some(d("2027-12-31")),
            evaluation_date: None,
            document_url: None,
            out_of_scope: None,
            archived: false,
        }
    }

    fn commitment(id: i64, org: i64, hours: f64) -> Commitment {
        Commitment {
            id,
            agreement_id: 1,
            organisation_id: org,
            role: None,
            tasks: None,
            hours_per_month: Some(hours),
            money_cents: None,
            in_kind: None,
        }
    }

    fn delivery(commitment_id: i64, q: &str, hours: f64) -> Delivery {
        Delivery { id: 0, commitment_id, quarter: Quarter::parse(q).unwrap(), hours: Some(hours), money_cents: None, note: None }
    }

    #[test]
    fn rate_per_quarter_counts_only_what_was_known_then() {
        let commitments = [commitment(1, 10, 10.0), commitment(2, 11, 10.0)];
        // Q1: both deliver 30 of 30. Q2: one delivers 30, the other nothing.
        let deliveries = [delivery(1, "2026-Q1", 30.0), delivery(2, "2026-Q1", 30.0), delivery(1, "2026-Q2", 30.0)];
        let points = delivery_rates(&[agreement()], &commitments, &deliveries, d("2026-08-15")).unwrap();
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].date, d("2026-03-31"));
        assert!((points[0].value - 1.0).abs() < 1e-9);
        // 90 of 120 hours due by the end of Q2.
        assert!((points[1].value - 0.75).abs() < 1e-9, "{}", points[1].value);
    }

    #[test]
    fn over_delivery_does_not_hide_a_partner_that_is_behind() {
        let commitments = [commitment(1, 10, 10.0), commitment(2, 11, 10.0)];
        let deliveries = [delivery(1, "2026-Q1", 60.0)];
        let points = delivery_rates(&[agreement()], &commitments, &deliveries, d("2026-05-01")).unwrap();
        assert!((points[0].value - 0.5).abs() < 1e-9);
    }

    #[test]
    fn nothing_due_means_not_measured() {
        assert_eq!(delivery_rates(&[], &[], &[], d("2026-05-01")), None);
        let mut open = agreement();
        open.starts_on = None;
        assert_eq!(delivery_rates(&[open], &[commitment(1, 10, 8.0)], &[], d("2026-05-01")), None);
        // Started this quarter: nothing due yet.
        let mut fresh = agreement();
        fresh.starts_on = Some(d("2026-04-01"));
        assert_eq!(delivery_rates(&[fresh], &[commitment(1, 10, 8.0)], &[], d("2026-05-01")), None);
    }
}
