//! Spreadsheet import and export of projects, and of the commitments
//! partners made under agreements, built like the partner and person sheets
//! in [`crate::import`]: pure functions over a header row and data rows, and
//! a preview that checks every row before anything is written.
//!
//! Links to other records (goals, partners, persons, agreements) are written
//! as names, not ids, so people can read and fill in a sheet; the preview
//! finds the records again, ignoring case, accents and punctuation.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::import::{
    cell, fold, iso_date, map_headers, row_id, row_is_blank, CodeAliases, ColumnSpec, ImportPreview, ImportRow, RowAction, ID_FIELD,
};
use crate::portfolio::{Agreement, Commitment, CommitmentDraft, CommitmentForm, Project, ProjectDraft, ProjectForm};
use crate::validation::ValidationErrors;
use crate::{search_key, Language};

pub const PROJECT_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { field: ID_FIELD, nl: "id", en: "id", aliases: &["nummer"] },
    ColumnSpec { field: "title", nl: "titel", en: "title", aliases: &["naam", "name", "project", "projectnaam", "project name"] },
    ColumnSpec { field: "description", nl: "omschrijving", en: "description", aliases: &["beschrijving", "toelichting"] },
    ColumnSpec { field: "goalIds", nl: "doelen", en: "goals", aliases: &["doel", "goal"] },
    ColumnSpec {
        field: "leadOrganisationId",
        nl: "trekker",
        en: "lead partner",
        aliases: &["penvoerder", "trekkende partner", "lead", "lead organisation", "lead organization"],
    },
    ColumnSpec {
        field: "ownerPersonId",
        nl: "eigenaar",
        en: "owner",
        aliases: &["projecteigenaar", "projectleider", "project owner", "project lead"],
    },
    ColumnSpec {
        field: "partnerIds",
        nl: "deelnemende partners",
        en: "participating partners",
        aliases: &["partners", "deelnemers", "participants"],
    },
    ColumnSpec { field: "status", nl: "status", en: "status", aliases: &["projectstatus", "project status"] },
    ColumnSpec {
        field: "statusChangedOn",
        nl: "status sinds",
        en: "status since",
        aliases: &["sinds", "since", "statusdatum", "status date"],
    },
    ColumnSpec { field: "budget", nl: "budget", en: "budget", aliases: &["begroting", "bedrag", "amount"] },
    ColumnSpec { field: "results", nl: "resultaten", en: "results", aliases: &["resultaat", "result", "opbrengsten"] },
    ColumnSpec {
        field: "sustainabilityPlan",
        nl: "borgingsplan",
        en: "sustainability plan",
        aliases: &["borging", "sustainability", "continuity plan"],
    },
];

pub const COMMITMENT_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { field: ID_FIELD, nl: "id", en: "id", aliases: &["nummer"] },
    ColumnSpec {
        field: "agreementId",
        nl: "afspraak",
        en: "agreement",
        aliases: &["samenwerkingsafspraak", "overeenkomst", "convenant", "agreement title"],
    },
    ColumnSpec {
        field: "organisationId",
        nl: "partner",
        en: "partner",
        aliases: &["organisatie", "organisation", "organization", "partij", "party"],
    },
    ColumnSpec { field: "role", nl: "rol", en: "role", aliases: &["functie"] },
    ColumnSpec { field: "tasks", nl: "taken", en: "tasks", aliases: &["taak", "task"] },
    ColumnSpec {
        field: "hoursPerMonth",
        nl: "uren per maand",
        en: "hours per month",
        aliases: &["uren", "hours", "uur per maand", "uren/maand", "hours/month"],
    },
    ColumnSpec {
        field: "money", nl: "geld", en: "money", aliases: &["bedrag", "amount", "financiële bijdrage", "financial contribution"]
    },
    ColumnSpec { field: "inKind", nl: "in natura", en: "in kind", aliases: &["natura", "middelen in natura", "resources in kind"] },
];

/// Between names in one cell. Semicolons, because names of goals and
/// organisations often contain a comma; reading accepts commas too.
const LIST_SEPARATOR: &str = "; ";

/// Field → (1-based column, header as in the file), as `map_headers` gives it.
type Columns = HashMap<&'static str, (usize, String)>;

// ---------------------------------------------------------------------------
// Finding records by name

/// Why a name led to no record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Miss {
    /// Several records have this name.
    Ambiguous,
    /// No record has it.
    Unknown,
}

type Found = Result<i64, Miss>;

