//! The tables of the spec's chapter "System Information" (spec lines 256 to
//! 421): the device's facts and capacities, and its usage and clock.

use super::common::{DESCRIPTION, RESULT, SESSIONID};
use super::fields::{COUNT, TEXT, flag, required};
use super::types::{Command, Replies, Status, ValueType};

/// A share in percent.
const PERCENT: ValueType = ValueType::Integer { min: 0, max: 100 };

/// `getdevinfo` (System Information > System Information > GETDEVINFO).
pub(crate) static GETDEVINFO: Command = Command {
    xmlid: "getdevinfo",
    section: "System Information > System Information > GETDEVINFO",
    summary: "get the product name, version and capacities of the device",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: &[
        RESULT,
        DESCRIPTION,
        required("PRODUCTNAME", TEXT, "the product name"),
        required("VERSION", TEXT, "the software version and build"),
        required("TYPE", TEXT, "the product type"),
        required(
            "H323COUNT",
            COUNT,
            "the most H.323 connections the device takes",
        ),
        required(
            "VODCOUNT",
            COUNT,
            "the most archive viewers the device serves",
        ),
        required(
            "RECABILITY",
            COUNT,
            "the most H.323 recording sessions at once",
        ),
        required(
            "ACTIVATED",
            flag!("not activated", "activated"),
            "whether CFS is activated",
        ),
    ],
    replies: Replies::One,
    indication: None,
};

/// `refreshstatus` (System Information > System Usage > REFRESHSTATUS).
pub(crate) static REFRESHSTATUS: Command = Command {
    xmlid: "refreshstatus",
    section: "System Information > System Usage > REFRESHSTATUS",
    summary: "get disk and CPU usage and the device's clock",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: &[
        RESULT,
        DESCRIPTION,
        required(
            "DISK",
            PERCENT,
            "the share of the hard disk in use, in percent",
        ),
        required("CPU", PERCENT, "the CPU utilization, in percent"),
        required("TIME", ValueType::DateTime, "the device's time, in GMT"),
        required(
            "TIMEVALUE",
            ValueType::Integer {
                min: 0,
                max: i64::MAX,
            },
            "the device's time in seconds since 1970-01-01 00:00 GMT",
        ),
        required(
            "TIMEZONE",
            ValueType::Integer { min: -12, max: 12 },
            "the time zone configured on the device, in hours from GMT",
        ),
    ],
    replies: Replies::One,
    indication: None,
};
