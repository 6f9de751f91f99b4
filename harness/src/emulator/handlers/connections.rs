//! H.323 connections (spec, "H.323 Connections" and "Dial out and Record"):
//! the link list, and the recording state machine each link follows.
//!
//! ```text
//!            start              pause
//!   Menu ──────────▶ Recording ──────▶ Paused
//!    ▲  ▲               │  ▲ continue    │
//!    │  └───── stop ────┘  └─────────────┤
//!    └──────────────── stop ─────────────┘
//! ```
//!
//! A link streaming without recording starts recording like one in the
//! menu. Stopping, or hanging up while recording, files a new archive; a
//! link that broadcasts has a live stream while it records.

use dvcr_protocol::Message;

use super::{Ctx, Effect, Handled};
use crate::emulator::clock::CivilTime;
use crate::emulator::reply;
use crate::emulator::request::{Refusal, Request};
use crate::emulator::state::{Link, LinkStatus, Media, State};

/// The first H.323 link index (spec, "GETEPLINK").
const FIRST_LINK_INDEX: u32 = 1024;

/// `GETEPLINK`: one confirm per current H.323 connection.
pub fn geteplink<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let mut message = reply::list();
    for link in &ctx.state.links {
        reply::push_item(&mut message, ctx.xmlid);
        push_link(&mut message, link);
    }
    Ok(Effect::reply(reply::finish_list(message, ctx.xmlid)))
}

/// `STARTROOMRECORD`: a link in the menu, or streaming, starts recording.
pub fn startroomrecord<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let now_ms = ctx.now_ms;
    transition(ctx, request, |state, link| match link.status {
        LinkStatus::Menu | LinkStatus::Streaming => {
            start_recording(state, link.index, now_ms);
            Ok(())
        }
        _ => Err(format!("link {} is already recording", link.index)),
    })
}

/// `PAUSEROOMRECORD`: a recording link pauses.
pub fn pauseroomrecord<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    transition(ctx, request, |state, link| match link.status {
        LinkStatus::Recording => set_status(state, link.index, LinkStatus::Paused),
        _ => Err(format!("link {} is not recording", link.index)),
    })
}

/// `CONTINUEROOMRECORD`: a paused link records again.
pub fn continueroomrecord<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    transition(ctx, request, |state, link| match link.status {
        LinkStatus::Paused => set_status(state, link.index, LinkStatus::Recording),
        _ => Err(format!("link {} is not paused", link.index)),
    })
}

/// `STOPROOMRECORD`: a recording or paused link goes back to the menu and
/// its recording becomes an archive.
pub fn stoproomrecord<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let now_ms = ctx.now_ms;
    let id = ctx.ids.guid();
    transition(ctx, request, |state, link| match link.status {
        LinkStatus::Recording | LinkStatus::Paused => {
            file_archive(state, link, id, now_ms);
            set_status(state, link.index, LinkStatus::Menu)
        }
        _ => Err(format!("link {} has no recording to stop", link.index)),
    })
}

/// `HANGUP`: ends a link, filing its recording if it had one; its live
/// stream, if any, ends with it.
pub fn hangup<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let index = request.required_number::<u32>("INDEX")?;
    let link = ctx
        .state
        .link(index)
        .cloned()
        .ok_or_else(|| Refusal(format!("no H.323 link with INDEX {index}")))?;
    if matches!(link.status, LinkStatus::Recording | LinkStatus::Paused) {
        let id = ctx.ids.guid();
        file_archive(ctx.state, &link, id, ctx.now_ms);
    }

    ctx.state.links.retain(|link| link.index != index);
    ctx.state.media.retain(|media| media.link != Some(index));
    let mut confirm = ctx.confirm();
    reply::put(&mut confirm, "INDEX", index);
    let mut indication = reply::indication(ctx.xmlid);
    reply::put(&mut indication, "INDEX", index);
    Ok(Effect::change(confirm, indication))
}

/// The length a live stream shows: it has none yet.
const LIVE_DURATION: &str = "00:00:00";

/// The address in parameter `name` that a call dials: the emulated device
/// reaches IPv4 addresses only, as GETEPLINK shows each link by its `IP`.
pub(super) fn dialled(request: &Request<'_, '_>, name: &str) -> Result<String, Refusal> {
    let address = request.non_blank(name)?.trim();
    if address.parse::<std::net::Ipv4Addr>().is_err() {
        return Err(Refusal(format!(
            "cannot dial {name} {address:?}: the device reaches IPv4 addresses only"
        )));
    }

    Ok(address.to_owned())
}

