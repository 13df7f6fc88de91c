//! The respondent's pages, reached by a personal link without an account.
//! The link's token is the only secret: these routes sit outside the session
//! and CSRF middleware, because a site that does not know the token cannot
//! forge a post to it. Pages are marked no-store, no-referrer and noindex so
//! the link does not leak through caches, Referer headers or search engines,
//! and nothing here logs a path.

use std::collections::HashMap;

use axum::extract::{Path, Query, RawForm, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;
use verband_domain::survey::{AnswerValue, Answers, Question, QuestionKind};
use verband_domain::{Language, ValidationErrors};
use verband_service::surveys::{PageAction, PageOutcome, RespondentView, SurveyLink};

use crate::error::WebError;
use crate::visitor::Visitor;
use crate::AppState;

pub fn routes(state: AppState) -> Router {
    Router::new().route("/enquete/{token}", get(show).post(submit)).with_state(state)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LinkQuery {
    lang: Option<String>,
    pagina: Option<usize>,
}

fn visitor(lang: Language) -> Visitor {
    Visitor { user: None, lang, csrf: String::new(), session_token: None, ip: None, path: String::new() }
}

fn respond(status: StatusCode, body: Markup) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("x-robots-tag", HeaderValue::from_static("noindex, nofollow"));
    r
}

/// The page shell for respondents: no navigation, a language switch that keeps the link.
fn shell(v: &Visitor, title: &str, token: Option<&str>, body: Markup) -> Markup {
    let other = match v.lang {
        Language::Nl => Language::En,
        Language::En => Language::Nl,
    };
    html! {
        (DOCTYPE)
        html lang=(v.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex, nofollow";
                title { (title) " · Verband" }
                link rel="stylesheet" href="/static/verband.css";
            }
            body class="respondent" {
                a class="skip-link" href="#main" { (v.t("skip-to-content")) }
                header class="site-header" {
                    div class="bar" {
                        span class="brand" { "Verband" }
                        @if let Some(t) = token {
                            div class="bar-tools" {
                                a href={ "/enquete/" (t) "?lang=" (other.code()) } lang=(other.code()) hreflang=(other.code()) {
                                    (crate::i18n::translate(other, "language-name"))
                                }
                            }
                        }
                    }
                }
                main id="main" tabindex="-1" { (body) }
            }
        }
    }
}

fn link_page(link: &SurveyLink, fallback: Language) -> Response {
    match link {
        SurveyLink::Closed { round_label, network_name, language } => {
            let v = visitor(*language);
            let title = v.t("respondent-closed-title");
            let body = html! {
                h1 { (title) }
                p { (v.ta("respondent-closed-text", &[("round", round_label.clone().into()), ("network", network_name.clone().into())])) }
            };
            respond(StatusCode::GONE, shell(&v, &title, None, body))
        }
        _ => {
            let v = visitor(fallback);
            let title = v.t("respondent-unknown-title");
            let body = html! { h1 { (title) } p { (v.t("respondent-unknown-text")) } };
            respond(StatusCode::NOT_FOUND, shell(&v, &title, None, body))
        }
    }
}

/// The stored answers as the form fields that would give them back.
fn answers_as_fields(answers: &Answers) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (key, a) in answers {
        let name = format!("q.{key}");
        match a {
            AnswerValue::Scale(p) => out.entry(name).or_default().push(p.to_string()),
            AnswerValue::Choice(c) => out.entry(name).or_default().push(c.clone()),
            AnswerValue::Choices(cs) => out.entry(name).or_default().extend(cs.iter().cloned()),
            AnswerValue::Number(n) => out.entry(name).or_default().push(n.to_string()),
            AnswerValue::Text(t) => out.entry(name).or_default().push(t.clone()),
            AnswerValue::Partners(ps) => out.entry(name).or_default().extend(ps.iter().map(i64::to_string)),
            AnswerValue::Ratings(rs) => {
                for r in rs {
                    let prefix = format!("{name}.{}", r.partner_id);
                    if let Some(f) = &r.frequency {
                        out.insert(format!("{prefix}.frequency"), vec![f.clone()]);
                    }
                    if let Some(w) = &r.work {
                        out.insert(format!("{prefix}.work"), vec![w.clone()]);
                    }
                    for (item, p) in &r.scores {
                        out.insert(format!("{prefix}.{item}"), vec![p.to_string()]);
                    }
                }
            }
        }
    }
    out
}

struct Render<'a> {
    v: &'a Visitor,
    fields: &'a HashMap<String, Vec<String>>,
    errors: &'a ValidationErrors,
}

