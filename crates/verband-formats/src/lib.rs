//! File formats Verband reads and writes. This crate knows tables of text and
//! network files, not the domain: the domain maps its records to and from a
//! [`Table`] or a [`NetworkFile`], the service decides what is written.
//!
//! Network files: GEXF ([`read_gexf`], [`write_gexf`]), GraphML
//! ([`read_graphml`], [`write_graphml`]), Kumu's JSON blueprint
//! ([`read_kumu`], [`write_kumu`]) and Gephi's nodes and edges tables
//! ([`read_gephi_csv`], [`write_gephi_csv`]), all through [`NetworkFile`].
//! The head of each format's source file (`src/gexf.rs`, `src/graphml.rs`,
//! `src/kumu.rs`, `src/gephi_csv.rs`) says how labels, weights, kinds,
//! attributes and direction map to that format. Readers take [`ReadLimits`] and report
//! [`GraphFormatError`]s with a stable code and the line (or table row) a
//! user should look at; writers refuse a network no reader would accept
//! rather than write a broken file. The readers are fuzzed
//! (`crates/verband-formats/fuzz`, cargo-fuzz), including the property that
//! what one reads every writer can write and read back.
//!
//! Attachments of knowledge items ([`attachment`]): the type a file really
//! is, its text for the search index (PDF, DOCX, XLSX) and a safe name to
//! offer it under.
//!
//! Table files (CSV, XLSX): choices, recorded here because users meet them:
//! - CSV follows RFC 4180: CRLF line ends, fields quoted only when they hold
//!   the delimiter, a quote, CR or LF (header cells also when they hold `,`,
//!   `;` or a tab, so that reading detects the delimiter they were written
//!   with); quotes doubled inside quoted fields.
//! - [`Delimiter::Semicolon`] is the variant for Dutch Excel, which expects
//!   `;` (the comma is the decimal separator there) and only recognises UTF-8
//!   when the file starts with a byte order mark, so that variant gets one.
//!   [`Delimiter::Comma`] is plain RFC 4180 without a BOM, for other tools.
//! - Reading accepts both, with or without BOM, and falls back to
//!   Windows-1252 when a file is not valid UTF-8 (what older Excel versions
//!   write for "CSV (puntkomma gescheiden)").
//! - Cells that a spreadsheet would run as a formula (starting with
//!   `= + - @`, tab or CR) are written with a leading `'`; reading removes
//!   exactly that prefix again, so export followed by import gives back the
//!   same text. See [`escape_cell`].
//! - Row numbers in errors count as a spreadsheet shows them: the header is
//!   row 1, the first data row is row 2. Columns count from 1 (A).

pub mod attachment;
mod csv_io;
mod escape;
mod gephi_csv;
mod gexf;
mod graphml;
mod kumu;
mod network_file;
mod xlsx_io;
mod xml;

pub use csv_io::{read_csv, write_csv, Delimiter};
pub use escape::{escape_cell, unescape_cell};
pub use gephi_csv::{read_gephi_csv, write_gephi_csv, GephiCsv};
pub use gexf::{read_gexf, write_gexf};
pub use graphml::{read_graphml, write_graphml};
pub use kumu::{read_kumu, write_kumu};
pub use network_file::{
    detect_graph_format, AttrValue, FileEdge, FileNode, GraphFormat, GraphFormatError, NetworkFile, Part, Position, ReadLimits,
};
pub use xlsx_io::{read_xlsx, write_xlsx};

/// A sheet of text: one header row and data rows. Rows may be shorter than
/// the header after reading a file (trailing empty cells are not stored by
/// spreadsheets); [`Table::cell`] treats missing cells as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: Vec<String>) -> Self {
        Self { headers, rows: Vec::new() }
    }

    /// The text in data row `row` (0-based) and column `column` (0-based).
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows.get(row).and_then(|r| r.get(column)).map_or("", String::as_str)
    }

    /// The row number a spreadsheet shows for data row `index` (0-based).
    pub fn sheet_row(index: usize) -> usize {
        index + 2
    }
}

/// A file that could not be read or written. Each variant has a stable
/// [`FormatError::code`]; the web layer turns it into a sentence via the
/// catalogue key `import-error-<code>`, with `row` and `column` as arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("the file is empty")]
    Empty,
    #[error("row {row}: the file could not be read as CSV ({detail})")]
    Csv { row: usize, detail: String },
    #[error("row {row}, column {}: a cell beyond the last column header", column_letter(*column))]
    CellOutsideHeader { row: usize, column: usize },
    #[error("row 1, column {}: the column header is empty", column_letter(*column))]
    EmptyHeader { column: usize },
    #[error("row 1, column {}: the column header {name:?} appears twice", column_letter(*column))]
    DuplicateHeader { column: usize, name: String },
    #[error("the file is not an Excel workbook (.xlsx) ({detail})")]
    NotXlsx { detail: String },
    #[error("the workbook has no sheets")]
    NoSheet,
    #[error("row {row}, column {}: the cell holds an error value ({detail})", column_letter(*column))]
    CellError { row: usize, column: usize, detail: String },
    #[error("row {row}, column {}: the text is longer than a spreadsheet cell can hold", column_letter(*column))]
    CellTooLong { row: usize, column: usize },
    #[error("the workbook could not be written ({detail})")]
    XlsxWrite { detail: String },
}

