//! Empty values of required fields: refused, except for the settings the
//! catalog marks blank while unset (ERRATA E052).

use dvcr_protocol::catalog::{self, Direction, Presence};
use dvcr_protocol::validate::{Flow, Rule, validate};
use dvcr_protocol::{Kind, Message};

use super::tables::{confirm, ids};

/// A getserver confirm carrying `server` and `gateway`.
fn servers(server: &str, gateway: &str) -> Message<'static> {
    let mut message = confirm("getserver");
    message
        .push_value("SERVER", server.to_owned())
        .push_value("GATEWAY", gateway.to_owned());
    message
}

#[test]
fn a_required_field_marked_blank_when_unset_may_be_empty() {
    assert!(ids(&servers("", "10.0.0.1"), Flow::FromDevice).is_empty());
}

#[test]
fn a_field_marked_blank_when_unset_is_still_checked_when_not_empty() {
    let found = ids(&servers("256.1.1.1", "10.0.0.1"), Flow::FromDevice);
    assert_eq!(found, ["bad-value"]);
}

#[test]
fn a_required_field_without_the_mark_may_not_be_empty() {
    assert_eq!(
        ids(&servers("ldap.example", ""), Flow::FromDevice),
        ["bad-value"]
    );
}

#[test]
fn the_spec_marks_exactly_the_addresses_of_switchable_servers() {
    let marked: Vec<(&str, &str)> = catalog::COMMANDS
        .iter()
        .flat_map(|command| {
            [
                Direction::Command,
                Direction::Confirm,
                Direction::Indication,
            ]
            .into_iter()
            .filter_map(|direction| command.fields(direction))
            .flatten()
            .filter(|field| field.blank_when_unset)
            .map(|field| (command.xmlid, field.name))
        })
        .collect();
    let mut names: Vec<&str> = marked.iter().map(|(_, name)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(
        names,
        ["FTP", "GKIP", "LDAP_SERVER", "MASTER", "NTP_SERVER"]
    );
    for (xmlid, name) in marked {
        let field = catalog::lookup(xmlid).and_then(|c| c.field(Direction::Confirm, name));
        assert!(field.is_none_or(|field| field.presence == Presence::Required));
    }
}

#[test]
fn the_spec_getldap_answer_with_an_empty_ldap_server_is_clean() {
    let mut message = Message::single(Kind::Confirm, "getldap");
    message
        .push_value("RESULT", "0")
        .push_value("USE_LDAP", "0")
        .push_value("LDAP_SERVER", "")
        .push_value("LDAP_USER", "")
        .push_value("LDAP_PASSWORD", "");
    let errors: Vec<Rule> = validate(&message, Flow::FromDevice)
        .into_iter()
        .map(|finding| finding.rule)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn an_empty_device_address_is_still_refused_by_the_spec_catalog() {
    let mut message = Message::single(Kind::Confirm, "getip");
    message
        .push_value("RESULT", "0")
        .push_value("INDEX", "0")
        .push_value("DEVIP", "")
        .push_value("DEVMASK", "255.255.255.0")
        .push_value("GATEWAY", "10.0.0.1");
    let rules: Vec<(Rule, Option<String>)> = validate(&message, Flow::FromDevice)
        .into_iter()
        .map(|finding| (finding.rule, finding.field))
        .collect();
    assert!(
        rules.contains(&(Rule::BadValue, Some("DEVIP".to_owned()))),
        "{rules:?}"
    );
}
