//! `exec/env-code-loading`: an `env` variable that makes the server load code it was not
//! started with, or look for programs and modules in a folder anyone may write.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::{EnvVar, at_env, env_vars};

rule! {
    /// ## What it does
    /// Reports an `env` variable of a server that injects code into it or changes where it
    /// finds code:
    ///
    /// - code loaded into the process: `LD_PRELOAD`, `LD_AUDIT`, `DYLD_INSERT_LIBRARIES`
    ///   (and every other `DYLD_*`), `NODE_OPTIONS` with `--require`/`-r`/`--import`/
    ///   `--loader`, `PYTHONSTARTUP`, `BASH_ENV`, `ENV`, `PERL5OPT`, `RUBYOPT`;
    /// - search paths: `LD_LIBRARY_PATH`, `PYTHONPATH`, `NODE_PATH`, `PERL5LIB`, `RUBYLIB`,
    ///   and `PATH`, when an entry is relative (`.`, `bin`) or a folder anyone may write
    ///   (`/tmp`, `/var/tmp`, `/dev/shm`); for `PATH`, only its first entry.
    ///
    /// A search path of absolute, private folders is `info` (`PYTHONPATH=/opt/app/src` is how
    /// many local servers are started); an empty value is not reported.
    ///
    /// ## Why is this bad?
    /// These variables run code before the server's own: a preloaded library, a required
    /// module, a startup script. Whoever can write the file they name owns the server and
    /// the tokens in its environment, and the line looks like configuration, not like a
    /// program. A relative entry depends on the folder the client starts the server in (often
    /// the user's home or the editor's install folder), and `/tmp` is writable by every user
    /// of the machine. A `warning`: a search path of private absolute folders is kept at
    /// `info`, since it is usual for a server run from a checkout.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "notes": {
    ///     "command": "node",
    ///     "args": ["/opt/notes-mcp/server.js"],
    ///     "env": { "NODE_OPTIONS": "--require /tmp/hook.js", "PATH": ".:/usr/bin:/bin" }
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: start the program itself; put what it needs in its own code or install.
    /// ```json
    /// {
    ///   "notes": {
    ///     "command": "node",
    ///     "args": ["/opt/notes-mcp/server.js"],
    ///     "env": { "NODE_OPTIONS": "--max-old-space-size=512" }
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - ld.so(8), `LD_PRELOAD`, `LD_LIBRARY_PATH`, `LD_AUDIT`: <https://man7.org/linux/man-pages/man8/ld.so.8.html>
    /// - dyld(1), `DYLD_INSERT_LIBRARIES`: <https://developer.apple.com/library/archive/documentation/System/Conceptual/ManPages_iPhoneOS/man1/dyld.1.html>
    /// - Node.js, `NODE_OPTIONS`, `--require`, `--import`: <https://nodejs.org/api/cli.html#node_optionsoptions>
    /// - Python, `PYTHONPATH`, `PYTHONSTARTUP`: <https://docs.python.org/3/using/cmdline.html#environment-variables>
    /// - Bash, `BASH_ENV` and `ENV`: <https://www.gnu.org/software/bash/manual/bash.html#Bash-Startup-Files>
    /// - perlrun, `PERL5OPT`: <https://perldoc.perl.org/perlrun#PERL5OPT>; Ruby, `RUBYOPT`:
    ///   <https://docs.ruby-lang.org/en/master/ruby/options_md.html>
    /// - MITRE ATT&CK T1574.006, Hijack Execution Flow: Dynamic Linker Hijacking:
    ///   <https://attack.mitre.org/techniques/T1574/006/>
    /// - MCP specification, Security Best Practices, "Local MCP Server Compromise":
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    ENV_CODE_LOADING, "exec/env-code-loading", Warning, "an env variable that loads code into the server (LD_PRELOAD, NODE_OPTIONS --require) or a writable search path"
}

pub struct EnvCodeLoading;

