//! Editing a network's own instruments: what the editor needs to know
//! before a save (is the newest version already used by a round, so that
//! saving makes a new one?) and making a new instrument from scratch.
//! Saving itself is `save_instrument` in `surveys.rs`.

use verband_domain::survey::{Instrument, InstrumentKind};
use verband_domain::ValidationErrors;

use crate::surveys::{InstrumentEntry, InstrumentRef};
use crate::{Actor, Result, Service, ServiceError};

/// An instrument as the editor opens it.
#[derive(Debug, Clone)]
pub struct EditableInstrument {
    pub entry: InstrumentEntry,
    /// A round has used the newest version: saving makes version + 1.
    pub version_in_use: bool,
}

fn problems_as_errors(def: &Instrument) -> Option<ValidationErrors> {
    let problems = def.problems();
    if problems.is_empty() {
        return None;
    }
    let mut e = ValidationErrors::default();
    for (code, key) in problems {
        e.add(if key.is_empty() { "instrument" } else { &key }, &code);
    }
    Some(e)
}

impl Service {
    /// Opens an instrument for editing; only those who run rounds may.
    /// A built-in one comes back with `editable` false.
    pub async fn instrument_for_editing(&self, actor: &Actor, network_id: i64, r: InstrumentRef) -> Result<EditableInstrument> {
        self.require_records_editor(actor, network_id).await?;
        let entry = self.instrument(actor, network_id, r).await?;
        let version_in_use = match (entry.editable, r) {
            (true, InstrumentRef::Own(id)) => {
                let mut conn = self.store.conn().await?;
                let current = verband_store::instrument_by_id(&mut conn, network_id, id).await?.ok_or(ServiceError::NotFound)?;
                verband_store::survey_rounds_of_network(&mut conn, network_id).await?.iter().any(|r| r.version_id == current.version_id)
            }
            _ => false,
        };
        Ok(EditableInstrument { entry, version_in_use })
    }

    /// Adds an instrument built from scratch (the web passes a blank one in
    /// the visitor's catalogue); returns its id. It starts as version 1 and
    /// is always `custom`: only copies of built-ins keep their kind.
    pub async fn new_instrument(&self, actor: &Actor, network_id: i64, def: &Instrument) -> Result<i64> {
        self.require_records_editor(actor, network_id).await?;
        let def = Instrument { kind: InstrumentKind::Custom, ..def.clone() };
        if let Some(e) = problems_as_errors(&def) {
            return Err(e.into());
        }
        let mut tx = self.store.begin().await?;
        let id = verband_store::insert_instrument(&mut tx, network_id, None, &def.name.nl).await?;
        verband_store::insert_instrument_version(&mut tx, id, 1, &def.to_json()).await?;
        self.record(&mut tx, actor, Some(network_id), "create", "instrument", id, &def.name.nl).await?;
        tx.commit().await?;
        Ok(id)
    }
}
