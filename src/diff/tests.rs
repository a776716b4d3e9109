//! Unit and property tests of the diff engine and its JSON Patch.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use super::patch::patch;
use super::*;

#[path = "../../tests/support/apply_patch.rs"]
mod apply_patch;

/// (op, pointer, left, right) of each difference, for comparisons.
fn summary<'a>(d: &[Difference<'a>]) -> Vec<(Op, String, Option<&'a Value>, Option<&'a Value>)> {
    d.iter()
        .map(|d| {
            let value = |n: Option<Node<'a>>| n.map(|n| n.as_value().expect("a parsed value"));
            (d.op, d.pointer(), value(d.left), value(d.right))
        })
        .collect()
}

fn lines(left: &Value, right: &Value, ignore: &Ignore) -> Vec<String> {
    diff(left, right, ignore)
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn patch_json(left: &Value, right: &Value, ignore: &Ignore) -> Value {
    let d = diff(left, right, ignore);
    serde_json::to_value(patch(&d)).unwrap()
}

fn ignoring(args: &[&str]) -> Ignore {
    let mut ig = Ignore::new();
    for a in args {
        ig.add(a).unwrap();
    }
    ig
}

#[test]
fn equal_values_have_no_differences() {
    let v = json!({"a": [1, {"b": null}], "c": "x"});
    assert!(diff(&v, &v, &Ignore::new()).is_empty());
}

#[test]
fn changed_added_removed_are_named_by_pointer() {
    let l = json!({"status": "delivered", "messageId": "tyW42", "n": 1});
    let r = json!({"n": 1, "status": "failed", "subject": "Order Confirmed"});
    assert_eq!(
        lines(&l, &r, &Ignore::new()),
        vec![
            "~ /status: \"delivered\" → \"failed\"",
            "- /messageId: \"tyW42\"",
            "+ /subject: \"Order Confirmed\"",
        ]
    );
}

#[test]
fn type_changes_are_said() {
    let l = json!({"callDuration": "120"});
    let r = json!({"callDuration": 120});
    assert_eq!(
        lines(&l, &r, &Ignore::new()),
        vec!["~ /callDuration: \"120\" (string) → 120 (number)"]
    );
    let l = json!({"to": ["a@b.c"]});
    let r = json!({"to": "a@b.c"});
    assert_eq!(
        lines(&l, &r, &Ignore::new()),
        vec!["~ /to: [\"a@b.c\"] (array) → \"a@b.c\" (string)"]
    );
}

#[test]
fn long_values_are_shortened() {
    let long = "x".repeat(100);
    let l = json!({ "body": long });
    let r = json!({});
    let line = &lines(&l, &r, &Ignore::new())[0];
    assert!(
        line.starts_with("- /body: \"xxx") && line.ends_with('…'),
        "{line}"
    );
}

#[test]
fn arrays_compare_by_index() {
    let l = json!({"a": [1, 2, 3, 4]});
    let r = json!({"a": [1, 5]});
    assert_eq!(
        lines(&l, &r, &Ignore::new()),
        vec!["~ /a/1: 2 → 5", "- /a/2: 3", "- /a/3: 4"]
    );
    assert_eq!(
        lines(&r, &l, &Ignore::new()),
        vec!["~ /a/1: 5 → 2", "+ /a/2: 3", "+ /a/3: 4"]
    );
}

#[test]
fn pointers_escape_tilde_and_slash() {
    let l = json!({"a/b": {"c~d": 1}});
    let r = json!({"a/b": {"c~d": 2}});
    assert_eq!(lines(&l, &r, &Ignore::new()), vec!["~ /a~1b/c~0d: 1 → 2"]);
    assert!(diff(&l, &r, &ignoring(&["/a~1b/c~0d"])).is_empty());
}

#[test]
fn numbers_compare_by_value_and_integers_exactly() {
    let eq = |a: Value, b: Value| values_equal(&a, &b);
    assert!(eq(json!(120), json!(120.0)));
    assert!(eq(json!(-3), json!(-3.0)));
    assert!(!eq(json!(120), json!(120.5)));
    assert!(eq(json!(1.5), json!(1.5)));
    // 2^53 + 1 is not representable as f64: rounding would make these equal.
    let big: Value = serde_json::from_str("9007199254740993").unwrap();
    let near: Value = serde_json::from_str("9007199254740992").unwrap();
    let near_float: Value = serde_json::from_str("9007199254740992.0").unwrap();
    assert!(!eq(big.clone(), near.clone()));
    assert!(!eq(big.clone(), near_float.clone()));
    assert!(eq(near, near_float));
    assert!(eq(big.clone(), big));
    let max: Value = serde_json::from_str("18446744073709551615").unwrap();
    let max_minus: Value = serde_json::from_str("18446744073709551614").unwrap();
    assert!(!eq(max.clone(), max_minus));
    // 2^64 as a float is not u64::MAX.
    assert!(!eq(max, json!(18446744073709551616.0)));
    let min: Value = serde_json::from_str("-9223372036854775808").unwrap();
    let min_plus: Value = serde_json::from_str("-9223372036854775807").unwrap();
    assert!(!eq(min.clone(), min_plus));
    assert!(eq(min, json!(-9223372036854775808.0)));
    let zero: Value = serde_json::from_str("-0").unwrap();
    assert!(eq(zero, json!(0)));
    // Beyond u64, integers are parsed as f64: these round to the same value (documented).
    let a: Value = serde_json::from_str("36893488147419103232").unwrap();
    let b: Value = serde_json::from_str("36893488147419103233").unwrap();
    assert!(eq(a, b));
}

#[test]
fn number_spelling_is_no_difference() {
    let l = json!({"callDuration": 120, "x": [1.0]});
    let r = json!({"callDuration": 120.0, "x": [1]});
    assert!(diff(&l, &r, &Ignore::new()).is_empty());
}

#[test]
fn key_order_is_no_difference() {
    let l: Value = serde_json::from_str(r#"{"a":1,"b":{"c":2,"d":3}}"#).unwrap();
    let r: Value = serde_json::from_str(r#"{"b":{"d":3,"c":2},"a":1}"#).unwrap();
    assert!(diff(&l, &r, &Ignore::new()).is_empty());
}

#[test]
fn ignore_pointer_and_key() {
    let l = json!({"messageId": "a", "dateAdded": "x", "attachments": ["u", "v"], "m": {"messageId": 1}});
    let r = json!({"messageId": "b", "dateAdded": "y", "attachments": ["w", "v"], "m": {"messageId": 2}});
    assert_eq!(lines(&l, &r, &Ignore::new()).len(), 4);
    assert_eq!(
        lines(&l, &r, &ignoring(&["messageId", "/dateAdded"])),
        vec!["~ /attachments/0: \"u\" → \"w\""]
    );
    assert!(
        diff(
            &l,
            &r,
            &ignoring(&["messageId", "/dateAdded", "/attachments/0"])
        )
        .is_empty()
    );
    // A pointer ignores only its own place.
    assert_eq!(
        lines(&l, &r, &ignoring(&["/messageId"])),
        vec![
            "~ /dateAdded: \"x\" → \"y\"",
            "~ /attachments/0: \"u\" → \"w\"",
            "~ /m/messageId: 1 → 2",
        ]
    );
}

#[test]
fn ignore_ids_covers_the_id_fields() {
    let mut ig = Ignore::new();
    ig.add_ids();
    let l = json!({"messageId": "a", "contactId": "c1", "body": "hi", "timestamp": 1});
    let r = json!({"messageId": "b", "contactId": "c2", "body": "hi", "timestamp": 2});
    assert!(diff(&l, &r, &ig).is_empty());
}

#[test]
fn bad_ignore_arguments_are_refused() {
    let mut ig = Ignore::new();
    assert!(ig.add("").is_err());
    let e = ig.add("/a~2b").unwrap_err();
    assert!(e.to_string().contains("~0"), "{e}");
    assert!(ig.add("/a~").is_err());
    assert!(ig.is_empty());
    assert!(ig.add("/").is_ok());
}

#[test]
fn index_tokens_must_be_canonical() {
    let l = json!({"a": [1, 2]});
    let r = json!({"a": [3, 4]});
    assert_eq!(diff(&l, &r, &ignoring(&["/a/01"])).len(), 2);
    assert_eq!(diff(&l, &r, &ignoring(&["/a/1"])).len(), 1);
}

#[test]
fn patch_removes_array_elements_from_the_top() {
    let l = json!({"a": [1, 2, 3, 4]});
    let r = json!({"a": [1]});
    let p = patch_json(&l, &r, &Ignore::new());
    assert_eq!(
        p,
        json!([
            {"op": "remove", "path": "/a/3"},
            {"op": "remove", "path": "/a/2"},
            {"op": "remove", "path": "/a/1"},
        ])
    );
    assert_eq!(apply_patch::apply(&l, &p).unwrap(), r);
}

#[test]
fn patch_ops_for_each_kind() {
    let l = json!({"s": "delivered", "gone": true, "n": [1]});
    let r = json!({"s": "failed", "n": [1, {"x": null}], "new": "v"});
    let p = patch_json(&l, &r, &Ignore::new());
    assert_eq!(
        p,
        json!([
            {"op": "replace", "path": "/s", "value": "failed"},
            {"op": "remove", "path": "/gone"},
            {"op": "add", "path": "/n/1", "value": {"x": null}},
            {"op": "add", "path": "/new", "value": "v"},
        ])
    );
    assert_eq!(apply_patch::apply(&l, &p).unwrap(), r);
}

#[test]
fn patch_skips_ignored_array_additions() {
    let l = json!({"a": ["x"]});
    let r = json!({"a": ["x", "y", "z"]});
    let p = patch_json(&l, &r, &ignoring(&["/a/1"]));
    assert_eq!(p, json!([{"op": "add", "path": "/a/1", "value": "z"}]));
    assert_eq!(
        apply_patch::apply(&l, &p).unwrap(),
        json!({"a": ["x", "z"]})
    );
    let p = patch_json(&r, &l, &ignoring(&["/a/1"]));
    assert_eq!(p, json!([{"op": "remove", "path": "/a/2"}]));
}

#[test]
fn whole_values_of_different_types_are_replaced() {
    let l = json!([1]);
    let r = json!({"a": 1});
    let d = diff(&l, &r, &Ignore::new());
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].pointer(), "");
    let p = patch_json(&l, &r, &Ignore::new());
    assert_eq!(apply_patch::apply(&l, &p).unwrap(), r);
}

// ---- property tests ----

/// Keys from a small alphabet, so that two values share keys often, with `~` and `/` to
/// exercise pointer escapes, and the ignored key `k`.
fn key() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["a", "b", "k", "messageId", "x/y", "t~1", "", "é"])
        .prop_map(str::to_string)
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..3).prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(vec![0.5, -1.25, 2.0, 1e300]).prop_map(Value::from),
        prop::sample::select(vec!["", "x", "delivered", "\u{1b}[31m"]).prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Two values that share much of their structure: `b` is `a` with some random edits.
