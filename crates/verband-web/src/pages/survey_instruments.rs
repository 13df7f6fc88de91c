//! The instrument editor: a network's own instrument as one form of repeated
//! fieldsets (pages, questions, themes). Adding, removing and moving are
//! buttons of that form that post it back and draw it again with the change,
//! so everything works without JavaScript and nothing typed is lost; only
//! "save" stores, as a new version once a round has used the current one.
//! Built-in instruments are shown read-only, with a button to copy them.

use axum::extract::{Path, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use axum_extra::extract::Query;
use fluent_templates::fluent_bundle::FluentValue;
use maud::{html, Markup};
use serde::Deserialize;
use verband_domain::survey::{Instrument, InstrumentKind, Page, Question, QuestionKind, Text};
use verband_domain::{Language, ValidationErrors};
use verband_service::survey_instruments::EditableInstrument;
use verband_service::surveys::{InstrumentEntry, InstrumentRef};
use verband_service::ServiceError;

use crate::error::WebError;
use crate::i18n::translate;
use crate::layout::{flash, page, PageMeta};
use crate::pages::nav;
use crate::pages::survey_editor_form::{
    catalogue_scale, factor_field, page_field, page_group, question_field, Action, Draft, QuestionDraft, TextDraft, KINDS,
};
use crate::pages::surveys::base;
use crate::visitor::Visitor;
use crate::AppState;

fn instruments(network_id: i64) -> String {
    format!("{}/instrumenten", base(network_id))
}

/// Field ids without the dots of field names, so `#id` links work.
fn id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

fn n(i: usize) -> FluentValue<'static> {
    FluentValue::from(i + 1)
}

/// The words of a field name, for the error summary: "Pagina 2, vraag 3: Sleutel".
fn field_label(v: &Visitor, field: &str) -> String {
    let lang = |l: &str, what: String| match l {
        "en" => v.ta("editor-in-english", &[("field", FluentValue::from(what))]),
        _ => v.ta("editor-in-dutch", &[("field", FluentValue::from(what))]),
    };
    let index = |raw: &str| raw.parse::<usize>().unwrap_or(0);
    let parts: Vec<&str> = field.split('.').collect();
    match parts.as_slice() {
        ["name", l] => lang(l, v.t("editor-name")),
        ["intro", l] => lang(l, v.t("editor-intro")),
        ["bands", b] => v.t(&format!("editor-band-{b}")),
        ["factor", i, "key"] => format!("{}: {}", v.ta("editor-factor-legend", &[("number", n(index(i)))]), v.t("editor-key")),
        ["factor", i, "name", l] => {
            format!("{}: {}", v.ta("editor-factor-legend", &[("number", n(index(i)))]), lang(l, v.t("editor-factor-name")))
        }
        ["pages"] => v.t("editor-pages"),
        ["page", p] => v.ta("editor-page-legend", &[("number", n(index(p)))]),
        ["page", p, "title", l] => {
            format!("{}: {}", v.ta("editor-page-legend", &[("number", n(index(p)))]), lang(l, v.t("editor-page-title")))
        }
        ["page", p, "q", q, rest @ ..] => {
            let what = match rest {
                ["text", l] => lang(l, v.t("editor-question-text")),
                [f] => v.t(&format!("editor-question-{f}")),
                _ => String::new(),
            };
            format!("{}: {what}", v.ta("editor-question-where", &[("number", n(index(q))), ("page", n(index(p)))]))
        }
        _ => v.t("editor-instrument"),
    }
}

/// How a field is shown: its hint (a catalogue key), whether it must be
/// filled in, and the language of its text.
#[derive(Default, Clone, Copy)]
struct Opt<'a> {
    hint: Option<&'a str>,
    required: bool,
    lang: Option<&'a str>,
}

/// A field that must be filled in, with this hint.
fn needed(hint: &str) -> Opt<'_> {
    Opt { hint: Some(hint), required: true, lang: None }
}

/// A field that may stay empty, with this hint.
fn optional(hint: Option<&str>) -> Opt<'_> {
    Opt { hint, ..Opt::default() }
}

/// Form pieces with their label, hint and error tied to the field (WCAG 1.3.1, 3.3.1).
struct Form<'a> {
    v: &'a Visitor,
    errors: &'a ValidationErrors,
}

