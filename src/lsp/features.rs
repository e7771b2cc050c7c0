//! What the server answers besides diagnostics: code actions (the fixes of
//! `lint::fix`), hover (a question's text and guidance, a rule's
//! documentation), completion (answer keys, the values of `status`,
//! `decision` and confidence, the backlog's milestones and labels) and the
//! document's outline.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CompletionItem,
    CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit, DocumentSymbol,
    DocumentSymbolParams, DocumentSymbolResponse, Hover, HoverContents, HoverParams, MarkupContent,
    MarkupKind, SymbolKind, TextEdit, WorkspaceEdit,
};

use super::{Document, Server};
use crate::assessment::{Choice, Confidence, Decision, Status, TOP_LEVEL_KEYS};
use crate::date::Date;
use crate::diagnostic::Rule;
use crate::lint::fix::{Effect, Fix, Fixer, Safety, minimal_edit};
use crate::questions::Question;
use crate::source::Pos;

/// The fixes for the findings in the requested range, then the assists
/// that are not about a finding. A fix offered for several findings (the
/// skeleton, for each missing answer) is offered once.
pub fn code_actions(
    server: &mut Server<'_>,
    params: CodeActionParams,
) -> Option<Vec<CodeActionOrCommand>> {
    let uri = params.text_document.uri;
    let (source, parsed, lint) = server.lint(&uri)?;
    let doc = server.documents.get(&uri)?;
    let (start, end) = (doc.offset(params.range.start), doc.offset(params.range.end));
    let fixer = Fixer::new(&source, &parsed, &server.config.questions);
    let mut actions: Vec<CodeAction> = Vec::new();
    let mut offer = |fix: Fix, diagnostic: Option<lsp_types::Diagnostic>| {
        if let Some(same) = actions.iter_mut().find(|a| a.title == fix.title) {
            same.diagnostics
                .get_or_insert_with(Vec::new)
                .extend(diagnostic);
            return;
        }
        let (range, text) = minimal_edit(&source.text, &fix.text);
        let edit = TextEdit {
            range: doc.range(Pos::new(range.start, range.end - range.start)),
            new_text: text.to_string(),
        };
        actions.push(CodeAction {
            title: match fix.safety {
                Safety::Safe => fix.title,
                Safety::Unsafe => format!("{} (changes what mrd reads)", fix.title),
            },
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: diagnostic.map(|d| vec![d]),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..Default::default()
            }),
            is_preferred: Some(fix.effect == Effect::Resolves && fix.safety == Safety::Safe),
            ..Default::default()
        });
    };
    for finding in &lint.diagnostics {
        let span = finding.span.unwrap_or_default();
        if span.offset > end || span.end() < start {
            continue;
        }
        for fix in fixer.for_finding(finding) {
            offer(fix, Some(server.to_lsp(doc, finding)));
        }
    }
    for fix in fixer.assists(Date::today()) {
        offer(fix, None);
    }
    Some(
        actions
            .into_iter()
            .map(CodeActionOrCommand::CodeAction)
            .collect(),
    )
}

/// On a question's key (under `answers:` or `confidence:`, or
/// `recommendation:`): the question. On a finding: its rule's documentation.
pub fn hover(server: &mut Server<'_>, params: HoverParams) -> Option<Hover> {
    let position = params.text_document_position_params;
    let uri = position.text_document.uri;
    let (_, parsed, lint) = server.lint(&uri)?;
    let doc = server.documents.get(&uri)?;
    let offset = doc.offset(position.position);
    let within = |pos: Pos| pos.offset <= offset && offset <= pos.end();
    let mut sections = Vec::new();
    let mut range = None;
    if let Some(a) = &parsed.assessment {
        let front = &a.front;
        let key = front
            .answers
            .iter()
            .map(|a| &a.key)
            .chain(front.confidence.iter().map(|c| &c.key))
            .find(|key| within(key.pos))
            .map(|key| (key.value.as_str(), key.pos))
            .or_else(|| {
                let pos = front.key_pos("recommendation")?;
                within(pos).then_some(("recommendation", pos))
            });
        if let Some((key, pos)) = key
            && let Some(question) = server.config.questions.get(key)
        {
            sections.push(question_markdown(question, server.config.questions.len()));
            range = Some(doc.range(pos));
        }
    }
    let mut seen: Vec<&'static str> = Vec::new();
    for finding in &lint.diagnostics {
        if let (Some(rule), Some(span)) = (finding.id.rule(), finding.span)
            && within(span)
            && !seen.contains(&rule.code)
        {
            seen.push(rule.code);
            sections.push(rule_markdown(rule));
            range.get_or_insert(doc.range(span));
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range,
    })
}

