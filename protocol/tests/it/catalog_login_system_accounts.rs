//! The catalog's tables for the spec's first chapters: Login/Logout, System
//! Information, System Configuration and Account Management (spec lines 98
//! to 3289), pinned to what the spec states.

use dvcr_protocol::catalog::{
    Command, Direction, FieldSpec, Presence, Replies, Status, ValueType, lookup,
};

use crate::catalog_spec::sections;

/// The commands of these chapters, in spec order.
const XMLIDS: [&str; 28] = [
    "login",
    "logout",
    "getdevinfo",
    "refreshstatus",
    "getip",
    "setip",
    "getgk",
    "setgk",
    "getlang",
    "setlang",
    "getivr",
    "setivr",
    "getstorage",
    "setstorage",
    "shutdown",
    "getendpoint",
    "addendpoint",
    "modendpoint",
    "delendpoint",
    "getdevuser",
    "adddevuser",
    "moddevuser",
    "deldevuser",
    "getgroup",
    "getmember",
    "addgroup",
    "modgroup",
    "delgroup",
];

/// The commands whose sections show an `INDICATION`.
const WITH_INDICATION: [&str; 11] = [
    "setip",
    "setstorage",
    "addendpoint",
    "modendpoint",
    "delendpoint",
    "adddevuser",
    "moddevuser",
    "deldevuser",
    "addgroup",
    "modgroup",
    "delgroup",
];

/// The commands whose confirm is one record per listed item.
const PER_ITEM: [&str; 3] = ["getendpoint", "getdevuser", "getgroup"];

/// The command of this xmlid, which must be in the catalog.
fn command(xmlid: &str) -> Result<&'static Command, String> {
    lookup(xmlid).ok_or_else(|| format!("{xmlid} is not in the catalog"))
}

/// The field of a command's record, which must be in the catalog.
fn field(xmlid: &str, direction: Direction, name: &str) -> Result<&'static FieldSpec, String> {
    command(xmlid)?
        .field(direction, name)
        .ok_or_else(|| format!("{xmlid} has no {name} in its {direction:?}"))
}

#[test]
fn each_command_is_found_and_names_its_sections_tsv_section() -> Result<(), String> {
    let rows = sections()?;
    for xmlid in XMLIDS {
        let row = rows.iter().find(|row| row.xmlid == xmlid);
        let Some(row) = row else {
            return Err(format!("{xmlid} has no row in sections.tsv"));
        };

        assert_eq!(command(xmlid)?.section, row.section);
    }
    Ok(())
}

#[test]
fn lookup_ignores_the_case_of_the_xmlid() -> Result<(), String> {
    assert_eq!(command("GETDEVINFO")?.xmlid, "getdevinfo");
    assert_eq!(command("Login")?.xmlid, "login");
    Ok(())
}

#[test]
fn login_carries_no_session_id_and_its_confirm_hands_one_out() -> Result<(), String> {
    let login = command("login")?;
    assert!(login.field(Direction::Command, "SESSIONID").is_none());
    assert_eq!(
        field("login", Direction::Command, "USERNAME")?.presence,
        Presence::Required
    );
    assert_eq!(
        field("login", Direction::Command, "DOMAIN")?.presence,
        Presence::Optional
    );
    assert_eq!(
        field("login", Direction::Command, "INDICATION")?.presence,
        Presence::Optional
    );

    let session = field("login", Direction::Confirm, "SESSIONID")?;
    assert_eq!(session.presence, Presence::Required);
    assert_eq!(session.value, ValueType::Guid);
    Ok(())
}

#[test]
fn every_other_command_requires_a_session_id_and_every_confirm_a_result() -> Result<(), String> {
    for xmlid in XMLIDS {
        let result = field(xmlid, Direction::Confirm, "RESULT")?;
        assert_eq!(result.presence, Presence::Required, "{xmlid}");
        if xmlid == "login" {
            continue;
        }

        let session = field(xmlid, Direction::Command, "SESSIONID")?;
        assert_eq!(session.presence, Presence::Required, "{xmlid}");
        assert_eq!(session.value, ValueType::Guid, "{xmlid}");
    }
    Ok(())
}

#[test]
fn only_the_listing_commands_reply_with_one_confirm_per_item() -> Result<(), String> {
    for xmlid in XMLIDS {
        let expected = if PER_ITEM.contains(&xmlid) {
            Replies::PerItem
        } else {
            Replies::One
        };
        assert_eq!(command(xmlid)?.replies, expected, "{xmlid}");
    }
    Ok(())
}

#[test]
fn indications_are_listed_exactly_where_the_spec_shows_one() -> Result<(), String> {
    for xmlid in XMLIDS {
        let expected = WITH_INDICATION.contains(&xmlid);
        assert_eq!(command(xmlid)?.indication.is_some(), expected, "{xmlid}");
    }

    let indication = command("setip")?
        .fields(Direction::Indication)
        .unwrap_or_default();
    assert!(indication.iter().all(|field| field.name != "RESULT"));
    Ok(())
}

