//! The test client shared by the page tests: a browser-like session against
//! the real router (cookies kept, CSRF tokens read from forms), and the
//! responses as plain values.
#![allow(dead_code)] // Each test binary uses its own part of this module.

use std::collections::HashMap;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The password every test user gets.
pub const PASSWORD: &str = "een-lang-wachtwoord";
const BOUNDARY: &str = "----verband-test-boundary";

/// A minimal browser: keeps cookies, reads the CSRF token from forms.
pub struct Client<'a> {
    app: &'a Router,
    pub cookies: HashMap<String, String>,
}

/// One response: status, redirect target, headers and body.
pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub headers: axum::http::HeaderMap,
    pub bytes: Vec<u8>,
}

impl Page {
    /// The body as text.
    pub fn body(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// The value of the form field with this name.
    pub fn field(&self, name: &str) -> String {
        let body = self.body();
        let marker = format!("name=\"{name}\" value=\"");
        let start = body.find(&marker).unwrap_or_else(|| panic!("no {name} field in {body}")) + marker.len();
        body[start..].split('"').next().unwrap().to_string()
    }

    /// A response header as text; empty when it is missing.
    pub fn header(&self, name: impl header::AsHeaderName) -> String {
        self.headers.get(name).map(|h| h.to_str().unwrap().to_string()).unwrap_or_default()
    }

    /// The HTML from the element with this id to the end of its section.
    pub fn section(&self, id: &str) -> String {
        let body = self.body();
        let start = body.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id} in page"));
        let rest = &body[start..];
        rest[..rest.find("</section>").unwrap_or(rest.len())].to_string()
    }
}

/// A multipart body: (name, file name, content) per part; files go as application/octet-stream.
pub fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let typed: Vec<_> = parts.iter().map(|&(name, file, content)| (name, file.map(|f| (f, "application/octet-stream")), content)).collect();
    multipart_typed(&typed)
}

/// One part of a multipart body whose file carries its own type: (name, (file name, content type), content).
pub type TypedPart<'a> = (&'a str, Option<(&'a str, &'a str)>, &'a [u8]);

/// A multipart body whose files carry their own type.
pub fn multipart_typed(parts: &[TypedPart<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file, content) in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match file {
            Some((f, content_type)) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: {content_type}\r\n\r\n")
                    .as_bytes(),
            ),
            None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
        }
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

impl<'a> Client<'a> {
    /// A fresh browser without cookies.
    pub fn new(app: &'a Router) -> Self {
        Client { app, cookies: HashMap::new() }
    }

    /// A fresh browser, logged in as `user`.
    pub async fn logged_in(app: &'a Router, user: &str) -> Self {
        let mut c = Client::new(app);
        c.login(user).await;
        c
    }

    /// Sends a request through the router, keeping the cookies it sets.
    pub async fn send(&mut self, req: Request<Body>) -> Page {
        let res = self.app.clone().oneshot(req).await.unwrap();
        for v in res.headers().get_all(header::SET_COOKIE) {
            let pair = v.to_str().unwrap().split(';').next().unwrap();
            let (k, val) = pair.split_once('=').unwrap();
            if val.is_empty() {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let location = headers.get(header::LOCATION).map(|l| l.to_str().unwrap().to_string());
        let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Page { status, location, headers, bytes }
    }

    /// The cookies as a `Cookie` header.
    pub fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    /// A GET with the cookies.
    pub async fn get(&mut self, path: &str) -> Page {
        let req = Request::get(path).header(header::COOKIE, self.cookie_header()).body(Body::empty()).unwrap();
        self.send(req).await
    }

    /// A form POST with exactly these fields (add the CSRF token yourself, or use `submit`).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Posts a form the way a browser does: the CSRF token read from `form_page` first.
    pub async fn submit(&mut self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let csrf = self.get(form_page).await.field("csrf");
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }

    /// A multipart POST of these parts, see [`multipart`].
    pub async fn post_multipart(&mut self, path: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Page {
        self.post_multipart_body(path, multipart(parts)).await
    }

    /// A multipart POST whose files carry their own content type, see [`multipart_typed`].
    pub async fn post_multipart_typed(&mut self, path: &str, parts: &[TypedPart<'_>]) -> Page {
        self.post_multipart_body(path, multipart_typed(parts)).await
    }

    async fn post_multipart_body(&mut self, path: &str, body: Vec<u8>) -> Page {
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Logs in with [`PASSWORD`] and checks that a session cookie came back.
    pub async fn login(&mut self, user: &str) {
        let csrf = self.get("/inloggen").await.field("csrf");
        let res = self.post("/inloggen", &[("csrf", &csrf), ("username", user), ("password", PASSWORD), ("next", "")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "log-in of {user} failed: {}", res.body());
        assert!(self.cookies.contains_key("verband_session"), "log-in of {user} set no session cookie");
    }
}
