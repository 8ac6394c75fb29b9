//! The pipeline every command shares: read each file once, parse it once, walk its servers
//! once through every registered check (`crate::rules`), then apply the finding policy
//! (suppressions, severities, selection, baseline) in [`policy`].

pub mod policy;
mod raw;
mod read;
mod report;
mod shape;
mod strings;
pub mod suppress;
mod values;
mod walk;

use std::path::PathBuf;

use crate::clients::{Client, Mode};
use crate::env::Environment;
use crate::parse::Dialect;
use crate::source::{Format, SourceFile};

pub use read::{DEFAULT_MAX_FILE_SIZE, DEFAULT_NAMES, Input, find_default_config};
pub use report::{Looked, Options, ReadError, Report, Resolved, Status};
pub use shape::{servers_in, servers_in_mut, servers_key_in};

/// How a config is parsed: JSONC when its client accepts comments, when its name ends in
/// `.jsonc`, or with `--jsonc`; an unrecognised file named `mcp.json` is taken as VS Code's.
pub fn dialect(client: &Client, name: &str, options: &Options) -> Dialect {
    let by_name = Dialect::for_path(name);
    if matches!(by_name, Dialect::Toml | Dialect::Yaml) {
        return by_name;
    }
    let jsonc = options.jsonc
        || client.comments.value
        || name.ends_with(".jsonc")
        || (client.mode == Mode::Template && by_name == Dialect::Jsonc);
    if jsonc { Dialect::Jsonc } else { Dialect::Json }
}

/// Checks every input; unreadable ones are recorded, not fatal to the others.
pub fn check_inputs(inputs: &[Input], options: &Options) -> Report {
    let mut report = Report::default();
    let mut env = Environment::new(&options.env);
    warm_up_while_reading(inputs, options);
    for input in inputs {
        let limit = match options.max_file_size {
            0 => DEFAULT_MAX_FILE_SIZE,
            n => n,
        };
        let bytes = match read::read_input(input, limit) {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(size)) => {
                let id = report.files.len();
                report.files.push(SourceFile::new(input.name(), ""));
                report.inputs.push((id, client_of(input, options)));
                report
                    .diagnostics
                    .push(crate::rules::parse::too_large::diagnostic(id, size, limit));
                continue;
            }
            Err(error) if matches!(input, Input::Found { .. }) => {
                let id = report.files.len();
                let mut file = SourceFile::new(input.name(), "");
                if input.is_folder() {
                    // A folder the walk could not search: the place of a finding, not a config.
                    file.kind = crate::source::FileKind::Folder;
                } else {
                    report.inputs.push((id, client_of(input, options)));
                }
                report.files.push(file);
                report
                    .diagnostics
                    .push(crate::rules::parse::unreadable::diagnostic(
                        id,
                        &error.to_string(),
                    ));
                continue;
            }
            Err(error) => {
                report.read_errors.push(ReadError {
                    name: input.name(),
                    error,
                });
                continue;
            }
        };
        check_one(&mut report, &mut env, input, bytes, options);
    }
    env.report_unused(&mut report.diagnostics);
    report.sort();
    report.environment = Some(env);
    report
}

/// When a config is large, starts compiling on another core what its check needs first (the
/// client's schemas, the token scanner) while it is read: the read leaves that core idle, and
/// the parse then has it to itself (`parse::parse_alongside` finds them built). Each is built
/// once wherever it is first needed, so the thread may end after the check: it is not waited for.
fn warm_up_while_reading(inputs: &[Input], options: &Options) {
    let large = inputs.iter().find(|input| match input {
        Input::Path(path) | Input::Found { path, .. } => std::fs::metadata(path)
            .is_ok_and(|m| m.is_file() && m.len() >= crate::parse::ALONGSIDE_BYTES as u64),
        Input::Stdin => false,
    });
    if let Some(input) = large {
        let client = client_of(input, options);
        std::thread::spawn(move || {
            crate::schema::for_client(client);
            crate::secrets::tokens::warm_up(&std::sync::atomic::AtomicBool::new(false));
        });
    }
}

/// Checks a config given as text, as if read from `name` (tests, benches, editors).
pub fn check_text(name: &str, text: &str, options: &Options) -> Report {
    let mut report = Report::default();
    let mut env = Environment::new(&options.env);
    let input = Input::Path(PathBuf::from(name));
    check_one(
        &mut report,
        &mut env,
        &input,
        text.as_bytes().to_vec(),
        options,
    );
    env.report_unused(&mut report.diagnostics);
    report.sort();
    report.environment = Some(env);
    report
}

/// The client a config is read as: `--client`, else the client whose place it was found at,
/// else as `.mcplint.json` and its path say.
fn client_of(input: &Input, options: &Options) -> &'static Client {
    match input {
        Input::Found {
            client: Some(client),
            ..
        } if options.clients.forced.is_none() => client,
        _ => options.clients.for_path(&input.name()),
    }
}

fn check_one(
    report: &mut Report,
    env: &mut Environment,
    input: &Input,
    bytes: Vec<u8>,
    options: &Options,
) {
    let id = report.files.len();
    let name = input.name();
    let client = client_of(input, options);
    report.inputs.push((id, client));
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // A leading BOM is dropped from the text, so offsets move with it.
            let shift = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            report
                .diagnostics
                .push(crate::rules::parse::invalid_utf8::diagnostic(
                    id,
                    offset - shift,
                    bytes[offset],
                    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF"),
                ));
            let mut file = SourceFile::new(name, String::from_utf8_lossy(&bytes).into_owned());
            file.utf8 = false;
            report.files.push(file);
            raw::raw_scan(report, id);
            return;
        }
    };
    let dialect = dialect(client, &name, options);
    let mut file = SourceFile::new(name, text);
    file.format = match dialect {
        Dialect::Toml => Format::Toml,
        Dialect::Yaml => Format::Yaml,
        Dialect::Json | Dialect::Jsonc => Format::Json,
    };
    let format = file.format;
    report.files.push(file);
    walk::check_config(report, env, input, id, dialect, client, options);
    // Helps show snippets in the file's own syntax.
    if format != Format::Json {
        for d in report.diagnostics.iter_mut().filter(|d| d.file == id) {
            d.in_syntax(format);
        }
    }
}
