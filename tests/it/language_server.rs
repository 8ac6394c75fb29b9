//! `mcplint server` spoken to as an editor does: JSON-RPC over its stdin and stdout.

use serde_json::{Value, json};

use crate::support::lsp::{Client, apply_edits, uri};
use crate::support::tokens::{Rng, sample};

fn codes(diags: &[Value]) -> Vec<&str> {
    let mut codes: Vec<&str> = diags.iter().filter_map(|d| d["code"].as_str()).collect();
    codes.sort_unstable();
    codes
}

fn find<'d>(diags: &'d [Value], code: &str) -> &'d Value {
    diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

/// The UTF-16 column of the first `needle` on line `line` of `text`.
fn utf16_column(text: &str, line: usize, needle: &str) -> u64 {
    let l = text.lines().nth(line).unwrap();
    l[..l.find(needle).unwrap()].encode_utf16().count() as u64
}

#[test]
fn a_config_checked_as_typed_fixed_by_its_actions_and_rechecked_when_env_changes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let token = sample("github-token", 0, &mut Rng(17));
    let text = format!(
        "{{\n  \"serveur-é😀\": {{ \"comand\": \"npx\", \"args\": [\"-y\", \"pkg\"], \"env\": {{ \"KEY\": \"${{LSP_TEST_KEY}}\" }} }},\n  \"gh\": {{ \"type\": \"http\", \"url\": \"https://api.githubcopilot.com/mcp/\", \"headers\": {{ \"Authorization\": \"Bearer {token}\" }} }}\n}}\n"
    );
    std::fs::write(d.join(".env"), "OTHER=1\n").unwrap();
    let config = d.join("mcp-servers.json");
    std::fs::write(&config, &text).unwrap();
    let (config_uri, env_uri) = (uri(&config), uri(&d.join(".env")));

    let mut client = Client::start(d);
    client.open(&config_uri, "json", &text);
    let diags = client.diagnostics(&config_uri);
    assert_eq!(
        codes(&diags),
        [
            "env/undefined-variable",
            "schema/missing-field",
            "secret/github-token"
        ],
        "{diags:#?}"
    );
    // Ranges count UTF-16 units: `é` is one, `😀` two, before the typo on its line.
    let typo = find(&diags, "schema/missing-field");
    assert_eq!(typo["range"]["start"]["line"], 1);
    assert_eq!(
        typo["range"]["start"]["character"],
        utf16_column(&text, 1, "\"comand\"")
    );
    assert_eq!(typo["severity"], 1);
    assert!(
        typo["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("/src/rules/schema/missing_field.rs")
    );
    let secret = find(&diags, "secret/github-token");
    assert_eq!(
        secret["range"]["start"]["character"],
        utf16_column(&text, 2, &token)
    );

    // The rename: the action's edit applied, the finding goes.
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": config_uri }, "range": typo["range"],
                "context": { "diagnostics": [typo] } }),
    );
    let rename = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Replace with \"command\"")
        .unwrap_or_else(|| panic!("no rename in {actions:#}"));
    let edits = rename["edit"]["changes"][&config_uri].as_array().unwrap();
    let text = apply_edits(&text, edits);
    assert!(text.contains("{ \"command\": \"npx\""));
    client.change(&config_uri, 2, &text);
    let diags = client.diagnostics(&config_uri);
    assert_eq!(
        codes(&diags),
        ["env/undefined-variable", "secret/github-token"]
    );

    // Defining the variable in the open `.env` (not saved) re-checks the config.
    client.open(&env_uri, "dotenv", "OTHER=1\n");
    let diags = client.diagnostics(&config_uri);
    assert_eq!(
        codes(&diags),
        ["env/undefined-variable", "secret/github-token"]
    );
    client.change(&env_uri, 2, "OTHER=1\nLSP_TEST_KEY=abc\n");
    let diags = client.diagnostics(&config_uri);
    assert_eq!(codes(&diags), ["secret/github-token"], "{diags:#?}");

    // The move is offered without its edit; resolved, it writes the token into `.env` only.
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": config_uri }, "range": secret["range"],
                "context": { "diagnostics": [] } }),
    );
    let list = actions["result"].as_array().unwrap();
    let offered = list
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Move this"))
        .unwrap_or_else(|| panic!("no move in {actions:#}"))
        .clone();
    assert!(offered["edit"].is_null());
    let sent_before_resolve = client.transcript();
    assert!(
        !sent_before_resolve.contains(&token[4..]),
        "a message held the token"
    );
    let resolved = client.request("codeAction/resolve", offered);
    let ops = resolved["result"]["edit"]["documentChanges"]
        .as_array()
        .unwrap_or_else(|| panic!("no edit in {resolved:#}"));
    let env_edit = ops
        .iter()
        .find(|o| o["textDocument"]["uri"] == env_uri)
        .unwrap();
    assert!(
        env_edit["edits"][0]["newText"]
            .as_str()
            .unwrap()
            .contains(&token)
    );
    let config_edit = ops
        .iter()
        .find(|o| o["textDocument"]["uri"] == config_uri)
        .unwrap();
    let moved = apply_edits(&text, config_edit["edits"].as_array().unwrap());
    assert!(!moved.contains(&token));
    assert!(
        moved.contains("\"Bearer ${GITHUB_PERSONAL_ACCESS_TOKEN}\""),
        "{moved}"
    );

    let status = client.stop();
    assert!(status.success(), "{status}");
    // Nothing but the resolved move carried the token.
    assert_eq!(sent_before_resolve.matches(&token[4..]).count(), 0);
}

