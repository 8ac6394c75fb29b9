//! ASCII comparisons that ignore case, without making a lower- or upper-cased copy: they run
//! on every env key, header and argument of every entry.

/// `s` without `prefix`, compared without regard to ASCII case.
pub fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// `s` without `suffix`, compared without regard to ASCII case.
pub fn strip_suffix_ignore_case<'s>(s: &'s str, suffix: &str) -> Option<&'s str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes_match_without_regard_to_ascii_case_only() {
        let p = strip_prefix_ignore_case;
        assert_eq!(p("MCP-Server-Git@1", "mcp-server-git"), Some("@1"));
        assert_eq!(p("mcp", "mcp-server-git"), None);
        assert_eq!(p("mcp-server-gité", "mcp-server-git"), Some("é"));
        assert_eq!(p("éa", "xa"), None);
        let s = strip_suffix_ignore_case;
        assert_eq!(s("GitHub_Client_Id", "_CLIENT_ID"), Some("GitHub"));
        assert_eq!(s("_client_id", "_CLIENT_ID"), Some(""));
        assert_eq!(s("ID", "_CLIENT_ID"), None);
        assert_eq!(s("é_CLIENT_IDé", "_CLIENT_ID"), None);
        assert_eq!(s("xé_client_id", "_CLIENT_ID"), Some("xé"));
    }
}
