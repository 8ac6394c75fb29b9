//! `mcplint fix`: moves every hardcoded secret into `.env` and writes `${NAME}` in its place.
//!
//! The config is edited byte for byte on its original text: only the secret's characters are
//! replaced, everything else (comments, key order, indentation, line endings) stays. The `.env`
//! is written first and the config second, each atomically, so an interruption leaves the
//! secret in at least one of them and never loses it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::pipeline::{self, Input, Options};
use crate::source::FileKind;
use crate::write::WriteError;

/// One secret moved.
#[derive(Debug, Clone)]
pub struct Moved {
    pub variable: String,
    pub pointer: String,
    pub what: String,
    pub shown: String,
    /// False when `.env` already held the same value under that name.
    pub appended: bool,
}

/// What `fix` will write.
#[derive(Debug)]
pub struct Plan {
    pub config: PathBuf,
    pub env_file: PathBuf,
    pub old_config: String,
    pub new_config: String,
    /// The config as it may be shown (secrets masked), for the diff.
    pub old_config_shown: String,
    pub old_env: Option<String>,
    pub new_env: String,
    /// The lines appended to `.env`, values redacted, for the diff.
    pub env_lines_shown: Vec<String>,
    pub moved: Vec<Moved>,
    /// What the user must still do for the client to see the values (export them, ...).
    pub notes: Vec<String>,
}

/// A value as a `.env` line writes it: bare when that is unambiguous, else double-quoted with
/// the escapes dotenv reads back (`\\`, `\"`, `\$`, `\n`).
pub fn dotenv_value(v: &str) -> String {
    let bare = !v.is_empty()
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-./:@+=,%~".contains(&b));
    if bare {
        return v.to_owned();
    }
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text of a JSON string's raw span, decoded.
fn decode(raw: &str) -> String {
    if raw.contains('\\') {
        serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_owned())
    } else {
        raw.to_owned()
    }
}

/// Works out the edits without writing anything.
pub fn plan(config: &Path, env_file: Option<&Path>, options: &Options) -> Result<Plan, String> {
    let mut options = options.clone();
    options.keep_resolved = true;
    let report = pipeline::check_inputs(&[Input::Path(config.to_path_buf())], &options);
    if let Some(e) = report.read_errors.first() {
        return Err(format!("cannot read {}: {}", e.name, e.error));
    }
    let file = report
        .files
        .first()
        .ok_or_else(|| format!("cannot read {}", config.display()))?;
    if report
        .diagnostics
        .iter()
        .any(|d| d.file == 0 && d.rule.id.starts_with("parse/"))
    {
        return Err(format!(
            "{} does not parse; fix that first (`mcplint check {}`)",
            config.display(),
            config.display()
        ));
    }
    let client = report
        .inputs
        .first()
        .map_or(&crate::clients::generic::GENERIC, |(_, c)| *c);
    let direct = client.mode == crate::clients::Mode::Direct;
    if file.format != crate::source::Format::Json {
        return Err(format!(
            "{} is {}: `mcplint fix` rewrites JSON files only, and moving a secret out of a \
             TOML or YAML file is not done yet.\n  help: move each secret by hand as the \
             `secret/` findings of `mcplint check {}` say; nothing was written",
            config.display(),
            file.format.name(),
            config.display()
        ));
    }
    if direct && client.reference.value.to("NAME").is_none() {
        return Err(format!(
            "{} expands no `${{...}}` reference in {}, so a secret cannot be moved out of it \
             (source: {}).\n  help: keep the servers in a template that mcplint renders \
             (`mcp-servers.json` with a `.env`) and write this file with `mcplint render \
             mcp-servers.json --to {} -o {}`, or keep the secret in the client's own secret \
             store; nothing was written",
            client.name,
            config.display(),
            client.reference.source,
            client.id,
            config.display()
        ));
    }
    let env_file = env_file.map_or_else(
        || {
            config
                .parent()
                .map_or_else(|| PathBuf::from(".env"), |d| d.join(".env"))
        },
        Path::to_path_buf,
    );
    // The `.env` as this run read it (the pipeline loaded it), never read a second time.
    let env_source = report
        .files
        .iter()
        .find(|f| f.kind == FileKind::Env && Path::new(&f.name) == env_file);
    let old_env = env_source.map(|f| format!("{}{}", if f.bom { "\u{feff}" } else { "" }, f.text));
    let unreadable_env = env_source.is_some_and(|f| !f.utf8);
    if unreadable_env {
        return Err(format!(
            "{} is not valid UTF-8; fix that first, so that adding lines to it loses nothing",
            env_file.display()
        ));
    }

    // Names already taken, with the value they stand for: the `.env`, the process environment
    // when it is looked up, and the servers' own `env` blocks.
    let config_dir = config.parent().unwrap_or(Path::new(""));
    let mut taken: HashMap<String, Option<String>> = report
        .environment
        .as_ref()
        .map(|env| {
            env.known(config_dir)
                .into_iter()
                .map(|(k, v)| (k.to_owned(), Some(v.to_owned())))
                .collect()
        })
        .unwrap_or_default();
    let scoped: Vec<String> = report
        .resolved
        .first()
        .map(|r| scoped_names(&r.root))
        .unwrap_or_default();

    let mut moves: Vec<_> = report
        .moves
        .iter()
        .filter(|m| m.file == 0)
        .cloned()
        .collect();
    moves.sort_by_key(|m| m.span.start);
    let mut moved = Vec::new();
    let mut new_lines = Vec::new();
    let mut shown_lines = Vec::new();
    let mut replacements = Vec::new();
    for m in &moves {
        let secret = decode(&file.text[m.span.start..m.span.end]);
        // A name another value uses gets a suffix; one that holds this very value is reused.
        let env_slot = m.pointer.rsplit('/').nth(1) == Some("env")
            && m.pointer.ends_with(&format!("/{}", m.variable));
        let mut name = m.variable.clone();
        let mut n = 1;
        let appended = loop {
            let scoped_clash = !env_slot && scoped.contains(&name);
            match taken.get(&name) {
                _ if scoped_clash => {}
                None => break true,
                Some(Some(v)) if *v == secret => break false,
                _ => {}
            }
            n += 1;
            name = format!("{}_{n}", m.variable);
        };
        if appended {
            new_lines.push(format!("{name}={}", dotenv_value(&secret)));
            shown_lines.push(format!("{name}={}", m.shown));
            taken.insert(name.clone(), Some(secret.clone()));
        }
        let reference = if direct {
            client.reference.value.to(&name)
        } else {
            None
        };
        replacements.push((m.span, reference.unwrap_or_else(|| format!("${{{name}}}"))));
        moved.push(Moved {
            variable: name,
            pointer: m.pointer.clone(),
            what: m.what.clone(),
            shown: m.shown.clone(),
            appended,
        });
    }
    let mut new_config = file.text.clone();
    for (span, text) in replacements.iter().rev() {
        new_config.replace_range(span.start..span.end, text);
    }
    // The config as read had its BOM dropped: keep it.
    let bom = if file.bom { "\u{feff}" } else { "" };
    let mut new_env = old_env.clone().unwrap_or_default();
    if !new_lines.is_empty() {
        if !new_env.is_empty() && !new_env.ends_with('\n') {
            new_env.push('\n');
        }
        for line in &new_lines {
            new_env.push_str(line);
            new_env.push('\n');
        }
    }
    let mut notes = Vec::new();
    if direct && !moved.is_empty() && !client.lookup.value.dotenv {
        let names: Vec<String> = moved.iter().map(|m| format!("`{}`", m.variable)).collect();
        notes.push(format!(
            "{} does not read {}: set {} in the environment it starts from (export them in your \
             shell profile, or your OS's settings for an app started from a menu)",
            client.name,
            env_file.display(),
            names.join(", ")
        ));
    }
    Ok(Plan {
        config: config.to_path_buf(),
        env_file,
        old_config: format!("{bom}{}", file.text),
        new_config: format!("{bom}{new_config}"),
        old_config_shown: file.display_text().to_owned(),
        old_env,
        new_env,
        env_lines_shown: shown_lines,
        moved,
        notes,
    })
}

