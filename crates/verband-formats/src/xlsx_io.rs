//! Excel workbooks (.xlsx): written with `rust_xlsxwriter`, read with `calamine`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::escape::{escape_cell, unescape_cell};
use crate::{finish_table, FormatError, Table};

/// Excel refuses longer cell texts.
const MAX_CELL_CHARS: usize = 32_767;
const MAX_COLUMN_WIDTH: usize = 60;

/// Writes `table` as a workbook with one sheet: every cell as text (never as
/// a number or formula, so "0612345678" keeps its zero), formula starts
/// escaped as in CSV, the header bold and frozen.
pub fn write_xlsx(table: &Table, sheet_name: &str) -> Result<Vec<u8>, FormatError> {
    let write_err = |e: XlsxError| FormatError::XlsxWrite { detail: e.to_string() };
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_title(sheet_name)).map_err(write_err)?;
    let mut widths = vec![8usize; table.headers.len()];
    for (r, row) in std::iter::once(&table.headers).chain(&table.rows).enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.chars().count() > MAX_CELL_CHARS {
                return Err(FormatError::CellTooLong { row: r + 1, column: c + 1 });
            }
            if c >= widths.len() {
                widths.resize(c + 1, 8);
            }
            let longest_line = cell.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            widths[c] = widths[c].max(longest_line + 2).min(MAX_COLUMN_WIDTH);
            if cell.is_empty() {
                continue;
            }
            let (row_num, col_num) = (cell_index(r)?, col_index(c)?);
            let value = escape_cell(cell).into_owned();
            if r == 0 {
                sheet.write_string_with_format(row_num, col_num, value, &bold).map_err(write_err)?;
            } else {
                sheet.write_string_with_format(row_num, col_num, value, &text).map_err(write_err)?;
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col_index(c)?, *w as f64).map_err(write_err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(write_err)?;
    workbook.save_to_buffer().map_err(write_err)
}

fn cell_index(row: usize) -> Result<u32, FormatError> {
    u32::try_from(row).map_err(|_| FormatError::XlsxWrite { detail: "too many rows".into() })
}

fn col_index(column: usize) -> Result<u16, FormatError> {
    u16::try_from(column).map_err(|_| FormatError::XlsxWrite { detail: "too many columns".into() })
}

/// Excel sheet names: at most 31 characters, none of `[]:*?/\`, not
/// starting or ending with an apostrophe, not empty.
fn sheet_title(name: &str) -> String {
    let cleaned: String = name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(31).collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    if cleaned.is_empty() {
        "Sheet1".to_string()
    } else {
        cleaned.to_string()
    }
}

/// Reads the first sheet of a workbook; its first non-empty row is the header.
/// Numbers come back as a spreadsheet shows them without formatting
/// (`1250.5`), dates as ISO dates (`2026-03-31`).
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, FormatError> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| FormatError::NotXlsx { detail: e.to_string() })?;
    let range = match workbook.worksheet_range_at(0) {
        None => return Err(FormatError::NoSheet),
        Some(r) => r.map_err(|e| FormatError::NotXlsx { detail: e.to_string() })?,
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(range.height());
    for (r, row) in range.rows().enumerate() {
        let mut cells = Vec::with_capacity(row.len());
        for (c, data) in row.iter().enumerate() {
            let at = || (first_row as usize + r + 1, first_col as usize + c + 1);
            cells.push(cell_text(data).map_err(|detail| {
                let (row, column) = at();
                FormatError::CellError { row, column, detail }
            })?);
        }
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    if rows.is_empty() {
        return Err(FormatError::Empty);
    }
    let headers = rows.remove(0).into_iter().map(|h| h.trim().to_string()).collect();
    finish_table(headers, rows)
}

fn cell_text(data: &Data) -> Result<String, String> {
    Ok(match data {
        Data::Empty => String::new(),
        Data::String(s) => unescape_cell(s).to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    })
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(rows: usize) -> Table {
        let mut t = Table::new(vec!["naam".into(), "omschrijving".into(), "telefoon".into(), "bedrag".into()]);
        for i in 0..rows {
            t.rows.push(vec![
                format!("Coöperatie Één Zorg {i}"),
                format!("regel 1 \"citaat\"\nregel 2; ëïéèà ß € — {i}"),
                if i % 3 == 0 { "+31 6 1234 5678".into() } else { "0612345678".into() },
                if i % 2 == 0 { "=1+1".into() } else { format!("{i}.250,50") },
            ]);
        }
        t
    }

    #[test]
    fn two_hundred_rows_round_trip() {
        let t = sample(200);
        let bytes = write_xlsx(&t, "Partners").unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let back = read_xlsx(&bytes).unwrap();
        assert_eq!(back.headers, t.headers);
        assert_eq!(back.rows.len(), 200);
        assert_eq!(back, t);
    }

    #[test]
    fn cells_are_written_escaped_as_text() {
        let t = Table { headers: vec!["a".into()], rows: vec![vec!["=HYPERLINK(\"x\")".into()], vec!["'=1".into()]] };
        let bytes = write_xlsx(&t, "x").unwrap();
        // Read raw with calamine to see what a spreadsheet would see.
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
        let range = wb.worksheet_range_at(0).unwrap().unwrap();
        assert_eq!(range.get_value((1, 0)), Some(&Data::String("'=HYPERLINK(\"x\")".into())));
        assert_eq!(range.get_value((2, 0)), Some(&Data::String("''=1".into())));
        assert_eq!(read_xlsx(&bytes).unwrap(), t);
    }

    #[test]
    fn empty_cells_and_ragged_rows() {
        let t = Table {
            headers: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![vec!["1".into(), "".into(), "3".into()], vec![], vec!["".into(), "2".into()]],
        };
        let back = read_xlsx(&write_xlsx(&t, "x").unwrap()).unwrap();
        assert_eq!(back.rows, vec![vec!["1".to_string(), "".into(), "3".into()], vec![], vec!["".into(), "2".into()]]);
        assert_eq!(back.cell(1, 2), "");
    }

    #[test]
    fn numbers_and_dates_typed_in_excel_become_plain_text() {
        let mut wb = Workbook::new();
        let date = Format::new().set_num_format("dd-mm-yyyy");
        let s = wb.add_worksheet();
        s.write_string(0, 0, "bedrag").unwrap();
        s.write_string(0, 1, "datum").unwrap();
        s.write_string(0, 2, "aantal").unwrap();
        s.write_number(1, 0, 1250.5).unwrap();
        s.write_number_with_format(1, 1, 46112.0, &date).unwrap();
        s.write_number(1, 2, 12.0).unwrap();
        let t = read_xlsx(&wb.save_to_buffer().unwrap()).unwrap();
        assert_eq!(t.rows, [["1250.5", "2026-03-31", "12"]]);
    }

    #[test]
    fn not_a_workbook_and_sheet_names() {
        assert_eq!(read_xlsx(b"naam;sector").unwrap_err().code(), "not-xlsx");
        assert_eq!(sheet_title("Partners: [netwerk]/2026"), "Partners netwerk2026");
        assert_eq!(sheet_title("'' "), "Sheet1");
        assert_eq!(sheet_title(&"x".repeat(40)).len(), 31);
    }

    #[test]
    fn overlong_cell_is_refused_with_its_place() {
        let t = Table { headers: vec!["a".into(), "b".into()], rows: vec![vec!["".into(), "x".repeat(MAX_CELL_CHARS + 1)]] };
        assert_eq!(write_xlsx(&t, "x").unwrap_err(), FormatError::CellTooLong { row: 2, column: 2 });
    }
}
