//! `exec/filesystem-root`: a server that reaches files given the whole disk, a home folder or
//! a credential folder.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::{at_arg, program};

rule! {
    /// ## What it does
    /// Reports a server that reaches files given `/`, a drive (`C:\`), a home folder (`~`,
    /// `$HOME`, `/home/me`, `/Users/me`, `C:\Users\me`), every home folder (`/home`), or a
    /// credential folder (`.ssh`, `.aws`, `.gnupg`, `.kube`, `.azure`, `.docker`,
    /// `.config/gcloud`) as what it may read: an allowed folder of the reference filesystem
    /// server (`@modelcontextprotocol/server-filesystem`, `mcp-server-filesystem`), the
    /// `--repository` of the git server, or the host side of a `docker run` bind mount
    /// (`-v`, `--volume`, `--mount type=bind`). The value is judged after `${VAR}` expansion.
    ///
    /// A project folder (`./data`, `~/projects/app`, `${workspaceFolder}`) is not reported.
    /// A credential folder mounted into a container whose name says it is for that provider
    /// (`~/.aws` into an AWS server, as AWS documents) is `info` when writable and not
    /// reported when read-only (`:ro`).
    ///
    /// ## Why is this bad?
    /// The server hands the model whatever it may read, and the model reads untrusted text:
    /// a prompt injection in a web page or an issue can ask for `~/.ssh/id_ed25519` or
    /// `~/.aws/credentials`, and a root of `/` or `~` puts them in reach. The MCP
    /// specification's security best practices ask for local servers with the least access
    /// they need; the filesystem server's own README tells users to list the directories it
    /// may use. A `warning`: the vendors' examples give a project folder, which passes.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "files": {
    ///     "command": "npx",
    ///     "args": ["-y", "@modelcontextprotocol/server-filesystem", "~"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: the folders the server works on.
    /// ```json
    /// {
    ///   "files": {
    ///     "command": "npx",
    ///     "args": ["-y", "@modelcontextprotocol/server-filesystem", "./data"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - MCP specification, Security Best Practices, "Local MCP Server Compromise" (its
    ///   mitigations name SSH-key paths among the patterns to warn about):
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    /// - MCP docs, Local server security ("can read anything your account can read — SSH keys,
    ///   cloud credentials, browser profiles, your home directory"):
    ///   <https://modelcontextprotocol.io/docs/draft/tutorials/security/local-server-security>
    /// - Filesystem server README, "Directory Access Control" (modelcontextprotocol/servers
    ///   src/filesystem/README.md): <https://github.com/modelcontextprotocol/servers/tree/main/src/filesystem>
    /// - Docker, Bind mounts (writable by default; the `readonly` option):
    ///   <https://docs.docker.com/engine/storage/bind-mounts/>
    FILESYSTEM_ROOT, "exec/filesystem-root", Warning, "a server that reaches files given the whole disk, a home folder or a credential folder"
}

pub struct FilesystemRoot;

/// How much of the machine a path opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Disk,
    AllHomes,
    Home,
    /// A credential folder, and the words that name its provider in a server's name.
    Credentials(&'static str, &'static [&'static str]),
}

impl Reach {
    fn words(self) -> String {
        match self {
            Reach::Disk => "the whole disk".to_owned(),
            Reach::AllHomes => "every user's home folder".to_owned(),
            Reach::Home => "the whole home folder (`.ssh` and `.aws` included)".to_owned(),
            Reach::Credentials(folder, _) => format!("the credential folder `{folder}`"),
        }
    }
}

/// Credential folders, and the words that name their provider.
type Credential = (
    &'static [&'static str],
    &'static str,
    &'static [&'static str],
);
const CREDENTIALS: &[Credential] = &[
    (&[".ssh"], ".ssh", &[]),
    (&[".gnupg"], ".gnupg", &[]),
    (&[".aws"], ".aws", &["aws"]),
    (&[".azure"], ".azure", &["azure"]),
    (&[".kube"], ".kube", &["kube", "k8s"]),
    (&[".docker"], ".docker", &["docker"]),
    (
        &[".config", "gcloud"],
        ".config/gcloud",
        &["gcloud", "google", "gcp"],
    ),
];

