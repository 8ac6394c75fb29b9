//! The whole pipeline on a (config, .env) pair: the input is split at the first NUL byte.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (config, env) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let dir = std::env::temp_dir().join(format!("mcplint-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let config_path = dir.join("mcp-servers.json");
    if std::fs::write(&config_path, config).is_err()
        || std::fs::write(dir.join(".env"), env).is_err()
    {
        return;
    }
    let options = mcplint::pipeline::Options {
        env: mcplint::env::EnvOptions {
            process: false,
            ..Default::default()
        },
        keep_resolved: true,
        ..Default::default()
    };
    let report =
        mcplint::pipeline::check_inputs(&[mcplint::pipeline::Input::Path(config_path)], &options);
    // Every printer copes with whatever was found.
    let mut sink = Vec::new();
    for format in [
        mcplint::report::Format::Human,
        mcplint::report::Format::Json,
        mcplint::report::Format::Sarif,
        mcplint::report::Format::Github,
        mcplint::report::Format::Gitlab,
    ] {
        sink.clear();
        let _ = mcplint::report::write(&report, format, mcplint::report::Style::PLAIN, &mut sink);
    }
});
