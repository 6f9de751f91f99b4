//! `LOGIN` and `LOGOUT` (spec, "Login/Logout"): a password check that opens
//! a session, and the command that ends it.

use dvcr_protocol::Message;

use super::{Action, Ctx, Effect, Handled};
use crate::emulator::reply;
use crate::emulator::request::{Refusal, Request};
use crate::emulator::state::State;

/// What a successful login grants, before the device gives it a session id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    /// The `USERNAME` that logged in.
    pub user: String,
    /// Its `PRIVILEGE`.
    pub privilege: u8,
    /// Whether it asked for indications (`INDICATION=1`).
    pub wants_indications: bool,
}

/// Checks `USERNAME` and `PASSWORD`; the same refusal for an unknown user
/// and a wrong password, so that names cannot be probed.
pub fn login(state: &State, request: &Request<'_, '_>) -> Result<Grant, Refusal> {
    let name = request.required("USERNAME")?;
    let password = request.value("PASSWORD").unwrap_or("");
    let Some(user) = state.user(name).filter(|user| user.password == password) else {
        return Err(Refusal::new("user name or password is wrong"));
    };

    let wants_indications = request.value("INDICATION").map(str::trim) == Some("1");
    Ok(Grant {
        user: user.name.clone(),
        privilege: user.privilege,
        wants_indications,
    })
}

/// The login confirm, in the spec's field order.
pub fn confirm(grant: &Grant, session_id: &str) -> Message<'static> {
    let mut message = reply::confirm("login");
    reply::put(&mut message, "PRIVILEGE", grant.privilege);
    reply::put(&mut message, "DESCRIPTION", "Succeeded");
    reply::put(&mut message, "SESSIONID", session_id);
    message
}

/// `LOGOUT`: ends the sender's session.
pub fn logout<'c>(ctx: &'c mut Ctx<'_>, _request: &Request<'_, '_>) -> Handled<'c> {
    Ok(Effect {
        confirm: ctx.succeeded(),
        indication: None,
        action: Action::Logout,
    })
}
