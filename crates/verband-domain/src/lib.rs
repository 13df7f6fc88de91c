//! Verband's domain: entities, value types, validation and pure rules.
//! No I/O and no async live here, so everything can be unit-tested as plain
//! functions over plain data.

#[macro_use]
pub mod codes;
pub mod demo;
pub mod meeting;
pub mod network;
pub mod organisation;
pub mod paging;
pub mod person;
pub mod text;
pub mod validation;
pub mod vitality;

pub use codes::*;
pub use meeting::*;
pub use network::*;
pub use organisation::*;
pub use paging::*;
pub use person::*;
pub use text::search_key;
pub use validation::{FieldError, ValidationErrors};
