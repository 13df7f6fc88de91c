//! Attachments on real files: PDFs written with lopdf and by fpdf2, a DOCX
//! zipped here, an XLSX from rust_xlsxwriter, and the hostile ones (garbage,
//! truncation, zip bombs).

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream, StringFormat};
use rust_xlsxwriter::Workbook;
use verband_formats::attachment::{extract_text, safe_file_name, sniff, AttachmentRejected, AttachmentType};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const WORD_MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const SHEET_MAIN: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/// A one-page PDF in the simple-font style (Helvetica, WinAnsiEncoding) with
/// its content stream deflated, fonts inherited from the page tree as many
/// producers do.
fn lopdf_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    // WinAnsi bytes: 0xF6 is "ö".
    let lines: [&[u8]; 4] = [
        b"Verslag van het netwerkoverleg",
        b"De co\xf6rdinatie van de zorg vraagt om samenwerking met de huisartsen.",
        b"Afspraken over overdracht, bereikbaarheid en terugkoppeling.",
        b"Afspraken over overdracht, bereikbaarheid en terugkoppeling.",
    ];
    let mut operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 12.into()]),
        Operation::new("TL", vec![14.into()]),
        Operation::new("Td", vec![72.into(), 760.into()]),
    ];
    for line in lines {
        operations.push(Operation::new("Tj", vec![Object::String(line.to_vec(), StringFormat::Literal)]));
        operations.push(Operation::new("T*", vec![]));
    }
    operations.push(Operation::new("ET", vec![]));
    let content = Content { operations }.encode().expect("content encodes");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
    });
    let pages = dictionary! {
        "Type" => "Pages",
        "Kids" => vec![page_id.into()],
        "Count" => 1,
        "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    };
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("pdf saves");
    bytes
}

/// Made in a throwaway venv with fpdf2 2.8.9 from PyPI: DejaVu Sans embedded
/// as a subset, i.e. a Type0 font with CIDFontType2, Identity-H and a
/// ToUnicode map, every stream FlateDecode, two pages — the font set-up Word
/// and LibreOffice use for text beyond Latin-1. The script:
///
/// ```python
/// import datetime
/// from fpdf import FPDF
/// pdf = FPDF()
/// pdf.set_creation_date(datetime.datetime(2026, 1, 15, tzinfo=datetime.timezone.utc))
/// pdf.set_title("Verslag netwerkoverleg")
/// pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
/// pdf.add_page()
/// pdf.set_font("DejaVu", size=16)
/// pdf.cell(text="Verslag netwerkoverleg wijkzorg", new_x="LMARGIN", new_y="NEXT")
/// pdf.set_font("DejaVu", size=11)
/// pdf.multi_cell(w=0, text="De coördinatie van de zorg rond ouderen vraagt om samenwerking met de huisartsen, "
///     "de wijkverpleging en het sociaal team. Afspraken over overdracht worden vóór 1 juli vastgelegd.")
/// pdf.ln(4)
/// pdf.multi_cell(w=0, text="Actiepunten: casuïstiekoverleg elke maand; één aanspreekpunt per organisatie.")
/// pdf.add_page()
/// pdf.multi_cell(w=0, text="Bijlage: deelnemerslijst (tweede pagina).")
/// pdf.output("verslag-fpdf2.pdf")
/// ```
const FPDF2_PDF: &[u8] = include_bytes!("fixtures/verslag-fpdf2.pdf");

fn content_types(main_part: &str, content_type: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="{main_part}" ContentType="{content_type}"/>
</Types>"#
    )
}

fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, body) in entries {
        zip.start_file(*name, options).expect("entry starts");
        zip.write_all(body.as_bytes()).expect("entry writes");
    }
    zip.finish().expect("zip finishes").into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn docx() -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:r><w:t xml:space="preserve">De </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>samen</w:t></w:r><w:r><w:t>werking</w:t></w:r><w:r><w:t xml:space="preserve"> met de huisartsen &amp; de co&#246;rdinatie</w:t></w:r><w:del><w:r><w:delText>geschrapt</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:t>Tweede</w:t></w:r><w:r><w:tab/><w:t>alinea</w:t><w:br/><w:t>vervolg</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>
