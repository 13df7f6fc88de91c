//! Attachments of knowledge items: what a file really is, its text for the
//! search index, and a name to offer it under.
//!
//! The type comes from the bytes, never from the name alone: a browser shows
//! what it is served, so a "rapport.pdf" that is an HTML page must not get in.
//! The name has to agree with the bytes as well, so that what a colleague
//! downloads opens in the program its extension promises.
//!
//! Text extraction runs on files anyone in a network may upload. Every reader
//! here is bounded (characters kept, bytes inflated, time spent on a PDF) and
//! runs under `catch_unwind`, so a hostile or broken file costs at most its
//! text, never the process. The PDF text comes from `lopdf` (see
//! docs/decisions.md); DOCX is read part by part with `zip` and `quick-xml`;
//! XLSX through `calamine`, after the same inflation check.

use std::io::{BufReader, Cursor, Read, Seek};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use calamine::{DataRef, Reader as _, Xlsx};
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use unicode_normalization::UnicodeNormalization;
use zip::ZipArchive;

/// What an uploaded file really is, decided from its bytes (magic numbers / zip contents), not its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentType {
    Pdf,
    Docx,
    Xlsx,
    Png,
    Jpeg,
    Gif,
    Webp,
}

impl AttachmentType {
    /// The content type to serve it with, e.g. "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png".
    pub fn content_type(self) -> &'static str {
        match self {
            AttachmentType::Pdf => "application/pdf",
            AttachmentType::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            AttachmentType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            AttachmentType::Png => "image/png",
            AttachmentType::Jpeg => "image/jpeg",
            AttachmentType::Gif => "image/gif",
            AttachmentType::Webp => "image/webp",
        }
    }

    /// The usual file extension without dot ("pdf", "docx", ...).
    pub fn extension(self) -> &'static str {
        match self {
            AttachmentType::Pdf => "pdf",
            AttachmentType::Docx => "docx",
            AttachmentType::Xlsx => "xlsx",
            AttachmentType::Png => "png",
            AttachmentType::Jpeg => "jpg",
            AttachmentType::Gif => "gif",
            AttachmentType::Webp => "webp",
        }
    }

    /// The type a file name's extension (without dot, any case) claims.
    fn from_extension(extension: &str) -> Option<AttachmentType> {
        match extension.to_ascii_lowercase().as_str() {
            "pdf" => Some(AttachmentType::Pdf),
            "docx" => Some(AttachmentType::Docx),
            "xlsx" => Some(AttachmentType::Xlsx),
            "png" => Some(AttachmentType::Png),
            "jpg" | "jpeg" => Some(AttachmentType::Jpeg),
            "gif" => Some(AttachmentType::Gif),
            "webp" => Some(AttachmentType::Webp),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentRejected {
    Empty,
    UnknownType,
    /// E.g. "rapport.pdf" whose bytes are a PNG, or a .docx that is a zip without word/document.xml.
    NameMismatch,
}

/// Most characters of text kept for one attachment: enough for a report of
/// several hundred pages, small enough for an index document.
const MAX_TEXT_CHARS: usize = 1_000_000;
/// Most bytes one zip entry may inflate to. A 20 MB upload of real office
/// parts stays far below; a zip bomb does not.
const MAX_ENTRY_BYTES: u64 = 50 * 1024 * 1024;
/// Most bytes all entries of one zip file together may inflate to, so that
/// many entries each just under the limit cannot add up to a bomb either.
const MAX_ZIP_TOTAL_BYTES: u64 = 200 * 1024 * 1024;
/// Most bytes one PDF stream, or the content of one page, may inflate to.
const MAX_PDF_STREAM_BYTES: usize = 32 * 1024 * 1024;
/// Time after which a PDF's later pages are left out. Pages can share one
/// large content stream, so bounding each inflation does not bound the
/// whole; the index is better served by the text of the first pages than by
/// a worker stuck on one file.
const PDF_TIME_BUDGET: Duration = Duration::from_secs(20);
/// Most bytes of `[Content_Types].xml` read while sniffing; real ones are a
/// few kilobytes.
const MAX_CONTENT_TYPES_BYTES: u64 = 1024 * 1024;

const WORD_MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const SHEET_MAIN: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/// Checks an upload: recognises the type from the bytes and requires the file name's extension (case-insensitive; .jpg and .jpeg both fine) to agree.
pub fn sniff(file_name: &str, bytes: &[u8]) -> Result<AttachmentType, AttachmentRejected> {
    if bytes.is_empty() {
        return Err(AttachmentRejected::Empty);
    }
    let claimed = extension_of(base_name(file_name)).and_then(AttachmentType::from_extension);
    let found = match sniff_bytes(bytes) {
        Sniffed::Type(t) => t,
        // An archive that names itself .docx or .xlsx but lacks the part
        // that makes it one is a wrong name; any other zip is just a zip.
        Sniffed::OtherZip if matches!(claimed, Some(AttachmentType::Docx | AttachmentType::Xlsx)) => {
            return Err(AttachmentRejected::NameMismatch)
        }
        Sniffed::OtherZip | Sniffed::Unknown => return Err(AttachmentRejected::UnknownType),
    };
    if claimed == Some(found) {
        Ok(found)
    } else {
        Err(AttachmentRejected::NameMismatch)
    }
}

enum Sniffed {
    Type(AttachmentType),
    OtherZip,
    Unknown,
}

fn sniff_bytes(bytes: &[u8]) -> Sniffed {
    // The header must open the file. Readers tolerate junk before it, but a
    // file that starts as something else (HTML, say) could be taken for that
    // something else by whoever opens it.
    if bytes.starts_with(b"%PDF-") {
        Sniffed::Type(AttachmentType::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Sniffed::Type(AttachmentType::Png)
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Sniffed::Type(AttachmentType::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Sniffed::Type(AttachmentType::Gif)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Sniffed::Type(AttachmentType::Webp)
    } else if bytes.starts_with(b"PK\x03\x04") {
        match ZipArchive::new(Cursor::new(bytes)).ok().and_then(|mut zip| office_main_part(&mut zip)) {
            Some((kind, _)) => Sniffed::Type(kind),
            None => Sniffed::OtherZip,
        }
    } else {
        Sniffed::Unknown
    }
}

/// Which Office document a zip is and the name of its main part, from
/// `[Content_Types].xml`, and only when that part is really in the archive.
/// The content types rather than a fixed "word/document.xml": the main part
/// may have another name ("word/document2.xml" occurs in the wild), and a
/// macro-enabled .docm has another content type, which keeps it out.
fn office_main_part<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Option<(AttachmentType, String)> {
    let xml = {
        let entry = zip.by_name("[Content_Types].xml").ok()?;
        let mut xml = Vec::new();
        entry.take(MAX_CONTENT_TYPES_BYTES).read_to_end(&mut xml).ok()?;
        xml
    };
    let text = std::str::from_utf8(&xml).ok()?;
    let mut reader = Reader::from_str(text);
    let (kind, part) = loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Override" => {
                let mut part = None;
                let mut content_type = None;
                for attr in e.attributes().flatten() {
                    let value = attr.normalized_value(XmlVersion::Implicit1_0).ok()?.into_owned();
                    match attr.key.local_name().as_ref() {
                        "PartName" => part = Some(value),
                        "ContentType" => content_type = Some(value),
                        _ => {}
                    }
                }
                let kind = match content_type.as_deref() {
                    Some(WORD_MAIN) => AttachmentType::Docx,
                    Some(SHEET_MAIN) => AttachmentType::Xlsx,
                    _ => continue,
                };
                if let Some(part) = part {
                    break (kind, part);
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    };
    // Part names are absolute and, by the packaging standard, case-insensitive;
    // zip entry names are neither.
    let wanted = part.trim_start_matches('/');
    let name = entry_names(zip).into_iter().find(|n| n.eq_ignore_ascii_case(wanted))?;
    Some((kind, name))
}

/// The entry names of a zip that decode; an entry whose name does not is of
/// no use to us.
fn entry_names<R: Read + Seek>(zip: &ZipArchive<R>) -> Vec<String> {
    zip.file_names().filter_map(Result::ok).map(|name| name.into_owned()).collect()
}

/// Plain text of a PDF, DOCX or XLSX for the search index (None for images, or when nothing can be read).
/// Never panics and never runs away on hostile input: parser panics are caught, the result is capped at
/// 1,000,000 characters with runs of whitespace collapsed, and zip entries that would inflate beyond
/// 50 MB (zip bombs) are not read.
pub fn extract_text(kind: AttachmentType, bytes: &[u8]) -> Option<String> {
    let mut text = TextSink::default();
    // The sink is only ever appended to, so what a panicking parser left in
    // it is still text it had read: keep it.
    let read = catch_unwind(AssertUnwindSafe(|| match kind {
        AttachmentType::Pdf => pdf_text(bytes, &mut text),
        AttachmentType::Docx => docx_text(bytes, &mut text),
        AttachmentType::Xlsx => xlsx_text(bytes, &mut text),
        AttachmentType::Png | AttachmentType::Jpeg | AttachmentType::Gif | AttachmentType::Webp => {}
    }));
    if read.is_err() && text.is_empty() {
        return None;
    }
    text.finish()
}

/// Collects text with whitespace collapsed as it comes (a run holding a line
/// break becomes one line break, any other run one space) and stops taking
/// more at [`MAX_TEXT_CHARS`], so memory stays bounded whatever the file.
#[derive(Default)]
struct TextSink {
    text: String,
    chars: usize,
    /// Whitespace seen since the last kept character: none, a space, or a line break.
    pending: Option<char>,
}

impl TextSink {
    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if self.is_full() {
                return;
            }
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' || c == '\u{0B}' || c == '\u{0C}' {
                self.pending = Some('\n');
            } else if c.is_whitespace() || c.is_control() {
                // Control characters are what broken encodings leave behind;
                // as spaces they at least keep the words apart.
                self.pending.get_or_insert(' ');
            } else {
                if let Some(space) = self.pending.take() {
                    if !self.text.is_empty() {
                        self.push_char(space);
                    }
                }
                self.push_char(c);
            }
        }
    }

    fn push_char(&mut self, c: char) {
        if !self.is_full() {
            self.text.push(c);
            self.chars += 1;
        }
    }

    fn push_char_str(&mut self, c: char) {
        let mut tmp = [0u8; 4];
        self.push_str(c.encode_utf8(&mut tmp));
    }

    fn space(&mut self) {
        self.push_str(" ");
    }

    fn line_break(&mut self) {
        self.push_str("\n");
    }

    fn is_full(&self) -> bool {
        self.chars >= MAX_TEXT_CHARS
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn finish(mut self) -> Option<String> {
        // The cap can fall just after a space.
        self.text.truncate(self.text.trim_end().len());
        (!self.text.is_empty()).then_some(self.text)
    }
}

fn pdf_text(bytes: &[u8], text: &mut TextSink) {
    let started = Instant::now();
    let options = lopdf::LoadOptions::with_max_decompressed_size(MAX_PDF_STREAM_BYTES);
    let Ok(doc) = lopdf::Document::load_mem_with_options(bytes, options) else {
        return;
    };
    for page in doc.get_pages().into_keys() {
        if text.is_full() || started.elapsed() > PDF_TIME_BUDGET {
            break;
        }
        // Page by page and chunk by chunk: a font lopdf cannot decode fails
        // its own chunk, and the rest of the document still counts.
        for chunk in doc.extract_text_chunks_with_limit(&[page], MAX_PDF_STREAM_BYTES).into_iter().flatten() {
            text.push_str(&chunk);
        }
        text.line_break();
    }
}

fn docx_text(bytes: &[u8], text: &mut TextSink) {
    let Ok(mut zip) = ZipArchive::new(Cursor::new(bytes)) else {
        return;
    };
    let Some((AttachmentType::Docx, main)) = office_main_part(&mut zip) else {
        return;
    };
    // Headers, footers and notes are found by name beside the main part
    // rather than through its relationships: simpler, and a stray part with
    // such a name only adds text its author put in the file anyway.
    let folder = main.rsplit_once('/').map_or(String::new(), |(folder, _)| format!("{folder}/"));
    let mut parts = vec![main.clone()];
    let mut extra: Vec<String> = entry_names(&zip)
        .into_iter()
        .filter(|name| {
            let Some(file) = name.strip_prefix(folder.as_str()).filter(|f| !f.contains('/')) else {
                return false;
            };
            let stem = file.strip_suffix(".xml").unwrap_or("");
            let numbered = |prefix: &str| stem.strip_prefix(prefix).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
            numbered("header") || numbered("footer") || stem == "footnotes" || stem == "endnotes"
        })
        .collect();
    extra.sort();
    parts.extend(extra);
    let mut budget = MAX_ZIP_TOTAL_BYTES;
    for part in parts {
        if text.is_full() {
            break;
        }
        let Ok(entry) = zip.by_name(&part) else { continue };
        let mut capped = CappedReader::new(entry, MAX_ENTRY_BYTES.min(budget));
        let mut part_text = TextSink::default();
        let complete = word_xml_text(BufReader::new(&mut capped), &mut part_text);
        budget = budget.saturating_sub(capped.read);
        // A part cut off by the cap is a bomb or broken: none of it.
        if complete && !capped.exceeded {
            if let Some(t) = part_text.finish() {
                text.push_str(&t);
                text.line_break();
            }
        }
        if budget == 0 {
            break;
        }
    }
}

/// The text of a WordprocessingML part: the `t` runs (in any namespace, so
/// text boxes and formulas count too), a line break after each paragraph,
/// tabs and breaks as spaces. Deleted text and field codes are left out:
/// they are in the file but not on the page. False when the XML is broken
/// or could not be read to its end.
fn word_xml_text<R: std::io::BufRead>(source: R, text: &mut TextSink) -> bool {
    let mut reader = Reader::from_reader(source);
    let mut buf = Vec::new();
    let mut in_text = false;
    loop {
        if text.is_full() {
            return true;
        }
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(_) => return false,
        };
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "tab" | "br" | "cr" => text.space(),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" | "br" | "cr" => text.space(),
                "p" => text.line_break(),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => text.line_break(),
                _ => {}
            },
            Event::Text(t) if in_text => text.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::CData(t) if in_text => text.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push_char_str(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r.xml_content(XmlVersion::Implicit1_0)) {
                    text.push_str(s);
                }
            }
            Event::Eof => return true,
            _ => {}
        }
        buf.clear();
    }
}