/// Case and accents ignored but punctuation kept (spaces dropped): for names
/// that contain a list separator, so "Zorg, welzijn" is not "Zorg welzijn".
fn tight(text: &str) -> String {
    search_key(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// The records of one kind by name, to find the ids a sheet means.
struct Names {
    /// By [`fold`]: case, accents, spaces and punctuation ignored.
    loose: HashMap<String, Vec<i64>>,
    /// By [`tight`], for runs of list parts that together make one name.
    tight: HashMap<String, Vec<i64>>,
}

impl Names {
    fn new<'a>(records: impl IntoIterator<Item = (i64, &'a str)>) -> Self {
        let mut names = Names { loose: HashMap::new(), tight: HashMap::new() };
        for (id, name) in records {
            for (map, key) in [(&mut names.loose, fold(name)), (&mut names.tight, tight(name))] {
                if !key.is_empty() {
                    let ids = map.entry(key).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        names
    }

    /// One of `candidates`; when a name is shared, the one in `preferred` (what
    /// the record being updated links to now), so an exported sheet still
    /// reads back even if two persons are called "Jan de Vries".
    fn pick(candidates: Option<&Vec<i64>>, preferred: &[i64]) -> Found {
        match candidates.map_or(&[][..], Vec::as_slice) {
            [] => Err(Miss::Unknown),
            [id] => Ok(*id),
            many => {
                let mut kept = many.iter().filter(|id| preferred.contains(id));
                match (kept.next(), kept.next()) {
                    (Some(id), None) => Ok(*id),
                    _ => Err(Miss::Ambiguous),
                }
            }
        }
    }

    fn find(&self, name: &str, preferred: &[i64]) -> Found {
        Self::pick(self.loose.get(&fold(name)), preferred)
    }

    /// Several names separated by `,` or `;`, without repeats. A name that
    /// itself contains a separator is found too: the longest run of parts
    /// that is a known name wins.
    fn find_list(&self, raw: &str, preferred: &[i64]) -> Result<Vec<i64>, Miss> {
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, c) in raw.char_indices() {
            if matches!(c, ',' | ';') {
                parts.push((start, i));
                start = i + c.len_utf8();
            }
        }
        parts.push((start, raw.len()));
        let mut ids = Vec::new();
        let mut miss: Option<Miss> = None;
        let mut i = 0;
        while i < parts.len() {
            let (from, to) = parts[i];
            if raw[from..to].trim().is_empty() {
                i += 1;
                continue;
            }
            let joined = (i + 1..parts.len())
                .rev()
                .find_map(|j| self.tight.get(&tight(&raw[from..parts[j].1])).map(|c| (j, Self::pick(Some(c), preferred))));
            let (last, found) = joined.unwrap_or_else(|| (i, self.find(&raw[from..to], preferred)));
            match found {
                Ok(id) if !ids.contains(&id) => ids.push(id),
                Ok(_) => {}
                // An unknown name is the more useful message when both occur.
                Err(m) => miss = Some(miss.map_or(m, |old| old.max(m))),
            }
            i = last + 1;
        }
        miss.map_or(Ok(ids), Err)
    }
}

/// Persons by name or by e-mail address: names are shared more often than
/// organisation names, so an owner may be given by address.
struct PersonNames {
    names: Names,
    emails: HashMap<String, Vec<i64>>,
}

impl PersonNames {
    fn new(persons: &[(i64, String, Option<String>)]) -> Self {
        let mut emails: HashMap<String, Vec<i64>> = HashMap::new();
        for (id, _, email) in persons {
            if let Some(email) = email.as_deref().map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty()) {
                emails.entry(email).or_default().push(*id);
            }
        }
        PersonNames { names: Names::new(persons.iter().map(|(id, name, _)| (*id, name.as_str()))), emails }
    }

    fn find(&self, raw: &str, preferred: &[i64]) -> Found {
        if raw.contains('@') {
            Names::pick(self.emails.get(&raw.trim().to_lowercase()), preferred)
        } else {
            self.names.find(raw, preferred)
        }
    }
}

fn note_miss(errors: &mut ValidationErrors, field: &str, unknown_code: &str, miss: Miss) {
    errors.add(
        field,
        match miss {
            Miss::Unknown => unknown_code,
            Miss::Ambiguous => "name-ambiguous",
        },
    );
}

/// A cell naming one record, as form input: empty, or the record's id.
fn link(errors: &mut ValidationErrors, field: &str, unknown_code: &str, raw: &str, find: impl FnOnce(&str) -> Found) -> String {
    if raw.is_empty() {
        return String::new();
    }
    match find(raw) {
        Ok(id) => id.to_string(),
        Err(m) => {
            note_miss(errors, field, unknown_code, m);
            String::new()
        }
    }
}

/// A cell naming several records, as form input.
fn links(
    errors: &mut ValidationErrors,
    field: &str,
    unknown_code: &str,
    raw: &str,
    find: impl FnOnce(&str) -> Result<Vec<i64>, Miss>,
) -> Vec<String> {
    match find(raw) {
        Ok(ids) => ids.iter().map(i64::to_string).collect(),
        Err(m) => {
            note_miss(errors, field, unknown_code, m);
            Vec::new()
        }
    }
}

/// Adds the form's own problems, except on fields already flagged while
/// reading the row: an unknown partner would otherwise also be "required".
fn merge(errors: &mut ValidationErrors, found: ValidationErrors) {
    for e in found.0 {
        if errors.for_field(&e.field).is_none() {
            errors.0.push(e);
        }
    }
}

/// Problems in the order a reader meets them: left to right.
fn in_column_order(errors: &mut ValidationErrors, columns: &Columns) {
    errors.0.sort_by_key(|e| columns.get(e.field.as_str()).map_or(usize::MAX, |c| c.0));
}

fn by_id(records: &[(i64, String)]) -> HashMap<i64, &str> {
    records.iter().map(|(id, name)| (*id, name.as_str())).collect()
}

fn name_of(names: &HashMap<i64, &str>, id: Option<i64>) -> String {
    id.and_then(|id| names.get(&id)).map(|n| n.to_string()).unwrap_or_default()
}

fn names_of(names: &HashMap<i64, &str>, ids: &[i64]) -> String {
    ids.iter().filter_map(|id| names.get(id).copied()).collect::<Vec<_>>().join(LIST_SEPARATOR)
}

// ---------------------------------------------------------------------------
// Projects

pub type ProjectPreview = ImportPreview<ProjectForm, ProjectDraft>;

/// Projects as a sheet: the columns of [`PROJECT_COLUMNS`] with headers in
/// `lang`; goals, partners and the owner by name, the status as its code.
/// `goals`, `organisations` and `persons` are (id, name) and should hold
/// archived records too: a link whose name is missing is left out, and a
/// re-import would then drop it.
pub fn project_sheet(
    projects: &[Project],
    goals: &[(i64, String)],
    organisations: &[(i64, String)],
    persons: &[(i64, String)],
    lang: Language,
) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = PROJECT_COLUMNS.iter().map(|c| c.header(lang).to_string()).collect();
    let (goals, organisations, persons) = (by_id(goals), by_id(organisations), by_id(persons));
    let rows = projects
        .iter()
        .map(|p| {
            let f = p.to_form();
            vec![
                p.id.to_string(),
                f.title,
                f.description,
                names_of(&goals, &p.goal_ids),
                name_of(&organisations, p.lead_organisation_id),
                name_of(&persons, p.owner_person_id),
                names_of(&organisations, &p.partner_ids),
                f.status,
                f.status_changed_on,
                f.budget,
                f.results,
                f.sustainability_plan,
            ]
        })
        .collect();
    (headers, rows)
}

