//! Deliberate deviations from the spec, so that the harness can be shown to
//! catch each one. A fault is named, listable and repeatable; each says in
//! one line what it breaks and which layer applies it.
//!
//! [`Layer::Device`] faults are applied by [`crate::emulator::Device`]
//! itself. [`Layer::Wire`] faults concern framing or the socket and are only
//! recorded here; the server that carries the device's messages reads them
//! from [`crate::emulator::Device::faults`] and honours them.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use dvcr_protocol::validate::Finding;

/// Where a fault is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// By the TCP server, when it frames and writes the device's messages.
    Wire,
    /// By the device, when it builds replies and indications.
    Device,
}

/// One deliberate deviation from the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// Replies carry TPKT version byte 2 instead of 3.
    WrongTpktVersion,
    /// Reply TPKT lengths are one byte too long.
    TpktLengthOffByOne,
    /// Replies are sent as bare XML ended by CR LF, with no TPKT header.
    UnframedReplies,
    /// Each reply frame is written in two parts with a pause between.
    SplitReplies,
    /// The connection is dropped right after a successful login confirm.
    DropAfterLogin,
    /// Confirms echo the xmlid of the previous command, not this one.
    WrongXmlid,
    /// Confirms lack their `RESULT` field.
    MissingResult,
    /// List replies fold every item into a single `CONFIRM` record.
    ListInOneRecord,
    /// Sessions never expire, however long they stay idle.
    SessionNeverExpires,
    /// Commands are obeyed without a valid `SESSIONID`.
    NoSessionCheck,
    /// Session ids count up from 1 instead of being random.
    PredictableSessionIds,
    /// Indications go to the sender of the change too.
    IndicationToSender,
    /// No indication is ever sent.
    NoIndications,
    /// `ADDENDPOINT` and `MODENDPOINT` accept a name already in use.
    DuplicateEndpointName,
    /// `ADDENDPOINT` and `MODENDPOINT` accept a blank `SOURCEIP`.
    BlankEndpointIp,
    /// Any command whose `INDEX` is not a number makes the device panic.
    PanicOnBadIndex,
    /// A `SOURCENAME` over 256 bytes makes the device stop answering.
    HangOnLongSourcename,
}

impl Fault {
    /// Every fault, wire ones first.
    pub const ALL: [Fault; 17] = [
        Fault::WrongTpktVersion,
        Fault::TpktLengthOffByOne,
        Fault::UnframedReplies,
        Fault::SplitReplies,
        Fault::DropAfterLogin,
        Fault::WrongXmlid,
        Fault::MissingResult,
        Fault::ListInOneRecord,
        Fault::SessionNeverExpires,
        Fault::NoSessionCheck,
        Fault::PredictableSessionIds,
        Fault::IndicationToSender,
        Fault::NoIndications,
        Fault::DuplicateEndpointName,
        Fault::BlankEndpointIp,
        Fault::PanicOnBadIndex,
        Fault::HangOnLongSourcename,
    ];

