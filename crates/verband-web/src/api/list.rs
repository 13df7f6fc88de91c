//! List query parameters and RFC 8288 `Link` headers for paged lists.

use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use verband_domain::{ListFilter, MembershipStatus, PageRequest, Sector, SortDir, ValidationErrors, MAX_PAGE_SIZE};

/// Which list is being asked for: decides the allowed filters and sort columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Networks,
    Organisations,
    Persons,
}

impl ListKind {
    fn sorts(self) -> &'static [&'static str] {
        match self {
            ListKind::Networks => &["name"],
            ListKind::Organisations => &["name", "sector", "status", "since", "persons"],
            ListKind::Persons => &["name", "organisation", "email"],
        }
    }
}

/// A parsed list request.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub page: PageRequest,
    pub filter: ListFilter,
    /// The request's other parameters in their order, kept for the links.
    pairs: Vec<(String, String)>,
}

/// Parses the query by hand, so that every invalid parameter is reported in
/// one answer; unknown parameters are ignored.
pub fn parse_list_query(raw: Option<&str>, kind: ListKind) -> Result<ListQuery, ValidationErrors> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned().collect();
    let mut e = ValidationErrors::default();
    let mut number = None;
    let mut size = None;
    let mut filter = ListFilter::default();
    for (key, value) in &pairs {
        let value = value.trim();
        match key.as_str() {
            "page" => match value.parse::<u32>() {
                Ok(n) if n >= 1 => number = Some(n),
                _ => e.add("page", "page-invalid"),
            },
            "pageSize" => match value.parse::<u32>() {
                Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => size = Some(n),
                _ => e.add("pageSize", "page-size-invalid"),
            },
            "q" => filter.search = Some(value.to_string()).filter(|s| !s.is_empty()),
            "sort" => {
                if kind.sorts().contains(&value) {
                    filter.sort = value.to_string();
                } else {
                    e.add("sort", "sort-invalid");
                }
            }
            "dir" => match value.to_ascii_lowercase().as_str() {
                "asc" | "desc" => filter.dir = Some(SortDir::parse(value)),
                _ => e.add("dir", "dir-invalid"),
            },
            "includeArchived" if kind != ListKind::Networks => match value {
                "true" | "1" => filter.include_archived = true,
                "false" | "0" => filter.include_archived = false,
                _ => e.add("includeArchived", "boolean-invalid"),
            },
            "sector" if kind == ListKind::Organisations => match Sector::parse(value) {
                Some(s) => filter.sector = Some(s),
                None => e.add("sector", "choice-invalid"),
            },
            "status" if kind == ListKind::Organisations => match MembershipStatus::parse(value) {
                Some(s) => filter.status = Some(s),
                None => e.add("status", "choice-invalid"),
            },
            "organisationId" if kind == ListKind::Persons => match value.parse::<i64>() {
                Ok(id) => filter.organisation_id = Some(id),
                Err(_) => e.add("organisationId", "id-invalid"),
            },
            _ => {}
        }
    }
    e.finish(ListQuery { page: PageRequest::new(number, size), filter, pairs })
}

impl ListQuery {
    /// `path?…&page=n&pageSize=m`, keeping the other parameters.
    fn href(&self, path: &str, page: u32) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.pairs.iter().filter(|(k, _)| k != "page" && k != "pageSize") {
            s.append_pair(k, v);
        }
        s.append_pair("page", &page.to_string());
        s.append_pair("pageSize", &self.page.size.to_string());
        format!("{path}?{}", s.finish())
    }

    /// The RFC 8288 `Link` value with `first`, `prev`, `next` and `last`
    /// (`prev` and `next` only where such a page exists).
    pub fn link_header(&self, path: &str, total: i64) -> String {
        let last = page_count(total, self.page.size);
        let current = self.page.number;
        let mut links = vec![(self.href(path, 1), "first")];
        if current > 1 {
            links.push((self.href(path, (current - 1).min(last)), "prev"));
        }
        if current < last {
            links.push((self.href(path, current + 1), "next"));
        }
        links.push((self.href(path, last), "last"));
        links.iter().map(|(href, rel)| format!("<{href}>; rel=\"{rel}\"")).collect::<Vec<_>>().join(", ")
    }
}

fn page_count(total: i64, size: u32) -> u32 {
    let size = i64::from(size.max(1));
    u32::try_from(((total + size - 1) / size).max(1)).unwrap_or(u32::MAX)
}

/// A page of a list, as every list endpoint answers it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListBody<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub page_size: u32,
    pub total: i64,
}

/// The list response: the body plus its `Link` header.
pub fn list_response<T: Serialize>(query: &ListQuery, uri: &Uri, items: Vec<T>, total: i64) -> Response {
    let link = query.link_header(uri.path(), total);
    let body = ListBody { items, page: query.page.number, page_size: query.page.size, total };
    let mut response = Json(body).into_response();
    // The link is built from the request's own path and url-encoded pairs, so it is always a valid header value.
    if let Ok(v) = HeaderValue::from_str(&link) {
        response.headers_mut().insert(header::LINK, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_other_parameters_and_stop_at_the_ends() {
        let q = parse_list_query(Some("q=ggd%20x&page=2&pageSize=10&sort=sector"), ListKind::Organisations).unwrap();
        let link = q.link_header("/api/v1/networks/1/organisations", 35);
        assert!(link.contains("</api/v1/networks/1/organisations?q=ggd+x&sort=sector&page=1&pageSize=10>; rel=\"first\""), "{link}");
        assert!(link.contains("page=1&pageSize=10>; rel=\"prev\""), "{link}");
        assert!(link.contains("page=3&pageSize=10>; rel=\"next\""), "{link}");
        assert!(link.contains("page=4&pageSize=10>; rel=\"last\""), "{link}");

        let only = parse_list_query(None, ListKind::Persons).unwrap();
        let link = only.link_header("/p", 0);
        assert!(!link.contains("prev") && !link.contains("next"), "{link}");
        assert!(link.contains("</p?page=1&pageSize=25>; rel=\"last\""), "{link}");
    }

    #[test]
    fn every_bad_parameter_is_reported() {
        let e = parse_list_query(Some("page=0&pageSize=1000&sort=kvk&dir=up&sector=bakery&includeArchived=ja"), ListKind::Organisations)
            .unwrap_err();
        let names: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["page", "pageSize", "sort", "dir", "sector", "includeArchived"]);
    }

    #[test]
    fn filters_belong_to_their_list() {
        let q = parse_list_query(Some("organisationId=4&sector=bakery"), ListKind::Persons).unwrap();
        assert_eq!(q.filter.organisation_id, Some(4));
        assert_eq!(q.filter.sector, None);
    }
}
