//! Agreements with their commitments and deliveries, and the project
//! portfolio with its funding streams (DOMAIN.md, "What a network is made of").
//!
//! Money is kept in euro cents (`i64`), hours as `f64` rounded to hundredths:
//! people commit "2,5 uur per maand".

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::validation::{optional_date, optional_text, required_code, required_text, ValidationErrors};
use crate::{FundingKind, FundingSource, ProjectStatus};

// ---------------------------------------------------------------------------
// Numbers as people type them

/// Parses an amount in euros as typed in the Netherlands or elsewhere into
/// cents: "1.250,50", "1250,50", "1250.50", "€ 1.250,-", "1,250,000" all work.
/// A single separator followed by exactly three digits is read the Dutch way,
/// as thousands ("1.250" is twelve hundred and fifty euros).
pub fn parse_euro_cents(raw: &str) -> Option<i64> {
    let mut s: String = raw.trim().trim_start_matches('€').trim_start_matches("EUR").trim_start_matches("eur").trim().to_string();
    s.retain(|c| !c.is_whitespace() && c != '\u{a0}' && c != '\'' && c != '_');
    if let Some(rest) = s.strip_suffix(",-").or_else(|| s.strip_suffix(".-")) {
        s = rest.to_string();
    }
    parse_decimal(&s, 2, true)
}

/// Parses a non-negative number with up to `decimals` decimals into an
/// integer scaled by 10^decimals. Both `,` and `.` may be the decimal mark.
fn parse_decimal(s: &str, decimals: u32, allow_thousands: bool) -> Option<i64> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let last_sep = s.rfind(['.', ',']);
    let (int_part, frac_part) = match last_sep {
        None => (s.to_string(), String::new()),
        Some(pos) => {
            let sep = s.as_bytes()[pos] as char;
            let other = if sep == '.' { ',' } else { '.' };
            let (before, after) = (&s[..pos], &s[pos + 1..]);
            let seps_of_kind = s.matches(sep).count();
            let decimal_mark = if before.contains(other) {
                true
            } else if seps_of_kind > 1 {
                false
            } else {
                !(allow_thousands && after.len() == 3)
            };
            if decimal_mark {
                (before.to_string(), after.to_string())
            } else {
                (s.to_string(), String::new())
            }
        }
    };
    let int_digits = strip_thousands(&int_part, allow_thousands)?;
    if frac_part.len() > decimals as usize || frac_part.contains(['.', ',']) {
        return None;
    }
    if int_digits.is_empty() && frac_part.is_empty() {
        return None;
    }
    let scale = 10i64.pow(decimals);
    let whole: i64 = if int_digits.is_empty() { 0 } else { int_digits.parse().ok()? };
    let mut frac = frac_part.clone();
    while frac.len() < decimals as usize {
        frac.push('0');
    }
    let frac: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    whole.checked_mul(scale)?.checked_add(frac)
}

/// "1.250.000" → "1250000", requiring groups of three after the first.
fn strip_thousands(int_part: &str, allow: bool) -> Option<String> {
    if !int_part.contains(['.', ',']) {
        return Some(int_part.to_string());
    }
    if !allow {
        return None;
    }
    let groups: Vec<&str> = int_part.split(['.', ',']).collect();
    let ok = !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    ok.then(|| groups.concat())
}

/// Cents as a plain decimal ("1250.50"), the form exports use.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", (cents / 100).abs(), (cents % 100).abs())
}

/// A non-negative number as typed ("3", "3,5", "3.25") in hundredths.
pub fn parse_centi(raw: &str) -> Option<i64> {
    let s: String = raw.trim().chars().filter(|c| !c.is_whitespace()).collect();
    parse_decimal(&s, 2, false)
}

/// Hours as typed: "2,5", "2.5", "12". Hundredths at most.
pub fn parse_hours(raw: &str) -> Option<f64> {
    let s: String = raw.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_end_matches(['u', 'h']);
    parse_decimal(s, 2, false).map(|h| h as f64 / 100.0)
}

fn money_field(e: &mut ValidationErrors, field: &str, raw: &str) -> Option<i64> {
    if raw.trim().is_empty() {
        return None;
    }
    let parsed = parse_euro_cents(raw);
    if parsed.is_none() {
        e.add(field, "money-invalid");
    }
    parsed
}

/// Most hours anyone can give in a month (31 days of 24 hours): a typo guard.
const MAX_HOURS_PER_MONTH: f64 = 744.0;

fn hours_field(e: &mut ValidationErrors, field: &str, raw: &str, max: f64) -> Option<f64> {
    if raw.trim().is_empty() {
        return None;
    }
    match parse_hours(raw) {
        Some(h) if h <= max => Some(h),
        _ => {
            e.add(field, "hours-invalid");
            None
        }
    }
}

