//! The drift tests: shapes read from schemas, counts and statuses, groups, limits, and odd
//! input that must never panic.

use super::*;
use crate::model::origin::Origin;
use crate::model::origin::Position;
use serde_json::{Value, json};

fn message_shape() -> Shape {
    let v: Value = serde_json::from_str(crate::validate::schema::MESSAGE_SCHEMA).unwrap();
    Shape::from_schema("message", &v)
}

fn row<'r>(report: &'r Report<'_>, pointer: &str) -> &'r Row<'r> {
    report.groups[0]
        .rows
        .iter()
        .find(|r| r.pointer == pointer)
        .unwrap_or_else(|| panic!("no row {pointer}"))
}

fn base() -> Value {
    json!({"type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v",
           "dateAdded":"2024-01-01T00:00:00Z","direction":"outbound","messageType":"SMS"})
}

#[test]
fn the_shape_comes_from_the_schema_itself() {
    let shape = message_shape();
    let get = |p: &str| shape.places().iter().find(|d| d.pointer == p).unwrap();
    assert_eq!(
        get("/type").allowed,
        Some(Types::NONE.with(JsonType::String))
    );
    assert!(get("/type").required);
    assert!(!get("/body").required);
    assert_eq!(get("/to").allowed.unwrap().names(), ["string", "array"]);
    assert_eq!(get("/to/*").allowed.unwrap().names(), ["string"]);
    assert_eq!(get("/attachments/*").allowed.unwrap().names(), ["string"]);
    assert_eq!(shape.places()[0].pointer, "/type");
}

#[test]
fn nested_properties_refs_all_of_any_of_and_enums() {
    let schema = json!({
        "$defs": {"id": {"type": "string"}},
        "type": "object",
        "required": ["meta"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"$ref": "#/$defs/id"}, "a/b": {"enum": [1, "x"]}}
            },
            "list": {"type": "array", "items": {"properties": {"sku": {"type": "integer"}}}},
            "maybe": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "both": {"allOf": [{"type": ["string", "number"]}, {"type": "number"}]},
            "self": {"properties": {"again": {"$ref": "#"}}}
        }
    });
    let shape = Shape::from_schema("s", &schema);
    let get = |p: &str| {
        shape
            .places()
            .iter()
            .find(|d| d.pointer == p)
            .unwrap_or_else(|| panic!("{p}"))
    };
    assert!(get("/meta/id").required);
    assert_eq!(get("/meta/id").allowed.unwrap().names(), ["string"]);
    assert_eq!(
        get("/meta/a~1b").allowed.unwrap().names(),
        ["integer", "string"]
    );
    assert_eq!(get("/list/*/sku").allowed.unwrap().names(), ["integer"]);
    assert_eq!(get("/list/*").allowed, None);
    assert_eq!(get("/maybe").allowed.unwrap().names(), ["null", "string"]);
    assert_eq!(get("/both").allowed.unwrap().names(), ["number"]);
    // A recursive schema stops at the depth limit instead of looping.
    assert!(get("/self/again/meta/id").required);
    assert!(shape.places().len() < MAX_DECLARED);
}

