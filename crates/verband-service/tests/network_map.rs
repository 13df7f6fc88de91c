//! Relationship rounds, relationships, the map's figures and network files
//! in and out, on SQLite and PostgreSQL.

mod support;

use support::{audit_count, both, network, partner, user};
use verband_domain::relationship::{RelationshipForm, RoundForm};
use verband_domain::NetworkRole;
use verband_service::{MapQuery, NetworkFileFormat, NetworkImportOutcome, NodeMatch, Service, ServiceError};

fn tie(source: i64, target: i64, kind: &str, strength: &str, trust: &str) -> RelationshipForm {
    RelationshipForm {
        source_id: source.to_string(),
        target_id: target.to_string(),
        kind: kind.into(),
        strength: strength.into(),
        trust: trust.into(),
        ..Default::default()
    }
}

fn round(label: &str, date: &str, directed: bool) -> RoundForm {
    RoundForm { label: label.into(), measured_on: date.into(), directed: if directed { "1" } else { "" }.into(), copy_from: String::new() }
}

struct Setup {
    network: i64,
    other_network: i64,
    ids: Vec<i64>,
}

async fn setup(svc: &Service) -> Setup {
    let other_network = network(svc, "Kansrijk Lingedal").await;
    let network = network(svc, "Gezond Rivierenland").await;
    let mut ids = Vec::new();
    for (name, sector) in [
        ("Gemeente Rivierstad", "municipality"),
        ("Welzijn Rivierenland", "welfare"),
        ("ROC Rivierenland", "education"),
        ("Huisartsen West", "primary_care"),
    ] {
        ids.push(partner(svc, network, name, sector).await.id);
    }
    Setup { network, other_network, ids }
}

