//! The built-in instruments, written for Verband in Dutch and English.

use super::instrument::{Instrument, InstrumentKind};

/// The built-in instruments, in the order a coordinator sees them.
pub fn builtin_instruments() -> Vec<Instrument> {
    Vec::new()
}

/// The built-in instrument of a kind (`None` for `custom`).
pub fn builtin(kind: InstrumentKind) -> Option<Instrument> {
    builtin_instruments().into_iter().find(|i| i.kind == kind)
}
