//! Checking one payload: schema violations (errors), semantic rules (warnings) and schema drift
//! (notes), in one [`Verdict`].

mod first;
pub mod lint;
pub mod schema;

use std::sync::Arc;

use crate::classify::classify;
use crate::input::parse::Payload;
use crate::model::finding::Fault;
use crate::model::finding::{Diagnostic, Severity};
use crate::model::origin::Origin;
use crate::validate::lint::lint;
use crate::validate::schema::{SchemaError, SchemaSet, Selection};

/// The most findings shown for one payload (errors first); the rest are counted in a note.
pub const MAX_FINDINGS: usize = 1000;

/// What `validate` concluded about one entry of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Where the entry starts.
    pub origin: Origin,
    /// The schema that checked it (`None` when it is not a payload).
    pub schema: Option<Arc<str>>,
    /// Its findings: errors first, then warnings, then notes, each in source order.
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
            schema: None,
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
    /// Warning findings.
    pub warnings: u64,
    /// Note findings.
    pub notes: u64,
}

impl Summary {
    /// Counts one verdict.
    pub fn add(&mut self, v: &Verdict) {
        if v.passed() {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.warnings += v.count(Severity::Warning) as u64;
        self.notes += v.count(Severity::Note) as u64;
    }

    /// The closing line: `N passed, N failed`, then `, N warnings` when there are any.
    pub fn line(&self) -> String {
        let mut s = format!("{} passed, {} failed", self.passed, self.failed);
        if self.warnings > 0 {
            let noun = if self.warnings == 1 {
                "warning"
            } else {
                "warnings"
            };
            s.push_str(&format!(", {} {noun}", self.warnings));
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

    /// The verdict on one payload.
    pub fn check(&self, payload: &Payload<'_>) -> Verdict {
        let class = classify(payload.fields());
        let schema = self.schemas.choose(class.is_email());
        // Past the cap, schema violations are only counted: not described, not positioned.
        let (mut diagnostics, violations) = schema.violations(payload, MAX_FINDINGS);
        let unshown = violations - diagnostics.len();
        diagnostics.extend(lint(payload, &class, |f| self.schemas.knows_field(f)));
        if self.strict {
            for d in &mut diagnostics {
                if d.severity == Severity::Warning {
                    d.severity = Severity::Error;
                }
            }
        }
        diagnostics.sort_by_key(|d| (d.severity, d.position));
        if diagnostics.len() + unshown > MAX_FINDINGS {
            let hidden = diagnostics.len() + unshown - MAX_FINDINGS;
            diagnostics.truncate(MAX_FINDINGS);
            diagnostics.push(Diagnostic::new(
                Severity::Note,
                "more-findings",
                None,
                payload.origin.position,
                format!("{hidden} more findings in this payload are not shown"),
            ));
        }
        Verdict {
            origin: payload.origin.clone(),
            schema: Some(schema.name.clone()),
            diagnostics,
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