/// `STARTQUICKRECORD`: dials `IP_NUM` and records the call at once.
pub fn startquickrecord<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let address = dialled(request, "IP_NUM")?;
    let reference_id = request.value("REFERENCEID").unwrap_or("").trim().to_owned();
    if reference_id.chars().count() > 30 {
        return Err(Refusal::new("REFERENCEID must be at most 30 characters"));
    }

    let view_ids = super::recording::group_ids(ctx.state, request, "VIEWID")?.unwrap_or_default();
    let index = ctx
        .state
        .links
        .iter()
        .map(|l| l.index + 1)
        .max()
        .unwrap_or(FIRST_LINK_INDEX);
    let link = Link {
        index: index.max(FIRST_LINK_INDEX),
        ip: address,
        start_time: CivilTime::from_unix(ctx.now_ms / 1000).spec_format(),
        meeting_room: "N/A".to_owned(),
        network: "0%".to_owned(),
        video: "H.264".to_owned(),
        audio: "G.722".to_owned(),
        h239: request.choice("DUALVIDEO", &[0, 1])?.unwrap_or(0),
        rate: request.number("RATE")?.unwrap_or(384),
        broadcast: request.choice("BROADCAST", &[0, 1])?.unwrap_or(0),
        reference_id,
        view_right: request.choice("VIEWRIGHT", &[0, 1, 2])?.unwrap_or(1),
        view_ids,
        ..Link::default()
    };
    let interval = request.number::<u32>("IFRAMEINTERVAL")?.unwrap_or(1);
    let link_index = link.index;
    ctx.state.links.push(link);
    start_recording(ctx.state, link_index, ctx.now_ms);

    let Some(link) = ctx.state.link(link_index) else {
        return Err(Refusal::new("the new link vanished"));
    };

    let mut confirm = ctx.confirm();
    push_quick_record(&mut confirm, ctx.state, link, interval);
    let mut indication = reply::indication(ctx.xmlid);
    push_quick_record(&mut indication, ctx.state, link, interval);
    Ok(Effect::change(confirm, indication))
}

/// Runs a state change on link `INDEX` and answers with the spec's confirm
/// (`DESCRIPTION` and `INDEX`) and indication (`INDEX`).
fn transition<'c>(
    ctx: &'c mut Ctx<'_>,
    request: &Request<'_, '_>,
    change: impl FnOnce(&mut State, &Link) -> Result<(), String>,
) -> Handled<'c> {
    let index = request.required_number::<u32>("INDEX")?;
    let link = ctx
        .state
        .link(index)
        .cloned()
        .ok_or_else(|| Refusal(format!("no H.323 link with INDEX {index}")))?;
    change(ctx.state, &link).map_err(Refusal)?;

    let mut confirm = ctx.succeeded();
    reply::put(&mut confirm, "INDEX", index);
    let mut indication = reply::indication(ctx.xmlid);
    reply::put(&mut indication, "INDEX", index);
    Ok(Effect::change(confirm, indication))
}

fn set_status(state: &mut State, index: u32, status: LinkStatus) -> Result<(), String> {
    let link = state
        .links
        .iter_mut()
        .find(|link| link.index == index)
        .ok_or_else(|| format!("no H.323 link with INDEX {index}"))?;
    link.status = status;
    if status == LinkStatus::Menu {
        link.recording_since_ms = None;
        state.media.retain(|media| media.link != Some(index));
    }
    Ok(())
}

/// Starts recording on a link, with a live stream when it broadcasts.
fn start_recording(state: &mut State, index: u32, now_ms: u64) {
    let Some(link) = state.links.iter_mut().find(|link| link.index == index) else {
        return;
    };

    link.status = LinkStatus::Recording;
    link.recording_since_ms = Some(now_ms);
    let streams = link.broadcast == 1 && !state.media.iter().any(|m| m.link == Some(index));
    if !streams {
        return;
    }

    let stream = Media {
        id: format!("{index:08x}-0000-0000-{now_ms:016x}"),
        name: format!("{}_LIVE", label(link)),
        rec_time: link.start_time.clone(),
        rate: link.rate,
        h239: link.h239,
        url: (8000 + index).to_string(),
        video_format: link.video.clone(),
        catalog: 1,
        duration: LIVE_DURATION.to_owned(),
        reference_id: link.reference_id.clone(),
        link: Some(index),
        ..Media::default()
    };
    state.media.push(stream);
}

