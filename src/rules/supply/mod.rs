//! `supply/`: what packages and images a config makes the machine fetch and run, and from
//! where. Each rule reads the resolved command line through `crate::launch` (`package` for
//! package runners, `docker` for images) and points at the argument that names what is run.

pub mod image_unpinned;
pub mod known_vulnerable;
pub mod latest_tag;
pub mod typosquat;
pub mod unpinned_package;
pub mod unpinned_source;

use crate::diagnostic::Diagnostic;
use crate::launch::package::{self, Ecosystem, Launches, Package, Source};
use crate::registry::Rule;
use crate::rules::context::EntryContext;
use crate::secrets::mask::token_shaped;

/// The packages the entry's resolved command line runs. A name that looks like a token is
/// left out: messages quote names, and an argument misread as a package must not print a
/// secret. Read once per entry (`EntryContext::launches`).
fn launches<'c, 'e>(cx: &'c EntryContext<'e, '_>) -> &'c Launches<'e> {
    cx.launches.get_or_init(|| read_launches(cx))
}

fn read_launches<'e>(cx: &EntryContext<'e, '_>) -> Launches<'e> {
    let mut launches = match cx.command_line() {
        // A whole command line in `command` (`"npx -y mcp-remote https://…"`, as some READMEs
        // write it): read as one script held by the `command` field.
        Some((command, args)) if args.is_empty() && command.trim().contains(' ') => {
            package::parse("sh", &[(IN_COMMAND, "-c"), (IN_COMMAND, command)])
        }
        Some((command, args)) => package::parse(command, args),
        None => Launches::default(),
    };
    let tokenish = |s: &str| {
        s.split(['/', '@', '.', '-', '_', ':', '#', '?', '=', '&'])
            .any(token_shaped)
    };
    // The value of a flag named like a secret (`npx --api-key <key> …`: the runner's parser
    // may take an unknown flag for a switch) is a secret, never a package to quote.
    let after_secret_flag = |index: usize| {
        let args = cx.command_line().map_or(&[][..], |(_, args)| args);
        index.checked_sub(1).is_some_and(|before| {
            args.iter().any(|&(i, a)| {
                i == before && a.starts_with('-') && crate::secrets::is_secret_name(a)
            })
        })
    };
    // A commit id is long and random too, but not a secret.
    launches.packages.retain(|p| {
        !after_secret_flag(p.index)
            && match &p.source {
                Source::Git { url, .. } => !tokenish(url),
                _ => !tokenish(p.spec),
            }
    });
    launches
}

/// The index that stands for the `command` field itself, when it holds the whole line.
const IN_COMMAND: usize = usize::MAX;

/// A finding of `rule` at `args[index]` (or at `command`): its span as written and its
/// pointer.
fn at(cx: &EntryContext, rule: &'static Rule, index: usize, message: String) -> Diagnostic {
    if index == IN_COMMAND {
        let span = cx.string("command").map_or(cx.name_span, |(span, _)| span);
        return Diagnostic::new(rule, cx.id, span, cx.pointer("command"), message);
    }
    let span = cx.arg_span(index).unwrap_or(cx.name_span);
    let pointer = format!("{}/{}", cx.pointer("args"), index);
    Diagnostic::new(rule, cx.id, span, pointer, message)
}

/// How to write the fix into the argument: the new argument, or for a script (the
/// argument holds more than the spec) the spec to replace inside it.
fn write_as(cx: &EntryContext, pkg: &Package, new: &str) -> String {
    let whole = cx
        .command_line()
        .and_then(|(_, args)| args.iter().find(|(i, _)| *i == pkg.index))
        .map(|&(_, a)| a);
    if pkg.index == IN_COMMAND {
        return format!("replace `{}` with `{new}` in `command`", pkg.spec);
    }
    match whole {
        Some(arg) if arg == pkg.spec => format!("write the argument as `\"{new}\"`"),
        Some(arg) if arg.strip_suffix(pkg.spec).is_some_and(|f| f.ends_with('=')) => {
            let flag = &arg[..arg.len() - pkg.spec.len()];
            format!("write the argument as `\"{flag}{new}\"`")
        }
        _ => format!("replace `{}` with `{new}` in the argument", pkg.spec),
    }
}

/// A URL as shown in a message: any `user:password@` before the host is masked, and a
/// query (which may carry a key) is cut.
fn shown(url: &str) -> String {
    let url = match url.split_once('?') {
        Some((before, _)) => &format!("{before}?…"),
        None => url,
    };
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let host_end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + i);
    match url[scheme_end..host_end].rfind('@') {
        Some(at) => format!("{}***{}", &url[..scheme_end], &url[scheme_end + at..]),
        None => url.to_owned(),
    }
}

/// Where the newest version of a package is looked up.
fn newest(pkg: &Package, name: &str) -> String {
    match pkg.ecosystem {
        Ecosystem::Npm => format!("`npm view {name} version` prints the newest"),
        Ecosystem::PyPI => format!("`pip index versions {name}` lists them"),
        Ecosystem::Jsr => format!("<https://jsr.io/{name}> lists them"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn urls_lose_their_credentials() {
        assert_eq!(
            super::shown("git+https://me:s3cret@github.com/o/r"),
            "git+https://***@github.com/o/r"
        );
        assert_eq!(super::shown("github:o/r"), "github:o/r");
        assert_eq!(
            super::shown("https://h.example/p.tgz?key=abc"),
            "https://h.example/p.tgz?…"
        );
    }
}
