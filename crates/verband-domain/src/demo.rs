//! Deterministic demo data: a fictional but believable Dutch regional network.
//! Pure: the same seed and index always give the same network.

use crate::{AmbitionForm, GoalForm, NetworkForm, OrganisationForm, PersonForm};

/// One generated network, as the forms a coordinator would have filled in.
/// Cross-references use indices into the vectors of this struct.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoNetwork {
    pub network: NetworkForm,
    pub ambition: AmbitionForm,
    pub goals: Vec<GoalForm>,
    pub partners: Vec<OrganisationForm>,
    /// (index into `partners`, person). `PersonForm::organisation_id` is left empty.
    pub persons: Vec<(usize, PersonForm)>,
    /// (index into `partners`, description, indices into `goals`).
    pub interests: Vec<(usize, String, Vec<usize>)>,
}

/// The main demo network (index 0: about 30 partners, 60 persons) or, for
/// `index > 0`, further networks of the same size with other names.
pub fn generate(_seed: u64, _index: usize) -> DemoNetwork {
    todo!("demo generator")
}

/// The second, smaller demo network (about 10 partners).
pub fn generate_small(_seed: u64) -> DemoNetwork {
    todo!("demo generator")
}
