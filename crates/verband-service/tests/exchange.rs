//! Spreadsheet export and import with preview and confirmation, on SQLite
//! and PostgreSQL.

mod support;

use chrono::{Months, Utc};
use support::{audit_count, both, change_count, network, partner, person_form, system, user};
use verband_domain::import::CodeAliases;
use verband_domain::portfolio::{AgreementForm, CommitmentForm, ProjectForm, Quarter};
use verband_domain::{GoalForm, Language, ListFilter, NetworkRole, PageRequest, Partner, Person, PersonForm};
use verband_formats::{read_csv, write_csv, write_xlsx, Delimiter, Table};
use verband_service::exchange::{MAX_IMPORT_BYTES, MAX_IMPORT_ROWS};
use verband_service::{Actor, ImportCheck, ImportCounts, PreviewOutcome, Service, ServiceError, SheetKind};

fn aliases() -> CodeAliases {
    let mut a = CodeAliases::default();
    a.add("sector", "Welzijn", "welfare");
    a.add("sector", "Gemeente", "municipality");
    a.add("ownership", "Publiek", "public");
    a.add("ownership", "Privaat", "private");
    a
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

async fn partners_of(svc: &Service, network_id: i64) -> Vec<Partner> {
    let filter = ListFilter { include_archived: true, ..Default::default() };
    let mut out = Vec::new();
    for page in 1.. {
        let p = svc.partners(&system(), network_id, &filter, PageRequest::new(Some(page), Some(100))).await.unwrap();
        let last = p.items.len() < 100;
        out.extend(p.items);
        if last {
            return out;
        }
    }
    out
}

async fn persons_of(svc: &Service, network_id: i64) -> Vec<Person> {
    let filter = ListFilter { include_archived: true, ..Default::default() };
    svc.persons(&system(), network_id, &filter, PageRequest::new(Some(1), Some(100))).await.unwrap().items
}

async fn preview(svc: &Service, actor: &Actor, network_id: i64, kind: SheetKind, name: &str, bytes: &[u8]) -> ImportCheck {
    match svc.preview_import(actor, network_id, kind, name, bytes, &aliases()).await.unwrap() {
        PreviewOutcome::Checked(c) => c,
        PreviewOutcome::Unreadable(p) => panic!("{name} could not be read: {p:?}"),
    }
}

/// Exports `kind`, imports the export again and checks that nothing changed.
async fn round_trip(svc: &Service, actor: &Actor, network_id: i64, kind: SheetKind, bytes: Vec<u8>, rows: usize) {
    let check = preview(svc, actor, network_id, kind, "export", &bytes).await;
    assert!(check.is_clean(), "{kind:?}: {:?} {:?}", check.header_problems, check.problems);
    assert!(check.ignored_columns.is_empty(), "{kind:?}: {:?}", check.ignored_columns);
    assert_eq!(check.counts, ImportCounts { created: 0, updated: 0, unchanged: rows }, "{kind:?}");
    let before = change_count(svc).await;
    let counts = svc.apply_import(actor, network_id, check.upload_id.unwrap(), &aliases()).await.unwrap().counts;
    assert_eq!(counts, ImportCounts { created: 0, updated: 0, unchanged: rows });
    assert_eq!(change_count(svc).await, before, "{kind:?}: an unchanged import writes nothing");
}

/// 200 partners; rows `bad` (0-based data rows) hold one mistake each.
fn partner_sheet(bad: &[usize]) -> Table {
    let headers = strings(&["Naam", "Sector", "Publiek of privaat", "KvK-nummer", "Lid sinds", "Opmerking"]);
    let rows = (0..200)
        .map(|i| {
            let mut row = vec![
                format!("Partner {i:03}"),
                if i % 2 == 0 { "Welzijn".into() } else { "education".into() },
                if i % 3 == 0 { "Privaat".into() } else { "public".into() },
                format!("{:08}", 10_000_000 + i),
                format!("{}-3-2024", 1 + i % 28),
                "niet inlezen".into(),
            ];
            match bad.iter().position(|b| *b == i) {
                Some(0) => row[0] = String::new(),
                Some(1) => row[1] = "bakkerij".into(),
                Some(2) => row[3] = "123".into(),
                _ => {}
            }
            row
        })
        .collect();
    Table { headers, rows }
}

#[tokio::test]
async fn two_hundred_partners_with_three_mistakes_write_nothing_then_all_in_one_go() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let (_, coordinator) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        let audits = audit_count(&svc).await;

        let broken = write_xlsx(&partner_sheet(&[10, 50, 150]), "Partners").unwrap();
        let check = preview(&svc, &coordinator, n, SheetKind::Organisations, "partners.xlsx", &broken).await;
        assert!(!check.is_clean());
        assert_eq!(check.upload_id, None, "a file with mistakes is not kept");
        let problems: Vec<(usize, Option<usize>, &str)> = check.problems.iter().map(|p| (p.row, p.column, p.code.as_str())).collect();
        assert_eq!(problems, [(12, Some(1), "required"), (52, Some(2), "choice-invalid"), (152, Some(4), "kvk-invalid")]);
        assert_eq!(check.problems[1].header.as_deref(), Some("Sector"));
        assert_eq!(check.ignored_columns, [(6, "Opmerking".to_string())]);
        assert!(partners_of(&svc, n).await.is_empty(), "nothing written");
        assert_eq!(audit_count(&svc).await, audits);

        let fixed = write_xlsx(&partner_sheet(&[]), "Partners").unwrap();
        let check = preview(&svc, &coordinator, n, SheetKind::Organisations, "partners.xlsx", &fixed).await;
        assert!(check.is_clean(), "{:?}", check.problems);
        assert_eq!(check.counts, ImportCounts { created: 200, updated: 0, unchanged: 0 });
        assert!(partners_of(&svc, n).await.is_empty(), "the preview writes nothing");
        let changes = change_count(&svc).await;
        let upload = check.upload_id.unwrap();
        let counts = svc.apply_import(&coordinator, n, upload, &aliases()).await.unwrap().counts;
        assert_eq!(counts.created, 200);
        let partners = partners_of(&svc, n).await;
        assert_eq!(partners.len(), 200);
        let p = partners.iter().find(|p| p.name == "Partner 004").unwrap();
        assert_eq!((p.sector.code(), p.ownership.code()), ("welfare", "public"));
        assert_eq!(p.member_since.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
        assert_eq!(change_count(&svc).await, changes + 200, "one change per partner");
        assert_eq!(audit_count(&svc).await, audits + 201, "one entry per partner and one for the import");

        // A second confirmation of the same file does nothing.
        let again = svc.apply_import(&coordinator, n, upload, &aliases()).await.unwrap_err();
        assert!(matches!(again, ServiceError::Invalid(ref e) if e.for_field("upload").unwrap().code == "already-imported"), "{again:?}");
        assert_eq!(partners_of(&svc, n).await.len(), 200);

        // Export and import again: an identical set.
        for lang in [Language::Nl, Language::En] {
            let table = svc.export_sheet(&coordinator, n, SheetKind::Organisations, lang).await.unwrap();
            assert_eq!(table.rows.len(), 200);
            round_trip(&svc, &coordinator, n, SheetKind::Organisations, write_xlsx(&table, "Partners").unwrap(), 200).await;
        }
        assert_eq!(partners_of(&svc, n).await, partners);
    })
    .await;
}

