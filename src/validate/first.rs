//! The first findings of a payload in source order, chosen without positioning them all: each
//! candidate is ranked by where its pointer falls in the parsed value (the order of the source),
//! and only the first few are kept, so a payload with millions of violations costs time linear in
//! their number and memory bounded by the cap.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::input::locate::pointer_tokens;

/// The `cap` items that come first in `value`'s source order (by the pointer `path` gives each,
/// ties in the order they came), sorted in that order; and how many items there were in all.
pub fn first_in_source_order<T>(
    items: impl IntoIterator<Item = T>,
    path: impl Fn(&T) -> String,
    value: &Value,
    cap: usize,
) -> (Vec<T>, usize) {
    let mut ranks = Ranks::default();
    let mut kept: Vec<(Vec<u32>, usize, T)> = Vec::new();
    let mut total = 0;
    for item in items {
        let key = ranks.key(value, &path(&item));
        kept.push((key, total, item));
        total += 1;
        if kept.len() >= cap.saturating_mul(2).max(64) {
            kept.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
            kept.truncate(cap);
        }
    }
    kept.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    kept.truncate(cap);
    (kept.into_iter().map(|(_, _, item)| item).collect(), total)
}

/// Ranks of members in objects, built once per object that needs them: a pointer's ranks, step
/// by step, order pointers as their values come in the source.
#[derive(Default)]
pub struct Ranks<'v> {
    objects: HashMap<*const Map<String, Value>, HashMap<&'v str, u32>>,
}

impl<'v> Ranks<'v> {
    /// The rank of each step of `pointer` among its siblings; a step that does not exist ends it.
    pub fn key(&mut self, value: &'v Value, pointer: &str) -> Vec<u32> {
        let mut key = Vec::new();
        let mut at = value;
        for token in pointer_tokens(pointer) {
            let next = match at {
                Value::Object(map) => {
                    let ranks = self.objects.entry(map as *const _).or_insert_with(|| {
                        map.keys()
                            .enumerate()
                            .map(|(i, k)| (k.as_str(), i as u32))
                            .collect()
                    });
                    ranks
                        .get(token.as_str())
                        .map(|&r| (r, &map[token.as_str()]))
                }
                Value::Array(items) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get(i).map(|v| (i as u32, v))),
                _ => None,
            };
            let Some((rank, v)) = next else { break };
            key.push(rank);
            at = v;
        }
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_in_source_order_and_counts_all() {
        let value: Value =
            serde_json::from_str(r#"{"b": [1, 2, 3], "a": {"x": 1, "c": 2}}"#).unwrap();
        let paths = ["/a/c", "/b/2", "/a", "/b/0", "/a/x", "/b", "/b/1", "/nope"];
        let (first, total) = first_in_source_order(paths, |p| p.to_string(), &value, 4);
        assert_eq!(total, 8);
        assert_eq!(first, ["/nope", "/b", "/b/0", "/b/1"]);
        let value = serde_json::json!({ "b": (0..1000).collect::<Vec<_>>() });
        let many = (0..1000).rev().map(|i| format!("/b/{i}"));
        let (first, total) = first_in_source_order(many, String::clone, &value, 2);
        assert_eq!(total, 1000);
        assert_eq!(first, ["/b/0", "/b/1"]);
    }
}
