//! `mcplint server`: a language server over stdio. It runs the pipeline `check` runs on the
//! text the editor holds, and offers the findings' fixes, hovers, completions and the way
//! from a `${VAR}` to its `.env` line. Nothing here decides what is wrong: the rules do.
//!
//! Synchronous, on lsp-server and lsp-types (as rust-analyzer is): one thread handles the
//! messages in order, two move bytes (`transport`).

mod actions;
mod completion;
mod cursor;
mod definition;
mod diagnostics;
mod documents;
mod fields;
mod hover;
mod position;
mod transport;
mod uri;

use std::collections::HashMap;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeResult, OneOf, PublishDiagnosticsParams, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};

use diagnostics::{Checked, is_config};
use documents::{Dependencies, Documents};

/// Serves over stdin and stdout until the client says `exit`; the process's exit code:
/// 0 after a `shutdown`, 1 otherwise (as the protocol asks).
pub fn run_stdio() -> i32 {
    // A panic's message may quote the text it was slicing (a config, a `.env`): the editor's
    // log gets where it happened, never what.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        eprintln!("mcplint server: internal error{at}; the request was answered with an error");
    }));
    let stdin = std::io::BufReader::new(std::io::stdin());
    let (connection, threads) = transport::connect(stdin, std::io::stdout());
    let code = serve(&connection);
    drop(connection);
    threads.join();
    code
}

/// The server's state: the open documents and what their last check found.
#[derive(Default)]
pub struct Server {
    docs: Documents,
    checked: HashMap<String, Checked>,
    deps: Dependencies,
    initialized: bool,
    shutdown: bool,
    /// Whether the client resolves a code action's edit (`codeAction/resolve`): the move of a
    /// secret is offered only then, so that no list of actions carries the secret.
    resolves_edits: bool,
}

/// Handles messages until `exit` (or the client goes away).
pub fn serve(connection: &Connection) -> i32 {
    let mut server = Server::default();
    for message in &connection.receiver {
        let exit = matches!(&message, Message::Notification(n) if n.method == note::Exit::METHOD);
        if exit {
            return if server.shutdown { 0 } else { 1 };
        }
        // A bug in one handler answers that request with an error; the server goes on.
        let id = match &message {
            Message::Request(r) => Some(r.id.clone()),
            _ => None,
        };
        let handled =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| server.handle(message)));
        let out = match handled {
            Ok(out) => out,
            Err(_) => id
                .map(|id| {
                    vec![Message::Response(Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        "mcplint could not handle this request (an internal error)".to_owned(),
                    ))]
                })
                .unwrap_or_default(),
        };
        for m in out {
            if connection.sender.send(m).is_err() {
                return 1;
            }
        }
    }
    if server.shutdown { 0 } else { 1 }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(true),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "{".into(), ":".into()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        position_encoding: Some(lsp_types::PositionEncodingKind::UTF16),
        ..ServerCapabilities::default()
    }
}

fn response<T: serde::Serialize>(id: RequestId, result: T) -> Message {
    Message::Response(Response::new_ok(id, result))
}

fn error(id: RequestId, code: ErrorCode, message: &str) -> Message {
    Message::Response(Response::new_err(id, code as i32, message.to_owned()))
}

fn params<P: serde::de::DeserializeOwned>(value: serde_json::Value) -> Option<P> {
    serde_json::from_value(value).ok()
}

impl Server {
    /// The messages one incoming message makes the server send.
    pub fn handle(&mut self, message: Message) -> Vec<Message> {
        match message {
            Message::Request(r) => vec![self.request(r)],
            Message::Notification(n) => self.notification(n),
            Message::Response(_) => Vec::new(),
        }
    }