fn question_markdown(q: &Question, total: usize) -> String {
    let optional = if q.required { "" } else { " (optional)" };
    let mut out = format!(
        "**{}** · `{}` · question {} of {total}{optional}\n\n{}\n\n{}",
        q.short_name, q.key, q.number, q.text, q.guidance
    );
    if !q.example.trim().is_empty() {
        out.push_str(&format!("\n\n*Example:* {}", q.example.trim()));
    }
    out
}

fn rule_markdown(rule: &Rule) -> String {
    format!(
        "**{} {}** ({})\n\n{}\n\n**Why:** {}\n\n**Instead:**\n\n```yaml\n{}\n```\n\n[Documentation]({})",
        rule.code,
        rule.name,
        rule.level.as_str(),
        rule.summary,
        rule.why,
        rule.instead,
        rule.docs_url()
    )
}

/// What is being typed at the cursor, read from the front-matter's lines:
/// the mapping it is in and the key it is the value of, if any.
struct Place<'t> {
    /// The top-level key whose block the cursor is in (`None` at the top).
    parent: Option<&'t str>,
    /// The key before the cursor on this line, when typing its value.
    key: Option<&'t str>,
    /// Where the word being typed at the cursor starts: a completion
    /// replaces it.
    word_start: usize,
    indent: usize,
}

fn place(text: &str, offset: usize) -> Option<Place<'_>> {
    let split = crate::assessment::split(text).ok()?;
    let fence = split.yaml_offset + split.yaml.len();
    if offset < split.yaml_offset || offset > fence {
        return None;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let indent = before.len() - before.trim_start_matches(' ').len();
    let word_len = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .map(char::len_utf8)
        .sum::<usize>();
    let word_start = offset - word_len;
    let key = before
        .split_once(':')
        .map(|(key, _)| key.trim().trim_start_matches("- ").trim());
    let parent = (indent > 0 || before.trim_start().starts_with('-'))
        .then(|| {
            text[split.yaml_offset..line_start]
                .lines()
                .rev()
                .find(|l| !l.starts_with([' ', '#', '-']) && !l.trim().is_empty())
                .and_then(|l| l.split_once(':'))
                .map(|(k, _)| k.trim())
        })
        .flatten();
    Some(Place {
        parent,
        key,
        word_start,
        indent,
    })
}

pub fn completion(server: &mut Server<'_>, params: CompletionParams) -> Option<CompletionResponse> {
    let position = params.text_document_position;
    let uri = position.text_document.uri;
    let doc = server.documents.get(&uri)?;
    let offset = doc.offset(position.position);
    let place = place(&doc.text, offset)?;
    let questions = &server.config.questions;
    let front = crate::assessment::parse(&crate::source::Source::from_text("", doc.text.as_str()))
        .assessment
        .map(|a| a.front);
    let item =
        |label: &str, detail: &str, insert: String, kind: CompletionItemKind| CompletionItem {
            label: label.to_string(),
            kind: Some(kind),
            detail: (!detail.is_empty()).then(|| detail.to_string()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: doc.range(Pos::new(place.word_start, offset - place.word_start)),
                new_text: insert,
            })),
            ..Default::default()
        };
    let values = |choices: &[&str], detail: &str| -> Vec<CompletionItem> {
        choices
            .iter()
            .map(|v| item(v, detail, v.to_string(), CompletionItemKind::ENUM_MEMBER))
            .collect()
    };
    let items: Vec<CompletionItem> = match (place.parent, place.key) {
        (None, Some("status")) => values(&choices::<Status>(), "status"),
        (Some("recommendation"), Some("decision")) => values(&choices::<Decision>(), "decision"),
        (Some("confidence"), Some(_)) => values(&choices::<Confidence>(), "confidence"),
        (None, Some("milestone")) => {
            let used: Vec<&str> = server
                .workspace
                .milestones
                .iter()
                .map(String::as_str)
                .collect();
            values(&used, "milestone used in the backlog")
        }
        (Some("labels"), _) | (None, Some("labels")) => {
            let present: Vec<String> = front
                .as_ref()
                .map(|f| f.labels.iter().map(|l| l.value.clone()).collect())
                .unwrap_or_default();
            let used: Vec<&str> = server
                .workspace
                .labels
                .iter()
                .filter(|l| !present.contains(l))
                .map(String::as_str)
                .collect();
            values(&used, "label used in the backlog")
        }
        (Some(parent @ ("answers" | "confidence")), None) => {
            // An answer is Markdown: its key opens a block on the next
            // line; a confidence is one word after the key.
            let after = match parent {
                "answers" => format!("|\n{}", " ".repeat(place.indent + 2)),
                _ => String::new(),
            };
            let present = block_keys(&doc.text, parent);
            questions
                .answer_questions()
                .filter(|q| !present.contains(&q.key.as_str()))
                .map(|q| {
                    let insert = format!("{}: {after}", q.key);
                    item(&q.key, &q.text, insert, CompletionItemKind::FIELD)
                })
                .collect()
        }
        (None, None) if place.indent == 0 => TOP_LEVEL_KEYS
            .iter()
            .filter(|k| front.as_ref().is_none_or(|f| f.key_pos(k).is_none()))
            .map(|k| item(k, "", format!("{k}: "), CompletionItemKind::PROPERTY))
            .collect(),
        _ => Vec::new(),
    };
    Some(CompletionResponse::Array(items))
}

