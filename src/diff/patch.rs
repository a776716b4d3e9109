//! RFC 6902 JSON Patch from a list of differences.
//!
//! Changed places become `replace`, added places `add` and removed places `remove`. Applied in
//! order to LEFT, the patch gives RIGHT (less any ignored places). Two details keep every
//! operation valid for a conforming implementation:
//!
//! * elements removed from the end of an array are removed from the highest index down, so the
//!   indices of the elements still to be removed do not move;
//! * when an element added to an array is ignored, the elements added after it are added one
//!   index lower, since the ignored one is never inserted.

use serde::Serialize;
use serde_json::Value;

use super::{Difference, Op, Step, pointer};

/// One RFC 6902 operation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Operation<'a> {
    /// Inserts a member or an element.
    Add {
        /// Where.
        path: String,
        /// What.
        value: &'a Value,
    },
    /// Removes a member or an element.
    Remove {
        /// Where.
        path: String,
    },
    /// Replaces a value.
    Replace {
        /// Where.
        path: String,
        /// The new value.
        value: &'a Value,
    },
}

/// The JSON Patch that turns LEFT into RIGHT, from [`super::diff`]'s differences (in the order
/// that function returns them).
pub fn patch<'a>(differences: &[Difference<'a>]) -> Vec<Operation<'a>> {
    let mut ops = Vec::with_capacity(differences.len());
    let mut i = 0;
    while i < differences.len() {
        let d = &differences[i];
        match (d.op, d.left, d.right) {
            (Op::Removed, _, _) if is_element(d) => {
                // A run of removals from one array: highest index first.
                let parent = &d.path[..d.path.len() - 1];
                let mut end = i + 1;
                while end < differences.len()
                    && differences[end].op == Op::Removed
                    && is_element(&differences[end])
                    && differences[end].path[..differences[end].path.len() - 1] == *parent
                {
                    end += 1;
                }
                for r in differences[i..end].iter().rev() {
                    ops.push(Operation::Remove { path: r.pointer() });
                }
                i = end;
                continue;
            }
            (Op::Removed, _, _) => ops.push(Operation::Remove { path: d.pointer() }),
            (Op::Added, _, Some(value)) => {
                let path = match d.path.split_last() {
                    Some((Step::Index(at), parent)) if d.skipped > 0 => {
                        let mut steps = parent.to_vec();
                        steps.push(Step::Index(at - d.skipped));
                        pointer(&steps)
                    }
                    _ => d.pointer(),
                };
                ops.push(Operation::Add { path, value });
            }
            (Op::Changed, _, Some(value)) => ops.push(Operation::Replace {
                path: d.pointer(),
                value,
            }),
            // A difference always carries the values its operation needs.
            (_, _, None) => {}
        }
        i += 1;
    }
    ops
}

fn is_element(d: &Difference<'_>) -> bool {
    matches!(d.path.last(), Some(Step::Index(_)))
}
