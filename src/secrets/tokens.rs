//! Finding provider tokens in a string: one Aho-Corasick pass over every provider's literal
//! prefixes decides which patterns run at all; patterns are compiled once, on first use.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{meta, util::syntax};

use super::catalogue::{PROVIDERS, Provider};
use super::fake;

/// A provider's token inside a string, in bytes of the decoded string.
#[derive(Debug, Clone)]
pub struct Match {
    pub provider: &'static Provider,
    pub range: Range<usize>,
}

struct Engine {
    prefixes: AhoCorasick,
    /// The same prefixes as a DFA: several times faster per byte, but slower to build than a
    /// small config takes to check; built only by [`warm_up`], for large files.
    dfa: OnceLock<AhoCorasick>,
    literals: Vec<&'static str>,
    /// For each prefix pattern, the provider it belongs to.
    owner: Vec<usize>,
    regexes: Vec<OnceLock<Regex>>,
    /// The same patterns without the lazy DFA, for short strings (see [`SHORT`]).
    short: Vec<OnceLock<meta::Regex>>,
    anchored: Vec<OnceLock<Regex>>,
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let mut literals = Vec::new();
    let mut owner = Vec::new();
    for (i, p) in PROVIDERS.iter().enumerate() {
        for prefix in p.prefixes {
            literals.push(*prefix);
            owner.push(i);
        }
    }
    Engine {
        // A contiguous NFA: built in a fraction of a DFA's time (the DFA costs 40% of a run
        // on 10 servers, and saves 3% on 20,000).
        prefixes: automaton(&literals, AhoCorasickKind::ContiguousNFA),
        dfa: OnceLock::new(),
        literals,
        owner,
        regexes: PROVIDERS.iter().map(|_| OnceLock::new()).collect(),
        short: PROVIDERS.iter().map(|_| OnceLock::new()).collect(),
        anchored: PROVIDERS.iter().map(|_| OnceLock::new()).collect(),
    }
});

fn automaton(literals: &[&str], kind: AhoCorasickKind) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(literals)
        .expect("the provider prefixes build an automaton")
}

impl Engine {
    fn regex(&self, i: usize) -> &Regex {
        self.regexes[i].get_or_init(|| compile(PROVIDERS[i].pattern))
    }

    fn short(&self, i: usize) -> &meta::Regex {
        self.short[i].get_or_init(|| compile_short(PROVIDERS[i].pattern))
    }

    fn anchored(&self, i: usize) -> &Regex {
        self.anchored[i].get_or_init(|| compile(&format!("^(?:{})$", PROVIDERS[i].pattern)))
    }
}

/// Tokens are ASCII: without Unicode classes a pattern compiles to a much smaller automaton.
/// (A pattern that must match any character, as a PEM body does, keeps Unicode.)
fn compile(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .unicode(false)
        .build()
        .or_else(|_| Regex::new(pattern))
        .expect("catalogue patterns compile")
}

/// Strings up to this many bytes (nearly all a config holds) are searched without the lazy
/// DFA: its states are built per thread and per pattern, and for the few dozen bytes around a
/// prefix the bounded backtracker is cheaper than building them (measured: the states cost
/// more than the rest of the scan on 20,000 servers). Both engines find the same leftmost-first
/// matches.
const SHORT: usize = 2048;

fn compile_short(pattern: &str) -> meta::Regex {
    let pattern = unbounded_beyond(pattern, SHORT);
    let pattern = pattern.as_str();
    let config = meta::Regex::config()
        .hybrid(false)
        .dfa(false)
        .which_captures(WhichCaptures::Implicit);
    let build = |unicode: bool| {
        meta::Regex::builder()
            .configure(config.clone())
            .syntax(syntax::Config::new().unicode(unicode))
            .build(pattern)
            .ok()
    };
    build(false)
        .or_else(|| build(true))
        .expect("catalogue patterns compile")
}