impl FormatError {
    pub fn code(&self) -> &'static str {
        match self {
            FormatError::Empty => "empty",
            FormatError::Csv { .. } => "csv",
            FormatError::CellOutsideHeader { .. } => "cell-outside-header",
            FormatError::EmptyHeader { .. } => "empty-header",
            FormatError::DuplicateHeader { .. } => "duplicate-header",
            FormatError::NotXlsx { .. } => "not-xlsx",
            FormatError::NoSheet => "no-sheet",
            FormatError::CellError { .. } => "cell-error",
            FormatError::CellTooLong { .. } => "cell-too-long",
            FormatError::XlsxWrite { .. } => "xlsx-write",
        }
    }

    /// The spreadsheet row (header = 1) the problem is in, when there is one.
    pub fn row(&self) -> Option<usize> {
        match self {
            FormatError::Csv { row, .. }
            | FormatError::CellOutsideHeader { row, .. }
            | FormatError::CellError { row, .. }
            | FormatError::CellTooLong { row, .. } => Some(*row),
            FormatError::EmptyHeader { .. } | FormatError::DuplicateHeader { .. } => Some(1),
            _ => None,
        }
    }

    /// The column (1 = A) the problem is in, when there is one.
    pub fn column(&self) -> Option<usize> {
        match self {
            FormatError::CellOutsideHeader { column, .. }
            | FormatError::EmptyHeader { column }
            | FormatError::DuplicateHeader { column, .. }
            | FormatError::CellError { column, .. }
            | FormatError::CellTooLong { column, .. } => Some(*column),
            _ => None,
        }
    }
}

/// The spreadsheet name of a 1-based column: 1 → "A", 27 → "AA".
pub fn column_letter(column: usize) -> String {
    let mut n = column;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads a CSV or XLSX file, telling them apart by content (an XLSX file is
/// a ZIP archive), not by a file name a user may have changed.
pub fn read_table(bytes: &[u8]) -> Result<Table, FormatError> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)
    } else {
        read_csv(bytes)
    }
}

/// Checks the header row and the width of the data rows, shared by both readers.
/// Trailing empty rows are dropped; empty rows in between are kept so that
/// row numbers stay as the spreadsheet shows them.
fn finish_table(mut headers: Vec<String>, mut rows: Vec<Vec<String>>) -> Result<Table, FormatError> {
    while headers.last().is_some_and(|h| h.trim().is_empty()) {
        headers.pop();
    }
    if headers.is_empty() {
        return Err(FormatError::Empty);
    }
    // A set rather than a look back along the row: a file with many columns
    // must not cost time in their square.
    let mut seen = std::collections::HashSet::with_capacity(headers.len());
    for (i, h) in headers.iter().enumerate() {
        if h.trim().is_empty() {
            return Err(FormatError::EmptyHeader { column: i + 1 });
        }
        if !seen.insert(h.trim()) {
            return Err(FormatError::DuplicateHeader { column: i + 1, name: h.trim().to_string() });
        }
    }
    while rows.last().is_some_and(|r| r.iter().all(|c| c.is_empty())) {
        rows.pop();
    }
    for (index, row) in rows.iter_mut().enumerate() {
        while row.len() > headers.len() && row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        if row.len() > headers.len() {
            return Err(FormatError::CellOutsideHeader { row: Table::sheet_row(index), column: headers.len() + 1 });
        }
    }
    Ok(Table { headers, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letter(1), "A");
        assert_eq!(column_letter(26), "Z");
        assert_eq!(column_letter(27), "AA");
        assert_eq!(column_letter(52), "AZ");
        assert_eq!(column_letter(703), "AAA");
    }

    #[test]
    fn header_problems_are_reported_with_their_column() {
        let e = finish_table(vec!["naam".into(), "".into(), "sector".into()], vec![]).unwrap_err();
        assert_eq!(e, FormatError::EmptyHeader { column: 2 });
        let e = finish_table(vec!["naam".into(), "naam ".into()], vec![]).unwrap_err();
        assert_eq!((e.code(), e.row(), e.column()), ("duplicate-header", Some(1), Some(2)));
        assert_eq!(finish_table(vec![], vec![]).unwrap_err(), FormatError::Empty);
    }

    #[test]
    fn extra_cells_are_an_error_unless_empty() {
        let t = finish_table(vec!["a".into()], vec![vec!["1".into(), "".into()], vec![], vec!["".into()]]).unwrap();
        assert_eq!(t.rows, vec![vec!["1".to_string()]]);
        let e = finish_table(vec!["a".into()], vec![vec!["1".into()], vec!["2".into(), "x".into()]]).unwrap_err();
        assert_eq!(e, FormatError::CellOutsideHeader { row: 3, column: 2 });
    }

    #[test]
    fn read_table_tells_xlsx_from_csv() {
        let t = Table { headers: vec!["naam".into()], rows: vec![vec!["GGD".into()]] };
        let x = write_xlsx(&t, "Partners").unwrap();
        assert_eq!(read_table(&x).unwrap(), t);
        assert_eq!(read_table(&write_csv(&t, Delimiter::Semicolon)).unwrap(), t);
    }
}
