//! Facts about hosts that more than one rule needs.

/// Whether `host` (as a URL writes it: `[::1]` with brackets) is a loopback IP address.
pub fn is_loopback_ip(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// Whether `host` names this machine: `localhost`, a `.localhost` name (RFC 6761 §6.3) or a
/// loopback IP address. `host` is compared as given: lower-case it first.
pub fn is_loopback_host(host: &str) -> bool {
    host == "localhost" || host.ends_with(".localhost") || is_loopback_ip(host)
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn loopback_hosts() {
        for h in [
            "localhost",
            "app.localhost",
            "127.0.0.1",
            "127.1.2.3",
            "[::1]",
        ] {
            assert!(is_loopback_host(h), "{h}");
        }
        for h in [
            "localhost.example.com",
            "10.0.0.1",
            "example.com",
            "[::2]",
            "0.0.0.0",
        ] {
            assert!(!is_loopback_host(h), "{h}");
        }
    }
}
