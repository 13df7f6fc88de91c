//! Partners through the service, on SQLite and PostgreSQL.

mod support;

use support::{audit_count, both, change_count, network, org_form, partner, system};
use verband_domain::{ListFilter, MembershipStatus, OrganisationForm, PageRequest, Sector, SortDir};
use verband_service::{Service, ServiceError};

fn filter() -> ListFilter {
    ListFilter::default()
}

async fn names(svc: &Service, network_id: i64, f: &ListFilter) -> Vec<String> {
    let page = svc.partners(&system(), network_id, f, PageRequest::new(None, Some(100))).await.expect("list partners");
    assert_eq!(page.total, page.items.len() as i64, "one page holds them all, so total equals the items");
    page.items.into_iter().map(|p| p.name).collect()
}

#[tokio::test]
async fn create_get_update() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let form = OrganisationForm {
            name: "  GGD Gelderland-Zuid ".into(),
            sector: "public_health".into(),
            ownership: "public".into(),
            kvk_number: "1234 5678".into(),
            website: "https://ggdgelderlandzuid.nl".into(),
            member_since: "2024-03-01".into(),
            ..Default::default()
        };
        let created = svc.create_partner(&system(), n, &form).await.unwrap();
        assert_eq!(created.name, "GGD Gelderland-Zuid");
        assert_eq!(created.network_id, n);
        assert_eq!(created.kvk_number.as_deref(), Some("12345678"));
        assert_eq!(created.membership_status, MembershipStatus::Active);
        assert_eq!(created.member_since.map(|d| d.to_string()).as_deref(), Some("2024-03-01"));
        assert!(!created.archived);
        assert_eq!(created.person_count, 0);

        let got = svc.partner(&system(), n, created.id).await.unwrap();
        assert_eq!(got, created);

        let mut edit = got.to_form();
        edit.name = "GGD Gelderland-Zuid (regio Rivierenland)".into();
        edit.membership_status = "leaving".into();
        edit.kvk_number = String::new();
        edit.description = "Publieke gezondheid".into();
        let updated = svc.update_partner(&system(), n, created.id, &edit).await.unwrap();
        assert_eq!(updated.name, "GGD Gelderland-Zuid (regio Rivierenland)");
        assert_eq!(updated.membership_status, MembershipStatus::Leaving);
        assert_eq!(updated.kvk_number, None);
        assert_eq!(updated.description.as_deref(), Some("Publieke gezondheid"));
        assert_eq!(svc.partner(&system(), n, created.id).await.unwrap(), updated);

        let missing = svc.update_partner(&system(), n, created.id + 1000, &edit).await;
        assert!(matches!(missing, Err(ServiceError::NotFound)), "{missing:?}");
    })
    .await;
}

#[tokio::test]
async fn search_is_case_insensitive_and_wildcards_are_literal() {
    both(|svc| async move {
        let n = network(&svc, "Zorgnetwerk").await;
        partner(&svc, n, "GGD Rivierenland", "public_health").await;
        partner(&svc, n, "Gemeente Tiel", "municipality").await;
        partner(&svc, n, "Zorg 50% Plus", "care_provider").await;
        partner(&svc, n, "Zorg500 Plus", "care_provider").await;
        partner(&svc, n, "Welzijn_Noord", "welfare").await;
        partner(&svc, n, "WelzijnXNoord", "welfare").await;
        let mut described = org_form("Stichting Sport", "other");
        described.description = "Beweegcoaches in de WIJK".into();
        svc.create_partner(&system(), n, &described).await.unwrap();

        let search = |q: &str| ListFilter { search: Some(q.into()), ..filter() };
        assert_eq!(names(&svc, n, &search("ggd")).await, ["GGD Rivierenland"]);
        assert_eq!(names(&svc, n, &search("TIEL")).await, ["Gemeente Tiel"]);
        assert_eq!(names(&svc, n, &search("  tiel  ")).await, ["Gemeente Tiel"], "search text is trimmed");
        assert_eq!(names(&svc, n, &search("50%")).await, ["Zorg 50% Plus"], "% must not match any text");
        assert_eq!(names(&svc, n, &search("n_n")).await, ["Welzijn_Noord"], "_ must not match any character");
        assert_eq!(names(&svc, n, &search("wijk")).await, ["Stichting Sport"], "the description is searched too");
        assert!(names(&svc, n, &search("\\")).await.is_empty(), "a backslash is literal too");
        assert_eq!(names(&svc, n, &search("   ")).await.len(), 7, "blank search means no search");
    })
    .await;
}

