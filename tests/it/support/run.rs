//! The one way the tests run the `mcplint` binary.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A run of the binary, built step by step:
///
/// ```ignore
/// let out = Mcplint::new(&["check", "mcp-servers.json"])
///     .dir(path)
///     .env_clear()
///     .env("K", "V")
///     .stdin("{}")
///     .run();
/// assert_eq!(out.code, 1);
/// ```
///
/// Unless told otherwise, it runs in the repository root, with the test's environment minus
/// `NO_COLOR`, with `GIT_CEILING_DIRECTORIES` set to the repository root (the fixtures'
/// `.env` files are tracked on purpose: git must not see this repository from a fixture),
/// with an empty stdin, and it requires stdout and stderr to be UTF-8.
#[must_use]
pub struct Mcplint {
    args: Vec<OsString>,
    dir: PathBuf,
    clear: bool,
    /// Applied in order, after `clear`; `None` removes the variable.
    vars: Vec<(OsString, Option<OsString>)>,
    stdin: Option<Vec<u8>>,
    lossy: bool,
}

/// What a run printed, and its exit code.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The repository root (`CARGO_MANIFEST_DIR`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Mcplint {
    pub fn new(args: &[&str]) -> Mcplint {
        Mcplint {
            args: args.iter().map(OsString::from).collect(),
            dir: root(),
            clear: false,
            vars: Vec::new(),
            stdin: None,
            lossy: false,
        }
        .env_remove("NO_COLOR")
        .ceiling(root())
    }

    /// More arguments, after those given to [`Mcplint::new`].
    pub fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Mcplint {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// The working directory.
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Mcplint {
        self.dir = dir.as_ref().to_owned();
        self
    }

    /// Starts from an empty environment: only the variables set with [`Mcplint::env`] (and
    /// `GIT_CEILING_DIRECTORIES`) reach the binary, wherever this call is in the chain.
    pub fn env_clear(mut self) -> Mcplint {
        self.clear = true;
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Mcplint {
        self.vars
            .push((key.as_ref().to_owned(), Some(value.as_ref().to_owned())));
        self
    }

    pub fn envs<K, V>(mut self, vars: impl IntoIterator<Item = (K, V)>) -> Mcplint
    where
        K: AsRef<OsStr>,
        V: AsRef<OsStr>,
    {
        for (k, v) in vars {
            self = self.env(k, v);
        }
        self
    }

    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Mcplint {
        self.vars.push((key.as_ref().to_owned(), None));
        self
    }

    /// `GIT_CEILING_DIRECTORIES`: git looks for a repository no higher than `dir`.
    pub fn ceiling(self, dir: impl AsRef<Path>) -> Mcplint {
        self.env("GIT_CEILING_DIRECTORIES", dir.as_ref())
    }

    /// A scratch or fixture directory, on its own: the working directory, an empty
    /// environment, and git stopped at `dir`'s parent.
    pub fn isolated_in(self, dir: impl AsRef<Path>) -> Mcplint {
        let dir = dir.as_ref();
        let parent = dir.parent().expect("a directory with a parent").to_owned();
        self.dir(dir).env_clear().ceiling(parent)
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Mcplint {
        self.stdin = Some(input.into());
        self
    }

    /// Accepts output that is not UTF-8 (replaced with U+FFFD) instead of failing the test.
    pub fn lossy(mut self) -> Mcplint {
        self.lossy = true;
        self
    }

    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mcplint"));
        command.args(&self.args).current_dir(&self.dir);
        if self.clear {
            command.env_clear();
        }
        for (key, value) in &self.vars {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        command
    }

    /// Runs to the end. Fails the test if the binary cannot start, is killed by a signal, or
    /// (unless [`Mcplint::lossy`]) prints something that is not UTF-8.
    pub fn run(self) -> Output {
        let mut command = self.command();
        command
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("the binary runs");
        let writer = child.stdin.take().map(|mut pipe| {
            let input = self.stdin.clone().unwrap_or_default();
            std::thread::spawn(move || pipe.write_all(&input))
        });
        let out = child.wait_with_output().expect("the binary runs");
        if let Some(writer) = writer {
            // A binary that exits without reading all of its input is not the runner's failure.
            match writer.join().unwrap() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("stdin: {e}"),
                _ => {}
            }
        }
        let text = |bytes: Vec<u8>, name: &str| {
            if self.lossy {
                String::from_utf8_lossy(&bytes).into_owned()
            } else {
                String::from_utf8(bytes).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"))
            }
        };
        Output {
            code: out.status.code().expect("exited, not killed by a signal"),
            stdout: text(out.stdout, "stdout"),
            stderr: text(out.stderr, "stderr"),
        }
    }

    /// Starts the binary and returns at once, its output discarded (for tests that kill it).
    pub fn spawn(self) -> Child {
        self.command()
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs")
    }
}

impl Output {
    /// stdout as JSON (`--format json`, `sarif`, `gitlab`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}