fn optional_id(e: &mut ValidationErrors, field: &str, raw: &str) -> Option<i64> {
    match raw.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                e.add(field, "choice-invalid");
                None
            }
        },
    }
}

fn id_list(e: &mut ValidationErrors, field: &str, raw: &[String]) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut bad = false;
    for s in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match s.parse::<i64>() {
            Ok(id) if id > 0 => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            _ => bad = true,
        }
    }
    if bad {
        e.add(field, "choice-invalid");
    }
    ids
}

fn url_field(e: &mut ValidationErrors, field: &str, raw: &str) -> Option<String> {
    let url = optional_text(e, field, raw, 500);
    if let Some(u) = &url {
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            e.add(field, "url-invalid");
        }
    }
    url
}

fn period_order(e: &mut ValidationErrors, end_field: &str, start: Option<NaiveDate>, end: Option<NaiveDate>) {
    if let (Some(s), Some(t)) = (start, end) {
        if t < s {
            e.add(end_field, "date-before-start");
        }
    }
}

// ---------------------------------------------------------------------------
// Quarters

/// A calendar quarter, written `2026-Q3`: the period partners report on.
/// Serialised as that text, so the API and the database see one string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub quarter: u8,
}

impl Quarter {
    /// Accepts "2026-Q3", "2026 Q3", "2026q3", "Q3 2026", "Q3-2026", "K3 2026" (Dutch *kwartaal*).
    pub fn parse(raw: &str) -> Option<Self> {
        let s: String = raw.trim().to_ascii_uppercase().chars().filter(|c| !matches!(c, ' ' | '-' | '/')).collect();
        let s = s.replace('K', "Q");
        let (year, q) = if let Some((y, q)) = s.split_once('Q') {
            if y.is_empty() {
                (q.get(1..)?, q.get(..1)?)
            } else {
                (y, q)
            }
        } else {
            return None;
        };
        let year: i32 = year.parse().ok().filter(|y| (1900..=9999).contains(y))?;
        let quarter: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        Some(Self { year, quarter })
    }

    pub fn of(date: NaiveDate) -> Self {
        Self { year: date.year(), quarter: (date.month0() / 3 + 1) as u8 }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.quarter) * 3 - 2, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn next(self) -> Self {
        if self.quarter == 4 {
            Self { year: self.year + 1, quarter: 1 }
        } else {
            Self { year: self.year, quarter: self.quarter + 1 }
        }
    }

    pub fn previous(self) -> Self {
        if self.quarter == 1 {
            Self { year: self.year - 1, quarter: 4 }
        } else {
            Self { year: self.year, quarter: self.quarter - 1 }
        }
    }
}

impl From<Quarter> for String {
    fn from(q: Quarter) -> String {
        q.to_string()
    }
}

impl TryFrom<String> for Quarter {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Quarter::parse(&raw).ok_or_else(|| format!("not a quarter: {raw:?}"))
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-Q{}", self.year, self.quarter)
    }
}

// ---------------------------------------------------------------------------
// Agreements

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    pub description: Option<String>,
    /// The organisations that signed.
    pub party_ids: Vec<i64>,
    #[schema(value_type = Option<String>, format = Date)]
    pub starts_on: Option<NaiveDate>,
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Option<NaiveDate>,
    #[schema(value_type = Option<String>, format = Date)]
    pub evaluation_date: Option<NaiveDate>,
    /// Link to the signed document.
    pub document_url: Option<String>,
    /// What is explicitly not part of the collaboration (*wat buiten de samenwerking valt*).
    pub out_of_scope: Option<String>,
    pub archived: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct AgreementForm {
    pub title: String,
    pub description: String,
    pub party_ids: Vec<String>,
    pub starts_on: String,
    pub ends_on: String,
    pub evaluation_date: String,
    pub document_url: String,
    pub out_of_scope: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgreementDraft {
    pub title: String,
    pub description: Option<String>,
    pub party_ids: Vec<i64>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub evaluation_date: Option<NaiveDate>,
    pub document_url: Option<String>,
    pub out_of_scope: Option<String>,
}

impl AgreementForm {
    /// An agreement is made between at least two parties.
    pub fn validate(&self) -> Result<AgreementDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let title = required_text(&mut e, "title", &self.title, 300);
        let description = optional_text(&mut e, "description", &self.description, 4000);
        let party_ids = id_list(&mut e, "partyIds", &self.party_ids);
        if party_ids.len() < 2 && e.for_field("partyIds").is_none() {
            e.add("partyIds", "parties-too-few");
        }
        let starts_on = optional_date(&mut e, "startsOn", &self.starts_on);
        let ends_on = optional_date(&mut e, "endsOn", &self.ends_on);
        period_order(&mut e, "endsOn", starts_on, ends_on);
        let evaluation_date = optional_date(&mut e, "evaluationDate", &self.evaluation_date);
        period_order(&mut e, "evaluationDate", starts_on, evaluation_date);
        let document_url = url_field(&mut e, "documentUrl", &self.document_url);
        let out_of_scope = optional_text(&mut e, "outOfScope", &self.out_of_scope, 4000);
        e.finish(AgreementDraft { title, description, party_ids, starts_on, ends_on, evaluation_date, document_url, out_of_scope })
    }
}

