//! Groups of users and endpoints (spec, "Account Management > Groups", and
//! "GETALLGROUP"): general and detailed group lists, and adds, changes and
//! deletes that keep group names unique and members real.

use dvcr_protocol::Message;

use super::{Ctx, Effect, Handled};
use crate::emulator::reply;
use crate::emulator::request::{Refusal, Request};
use crate::emulator::state::{Group, State};

/// `GETGROUP`: one confirm per group, or the detail of the group named by
/// `GROUPID` or `GROUPNAME`.
pub fn getgroup<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let id = request
        .value("GROUPID")
        .map(str::trim)
        .filter(|id| !id.is_empty());
    let name = request
        .value("GROUPNAME")
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if id.is_none() && name.is_none() {
        let mut message = reply::list();
        for group in &ctx.state.groups {
            reply::push_item(&mut message, ctx.xmlid);
            push_summary(&mut message, group);
        }
        return Ok(Effect::reply(reply::finish_list(message, ctx.xmlid)));
    }

    let group = ctx
        .state
        .groups
        .iter()
        .find(|group| id.map_or(Some(group.name.as_str()) == name, |id| group.id == id))
        .ok_or_else(|| Refusal(format!("no group {}", id.or(name).unwrap_or_default())))?;
    let mut message = ctx.confirm();
    push_detail(&mut message, ctx.state, group);
    Ok(Effect::reply(message))
}

/// `GETMEMBER`: every user and endpoint that could be a member.
pub fn getmember<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let mut message = ctx.confirm();
    for user in &ctx.state.users {
        reply::put_named(&mut message, "MEMBER_USER", &user.id, &user.name);
    }
    for endpoint in &ctx.state.endpoints {
        reply::put_named(&mut message, "MEMBER_EP", &endpoint.id, &endpoint.name);
    }
    Ok(Effect::reply(message))
}

/// `GETALLGROUP`: the GUID and name of every group, in one confirm.
pub fn getallgroup<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    let mut message = ctx.confirm();
    for group in &ctx.state.groups {
        reply::put_named(&mut message, "GROUP", &group.id, &group.name);
    }
    Ok(Effect::reply(message))
}

/// `ADDGROUP`: a new group with a unique name and existing members.
pub fn addgroup<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("GROUPNAME")?.trim().to_owned();
    if ctx.state.group(&name).is_some() {
        return Err(Refusal(format!("group name {name:?} is already in use")));
    }

    let group = Group {
        id: ctx.ids.guid(),
        name,
        description: request.value("DESCRIPTION").unwrap_or("").to_owned(),
        members: members(ctx.state, request)?,
    };
    ctx.state.groups.push(group.clone());
    Ok(detail_effect(ctx, &group))
}

/// `MODGROUP`: changes the group named `GROUPNAME` (or whose `GROUPID` is
/// given, which may then be renamed); its `MEMBER` list, when one is sent,
/// replaces the old one.
pub fn modgroup<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("GROUPNAME")?.trim().to_owned();
    let id = request
        .value("GROUPID")
        .map(str::trim)
        .filter(|id| !id.is_empty());
    let position = match id {
        Some(id) => ctx.state.groups.iter().position(|g| g.id == id),
        None => ctx.state.groups.iter().position(|g| g.name == name),
    }
    .ok_or_else(|| Refusal(format!("no group named {name:?}")))?;

    let taken = ctx
        .state
        .groups
        .iter()
        .enumerate()
        .any(|(index, group)| index != position && group.name == name);
    if taken {
        return Err(Refusal(format!("group name {name:?} is already in use")));
    }

    let new_members = request
        .has("MEMBER")
        .then(|| members(ctx.state, request))
        .transpose()?;
    let Some(group) = ctx.state.groups.get_mut(position) else {
        return Err(Refusal(format!("no group named {name:?}")));
    };

    group.name = name;
    if let Some(description) = request.value("DESCRIPTION") {
        group.description = description.to_owned();
    }
    if let Some(members) = new_members {
        group.members = members;
    }
    let group = group.clone();
    Ok(detail_effect(ctx, &group))
}

/// `DELGROUP`: removes a group and every right given to it.
pub fn delgroup<'c>(ctx: &'c mut Ctx<'_>, request: &Request<'_, '_>) -> Handled<'c> {
    let name = request.non_blank("GROUPNAME")?.trim();
    let Some(position) = ctx.state.groups.iter().position(|g| g.name == name) else {
        return Err(Refusal(format!("no group named {name:?}")));
    };

    let group = ctx.state.groups.remove(position);
    let state = &mut *ctx.state;
    state.single_point.record_ids.retain(|id| *id != group.id);
    for room in &mut state.rooms {
        room.record_ids.retain(|id| *id != group.id);
        room.view_ids.retain(|id| *id != group.id);
    }
    for media in &mut state.media {
        media.access_ids.retain(|id| *id != group.id);
    }

    let mut confirm = ctx.confirm();
    push_summary(&mut confirm, &group);
    let mut indication = reply::indication(ctx.xmlid);
    push_summary(&mut indication, &group);
    Ok(Effect::change(confirm, indication))
}

/// The `MEMBER` GUIDs of a request, each naming a user or an endpoint.
fn members(state: &State, request: &Request<'_, '_>) -> Result<Vec<String>, Refusal> {
    let mut members: Vec<String> = Vec::new();
    for member in request.values("MEMBER") {
        let known = state.users.iter().any(|user| user.id == member)
            || state.endpoints.iter().any(|endpoint| endpoint.id == member);
        if !known {
            return Err(Refusal(format!("MEMBER {member:?} is no user or endpoint")));
        }

        if !members.contains(&member) {
            members.push(member);
        }
    }
    Ok(members)
}

fn detail_effect<'c>(ctx: &Ctx<'c>, group: &Group) -> Effect<'c> {
    let mut confirm = ctx.confirm();
    push_detail(&mut confirm, ctx.state, group);
    let mut indication = reply::indication(ctx.xmlid);
    push_detail(&mut indication, ctx.state, group);
    Effect::change(confirm, indication)
}

fn push_summary(message: &mut Message<'_>, group: &Group) {
    reply::put(message, "GROUPID", &group.id);
    reply::put(message, "GROUPNAME", &group.name);
    reply::put(message, "DESCRIPTION", &group.description);
    reply::put(message, "MEMBER_COUNT", group.members.len());
}

/// The summary, then each member as `MEMBER` and `MEMBER_USER`/`MEMBER_EP`,
/// then the users and endpoints that are not members.
fn push_detail(message: &mut Message<'_>, state: &State, group: &Group) {
    push_summary(message, group);
    for member in &group.members {
        reply::put(message, "MEMBER", member);
        if let Some(user) = state.users.iter().find(|user| user.id == *member) {
            reply::put_named(message, "MEMBER_USER", &user.id, &user.name);
        } else if let Some(endpoint) = state.endpoints.iter().find(|e| e.id == *member) {
            reply::put_named(message, "MEMBER_EP", &endpoint.id, &endpoint.name);
        }
    }
    for user in state
        .users
        .iter()
        .filter(|u| !group.members.contains(&u.id))
    {
        reply::put_named(message, "NOTIN_USER", &user.id, &user.name);
    }
    for endpoint in state
        .endpoints
        .iter()
        .filter(|e| !group.members.contains(&e.id))
    {
        reply::put_named(message, "NOTIN_EP", &endpoint.id, &endpoint.name);
    }
}