#[tokio::test]
async fn dutch_excel_csv_with_semicolons_and_formula_like_text() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let (_, coordinator) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        let ggd = partner(&svc, n, "GGD Rivierenland", "public_health").await;

        // As Dutch Excel saves "CSV (puntkomma gescheiden)": BOM, `;`, labels, Dutch dates.
        let csv = "\u{feff}Naam;Sector;Publiek of privaat;Omschrijving;Lid sinds\r\n\
                   GGD Rivierenland;public_health;Publiek;\"Regel 1\r\nRegel 2; met puntkomma\";\r\n\
                   Welzijn Rivierstad;Welzijn;Privaat;=HYPERLINK(\"http://x\");31-12-2024\r\n";
        let check = preview(&svc, &coordinator, n, SheetKind::Organisations, "partners.csv", csv.as_bytes()).await;
        assert!(check.is_clean(), "{:?}", check.problems);
        assert_eq!(check.counts, ImportCounts { created: 1, updated: 1, unchanged: 0 });
        svc.apply_import(&coordinator, n, check.upload_id.unwrap(), &aliases()).await.unwrap();
        let partners = partners_of(&svc, n).await;
        let updated = partners.iter().find(|p| p.id == ggd.id).unwrap();
        assert_eq!(updated.description.as_deref(), Some("Regel 1\r\nRegel 2; met puntkomma"));
        let welzijn = partners.iter().find(|p| p.name == "Welzijn Rivierstad").unwrap();
        assert_eq!(welzijn.description.as_deref(), Some("=HYPERLINK(\"http://x\")"), "kept as text");

        // The export escapes the formula; reading it back gives the text again.
        let table = svc.export_sheet(&coordinator, n, SheetKind::Organisations, Language::Nl).await.unwrap();
        for delimiter in [Delimiter::Semicolon, Delimiter::Comma] {
            let bytes = write_csv(&table, delimiter);
            let text = String::from_utf8(bytes.clone()).unwrap();
            assert!(text.contains("'=HYPERLINK"), "{text}");
            assert_eq!(read_csv(&bytes).unwrap(), table);
            round_trip(&svc, &coordinator, n, SheetKind::Organisations, bytes, 2).await;
        }
        assert_eq!(partners_of(&svc, n).await, partners);
    })
    .await;
}