    fn request(&mut self, r: Request) -> Message {
        let Request {
            id,
            method,
            params: p,
        } = r;
        if method == req::Initialize::METHOD {
            if self.initialized {
                return error(id, ErrorCode::InvalidRequest, "already initialized");
            }
            self.initialized = true;
            self.resolves_edits = params::<lsp_types::InitializeParams>(p)
                .and_then(|p| p.capabilities.text_document?.code_action?.resolve_support)
                .is_some_and(|r| r.properties.iter().any(|p| p == "edit"));
            let result = InitializeResult {
                capabilities: capabilities(),
                server_info: Some(ServerInfo {
                    name: "mcplint".to_owned(),
                    version: Some(env!("CARGO_PKG_VERSION").to_owned()),
                }),
            };
            return response(id, result);
        }
        if !self.initialized {
            return error(id, ErrorCode::ServerNotInitialized, "initialize first");
        }
        if self.shutdown {
            return error(id, ErrorCode::InvalidRequest, "the server is shutting down");
        }
        let bad = |id| error(id, ErrorCode::InvalidParams, "invalid parameters");
        match method.as_str() {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                response(id, ())
            }
            req::CodeActionRequest::METHOD => match params::<lsp_types::CodeActionParams>(p) {
                Some(p) => response(
                    id,
                    actions::list(self.checked(&p.text_document.uri), &p, self.resolves_edits),
                ),
                None => bad(id),
            },
            req::CodeActionResolveRequest::METHOD => match params(p) {
                Some(p) => response(id, actions::resolve(|u| self.checked(u), p)),
                None => bad(id),
            },
            req::HoverRequest::METHOD => match params::<lsp_types::HoverParams>(p) {
                Some(p) => response(
                    id,
                    hover::hover(
                        self.checked(&p.text_document_position_params.text_document.uri),
                        &p,
                    ),
                ),
                None => bad(id),
            },
            req::Completion::METHOD => match params::<lsp_types::CompletionParams>(p) {
                Some(p) => response(
                    id,
                    completion::complete(
                        self.checked(&p.text_document_position.text_document.uri),
                        &p,
                    ),
                ),
                None => bad(id),
            },
            req::GotoDefinition::METHOD => match params::<lsp_types::GotoDefinitionParams>(p) {
                Some(p) => response(
                    id,
                    definition::definition(
                        self.checked(&p.text_document_position_params.text_document.uri),
                        &p,
                    ),
                ),
                None => bad(id),
            },
            _ => error(
                id,
                ErrorCode::MethodNotFound,
                &format!("no method `{method}`"),
            ),
        }
    }

    fn notification(&mut self, n: Notification) -> Vec<Message> {
        if !self.initialized {
            return Vec::new();
        }
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Some(p) = params::<lsp_types::DidOpenTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let d = p.text_document;
                self.docs
                    .open(d.uri.clone(), d.text, d.version, d.language_id);
                self.changed(&d.uri, false)
            }
            note::DidChangeTextDocument::METHOD => {
                let Some(p) = params::<lsp_types::DidChangeTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let uri = p.text_document.uri;
                if self
                    .docs
                    .change(&uri, p.content_changes, p.text_document.version)
                {
                    self.changed(&uri, false)
                } else {
                    Vec::new()
                }
            }
            note::DidSaveTextDocument::METHOD => {
                match params::<lsp_types::DidSaveTextDocumentParams>(n.params) {
                    Some(p) if self.docs.get(&p.text_document.uri).is_some() => {
                        self.changed(&p.text_document.uri, true)
                    }
                    _ => Vec::new(),
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let Some(p) = params::<lsp_types::DidCloseTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                self.closed(&p.text_document.uri)
            }
            _ => Vec::new(),
        }
    }

    /// After a document opened, changed or was saved: re-check it when it is a config, and
    /// the open configs that read it when it is an env file.
    fn changed(&mut self, uri: &Uri, saved: bool) -> Vec<Message> {
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let Some(path) = doc.path.clone() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // The settings are read from the disk: a save of them re-checks every open config.
        if path
            .file_name()
            .is_some_and(|n| n == crate::settings::FILE_NAME)
        {
            if !saved {
                return out;
            }
            let mut configs: Vec<String> = self.checked.keys().cloned().collect();
            configs.sort();
            for config in configs {
                if let Ok(config) = config.parse::<Uri>() {
                    out.extend(self.recheck(&config));
                }
            }
            return out;
        }
        if documents::is_env_file(&path) {
            for config in self.deps.dependents(&path) {
                if let Ok(config) = config.parse::<Uri>() {
                    out.extend(self.recheck(&config));
                }
            }
            return out;
        }
        if is_config(&path, &doc.language, &doc.text) {
            out.extend(self.recheck(uri));
        } else {
            // No longer looks like a config (a JSON file whose servers were deleted).
            let version = doc.version;
            out.extend(self.forget(uri, Some(version)));
        }
        out
    }

    fn closed(&mut self, uri: &Uri) -> Vec<Message> {
        let Some(doc) = self.docs.close(uri) else {
            return Vec::new();
        };
        let mut out = self.forget(uri, None);
        // The env file's text on disk counts again.
        if let Some(path) = doc.path.filter(|p| documents::is_env_file(p)) {
            for config in self.deps.dependents(&path) {
                if let Ok(config) = config.parse::<Uri>() {
                    out.extend(self.recheck(&config));
                }
            }
        }
        out
    }

    /// Checks an open config and publishes what was found.
    fn recheck(&mut self, uri: &Uri) -> Vec<Message> {
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let Some(path) = doc.path.clone() else {
            return Vec::new();
        };
        let version = doc.version;
        let path = std::path::absolute(&path).unwrap_or(path);
        let Some(checked) = diagnostics::check(&path, &doc.text, self.docs.overlay()) else {
            // Ignored by the settings.
            return self.forget(uri, Some(version));
        };
        let mut out: Vec<Message> = diagnostics::publish(&checked, uri)
            .into_iter()
            .map(|(u, list)| {
                let v = (u == *uri).then_some(version);
                publish(u, list, v)
            })
            .collect();
        self.deps.set(uri, checked.env_files.clone());
        let before = self
            .checked
            .insert(uri.as_str().to_owned(), checked)
            .map(|c| diagnostics::side_files(&c))
            .unwrap_or_default();
        out.extend(self.clear_unpublished(before));
        out
    }

    /// Drops what is known of a config that is closed, ignored or no longer one: its
    /// diagnostics are cleared, and those of the env files only it read.
    fn forget(&mut self, uri: &Uri, version: Option<i32>) -> Vec<Message> {
        self.deps.remove(uri);
        let Some(checked) = self.checked.remove(uri.as_str()) else {
            return Vec::new();
        };
        let mut out = vec![publish(uri.clone(), Vec::new(), version)];
        out.extend(self.clear_unpublished(diagnostics::side_files(&checked)));
        out
    }

    /// Empty diagnostics for the side files no open config's check publishes any more.
    fn clear_unpublished(&self, files: Vec<Uri>) -> Vec<Message> {
        files
            .into_iter()
            .filter(|f| {
                !self
                    .checked
                    .values()
                    .any(|c| diagnostics::side_files(c).contains(f))
            })
            .map(|f| publish(f, Vec::new(), None))
            .collect()
    }

    /// What the last check of an open config found.
    fn checked(&self, uri: &Uri) -> Option<&Checked> {
        self.checked.get(uri.as_str())
    }
}

fn publish(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) -> Message {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    Message::Notification(Notification::new(
        note::PublishDiagnostics::METHOD.to_owned(),
        params,
    ))
}
