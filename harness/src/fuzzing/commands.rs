//! Commands of the catalog filled with arbitrary values, for the
//! `emulator_session` oracle: mostly values of the right shape, often ones
//! the device already knows (its names and GUIDs), sometimes values at or
//! past their bounds, and sometimes any text at all.

use arbitrary::{Result, Unstructured};
use dvcr_protocol::catalog::{Command, FieldSpec, Presence, ValueType};
use dvcr_protocol::{Kind, Message, PROTOCOL_VERSION};

use crate::emulator::State;

/// A `COMMAND` message for `command`, its `SESSIONID` being `session`.
pub(super) fn build(
    u: &mut Unstructured<'_>,
    command: &Command,
    state: &State,
    session: Option<&str>,
) -> Result<Message<'static>> {
    let xmlid = if u.ratio(1, 8)? {
        command.xmlid.to_ascii_uppercase()
    } else {
        command.xmlid.to_owned()
    };
    let mut message = Message::new(PROTOCOL_VERSION);
    message.push_record(Kind::Command, xmlid);
    for spec in command.command {
        let times = match spec.presence {
            Presence::Required => u8::from(!u.ratio(1, 16)?),
            Presence::Optional => u8::from(u.arbitrary::<bool>()?),
            Presence::Repeatable => u.int_in_range(0..=3)?,
        };
        for _ in 0..times {
            let value = match (spec.name, session) {
                ("SESSIONID", Some(session)) if !u.ratio(1, 16)? => session.to_owned(),
                _ => value(u, spec, state)?,
            };
            message.push_value(spec.name, value);
            if spec.name_attribute {
                message.push_attribute("name", text(u)?);
            }
        }
    }
    Ok(message)
}

/// A value for the field `spec`.
fn value(u: &mut Unstructured<'_>, spec: &FieldSpec, state: &State) -> Result<String> {
    if u.ratio(1, 8)? {
        return text(u);
    }

    Ok(match spec.value {
        ValueType::Guid => guid(u, state)?,
        ValueType::Integer { min, max } => {
            let edge = [min.saturating_sub(1), min, max, max.saturating_add(1)];
            let known = known_numbers(state);
            if u.ratio(1, 4)? {
                u.choose(&edge)?.to_string()
            } else if !known.is_empty() && u.arbitrary::<bool>()? {
                u.choose(&known)?.to_string()
            } else {
                u.int_in_range(min..=max)?.to_string()
            }
        }
        ValueType::Enumeration(values) if !values.is_empty() => u.choose(values)?.0.to_owned(),
        ValueType::Enumeration(_) => text(u)?,
        ValueType::Ipv4 => ipv4(u)?,
        ValueType::Host if u.arbitrary::<bool>()? => ipv4(u)?,
        ValueType::Host => "rss.example".to_owned(),
        ValueType::DateTime => {
            let day: u8 = u.int_in_range(1..=31)?;
            let hour: u8 = u.int_in_range(0..=24)?;
            format!("May {day},2006 {hour:02}:06:00")
        }
        ValueType::Duration => {
            let [h, m, s]: [u8; 3] = [u.int_in_range(0..=99)?, u.int_in_range(0..=60)?, 0];
            format!("{h:02}:{m:02}:{s:02}")
        }
        ValueType::Digits(count) => {
            let count = if u.ratio(1, 8)? { count + 1 } else { count };
            (0..count)
                .map(|i| char::from(b'0' + (i % 10) as u8))
                .collect()
        }
        ValueType::Text { max_chars } => match max_chars {
            Some(max) if u.ratio(1, 8)? => "x".repeat(max + 1),
            _ if u.arbitrary::<bool>()? => known_name(u, state)?,
            _ => text(u)?,
        },
    })
}

/// A GUID the device knows, or one of the right shape it does not.
fn guid(u: &mut Unstructured<'_>, state: &State) -> Result<String> {
    let known: Vec<&str> = state
        .users
        .iter()
        .map(|user| user.id.as_str())
        .chain(state.endpoints.iter().map(|endpoint| endpoint.id.as_str()))
        .chain(state.groups.iter().map(|group| group.id.as_str()))
        .chain(state.media.iter().map(|media| media.id.as_str()))
        .collect();
    if !known.is_empty() && !u.ratio(1, 4)? {
        return Ok((*u.choose(&known)?).to_owned());
    }

    let n: u64 = u.arbitrary()?;
    Ok(format!("{:08x}-0000-4000-{n:016x}", n >> 32))
}

/// The numbers the device knows: its link and room indexes.
fn known_numbers(state: &State) -> Vec<u32> {
    let links = state.links.iter().map(|link| link.index);
    links
        .chain(state.rooms.iter().map(|room| room.index))
        .collect()
}

/// A name the device knows: a user, endpoint, group or room.
fn known_name(u: &mut Unstructured<'_>, state: &State) -> Result<String> {
    let known: Vec<&str> = state
        .users
        .iter()
        .map(|user| user.name.as_str())
        .chain(
            state
                .endpoints
                .iter()
                .map(|endpoint| endpoint.name.as_str()),
        )
        .chain(state.groups.iter().map(|group| group.name.as_str()))
        .chain(state.rooms.iter().map(|room| room.name.as_str()))
        .collect();
    if known.is_empty() {
        return text(u);
    }

    Ok((*u.choose(&known)?).to_owned())
}

fn ipv4(u: &mut Unstructured<'_>) -> Result<String> {
    let [a, b, c, d]: [u8; 4] = u.arbitrary()?;
    Ok(format!("{a}.{b}.{c}.{d}"))
}

/// Any short text XML can carry, as a decoded request would hold.
fn text(u: &mut Unstructured<'_>) -> Result<String> {
    let len = u.int_in_range(0..=24)?;
    let mut out = String::new();
    for _ in 0..len {
        let c: char = u.arbitrary()?;
        if is_xml_char(c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// Whether XML 1.0 allows `c`, so that a decoded request could hold it.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}
