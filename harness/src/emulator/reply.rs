//! Building `CONFIRM` and `INDICATION` messages (spec, "General
//! Information", items 3 and 5): every confirm record opens with `RESULT`,
//! a failed one carries a `DESCRIPTION` saying why, and a list reply holds
//! one `CONFIRM` record per item.

use dvcr_protocol::{Kind, Message, PROTOCOL_VERSION};

/// The single digits, as field values that need no allocation.
const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// A confirm message with one record saying `RESULT 0`. It borrows
/// `xmlid`, and its values may borrow from the device state, as it is
/// encoded before the state changes again.
pub fn confirm<'s>(xmlid: &'s str) -> Message<'s> {
    confirm_in(Message::default(), xmlid)
}

/// [`confirm`] built in the allocations of `spare`, whatever it held.
pub fn confirm_in<'s>(spare: Message<'s>, xmlid: &'s str) -> Message<'s> {
    let mut message = spare;
    message.clear();
    message.set_version(PROTOCOL_VERSION);
    message
        .push_record(Kind::Confirm, xmlid)
        .push_value("RESULT", "0");
    message
}

/// A confirm saying `RESULT 0` and `DESCRIPTION Succeeded`.
pub fn succeeded<'s>(xmlid: &'s str) -> Message<'s> {
    let mut message = confirm(xmlid);
    message.push_value("DESCRIPTION", "Succeeded");
    message
}

/// A confirm saying `RESULT 1` and why.
pub fn failure(xmlid: &str, description: &str) -> Message<'static> {
    let mut message = Message::single(Kind::Confirm, xmlid.to_owned());
    message
        .push_value("RESULT", "1")
        .push_value("DESCRIPTION", description.to_owned());
    message
}

/// An empty message to which list items are added with [`push_item`].
pub fn list() -> Message<'static> {
    Message::new(PROTOCOL_VERSION)
}

/// Appends one `CONFIRM` record saying `RESULT 0` to a list reply.
pub fn push_item(message: &mut Message<'_>, xmlid: &str) {
    message
        .push_record(Kind::Confirm, xmlid.to_owned())
        .push_value("RESULT", "0");
}

/// Closes a list reply: a list with no item still answers one `RESULT 0`.
pub fn finish_list<'s>(mut message: Message<'s>, xmlid: &str) -> Message<'s> {
    if message.record_count() == 0 {
        push_item(&mut message, xmlid);
    }
    message
}

/// An indication message with one record and no field yet.
pub fn indication(xmlid: &str) -> Message<'static> {
    Message::single(Kind::Indication, xmlid.to_owned())
}

/// Appends a field carrying `value` to the last record.
pub fn put(message: &mut Message<'_>, element: &'static str, value: impl ToString) {
    message.push_value(element, value.to_string());
}

/// Appends a field carrying `value` to the last record without copying
/// it: `value` is text of the device state or a constant.
pub fn put_str<'s>(message: &mut Message<'s>, element: &'static str, value: &'s str) {
    message.push_value(element, value);
}

/// Appends a field carrying the number `value`, without allocating when it
/// is a single digit, as flags and states are.
pub fn put_digit(message: &mut Message<'_>, element: &'static str, value: u8) {
    match DIGITS.get(usize::from(value)) {
        Some(digit) => message.push_value(element, *digit),
        None => message.push_value(element, value.to_string()),
    };
}

/// Appends a field carrying `value` and a `name` attribute to the last
/// record, as `MEMBER_USER`, `RECORDIDEXT` and their kind are written.
pub fn put_named(
    message: &mut Message<'_>,
    element: &'static str,
    value: impl ToString,
    name: impl ToString,
) {
    message
        .push_field(element)
        .push_attribute("value", value.to_string())
        .push_attribute("name", name.to_string());
}

/// A copy of `message` whose records are rebuilt: each record's xmlid comes
/// from `xmlid`, and a field is kept when `keep` says so. With `merge` every
/// record's fields go into the first record.
pub fn rebuild(
    message: &Message<'_>,
    xmlid: &dyn Fn(&str) -> String,
    keep: &dyn Fn(usize, &str) -> bool,
    merge: bool,
) -> Message<'static> {
    let mut out = Message::new(message.version().to_owned());
    for record in message.records() {
        if !merge || out.record_count() == 0 {
            out.push_record(record.kind(), xmlid(record.xmlid()));
        }
        for field in record
            .fields()
            .filter(|field| keep(record.index(), field.name()))
        {
            out.push_field(field.name().to_owned());
            for attribute in field.attributes() {
                out.push_attribute(
                    attribute.name.clone().into_owned(),
                    attribute.value.clone().into_owned(),
                );
            }
        }
    }
    out
}
