//! The state a device starts from: the default fixture, drawn from the
//! spec's own examples (its users, endpoints, groups, rooms, archives and
//! H.323 link), or any fixture file in the same TOML form.
//!
//! The default lives in `corpus/emulator/default.toml`; its README says how
//! the format reads.

use std::collections::BTreeSet;
use std::net::Ipv4Addr;

use super::fixture_settings::check_settings;
use super::state::{Endpoint, Media, Room, State};

/// The text of the default fixture.
pub const DEFAULT_FIXTURE: &str = include_str!("../../../corpus/emulator/default.toml");

/// A fixture that is not valid TOML, does not fit the state's shape, or
/// holds an entry the device could not hold.
#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    /// What the TOML reader said, with the line and column.
    #[error("fixture does not parse: {0}")]
    Toml(#[from] toml::de::Error),
    /// An entry breaks a rule of the device's state.
    #[error("{entry}: {problem}")]
    Invalid {
        /// The entry, such as `[[users]] entry 2 (name "ops")`.
        entry: String,
        /// What is wrong with it: what was expected and what came.
        problem: String,
    },
}

/// Reads a fixture from its TOML text and checks its entries: privileges
/// 0 or 1, ids in the spec's 8-4-4-16 GUID form, no name or id twice,
/// endpoints' addresses and flags, then the state's invariants (group
/// members that exist, among others), then each settings block as its
/// `SETx` would be checked, and that at least one user is an
/// administrator. A saved state is not held to the last rule: it is what
/// the device's own commands left. A `[settings.NAME]` block the fixture
/// leaves out is the default fixture's, so that the device never answers
/// a `GETx` with blank values.
pub fn parse(text: &str) -> Result<State, FixtureError> {
    let mut state: State = toml::from_str(text)?;
    fill_missing_settings(&mut state);
    check(&state)?;
    if !state.users.iter().any(|user| user.privilege == 0) {
        let problem = "no [[users]] entry with privilege 0 (administrator), \
                       so no session could manage the device"
            .to_owned();
        return Err(invalid("the fixture".to_owned(), problem));
    }
    Ok(state)
}

/// Gives `state` the default fixture's settings blocks it does not hold.
fn fill_missing_settings(state: &mut State) {
    let Ok(default) = toml::from_str::<State>(DEFAULT_FIXTURE) else {
        return;
    };
    for (name, block) in default.settings {
        state.settings.entry(name).or_insert(block);
    }
}

/// Checks what the TOML shape cannot: the first entry that breaks a rule.
pub(super) fn check(state: &State) -> Result<(), FixtureError> {
    let mut names = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for (index, user) in state.users.iter().enumerate() {
        let entry = || format!("[[users]] entry {} (name {:?})", index + 1, user.name);
        if user.privilege > 1 {
            let problem = format!(
                "privilege {}, expected 0 (administrator) or 1 (ordinary user)",
                user.privilege
            );
            return Err(FixtureError::Invalid {
                entry: entry(),
                problem,
            });
        }

        if user.name.trim().is_empty() {
            return Err(invalid(entry(), "a blank name, expected one".to_owned()));
        }
        once(&mut names, &user.name, "name").map_err(|problem| invalid(entry(), problem))?;
        account_id(&mut ids, &user.id).map_err(|problem| invalid(entry(), problem))?;
    }

    let mut names = BTreeSet::new();
    for (index, endpoint) in state.endpoints.iter().enumerate() {
        let entry = || {
            format!(
                "[[endpoints]] entry {} (name {:?})",
                index + 1,
                endpoint.name
            )
        };
        once(&mut names, &endpoint.name, "name").map_err(|problem| invalid(entry(), problem))?;
        account_id(&mut ids, &endpoint.id).map_err(|problem| invalid(entry(), problem))?;
        endpoint_values(endpoint).map_err(|problem| invalid(entry(), problem))?;
    }
    let mut indexes = BTreeSet::new();
    for (index, room) in state.rooms.iter().enumerate() {
        let entry = || format!("[[rooms]] entry {} (name {:?})", index + 1, room.name);
        if !indexes.insert(room.index) {
            let problem = format!("index {} again, expected each index once", room.index);
            return Err(invalid(entry(), problem));
        }
        room_values(room).map_err(|problem| invalid(entry(), problem))?;
    }
    for (index, media) in state.media.iter().enumerate() {
        let entry = || format!("[[media]] entry {} (name {:?})", index + 1, media.name);
        media_values(media).map_err(|problem| invalid(entry(), problem))?;
    }
    state
        .check_invariants()
        .map_err(|violation| invalid("the fixture".to_owned(), violation.to_string()))?;
    check_settings(state)
}