impl Form<'_> {
    fn invalid(&self, name: &str) -> bool {
        self.errors.for_field(name).is_some()
    }

    fn described_by(&self, name: &str, hint: bool) -> Option<String> {
        let mut ids = Vec::new();
        if self.invalid(name) {
            ids.push(format!("{}-error", id(name)));
        }
        if hint {
            ids.push(format!("{}-hint", id(name)));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn error(&self, name: &str) -> Markup {
        html! {
            @if let Some(e) = self.errors.for_field(name) {
                p class="field-error" id={ (id(name)) "-error" } {
                    span class="visually-hidden" { (self.v.t("error-prefix")) " " } (self.v.t(&format!("error-{}", e.code)))
                }
            }
        }
    }

    fn label(&self, name: &str, label: &str, required: bool) -> Markup {
        html! {
            label for=(id(name)) {
                (label)
                @if !required { " " span class="optional" { (self.v.t("field-optional")) } }
            }
        }
    }

    fn hint(&self, name: &str, hint: Option<&str>) -> Markup {
        html! { @if let Some(h) = hint { p class="hint" id={ (id(name)) "-hint" } { (self.v.t(h)) } } }
    }

    fn text(&self, name: &str, label: &str, value: &str, o: Opt) -> Markup {
        let invalid = self.invalid(name);
        html! {
            div class={ "field" @if invalid { " has-error" } } {
                (self.label(name, label, o.required))
                (self.hint(name, o.hint))
                (self.error(name))
                input type="text" id=(id(name)) name=(name) value=(value) lang=[o.lang] required[o.required]
                    aria-invalid=[invalid.then_some("true")] aria-describedby=[self.described_by(name, o.hint.is_some())];
            }
        }
    }

    fn textarea(&self, name: &str, label: &str, value: &str, rows: usize, o: Opt) -> Markup {
        let invalid = self.invalid(name);
        html! {
            div class={ "field" @if invalid { " has-error" } } {
                (self.label(name, label, o.required))
                (self.hint(name, o.hint))
                (self.error(name))
                textarea id=(id(name)) name=(name) rows=(rows) lang=[o.lang] required[o.required]
                    aria-invalid=[invalid.then_some("true")] aria-describedby=[self.described_by(name, o.hint.is_some())] { (value) }
            }
        }
    }

    /// A choice list; `empty` is the label of a first, empty option.
    fn select(&self, name: &str, label: &str, value: &str, options: &[(String, String)], empty: Option<String>, o: Opt) -> Markup {
        let invalid = self.invalid(name);
        html! {
            div class={ "field" @if invalid { " has-error" } } {
                (self.label(name, label, o.required))
                (self.hint(name, o.hint))
                (self.error(name))
                select id=(id(name)) name=(name) required[o.required]
                    aria-invalid=[invalid.then_some("true")] aria-describedby=[self.described_by(name, o.hint.is_some())] {
                    @if let Some(e) = empty { option value="" { (e) } }
                    @for (val, text) in options { option value=(val) selected[val == value] { (text) } }
                }
            }
        }
    }

    /// The Dutch and English version of one text.
    fn both(&self, prefix: &str, label_key: &str, value: &TextDraft, required: bool, rows: Option<usize>) -> Markup {
        let label = self.v.t(label_key);
        let nl = self.v.ta("editor-in-dutch", &[("field", FluentValue::from(label.clone()))]);
        let en = self.v.ta("editor-in-english", &[("field", FluentValue::from(label))]);
        let (nl_name, en_name) = (format!("{prefix}.nl"), format!("{prefix}.en"));
        match rows {
            Some(r) => html! {
                (self.textarea(&nl_name, &nl, &value.nl, r, Opt { required, lang: Some("nl"), ..Opt::default() }))
                (self.textarea(&en_name, &en, &value.en, r, Opt { hint: Some("editor-english-hint"), lang: Some("en"), ..Opt::default() }))
            },
            None => html! {
                (self.text(&nl_name, &nl, &value.nl, Opt { required, lang: Some("nl"), ..Opt::default() }))
                (self.text(&en_name, &en, &value.en, Opt { hint: Some("editor-english-hint"), lang: Some("en"), ..Opt::default() }))
            },
        }
    }

    /// A button of the form; `anchor` is where the page opens again.
    fn button(&self, here: &str, action: Action, anchor: &str, label_key: &str, context: Option<&str>, class: &str) -> Markup {
        html! {
            button type="submit" name="action" value=(action.code()) formaction={ (here) "#" (anchor) } class=(class) {
                (self.v.t(label_key))
                @if let Some(c) = context { span class="visually-hidden" { ": " (c) } }
            }
        }
    }
}

fn kind_options(v: &Visitor) -> Vec<(String, String)> {
    KINDS.iter().map(|k| (k.to_string(), v.t(&format!("editor-kind-{k}")))).collect()
}

/// The options of a list, with the current value kept even when it is not
/// (or no longer) among them, so a round trip never changes a choice.
fn keep_value(mut options: Vec<(String, String)>, value: &str) -> Vec<(String, String)> {
    if !value.is_empty() && !options.iter().any(|(k, _)| k == value) {
        options.push((value.to_string(), value.to_string()));
    }
    options
}

fn question_details(f: &Form, d: &Draft, p: usize, q: usize, x: &QuestionDraft) -> Markup {
    let v = f.v;
    let name = |s: &str| question_field(p, q, s);
    html! {
        @match x.kind.as_str() {
            "scale" => (f.textarea(&name("labels"), &v.t("editor-question-labels"), &x.labels, 5, needed("editor-labels-hint"))),
            "single" | "multiple" => (f.textarea(&name("options"), &v.t("editor-question-options"), &x.options, 5, needed("editor-options-hint"))),
            "number" => {
                (f.text(&name("min"), &v.t("editor-question-min"), &x.min, optional(None)))
                (f.text(&name("max"), &v.t("editor-question-max"), &x.max, optional(None)))
            },
            "partner_ratings" => {
                @let sources: Vec<(String, String)> = d.partners_questions().into_iter().map(|k| (k.clone(), k)).collect();
                (f.select(&name("source"), &v.t("editor-question-source"), &x.source, &keep_value(sources, &x.source), Some(v.t("choose")), needed("editor-source-hint")))
                (f.textarea(&name("frequency"), &v.t("editor-question-frequency"), &x.frequency, 5, needed("editor-frequency-hint")))
                (f.textarea(&name("work"), &v.t("editor-question-work"), &x.work, 5, needed("editor-work-hint")))
                (f.textarea(&name("items"), &v.t("editor-question-items"), &x.items, 6, needed("editor-items-hint")))
                (f.textarea(&name("labels"), &v.t("editor-question-labels"), &x.labels, 4, needed("editor-labels-hint")))
            },
            "open_text" | "partners" => p class="hint" { (v.t(&format!("editor-kind-{}-hint", x.kind))) },
            _ => {},
        }
    }
}

fn question_fieldset(f: &Form, here: &str, d: &Draft, p: usize, q: usize, x: &QuestionDraft) -> Markup {
    let v = f.v;
    let name = |s: &str| question_field(p, q, s);
    let context = v.ta("editor-question-context", &[("number", n(q)), ("page", n(p))]);
    let factors: Vec<(String, String)> = d
        .factors
        .iter()
        .filter(|x| !x.key.trim().is_empty())
        .map(|x| (x.key.trim().to_string(), format!("{} ({})", x.name.nl, x.key.trim())))
        .collect();
    let count = d.pages[p].questions.len();
    let required_id = id(&name("required"));
    // Where a moved question lands, so the page opens there again.
    let up = if q > 0 {
        Some(format!("question-{p}-{}", q - 1))
    } else {
        (p > 0).then(|| format!("question-{}-{}", p - 1, d.pages[p - 1].questions.len()))
    };
    let down = if q + 1 < count {
        Some(format!("question-{p}-{}", q + 1))
    } else {
        (p + 1 < d.pages.len()).then(|| format!("question-{}-0", p + 1))
    };
    html! {
        fieldset class="panel stack question" id={ "question-" (p) "-" (q) } {
            legend { (v.ta("editor-question-legend", &[("number", n(q))])) }
            (f.text(&name("key"), &v.t("editor-question-key"), &x.key, needed("editor-key-hint")))
            (f.both(&name("text"), "editor-question-text", &x.text, true, None))
            div class="form-actions" {
                (f.select(&name("kind"), &v.t("editor-question-kind"), &x.kind, &keep_value(kind_options(v), &x.kind), None, needed("editor-kind-hint")))
                (f.button(here, Action::Refresh, &format!("question-{p}-{q}"), "editor-apply-kind", Some(&context), "button secondary"))
            }
            (f.select(&name("factor"), &v.t("editor-question-factor"), &x.factor, &keep_value(factors, &x.factor), Some(v.t("editor-no-factor")), optional(Some("editor-factor-hint"))))
            div class="checkbox" {
                input type="checkbox" id=(required_id) name=(name("required")) value="1" checked[x.required];
                label for=(required_id) { (v.t("editor-question-required")) }
            }
            (question_details(f, d, p, q, x))
            div class="form-actions" {
                @if let Some(a) = up { (f.button(here, Action::Up(p, q), &a, "editor-up", Some(&context), "link-like")) }
                @if let Some(a) = down { (f.button(here, Action::Down(p, q), &a, "editor-down", Some(&context), "link-like")) }
                (f.button(here, Action::RemoveQuestion(p, q), &id(&page_group(p)), "editor-remove-question", Some(&context), "link-like"))
            }
        }
    }
}

fn page_fieldset(f: &Form, here: &str, d: &Draft, p: usize) -> Markup {
    let v = f.v;
    let page = &d.pages[p];
    let group = page_group(p);
    let context = v.ta("editor-page-legend", &[("number", n(p))]);
    let new_kind = page_field(p, "new");
    html! {
        fieldset class="panel stack editor-page" id=(id(&group)) aria-describedby=[f.invalid(&group).then(|| format!("{}-error", id(&group)))] {
            legend { (context) }
            (f.error(&group))
            (f.both(&page_field(p, "title"), "editor-page-title", &page.title, true, None))
            @for (q, x) in page.questions.iter().enumerate() { (question_fieldset(f, here, d, p, q, x)) }
            div class="form-actions" {
                (f.select(&new_kind, &v.t("editor-new-kind"), if page.new_kind.is_empty() { "scale" } else { &page.new_kind }, &kind_options(v), None, Opt { required: true, ..Opt::default() }))
                (f.button(here, Action::AddQuestion(p), &format!("question-{p}-{}", page.questions.len()), "editor-add-question", Some(&context), "button"))
            }
            div class="form-actions" {
                (f.button(here, Action::RemovePage(p), "f-pages", "editor-remove-page", Some(&context), "link-like"))
            }
        }
    }
}

fn editor_form(v: &Visitor, here: &str, back: &str, d: &Draft, errors: &ValidationErrors) -> Markup {
    let f = Form { v, errors };
    html! {
        form method="post" action=(here) class="stack" id="instrument-form" novalidate {
            input type="hidden" name="csrf" value=(v.csrf);
            // The first button answers the Enter key: saving, never removing something.
            div class="form-actions" { (f.button(here, Action::Save, "error-summary", "save", None, "button primary")) }
            @if f.invalid("instrument") { div id=(id("instrument")) { (f.error("instrument")) } }
            fieldset class="panel stack" id="general" {
                legend { (v.t("editor-general")) }
                (f.both("name", "editor-name", &d.name, true, None))
                (f.both("intro", "editor-intro", &d.intro, false, Some(3)))
            }
            fieldset class="panel stack" id="bands" {
                legend { (v.t("editor-bands")) }
                p class="hint" { (v.t("editor-bands-hint")) }
                (f.text("bands.strength", &v.t("editor-band-strength"), &d.strength, Opt { required: true, ..Opt::default() }))
                (f.text("bands.attention", &v.t("editor-band-attention"), &d.attention, Opt { required: true, ..Opt::default() }))
                (f.text("bands.divergence", &v.t("editor-band-divergence"), &d.divergence, needed("editor-band-divergence-hint")))
            }
            fieldset class="panel stack" id="factors" {
                legend { (v.t("editor-factors")) }
                p class="hint" { (v.t("editor-factors-hint")) }
                @for (i, x) in d.factors.iter().enumerate() {
                    @let context = v.ta("editor-factor-legend", &[("number", n(i))]);
                    fieldset class="stack" id={ "factor-" (i) } {
                        legend { (context) }
                        (f.text(&factor_field(i, "key"), &v.t("editor-key"), &x.key, needed("editor-key-hint")))
                        (f.both(&format!("factor.{i}.name"), "editor-factor-name", &x.name, true, None))
                        div class="form-actions" { (f.button(here, Action::RemoveFactor(i), "factors", "editor-remove-factor", Some(&context), "link-like")) }
                    }
                }
                (f.button(here, Action::AddFactor, &format!("factor-{}", d.factors.len()), "editor-add-factor", None, "button"))
            }
            h2 id="f-pages" tabindex="-1" { (v.t("editor-pages")) }
            (f.error("pages"))
            @for p in 0..d.pages.len() { (page_fieldset(&f, here, d, p)) }
            (f.button(here, Action::AddPage, &id(&page_group(d.pages.len())), "editor-add-page", None, "button"))
            div class="form-actions" {
                (f.button(here, Action::Save, "error-summary", "save", None, "button primary"))
                a href=(back) { (v.t("cancel")) }
            }
        }
    }
}

fn summary(v: &Visitor, errors: &ValidationErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div class="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 id="error-summary-title" { (v.t("error-summary-title")) }
                ul {
                    @for e in &errors.0 {
                        li { a href={ "#" (id(&e.field)) } { (field_label(v, &e.field)) ": " (v.t(&format!("error-{}", e.code))) } }
                    }
                }
            }
        }
    }
}

