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

use super::{Difference, Node, Op, Step, pointer};
use serde::Serialize;

/// One RFC 6902 operation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Operation<'a> {
    /// Inserts a member or an element.
    Add {
        /// Where.
        path: String,
        /// What.
        value: Node<'a>,
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
        value: Node<'a>,
    },
}

/// The JSON Patch that turns LEFT into RIGHT, from [`super::diff`]'s differences (in the order
/// that function returns them).
pub fn patch<'a>(differences: &[Difference<'a>]) -> Vec<Operation<'a>> {
    let mut ops = Vec::with_capacity(differences.len());
    let mut patcher = Patcher::default();
    for d in differences {
        patcher.push(d, &mut |op| ops.push(op));
    }
    patcher.finish(&mut |op| ops.push(op));
    ops
}

/// Turns differences into operations as they come (in the order [`super::diff`] gives them):
/// only a run of elements removed from one array waits, as ranges of indices (one unless an
/// index in it is ignored), to be removed from the highest down.
#[derive(Debug, Default)]
pub struct Patcher {
    /// The array's pointer and the ranges of indices removed from it so far.
    removals: Option<(String, Vec<(usize, usize)>)>,
}

impl Patcher {
    /// The operations of one more difference (none while a run of removals goes on).
    pub fn push<'a>(&mut self, d: &Difference<'a>, emit: &mut dyn FnMut(Operation<'a>)) {
        if let (Op::Removed, Some((Step::Index(at), parent))) = (d.op, d.path.split_last()) {
            let parent = pointer(parent);
            match &mut self.removals {
                Some((run, ranges)) if *run == parent => match ranges.last_mut() {
                    Some((_, last)) if *last + 1 == *at => *last = *at,
                    _ => ranges.push((*at, *at)),
                },
                _ => {
                    self.finish(emit);
                    self.removals = Some((parent, vec![(*at, *at)]));
                }
            }
            return;
        }
        self.finish(emit);
        match (d.op, d.right) {
            (Op::Removed, _) => emit(Operation::Remove { path: d.pointer() }),
            (Op::Added, Some(value)) => {
                let path = match d.path.split_last() {
                    Some((Step::Index(at), parent)) if d.skipped > 0 => {
                        let mut steps = parent.to_vec();
                        steps.push(Step::Index(at - d.skipped));
                        pointer(&steps)
                    }
                    _ => d.pointer(),
                };
                emit(Operation::Add { path, value });
            }
            (Op::Changed, Some(value)) => emit(Operation::Replace {
                path: d.pointer(),
                value,
            }),
            // A difference always carries the values its operation needs.
            (_, None) => {}
        }
    }

    /// The operations still waiting: the removals of the last run, highest index first.
    pub fn finish<'a>(&mut self, emit: &mut dyn FnMut(Operation<'a>)) {
        if let Some((parent, ranges)) = self.removals.take() {
            for (first, last) in ranges.into_iter().rev() {
                for at in (first..=last).rev() {
                    emit(Operation::Remove {
                        path: format!("{parent}/{at}"),
                    });
                }
            }
        }
    }
}
