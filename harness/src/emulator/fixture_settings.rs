//! The check at load of the settings blocks of a fixture or a saved state
//! (spec, "System Configuration" and "New in version 2.0"): each block that
//! a `SETx` changes is put through what that `SETx` would meet, the catalog
//! check of its table and the block's own field rules, so that a file
//! cannot give the device a value its own commands refuse, and the device
//! never answers a `GETx` that breaks its catalog.
//!
//! Read-only fields (`GKSTATUS`, `GKCOLOR`), which no `SETx` carries, and
//! the blocks no `SETx` changes (`devinfo`, `usage`, the logos) are not
//! checked here.

use std::collections::BTreeMap;

use dvcr_protocol::catalog;
use dvcr_protocol::{Kind, Message};

use super::admission::Admission;
use super::faults::FaultSet;
use super::fixture::FixtureError;
use super::request::{Refusal, Request};
use super::settings::{self, BLOCKS, Block, Check};
use super::state::State;

/// The fields a `SETx` carries beside its block, with the value the
/// `SETx` a block is put through gives them: the session, which the
/// session check answers and the catalog check does not, and the Web UI
/// language of the version 2.0 commands.
const BESIDE_THE_BLOCK: &[(&str, &str)] = &[
    ("SESSIONID", "00000000-0000-0000-0000000000000000"),
    ("LANG", "en"),
];

/// The blocks of `[settings]` that no `SETx` of [`BLOCKS`] changes: what
/// `GETDEVINFO` and the usage figures show, and the logo files
/// `SETUILOGO` and `SETVIDEOLOGO` remember.
const OTHER_BLOCKS: &[&str] = &["devinfo", "usage", "uilogo", "videologo"];

/// Checks that every settings block of `state` is one the device knows,
/// then each block that a `SETx` changes: the first bad one is named with
/// what is wrong, in the words the device would refuse that `SETx` with.
pub(super) fn check_settings(state: &State) -> Result<(), FixtureError> {
    let known = || {
        BLOCKS
            .iter()
            .map(|block| block.key)
            .chain(OTHER_BLOCKS.iter().copied())
    };
    if let Some(unknown) = state
        .settings
        .keys()
        .find(|key| !known().any(|k| k == *key))
    {
        let expected: Vec<&str> = known().collect();
        return Err(FixtureError::Invalid {
            entry: format!("[settings.{unknown}]"),
            problem: format!(
                "no such settings block, expected one of {}",
                expected.join(", ")
            ),
        });
    }

    for block in BLOCKS {
        let Some(fields) = state.settings.get(block.key) else {
            continue;
        };

        check_block(block, fields).map_err(|problem| FixtureError::Invalid {
            entry: format!("[settings.{}]", block.key),
            problem,
        })?;
    }
    Ok(())
}

/// Why `fields`, as block `block` holds them, would be refused by its
/// `SETx`, if they would.
fn check_block(block: &Block, fields: &BTreeMap<String, String>) -> Result<(), String> {
    let command = as_set_command(block, fields);
    let admission = Admission::judge(&command);
    if let Some(words) = admission.refusal(0, block.set, &FaultSet::none()) {
        return Err(words);
    }

    let Some(record) = command.first() else {
        return Ok(());
    };

    let mut scratch = State::default();
    settings::apply(&mut scratch, block, &Request::new(record)).map_err(|Refusal(words)| words)
}

/// The `SETx` of `block` that would set every field `fields` holds but
/// the read-only ones.
fn as_set_command<'f>(block: &Block, fields: &'f BTreeMap<String, String>) -> Message<'f> {
    let mut message = Message::single(Kind::Command, block.set);
    let table = catalog::lookup(block.set).map_or(&[][..], |command| command.command);
    for &(name, value) in BESIDE_THE_BLOCK {
        let in_table = table.iter().any(|spec| spec.name == name);
        if in_table && !is_block_field(block, name) {
            message.push_value(name, value);
        }
    }
    for (name, value) in fields {
        if !is_read_only(block, name) {
            message.push_value(name.as_str(), value.as_str());
        }
    }
    message
}

/// Whether `name` is a field of `block`.
fn is_block_field(block: &Block, name: &str) -> bool {
    block.fields.iter().any(|(field, _)| *field == name)
}

/// Whether field `name` of `block` is shown by the device, never set.
fn is_read_only(block: &Block, name: &str) -> bool {
    block
        .fields
        .iter()
        .any(|(field, check)| *field == name && matches!(check, Check::ReadOnly))
}
