//! Spreadsheet import and export of partners and contact persons, as pure
//! functions over a header row and data rows (the `Table` of
//! `verband-formats`, passed as slices so this crate stays free of file formats).
//!
//! The preview checks every row before anything is written: the service
//! shows it, and writes only after the user confirms and only when no row
//! has errors. Row numbers are the ones a spreadsheet shows (header = row 1).
//!
//! Column headers are part of the file format, like codes: a file exported
//! in English must import in a Dutch session and the other way round, so the
//! accepted names of both languages live here rather than in the catalogue.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::network::split_list;
use crate::validation::ValidationErrors;
use crate::{search_key, Language, OrganisationDraft, OrganisationForm, Partner, Person, PersonDraft, PersonForm};

/// One column a record type understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// The form field (as in `FieldError::field`).
    pub field: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
    /// Other names people use for the column.
    pub aliases: &'static [&'static str],
}

impl ColumnSpec {
    pub fn header(&self, lang: Language) -> &'static str {
        match lang {
            Language::Nl => self.nl,
            Language::En => self.en,
        }
    }

    fn matches(&self, folded: &str) -> bool {
        [self.field, self.nl, self.en].iter().chain(self.aliases).any(|name| fold(name) == folded)
    }
}

/// The id column: present in exports so that a re-import updates the same records.
pub(crate) const ID_FIELD: &str = "id";

pub const ORGANISATION_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { field: ID_FIELD, nl: "id", en: "id", aliases: &["nummer"] },
    ColumnSpec { field: "name", nl: "naam", en: "name", aliases: &["organisatie", "organisation", "organization", "partner"] },
    ColumnSpec { field: "sector", nl: "sector", en: "sector", aliases: &["soort", "type"] },
    ColumnSpec { field: "ownership", nl: "publiek of privaat", en: "public or private", aliases: &["eigendom", "ownership"] },
    ColumnSpec {
        field: "kvkNumber",
        nl: "KvK-nummer",
        en: "Chamber of Commerce number",
        aliases: &["kvk", "kvk nummer", "coc number", "kvk number"],
    },
    ColumnSpec { field: "website", nl: "website", en: "website", aliases: &["webadres", "url", "internet"] },
    ColumnSpec { field: "description", nl: "omschrijving", en: "description", aliases: &["beschrijving", "toelichting"] },
    ColumnSpec { field: "membershipStatus", nl: "status lidmaatschap", en: "membership status", aliases: &["status", "lidmaatschap"] },
    ColumnSpec { field: "memberSince", nl: "lid sinds", en: "member since", aliases: &["sinds", "since", "startdatum"] },
];

pub const PERSON_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { field: ID_FIELD, nl: "id", en: "id", aliases: &["nummer"] },
    ColumnSpec { field: "name", nl: "naam", en: "name", aliases: &["volledige naam", "full name", "contactpersoon"] },
    ColumnSpec { field: "email", nl: "e-mail", en: "email", aliases: &["e-mailadres", "email address", "mail"] },
    ColumnSpec { field: "phone", nl: "telefoon", en: "phone", aliases: &["telefoonnummer", "phone number", "tel"] },
    ColumnSpec { field: "organisationId", nl: "organisatie", en: "organisation", aliases: &["organization", "partner", "werkgever"] },
    ColumnSpec { field: "roles", nl: "rollen", en: "roles", aliases: &["rol", "role"] },
    ColumnSpec { field: "dataSource", nl: "bron van de gegevens", en: "data source", aliases: &["bron", "source"] },
    ColumnSpec { field: "informedOn", nl: "geïnformeerd op", en: "informed on", aliases: &["geinformeerd", "informed"] },
];