<w:sectPr/></w:body></w:document>"#
    );
    let header = format!(r#"<w:hdr {W}><w:p><w:r><w:t>Kop van het verslag</w:t></w:r></w:p></w:hdr>"#);
    zip_of(&[
        ("[Content_Types].xml", &content_types("/word/document.xml", WORD_MAIN)),
        ("word/document.xml", &document),
        ("word/header1.xml", &header),
    ])
}

fn xlsx() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Partners").expect("name");
    sheet.write_string(0, 0, "Organisatie").expect("cell");
    sheet.write_string(0, 1, "Rol").expect("cell");
    sheet.write_string(1, 0, "Huisartsenpraktijk De Linde").expect("cell");
    sheet.write_string(1, 1, "coördinatie").expect("cell");
    sheet.write_number(2, 0, 1250.5).expect("cell");
    let second = workbook.add_worksheet();
    second.write_string(4, 3, "Tweede blad").expect("cell");
    workbook.save_to_buffer().expect("xlsx saves")
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0";
const GIF: &[u8] = b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!";
const WEBP: &[u8] = b"RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0/\0\0\0\x10\x07\x10\x11\x11\x88\x88\xfe\x07\0";

#[test]
fn every_type_is_recognised_from_its_bytes() {
    assert_eq!(sniff("verslag.pdf", &lopdf_pdf()), Ok(AttachmentType::Pdf));
    assert_eq!(sniff("Verslag.PDF", FPDF2_PDF), Ok(AttachmentType::Pdf));
    assert_eq!(sniff("notulen.docx", &docx()), Ok(AttachmentType::Docx));
    assert_eq!(sniff("partners.xlsx", &xlsx()), Ok(AttachmentType::Xlsx));
    assert_eq!(sniff("logo.png", PNG), Ok(AttachmentType::Png));
    assert_eq!(sniff("foto.jpg", JPEG), Ok(AttachmentType::Jpeg));
    assert_eq!(sniff("foto.JPEG", JPEG), Ok(AttachmentType::Jpeg));
    assert_eq!(sniff("animatie.gif", GIF), Ok(AttachmentType::Gif));
    assert_eq!(sniff("plaatje.webp", WEBP), Ok(AttachmentType::Webp));
    assert_eq!(sniff("C:\\Users\\an\\map.v2\\plaatje.webp", WEBP), Ok(AttachmentType::Webp));
}

#[test]
fn a_name_that_lies_about_the_bytes_is_refused() {
    assert_eq!(sniff("rapport.pdf", PNG), Err(AttachmentRejected::NameMismatch));
    assert_eq!(sniff("notulen.xlsx", &docx()), Err(AttachmentRejected::NameMismatch));
    assert_eq!(sniff("rapport", FPDF2_PDF), Err(AttachmentRejected::NameMismatch));
    assert_eq!(sniff("pdf", FPDF2_PDF), Err(AttachmentRejected::NameMismatch));
    // A zip that calls itself a Word document but has no document in it.
    let no_document = zip_of(&[("[Content_Types].xml", &content_types("/word/document.xml", WORD_MAIN)), ("word/styles.xml", "<x/>")]);
    assert_eq!(sniff("notulen.docx", &no_document), Err(AttachmentRejected::NameMismatch));
    let plain_zip = zip_of(&[("word/document.xml", "<x/>")]);
    assert_eq!(sniff("notulen.docx", &plain_zip), Err(AttachmentRejected::NameMismatch));
    assert_eq!(sniff("archief.zip", &plain_zip), Err(AttachmentRejected::UnknownType));
}

#[test]
fn unknown_and_empty_files_are_refused() {
    assert_eq!(sniff("x.pdf", b""), Err(AttachmentRejected::Empty));
    let noise: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(sniff("x.pdf", &noise), Err(AttachmentRejected::UnknownType));
    let html = b"<!doctype html><html><body><script>alert(1)</script>%PDF-1.7</body></html>";
    assert_eq!(sniff("x.pdf", html), Err(AttachmentRejected::UnknownType));
    assert_eq!(sniff("x.pdf", b"PK\x03\x04 not really a zip"), Err(AttachmentRejected::UnknownType));
    assert_eq!(sniff("x.webp", b"RIFF\0\0\0\0WAVEfmt "), Err(AttachmentRejected::UnknownType));
}

