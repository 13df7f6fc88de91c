//! Attachments of knowledge items on both engines: the type read from the
//! bytes, the text extracted for search, the size limit, who may add, read
//! and remove them, and the change-log row of the item that makes the search
//! index read the text again.

mod support;

use std::io::Write;

use support::{both, network, user};
use verband_domain::knowledge::KnowledgeForm;
use verband_domain::NetworkRole;
use verband_service::knowledge::KNOWLEDGE_ENTITY;
use verband_service::knowledge_attachments::{ATTACHMENT_FIELD, MAX_ATTACHMENT_BYTES};
use verband_service::{Service, ServiceError};

fn item(title: &str, visibility: &str) -> KnowledgeForm {
    KnowledgeForm { kind: "article".into(), title: title.into(), visibility: visibility.into(), ..Default::default() }
}

/// A Word document whose body says `text`.
fn docx(text: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    )
    .unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A one-page PDF that says `text` in Helvetica.
fn pdf(text: &str) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![72.into(), 720.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

async fn attachment_text(svc: &Service, item_id: i64) -> String {
    let mut conn = svc.store().conn().await.unwrap();
    verband_store::knowledge_attachment_text(&mut conn, item_id).await.unwrap()
}

async fn item_changes(svc: &Service, item_id: i64) -> Vec<String> {
    let mut conn = svc.store().conn().await.unwrap();
    let changes = verband_store::changes_since(&mut conn, 0, 10_000).await.unwrap();
    changes.into_iter().filter(|c| c.entity == KNOWLEDGE_ENTITY && c.entity_id == item_id).map(|c| c.op).collect()
}

fn refused_with(result: Result<i64, ServiceError>, code: &str) {
    match result {
        Err(ServiceError::Invalid(e)) => assert_eq!(e.for_field(ATTACHMENT_FIELD).map(|f| f.code.as_str()), Some(code), "{e:?}"),
        other => panic!("expected {code}, got {other:?}"),
    }
}

#[tokio::test]
async fn documents_are_stored_with_their_text_and_served_with_their_type() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let (_, author) = user(&svc, "auteur", Some((a, NetworkRole::Member))).await;
        let (_, reader) = user(&svc, "lezer", Some((a, NetworkRole::Member))).await;
        let id = svc.create_knowledge_item(&author, a, &item("Verslag pilot", "")).await.unwrap();

        let word = docx("Wat de buurtsportcoach opleverde");
        let w = svc.add_knowledge_attachment(&author, id, "Verslag pilot.docx", &word).await.unwrap();
        let paper = pdf("Eindrapport valpreventie");
        let p = svc.add_knowledge_attachment(&author, id, "../eindrapport.PDF", &paper).await.unwrap();
        let text = attachment_text(&svc, id).await;
        assert!(text.contains("buurtsportcoach opleverde"), "{text}");
        assert!(text.contains("Eindrapport valpreventie"), "{text}");
        // Each addition makes the index read the item again.
        assert_eq!(item_changes(&svc, id).await, ["create", "update", "update"]);

        let listed = svc.knowledge_attachments(&reader, id).await.unwrap();
        assert_eq!(listed.iter().map(|a| a.id).collect::<Vec<_>>(), vec![w, p]);
        assert!(!listed[1].file_name.contains('/'), "the name is made safe: {}", listed[1].file_name);
        assert_eq!(listed[0].size_bytes, word.len() as i64);

        let (meta, bytes) = svc.knowledge_attachment(&reader, id, w).await.unwrap();
        assert_eq!(bytes, word);
        assert_eq!(meta.content_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        let (meta, bytes) = svc.knowledge_attachment(&reader, id, p).await.unwrap();
        assert_eq!((meta.content_type.as_str(), bytes), ("application/pdf", paper));

        // Another member reads but does not add or remove.
        assert!(matches!(svc.add_knowledge_attachment(&reader, id, "x.docx", &word).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.archive_knowledge_attachment(&reader, id, w).await, Err(ServiceError::Forbidden)));

        // Removed: not listed, not served, not searched; the item changes again.
        svc.archive_knowledge_attachment(&author, id, w).await.unwrap();
        assert_eq!(svc.knowledge_attachments(&reader, id).await.unwrap().len(), 1);
        assert!(matches!(svc.knowledge_attachment(&reader, id, w).await, Err(ServiceError::NotFound)));
        assert!(!attachment_text(&svc, id).await.contains("buurtsportcoach"));
        assert_eq!(item_changes(&svc, id).await.len(), 4);
        assert!(matches!(svc.archive_knowledge_attachment(&author, id, w).await, Err(ServiceError::NotFound)));
        // An attachment is served only under its own item.
        let other = svc.create_knowledge_item(&author, a, &item("Ander item", "")).await.unwrap();
        assert!(matches!(svc.knowledge_attachment(&reader, other, p).await, Err(ServiceError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn wrong_types_wrong_names_empty_and_too_large_files_are_refused() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let (_, author) = user(&svc, "auteur", Some((a, NetworkRole::Member))).await;
        let id = svc.create_knowledge_item(&author, a, &item("Verslag", "")).await.unwrap();

        let html = b"<!doctype html><html><script>alert(document.cookie)</script></html>";
        refused_with(svc.add_knowledge_attachment(&author, id, "verslag.pdf", html).await, "attachment-type-not-allowed");
        refused_with(svc.add_knowledge_attachment(&author, id, "verslag.html", html).await, "attachment-type-not-allowed");
        refused_with(svc.add_knowledge_attachment(&author, id, "verslag.docx", &pdf("x")).await, "file-name-mismatch");
        refused_with(svc.add_knowledge_attachment(&author, id, "leeg.pdf", b"").await, "file-empty");
        let mut big = pdf("groot");
        big.resize(MAX_ATTACHMENT_BYTES + 1, b' ');
        refused_with(svc.add_knowledge_attachment(&author, id, "groot.pdf", &big).await, "file-too-large");
        assert!(svc.knowledge_attachments(&author, id).await.unwrap().is_empty());
        assert_eq!(item_changes(&svc, id).await, ["create"], "nothing changed");
    })
    .await;
}

#[tokio::test]
async fn outsiders_get_nothing_of_a_private_item_and_read_a_shared_one() {
    both(|svc| async move {
        let a = network(&svc, "Netwerk A").await;
        let b = network(&svc, "Netwerk B").await;
        let (_, coord) = user(&svc, "coord-a", Some((a, NetworkRole::Coordinator))).await;
        let (_, outsider) = user(&svc, "lid-b", Some((b, NetworkRole::Coordinator))).await;
        let private = svc.create_knowledge_item(&coord, a, &item("Intern", "")).await.unwrap();
        let shared = svc.create_knowledge_item(&coord, a, &item("Gedeeld", "shared")).await.unwrap();
        let word = docx("Handreiking");
        let pa = svc.add_knowledge_attachment(&coord, private, "intern.docx", &word).await.unwrap();
        let sa = svc.add_knowledge_attachment(&coord, shared, "gedeeld.docx", &word).await.unwrap();

        assert!(matches!(svc.knowledge_attachment(&outsider, private, pa).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.knowledge_attachments(&outsider, private).await, Err(ServiceError::NotFound)));
        assert!(matches!(svc.add_knowledge_attachment(&outsider, private, "x.docx", &word).await, Err(ServiceError::NotFound)));
        assert_eq!(svc.knowledge_attachment(&outsider, shared, sa).await.unwrap().1, word);
        // A coordinator elsewhere is only a reader here.
        assert!(matches!(svc.add_knowledge_attachment(&outsider, shared, "x.docx", &word).await, Err(ServiceError::Forbidden)));
        assert!(matches!(svc.archive_knowledge_attachment(&outsider, shared, sa).await, Err(ServiceError::Forbidden)));

        // An archived item's files are for those who may restore it.
        svc.archive_knowledge_item(&coord, shared, true).await.unwrap();
        assert!(matches!(svc.knowledge_attachment(&outsider, shared, sa).await, Err(ServiceError::NotFound)));
        assert!(svc.knowledge_attachment(&coord, shared, sa).await.is_ok());
        assert!(matches!(svc.add_knowledge_attachment(&coord, shared, "x.docx", &word).await, Err(ServiceError::Forbidden)));
    })
    .await;
}