fn related_pair() -> impl Strategy<Value = (Value, Value)> {
    prop_oneof![
        (json_value(), json_value()),
        (json_value(), json_value(), any::<u64>()).prop_map(|(a, graft, seed)| {
            let mut b = a.clone();
            mutate(&mut b, graft, seed);
            (a, b)
        }),
    ]
}

/// Replaces, inserts or removes somewhere in `v`, steered by `seed`.
fn mutate(v: &mut Value, graft: Value, seed: u64) {
    match v {
        Value::Object(m) if !m.is_empty() && !seed.is_multiple_of(4) => {
            let i = (seed as usize / 4) % m.len();
            let Some(k) = m.keys().nth(i).cloned() else {
                return;
            };
            if seed.is_multiple_of(7) {
                m.shift_remove(&k);
            } else if let Some(child) = m.get_mut(&k) {
                mutate(child, graft, seed / 13);
            }
        }
        Value::Array(a) if !a.is_empty() && !seed.is_multiple_of(4) => {
            let i = (seed as usize / 4) % a.len();
            match seed % 5 {
                0 => {
                    a.truncate(i);
                }
                1 => a.push(graft),
                _ => mutate(&mut a[i], graft, seed / 11),
            }
        }
        _ => *v = graft,
    }
}

/// The same value with the keys of every object in reverse order.
fn reversed(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .rev()
                .map(|(k, v)| (k.clone(), reversed(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(reversed).collect()),
        other => other.clone(),
    }
}

/// A value as text with the keys of every object sorted.
fn canonical(v: &Value) -> String {
    fn sort(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let mut kv: Vec<_> = m.iter().map(|(k, v)| (k.clone(), sort(v))).collect();
                kv.sort_by(|x, y| x.0.cmp(&y.0));
                Value::Object(kv.into_iter().collect())
            }
            Value::Array(a) => Value::Array(a.iter().map(sort).collect()),
            other => other.clone(),
        }
    }
    sort(v).to_string()
}

