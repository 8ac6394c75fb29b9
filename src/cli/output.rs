//! What every command shares: where text goes, how a failure is said, the exit codes.

use std::io::Write;
use std::process::ExitCode;

use crate::pipeline::Input;

/// Exit code 2: usage error, unreadable input, internal error.
pub const EXIT_TROUBLE: u8 = 2;

pub(super) fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write to standard output: {e}")),
    }
}

pub(super) fn fail(message: &str) -> ExitCode {
    eprintln!("mcplint: error: {message}");
    ExitCode::from(EXIT_TROUBLE)
}

/// `-` is standard input.
pub(super) fn input_of(path: &std::path::Path) -> Input {
    if path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::Path(path.to_path_buf())
    }
}
