//! What `show` knows beyond rendering: the fields a card or a table can show, and a payload's
//! body as readable text.

pub mod fields;
pub mod html;