#[test]
fn counts_statuses_and_exit_rule() {
    let mut d = Drift::new(vec![message_shape()]);
    for i in 0..9 {
        let mut p = base();
        if i % 3 == 0 {
            p["brandNew"] = json!({"deep": [1, 2]});
        }
        if i < 4 {
            p["callDuration"] = json!(12);
        } else if i < 6 {
            p["callDuration"] = json!("12");
        }
        if i == 8 {
            p.as_object_mut().unwrap().remove("contactId");
        }
        p["attachments"] = json!(["a", "b", 3]);
        d.add(&p, 0, None);
    }
    let r = d.report();
    let extra = row(&r, "/brandNew");
    assert_eq!(
        (extra.status, extra.seen, extra.declared),
        (Status::Extra, 3, false)
    );
    assert_eq!(row(&r, "/brandNew/deep/*").types, [(JsonType::Integer, 3)]);
    let cd = row(&r, "/callDuration");
    assert_eq!(cd.status, Status::TypeDrift);
    assert_eq!(cd.types, [(JsonType::Integer, 4), (JsonType::String, 2)]);
    assert_eq!(cd.drift, [(JsonType::String, 2)]);
    let c = row(&r, "/contactId");
    assert_eq!((c.status, c.missing, c.seen), (Status::Missing, 1, 8));
    let a = row(&r, "/attachments/*");
    assert_eq!(a.seen, 9, "counted once per payload");
    assert_eq!(a.types, [(JsonType::Integer, 9), (JsonType::String, 9)]);
    assert_eq!(row(&r, "/chatWidgetId").status, Status::NeverSeen);
    assert_eq!(row(&r, "/body").status, Status::NeverSeen);
    assert_eq!(row(&r, "/type").status, Status::Ok);
    assert_eq!(r.totals.payloads, 9);
    assert_eq!(r.totals.extra, 3);
    assert_eq!(r.totals.missing, 1);
    assert!(!r.totals.fits(true));
}

#[test]
fn integers_fit_numbers_and_whole_floats_are_integers() {
    assert_eq!(JsonType::of(&json!(120.0)), JsonType::Integer);
    assert_eq!(JsonType::of(&json!(1.5)), JsonType::Number);
    assert_eq!(JsonType::of(&json!(-3)), JsonType::Integer);
    let number = Types::NONE.with(JsonType::Number);
    assert!(number.allows(JsonType::Integer));
    assert!(!Types::NONE.with(JsonType::Integer).allows(JsonType::Number));
    let mut d = Drift::new(vec![message_shape()]);
    let mut p = base();
    p["callDuration"] = json!(1.5);
    p["messageTypeId"] = json!(2.0);
    d.add(&p, 0, None);
    let r = d.report();
    assert_eq!(row(&r, "/callDuration").status, Status::Ok);
    assert_eq!(row(&r, "/messageTypeId").status, Status::Ok);
    assert!(r.totals.fits(false));
}

#[test]
fn nested_required_counts_parents_that_lack_it() {
    let schema =
        json!({"properties": {"list": {"items": {"required": ["k"], "properties": {"k": {}}}}}});
    let mut d = Drift::new(vec![Shape::from_schema("s", &schema)]);
    d.add(&json!({"list": [{"k": 1}, {}]}), 0, None);
    d.add(&json!({"list": [{"k": 1}]}), 0, None);
    d.add(&json!({}), 0, None);
    let r = d.report();
    let k = row(&r, "/list/*/k");
    assert_eq!((k.seen, k.missing, k.status), (2, 1, Status::Missing));
}

#[test]
fn groups_split_by_schema_and_channel() {
    let email: Value = serde_json::from_str(crate::validate::schema::EMAIL_SCHEMA).unwrap();
    let mut d = Drift::new(vec![message_shape(), Shape::from_schema("email", &email)]);
    d.add(&base(), 0, Some(Channel::Sms));
    d.add(&base(), 1, Some(Channel::Email));
    d.add(&base(), 0, Some(Channel::Unknown("x".into())));
    d.add(&base(), 0, Some(Channel::Unknown("y".into())));
    let r = d.report();
    let keys: Vec<(Option<Channel>, usize, u64)> = r
        .groups
        .iter()
        .map(|g| (g.key.channel.clone(), g.key.schema, g.payloads))
        .collect();
    assert_eq!(
        keys,
        [
            (Some(Channel::Sms), 0, 1),
            (Some(Channel::Email), 1, 1),
            (Some(Channel::Unknown(String::new())), 0, 2)
        ]
    );
    assert_eq!(r.groups[1].schema, "email");
}