fn xlsx_text(bytes: &[u8], text: &mut TextSink) {
    // calamine reads whole parts (shared strings, sheets) into memory, so
    // every entry is inflated once, counting, before calamine gets the file.
    if !zip_inflates_within_limits(bytes) {
        return;
    }
    let Ok(mut workbook) = Xlsx::new(Cursor::new(bytes)) else {
        return;
    };
    for sheet in workbook.sheet_names() {
        if text.is_full() {
            break;
        }
        // The cell reader rather than a range: a range is allocated from the
        // sheet's stated dimensions, which a hostile file can make huge.
        let Ok(mut cells) = workbook.worksheet_cells_reader(&sheet) else { continue };
        let mut row = None;
        while let Ok(Some(cell)) = cells.next_cell() {
            if text.is_full() {
                break;
            }
            let value = match cell.get_value() {
                DataRef::String(s) => s.as_str(),
                DataRef::SharedString(s) => s,
                _ => continue,
            };
            let this_row = cell.get_position().0;
            if row.is_some_and(|r| r != this_row) {
                text.line_break();
            } else {
                text.space();
            }
            row = Some(this_row);
            text.push_str(value);
        }
        text.line_break();
    }
}

/// Whether every entry of a zip inflates to at most [`MAX_ENTRY_BYTES`] and
/// all of them together to at most [`MAX_ZIP_TOTAL_BYTES`], measured by
/// inflating, since the sizes a zip states about itself may lie.
fn zip_inflates_within_limits(bytes: &[u8]) -> bool {
    let Ok(mut zip) = ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else { return false };
        let mut capped = CappedReader::new(entry, MAX_ENTRY_BYTES);
        if std::io::copy(&mut capped, &mut std::io::sink()).is_err() || capped.exceeded {
            return false;
        }
        total += capped.read;
        if total > MAX_ZIP_TOTAL_BYTES {
            return false;
        }
    }
    true
}

