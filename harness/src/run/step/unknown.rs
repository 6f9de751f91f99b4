//! Telling, from a refusal's `DESCRIPTION`, a device that does not know a
//! command from one that refuses a part of it (a field, a value, the
//! session). The spec gives no wording for either, so the words are read:
//! only the first makes a case unsupported; the second is a failure.

/// Words saying something is not known or not supported.
const UNKNOWN_WORDS: [&str; 5] = [
    "unknown",
    "unsupported",
    "not support",
    "not implemented",
    "invalid command",
];

/// Phrases that put the unknown on the command itself, whatever else the
/// description says (the emulator's is `unknown command "getbanner"`).
const COMMAND_PHRASES: [&str; 7] = [
    "unknown command",
    "unsupported command",
    "command not supported",
    "command is not supported",
    "command unknown",
    "invalid command",
    "unknown xmlid",
];

/// Words that put the unknown on a part of the command: a refusal that
/// names one is about that part (the emulator's catalog check says
/// `BOGUS: expected ..., found BOGUS (unknown-field)`, its session check
/// `SESSIONID is unknown`).
const PART_WORDS: [&str; 6] = [
    "field",
    "param",
    "argument",
    "attribute",
    "value",
    "session",
];

/// Whether `description` says the command itself is unknown: it says so
/// of the command in words, or it says something is unknown without
/// naming any part of the command.
pub(super) fn names_unknown_command(description: &str) -> bool {
    let description = description.to_ascii_lowercase();
    let says = |words: &[&str]| words.iter().any(|word| description.contains(word));
    says(&COMMAND_PHRASES) || (says(&UNKNOWN_WORDS) && !says(&PART_WORDS))
}
