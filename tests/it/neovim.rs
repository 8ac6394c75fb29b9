//! End to end with a real editor: Neovim (headless, the Debian package) starts
//! `mcplint server` through its built-in client (`vim.lsp.start_client`, no plugin), and the
//! diagnostics it shows are written to a file and read back. Skipped, saying so, where
//! `nvim` is not installed (`.ci/run` installs it).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SCRIPT: &str = r#"
local config = os.getenv('MCPLINT_E2E_CONFIG')
local out = os.getenv('MCPLINT_E2E_OUT')
vim.cmd('edit ' .. vim.fn.fnameescape(config))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'mcplint',
  cmd = { os.getenv('MCPLINT_E2E_BIN'), 'server' },
  root_dir = vim.fn.fnamemodify(config, ':h'),
})
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  local code = d.code or lsp.code or '?'
  local message = d.message:gsub('\n.*', '')
  table.insert(lines, string.format('%s %d:%d %d %s', code, d.lnum, d.col, d.severity, message))
end
table.sort(lines)
if not ok then table.insert(lines, 'TIMEOUT') end
vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.fn.writefile(lines, out)
vim.cmd('qa!')
"#;

fn nvim() -> Option<()> {
    let found = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    found.then_some(())
}

#[test]
fn neovim_shows_the_servers_diagnostics() {
    if nvim().is_none() {
        eprintln!("skipped: Neovim is not installed (.ci/run installs the Debian package)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join(".vscode")).unwrap();
    let config = d.join(".vscode/mcp.json");
    // `é` is 2 bytes and 1 UTF-16 unit: Neovim turns the protocol's column into a byte one.
    let text = "{\n  \"servers\": {\n    \"café\": { \"type\": \"htp\", \"url\": \"https://example.com/mcp\" }\n  }\n}\n";
    std::fs::write(&config, text).unwrap();
    std::fs::write(d.join("init.lua"), SCRIPT).unwrap();
    let out = d.join("diagnostics.txt");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-i", "NONE", "-u", "NONE"])
        .arg("-c")
        .arg(format!("luafile {}", d.join("init.lua").display()))
        .env("MCPLINT_E2E_CONFIG", &config)
        .env("MCPLINT_E2E_OUT", &out)
        .env("MCPLINT_E2E_BIN", env!("CARGO_BIN_EXE_mcplint"))
        .env("HOME", d)
        .env("XDG_STATE_HOME", d.join("state"))
        .env("XDG_CACHE_HOME", d.join("cache"))
        .current_dir(d)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("Neovim did not quit in 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let shown = std::fs::read_to_string(&out).expect("the script wrote the diagnostics");
    let line = text.lines().nth(2).unwrap();
    let byte_col = line.find("\"htp\"").unwrap();
    let expected = format!("schema/invalid-value 2:{byte_col} 1 ");
    assert!(
        shown.lines().any(|l| l.starts_with(&expected)),
        "expected a line starting with {expected:?} in:\n{shown}"
    );
    assert!(!shown.contains("TIMEOUT"), "{shown}");
    eprintln!("Neovim showed:\n{shown}");
}
