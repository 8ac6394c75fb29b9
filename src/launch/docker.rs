//! `docker run` as a server's command line: its options with their values, the image and its
//! tag or digest, and the container's own arguments, each with the index of the argument it
//! came from (so that a rule points at the argument itself).
//!
//! A pure parser: it takes the resolved command and arguments and knows nothing of rules.
//! Sources for the option grammar: the Docker CLI reference of `docker container run`
//! (<https://docs.docker.com/reference/cli/docker/container/run/>) and of the global options
//! (<https://docs.docker.com/reference/cli/docker/>); Docker's CLI parses with spf13/pflag,
//! so `--flag=value`, `--flag value`, `-e value`, `-evalue` and grouped booleans (`-it`) all
//! mean the same. Podman and nerdctl take the same `run` options
//! (<https://docs.podman.io/en/latest/markdown/podman-run.1.html>).

/// A `run` option as given: its long name, its value, and where each came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt<'a> {
    /// The long name without dashes (`env` for `-e`, `network` for `--net`).
    pub name: &'static str,
    /// As written: `-e`, `--env`, `-it`.
    pub written: &'a str,
    /// The value: after `=`, attached to a short option, or the next argument. A boolean
    /// option has none unless written `--rm=false`.
    pub value: Option<&'a str>,
    /// The index of the option's argument (in `args`, as written).
    pub index: usize,
    /// The index of the argument that holds the value (the option's own for `--flag=v`).
    pub value_index: Option<usize>,
}

impl Opt<'_> {
    /// Whether a boolean option is on: `--privileged`, `--privileged=true`.
    pub fn is_on(&self) -> bool {
        self.value
            .is_none_or(|v| !matches!(v.to_ascii_lowercase().as_str(), "false" | "0"))
    }
}

/// The image named on the line: `[registry/]name[:tag][@digest]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image<'a> {
    pub text: &'a str,
    pub index: usize,
    /// The repository, without tag or digest.
    pub name: &'a str,
    pub tag: Option<&'a str>,
    /// `sha256:…`.
    pub digest: Option<&'a str>,
}

impl<'a> Image<'a> {
    pub fn parse(text: &'a str, index: usize) -> Image<'a> {
        let (rest, digest) = match text.split_once('@') {
            Some((rest, digest)) => (rest, Some(digest)),
            None => (text, None),
        };
        // A tag is a `:` in the last path segment; one before a `/` is a registry's port.
        let last = rest.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match rest[last..].rfind(':') {
            Some(at) => (&rest[..last + at], Some(&rest[last + at + 1..])),
            None => (rest, None),
        };
        Image {
            text,
            index,
            name,
            tag,
            digest,
        }
    }
}

/// One `docker run` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a> {
    /// `docker`, `podman` or `nerdctl`.
    pub engine: &'static str,
    pub options: Vec<Opt<'a>>,
    pub image: Option<Image<'a>>,
    /// What follows the image: the container's command and its arguments.
    pub after: Vec<(usize, &'a str)>,
}

impl<'a> Run<'a> {
    /// Every option named `name` (its long name), in order.
    pub fn all(&self, name: &str) -> impl Iterator<Item = &Opt<'a>> {
        self.options.iter().filter(move |o| o.name == name)
    }
}

/// The engines, by the file name of the command.
const ENGINES: &[&str] = &["docker", "podman", "nerdctl"];

/// Global options (before the subcommand) that take a value.
const GLOBAL_WITH_VALUE: &[&str] = &[
    "--config",
    "-c",
    "--context",
    "-H",
    "--host",
    "-l",
    "--log-level",
    "--tlscacert",
    "--tlscert",
    "--tlskey",
    "--connection",
    "--url",
    "--identity",
    "--root",
    "--runroot",
    "--namespace",
    "-n",
    "--address",
    "-a",
];