#[tokio::test]
async fn persons_projects_and_commitments_survive_a_round_trip() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let (_, coordinator) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        let gemeente = partner(&svc, n, "Gemeente Rivierstad", "municipality").await.id;
        let welzijn = partner(&svc, n, "Welzijn Rivierenland", "welfare").await.id;
        let school = partner(&svc, n, "ROC Rivierenland, locatie Tiel", "education").await.id;
        let fatima = svc
            .create_person(
                &coordinator,
                n,
                &PersonForm {
                    email: "f.elidrissi@ggd.example".into(),
                    phone: "+31 6 1234 5678".into(),
                    roles: strings(&["project_lead", "civil_servant"]),
                    informed_on: "2025-01-10".into(),
                    ..person_form("Fatima el Idrissi", Some(gemeente))
                },
            )
            .await
            .unwrap()
            .id;
        svc.create_person(&coordinator, n, &person_form("Jan de Vries", None)).await.unwrap();
        svc.create_person(&coordinator, n, &person_form("Jan de Vries", Some(school))).await.unwrap();

        let goal = |title: &str| GoalForm { title: title.into(), indicator: "Aandeel".into(), target: "Meer".into(), ..Default::default() };
        let eenzaam = svc.save_goal(&coordinator, n, None, &goal("Minder eenzaamheid, meer ontmoeting")).await.unwrap();
        let gewicht = svc.save_goal(&coordinator, n, None, &goal("Gezond gewicht")).await.unwrap();
        let project = |title: &str| ProjectForm {
            title: title.into(),
            description: "-Buurtmaaltijden; \"samen\" eten".into(),
            goal_ids: vec![gewicht.to_string(), eenzaam.to_string()],
            lead_organisation_id: welzijn.to_string(),
            owner_person_id: fatima.to_string(),
            partner_ids: vec![gemeente.to_string(), school.to_string()],
            status: "running".into(),
            status_changed_on: "2025-03-01".into(),
            budget: "12.500,50".into(),
            results: "@40 deelnemers".into(),
            ..Default::default()
        };
        svc.save_project(&coordinator, n, None, &project("Samen aan tafel")).await.unwrap();
        svc.save_project(&coordinator, n, None, &ProjectForm { title: "Beweegmaatje".into(), status: "idea".into(), ..Default::default() })
            .await
            .unwrap();

        let start = Quarter::of(Utc::now().date_naive()).previous().first_day();
        let agreement = svc
            .save_agreement(
                &coordinator,
                n,
                None,
                &AgreementForm {
                    title: "Convenant valpreventie, 2025".into(),
                    party_ids: vec![gemeente.to_string(), welzijn.to_string(), school.to_string()],
                    starts_on: start.to_string(),
                    ends_on: (start + Months::new(24)).to_string(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let commitment = |org: i64, role: &str| CommitmentForm {
            organisation_id: org.to_string(),
            role: role.into(),
            hours_per_month: "2,5".into(),
            money: "1.000,50".into(),
            in_kind: "Vergaderruimte".into(),
            ..Default::default()
        };
        svc.save_commitment(&coordinator, n, agreement, None, &commitment(gemeente, "Trekker")).await.unwrap();
        svc.save_commitment(&coordinator, n, agreement, None, &commitment(welzijn, "Uitvoerder")).await.unwrap();
        svc.save_commitment(&coordinator, n, agreement, None, &commitment(welzijn, "")).await.unwrap();

        let persons = persons_of(&svc, n).await;
        let projects = svc.projects(&coordinator, n).await.unwrap();
        let commitments = svc.agreement(&coordinator, n, agreement).await.unwrap().commitments;

        // The member may export too; the tables are the same as the coordinator's.
        let (_, member) = user(&svc, "lid", Some((n, NetworkRole::Member))).await;
        for (kind, rows) in [(SheetKind::Persons, 3), (SheetKind::Projects, 2), (SheetKind::Commitments, 3)] {
            let table = svc.export_sheet(&member, n, kind, Language::Nl).await.unwrap();
            assert_eq!(table.rows.len(), rows, "{kind:?}");
            round_trip(&svc, &coordinator, n, kind, write_xlsx(&table, "Blad").unwrap(), rows).await;
            let english = svc.export_sheet(&coordinator, n, kind, Language::En).await.unwrap();
            round_trip(&svc, &coordinator, n, kind, write_csv(&english, Delimiter::Semicolon), rows).await;
        }
        assert_eq!(persons_of(&svc, n).await, persons);
        assert_eq!(svc.projects(&coordinator, n).await.unwrap(), projects);
        assert_eq!(svc.agreement(&coordinator, n, agreement).await.unwrap().commitments, commitments);

        // A changed cell updates just that record, through the same rules as the forms.
        let mut table = svc.export_sheet(&coordinator, n, SheetKind::Commitments, Language::Nl).await.unwrap();
        let hours = table.headers.iter().position(|h| h == "uren per maand").unwrap();
        table.rows[0][hours] = "4".into();
        table.rows.push(strings(&["", "Convenant valpreventie, 2025", "ROC Rivierenland, locatie Tiel", "Gastles", "", "1"]));
        let check = preview(&svc, &coordinator, n, SheetKind::Commitments, "c.xlsx", &write_xlsx(&table, "C").unwrap()).await;
        assert_eq!(check.counts, ImportCounts { created: 1, updated: 1, unchanged: 2 }, "{:?}", check.problems);
        svc.apply_import(&coordinator, n, check.upload_id.unwrap(), &aliases()).await.unwrap();
        let now = svc.agreement(&coordinator, n, agreement).await.unwrap().commitments;
        assert_eq!(now.len(), 4);
        assert_eq!(now.iter().filter(|c| c.hours_per_month == Some(4.0)).count(), 1);
        assert!(now.iter().any(|c| c.organisation_id == school && c.role.as_deref() == Some("Gastles")));
    })
    .await;
}

