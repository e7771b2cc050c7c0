//! `mrd lsp`: a language server over stdio, so an editor shows lint's
//! findings as the assessment is typed and offers its fixes.
//!
//! Only the transport is new: the findings are the linter's
//! (`crate::lint::Linter`), their ranges come from the line index in UTF-16
//! columns, the fixes are `lint::fix`'s (the ones `mrd lint --fix` applies),
//! and hover and completion read the question set and the rule catalogue.
//!
//! The server is one thread reading one message at a time: linting a file
//! takes well under a millisecond (bench/lsp.sh), so nothing is gained by
//! linting in the background, and the order of messages is the order of
//! the work. Types come from `lsp-types`; the framing is mrd's own
//! (`transport`, which says why).

mod document;
mod features;
mod transport;
mod uri;
mod workspace;

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::notification::{self as notif, Notification};
use lsp_types::request::{self as req, Request};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeDescription,
    CompletionOptions, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    HoverProviderCapability, InitializeParams, InitializeResult, NumberOrString, OneOf,
    PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde_json::{Value, json};

use crate::assessment::{self, Parsed};
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Level, Subject, rules as catalogue};
use crate::error::{Error, Outcome};
use crate::lint::text::normalized;
use crate::lint::{FileLint, Linter};
use crate::source::{Pos, Source};

pub use document::Document;
use workspace::Workspace;

/// JSON-RPC and LSP error codes.
mod code {
    pub const PARSE_ERROR: i64 = -32700;
    pub const INVALID_REQUEST: i64 = -32600;
    pub const METHOD_NOT_FOUND: i64 = -32601;
    pub const INVALID_PARAMS: i64 = -32602;
    pub const INTERNAL_ERROR: i64 = -32603;
    pub const SERVER_NOT_INITIALIZED: i64 = -32002;
}

/// A request's failure: a JSON-RPC error code and message.
type Failure = (i64, String);

/// Runs the server on stdin and stdout until `exit`. The outcome is exit
/// code 0 when `shutdown` came first, 1 otherwise, as the protocol asks.
pub fn run(explicit_config: Option<&Path>, out: &mut dyn Write) -> Result<Outcome, Error> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut server = Server::new(explicit_config, cwd, out);
    server.serve(&mut input)
}

/// Where the server stands in the protocol's lifecycle.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before `initialize`: every request but it is refused.
    Starting,
    Running,
    /// After `shutdown`: requests are refused until `exit`.
    ShutDown,
}

pub struct Server<'o> {
    out: &'o mut dyn Write,
    phase: Phase,
    explicit_config: Option<PathBuf>,
    /// The workspace's root: the client's root folder, or the working
    /// directory.
    root: PathBuf,
    config: Config,
    /// The `.mrd.yml` that could not be read, if the last load failed; its
    /// problem is published on it.
    config_problem: Option<PathBuf>,
    documents: HashMap<Uri, Document>,
    workspace: Workspace,
    /// Requests this server sent the client, for telling their responses
    /// apart.
    next_request: i64,
    /// Whether the client can be asked to watch files (dynamic registration).
    can_register_watchers: bool,
}

