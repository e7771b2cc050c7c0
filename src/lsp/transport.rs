//! The Language Server Protocol's framing over stdio: a `Content-Length`
//! header, a blank line, then that many bytes of JSON.
//!
//! mrd frames messages itself rather than through `lsp-server` because a
//! malformed message must never end the server: `lsp-server`'s reader
//! thread stops at the first body that is not JSON. Here a bad body is
//! skipped whole (its length is known) and reported back as a JSON-RPC
//! parse error, and the next message is read as usual.

use std::io::{self, BufRead, Read, Write};

use serde_json::Value;

/// The largest message read; a larger one is skipped unread. An editor
/// sends a document's whole text at most, and assessments are far smaller.
const MAX_MESSAGE: usize = 256 * 1024 * 1024;

/// What the next frame held.
pub enum Frame {
    /// A JSON value (whether it is a valid JSON-RPC message is the caller's
    /// question).
    Json(Value),
    /// A frame whose header or body could not be read; the reason, for the
    /// parse-error response.
    Malformed(String),
}

/// Reads the next frame; `None` at the end of the input.
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut bad_header: Option<String> = None;
    let mut line = String::new();
    let mut any = false;
    loop {
        line.clear();
        let read = read_header_line(input, &mut line)?;
        if read == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if any {
                break;
            }
            // Blank lines between messages are tolerated.
            continue;
        }
        any = true;
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            // Content-Type and any other header are accepted and ignored.
            Some(_) => {}
            None => bad_header = Some(format!("not a header: `{header}`")),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Frame::Malformed(
            bad_header.unwrap_or_else(|| "no Content-Length header".into()),
        )));
    };
    if length > MAX_MESSAGE {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Some(Frame::Malformed(format!(
            "a message of {length} bytes is larger than the {MAX_MESSAGE} bytes read"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    if let Some(reason) = bad_header {
        return Ok(Some(Frame::Malformed(reason)));
    }
    Ok(Some(match serde_json::from_slice(&body) {
        Ok(value) => Frame::Json(value),
        Err(err) => Frame::Malformed(format!("the message is not JSON: {err}")),
    }))
}

/// One header line, bounded so that a stream with no line endings cannot
/// grow it without end.
fn read_header_line(input: &mut impl BufRead, line: &mut String) -> io::Result<usize> {
    let mut bytes = Vec::new();
    let read = input.take(64 * 1024).read_until(b'\n', &mut bytes)?;
    line.push_str(&String::from_utf8_lossy(&bytes));
    Ok(read)
}

/// Writes one message, framed, and flushes it.
pub fn write(output: &mut dyn Write, message: &Value) -> io::Result<()> {
    let body = serde_json::to_string(message)?;
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Result<Value, String>> {
        let mut reader = io::BufReader::new(input.as_bytes());
        let mut out = Vec::new();
        while let Some(frame) = read(&mut reader).unwrap() {
            out.push(match frame {
                Frame::Json(v) => Ok(v),
                Frame::Malformed(m) => Err(m),
            });
        }
        out
    }

    #[test]
    fn a_bad_body_is_skipped_and_the_next_message_read() {
        let got = frames(
            "Content-Length: 5\r\n\r\n{nope\
             Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}\
             Content-Length: x\r\n\r\n\
             Content-Length: 4\r\n\r\nnull",
        );
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].as_ref().unwrap_err().contains("not JSON"));
        assert_eq!(got[1], Ok(serde_json::json!({})));
        assert!(got[2].as_ref().unwrap_err().contains("bad Content-Length"));
        assert_eq!(got[3], Ok(Value::Null));
    }
}
