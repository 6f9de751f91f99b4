//! Endpoint and user accounts (spec, "Account Management > Endpoints" and
//! "> Users"): lists with one `CONFIRM` per account, and adds, changes and
//! deletes that keep names unique and an endpoint's IP non-blank.

use dvcr_protocol::Message;

use super::{Action, Ctx, Effect, Handled};
use crate::emulator::faults::Fault;
use crate::emulator::reply;
use crate::emulator::request::{Refusal, Request};
use crate::emulator::state::{Endpoint, User};

/// `GETENDPOINT`: one confirm per endpoint.
pub fn getendpoint<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let mut message = reply::list();
    for endpoint in &ctx.state.endpoints {
        reply::push_item(&mut message, ctx.xmlid);
        push_endpoint(&mut message, endpoint, true);
    }
    Ok(Effect::reply(reply::finish_list(message, ctx.xmlid)))
}

/// `ADDENDPOINT`: a new endpoint with a unique name and a non-blank IP.
pub fn addendpoint<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("SOURCENAME")?.trim().to_owned();
    check_endpoint_name(ctx, &name, None)?;
    let endpoint = Endpoint {
        id: ctx.ids.guid(),
        name,
        ip: endpoint_ip(ctx, request)?.unwrap_or_default(),
        flag: request.choice("FLAG", &[0, 1])?.unwrap_or(0),
        e164: request.value("E164").unwrap_or("").trim().to_owned(),
        h323: request.value("H323").unwrap_or("").trim().to_owned(),
        title: String::new(),
    };
    ctx.state.endpoints.push(endpoint.clone());
    Ok(endpoint_effect(ctx.xmlid, &endpoint, true))
}

/// `MODENDPOINT`: changes the endpoint named `SOURCENAME`, or the one whose
/// `SOURCEID` is given, which may then be renamed.
pub fn modendpoint<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("SOURCENAME")?.trim().to_owned();
    let id = request
        .value("SOURCEID")
        .map(str::trim)
        .filter(|id| !id.is_empty());
    let position = match id {
        Some(id) => ctx.state.endpoints.iter().position(|e| e.id == id),
        None => ctx.state.endpoints.iter().position(|e| e.name == name),
    }
    .ok_or_else(|| Refusal(format!("no endpoint named {name:?}")))?;

    check_endpoint_name(ctx, &name, Some(position))?;
    let ip = if request.has("SOURCEIP") {
        endpoint_ip(ctx, request)?
    } else {
        None
    };
    let flag = request.choice("FLAG", &[0, 1])?;
    let Some(endpoint) = ctx.state.endpoints.get_mut(position) else {
        return Err(Refusal(format!("no endpoint named {name:?}")));
    };

    endpoint.name = name;
    if let Some(ip) = ip {
        endpoint.ip = ip;
    }
    if let Some(flag) = flag {
        endpoint.flag = flag;
    }
    if let Some(e164) = request.value("E164") {
        endpoint.e164 = e164.trim().to_owned();
    }
    if let Some(h323) = request.value("H323") {
        endpoint.h323 = h323.trim().to_owned();
    }
    let endpoint = endpoint.clone();
    Ok(endpoint_effect(ctx.xmlid, &endpoint, false))
}

/// `DELENDPOINT`: removes an endpoint and its group memberships.
pub fn delendpoint<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("SOURCENAME")?.trim();
    let Some(position) = ctx.state.endpoints.iter().position(|e| e.name == name) else {
        return Err(Refusal(format!("no endpoint named {name:?}")));
    };

    let endpoint = ctx.state.endpoints.remove(position);
    for group in &mut ctx.state.groups {
        group.members.retain(|member| *member != endpoint.id);
    }
    Ok(endpoint_effect(ctx.xmlid, &endpoint, true))
}

/// `GETDEVUSER`: one confirm per user.
pub fn getdevuser<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let mut message = reply::list();
    for user in &ctx.state.users {
        reply::push_item(&mut message, ctx.xmlid);
        push_user(&mut message, user);
    }
    Ok(Effect::reply(reply::finish_list(message, ctx.xmlid)))
}

/// `ADDDEVUSER`: a new user with a unique name.
pub fn adddevuser<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("USERNAME")?.trim().to_owned();
    if ctx.state.user(&name).is_some() {
        return Err(Refusal(format!("user name {name:?} is already in use")));
    }

    let user = User {
        id: ctx.ids.guid(),
        name,
        full_name: request.value("FULLNAME").unwrap_or("").to_owned(),
        email: request.value("EMAIL").unwrap_or("").trim().to_owned(),
        password: request.value("PASSWORD").unwrap_or("").to_owned(),
        privilege: request.choice("PRIVILEGE", &[0, 1])?.unwrap_or(1),
    };
    ctx.state.users.push(user.clone());
    Ok(user_effect(ctx.xmlid, &user))
}

