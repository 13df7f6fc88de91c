//! The funding cliff: pilots that die with their subsidy. And the share of
//! structural money per year, the measure of "from project money to
//! structural funding" in the sustainable-impact phase.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::portfolio::{add_months, FundingStream, Project};
use crate::FundingKind;

pub const DEFAULT_CLIFF_HORIZON_MONTHS: u32 = 6;

/// A project whose money runs out within the horizon with nothing to follow.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FundingCliff {
    pub project_id: i64,
    /// The last day the project's funding covers without interruption from today.
    pub funded_until: NaiveDate,
    pub days_left: i64,
    /// The streams that end by then.
    pub ending_stream_ids: Vec<i64>,
    pub ending_amount_cents: i64,
    /// A later stream that starts only after a gap, when there is one.
    pub next_stream_starts: Option<NaiveDate>,
}

impl FundingCliff {
    /// Catalogue key: the plain cliff, or a cliff with a gap before later money.
    pub fn message_key(&self) -> &'static str {
        if self.next_stream_starts.is_some() {
            "funding-cliff-gap"
        } else {
            "funding-cliff"
        }
    }
}

/// Projects (not stopped, not archived) that are funded today, whose
/// funding ends within `horizon_months` without a follow-up stream starting
/// by the next day. Open-ended streams never end. Projects without any
/// current funding are not a cliff (there is nothing to fall from); soonest cliff first.
pub fn funding_cliffs(projects: &[Project], streams: &[FundingStream], today: NaiveDate, horizon_months: u32) -> Vec<FundingCliff> {
    let cutoff = add_months(today, horizon_months);
    let mut by_project: HashMap<i64, Vec<&FundingStream>> = HashMap::new();
    for s in streams {
        by_project.entry(s.project_id).or_default().push(s);
    }
    let mut out = Vec::new();
    for p in projects.iter().filter(|p| !p.archived && p.status.is_live()) {
        let Some(own) = by_project.get(&p.id) else { continue };
        let funded_today = own.iter().any(|s| s.starts_on.is_none_or(|d| d <= today) && s.ends_on.is_none_or(|d| d >= today));
        if !funded_today {
            continue;
        }
        let Some(funded_until) = covered_until(own, today) else { continue };
        if funded_until >= cutoff {
            continue;
        }
        let ending: Vec<&&FundingStream> = own.iter().filter(|s| s.ends_on.is_some_and(|d| d >= today && d <= funded_until)).collect();
        let next_stream_starts = own.iter().filter_map(|s| s.starts_on).filter(|d| *d > funded_until).min();
        let mut ending_stream_ids: Vec<i64> = ending.iter().map(|s| s.id).collect();
        ending_stream_ids.sort_unstable();
        out.push(FundingCliff {
            project_id: p.id,
            funded_until,
            days_left: (funded_until - today).num_days(),
            ending_stream_ids,
            ending_amount_cents: ending.iter().map(|s| s.amount_cents).sum(),
            next_stream_starts,
        });
    }
    out.sort_by_key(|c| (c.funded_until, c.project_id));
    out
}

/// The last day covered without a gap from `from`, or `None` when an
/// open-ended stream keeps it covered for good. A stream starting the day
/// after another ends continues it.
fn covered_until(streams: &[&FundingStream], from: NaiveDate) -> Option<NaiveDate> {
    let mut covered = from;
    loop {
        let mut extended = false;
        for s in streams {
            let starts_in_time = s.starts_on.is_none_or(|d| d <= covered.succ_opt().unwrap_or(covered));
            if !starts_in_time {
                continue;
            }
            match s.ends_on {
                None => return None,
                Some(end) if end > covered => {
                    covered = end;
                    extended = true;
                }
                Some(_) => {}
            }
        }
        if !extended {
            return Some(covered);
        }
    }
}

/// Structural and one-off money in one calendar year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearShare {
    pub year: i32,
    pub structural_cents: i64,
    pub one_off_cents: i64,
    /// Structural share of the year's money, 0 to 100; `None` when there is no money that year.
    pub structural_percent: Option<u8>,
}

