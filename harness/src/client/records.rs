//! Copying records between messages: splitting a received message by record
//! kind, merging the frames of one reply, and adding the session id to the
//! commands a caller sends (spec, "General Information", items 3 and 6).

use std::borrow::Cow;

use dvcr_protocol::{Kind, Message, Record};

/// The attribute holding a field's value (spec, "General Information",
/// item 5).
const VALUE: &str = "value";

/// Appends a copy of `record` to `to`.
pub fn copy_record(to: &mut Message<'static>, record: Record<'_, '_>) {
    to.push_record(record.kind(), record.xmlid().to_owned());
    copy_fields(to, record);
}

fn copy_fields(to: &mut Message<'static>, record: Record<'_, '_>) {
    for field in record.fields() {
        to.push_field(field.name().to_owned());
        for attribute in field.attributes() {
            to.push_attribute(attribute_name(&attribute.name), attribute.value.to_string());
        }
    }
}

/// The name of a copied attribute: nearly all are `value`, which needs no
/// allocation of its own.
fn attribute_name(name: &str) -> Cow<'static, str> {
    if name == VALUE {
        return Cow::Borrowed(VALUE);
    }

    Cow::Owned(name.to_owned())
}

/// The records of `message` for which `keep` holds, in a new message of
/// the same version.
pub fn filtered(message: &Message<'_>, keep: impl Fn(Kind) -> bool) -> Message<'static> {
    let mut out = Message::new(message.version().to_owned());
    for record in message.records().filter(|record| keep(record.kind())) {
        copy_record(&mut out, record);
    }
    out
}

/// `message` with `SESSIONID` as the first field of every `COMMAND` record
/// that does not carry one.
pub fn with_session(message: &Message<'_>, session_id: &str) -> Message<'static> {
    let mut out = Message::new(message.version().to_owned());
    for record in message.records() {
        out.push_record(record.kind(), record.xmlid().to_owned());
        let needs_id = record.kind() == Kind::Command && record.field("SESSIONID").is_none();
        if needs_id {
            out.push_value("SESSIONID", session_id.to_owned());
        }
        copy_fields(&mut out, record);
    }
    out
}

/// The xmlid the spec compares: trimmed, lowercase.
pub fn canonical(xmlid: &str) -> String {
    xmlid.trim().to_ascii_lowercase()
}

/// Whether `xmlid` compares equal to `canonical`, an xmlid already made
/// [`canonical`], without allocating.
pub fn is_canonically(xmlid: &str, canonical: &str) -> bool {
    xmlid.trim().eq_ignore_ascii_case(canonical)
}
