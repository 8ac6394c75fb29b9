//! "Did you mean ...?" for misspelt names.

/// The candidate closest to `input`, if it is close enough to be a likely typo: the same name
/// in another case or spelling convention (`auto_approve` for `autoApprove`), or within a small
/// edit distance that grows with the length of the name.
pub fn closest<'c, I>(input: &str, candidates: I) -> Option<&'c str>
where
    I: IntoIterator<Item = &'c str>,
{
    let folded = fold(input);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate == input {
            continue;
        }
        let folded_candidate = fold(candidate);
        if folded_candidate == folded {
            return Some(candidate);
        }
        // `prompt` for `promptString`: a clear start of a longer name.
        if folded.len() >= 4 && folded_candidate.starts_with(&folded) {
            best = best.or(Some((usize::MAX - 1, candidate)));
            continue;
        }
        let distance =
            strsim::damerau_levenshtein(&input.to_lowercase(), &candidate.to_lowercase());
        let limit = match candidate.chars().count() {
            0..=3 => 1,
            4..=8 => 2,
            _ => 3,
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Lower case without `_` and `-`, so that the naming conventions of clients compare equal.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[&str] = &["command", "args", "env", "headers", "autoApprove", "url"];

    #[test]
    fn typos_and_conventions() {
        let near = |s| closest(s, FIELDS.iter().copied());
        assert_eq!(near("comand"), Some("command"));
        assert_eq!(near("header"), Some("headers"));
        assert_eq!(near("hedaers"), Some("headers"));
        assert_eq!(near("auto_approve"), Some("autoApprove"));
        assert_eq!(near("Args"), Some("args"));
        assert_eq!(near("uri"), Some("url"));
        assert_eq!(near("transport"), None);
        assert_eq!(near("environment"), None);
        assert_eq!(
            closest("prompt", ["promptString", "pickString"]),
            Some("promptString")
        );
    }
}