/// An empty "status since" means today for a new status, but for a project
/// whose status the row leaves as it is, it means "since whenever it was":
/// otherwise every import would move the date of every status to today.
fn keep_status_date(draft: &mut ProjectDraft, form: &ProjectForm, matched: Option<&Project>) {
    if form.status_changed_on.trim().is_empty() {
        if let Some(since) = matched.filter(|p| p.status == draft.status).and_then(|p| p.status_since) {
            draft.status_changed_on = since;
        }
    }
}

/// Goals and partners are sets: another order in the cell is no change.
fn same_project(a: &ProjectDraft, b: &ProjectDraft) -> bool {
    let sorted = |d: &ProjectDraft| {
        let mut d = d.clone();
        d.goal_ids.sort_unstable();
        d.partner_ids.sort_unstable();
        d
    };
    sorted(a) == sorted(b)
}

/// Checks every row of a project sheet against the `existing` projects of
/// the network. Goals, partners and persons are given by name and must be
/// among `goals` (id, title), `organisations` (id, name) and `persons` (id,
/// name, e-mail); the owner may also be given by e-mail address. A row with
/// an id updates that project; one without matches by title (ignoring case,
/// accents and punctuation) or creates a new project.
#[allow(clippy::too_many_arguments)]
pub fn preview_projects(
    headers: &[String],
    rows: &[Vec<String>],
    existing: &[Project],
    goals: &[(i64, String)],
    organisations: &[(i64, String)],
    persons: &[(i64, String, Option<String>)],
    aliases: &CodeAliases,
    today: NaiveDate,
) -> ProjectPreview {
    let (columns, header_problems, ignored_columns) = map_headers(PROJECT_COLUMNS, headers, &["title"]);
    let known: Vec<i64> = existing.iter().map(|p| p.id).collect();
    let by_title: HashMap<String, &Project> = existing.iter().map(|p| (fold(&p.title), p)).filter(|(key, _)| !key.is_empty()).collect();
    let goal_names = Names::new(goals.iter().map(|(id, title)| (*id, title.as_str())));
    let organisation_names = Names::new(organisations.iter().map(|(id, name)| (*id, name.as_str())));
    let person_names = PersonNames::new(persons);
    let mut seen_titles = HashSet::new();
    let mut seen_ids = HashSet::new();
    let mut out = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row_is_blank(row) {
            continue;
        }
        let get = |field| cell(&columns, row, field);
        let mut errors = ValidationErrors::default();
        let id = row_id(&mut errors, get(ID_FIELD), &known);
        let title_key = fold(get("title"));
        let matched = id.and_then(|id| existing.iter().find(|p| p.id == id)).or_else(|| by_title.get(&title_key).copied());
        let current_goals = matched.map(|p| p.goal_ids.clone()).unwrap_or_default();
        let current_partners = matched.map(Project::all_partner_ids).unwrap_or_default();
        let current_owner: Vec<i64> = matched.and_then(|p| p.owner_person_id).into_iter().collect();
        let form = ProjectForm {
            title: get("title").to_string(),
            description: get("description").to_string(),
            goal_ids: links(&mut errors, "goalIds", "goal-unknown", get("goalIds"), |raw| goal_names.find_list(raw, &current_goals)),
            lead_organisation_id: link(&mut errors, "leadOrganisationId", "organisation-unknown", get("leadOrganisationId"), |raw| {
                organisation_names.find(raw, &current_partners)
            }),
            owner_person_id: link(&mut errors, "ownerPersonId", "person-unknown", get("ownerPersonId"), |raw| {
                person_names.find(raw, &current_owner)
            }),
            partner_ids: links(&mut errors, "partnerIds", "organisation-unknown", get("partnerIds"), |raw| {
                organisation_names.find_list(raw, &current_partners)
            }),
            status: match get("status") {
                "" => String::new(),
                raw => aliases.resolve("status", raw),
            },
            status_changed_on: iso_date(get("statusChangedOn")),
            budget: get("budget").to_string(),
            results: get("results").to_string(),
            sustainability_plan: get("sustainabilityPlan").to_string(),
        };
        let draft = match form.validate(today) {
            Ok(mut d) => {
                keep_status_date(&mut d, &form, matched);
                Some(d)
            }
            Err(e) => {
                merge(&mut errors, e);
                None
            }
        };
        if !title_key.is_empty() && !seen_titles.insert(title_key) {
            errors.add("title", "duplicate-in-file");
        }
        if id.is_some_and(|id| !seen_ids.insert(id)) {
            errors.add(ID_FIELD, "id-duplicate-in-file");
        }
        let action = match (&draft, errors.is_empty()) {
            (Some(d), true) => Some(match matched {
                Some(p) if p.to_form().validate(today).is_ok_and(|now| same_project(&now, d)) => RowAction::Unchanged(p.id),
                Some(p) => RowAction::Update(p.id),
                None => RowAction::Create,
            }),
            _ => None,
        };
        in_column_order(&mut errors, &columns);
        out.push(ImportRow { row: index + 2, form, draft: draft.filter(|_| errors.is_empty()), errors, action });
    }
    ImportPreview { header_problems, ignored_columns, rows: out, columns }
}

