//! Continue's references, `${{ secrets.NAME }}` and `${{ inputs.NAME }}` (research:
//! continuedev/continue packages/config-yaml/src/load/unroll.ts, the regex
//! `/\${{[\s]*([^}\s]+)[\s]*}}/g`).

/// After a `${`: whether `body` is `{ secrets.NAME }}` (true) or `{ inputs.NAME }}` (false),
/// the name, and the bytes up to and with the closing `}}`.
pub fn parse(body: &str) -> Option<(bool, &str, usize)> {
    let inner = body.strip_prefix('{')?;
    let trimmed = inner.trim_start_matches([' ', '\t']);
    let (secret, rest) = trimmed
        .strip_prefix("secrets.")
        .map(|rest| (true, rest))
        .or_else(|| trimmed.strip_prefix("inputs.").map(|rest| (false, rest)))?;
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
        .count();
    let after = rest[len..].trim_start_matches([' ', '\t']);
    if len == 0 || !after.starts_with("}}") {
        return None;
    }
    Some((secret, &rest[..len], body.len() - after.len() + 2))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn secrets_and_inputs() {
        assert_eq!(
            parse("{ secrets.GH_TOKEN }} x"),
            Some((true, "GH_TOKEN", 21))
        );
        assert_eq!(parse("{{inputs.key}}"), None);
        assert_eq!(parse("{inputs.key}}"), Some((false, "key", 13)));
        assert_eq!(parse("{ secrets. }}"), None);
        assert_eq!(parse("{ secrets.A }"), None);
    }
}