/// The share of structural funding per year in `years`.
///
/// How a stream's amount lands in years:
/// - with start and end: spread over the days of its period;
/// - structural with a start but no end: the amount is per year, from the
///   start (the first year pro rata) on;
/// - structural without dates: per year, every year;
/// - otherwise (one date missing on one-off money): all in the year of the date it has.
pub fn structural_share_per_year(streams: &[FundingStream], years: RangeInclusive<i32>) -> Vec<YearShare> {
    let mut out: Vec<YearShare> =
        years.map(|year| YearShare { year, structural_cents: 0, one_off_cents: 0, structural_percent: None }).collect();
    for s in streams {
        for share in out.iter_mut() {
            let amount = amount_in_year(s, share.year);
            match s.kind {
                FundingKind::Structural => share.structural_cents += amount,
                FundingKind::OneOff => share.one_off_cents += amount,
            }
        }
    }
    for share in &mut out {
        let total = share.structural_cents + share.one_off_cents;
        if total > 0 {
            share.structural_percent = Some(((share.structural_cents as f64 / total as f64) * 100.0).round() as u8);
        }
    }
    out
}

fn amount_in_year(s: &FundingStream, year: i32) -> i64 {
    let (Some(year_start), Some(year_end)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return 0;
    };
    let days_in_year = (year_end - year_start).num_days() + 1;
    match (s.starts_on, s.ends_on, s.kind) {
        (Some(start), Some(end), _) => {
            let period_days = (end - start).num_days() + 1;
            let overlap = (end.min(year_end) - start.max(year_start)).num_days() + 1;
            if overlap <= 0 || period_days <= 0 {
                0
            } else {
                (i128::from(s.amount_cents) * i128::from(overlap) / i128::from(period_days)) as i64
            }
        }
        (Some(start), None, FundingKind::Structural) => {
            if start > year_end {
                0
            } else {
                let overlap = (year_end - start.max(year_start)).num_days() + 1;
                (i128::from(s.amount_cents) * i128::from(overlap) / i128::from(days_in_year)) as i64
            }
        }
        (None, None, FundingKind::Structural) => s.amount_cents,
        (Some(d), None, FundingKind::OneOff) | (None, Some(d), _) => {
            if d.year() == year {
                s.amount_cents
            } else {
                0
            }
        }
        (None, None, FundingKind::OneOff) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coherence::tests::project;
    use crate::{FundingSource, ProjectStatus};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn stream(id: i64, project_id: i64, start: Option<NaiveDate>, end: Option<NaiveDate>, kind: FundingKind, amount: i64) -> FundingStream {
        FundingStream {
            id,
            project_id,
            source: FundingSource::Subsidy,
            funder: None,
            amount_cents: amount,
            starts_on: start,
            ends_on: end,
            kind,
            pays_for: None,
        }
    }

    fn today() -> NaiveDate {
        d(2026, 6, 15)
    }

    #[test]
    fn subsidy_ending_within_six_months_without_follow_up_is_a_cliff() {
        let projects = [project(1, "a", &[1], Some(1), &[]), project(2, "b", &[1], Some(1), &[])];
        let streams = [
            stream(10, 1, Some(d(2025, 1, 1)), Some(d(2026, 9, 30)), FundingKind::OneOff, 5_000_000),
            // Project 2 ends later than the horizon (15 December 2026).
            stream(20, 2, Some(d(2025, 1, 1)), Some(d(2026, 12, 31)), FundingKind::OneOff, 8_000_000),
        ];
        let c = funding_cliffs(&projects, &streams, today(), DEFAULT_CLIFF_HORIZON_MONTHS);
        assert_eq!(
            c,
            [FundingCliff {
                project_id: 1,
                funded_until: d(2026, 9, 30),
                days_left: 107,
                ending_stream_ids: vec![10],
                ending_amount_cents: 5_000_000,
                next_stream_starts: None
            }]
        );
        assert_eq!(c[0].message_key(), "funding-cliff");
        // A longer horizon catches project 2 as well.
        assert_eq!(funding_cliffs(&projects, &streams, today(), 12).len(), 2);
    }

    #[test]
    fn follow_up_stream_the_next_day_or_open_ended_money_prevents_the_cliff() {
        let projects = [project(1, "a", &[1], Some(1), &[]), project(2, "b", &[1], Some(1), &[])];
        let streams = [
            stream(10, 1, Some(d(2025, 1, 1)), Some(d(2026, 9, 30)), FundingKind::OneOff, 1),
            stream(11, 1, Some(d(2026, 10, 1)), Some(d(2027, 12, 31)), FundingKind::OneOff, 1),
            stream(20, 2, Some(d(2025, 1, 1)), Some(d(2026, 7, 31)), FundingKind::OneOff, 1),
            stream(21, 2, Some(d(2026, 3, 1)), None, FundingKind::Structural, 1),
        ];
        assert!(funding_cliffs(&projects, &streams, today(), 6).is_empty());
    }

    #[test]
    fn later_stream_after_a_gap_is_still_a_cliff_and_says_when_money_returns() {
        let projects = [project(1, "a", &[1], Some(1), &[])];
        let streams = [
            stream(10, 1, Some(d(2025, 1, 1)), Some(d(2026, 8, 31)), FundingKind::OneOff, 1),
            stream(11, 1, Some(d(2026, 11, 1)), Some(d(2027, 12, 31)), FundingKind::OneOff, 1),
        ];
        let c = funding_cliffs(&projects, &streams, today(), 6);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].next_stream_starts, Some(d(2026, 11, 1)));
        assert_eq!(c[0].message_key(), "funding-cliff-gap");
    }

    #[test]
    fn unfunded_stopped_and_archived_projects_are_no_cliff() {
        let mut stopped = project(1, "a", &[1], Some(1), &[]);
        stopped.status = ProjectStatus::Stopped;
        let mut archived = project(2, "b", &[1], Some(1), &[]);
        archived.archived = true;
        let future_only = project(3, "c", &[1], Some(1), &[]);
        let ended = project(4, "d", &[1], Some(1), &[]);
        let streams = [
            stream(10, 1, None, Some(d(2026, 7, 1)), FundingKind::OneOff, 1),
            stream(20, 2, None, Some(d(2026, 7, 1)), FundingKind::OneOff, 1),
            stream(30, 3, Some(d(2026, 7, 1)), Some(d(2026, 8, 1)), FundingKind::OneOff, 1),
            stream(40, 4, None, Some(d(2026, 1, 1)), FundingKind::OneOff, 1),
        ];
        assert!(funding_cliffs(&[stopped, archived, future_only, ended], &streams, today(), 6).is_empty());
    }

    #[test]
    fn structural_share_spreads_amounts_over_years() {
        let streams = [
            // 2 years of one-off money, 100 per year.
            stream(1, 1, Some(d(2025, 1, 1)), Some(d(2026, 12, 31)), FundingKind::OneOff, 20_000 * 365 * 2 / 2),
            // Structural from 1 July 2026, 100 per year.
            stream(2, 1, Some(d(2026, 7, 2)), None, FundingKind::Structural, 36_500),
        ];
        let shares = structural_share_per_year(&streams, 2025..=2027);
        assert_eq!(shares.len(), 3);
        assert_eq!((shares[0].structural_cents, shares[0].structural_percent), (0, Some(0)));
        // 2026: 183 of 365 days structural.
        assert_eq!(shares[1].structural_cents, 18_300);
        assert_eq!(shares[2], YearShare { year: 2027, structural_cents: 36_500, one_off_cents: 0, structural_percent: Some(100) });
        let none = structural_share_per_year(&[], 2026..=2026);
        assert_eq!(none[0].structural_percent, None);
    }

    #[test]
    fn structural_share_percent_is_rounded() {
        let streams =
            [stream(1, 1, None, None, FundingKind::Structural, 100), stream(2, 1, None, Some(d(2026, 5, 1)), FundingKind::OneOff, 200)];
        let s = structural_share_per_year(&streams, 2026..=2027);
        assert_eq!(s[0].structural_percent, Some(33));
        assert_eq!(s[1].structural_percent, Some(100));
    }
}
