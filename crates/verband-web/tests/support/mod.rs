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

pub struct Client<'a> {
    app: &'a Router,
    pub cookies: HashMap<String, String>,
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub headers: axum::http::HeaderMap,
    pub bytes: Vec<u8>,
}

impl Page {
    pub fn body(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    pub fn field(&self, name: &str) -> String {
        let body = self.body();
        let marker = format!("name=\"{name}\" value=\"");
        let start = body.find(&marker).unwrap_or_else(|| panic!("no {name} field in {body}")) + marker.len();
        body[start..].split('"').next().unwrap().to_string()
    }

    pub fn header(&self, name: header::HeaderName) -> String {
        self.headers.get(name).map(|h| h.to_str().unwrap().to_string()).unwrap_or_default()
    }
}

/// A multipart body: (name, file name, content) per part.
pub fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file, content) in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
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
    pub fn new(app: &'a Router) -> Self {
        Client { app, cookies: HashMap::new() }
    }

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

    pub fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let req = Request::get(path).header(header::COOKIE, self.cookie_header()).body(Body::empty()).unwrap();
        self.send(req).await
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    pub async fn post_multipart(&mut self, path: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Page {
        let req = Request::post(path)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
            .body(Body::from(multipart(parts)))
            .unwrap();
        self.send(req).await
    }

    pub async fn login(&mut self, user: &str) {
        let csrf = self.get("/inloggen").await.field("csrf");
        let res = self.post("/inloggen", &[("csrf", &csrf), ("username", user), ("password", PASSWORD), ("next", "")]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "log-in of {user} failed: {}", res.body());
    }
}