#[test]
fn text_of_a_compressed_pdf_written_with_lopdf() {
    let pdf = lopdf_pdf();
    assert!(pdf.windows(12).any(|w| w == b"/FlateDecode"), "the content stream is deflated");
    assert!(!pdf.windows(12).any(|w| w == b"samenwerking"), "no plain text in the file");
    let text = extract_text(AttachmentType::Pdf, &pdf).expect("text");
    assert!(text.contains("coördinatie"), "{text:?}");
    assert!(text.contains("samenwerking met de huisartsen"), "{text:?}");
    assert!(text.contains("Verslag van het netwerkoverleg"), "{text:?}");
}

#[test]
fn text_of_a_pdf_with_a_type0_font_and_tounicode_map() {
    let text = extract_text(AttachmentType::Pdf, FPDF2_PDF).expect("text");
    assert!(text.contains("coördinatie"), "{text:?}");
    assert!(text.contains("samenwerking met de huisartsen"), "{text:?}");
    assert!(text.contains("vóór 1 juli"), "{text:?}");
    assert!(text.contains("casuïstiekoverleg elke maand; één aanspreekpunt"), "{text:?}");
    assert!(text.contains("(tweede pagina)"), "{text:?}");
    assert!(!text.contains("  "), "whitespace collapsed: {text:?}");
}

#[test]
fn broken_pdfs_give_no_text_and_no_panic() {
    assert_eq!(extract_text(AttachmentType::Pdf, b"%PDF-1.7\n%garbage\x00\xff\x10 obj << >> stream"), None);
    assert_eq!(extract_text(AttachmentType::Pdf, b"%PDF-"), None);
    let noise: Vec<u8> = b"%PDF-1.4\n".iter().copied().chain((0u32..20_000).map(|i| (i.wrapping_mul(2_654_435_761) >> 7) as u8)).collect();
    assert_eq!(extract_text(AttachmentType::Pdf, &noise), None);
    // Cut before the page's content stream: nothing to read, whatever the
    // lenient xref repair makes of the rest. Every cut must return.
    let pdf = lopdf_pdf();
    assert_eq!(extract_text(AttachmentType::Pdf, &pdf[..20]), None);
    for cut in (0..pdf.len()).step_by(37) {
        let _ = extract_text(AttachmentType::Pdf, &pdf[..cut]);
    }
    for cut in (0..FPDF2_PDF.len()).step_by(251) {
        let _ = extract_text(AttachmentType::Pdf, &FPDF2_PDF[..cut]);
    }
}

#[test]
fn text_of_a_docx_joins_split_runs_and_keeps_paragraphs_apart() {
    let text = extract_text(AttachmentType::Docx, &docx()).expect("text");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("De samenwerking met de huisartsen & de coördinatie"));
    assert_eq!(lines.next(), Some("Tweede alinea vervolg"));
    assert_eq!(lines.next(), Some("Kop van het verslag"), "headers count too: {text:?}");
    assert!(!text.contains("geschrapt") && !text.contains("PAGE"), "deleted text and field codes are not on the page: {text:?}");
}

#[test]
fn text_of_an_xlsx_holds_the_strings_of_every_sheet() {
    let text = extract_text(AttachmentType::Xlsx, &xlsx()).expect("text");
    assert!(text.contains("Organisatie Rol"), "{text:?}");
    assert!(text.contains("Huisartsenpraktijk De Linde coördinatie"), "{text:?}");
    assert!(text.contains("Tweede blad"), "{text:?}");
    assert!(!text.contains("1250"), "numbers do not help a search: {text:?}");
}

#[test]
fn images_have_no_text() {
    assert_eq!(extract_text(AttachmentType::Png, PNG), None);
    assert_eq!(extract_text(AttachmentType::Jpeg, JPEG), None);
}

