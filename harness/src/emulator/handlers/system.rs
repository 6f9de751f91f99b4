//! System information and configuration (spec, "System Information" and
//! "System Configuration"): `GETDEVINFO`, `REFRESHSTATUS`, the IP, gatekeeper,
//! language, IVR and backup settings, and `SHUTDOWN`. The flat settings
//! blocks of version 2.0 share the same get and set handlers.

use super::{Action, Ctx, Effect, Handled};
use crate::emulator::clock::CivilTime;
use crate::emulator::reply;
use crate::emulator::request::{Refusal, Request};
use crate::emulator::settings::{self, block_for};
use crate::emulator::state::{IvrFile, State};

const DEVINFO_FIELDS: [&str; 6] = [
    "PRODUCTNAME",
    "VERSION",
    "TYPE",
    "H323COUNT",
    "VODCOUNT",
    "RECABILITY",
];

/// The default IVR files, by message index (spec, "GETIVR").
const IVR_FILES: [&str; 10] = [
    "welcome.wav",
    "recording_started.wav",
    "recording_paused.wav",
    "recording_resumed.wav",
    "recording_ended.wav",
    "insufficient_disk.wav",
    "recording_failed.wav",
    "playback_ended.wav",
    "enter_code.wav",
    "invalid_code.wav",
];

/// `GETDEVINFO`: the product, its version and capacities.
pub fn getdevinfo<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let state: &'c State = ctx.state;
    let mut message = ctx.confirm();
    let mut values = [""; DEVINFO_FIELDS.len()];
    for (name, value) in state.settings.get("devinfo").into_iter().flatten() {
        if let Some(at) = DEVINFO_FIELDS.iter().position(|field| field == name) {
            values[at] = value;
        }
    }
    for (name, value) in DEVINFO_FIELDS.into_iter().zip(values) {
        reply::put_str(&mut message, name, value);
    }
    reply::put_digit(&mut message, "ACTIVATED", state.cfs.status);
    Ok(Effect::reply(message))
}

/// `REFRESHSTATUS`: disk and CPU use, and the device's time.
pub fn refreshstatus<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let secs = ctx.now_ms / 1000;
    let mut message = ctx.confirm();
    reply::put(&mut message, "DISK", ctx.state.setting("usage", "DISK"));
    reply::put(&mut message, "CPU", ctx.state.setting("usage", "CPU"));
    reply::put(
        &mut message,
        "TIME",
        CivilTime::from_unix(secs).spec_format(),
    );
    reply::put(&mut message, "TIMEVALUE", secs);
    reply::put(
        &mut message,
        "TIMEZONE",
        ctx.state.setting("os", "TIMEZONE"),
    );
    Ok(Effect::reply(message))
}

/// Any `GETx` of a flat settings block.
pub fn get_block<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let Some(block) = block_for(ctx.xmlid) else {
        return Err(Refusal::new("no settings block for this command"));
    };

    if block.key == "network"
        && request
            .number::<u8>("INDEX")?
            .is_some_and(|index| index != 0)
    {
        return Err(Refusal::new("INDEX must be 0: only LAN1 is supported"));
    }

    let mut message = ctx.confirm();
    settings::push_block(&mut message, ctx.state, block);
    Ok(Effect::reply(message))
}

/// Any `SETx` of a flat settings block: checks, stores and echoes it.
///
/// The confirm echoes the settings only where the spec's confirm table
/// lists them (SETOS, SETSTACKING and SETLOGGING answer with the outcome
/// alone).
pub fn set_block<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let Some(block) = block_for(ctx.xmlid) else {
        return Err(Refusal::new("no settings block for this command"));
    };

    settings::apply(ctx.state, block, request)?;
    let mut message = ctx.confirm();
    let echoes =
        dvcr_protocol::catalog::lookup(ctx.xmlid).is_some_and(|command| command.confirm.len() > 2);
    if echoes {
        settings::push_block(&mut message, ctx.state, block);
    }
    if !block.indicates {
        return Ok(Effect::reply(message));
    }

    let mut indication = reply::indication(ctx.xmlid);
    settings::push_block(&mut indication, ctx.state, block);
    Ok(Effect::change(message, indication))
}

/// `GETIVR`: where an IVR message file of a language can be played from.
pub fn getivr<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let index = ivr_index(request, "INDEX")?;
    let language = request.choice("LANGUAGE", &[0, 1, 2])?.unwrap_or(0);
    let url = ctx
        .state
        .ivr
        .iter()
        .find(|file| file.index == index && file.language == language)
        .map_or_else(|| default_ivr_url(index, language), |file| file.url.clone());

    let mut message = ctx.confirm();
    reply::put(&mut message, "PLAY_URL", url);
    Ok(Effect::reply(message))
}

/// `SETIVR`: replaces an IVR message file with a file on the device.
pub fn setivr<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let index = ivr_index(request, "TYPE")?;
    let language = request.choice("LANGUAGE", &[0, 1, 2])?.unwrap_or(0);
    let filename = request.non_blank("FILENAME")?;
    let base = filename.rsplit(['\\', '/']).next().unwrap_or(filename);
    let url = format!("/ivr/{language}/{base}");

    ctx.state
        .ivr
        .retain(|file| !(file.index == index && file.language == language));
    ctx.state.ivr.push(IvrFile {
        language,
        index,
        url,
    });
    Ok(Effect::reply(ctx.succeeded()))
}

/// `SHUTDOWN`: restarts (`POWEROFF=0`) or powers off (`POWEROFF=1`) the
/// device; either way every session ends.
pub fn shutdown<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let power_off = request.choice("POWEROFF", &[0, 1])?.unwrap_or(0) == 1;
    Ok(Effect {
        confirm: ctx.succeeded(),
        indication: None,
        action: Action::Shutdown { power_off },
    })
}

fn ivr_index(request: &Request<'_, '_>, name: &str) -> Result<u8, Refusal> {
    let index = request.required_number::<u8>(name)?;
    if usize::from(index) >= IVR_FILES.len() {
        return Err(Refusal(format!("{name} must be from 0 to 9, got {index}")));
    }

    Ok(index)
}

fn default_ivr_url(index: u8, language: u8) -> String {
    let file = IVR_FILES
        .get(usize::from(index))
        .copied()
        .unwrap_or("welcome.wav");
    if language == 0 {
        return format!("/ivr/{file}");
    }

    format!("/ivr/{language}/{file}")
}
