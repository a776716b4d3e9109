//! A small builder around the built binary, and the one place that decodes its machine output
//! and checks it against the output schemas.

use std::path::{Path, PathBuf};
use std::process::Output as ProcessOutput;
use std::sync::OnceLock;

use assert_cmd::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under the repository root.
pub fn path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// Every sample file, sorted.
pub fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(path("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

/// The result of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The last line of standard output.
    pub fn last_line(&self) -> &str {
        self.stdout.lines().last().unwrap_or("")
    }
}

/// Runs `hlmsg` with `args` (relative paths resolve from the repository root) and `stdin`.
pub fn hlmsg(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::cargo_bin("hlmsg").unwrap();
    cmd.current_dir(root()).args(args).env_remove("NO_COLOR");
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    } else {
        cmd.write_stdin(Vec::new());
    }
    let ProcessOutput {
        status,
        stdout,
        stderr,
    } = cmd.output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Runs `hlmsg` on paths given as `Path`s.
pub fn hlmsg_paths(args: &[&str], paths: &[&Path]) -> Run {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend(paths.iter().map(|p| p.to_string_lossy().into_owned()));
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    hlmsg(&refs, None)
}

/// Every sample, parsed, with its file name (`sms.json`), sorted by name.
pub fn sample_values() -> Vec<(String, serde_json::Map<String, serde_json::Value>)> {
    samples()
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let value: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
            (name, value)
        })
        .filter(|(_, v)| v["type"] == "OutboundMessage")
        .collect()
}

/// Writes `payloads` to `dir/name`, one compact JSON line each, and returns the path.
pub fn write_ndjson<T: serde::Serialize>(dir: &Path, name: &str, payloads: &[T]) -> String {
    let mut text = String::new();
    for p in payloads {
        text.push_str(&serde_json::to_string(p).unwrap());
        text.push('\n');
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

// ---- machine output and its schemas (schemas/output/) ----

/// The `$id` prefix of the output schemas; a reference under it resolves to the file of the
/// same name in `schemas/output/`, never to the network.
const OUTPUT_SCHEMA_BASE: &str = "https://hlmsg.dev/schemas/output/";

/// The machine output of a subcommand, and the schema in `schemas/output/` that describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// `validate --format json`.
    Validate,
    /// `classify --format json`.
    Classify,
    /// `show --format json` and `show --format compact`: the payloads themselves.
    Show,
    /// `diff LEFT RIGHT --format json`.
    Diff,
    /// `diff --schema --format json`.
    DiffSchema,
    /// `verify --format json`.
    Verify,
    /// `listen --format json`.
    Listen,
    /// `send --json`.
    Send,
}

impl Output {
    /// Every output schema.
    pub const ALL: [Output; 8] = [
        Output::Validate,
        Output::Classify,
        Output::Show,
        Output::Diff,
        Output::DiffSchema,
        Output::Verify,
        Output::Listen,
        Output::Send,
    ];

    /// The schema's file name in `schemas/output/`.
    pub fn file(self) -> &'static str {
        match self {
            Output::Validate => "validate.schema.json",
            Output::Classify => "classify.schema.json",
            Output::Show => "show.schema.json",
            Output::Diff => "diff.schema.json",
            Output::DiffSchema => "diff-schema.schema.json",
            Output::Verify => "verify.schema.json",
            Output::Listen => "listen.schema.json",
            Output::Send => "send.schema.json",
        }
    }

    /// The schema document.
    pub fn schema(self) -> serde_json::Value {
        output_schema_document(self.file())
    }

    /// The compiled schema, built once per test process.
    pub fn validator(self) -> &'static jsonschema::Validator {
        static COMPILED: [OnceLock<jsonschema::Validator>; Output::ALL.len()] =
            [const { OnceLock::new() }; Output::ALL.len()];
        COMPILED[self as usize].get_or_init(|| {
            compile_output_schema(&self.schema())
                .unwrap_or_else(|e| panic!("schemas/output/{} does not compile: {e}", self.file()))
        })
    }
}

/// A document of `schemas/output/`, by file name.
pub fn output_schema_document(file: &str) -> serde_json::Value {
    let p = path("schemas/output").join(file);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Serves the references between output schemas (`common.schema.json#/$defs/...`) from
/// `schemas/output/`, offline; any other reference fails.
struct LocalOutputSchemas;

impl jsonschema::Retrieve for LocalOutputSchemas {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<serde_json::Value, Box<dyn std::error::Error + Send + Sync>> {
        let file = uri
            .as_str()
            .strip_prefix(OUTPUT_SCHEMA_BASE)
            .filter(|f| !f.contains('/'))
            .ok_or_else(|| format!("{uri}: not an output schema of this repository"))?;
        Ok(output_schema_document(file))
    }
}

/// Compiles an output schema (draft 2020-12, formats asserted), resolving its references to the
/// other files of `schemas/output/`.
pub fn compile_output_schema(
    schema: &serde_json::Value,
) -> Result<jsonschema::Validator, jsonschema::ValidationError<'static>> {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .with_retriever(LocalOutputSchemas)
        .build(schema)
}

