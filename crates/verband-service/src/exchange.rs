//! Spreadsheets in and out: partners, persons, projects and commitments as
//! XLSX or CSV, and importing them back with a preview.
//!
//! An import is two steps. [`Service::preview_import`] reads the file, checks
//! every row against the network's current data and, only when nothing is
//! wrong, keeps the file in `import_uploads`. [`Service::apply_import`] takes
//! that stored file (not a new upload, so what is written is exactly what was
//! checked), checks it again inside one transaction against the data as it is
//! then, and writes every row or none. Kept files are forgotten after
//! [`UPLOAD_KEPT_HOURS`].
//!
//! Only live records are exported and matched: an archived partner, person
//! or project is neither in the sheet nor updated by one. Links to other
//! records (a person's organisation, a project's goals, partners and owner, a
//! commitment's agreement) are looked up among archived records too, so a
//! project led by an archived partner still exports and imports unchanged.

use chrono::{NaiveDate, Utc};
use verband_domain::import::{
    organisation_sheet, person_sheet, preview_organisations, preview_persons, CellProblem, CodeAliases, HeaderProblem, ImportPreview,
    OrganisationPreview, PersonPreview, RowAction,
};
use verband_domain::import_portfolio::{
    commitment_sheet, preview_commitments, preview_projects, project_sheet, CommitmentPreview, ProjectPreview,
};
use verband_domain::portfolio::{Agreement, Commitment, Project};
use verband_domain::{Language, ListFilter, PageRequest, Partner, Person, ValidationErrors, MAX_PAGE_SIZE};
use verband_formats::{read_table, FormatError, Table};
use verband_store::Conn;

use crate::agreements::clean_file_name;
use crate::{Actor, Result, Service, ServiceError};

/// Largest file an import reads: far more than 10,000 rows of partners.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// Most data rows an import reads; one transaction should stay short.
pub const MAX_IMPORT_ROWS: usize = 10_000;
/// How long a kept file waits for its confirmation; after that it is
/// forgotten, as it may hold personal data.
pub const UPLOAD_KEPT_HOURS: i64 = 24;

/// What a sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Organisations,
    Persons,
    Projects,
    Commitments,
}

impl SheetKind {
    pub const ALL: &'static [SheetKind] = &[SheetKind::Organisations, SheetKind::Persons, SheetKind::Projects, SheetKind::Commitments];

    /// Stable code, as stored with an upload and used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            SheetKind::Organisations => "organisations",
            SheetKind::Persons => "persons",
            SheetKind::Projects => "projects",
            SheetKind::Commitments => "commitments",
        }
    }

    pub fn parse(raw: &str) -> Option<SheetKind> {
        Self::ALL.iter().copied().find(|k| k.code() == raw)
    }

    /// Catalogue key of the kind's name ("Partners").
    pub fn label_key(self) -> String {
        format!("exchange-kind-{}", self.code())
    }
}

/// Why a file could not be read at all. The web layer shows it with the
/// catalogue key `import-error-<code>` and `row`/`column` as arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub code: String,
    pub row: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
}

impl FileProblem {
    fn new(code: &str) -> Self {
        FileProblem { code: code.to_string(), row: None, column: None }
    }
}

impl From<FormatError> for FileProblem {
    fn from(e: FormatError) -> Self {
        FileProblem { code: e.code().to_string(), row: e.row(), column: e.column() }
    }
}

/// How many rows an import creates, updates and leaves as they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// What a confirmed import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportDone {
    pub kind: SheetKind,
    pub counts: ImportCounts,
}

/// The checked file, as the preview page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportCheck {
    pub kind: SheetKind,
    pub file_name: String,
    /// The stored file to confirm; only set when the check is clean.
    pub upload_id: Option<i64>,
    pub header_problems: Vec<HeaderProblem>,
    /// Columns that are not read: (1-based column, header).
    pub ignored_columns: Vec<(usize, String)>,
    /// Every problem in a row, in reading order.
    pub problems: Vec<CellProblem>,
    /// What the valid rows would do.
    pub counts: ImportCounts,
}

impl ImportCheck {
    pub fn is_clean(&self) -> bool {
        self.header_problems.is_empty() && self.problems.is_empty()
    }
}

/// What [`Service::preview_import`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum PreviewOutcome {
    /// The file was read; its rows were checked.
    Checked(ImportCheck),
    /// The file could not be read; nothing was kept.
    Unreadable(FileProblem),
}

/// The checked rows of one kind.
enum Checked {
    Organisations(OrganisationPreview),
    Persons(PersonPreview),
    Projects(ProjectPreview, Vec<Project>),
    Commitments(CommitmentPreview, Vec<Agreement>),
}

