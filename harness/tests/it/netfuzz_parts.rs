//! The parts of `dvcr fuzz` on their own: boundary values, generation from
//! a seed, byte mutations, delta debugging against a fake target, and
//! reproducers that parse as scenarios.

use std::path::Path;
use std::time::Duration;

use dvcr::client::Login;
use dvcr::netfuzz::boundary::{TEXT_LENGTHS, boundary};
use dvcr::netfuzz::execute::{Observation, Reach, execute};
use dvcr::netfuzz::generate::Generator;
use dvcr::netfuzz::minimize::{Budget, Limits, ddmin};
use dvcr::netfuzz::mutate::{Mutation, cut_points};
use dvcr::netfuzz::oracle::Kind;
use dvcr::netfuzz::reproducer::{Finding, scenario};
use dvcr::netfuzz::sequence::{Case, Frame, Step, expand};
use dvcr::run::destructive::is_destructive;
use dvcr::run::emulate;
use dvcr::scenario::{Action, parse};
use dvcr_protocol::catalog::ValueType;
use dvcr_protocol::tpkt::write_frame;

fn frame(payload: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_frame(payload.as_bytes(), &mut bytes).expect("frame");
    bytes
}

#[test]
fn integer_boundaries_reach_past_both_ends_and_outside_numbers() {
    let values = boundary(ValueType::Integer { min: 0, max: 65535 });

    for expected in ["0", "65535", "-1", "65536", "abc", "", "1.5"] {
        assert!(values.iter().any(|v| v == expected), "{expected:?} missing");
    }
}

#[test]
fn unbounded_text_climbs_past_256_bytes() {
    let values = boundary(ValueType::Text { max_chars: None });

    assert!(TEXT_LENGTHS.iter().any(|len| *len > 256));
    assert!(values.iter().any(|v| v.len() == 257));
    assert!(values.iter().any(|v| v.contains('<') && v.contains('&')));
}

#[test]
fn bounded_text_tries_the_bound_and_one_past_it_in_multibyte_characters() {
    let values = boundary(ValueType::Text {
        max_chars: Some(30),
    });

    assert!(values.iter().any(|v| v.chars().count() == 30));
    assert!(
        values
            .iter()
            .any(|v| v.chars().count() == 31 && !v.is_ascii())
    );
}

#[test]
fn guid_boundaries_include_the_rfc_form_and_wrong_lengths() {
    let values = boundary(ValueType::Guid);

    assert!(
        values
            .iter()
            .any(|v| v.len() == 36 && v.matches('-').count() == 4)
    );
    assert!(values.iter().any(|v| v.len() == 34));
    assert!(values.iter().any(|v| v.starts_with('{')));
}

#[test]
fn enumeration_boundaries_hold_every_value_and_some_outside() {
    let values = boundary(ValueType::Enumeration(&[("0", "off"), ("1", "on")]));

    assert!(values.iter().any(|v| v == "0") && values.iter().any(|v| v == "1"));
    assert!(values.iter().any(|v| v == "99"));
}

#[test]
fn the_same_seed_gives_the_same_cases_and_another_seed_others() {
    let generator = Generator::new(false);

    let first: Vec<Case> = (0..50).map(|index| generator.case(9, index)).collect();
    let again: Vec<Case> = (0..50).map(|index| generator.case(9, index)).collect();
    let other: Vec<Case> = (0..50).map(|index| generator.case(10, index)).collect();

    assert_eq!(first, again);
    assert_ne!(first, other);
}

#[test]
fn generation_reaches_non_numeric_indexes_and_long_source_names_early() {
    let generator = Generator::new(false);
    let cases: Vec<Case> = (0..200).map(|index| generator.case(1, index)).collect();
    let templates: Vec<&str> = cases
        .iter()
        .flat_map(Case::frames)
        .map(|frame| frame.template.as_str())
        .collect();

    let bad_index = templates.iter().any(|t| {
        t.split("<INDEX value=\"").skip(1).any(|rest| {
            rest.split('"')
                .next()
                .is_some_and(|v| v.trim().parse::<i64>().is_err())
        })
    });
    let long_name = templates
        .iter()
        .any(|t| t.contains(&format!("<SOURCENAME value=\"{}", "t".repeat(257))));
    assert!(bad_index, "no non-numeric INDEX in 200 cases");
    assert!(long_name, "no SOURCENAME over 256 bytes in 200 cases");
}

