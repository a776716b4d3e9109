//! The generator's tests: determinism, exact invalid counts, and payloads that parse with the
//! fields they should have.

use super::ids::{id20, push_uuid};
use super::json::push_escaped;
use super::*;

fn generate(settings: &Settings) -> (Vec<u8>, Vec<Option<Break>>) {
    let mut g = Generator::new(settings);
    let mut out = Vec::new();
    let mut breaks = Vec::new();
    while !g.is_done() {
        breaks.push(g.next_into(&mut out));
    }
    (out, breaks)
}

fn settings(seed: u64, count: u64, rate: f64) -> Settings {
    Settings {
        seed,
        count,
        channels: Vec::new(),
        invalid_rate: rate,
        events: false,
    }
}

#[test]
fn a_mixed_capture_has_every_event_and_the_same_messages() {
    let n = 4000;
    let mixed = Settings {
        events: true,
        ..settings(5, n, 0.0)
    };
    let (text, _) = generate(&mixed);
    let text = String::from_utf8(text).unwrap();
    let mut by_event = std::collections::BTreeMap::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let event = v["type"].as_str().unwrap().to_string();
        let event = if v.get("messageType").is_none() && (event == "SMS" || event == "Email") {
            "ProviderOutboundMessage".to_string()
        } else {
            event
        };
        *by_event.entry(event).or_insert(0u64) += 1;
    }
    for (kind, weight) in super::events::EVENT_WEIGHTS {
        let got = by_event.get(kind.name()).copied().unwrap_or(0);
        let want = n * u64::from(weight) / 100;
        // Within a few points of the documented share (voicemail drops stay outbound).
        assert!(
            got.abs_diff(want) <= want / 4 + 20,
            "{}: {got} vs {want}",
            kind.name()
        );
    }
    // Messages are drawn the same either way: the outbound ones are byte for byte those of
    // the plain capture at the same positions.
    let (plain, _) = generate(&settings(5, n, 0.0));
    let plain = String::from_utf8(plain).unwrap();
    let same = text
        .lines()
        .zip(plain.lines())
        .filter(|(a, b)| a.contains("\"OutboundMessage\"") && a == b)
        .count();
    assert!(same as u64 >= n / 2, "{same}");
}

#[test]
fn ids_are_twenty_alphanumerics() {
    let id = id20(u64::MAX, 12345);
    assert_eq!(id.len(), 20);
    assert!(id.iter().all(u8::is_ascii_alphanumeric));
    let mut b = Vec::new();
    push_uuid(&mut b, 0, u64::MAX);
    assert_eq!(b, b"00000000-0000-4000-bfff-ffffffffffff");
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let (a, _) = generate(&settings(7, 300, 0.1));
    let (b, _) = generate(&settings(7, 300, 0.1));
    let (c, _) = generate(&settings(8, 300, 0.1));
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn invalid_count_is_exact_and_valid_payloads_match_rate_zero() {
    for (count, rate, expected) in [
        (1000, 0.01, 10),
        (1000, 0.0, 0),
        (3, 1.0, 3),
        (7, 0.5, 4),
        (10, 0.25, 3),
    ] {
        assert_eq!(invalid_count(count, rate), expected);
        let (with, breaks) = generate(&settings(3, count, rate));
        let (without, _) = generate(&settings(3, count, 0.0));
        assert_eq!(breaks.iter().flatten().count() as u64, expected);
        let with: Vec<&[u8]> = with.split(|&b| b == b'\n').collect();
        let without: Vec<&[u8]> = without.split(|&b| b == b'\n').collect();
        for ((w, wo), broken) in with.iter().zip(&without).zip(&breaks) {
            assert_eq!(broken.is_none(), w == wo);
        }
    }
}

#[test]
fn every_line_is_json_with_the_expected_fields() {
    let (out, breaks) = generate(&settings(11, 2000, 0.05));
    let lines: Vec<&[u8]> = out.split_inclusive(|&b| b == b'\n').collect();
    assert_eq!(lines.len(), 2000);
    let mut channels = std::collections::BTreeSet::new();
    for (line, broken) in lines.iter().zip(breaks) {
        let v: serde_json::Value = serde_json::from_slice(line).unwrap();
        let m = v.as_object().unwrap();
        channels.insert(m["messageType"].as_str().unwrap().to_string());
        assert_eq!(m["messageId"].as_str().unwrap().len(), 20);
        match broken {
            Some(Break::MissingContactId) => assert!(!m.contains_key("contactId")),
            Some(Break::TypeNotOutbound) => assert_eq!(m["type"], "OutboundMesage"),
            Some(Break::BadDate) => {
                assert!(!m["dateAdded"].as_str().unwrap().contains('T'))
            }
            Some(Break::WrongType) => assert!(
                m["attachments"].is_string() || m["callDuration"].is_string(),
                "{v}"
            ),
            None => {
                assert_eq!(m["type"], "OutboundMessage");
                let date = m["dateAdded"].as_str().unwrap();
                assert!(date.parse::<jiff::Timestamp>().is_ok(), "{date}");
                assert_eq!(date.len(), 24);
            }
        }
    }
    assert_eq!(channels.len(), 8, "{channels:?}");
}

#[test]
fn channel_filter_keeps_only_those_channels() {
    let mut s = settings(1, 500, 0.0);
    s.channels = vec![Channel::Sms, Channel::Gmb];
    let (out, _) = generate(&s);
    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let v: serde_json::Value = serde_json::from_slice(line).unwrap();
        assert!(
            v["messageType"] == "SMS" || v["messageType"] == "GMB",
            "{v}"
        );
    }
}

#[test]
fn escaping() {
    let mut b = Vec::new();
    push_escaped(&mut b, b"a\"b\\c\nd\x01");
    assert_eq!(b, b"a\\\"b\\\\c\\nd\\u0001");
}