#[test]
fn vscode_references_get_the_env_prefix_and_jsonc_files_an_ignore_comment() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join(".vscode")).unwrap();
    let config = d.join(".vscode/mcp.json");
    let text = "{\n  // servers\n  \"servers\": {\n    \"gh\": {\n      \"type\": \"http\",\n      \"url\": \"https://api.githubcopilot.com/mcp/\",\n      \"headers\": { \"Authorization\": \"Bearer ${LSP_TEST_GH}\" }\n    }\n  }\n}\n";
    std::fs::write(&config, text).unwrap();
    let config_uri = uri(&config);
    let mut client = Client::start(d);
    client.open(&config_uri, "jsonc", text);
    let diags = client.diagnostics(&config_uri);
    let unexpanded = find(&diags, "env/unexpanded-reference");
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": config_uri }, "range": unexpanded["range"],
                "context": { "diagnostics": [] } }),
    );
    let list = actions["result"].as_array().unwrap();
    let titles: Vec<&str> = list.iter().filter_map(|a| a["title"].as_str()).collect();
    assert!(
        titles.contains(&"Replace with ${env:LSP_TEST_GH}"),
        "{titles:?}"
    );
    let ignore = list
        .iter()
        .find(|a| a["title"] == "Ignore env/unexpanded-reference on this line (comment)")
        .unwrap_or_else(|| panic!("{titles:?}"));
    let edits = ignore["edit"]["changes"][&config_uri].as_array().unwrap();
    let text = apply_edits(text, edits);
    assert!(text.contains("\n      // mcplint-ignore env/unexpanded-reference\n      \"headers\""));
    client.change(&config_uri, 2, &text);
    let diags = client.diagnostics(&config_uri);
    assert!(
        diags
            .iter()
            .all(|d| d["code"] != "env/unexpanded-reference"),
        "{diags:#?}"
    );
    assert!(client.stop().success());
}

