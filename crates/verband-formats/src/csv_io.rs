//! CSV after RFC 4180. Hand-written rather than through the `csv` crate
//! because row numbers must match what a spreadsheet shows: a blank line is a
//! row there (the `csv` crate skips it), and a quoted cell with line breaks is
//! one row, not several lines.

use crate::escape::{escape_cell, unescape_cell};
use crate::{finish_table, FormatError, Table};

const BOM: &str = "\u{feff}";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `,` without byte order mark: RFC 4180 for other programs.
    Comma,
    /// `;` with a UTF-8 byte order mark: what Dutch Excel opens correctly.
    Semicolon,
}

impl Delimiter {
    fn char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
        }
    }
}

/// Writes `table` as CSV, escaping cells that could run as formulas.
///
/// Header cells are also quoted when they hold any delimiter [`read_csv`]
/// recognises (`,` `;` tab), not only the one written: the reader picks the
/// delimiter the header row uses most outside quotes, so a header such as
/// `a;b;c` would otherwise make it split a comma file at the semicolons.
pub fn write_csv(table: &Table, delimiter: Delimiter) -> Vec<u8> {
    let d = delimiter.char();
    let mut out = String::new();
    if delimiter == Delimiter::Semicolon {
        out.push_str(BOM);
    }
    for (r, row) in std::iter::once(&table.headers).chain(&table.rows).enumerate() {
        let header = r == 0;
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(d);
            }
            let cell = escape_cell(cell);
            // A lone empty cell is quoted so that the row is not a blank line.
            let lone_empty = row.len() == 1 && cell.is_empty();
            let other_delimiter = header && cell.contains([',', ';', '\t']);
            if lone_empty || other_delimiter || cell.contains([d, '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Reads CSV with `,`, `;` or tab as delimiter (whichever the header row
/// uses most; an Excel `sep=` line is honoured), UTF-8 with or without BOM,
/// or Windows-1252.
pub fn read_csv(bytes: &[u8]) -> Result<Table, FormatError> {
    let text = decode(bytes);
    let text = text.strip_prefix(BOM).unwrap_or(&text);
    let (delimiter, text) = match sep_line(text) {
        Some((d, rest)) => (d, rest),
        None => (detect_delimiter(text), text),
    };
    let mut records = parse(text, delimiter)?;
    if records.is_empty() {
        return Err(FormatError::Empty);
    }
    let headers: Vec<String> = records.remove(0).into_iter().map(|h| h.trim().to_string()).collect();
    for row in &mut records {
        for cell in row.iter_mut() {
            let plain = unescape_cell(cell);
            if plain.len() != cell.len() {
                *cell = plain.to_string();
            }
        }
    }
    finish_table(headers, records)
}

fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|b| windows_1252(*b)).collect(),
    }
}

/// Windows-1252 differs from Latin-1 only in 0x80–0x9F.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•',
        '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

fn sep_line(text: &str) -> Option<(char, &str)> {
    let rest = text.strip_prefix("sep=")?;
    let mut chars = rest.chars();
    let d = chars.next()?;
    let after = chars.as_str();
    let after = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n')).or_else(|| after.strip_prefix('\r'))?;
    matches!(d, ',' | ';' | '\t').then_some((d, after))
}

fn detect_delimiter(text: &str) -> char {
    let (mut comma, mut semicolon, mut tab) = (0, 0, 0);
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\r' | '\n' if !quoted => break,
            ',' if !quoted => comma += 1,
            ';' if !quoted => semicolon += 1,
            '\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if semicolon > comma && semicolon >= tab {
        ';'
    } else if tab > comma && tab > semicolon {
        '\t'
    } else {
        ','
    }
}

