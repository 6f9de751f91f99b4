//! The hand-written baselines beside our codec (spec, "General
//! Information", item 5): a bare quick-xml event loop, a roxmltree walk and
//! quick-xml's `Writer`, each doing what a user of that library would write
//! to read or produce a `DVCRMANAGER` document.

use dvcr_protocol::Message;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};

/// Reads `payload` with quick-xml's event reader and touches every
/// attribute of every element (name and value lengths); returns their sum
/// so the work cannot be optimised away.
pub fn quick_xml_events(payload: &[u8]) -> Result<usize, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_reader(payload);
    let mut touched = 0;
    loop {
        match reader.read_event()? {
            Event::Start(element) | Event::Empty(element) => {
                touched += element.name().as_ref().len();
                for attribute in element.attributes() {
                    let attribute = attribute?;
                    touched += attribute.key.as_ref().len() + attribute.value.len();
                }
            }
            Event::Eof => return Ok(touched),
            _ => {}
        }
    }
}

/// Parses `payload` into a roxmltree document and walks every element and
/// attribute; returns the sum of their lengths.
pub fn roxmltree_walk(payload: &[u8]) -> Result<usize, roxmltree::Error> {
    let text = std::str::from_utf8(payload).unwrap_or_default();
    let document = roxmltree::Document::parse(text)?;
    let mut touched = 0;
    for node in document.descendants().filter(|node| node.is_element()) {
        touched += node.tag_name().name().len();
        for attribute in node.attributes() {
            touched += attribute.name().len() + attribute.value().len();
        }
    }
    Ok(touched)
}

/// Writes `message` as a document with quick-xml's `Writer` into `out`,
/// which is cleared first: the same document our encoder writes.
pub fn quick_xml_write(message: &Message<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    out.clear();
    let mut writer = Writer::new(out);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("DVCRMANAGER");
    root.push_attribute(("version", message.version()));
    writer.write_event(Event::Start(root))?;
    for record in message.records() {
        let element = record.kind().element();
        let mut start = BytesStart::new(element);
        start.push_attribute(("xmlid", record.xmlid()));
        writer.write_event(Event::Start(start))?;
        for field in record.fields() {
            let mut empty = BytesStart::new(field.name());
            for attribute in field.attributes() {
                empty.push_attribute((attribute.name.as_ref(), attribute.value.as_ref()));
            }
            writer.write_event(Event::Empty(empty))?;
        }
        writer.write_event(Event::End(BytesEnd::new(element)))?;
    }
    writer.write_event(Event::End(BytesEnd::new("DVCRMANAGER")))
}
