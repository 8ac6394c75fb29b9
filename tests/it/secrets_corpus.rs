//! Recall and false alarms on a generated corpus: at least 99% of planted secrets found,
//! at most 1% of decoys flagged as secrets, across every slot.

use std::collections::HashMap;

use mcplint::env::EnvOptions;
use mcplint::pipeline::{Options, check_text};

#[test]
fn recall_and_false_alarms_on_a_generated_corpus() {
    // Over 4,000 servers: on two cores or more the servers are checked in parallel.
    let corpus = crate::support::corpus::generate(5_000, 20261126);
    let options = Options {
        env: EnvOptions {
            files: Vec::new(),
            process: false,
            dotenv: false,
            ..Default::default()
        },
        ..Options::default()
    };
    let text = serde_json::to_string_pretty(&corpus.config).unwrap();
    let report = check_text("mcp-servers.json", &text, &options);
    let mut by_pointer: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in &report.diagnostics {
        by_pointer
            .entry(d.pointer.as_str())
            .or_default()
            .push(d.rule.id);
    }
    let secret_at = |p: &str| {
        by_pointer
            .get(p)
            .is_some_and(|rules| rules.iter().any(|r| r.starts_with("secret/")))
    };
    let (mut planted, mut found, mut decoys, mut flagged) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    let mut alarms = Vec::new();
    for t in &corpus.truth {
        if t.kind == "secret" {
            planted += 1;
            if secret_at(&t.pointer) {
                found += 1;
            } else {
                missed.push(format!("{} ({})", t.pointer, t.what));
            }
        } else {
            decoys += 1;
            if secret_at(&t.pointer) {
                flagged += 1;
                alarms.push(format!(
                    "{} ({}): {:?}",
                    t.pointer,
                    t.what,
                    by_pointer[t.pointer.as_str()]
                ));
            }
        }
    }
    // No secret finding anywhere else either.
    let truth_pointers: std::collections::HashSet<&str> =
        corpus.truth.iter().map(|t| t.pointer.as_str()).collect();
    let stray: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| {
            d.rule.id.starts_with("secret/") && !truth_pointers.contains(d.pointer.as_str())
        })
        .map(|d| format!("{} {}", d.pointer, d.rule.id))
        .collect();
    eprintln!(
        "corpus: {planted} planted secrets, {found} found ({:.1}%); {decoys} decoys, {flagged} flagged",
        100.0 * found as f64 / planted as f64
    );
    eprintln!("missed: {missed:?}");
    assert!(
        found * 100 >= planted * 99,
        "missed:\n{}",
        missed.join("\n")
    );
    assert!(flagged * 100 <= decoys, "flagged:\n{}", alarms.join("\n"));
    assert!(
        stray.is_empty(),
        "secret findings outside the truth:\n{}",
        stray.join("\n")
    );
}