#[test]
fn destructive_commands_are_left_out_unless_asked_for() {
    let careful = Generator::new(false);
    let frames: Vec<String> = (0..500)
        .flat_map(|index| careful.case(3, index).steps)
        .flat_map(|step| step.frames)
        .map(|frame| frame.xmlid)
        .collect();

    assert!(!frames.iter().any(|xmlid| is_destructive(xmlid)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frame_that_reads_as_a_destructive_command_is_sent_only_when_allowed() {
    let server = emulate::start(&[]).await.expect("starts");
    let frame = |xmlid: &str| Frame {
        xmlid: xmlid.to_lowercase(),
        template: format!(
            "<DVCRMANAGER version=\"1.0.0.0\"><COMMAND xmlid=\"{xmlid}\">\
             <SESSIONID value=\"${{s0.sessionid}}\"/></COMMAND></DVCRMANAGER>"
        ),
        mutation: None,
    };
    let case = Case {
        index: 0,
        sessions: 1,
        steps: vec![Step {
            session: 0,
            frames: vec![frame("getdevinfo"), frame("SetIVR")],
            splits: vec![],
        }],
    };
    let mut reach = Reach {
        addr: server.local_addr().to_string(),
        login: Login::new("Administrator", ""),
        connect_timeout: Duration::from_secs(3),
        reply_timeout: Duration::from_secs(2),
        allow_destructive: false,
    };

    let careful = execute(&case, &reach).await;
    reach.allow_destructive = true;
    let allowed = execute(&case, &reach).await;
    server.stop().await;

    let written = |observation: &Observation| {
        let bytes = observation.writes.first().map(|w| w.bytes.clone());
        String::from_utf8_lossy(&bytes.unwrap_or_default()).into_owned()
    };
    assert!(!written(&careful).contains("SetIVR"), "{careful:?}");
    assert_eq!(careful.sent_xmlids, ["getdevinfo"]);
    assert!(written(&allowed).contains("SetIVR"), "{allowed:?}");
}

#[test]
fn session_ids_are_template_variables_expanded_per_session() {
    let text = expand(
        "<S value=\"${s1.sessionid}\"/> $$",
        &[None, Some("abc".into())],
    );

    assert_eq!(text, "<S value=\"abc\"/> $");
}

#[test]
fn header_mutations_change_only_their_field() {
    let original = frame("<x/>");

    let mut version = original.clone();
    Mutation::Version(2).apply(&mut version);
    let mut length = original.clone();
    Mutation::LengthDelta(1).apply(&mut length);

    assert_eq!(version[0], 2);
    assert_eq!(version[1..], original[1..]);
    assert_eq!(u16::from_be_bytes([length[2], length[3]]), 9);
    assert_eq!(length[4..], original[4..]);
}

#[test]
fn payload_mutations_keep_the_header_length_true() {
    for mutation in [
        Mutation::Insert {
            at: 500,
            bytes: b"\xc3\x28".to_vec(),
        },
        Mutation::Delete { at: 0, len: 3 },
        Mutation::Flip {
            at: 1000,
            xor: 0xff,
        },
    ] {
        let mut bytes = frame("<DVCRMANAGER/>");
        mutation.apply(&mut bytes);

        assert!(mutation.keeps_framing());
        assert_eq!(
            usize::from(u16::from_be_bytes([bytes[2], bytes[3]])),
            bytes.len()
        );
    }
}

#[test]
fn truncation_and_unframing_break_the_framing() {
    let mut cut = frame("<DVCRMANAGER/>");
    Mutation::Truncate(500).apply(&mut cut);
    let mut bare = frame("<DVCRMANAGER/>");
    Mutation::Unframed.apply(&mut bare);

    assert!(cut.len() < 18 && cut.len() >= 4);
    assert_eq!(bare, b"<DVCRMANAGER/>\r\n");
    assert!(!Mutation::Truncate(500).keeps_framing());
}

#[test]
fn cut_points_fall_strictly_inside_the_write() {
    assert_eq!(cut_points(100, &[0, 1000, 500, 500, 250]), vec![25, 50]);
}

#[tokio::test]
async fn ddmin_finds_the_two_items_a_fake_target_fails_on() {
    let items: Vec<u32> = (0..20).collect();
    let mut budget = Budget::new(Limits::default());
    let mut fake_target = async |items: &[u32]| items.contains(&3) && items.contains(&17);

    let kept = ddmin(items, &mut budget, &mut fake_target).await;

    assert_eq!(kept, vec![3, 17]);
    assert!(budget.spent <= 64);
}

#[tokio::test]
async fn ddmin_stops_when_its_attempts_run_out() {
    let items: Vec<u32> = (0..64).collect();
    let limits = Limits {
        attempts: 3,
        time: Duration::from_secs(10),
    };
    let mut budget = Budget::new(limits);
    let mut fake_target = async |items: &[u32]| items.contains(&40);

    let kept = ddmin(items, &mut budget, &mut fake_target).await;

    assert_eq!(budget.spent, 3);
    assert!(kept.contains(&40));
}

#[test]
fn a_reproducer_parses_as_a_scenario_with_xml_and_raw_steps_and_a_probe() {
    let plain = Frame {
        xmlid: "getdevinfo".into(),
        template:
            "<DVCRMANAGER><COMMAND xmlid=\"getdevinfo\"><SESSIONID value=\"${s0.sessionid}\"/>\
                   </COMMAND></DVCRMANAGER>"
                .into(),
        mutation: None,
    };
    let broken = Frame {
        mutation: Some(Mutation::Flip { at: 10, xor: 1 }),
        ..plain.clone()
    };
    let case = Case {
        index: 4,
        sessions: 1,
        steps: vec![
            Step {
                session: 0,
                frames: vec![plain],
                splits: vec![],
            },
            Step {
                session: 0,
                frames: vec![broken],
                splits: vec![500],
            },
        ],
    };
    let sent = vec![frame("a"), frame("b")];
    let finding = Finding {
        case: &case,
        xmlid: "getdevinfo",
        sent: &sent,
        expected: &[1, 1],
        kind: Kind::Hang,
        detail: "0 of 1 frames answered",
        seed: 5,
        step: Some(1),
        reply_timeout: Duration::from_millis(250),
    };

    let text = scenario(&finding);
    let parsed = parse(&text, Path::new("hang.toml")).expect("the reproducer parses");

    let actions: Vec<Action<'_>> = parsed.steps.iter().map(|step| step.action()).collect();
    assert!(matches!(actions[0], Action::Xml(xml) if xml.contains("${s0.sessionid}")));
    assert!(matches!(actions[1], Action::Raw(_)));
    let notes: Vec<&str> = parsed
        .steps
        .iter()
        .map(|step| step.note.as_deref().unwrap_or_default())
        .collect();
    assert!(!notes[0].contains("session ids"), "{notes:?}");
    assert!(
        notes[1].contains("hold the session ids of the fuzzing run"),
        "{notes:?}"
    );
    assert!(notes[1].contains("invalid session"), "{notes:?}");
    assert_eq!(parsed.steps[1].chunk, Some(2));
    assert!(matches!(actions[2], Action::Reconnect));
    assert!(matches!(actions[3], Action::Send("getdevinfo")));
    assert!(parsed.description.contains("--seed 5"));
}

fn finding(kind: Kind, xmlid: &str, detail: &str) -> dvcr::netfuzz::FindingRecord {
    dvcr::netfuzz::FindingRecord {
        kind,
        detail: detail.to_owned(),
        seed: 1,
        case: 0,
        step: Some(0),
        xmlid: xmlid.to_owned(),
        found_after_ms: 0,
        original_steps: 1,
        minimized_steps: 1,
        minimize_attempts: 0,
        reproducer: None,
        not_saved: None,
    }
}

#[test]
fn crashes_through_different_commands_are_one_bug_and_violations_differ_by_rule() {
    let crash = |xmlid| {
        finding(
            Kind::Crash,
            xmlid,
            "the device stopped accepting connections",
        )
    };
    assert_eq!(crash("getroom").bug_key(), crash("delendpoint").bug_key());
    let hang = |xmlid| finding(Kind::Hang, xmlid, "0 of 1 frames expecting an answer");
    assert_eq!(hang("getroom").bug_key(), hang("addendpoint").bug_key());
    assert_ne!(crash("getroom").bug_key(), hang("getroom").bug_key());

    let violation = |xmlid, detail| finding(Kind::ProtocolViolation, xmlid, detail);
    let missing = violation(
        "getroom",
        "missing-field on getroom field RESULT: expected x, found y",
    );
    let again = violation(
        "getroom",
        "missing-field on getroom field INDEX: expected x, found z",
    );
    let other_rule = violation(
        "getroom",
        "bad-value on getroom field INDEX: expected x, found z",
    );
    let other_xmlid = violation(
        "getgroup",
        "missing-field on getgroup field RESULT: expected x",
    );
    assert_eq!(missing.bug_key(), again.bug_key());
    let dropped = |pending| {
        let detail = format!("the device closed the connection with 0 of {pending} frames");
        finding(Kind::ProtocolViolation, "getroom", &detail)
    };
    assert_eq!(dropped(1).bug_key(), dropped(2).bug_key());
    assert_ne!(missing.bug_key(), other_rule.bug_key());
    assert_ne!(missing.bug_key(), other_xmlid.bug_key());
}
