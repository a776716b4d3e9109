//! HighLevel's webhook signatures, checked over the exact raw body bytes.
//!
//! * `X-GHL-Signature`: the current scheme, Ed25519, a base64-encoded 64-byte signature.
//! * `X-WH-Signature`: the legacy scheme, RSA PKCS#1 v1.5 with SHA-256, a base64-encoded
//!   signature as long as the key's modulus (512 bytes for HighLevel's 4096-bit key).
//!
//! When both headers are present the Ed25519 one decides, as HighLevel's SDK does. The
//! cryptography is RustCrypto's (`ed25519-dalek`, `rsa`); nothing here is hand-written beyond
//! choosing the header and explaining failures.

use std::fmt;

use base64::Engine;
use ed25519_dalek::pkcs8::DecodePublicKey as _;
use rsa::pkcs1::DecodeRsaPublicKey as _;
use rsa::pkcs1v15;
use rsa::sha2::Sha256;
use rsa::signature::Verifier as _;
use rsa::traits::PublicKeyParts as _;

use crate::input::capture::{Delivery, GHL_SIGNATURE, WH_SIGNATURE};

/// HighLevel's published Ed25519 public key.
pub const HIGHLEVEL_ED25519_PEM: &str = "-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----
";

/// HighLevel's published RSA public key (legacy scheme).
pub const HIGHLEVEL_RSA_PEM: &str = "-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----
";

/// A signature scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Ed25519 (`X-GHL-Signature`).
    Ed25519,
    /// RSA PKCS#1 v1.5 with SHA-256 (`X-WH-Signature`).
    Rsa,
}

impl Scheme {
    /// Every scheme.
    pub const ALL: [Scheme; 2] = [Scheme::Ed25519, Scheme::Rsa];

    /// What the scheme is.
    pub fn description(self) -> &'static str {
        match self {
            Scheme::Ed25519 => "Ed25519 (X-GHL-Signature)",
            Scheme::Rsa => "RSA PKCS#1 v1.5 with SHA-256 (X-WH-Signature)",
        }
    }

    /// The printed name.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Ed25519 => "ed25519",
            Scheme::Rsa => "rsa",
        }
    }

    /// The header that carries this scheme's signature.
    pub fn header(self) -> &'static str {
        match self {
            Scheme::Ed25519 => GHL_SIGNATURE,
            Scheme::Rsa => WH_SIGNATURE,
        }
    }
}

/// A public key of either scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// An Ed25519 key.
    Ed25519(ed25519_dalek::VerifyingKey),
    /// An RSA key.
    Rsa(rsa::RsaPublicKey),
}

impl PublicKey {
    /// Parses a PEM public key: SubjectPublicKeyInfo (`BEGIN PUBLIC KEY`) for Ed25519 or RSA, or
    /// PKCS#1 (`BEGIN RSA PUBLIC KEY`).
    pub fn from_pem(text: &str) -> Result<PublicKey, String> {
        if let Ok(k) = ed25519_dalek::VerifyingKey::from_public_key_pem(text) {
            return Ok(PublicKey::Ed25519(k));
        }
        if let Ok(k) = rsa::RsaPublicKey::from_public_key_pem(text) {
            return Ok(PublicKey::Rsa(k));
        }
        if let Ok(k) = rsa::RsaPublicKey::from_pkcs1_pem(text) {
            return Ok(PublicKey::Rsa(k));
        }
        if !text.contains("-----BEGIN") {
            return Err("not a PEM file (expected -----BEGIN PUBLIC KEY-----)".to_string());
        }
        Err("not an Ed25519 or RSA public key in PEM (SubjectPublicKeyInfo or PKCS#1)".to_string())
    }