/// What `path` (resolved, as the server gets it) opens, if more than a project folder.
fn reach(path: &str) -> Option<Reach> {
    let p = path.trim().replace('\\', "/");
    let lower = p.to_ascii_lowercase();
    let home_words = ["~", "$home", "${home}", "%userprofile%", "$env:userprofile"];
    let parts: Vec<&str> = lower
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    for (folder, name, provider) in CREDENTIALS {
        if parts.windows(folder.len()).any(|w| w == *folder) {
            return Some(Reach::Credentials(name, provider));
        }
    }
    let drive = |s: &str| s.len() == 2 && s.ends_with(':') && s.as_bytes()[0].is_ascii_alphabetic();
    match parts.as_slice() {
        [] if p.starts_with('/') => Some(Reach::Disk),
        [d] if drive(d) => Some(Reach::Disk),
        [h] if home_words.contains(h) => Some(Reach::Home),
        ["root"] if p.starts_with('/') => Some(Reach::Home),
        ["home" | "users"] if p.starts_with('/') => Some(Reach::AllHomes),
        [d, "users"] if drive(d) => Some(Reach::AllHomes),
        ["home" | "users", _] if p.starts_with('/') => Some(Reach::Home),
        [d, "users", _] if drive(d) => Some(Reach::Home),
        _ => None,
    }
}

/// Packages of the reference filesystem server: every argument after it is an allowed folder.
fn is_filesystem_server(arg: &str) -> bool {
    [
        "@modelcontextprotocol/server-filesystem",
        "mcp-server-filesystem",
    ]
    .iter()
    .any(|p| {
        crate::ascii::strip_prefix_ignore_case(arg, p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['@', '=']))
    })
}

fn is_git_server(arg: &str) -> bool {
    crate::ascii::strip_prefix_ignore_case(arg, "mcp-server-git").is_some()
        || arg.eq_ignore_ascii_case("mcp_server_git")
}

impl Check for FilesystemRoot {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&FILESYSTEM_ROOT]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some((command, args)) = cx.command_line() else {
            return;
        };
        if let Some(run) = cx.docker_run() {
            let image = run
                .image
                .as_ref()
                .map_or("", |i| i.name)
                .to_ascii_lowercase();
            for m in run.mounts().into_iter().filter(|m| m.is_host_path()) {
                let Some(reach) = reach(m.source) else {
                    continue;
                };
                let mut severity = Severity::Warning;
                let name = cx.name.to_ascii_lowercase();
                if let Reach::Credentials(_, words) = reach
                    && words.iter().any(|w| image.contains(w) || name.contains(w))
                {
                    if m.read_only {
                        continue;
                    }
                    severity = Severity::Info;
                }
                let help = if severity == Severity::Info {
                    format!(
                        "mount it read-only (`{}:{}:ro`), so that the server reads the \
                         credentials and cannot change them",
                        m.source,
                        m.target.unwrap_or("/path")
                    )
                } else if matches!(reach, Reach::Credentials(..)) {
                    "remove this mount: pass the one credential the server needs as `-e NAME`, \
                     with its value in `env`"
                        .to_owned()
                } else {
                    "mount only the folder the server works on (`-v ./data:/data`), read-only \
                     when it only reads (`:ro`)"
                        .to_owned()
                };
                out.push(
                    at_arg(
                        cx,
                        &FILESYSTEM_ROOT,
                        m.index,
                        format!(
                            "server `{}` mounts `{}` into its container: {} is open to what \
                             the model asks",
                            cx.name,
                            m.source,
                            reach.words()
                        ),
                    )
                    .severity(severity)
                    .label(reach.words())
                    .help(help),
                );
            }
            return;
        }
        let prog = program(command);
        let all = args;
        let start = if is_filesystem_server(&prog) {
            Some(0)
        } else {
            all.iter()
                .position(|(_, a)| is_filesystem_server(a))
                .map(|k| k + 1)
        };
        if let Some(start) = start {
            for &(index, root) in &all[start..] {
                if root.starts_with('-') {
                    continue;
                }
                if let Some(reach) = reach(root) {
                    out.push(found(cx, index, "the filesystem server", root, reach));
                }
            }
            return;
        }
        let git = is_git_server(&prog) || all.iter().any(|(_, a)| is_git_server(a));
        if !git {
            return;
        }
        for (k, &(index, arg)) in all.iter().enumerate() {
            let value = match arg.split_once('=') {
                Some(("--repository" | "-r", v)) => Some((index, v)),
                None if matches!(arg, "--repository" | "-r") => {
                    all.get(k + 1).map(|&(i, v)| (i, v))
                }
                _ => None,
            };
            if let Some((index, repo)) = value
                && let Some(reach) = reach(repo)
            {
                out.push(found(cx, index, "the git server", repo, reach));
            }
        }
    }
}

