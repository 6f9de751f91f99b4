//! Every baseline reads every workload, so no bench measures an early
//! error instead of the work (issue 7).

use dvcr_benches::{baseline, serde_model, workload};
use dvcr_protocol::decode::decode;
use dvcr_protocol::encode::encode_xml;

#[test]
fn the_spec_corpus_workload_holds_most_of_the_examples() {
    let corpus = workload::spec_corpus();
    assert!(corpus.payloads.len() > 100, "{}", corpus.payloads.len());
}

#[test]
fn the_large_replies_hold_a_thousand_records_past_the_tpkt_limit() {
    for work in [workload::media_list(), workload::endpoint_list()] {
        let payload = &work.payloads[0];
        assert!(
            payload.len() > 65_535,
            "{} is {} bytes",
            work.name,
            payload.len()
        );
        let decoded = decode(payload, &work.options).unwrap();
        assert_eq!(decoded.message.record_count(), workload::LARGE_RECORDS);
    }
}

#[test]
fn every_baseline_reads_every_payload_of_every_workload() {
    for work in workload::all() {
        for (index, payload) in work.payloads.iter().enumerate() {
            let at = format!("{} #{index}", work.name);
            let ours = decode(payload, &work.options).unwrap();
            baseline::quick_xml_events(payload).unwrap_or_else(|e| panic!("{at}: {e}"));
            baseline::roxmltree_walk(payload).unwrap_or_else(|e| panic!("{at}: {e}"));
            let document = serde_model::decode(payload).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(document.records.len(), ours.message.record_count(), "{at}");
            let fields: usize = document.records.iter().map(|r| body(r).fields.len()).sum();
            assert_eq!(fields, ours.message.field_count(), "{at}");
        }
    }
}

#[test]
fn every_encoder_writes_what_our_decoder_reads_back() {
    for work in workload::all() {
        for payload in &work.payloads {
            let message = decode(payload, &work.options).unwrap().message;
            let mut out = Vec::new();
            encode_xml(&message, &mut out).unwrap();
            assert_eq!(decode(&out, &work.options).unwrap().message, message);
            baseline::quick_xml_write(&message, &mut out).unwrap();
            assert_eq!(decode(&out, &work.options).unwrap().message, message);
            let document = serde_model::decode(payload).unwrap();
            let mut text = String::new();
            serde_model::encode(&document, &mut text).unwrap();
            assert_eq!(serde_model::decode(text.as_bytes()).unwrap(), document);
        }
    }
}

fn body(record: &serde_model::Record) -> &serde_model::Body {
    match record {
        serde_model::Record::Command(body)
        | serde_model::Record::Confirm(body)
        | serde_model::Record::Indication(body) => body,
    }
}