/// Why `record` does not fit `validator`, one error per line (`None` when it fits). A failed
/// `oneOf` names what is wrong in the branches whose `kind` matches.
pub fn schema_errors(
    validator: &jsonschema::Validator,
    record: &serde_json::Value,
) -> Option<String> {
    fn describe(e: &jsonschema::ValidationError<'_>, indent: usize, out: &mut String) {
        let at = e.instance_path().as_str();
        let at = if at.is_empty() { "(record)" } else { at };
        out.push_str(&format!(
            "{:indent$}{at}: {e} [schema path {}]\n",
            "",
            e.schema_path().as_str()
        ));
        if let jsonschema::error::ValidationErrorKind::OneOfNotValid { context }
        | jsonschema::error::ValidationErrorKind::AnyOf { context } = e.kind()
        {
            for branch in context {
                // A branch for another kind of record says nothing useful.
                if branch.iter().any(|b| b.instance_path().as_str() == "/kind") {
                    continue;
                }
                for b in branch {
                    describe(b, indent + 2, out);
                }
            }
        }
    }
    let mut out = String::new();
    for e in validator.iter_errors(record) {
        describe(&e, 2, &mut out);
    }
    (!out.is_empty()).then_some(out)
}

/// Decodes the output of a run (JSON Lines, or for `show` the payloads one after the other),
/// checks that every record fits the output schema, and returns the records in order.
pub fn records(output: Output, stdout: &str) -> Vec<serde_json::Value> {
    let decoded: Vec<serde_json::Value> = if output == Output::Show {
        serde_json::Deserializer::from_str(stdout)
            .into_iter::<serde_json::Value>()
            .map(|v| v.unwrap_or_else(|e| panic!("show output is not JSON: {e}\n{stdout}")))
            .collect()
    } else {
        assert!(
            stdout.is_empty() || stdout.ends_with('\n'),
            "JSON Lines end with a line break: {stdout:?}"
        );
        stdout
            .lines()
            .enumerate()
            .map(|(i, l)| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("line {} is not one JSON value ({e}): {l}", i + 1))
            })
            .collect()
    };
    let validator = output.validator();
    for (i, record) in decoded.iter().enumerate() {
        if let Some(errors) = schema_errors(validator, record) {
            panic!(
                "record {} does not fit schemas/output/{}:\n{errors}record: {record}",
                i + 1,
                output.file()
            );
        }
    }
    decoded
}

impl Run {
    /// The records of standard output, each checked against `output`'s schema ([`records`]).
    pub fn records(&self, output: Output) -> Vec<serde_json::Value> {
        records(output, &self.stdout)
    }
}

/// The `kind` of every record.
pub fn kinds(records: &[serde_json::Value]) -> Vec<&str> {
    records
        .iter()
        .map(|r| r["kind"].as_str().unwrap_or_default())
        .collect()
}

/// The unsigned integers at `keys` of a record, in order; panics naming the record when one is
/// missing or not such an integer.
pub fn ints<const N: usize>(record: &serde_json::Value, keys: [&str; N]) -> [u64; N] {
    keys.map(|k| {
        record[k]
            .as_u64()
            .unwrap_or_else(|| panic!("{k} is not an unsigned integer in {record}"))
    })
}

/// Checks that README.md holds `expected` between the markers `<!-- NAME:begin -->` and
/// `<!-- NAME:end -->`; with HLMSG_UPDATE_README set, writes it there instead. `source` says
/// where the block comes from and `test` names the test that regenerates it.
pub fn readme_block(name: &str, expected: &str, source: &str, test: &str) {
    let begin = format!("<!-- {name}:begin -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let readme_path = path("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let start = readme
        .find(&begin)
        .unwrap_or_else(|| panic!("README.md has no {name}:begin marker"))
        + begin.len();
    let end = readme
        .find(&end_marker)
        .unwrap_or_else(|| panic!("README.md has no {name}:end marker"));
    if readme[start..end] == *expected {
        return;
    }
    if std::env::var_os("HLMSG_UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
        std::fs::write(&readme_path, updated).unwrap();
        return;
    }
    panic!(
        "The {name} block of README.md differs from {source}. Update it with:\n\n    \
         HLMSG_UPDATE_README=1 cargo test --test cli {test}\n\nExpected between the markers:\n\
         {expected}"
    );
}