/// Dutch names carry accents; searching must ignore case for them too, on
/// both engines alike.
#[tokio::test]
async fn search_ignores_case_of_accented_letters() {
    both(|svc| async move {
        let n = network(&svc, "Zorgnetwerk").await;
        partner(&svc, n, "Stichting Één Zorg", "care_provider").await;
        let found = names(&svc, n, &ListFilter { search: Some("één".into()), ..filter() }).await;
        assert_eq!(found, ["Stichting Één Zorg"]);
    })
    .await;
}

#[tokio::test]
async fn filters_sorting_and_paging() {
    both(|svc| async move {
        let n = network(&svc, "Zorgnetwerk").await;
        let other = network(&svc, "Ander netwerk").await;
        partner(&svc, other, "Niet van dit netwerk", "municipality").await;
        partner(&svc, n, "bravo Welzijn", "welfare").await;
        partner(&svc, n, "Alfa Gemeente", "municipality").await;
        partner(&svc, n, "Delta Zorg", "care_provider").await;
        partner(&svc, n, "charlie Gemeente", "municipality").await;
        partner(&svc, n, "Echo Onderwijs", "education").await;
        let mut prospect = org_form("Foxtrot Verzekeraar", "insurer");
        prospect.membership_status = "prospect".into();
        svc.create_partner(&system(), n, &prospect).await.unwrap();
        partner(&svc, n, "Golf Welzijn", "welfare").await;

        // Name order ignores case.
        let by_name = names(&svc, n, &filter()).await;
        assert_eq!(
            by_name,
            ["Alfa Gemeente", "bravo Welzijn", "charlie Gemeente", "Delta Zorg", "Echo Onderwijs", "Foxtrot Verzekeraar", "Golf Welzijn"]
        );
        let desc = names(&svc, n, &ListFilter { sort: "name".into(), dir: Some(SortDir::Desc), ..filter() }).await;
        assert_eq!(desc, by_name.iter().rev().cloned().collect::<Vec<_>>());

        // Sector order by code, ties by name in ascending order either way.
        let by_sector = names(&svc, n, &ListFilter { sort: "sector".into(), ..filter() }).await;
        assert_eq!(
            by_sector,
            ["Delta Zorg", "Echo Onderwijs", "Foxtrot Verzekeraar", "Alfa Gemeente", "charlie Gemeente", "bravo Welzijn", "Golf Welzijn"]
        );
        let by_sector_desc = names(&svc, n, &ListFilter { sort: "sector".into(), dir: Some(SortDir::Desc), ..filter() }).await;
        assert_eq!(
            by_sector_desc,
            ["bravo Welzijn", "Golf Welzijn", "Alfa Gemeente", "charlie Gemeente", "Foxtrot Verzekeraar", "Echo Onderwijs", "Delta Zorg"]
        );
        let unknown = names(&svc, n, &ListFilter { sort: "name; DROP TABLE organisations".into(), ..filter() }).await;
        assert_eq!(unknown, by_name, "an unknown sort column falls back to name");

        let municipalities = names(&svc, n, &ListFilter { sector: Some(Sector::Municipality), ..filter() }).await;
        assert_eq!(municipalities, ["Alfa Gemeente", "charlie Gemeente"]);
        let prospects = names(&svc, n, &ListFilter { status: Some(MembershipStatus::Prospect), ..filter() }).await;
        assert_eq!(prospects, ["Foxtrot Verzekeraar"]);
        let both_filters = names(&svc, n, &ListFilter { sector: Some(Sector::Welfare), search: Some("golf".into()), ..filter() }).await;
        assert_eq!(both_filters, ["Golf Welzijn"]);

        let (admin, all) = (system(), filter());
        let page = |number, size| svc.partners(&admin, n, &all, PageRequest::new(Some(number), Some(size)));
        let p1 = page(1, 3).await.unwrap();
        assert_eq!((p1.total, p1.items.len(), p1.page, p1.page_size, p1.page_count()), (7, 3, 1, 3, 3));
        assert_eq!(p1.items.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Alfa Gemeente", "bravo Welzijn", "charlie Gemeente"]);
        let p2 = page(2, 3).await.unwrap();
        assert_eq!(p2.items.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Delta Zorg", "Echo Onderwijs", "Foxtrot Verzekeraar"]);
        let p3 = page(3, 3).await.unwrap();
        assert_eq!((p3.total, p3.items.len()), (7, 1));
        assert_eq!(p3.items[0].name, "Golf Welzijn");
        let beyond = page(9, 3).await.unwrap();
        assert_eq!((beyond.total, beyond.items.len()), (7, 0));
        let filtered = svc
            .partners(&system(), n, &ListFilter { sector: Some(Sector::Municipality), ..filter() }, PageRequest::new(Some(2), Some(1)))
            .await
            .unwrap();
        assert_eq!(filtered.total, 2, "the total counts the filtered rows, not the page");
        assert_eq!(filtered.items.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["charlie Gemeente"]);
    })
    .await;
}

#[tokio::test]
async fn archive_hides_and_restore_returns() {
    both(|svc| async move {
        let n = network(&svc, "Zorgnetwerk").await;
        let keep = partner(&svc, n, "Blijft", "other").await;
        let gone = partner(&svc, n, "Gaat", "other").await;

        let archived = svc.set_partner_archived(&system(), n, gone.id, true).await.unwrap();
        assert!(archived.archived);
        assert_eq!(names(&svc, n, &filter()).await, ["Blijft"]);
        assert_eq!(names(&svc, n, &ListFilter { include_archived: true, ..filter() }).await, ["Blijft", "Gaat"]);
        assert!(svc.partner(&system(), n, gone.id).await.unwrap().archived, "an archived partner can still be opened");
        assert!(svc.partner_choices(&system(), n).await.unwrap().iter().all(|(id, _)| *id != gone.id));
        assert_eq!(svc.dashboard(&system(), n).await.unwrap().counts.partners, 1);

        let restored = svc.set_partner_archived(&system(), n, gone.id, false).await.unwrap();
        assert!(!restored.archived);
        assert_eq!(names(&svc, n, &filter()).await, ["Blijft", "Gaat"]);
        assert!(!svc.partner(&system(), n, keep.id).await.unwrap().archived);
    })
    .await;
}

#[tokio::test]
async fn invalid_partner_stores_nothing() {
    both(|svc| async move {
        let n = network(&svc, "Zorgnetwerk").await;
        partner(&svc, n, "Bestaand", "other").await;
        let (audits, changes) = (audit_count(&svc).await, change_count(&svc).await);

        let bad = OrganisationForm { name: "   ".into(), kvk_number: "123456789".into(), ..org_form("", "municipality") };
        match svc.create_partner(&system(), n, &bad).await {
            Err(ServiceError::Invalid(e)) => {
                assert_eq!(e.for_field("name").map(|f| f.code.as_str()), Some("required"));
                assert_eq!(e.for_field("kvkNumber").map(|f| f.code.as_str()), Some("kvk-invalid"));
                assert_eq!(e.0.len(), 2, "{e}");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        assert_eq!(names(&svc, n, &ListFilter { include_archived: true, ..filter() }).await, ["Bestaand"]);
        assert_eq!(audit_count(&svc).await, audits, "a failed validation writes no audit entry");
        assert_eq!(change_count(&svc).await, changes, "a failed validation writes no change-log row");
    })
    .await;
}
