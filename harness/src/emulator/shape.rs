//! The message-shape faults bent into each confirm on its way out (spec,
//! "General Information", items 3 and 5, broken on purpose): a list in one
//! record, no `RESULT`, the xmlid of the command before.

use dvcr_protocol::Message;

use super::faults::{Fault, FaultSet};
use super::outcome::Replies;
use super::reply;

/// Passes confirms to the sender, bent by the message-shape faults; it
/// remembers the xmlid of the last command answered.
#[derive(Debug, Default)]
pub(crate) struct Shaper {
    list_in_one_record: bool,
    missing_result: bool,
    wrong_xmlid: bool,
    last_xmlid: String,
}

impl Shaper {
    /// The shaping the faults of `faults` call for.
    pub(crate) fn new(faults: &FaultSet) -> Self {
        Shaper {
            list_in_one_record: faults.contains(Fault::ListInOneRecord),
            missing_result: faults.contains(Fault::MissingResult),
            wrong_xmlid: faults.contains(Fault::WrongXmlid),
            last_xmlid: String::new(),
        }
    }

    /// Hands `message`, the confirm of command `xmlid`, to `replies`. A
    /// message no fault bends goes as it is, without a copy.
    pub(crate) fn send(&mut self, replies: &mut dyn Replies, message: &Message<'_>, xmlid: &str) {
        let wrong_xmlid = self.wrong_xmlid && !self.last_xmlid.is_empty();
        if !(self.list_in_one_record || self.missing_result || wrong_xmlid) {
            self.remember(xmlid);
            replies.reply(message);
            return;
        }

        let mut bent = message.clone();
        if self.list_in_one_record && bent.record_count() > 1 {
            bent = reply::rebuild(
                &bent,
                &str::to_owned,
                &|record, name| record == 0 || name != "RESULT",
                true,
            );
        }
        if self.missing_result {
            bent = reply::rebuild(&bent, &str::to_owned, &|_, name| name != "RESULT", false);
        }
        if wrong_xmlid {
            let previous = self.last_xmlid.clone();
            bent = reply::rebuild(&bent, &|_| previous.clone(), &|_, _| true, false);
        }
        self.remember(xmlid);
        replies.reply(&bent);
    }

    fn remember(&mut self, xmlid: &str) {
        self.last_xmlid.clear();
        self.last_xmlid.push_str(xmlid);
    }
}