/// Splits into records. Lenient the way spreadsheets are: a quote inside an
/// unquoted cell is kept as text, and text after a closing quote is appended.
/// Only a quoted cell left open at the end of the file is an error.
fn parse(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, FormatError> {
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut in_quotes = false;
    let mut cell_started_quoted_at: Option<usize> = None;
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    // Whether the current record has anything at all, even an empty quoted cell.
    let mut record_has_chars = false;
    while let Some(c) = chars.next() {
        if !matches!(c, '\r' | '\n') || in_quotes {
            record_has_chars = true;
        }
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                in_quotes = true;
                cell_started_quoted_at = Some(records.len() + 1);
                at_cell_start = false;
            }
            c if c == delimiter => {
                record.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut cell));
                // A blank line is an empty row, as a spreadsheet shows it.
                if !record_has_chars {
                    record.clear();
                }
                records.push(std::mem::take(&mut record));
                at_cell_start = true;
                record_has_chars = false;
            }
            c => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if in_quotes {
        return Err(FormatError::Csv { row: cell_started_quoted_at.unwrap_or(records.len() + 1), detail: "unclosed quote".into() });
    }
    if !at_cell_start || !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            headers: vec!["naam".into(), "omschrijving".into(), "bedrag".into()],
            rows: vec![
                vec!["Coöperatie Huisartsen \"De Linge\"".into(), "regel 1\nregel 2; met puntkomma, en komma".into(), "1.250,50".into()],
                vec!["Stichting Één Zorg".into(), "".into(), "-12".into()],
                vec!["=HYPERLINK(\"http://x\")".into(), "@SUM(A1)".into(), "+31 6 12345678".into()],
                vec!["'s-Hertogenbosch".into(), "  spaties  ".into(), "€ 5 — “quotes”".into()],
            ],
        }
    }

    #[test]
    fn round_trip_both_delimiters() {
        for d in [Delimiter::Comma, Delimiter::Semicolon] {
            let bytes = write_csv(&table(), d);
            assert_eq!(read_csv(&bytes).unwrap(), table(), "{d:?}");
        }
    }

    #[test]
    fn semicolon_variant_has_bom_and_comma_variant_not() {
        let semi = write_csv(&table(), Delimiter::Semicolon);
        assert!(semi.starts_with(&[0xef, 0xbb, 0xbf]));
        assert!(semi[3..].starts_with(b"naam;omschrijving;bedrag\r\n"));
        let comma = write_csv(&table(), Delimiter::Comma);
        assert!(comma.starts_with(b"naam,omschrijving,bedrag\r\n"));
    }

    #[test]
    fn quotes_and_injection_are_written_as_rfc_4180_with_apostrophe() {
        let text = String::from_utf8(write_csv(&table(), Delimiter::Comma)).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[1], "\"Coöperatie Huisartsen \"\"De Linge\"\"\",\"regel 1\nregel 2; met puntkomma, en komma\",\"1.250,50\"");
        assert!(text.contains("'=HYPERLINK(\"\"http://x\"\")"), "{text}");
        assert!(text.contains(",'@SUM(A1),'+31 6 12345678\r\n"), "{text}");
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn reads_lf_files_without_bom_and_keeps_blank_rows() {
        let t = read_csv(b"naam;sector\nGGD;public_health\n\nGemeente;municipality\n\n").unwrap();
        assert_eq!(t.headers, ["naam", "sector"]);
        assert_eq!(t.rows.len(), 3, "{t:?}");
        assert!(t.rows[1].is_empty());
        assert_eq!(t.cell(2, 0), "Gemeente");
        assert_eq!(t.cell(1, 1), "");
    }

    #[test]
    fn detects_delimiter_from_header_and_sep_line() {
        assert_eq!(read_csv(b"a,b;c\n1,2;3").unwrap().headers, ["a", "b;c"]);
        assert_eq!(read_csv(b"a;b;c,d\n1;2;3").unwrap().headers, ["a", "b", "c,d"]);
        assert_eq!(read_csv(b"a\tb\n1\t2").unwrap().rows, [["1", "2"]]);
        assert_eq!(read_csv(b"sep=;\r\na;b\r\n1,5;2\r\n").unwrap().rows, [["1,5", "2"]]);
        assert_eq!(read_csv(b"\"a,b\";c\n1;2").unwrap().headers, ["a,b", "c"]);
    }

    #[test]
    fn headers_holding_another_delimiter_do_not_change_the_delimiter() {
        // The reader takes the delimiter the header row uses most, so a header
        // with more of another one than there are columns misled it (found by
        // fuzzing the Gephi CSV round trip).
        let t = Table {
            headers: vec!["a".into(), "b;c;d;e".into(), "f\tg\th\ti\tj".into(), "k,l,m,n".into()],
            rows: vec![vec!["1;2".into(), "3,4".into(), "5\t6".into(), "7".into()]],
        };
        for d in [Delimiter::Comma, Delimiter::Semicolon] {
            let bytes = write_csv(&t, d);
            assert_eq!(read_csv(&bytes).unwrap(), t, "{d:?}: {}", String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn windows_1252_files_are_understood() {
        // "Coöperatie;€ 5" as Dutch Excel 2010 saved it.
        let bytes = b"naam;bedrag\r\nCo\xf6peratie;\x80 5\r\n";
        assert_eq!(read_csv(bytes).unwrap().rows, [["Coöperatie", "€ 5"]]);
    }

    #[test]
    fn unclosed_quote_names_the_row() {
        let e = read_csv(b"a;b\n1;2\n3;\"open\nstill open").unwrap_err();
        assert_eq!(e.code(), "csv");
        assert_eq!(e.row(), Some(3));
    }

    #[test]
    fn empty_file_and_too_many_cells() {
        assert_eq!(read_csv(b"").unwrap_err(), FormatError::Empty);
        assert_eq!(read_csv(b"\xef\xbb\xbf\r\n").unwrap_err(), FormatError::Empty);
        let e = read_csv(b"a;b\n1;2\n1;2;3\n").unwrap_err();
        assert_eq!(e, FormatError::CellOutsideHeader { row: 3, column: 3 });
    }

    #[test]
    fn lenient_about_stray_quotes() {
        let t = read_csv(b"a,b\n5\" scherm,\"x\"y\n").unwrap();
        assert_eq!(t.rows, [["5\" scherm", "xy"]]);
    }

    #[test]
    fn single_empty_column_rows_survive() {
        let t = Table { headers: vec!["opmerking".into()], rows: vec![vec!["".into()], vec!["x".into()]] };
        assert_eq!(read_csv(&write_csv(&t, Delimiter::Comma)).unwrap(), t);
    }
}