/// Header names compare without case, accents, spaces or punctuation:
/// "KvK-nummer" = "kvk nummer" = "KVKNUMMER".
pub(crate) fn fold(text: &str) -> String {
    search_key(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Other spellings of codes a spreadsheet may hold, per field: typically the
/// labels of both languages ("Gemeente", "Municipality" → `municipality`),
/// which the web layer knows from the catalogue. Codes themselves are always accepted.
#[derive(Debug, Clone, Default)]
pub struct CodeAliases(HashMap<(String, String), String>);

impl CodeAliases {
    pub fn add(&mut self, field: &str, alias: &str, code: &str) {
        self.0.insert((field.to_string(), fold(alias)), code.to_string());
    }

    /// The code for `raw` in `field`, or `raw` unchanged (validation then says what is wrong).
    pub(crate) fn resolve(&self, field: &str, raw: &str) -> String {
        let folded = fold(raw);
        match self.0.get(&(field.to_string(), folded)) {
            Some(code) => code.clone(),
            None => raw.trim().to_lowercase().replace([' ', '-'], "_"),
        }
    }
}

/// A problem with the header row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeaderProblem {
    /// 1-based column, `None` for a missing column.
    pub column: Option<usize>,
    pub header: String,
    /// `column-missing` (a required column is not there) or `column-twice`.
    pub code: String,
}

/// What importing a valid row would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "action", content = "id", rename_all = "snake_case")]
pub enum RowAction {
    Create,
    Update(i64),
    Unchanged(i64),
}

/// One data row after checking.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportRow<F, D> {
    /// The spreadsheet row number (header = 1).
    pub row: usize,
    /// What the row said, as form input.
    pub form: F,
    #[serde(skip)]
    pub draft: Option<D>,
    /// Every problem in the row, by form field.
    pub errors: ValidationErrors,
    /// Set when the row is valid.
    pub action: Option<RowAction>,
}

/// A problem in a cell, ready to be listed: row, column and the field's error code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellProblem {
    pub row: usize,
    /// 1-based column; `None` when the field has no column in the file.
    pub column: Option<usize>,
    pub header: Option<String>,
    pub field: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview<F, D> {
    pub header_problems: Vec<HeaderProblem>,
    /// Columns the import does not know and will not read: (1-based column, header).
    pub ignored_columns: Vec<(usize, String)>,
    pub rows: Vec<ImportRow<F, D>>,
    /// Field → (1-based column, header as in the file).
    #[serde(skip)]
    pub(crate) columns: HashMap<&'static str, (usize, String)>,
}

impl<F, D> ImportPreview<F, D> {
    /// Nothing may be written unless this holds (and the user confirmed).
    pub fn is_clean(&self) -> bool {
        self.header_problems.is_empty() && self.rows.iter().all(|r| r.errors.is_empty())
    }

    /// The column a field was read from.
    pub fn column_of(&self, field: &str) -> Option<(usize, &str)> {
        self.columns.get(field).map(|(c, h)| (*c, h.as_str()))
    }

    /// All row problems in reading order, with the column they are in.
    pub fn cell_problems(&self) -> Vec<CellProblem> {
        let mut out = Vec::new();
        for r in &self.rows {
            for e in &r.errors.0 {
                let col = self.column_of(&e.field);
                out.push(CellProblem {
                    row: r.row,
                    column: col.map(|c| c.0),
                    header: col.map(|c| c.1.to_string()),
                    field: e.field.clone(),
                    code: e.code.clone(),
                });
            }
        }
        out
    }

    pub fn count(&self, action: fn(&RowAction) -> bool) -> usize {
        self.rows.iter().filter(|r| r.action.as_ref().is_some_and(action)).count()
    }
}

/// Field → (1-based column, header as in the file).
type ColumnMap = HashMap<&'static str, (usize, String)>;

/// Finds each known column in the header row.
pub(crate) fn map_headers(
    specs: &[ColumnSpec],
    headers: &[String],
    required: &[&'static str],
) -> (ColumnMap, Vec<HeaderProblem>, Vec<(usize, String)>) {
    let mut columns: ColumnMap = HashMap::new();
    let mut problems = Vec::new();
    let mut ignored = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let folded = fold(h);
        match specs.iter().find(|s| s.matches(&folded)) {
            Some(spec) if columns.contains_key(spec.field) => {
                problems.push(HeaderProblem { column: Some(i + 1), header: h.clone(), code: "column-twice".into() })
            }
            Some(spec) => {
                columns.insert(spec.field, (i + 1, h.clone()));
            }
            None => ignored.push((i + 1, h.clone())),
        }
    }
    for field in required {
        if !columns.contains_key(field) {
            let header = specs.iter().find(|s| s.field == *field).map_or(*field, |s| s.nl);
            problems.push(HeaderProblem { column: None, header: header.to_string(), code: "column-missing".into() });
        }
    }
    (columns, problems, ignored)
}

pub(crate) fn cell<'a>(columns: &ColumnMap, row: &'a [String], field: &str) -> &'a str {
    columns.get(field).and_then(|(c, _)| row.get(c - 1)).map_or("", |s| s.trim())
}

/// Dates as Dutch spreadsheets hold them ("31-3-2026", "31/03/2026") become ISO;
/// anything else is passed on for the form to judge.
pub(crate) fn iso_date(raw: &str) -> String {
    let t = raw.trim();
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() == 3 && parts[2].len() == 4 && parts[0].len() <= 2 {
        if let (Ok(d), Ok(m), Ok(y)) = (parts[0].parse::<u32>(), parts[1].parse::<u32>(), parts[2].parse::<i32>()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return date.to_string();
            }
        }
    }
    // A spreadsheet date-time cell with midnight: "2026-03-31 00:00:00".
    t.strip_suffix(" 00:00:00").unwrap_or(t).to_string()
}