#[test]
fn state_changing_commands_are_the_sets_adds_mods_dels_and_shutdown() -> Result<(), String> {
    for xmlid in XMLIDS {
        let expected = ["set", "add", "mod", "del"]
            .iter()
            .any(|verb| xmlid.starts_with(verb))
            || xmlid == "shutdown";
        assert_eq!(command(xmlid)?.changes_state, expected, "{xmlid}");
        assert_eq!(command(xmlid)?.status, Status::Implemented, "{xmlid}");
    }
    Ok(())
}

#[test]
fn the_web_ui_only_commands_are_setivr_and_getmember() -> Result<(), String> {
    for xmlid in XMLIDS {
        let expected = xmlid == "setivr" || xmlid == "getmember";
        assert_eq!(command(xmlid)?.web_ui_only, expected, "{xmlid}");
    }
    assert!(field("getgk", Direction::Confirm, "GKCOLOR")?.web_ui_only);
    Ok(())
}

#[test]
fn group_members_repeat_and_carry_their_names() -> Result<(), String> {
    for xmlid in ["getgroup", "addgroup", "modgroup"] {
        for name in ["MEMBER_USER", "NOTIN_USER", "MEMBER_EP", "NOTIN_EP"] {
            let member = field(xmlid, Direction::Confirm, name)?;
            assert_eq!(member.presence, Presence::Repeatable, "{xmlid} {name}");
            assert!(member.name_attribute, "{xmlid} {name}");
            assert_eq!(
                member.web_ui_only,
                name.starts_with("NOTIN"),
                "{xmlid} {name}"
            );
        }
        let member = field(xmlid, Direction::Confirm, "MEMBER")?;
        assert_eq!(member.presence, Presence::Repeatable);
        assert!(!member.name_attribute);
    }
    assert_eq!(
        field("addgroup", Direction::Command, "MEMBER")?.presence,
        Presence::Repeatable
    );
    Ok(())
}

#[test]
fn value_types_follow_the_spec_ranges_and_forms() -> Result<(), String> {
    let timezone = field("refreshstatus", Direction::Confirm, "TIMEZONE")?;
    assert_eq!(timezone.value, ValueType::Integer { min: -12, max: 12 });
    let disk = field("refreshstatus", Direction::Confirm, "DISK")?;
    assert_eq!(disk.value, ValueType::Integer { min: 0, max: 100 });
    let time = field("refreshstatus", Direction::Confirm, "TIME")?;
    assert_eq!(time.value, ValueType::DateTime);
    let port = field("setgk", Direction::Command, "GKPORT")?;
    assert_eq!(port.value, ValueType::Integer { min: 0, max: 65535 });
    assert_eq!(
        field("setip", Direction::Command, "DEVIP")?.value,
        ValueType::Ipv4
    );
    assert_eq!(
        field("getendpoint", Direction::Confirm, "SOURCEID")?.value,
        ValueType::Guid
    );
    Ok(())
}

#[test]
fn enumerations_list_every_value_the_tables_give() -> Result<(), String> {
    let values = |xmlid, direction, name| -> Result<Vec<&str>, String> {
        match field(xmlid, direction, name)?.value {
            ValueType::Enumeration(pairs) => Ok(pairs.iter().map(|(value, _)| *value).collect()),
            other => Err(format!("{xmlid} {name} is {other:?}, not an enumeration")),
        }
    };

    let ten: Vec<String> = (0..10).map(|index| index.to_string()).collect();
    assert_eq!(values("getivr", Direction::Command, "INDEX")?, ten);
    assert_eq!(
        values("setivr", Direction::Command, "LANGUAGE")?,
        ["0", "1", "2"]
    );
    assert_eq!(
        values("setstorage", Direction::Indication, "AUTO_SAVE")?,
        ["0", "1", "2"]
    );
    assert_eq!(values("login", Direction::Command, "LANG")?, ["0", "1"]);
    assert_eq!(
        values("login", Direction::Confirm, "PRIVILEGE")?,
        ["0", "1"]
    );
    Ok(())
}

#[test]
fn no_record_lists_a_field_twice() -> Result<(), String> {
    let directions = [
        Direction::Command,
        Direction::Confirm,
        Direction::Indication,
    ];
    for xmlid in XMLIDS {
        for direction in directions {
            let fields = command(xmlid)?.fields(direction).unwrap_or_default();
            for (index, spec) in fields.iter().enumerate() {
                let twice = fields
                    .iter()
                    .skip(index + 1)
                    .any(|other| other.name == spec.name);
                assert!(!twice, "{xmlid} {direction:?} lists {} twice", spec.name);
            }
        }
    }
    Ok(())
}