#[test]
fn odd_schemas_and_payloads_never_panic() {
    let schemas = [
        json!(true),
        json!(false),
        json!(null),
        json!({"properties": 5, "required": "a", "items": [1]}),
        json!({"type": ["string", 5, "nope"], "enum": "x"}),
        json!({"$ref": "#/nowhere"}),
        json!({"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}),
        json!({"allOf": [{"$ref": "#"}], "properties": {"x": {"$ref": "#"}}}),
        json!({"anyOf": [], "oneOf": [true, false], "properties": {"": {"const": null}}}),
    ];
    let payloads = [
        json!({}),
        json!([1]),
        json!({"": {"": [[]]}, "x": {"x": {"x": 1}}, "*": null}),
    ];
    for schema in &schemas {
        let mut d = Drift::new(vec![Shape::from_schema("s", schema)]);
        for p in &payloads {
            d.add(p, 0, None);
            d.add(p, 7, Some(Channel::Sms));
        }
        let r = d.report();
        // A schema index out of range is ignored.
        assert_eq!(r.totals.payloads, 3, "{schema}");
    }
}

#[test]
fn undeclared_places_are_capped() {
    let mut d = Drift::new(vec![message_shape()]);
    let mut p = base();
    for i in 0..(MAX_EXTRA_POINTERS + 5) {
        p[format!("f{i}")] = json!(i);
    }
    d.add(&p, 0, None);
    d.add(&p, 0, None);
    let r = d.report();
    let extras = r.groups[0].rows.iter().filter(|r| !r.declared).count();
    assert_eq!(extras, MAX_EXTRA_POINTERS);
    assert_eq!(r.totals.untracked_payloads, 2);
    assert!(!r.totals.fits(false));
    assert!(r.totals.fits(true));
}

#[test]
fn memory_does_not_grow_with_payloads_or_array_length() {
    let mut d = Drift::new(vec![message_shape()]);
    for i in 0..1000 {
        let mut p = base();
        p["messageId"] = json!(format!("m{i}"));
        p["attachments"] = json!(vec!["u"; i % 50]);
        p["x"] = json!([[{"y": i}]]);
        d.add(&p, 0, None);
    }
    let r = d.report();
    let extras: Vec<&str> = r.groups[0]
        .rows
        .iter()
        .filter(|r| !r.declared)
        .map(|r| r.pointer)
        .collect();
    assert_eq!(extras, ["/x", "/x/*", "/x/*/*", "/x/*/*/y"]);
    assert_eq!(row(&r, "/messageId").seen, 1000);
}

/// Counts `texts` (one payload each, from `a.ndjson`, line i + 1) with their positions.
fn located(schema: &Value, texts: &[&str], keep: usize) -> Drift {
    located_from("a.ndjson", schema, texts, keep)
}

/// Counts `texts` (one payload each, from `source`, line i + 1) against `schema`, keeping `keep`
/// positions per drifting place.
pub(crate) fn located_from(source: &str, schema: &Value, texts: &[&str], keep: usize) -> Drift {
    let mut d = Drift::new(vec![Shape::from_schema("s", schema)]).with_examples(keep);
    for (i, text) in texts.iter().enumerate() {
        let origin = Origin {
            source: source.into(),
            position: crate::model::origin::Position::new(i as u64 + 1, 1),
            index: i as u64,
        };
        let value: Value = serde_json::from_str(text).unwrap();
        let at = Located {
            origin: &origin,
            raw: text.as_bytes(),
        };
        d.add_located(&value, Some(at), 0, None);
    }
    d
}

fn places(row: &Row<'_>) -> Vec<String> {
    row.seen_at.iter().map(ToString::to_string).collect()
}

#[test]
fn each_drift_is_placed_where_a_payload_first_shows_it() {
    let schema = json!({"required": ["a"], "properties": {
        "a": {"type": "string"},
        "list": {"items": {"required": ["id"], "properties": {"id": {"type": "integer"}}}}
    }});
    let d = located(
        &schema,
        &[
            r#"{"a":"x","list":[{"id":1},{"id":"2"},{"x":1}]}"#,
            r#"{"list":[{"id":"3"}],"new":1}"#,
            r#"{"a":"y","list":[{}]}"#,
        ],
        1,
    );
    let r = d.report();
    // The value of the first element of a type the schema does not allow.
    assert_eq!(places(row(&r, "/list/*/id")), ["a.ndjson:1:33"]);
    // An undeclared place: its value.
    assert_eq!(places(row(&r, "/list/*/x")), ["a.ndjson:1:43"]);
    assert_eq!(places(row(&r, "/new")), ["a.ndjson:2:28"]);
    // A missing field: the object that lacks it (the payload for a top-level one).
    assert_eq!(places(row(&r, "/a")), ["a.ndjson:2:1"]);
    // Fields that are ok have none.
    assert!(row(&r, "/list").seen_at.is_empty());
    assert_eq!(row(&r, "/list").status, Status::Ok);
}

#[test]
fn a_nested_missing_field_is_placed_at_its_parent() {
    let schema =
        json!({"properties": {"list": {"items": {"required": ["k"], "properties": {"k": {}}}}}});
    let d = located(&schema, &[r#"{"list":[{"k":1},{"j":2}]}"#], 1);
    let r = d.report();
    let k = row(&r, "/list/*/k");
    assert_eq!(k.status, Status::Missing);
    assert_eq!(places(k), ["a.ndjson:1:18"]);
}

#[test]
fn up_to_keep_payloads_are_placed_one_place_each() {
    let texts: Vec<String> = (0..8)
        .map(|i| format!(r#"{{"a":"x","list":[{{"id":"{i}"}},{{"id":"again"}}]}}"#))
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let schema = json!({"properties": {"a": {"type": "integer"},
        "list": {"items": {"properties": {"id": {"type": "integer"}}}}}});
    let d = located(&schema, &texts, MAX_EXAMPLES);
    let r = d.report();
    let id = row(&r, "/list/*/id");
    assert_eq!(
        places(id),
        (1..=5)
            .map(|l| format!("a.ndjson:{l}:24"))
            .collect::<Vec<_>>()
    );
    assert_eq!(id.seen_at[4].index, 4);
    assert_eq!(places(row(&r, "/a")).len(), 5);
    // The first only, by default.
    let d = located(&schema, &texts, 1);
    assert_eq!(places(row(&d.report(), "/a")), ["a.ndjson:1:6"]);
    // Without a location nothing is placed.
    let mut d = Drift::new(vec![Shape::from_schema("s", &schema)]).with_examples(5);
    d.add(&json!({"a": "x"}), 0, None);
    assert!(row(&d.report(), "/a").seen_at.is_empty());
}

#[test]
fn walked_through_the_bytes_a_payload_counts_the_same() {
    use crate::input::doc::Doc;
    use crate::sample::generate::{Generator, Settings};
    let settings = Settings {
        seed: 11,
        count: 800,
        channels: Vec::new(),
        invalid_rate: 0.3,
        events: false,
    };
    let mut generator = Generator::new(&settings);
    let mut text = Vec::new();
    while !generator.is_done() {
        generator.next_into(&mut text);
    }
    text.extend(br#"{"type":"OutboundMessage","n":[1,1.0,1.5,-0,1e2,12345678901234567890123],"x":{"y":[[],{}]}}"#);
    let mut parsed = Drift::new(vec![message_shape()]).with_examples(3);
    let mut read = Drift::new(vec![message_shape()]).with_examples(3);
    let origin = Origin {
        source: std::sync::Arc::from("t"),
        position: Position::new(1, 1),
        index: 0,
    };
    for line in text.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let Ok(value) = serde_json::from_slice::<Value>(line) else {
            continue;
        };
        let at = || Located {
            origin: &origin,
            raw: line,
        };
        parsed.add_located(&value, Some(at()), 0, None);
        let doc = Doc::build(line).unwrap();
        read.add_located(doc.root(), Some(at()), 0, None);
    }
    assert_eq!(
        format!("{:?}", parsed.report()),
        format!("{:?}", read.report())
    );
    assert!(parsed.payloads() > 800);
}