/// The keys of the top-level block `parent`, read from the lines of the
/// front-matter, so that they are known while the YAML is half typed and
/// cannot be parsed: the keys at the indentation of its first child.
fn block_keys<'t>(text: &'t str, parent: &str) -> Vec<&'t str> {
    let Ok(split) = crate::assessment::split(text) else {
        return Vec::new();
    };
    let mut lines = split
        .yaml
        .lines()
        .skip_while(|l| l.split_once(':').is_none_or(|(k, _)| k != parent))
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .take_while(|l| l.starts_with(' '))
        .peekable();
    let Some(first) = lines.peek() else {
        return Vec::new();
    };
    let indent = first.len() - first.trim_start().len();
    lines
        .filter(|l| l.len() - l.trim_start().len() == indent)
        .filter_map(|l| l.trim_start().split_once(':').map(|(k, _)| k.trim()))
        .collect()
}

fn choices<C: Choice>() -> Vec<&'static str> {
    C::ALL.iter().map(|(_, name)| *name).collect()
}

/// The outline: each answer under the question's short name, then the
/// recommendation.
pub fn symbols(
    server: &mut Server<'_>,
    params: DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    let doc: &Document = server.documents.get(&params.text_document.uri)?;
    let source = crate::source::Source::from_text("", doc.text.as_str());
    let front = crate::assessment::parse(&source).assessment?.front;
    let questions = &server.config.questions;
    #[allow(deprecated)] // `deprecated` is a required field of the struct
    let symbol = |name: String, detail: Option<String>, key: Pos, end: usize| DocumentSymbol {
        name,
        detail,
        kind: SymbolKind::FIELD,
        tags: None,
        deprecated: None,
        range: doc.range(Pos::new(key.offset, end.max(key.end()) - key.offset)),
        selection_range: doc.range(key),
        children: None,
    };
    let mut out: Vec<DocumentSymbol> = front
        .answers
        .iter()
        .map(|a| {
            let (name, detail) = match questions.get(&a.key.value) {
                Some(q) => (q.short_name.clone(), Some(q.text.clone())),
                None => (a.key.value.clone(), None),
            };
            symbol(name, detail, a.key.pos, a.text.pos.end())
        })
        .collect();
    if let Some(rec) = &front.recommendation {
        let question = questions.recommendation();
        let end = [
            rec.decision.as_ref().map(|d| d.pos.end()),
            rec.rationale.as_ref().map(|r| r.pos.end()),
            rec.conditions.last().map(|c| c.pos.end()),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(rec.pos.end());
        out.push(symbol(
            question.map_or("Recommendation".into(), |q| q.short_name.clone()),
            question.map(|q| q.text.clone()),
            rec.pos,
            end,
        ));
    }
    Some(DocumentSymbolResponse::Nested(out))
}
