//! Form fields with labels, hints and error messages tied to the input, and
//! the error summary at the top of a form (WCAG 3.3.1, 3.3.3).

use maud::{html, Markup};
use verband_domain::ValidationErrors;

use crate::visitor::Visitor;

pub struct Fields<'a> {
    pub v: &'a Visitor,
    pub errors: &'a ValidationErrors,
}

#[derive(Default, Clone, Copy)]
pub struct Opts<'a> {
    pub required: bool,
    pub hint: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub autocomplete: Option<&'a str>,
    pub inputmode: Option<&'a str>,
}

impl Opts<'_> {
    pub fn required() -> Self {
        Opts { required: true, ..Default::default() }
    }
}

pub fn field_id(name: &str) -> String {
    format!("f-{name}")
}

impl<'a> Fields<'a> {
    pub fn new(v: &'a Visitor, errors: &'a ValidationErrors) -> Self {
        Fields { v, errors }
    }

    fn message(&self, name: &str) -> Option<String> {
        self.errors.for_field(name).map(|e| self.v.t(&format!("error-{}", e.code)))
    }

    fn label(&self, name: &str, label_key: &str, required: bool) -> Markup {
        html! {
            label for=(field_id(name)) {
                (self.v.t(label_key))
                @if !required { " " span class="optional" { (self.v.t("field-optional")) } }
            }
        }
    }

    fn described_by(&self, name: &str, hint: bool) -> Option<String> {
        let mut ids = Vec::new();
        if self.errors.for_field(name).is_some() {
            ids.push(format!("{}-error", field_id(name)));
        }
        if hint {
            ids.push(format!("{}-hint", field_id(name)));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn hint_and_error(&self, name: &str, hint: Option<&str>) -> Markup {
        html! {
            @if let Some(h) = hint { p class="hint" id={ (field_id(name)) "-hint" } { (self.v.t(h)) } }
            @if let Some(m) = self.message(name) {
                p class="field-error" id={ (field_id(name)) "-error" } { span class="visually-hidden" { (self.v.t("error-prefix")) " " } (m) }
            }
        }
    }

    pub fn text(&self, name: &str, label_key: &str, value: &str, o: Opts) -> Markup {
        let invalid = self.errors.for_field(name).is_some();
        html! {
            div class={ "field" @if invalid { " has-error" } } {
                (self.label(name, label_key, o.required))
                (self.hint_and_error(name, o.hint))
                input id=(field_id(name)) name=(name) type=(o.kind.unwrap_or("text")) value=(value)
                    required[o.required] autocomplete=[o.autocomplete] inputmode=[o.inputmode]
                    aria-invalid=[invalid.then_some("true")] aria-describedby=[self.described_by(name, o.hint.is_some())];
            }
        }
    }

    pub fn textarea(&self, name: &str, label_key: &str, value: &str, o: Opts) -> Markup {
        let invalid = self.errors.for_field(name).is_some();
        html! {
            div class={ "field" @if invalid { " has-error" } } {
                (self.label(name, label_key, o.required))
                (self.hint_and_error(name, o.hint))
                textarea id=(field_id(name)) name=(name) rows="5" required[o.required]
                    aria-invalid=[invalid.then_some("true")] aria-describedby=[self.described_by(name, o.hint.is_some())] { (value) }
            }
        }
    }

    /// A choice list; `options` are (value, label). An empty first option
    /// is added when the field is not required or has no value yet.
    pub fn select(&self, name: &str, label_key: &str, value: &str, options: &[(String, String)], o: Opts) -> Markup {
        let invalid = self.errors.for_field(name).is_some();
        html! {
            div class={ "field" @if invalid { " has-error" } } {
                (self.label(name, label_key, o.required))
                (self.hint_and_error(name, o.hint))
                select id=(field_id(name)) name=(name) required[o.required]
                    aria-invalid=[invalid.then_some("true")] aria-describedby=[self.described_by(name, o.hint.is_some())] {
                    @if !o.required || value.is_empty() { option value="" { (self.v.t("choose")) } }
                    @for (val, label) in options {
                        option value=(val) selected[val == value] { (label) }
                    }
                }
            }
        }
    }

    /// Several choices as checkboxes in a fieldset.
    pub fn checkboxes(&self, name: &str, legend_key: &str, values: &[String], options: &[(String, String)]) -> Markup {
        let invalid = self.errors.for_field(name).is_some();
        html! {
            fieldset id=(field_id(name)) class={ "field checkboxes" @if invalid { " has-error" } } {
                legend { (self.v.t(legend_key)) " " span class="optional" { (self.v.t("field-optional")) } }
                (self.hint_and_error(name, None))
                @if options.is_empty() { p class="hint" { (self.v.t("no-choices")) } }
                @for (i, (val, label)) in options.iter().enumerate() {
                    div class="checkbox" {
                        input type="checkbox" id={ (field_id(name)) "-" (i) } name=(name) value=(val) checked[values.contains(val)];
                        label for={ (field_id(name)) "-" (i) } { (label) }
                    }
                }
            }
        }
    }

    /// One choice of a few, as radio buttons in a fieldset; the first input
    /// carries the field's id, so the error summary's link lands on it.
    pub fn radios(&self, name: &str, legend_key: &str, value: &str, options: &[(String, String)], o: Opts) -> Markup {
        let invalid = self.errors.for_field(name).is_some();
        html! {
            fieldset class={ "field radios" @if invalid { " has-error" } } aria-describedby=[self.described_by(name, o.hint.is_some())] {
                legend { (self.v.t(legend_key)) @if !o.required { " " span class="optional" { (self.v.t("field-optional")) } } }
                (self.hint_and_error(name, o.hint))
                @for (i, (val, label)) in options.iter().enumerate() {
                    @let id = if i == 0 { field_id(name) } else { format!("{}-{i}", field_id(name)) };
                    div class="radio" {
                        input type="radio" id=(id) name=(name) value=(val) checked[val == value];
                        label for=(id) { (label) }
                    }
                }
            }
        }
    }

    /// The list of problems, each linking to its field. `labels` maps field
    /// names to label keys.
    pub fn summary(&self, labels: &[(&str, &str)]) -> Markup {
        if self.errors.is_empty() {
            return html! {};
        }
        html! {
            div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 id="error-summary-title" { (self.v.t("error-summary-title")) }
                ul {
                    @for e in &self.errors.0 {
                        @let label = labels.iter().find(|(n, _)| *n == e.field).map(|(_, k)| self.v.t(k)).unwrap_or_else(|| e.field.clone());
                        li { a href={ "#" (field_id(&e.field)) } { (label) ": " (self.v.t(&format!("error-{}", e.code))) } }
                    }
                }
            }
        }
    }
}

/// Options for a closed list of codes, labelled from the catalogue.
pub fn code_options<T: Copy>(v: &Visitor, all: &[T], code: fn(T) -> &'static str, label_key: fn(T) -> String) -> Vec<(String, String)> {
    all.iter().map(|c| (code(*c).to_string(), v.t(&label_key(*c)))).collect()
}

/// Keeps a redirect target on this site.
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next
    } else {
        "/"
    }
}
