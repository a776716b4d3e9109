//! Checking one payload: schema violations (errors), semantic rules (warnings) and schema drift
//! (notes), in one [`Verdict`].

pub mod bundled;
mod describe;
mod docjson;
pub mod fields;
mod first;
pub mod lint;
#[cfg(test)]
mod quick_tests;
pub mod rules;
pub mod schema;
pub mod schema_file;
pub mod stats;
mod tapejson;
mod window;

use std::sync::Arc;

use crate::classify::{Classification, classify, classify_view};
use crate::input::Record;
use crate::input::parse::{Payload, SHALLOW_ABOVE, parse_shallow};
use crate::input::tape::{Node, Tape, quick_candidate, with_fast_tape};
use crate::input::view::View;
use crate::model::event::{Event, MESSAGE_EVENTS, suggestion};
use crate::model::finding::Fault;
use crate::model::finding::{Diagnostic, Severity, show_value, typed_value};
use crate::model::origin::Origin;
use crate::validate::fields::{Fields, TapeFields};
use crate::validate::lint::{
    DIRECTION_NOT_INBOUND, OTHER_EVENT, SCHEMA_EVENT_MISMATCH, UNKNOWN_EVENT, lint,
};
use crate::validate::schema::{Bundled, Compiled, SchemaError, SchemaSet, Selection, Violations};

/// The most findings shown for one payload (errors first); the rest are counted in a note.
pub const MAX_FINDINGS: usize = 1000;

/// What `validate` concluded about one entry of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Where the entry starts.
    pub origin: Origin,
    /// The payload's event (`None` when the entry is not a payload).
    pub event: Option<Event>,
    /// The schema that checked it (`None` when it is not a payload, or was skipped).
    pub schema: Option<Arc<str>>,
    /// Whether it was skipped: another HighLevel event, not checked against the message schemas.
    pub skipped: bool,
    /// Its findings in position order, a payload-level finding (the wrong event) first.
    pub diagnostics: Vec<Diagnostic>,
}

impl Verdict {
    /// Whether the entry passed: no error findings.
    pub fn passed(&self) -> bool {
        !self
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

impl Verdict {
    /// Masks the personal data that findings quote.
    pub fn redact(&mut self) {
        for d in &mut self.diagnostics {
            d.message = crate::redact::redact_message(d.pointer.as_deref(), &d.message);
        }
    }
}

impl From<Fault> for Verdict {
    fn from(f: Fault) -> Self {
        Verdict {
            origin: f.origin,
            event: None,
            schema: None,
            skipped: false,
            diagnostics: vec![*f.diagnostic],
        }
    }
}

/// Totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Entries without errors.
    pub passed: u64,
    /// Entries with at least one error (including entries that are not valid JSON).
    pub failed: u64,
    /// Payloads of other HighLevel events, not checked.
    pub skipped: u64,
    /// Warning findings.
    pub warnings: u64,
    /// Note findings.
    pub notes: u64,
}

impl Summary {
    /// Counts one verdict.
    pub fn add(&mut self, v: &Verdict) {
        if v.skipped {
            self.skipped += 1;
            return;
        }
        if v.passed() {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.warnings += v.count(Severity::Warning) as u64;
        self.notes += v.count(Severity::Note) as u64;
    }

    /// The closing line: `N passed, N failed`, then `, N skipped`, `, N warnings` and
    /// `, N notes` when there are any.
    pub fn line(&self) -> String {
        let mut s = format!("{} passed, {} failed", self.passed, self.failed);
        if self.skipped > 0 {
            s.push_str(&format!(", {} skipped", self.skipped));
        }
        if self.warnings > 0 {
            let noun = if self.warnings == 1 {
                "warning"
            } else {
                "warnings"
            };
            s.push_str(&format!(", {} {noun}", self.warnings));
        }
        if self.notes > 0 {
            let noun = if self.notes == 1 { "note" } else { "notes" };
            s.push_str(&format!(", {} {noun}", self.notes));
        }
        s
    }
}

/// Checks payloads against the schemas of a run and the semantic rules.
#[derive(Debug)]
pub struct Checker {
    schemas: SchemaSet,
    strict: bool,
}

impl Checker {
    /// Compiles the schemas `selection` needs. With `strict`, warnings become errors.
    pub fn new(selection: &Selection, published: bool, strict: bool) -> Result<Self, SchemaError> {
        Ok(Checker {
            schemas: SchemaSet::load(selection, published)?,
            strict,
        })
    }

    /// The verdict on one record of the input, or the fault that makes it no payload.
    ///
    /// A payload that passes its schema is judged on the quick path: parsed once onto a
    /// [`Tape`], classified from it and checked through it, with no `serde_json::Value`
    /// built. Anything else (a payload that fails, repeats a key, names no known event, is large
    /// or nested deep, or is no JSON object) takes the full path, which describes and positions
    /// every finding; both give the same verdict.
    pub fn check_record(&self, record: Record<'_>) -> Result<Verdict, Fault> {
        if let Some(verdict) = self.quick(&record) {
            return Ok(verdict);
        }
        Ok(self.check(&parse_shallow(record, SHALLOW_ABOVE)?))
    }