// ---------------------------------------------------------------------------
// Commitments

/// A valid commitment row: the draft, and the agreement it falls under
/// (which a [`CommitmentDraft`] does not carry, as a form sits on the agreement's page).
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentImport {
    pub agreement_id: i64,
    pub draft: CommitmentDraft,
}

pub type CommitmentPreview = ImportPreview<CommitmentForm, CommitmentImport>;

/// Commitments as a sheet: the agreement by title, the partner by name,
/// hours and money as plain decimals. `agreements` and `organisations` are
/// (id, name), archived ones included.
pub fn commitment_sheet(
    commitments: &[Commitment],
    agreements: &[(i64, String)],
    organisations: &[(i64, String)],
    lang: Language,
) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = COMMITMENT_COLUMNS.iter().map(|c| c.header(lang).to_string()).collect();
    let (agreements, organisations) = (by_id(agreements), by_id(organisations));
    let rows = commitments
        .iter()
        .map(|c| {
            let f = c.to_form();
            vec![
                c.id.to_string(),
                name_of(&agreements, Some(c.agreement_id)),
                name_of(&organisations, Some(c.organisation_id)),
                f.role,
                f.tasks,
                f.hours_per_month,
                f.money,
                f.in_kind,
            ]
        })
        .collect();
    (headers, rows)
}

