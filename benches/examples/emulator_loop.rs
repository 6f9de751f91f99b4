//! Round trips one after another between the client and the emulator (or
//! the bare responder), for profiling the emulator under `valgrind
//! --tool=callgrind` (issue 7, item 5): `cargo build --release -p
//! dvcr-benches --example emulator_loop`, then run it under callgrind with
//! `emulator`, `bare` (the short canned confirm) or `same` (the emulator's
//! own reply, canned) and a round-trip count.

use dvcr::client::{Connection, Login, Session};
use dvcr_benches::loopback::{
    SESSIONID, XMLID, canned_confirm, client_config, emulator_reply, start_bare_responder,
    start_emulator,
};
use dvcr_protocol::{Kind, Message};

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args.next().unwrap_or_else(|| "emulator".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    let Ok(runtime) = runtime else {
        eprintln!("no tokio runtime");
        std::process::exit(1);
    };

    let result = runtime.block_on(async move {
        if target == "bare" {
            bare(rounds).await
        } else if target == "same" {
            same(rounds).await
        } else {
            emulator(rounds).await
        }
    });
    match result {
        Ok(successes) => println!("{successes} of {rounds} round trips succeeded"),
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}

async fn emulator(rounds: usize) -> Result<usize, Box<dyn std::error::Error>> {
    let server = start_emulator().await?;
    let mut session = Session::connect(server.local_addr(), client_config()).await?;
    session.login(&Login::new("Administrator", "")).await?;
    let mut successes = 0;
    for _ in 0..rounds {
        if session.command(XMLID, &[]).await?.is_success() {
            successes += 1;
        }
    }
    Ok(successes)
}

async fn bare(rounds: usize) -> Result<usize, Box<dyn std::error::Error>> {
    let addr = start_bare_responder(canned_confirm()).await?;
    let mut connection = Connection::connect(addr, client_config()).await?;
    let command = Message::single(Kind::Command, XMLID);
    let mut successes = 0;
    for _ in 0..rounds {
        if connection.request(&command).await?.is_success() {
            successes += 1;
        }
    }
    Ok(successes)
}

async fn same(rounds: usize) -> Result<usize, Box<dyn std::error::Error>> {
    let server = start_emulator().await?;
    let same = emulator_reply(server.local_addr()).await?;
    let addr = start_bare_responder(same.frame).await?;
    let mut session = Session::connect(addr, client_config()).await?;
    let fields = [(SESSIONID, same.session_id.as_str())];
    let mut successes = 0;
    for _ in 0..rounds {
        if session.command(XMLID, &fields).await?.is_success() {
            successes += 1;
        }
    }
    Ok(successes)
}