/// `pattern` with each count of one character (`[A-Za-z0-9_-]{1,10000}`) whose bound is
/// `limit` or more left unbounded (`{1,}`): the same matches in a text of at most `limit` bytes,
/// as each repetition takes at least a byte, for an automaton a hundredth the size (GitHub's
/// installation-token pattern took 2.1 ms to compile, a third of all the patterns together).
fn unbounded_beyond(pattern: &str, limit: usize) -> String {
    use regex_syntax::ast::{Ast, RepetitionKind, RepetitionRange};
    fn visit(ast: &mut Ast, limit: usize) {
        match ast {
            Ast::Repetition(rep) => {
                let one_char = matches!(
                    *rep.ast,
                    Ast::Literal(_)
                        | Ast::Dot(_)
                        | Ast::ClassBracketed(_)
                        | Ast::ClassPerl(_)
                        | Ast::ClassUnicode(_)
                );
                if let RepetitionKind::Range(RepetitionRange::Bounded(min, max)) = rep.op.kind
                    && max as usize >= limit
                    && one_char
                {
                    rep.op.kind = RepetitionKind::Range(RepetitionRange::AtLeast(min));
                }
                visit(&mut rep.ast, limit);
            }
            Ast::Group(group) => visit(&mut group.ast, limit),
            Ast::Alternation(alt) => alt.asts.iter_mut().for_each(|a| visit(a, limit)),
            Ast::Concat(concat) => concat.asts.iter_mut().for_each(|a| visit(a, limit)),
            _ => {}
        }
    }
    let Ok(mut ast) = regex_syntax::ast::parse::Parser::new().parse(pattern) else {
        return pattern.to_owned();
    };
    visit(&mut ast, limit);
    let mut out = String::with_capacity(pattern.len());
    match regex_syntax::ast::print::Printer::new().print(&ast, &mut out) {
        Ok(()) => out,
        Err(_) => pattern.to_owned(),
    }
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every provider token in `text`: prefix, pattern, a boundary on both sides, the provider's
/// validator, and not a placeholder or an obvious fake.
pub fn find(text: &str) -> Vec<Match> {
    let engine = &*ENGINE;
    let mut candidates = [0u64; 4];
    let mut any = false;
    let prefixes = engine.dfa.get().unwrap_or(&engine.prefixes);
    for m in prefixes.find_overlapping_iter(text) {
        let p = engine.owner[m.pattern().as_usize()];
        candidates[p / 64] |= 1 << (p % 64);
        any = true;
    }
    if !any {
        return Vec::new();
    }
    let mut out: Vec<Match> = Vec::new();
    for (i, provider) in PROVIDERS.iter().enumerate() {
        if candidates[i / 64] & (1 << (i % 64)) == 0 {
            continue;
        }
        let ranges: Box<dyn Iterator<Item = Range<usize>>> = if text.len() <= SHORT {
            Box::new(engine.short(i).find_iter(text).map(|m| m.range()))
        } else {
            Box::new(engine.regex(i).find_iter(text).map(|m| m.range()))
        };
        for range in ranges {
            let token = &text[range.clone()];
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            if before.is_some_and(is_token_char) || after.is_some_and(is_token_char) {
                continue;
            }
            // A host name without its scheme (`hooks.slack.com/...`) is one only where a URL
            // could start, not inside another URL's path.
            if token.starts_with("hooks.")
                && before.is_some_and(|c| matches!(c, '/' | '.' | '-' | '@'))
            {
                continue;
            }
            if fake::looks_fake(token) || provider.validate.is_some_and(|v| !v(token)) {
                continue;
            }
            // A longer match of another provider at the same place wins (`sk-ant-` over `sk-`).
            if out
                .iter()
                .any(|o| o.range.start <= range.start && o.range.end >= range.end)
            {
                continue;
            }
            out.retain(|o| !(range.start <= o.range.start && range.end >= o.range.end));
            out.push(Match { provider, range });
        }
    }
    out.sort_by_key(|m| m.range.start);
    out
}

/// A provider whose tokens have no prefix, recognised by the name of the slot that holds the
/// whole `value` (`COHERE_API_KEY`), when the value has its exact format.
pub fn by_slot(slot: &str, value: &str) -> Option<&'static Provider> {
    let upper = slot.to_ascii_uppercase();
    let engine = &*ENGINE;
    PROVIDERS.iter().enumerate().find_map(|(i, p)| {
        // A window compare: slot names are short, and `str::contains` builds a searcher for
        // every word of every provider.
        (p.slot_words
            .iter()
            .any(|w| upper.as_bytes().windows(w.len()).any(|x| x == w.as_bytes()))
            && engine.anchored(i).is_match(value)
            && !fake::looks_fake(value)
            && p.validate.is_none_or(|v| v(value)))
        .then_some(p)
    })
}