    /// Reads a public key in any form HighLevel's Python SDK accepts: PEM; for Ed25519 also the
    /// 32 raw key bytes, as bytes, hex or base64; and the DER of a key, raw or in base64.
    pub fn from_bytes(bytes: &[u8]) -> Result<PublicKey, String> {
        if let Ok(text) = std::str::from_utf8(bytes)
            && text.contains("-----BEGIN")
        {
            return PublicKey::from_pem(text);
        }
        let text = std::str::from_utf8(bytes).map(str::trim).ok();
        let mut candidates: Vec<Vec<u8>> = Vec::new();
        if let Some(t) = text {
            if t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
                candidates.push(hex_decode(t));
            }
            if let Ok(b) = base64::engine::general_purpose::STANDARD.decode(t) {
                candidates.push(b);
            }
        }
        candidates.push(bytes.to_vec());
        for raw in &candidates {
            if let Ok(array) = <[u8; 32]>::try_from(raw.as_slice())
                && let Ok(k) = ed25519_dalek::VerifyingKey::from_bytes(&array)
            {
                return Ok(PublicKey::Ed25519(k));
            }
            if let Ok(k) = ed25519_dalek::VerifyingKey::from_public_key_der(raw) {
                return Ok(PublicKey::Ed25519(k));
            }
            if let Ok(k) = rsa::RsaPublicKey::from_public_key_der(raw) {
                return Ok(PublicKey::Rsa(k));
            }
            if let Ok(k) = rsa::RsaPublicKey::from_pkcs1_der(raw) {
                return Ok(PublicKey::Rsa(k));
            }
        }
        Err(
            "not a public key: expected PEM (-----BEGIN PUBLIC KEY-----), or an Ed25519 key's \
             32 bytes raw, as 64 hex digits or in base64"
                .to_string(),
        )
    }

    /// The key's scheme.
    pub fn scheme(&self) -> Scheme {
        match self {
            PublicKey::Ed25519(_) => Scheme::Ed25519,
            PublicKey::Rsa(_) => Scheme::Rsa,
        }
    }
}

/// The keys signatures are checked with: HighLevel's, unless overridden.
#[derive(Debug, Clone)]
pub struct Keys {
    ed25519: ed25519_dalek::VerifyingKey,
    rsa: rsa::RsaPublicKey,
}

impl Keys {
    /// HighLevel's published keys (parsed once per process).
    pub fn highlevel() -> Keys {
        static KEYS: std::sync::OnceLock<Keys> = std::sync::OnceLock::new();
        KEYS.get_or_init(|| {
            let ed = match PublicKey::from_pem(HIGHLEVEL_ED25519_PEM) {
                Ok(PublicKey::Ed25519(k)) => k,
                _ => unreachable!("the bundled Ed25519 key parses (checked by a test)"),
            };
            let rsa = match PublicKey::from_pem(HIGHLEVEL_RSA_PEM) {
                Ok(PublicKey::Rsa(k)) => k,
                _ => unreachable!("the bundled RSA key parses (checked by a test)"),
            };
            Keys { ed25519: ed, rsa }
        })
        .clone()
    }

    /// Replaces the key of `key`'s scheme.
    pub fn set(&mut self, key: PublicKey) {
        match key {
            PublicKey::Ed25519(k) => self.ed25519 = k,
            PublicKey::Rsa(k) => self.rsa = k,
        }
    }
}

/// A signature to check, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature<'a> {
    /// Its scheme.
    pub scheme: Scheme,
    /// Where it came from: a header name, or `--signature`.
    pub from: &'a str,
    /// The base64 text.
    pub base64: &'a str,
}

/// Picks the signature of a delivery: `X-GHL-Signature` when present (it decides alone),
/// otherwise `X-WH-Signature`.
pub fn from_headers(delivery: &Delivery) -> Option<Signature<'_>> {
    if let Some(v) = header(delivery, GHL_SIGNATURE) {
        return Some(Signature {
            scheme: Scheme::Ed25519,
            from: GHL_SIGNATURE,
            base64: v,
        });
    }
    header(delivery, WH_SIGNATURE).map(|v| Signature {
        scheme: Scheme::Rsa,
        from: WH_SIGNATURE,
        base64: v,
    })
}

/// A signature header that the delivery carries more than once, with how many times.
pub fn repeated_header(delivery: &Delivery) -> Option<(&'static str, usize)> {
    [GHL_SIGNATURE, WH_SIGNATURE].into_iter().find_map(|name| {
        let count = delivery
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count();
        (count > 1).then_some((name, count))
    })
}

/// A signature header's value; an empty value or the literal `N/A` (which HighLevel's own
/// example handlers treat as no signature) counts as absent.
fn header<'d>(delivery: &'d Delivery, name: &str) -> Option<&'d str> {
    delivery
        .header(name)
        .filter(|v| !v.trim().is_empty() && !v.trim().eq_ignore_ascii_case("N/A"))
}