fn sorted(
    mut d: Vec<(Op, String, Option<&Value>, Option<&Value>)>,
) -> Vec<(Op, String, Option<String>, Option<String>)> {
    let mut out: Vec<_> = d
        .drain(..)
        .map(|(op, p, l, r)| (op, p, l.map(canonical), r.map(canonical)))
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_value_equals_itself(a in json_value()) {
        prop_assert!(diff(&a, &a, &Ignore::new()).is_empty());
    }

    #[test]
    fn the_patch_turns_left_into_right((a, b) in related_pair()) {
        let p = patch_json(&a, &b, &Ignore::new());
        let got = apply_patch::apply(&a, &p).map_err(TestCaseError::fail)?;
        prop_assert!(values_equal(&got, &b), "patch {p}\ngave {got}\nwanted {b}");
        prop_assert_eq!(diff(&a, &b, &Ignore::new()).is_empty(), p.as_array().unwrap().is_empty());
    }

    #[test]
    fn ignoring_a_key_removes_exactly_the_differences_under_it((a, b) in related_pair()) {
        let all = diff(&a, &b, &Ignore::new());
        let kept: Vec<_> = all
            .iter()
            .filter(|d| !d.path.contains(&Step::Key("k".into())))
            .cloned()
            .collect();
        prop_assert_eq!(summary(&diff(&a, &b, &ignoring(&["k"]))), summary(&kept));
    }

    #[test]
    fn ignoring_a_pointer_removes_exactly_the_differences_under_it(
        (a, b) in related_pair(),
        p in prop::sample::select(vec!["/a", "/0", "/a/0", "/b/k", "/x~1y", "/t~01"]),
    ) {
        let prefix = super::parse_pointer(p).unwrap();
        let all = diff(&a, &b, &Ignore::new());
        let kept: Vec<_> = all
            .iter()
            .filter(|d| {
                !(d.path.len() >= prefix.len()
                    && prefix.iter().zip(&d.path).all(|(t, s)| t.matches(s)))
            })
            .cloned()
            .collect();
        prop_assert_eq!(summary(&diff(&a, &b, &ignoring(&[p]))), summary(&kept));
    }

    #[test]
    fn a_patch_with_ignored_places_still_applies(
        (a, b) in related_pair(),
        p in prop::sample::select(vec!["/0", "/1", "/a/0", "/a/1", "k"]),
    ) {
        let patch = patch_json(&a, &b, &ignoring(&[p]));
        prop_assert!(apply_patch::apply(&a, &patch).is_ok(), "{patch}");
    }

    #[test]
    fn key_order_never_matters((a, b) in related_pair()) {
        let (ra, rb) = (reversed(&a), reversed(&b));
        prop_assert!(diff(&a, &ra, &Ignore::new()).is_empty());
        let d1 = diff(&a, &b, &Ignore::new());
        let d2 = diff(&ra, &rb, &Ignore::new());
        prop_assert_eq!(sorted(summary(&d1)), sorted(summary(&d2)));
    }

    #[test]
    fn diff_is_symmetric((a, b) in related_pair()) {
        let forward = diff(&a, &b, &Ignore::new());
        let backward = diff(&b, &a, &Ignore::new());
        prop_assert_eq!(forward.len(), backward.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A large payload is compared through its bytes: every pairing of parsed and read
    /// through the bytes gives the same lines and the same patch as two parsed values.
    #[test]
    fn values_read_through_their_bytes_differ_as_parsed_ones(
        (a, b) in related_pair(),
        pretty in any::<bool>(),
        ignore in prop::option::of(key()),
    ) {
        use crate::input::doc::Doc;
        let text = |v: &Value| match pretty {
            true => serde_json::to_string_pretty(v).unwrap(),
            false => v.to_string(),
        };
        let (ta, tb) = (text(&a), text(&b));
        let (da, db) = (Doc::build(ta.as_bytes()).unwrap(), Doc::build(tb.as_bytes()).unwrap());
        let mut ig = Ignore::new();
        if let Some(k) = ignore.filter(|k| !k.is_empty()) {
            ig.add_key(&k);
        }
        let shown = |l: Node<'_>, r: Node<'_>| {
            let (d, total) = diff_capped(l, r, &ig, 7);
            let lines: Vec<String> = d.iter().map(ToString::to_string).collect();
            let patch = serde_json::to_value(patch(&diff_capped(l, r, &ig, usize::MAX).0)).unwrap();
            (lines, total, patch)
        };
        let want = shown((&a).into(), (&b).into());
        let (na, nb) = (Node::Doc(da.root()), Node::Doc(db.root()));
        prop_assert_eq!(&shown(na, nb), &want);
        prop_assert_eq!(&shown(na, (&b).into()), &want);
        prop_assert_eq!(&shown((&a).into(), nb), &want);
    }
}
