use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug must never look like "findings" (exit 1) or crash with Rust's 101.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("mcplint: internal error: {info}\nThis is a bug in mcplint; please report it.");
    }));
    std::panic::catch_unwind(mcplint::cli::run)
        .unwrap_or_else(|_| ExitCode::from(mcplint::cli::EXIT_TROUBLE))
}
