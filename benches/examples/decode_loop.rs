//! Decodes one workload many times, for profiling the decoder under
//! `valgrind --tool=callgrind` (issue 7): `cargo build --release -p
//! dvcr-benches --example decode_loop`, then run it under callgrind with a
//! workload name (`spec-corpus`, `media-list-1000`, `endpoint-list-1000`)
//! and a round count.

use dvcr_benches::workload;
use dvcr_protocol::Message;
use dvcr_protocol::decode::decode_into;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "spec-corpus".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let Some(work) = workload::all().into_iter().find(|work| work.name == name) else {
        eprintln!("no workload named {name}");
        std::process::exit(2);
    };

    let mut message = Message::default();
    let mut deviations = Vec::new();
    let mut fields = 0;
    for _ in 0..rounds {
        for payload in &work.payloads {
            if decode_into(payload, &work.options, &mut message, &mut deviations).is_ok() {
                fields += message.field_count();
            }
        }
    }
    println!("{fields} fields");
}
