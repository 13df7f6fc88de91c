//! Verband's domain: entities, value types, validation and pure rules.
//! No I/O and no async live here, so everything can be unit-tested as plain
//! functions over plain data.

#[macro_use]
pub mod codes;
pub mod coherence;
pub mod delivery_rate;
pub mod demo;
pub mod demo_portfolio;
pub mod demo_relationships;
pub mod first_steps;
pub mod funding;
pub mod import;
pub mod import_portfolio;
pub mod invitation;
pub mod knowledge;
pub mod meeting;
pub mod network;
pub mod network_analysis;
pub mod organisation;
pub mod paging;
pub mod password;
pub mod person;
pub mod phase_checklist;
pub mod portfolio;
pub mod portfolio_codes;
pub mod portfolio_settings;
pub mod relationship;
pub mod survey;
pub mod text;
pub mod validation;
pub mod vitality;

pub use codes::*;
pub use meeting::*;
pub use network::*;
pub use organisation::*;
pub use paging::*;
pub use password::check_new_password;
pub use person::*;
pub use portfolio_codes::*;
pub use text::search_key;
pub use validation::{FieldError, ValidationErrors};
