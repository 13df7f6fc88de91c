//! What the GEXF and GraphML readers and writers share: a pull reader over
//! `quick-xml` that reports positions as lines and columns, refuses deep
//! nesting before it costs anything, and turns text and attribute values into
//! plain strings; and escaping for the writers.
//!
//! Element and attribute names are compared by their local part (`viz:color`
//! is `color`): the formats' own elements are in the default namespace in
//! every file we have seen, and the elements of other namespaces that share a
//! local name with ours only occur where we do not look for ours.

use std::borrow::Cow;

use quick_xml::errors::{Error as QxError, IllFormedError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::network_file::{utf8_text, xml_char, GraphFormatError, LineIndex, Position, ReadLimits};

/// An element's start: local name, attributes by local name (namespace
/// declarations left out), and where it starts.
pub(crate) struct Start {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub at: Position,
}

impl Start {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

pub(crate) enum XmlEvent {
    Start(Start),
    /// The end of the element last started (its local name); empty elements
    /// get one too.
    End(String),
    Text(String),
    Eof,
}

pub(crate) struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    lines: LineIndex<'a>,
    /// Open elements: local name and start offset, innermost last.
    open: Vec<(String, usize)>,
    pending_end: bool,
    max_depth: usize,
    seen_root: bool,
}

impl<'a> XmlReader<'a> {
    pub(crate) fn new(bytes: &'a [u8], limits: &ReadLimits) -> Result<Self, GraphFormatError> {
        limits.check_size(bytes)?;
        let text = utf8_text(bytes)?;
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.trim_text(false);
        config.expand_empty_elements = false;
        Ok(XmlReader {
            reader,
            lines: LineIndex::new(text),
            open: Vec::new(),
            pending_end: false,
            max_depth: limits.max_depth,
            seen_root: false,
        })
    }

    /// How many elements are open, the one just started included.
    pub(crate) fn depth(&self) -> usize {
        self.open.len()
    }

    /// The local name of the element enclosing the current one (`back` = 1)
    /// or of one further out.
    pub(crate) fn ancestor(&self, back: usize) -> Option<&str> {
        self.open.len().checked_sub(back + 1).and_then(|i| self.open.get(i)).map(|(n, _)| n.as_str())
    }

    pub(crate) fn next(&mut self) -> Result<XmlEvent, GraphFormatError> {
        if self.pending_end {
            self.pending_end = false;
            let name = self.open.pop().map(|(n, _)| n).unwrap_or_default();
            return Ok(XmlEvent::End(name));
        }
        loop {
            let before = self.reader.buffer_position() as usize;
            let event = match self.reader.read_event() {
                Ok(e) => e,
                Err(e) => return Err(self.xml_error(e)),
            };
            match event {
                Event::Start(e) => return self.start(&e, before, false),
                Event::Empty(e) => return self.start(&e, before, true),
                Event::End(_) => {
                    let name = self.open.pop().map(|(n, _)| n).unwrap_or_default();
                    return Ok(XmlEvent::End(name));
                }
                Event::Text(t) => {
                    let text = t.xml_content(XmlVersion::Implicit1_0);
                    if self.open.is_empty() && !text.trim().is_empty() {
                        return Err(self.error_at(before, "text outside the root element".into()));
                    }
                    self.legal(&text, before)?;
                    return Ok(XmlEvent::Text(text.into_owned()));
                }
                Event::CData(t) => {
                    let text = t.xml_content(XmlVersion::Implicit1_0);
                    self.legal(&text, before)?;
                    return Ok(XmlEvent::Text(text.into_owned()));
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => {
                            let name = r.xml_content(XmlVersion::Implicit1_0);
                            match quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(s) => s.to_string(),
                                None => return Err(self.error_at(before, format!("unknown entity &{name};"))),
                            }
                        }
                        Err(e) => return Err(self.error_at(before, e.to_string())),
                    };
                    self.legal(&resolved, before)?;
                    return Ok(XmlEvent::Text(resolved));
                }
                Event::Eof => {
                    if let Some((name, offset)) = self.open.last() {
                        let detail = format!("the element <{name}> is not closed");
                        return Err(GraphFormatError::Xml { at: self.lines.position(*offset), detail });
                    }
                    if !self.seen_root {
                        return Err(GraphFormatError::Xml { at: self.lines.position(before), detail: "no root element".into() });
                    }
                    return Ok(XmlEvent::Eof);
                }
                // Declarations, comments, processing instructions and a
                // document type carry nothing for us. quick-xml never expands
                // entities a DOCTYPE declares, so they cannot blow up.
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, offset: usize, empty: bool) -> Result<XmlEvent, GraphFormatError> {
        // The line only: the column is worked out for errors alone (see `LineIndex::line_of`).
        let at = self.lines.line_of(offset);
        let name = e.name().local_name().into_inner().to_string();
        if self.open.is_empty() && self.seen_root {
            return Err(self.error_at(offset, format!("a second root element <{name}>")));
        }
        self.seen_root = true;
        if self.open.len() >= self.max_depth {
            return Err(GraphFormatError::TooDeep { at, limit: self.max_depth });
        }
        let mut attrs = Vec::new();
        for attr in e.attributes() {
            let attr = attr.map_err(|err| self.error_at(offset, err.to_string()))?;
            let key = attr.key;
            if key.into_inner() == "xmlns" || key.prefix().is_some_and(|p| p.into_inner() == "xmlns") {
                continue;
            }
            let value = attr.normalized_value(XmlVersion::Implicit1_0).map_err(|err| self.error_at(offset, err.to_string()))?;
            self.legal(&value, offset)?;
            attrs.push((key.local_name().into_inner().to_string(), value.into_owned()));
        }
        self.open.push((name.clone(), offset));
        self.pending_end = empty;
        Ok(XmlEvent::Start(Start { name, attrs, at }))
    }

    /// XML 1.0 does not allow most control characters, not even as a
    /// character reference (`&#1;`); quick-xml leaves that check to us.
    fn legal(&self, text: &str, offset: usize) -> Result<(), GraphFormatError> {
        match text.chars().find(|c| !xml_char(*c)) {
            None => Ok(()),
            Some(c) => Err(self.error_at(offset, format!("the character U+{:04X}, which XML does not allow", c as u32))),
        }
    }

    fn error_at(&self, offset: usize, detail: String) -> GraphFormatError {
        GraphFormatError::Xml { at: self.lines.position(offset), detail }
    }

    /// quick-xml's error, placed where a user should look: for an end tag
    /// that does not match, at the start tag that was left open.
    fn xml_error(&self, e: QxError) -> GraphFormatError {
        let offset = self.reader.error_position() as usize;
        match &e {
            QxError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
                let at = self.open.last().map_or(offset, |(_, o)| *o);
                let found_at = self.lines.position(offset);
                let detail = format!("the element <{expected}> is not closed; </{found}> on line {} closes another", found_at.line);
                GraphFormatError::Xml { at: self.lines.position(at), detail }
            }
            _ => self.error_at(offset, e.to_string()),
        }
    }

    /// Skips the rest of the element just started (its children and text).
    pub(crate) fn skip_element(&mut self) -> Result<(), GraphFormatError> {
        let depth = self.open.len();
        while self.open.len() >= depth {
            if let XmlEvent::Eof = self.next()? {
                break;
            }
        }
        Ok(())
    }

    /// The text inside the element just started, up to its end. Child elements
    /// are an error: where we read text, the formats allow none.
    pub(crate) fn text_content(&mut self) -> Result<String, GraphFormatError> {
        let mut out = String::new();
        loop {
            match self.next()? {
                XmlEvent::Text(t) => out.push_str(&t),
                XmlEvent::End(_) | XmlEvent::Eof => return Ok(out),
                XmlEvent::Start(s) => {
                    let detail = format!("an element <{}> where only text may be", s.name);
                    return Err(GraphFormatError::Invalid { at: s.at, detail });
                }
            }
        }
    }
}

