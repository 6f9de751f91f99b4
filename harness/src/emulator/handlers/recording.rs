//! Recording settings (spec, "Recording Settings"): the single point
//! settings, and the point-to-point meeting rooms whose status follows the
//! H.323 links inside them.

use dvcr_protocol::Message;

use super::{Ctx, Effect, Handled};
use crate::emulator::reply;
use crate::emulator::request::{Refusal, Request};
use crate::emulator::state::{LinkStatus, Room, State};

/// `GETSP`: the single point settings and the groups allowed to record.
pub fn getsp<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let mut message = ctx.confirm();
    push_single_point(&mut message, ctx.state);
    Ok(Effect::reply(message))
}

/// `SETSP`: changes the single point settings given, and echoes them all.
pub fn setsp<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let dual_video = request.choice("DUALVIDEO", &[0, 1])?;
    let iframe_interval = request.number::<u32>("IFRAMEINTERVAL")?;
    let broadcast = request.choice("BROADCAST", &[0, 1])?;
    let record_right = request.choice("RECORDRIGHT", &[0, 1])?;
    let view_right = request.choice("VIEWRIGHT", &[0, 1, 2])?;
    let record_ids = group_ids(ctx.state, request, "RECORDID")?;

    let settings = &mut ctx.state.single_point;
    if let Some(value) = dual_video {
        settings.dual_video = value;
    }
    if let Some(value) = iframe_interval {
        settings.iframe_interval = value;
    }
    if let Some(value) = broadcast {
        settings.broadcast = value;
    }
    if let Some(value) = record_right {
        settings.record_right = value;
    }
    if let Some(value) = view_right {
        settings.view_right = value;
    }
    if let Some(ids) = record_ids {
        settings.record_ids = ids;
    }

    let mut confirm = ctx.confirm();
    push_single_point(&mut confirm, ctx.state);
    let mut indication = reply::indication(ctx.xmlid);
    push_single_point(&mut indication, ctx.state);
    Ok(Effect::change(confirm, indication))
}

/// `GETROOM`: one confirm per room, or the detail of room `INDEX`.
pub fn getroom<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let Some(index) = request.number::<u32>("INDEX")? else {
        let mut message = reply::list();
        for room in &ctx.state.rooms {
            reply::push_item(&mut message, ctx.xmlid);
            push_room(&mut message, ctx.state, room, false);
        }
        return Ok(Effect::reply(reply::finish_list(message, ctx.xmlid)));
    };

    let room = ctx
        .state
        .room(index)
        .ok_or_else(|| Refusal(format!("no meeting room with INDEX {index}")))?;
    let mut message = ctx.confirm();
    push_room(&mut message, ctx.state, room, true);
    Ok(Effect::reply(message))
}

/// `ADDROOM`: a new room with a unique name; the device picks its index.
pub fn addroom<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let index = ctx
        .state
        .rooms
        .iter()
        .map(|room| room.index + 1)
        .max()
        .unwrap_or(0);
    let mut room = Room {
        index,
        rate: 768,
        iframe_interval: 1,
        video_format: 3,
        ..Room::default()
    };
    room.name = request.non_blank("ROOM_ID")?.trim().to_owned();
    update_room(ctx.state, &mut room, request)?;
    ctx.state.rooms.push(room.clone());
    Ok(room_effect(ctx, &room))
}

/// `MODROOM`: changes the room `INDEX`.
pub fn modroom<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let index = request.required_number::<u32>("INDEX")?;
    let mut room = ctx
        .state
        .room(index)
        .cloned()
        .ok_or_else(|| Refusal(format!("no meeting room with INDEX {index}")))?;
    if let Some(name) = request.value("ROOM_ID") {
        if name.trim().is_empty() {
            return Err(Refusal::new("ROOM_ID cannot be blank"));
        }

        room.name = name.trim().to_owned();
    }

    update_room(ctx.state, &mut room, request)?;
    if let Some(slot) = ctx.state.rooms.iter_mut().find(|slot| slot.index == index) {
        *slot = room.clone();
    }
    Ok(room_effect(ctx, &room))
}

/// `DELROOM`: removes an empty room.
pub fn delroom<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let index = request.required_number::<u32>("INDEX")?;
    let Some(room) = ctx.state.room(index) else {
        return Err(Refusal(format!("no meeting room with INDEX {index}")));
    };

    if ctx
        .state
        .links
        .iter()
        .any(|link| link.meeting_room == room.name)
    {
        return Err(Refusal(format!("meeting room {index} has endpoints in it")));
    }

    ctx.state.rooms.retain(|room| room.index != index);
    let mut confirm = ctx.confirm();
    reply::put(&mut confirm, "INDEX", index);
    let mut indication = reply::indication(ctx.xmlid);
    reply::put(&mut indication, "INDEX", index);
    Ok(Effect::change(confirm, indication))
}