/// A reader that fails once more than `limit` bytes came through, so that a
/// parser reading from it stops instead of inflating on.
struct CappedReader<R> {
    inner: R,
    limit: u64,
    read: u64,
    exceeded: bool,
}

impl<R> CappedReader<R> {
    fn new(inner: R, limit: u64) -> Self {
        CappedReader { inner, limit, read: 0, exceeded: false }
    }
}

impl<R: Read> Read for CappedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.exceeded {
            return Err(std::io::Error::other("zip entry inflates beyond the limit"));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            self.exceeded = true;
            return Err(std::io::Error::other("zip entry inflates beyond the limit"));
        }
        Ok(n)
    }
}

/// Longest file name offered, extension included.
const MAX_NAME_CHARS: usize = 120;

/// A file name safe for a Content-Disposition header and a download: keeps letters (incl. accented),
/// digits, space, '-', '_', '.', replaces others by '_', strips path parts ("../../x.pdf" -> "x.pdf"),
/// trims to 120 chars keeping the extension, never empty ("bijlage" + extension).
///
/// The result can still hold non-ASCII letters: the header needs them
/// percent-encoded in `filename*` (RFC 6266) beside an ASCII `filename`.
/// An extension that does not fit `kind` is kept as part of the name and
/// `kind`'s own extension added, so the download opens as what it is.
pub fn safe_file_name(file_name: &str, kind: AttachmentType) -> String {
    // NFC first: macOS sends "ö" as "o" plus a combining diaeresis, which
    // would otherwise count as a character to replace.
    let composed: String = base_name(file_name).nfc().collect();
    let (stem, extension) = match composed.rsplit_once('.') {
        Some((stem, ext)) if AttachmentType::from_extension(ext) == Some(kind) => (stem, ext.to_ascii_lowercase()),
        _ => (composed.as_str(), kind.extension().to_string()),
    };
    let cleaned: String = stem
        .chars()
        .map(|c| {
            let kept = c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.') || unicode_normalization::char::is_combining_mark(c);
            if kept {
                c
            } else {
                '_'
            }
        })
        .collect();
    // Leading dots hide a file on Unix, trailing dots and spaces vanish on
    // Windows; neither belongs in a name we hand out.
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let room = MAX_NAME_CHARS.saturating_sub(extension.chars().count() + 1);
    let shortened: String = cleaned.chars().take(room).collect();
    let shortened = shortened.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let stem = if shortened.is_empty() { "bijlage" } else { shortened };
    format!("{stem}.{extension}")
}

