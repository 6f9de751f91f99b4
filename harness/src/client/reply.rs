//! The reply to one command: its `CONFIRM` records, gathered from one frame
//! or several (spec, "General Information", item 3: list replies carry one
//! record per item).

use dvcr_protocol::{Message, Record, decode, tpkt};

use super::reader::Received;
use super::records::copy_record;

/// The confirm records of one command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// Every record, in the order received.
    pub message: Message<'static>,
    /// How many frames they came in.
    pub frames: usize,
    /// How those frames departed from RFC 1006, one entry per deviating
    /// frame.
    pub framing: Vec<tpkt::Deviation>,
    /// The XML deviations lenient decoding read through.
    pub deviations: Vec<decode::Deviation>,
}

impl Reply {
    /// The reply made of one received frame.
    pub(crate) fn from_frame(frame: Received) -> Self {
        Reply {
            message: frame.message,
            frames: 1,
            framing: frame.framing.into_iter().collect(),
            deviations: frame.deviations,
        }
    }

    /// Adds the records of a later frame of the same reply.
    pub(crate) fn extend(&mut self, frame: Received) {
        for record in frame.message.records() {
            copy_record(&mut self.message, record);
        }
        self.frames += 1;
        self.framing.extend(frame.framing);
        self.deviations.extend(frame.deviations);
    }

    /// The records.
    pub fn records(&self) -> impl ExactSizeIterator<Item = Record<'_, 'static>> + '_ {
        self.message.records()
    }

    /// How many records came.
    pub fn len(&self) -> usize {
        self.message.record_count()
    }

    /// Whether no record came (never, for a reply that was awaited).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first record's value of field `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.message.first()?.value(name)
    }

    /// The first record's `RESULT`.
    pub fn result(&self) -> Option<&str> {
        self.value("RESULT")
    }

    /// Whether the first record says `RESULT 0`.
    pub fn is_success(&self) -> bool {
        self.result().map(str::trim) == Some("0")
    }

    /// The first record's `DESCRIPTION`, or an empty text.
    pub fn description(&self) -> &str {
        self.value("DESCRIPTION").unwrap_or("")
    }

    /// The value of field `name` in every record that has it.
    pub fn column(&self, name: &str) -> Vec<&str> {
        self.records()
            .filter_map(|record| record.value(name))
            .collect()
    }
}

/// A framing deviation in words.
pub fn deviation_text(deviation: &tpkt::Deviation) -> String {
    match deviation {
        tpkt::Deviation::UnframedXml => "unframed XML (no TPKT header, ended by CR LF)".to_owned(),
        tpkt::Deviation::NonZeroReserved { found } => {
            format!("TPKT reserved byte expected 0, found {found}")
        }
        other => format!("{other:?}"),
    }
}
