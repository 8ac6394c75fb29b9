//! Writes a generated corpus: `cargo run --release --example gen_corpus -- N SEED DIR`.
//! DIR gets `mcp-servers.json` (N servers, planted secrets and decoys), `truth.json` (where
//! each one is) and a `.env` with the variables the servers reference.

#[path = "../tests/it/support/corpus.rs"]
mod corpus;
#[path = "../tests/it/support/tokens.rs"]
mod tokens;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(seed), Some(dir)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1).and_then(|a| a.parse::<u64>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: gen_corpus N SEED DIR");
        std::process::exit(2);
    };
    let corpus = corpus::generate(n, seed);
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).expect("create DIR");
    let config = serde_json::to_string_pretty(&corpus.config).expect("serialise");
    std::fs::write(dir.join("mcp-servers.json"), config + "\n").expect("write config");
    let truth = serde_json::to_string_pretty(&corpus.truth).expect("serialise");
    std::fs::write(dir.join("truth.json"), truth + "\n").expect("write truth");
    std::fs::write(dir.join(".env"), corpus::dotenv()).expect("write .env");
}
