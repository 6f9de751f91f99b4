//! The workloads: every spec example that strict decoding accepts, as one
//! mixed batch of small messages, and two large generated replies, a
//! `getmediainfo` CONFIRM list and a `getendpoint` CONFIRM list (spec,
//! "getmediainfo" and "getendpoint").
//!
//! The large replies exceed the 65535 bytes a TPKT frame can carry, so they
//! are decoded as bare payloads under [`large_options`], whose limits are
//! raised to hold them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dvcr_protocol::decode::{DecodeOptions, Mode, decode};
use dvcr_protocol::{Limits, Message};

use crate::serde_model;

/// How many records each large reply holds.
pub const LARGE_RECORDS: usize = 1_000;

/// A named batch of payloads (documents without a TPKT header) that one
/// benchmark iteration processes in full.
#[derive(Clone, Debug)]
pub struct Workload {
    /// The name shown in the bench's output.
    pub name: &'static str,
    /// The documents, each as it travels after the TPKT header.
    pub payloads: Vec<Vec<u8>>,
    /// The decode options every payload is accepted under.
    pub options: DecodeOptions,
}

impl Workload {
    /// The bytes of all payloads together.
    pub fn bytes(&self) -> u64 {
        self.payloads
            .iter()
            .map(|payload| payload.len() as u64)
            .sum()
    }

    /// Every payload decoded under the workload's options: the messages
    /// the encoders write back. (Each payload decodes; a test holds it.)
    pub fn messages(&self) -> Vec<Message<'_>> {
        self.payloads
            .iter()
            .filter_map(|payload| decode(payload, &self.options).ok())
            .map(|decoded| decoded.message)
            .collect()
    }

    /// Every payload read into the serde model: the documents the serde
    /// encoder writes back.
    pub fn documents(&self) -> Vec<serde_model::Document> {
        self.payloads
            .iter()
            .filter_map(|payload| serde_model::decode(payload).ok())
            .collect()
    }

    /// The same options in lenient mode.
    pub fn lenient(&self) -> DecodeOptions {
        DecodeOptions {
            mode: Mode::Lenient,
            ..self.options
        }
    }
}

/// The three workloads: the spec corpus, media list and endpoint list.
pub fn all() -> Vec<Workload> {
    vec![spec_corpus(), media_list(), endpoint_list()]
}

/// The folder of the spec's examples.
pub fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/spec")
}

/// Every spec example that strict decoding accepts, in file order.
pub fn spec_corpus() -> Workload {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(spec_dir())
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .collect()
        })
        .unwrap_or_default();
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "xml"));
    paths.sort();
    let payloads = paths
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .filter(|payload| decode(payload, &DecodeOptions::STRICT).is_ok())
        .collect();
    Workload {
        name: "spec-corpus",
        payloads,
        options: DecodeOptions::STRICT,
    }
}

/// Decode options whose limits hold the large generated replies.
pub fn large_options() -> DecodeOptions {
    DecodeOptions {
        limits: Limits {
            max_frame_len: 1 << 24,
            ..Limits::DEFAULT
        },
        ..DecodeOptions::STRICT
    }
}

/// A `getmediainfo` CONFIRM listing [`LARGE_RECORDS`] archives.
pub fn media_list() -> Workload {
    let mut xml = open();
    for n in 0..LARGE_RECORDS {
        let id = uuid(n);
        let (hour, minute) = (n / 60 % 24, n % 60);
        let _ = write!(
            xml,
            concat!(
                "  <CONFIRM xmlid=\"getmediainfo\">\n",
                "   <RESULT value=\"0\" />\n",
                "   <CONF_ID value=\"{id}\" />\n",
                "   <NAME value=\"Room {n}_JUN_15_2006_{h:02}:{m:02}\" />\n",
                "   <DESCRIPTION value=\"Weekly review and planning {n}\" />\n",
                "   <REC_TIME value=\"Jun 15,2006 {h:02}:{m:02}:35\" />\n",
                "   <DURATION value=\"00:{d:02}:33\" />\n",
                "   <SIZE value=\"{size}\" />\n",
                "   <RATE value=\"768\" />\n",
                "   <H239 value=\"{h239}\" />\n",
                "   <URL value=\"Room_{n}_JUN_15_2006_{h:02}_{m:02}_WMV.asf\" />\n",
                "   <VIDEO_FORMAT value=\"H.264\" />\n",
                "   <EMAIL_LINK value=\"Room_{n}_JUN_15_2006_{h:02}_{m:02}_WMV.asf\" />\n",
                "   <CATALOG value=\"0\" />\n",
                "   <UPLOAD value=\"0\" />\n",
                "   <ACCESSID value=\"{id}\" name=\"Group {g}\" />\n",
                "   <SERVER value=\"172.21.99.43\" />\n",
                "  </CONFIRM>\n",
            ),
            id = id,
            n = n,
            h = hour,
            m = minute,
            d = n % 60,
            size = 10_000 + n * 37,
            h239 = n % 2,
            g = n % 7,
        );
    }
    close(xml, "media-list-1000")
}

/// A `getendpoint` CONFIRM listing [`LARGE_RECORDS`] endpoints.
pub fn endpoint_list() -> Workload {
    let mut xml = open();
    for n in 0..LARGE_RECORDS {
        let _ = write!(
            xml,
            concat!(
                "  <CONFIRM xmlid=\"getendpoint\">\n",
                "   <RESULT value=\"0\" />\n",
                "   <SOURCEID value=\"{id}\" />\n",
                "   <SOURCENAME value=\"{n}\" />\n",
                "   <SOURCEIP value=\"10.{a}.{b}.{c}\" />\n",
                "   <FLAG value=\"{flag}\" />\n",
                "   <E164 value=\"{e164}\" />\n",
                "   <H323 value=\"ep{n}\" />\n",
                "   <TITLE value=\"\" />\n",
                "  </CONFIRM>\n",
            ),
            id = uuid(n + 7_919),
            n = n,
            a = n / 65_536 % 256,
            b = n / 256 % 256,
            c = n % 256,
            flag = n % 3,
            e164 = 5_550_000 + n,
        );
    }
    close(xml, "endpoint-list-1000")
}

fn open() -> String {
    String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<DVCRMANAGER version=\"1.0.0.0\">\n")
}

fn close(mut xml: String, name: &'static str) -> Workload {
    xml.push_str("</DVCRMANAGER>\n");
    Workload {
        name,
        payloads: vec![xml.into_bytes()],
        options: large_options(),
    }
}

/// A deterministic identifier shaped like the spec's, from `n`.
fn uuid(n: usize) -> String {
    let mut state = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let mut next = || {
        state ^= state >> 33;
        state = state.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        state ^= state >> 29;
        state
    };
    let (a, b) = (next(), next());
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}{:012x}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    )
}