/// Checks the values of a room that `ADDROOM` would refuse: a name, a
/// `VIDEO_FORMAT` of 0 to 3, `DUALVIDEO` and `BROADCAST` 0 or 1.
fn room_values(room: &Room) -> Result<(), String> {
    if room.name.trim().is_empty() {
        return Err("a blank name, expected one".to_owned());
    }
    if room.video_format > 3 {
        let format = room.video_format;
        return Err(format!(
            "video_format {format}, expected 0 to 3 (H.261 to H.264)"
        ));
    }
    if room.dual_video > 1 || room.broadcast > 1 {
        return Err("dual_video or broadcast above 1, expected 0 or 1".to_owned());
    }
    Ok(())
}

/// Checks the values of an archive or live stream that `GETMEDIAINFO`
/// could not answer per the catalog: a `CONF_ID` in the spec's GUID form,
/// `CATALOG` and `H239` 0 or 1.
fn media_values(media: &Media) -> Result<(), String> {
    if !is_spec_guid(&media.id) {
        let id = &media.id;
        return Err(format!(
            "id {id:?}, expected a GUID in the spec's 8-4-4-16 form"
        ));
    }
    if media.catalog > 1 {
        let catalog = media.catalog;
        return Err(format!(
            "catalog {catalog}, expected 0 (archive) or 1 (live stream)"
        ));
    }
    if media.h239 > 1 {
        return Err(format!("h239 {}, expected 0 or 1", media.h239));
    }
    Ok(())
}

/// Checks the values of an endpoint that `ADDENDPOINT` would refuse: its
/// `SOURCEIP` an IPv4 address, its `FLAG` 0 or 1.
fn endpoint_values(endpoint: &Endpoint) -> Result<(), String> {
    if endpoint.ip.parse::<Ipv4Addr>().is_err() {
        return Err(format!("ip {:?}, expected an IPv4 address", endpoint.ip));
    }

    if endpoint.flag > 1 {
        return Err(format!("flag {}, expected 0 or 1", endpoint.flag));
    }
    Ok(())
}

fn invalid(entry: String, problem: String) -> FixtureError {
    FixtureError::Invalid { entry, problem }
}

/// Notes `value` as seen; an error when it was seen before.
fn once<'a>(seen: &mut BTreeSet<&'a str>, value: &'a str, what: &str) -> Result<(), String> {
    if seen.insert(value) {
        return Ok(());
    }

    Err(format!("{what} {value:?} again, expected each {what} once"))
}

/// Checks an account id: empty (the device gives none), or a GUID in the
/// spec's 8-4-4-16 form that no other user or endpoint has.
fn account_id<'a>(seen: &mut BTreeSet<&'a str>, id: &'a str) -> Result<(), String> {
    if id.is_empty() {
        return Ok(());
    }

    if !is_spec_guid(id) {
        return Err(format!(
            "id {id:?}, expected a GUID in the spec's 8-4-4-16 form"
        ));
    }
    once(seen, id, "id")
}

/// Whether `id` is hex digits in groups of 8, 4, 4 and 16.
fn is_spec_guid(id: &str) -> bool {
    let mut groups = id.split('-');
    let shaped = [8, 4, 4, 16].iter().all(|&len| {
        groups
            .next()
            .is_some_and(|group| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    shaped && groups.next().is_none()
}

/// The default fixture's state.
pub fn default_state() -> State {
    parse(DEFAULT_FIXTURE).unwrap_or_default()
}