impl Render<'_> {
    fn has(&self, name: &str, value: &str) -> bool {
        self.fields.get(name).is_some_and(|vs| vs.iter().any(|x| x == value))
    }

    fn value(&self, name: &str) -> String {
        self.fields.get(name).and_then(|vs| vs.first()).cloned().unwrap_or_default()
    }

    fn error(&self, name: &str) -> Markup {
        html! {
            @if let Some(e) = self.errors.for_field(name) {
                p class="field-error" id={ (id(name)) "-error" } { span class="visually-hidden" { (self.v.t("error-prefix")) " " } (self.v.t(&format!("error-{}", e.code))) }
            }
        }
    }

    fn invalid(&self, name: &str) -> Option<&'static str> {
        self.errors.for_field(name).map(|_| "true")
    }

    fn described(&self, name: &str) -> Option<String> {
        self.errors.for_field(name).map(|_| format!("{}-error", id(name)))
    }

    /// Radio buttons for the points of a scale, labelled by their words.
    fn scale(&self, name: &str, legend: &str, labels: &[verband_domain::survey::Text]) -> Markup {
        html! {
            fieldset class="field scale" id=(id(name)) aria-describedby=[self.described(name)] {
                legend { (legend) }
                (self.error(name))
                div class="scale-points" {
                    @for (i, l) in labels.iter().enumerate() {
                        @let value = (i + 1).to_string();
                        div class="scale-point" {
                            input type="radio" name=(name) id={ (id(name)) "-" (value) } value=(value) checked[self.has(name, &value)];
                            label for={ (id(name)) "-" (value) } { (value) " " span class="scale-label" { (l.get(self.v.lang)) } }
                        }
                    }
                }
            }
        }
    }

    fn choices(&self, name: &str, legend: &str, options: &[(String, String)], multiple: bool) -> Markup {
        html! {
            fieldset class="field" id=(id(name)) aria-describedby=[self.described(name)] {
                legend { (legend) }
                (self.error(name))
                @for (i, (value, label)) in options.iter().enumerate() {
                    div class="checkbox" {
                        input type=(if multiple { "checkbox" } else { "radio" }) name=(name) id={ (id(name)) "-" (i) } value=(value) checked[self.has(name, value)];
                        label for={ (id(name)) "-" (i) } { (label) }
                    }
                }
            }
        }
    }

    fn select(&self, name: &str, label: &str, options: &[verband_domain::survey::Choice]) -> Markup {
        let current = self.value(name);
        html! {
            div class="field" {
                label for=(id(name)) { (label) }
                (self.error(name))
                select id=(id(name)) name=(name) aria-invalid=[self.invalid(name)] aria-describedby=[self.described(name)] {
                    option value="" { (self.v.t("choose")) }
                    @for o in options { option value=(o.key) selected[o.key == current] { (o.label.get(self.v.lang)) } }
                }
            }
        }
    }

    fn question(&self, q: &Question, view: &RespondentView) -> Markup {
        let name = format!("q.{}", q.key);
        let text = q.text.get(self.v.lang);
        let lang = self.v.lang;
        match &q.kind {
            QuestionKind::Scale { labels } => self.scale(&name, text, labels),
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                let opts: Vec<(String, String)> = options.iter().map(|o| (o.key.clone(), o.label.get(lang).to_string())).collect();
                self.choices(&name, text, &opts, matches!(q.kind, QuestionKind::Multiple { .. }))
            }
            QuestionKind::Number { .. } => html! {
                div class="field" {
                    label for=(id(&name)) { (text) }
                    (self.error(&name))
                    input type="text" inputmode="decimal" id=(id(&name)) name=(name) value=(self.value(&name)) aria-invalid=[self.invalid(&name)] aria-describedby=[self.described(&name)];
                }
            },
            QuestionKind::OpenText => html! {
                div class="field" {
                    label for=(id(&name)) { (text) }
                    (self.error(&name))
                    textarea id=(id(&name)) name=(name) rows="5" maxlength="4000" aria-invalid=[self.invalid(&name)] aria-describedby=[self.described(&name)] { (self.value(&name)) }
                }
            },
            QuestionKind::Partners => {
                let opts: Vec<(String, String)> = view.partners.iter().map(|(id, n)| (id.to_string(), n.clone())).collect();
                self.choices(&name, text, &opts, true)
            }
            QuestionKind::PartnerRatings { source, frequency, work, items, labels } => {
                let picked: Vec<i64> = match view.answers.get(source) {
                    Some(AnswerValue::Partners(p)) => p.clone(),
                    _ => Vec::new(),
                };
                html! {
                    h2 { (text) }
                    @if picked.is_empty() { p class="empty" { (self.v.t("respondent-no-partners-picked")) } }
                    @for p in picked {
                        @let partner = view.partners.iter().find(|(id, _)| *id == p).map(|(_, n)| n.clone()).unwrap_or_default();
                        @let prefix = format!("{name}.{p}");
                        fieldset class="panel partner-rating" {
                            legend { (partner) }
                            (self.select(&format!("{prefix}.frequency"), &self.v.t("respondent-frequency"), frequency))
                            (self.select(&format!("{prefix}.work"), &self.v.t("respondent-work"), work))
                            @for item in items {
                                (self.scale(&format!("{prefix}.{}", item.key), item.text.get(lang), labels))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Field ids without the dots of field names, so `#id` links work.
fn id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

fn respondent_page(
    token: &str,
    view: &RespondentView,
    page: usize,
    fields: &HashMap<String, Vec<String>>,
    errors: &ValidationErrors,
    saved: bool,
) -> Markup {
    let v = visitor(view.language);
    let lang = v.lang;
    let title = view.instrument.name.get(lang).to_string();
    let pages = view.instrument.pages.len();
    let r = Render { v: &v, fields, errors };
    let body = html! {
        h1 { (title) }
        p class="muted" { (view.network_name) " · " (view.round_label) " · "
            (v.ta("respondent-deadline", &[("date", crate::layout::date(&v, Some(view.deadline)).into())])) }
        @if saved { div class="flash" role="status" { (v.t("respondent-saved")) } }
        @if page >= pages {
            div class="flash" role="status" { h2 { (v.t("respondent-thanks-title")) } p { (v.t("respondent-thanks-text")) } }
            p { a href={ "/enquete/" (token) "?pagina=0" } { (v.t("respondent-review")) } }
        } @else {
            @if page == 0 && !view.instrument.intro.nl.is_empty() { p class="lead" { (view.instrument.intro.get(lang)) } }
            @if page == 0 { p class="hint" { (v.t("respondent-privacy")) } }
            @if !errors.is_empty() {
                div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                    h2 id="error-summary-title" { (v.t("error-summary-title")) }
                    ul { @for e in &errors.0 { li { a href={ "#" (id(&e.field)) } { (v.t(&format!("error-{}", e.code))) } } } }
                }
            }
            p class="progress" { (v.ta("respondent-page", &[("page", (page + 1).into()), ("pages", pages.into())])) }
            form method="post" action={ "/enquete/" (token) } class="stack" novalidate {
                input type="hidden" name="page" value=(page);
                h2 { (view.instrument.pages[page].title.get(lang)) }
                @for q in &view.instrument.pages[page].questions { (r.question(q, view)) }
                div class="form-actions" {
                    button type="submit" name="action" value="next" class="button primary" {
                        @if page + 1 >= pages { (v.t("respondent-send")) } @else { (v.t("respondent-next")) }
                    }
                    @if page > 0 { button type="submit" name="action" value="back" class="button" { (v.t("respondent-back")) } }
                    button type="submit" name="action" value="stop" class="link-button" { (v.t("respondent-stop")) }
                }
            }
        }
    };
    shell(&v, &title, Some(token), body)
}

pub async fn show(State(state): State<AppState>, Path(token): Path<String>, Query(q): Query<LinkQuery>) -> Result<Response, WebError> {
    let asked = q.lang.as_deref().and_then(Language::parse);
    if let Some(l) = asked {
        state.service.set_respondent_language(&token, l).await?;
    }
    match state.service.open_survey_link(&token).await? {
        SurveyLink::Open(view) => {
            let page = match q.pagina {
                // A respondent may look back at any page up to where they are.
                Some(p) if p <= view.page => p,
                _ => view.page,
            };
            let fields = answers_as_fields(&view.answers);
            Ok(respond(StatusCode::OK, respondent_page(&token, &view, page, &fields, &ValidationErrors::default(), false)))
        }
        other => Ok(link_page(&other, asked.unwrap_or(Language::Nl))),
    }
}

pub async fn submit(State(state): State<AppState>, Path(token): Path<String>, RawForm(body): RawForm) -> Result<Response, WebError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let field = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str()).unwrap_or("");
    let page: usize = field("page").parse().map_err(|_| WebError::BadRequest)?;
    let action = match field("action") {
        "back" => PageAction::Back,
        "stop" => PageAction::Stop,
        _ => PageAction::Next,
    };
    match state.service.submit_survey_page(&token, page, &pairs, action).await? {
        PageOutcome::Saved { page: next, view, .. } => {
            let fields = answers_as_fields(&view.answers);
            // Post/redirect/get would put the token in one more URL; the page is drawn directly.
            Ok(respond(
                StatusCode::OK,
                respondent_page(&token, &view, next, &fields, &ValidationErrors::default(), action == PageAction::Stop),
            ))
        }
        PageOutcome::Invalid { errors, view } => {
            let mut fields: HashMap<String, Vec<String>> = HashMap::new();
            for (k, val) in &pairs {
                fields.entry(k.clone()).or_default().push(val.clone());
            }
            Ok(respond(StatusCode::BAD_REQUEST, respondent_page(&token, &view, page, &fields, &errors, false)))
        }
        PageOutcome::Link(link) => Ok(link_page(&link, Language::Nl)),
    }
}

/// Subject and body of an invitation or reminder, from the catalogue in the
/// respondent's language. Given to the service as its `MailComposer`.
pub fn compose_survey_mail(m: &verband_service::mail::SurveyMail) -> (String, String) {
    use verband_service::mail::MailPurpose;
    let v = visitor(m.language);
    let args = [
        ("name", m.person_name.clone().into()),
        ("network", m.network_name.clone().into()),
        ("round", m.round_label.clone().into()),
        ("deadline", crate::layout::date(&v, Some(m.deadline)).into()),
        ("link", m.link.clone().into()),
    ];
    let (subject, body) = match m.purpose {
        MailPurpose::Invitation => ("survey-mail-invitation-subject", "survey-mail-invitation-body"),
        MailPurpose::Reminder => ("survey-mail-reminder-subject", "survey-mail-reminder-body"),
    };
    (v.ta(subject, &args), v.ta(body, &args))
}
