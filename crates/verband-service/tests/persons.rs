//! Contact persons through the service, on SQLite and PostgreSQL.

mod support;

use support::{audit_count, both, change_count, network, partner, person_form, system};
use verband_domain::{ListFilter, PageRequest, PersonForm, PersonRole};
use verband_service::{Service, ServiceError};

async fn names(svc: &Service, network_id: i64, f: &ListFilter) -> Vec<String> {
    let page = svc.persons(&system(), network_id, f, PageRequest::new(None, Some(100))).await.expect("list persons");
    assert_eq!(page.total, page.items.len() as i64);
    page.items.into_iter().map(|p| p.name).collect()
}

#[tokio::test]
async fn create_with_roles_deduplicated_and_update() {
    both(|svc| async move {
        let n = network(&svc, "Gezond Rivierenland").await;
        let ggd = partner(&svc, n, "GGD Gelderland-Zuid", "public_health").await;
        let form = PersonForm {
            email: "F.elIdrissi@GGD.nl".into(),
            phone: "+31 6 1234 5678".into(),
            roles: vec!["project_lead".into(), "project_lead".into(), " civil_servant ".into(), "".into()],
            informed_on: "2025-01-15".into(),
            ..person_form("Fatima el Idrissi", Some(ggd.id))
        };
        let p = svc.create_person(&system(), n, &form).await.unwrap();
        assert_eq!(p.name, "Fatima el Idrissi");
        assert_eq!(p.network_id, n);
        assert_eq!(p.email.as_deref(), Some("f.elidrissi@ggd.nl"));
        assert_eq!(p.organisation_id, Some(ggd.id));
        assert_eq!(p.organisation_name.as_deref(), Some("GGD Gelderland-Zuid"));
        let mut roles = p.roles.clone();
        roles.sort_by_key(|r| r.code());
        assert_eq!(roles, [PersonRole::CivilServant, PersonRole::ProjectLead], "each role once");
        assert_eq!(svc.person(&system(), n, p.id).await.unwrap(), p);
        assert_eq!(svc.partner(&system(), n, ggd.id).await.unwrap().person_count, 1);

        let mut edit = p.to_form();
        edit.roles = vec!["steering_group_member".into()];
        edit.organisation_id = String::new();
        let updated = svc.update_person(&system(), n, p.id, &edit).await.unwrap();
        assert_eq!(updated.roles, [PersonRole::SteeringGroupMember], "roles are replaced, not added");
        assert_eq!(updated.organisation_id, None);
        assert_eq!(updated.organisation_name, None);
        assert_eq!(svc.person(&system(), n, p.id).await.unwrap(), updated);
        assert_eq!(svc.partner(&system(), n, ggd.id).await.unwrap().person_count, 0);

        let bad_role = PersonForm { roles: vec!["king".into()], ..person_form("X", None) };
        match svc.create_person(&system(), n, &bad_role).await {
            Err(ServiceError::Invalid(e)) => assert_eq!(e.for_field("roles").map(|f| f.code.as_str()), Some("choice-invalid")),
            other => panic!("expected Invalid, got {other:?}"),
        }
    })
    .await;
}

#[tokio::test]
async fn organisation_must_be_a_partner_of_the_same_network() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let own = partner(&svc, a, "Eigen partner", "welfare").await;
        let foreign = partner(&svc, b, "Partner van B", "welfare").await;
        let (audits, changes) = (audit_count(&svc).await, change_count(&svc).await);

        for org in [foreign.id, foreign.id + own.id + 1000] {
            match svc.create_person(&system(), a, &person_form("Jan Jansen", Some(org))).await {
                Err(ServiceError::Invalid(e)) => {
                    assert_eq!(e.for_field("organisationId").map(|f| f.code.as_str()), Some("choice-invalid"), "{e}");
                    assert_eq!(e.0.len(), 1, "{e}");
                }
                other => panic!("organisation {org}: expected Invalid, got {other:?}"),
            }
        }
        // Field errors and the organisation check are reported together.
        match svc.create_person(&system(), a, &PersonForm { name: String::new(), ..person_form("", Some(foreign.id)) }).await {
            Err(ServiceError::Invalid(e)) => {
                assert!(e.for_field("name").is_some(), "{e}");
                assert!(e.for_field("organisationId").is_some(), "{e}");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        assert!(names(&svc, a, &ListFilter { include_archived: true, ..Default::default() }).await.is_empty());
        assert_eq!((audit_count(&svc).await, change_count(&svc).await), (audits, changes));

        let ok = svc.create_person(&system(), a, &person_form("Jan Jansen", Some(own.id))).await.unwrap();
        let moved = PersonForm { organisation_id: foreign.id.to_string(), ..ok.to_form() };
        match svc.update_person(&system(), a, ok.id, &moved).await {
            Err(ServiceError::Invalid(e)) => assert!(e.for_field("organisationId").is_some(), "{e}"),
            other => panic!("expected Invalid, got {other:?}"),
        }
        assert_eq!(svc.person(&system(), a, ok.id).await.unwrap().organisation_id, Some(own.id));
        assert!(matches!(svc.person(&system(), b, ok.id).await, Err(ServiceError::NotFound)), "a person is scoped to its network");
    })
    .await;
}

#[tokio::test]
async fn list_filter_search_and_archive() {
    both(|svc| async move {
        let n = network(&svc, "Netwerk").await;
        let ggd = partner(&svc, n, "GGD", "public_health").await;
        let gemeente = partner(&svc, n, "Gemeente Tiel", "municipality").await;
        let anna = svc.create_person(&system(), n, &person_form("anna de Vries", Some(ggd.id))).await.unwrap();
        svc.create_person(&system(), n, &person_form("Bram Bakker", Some(gemeente.id))).await.unwrap();
        svc.create_person(&system(), n, &person_form("Cor Claassen", Some(ggd.id))).await.unwrap();
        svc.create_person(&system(), n, &PersonForm { email: "dewi@example.org".into(), ..person_form("Dewi", None) }).await.unwrap();

        assert_eq!(names(&svc, n, &ListFilter::default()).await, ["anna de Vries", "Bram Bakker", "Cor Claassen", "Dewi"]);
        let of_ggd = ListFilter { organisation_id: Some(ggd.id), ..Default::default() };
        assert_eq!(names(&svc, n, &of_ggd).await, ["anna de Vries", "Cor Claassen"]);
        let search = |q: &str| ListFilter { search: Some(q.into()), ..Default::default() };
        assert_eq!(names(&svc, n, &search("TIEL")).await, ["Bram Bakker"], "the organisation name is searched");
        assert_eq!(names(&svc, n, &search("EXAMPLE.org")).await, ["Dewi"], "the e-mail is searched");
        assert_eq!(names(&svc, n, &search("%")).await, Vec::<String>::new());

        let archived = svc.set_person_archived(&system(), n, anna.id, true).await.unwrap();
        assert!(archived.archived);
        assert_eq!(names(&svc, n, &of_ggd).await, ["Cor Claassen"]);
        assert_eq!(names(&svc, n, &ListFilter { include_archived: true, ..of_ggd.clone() }).await, ["anna de Vries", "Cor Claassen"]);
        assert_eq!(svc.partner(&system(), n, ggd.id).await.unwrap().person_count, 1, "archived persons are not counted");
        assert_eq!(svc.dashboard(&system(), n).await.unwrap().counts.persons, 3);

        let restored = svc.set_person_archived(&system(), n, anna.id, false).await.unwrap();
        assert!(!restored.archived);
        assert_eq!(names(&svc, n, &of_ggd).await, ["anna de Vries", "Cor Claassen"]);
    })
    .await;
}