impl Agreement {
    pub fn to_form(&self) -> AgreementForm {
        AgreementForm {
            title: self.title.clone(),
            description: self.description.clone().unwrap_or_default(),
            party_ids: self.party_ids.iter().map(i64::to_string).collect(),
            starts_on: date_text(self.starts_on),
            ends_on: date_text(self.ends_on),
            evaluation_date: date_text(self.evaluation_date),
            document_url: self.document_url.clone().unwrap_or_default(),
            out_of_scope: self.out_of_scope.clone().unwrap_or_default(),
        }
    }
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// What one party promised under an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Commitment {
    pub id: i64,
    pub agreement_id: i64,
    pub organisation_id: i64,
    pub role: Option<String>,
    pub tasks: Option<String>,
    pub hours_per_month: Option<f64>,
    /// Money over the whole agreement period, in cents.
    pub money_cents: Option<i64>,
    /// Resources in kind: rooms, staff, data, materials.
    pub in_kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct CommitmentForm {
    pub organisation_id: String,
    pub role: String,
    pub tasks: String,
    pub hours_per_month: String,
    pub money: String,
    pub in_kind: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentDraft {
    pub organisation_id: i64,
    pub role: Option<String>,
    pub tasks: Option<String>,
    pub hours_per_month: Option<f64>,
    pub money_cents: Option<i64>,
    pub in_kind: Option<String>,
}

impl CommitmentForm {
    /// `party_ids`: the agreement's parties; only they can commit to it.
    pub fn validate(&self, party_ids: &[i64]) -> Result<CommitmentDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let organisation_id = optional_id(&mut e, "organisationId", &self.organisation_id);
        match organisation_id {
            None if e.is_empty() => e.add("organisationId", "required"),
            Some(id) if !party_ids.contains(&id) => e.add("organisationId", "not-a-party"),
            _ => {}
        }
        let role = optional_text(&mut e, "role", &self.role, 300);
        let tasks = optional_text(&mut e, "tasks", &self.tasks, 4000);
        let hours_per_month = hours_field(&mut e, "hoursPerMonth", &self.hours_per_month, MAX_HOURS_PER_MONTH);
        let money_cents = money_field(&mut e, "money", &self.money);
        let in_kind = optional_text(&mut e, "inKind", &self.in_kind, 2000);
        let promised_something =
            role.is_some() || tasks.is_some() || hours_per_month.is_some() || money_cents.is_some() || in_kind.is_some();
        if !promised_something && e.is_empty() {
            e.add("role", "commitment-empty");
        }
        e.finish(CommitmentDraft { organisation_id: organisation_id.unwrap_or(0), role, tasks, hours_per_month, money_cents, in_kind })
    }
}

impl Commitment {
    pub fn to_form(&self) -> CommitmentForm {
        CommitmentForm {
            organisation_id: self.organisation_id.to_string(),
            role: self.role.clone().unwrap_or_default(),
            tasks: self.tasks.clone().unwrap_or_default(),
            hours_per_month: self.hours_per_month.map(hours_text).unwrap_or_default(),
            money: self.money_cents.map(format_cents).unwrap_or_default(),
            in_kind: self.in_kind.clone().unwrap_or_default(),
        }
    }
}

/// Hours without needless decimals: 8 → "8", 2.5 → "2.5".
pub fn hours_text(h: f64) -> String {
    let hundredths = (h * 100.0).round() as i64;
    if hundredths % 100 == 0 {
        (hundredths / 100).to_string()
    } else {
        format_cents(hundredths).trim_end_matches('0').to_string()
    }
}

/// What a partner actually delivered on a commitment in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub id: i64,
    pub commitment_id: i64,
    #[schema(value_type = String, example = "2026-Q3")]
    pub quarter: Quarter,
    pub hours: Option<f64>,
    pub money_cents: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct DeliveryForm {
    pub quarter: String,
    pub hours: String,
    pub money: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryDraft {
    pub quarter: Quarter,
    pub hours: Option<f64>,
    pub money_cents: Option<i64>,
    pub note: Option<String>,
}

impl DeliveryForm {
    /// Deliveries are reported afterwards: the quarter may be the current one, not a later one.
    pub fn validate(&self, today: NaiveDate) -> Result<DeliveryDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let quarter = match self.quarter.trim() {
            "" => {
                e.add("quarter", "required");
                None
            }
            raw => {
                let q = Quarter::parse(raw);
                match q {
                    None => e.add("quarter", "quarter-invalid"),
                    Some(q) if q > Quarter::of(today) => e.add("quarter", "quarter-in-future"),
                    _ => {}
                }
                q
            }
        };
        let hours = hours_field(&mut e, "hours", &self.hours, MAX_HOURS_PER_MONTH * 3.0);
        let money_cents = money_field(&mut e, "money", &self.money);
        let note = optional_text(&mut e, "note", &self.note, 2000);
        if hours.is_none() && money_cents.is_none() && note.is_none() && e.is_empty() {
            e.add("hours", "delivery-empty");
        }
        match quarter {
            Some(quarter) if e.is_empty() => Ok(DeliveryDraft { quarter, hours, money_cents, note }),
            _ => Err(e),
        }
    }
}

/// Agreed against delivered for one partner in one agreement.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerBalance {
    pub organisation_id: i64,
    pub commitment_ids: Vec<i64>,
    /// Hours promised per month, summed over the partner's commitments.
    pub hours_per_month: f64,
    /// Hours that should have been delivered by the end of the last completed quarter.
    pub hours_due: f64,
    pub hours_delivered: f64,
    pub money_agreed_cents: i64,
    /// Money due so far, pro rata over the agreement period; `None` when the period is open-ended.
    pub money_due_cents: Option<i64>,
    pub money_delivered_cents: i64,
    /// Delivered less than the due amount minus the tolerance, in hours or money.
    pub behind: bool,
}