impl<'o> Server<'o> {
    pub fn new(
        explicit_config: Option<&Path>,
        root: PathBuf,
        out: &'o mut dyn Write,
    ) -> Server<'o> {
        Server {
            out,
            phase: Phase::Starting,
            explicit_config: explicit_config.map(Path::to_path_buf),
            config: Config::defaults(&root),
            root,
            config_problem: None,
            documents: HashMap::new(),
            workspace: Workspace::default(),
            next_request: 1,
            can_register_watchers: false,
        }
    }

    fn serve(&mut self, input: &mut impl BufRead) -> Result<Outcome, Error> {
        loop {
            let frame = match transport::read(input) {
                Ok(Some(frame)) => frame,
                // The client went away without `exit`: exit code 1.
                Ok(None) => return Ok(Outcome::Findings),
                Err(err) => {
                    return Err(Error::Usage(format!(
                        "cannot read the client's messages: {err}"
                    )));
                }
            };
            let message = match frame {
                transport::Frame::Json(value) => value,
                transport::Frame::Malformed(reason) => {
                    self.send_error(Value::Null, code::PARSE_ERROR, reason)?;
                    continue;
                }
            };
            if let Some(exit) = self.handle(message)? {
                return Ok(exit);
            }
        }
    }

    /// Handles one message; `Some` when it was `exit`.
    fn handle(&mut self, message: Value) -> Result<Option<Outcome>, Error> {
        let method = message
            .get("method")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let id = message.get("id").cloned();
        let params = message.get("params").cloned().unwrap_or(Value::Null);
        match (method, id) {
            (Some(method), Some(id)) => {
                let result = self.request(&method, params);
                match result {
                    Ok(value) => self.send(json!({"jsonrpc": "2.0", "id": id, "result": value}))?,
                    Err((code, message)) => self.send_error(id, code, message)?,
                }
                Ok(None)
            }
            (Some(method), None) => {
                if method == notif::Exit::METHOD {
                    return Ok(Some(if self.phase == Phase::ShutDown {
                        Outcome::Success
                    } else {
                        Outcome::Findings
                    }));
                }
                if self.phase == Phase::Running {
                    self.guarded(|server| server.notification(&method, params));
                }
                Ok(None)
            }
            // A response to a request of ours (the watcher registration).
            (None, Some(_))
                if message.get("result").is_some() || message.get("error").is_some() =>
            {
                Ok(None)
            }
            (None, id) => {
                self.send_error(
                    id.unwrap_or(Value::Null),
                    code::INVALID_REQUEST,
                    "a message needs a `method` (a request or notification) or a `result` (a response)"
                        .into(),
                )?;
                Ok(None)
            }
        }
    }

    /// Runs `work`, turning a panic into a logged message: one bad document
    /// must not take the server, and every other open file, down with it.
    fn guarded<T>(&mut self, work: impl FnOnce(&mut Server<'o>) -> T) -> Option<T> {
        match std::panic::catch_unwind(AssertUnwindSafe(|| work(self))) {
            Ok(value) => Some(value),
            Err(_) => {
                let _ = self.log("mrd lsp: an internal error was caught; the server goes on");
                None
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Result<Value, Failure> {
        match (self.phase, method) {
            (Phase::Starting, req::Initialize::METHOD) => {}
            (Phase::Starting, _) => {
                return Err((
                    code::SERVER_NOT_INITIALIZED,
                    format!("`{method}` before `initialize`"),
                ));
            }
            (_, req::Initialize::METHOD) => {
                return Err((
                    code::INVALID_REQUEST,
                    "`initialize` was already sent".into(),
                ));
            }
            (Phase::ShutDown, _) => {
                return Err((
                    code::INVALID_REQUEST,
                    format!("`{method}` after `shutdown`; only `exit` is expected"),
                ));
            }
            (Phase::Running, _) => {}
        }
        self.guarded(|server| server.dispatch(method, params))
            .unwrap_or_else(|| Err((code::INTERNAL_ERROR, format!("`{method}` failed"))))
    }

    fn dispatch(&mut self, method: &str, params: Value) -> Result<Value, Failure> {
        fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, Failure> {
            serde_json::from_value(params).map_err(|err| (code::INVALID_PARAMS, err.to_string()))
        }
        fn result(value: impl serde::Serialize) -> Result<Value, Failure> {
            serde_json::to_value(value).map_err(|err| (code::INTERNAL_ERROR, err.to_string()))
        }
        match method {
            req::Initialize::METHOD => result(self.initialize(parse(params)?)),
            req::Shutdown::METHOD => {
                self.phase = Phase::ShutDown;
                Ok(Value::Null)
            }
            req::HoverRequest::METHOD => result(features::hover(self, parse(params)?)),
            req::Completion::METHOD => result(features::completion(self, parse(params)?)),
            req::CodeActionRequest::METHOD => result(features::code_actions(self, parse(params)?)),
            req::DocumentSymbolRequest::METHOD => result(features::symbols(self, parse(params)?)),
            _ => Err((
                code::METHOD_NOT_FOUND,
                format!("mrd lsp does not handle `{method}`"),
            )),
        }
    }

    fn notification(&mut self, method: &str, params: Value) {
        fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Option<T> {
            serde_json::from_value(params).ok()
        }
        match method {
            notif::Initialized::METHOD => self.register_watchers(),
            notif::DidOpenTextDocument::METHOD => {
                if let Some(p) = parse::<DidOpenTextDocumentParams>(params) {
                    let doc = Document::new(p.text_document.text, p.text_document.version);
                    self.documents.insert(p.text_document.uri.clone(), doc);
                    self.publish(&p.text_document.uri);
                }
            }
            notif::DidChangeTextDocument::METHOD => {
                if let Some(p) = parse::<DidChangeTextDocumentParams>(params)
                    && let Some(doc) = self.documents.get_mut(&p.text_document.uri)
                {
                    doc.apply(p.content_changes, p.text_document.version);
                    self.publish(&p.text_document.uri);
                }
            }
            notif::DidSaveTextDocument::METHOD => {
                // What is saved changes the backlog other files are compared
                // with: titles, milestones, labels.
                self.workspace.refresh(&self.config, &self.root);
                self.publish_all();
            }
            notif::DidCloseTextDocument::METHOD => {
                if let Some(p) = parse::<DidCloseTextDocumentParams>(params) {
                    self.documents.remove(&p.text_document.uri);
                    // An editor clears a closed file's problems only when told.
                    self.send_diagnostics(p.text_document.uri, Vec::new(), None);
                }
            }
            notif::DidChangeWatchedFiles::METHOD => {
                if let Some(p) = parse::<DidChangeWatchedFilesParams>(params) {
                    self.watched_files_changed(p);
                }
            }
            // `$/cancelRequest`, `$/setTrace` and anything else: nothing to do.
            _ => {}
        }
    }

    fn initialize(&mut self, params: InitializeParams) -> InitializeResult {
        #[allow(deprecated)] // root_uri: older clients send only it
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|folders| folders.first())
            .and_then(|folder| uri::to_path(&folder.uri))
            .or_else(|| params.root_uri.as_ref().and_then(uri::to_path));
        if let Some(root) = root {
            self.root = root;
        }
        self.can_register_watchers = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.phase = Phase::Running;
        self.load_config();
        self.workspace.refresh(&self.config, &self.root);
        InitializeResult {
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![":".into(), " ".into()]),
                    ..Default::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                document_symbol_provider: Some(OneOf::Left(true)),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "mrd".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        }
    }

    /// Asks the client to tell us when `.mrd.yml` or an assessment changes
    /// on disk, when it can be asked.
    fn register_watchers(&mut self) {
        if !self.can_register_watchers {
            return;
        }
        let id = self.next_request;
        self.next_request += 1;
        let registration = json!({
            "registrations": [{
                "id": "mrd-watched-files",
                "method": notif::DidChangeWatchedFiles::METHOD,
                "registerOptions": {
                    "watchers": [
                        {"globPattern": format!("**/{}", config::FILE_NAME)},
                        {"globPattern": "**/*.md"},
                    ]
                }
            }]
        });
        let _ = self.send(json!({
            "jsonrpc": "2.0",
            "id": format!("mrd-{id}"),
            "method": req::RegisterCapability::METHOD,
            "params": registration,
        }));
    }

    fn watched_files_changed(&mut self, params: DidChangeWatchedFilesParams) {
        let config_changed = params.changes.iter().any(|change| {
            uri::to_path(&change.uri)
                .is_some_and(|p| p.file_name().is_some_and(|n| n == config::FILE_NAME))
        });
        if config_changed {
            self.load_config();
        }
        self.workspace.refresh(&self.config, &self.root);
        self.publish_all();
    }

    /// Reads the workspace's `.mrd.yml` (or `--config`); while it cannot be
    /// read, its problem is shown on it and the defaults are used.
    fn load_config(&mut self) {
        if let Some(previous) = self.config_problem.take()
            && let Some(uri) = uri::from_path(&previous)
        {
            self.send_diagnostics(uri, Vec::new(), None);
        }
        match Config::load(self.explicit_config.as_deref(), &self.root) {
            Ok(mut config) => {
                if config.assessments_dir.is_relative() {
                    config.assessments_dir = self.root.join(&config.assessments_dir);
                }
                self.config = config;
            }
            Err(err) => {
                let problem = err.problem();
                let source = problem.source.unwrap_or_else(|| Source::from_text("", ""));
                let doc = Document::new(source.text.clone(), 0);
                let diagnostic = self.to_lsp(&doc, &problem.diagnostic);
                if let Some(uri) = uri::from_path(&err.path) {
                    self.send_diagnostics(uri, vec![diagnostic], None);
                }
                self.config_problem = Some(err.path.clone());
                self.config = Config::defaults(&self.root);
                self.config.assessments_dir = self.root.join(&self.config.assessments_dir);
            }
        }
    }

    /// The name a document's findings carry: its path from the workspace's
    /// root, as `mrd lint` run there would print it.
    fn name_of(&self, uri: &Uri) -> String {
        match uri::to_path(uri) {
            Some(path) => path
                .strip_prefix(&self.root)
                .unwrap_or(&path)
                .display()
                .to_string(),
            None => uri.as_str().to_string(),
        }
    }

    /// Whether a document is an assessment: under the assessments
    /// directory (but its README), or with front-matter holding `answers`
    /// or a `recommendation` (any other Markdown file in the workspace is
    /// left alone).
    fn is_assessment(&self, uri: &Uri, text: &str) -> bool {
        let path = uri::to_path(uri);
        // The README `mrd init` leaves in the assessments directory is not
        // an assessment, as `mrd lint` on the directory skips it.
        let readme = path
            .as_ref()
            .and_then(|p| p.file_name())
            .is_some_and(|name| name.to_string_lossy().eq_ignore_ascii_case("README.md"));
        if !readme && path.is_some_and(|p| p.starts_with(&self.config.assessments_dir)) {
            return true;
        }
        let Ok(split) = assessment::split(text) else {
            return false;
        };
        split.yaml.lines().any(|line| {
            line.starts_with("answers:")
                || line.starts_with("recommendation:")
                || line.starts_with("title:") && split.yaml.contains("\nstatus:")
        })
    }

    /// Lints a document as it is now: the reading of its text, and the
    /// findings (with those kept from its last readable version while it
    /// cannot be read).
    fn lint(&mut self, uri: &Uri) -> Option<(Source, Parsed, FileLint)> {
        let name = self.name_of(uri);
        let doc = self.documents.get(uri)?;
        if !self.is_assessment(uri, &doc.text) {
            self.documents.get_mut(uri)?.title = None;
            return None;
        }
        let source = Source::from_text(name, doc.text.as_str());
        let parsed = assessment::parse(&source);
        let linter = Linter::new(&self.config.questions, &self.config.lint);
        let mut lint = linter.lint(&source, &parsed);
        let doc = self.documents.get_mut(uri)?;
        if parsed.assessment.is_some() {
            doc.last_readable = lint.diagnostics.clone();
        } else {
            let reading = [
                &catalogue::INVALID_FRONT_MATTER,
                &catalogue::MISSING_FRONT_MATTER,
            ];
            lint.diagnostics.extend(
                doc.last_readable
                    .iter()
                    .filter(|d| !d.id.rule().is_some_and(|r| reading.contains(&r)))
                    .cloned()
                    .map(|d| d.note("from the last version whose front-matter could be read")),
            );
        }
        let title = lint
            .title
            .as_ref()
            .map(|t| (t.pos, normalized(&t.value)))
            .filter(|(_, key)| !key.is_empty());
        doc.title = title.as_ref().map(|(_, key)| key.clone());
        if let Some((pos, key)) = title
            && let Some(duplicate) = self.duplicate_title(uri, pos, &key)
        {
            lint.diagnostics.push(duplicate);
        }
        Some((source, parsed, lint))
    }

    /// duplicate-title across the workspace: the other assessments, open
    /// (as the editor has them) or saved, with the same title. Every file
    /// sharing it is told, each naming the others.
    fn duplicate_title(&self, uri: &Uri, pos: Pos, key: &str) -> Option<Diagnostic> {
        let level = self.config.lint.level_of(&catalogue::DUPLICATE_TITLE)?;
        let open: Vec<PathBuf> = self.documents.keys().filter_map(uri::to_path).collect();
        let mut others: Vec<String> = self
            .documents
            .iter()
            .filter(|(other, doc)| *other != uri && doc.title.as_deref() == Some(key))
            .map(|(other, _)| format!("{} (open)", self.name_of(other)))
            .collect();
        let this = uri::to_path(uri);
        others.extend(
            self.workspace
                .titled(key, this.as_deref(), &open, &self.root),
        );
        if others.is_empty() {
            return None;
        }
        others.sort();
        let mut d = Diagnostic::rule(
            &catalogue::DUPLICATE_TITLE,
            pos,
            "this title is already used by another assessment",
        )
        .help(format!(
            "{} {} the same title; give each opportunity its own name so issues and summaries can tell them apart",
            others.join(", "),
            if others.len() == 1 { "has" } else { "have" }
        ))
        .about(Subject::Title);
        d.level = level;
        Some(d)
    }

    fn publish(&mut self, uri: &Uri) {
        let findings = self
            .lint(uri)
            .map(|(_, _, lint)| lint.diagnostics)
            .unwrap_or_default();
        let Some(doc) = self.documents.get(uri) else {
            return;
        };
        let diagnostics = findings.iter().map(|d| self.to_lsp(doc, d)).collect();
        let version = Some(doc.version);
        self.send_diagnostics(uri.clone(), diagnostics, version);
    }

    fn publish_all(&mut self) {
        let uris: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.publish(&uri);
        }
    }

    /// A finding as the editor shows it: a UTF-16 range, the rule's code
    /// and a link to its documentation, the help and notes after the message.
    fn to_lsp(&self, doc: &Document, d: &Diagnostic) -> lsp_types::Diagnostic {
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        for note in &d.notes {
            message.push_str(&format!("\nnote: {note}"));
        }
        lsp_types::Diagnostic {
            range: d.span.map(|pos| doc.range(pos)).unwrap_or_default(),
            severity: Some(match d.level {
                Level::Error => DiagnosticSeverity::ERROR,
                Level::Warning => DiagnosticSeverity::WARNING,
            }),
            code: d.id.code().map(|c| NumberOrString::String(c.into())),
            code_description: d.id.rule().and_then(|rule| {
                Some(CodeDescription {
                    href: Uri::from_str(&rule.docs_url()).ok()?,
                })
            }),
            source: Some("mrd".into()),
            message,
            ..Default::default()
        }
    }

    fn send_diagnostics(
        &mut self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        let _ = self.send(json!({
            "jsonrpc": "2.0",
            "method": notif::PublishDiagnostics::METHOD,
            "params": params,
        }));
    }

    fn log(&mut self, message: &str) -> Result<(), Error> {
        self.send(json!({
            "jsonrpc": "2.0",
            "method": notif::LogMessage::METHOD,
            "params": {"type": 1, "message": message},
        }))
    }

    fn send_error(&mut self, id: Value, code: i64, message: String) -> Result<(), Error> {
        self.send(json!({
            "jsonrpc": "2.0",
            "id": id,
            "error": {"code": code, "message": message},
        }))
    }

    fn send(&mut self, message: Value) -> Result<(), Error> {
        transport::write(self.out, &message).map_err(Error::Output)
    }
}
