//! Decodes or encodes one workload many times, for profiling the codec
//! under `valgrind --tool=callgrind` (issue 7): `cargo build --release -p
//! dvcr-benches --example profile_loop`, then run it under callgrind with
//! `decode` or `encode`, a workload name (`spec-corpus`, `media-list-1000`,
//! `endpoint-list-1000`) and a round count.

use dvcr_benches::workload;
use dvcr_protocol::Message;
use dvcr_protocol::decode::decode_into;
use dvcr_protocol::encode::encode_xml;

fn main() {
    let mut args = std::env::args().skip(1);
    let action = args.next().unwrap_or_else(|| "decode".to_owned());
    let name = args.next().unwrap_or_else(|| "spec-corpus".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let Some(work) = workload::all().into_iter().find(|work| work.name == name) else {
        eprintln!("no workload named {name}");
        std::process::exit(2);
    };

    let mut count = 0;
    if action == "encode" {
        let messages = work.messages();
        let mut out = Vec::new();
        for _ in 0..rounds {
            for message in &messages {
                out.clear();
                if encode_xml(message, &mut out).is_ok() {
                    count += out.len();
                }
            }
        }
    } else {
        let mut message = Message::default();
        let mut deviations = Vec::new();
        for _ in 0..rounds {
            for payload in &work.payloads {
                if decode_into(payload, &work.options, &mut message, &mut deviations).is_ok() {
                    count += message.field_count();
                }
            }
        }
    }
    println!("{action} {name}: {count}");
}
