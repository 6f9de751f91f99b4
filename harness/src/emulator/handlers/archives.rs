//! Archives and live streams (spec, "Archives / Live Streaming"): counts,
//! pages of media sorted as asked, the detail of one, and its change or
//! deletion.

use std::cmp::Ordering;

use dvcr_protocol::Message;

use super::recording::group_ids;
use super::{Ctx, Effect, Handled};
use crate::emulator::reply;
use crate::emulator::request::{Refusal, Request};
use crate::emulator::state::{Media, State};

/// `GETLISTINFO`: how many archives match `SEARCH`, and how many live
/// streams there are.
pub fn getlistinfo<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    if request
        .number::<u8>("LIBMEDIA")?
        .is_some_and(|value| value != 1)
    {
        return Err(Refusal::new("LIBMEDIA must be 1"));
    }

    let search = request.value("SEARCH").unwrap_or("").trim().to_lowercase();
    let archives = ctx
        .state
        .media
        .iter()
        .filter(|media| media.catalog == 0 && media.name.to_lowercase().contains(&search))
        .count();
    let streams = ctx
        .state
        .media
        .iter()
        .filter(|media| media.catalog == 1)
        .count();

    let mut message = ctx.confirm();
    reply::put(&mut message, "LIBLIST", archives);
    reply::put(&mut message, "BROADLIST", streams);
    Ok(Effect::reply(message))
}

/// `GETMEDIAINFO`: the detail of media `CONF_ID`, or one confirm per media
/// of `CATALOG` from `START` to `END` in `SORT` order.
pub fn getmediainfo<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let catalog = request.choice("CATALOG", &[0, 1])?.unwrap_or(0);
    if let Some(id) = request
        .value("CONF_ID")
        .map(str::trim)
        .filter(|id| !id.is_empty())
    {
        let media = find(ctx.state, id, catalog)?;
        let mut message = ctx.confirm();
        push_media(&mut message, ctx.state, media, true);
        return Ok(Effect::reply(message));
    }

    let start = request.number::<usize>("START")?.unwrap_or(0);
    let end = request.number::<usize>("END")?.unwrap_or(usize::MAX);
    if end < start {
        return Err(Refusal(format!("END {end} is before START {start}")));
    }

    let sort = request
        .choice("SORT", &[0, 1, 2, 3, 4, 5, 6, 7])?
        .unwrap_or(0);
    let mut chosen: Vec<&Media> = ctx
        .state
        .media
        .iter()
        .filter(|m| m.catalog == catalog)
        .collect();
    chosen.sort_by(|a, b| compare(a, b, sort));

    let mut message = reply::list();
    let count = end.saturating_sub(start).saturating_add(1);
    for media in chosen.into_iter().skip(start).take(count) {
        reply::push_item(&mut message, ctx.xmlid);
        push_media(&mut message, ctx.state, media, false);
    }
    Ok(Effect::reply(reply::finish_list(message, ctx.xmlid)))
}

/// `DELMEDIAINFO`: deletes an archive or a live stream.
pub fn delmediainfo<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let id = request.non_blank("CONF_ID")?.trim().to_owned();
    let catalog = request.choice("TYPE", &[0, 1])?.unwrap_or(0);
    find(ctx.state, &id, catalog)?;

    ctx.state.media.retain(|media| media.id != id);
    ctx.state
        .file_multicasts
        .retain(|multicast| *multicast != id);
    let mut confirm = ctx.confirm();
    let mut indication = reply::indication(ctx.xmlid);
    for message in [&mut confirm, &mut indication] {
        reply::put(message, "CONF_ID", &id);
        reply::put(message, "CATALOG", catalog);
    }
    Ok(Effect::change(confirm, indication))
}

/// `SETMEDIAINFO`: renames an archive and changes its rights.
pub fn setmediainfo<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let id = request.non_blank("CONF_ID")?.trim().to_owned();
    let catalog = request.choice("CATALOG", &[0, 1])?.unwrap_or(0);
    find(ctx.state, &id, catalog)?;
    let access_type = request.choice("ACCESSTYPE", &[0, 1, 2])?;
    let deny_auto_delete = request.choice("DENY_AUTO_DELETE", &[0, 1])?;
    let access_ids = group_ids(ctx.state, request, "ACCESSID")?;
    let pin = request.value("PIN").map(str::trim);
    if pin.is_some_and(|pin| pin.len() > 16 || !pin.bytes().all(|b| b.is_ascii_digit())) {
        return Err(Refusal(format!(
            "PIN must be up to 16 digits, got {:?}",
            pin.unwrap_or("")
        )));
    }

    let name = request.value("NAME").map(str::trim);
    if name.is_some_and(str::is_empty) {
        return Err(Refusal::new("NAME cannot be blank"));
    }

    let Some(media) = ctx.state.media.iter_mut().find(|media| media.id == id) else {
        return Err(Refusal(format!("no media with CONF_ID {id:?}")));
    };

    if let Some(name) = name {
        media.name = name.to_owned();
    }
    if let Some(description) = request.value("DESCRIPTION") {
        media.description = description.to_owned();
    }
    if let Some(value) = access_type {
        media.access_type = value;
    }
    if let Some(value) = deny_auto_delete {
        media.deny_auto_delete = value;
    }
    if let Some(pin) = pin {
        media.pin = pin.to_owned();
    }
    if let Some(ids) = access_ids {
        media.access_ids = ids;
    }

    let media = media.clone();
    let mut confirm = ctx.confirm();
    push_change(&mut confirm, ctx.state, &media);
    let mut indication = reply::indication(ctx.xmlid);
    push_change(&mut indication, ctx.state, &media);
    Ok(Effect::change(confirm, indication))
}

