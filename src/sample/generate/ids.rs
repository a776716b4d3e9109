//! The ids of a capture, in the styles HighLevel uses: 20 alphanumerics for locations, contacts,
//! conversations and messages, 24 hexadecimal digits for apps and chat widgets, and version-4
//! UUIDs for webhook deliveries. They are made from random words, so they follow the seed.

use super::rng::splitmix64;

const ALNUM: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Lower-case hexadecimal digits.
pub(super) const HEX: &[u8; 16] = b"0123456789abcdef";

/// A 20-character alphanumeric id, HighLevel's style, from two random words.
pub(super) fn id20(a: u64, b: u64) -> [u8; 20] {
    let mut out = [0u8; 20];
    for (half, mut x) in [a, b].into_iter().enumerate() {
        for slot in &mut out[half * 10..half * 10 + 10] {
            *slot = ALNUM[(x % 62) as usize];
            x /= 62;
        }
    }
    out
}

/// A 24-digit hexadecimal id (the style of `appId`, `versionId`, `chatWidgetId`).
pub(super) fn hex24(a: u64, b: u64) -> [u8; 24] {
    let mut out = [0u8; 24];
    for (i, slot) in out.iter_mut().enumerate() {
        let word = if i < 16 { a } else { b };
        *slot = HEX[((word >> ((i % 16) * 4)) & 15) as usize];
    }
    out
}

/// A stable id for `key` within a run seeded with `seed`.
pub(super) fn derived_id(seed: u64, key: u64) -> [u8; 20] {
    let mut s = seed ^ key.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let a = splitmix64(&mut s);
    let b = splitmix64(&mut s);
    id20(a, b)
}

/// A random (version 4) UUID in its usual lower-case form.
pub(super) fn push_uuid(buf: &mut Vec<u8>, a: u64, b: u64) {
    let a = (a & !0xF000) | 0x4000; // version 4
    let b = (b & !(0b11 << 62)) | (0b10 << 62); // RFC 4122 variant
    let bytes = [a.to_be_bytes(), b.to_be_bytes()].concat();
    for (i, byte) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            buf.push(b'-');
        }
        buf.push(HEX[usize::from(byte >> 4)]);
        buf.push(HEX[usize::from(byte & 15)]);
    }
}