/// Escapes an attribute value. Besides `& < > " '`, tabs and line breaks are
/// written as character references, because a parser turns them into spaces
/// otherwise (attribute value normalisation).
pub(crate) fn escape_attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Escapes element text. A carriage return is written as a reference, as a
/// parser would otherwise turn `\r\n` into `\n`.
pub(crate) fn escape_text(value: &str) -> Cow<'_, str> {
    if !value.chars().any(|c| matches!(c, '&' | '<' | '>' | '\r') || !xml_char(c)) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Result<Vec<String>, GraphFormatError> {
        let mut r = XmlReader::new(xml.as_bytes(), &ReadLimits::default())?;
        let mut out = Vec::new();
        loop {
            match r.next()? {
                XmlEvent::Start(s) => {
                    let attrs: Vec<String> = s.attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    out.push(format!("<{} {}>@{}", s.name, attrs.join(","), s.at.line));
                }
                XmlEvent::End(_) => out.push("</>".into()),
                XmlEvent::Text(t) if t.trim().is_empty() => {}
                XmlEvent::Text(t) => out.push(t),
                XmlEvent::Eof => return Ok(out),
            }
        }
    }

    #[test]
    fn events_with_lines_local_names_and_unescaped_values() {
        let xml =
            "<?xml version=\"1.0\"?>\n<g xmlns=\"x\" xmlns:v=\"y\">\n  <v:n a=\"1&amp;2&#10;3\"/>\n  <t>x &lt; y<![CDATA[ & z]]></t>\n</g>";
        let ev = events(xml).unwrap();
        assert_eq!(ev, ["<g >@2", "<n a=1&2\n3>@3", "</>", "<t >@4", "x ", "<", " y", " & z", "</>", "</>"]);
    }

    #[test]
    fn unclosed_element_is_reported_where_it_starts() {
        let e = events("<a>\n<b>\n<c>\n</b>\n</a>").unwrap_err();
        assert_eq!((e.code(), e.line()), ("malformed-xml", Some(3)), "{e}");
        let e = events("<a>\n <b>\n").unwrap_err();
        assert_eq!((e.code(), e.line(), e.column()), ("malformed-xml", Some(2), Some(2)), "{e}");
    }

    #[test]
    fn syntax_errors_unknown_entities_and_no_root() {
        assert_eq!(events("<a>\n<b x=\"1></b></a>").unwrap_err().line(), Some(2));
        assert_eq!(events("<a>&nbsp;</a>").unwrap_err().code(), "malformed-xml");
        assert_eq!(events("").unwrap_err().code(), "malformed-xml");
        assert_eq!(events("<a/><b/>").unwrap_err().code(), "malformed-xml");
        assert_eq!(events("<a x=\"1\" x=\"2\"/>").unwrap_err().code(), "malformed-xml");
    }

    #[test]
    fn characters_xml_does_not_allow_are_refused() {
        assert_eq!(events("<a>\n<b v=\"x&#1;\"/></a>").unwrap_err().line(), Some(2));
        assert_eq!(events("<a>x\u{b}y</a>").unwrap_err().code(), "malformed-xml");
        assert_eq!(events("<a>&#x1F600;&#65;</a>").unwrap(), ["<a >@1", "😀", "A", "</>"]);
    }

    #[test]
    fn entities_declared_in_a_doctype_are_not_expanded() {
        let bomb = "<!DOCTYPE a [<!ENTITY x \"xxxxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;&x;&x;&x;&x;&x;&x;\">]>\n<a>&y;</a>";
        assert_eq!(events(bomb).unwrap_err().code(), "malformed-xml");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "<a>".repeat(100_000);
        let e = events(&deep).unwrap_err();
        assert_eq!(e, GraphFormatError::TooDeep { at: Position::line(1), limit: 64 });
    }

    #[test]
    fn escaping_survives_a_parse() {
        let nasty = "a&b<c>\"d'\te\nf\r\ng\u{1}h";
        let xml = format!("<a v=\"{}\">{}</a>", escape_attr(nasty), escape_text(nasty));
        let mut r = XmlReader::new(xml.as_bytes(), &ReadLimits::default()).unwrap();
        let XmlEvent::Start(s) = r.next().unwrap() else { panic!() };
        let expected = nasty.replace('\u{1}', "\u{FFFD}");
        assert_eq!(s.attr("v"), Some(expected.as_str()));
        assert_eq!(r.text_content().unwrap(), expected);
    }
}