/// `MODDEVUSER`: changes the user named `USERNAME`, or the one whose
/// `USERID` is given, which may then be renamed.
pub fn moddevuser<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("USERNAME")?.trim().to_owned();
    let id = request
        .value("USERID")
        .map(str::trim)
        .filter(|id| !id.is_empty());
    let position = match id {
        Some(id) => ctx.state.users.iter().position(|u| u.id == id),
        None => ctx.state.users.iter().position(|u| u.name == name),
    }
    .ok_or_else(|| Refusal(format!("no user named {name:?}")))?;

    let taken = ctx
        .state
        .users
        .iter()
        .enumerate()
        .any(|(index, user)| index != position && user.name == name);
    if taken {
        return Err(Refusal(format!("user name {name:?} is already in use")));
    }

    let privilege = request.choice("PRIVILEGE", &[0, 1])?;
    if privilege == Some(1) && is_last_administrator(&ctx.state.users, position) {
        return Err(Refusal::new(
            "the last administrator cannot be made an ordinary user",
        ));
    }

    let Some(user) = ctx.state.users.get_mut(position) else {
        return Err(Refusal(format!("no user named {name:?}")));
    };

    user.name = name;
    if let Some(privilege) = privilege {
        user.privilege = privilege;
    }
    if let Some(full_name) = request.value("FULLNAME") {
        user.full_name = full_name.to_owned();
    }
    if let Some(email) = request.value("EMAIL") {
        user.email = email.trim().to_owned();
    }
    if let Some(password) = request.value("PASSWORD") {
        user.password = password.to_owned();
    }
    let user = user.clone();
    Ok(user_effect(ctx.xmlid, &user))
}

/// `DELDEVUSER`: removes a user, its memberships and its sessions; the last
/// administrator cannot be removed.
pub fn deldevuser<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("USERNAME")?.trim();
    let Some(position) = ctx.state.users.iter().position(|u| u.name == name) else {
        return Err(Refusal(format!("no user named {name:?}")));
    };

    if is_last_administrator(&ctx.state.users, position) {
        return Err(Refusal::new("the last administrator cannot be deleted"));
    }

    let user = ctx.state.users.remove(position);
    for group in &mut ctx.state.groups {
        group.members.retain(|member| *member != user.id);
    }
    let mut confirm = ctx.succeeded();
    let mut indication = reply::indication(ctx.xmlid);
    for message in [&mut confirm, &mut indication] {
        reply::put(message, "USERID", &user.id);
        reply::put(message, "USERNAME", &user.name);
    }
    Ok(Effect {
        confirm,
        indication: Some(indication),
        action: Action::EndSessionsOf(user.name),
    })
}

fn check_endpoint_name(ctx: &Ctx<'_>, name: &str, except: Option<usize>) -> Result<(), Refusal> {
    if ctx.faults.contains(Fault::DuplicateEndpointName) {
        return Ok(());
    }

    let taken = ctx
        .state
        .endpoints
        .iter()
        .enumerate()
        .any(|(index, endpoint)| Some(index) != except && endpoint.name == name);
    if taken {
        return Err(Refusal(format!("endpoint name {name:?} is already in use")));
    }

    Ok(())
}

fn endpoint_ip(ctx: &Ctx<'_>, request: &Request<'_, '_>) -> Result<Option<String>, Refusal> {
    if ctx.faults.contains(Fault::BlankEndpointIp) {
        return Ok(Some(
            request.value("SOURCEIP").unwrap_or("").trim().to_owned(),
        ));
    }

    request.non_blank("SOURCEIP")?;
    Ok(request.ipv4("SOURCEIP")?.map(str::to_owned))
}

fn endpoint_effect<'s>(xmlid: &'s str, endpoint: &Endpoint, title: bool) -> Effect<'s> {
    let mut confirm = reply::succeeded(xmlid);
    push_endpoint(&mut confirm, endpoint, true);
    let mut indication = reply::indication(xmlid);
    push_endpoint(&mut indication, endpoint, title);
    Effect::change(confirm, indication)
}

fn user_effect<'s>(xmlid: &'s str, user: &User) -> Effect<'s> {
    let mut confirm = reply::succeeded(xmlid);
    push_user(&mut confirm, user);
    let mut indication = reply::indication(xmlid);
    push_user(&mut indication, user);
    Effect::change(confirm, indication)
}

/// Appends an endpoint's fields in the spec's order.
fn push_endpoint(message: &mut Message<'_>, endpoint: &Endpoint, title: bool) {
    reply::put(message, "SOURCEID", &endpoint.id);
    reply::put(message, "SOURCENAME", &endpoint.name);
    reply::put(message, "SOURCEIP", &endpoint.ip);
    reply::put(message, "FLAG", endpoint.flag);
    reply::put(message, "E164", &endpoint.e164);
    reply::put(message, "H323", &endpoint.h323);
    if title {
        reply::put(message, "TITLE", &endpoint.title);
    }
}

/// Appends a user's fields in the spec's order.
fn push_user(message: &mut Message<'_>, user: &User) {
    reply::put(message, "USERID", &user.id);
    reply::put(message, "USERNAME", &user.name);
    reply::put(message, "FULLNAME", &user.full_name);
    reply::put(message, "EMAIL", &user.email);
    reply::put(message, "PASSWORD", &user.password);
    reply::put(message, "PRIVILEGE", user.privilege);
    reply::put(message, "OPTIONS", "0");
}

/// Whether the user at `position` is the only administrator left, whom
/// the device keeps so that it can still be managed.
fn is_last_administrator(users: &[User], position: usize) -> bool {
    let admins = users.iter().filter(|user| user.privilege == 0).count();
    admins == 1 && users.get(position).is_some_and(|user| user.privilege == 0)
}