/// Files the recording of `link` as a new archive.
fn file_archive(state: &mut State, link: &Link, id: String, now_ms: u64) {
    let since_ms = link.recording_since_ms.unwrap_or(now_ms);
    let seconds = now_ms.saturating_sub(since_ms) / 1000;
    let started = CivilTime::from_unix(since_ms / 1000);
    let (hour, minute, _) = started.hms;
    let name = format!(
        "{}_{}_{:02}_{}_{hour:02}:{minute:02}",
        label(link),
        started.month_name().to_uppercase(),
        started.day,
        started.year
    );
    let prefix = id.split('-').next().unwrap_or_default().to_owned();
    let quick_code = state
        .media
        .iter()
        .filter_map(|media| media.quick_code.parse::<u32>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let archive = Media {
        url: format!("{}_{prefix}_WMV.asf", name.replace([' ', ':'], "_")),
        description: name.clone(),
        name,
        id,
        rec_time: started.spec_format(),
        duration: format!(
            "{:02}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        ),
        size: u64::from(link.rate) * seconds / 8,
        rate: link.rate,
        h239: link.h239,
        video_format: link.video.clone(),
        server: state.setting("network", "DEVIP").to_owned(),
        reference_id: link.reference_id.clone(),
        access_type: link.view_right,
        access_ids: link.view_ids.clone(),
        quick_code: format!("{quick_code:06}"),
        ..Media::default()
    };
    state.media.push(archive);
}

fn label(link: &Link) -> &str {
    [
        link.meeting_room.as_str(),
        link.h323.as_str(),
        link.ip.as_str(),
    ]
    .into_iter()
    .find(|label| !label.is_empty() && *label != "N/A")
    .unwrap_or("RECORD")
}

/// Appends a link's fields in the spec's order.
fn push_link(message: &mut Message<'_>, link: &Link) {
    reply::put(message, "INDEX", link.index);
    reply::put(message, "STATUS", link.status.text());
    reply::put(message, "STATUS_INDEX", link.status.index());
    reply::put(message, "IP", &link.ip);
    reply::put(message, "E164", &link.e164);
    reply::put(message, "H323", &link.h323);
    reply::put(message, "STARTTIME", &link.start_time);
    reply::put(message, "MEETINGROOM", &link.meeting_room);
    reply::put(message, "NETWORK", &link.network);
    reply::put(message, "VIDEO", &link.video);
    reply::put(message, "AUDIO", &link.audio);
    reply::put(message, "H239", link.h239);
}

/// The room-shaped fields of a `STARTQUICKRECORD` confirm and indication.
fn push_quick_record(message: &mut Message<'_>, state: &State, link: &Link, interval: u32) {
    reply::put(message, "INDEX", link.index);
    reply::put(message, "ROOM_ID", &link.ip);
    reply::put(message, "ROOM_NUM", "");
    reply::put(message, "DUALVIDEO", link.h239);
    reply::put(message, "H239", link.h239);
    reply::put(message, "BROADCAST", link.broadcast);
    reply::put(message, "RATE", link.rate);
    reply::put(message, "PARTINOW", "0");
    reply::put(message, "PARTIMAX", "0");
    reply::put(message, "STATUS_INDEX", link.status.room_index());
    reply::put(message, "STATUS", "Recording");
    reply::put(message, "RECORDRIGHT", "0");
    reply::put(message, "VIEWRIGHT", link.view_right);
    reply::put(message, "IFRAMEINTERVAL", interval);
    reply::put(message, "VIDEO_FORMAT", "3");
    for group in &state.groups {
        reply::put_named(message, "NOTIN_REC", &group.id, &group.name);
    }
    super::recording::push_rights(
        message,
        state,
        &link.view_ids,
        ["VIEWID", "VIEWIDEXT", "NOTIN_VIEW"],
    );
    reply::put(message, "REFERENCEID", &link.reference_id);
}
