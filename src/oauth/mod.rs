//! OAuth redirect URIs, the domain the `oauth/` rules judge: each server's OAuth clients
//! ([`apps()`]), what their redirect URIs are checked against ([`OAuthOptions`], [`Profile`],
//! [`expected_callback`]), and how two URIs differ ([`uri`]).
//!
//! Providers compare the `redirect_uri` of an authorization request with the registered list
//! by exact string (RFC 6749 §3.1.2.3, RFC 9700 §2.1 and §4.1.3); only the port of a loopback
//! IP redirect may vary (RFC 8252 §7.3, §8.4). Nothing here reports a finding: that is the
//! rules' part (`crate::rules::oauth`).

pub mod apps;
pub mod uri;

pub use apps::{App, Setting, apps};
pub use uri::{Parts, differences};

/// The client whose callback shape the redirect must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// `<hub-url><callback-path>`
    #[default]
    Generic,
    /// `<hub-url>/api/oauth/callback?server_name=<entry name>`
    McpHub,
    /// `http://localhost:<port>/oauth/callback`
    McpRemote,
    /// `http://localhost:<port>/callback`
    ClaudeCode,
    /// `http://localhost:7777/oauth/callback`
    GeminiCli,
}

impl Profile {
    /// Every profile, in the order `--help` lists them.
    pub const ALL: &[Profile] = &[
        Profile::Generic,
        Profile::McpHub,
        Profile::McpRemote,
        Profile::ClaudeCode,
        Profile::GeminiCli,
    ];

    /// The name of `--hub` and of `"hub"` in the settings file.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Generic => "generic",
            Profile::McpHub => "mcp-hub",
            Profile::McpRemote => "mcp-remote",
            Profile::ClaudeCode => "claude-code",
            Profile::GeminiCli => "gemini-cli",
        }
    }

    /// The shape of the callback, as `--help` shows it.
    pub fn callback_shape(self) -> &'static str {
        match self {
            Profile::Generic => "`<hub-url><callback-path>`",
            Profile::McpHub => "`<hub-url>/api/oauth/callback?server_name=<entry name>`",
            Profile::McpRemote => "`http://localhost:<port>/oauth/callback`",
            Profile::ClaudeCode => "`http://localhost:<port>/callback`",
            Profile::GeminiCli => "`http://localhost:7777/oauth/callback`",
        }
    }
}

/// A name that is none of [`Profile::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProfile(pub String);

impl std::fmt::Display for UnknownProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown hub profile `{}`", self.0)
    }
}

impl std::error::Error for UnknownProfile {}

impl std::str::FromStr for Profile {
    type Err = UnknownProfile;

    /// The profile of that exact name (case matters).
    fn from_str(name: &str) -> Result<Profile, UnknownProfile> {
        Profile::ALL
            .iter()
            .copied()
            .find(|p| p.name() == name)
            .ok_or_else(|| UnknownProfile(name.to_owned()))
    }
}

/// What is expected of redirect URIs.
#[derive(Debug, Clone)]
pub struct OAuthOptions {
    pub hub_url: Option<String>,
    pub callback_path: String,
    pub registered: Vec<String>,
    pub profile: Profile,
}

impl Default for OAuthOptions {
    fn default() -> Self {
        OAuthOptions {
            hub_url: None,
            callback_path: "/oauth/callback".to_owned(),
            registered: Vec::new(),
            profile: Profile::Generic,
        }
    }
}

/// The callback the hub serves for `server`, per profile; `None` when it cannot be known.
/// `<port>` stands for any port.
pub fn expected_callback(options: &OAuthOptions, server: &str, app: &App) -> Option<String> {
    let hub = options.hub_url.as_deref().map(|h| h.trim_end_matches('/'));
    match options.profile {
        Profile::Generic => Some(format!("{}{}", hub?, options.callback_path)),
        Profile::McpHub => Some(format!("{}/api/oauth/callback?server_name={server}", hub?)),
        Profile::McpRemote => Some("http://localhost:<port>/oauth/callback".to_owned()),
        Profile::ClaudeCode => Some(match app.callback_port {
            Some(port) => format!("http://localhost:{port}/callback"),
            None => "http://localhost:<port>/callback".to_owned(),
        }),
        Profile::GeminiCli => Some("http://localhost:7777/oauth/callback".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names_round_trip() {
        for &p in Profile::ALL {
            assert_eq!(p.name().parse::<Profile>(), Ok(p));
        }
        assert_eq!(Profile::ALL[0], Profile::default());
        assert!("MCP-HUB".parse::<Profile>().is_err());
        assert!("bogus".parse::<Profile>().is_err());
    }
}
