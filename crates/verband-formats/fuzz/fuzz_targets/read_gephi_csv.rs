#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use verband_formats::{read_gephi_csv, ReadLimits};

// The input is the nodes table and the edges table, split at the first NUL
// byte; without one, it is an edges table alone.
fuzz_target!(|data: &[u8]| {
    let result = match data.iter().position(|b| *b == 0) {
        Some(i) => read_gephi_csv(Some(&data[..i]), &data[i + 1..], &ReadLimits::default()),
        None => read_gephi_csv(None, data, &ReadLimits::default()),
    };
    if let Ok(net) = result {
        common::check_written(&net);
    }
});
