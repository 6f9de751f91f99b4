//! The catalog's tables for the spec's commands 29 to 67 (spec lines 3292
//! to the end): Recording Settings, Dial out and Record, Archives / Live
//! Streaming, H.323 Connections, New in version 2.0.

#![expect(
    clippy::expect_used,
    clippy::panic,
    reason = "a test reports a missing command or field by panicking"
)]

use std::collections::HashSet;

use dvcr_protocol::catalog::{
    self, ALIASES, COMMANDS, Command, Direction, FieldAlias, Presence, Replies, Status, ValueType,
};

/// The first spec line of these chapters.
const FIRST_LINE: u32 = 3292;

/// The rows of corpus/spec/sections.tsv from FIRST_LINE on: (xmlid, section).
fn section_rows() -> Vec<(String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/spec/sections.tsv");
    let text = std::fs::read_to_string(path).expect("sections.tsv is readable");

    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut cells = line.split('\t');
            let xmlid = cells.next()?;
            let section = cells.next()?;
            let spec_line: u32 = cells.next()?.trim().parse().ok()?;
            (spec_line >= FIRST_LINE).then(|| (xmlid.to_owned(), section.to_owned()))
        })
        .collect()
}

fn command(xmlid: &str) -> &'static Command {
    catalog::lookup(xmlid).unwrap_or_else(|| panic!("{xmlid} is in the catalog"))
}

fn presence(xmlid: &str, direction: Direction, field: &str) -> Presence {
    command(xmlid)
        .field(direction, field)
        .unwrap_or_else(|| panic!("{xmlid} has {field} in its {direction:?}"))
        .presence
}

fn names(xmlid: &str, direction: Direction) -> Vec<&'static str> {
    let fields = command(xmlid).fields(direction).unwrap_or_default();
    fields.iter().map(|field| field.name).collect()
}

fn all_aliases() -> impl Iterator<Item = &'static FieldAlias> {
    ALIASES.iter().flat_map(|list| list.iter())
}

#[test]
fn the_thirty_nine_commands_from_getsp_on_are_found_with_their_sections() {
    let rows = section_rows();
    assert_eq!(rows.len(), 39);

    for (xmlid, section) in &rows {
        let found = command(xmlid);
        assert_eq!(found.xmlid, xmlid);
        assert_eq!(found.section, section, "section of {xmlid}");
    }
}

#[test]
fn the_commands_are_listed_in_spec_order() {
    let rows = section_rows();
    let listed: Vec<&str> = COMMANDS
        .iter()
        .map(|command| command.xmlid)
        .filter(|xmlid| rows.iter().any(|(row, _)| row == xmlid))
        .collect();
    let expected: Vec<&str> = rows.iter().map(|(xmlid, _)| xmlid.as_str()).collect();

    assert_eq!(listed, expected);
}

#[test]
fn lookup_ignores_the_case_the_examples_spell_xmlids_in() {
    assert_eq!(command("CallAndPlay").xmlid, "callandplay");
    assert_eq!(command("StartFileMulticast").xmlid, "startfilemulticast");
}

#[test]
fn every_command_requires_a_session_and_every_confirm_a_result() {
    for (xmlid, _) in section_rows() {
        assert_eq!(
            presence(&xmlid, Direction::Command, "SESSIONID"),
            Presence::Required
        );
        assert_eq!(
            presence(&xmlid, Direction::Confirm, "RESULT"),
            Presence::Required
        );
        assert_eq!(
            presence(&xmlid, Direction::Confirm, "DESCRIPTION"),
            Presence::Optional
        );
    }
}

#[test]
fn getmulticast_requires_a_session_though_its_table_stops_at_lang() {
    assert_eq!(
        names("getmulticast", Direction::Command),
        ["LANG", "SESSIONID"]
    );
}

#[test]
fn no_record_names_a_field_twice() {
    let directions = [
        Direction::Command,
        Direction::Confirm,
        Direction::Indication,
    ];
    for (xmlid, _) in section_rows() {
        for direction in directions {
            let all = names(&xmlid, direction);
            let unique: HashSet<_> = all.iter().collect();
            assert_eq!(unique.len(), all.len(), "{xmlid} {direction:?}");
        }
    }
}

#[test]
fn enumerations_list_distinct_values_each_with_a_meaning() {
    let directions = [
        Direction::Command,
        Direction::Confirm,
        Direction::Indication,
    ];
    for (xmlid, _) in section_rows() {
        for direction in directions {
            for field in command(&xmlid).fields(direction).unwrap_or_default() {
                let ValueType::Enumeration(values) = field.value else {
                    continue;
                };
                let unique: HashSet<_> = values.iter().map(|(value, _)| value).collect();
                assert_eq!(unique.len(), values.len(), "{xmlid} {}", field.name);
                assert!(values.iter().all(|(_, meaning)| !meaning.is_empty()));
            }
        }
    }
}

