//! The wire: `Content-Length` framed JSON-RPC over stdin and stdout, on two threads.
//!
//! lsp-server's own stdio transport stops reading at the first message that is not JSON
//! (and puts the message's text, which may hold a secret, in its error); this one answers
//! such a message with the protocol's `ParseError` (id `null`) and reads on. A body larger
//! than [`MAX_MESSAGE`] is skipped the same way, never buffered whole.

use std::io::{BufRead, Read, Write};
use std::sync::{Arc, Mutex};

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use lsp_server::{Connection, Message};

/// The largest message read: a document the pipeline would refuse (`parse/too-large`) plus
/// room for its JSON escapes.
pub const MAX_MESSAGE: usize = 256 * 1024 * 1024;

/// JSON-RPC's codes for a body that is not JSON, and JSON that is no message.
const PARSE_ERROR: i32 = -32700;
const INVALID_REQUEST: i32 = -32600;

/// The reader and writer threads; joined when the connection is done.
pub struct Threads {
    reader: std::thread::JoinHandle<()>,
    writer: std::thread::JoinHandle<()>,
}

impl Threads {
    /// Waits for the writer to send what is queued (the reader may still be blocked on a
    /// stdin that is never closed: it is left to the process's exit).
    pub fn join(self) {
        let _ = self.writer.join();
        drop(self.reader);
    }
}

/// A connection over `input` and `output` (stdin and stdout for `mcplint server`).
pub fn connect(
    input: impl BufRead + Send + 'static,
    output: impl Write + Send + 'static,
) -> (Connection, Threads) {
    let out = Arc::new(Mutex::new(output));
    let (to_client, outgoing): (Sender<Message>, Receiver<Message>) = unbounded();
    let (incoming, from_client) = bounded::<Message>(16);
    let writer_out = Arc::clone(&out);
    let writer = std::thread::spawn(move || {
        for message in outgoing {
            let mut body = Vec::new();
            if message.write(&mut body).is_err() {
                continue;
            }
            let mut out = writer_out.lock().unwrap_or_else(|e| e.into_inner());
            if out.write_all(&body).and_then(|()| out.flush()).is_err() {
                return;
            }
        }
    });
    let reader = std::thread::spawn(move || read_loop(input, &incoming, &out));
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        Threads { reader, writer },
    )
}

fn read_loop(mut input: impl BufRead, incoming: &Sender<Message>, out: &Mutex<impl Write>) {
    loop {
        let body = match read_frame(&mut input) {
            Frame::Body(body) => body,
            Frame::TooLarge(n) => {
                reply_error(
                    out,
                    PARSE_ERROR,
                    &format!("message of {n} bytes is too large"),
                );
                continue;
            }
            Frame::End => return,
        };
        let value: serde_json::Value = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                // The error's position only: the text may hold a secret.
                let at = format!("line {} column {}", e.line(), e.column());
                reply_error(out, PARSE_ERROR, &format!("the message is not JSON ({at})"));
                continue;
            }
        };
        let is_exit = value.get("method").and_then(|m| m.as_str()) == Some("exit");
        match serde_json::from_value::<Message>(value) {
            Ok(message) => {
                if incoming.send(message).is_err() || is_exit {
                    return;
                }
            }
            Err(_) => reply_error(
                out,
                INVALID_REQUEST,
                "not a JSON-RPC request or notification",
            ),
        }
    }
}

enum Frame {
    Body(Vec<u8>),
    TooLarge(usize),
    End,
}

/// The next framed body; a header block without `Content-Length` is skipped.
fn read_frame(input: &mut impl BufRead) -> Frame {
    loop {
        let mut length = None;
        let mut saw_header = false;
        loop {
            let mut line = Vec::new();
            match input.by_ref().take(8 * 1024).read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => return Frame::End,
                Ok(_) => {}
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((name, value)) = line.split_once(':')
                && name.trim().eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse::<usize>().ok();
            }
        }
        let Some(length) = length else { continue };
        if length > MAX_MESSAGE {
            // Skipped without being kept.
            return match std::io::copy(
                &mut input.by_ref().take(length as u64),
                &mut std::io::sink(),
            ) {
                Ok(n) if n == length as u64 => Frame::TooLarge(length),
                _ => Frame::End,
            };
        }
        let mut body = vec![0; length];
        return match input.read_exact(&mut body) {
            Ok(()) => Frame::Body(body),
            Err(_) => Frame::End,
        };
    }
}

fn reply_error(out: &Mutex<impl Write>, code: i32, message: &str) {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code, "message": message },
    })
    .to_string();
    let mut out = out.lock().unwrap_or_else(|e| e.into_inner());
    let _ = write!(out, "Content-Length: {}\r\n\r\n{body}", body.len()).and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An output the test reads back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn bad_frames_are_answered_or_skipped_and_reading_goes_on() {
        let request = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = format!(
            "{}{}X-Other: 1\r\n\r\n{}{}",
            frame("{ not json"),
            frame(r#"{"jsonrpc":"2.0","id":{"no":1}}"#),
            frame(r#"[1, 2]"#),
            frame(request),
        );
        let out = Shared::default();
        let (connection, threads) = connect(std::io::Cursor::new(input.into_bytes()), out.clone());
        let message = connection.receiver.recv().unwrap();
        assert!(matches!(message, Message::Request(r) if r.method == "shutdown"));
        drop(connection);
        threads.join();
        let written = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        assert!(written.contains("-32700"), "{written}");
        assert_eq!(written.matches("-32600").count(), 2, "{written}");
        assert!(
            !written.contains("not json"),
            "the body is never quoted: {written}"
        );
    }

    #[test]
    fn a_body_over_the_limit_is_skipped_unread() {
        let input = format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE + 1);
        let mut reader = std::io::Cursor::new(input.into_bytes());
        // The body is not there: reading it ends the input, without buffering the length.
        assert!(matches!(read_frame(&mut reader), Frame::End));
    }
}