/// Checks and applies the room parameters a request gives.
fn update_room(state: &State, room: &mut Room, request: &Request<'_, '_>) -> Result<(), Refusal> {
    let clash = state
        .rooms
        .iter()
        .any(|other| other.index != room.index && other.name == room.name);
    if clash {
        return Err(Refusal(format!(
            "room name {:?} is already in use",
            room.name
        )));
    }

    if let Some(number) = request.value("ROOM_NUM") {
        room.number = number.trim().to_owned();
    }
    if let Some(rate) = request.number("RATE")? {
        room.rate = rate;
    }
    if let Some(format) = request.choice("VIDEO_FORMAT", &[0, 1, 2, 3])? {
        room.video_format = format;
    }
    if let Some(dual_video) = request.choice("DUALVIDEO", &[0, 1])? {
        room.dual_video = dual_video;
    }
    if let Some(interval) = request.number("IFRAMEINTERVAL")? {
        room.iframe_interval = interval;
    }
    if let Some(broadcast) = request.choice("BROADCAST", &[0, 1])? {
        room.broadcast = broadcast;
    }
    if let Some(view_right) = request.choice("VIEWRIGHT", &[0, 1, 2])? {
        room.view_right = view_right;
    }
    if let Some(record_right) = request.choice("RECORDRIGHT", &[0, 1])? {
        room.record_right = record_right;
    }
    if let Some(ids) = group_ids(state, request, "RECORDID")? {
        room.record_ids = ids;
    }
    if let Some(ids) = group_ids(state, request, "VIEWID")? {
        room.view_ids = ids;
    }
    Ok(())
}

/// The group GUIDs of repeated field `name`, if any came; each must name a
/// group.
pub fn group_ids(
    state: &State,
    request: &Request<'_, '_>,
    name: &str,
) -> Result<Option<Vec<String>>, Refusal> {
    if !request.has(name) {
        return Ok(None);
    }

    let ids = request.values(name);
    if let Some(unknown) = ids.iter().find(|id| state.group_name(id).is_none()) {
        return Err(Refusal(format!("{name} {unknown:?} is no group")));
    }

    Ok(Some(ids))
}

fn room_effect<'c>(ctx: &Ctx<'c>, room: &Room) -> Effect<'c> {
    let mut confirm = ctx.confirm();
    push_room(&mut confirm, ctx.state, room, true);
    let mut indication = reply::indication(ctx.xmlid);
    push_room(&mut indication, ctx.state, room, true);
    Effect::change(confirm, indication)
}

fn push_single_point(message: &mut Message<'_>, state: &State) {
    let settings = &state.single_point;
    reply::put(message, "DUALVIDEO", settings.dual_video);
    reply::put(message, "IFRAMEINTERVAL", settings.iframe_interval);
    reply::put(message, "BROADCAST", settings.broadcast);
    reply::put(message, "RECORDRIGHT", settings.record_right);
    reply::put(message, "VIEWRIGHT", settings.view_right);
    push_rights(
        message,
        state,
        &settings.record_ids,
        ["RECORDID", "RECORDIDEXT", "NOTIN"],
    );
}

/// The room's status: the busiest of the links inside it.
fn room_status(state: &State, room: &Room) -> (usize, LinkStatus) {
    let links: Vec<LinkStatus> = state
        .links
        .iter()
        .filter(|link| link.meeting_room == room.name)
        .map(|link| link.status)
        .collect();
    let status = [
        LinkStatus::Recording,
        LinkStatus::Paused,
        LinkStatus::Streaming,
    ]
    .into_iter()
    .find(|wanted| links.contains(wanted))
    .unwrap_or(LinkStatus::Menu);
    (links.len(), status)
}

/// Appends a room's fields in the spec's order; the detail adds the groups
/// with and without access and view rights.
pub fn push_room(message: &mut Message<'_>, state: &State, room: &Room, detail: bool) {
    let (participants, status) = room_status(state, room);
    reply::put(message, "INDEX", room.index);
    reply::put(message, "ROOM_ID", &room.name);
    reply::put(message, "ROOM_NUM", &room.number);
    reply::put(message, "DUALVIDEO", room.dual_video);
    reply::put(message, "H239", room.dual_video);
    reply::put(message, "BROADCAST", room.broadcast);
    reply::put(message, "RATE", room.rate);
    reply::put(message, "PARTINOW", participants);
    reply::put(message, "PARTIMAX", room.max_participants);
    reply::put(message, "STATUS_INDEX", status.room_index());
    reply::put(message, "STATUS", room_status_text(status));
    reply::put(message, "RECORDRIGHT", room.record_right);
    reply::put(message, "VIEWRIGHT", room.view_right);
    reply::put(message, "IFRAMEINTERVAL", room.iframe_interval);
    reply::put(message, "VIDEO_FORMAT", room.video_format);
    if detail {
        push_rights(
            message,
            state,
            &room.record_ids,
            ["RECORDID", "RECORDIDEXT", "NOTIN_REC"],
        );
        push_rights(
            message,
            state,
            &room.view_ids,
            ["VIEWID", "VIEWIDEXT", "NOTIN_VIEW"],
        );
    }
}

fn room_status_text(status: LinkStatus) -> &'static str {
    match status {
        LinkStatus::Menu => "Menu",
        LinkStatus::Recording => "Recording",
        LinkStatus::Paused => "Paused",
        LinkStatus::Streaming => "Streaming",
    }
}

/// Appends `ID` per group with the right, `IDEXT` with its name, and `NOTIN`
/// for every group without it.
pub fn push_rights(
    message: &mut Message<'_>,
    state: &State,
    ids: &[String],
    [id_field, ext_field, notin_field]: [&'static str; 3],
) {
    for id in ids {
        reply::put(message, id_field, id);
    }
    for id in ids {
        reply::put_named(
            message,
            ext_field,
            id,
            state.group_name(id).unwrap_or_default(),
        );
    }
    for group in state.groups.iter().filter(|group| !ids.contains(&group.id)) {
        reply::put_named(message, notin_field, &group.id, &group.name);
    }
}
