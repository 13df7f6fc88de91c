//! Lists: search, sort, filter and pages.

use serde::Serialize;

pub const DEFAULT_PAGE_SIZE: u32 = 25;
pub const MAX_PAGE_SIZE: u32 = 100;

/// A page request; numbers start at 1 and are clamped to sane bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub number: u32,
    pub size: u32,
}

impl PageRequest {
    pub fn new(number: Option<u32>, size: Option<u32>) -> Self {
        Self { number: number.unwrap_or(1).max(1), size: size.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE) }
    }

    pub fn offset(&self) -> i64 {
        i64::from(self.number - 1) * i64::from(self.size)
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        Self::new(None, None)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

impl<T> Paged<T> {
    pub fn page_count(&self) -> u32 {
        let size = i64::from(self.page_size.max(1));
        u32::try_from(((self.total + size - 1) / size).max(1)).unwrap_or(u32::MAX)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Asc,
    Desc,
}

impl SortDir {
    pub fn parse(raw: &str) -> Self {
        if raw.eq_ignore_ascii_case("desc") {
            SortDir::Desc
        } else {
            SortDir::Asc
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }
}

/// Filters shared by the partner and person lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListFilter {
    /// Free text; matched case-insensitively against names (and e-mail for persons).
    pub search: Option<String>,
    pub sector: Option<crate::Sector>,
    pub status: Option<crate::MembershipStatus>,
    pub organisation_id: Option<i64>,
    pub include_archived: bool,
    /// Column to sort by (`name`, `sector`, `status`, `organisation`); unknown falls back to name.
    pub sort: String,
    pub dir: Option<SortDir>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_bounds() {
        let p = PageRequest::new(Some(0), Some(1000));
        assert_eq!((p.number, p.size), (1, MAX_PAGE_SIZE));
        assert_eq!(PageRequest::new(Some(3), Some(10)).offset(), 20);
        let paged: Paged<()> = Paged { items: vec![], total: 51, page: 1, page_size: 25 };
        assert_eq!(paged.page_count(), 3);
    }
}