#[tokio::test]
async fn a_coordinator_keeps_rounds_and_ties_and_the_map_counts_them() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let (_, coordinator) = user(&svc, "coord", Some((s.network, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "lid", Some((s.network, NetworkRole::Member))).await;
        let (_, outsider) = user(&svc, "buiten", Some((s.other_network, NetworkRole::Coordinator))).await;
        let [gemeente, welzijn, roc, huisartsen] = [s.ids[0], s.ids[1], s.ids[2], s.ids[3]];

        // No round yet: an empty map, not an error.
        let empty = svc.network_map(&member, s.network, &MapQuery::default()).await.unwrap();
        assert!(empty.round.is_none());
        assert_eq!(empty.analysis.scores.ties, 0);

        assert!(matches!(svc.create_round(&member, s.network, &round("Voorjaar", "2026-03-01", true)).await, Err(ServiceError::Forbidden)));
        assert!(matches!(
            svc.create_round(&outsider, s.network, &round("Voorjaar", "2026-03-01", true)).await,
            Err(ServiceError::NotFound)
        ));
        let err = svc.create_round(&coordinator, s.network, &round("", "", true)).await.unwrap_err();
        assert!(matches!(err, ServiceError::Invalid(ref e) if e.for_field("label").is_some() && e.for_field("measuredOn").is_some()));
        let spring = svc.create_round(&coordinator, s.network, &round("Voorjaar", "2026-03-01", true)).await.unwrap();

        for t in [
            tie(gemeente, welzijn, "joint_project", "4", "3"),
            tie(welzijn, gemeente, "joint_project", "4", "4"),
            tie(gemeente, roc, "information_exchange", "2", ""),
        ] {
            svc.add_relationship(&coordinator, s.network, spring, &t).await.unwrap();
        }
        // A partner of another network, or the same partner twice, is refused.
        let foreign = partner(&svc, s.other_network, "Gemeente Lingedal", "municipality").await.id;
        let err = svc.add_relationship(&coordinator, s.network, spring, &tie(gemeente, foreign, "other", "3", "")).await.unwrap_err();
        assert!(matches!(err, ServiceError::Invalid(ref e) if e.for_field("targetId").is_some()), "{err:?}");
        let err = svc.add_relationship(&coordinator, s.network, spring, &tie(roc, roc, "other", "3", "")).await.unwrap_err();
        assert!(matches!(err, ServiceError::Invalid(ref e) if e.for_field("targetId").is_some()));
        assert!(matches!(
            svc.add_relationship(&member, s.network, spring, &tie(roc, welzijn, "other", "3", "")).await,
            Err(ServiceError::Forbidden)
        ));

        let map = svc.network_map(&member, s.network, &MapQuery::default()).await.unwrap();
        assert_eq!(map.round.as_ref().map(|r| r.id), Some(spring));
        let sc = &map.analysis.scores;
        // Ties Gemeente–Welzijn (both ways) and Gemeente–ROC; Huisartsen alone.
        assert_eq!((sc.partners, sc.ties, sc.isolated, sc.components), (4, 2, 1, 2));
        assert_eq!(sc.reciprocity, Some(2.0 / 3.0));
        let of = |id: i64| map.analysis.partners.iter().find(|p| p.id == id).unwrap().clone();
        assert_eq!(of(gemeente).trust, Some(4.0), "trust received from Welzijn");
        assert_eq!(of(welzijn).trust, Some(3.0));
        assert!(of(huisartsen).isolated);
        assert!(map.previous.is_none());

        // Filters: only joint projects of strength 3 and more.
        let q = MapQuery {
            kinds: vec![verband_domain::relationship::RelationshipKind::JointProject],
            min_strength_centi: 300,
            ..Default::default()
        };
        assert_eq!(svc.network_map(&member, s.network, &q).await.unwrap().analysis.scores.ties, 1);

        // A later round copied from the first, then grown: the map compares them.
        let mut autumn_form = round("Najaar", "2026-10-01", true);
        autumn_form.copy_from = spring.to_string();
        let autumn = svc.create_round(&coordinator, s.network, &autumn_form).await.unwrap();
        let added =
            svc.add_relationship(&coordinator, s.network, autumn, &tie(huisartsen, roc, "client_referral", "3", "2")).await.unwrap();
        let map = svc.network_map(&member, s.network, &MapQuery::default()).await.unwrap();
        assert_eq!(map.round.as_ref().map(|r| r.id), Some(autumn));
        assert_eq!(map.analysis.scores.ties, 3);
        let (previous, before) = map.previous.as_ref().unwrap();
        assert_eq!((previous.id, before.ties), (spring, 2));
        assert_eq!(
            svc.round_relationships(&member, s.network, spring).await.unwrap().relationships.len(),
            3,
            "the copy left the first round alone"
        );

        // Remove and undo.
        let audits = audit_count(&svc).await;
        assert_eq!(svc.set_relationship_removed(&coordinator, s.network, added, true).await.unwrap(), autumn);
        assert_eq!(svc.network_map(&member, s.network, &MapQuery::default()).await.unwrap().analysis.scores.ties, 2);
        svc.set_relationship_removed(&coordinator, s.network, added, false).await.unwrap();
        assert_eq!(svc.network_map(&member, s.network, &MapQuery::default()).await.unwrap().analysis.scores.ties, 3);
        assert_eq!(audit_count(&svc).await, audits + 2);
        assert!(matches!(svc.set_relationship_removed(&outsider, s.network, added, true).await, Err(ServiceError::NotFound)));

        // Archiving a round takes it off the map; restoring brings it back.
        svc.set_round_archived(&coordinator, s.network, autumn, true).await.unwrap();
        assert_eq!(svc.relationship_rounds(&member, s.network).await.unwrap().len(), 1);
        assert!(matches!(
            svc.network_map(&member, s.network, &MapQuery { round_id: Some(autumn), ..Default::default() }).await,
            Err(ServiceError::NotFound)
        ));
        svc.set_round_archived(&coordinator, s.network, autumn, false).await.unwrap();
        assert_eq!(svc.relationship_rounds(&member, s.network).await.unwrap().len(), 2);
        // Another network's map is not there for an outsider.
        assert!(matches!(svc.network_map(&outsider, s.network, &MapQuery::default()).await, Err(ServiceError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn a_network_file_round_trips_and_an_import_matches_partners_first() {
    both(|svc| async move {
        let s = setup(&svc).await;
        let (_, coordinator) = user(&svc, "coord", Some((s.network, NetworkRole::Coordinator))).await;
        let (_, member) = user(&svc, "lid", Some((s.network, NetworkRole::Member))).await;
        let r = svc.create_round(&coordinator, s.network, &round("Voorjaar", "2026-03-01", true)).await.unwrap();
        svc.add_relationship(&coordinator, s.network, r, &tie(s.ids[0], s.ids[1], "shared_staff", "5", "3,5")).await.unwrap();
        svc.add_relationship(&coordinator, s.network, r, &tie(s.ids[2], s.ids[0], "client_referral", "2", "")).await.unwrap();
        let before = svc.round_relationships(&member, s.network, r).await.unwrap().relationships;

        for format in [NetworkFileFormat::Gexf, NetworkFileFormat::GraphMl, NetworkFileFormat::Kumu, NetworkFileFormat::GephiEdges] {
            let file = svc.export_network_file(&member, s.network, Some(r), format).await.unwrap();
            assert!(file.file_name.ends_with(format.extension()), "{}", file.file_name);
            // A member may download but not import.
            assert!(matches!(
                svc.preview_network_import(&member, s.network, &file.file_name, &file.content, None).await,
                Err(ServiceError::Forbidden)
            ));
            let nodes = if format == NetworkFileFormat::GephiEdges {
                Some(svc.export_network_file(&member, s.network, Some(r), NetworkFileFormat::GephiNodes).await.unwrap().content)
            } else {
                None
            };
            let NetworkImportOutcome::Checked(preview) =
                svc.preview_network_import(&coordinator, s.network, &file.file_name, &file.content, nodes.as_deref()).await.unwrap()
            else {
                panic!("{format:?} could not be read back");
            };
            assert_eq!(preview.nodes.len(), 4);
            assert!(preview.nodes.iter().all(|n| matches!(n.matched, NodeMatch::ById(_))), "{format:?}: {:?}", preview.nodes);
            assert_eq!(preview.new_partners(), 0);
            let imported = svc.apply_network_import(&coordinator, s.network, preview.upload_id.unwrap(), "Weer ingelezen").await.unwrap();
            let after = svc.round_relationships(&member, s.network, imported).await.unwrap().relationships;
            let key = |v: &[verband_domain::relationship::Relationship]| {
                let mut k: Vec<_> =
                    v.iter().map(|x| (x.source_id, x.target_id, x.kind.code(), x.strength_centi, x.trust_centi, x.value_centi)).collect();
                k.sort();
                k
            };
            assert_eq!(key(&after), key(&before), "{format:?} round trip");
            // A second confirmation of the same file is refused.
            let err = svc.apply_network_import(&coordinator, s.network, preview.upload_id.unwrap(), "Nog eens").await.unwrap_err();
            assert!(matches!(err, ServiceError::Invalid(ref e) if e.for_field("upload").is_some()));
        }

        // A file from another tool: names match partners, unknown names become new partners.
        let graphml = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="s" for="node" attr.name="sector" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="s">welfare</data></node>
    <node id="welzijn rivierenland"/>
    <node id="Bibliotheek Rivierstad"><data key="s">culture</data></node>
    <edge source="welzijn rivierenland" target="Bibliotheek Rivierstad"/>
    <edge source="a" target="a"/>
  </graph>
</graphml>"#;
        let NetworkImportOutcome::Checked(p) =
            svc.preview_network_import(&coordinator, s.network, "kaart.graphml", graphml.as_bytes(), None).await.unwrap()
        else {
            panic!("the GraphML file could not be read");
        };
        assert_eq!(p.nodes[1].matched, NodeMatch::ByName(s.ids[1]));
        assert!(matches!(p.nodes[0].matched, NodeMatch::New(verband_domain::Sector::Welfare)));
        assert_eq!((p.ties, p.skipped.len(), p.new_partners()), (1, 1, 2));
        let partners_before = svc.partner_choices(&coordinator, s.network).await.unwrap().len();
        let imported = svc.apply_network_import(&coordinator, s.network, p.upload_id.unwrap(), "Uit yEd").await.unwrap();
        assert_eq!(svc.partner_choices(&coordinator, s.network).await.unwrap().len(), partners_before + 2);
        let rels = svc.round_relationships(&member, s.network, imported).await.unwrap();
        assert!(!rels.round.directed);
        assert_eq!(rels.relationships.len(), 1);

        // A broken file is reported with its line, and nothing is kept or written.
        let rounds = svc.relationship_rounds(&member, s.network).await.unwrap().len();
        let broken = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph>\n<nodes>\n<node id=\"1\">\n</nodes>";
        match svc.preview_network_import(&coordinator, s.network, "kapot.gexf", broken.as_bytes(), None).await.unwrap() {
            NetworkImportOutcome::Unreadable(e) => assert!(e.line().is_some(), "{e}"),
            NetworkImportOutcome::Checked(_) => panic!("a broken file was accepted"),
        }
        assert_eq!(svc.relationship_rounds(&member, s.network).await.unwrap().len(), rounds);
    })
    .await;
}