/// What the page says after a save or a button.
enum Notice<'a> {
    None,
    /// Saved as this version; `true` when it is a new one.
    Saved(i64, bool),
    /// A button changed the form; not stored yet.
    Changed(&'a str),
    Done(&'a str),
}

async fn editor_page(
    state: &AppState,
    v: &Visitor,
    network_id: i64,
    e: &EditableInstrument,
    draft: &Draft,
    errors: &ValidationErrors,
    notice: Notice<'_>,
) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let entry = &e.entry;
    let here = format!("{}/{}", instruments(network_id), entry.reference.code());
    let title = v.ta("editor-title", &[("name", FluentValue::from(entry.definition.name.get(v.lang).to_string()))]);
    let version = FluentValue::from(entry.version);
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("surveys-title")) } }
        h1 { (title) }
        @match notice {
            Notice::Saved(n, true) => div class="flash" role="status" { (v.ta("editor-saved-new-version", &[("version", FluentValue::from(n))])) },
            Notice::Saved(n, false) => div class="flash" role="status" { (v.ta("editor-saved-same-version", &[("version", FluentValue::from(n))])) },
            Notice::Changed(key) => div class="flash" role="status" { (v.t(key)) " " (v.t("editor-not-saved-yet")) },
            Notice::Done(done) => (flash(v, Some(done))),
            Notice::None => {},
        }
        p {
            @if e.version_in_use {
                (v.ta("editor-version-in-use", &[("version", version.clone()), ("next", FluentValue::from(entry.version + 1))]))
            } @else {
                (v.ta("editor-version-unused", &[("version", version)]))
            }
        }
        p class="hint" { (v.t("editor-intro-hint")) }
        (summary(v, errors))
        (editor_form(v, &here, &base(network_id), draft, errors))
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "surveys"), body))
}

