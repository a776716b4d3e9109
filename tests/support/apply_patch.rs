//! A small RFC 6902 applier (add, remove, replace), written for the tests and independent of
//! hlmsg's own code. Shared by the unit tests of `src/diff` and the command-line tests.

use serde_json::Value;

/// Splits an RFC 6901 pointer into unescaped tokens.
fn tokens(pointer: &str) -> Result<Vec<String>, String> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let rest = pointer
        .strip_prefix('/')
        .ok_or_else(|| format!("pointer {pointer:?} does not start with '/'"))?;
    Ok(rest
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect())
}

fn index(token: &str, len: usize, allow_end: bool) -> Result<usize, String> {
    if token != "0" && (token.starts_with('0') || token.is_empty()) {
        return Err(format!("bad array index {token:?}"));
    }
    let i: usize = token
        .parse()
        .map_err(|_| format!("bad array index {token:?}"))?;
    if i < len || (allow_end && i == len) {
        Ok(i)
    } else {
        Err(format!("array index {i} out of bounds (length {len})"))
    }
}

/// The parent container of the place `toks` names.
fn parent<'v>(doc: &'v mut Value, toks: &[String]) -> Result<&'v mut Value, String> {
    let mut at = doc;
    for t in toks {
        at = match at {
            Value::Object(m) => m.get_mut(t).ok_or_else(|| format!("no member {t:?}"))?,
            Value::Array(a) => {
                let i = index(t, a.len(), false)?;
                &mut a[i]
            }
            _ => return Err(format!("cannot descend into a scalar at {t:?}")),
        };
    }
    Ok(at)
}

/// Applies one operation.
pub fn apply_op(doc: &mut Value, op: &Value) -> Result<(), String> {
    let kind = op["op"].as_str().ok_or("operation without \"op\"")?;
    let path = op["path"].as_str().ok_or("operation without \"path\"")?;
    let toks = tokens(path)?;
    let Some((last, up)) = toks.split_last() else {
        return match kind {
            "add" | "replace" => {
                *doc = op.get("value").ok_or("no value")?.clone();
                Ok(())
            }
            _ => Err(format!("cannot {kind} the whole document")),
        };
    };
    let container = parent(doc, up)?;
    match kind {
        "add" => {
            let value = op.get("value").ok_or("add without value")?.clone();
            match container {
                Value::Object(m) => {
                    m.insert(last.clone(), value);
                }
                Value::Array(a) => {
                    let i = if last == "-" {
                        a.len()
                    } else {
                        index(last, a.len(), true)?
                    };
                    a.insert(i, value);
                }
                _ => return Err(format!("add into a scalar at {path}")),
            }
        }
        "remove" => match container {
            Value::Object(m) => {
                m.shift_remove(last)
                    .ok_or_else(|| format!("remove: no member at {path}"))?;
            }
            Value::Array(a) => {
                let i = index(last, a.len(), false)?;
                a.remove(i);
            }
            _ => return Err(format!("remove from a scalar at {path}")),
        },
        "replace" => {
            let value = op.get("value").ok_or("replace without value")?.clone();
            let slot = match container {
                Value::Object(m) => m
                    .get_mut(last)
                    .ok_or_else(|| format!("replace: no member at {path}"))?,
                Value::Array(a) => {
                    let i = index(last, a.len(), false)?;
                    &mut a[i]
                }
                _ => return Err(format!("replace in a scalar at {path}")),
            };
            *slot = value;
        }
        other => return Err(format!("unsupported op {other:?}")),
    }
    Ok(())
}

/// Applies a whole patch (a JSON array of operations) to a copy of `doc`.
pub fn apply(doc: &Value, patch: &Value) -> Result<Value, String> {
    let mut out = doc.clone();
    for op in patch.as_array().ok_or("a patch is a JSON array")? {
        apply_op(&mut out, op)?;
    }
    Ok(out)
}
