//! Recall and false alarms on the peers' own test vectors (gitleaks, secretlint,
//! detect-secrets; `tests/peers/`): each sample in five config slots.
//!
//! Recall is measured on the true positives: (a) the self-identifying ones under a neutral
//! key (`VALUE`), where only the token's own format can tell; (b) all of them in the secret
//! slots (a secret-named env key, `Authorization: Bearer`, `--api-key X`, `--token=X`). The
//! false-positive rate is on the peers' negatives: a sample flagged by a provider's own rule
//! (not `secret/generic`, `secret/basic-auth` or `secret/url-password`) in any slot. A
//! negative of one peer rule that is a positive of another (a `ghp_` token given as a GitLab
//! negative) is not counted. Samples are never printed whole: rule, provider, the first 6
//! characters and the length.
//!
//! Issue 13 asks both for these recall figures and for placeholders to stay quiet
//! (`AKIAIOSFODNN7EXAMPLE`, PEM blocks with `xxx` bodies, templates); the peers wrote some of
//! their positives by hand as exactly such placeholders (`AKIAZZZZZZZZZZZZZZZZ`,
//! `AP6xxxxxxxxxx`, `sk_live_AAAA…`). Those carry `placeholder_why` in the data, written by
//! `tests/peers/placeholders.py` from criteria on the sample alone (tests/peers/README.md),
//! never from what mcplint reports. So every figure is given both ways: over all the true
//! positives (kept from regressing) and over those without `placeholder_why` (where the issue's
//! targets are asserted). The figures on the samples the peers' generators made (`synthetic`)
//! are a floor of their own.

use std::collections::{BTreeMap, HashMap, HashSet};

use mcplint::env::EnvOptions;
use mcplint::pipeline::{Options, check_text};
use serde_json::{Value, json};

#[derive(serde::Deserialize)]
struct Vector {
    source: String,
    rule: String,
    provider: String,
    kind: String,
    #[serde(default)]
    self_identifying: Option<bool>,
    sample: String,
    synthetic: bool,
    #[serde(default)]
    placeholder_why: Option<String>,
}

/// The five slots: (server suffix, server entry, pointer below the server).
const SLOTS: [&str; 5] = ["secret_env", "neutral_env", "bearer", "flag", "flag_eq"];

fn entry(slot: &str, sample: &str) -> (Value, &'static str) {
    match slot {
        "secret_env" => (
            json!({ "command": "npx", "env": { "API_TOKEN": sample } }),
            "/env/API_TOKEN",
        ),
        "neutral_env" => (
            json!({ "command": "npx", "env": { "VALUE": sample } }),
            "/env/VALUE",
        ),
        "bearer" => (
            json!({ "type": "http", "url": "https://mcp.example.com/mcp",
                    "headers": { "Authorization": format!("Bearer {sample}") } }),
            "/headers/Authorization",
        ),
        "flag" => (
            json!({ "command": "npx", "args": ["--api-key", sample] }),
            "/args/1",
        ),
        _ => (
            json!({ "command": "npx", "args": [format!("--token={sample}")] }),
            "/args/0",
        ),
    }
}

fn shown(v: &Vector) -> String {
    let head: String = v.sample.chars().take(6).collect();
    format!(
        "{}:{} ({}) `{head}…` ({} chars)",
        v.source,
        v.rule,
        v.provider,
        v.sample.chars().count()
    )
}

/// Marks a missed sample that the peer wrote by hand and that was kept as written.
const KEPT: &str = " [kept as written]";
/// True positives that `tests/peers/placeholders.py` marks (`placeholder_why`).
const PLACEHOLDERS: usize = 138;
/// Marks a missed sample that is a hand-written placeholder (`placeholder_why`).
const PLACEHOLDER: &str = " [placeholder]";

fn provider_specific(rule: &str) -> bool {
    rule.starts_with("secret/")
        && !matches!(
            rule,
            "secret/generic"
                | "secret/basic-auth"
                | "secret/url-password"
                | "secret/env-file-not-ignored"
        )
}

/// The figures of one run, with what was missed or flagged (never a sample whole).
struct Figures {
    a: f64,
    b: f64,
    fp: f64,
    /// (a) and (b) on the true positives that are not placeholders.
    a_real: f64,
    b_real: f64,
    /// (a) and (b) on the generated samples only.
    a_generated: f64,
    b_generated: f64,
    missed_a: Vec<String>,
    missed_b: Vec<String>,
    alarms: Vec<String>,
}

static FIGURES: std::sync::LazyLock<Figures> = std::sync::LazyLock::new(measure);

