//! `mrd lsp` through the real binary: a client speaking Content-Length
//! framed JSON-RPC on its stdin and stdout, as an editor does. Every wait
//! is for a message (with a generous bound so a broken server fails the
//! test instead of hanging it), never a fixed sleep.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{Scratch, example};

/// How long a message may take before the test fails: far above what any
/// message takes, only there so a hang becomes a failure.
const PATIENCE: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests read while waiting for something else.
    seen: Vec<Value>,
}

impl Client {
    fn start(scratch: &Scratch) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mrd"))
            .arg("lsp")
            .current_dir(scratch.path())
            .env("NO_COLOR", "1")
            .env("MRD_TODAY", "2026-11-20")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("mrd lsp starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = Some(n.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                let value: Value = serde_json::from_slice(&body).expect("the server sends JSON");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            messages,
            next_id: 1,
            seen: Vec::new(),
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its response (`result` or `error`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// The first message, from those already read or still to come, that
    /// `wanted` accepts.
    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&wanted) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.seen.push(message),
                Err(RecvTimeoutError::Timeout) => panic!("no such message; seen: {:#?}", self.seen),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output; seen: {:#?}", self.seen)
                }
            }
        }
    }

    /// The diagnostics published for `uri` at document version `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// The next diagnostics published for `uri`, whatever the version.
    fn next_diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, scratch: &Scratch, watch: bool) -> Value {
        let root = uri_of(scratch.path());
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "capabilities": {
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": watch}},
                    "textDocument": {"publishDiagnostics": {"versionSupport": true}}
                },
                "workspaceFolders": [{"uri": root, "name": "scratch"}]
            }),
        );
        self.notify("initialized", json!({}));
        response
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// Sends `shutdown` and `exit`; the server's exit code.
    fn shut_down(mut self) -> i32 {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        self.exit_code()
    }

    fn exit_code(&mut self) -> i32 {
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().expect("exited, not killed");
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri_of(path: &std::path::Path) -> String {
    let mut out = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The managed-scheduler example, complete and clean, with edits.
fn scheduler() -> String {
    std::fs::read_to_string(example("managed-scheduler.md")).unwrap()
}

/// (code, start line, start character, end character) of each diagnostic.
fn found(diagnostics: &[Value]) -> Vec<(String, u64, u64, u64)> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
                d["range"]["end"]["character"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The position (line, UTF-16 character) of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (u64, u64) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in text"));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count() as u64;
    (line, text[line_start..offset].encode_utf16().count() as u64)
}

/// Applies a response's text edits for `uri` to `text`, as an editor does.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| {
        let line = pos["line"].as_u64().unwrap() as usize;
        let character = pos["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<_> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

#[test]
fn initialize_publishes_diagnostics_with_utf16_ranges_codes_and_links_then_shuts_down() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    let response = client.initialize(&scratch, false);
    let caps = &response["result"]["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental: {caps}");
    assert_eq!(caps["hoverProvider"], true);
    assert!(caps["completionProvider"].is_object());
    assert!(caps["codeActionProvider"].is_object());
    assert_eq!(response["result"]["serverInfo"]["name"], "mrd");

    // An unknown key after an emoji and an accented letter on its line: its
    // column counts UTF-16 units (the emoji is two), not bytes or characters.
    let text = scheduler();
    let start = text.find("confidence:\n").unwrap();
    let end = text.find("recommendation:\n").unwrap();
    let text = format!(
        "{}confidence: {{problem: high, \"😀 é\": low, problme: high}}\n{}",
        &text[..start],
        &text[end..]
    );
    let uri = uri_of(&scratch.path().join("assessments/scheduler.md"));
    client.open(&uri, &text);
    let diagnostics = client.diagnostics(&uri, 1);
    let (line, emoji) = position_of(&text, "\"😀 é\"");
    let (_, misspelt) = position_of(&text, "problme");
    assert_eq!(misspelt, emoji + 13, "the emoji counts two UTF-16 units");
    assert_eq!(
        found(&diagnostics),
        vec![
            ("MRD013".into(), line, emoji, emoji + 6),
            ("MRD013".into(), line, misspelt, misspelt + 7)
        ],
        "{diagnostics:#?}"
    );
    let d = &diagnostics[0];
    assert_eq!(d["severity"], 2, "a warning");
    assert_eq!(d["source"], "mrd");
    assert_eq!(
        d["codeDescription"]["href"],
        "https://github.com/mrd-cli/mrd/blob/main/docs/lint.md#mrd013-unknown-key"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("unknown key `😀 é` in `confidence`")
    );

    // The same file with the emoji inside a title: the finding after it on
    // the line starts where the editor counts.
    let text = scheduler().replacen(
        "title: Managed scheduler for self-hosted pipelines",
        "title: 😀 café\n😀x: 1",
        1,
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let diagnostics = client.diagnostics(&uri, 2);
    let (line, _) = position_of(&text, "😀x: 1");
    assert_eq!(
        found(&diagnostics),
        vec![("MRD013".into(), line, 0, 3)],
        "the key `😀x` is three UTF-16 units: {diagnostics:#?}"
    );

    assert_eq!(client.shut_down(), 0);
}

#[test]
fn incremental_changes_are_applied_and_relinted() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    let text = scheduler().replacen("  problem: |", "  problme: |", 1);
    let uri = uri_of(&scratch.path().join("assessments/scheduler.md"));
    client.open(&uri, &text);
    let codes: Vec<_> = found(&client.diagnostics(&uri, 1))
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(
        codes,
        vec!["MRD003", "MRD013", "MRD010"],
        "problem is missing while misspelt, and the go is risky without it"
    );

    // Type the missing letter back: `problme` -> `problem`, two edits.
    let (line, character) = position_of(&text, "problme");
    let change = |start: u64, end: u64, new: &str| {
        json!({"range": {"start": {"line": line, "character": character + start},
                         "end": {"line": line, "character": character + end}},
               "text": new})
    };
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [change(5, 7, ""), change(5, 5, "em")]}),
    );
    assert_eq!(client.diagnostics(&uri, 2), Vec::<Value>::new());

    // A short answer typed over the first line of `problem`, incrementally.
    let (line, _) = position_of(&text, "    Teams that self-host");
    let next_line = line + 6;
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3},
               "contentChanges": [{"range": {"start": {"line": line - 1, "character": 11},
                                             "end": {"line": next_line, "character": 0}},
                                    "text": " Cron fails.\n"}]}),
    );
    let codes: Vec<_> = found(&client.diagnostics(&uri, 3))
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(codes, vec!["MRD007"], "a short answer now");
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn a_syntax_error_shows_where_it_is_and_the_earlier_findings_stay_where_they_moved() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    let text = scheduler()
        .replacen("  problme: |", "  problem: |", 1)
        .replacen(
            "milestone: \"2026-W44\"",
            "milestone: \"2026-W44\"\ncolour: blue",
            1,
        );
    let uri = uri_of(&scratch.path().join("assessments/scheduler.md"));
    client.open(&uri, &text);
    let before = found(&client.diagnostics(&uri, 1));
    let (colour_line, _) = position_of(&text, "colour:");
    assert_eq!(before, vec![("MRD013".into(), colour_line, 0, 6)]);

    // A new line with an unclosed flow sequence above it: YAML cannot be read.
    let (title_line, _) = position_of(&text, "author:");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": title_line, "character": 0},
                                             "end": {"line": title_line, "character": 0}},
                                    "text": "tags: [a, b\n"}]}),
    );
    let diagnostics = client.diagnostics(&uri, 2);
    let codes = found(&diagnostics);
    assert!(
        codes.iter().any(|c| c.0 == "MRD001"),
        "the syntax error: {diagnostics:#?}"
    );
    assert!(
        codes.contains(&("MRD013".into(), colour_line + 1, 0, 6)),
        "the unknown key, one line lower as the edit moved it: {diagnostics:#?}"
    );
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn hover_shows_the_question_on_its_key_and_the_rule_on_a_finding() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    let text = scheduler().replacen(
        "milestone: \"2026-W44\"",
        "milestone: \"2026-W44\"\ncolour: blue",
        1,
    );
    let uri = uri_of(&scratch.path().join("assessments/scheduler.md"));
    client.open(&uri, &text);
    client.diagnostics(&uri, 1);

    let (line, character) = position_of(&text, "market_size:");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character + 3}}),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(hover["result"]["contents"]["kind"], "markdown");
    assert!(value.contains("How big is the opportunity?"), "{value}");
    assert!(
        value.contains("`market_size` · question 3 of 10"),
        "{value}"
    );
    assert!(value.contains("*Example:*"), "{value}");

    let (line, _) = position_of(&text, "colour:");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 2}}),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with("**MRD013 unknown-key** (warning)"),
        "{value}"
    );
    assert!(
        value.contains("**Why:** A misspelt key is kept but never read"),
        "{value}"
    );
    assert!(value.contains("**Instead:**"), "{value}");

    // Nowhere in particular: nothing.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover["result"], Value::Null);
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn completion_offers_missing_answer_keys_values_and_the_backlogs_milestones_and_labels() {
    let scratch = Scratch::new();
    scratch.write(
        "assessments/other.md",
        "---\ntitle: Other\nmilestone: 2027-Q1\nlabels: [billing, growth]\nanswers:\n  problem: x\n---\n",
    );
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    let text = "---\ntitle: New\nstatus: \nmilestone: \nlabels: [\nanswers:\n  problem: |\n    Pain.\n  \nconfidence:\n  problem: \nrecommendation:\n  decision: \n---\n";
    let uri = uri_of(&scratch.path().join("assessments/new.md"));
    client.open(&uri, text);
    client.next_diagnostics(&uri);
    let mut complete = |line: u64, character: u64| -> Vec<Value> {
        let response = client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        response["result"].as_array().unwrap().clone()
    };
    let labels = |items: &[Value]| -> Vec<String> {
        items
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };

    assert_eq!(
        labels(&complete(2, 8)),
        ["draft", "review", "decided", "archived"]
    );
    assert_eq!(labels(&complete(12, 12)), ["go", "no-go", "undecided"]);
    assert_eq!(labels(&complete(10, 11)), ["low", "medium", "high"]);
    assert_eq!(labels(&complete(3, 11)), ["2027-Q1"]);
    // Another assessment saved with a new milestone: after a save, it is offered.
    scratch.write(
        "assessments/third.md",
        "---\ntitle: Third\nmilestone: 2027-Q2\nanswers:\n  problem: x\n---\n",
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    client.next_diagnostics(&uri);
    let mut complete = |line: u64, character: u64| -> Vec<Value> {
        let response = client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        response["result"].as_array().unwrap().clone()
    };
    assert_eq!(labels(&complete(3, 11)), ["2027-Q1", "2027-Q2"]);
    assert_eq!(labels(&complete(4, 9)), ["billing", "growth"]);

    // On the blank line in `answers:`: the keys not there yet, each with
    // its question, inserting a block scalar.
    let items = complete(8, 2);
    let keys = labels(&items);
    assert!(!keys.contains(&"problem".to_string()), "{keys:?}");
    assert_eq!(keys[0], "target_market");
    assert_eq!(keys.len(), 8, "{keys:?}");
    assert_eq!(items[0]["detail"], "For whom do we solve that problem?");
    assert_eq!(items[0]["textEdit"]["newText"], "target_market: |\n    ");
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn code_actions_rename_add_the_skeleton_allow_the_rule_and_set_decided() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    let text = scheduler()
        .replacen("status: decided", "status: review", 1)
        .replacen("  problem: |", "  problme: |", 1);
    let uri = uri_of(&scratch.path().join("assessments/scheduler.md"));
    client.open(&uri, &text);
    client.diagnostics(&uri, 1);

    let (line, character) = position_of(&text, "problme");
    let response = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}},
               "context": {"diagnostics": []}}),
    );
    let actions = response["result"].as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Rename `problme` to `problem` (changes what mrd reads)",
            "Allow MRD013 (unknown-key) in this file (changes what mrd reads)",
            "Set `status: decided` (the decision is go) (changes what mrd reads)",
        ],
        "{actions:#?}"
    );
    let edits = |i: usize| {
        actions[i]["edit"]["changes"][&uri]
            .as_array()
            .unwrap()
            .clone()
    };
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["diagnostics"][0]["code"], "MRD013");
    assert_eq!(
        apply_edits(&text, &edits(0)),
        text.replacen("  problme: |", "  problem: |", 1)
    );
    assert!(
        apply_edits(&text, &edits(1)).ends_with("lint:\n  allow: [MRD013]\n---\n")
            || apply_edits(&text, &edits(1)).contains("lint:\n  allow: [MRD013]\n---\n"),
    );
    let decided = apply_edits(&text, &edits(2));
    assert!(
        decided.contains("status: decided\ndecided: 2026-11-20\n"),
        "{decided}"
    );

    // On the missing answer's finding (at `answers:`): the skeleton.
    let (line, _) = position_of(&text, "answers:");
    let response = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 3}},
               "context": {"diagnostics": []}}),
    );
    let actions = response["result"].as_array().unwrap();
    let skeleton = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Add the missing answers")
        })
        .expect("the skeleton");
    let with = apply_edits(&text, skeleton["edit"]["changes"][&uri].as_array().unwrap());
    assert!(
        with.contains("  # Exactly what problem will this solve?\n"),
        "{with}"
    );
    assert!(with.contains("  problem: \"\"\n"), "{with}");
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn the_config_is_reloaded_when_the_client_says_it_changed() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, true);
    // The client can register watchers: the server asks it to.
    let registration = client.wait_for(|m| m["method"] == "client/registerCapability");
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/.mrd.yml", "{registration}");
    client.send(json!({"jsonrpc": "2.0", "id": registration["id"], "result": null}));

    let text = scheduler().replacen(
        "milestone: \"2026-W44\"",
        "milestone: \"2026-W44\"\ncolour: blue",
        1,
    );
    let uri = uri_of(&scratch.path().join("assessments/scheduler.md"));
    client.open(&uri, &text);
    assert_eq!(found(&client.diagnostics(&uri, 1)).len(), 1);

    let config = scratch.write(".mrd.yml", "lint:\n  rules:\n    unknown-key: allow\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&config), "type": 1}]}),
    );
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());

    // A broken config is shown on itself; the defaults apply meanwhile.
    scratch.write(".mrd.yml", "lint:\n  rules:\n    unknown-key: sometimes\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&config), "type": 2}]}),
    );
    let problems = client.next_diagnostics(&uri_of(&config));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0]["range"]["start"]["line"], 2);
    assert_eq!(found(&client.diagnostics(&uri, 1)).len(), 1);
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn a_duplicate_title_is_found_across_open_and_saved_files() {
    let scratch = Scratch::new();
    scratch.write("assessments/saved.md", &scheduler());
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    let uri = uri_of(&scratch.path().join("assessments/copy.md"));
    client.open(&uri, &scheduler());
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(found(&diagnostics), vec![("MRD014".into(), 1, 7, 50)]);
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(
        message.contains("assessments/saved.md:2 has the same title"),
        "{message}"
    );

    // A third file saved by another program: the watcher's notice rereads
    // the backlog, and both others are named.
    let third = scratch.write("assessments/third.md", &scheduler());
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&third), "type": 1}]}),
    );
    let diagnostics = client.diagnostics(&uri, 1);
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(
        message.contains("assessments/saved.md:2, assessments/third.md:2 have the same title"),
        "{message}"
    );
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn malformed_messages_unknown_methods_and_early_requests_never_stop_the_server() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    // Before initialize: refused, with the protocol's code.
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    // Not JSON: a parse error, with a null id.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let error = client.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(error["id"], Value::Null);
    client.initialize(&scratch, false);
    let unknown = client.request("mrd/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    client.notify("mrd/somethingElse", json!({}));
    let bad = client.request("textDocument/hover", json!({"wrong": true}));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    // Still answering.
    let response = client.request("shutdown", Value::Null);
    assert_eq!(response["result"], Value::Null);
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), 0);
}