#[tokio::test]
async fn only_coordinators_import_and_an_upload_stays_in_its_network() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let other = network(&svc, "Kansrijk Lingedal").await;
        let (_, coordinator) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "lid", Some((n, NetworkRole::Member))).await;
        let (_, outsider) = user(&svc, "buiten", Some((other, NetworkRole::Coordinator))).await;
        let csv = b"naam;sector;publiek of privaat\nGGD;public_health;public\n";

        let refused = svc.preview_import(&member, n, SheetKind::Organisations, "p.csv", csv, &aliases()).await;
        assert!(matches!(refused, Err(ServiceError::Forbidden)), "{refused:?}");
        let refused = svc.preview_import(&outsider, n, SheetKind::Organisations, "p.csv", csv, &aliases()).await;
        assert!(matches!(refused, Err(ServiceError::NotFound)), "{refused:?}");

        let upload = preview(&svc, &coordinator, n, SheetKind::Organisations, "p.csv", csv).await.upload_id.unwrap();
        assert!(matches!(svc.apply_import(&member, n, upload, &aliases()).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.apply_import(&outsider, other, upload, &aliases()).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.check_upload(&outsider, other, upload, &aliases()).await, Err(ServiceError::NotFound)));
        assert!(partners_of(&svc, n).await.is_empty() && partners_of(&svc, other).await.is_empty());
        assert_eq!(svc.apply_import(&coordinator, n, upload, &aliases()).await.unwrap().counts.created, 1);
    })
    .await;
}