/// Checks every row of a commitment sheet. The agreement is given by title
/// and must be one of `agreements`; the partner by name, one of
/// `organisations` (id, name) and a party to that agreement. A row with an
/// id updates that commitment (which stays under its agreement); one without
/// matches a commitment of the same partner with the same role under the
/// same agreement, or creates a new one. `_today` is taken for symmetry with
/// the other previews: nothing about a commitment depends on the date yet.
pub fn preview_commitments(
    headers: &[String],
    rows: &[Vec<String>],
    existing: &[Commitment],
    agreements: &[Agreement],
    organisations: &[(i64, String)],
    _today: NaiveDate,
) -> CommitmentPreview {
    let (columns, header_problems, ignored_columns) = map_headers(COMMITMENT_COLUMNS, headers, &["agreementId", "organisationId"]);
    let known: Vec<i64> = existing.iter().map(|c| c.id).collect();
    let agreement_names = Names::new(agreements.iter().map(|a| (a.id, a.title.as_str())));
    let organisation_names = Names::new(organisations.iter().map(|(id, name)| (*id, name.as_str())));
    let mut seen_keys = HashSet::new();
    let mut seen_ids = HashSet::new();
    let mut out = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row_is_blank(row) {
            continue;
        }
        let get = |field| cell(&columns, row, field);
        let mut errors = ValidationErrors::default();
        let id = row_id(&mut errors, get(ID_FIELD), &known);
        let with_id = id.and_then(|id| existing.iter().find(|c| c.id == id));
        let current_agreement: Vec<i64> = with_id.map(|c| c.agreement_id).into_iter().collect();
        let current_partner: Vec<i64> = with_id.map(|c| c.organisation_id).into_iter().collect();
        let agreement = match get("agreementId") {
            "" => {
                errors.add("agreementId", "required");
                None
            }
            raw => match agreement_names.find(raw, &current_agreement) {
                Ok(found) => agreements.iter().find(|a| a.id == found),
                Err(m) => {
                    note_miss(&mut errors, "agreementId", "agreement-unknown", m);
                    None
                }
            },
        };
        // The store keeps a commitment under its agreement; moving it would be a new commitment.
        if with_id.zip(agreement).is_some_and(|(c, a)| c.agreement_id != a.id) {
            errors.add("agreementId", "agreement-changed");
        }
        let form = CommitmentForm {
            organisation_id: link(&mut errors, "organisationId", "organisation-unknown", get("organisationId"), |raw| {
                organisation_names.find(raw, &current_partner)
            }),
            role: get("role").to_string(),
            tasks: get("tasks").to_string(),
            hours_per_month: get("hoursPerMonth").to_string(),
            money: get("money").to_string(),
            in_kind: get("inKind").to_string(),
        };
        let partner: Option<i64> = form.organisation_id.parse().ok();
        // Without a known agreement its parties are unknown too: the partner is not also called "not a party".
        let parties = agreement.map_or_else(|| partner.into_iter().collect(), |a| a.party_ids.clone());
        let draft = match form.validate(&parties) {
            Ok(d) => Some(d),
            Err(e) => {
                merge(&mut errors, e);
                None
            }
        };
        let role_key = fold(&form.role);
        let key = agreement.zip(partner).map(|(a, p)| (a.id, p, role_key.clone()));
        if key.as_ref().is_some_and(|k| !seen_keys.insert(k.clone())) {
            errors.add("organisationId", "commitment-duplicate-in-file");
        }
        if id.is_some_and(|id| !seen_ids.insert(id)) {
            errors.add(ID_FIELD, "id-duplicate-in-file");
        }
        let matched = with_id.or_else(|| {
            let (agreement_id, organisation_id, role_key) = key?;
            existing.iter().find(|c| {
                c.agreement_id == agreement_id && c.organisation_id == organisation_id && fold(c.role.as_deref().unwrap_or("")) == role_key
            })
        });
        let valid = match (agreement, draft) {
            (Some(a), Some(d)) if errors.is_empty() => Some((a, d)),
            _ => None,
        };
        let action = valid.as_ref().map(|(a, d)| match matched {
            Some(c) if c.to_form().validate(&a.party_ids).as_ref() == Ok(d) => RowAction::Unchanged(c.id),
            Some(c) => RowAction::Update(c.id),
            None => RowAction::Create,
        });
        in_column_order(&mut errors, &columns);
        let draft = valid.map(|(a, draft)| CommitmentImport { agreement_id: a.id, draft });
        out.push(ImportRow { row: index + 2, form, draft, errors, action });
    }
    ImportPreview { header_problems, ignored_columns, rows: out, columns }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ProjectStatus;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        day(2026, 1, 15)
    }

    fn named(v: &[(i64, &str)]) -> Vec<(i64, String)> {
        v.iter().map(|(id, n)| (*id, n.to_string())).collect()
    }

    fn goals() -> Vec<(i64, String)> {
        named(&[(1, "Minder eenzaamheid, meer ontmoeting"), (2, "Gezond gewicht")])
    }

    fn organisations() -> Vec<(i64, String)> {
        named(&[(1, "GGD Rivierenland"), (2, "Gemeente Tiel"), (3, "Coöperatie Één Zorg")])
    }

    /// Two persons share a name, as happens.
    fn persons() -> Vec<(i64, String, Option<String>)> {
        vec![
            (5, "Fatima el Idrissi".into(), Some("f.elidrissi@ggd.example".into())),
            (6, "Jan de Vries".into(), Some("Jan@Tiel.example".into())),
            (7, "Jan de Vries".into(), None),
        ]
    }

    fn person_names() -> Vec<(i64, String)> {
        persons().into_iter().map(|(id, name, _)| (id, name)).collect()
    }

    fn projects() -> Vec<Project> {
        vec![
            Project {
                id: 10,
                network_id: 1,
                title: "Samen aan tafel".into(),
                description: Some("Buurtmaaltijden; \"samen\" eten".into()),
                goal_ids: vec![2, 1],
                lead_organisation_id: Some(1),
                owner_person_id: Some(7),
                partner_ids: vec![2, 3],
                status: ProjectStatus::Running,
                status_since: Some(day(2025, 3, 1)),
                budget_cents: Some(1_250_050),
                results: Some("40 deelnemers".into()),
                sustainability_plan: Some("Gemeente neemt over".into()),
                archived: false,
            },
            Project {
                id: 11,
                network_id: 1,
                title: "Beweegmaatje".into(),
                description: None,
                goal_ids: vec![],
                lead_organisation_id: None,
                owner_person_id: None,
                partner_ids: vec![],
                status: ProjectStatus::Idea,
                status_since: None,
                budget_cents: None,
                results: None,
                sustainability_plan: None,
                archived: false,
            },
        ]
    }

    fn preview(headers: &[String], rows: &[Vec<String>], aliases: &CodeAliases) -> ProjectPreview {
        preview_projects(headers, rows, &projects(), &goals(), &organisations(), &persons(), aliases, today())
    }

    fn problems<F, D>(p: &ImportPreview<F, D>) -> Vec<(usize, Option<usize>, String)> {
        p.cell_problems().into_iter().map(|c| (c.row, c.column, c.code)).collect()
    }

    fn want(v: &[(usize, usize, &str)]) -> Vec<(usize, Option<usize>, String)> {
        v.iter().map(|(r, c, code)| (*r, Some(*c), code.to_string())).collect()
    }

    #[test]
    fn column_names_do_not_overlap() {
        for specs in [PROJECT_COLUMNS, COMMITMENT_COLUMNS] {
            let mut seen = HashMap::new();
            for spec in specs {
                for name in [spec.field, spec.nl, spec.en].iter().chain(spec.aliases) {
                    if let Some(other) = seen.insert(fold(name), spec.field) {
                        assert_eq!(other, spec.field, "{name:?} names two columns");
                    }
                }
            }
        }
    }

    #[test]
    fn projects_round_trip_unchanged_in_both_languages() {
        for lang in [Language::Nl, Language::En] {
            let (headers, rows) = project_sheet(&projects(), &goals(), &organisations(), &person_names(), lang);
            assert_eq!(rows[0][3], "Gezond gewicht; Minder eenzaamheid, meer ontmoeting");
            assert_eq!(rows[0][6], "Gemeente Tiel; Coöperatie Één Zorg");
            let p = preview(&headers, &rows, &CodeAliases::default());
            assert!(p.is_clean(), "{:?}", p.cell_problems());
            assert!(p.ignored_columns.is_empty());
            let actions: Vec<_> = p.rows.iter().map(|r| r.action).collect();
            assert_eq!(actions, [Some(RowAction::Unchanged(10)), Some(RowAction::Unchanged(11))]);
        }
    }

    #[test]
    fn a_changed_cell_is_an_update() {
        let (headers, mut rows) = project_sheet(&projects(), &goals(), &organisations(), &person_names(), Language::Nl);
        rows[0][9] = "€ 1.300,-".into();
        rows[1][0] = String::new();
        let p = preview(&headers, &rows, &CodeAliases::default());
        assert_eq!(p.rows[0].action, Some(RowAction::Update(10)));
        assert_eq!(p.rows[0].draft.as_ref().unwrap().budget_cents, Some(130_000));
        assert_eq!(p.rows[1].action, Some(RowAction::Unchanged(11)), "matched by title");

        // Another order of the same names, with commas instead of semicolons, is no change.
        let (_, mut rows) = project_sheet(&projects(), &goals(), &organisations(), &person_names(), Language::Nl);
        rows[0][3] = "minder eenzaamheid, meer ontmoeting, Gezond Gewicht".into();
        rows[0][6] = "Cooperatie Een Zorg, gemeente tiel".into();
        let p = preview(&headers, &rows, &CodeAliases::default());
        assert_eq!(p.rows[0].action, Some(RowAction::Unchanged(10)), "{:?}", p.cell_problems());
    }

    #[test]
    fn an_empty_status_date_keeps_the_date_of_an_unchanged_status() {
        let mut aliases = CodeAliases::default();
        aliases.add("status", "Loopt", "running");
        let headers = s(&[
            "Title",
            "Status",
            "Lead partner",
            "Owner",
            "Participating partners",
            "Goals",
            "Budget",
            "Description",
            "Results",
            "Sustainability plan",
        ]);
        let project = &projects()[0];
        let row = |status: &str| {
            vec![s(&[
                "Samen aan tafel",
                status,
                "GGD Rivierenland",
                "Jan de Vries",
                "Gemeente Tiel; Coöperatie Één Zorg",
                "Gezond gewicht; Minder eenzaamheid, meer ontmoeting",
                "12500.50",
                project.description.as_deref().unwrap(),
                project.results.as_deref().unwrap(),
                project.sustainability_plan.as_deref().unwrap(),
            ])]
        };
        let p = preview(&headers, &row("loopt"), &aliases);
        assert_eq!(p.rows[0].draft.as_ref().unwrap().status_changed_on, day(2025, 3, 1));
        assert_eq!(p.rows[0].action, Some(RowAction::Unchanged(10)), "{:?}", p.cell_problems());
        let p = preview(&headers, &row("Pilot"), &aliases);
        assert_eq!(p.rows[0].draft.as_ref().unwrap().status_changed_on, today(), "a new status starts today");
        assert_eq!(p.rows[0].action, Some(RowAction::Update(10)));
    }

    #[test]
    fn names_resolve_and_unknown_names_are_listed_per_cell() {
        let mut aliases = CodeAliases::default();
        aliases.add("status", "Lopend", "running");
        let headers = s(&["Titel", "Doelen", "Trekker", "Eigenaar", "Deelnemende partners", "Status", "Status sinds", "Opmerking"]);
        let rows = vec![
            s(&[
                "Nieuw project",
                "gezond gewicht; Minder eenzaamheid, meer ontmoeting",
                "ggd rivierenland",
                "JAN@tiel.example",
                "Gemeente Tiel, Cooperatie Een Zorg, GGD Rivierenland",
                "Lopend",
                "1-12-2025",
                "wordt niet gelezen",
            ]),
            s(&["", " ", "", "", "", "", "", ""]),
            s(&["Onbekend", "Wereldvrede", "Bakkerij", "Piet", "GGD Rivierenland, Bakkerij", "bezig", "1-1-2027"]),
            s(&["Jan zijn project", "", "", "Jan de Vries"]),
            s(&["nieuw  PROJECT!"]),
        ];
        let p = preview(&headers, &rows, &aliases);
        assert_eq!(p.ignored_columns, [(8, "Opmerking".to_string())]);
        assert_eq!(p.rows.len(), 4, "the blank row is skipped");
        let ok = p.rows[0].draft.as_ref().unwrap();
        assert_eq!(p.rows[0].action, Some(RowAction::Create));
        assert_eq!(ok.goal_ids, [2, 1]);
        assert_eq!((ok.lead_organisation_id, ok.owner_person_id), (Some(1), Some(6)));
        assert_eq!(ok.partner_ids, [2, 3], "the lead is not also a participant");
        assert_eq!((ok.status, ok.status_changed_on), (ProjectStatus::Running, day(2025, 12, 1)));
        assert_eq!(
            problems(&p),
            want(&[
                (4, 2, "goal-unknown"),
                (4, 3, "organisation-unknown"),
                (4, 4, "person-unknown"),
                (4, 5, "organisation-unknown"),
                (4, 6, "choice-invalid"),
                (4, 7, "date-in-future"),
                (5, 4, "name-ambiguous"),
                (6, 1, "duplicate-in-file"),
            ])
        );
        assert_eq!(p.cell_problems()[2].header.as_deref(), Some("Eigenaar"));
        assert!(p.rows[1].draft.is_none());
    }

    #[test]
    fn project_header_and_id_problems() {
        let p = preview(&s(&["doelen", "status"]), &[s(&["Gezond gewicht", "idea"])], &CodeAliases::default());
        let codes: Vec<(Option<usize>, &str)> = p.header_problems.iter().map(|h| (h.column, h.code.as_str())).collect();
        assert_eq!(codes, [(None, "column-missing")]);
        assert_eq!(p.header_problems[0].header, "titel");

        let headers = s(&["nummer", "projectnaam"]);
        let rows = vec![s(&["11", "Beweegmaatje"]), s(&["11", "Beweegmaatje 2"]), s(&["99", "Weg"])];
        let p = preview(&headers, &rows, &CodeAliases::default());
        assert_eq!(p.rows[0].action, Some(RowAction::Unchanged(11)));
        assert_eq!(problems(&p), want(&[(3, 1, "id-duplicate-in-file"), (4, 1, "id-unknown")]));
    }

    // -----------------------------------------------------------------------
    // Commitments

    fn agreements() -> Vec<Agreement> {
        let agreement = |id: i64, title: &str, party_ids: Vec<i64>| Agreement {
            id,
            network_id: 1,
            title: title.into(),
            description: None,
            party_ids,
            starts_on: Some(day(2025, 1, 1)),
            ends_on: None,
            evaluation_date: None,
            document_url: None,
            out_of_scope: None,
            archived: false,
        };
        vec![
            agreement(1, "Samenwerkingsafspraak Gezond Rivierenland", vec![1, 2]),
            agreement(2, "Convenant valpreventie, 2025", vec![2, 3]),
        ]
    }

    fn commitments() -> Vec<Commitment> {
        vec![
            Commitment {
                id: 20,
                agreement_id: 1,
                organisation_id: 1,
                role: Some("Trekker".into()),
                tasks: Some("Organiseert het overleg".into()),
                hours_per_month: Some(2.5),
                money_cents: Some(1_000_050),
                in_kind: None,
            },
            Commitment {
                id: 21,
                agreement_id: 2,
                organisation_id: 3,
                role: None,
                tasks: None,
                hours_per_month: Some(8.0),
                money_cents: None,
                in_kind: Some("Vergaderruimte".into()),
            },
        ]
    }

    fn agreement_titles() -> Vec<(i64, String)> {
        agreements().into_iter().map(|a| (a.id, a.title)).collect()
    }

    fn preview_c(headers: &[String], rows: &[Vec<String>]) -> CommitmentPreview {
        preview_commitments(headers, rows, &commitments(), &agreements(), &organisations(), today())
    }

    #[test]
    fn commitments_round_trip_unchanged_in_both_languages() {
        for lang in [Language::Nl, Language::En] {
            let (headers, rows) = commitment_sheet(&commitments(), &agreement_titles(), &organisations(), lang);
            assert_eq!(rows[0][5..7], ["2.5", "10000.50"]);
            let p = preview_c(&headers, &rows);
            assert!(p.is_clean(), "{:?}", p.cell_problems());
            let actions: Vec<_> = p.rows.iter().map(|r| r.action).collect();
            assert_eq!(actions, [Some(RowAction::Unchanged(20)), Some(RowAction::Unchanged(21))]);
            assert_eq!(p.rows[1].draft.as_ref().unwrap().agreement_id, 2);
        }
    }

    #[test]
    fn commitments_match_by_partner_and_role_and_list_problems() {
        let headers = s(&["Agreement", "Organisation", "Rol", "Uren", "Geld"]);
        let rows = vec![
            s(&["samenwerkingsafspraak gezond rivierenland", "GGD Rivierenland", "trekker", "3", "10000,50"]),
            s(&["Samenwerkingsafspraak Gezond Rivierenland", "Coöperatie Één Zorg", "Uitvoerder", "4"]),
            s(&["Onbekende afspraak", "GGD Rivierenland", "x"]),
            s(&["Samenwerkingsafspraak Gezond Rivierenland", "Bakkerij", "x"]),
            s(&["", "Gemeente Tiel", "x"]),
            s(&["", "", "", "", ""]),
            s(&["Convenant valpreventie, 2025", "Gemeente Tiel", "", "", "5.000"]),
            s(&["Samenwerkingsafspraak Gezond Rivierenland", "GGD rivierenland", "Trekker!", "1"]),
            s(&["Samenwerkingsafspraak Gezond Rivierenland", "Gemeente Tiel"]),
        ];
        let p = preview_c(&headers, &rows);
        assert_eq!(p.rows[0].action, Some(RowAction::Update(20)), "{:?}", p.rows[0].errors);
        assert_eq!(p.rows[0].draft.as_ref().unwrap().draft.hours_per_month, Some(3.0));
        let created = p.rows[5].draft.as_ref().unwrap();
        assert_eq!((p.rows[5].row, p.rows[5].action), (8, Some(RowAction::Create)));
        assert_eq!((created.agreement_id, created.draft.organisation_id, created.draft.money_cents), (2, 2, Some(500_000)));
        assert_eq!(
            problems(&p),
            want(&[
                (3, 2, "not-a-party"),
                (4, 1, "agreement-unknown"),
                (5, 2, "organisation-unknown"),
                (6, 1, "required"),
                (9, 2, "commitment-duplicate-in-file"),
                (10, 3, "commitment-empty"),
            ])
        );
    }

    #[test]
    fn a_commitment_stays_under_its_agreement() {
        let headers = s(&["id", "afspraak", "partner", "taken"]);
        let rows = vec![s(&["21", "Samenwerkingsafspraak Gezond Rivierenland", "Gemeente Tiel", "Meedenken"])];
        let p = preview_c(&headers, &rows);
        assert_eq!(problems(&p), want(&[(2, 2, "agreement-changed")]));
        assert_eq!(p.rows[0].action, None);
    }
}