/// Builds the prefix automaton as a DFA now, then compiles the patterns for short strings one by
/// one until `stop` is set (on another core, while a large file is read and parsed: a large
/// config meets most providers' prefixes, and each pattern compiled here is one the walk does
/// not wait for).
pub fn warm_up(stop: &AtomicBool) {
    let engine = &*ENGINE;
    engine
        .dfa
        .get_or_init(|| automaton(&engine.literals, AhoCorasickKind::DFA));
    for i in 0..PROVIDERS.len() {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        engine.short(i);
    }
}

/// Compiles every pattern now (for tests: a bad pattern fails there, not at a user's).
pub fn compile_all() {
    for i in 0..PROVIDERS.len() {
        ENGINE.regex(i);
        ENGINE.short(i);
        ENGINE.anchored(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<&'static str> {
        find(text).iter().map(|m| m.provider.rule.id).collect()
    }

    #[test]
    fn slot_words_are_upper_case_and_not_empty() {
        for p in PROVIDERS {
            for w in p.slot_words {
                assert!(
                    !w.is_empty() && *w == w.to_ascii_uppercase(),
                    "{}: {w:?}",
                    p.rule.id
                );
            }
        }
    }

    #[test]
    fn short_and_long_engines_find_the_same() {
        let texts = [
            "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 and AKIAZ7Q3K2L6M4N5P5R6",
            "http://hooks.slack.com/services/T00000000/B00000000/Zt8qLw2mN4vB7xK1pR9sQ3Zt",
            "xoxp-865842-422507-386909-d524a69708c1d3844d, 451896818:LPVhpMgoRG7eHIMhaQv2kpLYf4J4MPYCodd",
            "ghp_Zt8qLw2mN4vB7xK1pR9sQ3Zt8qLw2mN4vB7x hf_ZtqLwmNvBxKpRsQZtqLwmNvBxKpRsQZtqLw é",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END RSA PRIVATE KEY-----",
        ];
        for (i, provider) in PROVIDERS.iter().enumerate() {
            for t in texts {
                let long: Vec<_> = ENGINE.regex(i).find_iter(t).map(|m| m.range()).collect();
                let short: Vec<_> = ENGINE.short(i).find_iter(t).map(|m| m.range()).collect();
                assert_eq!(long, short, "{} on {t:?}", provider.rule.id);
            }
        }
    }

    #[test]
    fn only_long_counts_of_one_character_are_unbounded() {
        let cases = [
            (
                r"ghs_[0-9]{1,20}_[A-Za-z0-9_-]{1,10000}\.x{2,2048}",
                r"ghs_[0-9]{1,20}_[A-Za-z0-9_-]{1,}\.x{2,}",
            ),
            (
                r"a{3,2047}|(?:ab){1,5000}|(?:[a-z]{0,4096})",
                r"a{3,2047}|(?:ab){1,5000}|(?:[a-z]{0,})",
            ),
            (r"[a-z]{40}", r"[a-z]{40}"),
        ];
        for (pattern, want) in cases {
            assert_eq!(unbounded_beyond(pattern, 2048), want);
        }
        // Up to SHORT bytes, the short engine finds GitHub's long tokens as the long one does.
        let i = PROVIDERS
            .iter()
            .position(|p| p.rule.id == "secret/github-token")
            .expect("the GitHub provider");
        for len in [1, 900, 1_900, SHORT - 40] {
            let t = format!(
                "ghs_12_eyJ{}.{}.abc",
                "Zt8qLw2mN4".repeat(2),
                "x".repeat(len)
            );
            let t = &t[..t.len().min(SHORT)];
            let long: Vec<_> = ENGINE.regex(i).find_iter(t).map(|m| m.range()).collect();
            let short: Vec<_> = ENGINE.short(i).find_iter(t).map(|m| m.range()).collect();
            assert_eq!(long, short, "{len}");
            assert!(!short.is_empty(), "{len}");
        }
    }

    #[test]
    fn the_nfa_and_the_dfa_find_the_same_prefixes() {
        let dfa = automaton(&ENGINE.literals, AhoCorasickKind::DFA);
        let every: String = ENGINE
            .literals
            .iter()
            .map(|l| format!("{l} x{l}{l}é"))
            .collect();
        for t in [
            every.as_str(),
            "sk-ant-api03-xoxb-ghp_ AKIA hooks.slack.com",
            "",
        ] {
            let found = |ac: &AhoCorasick| -> Vec<(usize, usize, usize)> {
                let it = ac.find_overlapping_iter(t);
                it.map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                    .collect()
            };
            assert_eq!(found(&ENGINE.prefixes), found(&dfa), "{t:?}");
        }
    }

    #[test]
    fn openai_legacy_needs_its_marker() {
        let plain = "sk-Zt8qLw2mN4vB7xK1pR9sQ3Zt8qLw2mN4vB7xK1pR9sQ3Zt8q";
        assert!(!ids(plain).contains(&"secret/openai-legacy-key"));
        let legacy = "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";
        assert_eq!(ids(legacy), ["secret/openai-legacy-key"]);
    }

    #[test]
    fn aws_documentation_key_is_allowed() {
        assert!(ids("AKIAIOSFODNN7EXAMPLE").is_empty());
        assert_eq!(ids("AKIAZ7Q3K2L6M4N5P5R6"), ["secret/aws-access-key-id"]);
    }

    #[test]
    fn slack_webhooks_without_a_scheme_but_not_inside_another_url() {
        let path = "hooks.slack.com/services/T00000000/B00000000/Zt8qLw2mN4vB7xK1pR9sQ3Zt";
        assert_eq!(ids(&format!("http://{path}")), ["secret/slack-webhook"]);
        assert_eq!(ids(path), ["secret/slack-webhook"]);
        assert!(ids(&format!("https://example.com/{path}")).is_empty());
    }

    #[test]
    fn slack_short_forms_but_not_their_look_alikes() {
        // detect-secrets' and secretlint's shapes (ids of six digits and more)...
        for t in [
            "xoxp-865842-422507-386909-d524a69708c1d3844d",
            "xoxr-438009-792718-962649-b505b58137c3a3548a",
            "xoxo-58563374429-3566369492845",
            "xapp-1-NW1EYT7UPNA-5946401698633",
        ] {
            assert_eq!(find(t).len(), 1, "{t}");
        }
        // ...but not gitleaks' negatives: short ids, ids before a placeholder.
        for t in [
            "xoxp-3940-3428-9202-5fbde476e27cc502afcba8d2671caa5f",
            "xoxp-572370529330-573807301142-572331691188-####################",
            "xoxb-12345-abcd234",
            "xoxp-1234567890",
        ] {
            assert!(ids(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn telegram_both_forms() {
        assert_eq!(
            ids("451896818:LPVhpMgoRG7eHIMhaQv2kpLYf4J4MPYCodd"),
            ["secret/telegram-bot-token"]
        );
        // 36 characters, or the id inside a longer number, are not one.
        assert!(ids("451896818:LPVhpMgoRG7eHIMhaQv2kpLYf4J4MPYCoddx").is_empty());
        assert!(ids("111122223333:LPVhpMgoRG7eHIMhaQv2kpLYf4J4MPYCodd").is_empty());
    }

    #[test]
    fn private_key_without_a_body_is_not_one() {
        for body in ["***", "xxx", ""] {
            let pem =
                format!("-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----");
            assert!(ids(&pem).is_empty(), "{body:?}");
        }
    }

    #[test]
    fn private_key_with_a_mangled_end_is_judged_alone() {
        // A service-account file pasted whole, its armour closed with four dashes
        // (secretlint's gcp test input): the `xxxx` after the key does not make it a
        // placeholder.
        let body: String = (0..24)
            .map(|_| "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n")
            .collect();
        let json = format!(
            "{{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n{body}-----END PRIVATE KEY----\\n\", \
             \"client_email\": \"bot@xxxxxxxx.iam.gserviceaccount.com\"}}"
        );
        assert_eq!(ids(&json), ["secret/private-key"]);
    }
}
