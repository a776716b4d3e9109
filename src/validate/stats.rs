//! `validate --statistics`: the findings of a run counted by rule and severity, each with where
//! it was first seen. Memory grows with the number of distinct rules (a few dozen, plus the
//! JSON Schema keywords), never with the number of findings.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::finding::Severity;
use crate::model::origin::{Origin, Position};
use crate::validate::Verdict;

/// One rule's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCount {
    /// The rule's name (`required`, `unknown-field`, `json`).
    pub rule: String,
    /// Its severity.
    pub severity: Severity,
    /// How many findings.
    pub count: u64,
    /// How many entries had at least one.
    pub payloads: u64,
    /// Where the first was: the entry, and the finding's own position.
    pub first: (Origin, Position),
}

/// The counts of a run, in the order rules were first seen.
#[derive(Debug, Default)]
pub struct Statistics {
    /// Rule names are static strings but for schema keywords of a given schema: the key clones
    /// without allocating for most findings.
    index: HashMap<(Cow<'static, str>, Severity), usize>,
    rows: Vec<RuleCount>,
}

impl Statistics {
    /// Counts the findings of one verdict.
    pub fn add(&mut self, v: &Verdict) {
        let mut seen_here: Vec<usize> = Vec::new();
        for d in &v.diagnostics {
            let key = (d.rule.clone(), d.severity);
            let i = match self.index.get(&key) {
                Some(&i) => i,
                None => {
                    self.rows.push(RuleCount {
                        rule: key.0.to_string(),
                        severity: d.severity,
                        count: 0,
                        payloads: 0,
                        first: (v.origin.clone(), d.position),
                    });
                    self.index.insert(key, self.rows.len() - 1);
                    self.rows.len() - 1
                }
            };
            self.rows[i].count += 1;
            if !seen_here.contains(&i) {
                seen_here.push(i);
                self.rows[i].payloads += 1;
            }
        }
    }

    /// The rows: errors first, then warnings, then notes; within each, the most frequent first
    /// (ties in the order they were first seen).
    pub fn rows(&self) -> Vec<&RuleCount> {
        let mut rows: Vec<&RuleCount> = self.rows.iter().collect();
        rows.sort_by_key(|r| (severity_rank(r.severity), std::cmp::Reverse(r.count)));
        rows
    }
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::finding::Diagnostic;

    fn verdict(line: u64, rules: &[(&'static str, Severity)]) -> Verdict {
        Verdict {
            origin: Origin {
                source: Arc::from("a.ndjson"),
                position: Position::new(line, 1),
                index: line - 1,
            },
            event: None,
            schema: None,
            skipped: false,
            diagnostics: rules
                .iter()
                .map(|(r, s)| Diagnostic::new(*s, *r, None, Position::new(line, 5), "m"))
                .collect(),
        }
    }

    #[test]
    fn counts_by_rule_and_severity_with_the_first_position() {
        let mut s = Statistics::default();
        s.add(&verdict(1, &[("unknown-field", Severity::Note)]));
        s.add(&verdict(
            2,
            &[("required", Severity::Error), ("required", Severity::Error)],
        ));
        s.add(&verdict(3, &[("unknown-field", Severity::Note)]));
        s.add(&verdict(
            4,
            &[("direction-not-outbound", Severity::Warning)],
        ));
        let rows = s.rows();
        let names: Vec<&str> = rows.iter().map(|r| r.rule.as_str()).collect();
        assert_eq!(
            names,
            ["required", "direction-not-outbound", "unknown-field"]
        );
        assert_eq!((rows[0].count, rows[0].payloads), (2, 1));
        assert_eq!((rows[2].count, rows[2].payloads), (2, 2));
        assert_eq!(rows[2].first.0.line(), 1);
        assert_eq!(rows[2].first.1, Position::new(1, 5));
    }
}