#[test]
fn lists_reply_with_one_confirm_per_item() {
    for xmlid in ["getroom", "getmediainfo", "geteplink"] {
        assert_eq!(command(xmlid).replies, Replies::PerItem, "{xmlid}");
    }
    for xmlid in [
        "getsp",
        "getallgroup",
        "getlistinfo",
        "getcfsinfo",
        "delroom",
    ] {
        assert_eq!(command(xmlid).replies, Replies::One, "{xmlid}");
    }
}

#[test]
fn indications_exist_exactly_where_the_spec_shows_one() {
    let with: HashSet<&str> = [
        "setsp",
        "modroom",
        "addroom",
        "delroom",
        "startquickrecord",
        "delmediainfo",
        "setmediainfo",
        "startroomrecord",
        "pauseroomrecord",
        "continueroomrecord",
        "stoproomrecord",
        "hangup",
    ]
    .into_iter()
    .collect();

    for (xmlid, _) in section_rows() {
        let shown = command(&xmlid).indication.is_some();
        assert_eq!(shown, with.contains(xmlid.as_str()), "{xmlid}");
    }
}

#[test]
fn commands_that_set_start_stop_or_delete_change_state() {
    let verbs = [
        "set", "add", "mod", "del", "start", "stop", "pause", "continue", "hangup",
    ];
    for (xmlid, _) in section_rows() {
        let expected = verbs.iter().any(|verb| xmlid.starts_with(verb)) || xmlid == "callandplay";
        assert_eq!(command(&xmlid).changes_state, expected, "{xmlid}");
    }
}

#[test]
fn the_logo_getters_are_not_implemented() {
    for (xmlid, section) in section_rows() {
        let expected = if section.contains("(No implementation)") {
            Status::NotImplemented
        } else {
            Status::Implemented
        };
        assert_eq!(command(&xmlid).status, expected, "{xmlid}");
    }
    assert_eq!(command("getuilogo").status, Status::NotImplemented);
    assert_eq!(command("getvideologo").status, Status::NotImplemented);
}

#[test]
fn getroom_and_getmediainfo_take_their_selector_as_an_option() {
    assert_eq!(
        presence("getroom", Direction::Command, "INDEX"),
        Presence::Optional
    );
    assert_eq!(
        presence("getmediainfo", Direction::Command, "CONF_ID"),
        Presence::Optional
    );
    assert_eq!(
        presence("getmediainfo", Direction::Command, "CATALOG"),
        Presence::Required
    );
    assert_eq!(
        presence("addroom", Direction::Command, "INDEX"),
        Presence::Optional
    );
    assert_eq!(
        presence("modroom", Direction::Command, "INDEX"),
        Presence::Required
    );
}

#[test]
fn group_lists_repeat_and_the_web_ui_ones_carry_names() {
    for (xmlid, field) in [
        ("getsp", "RECORDIDEXT"),
        ("getsp", "NOTIN"),
        ("getroom", "RECORDIDEXT"),
        ("getroom", "NOTIN_REC"),
        ("getroom", "VIEWIDEXT"),
        ("getroom", "NOTIN_VIEW"),
        ("getmediainfo", "ACCESSIDEXT"),
        ("setmediainfo", "ACCESSIDEXT1"),
    ] {
        let spec = command(xmlid)
            .field(Direction::Confirm, field)
            .expect("field exists");
        assert_eq!(spec.presence, Presence::Repeatable, "{xmlid} {field}");
        assert!(spec.name_attribute && spec.web_ui_only, "{xmlid} {field}");
    }

    for (xmlid, field) in [
        ("setsp", "RECORDID"),
        ("modroom", "VIEWID"),
        ("setmediainfo", "ACCESSID"),
    ] {
        let spec = command(xmlid)
            .field(Direction::Command, field)
            .expect("field exists");
        assert_eq!(spec.presence, Presence::Repeatable, "{xmlid} {field}");
        assert!(!spec.name_attribute, "{xmlid} {field}");
    }
}

#[test]
fn getallgroup_is_for_the_web_ui_and_lists_named_groups() {
    let getallgroup = command("getallgroup");
    let group = getallgroup
        .field(Direction::Confirm, "GROUP")
        .expect("GROUP exists");

    assert!(getallgroup.web_ui_only);
    assert_eq!(group.presence, Presence::Repeatable);
    assert!(group.name_attribute);
}