fn found(cx: &EntryContext, index: usize, server: &str, root: &str, reach: Reach) -> Diagnostic {
    at_arg(
        cx,
        &FILESYSTEM_ROOT,
        index,
        format!(
            "server `{}` gives {server} `{root}` as its root: {} is open to what the model asks",
            cx.name,
            reach.words()
        ),
    )
    .label(reach.words())
    .help(
        "give it only the folders it works on (`./data`, `~/projects/app`); a prompt injection \
         can ask for any file under the root",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_names_ignore_ascii_case_only() {
        assert!(is_filesystem_server(
            "@ModelContextProtocol/Server-Filesystem@1.0"
        ));
        assert!(is_filesystem_server("MCP-SERVER-FILESYSTEM"));
        assert!(!is_filesystem_server("mcp-server-filesystemx"));
        assert!(!is_filesystem_server("mcp-server-filésystem"));
        assert!(is_git_server("MCP-Server-Git"));
        assert!(is_git_server("mcp_SERVER_git"));
        assert!(!is_git_server("mcp-server-gi"));
        assert!(!is_git_server("é"));
    }

    #[test]
    fn what_a_path_opens() {
        for p in ["/", "C:\\", "c:/", "D:"] {
            assert_eq!(reach(p), Some(Reach::Disk), "{p}");
        }
        for p in [
            "~",
            "~/",
            "$HOME",
            "${HOME}",
            "/home/me",
            "/Users/me/",
            "C:\\Users\\me",
            "/root",
        ] {
            assert_eq!(reach(p), Some(Reach::Home), "{p}");
        }
        for p in ["/home", "/Users", "C:\\Users"] {
            assert_eq!(reach(p), Some(Reach::AllHomes), "{p}");
        }
        assert_eq!(reach("~/.ssh"), Some(Reach::Credentials(".ssh", &[])));
        assert_eq!(
            reach("/full/path/to/.aws"),
            Some(Reach::Credentials(".aws", &["aws"]))
        );
        assert!(matches!(
            reach("/Users/me/.config/gcloud"),
            Some(Reach::Credentials(".config/gcloud", _))
        ));
        for p in [
            "./data",
            "/Users/me/Desktop",
            "~/projects/app",
            "/projects",
            "data",
            ".",
            "${workspaceFolder}",
        ] {
            assert_eq!(reach(p), None, "{p}");
        }
    }

    #[test]
    fn servers_by_package() {
        assert!(is_filesystem_server(
            "@modelcontextprotocol/server-filesystem"
        ));
        assert!(is_filesystem_server(
            "@modelcontextprotocol/server-filesystem@2025.7.1"
        ));
        assert!(!is_filesystem_server(
            "@modelcontextprotocol/server-filesystem-extra"
        ));
        assert!(is_git_server("mcp-server-git"));
        assert!(is_git_server("mcp-server-git==0.6.2"));
    }
}
