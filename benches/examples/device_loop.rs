//! The emulator server's work for one `getdevinfo` frame, without sockets
//! or a runtime, for profiling under `valgrind --tool=callgrind` (issue 7,
//! item 5): decode the command leniently, let the device answer it, frame
//! the reply into a reused buffer, as a server connection does for each
//! frame. `cargo build --release -p dvcr-benches --example device_loop`,
//! then run it under callgrind with a round count.

use dvcr::emulator::wire::WireFormat;
use dvcr::emulator::{ConnectionId, Replies};
use dvcr_benches::loopback::{XMLID, device};
use dvcr_protocol::decode::{DecodeOptions, Mode, decode_into};
use dvcr_protocol::encode::encode_xml;
use dvcr_protocol::{Kind, Message};

/// Frames every reply into one reused buffer, as the server's sink does.
struct Framed {
    bytes: Vec<u8>,
}

impl Replies for Framed {
    fn reply(&mut self, message: &Message<'_>) {
        if WireFormat::default()
            .append_frame(message, &mut self.bytes)
            .is_err()
        {
            self.bytes.clear();
        }
    }
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let connection = ConnectionId(1);
    let mut device = device();
    let mut login = Message::single(Kind::Command, "login");
    login.push_value("USERNAME", "Administrator");
    login.push_value("PASSWORD", "");
    let outcome = device.handle(connection, &login);
    let session = outcome
        .first_reply()
        .and_then(|reply| reply.first())
        .and_then(|record| record.value("SESSIONID"))
        .unwrap_or_default()
        .to_owned();
    let mut command = Message::single(Kind::Command, XMLID);
    command.push_value("SESSIONID", &session);
    let mut payload = Vec::new();
    if let Err(error) = encode_xml(&command, &mut payload) {
        eprintln!("the command does not encode: {error}");
        std::process::exit(1);
    }

    let options = DecodeOptions {
        mode: Mode::Lenient,
        ..DecodeOptions::default()
    };
    let mut message = Message::default();
    let mut deviations = Vec::new();
    let mut out = Framed { bytes: Vec::new() };
    let mut bytes = 0;
    for _ in 0..rounds {
        out.bytes.clear();
        if decode_into(&payload, &options, &mut message, &mut deviations).is_ok() {
            let _ = device.handle_with(connection, &message, &mut out);
        }
        bytes += out.bytes.len();
    }
    println!("{rounds} commands answered with {bytes} bytes");
}