/// Share of what is due that may be missing before a partner counts as behind:
/// reports come in late and rounding differs, 10 % is noise, not a signal.
pub const BEHIND_TOLERANCE: f64 = 0.10;

/// Per partner: what they agreed, what was due by the end of the last
/// completed quarter before `as_of`, and what they reported delivering.
/// Without a start date nothing is due yet, so nobody is behind.
pub fn agreement_balance(
    agreement: &Agreement,
    commitments: &[Commitment],
    deliveries: &[Delivery],
    as_of: NaiveDate,
) -> Vec<PartnerBalance> {
    let due_until = Quarter::of(as_of).previous().last_day();
    let due_until = agreement.ends_on.map_or(due_until, |end| end.min(due_until));
    let months_due = agreement.starts_on.map_or(0, |start| months_inclusive(start, due_until));
    let months_total = match (agreement.starts_on, agreement.ends_on) {
        (Some(s), Some(e)) => Some(months_inclusive(s, e)),
        _ => None,
    };
    let mut out: Vec<PartnerBalance> = Vec::new();
    for c in commitments.iter().filter(|c| c.agreement_id == agreement.id) {
        let idx = match out.iter().position(|b| b.organisation_id == c.organisation_id) {
            Some(i) => i,
            None => {
                out.push(PartnerBalance {
                    organisation_id: c.organisation_id,
                    commitment_ids: Vec::new(),
                    hours_per_month: 0.0,
                    hours_due: 0.0,
                    hours_delivered: 0.0,
                    money_agreed_cents: 0,
                    money_due_cents: months_total.map(|_| 0),
                    money_delivered_cents: 0,
                    behind: false,
                });
                out.len() - 1
            }
        };
        let b = &mut out[idx];
        b.commitment_ids.push(c.id);
        let hpm = c.hours_per_month.unwrap_or(0.0);
        b.hours_per_month += hpm;
        b.hours_due += hpm * months_due as f64;
        let money = c.money_cents.unwrap_or(0);
        b.money_agreed_cents += money;
        if let (Some(total), Some(due)) = (months_total, b.money_due_cents.as_mut()) {
            if total > 0 {
                *due += (i128::from(money) * i128::from(months_due.min(total)) / i128::from(total)) as i64;
            }
        }
        for d in deliveries.iter().filter(|d| d.commitment_id == c.id) {
            b.hours_delivered += d.hours.unwrap_or(0.0);
            b.money_delivered_cents += d.money_cents.unwrap_or(0);
        }
    }
    for b in &mut out {
        let hours_behind = b.hours_due > 0.0 && b.hours_delivered < b.hours_due * (1.0 - BEHIND_TOLERANCE);
        let money_behind =
            b.money_due_cents.is_some_and(|due| due > 0 && (b.money_delivered_cents as f64) < due as f64 * (1.0 - BEHIND_TOLERANCE));
        b.behind = hours_behind || money_behind;
    }
    out.sort_by_key(|b| b.organisation_id);
    out
}

/// Calendar months touched from `start` to `end`, both included; 0 when `end` is before `start`.
fn months_inclusive(start: NaiveDate, end: NaiveDate) -> i64 {
    if end < start {
        return 0;
    }
    i64::from(end.year() - start.year()) * 12 + i64::from(end.month()) - i64::from(start.month()) + 1
}

