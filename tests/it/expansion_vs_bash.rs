//! The shell-like forms give what bash gives: generated templates over variables that are
//! set, set but empty, and unset, evaluated by mcplint's engine and by `bash` with `set -u`
//! (where an unset `${NAME}` is an error, as it is for mcplint).

use std::io::Write;
use std::process::{Command, Stdio};

use mcplint::env::template::{self, Grammar};

const VARS: &[(&str, Option<&str>)] = &[
    ("A", Some("val")),
    ("B", Some("")),
    ("C", None),
    ("D", Some("x y")),
    // A value that looks like a reference is inserted as it is, by bash and by mcplint.
    ("E", Some("${A}")),
    ("LONG_NAME_1", Some("long")),
];

const LITERALS: &[&str] = &[
    "x", "ab", "/", ":", "-", " ", "1", ".", "=", "@", "+", "?", "a b",
];
const OPS: &[&str] = &[":-", "-", ":?", "?", ":+", "+"];

/// A small deterministic generator, so a failure can be reproduced.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn pieces(rng: &mut Rng, max: usize, depth: usize, out: &mut String) {
    for _ in 0..rng.below(max + 1) {
        if depth < 3 && rng.below(2) == 0 {
            let name = VARS[rng.below(VARS.len())].0;
            out.push_str("${");
            out.push_str(name);
            if rng.below(4) != 0 {
                out.push_str(OPS[rng.below(OPS.len())]);
                pieces(rng, 2, depth + 1, out);
            }
            out.push('}');
        } else {
            out.push_str(LITERALS[rng.below(LITERALS.len())]);
        }
    }
}

fn ours(template: &str) -> Option<String> {
    let parsed = template::parse(template, Grammar::Config).expect("generated templates parse");
    let lookup = |name: &str| VARS.iter().find(|(n, _)| *n == name).and_then(|(_, v)| *v);
    let mut events = Vec::new();
    let value = template::evaluate(template, &parsed, &lookup, &mut events);
    (!events.iter().any(template::is_error)).then_some(value)
}

#[test]
fn shell_forms_match_bash() {
    let Ok(probe) = Command::new("bash").arg("--version").output() else {
        eprintln!("skipped: bash is not installed");
        return;
    };
    assert!(probe.status.success());

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut templates = Vec::new();
    while templates.len() < 600 {
        let mut t = String::new();
        pieces(&mut rng, 3, 0, &mut t);
        if t.contains("${") && !templates.contains(&t) {
            templates.push(t);
        }
    }

    let mut script = String::from("set +u\n");
    for (name, value) in VARS {
        match value {
            Some(v) => script.push_str(&format!("{name}='{v}'\n")),
            None => script.push_str(&format!("unset {name}\n")),
        }
    }
    for t in &templates {
        // A subshell per template: `set -u` and `${X:?}` end it, not the script.
        script.push_str(&format!(
            "out=$( {{ set -u; printf '%s' \"{t}\"; }} 2>/dev/null ); printf '%s\\0%s\\0' \"$?\" \"$out\"\n"
        ));
    }
    let mut child = Command::new("bash")
        .args(["--norc", "--noprofile", "-s"])
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let fields: Vec<&str> = text.split('\0').collect();
    assert_eq!(
        fields.len(),
        templates.len() * 2 + 1,
        "bash printed an unexpected shape"
    );

    let mut mismatches = Vec::new();
    let mut errors = 0;
    for (i, t) in templates.iter().enumerate() {
        let status = fields[2 * i];
        let bash = (status == "0").then(|| fields[2 * i + 1].to_owned());
        errors += usize::from(bash.is_none());
        let mine = ours(t);
        if mine != bash {
            mismatches.push(format!("{t:?}: mcplint {mine:?}, bash {bash:?}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // The corpus exercises both outcomes.
    assert!(
        errors > 50 && errors < templates.len() - 50,
        "{errors} errors"
    );
}
