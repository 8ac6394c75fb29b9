//! Where a client keeps a user's configs, per operating system, and how a path is worked out
//! from the environment (`HOME`, `XDG_CONFIG_HOME`, `APPDATA`, `USERPROFILE`, `ProgramFiles`
//! and the client's own variables such as `CODEX_HOME`), so that a fake home can stand in.

use std::ffi::OsString;
use std::path::PathBuf;

/// The operating system whose layout `check --user` looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    Macos,
    Windows,
}

impl Os {
    pub const ALL: [Os; 3] = [Os::Linux, Os::Macos, Os::Windows];

    /// The system mcplint runs on (other Unixes use the Linux layout).
    pub fn current() -> Os {
        if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::Macos
        } else {
            Os::Linux
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::Macos => "macos",
            Os::Windows => "windows",
        }
    }

    pub fn from_name(name: &str) -> Option<Os> {
        Os::ALL.into_iter().find(|os| os.name() == name)
    }
}

/// The folder a place's path starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The home folder: `HOME`; on Windows `USERPROFILE` (`HOME` when it is unset).
    Home,
    /// `XDG_CONFIG_HOME` when it is an absolute path, else `~/.config`.
    XdgConfig,
    /// `%APPDATA%` (Roaming), else `%USERPROFILE%\AppData\Roaming`.
    AppData,
    /// `~/Library/Application Support` (macOS).
    AppSupport,
    /// `%ProgramFiles%`, else `C:\Program Files`.
    ProgramFiles,
    /// None: the path is absolute (`/etc/...`).
    Root,
}

/// One place a client reads a user's (or the machine's) config from.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub base: Base,
    /// `/`-separated, below `base`. Ending in `/`: a folder, whose files the client
    /// recognises are each a config.
    pub path: &'static str,
    /// Variables that move it, the first one set (and not empty) wins: the config is then
    /// `$VAR/<path>` (`""`: the variable names the file itself).
    pub moved_by: &'static [(&'static str, &'static str)],
}

impl Place {
    pub const fn at(base: Base, path: &'static str) -> Place {
        Place {
            base,
            path,
            moved_by: &[],
        }
    }

    pub const fn moved_by(self, vars: &'static [(&'static str, &'static str)]) -> Place {
        Place {
            moved_by: vars,
            ..self
        }
    }

    /// Whether the place is a folder of configs rather than one file.
    pub fn is_folder(&self) -> bool {
        self.path.ends_with('/')
    }

    /// How it is written for people: `~/.claude.json ($CLAUDE_CONFIG_DIR)`,
    /// `%APPDATA%/Claude/claude_desktop_config.json`.
    pub fn describe(&self) -> String {
        let base = match self.base {
            Base::Home => "~/",
            Base::XdgConfig => "$XDG_CONFIG_HOME/",
            Base::AppData => "%APPDATA%/",
            Base::AppSupport => "~/Library/Application Support/",
            Base::ProgramFiles => "%ProgramFiles%/",
            Base::Root => "",
        };
        let vars: Vec<String> = self.moved_by.iter().map(|(v, _)| format!("${v}")).collect();
        if vars.is_empty() {
            format!("{base}{}", self.path)
        } else {
            format!("{base}{} ({})", self.path, vars.join(", "))
        }
    }

    /// Where it is on `os`, with the variables `var` gives; `None` when the folder it starts
    /// from is unknown (no home folder in the environment).
    pub fn resolve(&self, os: Os, var: &dyn Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        if let Some((value, rest)) = self
            .moved_by
            .iter()
            .find_map(|(name, rest)| Some((set(name)?, *rest)))
        {
            return Some(join(PathBuf::from(value), rest));
        }
        let home = || match os {
            Os::Windows => set("USERPROFILE")
                .or_else(|| set("HOME"))
                .map(PathBuf::from),
            Os::Linux | Os::Macos => set("HOME").map(PathBuf::from),
        };
        let base = match self.base {
            Base::Home => home()?,
            Base::XdgConfig => match set("XDG_CONFIG_HOME").map(PathBuf::from) {
                Some(dir) if dir.is_absolute() => dir,
                _ => join(home()?, ".config"),
            },
            Base::AppData => match set("APPDATA") {
                Some(dir) => PathBuf::from(dir),
                None => join(home()?, "AppData/Roaming"),
            },
            Base::AppSupport => join(home()?, "Library/Application Support"),
            Base::ProgramFiles => set("ProgramFiles")
                .map_or_else(|| PathBuf::from(r"C:\Program Files"), PathBuf::from),
            Base::Root => PathBuf::from("/"),
        };
        Some(join(base, self.path))
    }
}

/// `dir` and a `/`-separated relative path, one component at a time (so that a Windows path
/// gets its own separator).
fn join(mut dir: PathBuf, path: &str) -> PathBuf {
    for part in path.split('/').filter(|p| !p.is_empty()) {
        dir.push(part);
    }
    dir
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn bases_follow_the_environment() {
        let vars = env(&[("HOME", "/h"), ("XDG_CONFIG_HOME", "/x"), ("APPDATA", "/a")]);
        let at = |base, os| Place::at(base, "d/f.json").resolve(os, &vars).unwrap();
        assert_eq!(at(Base::Home, Os::Linux), Path::new("/h/d/f.json"));
        assert_eq!(at(Base::XdgConfig, Os::Linux), Path::new("/x/d/f.json"));
        assert_eq!(at(Base::AppData, Os::Windows), Path::new("/a/d/f.json"));
        assert_eq!(
            at(Base::AppSupport, Os::Macos),
            Path::new("/h/Library/Application Support/d/f.json")
        );
        let relative = env(&[("HOME", "/h"), ("XDG_CONFIG_HOME", "rel")]);
        let place = Place::at(Base::XdgConfig, "f");
        assert_eq!(
            place.resolve(Os::Linux, &relative).unwrap(),
            Path::new("/h/.config/f")
        );
        assert!(place.resolve(Os::Linux, &env(&[])).is_none());
    }

    #[test]
    fn a_variable_moves_the_file_and_an_empty_one_does_not() {
        let place = Place::at(Base::Home, ".codex/config.toml")
            .moved_by(&[("FULL", ""), ("CODEX_HOME", "config.toml")]);
        let moved = env(&[("HOME", "/h"), ("FULL", ""), ("CODEX_HOME", "/c")]);
        assert_eq!(
            place.resolve(Os::Linux, &moved).unwrap(),
            Path::new("/c/config.toml")
        );
        let full = env(&[("FULL", "/f.toml")]);
        assert_eq!(
            place.resolve(Os::Linux, &full).unwrap(),
            Path::new("/f.toml")
        );
        let windows = env(&[("USERPROFILE", "/u")]);
        assert_eq!(
            place.resolve(Os::Windows, &windows).unwrap(),
            Path::new("/u/.codex/config.toml")
        );
    }
}
