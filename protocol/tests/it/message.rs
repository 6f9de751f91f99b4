//! Building a message (spec, "General Information", items 3 and 5):
//! `push_value` is a field and its `value` attribute pushed in one step.

use std::borrow::Cow;

use dvcr_protocol::{Kind, Message};

/// The same message built with `push_value` and with `push_field` then
/// `push_attribute`.
fn both(build: impl Fn(&mut Message<'static>, bool)) -> (Message<'static>, Message<'static>) {
    let mut short = Message::default();
    let mut long = Message::default();
    build(&mut short, true);
    build(&mut long, false);
    (short, long)
}

fn push(message: &mut Message<'static>, short: bool, element: Cow<'static, str>, value: &str) {
    let value = Cow::Owned(value.to_owned());
    if short {
        message.push_value(element, value);
    } else {
        message.push_field(element).push_attribute("value", value);
    }
}

#[test]
fn push_value_adds_what_push_field_and_push_attribute_add() {
    let (short, long) = both(|message, short| {
        message.push_record(Kind::Confirm, "getdevinfo");
        push(message, short, Cow::Borrowed("RESULT"), "0");
        push(message, short, Cow::Owned("TYPE".to_owned()), "RSS 2000");
        message.push_record(Kind::Indication, "addendpoint");
        push(message, short, Cow::Borrowed("ID"), "7");
    });
    assert_eq!(short, long);
    assert_eq!(short.field_count(), 3);
    let second = short.first().and_then(|record| record.field("TYPE"));
    assert_eq!(second.and_then(|field| field.value()), Some("RSS 2000"));
    assert_eq!(second.map(|field| field.attributes().len()), Some(1));
}

#[test]
fn push_value_without_a_record_does_nothing_as_push_field_does() {
    let (short, long) = both(|message, short| {
        push(message, short, Cow::Borrowed("RESULT"), "0");
        message.push_record(Kind::Command, "login");
        push(message, short, Cow::Borrowed("USERNAME"), "Administrator");
    });
    assert_eq!(short, long);
    assert_eq!(short.field_count(), 1);
}