/// Short options and their long names; `true` when the option takes a value.
const SHORT: &[(char, &str, bool)] = &[
    ('a', "attach", true),
    ('c', "cpu-shares", true),
    ('d', "detach", false),
    ('e', "env", true),
    ('h', "hostname", true),
    ('i', "interactive", false),
    ('l', "label", true),
    ('m', "memory", true),
    ('p', "publish", true),
    ('P', "publish-all", false),
    ('q', "quiet", false),
    ('t', "tty", false),
    ('u', "user", true),
    ('v', "volume", true),
    ('w', "workdir", true),
];

/// Long options that take no value (every other long option takes one).
const BOOLEAN: &[&str] = &[
    "detach",
    "interactive",
    "tty",
    "rm",
    "privileged",
    "init",
    "read-only",
    "publish-all",
    "sig-proxy",
    "no-healthcheck",
    "oom-kill-disable",
    "disable-content-trust",
    "quiet",
    "help",
    "replace",
    "no-hosts",
    "http-proxy",
    "rootfs",
    "env-host",
    "tls-verify",
    "read-only-tmpfs",
];

/// Long names the same option also has.
const ALIASES: &[(&str, &str)] = &[("net", "network"), ("net-alias", "network-alias")];

/// Every long option name this parser names (unknown ones are kept as written).
fn long_name(name: &str) -> &'static str {
    if let Some((_, long)) = ALIASES.iter().find(|(a, _)| *a == name) {
        return long;
    }
    if let Some(n) = BOOLEAN.iter().find(|n| **n == name) {
        return n;
    }
    if let Some((_, n, _)) = SHORT.iter().find(|(_, n, _)| *n == name) {
        return n;
    }
    KNOWN.iter().find(|n| **n == name).copied().unwrap_or("")
}

/// Long options with a value that rules look at by name.
const KNOWN: &[&str] = &[
    "cap-add",
    "security-opt",
    "pid",
    "network",
    "userns",
    "ipc",
    "uts",
    "cgroupns",
    "mount",
    "volume",
    "env",
    "env-file",
    "publish",
    "device",
    "pull",
    "platform",
    "name",
    "entrypoint",
    "user",
];

/// The `run` line of `command args`, if `command` is a container engine running a container.
pub fn parse<'a>(command: &str, args: &[(usize, &'a str)]) -> Option<Run<'a>> {
    let program = command.rsplit(['/', '\\']).next().unwrap_or(command);
    let program = program
        .strip_suffix(".exe")
        .or_else(|| program.strip_suffix(".EXE"))
        .unwrap_or(program);
    let engine = *ENGINES.iter().find(|e| e.eq_ignore_ascii_case(program))?;
    // Global options, then `run` or `container run`.
    let mut i = 0;
    while let Some((_, arg)) = args.get(i) {
        if *arg == "run" {
            break;
        }
        if *arg == "container" && args.get(i + 1).is_some_and(|(_, a)| *a == "run") {
            i += 1;
            break;
        }
        if !arg.starts_with('-') {
            return None;
        }
        let takes_value = !arg.contains('=') && GLOBAL_WITH_VALUE.contains(arg);
        i += if takes_value { 2 } else { 1 };
    }
    if i >= args.len() {
        return None;
    }
    let mut run = Run {
        engine,
        options: Vec::new(),
        image: None,
        after: Vec::new(),
    };
    i += 1;
    while let Some(&(index, arg)) = args.get(i) {
        i += 1;
        if arg == "--" || arg == "-" {
            continue;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (long, None),
            };
            let boolean = BOOLEAN.contains(&name);
            let (value, value_index) = match value {
                Some(v) => (Some(v), Some(index)),
                None if boolean => (None, None),
                None => match args.get(i) {
                    Some(&(vi, v)) => {
                        i += 1;
                        (Some(v), Some(vi))
                    }
                    None => (None, None),
                },
            };
            run.options.push(Opt {
                name: long_name(name),
                written: arg,
                value,
                index,
                value_index,
            });
            continue;
        }
        if let Some(group) = arg.strip_prefix('-').filter(|g| !g.is_empty()) {
            for (at, c) in group.char_indices() {
                let Some(&(_, name, takes)) = SHORT.iter().find(|(s, _, _)| *s == c) else {
                    continue;
                };
                if !takes {
                    run.options.push(Opt {
                        name,
                        written: arg,
                        value: None,
                        index,
                        value_index: None,
                    });
                    continue;
                }
                // `-p8080:80`, `-e=X` (pflag takes `=` after a short option too), or the next.
                let attached = &group[at + c.len_utf8()..];
                let attached = attached.strip_prefix('=').unwrap_or(attached);
                let (value, value_index) = if !attached.is_empty() {
                    (Some(attached), Some(index))
                } else if let Some(&(vi, v)) = args.get(i) {
                    i += 1;
                    (Some(v), Some(vi))
                } else {
                    (None, None)
                };
                run.options.push(Opt {
                    name,
                    written: arg,
                    value,
                    index,
                    value_index,
                });
                break;
            }
            continue;
        }
        run.image = Some(Image::parse(arg, index));
        run.after = args[i..].to_vec();
        break;
    }
    Some(run)
}

