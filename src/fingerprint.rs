//! The one fingerprint of a finding, shared by the baseline, SARIF and GitLab: the rule, the
//! file, the pointer and the offending text, hashed together. It survives edits elsewhere in
//! the file, and the text itself is never stored.

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The fingerprint of `d`, a finding in `file`, as 16 hex digits.
pub fn of(file: &SourceFile, d: &Diagnostic) -> String {
    let text = file.text.get(d.span.start..d.span.end).unwrap_or("");
    let key = format!(
        "{}\0{}\0{}\0{text}",
        d.rule.id,
        relative_uri(&file.name),
        d.pointer
    );
    format!("{:016x}", fnv64(key.as_bytes()))
}

/// FNV-1a, 64 bits: a stable hash for fingerprints (the same on every run and platform).
fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A file name as a URI reference relative to the working directory, with `/` separators.
pub fn relative_uri(name: &str) -> String {
    let path = std::path::Path::new(name);
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            path.strip_prefix(&cwd)
                .ok()
                .map(std::path::Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf());
    let mut uri = relative.to_string_lossy().replace('\\', "/");
    if uri == "<stdin>" {
        uri = "stdin".to_owned();
    }
    uri.replace('%', "%25").replace(' ', "%20")
}
