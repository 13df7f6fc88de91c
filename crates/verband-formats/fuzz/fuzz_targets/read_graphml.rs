#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use verband_formats::{read_graphml, ReadLimits};

fuzz_target!(|data: &[u8]| {
    if let Ok(net) = read_graphml(data, &ReadLimits::default()) {
        common::check_written(&net);
    }
});