pub(crate) fn row_is_blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// Reads the id column: empty, or the id of an existing record.
pub(crate) fn row_id(errors: &mut ValidationErrors, raw: &str, known: &[i64]) -> Option<i64> {
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i64>() {
        Ok(id) if known.contains(&id) => Some(id),
        _ => {
            errors.add(ID_FIELD, "id-unknown");
            None
        }
    }
}

// ---------------------------------------------------------------------------
// Partners

pub type OrganisationPreview = ImportPreview<OrganisationForm, OrganisationDraft>;

/// Partners as a sheet: the columns of [`ORGANISATION_COLUMNS`] with headers in `lang`, codes as values.
pub fn organisation_sheet(partners: &[Partner], lang: Language) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = ORGANISATION_COLUMNS.iter().map(|c| c.header(lang).to_string()).collect();
    let rows = partners
        .iter()
        .map(|p| {
            let f = p.to_form();
            vec![
                p.id.to_string(),
                f.name,
                f.sector,
                f.ownership,
                f.kvk_number,
                f.website,
                f.description,
                f.membership_status,
                f.member_since,
            ]
        })
        .collect();
    (headers, rows)
}

/// Checks every row of a partner sheet against `existing` partners of the
/// network. A row with an id updates that partner; a row without one
/// matches by name (ignoring case and accents) or creates a new partner.
pub fn preview_organisations(headers: &[String], rows: &[Vec<String>], existing: &[Partner], aliases: &CodeAliases) -> OrganisationPreview {
    let (columns, header_problems, ignored_columns) = map_headers(ORGANISATION_COLUMNS, headers, &["name", "sector", "ownership"]);
    let known: Vec<i64> = existing.iter().map(|p| p.id).collect();
    let by_name: HashMap<String, &Partner> = existing.iter().map(|p| (search_key(p.name.trim()), p)).collect();
    let mut seen_names: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row_is_blank(row) {
            continue;
        }
        let get = |field| cell(&columns, row, field);
        let code = |field| if get(field).is_empty() { String::new() } else { aliases.resolve(field, get(field)) };
        let form = OrganisationForm {
            name: get("name").to_string(),
            sector: code("sector"),
            ownership: code("ownership"),
            kvk_number: get("kvkNumber").to_string(),
            website: get("website").to_string(),
            description: get("description").to_string(),
            membership_status: code("membershipStatus"),
            member_since: iso_date(get("memberSince")),
        };
        let mut errors = ValidationErrors::default();
        let id = row_id(&mut errors, get(ID_FIELD), &known);
        let draft = match form.validate() {
            Ok(d) => Some(d),
            Err(e) => {
                errors.0.extend(e.0);
                None
            }
        };
        let name_key = search_key(form.name.trim());
        if !name_key.is_empty() && seen_names.insert(name_key.clone(), index).is_some() {
            errors.add("name", "duplicate-in-file");
        }
        let existing_match = id.and_then(|id| existing.iter().find(|p| p.id == id)).or_else(|| by_name.get(&name_key).copied());
        let action = match (&draft, errors.is_empty()) {
            (Some(d), true) => Some(match existing_match {
                Some(p) if p.to_form().validate().as_ref() == Ok(d) => RowAction::Unchanged(p.id),
                Some(p) => RowAction::Update(p.id),
                None => RowAction::Create,
            }),
            _ => None,
        };
        out.push(ImportRow { row: index + 2, form, draft: draft.filter(|_| errors.is_empty()), errors, action });
    }
    ImportPreview { header_problems, ignored_columns, rows: out, columns }
}

// ---------------------------------------------------------------------------
// Contact persons

pub type PersonPreview = ImportPreview<PersonForm, PersonDraft>;

/// Persons as a sheet, the organisation by name, roles as comma-separated codes.
pub fn person_sheet(persons: &[Person], lang: Language) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = PERSON_COLUMNS.iter().map(|c| c.header(lang).to_string()).collect();
    let rows = persons
        .iter()
        .map(|p| {
            let f = p.to_form();
            vec![
                p.id.to_string(),
                f.name,
                f.email,
                f.phone,
                p.organisation_name.clone().unwrap_or_default(),
                f.roles.join(", "),
                f.data_source,
                f.informed_on,
            ]
        })
        .collect();
    (headers, rows)
}