fn find<'s>(state: &'s State, id: &str, catalog: u8) -> Result<&'s Media, Refusal> {
    state
        .media
        .iter()
        .find(|media| media.id == id && media.catalog == catalog)
        .ok_or_else(|| Refusal(format!("no media with CONF_ID {id:?} in CATALOG {catalog}")))
}

/// Orders media by `sort`: 0 newest first, then duration, name, server,
/// video, size, rate and H.239.
fn compare(a: &Media, b: &Media, sort: u8) -> Ordering {
    match sort {
        0 => date_key(&b.rec_time).cmp(&date_key(&a.rec_time)),
        1 => a.duration.cmp(&b.duration),
        2 => a.name.cmp(&b.name),
        3 => a.server.cmp(&b.server),
        4 => a.video_format.cmp(&b.video_format),
        5 => a.size.cmp(&b.size),
        6 => a.rate.cmp(&b.rate),
        _ => a.h239.cmp(&b.h239),
    }
}

/// A sortable key for a `Jun 15,2006 22:15:35` time stamp.
fn date_key(text: &str) -> (String, usize, String, String) {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut parts = text.split([' ', ',']).filter(|part| !part.is_empty());
    let month = parts.next().unwrap_or("").to_lowercase();
    let month = MONTHS.iter().position(|name| *name == month).unwrap_or(0);
    let day = format!("{:0>2}", parts.next().unwrap_or(""));
    let year = parts.next().unwrap_or("").to_owned();
    let time = parts.next().unwrap_or("").to_owned();
    (year, month, day, time)
}

/// Appends a media's fields in the spec's order.
pub fn push_media(message: &mut Message<'_>, state: &State, media: &Media, detail: bool) {
    reply::put(message, "CONF_ID", &media.id);
    reply::put(message, "NAME", &media.name);
    reply::put(message, "DESCRIPTION", &media.description);
    reply::put(message, "REC_TIME", &media.rec_time);
    reply::put(message, "DURATION", &media.duration);
    reply::put(message, "SIZE", media.size);
    reply::put(message, "RATE", media.rate);
    reply::put(message, "H239", media.h239);
    reply::put(message, "URL", &media.url);
    reply::put(message, "VIDEO_FORMAT", &media.video_format);
    reply::put(message, "EMAIL_LINK", &media.url);
    reply::put(message, "CATALOG", media.catalog);
    reply::put(message, "UPLOAD", media.upload);
    reply::put(message, "SERVER", &media.server);
    reply::put(message, "REFERENCEID", &media.reference_id);
    if !detail {
        return;
    }

    reply::put(message, "ACCESSTYPE", media.access_type);
    reply::put(message, "DENY_AUTO_DELETE", media.deny_auto_delete);
    reply::put(message, "PIN", &media.pin);
    super::recording::push_rights(
        message,
        state,
        &media.access_ids,
        ["ACCESSID", "ACCESSIDEXT", "NOTIN"],
    );
    reply::put(message, "QUICKCODE", &media.quick_code);
}

/// The fields of a `SETMEDIAINFO` confirm and indication.
fn push_change(message: &mut Message<'_>, state: &State, media: &Media) {
    reply::put(message, "CONF_ID", &media.id);
    reply::put(message, "DOWNLOAD", "0");
    reply::put(message, "ACCESSTYPE", media.access_type);
    reply::put(message, "CATALOG", media.catalog);
    reply::put(message, "DESCRIPTION", &media.description);
    reply::put(message, "NAME", &media.name);
    reply::put(message, "PIN", &media.pin);
    reply::put(message, "DENY_AUTO_DELETE", media.deny_auto_delete);
    for id in &media.access_ids {
        reply::put(message, "ACCESSID", id);
    }
    for id in &media.access_ids {
        reply::put_named(
            message,
            "ACCESSIDEXT1",
            id,
            state.group_name(id).unwrap_or_default(),
        );
    }
}