/// Variables whose value is code (or a file of code) that runs in the server.
const INJECTORS: &[(&str, &str)] = &[
    (
        "LD_PRELOAD",
        "a library into every program the server starts",
    ),
    ("LD_AUDIT", "a library into every program the server starts"),
    (
        "DYLD_INSERT_LIBRARIES",
        "a library into every program the server starts",
    ),
    (
        "PYTHONSTARTUP",
        "a Python file that interactive Python runs first",
    ),
    (
        "BASH_ENV",
        "a script that every non-interactive bash runs first",
    ),
    ("ENV", "a script that POSIX shells run first"),
    ("PERL5OPT", "options (such as `-M` modules) into every perl"),
    (
        "RUBYOPT",
        "options (such as `-r` libraries) into every ruby",
    ),
];

/// Search paths: a relative or world-writable entry lets someone else's code in.
const SEARCH_PATHS: &[(&str, &str)] = &[
    ("LD_LIBRARY_PATH", "libraries"),
    ("DYLD_LIBRARY_PATH", "libraries"),
    ("DYLD_FALLBACK_LIBRARY_PATH", "libraries"),
    ("DYLD_FRAMEWORK_PATH", "frameworks"),
    ("PYTHONPATH", "Python modules"),
    ("NODE_PATH", "Node modules"),
    ("PERL5LIB", "Perl modules"),
    ("RUBYLIB", "Ruby libraries"),
    ("PATH", "programs"),
];

/// `NODE_OPTIONS` options that load a module before the program.
const NODE_LOADERS: &[&str] = &[
    "--require",
    "-r",
    "--import",
    "--loader",
    "--experimental-loader",
];

/// Folders every user of the machine may write.
const WORLD_WRITABLE: &[&str] = &["/tmp", "/var/tmp", "/dev/shm", "/private/tmp"];

/// Why an entry of a search path lets other code in, if it does.
fn unsafe_entry(entry: &str) -> Option<&'static str> {
    let e = entry.trim();
    let absolute = e.starts_with(['/', '\\', '~', '$', '%'])
        || (e.len() >= 2 && e.as_bytes()[1] == b':' && e.as_bytes()[0].is_ascii_alphabetic());
    if e.is_empty() || !absolute {
        return Some("relative: it depends on the folder the client starts the server in");
    }
    let e = e.trim_end_matches('/');
    if WORLD_WRITABLE
        .iter()
        .any(|w| e == *w || e.starts_with(&format!("{w}/")))
    {
        return Some("a folder every user of the machine may write");
    }
    None
}

/// The finding for one variable, if it has one: severity, what it does, and the help.
fn judge(var: &EnvVar) -> Option<(Severity, String, String)> {
    let name = &var.upper;
    let value = var.value.trim();
    if value.is_empty() {
        return None;
    }
    // Written only for a finding: this runs for every variable of every entry.
    let remove = || {
        format!(
            "remove `{}` from `env`; if the server needs that code, make it part of the \
             server's own install",
            var.name
        )
    };
    if let Some((_, what)) = INJECTORS.iter().find(|(n, _)| *n == name) {
        return Some((
            Severity::Warning,
            format!("`{}` loads {what} (`{value}`)", var.name),
            remove(),
        ));
    }
    if name == "NODE_OPTIONS" {
        let words: Vec<&str> = value.split_whitespace().collect();
        let loader = words.iter().find(|w| {
            NODE_LOADERS
                .iter()
                .any(|l| **w == *l || w.starts_with(&format!("{l}=")))
        })?;
        let flag = loader.split('=').next().unwrap_or(loader);
        return Some((
            Severity::Warning,
            format!(
                "`NODE_OPTIONS` loads a module into every Node process the server starts \
                 (`{flag}`)"
            ),
            format!(
                "remove `{flag}` and its module from `NODE_OPTIONS`; keep only options that \
                 change no code (`--max-old-space-size=512`)"
            ),
        ));
    }
    let search = SEARCH_PATHS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, what)| *what)
        .or_else(|| (name.starts_with("DYLD_") && name.ends_with("_PATH")).then_some("libraries"))
        .or_else(|| name.starts_with("DYLD_").then_some(""))?;
    if search.is_empty() {
        // Another `DYLD_*` variable: it changes what the dynamic linker loads.
        return Some((
            Severity::Warning,
            format!(
                "`{}` changes what the dynamic linker loads (`{value}`)",
                var.name
            ),
            remove(),
        ));
    }
    let separator = if value.contains(';') { ';' } else { ':' };
    let b = value.as_bytes();
    let drive =
        b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'/' | b'\\');
    let mut entries: Vec<&str> = if separator == ':' && drive {
        vec![value]
    } else {
        value.split(separator).collect()
    };
    if name == "PATH" {
        entries.truncate(1);
    }
    for entry in &entries {
        if let Some(why) = unsafe_entry(entry) {
            let fix = if name == "PATH" {
                format!(
                    "put system folders first and drop `{entry}` (`\"PATH\": \"/usr/local/bin:/usr/bin:/bin\"`), \
                     or give `command` an absolute path"
                )
            } else {
                format!("use absolute folders that only you may write instead of `{entry}`")
            };
            return Some((
                Severity::Warning,
                format!(
                    "`{}` makes the server look for {search} in `{entry}` first, which is {why}",
                    var.name
                ),
                fix,
            ));
        }
    }
    if name == "PATH" {
        return None;
    }
    Some((
        Severity::Info,
        format!(
            "`{}` adds where the server looks for {search} (`{value}`)",
            var.name
        ),
        format!(
            "install the server as a package instead, or keep `{}` to folders only you may \
             write",
            var.name
        ),
    ))
}

