//! Results derived from a network's records, kept per network until the
//! network changes (its latest change-log sequence moves) or the day turns
//! (rules such as the funding cliff and "past its evaluation date" depend on
//! today). Every instance checks the shared change log, so instances on one
//! database never show each other stale data; the check is one indexed query.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

/// Per network: the change it was computed at, the day, and the value.
type Entries<T> = HashMap<i64, (i64, NaiveDate, Arc<T>)>;

/// Values are shared (`Arc`), so a hit costs no copy of what may be a large panel.
pub(crate) struct NetworkCache<T> {
    entries: Arc<Mutex<Entries<T>>>,
}

impl<T> Default for NetworkCache<T> {
    fn default() -> Self {
        NetworkCache { entries: Arc::new(Mutex::new(HashMap::new())) }
    }
}

impl<T> Clone for NetworkCache<T> {
    fn clone(&self) -> Self {
        NetworkCache { entries: self.entries.clone() }
    }
}

impl<T> NetworkCache<T> {
    /// The value computed for this network at change `seq` on `day`, if any.
    pub fn get(&self, network_id: i64, seq: i64, day: NaiveDate) -> Option<Arc<T>> {
        let entries = self.entries.lock().ok()?;
        match entries.get(&network_id) {
            Some((s, d, value)) if *s == seq && *d == day => Some(value.clone()),
            _ => None,
        }
    }

    pub fn put(&self, network_id: i64, seq: i64, day: NaiveDate, value: Arc<T>) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(network_id, (seq, day, value));
        }
    }
}
