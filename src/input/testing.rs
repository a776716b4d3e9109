//! Records of a text, for the unit tests of every layer: the entries the reader finds in it,
//! each a record or a fault, as the pipeline would hand them over.

use std::sync::Arc;

use super::parse::{Payload, parse};
use super::{Item, Reader, Record};
use crate::model::finding::Fault;

/// Runs `f` on every entry of `text`: its record, or the fault between records.
pub fn each_record(text: &[u8], mut f: impl FnMut(Result<Record<'_>, Fault>)) {
    let mut r = Reader::new(Arc::from("t"), text);
    while let Some(item) = r.next().expect("reading from memory") {
        match item {
            Item::Record(rec) => f(Ok(rec)),
            Item::Fault(fault) => f(Err(Fault::from(fault))),
        }
    }
}

/// Runs `f` on every entry of `text`, parsed: a payload, or why it is none.
pub fn each_payload(text: &[u8], mut f: impl FnMut(Result<Payload<'_>, Fault>)) {
    each_record(text, |entry| f(entry.and_then(parse)));
}

/// `f` of the first record of `text`, which must be one.
pub fn first_record<T>(text: &[u8], f: impl FnOnce(Record<'_>) -> T) -> T {
    let mut f = Some(f);
    let mut out = None;
    each_record(text, |entry| {
        if let Some(f) = f.take() {
            out = Some(f(entry.expect("the first entry is a record")));
        }
    });
    out.expect("the text holds a record")
}

/// `f` of the first entry of `text`, which must be a payload.
pub fn first_payload<T>(text: &[u8], f: impl FnOnce(&Payload<'_>) -> T) -> T {
    first_record(text, |rec| {
        f(&parse(rec).expect("the first entry is a payload"))
    })
}
