//! Orders the release binary's code so that the functions a usual check runs sit together
//! (`scripts/link-order.txt`, written by `scripts/link-order.sh`): the kernel maps code 64 KiB
//! around each page a run touches, so a check of a small config maps about 4 MiB less.
//!
//! Only where the linker is known to take the list: a release build for x86_64 Linux with
//! rustc 1.90 or later, whose default linker there is its own lld, and no linker chosen by
//! hand. `MCPLINT_LINK_ORDER=0` turns it off.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=scripts/link-order.txt");
    println!("cargo:rerun-if-env-changed=MCPLINT_LINK_ORDER");
    if !lld_by_default() || std::env::var("MCPLINT_LINK_ORDER").as_deref() == Ok("0") {
        return;
    }
    let list = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/link-order.txt");
    if std::path::Path::new(list).is_file() {
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={list}");
        // A function the list names may be gone or renamed: the list is only a hint.
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// A release build whose linker is rustc's own lld: x86_64 Linux (GNU), rustc 1.90 or later
/// (lld became its default linker there: https://blog.rust-lang.org/2025/09/01/rust-lld-on-1.90.0-stable/),
/// with lld in its sysroot (`gcc-ld/ld.lld`; a distribution's rustc may come without it), and
/// no linker, linker flavour or linker feature set in the environment.
fn lld_by_default() -> bool {
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    let default_linker = env("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_empty()
        && !env("CARGO_ENCODED_RUSTFLAGS").contains("link");
    if env("TARGET") != "x86_64-unknown-linux-gnu" || env("PROFILE") != "release" || !default_linker
    {
        return false;
    }
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let ask = |args: &[&str]| {
        let out = Command::new(&rustc).args(args).output().ok()?;
        Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    let minor = ask(&["-vV"]).and_then(|text| {
        let version = text.lines().find_map(|l| l.strip_prefix("release: 1."))?;
        version.split('.').next()?.parse::<u32>().ok()
    });
    let lld = ask(&["--print", "sysroot"]).is_some_and(|root| {
        std::path::Path::new(&root)
            .join("lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld/ld.lld")
            .is_file()
    });
    minor.is_some_and(|m| m >= 90) && lld
}