/// A `-v`/`--volume` or `--mount type=bind` source on the host, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount<'a> {
    /// The host path (or a named volume, for `-v name:/path`).
    pub source: &'a str,
    pub target: Option<&'a str>,
    pub read_only: bool,
    /// The index of the argument that holds it.
    pub index: usize,
}

impl Mount<'_> {
    /// Whether the source is a host path rather than a named volume (`-v data:/data`).
    pub fn is_host_path(&self) -> bool {
        let s = self.source;
        s.starts_with(['/', '~', '.', '$', '\\'])
            || s.as_bytes().get(1) == Some(&b':')
            || s.contains('/')
    }
}

impl<'a> Run<'a> {
    /// Every bind mount and volume, from `-v`/`--volume` and `--mount`.
    pub fn mounts(&self) -> Vec<Mount<'a>> {
        let mut out = Vec::new();
        for o in &self.options {
            let (Some(value), Some(index)) = (o.value, o.value_index) else {
                continue;
            };
            match o.name {
                "volume" => out.push(volume(value, index)),
                "mount" => out.extend(mount(value, index)),
                _ => {}
            }
        }
        out
    }
}

/// `-v SRC:DST[:OPTS]`; a Windows source keeps its drive (`C:\Users\me:/data`).
fn volume(value: &str, index: usize) -> Mount<'_> {
    let drive = value.len() > 2
        && value.as_bytes()[1] == b':'
        && value.as_bytes()[0].is_ascii_alphabetic()
        && matches!(value.as_bytes()[2], b'\\' | b'/');
    let split_from = if drive { 2 } else { 0 };
    let (source, rest) = match value[split_from..].find(':') {
        Some(at) => (
            &value[..split_from + at],
            Some(&value[split_from + at + 1..]),
        ),
        None => (value, None),
    };
    let (target, opts) = match rest.map(|r| r.split_once(':').unwrap_or((r, ""))) {
        Some((t, o)) => (Some(t), o),
        None => (None, ""),
    };
    Mount {
        source,
        target,
        read_only: opts.split(',').any(|o| o == "ro" || o == "readonly"),
        index,
    }
}

