//! Quick looks for a reference in a string, before (or instead of) parsing it.

/// True when `s` may hold a template at all (a `$`); everything else is plain text.
pub fn has_dollar(s: &str) -> bool {
    memchr::memchr(b'$', s.as_bytes()).is_some()
}

/// Where the first `${` of `s` starts. A search for `$` then a look at the next byte:
/// `str::find("${")` builds a two-way searcher per call, which cost more than the search on
/// the short strings of a config.
pub fn find_open(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    memchr::memchr_iter(b'$', bytes).find(|&i| bytes.get(i + 1) == Some(&b'{'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_open_is_str_find() {
        for s in [
            "", "$", "${", "a${b}", "$$${x}", "$a${", "é${x}", "$}{", "${${",
        ] {
            assert_eq!(find_open(s), s.find("${"), "{s:?}");
            assert_eq!(has_dollar(s), s.contains('$'), "{s:?}");
        }
    }
}