    /// The verdict of the quick path, when it can give one.
    pub fn quick(&self, record: &Record<'_>) -> Option<Verdict> {
        if !quick_candidate(record) {
            return None;
        }
        with_fast_tape(record.bytes, |tape| match tape {
            Some(tape) => self.quick_on(record, &tape),
            None => self.quick_on(record, &Tape::parse(record.bytes).ok()?),
        })
    }

    /// The verdict of the quick path on `record`, parsed onto `tape`.
    fn quick_on(&self, record: &Record<'_>, tape: &Tape<'_>) -> Option<Verdict> {
        let root = tape.root();
        if !matches!(root.node(), Node::Object { .. }) || tape.has_repeated_key() {
            return None;
        }
        let fields = TapeFields::new(&record.origin, record.bytes, root);
        let class = classify_view(&View::from_members(root.members()));
        if matches!(class.event, Event::Unknown(_)) {
            return None;
        }
        let event = class.event.clone();
        if event.is_other() && !self.schemas.is_file() {
            return Some(skipped(&fields, event));
        }
        let (schema, bundled) = self.schemas.choose(&event, class.is_email());
        if !schema.passes(root) {
            return None;
        }
        let passed = Violations {
            counted: true,
            ..Violations::default()
        };
        Some(self.conclude(&fields, class, (schema, bundled), passed))
    }

    /// The verdict on one payload, on the full path.
    pub fn check(&self, payload: &Payload<'_>) -> Verdict {
        let class = classify(payload.fields());
        let event = class.event.clone();
        if event.is_other() && !self.schemas.is_file() {
            return skipped(payload, event);
        }
        let (schema, bundled) = self.schemas.choose(&event, class.is_email());
        // Past the cap, schema violations are only counted: not described, not positioned.
        let violations = schema.violations(payload, MAX_FINDINGS);
        self.conclude(payload, class, (schema, bundled), violations)
    }