/// The targets of the issue on the true positives that are not hand-written placeholders:
/// (a) >= 97%, (b) >= 99%, false positives <= 1%.
#[test]
fn peer_vectors_meet_the_targets_apart_from_placeholders() {
    let f = &*FIGURES;
    let real = |missed: &[String]| -> String {
        missed
            .iter()
            .filter(|m| !m.contains(PLACEHOLDER))
            .cloned()
            .collect::<Vec<_>>()
            .join("\n  ")
    };
    let mut problems = Vec::new();
    if f.a_real < 97.0 {
        problems.push(format!(
            "(a) without placeholders {:.2}% < 97%:\n  {}",
            f.a_real,
            real(&f.missed_a)
        ));
    }
    if f.b_real < 99.0 {
        problems.push(format!(
            "(b) without placeholders {:.2}% < 99%:\n  {}",
            f.b_real,
            real(&f.missed_b)
        ));
    }
    if f.fp > 1.0 {
        problems.push(format!(
            "fp {:.2}% > 1%:\n  {}",
            f.fp,
            f.alarms.join("\n  ")
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// What is reached over all the true positives, placeholders included, must not be lost:
/// false positives within the target, recall at least where it stands (732/784 and
/// 5,391/5,676), and at least 99% of the generated samples.
#[test]
fn peer_vectors_do_not_regress() {
    let f = &*FIGURES;
    assert!(
        f.fp <= 1.0,
        "fp {:.2}% > 1%:\n  {}",
        f.fp,
        f.alarms.join("\n  ")
    );
    assert!(
        f.a >= 93.3,
        "(a) {:.2}% < 93.3%:\n  {}",
        f.a,
        f.missed_a.join("\n  ")
    );
    assert!(
        f.b >= 94.9,
        "(b) {:.2}% < 94.9%:\n  {}",
        f.b,
        f.missed_b.join("\n  ")
    );
    assert!(
        f.a_generated >= 99.0 && f.b_generated >= 99.0,
        "generated samples: (a) {:.2}%, (b) {:.2}% < 99%:\n  {}\n  {}",
        f.a_generated,
        f.b_generated,
        f.missed_a.join("\n  "),
        f.missed_b.join("\n  ")
    );
}

/// One line of the per-provider table: (found, total) pairs.
#[derive(Default)]
struct Row {
    /// (b) over all the true positives.
    b: (usize, usize),
    /// (b) over the true positives that are not placeholders.
    b_real: (usize, usize),
    /// (a) over the self-identifying true positives that are not placeholders.
    a_real: (usize, usize),
    /// True positives that are placeholders.
    placeholders: usize,
    /// Negatives flagged by a provider rule.
    fp: (usize, usize),
}

fn measure() -> Figures {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/peers/vectors.json");
    let vectors: Vec<Vector> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(vectors.len() > 2000, "{} vectors", vectors.len());
    // The placeholders are the script's, on the peers' hand-written positives only: a
    // change in their number must come with a new run of the script and new figures in the
    // README, not with an annotation added by hand.
    let placeholders: Vec<&Vector> = vectors
        .iter()
        .filter(|v| v.placeholder_why.is_some())
        .collect();
    assert_eq!(
        placeholders.len(),
        PLACEHOLDERS,
        "run `python3 tests/peers/placeholders.py` and update tests/peers/README.md"
    );
    assert!(
        placeholders.iter().all(|v| v.kind == "tp" && !v.synthetic),
        "placeholder_why on a negative or on a generated sample"
    );
    let tp_samples: HashSet<&str> = vectors
        .iter()
        .filter(|v| v.kind == "tp")
        .map(|v| v.sample.as_str())
        .collect();

    let mut config = serde_json::Map::new();
    for (i, v) in vectors.iter().enumerate() {
        for slot in SLOTS {
            config.insert(format!("v{i}_{slot}"), entry(slot, &v.sample).0);
        }
    }
    let options = Options {
        env: EnvOptions {
            files: Vec::new(),
            process: false,
            dotenv: false,
            ..Default::default()
        },
        ..Options::default()
    };
    let text = serde_json::to_string_pretty(&Value::Object(config)).unwrap();
    let report = check_text("mcp-servers.json", &text, &options);
    let mut at: HashMap<&str, Vec<&'static str>> = HashMap::new();
    for d in &report.diagnostics {
        at.entry(d.pointer.as_str()).or_default().push(d.rule.id);
    }
    let rules_at = |i: usize, slot: &str| -> &[&'static str] {
        let pointer = format!("/v{i}_{slot}{}", entry(slot, "").1);
        at.get(pointer.as_str()).map_or(&[], Vec::as_slice)
    };
    let found = |i: usize, slot: &str| rules_at(i, slot).iter().any(|r| r.starts_with("secret/"));

    let (mut a_total, mut a_found, mut b_total, mut b_found) = (0, 0, 0, 0);
    let (mut fp_total, mut fp_flagged) = (0, 0);
    // (a) and (b) on the generated samples: found, total.
    let (mut ag, mut ag_total, mut bg, mut bg_total) = (0, 0, 0, 0);
    // (a) and (b) on the samples that are not placeholders: found, total.
    let (mut ar, mut ar_total, mut br, mut br_total) = (0, 0, 0, 0);
    let mut missed_a = Vec::new();
    let mut missed_b = Vec::new();
    let mut alarms = Vec::new();
    let mut table: BTreeMap<String, Row> = BTreeMap::new();
    for (i, v) in vectors.iter().enumerate() {
        let row = table
            .entry(format!("{}/{}", v.source, v.provider))
            .or_default();
        if v.kind == "tp" {
            let real = v.placeholder_why.is_none();
            let kept = match (&v.placeholder_why, v.synthetic) {
                (Some(why), _) => format!("{PLACEHOLDER} {why}"),
                (None, false) => KEPT.to_string(),
                (None, true) => String::new(),
            };
            row.placeholders += usize::from(!real);
            if v.self_identifying == Some(true) {
                a_total += 1;
                ag_total += usize::from(v.synthetic);
                ar_total += usize::from(real);
                row.a_real.1 += usize::from(real);
                if found(i, "neutral_env") {
                    a_found += 1;
                    ag += usize::from(v.synthetic);
                    ar += usize::from(real);
                    row.a_real.0 += usize::from(real);
                } else {
                    missed_a.push(format!("{}{kept}", shown(v)));
                }
            }
            for slot in ["secret_env", "bearer", "flag", "flag_eq"] {
                b_total += 1;
                bg_total += usize::from(v.synthetic);
                br_total += usize::from(real);
                row.b.1 += 1;
                row.b_real.1 += usize::from(real);
                if found(i, slot) {
                    b_found += 1;
                    bg += usize::from(v.synthetic);
                    br += usize::from(real);
                    row.b.0 += 1;
                    row.b_real.0 += usize::from(real);
                } else {
                    missed_b.push(format!("{} in {slot}{kept}", shown(v)));
                }
            }
        } else {
            if tp_samples.contains(v.sample.as_str()) {
                continue;
            }
            fp_total += 1;
            row.fp.1 += 1;
            let mut flagged: Vec<&str> = SLOTS
                .iter()
                .flat_map(|slot| rules_at(i, slot).iter().copied())
                .filter(|r| provider_specific(r))
                .collect();
            flagged.dedup();
            if !flagged.is_empty() {
                fp_flagged += 1;
                row.fp.0 += 1;
                alarms.push(format!("{} flagged by {flagged:?}", shown(v)));
            }
        }
    }

    let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    let a = pct(a_found, a_total);
    let b = pct(b_found, b_total);
    let fp = pct(fp_flagged, fp_total);
    let a_generated = pct(ag, ag_total);
    let b_generated = pct(bg, bg_total);
    let a_real = pct(ar, ar_total);
    let b_real = pct(br, br_total);
    let ratio = |(n, d): (usize, usize)| {
        if d > 0 {
            format!("{n}/{d}")
        } else {
            "-".into()
        }
    };
    eprintln!(
        "peer vectors, per source/provider: true positives found in the secret slots (b) and \
         under the neutral key (a, self-identifying only), all of them and apart from the \
         hand-written placeholders (`placeholder_why`); negatives flagged by a provider rule"
    );
    eprintln!(
        "| source/provider | (b) all | (b) no placeholders | (a) no placeholders | \
         placeholders | fp flagged |"
    );
    eprintln!("|---|---|---|---|---|---|");
    for (name, row) in &table {
        eprintln!(
            "| {name} | {} | {} | {} | {} | {} |",
            ratio(row.b),
            ratio(row.b_real),
            ratio(row.a_real),
            row.placeholders,
            ratio(row.fp)
        );
    }
    let placeholders_missed =
        |missed: &[String]| missed.iter().filter(|m| m.contains(PLACEHOLDER)).count();
    eprintln!(
        "all true positives:\n  \
         (a) self-identifying, neutral key: {a_found}/{a_total} = {a:.2}%\n  \
         (b) all tp, secret slots: {b_found}/{b_total} = {b:.2}%\n\
         apart from the hand-written placeholders (`placeholder_why`):\n  \
         (a) self-identifying, neutral key: {ar}/{ar_total} = {a_real:.2}%\n  \
         (b) all tp, secret slots: {br}/{br_total} = {b_real:.2}%\n\
         fp (provider rule): {fp_flagged}/{fp_total} = {fp:.2}%\n\
         generated samples only: (a) {ag}/{ag_total} = {a_generated:.2}%, \
         (b) {bg}/{bg_total} = {b_generated:.2}%\n\
         missed placeholders: (a) {}, (b) {}; missed samples kept as the peers wrote them \
         that are no placeholder: (a) {}, (b) {}",
        placeholders_missed(&missed_a),
        placeholders_missed(&missed_b),
        missed_a.iter().filter(|m| m.ends_with(KEPT)).count(),
        missed_b.iter().filter(|m| m.ends_with(KEPT)).count(),
    );
    Figures {
        a,
        b,
        fp,
        a_real,
        b_real,
        a_generated,
        b_generated,
        missed_a,
        missed_b,
        alarms,
    }
}
