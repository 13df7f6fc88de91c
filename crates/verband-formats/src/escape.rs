//! Protection against formula injection (CSV injection): a cell such as
//! `=HYPERLINK(...)` or `@SUM(...)` typed into Verband by one user must not
//! run as a formula when another user opens the export in a spreadsheet.

/// Characters that make a spreadsheet read a cell as a formula (OWASP's list).
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text`, after any leading apostrophes, would be read as a formula.
/// Plain numbers such as `-12` or `+3,5` are left alone: a spreadsheet reads
/// them as numbers, never as formulas, and an apostrophe would only clutter them.
fn dangerous(text: &str) -> bool {
    let rest = text.trim_start_matches('\'');
    rest.starts_with(TRIGGERS) && !is_plain_number(rest)
}

fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let mut seen_digit = false;
    let mut seen_separator = false;
    for c in digits.chars() {
        match c {
            '0'..='9' => seen_digit = true,
            '.' | ',' if seen_digit && !seen_separator => seen_separator = true,
            _ => return false,
        }
    }
    seen_digit && !digits.ends_with(['.', ','])
}

/// Prefixes `'` to a cell a spreadsheet would run as a formula.
///
/// Cells that already start with apostrophes followed by a trigger also get
/// one more, so that [`unescape_cell`] is its exact inverse for every text:
/// `'=x` is written as `''=x` and read back as `'=x`.
pub fn escape_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if dangerous(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Removes the apostrophe [`escape_cell`] added; anything else is kept as it is.
pub fn unescape_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if dangerous(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_an_apostrophe() {
        assert_eq!(escape_cell("=SUM(A1:A3)"), "'=SUM(A1:A3)");
        assert_eq!(escape_cell("@cmd"), "'@cmd");
        assert_eq!(escape_cell("+31 6 1234 5678"), "'+31 6 1234 5678");
        assert_eq!(escape_cell("-bijdrage"), "'-bijdrage");
        assert_eq!(escape_cell("\t=1+1"), "'\t=1+1");
        assert_eq!(escape_cell("\rx"), "'\rx");
    }

    #[test]
    fn ordinary_text_and_plain_numbers_stay_as_they_are() {
        for text in ["GGD Rivierenland", "", "-12", "+3,5", "1.250,50", "a=b", "'quote", "e-mail"] {
            assert_eq!(escape_cell(text), text, "{text:?}");
        }
        assert_eq!(escape_cell("-"), "'-");
        assert_eq!(escape_cell("-1,"), "'-1,");
    }

    #[test]
    fn unescape_is_the_exact_inverse() {
        let samples = ["=1", "'=1", "''=1", "'", "''", "'x", "-", "-5", "'-5", "+31 6", "@", "a", "", "\t", "'\t", "=", "''''@x", "'''"];
        for text in samples {
            let escaped = escape_cell(text);
            assert_eq!(unescape_cell(&escaped), text, "{text:?} escaped as {escaped:?}");
        }
    }

    #[test]
    fn unescape_leaves_apostrophes_a_user_typed_before_ordinary_text() {
        assert_eq!(unescape_cell("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(unescape_cell("'=1"), "=1");
    }
}