    /// The verdict from a payload's schema violations: the rules' findings added, ordered and
    /// capped.
    fn conclude(
        &self,
        payload: &impl Fields,
        class: Classification,
        (schema, bundled): (&Compiled, Option<Bundled>),
        violations: Violations,
    ) -> Verdict {
        let event = class.event.clone();
        let (mut diagnostics, counted) = (violations.shown, violations.counted);
        let unchecked = violations.unchecked;
        let unshown = violations.total - diagnostics.len();
        let mut lints = lint(payload, &class, |f| self.schemas.knows_field(f));
        if bundled.is_some_and(|b| b.event() == Event::Inbound) {
            // The inbound schemas require the direction already: one finding is enough.
            lints.retain(|d| d.rule != DIRECTION_NOT_INBOUND.name);
        }
        diagnostics.extend(lints);
        if self.strict {
            for d in &mut diagnostics {
                if d.severity == Severity::Warning {
                    d.severity = Severity::Error;
                }
            }
        }
        diagnostics.sort_by_key(|d| (d.position, d.severity));
        if let Some(d) = event_finding(payload, &event, bundled) {
            if d.rule == UNKNOWN_EVENT.name {
                // The event finding says what the schema's `type` finding would.
                diagnostics.retain(|x| x.pointer.as_deref() != Some("/type"));
            }
            diagnostics.insert(0, d);
        }
        if diagnostics.len() + unshown > MAX_FINDINGS {
            let hidden = diagnostics.len() + unshown - MAX_FINDINGS;
            diagnostics.truncate(MAX_FINDINGS);
            diagnostics.push(Diagnostic::new(
                Severity::Note,
                "more-findings",
                None,
                payload.origin().position,
                if counted {
                    format!("{hidden} more findings in this payload are not shown")
                } else {
                    format!(
                        "at least {hidden} more findings in this payload are not shown; {} \
                         elements of long arrays were not checked once the first findings \
                         were found",
                        crate::model::humanize::count(unchecked as u64)
                    )
                },
            ));
        }
        Verdict {
            origin: payload.origin().clone(),
            event: Some(event),
            schema: Some(schema.name.clone()),
            skipped: false,
            diagnostics,
        }
    }
}

/// The verdict on a payload of another HighLevel event: skipped, with a note that says so.
fn skipped(payload: &impl Fields, event: Event) -> Verdict {
    let message = format!(
        "{event} is another HighLevel event, not a message: skipped, not checked against the \
         message schemas"
    );
    let pointer = "/type".to_string();
    let position = payload.position_of(&pointer);
    Verdict {
        origin: payload.origin().clone(),
        event: Some(event),
        schema: None,
        skipped: true,
        diagnostics: vec![Diagnostic::new(
            OTHER_EVENT.severity,
            OTHER_EVENT.name,
            Some(pointer),
            position,
            message,
        )],
    }
}

/// The payload-level finding about the event, reported before all others: a `type` that names
/// no HighLevel event, or a message checked against a bundled schema of another event.
fn event_finding(
    payload: &impl Fields,
    event: &Event,
    schema: Option<Bundled>,
) -> Option<Diagnostic> {
    let events = MESSAGE_EVENTS.join(", ");
    match event {
        Event::Unknown(raw) => {
            let (pointer, message) = match payload.field("type").as_deref() {
                None => (
                    "/type".to_string(),
                    format!(
                        "the payload has no \"type\": expected a HighLevel event ({events}, or another such as ContactCreate)"
                    ),
                ),
                Some(value) if raw.is_empty() => (
                    "/type".to_string(),
                    format!(
                        "\"type\" is {}: expected the name of a HighLevel event ({events}, ...)",
                        typed_value(value)
                    ),
                ),
                Some(value) => {
                    let expected = match suggestion(raw) {
                        Some(near) => format!("did you mean {near:?}?"),
                        None => {
                            format!("expected {events}, or another event such as ContactCreate")
                        }
                    };
                    (
                        "/type".to_string(),
                        format!("{} is not a HighLevel event: {expected}", show_value(value)),
                    )
                }
            };
            let position = payload.position_of(&pointer);
            Some(Diagnostic::new(
                UNKNOWN_EVENT.severity,
                UNKNOWN_EVENT.name,
                Some(pointer),
                position,
                message,
            ))
        }
        _ => {
            let schema = schema?;
            let wants = schema.event();
            if !event.is_message() || wants == *event {
                return None;
            }
            let (pointer, found) = match payload.field("direction").as_deref() {
                Some(d) if *event != Event::Provider => {
                    ("/direction", format!("direction {}", show_value(d)))
                }
                _ => (
                    "/type",
                    format!(
                        "type {}",
                        show_value(
                            payload
                                .field("type")
                                .as_deref()
                                .unwrap_or(&serde_json::Value::Null)
                        )
                    ),
                ),
            };
            let position = payload.position_of(pointer);
            Some(Diagnostic::new(
                SCHEMA_EVENT_MISMATCH.severity,
                SCHEMA_EVENT_MISMATCH.name,
                Some(pointer.to_string()),
                position,
                format!(
                    "an {event} ({found}) checked against the {wants} schema {:?}; its own schema is {:?}",
                    schema.name(),
                    Bundled::for_event(
                        event,
                        schema == Bundled::Email || schema == Bundled::InboundEmail
                    )
                    .name()
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::each_payload;

    fn verdicts(checker: &Checker, text: &str) -> Vec<Verdict> {
        let mut out = Vec::new();
        each_payload(text.as_bytes(), |entry| {
            out.push(match entry {
                Ok(p) => checker.check(&p),
                Err(f) => f.into(),
            })
        });
        out
    }

    const INBOUND_SMS: &str = r#"{"type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v","dateAdded":"2021-04-21T11:31:45.750Z","direction":"inbound","messageType":"SMS"}"#;

    #[test]
    fn warnings_do_not_fail_unless_strict() {
        let lenient = Checker::new(&Selection::Auto, false, false).unwrap();
        let v = &verdicts(&lenient, INBOUND_SMS)[0];
        assert!(v.passed());
        assert_eq!(v.count(Severity::Warning), 1);
        assert_eq!(v.schema.as_deref(), Some("message"));
        let strict = Checker::new(&Selection::Auto, false, true).unwrap();
        let v = &verdicts(&strict, INBOUND_SMS)[0];
        assert!(!v.passed());
        assert_eq!(v.count(Severity::Warning), 0);
    }

    #[test]
    fn emails_get_the_email_schema() {
        let c = Checker::new(&Selection::Auto, false, false).unwrap();
        let email = INBOUND_SMS.replace("\"SMS\"", "\"Email\"");
        assert_eq!(verdicts(&c, &email)[0].schema.as_deref(), Some("email"));
        let forced = Checker::new(
            &Selection::Bundled(crate::validate::schema::Bundled::Message),
            false,
            false,
        )
        .unwrap();
        assert_eq!(
            verdicts(&forced, &email)[0].schema.as_deref(),
            Some("message")
        );
    }

    #[test]
    fn summary_line() {
        let mut s = Summary::default();
        assert_eq!(s.line(), "0 passed, 0 failed");
        s.passed = 3;
        s.failed = 1;
        s.warnings = 1;
        assert_eq!(s.line(), "3 passed, 1 failed, 1 warning");
        s.warnings = 2;
        assert_eq!(s.line(), "3 passed, 1 failed, 2 warnings");
    }

    #[test]
    fn faults_fail() {
        let c = Checker::new(&Selection::Auto, false, false).unwrap();
        let v = verdicts(&c, "{\"a\":");
        assert_eq!(v.len(), 1);
        assert!(!v[0].passed());
        assert_eq!(v[0].schema, None);
    }
}
