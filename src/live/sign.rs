//! Test keys: signing bare payloads the way HighLevel signs deliveries (Ed25519 into
//! `X-GHL-Signature`, RSA PKCS#1 v1.5 with SHA-256 into `X-WH-Signature`), for handlers
//! configured with the matching test public key. HighLevel's own private key is never
//! available: these keys only ever convince a handler that trusts them.

use base64::Engine as _;
use ed25519_dalek::Signer as _;
use ed25519_dalek::pkcs8::{EncodePrivateKey as _, EncodePublicKey as _};
use rsa::pkcs1::DecodeRsaPrivateKey as _;
use rsa::pkcs1v15;
use rsa::sha2::Sha256;
use rsa::signature::SignatureEncoding as _;

use crate::input::capture::{GHL_SIGNATURE, WH_SIGNATURE};

/// A private key that signs test deliveries.
#[derive(Debug)]
pub enum TestKey {
    /// Ed25519: `X-GHL-Signature`.
    Ed25519(Box<ed25519_dalek::SigningKey>),
    /// RSA: `X-WH-Signature`.
    Rsa(Box<pkcs1v15::SigningKey<Sha256>>),
}

impl TestKey {
    /// Reads a PEM private key (PKCS#8, or PKCS#1 for RSA).
    pub fn read(path: &std::path::Path) -> Result<TestKey, String> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            format!(
                "--sign {}: {}",
                path.display(),
                crate::input::describe_io_error(&e)
            )
        })?;
        TestKey::from_pem(&text).map_err(|why| format!("--sign {}: {why}", path.display()))
    }

    /// Parses a PEM private key.
    pub fn from_pem(text: &str) -> Result<TestKey, String> {
        if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_pem(text) {
            return Ok(TestKey::Ed25519(Box::new(k)));
        }
        use rsa::pkcs8::DecodePrivateKey as _;
        if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_pem(text) {
            return Ok(TestKey::Rsa(Box::new(pkcs1v15::SigningKey::new(k))));
        }
        if let Ok(k) = rsa::RsaPrivateKey::from_pkcs1_pem(text) {
            return Ok(TestKey::Rsa(Box::new(pkcs1v15::SigningKey::new(k))));
        }
        Err("not an Ed25519 or RSA private key in PEM (make one with `hlmsg keygen`)".into())
    }

    /// The signature header for `body` and its value (base64).
    pub fn sign(&self, body: &[u8]) -> (&'static str, String) {
        let b64 = base64::engine::general_purpose::STANDARD;
        match self {
            TestKey::Ed25519(k) => (GHL_SIGNATURE, b64.encode(k.sign(body).to_bytes())),
            TestKey::Rsa(k) => (WH_SIGNATURE, b64.encode(k.sign(body).to_vec())),
        }
    }
}

/// A new Ed25519 key pair as PEM: (private, public).
pub fn ed25519_pair() -> Result<(String, String), String> {
    let mut seed = [0u8; 32];
    getrandom(&mut seed)?;
    let key = ed25519_dalek::SigningKey::from_bytes(&seed);
    let private = key
        .to_pkcs8_pem(Default::default())
        .map_err(|e| e.to_string())?
        .to_string();
    let public = key
        .verifying_key()
        .to_public_key_pem(Default::default())
        .map_err(|e| e.to_string())?;
    Ok((private, public))
}

/// A new RSA key pair of `bits` as PEM: (private, public).
pub fn rsa_pair(bits: usize) -> Result<(String, String), String> {
    use rsa::pkcs8::{EncodePrivateKey as _, EncodePublicKey as _};
    let mut rng = rsa::rand_core::OsRng;
    let key = rsa::RsaPrivateKey::new(&mut rng, bits).map_err(|e| e.to_string())?;
    let private = key
        .to_pkcs8_pem(Default::default())
        .map_err(|e| e.to_string())?
        .to_string();
    let public = key
        .to_public_key()
        .to_public_key_pem(Default::default())
        .map_err(|e| e.to_string())?;
    Ok((private, public))
}

/// Fills `buf` from the operating system's random source.
fn getrandom(buf: &mut [u8]) -> Result<(), String> {
    use rsa::rand_core::RngCore as _;
    rsa::rand_core::OsRng
        .try_fill_bytes(buf)
        .map_err(|e| format!("no random source: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::signature::{Keys, PublicKey, Signature, verify};

    #[test]
    fn an_ed25519_test_key_signs_what_verify_accepts() {
        let (private, public) = ed25519_pair().unwrap();
        let key = TestKey::from_pem(&private).unwrap();
        let body = br#"{"type":"OutboundMessage"}"#;
        let (header, b64) = key.sign(body);
        assert_eq!(header, GHL_SIGNATURE);
        let mut keys = Keys::highlevel();
        keys.set(PublicKey::from_pem(&public).unwrap());
        let sig = Signature {
            scheme: crate::verify::signature::Scheme::Ed25519,
            from: header,
            base64: &b64,
        };
        assert!(verify(body, &sig, &keys).is_ok());
        assert!(verify(b"{}", &sig, &keys).is_err());
        assert!(
            TestKey::from_pem(&public).is_err(),
            "a public key does not sign"
        );
    }
}
