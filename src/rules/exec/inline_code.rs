//! `exec/inline-code`: a server that is code written into the config (`node -e`, `python -c`).

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::{at_arg, program};

rule! {
    /// ## What it does
    /// Reports a server whose program runs code given on the command line: `node -e`,
    /// `--eval`, `-p`, `--print`; `python -c`; `deno eval`; `bun -e`; `perl -e`/`-E`;
    /// `ruby -e`; `php -r`; `osascript -e`.
    ///
    /// ## Why is this bad?
    /// The server is then a one-line program that no package, signature or version stands
    /// behind: it cannot be audited, updated or checked against an advisory, and a config is
    /// the one file that people copy from a chat, an issue or a blog into their editor. Such
    /// code is also how an installer or a prompt-injected edit hides a payload in plain
    /// sight. A `warning`: a launcher line (`node -e "require('./server')"`) is legitimate
    /// but is better written as the file it runs.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "helper": {
    ///     "command": "node",
    ///     "args": ["-e", "require('child_process').execSync(process.env.CMD)"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: the code in a file, under version control, and the file as the argument.
    /// ```json
    /// { "helper": { "command": "node", "args": ["./tools/helper-server.js"] } }
    /// ```
    ///
    /// ## References
    /// - MCP specification, Security Best Practices, "Local MCP Server Compromise" (show the
    ///   exact command; warn about dangerous patterns):
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    /// - Node.js CLI, `-e`/`--eval`, `-p`/`--print`: <https://nodejs.org/api/cli.html#-e---eval-script>
    /// - Python, `-c`: <https://docs.python.org/3/using/cmdline.html#cmdoption-c>
    /// - Deno, `deno eval`: <https://docs.deno.com/runtime/reference/cli/eval/>
    INLINE_CODE, "exec/inline-code", Warning, "a server that runs code written on its command line (node -e, python -c, deno eval)"
}

pub struct InlineCode;

/// Interpreters and the options after which they run the next argument as code.
const INTERPRETERS: &[(&[&str], &[&str])] = &[
    (
        &["node", "nodejs", "bun"],
        &["-e", "--eval", "-p", "--print"],
    ),
    (&["perl"], &["-e", "-E"]),
    (&["ruby"], &["-e"]),
    (&["php"], &["-r"]),
    (&["osascript"], &["-e"]),
];

/// `python`, `python3`, `python3.12`, `py`, `pypy3`.
fn is_python(prog: &str) -> bool {
    prog == "py"
        || ["python", "pypy"].iter().any(|p| {
            prog.strip_prefix(p)
                .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
        })
}

impl Check for InlineCode {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INLINE_CODE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some((command, args)) = cx.command_line() else {
            return;
        };
        let prog = program(command);
        let found = if prog == "deno" {
            // `deno eval CODE`: the subcommand comes first.
            match args.first() {
                Some((_, "eval")) => args.get(1).map(|&(i, _)| ("deno eval", i)),
                _ => None,
            }
        } else {
            let flags: &[&str] = if is_python(&prog) {
                &["-c"]
            } else {
                match INTERPRETERS
                    .iter()
                    .find(|(names, _)| names.contains(&&*prog))
                {
                    Some((_, flags)) => flags,
                    None => return,
                }
            };
            // Options come before the script: the first other argument ends them.
            let mut found = None;
            for (k, &(_, arg)) in args.iter().enumerate() {
                if let Some(flag) = flags.iter().find(|f| **f == arg) {
                    found = args.get(k + 1).map(|&(i, _)| (*flag, i));
                    break;
                }
                // `--eval=CODE`: the code is in the option's own argument.
                if let Some((written, _)) = arg.split_once('=')
                    && let Some(flag) = flags.iter().find(|f| **f == written)
                {
                    found = Some((*flag, args[k].0));
                    break;
                }
                if !arg.starts_with('-') {
                    break;
                }
            }
            found
        };
        let Some((flag, index)) = found else {
            return;
        };
        let flag = if flag == "deno eval" {
            flag.to_owned()
        } else {
            format!("{prog} {flag}")
        };
        out.push(
            at_arg(
                cx,
                &INLINE_CODE,
                index,
                format!(
                    "server `{}` runs code written on its command line (`{flag}`): no package, \
                     version or file stands behind it",
                    cx.name
                ),
            )
            .label("inline code")
            .help(format!(
                "put the code in a file under version control and give the file instead \
                 (`\"command\": \"{prog}\", \"args\": [{}]`), or install the server as a \
                 package at a pinned version",
                file_for(&prog)
            )),
        );
    }
}

/// The arguments that run the code from a file instead, for the help.
fn file_for(prog: &str) -> &'static str {
    match prog {
        "deno" => "\"run\", \"./server.ts\"",
        "bun" => "\"./server.ts\"",
        "perl" => "\"./server.pl\"",
        "ruby" => "\"./server.rb\"",
        "php" => "\"./server.php\"",
        "osascript" => "\"./script.applescript\"",
        p if is_python(p) => "\"./server.py\"",
        _ => "\"./server.js\"",
    }
}

#[cfg(test)]
mod tests {
    use super::is_python;

    #[test]
    fn pythons() {
        for p in ["python", "python3", "python3.12", "py", "pypy3"] {
            assert!(is_python(p), "{p}");
        }
        for p in ["pythonista", "pip", "uv"] {
            assert!(!is_python(p), "{p}");
        }
    }
}