    /// The fault's stable name, as given on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Fault::WrongTpktVersion => "wrong-tpkt-version",
            Fault::TpktLengthOffByOne => "tpkt-length-off-by-one",
            Fault::UnframedReplies => "unframed-replies",
            Fault::SplitReplies => "split-replies",
            Fault::DropAfterLogin => "drop-after-login",
            Fault::WrongXmlid => "wrong-xmlid",
            Fault::MissingResult => "missing-result",
            Fault::ListInOneRecord => "list-in-one-record",
            Fault::SessionNeverExpires => "session-never-expires",
            Fault::NoSessionCheck => "no-session-check",
            Fault::PredictableSessionIds => "predictable-session-ids",
            Fault::IndicationToSender => "indication-to-sender",
            Fault::NoIndications => "no-indications",
            Fault::DuplicateEndpointName => "duplicate-endpoint-name",
            Fault::BlankEndpointIp => "blank-endpoint-ip",
            Fault::PanicOnBadIndex => "panic-on-bad-index",
            Fault::HangOnLongSourcename => "hang-on-long-sourcename",
        }
    }

    /// One line saying what the fault breaks.
    pub const fn description(self) -> &'static str {
        match self {
            Fault::WrongTpktVersion => "replies carry TPKT version byte 2 instead of 3",
            Fault::TpktLengthOffByOne => "reply TPKT lengths count one byte more than sent",
            Fault::UnframedReplies => "replies are bare XML ended by CR LF, without TPKT",
            Fault::SplitReplies => "each reply frame is written in two parts with a pause",
            Fault::DropAfterLogin => "the connection is closed right after a login confirm",
            Fault::WrongXmlid => "confirms echo the previous command's xmlid",
            Fault::MissingResult => "confirms carry no RESULT field",
            Fault::ListInOneRecord => "list replies put every item in one CONFIRM record",
            Fault::SessionNeverExpires => "idle sessions never time out",
            Fault::NoSessionCheck => "commands are obeyed without a valid SESSIONID",
            Fault::PredictableSessionIds => "session ids count up from 1 instead of random",
            Fault::IndicationToSender => "the sender of a change receives its indication",
            Fault::NoIndications => "no indication is ever sent",
            Fault::DuplicateEndpointName => "an endpoint name already in use is accepted",
            Fault::BlankEndpointIp => "a blank SOURCEIP is accepted",
            Fault::PanicOnBadIndex => "a non-numeric INDEX panics the device",
            Fault::HangOnLongSourcename => "a SOURCENAME over 256 bytes hangs the connection",
        }
    }

    /// Which layer applies the fault.
    pub const fn layer(self) -> Layer {
        match self {
            Fault::WrongTpktVersion
            | Fault::TpktLengthOffByOne
            | Fault::UnframedReplies
            | Fault::SplitReplies => Layer::Wire,
            _ => Layer::Device,
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A fault name that names no fault.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown fault {name:?}, expected one of {} (see `dvcr emulate --list-faults`)",
    fault_names()
)]
pub struct UnknownFault {
    /// The name that came.
    pub name: String,
}

/// Every fault's name, comma-separated.
fn fault_names() -> String {
    let names: Vec<&str> = Fault::ALL.iter().map(|fault| fault.name()).collect();
    names.join(", ")
}

impl FromStr for Fault {
    type Err = UnknownFault;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Fault::ALL
            .into_iter()
            .find(|fault| fault.name() == name)
            .ok_or_else(|| UnknownFault {
                name: name.to_owned(),
            })
    }
}

/// The faults a device was started with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FaultSet {
    faults: BTreeSet<Fault>,
}

impl FaultSet {
    /// No fault: a device that follows the spec.
    pub fn none() -> Self {
        FaultSet::default()
    }

    /// Adds `fault`.
    pub fn with(mut self, fault: Fault) -> Self {
        self.faults.insert(fault);
        self
    }

    /// Whether `fault` is on.
    pub fn contains(&self, fault: Fault) -> bool {
        self.faults.contains(&fault)
    }

    /// The faults that are on, in [`Fault::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = Fault> + '_ {
        self.faults.iter().copied()
    }

    /// The faults that are on and that the server must apply.
    pub fn wire(&self) -> impl Iterator<Item = Fault> + '_ {
        self.iter().filter(|fault| fault.layer() == Layer::Wire)
    }

    /// Whether a fault that is on lets through the input `finding` is
    /// about, in a command `xmlid`, so that the device's catalog check does
    /// not refuse what the fault exists to accept: `blank-endpoint-ip` a
    /// missing or bad `SOURCEIP` of `ADDENDPOINT` and `MODENDPOINT`. The
    /// other faults about input need no waiver: `no-session-check` concerns
    /// the session, which the catalog check leaves to the session check;
    /// `panic-on-bad-index` and `hang-on-long-sourcename` strike before any
    /// check; `duplicate-endpoint-name` accepts names the catalog allows.
    pub fn waives(&self, xmlid: &str, finding: &Finding) -> bool {
        self.contains(Fault::BlankEndpointIp)
            && matches!(xmlid, "addendpoint" | "modendpoint")
            && finding.field.as_deref() == Some("SOURCEIP")
    }
}

impl std::fmt::Display for FaultSet {
    /// The faults' names, comma-separated, or `none`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.iter().map(Fault::name).collect();
        if names.is_empty() {
            return f.write_str("none");
        }

        f.write_str(&names.join(", "))
    }
}

impl FromIterator<Fault> for FaultSet {
    fn from_iter<I: IntoIterator<Item = Fault>>(faults: I) -> Self {
        FaultSet {
            faults: faults.into_iter().collect(),
        }
    }
}
