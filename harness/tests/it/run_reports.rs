//! The JUnit, JSON and pcap reports, each read back (the pcap over IPv4
//! and IPv6); and the diff of two JSON reports.

use std::collections::HashSet;
use std::io::Cursor;
use std::net::{Ipv6Addr, SocketAddr};
use std::time::{Duration, SystemTime};

use dvcr::emulator::Fault;
use dvcr::report::{Segment, diff, junit_text, read_json, write_json, write_pcap};
use dvcr::run::Baseline;
use pcap_file::pcap::PcapReader;

use crate::run_kit::{NEEDS_SOURCEIP, run_on, scenario};

const TWO_CASES: [&str; 2] = [
    r#"
name = "device-info"
section = "System Information > System Information > GETDEVINFO"
[[sessions]]
name = "admin"
[[steps]]
send = "getdevinfo"
expect = { result = "0" }
"#,
    NEEDS_SOURCEIP,
];

async fn outcome(faults: &[Fault]) -> dvcr::run::RunOutcome {
    let scenarios: Vec<_> = TWO_CASES.iter().map(|text| scenario(text)).collect();
    run_on(faults, &scenarios, &Baseline::default()).await
}

#[tokio::test(flavor = "multi_thread")]
async fn junit_has_a_testsuite_per_section_and_a_failure_with_its_step() {
    let report = outcome(&[Fault::BlankEndpointIp]).await.report;
    let xml = junit_text(&report).expect("junit");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed junit");

    let suites: Vec<&str> = doc
        .descendants()
        .filter(|node| node.has_tag_name("testsuite"))
        .filter_map(|node| node.attribute("name"))
        .collect();
    assert!(
        suites.contains(&"Account Management > Endpoints > ADDENDPOINT"),
        "{suites:?}"
    );
    assert!(suites.contains(&"System Information > System Information > GETDEVINFO"));

    let failed = doc
        .descendants()
        .find(|node| {
            node.has_tag_name("testcase")
                && node.attribute("name") == Some("endpoint-needs-a-sourceip")
        })
        .expect("the failed testcase");
    let failure = failed
        .children()
        .find(|node| node.has_tag_name("failure"))
        .expect("a failure element");
    let text = failure.text().unwrap_or_default();
    assert!(text.contains("step 1"), "{text}");
    assert!(text.contains("expected: 1"), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn json_reads_back_with_provenance_and_diffs_between_runs() {
    let good = outcome(&[]).await.report;
    let bad = outcome(&[Fault::BlankEndpointIp]).await.report;
    let dir = std::env::temp_dir().join(format!("dvcr-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (old_path, new_path) = (dir.join("old.json"), dir.join("new.json"));
    write_json(&good, &old_path).expect("write");
    write_json(&bad, &new_path).expect("write");

    let old = read_json(&old_path).expect("read back");
    assert_eq!(old, good);
    assert_eq!(
        old.provenance
            .product_name
            .as_deref()
            .map(|name| name.starts_with("Polycom")),
        Some(true)
    );
    assert!(old.provenance.device_version.is_some());
    assert!(!old.provenance.started.is_empty() && !old.provenance.finished.is_empty());
    let raw: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&new_path).expect("text")).expect("json");
    assert_eq!(raw["cases"][1]["verdict"], "fail");

    let changes = diff(&old, &read_json(&new_path).expect("read back"));
    assert_eq!(changes.new_failures.len(), 1, "{changes:?}");
    assert_eq!(changes.new_failures[0].0, "endpoint-needs-a-sourceip");
    let back = diff(&read_json(&new_path).expect("read"), &old);
    assert_eq!(back.fixed.len(), 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pcap_holds_every_byte_on_the_real_ports_with_sound_sequence_numbers() {
    let outcome = outcome(&[]).await;
    let mut bytes = Vec::new();
    write_pcap(&outcome.segments, &mut bytes).expect("pcap");

    let mut reader = PcapReader::new(Cursor::new(bytes)).expect("a pcap header");
    let mut payload_bytes = 0usize;
    let mut syns = 0;
    let mut ports = HashSet::new();
    let mut next_seq: std::collections::HashMap<(u16, u16), u32> = std::collections::HashMap::new();
    while let Some(packet) = reader.next_packet() {
        let packet = packet.expect("a packet");
        let data = &packet.data;
        assert_eq!(&data[12..14], &[0x08, 0x00], "ethernet carries ipv4");
        let tcp = &data[34..];
        let tcp_len = u16::try_from(tcp.len()).expect("short");
        let pseudo = words(&data[26..34]).chain([6, tcp_len]).chain(words(tcp));
        assert_eq!(ones_sum(pseudo), 0xffff, "the TCP checksum holds");
        let (src, dst) = (
            u16::from_be_bytes([tcp[0], tcp[1]]),
            u16::from_be_bytes([tcp[2], tcp[3]]),
        );
        let seq = u32::from_be_bytes([tcp[4], tcp[5], tcp[6], tcp[7]]);
        let flags = tcp[13];
        let body = &tcp[20..];
        ports.insert(src);
        if flags & 0x02 != 0 {
            syns += 1;
            next_seq.insert((src, dst), seq + 1);
            continue;
        }
        if !body.is_empty() {
            let expected = next_seq
                .get(&(src, dst))
                .copied()
                .expect("a handshake first");
            assert_eq!(seq, expected, "sequence numbers follow the bytes sent");
            next_seq.insert((src, dst), seq + body.len() as u32);
            payload_bytes += body.len();
        }
    }

    let exchanged: usize = outcome
        .segments
        .iter()
        .map(|segment| segment.bytes.len())
        .sum();
    assert_eq!(
        payload_bytes, exchanged,
        "every byte exchanged is in the capture"
    );
    assert!(syns >= 2, "each connection opens with a handshake");
    let server_port = outcome.segments[0].server.port();
    assert!(ports.contains(&server_port), "the device's real port");
}

const WARNED_AND_SKIPPED: [&str; 2] = [
    r#"
name = "users-listed"
section = "Account Management > Users > GETDEVUSER"
[[sessions]]
name = "admin"
[[steps]]
send = "getdevuser"
expect = { result = "0" }
"#,
    r#"
name = "stops-the-device"
section = "System Configuration > Upgrade/Reset System > SHUTDOWN"
destructive = true
[[sessions]]
name = "admin"
[[steps]]
send = "getdevinfo"
"#,
];

async fn warned_and_skipped() -> dvcr::report::RunReport {
    let scenarios: Vec<_> = WARNED_AND_SKIPPED
        .iter()
        .map(|text| scenario(text))
        .collect();
    run_on(&[], &scenarios, &Baseline::default()).await.report
}

#[tokio::test(flavor = "multi_thread")]
async fn the_terminal_says_why_a_case_warned_and_why_one_was_skipped() {
    let report = warned_and_skipped().await;
    let text = dvcr::report::summary(&report);
    let lines: Vec<&str> = text.lines().collect();
    let warned = lines
        .iter()
        .position(|line| line.contains("warning") && line.contains("users-listed"))
        .expect("the warning case's line");
    let reason = lines.get(warned + 1).copied().unwrap_or_default();
    assert!(
        reason.contains("warning[field-alias] field OPTIONS: expected OPIONS"),
        "{text}"
    );

    let skipped = lines
        .iter()
        .position(|line| line.contains("skipped") && line.contains("stops-the-device"))
        .expect("the skipped case's line");
    let reason = lines.get(skipped + 1).copied().unwrap_or_default();
    assert!(
        reason.contains("runs only with --allow-destructive"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn junit_keeps_a_warning_case_findings_and_a_skipped_case_reason() {
    let report = warned_and_skipped().await;
    let xml = junit_text(&report).expect("junit");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed junit");
    let case = |name: &str| {
        doc.descendants()
            .find(|node| node.has_tag_name("testcase") && node.attribute("name") == Some(name))
            .expect("the testcase")
    };

    let out = case("users-listed")
        .children()
        .find(|node| node.has_tag_name("system-out"))
        .and_then(|node| node.text())
        .unwrap_or_default();
    assert!(out.contains("warning[field-alias] field OPTIONS"), "{xml}");

    let skipped = case("stops-the-device")
        .children()
        .find(|node| node.has_tag_name("skipped"))
        .and_then(|node| node.attribute("message"))
        .unwrap_or_default();
    assert!(skipped.contains("--allow-destructive"), "{xml}");
}

/// The one's-complement sum a sound TCP checksum brings to `0xffff`.
fn ones_sum(words: impl Iterator<Item = u16>) -> u16 {
    let mut sum: u32 = words.map(u32::from).sum();
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    u16::try_from(sum).expect("folded")
}

fn words(bytes: &[u8]) -> impl Iterator<Item = u16> + '_ {
    bytes
        .chunks(2)
        .map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
}

#[test]
fn an_ipv6_device_is_captured_in_ipv6_packets_with_sound_checksums() {
    let client_ip: Ipv6Addr = "2001:db8::7".parse().expect("address");
    let server_ip: Ipv6Addr = "2001:db8::81".parse().expect("address");
    let segment = Segment {
        at: SystemTime::UNIX_EPOCH + Duration::from_secs(1),
        from_client: true,
        client: SocketAddr::from((client_ip, 40000)),
        server: SocketAddr::from((server_ip, 81)),
        bytes: b"\x03\x00\x00\x09hello".to_vec(),
    };
    let mut bytes = Vec::new();
    write_pcap(&[segment], &mut bytes).expect("pcap");

    let mut reader = PcapReader::new(Cursor::new(bytes)).expect("a pcap header");
    let mut packets = 0;
    while let Some(packet) = reader.next_packet() {
        let data = packet.expect("a packet").data;
        assert_eq!(&data[12..14], &[0x86, 0xdd], "ethernet carries ipv6");
        let (ip, tcp) = data[14..].split_at(40);
        assert_eq!(ip[0] >> 4, 6, "version 6");
        assert_eq!(ip[6], 6, "next header TCP");
        assert_eq!(usize::from(u16::from_be_bytes([ip[4], ip[5]])), tcp.len());
        let source = Ipv6Addr::from(<[u8; 16]>::try_from(&ip[8..24]).expect("16 bytes"));
        assert!([client_ip, server_ip].contains(&source), "{source}");
        let tcp_len = u16::try_from(tcp.len()).expect("short");
        let pseudo = words(&ip[8..40])
            .chain([0, tcp_len, 0, 6])
            .chain(words(tcp));
        assert_eq!(ones_sum(pseudo), 0xffff, "the TCP checksum holds");
        packets += 1;
    }
    assert_eq!(packets, 4, "a handshake of three, then the data");
}