// ---------------------------------------------------------------------------
// Projects

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub goal_ids: Vec<i64>,
    /// The partner that pulls the project (*trekker*).
    pub lead_organisation_id: Option<i64>,
    pub owner_person_id: Option<i64>,
    /// Participating partners besides the lead.
    pub partner_ids: Vec<i64>,
    pub status: ProjectStatus,
    #[schema(value_type = Option<String>, format = Date)]
    pub status_since: Option<NaiveDate>,
    pub budget_cents: Option<i64>,
    pub results: Option<String>,
    pub sustainability_plan: Option<String>,
    pub archived: bool,
}

impl Project {
    /// Lead and participants together, sorted, without repeats.
    pub fn all_partner_ids(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self.partner_ids.iter().copied().chain(self.lead_organisation_id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    pub fn to_form(&self) -> ProjectForm {
        ProjectForm {
            title: self.title.clone(),
            description: self.description.clone().unwrap_or_default(),
            goal_ids: self.goal_ids.iter().map(i64::to_string).collect(),
            lead_organisation_id: self.lead_organisation_id.map(|i| i.to_string()).unwrap_or_default(),
            owner_person_id: self.owner_person_id.map(|i| i.to_string()).unwrap_or_default(),
            partner_ids: self.partner_ids.iter().map(i64::to_string).collect(),
            status: self.status.code().to_string(),
            status_changed_on: date_text(self.status_since),
            budget: self.budget_cents.map(format_cents).unwrap_or_default(),
            results: self.results.clone().unwrap_or_default(),
            sustainability_plan: self.sustainability_plan.clone().unwrap_or_default(),
        }
    }
}

/// One step in a project's life, kept so the page can show the history.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub project_id: i64,
    pub status: ProjectStatus,
    #[schema(value_type = String, format = Date)]
    pub changed_on: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct ProjectForm {
    pub title: String,
    pub description: String,
    pub goal_ids: Vec<String>,
    pub lead_organisation_id: String,
    pub owner_person_id: String,
    pub partner_ids: Vec<String>,
    pub status: String,
    /// When the status took effect; empty means today.
    pub status_changed_on: String,
    pub budget: String,
    pub results: String,
    pub sustainability_plan: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectDraft {
    pub title: String,
    pub description: Option<String>,
    pub goal_ids: Vec<i64>,
    pub lead_organisation_id: Option<i64>,
    pub owner_person_id: Option<i64>,
    /// Participants without the lead.
    pub partner_ids: Vec<i64>,
    pub status: ProjectStatus,
    pub status_changed_on: NaiveDate,
    pub budget_cents: Option<i64>,
    pub results: Option<String>,
    pub sustainability_plan: Option<String>,
}

impl ProjectForm {
    /// A project may be saved without goal, lead or owner (ideas start that
    /// way); the coherence check points those gaps out instead.
    pub fn validate(&self, today: NaiveDate) -> Result<ProjectDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let title = required_text(&mut e, "title", &self.title, 300);
        let description = optional_text(&mut e, "description", &self.description, 8000);
        let goal_ids = id_list(&mut e, "goalIds", &self.goal_ids);
        let lead_organisation_id = optional_id(&mut e, "leadOrganisationId", &self.lead_organisation_id);
        let owner_person_id = optional_id(&mut e, "ownerPersonId", &self.owner_person_id);
        let mut partner_ids = id_list(&mut e, "partnerIds", &self.partner_ids);
        partner_ids.retain(|p| Some(*p) != lead_organisation_id);
        let status_raw = if self.status.trim().is_empty() { "idea" } else { self.status.as_str() };
        let status = required_code(&mut e, "status", status_raw, ProjectStatus::parse);
        let status_changed_on = optional_date(&mut e, "statusChangedOn", &self.status_changed_on);
        if status_changed_on.is_some_and(|d| d > today) {
            e.add("statusChangedOn", "date-in-future");
        }
        let budget_cents = money_field(&mut e, "budget", &self.budget);
        let results = optional_text(&mut e, "results", &self.results, 8000);
        let sustainability_plan = optional_text(&mut e, "sustainabilityPlan", &self.sustainability_plan, 8000);
        match status {
            Some(status) if e.is_empty() => Ok(ProjectDraft {
                title,
                description,
                goal_ids,
                lead_organisation_id,
                owner_person_id,
                partner_ids,
                status,
                status_changed_on: status_changed_on.unwrap_or(today),
                budget_cents,
                results,
                sustainability_plan,
            }),
            _ => Err(e),
        }
    }
}

// ---------------------------------------------------------------------------
// Funding

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FundingStream {
    pub id: i64,
    pub project_id: i64,
    pub source: FundingSource,
    /// Who pays, by name ("Gemeente Rivierstad", "ZonMw").
    pub funder: Option<String>,
    pub amount_cents: i64,
    #[schema(value_type = Option<String>, format = Date)]
    pub starts_on: Option<NaiveDate>,
    /// Empty for structural money without an end.
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Option<NaiveDate>,
    pub kind: FundingKind,
    pub pays_for: Option<String>,
}

impl FundingStream {
    pub fn to_form(&self) -> FundingStreamForm {
        FundingStreamForm {
            source: self.source.code().to_string(),
            funder: self.funder.clone().unwrap_or_default(),
            amount: format_cents(self.amount_cents),
            starts_on: date_text(self.starts_on),
            ends_on: date_text(self.ends_on),
            kind: self.kind.code().to_string(),
            pays_for: self.pays_for.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, rename_all = "camelCase")]
pub struct FundingStreamForm {
    pub source: String,
    pub funder: String,
    pub amount: String,
    pub starts_on: String,
    pub ends_on: String,
    pub kind: String,
    pub pays_for: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FundingStreamDraft {
    pub source: FundingSource,
    pub funder: Option<String>,
    pub amount_cents: i64,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub kind: FundingKind,
    pub pays_for: Option<String>,
}

impl FundingStreamForm {
    /// One-off money always ends; without an end date the funding cliff could not be seen.
    pub fn validate(&self) -> Result<FundingStreamDraft, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let source = required_code(&mut e, "source", &self.source, FundingSource::parse);
        let funder = optional_text(&mut e, "funder", &self.funder, 200);
        let amount_cents = if self.amount.trim().is_empty() {
            e.add("amount", "required");
            None
        } else {
            money_field(&mut e, "amount", &self.amount)
        };
        let starts_on = optional_date(&mut e, "startsOn", &self.starts_on);
        let ends_on = optional_date(&mut e, "endsOn", &self.ends_on);
        period_order(&mut e, "endsOn", starts_on, ends_on);
        let kind = required_code(&mut e, "kind", &self.kind, FundingKind::parse);
        if kind == Some(FundingKind::OneOff) && ends_on.is_none() && e.for_field("endsOn").is_none() {
            e.add("endsOn", "required");
        }
        let pays_for = optional_text(&mut e, "paysFor", &self.pays_for, 1000);
        match (source, amount_cents, kind) {
            (Some(source), Some(amount_cents), Some(kind)) if e.is_empty() => {
                Ok(FundingStreamDraft { source, funder, amount_cents, starts_on, ends_on, kind, pays_for })
            }
            _ => Err(e),
        }
    }
}

/// `date` moved `months` calendar months on, clamped to the month's end (31 Aug + 6 → 28/29 Feb).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn euro_amounts_dutch_and_international() {
        let cases = [
            ("1.250,50", Some(125_050)),
            ("1250,50", Some(125_050)),
            ("1250.50", Some(125_050)),
            ("1250,5", Some(125_050)),
            ("€ 1.250,-", Some(125_000)),
            ("1.250", Some(125_000)),
            ("1,250,000", Some(125_000_000)),
            ("1.250.000,00", Some(125_000_000)),
            ("1,250.75", Some(125_075)),
            ("EUR 40", Some(4_000)),
            ("0,05", Some(5)),
            (",5", Some(50)),
            ("12.5.0", None),
            ("1,2345", None),
            ("-5", None),
            ("twaalf", None),
            ("", None),
            ("1.25.000", None),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_euro_cents(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn cents_format_back_to_a_parseable_amount() {
        for cents in [0, 5, 125_050, 99, 100_000_000] {
            assert_eq!(parse_euro_cents(&format_cents(cents)), Some(cents), "{cents}");
        }
        assert_eq!(format_cents(125_050), "1250.50");
    }

    #[test]
    fn hours_accept_comma_and_refuse_thousands() {
        assert_eq!(parse_hours("2,5"), Some(2.5));
        assert_eq!(parse_hours("8 u"), Some(8.0));
        assert_eq!(parse_hours("1.000"), None);
        assert_eq!(parse_hours("1,125"), None);
        assert_eq!(hours_text(2.5), "2.5");
        assert_eq!(hours_text(8.0), "8");
        assert_eq!(hours_text(0.25), "0.25");
    }

    #[test]
    fn quarters_parse_in_several_spellings() {
        let q3 = Quarter { year: 2026, quarter: 3 };
        for raw in ["2026-Q3", "2026 q3", "Q3 2026", "K3-2026", "2026Q3"] {
            assert_eq!(Quarter::parse(raw), Some(q3), "{raw}");
        }
        for raw in ["2026-Q5", "2026", "Q3", "26-Q1", ""] {
            assert_eq!(Quarter::parse(raw), None, "{raw}");
        }
        assert_eq!(q3.to_string(), "2026-Q3");
        assert_eq!(String::from(q3), "2026-Q3");
        assert_eq!(Quarter::try_from("2026-q3".to_string()), Ok(q3));
        assert!(Quarter::try_from("2026-Q0".to_string()).is_err());
        assert_eq!(q3.first_day(), d(2026, 7, 1));
        assert_eq!(q3.last_day(), d(2026, 9, 30));
        assert_eq!(Quarter::of(d(2026, 12, 31)).next(), Quarter { year: 2027, quarter: 1 });
        assert_eq!(Quarter { year: 2026, quarter: 1 }.previous(), Quarter { year: 2025, quarter: 4 });
    }

    #[test]
    fn agreement_needs_title_two_parties_and_ordered_dates() {
        let e = AgreementForm {
            party_ids: vec!["3".into()],
            starts_on: "2026-01-01".into(),
            ends_on: "2025-12-31".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let codes: Vec<(&str, &str)> = e.0.iter().map(|x| (x.field.as_str(), x.code.as_str())).collect();
        assert_eq!(codes, [("title", "required"), ("partyIds", "parties-too-few"), ("endsOn", "date-before-start")]);
        let ok = AgreementForm {
            title: "Convenant Gezond Rivierenland".into(),
            party_ids: vec!["3".into(), "4".into(), "3".into()],
            evaluation_date: "2026-06-30".into(),
            document_url: "https://intranet.example/convenant.pdf".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.party_ids, [3, 4]);
    }

    #[test]
    fn commitment_must_be_from_a_party_and_promise_something() {
        let e = CommitmentForm { organisation_id: "9".into(), ..Default::default() }.validate(&[3, 4]).unwrap_err();
        assert_eq!(e.for_field("organisationId").unwrap().code, "not-a-party");
        let e = CommitmentForm { organisation_id: "3".into(), ..Default::default() }.validate(&[3, 4]).unwrap_err();
        assert_eq!(e.for_field("role").unwrap().code, "commitment-empty");
        let e = CommitmentForm { organisation_id: "3".into(), hours_per_month: "800".into(), money: "veel".into(), ..Default::default() }
            .validate(&[3])
            .unwrap_err();
        assert_eq!(e.for_field("hoursPerMonth").unwrap().code, "hours-invalid");
        assert_eq!(e.for_field("money").unwrap().code, "money-invalid");
        let ok = CommitmentForm {
            organisation_id: "3".into(),
            hours_per_month: "2,5".into(),
            money: "1.250,50".into(),
            in_kind: "Vergaderruimte".into(),
            ..Default::default()
        }
        .validate(&[3, 4])
        .unwrap();
        assert_eq!((ok.hours_per_month, ok.money_cents), (Some(2.5), Some(125_050)));
    }

    #[test]
    fn commitment_form_round_trips() {
        let c = Commitment {
            id: 1,
            agreement_id: 1,
            organisation_id: 3,
            role: Some("Trekker".into()),
            tasks: None,
            hours_per_month: Some(2.5),
            money_cents: Some(125_050),
            in_kind: None,
        };
        let draft = c.to_form().validate(&[3]).unwrap();
        assert_eq!((draft.hours_per_month, draft.money_cents, draft.role.as_deref()), (Some(2.5), Some(125_050), Some("Trekker")));
    }

    #[test]
    fn delivery_quarter_rules() {
        let today = d(2026, 5, 10);
        let e = DeliveryForm { quarter: "2026-Q3".into(), hours: "4".into(), ..Default::default() }.validate(today).unwrap_err();
        assert_eq!(e.for_field("quarter").unwrap().code, "quarter-in-future");
        let e = DeliveryForm { quarter: "derde kwartaal".into(), ..Default::default() }.validate(today).unwrap_err();
        assert_eq!(e.0.len(), 1, "{e}");
        assert_eq!(e.for_field("quarter").unwrap().code, "quarter-invalid");
        let e = DeliveryForm { quarter: "2026-Q1".into(), ..Default::default() }.validate(today).unwrap_err();
        assert_eq!(e.for_field("hours").unwrap().code, "delivery-empty");
        let ok = DeliveryForm { quarter: "2026-Q2".into(), hours: "12,5".into(), ..Default::default() }.validate(today).unwrap();
        assert_eq!(ok.quarter, Quarter { year: 2026, quarter: 2 });
    }

    fn agreement() -> Agreement {
        Agreement {
            id: 1,
            network_id: 1,
            title: "Convenant".into(),
            description: None,
            party_ids: vec![3, 4],
            starts_on: Some(d(2026, 1, 1)),
            ends_on: Some(d(2026, 12, 31)),
            evaluation_date: None,
            document_url: None,
            out_of_scope: None,
            archived: false,
        }
    }

    fn commitment(id: i64, org: i64, hours: f64, money: i64) -> Commitment {
        Commitment {
            id,
            agreement_id: 1,
            organisation_id: org,
            role: None,
            tasks: None,
            hours_per_month: Some(hours),
            money_cents: Some(money),
            in_kind: None,
        }
    }

    fn delivery(commitment_id: i64, q: u8, hours: f64, money: i64) -> Delivery {
        Delivery {
            id: 0,
            commitment_id,
            quarter: Quarter { year: 2026, quarter: q },
            hours: Some(hours),
            money_cents: Some(money),
            note: None,
        }
    }

    #[test]
    fn balance_counts_completed_quarters_and_flags_who_is_behind() {
        // 1 July: Q1 and Q2 are complete, so six months are due.
        let commitments = [commitment(10, 3, 8.0, 120_000), commitment(11, 4, 4.0, 0), commitment(12, 4, 2.0, 0)];
        let deliveries = [delivery(10, 1, 24.0, 30_000), delivery(10, 2, 24.0, 30_000), delivery(11, 1, 10.0, 0), delivery(12, 2, 2.0, 0)];
        let b = agreement_balance(&agreement(), &commitments, &deliveries, d(2026, 7, 1));
        assert_eq!(b.len(), 2);
        let p3 = &b[0];
        assert_eq!((p3.organisation_id, p3.hours_due, p3.hours_delivered), (3, 48.0, 48.0));
        assert_eq!((p3.money_due_cents, p3.money_delivered_cents), (Some(60_000), 60_000));
        assert!(!p3.behind);
        let p4 = &b[1];
        assert_eq!(p4.commitment_ids, [11, 12]);
        assert_eq!((p4.hours_per_month, p4.hours_due, p4.hours_delivered), (6.0, 36.0, 12.0));
        assert!(p4.behind);
    }

    #[test]
    fn nothing_due_before_the_first_quarter_ends_or_without_start() {
        let commitments = [commitment(10, 3, 8.0, 120_000)];
        let b = agreement_balance(&agreement(), &commitments, &[], d(2026, 3, 31));
        assert_eq!((b[0].hours_due, b[0].behind), (0.0, false));
        let open = Agreement { starts_on: None, ends_on: None, ..agreement() };
        let b = agreement_balance(&open, &commitments, &[], d(2027, 3, 31));
        assert_eq!((b[0].hours_due, b[0].money_due_cents, b[0].behind), (0.0, None, false));
        // After the end, the whole agreement is due and no more.
        let b = agreement_balance(&agreement(), &commitments, &[], d(2030, 1, 1));
        assert_eq!((b[0].hours_due, b[0].money_due_cents), (96.0, Some(120_000)));
    }

    #[test]
    fn project_form_defaults_and_lead_not_double_counted() {
        let today = d(2026, 5, 1);
        let f = ProjectForm {
            title: "Valpreventie thuis".into(),
            lead_organisation_id: "3".into(),
            partner_ids: vec!["3".into(), "5".into()],
            goal_ids: vec!["1".into(), "x".into()],
            budget: "25.000".into(),
            ..Default::default()
        };
        let e = f.validate(today).unwrap_err();
        assert_eq!(e.for_field("goalIds").unwrap().code, "choice-invalid");
        let ok = ProjectForm { goal_ids: vec!["1".into()], ..f }.validate(today).unwrap();
        assert_eq!(ok.partner_ids, [5]);
        assert_eq!(ok.status, ProjectStatus::Idea);
        assert_eq!(ok.status_changed_on, today);
        assert_eq!(ok.budget_cents, Some(2_500_000));
        let e = ProjectForm { title: "x".into(), status: "paused".into(), status_changed_on: "2026-06-01".into(), ..Default::default() }
            .validate(today)
            .unwrap_err();
        assert_eq!(e.0.len(), 2);
    }

    #[test]
    fn funding_stream_one_off_needs_an_end() {
        let f = FundingStreamForm { source: "subsidy".into(), amount: "50.000".into(), kind: "one_off".into(), ..Default::default() };
        assert_eq!(f.validate().unwrap_err().for_field("endsOn").unwrap().code, "required");
        let ok = FundingStreamForm { ends_on: "2026-12-31".into(), ..f.clone() }.validate().unwrap();
        assert_eq!(ok.amount_cents, 5_000_000);
        let e = FundingStreamForm { source: "lottery".into(), amount: "".into(), kind: "".into(), ..Default::default() }
            .validate()
            .unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(fields, ["source", "amount", "kind"]);
        let structural = FundingStreamForm { kind: "structural".into(), starts_on: "2026-01-01".into(), ..f }.validate().unwrap();
        assert_eq!(structural.ends_on, None);
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        assert_eq!(add_months(d(2026, 8, 31), 6), d(2027, 2, 28));
        assert_eq!(add_months(d(2026, 1, 15), 6), d(2026, 7, 15));
    }
}