/// The keys of every server's `env` block: a `${NAME}` elsewhere in that server would
/// resolve to them.
fn scoped_names(root: &serde_json::Value) -> Vec<String> {
    let Some(servers) = pipeline::servers_in(root) else {
        return Vec::new();
    };
    servers
        .values()
        .filter_map(|s| s.get("env").and_then(serde_json::Value::as_object))
        .flat_map(|env| env.keys().cloned())
        .collect()
}

/// The unified diff `--dry-run` prints, secrets redacted.
pub fn diff(plan: &Plan) -> String {
    let mut out = String::new();
    let new_config = plan.new_config.trim_start_matches('\u{feff}');
    // What the fix left (a value no rule named) is masked as in the frames.
    let masked = crate::secrets::mask::mask_all(new_config, std::iter::empty());
    let new_shown = masked.as_deref().unwrap_or(new_config);
    let config_name = plan.config.display().to_string();
    out.push_str(
        &similar::TextDiff::from_lines(plan.old_config_shown.as_str(), new_shown)
            .unified_diff()
            .header(&config_name, &config_name)
            .to_string(),
    );
    if !plan.env_lines_shown.is_empty() {
        let name = plan.env_file.display().to_string();
        let old = plan.old_env.as_deref().unwrap_or("");
        let start = old.lines().count();
        out.push_str(&format!(
            "--- {}\n+++ {name}\n@@ -{start},0 +{},{} @@\n",
            if plan.old_env.is_some() {
                name.as_str()
            } else {
                "/dev/null"
            },
            start + 1,
            plan.env_lines_shown.len()
        ));
        for line in &plan.env_lines_shown {
            out.push_str(&format!("+{line}\n"));
        }
    }
    out
}

/// What [`apply`] wrote, for the message.
#[derive(Debug)]
pub struct Written {
    /// The config's real path (a symlinked config is written where it points).
    pub config: PathBuf,
    /// The `.env`'s real path, when it was written (it is not when it held every value).
    pub env: Option<PathBuf>,
    /// The `.env` was created (mode 0600), rather than replaced keeping its mode.
    pub env_created: bool,
    /// The mode the `.env` had and kept, when it existed (unix).
    pub env_mode: Option<u32>,
}

