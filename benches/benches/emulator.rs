//! Round trips per second over loopback (issue 7, item 5): our client
//! against the emulator, and the same client against a bare framed
//! responder on the same runtime, the upper bound (spec, "General
//! Information", items 4 to 6: one TPKT frame per command and per reply).
//!
//! A bare responder reads each TPKT frame and answers it with one canned
//! `CONFIRM` frame, parsing nothing; the emulator decodes the command,
//! judges it against the catalog, runs it against its device state and
//! encodes the reply. `bare-responder` answers a short confirm and is
//! driven by [`Connection::request`] with a prepared command, as it was
//! first measured; `bare-same-reply` answers the very bytes the emulator
//! answers and is driven by [`Session::command`] with a session id of the
//! emulator's as a field, so that the client writes and reads the same
//! bytes against both and does the same work. All run over 1 and over 16 connections at once, each measured
//! with all servers listening on the same runtime.

#![expect(
    clippy::panic,
    reason = "a bench whose setup fails cannot measure, so it stops"
)]

use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use dvcr::client::{Connection, Login, Session};
use dvcr_benches::loopback::{
    SESSIONID, XMLID, canned_confirm, client_config, emulator_reply, start_bare_responder,
    start_emulator,
};
use dvcr_protocol::{Kind, Message};
use tokio::runtime::Runtime;

/// The connection counts measured.
const CONNECTIONS: [usize; 2] = [1, 16];

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|error| panic!("tokio runtime: {error}"))
}

fn emulator(c: &mut Criterion) {
    let rt = runtime();
    let (emulator_addr, _server) = rt.block_on(async {
        let server = start_emulator()
            .await
            .unwrap_or_else(|error| panic!("emulator starts: {error}"));
        (server.local_addr(), server)
    });
    let bare_addr = rt
        .block_on(start_bare_responder(canned_confirm()))
        .unwrap_or_else(|error| panic!("bare responder binds: {error}"));
    let same = rt
        .block_on(emulator_reply(emulator_addr))
        .unwrap_or_else(|error| panic!("the emulator answers {XMLID}: {error}"));
    let same_addr = rt
        .block_on(start_bare_responder(same.frame.clone()))
        .unwrap_or_else(|error| panic!("bare responder binds: {error}"));

    let mut group = c.benchmark_group("emulator/round-trips");
    group.throughput(Throughput::Elements(1));
    for connections in CONNECTIONS {
        let sessions = rt.block_on(async {
            let mut sessions = Vec::new();
            for _ in 0..connections {
                let mut session = Session::connect(emulator_addr, client_config())
                    .await
                    .unwrap_or_else(|error| panic!("client connects: {error}"));
                session
                    .login(&Login::new("Administrator", ""))
                    .await
                    .unwrap_or_else(|error| panic!("login: {error}"));
                let reply = session
                    .command(XMLID, &[])
                    .await
                    .unwrap_or_else(|error| panic!("{XMLID}: {error}"));
                assert!(reply.is_success(), "{XMLID} fails: {}", reply.description());
                sessions.push(session);
            }
            sessions
        });
        let id = BenchmarkId::new("emulator", connections);
        bench_trips(&mut group, &rt, id, sessions, session_trip);

        let conns = rt.block_on(async {
            let mut conns = Vec::new();
            for _ in 0..connections {
                let conn = Connection::connect(bare_addr, client_config())
                    .await
                    .unwrap_or_else(|error| panic!("client connects: {error}"));
                conns.push(conn);
            }
            conns
        });
        let command = Message::single(Kind::Command, XMLID);
        let id = BenchmarkId::new("bare-responder", connections);
        bench_trips(&mut group, &rt, id, conns, move |mut conn: Connection| {
            let command = command.clone();
            async move {
                let _ = conn.request(&command).await;
                conn
            }
        });

        let sessions = rt.block_on(async {
            let mut sessions = Vec::new();
            for _ in 0..connections {
                let session = Session::connect(same_addr, client_config())
                    .await
                    .unwrap_or_else(|error| panic!("client connects: {error}"));
                sessions.push(session);
            }
            sessions
        });
        let id = BenchmarkId::new("bare-same-reply", connections);
        let session_id = same.session_id.clone();
        bench_trips(&mut group, &rt, id, sessions, move |session| {
            same_reply_trip(session, session_id.clone())
        });
    }
    group.finish();
}

/// One `getdevinfo` round trip of a session.
async fn session_trip(mut session: Session) -> Session {
    let _ = session.command(XMLID, &[]).await;
    session
}

/// One `getdevinfo` round trip of a session with no login, carrying
/// `session_id` as the emulator's sessions do.
async fn same_reply_trip(mut session: Session, session_id: String) -> Session {
    let _ = session.command(XMLID, &[(SESSIONID, &session_id)]).await;
    session
}

/// Measures `trip` as `id`, spread over `clients`: each criterion sample
/// takes the clients, drives them and hands them back for the next.
fn bench_trips<C, F, Fut>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    rt: &Runtime,
    id: BenchmarkId,
    clients: Vec<C>,
    trip: F,
) where
    C: Send + 'static,
    F: Fn(C) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = C> + Send,
{
    let mut clients = Some(clients);
    group.bench_function(id, |b| {
        b.iter_custom(|iters| {
            let taken = clients.take().unwrap_or_default();
            let (back, elapsed) = rt.block_on(drive(taken, iters, trip.clone()));
            clients = Some(back);
            elapsed
        });
    });
}

/// Spreads `iters` round trips over `clients`, each driven by its own task
/// doing one `trip` after another; returns the clients and the wall time.
async fn drive<C, F, Fut>(clients: Vec<C>, iters: u64, trip: F) -> (Vec<C>, Duration)
where
    C: Send + 'static,
    F: Fn(C) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = C> + Send,
{
    let count = clients.len().max(1) as u64;
    let start = Instant::now();
    let tasks: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(index, mut client)| {
            let share = iters / count + u64::from((index as u64) < iters % count);
            let trip = trip.clone();
            tokio::spawn(async move {
                for _ in 0..share {
                    client = trip(client).await;
                }
                client
            })
        })
        .collect();
    let mut back = Vec::new();
    for task in tasks {
        if let Ok(client) = task.await {
            back.push(client);
        }
    }
    (back, start.elapsed())
}

criterion_group!(benches, emulator);
criterion_main!(benches);
