//! Markdown source to the plain text that is indexed and cut into snippets.

use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// The readable text of a Markdown body: words of text, code, link and image
/// labels; no markup, no link targets, no raw HTML. Blocks end in a newline,
/// so words of two paragraphs never run together.
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak | Event::Rule => out.push('\n'),
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock | TagEnd::TableRow | TagEnd::TableHead => {
                    out.push('\n')
                }
                TagEnd::TableCell => out.push(' '),
                _ => {}
            },
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_link_targets_are_dropped() {
        let md = "# Kop\n\nEen **vette** tekst met [een link](https://example.org/x) en `code`.\n\n- punt één\n- punt twee\n\n<script>alert(1)</script>\n";
        assert_eq!(to_plain_text(md), "Kop\nEen vette tekst met een link en code.\npunt één\npunt twee");
    }

    #[test]
    fn table_cells_and_paragraphs_stay_apart() {
        let md = "| a | b |\n|---|---|\n| cel1 | cel2 |\n\nalinea een\nregel twee";
        assert_eq!(to_plain_text(md), "a b \ncel1 cel2 \nalinea een regel twee");
    }
}