#[test]
fn exit_without_shutdown_is_exit_code_1_and_so_is_the_client_going_away() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), 1);

    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    assert_eq!(client.exit_code(), 1, "stdin closed without shutdown");
}

#[test]
fn markdown_that_is_not_an_assessment_is_left_alone() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    let readme = uri_of(&scratch.path().join("assessments/README.md"));
    client.open(&readme, "# Assessments\n\nOne file per opportunity.\n");
    assert_eq!(client.diagnostics(&readme, 1), Vec::<Value>::new());
    let post = uri_of(&scratch.path().join("blog/post.md"));
    client.open(&post, "---\ntitle: A blog post\nlayout: post\n---\nHello\n");
    assert_eq!(client.diagnostics(&post, 1), Vec::<Value>::new());
    // Outside the assessments directory, front-matter with answers is one.
    let elsewhere = uri_of(&scratch.path().join("docs/idea.md"));
    client.open(
        &elsewhere,
        "---\ntitle: Idea\nanswers:\n  problme: x\n---\n",
    );
    let codes: Vec<_> = found(&client.diagnostics(&elsewhere, 1))
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert!(codes.contains(&"MRD013".to_string()), "{codes:?}");
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn the_outline_lists_each_answer_under_its_question_then_the_recommendation() {
    let scratch = Scratch::new();
    let mut client = Client::start(&scratch);
    client.initialize(&scratch, false);
    let text = scheduler();
    let uri = uri_of(&scratch.path().join("assessments/scheduler.md"));
    client.open(&uri, &text);
    client.diagnostics(&uri, 1);
    let response = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let symbols = response["result"].as_array().unwrap();
    let names: Vec<&str> = symbols
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 10, "{names:?}");
    assert_eq!(
        symbols[0]["detail"],
        "Exactly what problem will this solve?"
    );
    let (line, character) = position_of(&text, "problem: |");
    assert_eq!(
        symbols[0]["selectionRange"]["start"],
        json!({"line": line, "character": character})
    );
    let (rec_line, _) = position_of(&text, "recommendation:");
    assert_eq!(symbols[9]["range"]["start"]["line"], rec_line);
    assert_eq!(client.shut_down(), 0);
}
