//! The fields of a frame's template, for minimizing a case down to the
//! fields its failure needs (spec, "General Information", item 5: a record
//! is a flat list of field elements). Only a template that decodes
//! strictly and encodes back to itself is cut: anything else is left
//! whole, so that a failure that hangs on the bytes' layout is kept.

use dvcr_protocol::Message;
use dvcr_protocol::decode::{DecodeOptions, decode};
use dvcr_protocol::encode::encode_xml;

/// How many fields the records of `template` hold, when it can be cut.
pub fn count(template: &str) -> Option<usize> {
    let message = decode(template.as_bytes(), &DecodeOptions::STRICT)
        .ok()?
        .message;
    (encoded(&message)? == template).then(|| message.field_count())
}

/// `template` with only the fields at `keep`, counted across its records
/// in order; `None` when it cannot be cut.
pub fn keep(template: &str, keep: &[usize]) -> Option<String> {
    let message = decode(template.as_bytes(), &DecodeOptions::STRICT)
        .ok()?
        .message;
    let mut kept = Message::new(message.version());
    let mut index = 0;
    for record in message.records() {
        kept.push_record(record.kind(), record.xmlid());
        for field in record.fields() {
            if keep.contains(&index) {
                kept.push_field(field.name());
                for attribute in field.attributes() {
                    kept.push_attribute(attribute.name.as_ref(), attribute.value.as_ref());
                }
            }
            index += 1;
        }
    }
    encoded(&kept)
}

fn encoded(message: &Message<'_>) -> Option<String> {
    let mut xml = Vec::new();
    encode_xml(message, &mut xml).ok()?;
    String::from_utf8(xml).ok()
}

#[cfg(test)]
mod tests {
    use super::{count, keep};

    const TEMPLATE: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n\
        <DVCRMANAGER version=\"1.0.0.0\">\n<COMMAND xmlid=\"addroom\">\n\
        <SESSIONID value=\"${s0.sessionid}\"/>\n<INDEX value=\"fz$$\"/>\n\
        <VIEWID value=\"\"/>\n</COMMAND>\n</DVCRMANAGER>\n";

    #[test]
    fn a_template_keeps_the_fields_asked_for_and_its_variables() {
        assert_eq!(count(TEMPLATE), Some(3));
        let cut = keep(TEMPLATE, &[0, 1]);
        let expected = TEMPLATE.replace("<VIEWID value=\"\"/>\n", "");
        assert_eq!(cut.as_deref(), Some(expected.as_str()));
        assert_eq!(count(&expected), Some(2));
    }

    #[test]
    fn a_template_laid_out_otherwise_or_broken_is_not_cut() {
        assert_eq!(count(&TEMPLATE.replace("/>", " />")), None);
        assert_eq!(count(&TEMPLATE.replace("</COMMAND>", "")), None);
    }
}