#[tokio::test]
async fn a_change_since_the_preview_refuses_the_whole_file() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let (_, coordinator) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        partner(&svc, n, "GGD Rivierenland", "public_health").await;
        let leaving = partner(&svc, n, "Stichting Vertrek", "welfare").await;
        let mut table = svc.export_sheet(&coordinator, n, SheetKind::Organisations, Language::Nl).await.unwrap();
        let description = table.headers.iter().position(|h| h == "omschrijving").unwrap();
        table.rows[0][description] = "Nieuwe omschrijving".into();
        table.rows.push(strings(&["", "Nieuwe partner", "business", "private"]));
        let check = preview(&svc, &coordinator, n, SheetKind::Organisations, "p.xlsx", &write_xlsx(&table, "P").unwrap()).await;
        assert_eq!(check.counts, ImportCounts { created: 1, updated: 1, unchanged: 1 });
        let upload = check.upload_id.unwrap();

        // Meanwhile someone archives a partner the file still holds.
        svc.set_partner_archived(&coordinator, n, leaving.id, true).await.unwrap();
        let before = partners_of(&svc, n).await;
        let changes = change_count(&svc).await;
        let err = svc.apply_import(&coordinator, n, upload, &aliases()).await.unwrap_err();
        assert!(matches!(err, ServiceError::Invalid(ref e) if e.for_field("upload").unwrap().code == "import-not-clean"), "{err:?}");
        assert_eq!(partners_of(&svc, n).await, before, "nothing written, not even the valid rows");
        assert_eq!(change_count(&svc).await, changes);

        // The fresh check says why; restoring the partner makes the same upload importable.
        let fresh = svc.check_upload(&coordinator, n, upload, &aliases()).await.unwrap();
        let problems: Vec<(usize, &str)> = fresh.problems.iter().map(|p| (p.row, p.code.as_str())).collect();
        let row_of_leaving = 2 + table.rows.iter().position(|r| r[0] == leaving.id.to_string()).unwrap();
        assert_eq!(problems, [(row_of_leaving, "id-unknown")]);
        assert_eq!(fresh.upload_id, None);
        svc.set_partner_archived(&coordinator, n, leaving.id, false).await.unwrap();
        let counts = svc.apply_import(&coordinator, n, upload, &aliases()).await.unwrap().counts;
        assert_eq!(counts, ImportCounts { created: 1, updated: 1, unchanged: 1 });
        assert!(partners_of(&svc, n).await.iter().any(|p| p.description.as_deref() == Some("Nieuwe omschrijving")));
    })
    .await;
}