#[test]
fn bad_input_gets_an_error_or_is_ignored_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut client = Client::start(d);

    client.send_raw(b"{ this is not json");
    let err = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(err["error"]["code"], -32700);
    assert_eq!(err["id"], Value::Null);

    let unknown = client.request("mcplint/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    client.notify("mcplint/unknownNotification", json!({}));
    let bad_params = client.request("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(bad_params["error"]["code"], -32602);

    // 10 MB: checked (or refused by size), answered, and the server goes on.
    let big_uri = uri(&d.join("mcp-servers.json"));
    let mut big = String::from("{ \"s\": { \"command\": \"npx\", \"args\": [");
    while big.len() < 10 * 1024 * 1024 {
        big.push_str("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",");
    }
    big.push_str("\"x\"] } }");
    client.open(&big_uri, "json", &big);
    let _ = client.diagnostics(&big_uri);

    // Closed twice, changed after closing: ignored.
    let close = json!({ "textDocument": { "uri": big_uri } });
    client.notify("textDocument/didClose", close.clone());
    let cleared = client.diagnostics(&big_uri);
    assert!(cleared.is_empty());
    client.notify("textDocument/didClose", close);
    client.change(&big_uri, 9, "{}");
    // A request on a document never opened.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///nowhere/x.json" },
                "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(hover["result"], Value::Null);

    assert!(client.stop().success());
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(1));
}

/// The position (line, UTF-16 character) of the first `needle` in `text`, plus `shift`.
fn position_of(text: &str, needle: &str, shift: usize) -> Value {
    let at = text.find(needle).unwrap() + shift;
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    json!({ "line": line, "character": text[start..at].encode_utf16().count() })
}

#[test]
fn hover_completion_and_definition() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let secret = "x9Kq2LmZ8vB4nR7tW1yH3jD6fP0sA5cE";
    let env_text = format!("# keys\nLSP_TEST_API_TOKEN={secret}\nLSP_TEST_PORT=8080\n");
    std::fs::write(d.join(".env"), &env_text).unwrap();
    let config = d.join("mcp-servers.json");
    let text = "{\n  \"gh\": {\n    \"command\": \"npx\",\n    \"env\": { \"A\": \"${LSP_TEST_API_TOKEN}\", \"B\": \"${LSP_TEST_PORT}\" }\n  }\n}\n";
    std::fs::write(&config, text).unwrap();
    let config_uri = uri(&config);
    let mut client = Client::start(d);
    client.open(&config_uri, "json", text);
    let _ = client.diagnostics(&config_uri);
    let at = |needle: &str, shift: usize| json!({ "textDocument": { "uri": config_uri }, "position": position_of(text, needle, shift) });

    let hover = client.request("textDocument/hover", at("${LSP_TEST_API_TOKEN}", 4));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("line 2"), "{shown}");
    assert!(shown.contains("x9Kq2L") || shown.contains("…"), "{shown}");
    assert!(
        !shown.contains(&secret[6..]),
        "the value was shown whole: {shown}"
    );
    let hover = client.request("textDocument/hover", at("${LSP_TEST_PORT}", 4));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("`8080`"), "{shown}");

    let hover = client.request("textDocument/hover", at("\"command\"", 2));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("**command**") && shown.contains("program"),
        "{shown}"
    );

    let def = client.request("textDocument/definition", at("${LSP_TEST_PORT}", 4));
    assert_eq!(def["result"]["uri"], uri(&d.join(".env")), "{def}");
    assert_eq!(
        def["result"]["range"]["start"],
        json!({ "line": 2, "character": 0 })
    );

    let done = client.request("textDocument/completion", at("${LSP_TEST_PORT}", 6));
    let labels: Vec<&str> = done["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(labels.contains(&"LSP_TEST_API_TOKEN"), "{labels:?}");

    // A key being typed, in a document that does not parse.
    let typing = "{\n  \"gh\": {\n    \"command\": \"npx\",\n    \"\n";
    client.change(&config_uri, 2, typing);
    let _ = client.diagnostics(&config_uri);
    let done = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": config_uri }, "position": { "line": 3, "character": 5 } }),
    );
    let labels: Vec<&str> = done["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"args") && labels.contains(&"env"),
        "{labels:?}"
    );

    // No message held the secret value whole.
    assert!(!client.transcript().contains(&secret[6..]));
    assert!(client.stop().success());
}

#[test]
fn transport_values_complete_from_the_clients_schema() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join(".vscode")).unwrap();
    let config = d.join(".vscode/mcp.json");
    let text =
        "{ \"servers\": { \"gh\": { \"type\": \"\", \"url\": \"https://example.com/mcp\" } } }";
    let config_uri = uri(&config);
    let mut client = Client::start(d);
    client.open(&config_uri, "jsonc", text);
    let _ = client.diagnostics(&config_uri);
    let done = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": config_uri }, "position": position_of(text, "\"\"", 1) }),
    );
    let labels: Vec<&str> = done["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"http") && labels.contains(&"sse"),
        "{labels:?}"
    );
    assert!(client.stop().success());
}

#[test]
fn the_nearest_settings_apply_and_a_save_of_them_rechecks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let settings = d.join(".mcplint.json");
    std::fs::write(&settings, r#"{ "rules": { "schema/": "warning" } }"#).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    let config = d.join("sub/mcp-servers.json");
    let text = "{ \"s\": { \"comand\": \"npx\" } }\n";
    let config_uri = uri(&config);
    let mut client = Client::start(d);
    client.open(&config_uri, "json", text);
    let diags = client.diagnostics(&config_uri);
    assert_eq!(find(&diags, "schema/missing-field")["severity"], 2);

    std::fs::write(&settings, r#"{ "rules": { "schema/": "off" } }"#).unwrap();
    let settings_uri = uri(&settings);
    client.open(&settings_uri, "jsonc", "{}");
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": settings_uri } }),
    );
    let diags = client.diagnostics(&config_uri);
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(client.stop().success());
}