/// A zip whose `name` entry is `megabytes` of zeros, deflated while it is
/// written, so the test never holds the inflated size in memory.
fn zip_bomb(content_types_xml: &str, name: &str, megabytes: usize) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).compression_level(Some(1));
    zip.start_file("[Content_Types].xml", options).expect("entry");
    zip.write_all(content_types_xml.as_bytes()).expect("write");
    zip.start_file(name, options).expect("entry");
    zip.write_all(format!("<w:document {W}><w:body><w:p><w:r><w:t>").as_bytes()).expect("write");
    let zeros = vec![b'0'; 1024 * 1024];
    for _ in 0..megabytes {
        zip.write_all(&zeros).expect("write");
    }
    zip.finish().expect("zip finishes").into_inner()
}

#[test]
fn zip_bombs_are_not_inflated() {
    let bomb = zip_bomb(&content_types("/word/document.xml", WORD_MAIN), "word/document.xml", 200);
    assert!(bomb.len() < 2 * 1024 * 1024, "the bomb is small: {} bytes", bomb.len());
    assert_eq!(sniff("bom.docx", &bomb), Ok(AttachmentType::Docx));
    let started = Instant::now();
    assert_eq!(extract_text(AttachmentType::Docx, &bomb), None);
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());

    let bomb = zip_bomb(&content_types("/xl/workbook.xml", SHEET_MAIN), "xl/sharedStrings.xml", 60);
    let started = Instant::now();
    assert_eq!(extract_text(AttachmentType::Xlsx, &bomb), None);
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
}

#[test]
fn long_text_is_capped() {
    let paragraph = "<w:p><w:r><w:t>samenwerking in de wijk </w:t></w:r></w:p>".repeat(60_000);
    let document = format!("<w:document {W}><w:body>{paragraph}</w:body></w:document>");
    let big = zip_of(&[("[Content_Types].xml", &content_types("/word/document.xml", WORD_MAIN)), ("word/document.xml", &document)]);
    let text = extract_text(AttachmentType::Docx, &big).expect("text");
    let chars = text.chars().count();
    assert!((999_000..=1_000_000).contains(&chars), "{chars} characters");
    assert!(text.starts_with("samenwerking in de wijk\nsamenwerking"), "{}", &text[..60]);
}

#[test]
fn safe_file_names() {
    use AttachmentType::*;
    assert_eq!(safe_file_name("../../x.pdf", Pdf), "x.pdf");
    assert_eq!(safe_file_name("C:\\Users\\an\\Verslag overleg.PDF", Pdf), "Verslag overleg.pdf");
    assert_eq!(safe_file_name("Coördinatie wijkzorg 2026-03.docx", Docx), "Coördinatie wijkzorg 2026-03.docx");
    // As macOS sends it: "o" and a combining diaeresis.
    assert_eq!(safe_file_name("coo\u{308}rdinatie.pdf", Pdf), "coördinatie.pdf");
    assert_eq!(safe_file_name("rapport \"q\";\r\nx.pdf", Pdf), "rapport _q____x.pdf");
    assert_eq!(safe_file_name("notulen: 1/2 – def.pdf", Pdf), "2 _ def.pdf");
    assert_eq!(safe_file_name("foto.jpeg", Jpeg), "foto.jpeg");
    assert_eq!(safe_file_name("foto.png", Jpeg), "foto.png.jpg");
    assert_eq!(safe_file_name("scan", Png), "scan.png");
    assert_eq!(safe_file_name(".htaccess.pdf", Pdf), "htaccess.pdf");
    assert_eq!(safe_file_name("", Pdf), "bijlage.pdf");
    assert_eq!(safe_file_name("...", Xlsx), "bijlage.xlsx");
    assert_eq!(safe_file_name("../", Gif), "bijlage.gif");
    assert_eq!(safe_file_name("<>?*.webp", Webp), "____.webp");
    let long = format!("{}.docx", "ö".repeat(300));
    let safe = safe_file_name(&long, Docx);
    assert_eq!(safe.chars().count(), 120);
    assert!(safe.ends_with("ö.docx"), "{safe}");
}

#[test]
fn content_types_and_extensions() {
    assert_eq!(AttachmentType::Pdf.content_type(), "application/pdf");
    assert_eq!(AttachmentType::Docx.content_type(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert_eq!(AttachmentType::Xlsx.content_type(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert_eq!(AttachmentType::Webp.content_type(), "image/webp");
    assert_eq!(AttachmentType::Jpeg.extension(), "jpg");
    assert_eq!(AttachmentType::Docx.extension(), "docx");
}