/// Decodes hex digits (an even number of them, already checked).
fn hex_decode(text: &str) -> Vec<u8> {
    text.as_bytes()
        .chunks(2)
        .map(|pair| {
            let digit = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
            digit(pair[0]) << 4 | digit(pair[1])
        })
        .collect()
}

/// Why a signature did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The signature is not valid base64.
    Base64 {
        /// Where the signature came from.
        from: String,
        /// The decoder's complaint.
        error: String,
    },
    /// The decoded signature has the wrong length for its scheme or key.
    Length {
        /// Where the signature came from.
        from: String,
        /// Its scheme.
        scheme: Scheme,
        /// Decoded length.
        got: usize,
        /// Expected length.
        want: usize,
    },
    /// A well-formed signature that does not match the body and key.
    Mismatch {
        /// Its scheme.
        scheme: Scheme,
    },
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Base64 { from, error } => {
                write!(f, "malformed base64 in {from}: {error}")
            }
            Failure::Length {
                from,
                scheme,
                got,
                want,
            } => write!(
                f,
                "wrong signature length: {from} decodes to {got} bytes, {} signatures here are {want} bytes",
                match scheme {
                    Scheme::Ed25519 => "Ed25519",
                    Scheme::Rsa => "RSA",
                }
            ),
            Failure::Mismatch { scheme } => write!(
                f,
                "signature does not match the body ({}): the body was changed, or it was signed with another key",
                scheme.name()
            ),
        }
    }
}