fn question_line(v: &Visitor, q: &Question) -> Markup {
    html! {
        li {
            (q.text.get(v.lang)) " "
            span class="muted" { "(" (v.t(&format!("editor-kind-{}", q.kind.code()))) ")" }
        }
    }
}

/// A built-in instrument: its questions, and the way to an editable copy.
async fn builtin_page(state: &AppState, v: &Visitor, network_id: i64, entry: &InstrumentEntry) -> Result<Markup, WebError> {
    let actor = v.actor()?;
    let (network, role) = state.service.network(&actor, network_id).await?;
    let def = &entry.definition;
    let title = def.name.get(v.lang).to_string();
    let body = html! {
        p class="breadcrumb" { a href=(base(network_id)) { (v.t("surveys-title")) } }
        h1 { (title) }
        p class="lead" { (def.intro.get(v.lang)) }
        p { (v.t("editor-builtin-note")) }
        form method="post" action={ (instruments(network_id)) "/kopie" } class="inline" {
            input type="hidden" name="csrf" value=(v.csrf);
            input type="hidden" name="instrument" value=(entry.reference.code());
            button type="submit" class="button primary" { (v.t("instrument-copy")) }
        }
        @for (p, pg) in def.pages.iter().enumerate() {
            section class="panel" aria-labelledby={ "page-" (p) } {
                h2 id={ "page-" (p) } { (pg.title.get(v.lang)) }
                ol { @for q in &pg.questions { (question_line(v, q)) } }
            }
        }
    };
    Ok(page(v, &PageMeta::network(&title, nav(&network, role), "surveys"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct EditorQuery {
    done: Option<String>,
    saved: Option<i64>,
    new_version: Option<String>,
}

fn reference(iid: &str) -> Result<InstrumentRef, WebError> {
    InstrumentRef::parse(iid).ok_or(WebError::NotFound)
}

pub async fn show(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, iid)): Path<(i64, String)>,
    Query(q): Query<EditorQuery>,
) -> Result<Markup, WebError> {
    let e = state.service.instrument_for_editing(&v.actor()?, network_id, reference(&iid)?).await?;
    if !e.entry.editable {
        return builtin_page(&state, &v, network_id, &e.entry).await;
    }
    let notice = match (q.saved, q.done.as_deref()) {
        (Some(n), _) => Notice::Saved(n, q.new_version.is_some()),
        (None, Some(done)) => Notice::Done(done),
        (None, None) => Notice::None,
    };
    let draft = Draft::of(&e.entry.definition, v.lang);
    editor_page(&state, &v, network_id, &e, &draft, &ValidationErrors::default(), notice).await
}

pub async fn save(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((network_id, iid)): Path<(i64, String)>,
    RawForm(body): RawForm,
) -> Result<Response, WebError> {
    let actor = v.actor()?;
    let e = state.service.instrument_for_editing(&actor, network_id, reference(&iid)?).await?;
    let InstrumentRef::Own(id) = e.entry.reference else { return Err(WebError::Forbidden) };
    if !e.entry.editable {
        return Err(WebError::Forbidden);
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let action = match pairs.iter().find(|(k, _)| k == "action") {
        Some((_, a)) => Action::parse(a).ok_or(WebError::BadRequest)?,
        // No button named (a script's submit): draw the form again, store nothing.
        None => Action::Refresh,
    };
    let mut draft = Draft::from_pairs(&pairs);
    if action != Action::Save {
        let notice = match draft.apply(action) {
            Some(key) => Notice::Changed(key),
            None => Notice::None,
        };
        return Ok(editor_page(&state, &v, network_id, &e, &draft, &ValidationErrors::default(), notice).await?.into_response());
    }
    let errors = match draft.to_instrument(e.entry.definition.kind) {
        Ok(def) => match state.service.save_instrument(&actor, network_id, id, &def).await {
            Ok(version) => {
                let fresh = if version > e.entry.version { "&new_version=1" } else { "" };
                let target = format!("{}/{id}?saved={version}{fresh}", instruments(network_id));
                return Ok(Redirect::to(&target).into_response());
            }
            // The domain's rules were checked above; should they differ, name them on the form as a whole.
            Err(ServiceError::Invalid(found)) => {
                let mut errors = ValidationErrors::default();
                for x in found.0 {
                    errors.add("instrument", &x.code);
                }
                errors
            }
            Err(other) => return Err(other.into()),
        },
        Err(errors) => errors,
    };
    let page = editor_page(&state, &v, network_id, &e, &draft, &errors, Notice::None).await?;
    Ok((StatusCode::BAD_REQUEST, page).into_response())
}

/// A new instrument to start from: one page with one statement on the
/// agreement scale, in both languages.
fn blank() -> Instrument {
    let both = |key: &str| Text { nl: translate(Language::Nl, key), en: translate(Language::En, key) };
    Instrument {
        kind: InstrumentKind::Custom,
        name: both("editor-blank-name"),
        intro: Text::default(),
        bands: Default::default(),
        factors: Vec::new(),
        pages: vec![Page {
            title: both("editor-blank-page"),
            questions: vec![Question {
                key: "q1".into(),
                text: both("editor-blank-question"),
                factor: None,
                required: false,
                kind: QuestionKind::Scale { labels: catalogue_scale("editor-agreement", 5) },
            }],
        }],
    }
}

pub async fn create(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(network_id): Path<i64>,
) -> Result<Response, WebError> {
    let id = state.service.new_instrument(&v.actor()?, network_id, &blank()).await?;
    Ok(Redirect::to(&format!("{}/{id}?done=created", instruments(network_id))).into_response())
}