fn counts<F, D>(p: &ImportPreview<F, D>) -> ImportCounts {
    ImportCounts {
        created: p.count(|a| matches!(a, RowAction::Create)),
        updated: p.count(|a| matches!(a, RowAction::Update(_))),
        unchanged: p.count(|a| matches!(a, RowAction::Unchanged(_))),
    }
}

impl Checked {
    fn check(&self, kind: SheetKind, file_name: &str) -> ImportCheck {
        fn of<F, D>(p: &ImportPreview<F, D>, kind: SheetKind, file_name: &str) -> ImportCheck {
            ImportCheck {
                kind,
                file_name: file_name.to_string(),
                upload_id: None,
                header_problems: p.header_problems.clone(),
                ignored_columns: p.ignored_columns.clone(),
                problems: p.cell_problems(),
                counts: counts(p),
            }
        }
        match self {
            Checked::Organisations(p) => of(p, kind, file_name),
            Checked::Persons(p) => of(p, kind, file_name),
            Checked::Projects(p, _) => of(p, kind, file_name),
            Checked::Commitments(p, _) => of(p, kind, file_name),
        }
    }
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Reads a file by its content (XLSX is a ZIP archive, anything else is
/// taken for CSV), within the size and row limits.
fn read_upload(content: &[u8]) -> std::result::Result<Table, FileProblem> {
    if content.len() > MAX_IMPORT_BYTES {
        return Err(FileProblem::new("too-large"));
    }
    let table = read_table(content)?;
    if table.rows.len() > MAX_IMPORT_ROWS {
        return Err(FileProblem::new("too-many-rows"));
    }
    Ok(table)
}

/// Every partner of the network, page by page (the store pages its lists).
async fn all_partners(conn: &mut Conn, network_id: i64, include_archived: bool) -> Result<Vec<Partner>> {
    let filter = ListFilter { include_archived, ..Default::default() };
    let mut out = Vec::new();
    for number in 1.. {
        let page = verband_store::list_partners(conn, network_id, &filter, PageRequest::new(Some(number), Some(MAX_PAGE_SIZE))).await?;
        let done = page.items.len() < MAX_PAGE_SIZE as usize;
        out.extend(page.items);
        if done {
            break;
        }
    }
    Ok(out)
}

async fn all_persons(conn: &mut Conn, network_id: i64, include_archived: bool) -> Result<Vec<Person>> {
    let filter = ListFilter { include_archived, ..Default::default() };
    let mut out = Vec::new();
    for number in 1.. {
        let page = verband_store::list_persons(conn, network_id, &filter, PageRequest::new(Some(number), Some(MAX_PAGE_SIZE))).await?;
        let done = page.items.len() < MAX_PAGE_SIZE as usize;
        out.extend(page.items);
        if done {
            break;
        }
    }
    Ok(out)
}

fn names(partners: &[Partner]) -> Vec<(i64, String)> {
    partners.iter().map(|p| (p.id, p.name.clone())).collect()
}

async fn goal_names(conn: &mut Conn, network_id: i64) -> Result<Vec<(i64, String)>> {
    Ok(verband_store::goals_of_network(conn, network_id).await?.into_iter().map(|g| (g.id, g.title)).collect())
}

async fn live_projects(conn: &mut Conn, network_id: i64) -> Result<Vec<Project>> {
    Ok(verband_store::projects_of_network(conn, network_id).await?.into_iter().filter(|p| !p.archived).collect())
}

impl Service {
    /// The network's live records of one kind as a sheet with headers in
    /// `lang`. Everyone in the network may export what they may read.
    pub async fn export_sheet(&self, actor: &Actor, network_id: i64, kind: SheetKind, lang: Language) -> Result<Table> {
        self.role_in(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let (headers, rows) = match kind {
            SheetKind::Organisations => organisation_sheet(&all_partners(&mut conn, network_id, false).await?, lang),
            SheetKind::Persons => person_sheet(&all_persons(&mut conn, network_id, false).await?, lang),
            SheetKind::Projects => {
                let organisations = names(&all_partners(&mut conn, network_id, true).await?);
                let persons: Vec<(i64, String)> =
                    all_persons(&mut conn, network_id, true).await?.into_iter().map(|p| (p.id, p.name)).collect();
                let goals = goal_names(&mut conn, network_id).await?;
                project_sheet(&live_projects(&mut conn, network_id).await?, &goals, &organisations, &persons, lang)
            }
            SheetKind::Commitments => {
                let organisations = names(&all_partners(&mut conn, network_id, true).await?);
                let agreements: Vec<(i64, String)> =
                    verband_store::agreements_of_network(&mut conn, network_id).await?.into_iter().map(|a| (a.id, a.title)).collect();
                let commitments = verband_store::commitments_of_network(&mut conn, network_id, None).await?;
                commitment_sheet(&commitments, &agreements, &organisations, lang)
            }
        };
        // Sheets carry names and e-mail addresses: who took them is logged.
        drop(conn);
        let mut tx = self.store.begin().await?;
        self.audit_download(&mut tx, actor, Some(network_id), "sheet", None, Some(kind.code())).await?;
        tx.commit().await?;
        Ok(Table { headers, rows })
    }

    /// Checks a sheet against the network's current data.
    async fn check_table(
        &self,
        conn: &mut Conn,
        network_id: i64,
        kind: SheetKind,
        table: &Table,
        aliases: &CodeAliases,
    ) -> Result<Checked> {
        let (headers, rows) = (&table.headers, &table.rows);
        Ok(match kind {
            SheetKind::Organisations => {
                let existing = all_partners(conn, network_id, false).await?;
                Checked::Organisations(preview_organisations(headers, rows, &existing, aliases))
            }
            SheetKind::Persons => {
                let organisations = names(&all_partners(conn, network_id, true).await?);
                let existing = all_persons(conn, network_id, false).await?;
                Checked::Persons(preview_persons(headers, rows, &existing, &organisations, aliases, today()))
            }
            SheetKind::Projects => {
                let organisations = names(&all_partners(conn, network_id, true).await?);
                let persons: Vec<(i64, String, Option<String>)> =
                    all_persons(conn, network_id, true).await?.into_iter().map(|p| (p.id, p.name, p.email)).collect();
                let goals = goal_names(conn, network_id).await?;
                let existing = live_projects(conn, network_id).await?;
                let preview = preview_projects(headers, rows, &existing, &goals, &organisations, &persons, aliases, today());
                Checked::Projects(preview, existing)
            }
            SheetKind::Commitments => {
                let organisations = names(&all_partners(conn, network_id, true).await?);
                let agreements = verband_store::agreements_of_network(conn, network_id).await?;
                let existing: Vec<Commitment> = verband_store::commitments_of_network(conn, network_id, None).await?;
                let preview = preview_commitments(headers, rows, &existing, &agreements, &organisations, today());
                Checked::Commitments(preview, agreements)
            }
        })
    }

    /// Reads an uploaded CSV or XLSX file and checks every row. When nothing
    /// is wrong the file is kept, and the check carries the id to confirm it
    /// with; when something is, nothing is kept. Only coordinators import.
    pub async fn preview_import(
        &self,
        actor: &Actor,
        network_id: i64,
        kind: SheetKind,
        file_name: &str,
        content: &[u8],
        aliases: &CodeAliases,
    ) -> Result<PreviewOutcome> {
        self.require_records_editor(actor, network_id).await?;
        let table = match read_upload(content) {
            Ok(t) => t,
            Err(problem) => return Ok(PreviewOutcome::Unreadable(problem)),
        };
        let file_name = clean_file_name(file_name);
        let mut conn = self.store.conn().await?;
        let mut check = self.check_table(&mut conn, network_id, kind, &table, aliases).await?.check(kind, &file_name);
        if check.is_clean() {
            let before = (Utc::now() - chrono::Duration::hours(UPLOAD_KEPT_HOURS)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
            verband_store::forget_old_import_uploads(&mut conn, network_id, &before).await?;
            let id = verband_store::insert_import_upload(&mut conn, network_id, actor.user_id, kind.code(), &file_name, content).await?;
            check.upload_id = Some(id);
        }
        Ok(PreviewOutcome::Checked(check))
    }

    /// Checks a kept upload again against the data as it is now, without
    /// writing: for showing why a confirmation was refused.
    pub async fn check_upload(&self, actor: &Actor, network_id: i64, upload_id: i64, aliases: &CodeAliases) -> Result<ImportCheck> {
        self.require_records_editor(actor, network_id).await?;
        let mut conn = self.store.conn().await?;
        let upload = verband_store::import_upload_by_id(&mut conn, network_id, upload_id).await?.ok_or(ServiceError::NotFound)?;
        let kind = SheetKind::parse(&upload.kind).ok_or(ServiceError::NotFound)?;
        let table = read_upload(&upload.content).map_err(|_| ServiceError::NotFound)?;
        let mut check = self.check_table(&mut conn, network_id, kind, &table, aliases).await?.check(kind, &upload.file_name);
        if check.is_clean() && !upload.imported {
            check.upload_id = Some(upload.id);
        }
        Ok(check)
    }

    /// Imports a kept upload: in one transaction, checks it again and writes
    /// every row, each with its audit entry and change-log row, or nothing.
    /// Refused with `upload: already-imported` for a second confirmation and
    /// `upload: import-not-clean` when the data changed since the preview so
    /// that some row no longer fits.
    pub async fn apply_import(&self, actor: &Actor, network_id: i64, upload_id: i64, aliases: &CodeAliases) -> Result<ImportDone> {
        self.require_records_editor(actor, network_id).await?;
        let mut tx = self.store.begin().await?;
        let upload = verband_store::import_upload_by_id(&mut tx, network_id, upload_id).await?.ok_or(ServiceError::NotFound)?;
        // First, so that a second confirmation waits for this one and then finds it done.
        if upload.imported || !verband_store::mark_import_upload_imported(&mut tx, upload.id).await? {
            return Err(ValidationErrors::single("upload", "already-imported").into());
        }
        let kind = SheetKind::parse(&upload.kind).ok_or(ServiceError::NotFound)?;
        let table = read_upload(&upload.content).map_err(|_| ValidationErrors::single("upload", "import-not-clean"))?;
        let checked = self.check_table(&mut tx, network_id, kind, &table, aliases).await?;
        let check = checked.check(kind, &upload.file_name);
        if !check.is_clean() {
            return Err(ValidationErrors::single("upload", "import-not-clean").into());
        }
        self.write_rows(&mut tx, actor, network_id, checked).await?;
        verband_store::insert_audit(
            &mut tx,
            &verband_store::AuditEntry {
                network_id: Some(network_id),
                actor_user_id: actor.user_id,
                actor: &actor.name,
                action: "import",
                object_type: "import_upload",
                object_id: Some(upload.id),
                object_label: Some(&upload.file_name),
                result: "success",
                origin: &actor.origin.describe(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(ImportDone { kind, counts: check.counts })
    }

    /// Creates and updates what the checked rows say, the way the
    /// single-record use cases do.
    async fn write_rows(&self, conn: &mut Conn, actor: &Actor, network_id: i64, checked: Checked) -> Result<()> {
        let n = Some(network_id);
        match checked {
            Checked::Organisations(p) => {
                for row in p.rows {
                    let (Some(action), Some(d)) = (row.action, row.draft) else { continue };
                    match action {
                        RowAction::Create => {
                            let id = verband_store::insert_partner(conn, network_id, &d).await?;
                            self.record(conn, actor, n, "create", "partner", id, &d.name).await?;
                        }
                        RowAction::Update(id) => {
                            verband_store::update_partner(conn, network_id, id, &d).await?;
                            self.record(conn, actor, n, "update", "partner", id, &d.name).await?;
                        }
                        RowAction::Unchanged(_) => {}
                    }
                }
            }
            Checked::Persons(p) => {
                for row in p.rows {
                    let (Some(action), Some(d)) = (row.action, row.draft) else { continue };
                    match action {
                        RowAction::Create => {
                            let id = verband_store::insert_person(conn, network_id, &d).await?;
                            self.record(conn, actor, n, "create", "person", id, &d.name).await?;
                        }
                        RowAction::Update(id) => {
                            verband_store::update_person(conn, network_id, id, &d).await?;
                            self.record(conn, actor, n, "update", "person", id, &d.name).await?;
                        }
                        RowAction::Unchanged(_) => {}
                    }
                }
            }
            Checked::Projects(p, existing) => {
                for row in p.rows {
                    let (Some(action), Some(d)) = (row.action, row.draft) else { continue };
                    match action {
                        RowAction::Create => {
                            let id = verband_store::insert_project(conn, network_id, &d).await?;
                            self.record(conn, actor, n, "create", "project", id, &d.title).await?;
                        }
                        RowAction::Update(id) => {
                            let before = existing.iter().find(|x| x.id == id).ok_or(ServiceError::NotFound)?;
                            let date_given = !row.form.status_changed_on.trim().is_empty();
                            verband_store::update_project(conn, network_id, id, before, &d, date_given).await?;
                            self.record(conn, actor, n, "update", "project", id, &d.title).await?;
                        }
                        RowAction::Unchanged(_) => {}
                    }
                }
            }
            Checked::Commitments(p, agreements) => {
                for row in p.rows {
                    let (Some(action), Some(c)) = (row.action, row.draft) else { continue };
                    let title = agreements.iter().find(|a| a.id == c.agreement_id).map_or("", |a| a.title.as_str());
                    let label = format!("{title} / {}", c.draft.role.clone().unwrap_or_default());
                    match action {
                        RowAction::Create => {
                            let id = verband_store::insert_commitment(conn, network_id, c.agreement_id, &c.draft).await?;
                            self.record(conn, actor, n, "create", "commitment", id, &label).await?;
                        }
                        RowAction::Update(id) => {
                            verband_store::update_commitment(conn, network_id, id, &c.draft).await?;
                            self.record(conn, actor, n, "update", "commitment", id, &label).await?;
                        }
                        RowAction::Unchanged(_) => {}
                    }
                }
            }
        }
        Ok(())
    }
}