/// `--mount type=bind,source=…,target=…[,readonly]`; a volume or tmpfs mount is no host path.
fn mount(value: &str, index: usize) -> Option<Mount<'_>> {
    let mut kind = "volume";
    let (mut source, mut target, mut read_only) = (None, None, false);
    for field in value.split(',') {
        let (k, v) = field.split_once('=').unwrap_or((field, ""));
        match k {
            "type" => kind = v,
            "source" | "src" => source = Some(v),
            "target" | "destination" | "dst" => target = Some(v),
            "readonly" | "ro" => read_only = !matches!(v, "false" | "0"),
            _ => {}
        }
    }
    (kind == "bind").then_some(Mount {
        source: source?,
        target,
        read_only,
        index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(args: &[&'static str]) -> Vec<(usize, &'static str)> {
        args.iter().copied().enumerate().collect()
    }

    #[test]
    fn a_vendor_line() {
        let args = line(&[
            "run",
            "-i",
            "--rm",
            "-e",
            "GITHUB_PERSONAL_ACCESS_TOKEN",
            "ghcr.io/github/github-mcp-server",
            "stdio",
        ]);
        let run = parse("docker", &args).unwrap();
        assert_eq!(run.engine, "docker");
        let image = run.image.as_ref().unwrap();
        assert_eq!(
            (image.index, image.name, image.tag),
            (5, "ghcr.io/github/github-mcp-server", None)
        );
        let env = run.all("env").next().unwrap();
        assert_eq!(
            (env.value, env.index, env.value_index),
            (Some("GITHUB_PERSONAL_ACCESS_TOKEN"), 3, Some(4))
        );
        assert_eq!(run.after, vec![(6, "stdio")]);
        assert!(run.all("rm").next().unwrap().is_on());
    }

    #[test]
    fn every_way_of_writing_an_option() {
        let args = line(&[
            "run",
            "-it",
            "--network=host",
            "--net",
            "host",
            "-eA=1",
            "-p8080:80",
            "--privileged=false",
            "-v",
            "/:/host",
            "img",
        ]);
        let run = parse("/usr/bin/docker", &args).unwrap();
        let names: Vec<&str> = run.options.iter().map(|o| o.name).collect();
        assert_eq!(
            names,
            [
                "interactive",
                "tty",
                "network",
                "network",
                "env",
                "publish",
                "privileged",
                "volume"
            ]
        );
        let values: Vec<Option<&str>> = run.all("network").map(|o| o.value).collect();
        assert_eq!(values, [Some("host"), Some("host")]);
        assert_eq!(run.all("env").next().unwrap().value, Some("A=1"));
        assert_eq!(run.all("publish").next().unwrap().value, Some("8080:80"));
        assert!(!run.all("privileged").next().unwrap().is_on());
        assert_eq!(run.image.unwrap().index, 10);
    }

    #[test]
    fn engines_and_subcommands() {
        let args = line(&["--context", "remote", "container", "run", "--rm", "x:1"]);
        let run = parse("docker.exe", &args).unwrap();
        assert_eq!(run.image.unwrap().tag, Some("1"));
        assert_eq!(
            parse("podman", &line(&["run", "img"])).unwrap().engine,
            "podman"
        );
        assert!(parse("docker", &line(&["mcp", "gateway", "run"])).is_none());
        assert!(parse("docker", &line(&["ps"])).is_none());
        assert!(parse("npx", &line(&["run", "x"])).is_none());
        // No image at all.
        assert!(
            parse("docker", &line(&["run", "--rm"]))
                .unwrap()
                .image
                .is_none()
        );
    }

    #[test]
    fn images() {
        let i = Image::parse("localhost:5000/team/mcp:1.2@sha256:abc", 0);
        assert_eq!(
            (i.name, i.tag, i.digest),
            ("localhost:5000/team/mcp", Some("1.2"), Some("sha256:abc"))
        );
        let i = Image::parse("localhost:5000/team/mcp", 0);
        assert_eq!((i.name, i.tag), ("localhost:5000/team/mcp", None));
        let i = Image::parse("mcp/fetch:latest", 0);
        assert_eq!(i.tag, Some("latest"));
    }

    #[test]
    fn mounts() {
        let args = line(&[
            "run",
            "-v",
            "C:\\Users\\me:/data:ro",
            "--volume=/var/run/docker.sock:/var/run/docker.sock",
            "-v",
            "cache:/cache",
            "--mount",
            "type=bind,src=/Users/me/.ssh,dst=/root/.ssh,readonly",
            "--mount",
            "type=tmpfs,dst=/tmp",
            "img",
        ]);
        let run = parse("docker", &args).unwrap();
        let m = run.mounts();
        assert_eq!(m.len(), 4);
        assert_eq!(
            (m[0].source, m[0].target, m[0].read_only, m[0].index),
            ("C:\\Users\\me", Some("/data"), true, 2)
        );
        assert_eq!((m[1].source, m[1].index), ("/var/run/docker.sock", 3));
        assert!(!m[2].is_host_path());
        assert_eq!(
            (m[3].source, m[3].read_only, m[3].index),
            ("/Users/me/.ssh", true, 7)
        );
    }
}