#[tokio::test]
async fn unreadable_files_are_named_and_not_kept() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let (_, coordinator) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        let too_many = {
            let mut csv = String::from("naam;sector;publiek of privaat\n");
            for i in 0..=MAX_IMPORT_ROWS {
                csv.push_str(&format!("P{i};welfare;public\n"));
            }
            csv
        };
        let cases: Vec<(Vec<u8>, &str, Option<usize>)> = vec![
            (Vec::new(), "empty", None),
            (b"PK\x03\x04 geen echte zip".to_vec(), "not-xlsx", None),
            (b"naam;sector\n\"GGD;welfare\n".to_vec(), "csv", Some(2)),
            (vec![b'x'; MAX_IMPORT_BYTES + 1], "too-large", None),
            (too_many.into_bytes(), "too-many-rows", None),
        ];
        for (bytes, code, row) in cases {
            match svc.preview_import(&coordinator, n, SheetKind::Organisations, "f", &bytes, &aliases()).await.unwrap() {
                PreviewOutcome::Unreadable(p) => assert_eq!((p.code.as_str(), p.row), (code, row)),
                PreviewOutcome::Checked(c) => panic!("{code}: read as {c:?}"),
            }
        }
        // A sheet of the wrong kind reads, but says which columns are missing.
        let check = preview(&svc, &coordinator, n, SheetKind::Projects, "p.csv", b"sector;eigendom\nwelfare;public\n").await;
        let missing: Vec<(&str, &str)> = check.header_problems.iter().map(|h| (h.code.as_str(), h.header.as_str())).collect();
        assert_eq!(missing, [("column-missing", "titel")]);
        assert_eq!(check.upload_id, None);
    })
    .await;
}

#[tokio::test]
async fn kept_files_are_forgotten_after_a_day() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let (_, coordinator) = user(&svc, "coord", Some((n, NetworkRole::Coordinator))).await;
        let csv = |name: &str| format!("naam;sector;publiek of privaat\n{name};welfare;public\n").into_bytes();
        let waiting = preview(&svc, &coordinator, n, SheetKind::Organisations, "a.csv", &csv("A")).await.upload_id.unwrap();
        let imported = preview(&svc, &coordinator, n, SheetKind::Organisations, "b.csv", &csv("B")).await.upload_id.unwrap();
        svc.apply_import(&coordinator, n, imported, &aliases()).await.unwrap();
        let mut conn = svc.store().conn().await.unwrap();
        sqlx::query("UPDATE import_uploads SET created_at = '2000-01-01T00:00:00Z'").execute(&mut *conn).await.unwrap();

        // The next preview forgets both files.
        let fresh = preview(&svc, &coordinator, n, SheetKind::Organisations, "c.csv", &csv("C")).await.upload_id.unwrap();
        assert!(verband_store::import_upload_by_id(&mut conn, n, waiting).await.unwrap().is_none());
        let done = verband_store::import_upload_by_id(&mut conn, n, imported).await.unwrap().unwrap();
        assert!(done.imported && done.content.is_empty());
        assert!(!verband_store::import_upload_by_id(&mut conn, n, fresh).await.unwrap().unwrap().content.is_empty());
        assert!(matches!(svc.apply_import(&coordinator, n, waiting, &aliases()).await, Err(ServiceError::NotFound)));
        let again = svc.apply_import(&coordinator, n, imported, &aliases()).await.unwrap_err();
        assert!(matches!(again, ServiceError::Invalid(ref e) if e.for_field("upload").unwrap().code == "already-imported"), "{again:?}");
    })
    .await;
}
