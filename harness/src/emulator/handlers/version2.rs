//! The commands new in version 2.0 (spec, "New in version 2.0") that are not
//! flat settings blocks: CFS activation, the welcome banner, logos, call and
//! play, and file multicast. `GETUILOGO` and `GETVIDEOLOGO` are marked
//! "No implementation" by the spec and answer so.

use super::{Ctx, Effect, Handled};
use crate::emulator::clock::CivilTime;
use crate::emulator::reply;
use crate::emulator::request::{Refusal, Request};
use crate::emulator::state::Link;

/// `GETCFSINFO`: serial number, keys and versions.
pub fn getcfsinfo<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let cfs = &ctx.state.cfs;
    let mut message = ctx.confirm();
    reply::put(&mut message, "SERIAL", &cfs.serial);
    reply::put(&mut message, "ACTIVE_KEY", &cfs.active_key);
    reply::put(&mut message, "PENDING_KEY", &cfs.pending_key);
    reply::put(&mut message, "STATUS", cfs.status);
    reply::put(&mut message, "VERSION_RUNNING", &cfs.version_running);
    reply::put(&mut message, "VERSION_PENDING", &cfs.version_pending);
    reply::put(&mut message, "VERSION_REQUIRED", &cfs.version_required);
    Ok(Effect::reply(message))
}

/// `SETCFSKEY`: a key of five groups of four letters or digits activates
/// the device.
pub fn setcfskey<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let key = request
        .value("CFSKEY")
        .or_else(|| request.value("CFS_KEY"))
        .map(str::trim)
        .ok_or_else(|| Refusal::new("CFSKEY is missing"))?;
    let groups: Vec<&str> = key.split('-').collect();
    let well_formed = groups.len() == 5
        && groups
            .iter()
            .all(|group| group.len() == 4 && group.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !well_formed {
        return Err(Refusal(format!(
            "CFSKEY must be five groups of four, got {key:?}"
        )));
    }

    ctx.state.cfs.active_key = key.to_owned();
    ctx.state.cfs.pending_key.clear();
    ctx.state.cfs.status = 1;
    Ok(Effect::reply(ctx.confirm()))
}

/// `GETBANNER`: the welcome banner of `LANGUAGE`.
pub fn getbanner<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let language = request.choice("LANGUAGE", &[0, 1, 2])?.unwrap_or(0);
    let banner = ctx
        .state
        .banners
        .get(&language.to_string())
        .cloned()
        .unwrap_or_default();
    let mut message = ctx.confirm();
    reply::put(&mut message, "BANNER_MSG", banner);
    Ok(Effect::reply(message))
}

/// `SETBANNER`: replaces the welcome banner of `LANGUAGE`.
pub fn setbanner<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let language = request.choice("LANGUAGE", &[0, 1, 2])?.unwrap_or(0);
    let banner = request.required("BANNER_MSG")?;
    if banner.len() > 4096 {
        return Err(Refusal(format!(
            "BANNER_MSG must be at most 4096 bytes, got {}",
            banner.len()
        )));
    }

    ctx.state
        .banners
        .insert(language.to_string(), banner.to_owned());
    Ok(Effect::reply(ctx.succeeded()))
}

/// `GETUILOGO` and `GETVIDEOLOGO`: the spec marks them "No implementation".
pub fn not_implemented<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    Err(Refusal(format!(
        "{} has no implementation",
        ctx.xmlid.to_uppercase()
    )))
}

/// `SETUILOGO` and `SETVIDEOLOGO`: remember the new logo file.
pub fn setlogo<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let filename = request.non_blank("FILENAME")?.trim().to_owned();
    let block = if ctx.xmlid == "setuilogo" {
        "uilogo"
    } else {
        "videologo"
    };
    ctx.state
        .settings
        .entry(block.to_owned())
        .or_default()
        .insert("FILENAME".to_owned(), filename);
    Ok(Effect::reply(ctx.succeeded()))
}

/// `CALLANDPLAY`: calls `ADDR` and plays archive `FILE_ID` to it; the call
/// shows as a new link in the menu.
pub fn callandplay<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let address = super::connections::dialled(request, "ADDR")?;
    let rate = request.number::<u32>("RATE")?.unwrap_or(384);
    let file = request.non_blank("FILE_ID")?.trim();
    if !ctx
        .state
        .media
        .iter()
        .any(|media| media.id == file && media.catalog == 0)
    {
        return Err(Refusal(format!("no archive with FILE_ID {file:?}")));
    }

    let index = ctx
        .state
        .links
        .iter()
        .map(|link| link.index + 1)
        .max()
        .unwrap_or(1024);
    ctx.state.links.push(Link {
        index: index.max(1024),
        ip: address,
        rate,
        start_time: CivilTime::from_unix(ctx.now_ms / 1000).spec_format(),
        meeting_room: "N/A".to_owned(),
        network: "0%".to_owned(),
        video: "H.264".to_owned(),
        audio: "G.722".to_owned(),
        ..Link::default()
    });
    Ok(Effect::reply(ctx.succeeded()))
}

/// `STARTFILEMULTICAST`: multicasts an archive, when multicast is on.
pub fn startfilemulticast<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let id = request.non_blank("CONF_ID")?.trim().to_owned();
    let times = request.number::<u32>("TIMES")?.unwrap_or(1);
    if times == 0 {
        return Err(Refusal::new("TIMES must be at least 1"));
    }

    if ctx.state.setting("multicast", "ENABLE_MULTICAST") != "1" {
        return Err(Refusal::new("multicast is off (ENABLE_MULTICAST is 0)"));
    }

    if !ctx
        .state
        .media
        .iter()
        .any(|media| media.id == id && media.catalog == 0)
    {
        return Err(Refusal(format!("no archive with CONF_ID {id:?}")));
    }

    if ctx.state.file_multicasts.contains(&id) {
        return Err(Refusal(format!(
            "archive {id:?} is already being multicast"
        )));
    }

    ctx.state.file_multicasts.push(id);
    Ok(Effect::reply(ctx.succeeded()))
}

/// `STOPFILEMULTICAST`: stops multicasting an archive.
pub fn stopfilemulticast<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let id = request.non_blank("CONF_ID")?.trim().to_owned();
    if !ctx.state.file_multicasts.contains(&id) {
        return Err(Refusal(format!("archive {id:?} is not being multicast")));
    }

    ctx.state
        .file_multicasts
        .retain(|multicast| *multicast != id);
    Ok(Effect::reply(ctx.succeeded()))
}