/// Checks `signature` over `body` with `keys`.
pub fn verify(body: &[u8], signature: &Signature<'_>, keys: &Keys) -> Result<(), Failure> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(signature.base64.trim())
        .map_err(|e| Failure::Base64 {
            from: signature.from.to_string(),
            error: e.to_string(),
        })?;
    let length = |want: usize| Failure::Length {
        from: signature.from.to_string(),
        scheme: signature.scheme,
        got: raw.len(),
        want,
    };
    match signature.scheme {
        Scheme::Ed25519 => {
            let bytes: [u8; 64] = raw.as_slice().try_into().map_err(|_| length(64))?;
            let sig = ed25519_dalek::Signature::from_bytes(&bytes);
            keys.ed25519
                .verify_strict(body, &sig)
                .map_err(|_| Failure::Mismatch {
                    scheme: Scheme::Ed25519,
                })
        }
        Scheme::Rsa => {
            let want = keys.rsa.size();
            if raw.len() != want {
                return Err(length(want));
            }
            let sig = pkcs1v15::Signature::try_from(raw.as_slice()).map_err(|_| length(want))?;
            pkcs1v15::VerifyingKey::<Sha256>::new(keys.rsa.clone())
                .verify(body, &sig)
                .map_err(|_| Failure::Mismatch {
                    scheme: Scheme::Rsa,
                })
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use ed25519_dalek::Signer as _;
    use rand_core::{OsRng, RngCore};
    use rsa::pkcs8::EncodePublicKey as _;
    use rsa::signature::SignatureEncoding as _;

    /// A fresh Ed25519 key pair.
    pub(crate) fn ed25519_pair() -> (ed25519_dalek::SigningKey, String) {
        let mut seed = [0u8; 32];
        OsRng.fill_bytes(&mut seed);
        let sk = ed25519_dalek::SigningKey::from_bytes(&seed);
        let pem = sk
            .verifying_key()
            .to_public_key_pem(Default::default())
            .unwrap();
        (sk, pem)
    }

    /// A fresh 2048-bit RSA key pair.
    pub(crate) fn rsa_pair() -> (rsa::RsaPrivateKey, String) {
        let sk = rsa::RsaPrivateKey::new(&mut OsRng, 2048).unwrap();
        let pem = sk
            .to_public_key()
            .to_public_key_pem(Default::default())
            .unwrap();
        (sk, pem)
    }

    fn b64(bytes: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    fn keys_with(pems: &[&str]) -> Keys {
        let mut keys = Keys::highlevel();
        for pem in pems {
            keys.set(PublicKey::from_pem(pem).unwrap());
        }
        keys
    }

    #[test]
    fn highlevel_keys_parse() {
        assert!(matches!(
            PublicKey::from_pem(HIGHLEVEL_ED25519_PEM),
            Ok(PublicKey::Ed25519(_))
        ));
        match PublicKey::from_pem(HIGHLEVEL_RSA_PEM) {
            Ok(PublicKey::Rsa(k)) => assert_eq!(k.size(), 512, "a 4096-bit key"),
            other => panic!("{other:?}"),
        }
        let _ = Keys::highlevel();
    }

    #[test]
    fn unparsable_keys_are_explained() {
        assert!(
            PublicKey::from_pem("hello")
                .unwrap_err()
                .contains("not a PEM file")
        );
        let bad = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
        assert!(
            PublicKey::from_pem(bad)
                .unwrap_err()
                .contains("not an Ed25519 or RSA")
        );
    }

    #[test]
    fn ed25519_valid_tampered_and_reformatted() {
        let (sk, pem) = ed25519_pair();
        let keys = keys_with(&[&pem]);
        let body = br#"{"type":"OutboundMessage","messageType":"SMS"}"#;
        let sig = b64(&sk.sign(body).to_bytes());
        let s = Signature {
            scheme: Scheme::Ed25519,
            from: GHL_SIGNATURE,
            base64: &sig,
        };
        assert_eq!(verify(body, &s, &keys), Ok(()));
        let mut flipped = body.to_vec();
        flipped[10] ^= 1;
        assert_eq!(
            verify(&flipped, &s, &keys),
            Err(Failure::Mismatch {
                scheme: Scheme::Ed25519
            })
        );
        let reformatted = br#"{"type": "OutboundMessage", "messageType": "SMS"}"#;
        assert!(matches!(
            verify(reformatted, &s, &keys),
            Err(Failure::Mismatch { .. })
        ));
        // HighLevel's own key does not verify a signature made with ours.
        assert!(matches!(
            verify(body, &s, &Keys::highlevel()),
            Err(Failure::Mismatch { .. })
        ));
        // Truncated signature.
        let short = b64(&sk.sign(body).to_bytes()[..40]);
        let s2 = Signature {
            base64: &short,
            ..s.clone()
        };
        assert!(matches!(
            verify(body, &s2, &keys),
            Err(Failure::Length {
                got: 40,
                want: 64,
                ..
            })
        ));
        let s3 = Signature {
            base64: "not base64!",
            ..s
        };
        assert!(matches!(
            verify(body, &s3, &keys),
            Err(Failure::Base64 { .. })
        ));
    }

    #[test]
    fn rsa_valid_and_tampered() {
        let (sk, pem) = rsa_pair();
        let keys = keys_with(&[&pem]);
        let body = br#"{"type":"OutboundMessage"}"#;
        let signer = pkcs1v15::SigningKey::<Sha256>::new(sk);
        let sig = b64(&signer.sign(body).to_vec());
        let s = Signature {
            scheme: Scheme::Rsa,
            from: WH_SIGNATURE,
            base64: &sig,
        };
        assert_eq!(verify(body, &s, &keys), Ok(()));
        assert!(matches!(
            verify(b"{}", &s, &keys),
            Err(Failure::Mismatch { .. })
        ));
        // Against HighLevel's 4096-bit key a 256-byte signature has the wrong length.
        assert!(matches!(
            verify(body, &s, &Keys::highlevel()),
            Err(Failure::Length {
                got: 256,
                want: 512,
                ..
            })
        ));
    }

    #[test]
    fn ed25519_header_decides_when_both_are_present() {
        let d = Delivery {
            kind: crate::input::capture::CaptureKind::Http,
            request_line: None,
            headers: vec![
                ("x-wh-signature".into(), "rsa".into()),
                ("X-Ghl-Signature".into(), "ed".into()),
            ],
            body: crate::input::capture::BodyBytes::Raw,
        };
        let s = from_headers(&d).unwrap();
        assert_eq!((s.scheme, s.base64), (Scheme::Ed25519, "ed"));
        let d = Delivery {
            headers: vec![("X-WH-Signature".into(), "rsa".into())],
            ..d
        };
        assert_eq!(from_headers(&d).unwrap().scheme, Scheme::Rsa);
        let d = Delivery {
            headers: vec![],
            ..d
        };
        assert_eq!(from_headers(&d), None);
    }
}
