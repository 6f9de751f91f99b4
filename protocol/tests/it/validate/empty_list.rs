//! A list command that has nothing to list answers one CONFIRM carrying
//! RESULT 0 and no item: read as the empty list, not as an item missing
//! its fields (ERRATA E053).

use dvcr_protocol::catalog::{self, Replies};
use dvcr_protocol::validate::{Flow, validate};
use dvcr_protocol::{Kind, Message};

fn rules(message: &Message<'_>) -> Vec<&'static str> {
    validate(message, Flow::FromDevice)
        .iter()
        .map(|finding| finding.rule.id())
        .collect()
}

fn result_only(xmlid: &'static str) -> Message<'static> {
    let mut message = Message::single(Kind::Confirm, xmlid);
    message.push_value("RESULT", "0");
    message
}

#[test]
fn every_list_command_may_answer_an_empty_list() {
    let lists: Vec<&str> = catalog::COMMANDS
        .iter()
        .filter(|command| command.replies == Replies::PerItem)
        .map(|command| command.xmlid)
        .collect();
    assert_eq!(
        lists,
        [
            "getendpoint",
            "getdevuser",
            "getgroup",
            "getroom",
            "getmediainfo",
            "geteplink"
        ]
    );
    for xmlid in lists {
        assert_eq!(rules(&result_only(xmlid)), Vec::<&str>::new(), "{xmlid}");
    }
}

#[test]
fn a_command_answered_once_still_needs_its_fields() {
    assert!(rules(&result_only("getgk")).contains(&"missing-field"));
}

#[test]
fn an_item_that_carries_one_field_still_needs_the_others() {
    let mut message = result_only("geteplink");
    message.push_value("INDEX", "1024");
    assert!(rules(&message).contains(&"missing-field"));
}

#[test]
fn a_result_only_record_among_items_is_an_item_missing_its_fields() {
    let mut message = result_only("getendpoint");
    message
        .push_record(Kind::Confirm, "getendpoint")
        .push_value("RESULT", "0");
    assert!(rules(&message).contains(&"missing-field"));
}
