#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use verband_formats::{read_kumu, ReadLimits};

fuzz_target!(|data: &[u8]| {
    if let Ok(net) = read_kumu(data, &ReadLimits::default()) {
        common::check_written(&net);
    }
});