/// The folder `fix` writes in: the git work tree holding the config (the nearest folder with a
/// `.git`, going up from the config's folder), else the config's folder; canonical.
pub fn project_root(config: &Path) -> Option<PathBuf> {
    let dir = folder_of(config).canonicalize().ok()?;
    let root = dir
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&dir);
    Some(root.to_path_buf())
}

fn folder_of(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Where writing `p` lands: its canonical path, or for a file not there yet (or a dangling
/// link) its folder's canonical path joined with its name.
pub fn resolve(p: &Path) -> PathBuf {
    if let Ok(real) = p.canonicalize() {
        return real;
    }
    let p = match std::fs::read_link(p) {
        Ok(target) => folder_of(p).join(target),
        Err(_) => p.to_path_buf(),
    };
    match (folder_of(&p).canonicalize(), p.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => p,
    }
}

/// True when `p` or a folder in its path (as written) is a symbolic link.
pub fn through_link(p: &Path) -> bool {
    p.ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .any(|a| std::fs::symlink_metadata(a).is_ok_and(|m| m.file_type().is_symlink()))
}

/// `real (via given)` when a link leads there, else `given`.
pub fn shown_path(given: &Path, real: &Path) -> String {
    if through_link(given) {
        format!("{} (via {})", real.display(), given.display())
    } else {
        given.display().to_string()
    }
}

#[cfg(unix)]
fn mode_of(m: &std::fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    Some(m.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn mode_of(_: &std::fs::Metadata) -> Option<u32> {
    None
}

/// Writes the plan: `.env` first, then the config, each atomically. The `.env` is refused when
/// it resolves outside the project (see [`project_root`]), or when git tracks it or does not
/// ignore it, unless `force`. A symlinked config or `.env` (dotfiles) is written where it
/// really is; a file that existed keeps its mode, a new `.env` is created 0600.
pub fn apply(plan: &Plan, force: bool) -> Result<Written, String> {
    let config = plan
        .config
        .canonicalize()
        .unwrap_or_else(|_| plan.config.clone());
    let env_file = resolve(&plan.env_file);
    let mut written = Written {
        config: config.clone(),
        env: None,
        env_created: false,
        env_mode: None,
    };
    if plan.moved.is_empty() {
        return Ok(written);
    }
    if !force
        && let Some(root) = project_root(&plan.config)
        && !env_file.starts_with(&root)
    {
        let how = if std::fs::symlink_metadata(&plan.env_file)
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            "is a symbolic link to"
        } else {
            "resolves to"
        };
        return Err(format!(
            "refusing to write secrets to {}: it {how} {}, outside the project ({}); nothing \
             was written.\n  help: pass --force to write there anyway, or point --env-file at a \
             file inside the project",
            plan.env_file.display(),
            env_file.display(),
            root.display()
        ));
    }
    if !force
        && let Some(d) = crate::rules::secret::env_file_not_ignored::diagnostic(&plan.env_file, 0)
    {
        return Err(format!(
            "refusing to write secrets to {}: {}; {} (or pass --force)",
            plan.env_file.display(),
            d.message,
            d.help.unwrap_or_default()
        ));
    }
    if plan.new_env != plan.old_env.clone().unwrap_or_default() {
        // An existing `.env` keeps its mode (never changed behind the user's back).
        let before = std::fs::metadata(&env_file).ok();
        crate::write::write_atomic_with(
            &env_file,
            &plan.new_env,
            None,
            before.as_ref().map(std::fs::Metadata::permissions),
        )
        .map_err(|e| {
            format!(
                "cannot write {}: {e}",
                shown_path(&plan.env_file, &env_file)
            )
        })?;
        written.env = Some(env_file.clone());
        written.env_created = before.is_none();
        written.env_mode = before.as_ref().and_then(mode_of);
    }
    // A test hook, compiled only into the test suite's build: fail between the two writes,
    // as a crash would.
    #[cfg(feature = "fault-injection")]
    if std::env::var_os("MCPLINT_FAULT_AFTER_ENV_WRITE").is_some() {
        return Err("simulated failure after writing the .env file".into());
    }
    write_keeping_mode(&config, &plan.new_config)
        .map_err(|e| format!("cannot write {}: {e}", shown_path(&plan.config, &config)))?;
    Ok(written)
}

/// Atomic replace that keeps the file's permissions (a config is not a secret file).
fn write_keeping_mode(path: &Path, contents: &str) -> Result<(), WriteError> {
    let permissions = std::fs::metadata(path).map(|m| m.permissions()).ok();
    crate::write::write_atomic_with(path, contents, None, permissions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotenv_values_read_back() {
        for v in [
            "plain-token_1.2",
            "with space",
            "dollar$sign",
            "quote\"and\\backslash",
            "multi\nline",
            "",
        ] {
            let line = format!("K={}\n", dotenv_value(v));
            let parsed = crate::env::dotenv::parse(&line);
            assert_eq!(parsed.entries[0].template.replace("$$", "$"), v, "{line}");
        }
    }
}
