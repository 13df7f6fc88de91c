//! Own instruments on SQLite and PostgreSQL: one made from scratch is
//! always custom and must be usable; the editor learns when saving will
//! make a new version; only those who run rounds may edit or create.

mod support;

use support::{both, network, partner, person_form, system, user};
use verband_domain::survey::builtin::builtin;
use verband_domain::survey::round::SurveyRoundForm;
use verband_domain::survey::{InstrumentKind, Text};
use verband_domain::NetworkRole;
use verband_service::surveys::InstrumentRef;
use verband_service::ServiceError;

#[tokio::test]
async fn instruments_from_scratch_and_their_versions_on_both_engines() {
    both(|svc| async move {
        let sys = system();
        let net = network(&svc, "Gezond Rivierenland").await;
        let org = partner(&svc, net, "Welzijn Rivierstad", "welfare").await.id;
        let mut form = person_form("Anna", Some(org));
        form.email = "anna@example.nl".into();
        let person = svc.create_person(&sys, net, &form).await.unwrap().id;

        // A definition from scratch stays custom, even when it claims a built-in kind.
        let mut def = builtin(InstrumentKind::ReciprocityCheck).unwrap();
        def.name = Text::new("Eigen check", "Own check");
        let id = svc.new_instrument(&sys, net, &def).await.unwrap();
        let opened = svc.instrument_for_editing(&sys, net, InstrumentRef::Own(id)).await.unwrap();
        assert_eq!(opened.entry.definition.kind, InstrumentKind::Custom);
        assert_eq!((opened.entry.version, opened.version_in_use, opened.entry.editable), (1, false, true));

        // An unusable one is refused with the domain's problem.
        let mut empty = def.clone();
        empty.pages.clear();
        match svc.new_instrument(&sys, net, &empty).await {
            Err(ServiceError::Invalid(e)) => assert!(e.0.iter().any(|x| x.code == "instrument-empty"), "{e:?}"),
            other => panic!("expected a validation error, got {:?}", other.map(|_| ())),
        }

        // Once a round has used version 1, the editor knows saving makes version 2.
        let deadline = (chrono::Utc::now().date_naive() + chrono::Days::new(5)).to_string();
        let round = SurveyRoundForm { label: "Voorjaar".into(), deadline, persons: vec![person.to_string()], ..Default::default() };
        svc.start_survey_round(&sys, net, InstrumentRef::Own(id), &round).await.unwrap();
        assert!(svc.instrument_for_editing(&sys, net, InstrumentRef::Own(id)).await.unwrap().version_in_use);
        let custom = svc.instrument_for_editing(&sys, net, InstrumentRef::Own(id)).await.unwrap().entry.definition;
        assert_eq!(svc.save_instrument(&sys, net, id, &custom).await.unwrap(), 2);
        assert!(!svc.instrument_for_editing(&sys, net, InstrumentRef::Own(id)).await.unwrap().version_in_use);

        // A built-in opens read-only.
        let scan = svc.instrument_for_editing(&sys, net, InstrumentRef::Builtin(InstrumentKind::CollaborationScan)).await.unwrap();
        assert!(!scan.entry.editable);

        // A member may neither open nor create.
        let (_, member) = user(&svc, "lid", Some((net, NetworkRole::Member))).await;
        assert!(matches!(svc.instrument_for_editing(&member, net, InstrumentRef::Own(id)).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.new_instrument(&member, net, &def).await, Err(ServiceError::Forbidden)));
    })
    .await;
}