#[test]
fn an_open_template_declares_names_as_it_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join(".env"), "OTHER=1\n").unwrap();
    let config = d.join("mcp-servers.json");
    let text =
        "{ \"s\": { \"command\": \"npx\", \"env\": { \"K\": \"${LSP_TEST_DECLARED}\" } } }\n";
    let config_uri = uri(&config);
    let mut client = Client::start(d);
    client.open(&config_uri, "json", text);
    assert_eq!(
        codes(&client.diagnostics(&config_uri)),
        ["env/undefined-variable"]
    );
    // Not on disk: the editor's buffer alone declares the name.
    let template_uri = uri(&d.join(".env.example"));
    client.open(&template_uri, "dotenv", "LSP_TEST_DECLARED=\n");
    let diags = client.diagnostics(&config_uri);
    assert!(codes(&diags).contains(&"env/unset-variable"), "{diags:#?}");
    // The `.env`'s own findings go to the `.env`, and are cleared with the config that read it.
    let env_uri = uri(&d.join(".env"));
    assert_eq!(
        codes(&client.diagnostics(&env_uri)),
        ["env/unused-variable"]
    );
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    assert!(client.diagnostics(&env_uri).is_empty());
    assert!(client.stop().success());
}

#[test]
fn related_locations_and_the_enum_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join(".vscode")).unwrap();
    let config = d.join(".vscode/mcp.json");
    let text = "{ \"servers\": {\n  \"a\": { \"type\": \"htp\", \"url\": \"https://example.com/mcp\" },\n  \"a\": { \"type\": \"http\", \"url\": \"https://example.com/mcp\" }\n} }\n";
    let config_uri = uri(&config);
    let mut client = Client::start(d);
    client.open(&config_uri, "jsonc", text);
    let diags = client.diagnostics(&config_uri);
    let duplicate = find(&diags, "parse/duplicate-key");
    let related = &duplicate["relatedInformation"][0];
    assert_eq!(
        related["location"]["uri"],
        config_uri.as_str(),
        "{duplicate:#}"
    );
    assert!(related["message"].is_string());

    let invalid = find(&diags, "schema/invalid-value");
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": config_uri }, "range": invalid["range"],
                "context": { "diagnostics": [] } }),
    );
    let titles: Vec<&str> = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(titles.contains(&"Replace with \"http\""), "{titles:?}");
    assert!(client.stop().success());
}

#[test]
fn a_file_the_settings_name_as_a_clients_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join(".mcplint.json"),
        r#"{ "clients": { "tools/*.json": "template" } }"#,
    )
    .unwrap();
    std::fs::create_dir(d.join("tools")).unwrap();
    let config = d.join("tools/agents.json");
    let text = "{ \"gh\": { \"comand\": \"npx\" } }\n";
    std::fs::write(&config, text).unwrap();
    let config_uri = uri(&config);
    let other_uri = uri(&d.join("package.json"));
    let mut client = Client::start(d);
    client.open(&other_uri, "json", "{ \"name\": \"x\" }");
    client.open(&config_uri, "json", text);
    let diags = client.diagnostics(&config_uri);
    assert!(!diags.is_empty(), "{diags:#?}");
    // package.json is no config: nothing was published for it before the config's.
    assert!(!client_published(&client, &other_uri));
    assert!(client.stop().success());
}

fn client_published(client: &Client, uri: &str) -> bool {
    client
        .seen
        .iter()
        .any(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
}

#[test]
fn no_move_is_offered_to_a_client_that_does_not_resolve_edits() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let token = sample("github-token", 0, &mut Rng(5));
    let config = d.join("mcp-servers.json");
    let text =
        format!("{{ \"s\": {{ \"command\": \"npx\", \"env\": {{ \"T\": \"{token}\" }} }} }}\n");
    let config_uri = uri(&config);
    let mut client = Client::start_with(d, json!({}));
    client.open(&config_uri, "json", &text);
    let diags = client.diagnostics(&config_uri);
    let secret = find(&diags, "secret/github-token");
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": config_uri }, "range": secret["range"],
                "context": { "diagnostics": [] } }),
    );
    let list = actions["result"].as_array().unwrap();
    assert!(
        list.iter()
            .all(|a| !a["title"].as_str().unwrap().starts_with("Move")),
        "{list:#?}"
    );
    assert!(!client.transcript().contains(&token[4..]));
    assert!(client.stop().success());
}