/// Checks every row of a person sheet. The organisation is given by name
/// and must be one of `organisations` (id, name) of the network; persons
/// match existing ones by id, else by e-mail address.
pub fn preview_persons(
    headers: &[String],
    rows: &[Vec<String>],
    existing: &[Person],
    organisations: &[(i64, String)],
    aliases: &CodeAliases,
    today: NaiveDate,
) -> PersonPreview {
    let (columns, header_problems, ignored_columns) = map_headers(PERSON_COLUMNS, headers, &["name", "dataSource"]);
    let known: Vec<i64> = existing.iter().map(|p| p.id).collect();
    let org_by_name: HashMap<String, i64> = organisations.iter().map(|(id, name)| (fold(name), *id)).collect();
    let mut out = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row_is_blank(row) {
            continue;
        }
        let get = |field| cell(&columns, row, field);
        let mut errors = ValidationErrors::default();
        let id = row_id(&mut errors, get(ID_FIELD), &known);
        let organisation_id = match get("organisationId") {
            "" => String::new(),
            name => match org_by_name.get(&fold(name)) {
                Some(id) => id.to_string(),
                None => {
                    errors.add("organisationId", "organisation-unknown");
                    String::new()
                }
            },
        };
        let form = PersonForm {
            name: get("name").to_string(),
            email: get("email").to_string(),
            phone: get("phone").to_string(),
            organisation_id,
            roles: split_list(get("roles")).iter().map(|r| aliases.resolve("roles", r)).collect(),
            data_source: get("dataSource").to_string(),
            informed_on: iso_date(get("informedOn")),
        };
        let draft = match form.validate(today) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.0.extend(e.0);
                None
            }
        };
        let existing_match = id.and_then(|id| existing.iter().find(|p| p.id == id)).or_else(|| {
            let email = draft.as_ref().and_then(|d| d.email.as_deref())?;
            existing.iter().find(|p| p.email.as_deref() == Some(email))
        });
        let action = match (&draft, errors.is_empty()) {
            (Some(d), true) => Some(match existing_match {
                Some(p) if p.to_form().validate(today).as_ref() == Ok(d) => RowAction::Unchanged(p.id),
                Some(p) => RowAction::Update(p.id),
                None => RowAction::Create,
            }),
            _ => None,
        };
        out.push(ImportRow { row: index + 2, form, draft: draft.filter(|_| errors.is_empty()), errors, action });
    }
    ImportPreview { header_problems, ignored_columns, rows: out, columns }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MembershipStatus, Ownership, PersonRole, Sector};

    fn partner(id: i64, name: &str) -> Partner {
        Partner {
            id,
            network_id: 1,
            name: name.into(),
            sector: Sector::PublicHealth,
            ownership: Ownership::Public,
            kvk_number: Some("12345678".into()),
            website: Some("https://ggd.example".into()),
            description: Some("Regel 1\nRegel 2; \"citaat\"".into()),
            membership_status: MembershipStatus::Active,
            member_since: NaiveDate::from_ymd_opt(2024, 2, 29),
            archived: false,
            person_count: 0,
        }
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn export_then_import_changes_nothing() {
        let partners = [partner(1, "GGD Rivierenland"), partner(2, "Coöperatie Één Zorg")];
        for lang in [Language::Nl, Language::En] {
            let (headers, rows) = organisation_sheet(&partners, lang);
            let p = preview_organisations(&headers, &rows, &partners, &CodeAliases::default());
            assert!(p.is_clean(), "{:?}", p.cell_problems());
            assert!(p.ignored_columns.is_empty());
            let actions: Vec<_> = p.rows.iter().map(|r| r.action).collect();
            assert_eq!(actions, [Some(RowAction::Unchanged(1)), Some(RowAction::Unchanged(2))]);
        }
    }

    #[test]
    fn errors_are_listed_per_row_and_column() {
        let headers = s(&["Naam", "Sector", "Publiek of privaat", "KvK nummer", "Opmerking"]);
        let rows = vec![
            s(&["GGD", "public_health", "public", ""]),
            s(&["", "", "", ""]),
            s(&["", "bakkerij", "public", "123"]),
            s(&["ggd", "public_health", "public"]),
        ];
        let p = preview_organisations(&headers, &rows, &[], &CodeAliases::default());
        assert!(!p.is_clean());
        assert_eq!(p.ignored_columns, [(5, "Opmerking".to_string())]);
        assert_eq!(p.rows.len(), 3, "the blank row is skipped");
        assert_eq!(p.rows[0].action, Some(RowAction::Create));
        let problems: Vec<(usize, Option<usize>, String)> = p.cell_problems().into_iter().map(|c| (c.row, c.column, c.code)).collect();
        let want =
            [(4, Some(1), "required"), (4, Some(2), "choice-invalid"), (4, Some(4), "kvk-invalid"), (5, Some(1), "duplicate-in-file")];
        assert_eq!(problems, want.map(|(r, c, code)| (r, c, code.to_string())));
        assert_eq!(p.cell_problems()[1].header.as_deref(), Some("Sector"));
    }

    #[test]
    fn missing_and_repeated_columns() {
        let p = preview_organisations(&s(&["name", "naam", "sector"]), &[], &[], &CodeAliases::default());
        let codes: Vec<(Option<usize>, &str)> = p.header_problems.iter().map(|h| (h.column, h.code.as_str())).collect();
        assert_eq!(codes, [(Some(2), "column-twice"), (None, "column-missing")]);
        assert_eq!(p.header_problems[1].header, "publiek of privaat");
        assert!(!p.is_clean());
    }

    #[test]
    fn labels_dutch_dates_and_updates() {
        let mut aliases = CodeAliases::default();
        aliases.add("sector", "GGD / publieke gezondheid", "public_health");
        aliases.add("ownership", "Publiek", "public");
        let existing = [partner(7, "GGD Rivierenland")];
        let headers = s(&["id", "naam", "sector", "eigendom", "lid sinds", "status"]);
        let rows = vec![
            s(&["7", "GGD Rivierenland", "ggd / Publieke gezondheid", "PUBLIEK", "1-3-2024", "Active"]),
            s(&["", "Gemeente Tiel", "Municipality", "public", "2024-01-01 00:00:00", ""]),
            s(&["99", "Onbekend", "other", "private", "", ""]),
        ];
        let p = preview_organisations(&headers, &rows, &existing, &aliases);
        assert_eq!(p.rows[0].action, Some(RowAction::Update(7)), "{:?}", p.rows[0].errors);
        assert_eq!(p.rows[0].draft.as_ref().unwrap().member_since, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(p.rows[1].action, Some(RowAction::Create), "{:?}", p.rows[1].errors);
        assert_eq!(p.rows[1].draft.as_ref().unwrap().sector, Sector::Municipality);
        assert_eq!(p.rows[2].errors.for_field("id").unwrap().code, "id-unknown");
        assert_eq!(p.count(|a| matches!(a, RowAction::Create)), 1);
    }

    fn person(id: i64) -> Person {
        Person {
            id,
            network_id: 1,
            name: "Fatima el Idrissi".into(),
            email: Some("f.elidrissi@ggd.example".into()),
            phone: Some("+31 6 1234 5678".into()),
            organisation_id: Some(1),
            organisation_name: Some("GGD Rivierenland".into()),
            roles: vec![PersonRole::ProjectLead, PersonRole::CivilServant],
            data_source: "Opgegeven door de GGD".into(),
            informed_on: NaiveDate::from_ymd_opt(2025, 1, 10),
            archived: false,
        }
    }

    #[test]
    fn persons_round_trip_and_unknown_organisation() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let orgs = [(1, "GGD Rivierenland".to_string())];
        let persons = [person(5)];
        let (headers, rows) = person_sheet(&persons, Language::En);
        let p = preview_persons(&headers, &rows, &persons, &orgs, &CodeAliases::default(), today);
        assert!(p.is_clean(), "{:?}", p.cell_problems());
        assert_eq!(p.rows[0].action, Some(RowAction::Unchanged(5)));

        let headers = s(&["Naam", "E-mail", "Organisatie", "Rollen", "Bron"]);
        let rows = vec![
            s(&["Jan de Vries", "JAN@gemeente.example", "ggd rivierenland", "project lead; civil_servant", "Eigen opgave"]),
            s(&["Piet", "", "Bakkerij Jansen", "chef", ""]),
        ];
        let p = preview_persons(&headers, &rows, &persons, &orgs, &CodeAliases::default(), today);
        let ok = p.rows[0].draft.as_ref().unwrap();
        assert_eq!((ok.organisation_id, ok.roles.len()), (Some(1), 2));
        assert_eq!(p.rows[0].action, Some(RowAction::Create));
        let problems: Vec<(usize, Option<usize>, String)> = p.cell_problems().into_iter().map(|c| (c.row, c.column, c.code)).collect();
        assert_eq!(
            problems,
            [
                (3, Some(3), "organisation-unknown".to_string()),
                (3, Some(4), "choice-invalid".to_string()),
                (3, Some(5), "required".to_string())
            ]
        );
    }
}