impl Check for EnvCodeLoading {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&ENV_CODE_LOADING]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        for var in env_vars(cx) {
            let Some((severity, what, help)) = judge(var) else {
                continue;
            };
            out.push(
                at_env(
                    cx,
                    &ENV_CODE_LOADING,
                    var,
                    true,
                    format!(
                        "server `{}`: {what}; code that runs before the server's own, with its \
                         tokens",
                        cx.name
                    ),
                )
                .severity(severity)
                .label("loads code")
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn var<'a>(name: &'a str, value: &'a str) -> EnvVar<'a> {
        EnvVar {
            name,
            upper: name.to_ascii_uppercase(),
            key_span: Span::new(0, 0),
            value,
            value_span: Span::new(0, 0),
        }
    }

    fn severity(name: &str, value: &str) -> Option<Severity> {
        judge(&var(name, value)).map(|(s, _, _)| s)
    }

    #[test]
    fn injectors_and_search_paths() {
        assert_eq!(severity("LD_PRELOAD", "/opt/x.so"), Some(Severity::Warning));
        assert_eq!(
            severity("DYLD_INSERT_LIBRARIES", "/opt/x.dylib"),
            Some(Severity::Warning)
        );
        assert_eq!(
            severity("NODE_OPTIONS", "--require ./hook.js"),
            Some(Severity::Warning)
        );
        assert_eq!(
            severity("NODE_OPTIONS", "--import=tsx"),
            Some(Severity::Warning)
        );
        assert_eq!(severity("NODE_OPTIONS", "--max-old-space-size=512"), None);
        assert_eq!(severity("PYTHONPATH", "/opt/app/src"), Some(Severity::Info));
        assert_eq!(severity("PYTHONPATH", "src"), Some(Severity::Warning));
        assert_eq!(
            severity("LD_LIBRARY_PATH", "/tmp/libs"),
            Some(Severity::Warning)
        );
        assert_eq!(severity("PATH", ".:/usr/bin"), Some(Severity::Warning));
        assert_eq!(severity("PATH", "/tmp:/usr/bin"), Some(Severity::Warning));
        assert_eq!(severity("PATH", "/usr/local/bin:/usr/bin:."), None);
        assert_eq!(severity("PATH", "C:\\tools;C:\\Windows"), None);
        assert_eq!(severity("PYTHONPATH", ""), None);
        assert_eq!(severity("PYTHONIOENCODING", "utf-8"), None);
        assert_eq!(
            severity("DYLD_PRINT_LIBRARIES", "1"),
            Some(Severity::Warning)
        );
        let (_, what, _) = judge(&var("PATH", ".:/usr/bin")).unwrap();
        assert!(what.contains("in `.` first"), "{what}");
    }
}