#[test]
fn value_types_follow_the_spec_forms() {
    let value = |xmlid: &str, direction, field: &str| {
        command(xmlid)
            .field(direction, field)
            .expect("field exists")
            .value
    };

    assert_eq!(
        value("getmediainfo", Direction::Confirm, "QUICKCODE"),
        ValueType::Digits(6)
    );
    assert_eq!(
        value("getmediainfo", Direction::Confirm, "REC_TIME"),
        ValueType::DateTime
    );
    assert_eq!(
        value("getmediainfo", Direction::Confirm, "DURATION"),
        ValueType::Duration
    );
    assert_eq!(
        value("geteplink", Direction::Confirm, "IP"),
        ValueType::Ipv4
    );
    assert_eq!(
        value("setldap", Direction::Command, "LDAP_SERVER"),
        ValueType::Host
    );
    assert_eq!(
        value("callandplay", Direction::Command, "FILE_ID"),
        ValueType::Guid
    );
    assert_eq!(
        value("startquickrecord", Direction::Command, "REFERENCEID"),
        ValueType::Text {
            max_chars: Some(30)
        }
    );
    assert_eq!(
        value("setos", Direction::Command, "TIMEZONE"),
        ValueType::Integer { min: -12, max: 12 }
    );
    assert_eq!(
        value("setmulticast", Direction::Command, "SAP_PORT"),
        ValueType::Integer { min: 0, max: 65535 }
    );
}

#[test]
fn h323_links_are_numbered_from_1024_in_four_states() {
    for xmlid in [
        "geteplink",
        "startroomrecord",
        "pauseroomrecord",
        "stoproomrecord",
        "hangup",
    ] {
        let index = command(xmlid)
            .field(Direction::Confirm, "INDEX")
            .expect("INDEX exists");
        assert!(
            matches!(index.value, ValueType::Integer { min: 1024, .. }),
            "{xmlid}"
        );
    }

    let states = command("geteplink")
        .field(Direction::Confirm, "STATUS_INDEX")
        .expect("STATUS_INDEX exists");
    let ValueType::Enumeration(values) = states.value else {
        panic!("STATUS_INDEX is an enumeration");
    };
    let codes: Vec<&str> = values.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, ["0", "1", "2", "3"]);
}

#[test]
fn link_commands_take_lang_session_and_index_and_indicate_the_index() {
    for xmlid in [
        "startroomrecord",
        "pauseroomrecord",
        "continueroomrecord",
        "stoproomrecord",
    ] {
        assert_eq!(
            names(xmlid, Direction::Command),
            ["LANG", "SESSIONID", "INDEX"]
        );
        assert_eq!(names(xmlid, Direction::Indication), ["INDEX"]);
    }
    assert_eq!(names("hangup", Direction::Indication), ["INDEX"]);
}

#[test]
fn get_confirms_without_a_table_mirror_their_set_command() {
    for (get, set) in [
        ("getmulticast", "setmulticast"),
        ("getlogging", "setlogging"),
        ("getos", "setos"),
    ] {
        let confirm: Vec<_> = names(get, Direction::Confirm)
            .into_iter()
            .filter(|name| !["RESULT", "DESCRIPTION"].contains(name))
            .collect();
        let settings: Vec<_> = names(set, Direction::Command)
            .into_iter()
            .filter(|name| !["LANG", "SESSIONID"].contains(name))
            .collect();
        assert_eq!(confirm, settings, "{get}");

        for field in command(get).confirm.iter().skip(2) {
            assert!(field.doc.contains("inferred"), "{get} {}", field.name);
        }
    }
}

#[test]
fn every_alias_names_a_field_of_its_record_and_is_not_one_itself() {
    let mut count = 0;
    for (xmlid, direction, alias, table_name) in all_aliases() {
        let found = command(xmlid);
        assert!(
            found.field(*direction, table_name).is_some(),
            "{xmlid} {table_name}"
        );
        assert!(found.field(*direction, alias).is_none(), "{xmlid} {alias}");
        count += 1;
    }

    assert_eq!(count, 17);
}

#[test]
fn the_examples_spellings_are_recorded_as_aliases() {
    let has = |xmlid: &str, alias: &str| {
        all_aliases().any(|(id, _, spelled, _)| *id == xmlid && *spelled == alias)
    };

    assert!(has("setcfskey", "CFS_KEY"));
    assert!(has("getldap", "LDAP_PWD"));
    assert!(has("getlistinfo", "BROADLIST"));
    assert!(has("getroom", "H239"));
}