/// The last path part of a name as a browser or an archive may send it,
/// with either kind of slash.
fn base_name(file_name: &str) -> &str {
    file_name.rsplit(['/', '\\']).next().unwrap_or(file_name)
}

fn extension_of(name: &str) -> Option<&str> {
    name.rsplit_once('.').map(|(_, ext)| ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_line_breaks_win() {
        let mut sink = TextSink::default();
        sink.push_str("  een \t twee\u{0}\n \n drie  ");
        assert_eq!(sink.finish().as_deref(), Some("een twee\ndrie"));
    }

    #[test]
    fn the_sink_stops_at_the_cap() {
        let mut sink = TextSink::default();
        for _ in 0..(MAX_TEXT_CHARS / 4 + 10) {
            sink.push_str("ab c ");
        }
        let text = sink.finish().unwrap_or_default();
        assert!((MAX_TEXT_CHARS - 1..=MAX_TEXT_CHARS).contains(&text.chars().count()));
        assert!(!text.ends_with(' '));
    }

    #[test]
    fn the_capped_reader_fails_past_its_limit() {
        let mut capped = CappedReader::new(&[0u8; 100][..], 10);
        assert!(std::io::copy(&mut capped, &mut std::io::sink()).is_err());
        assert!(capped.exceeded);
    }
}
