//! Carrying out one step of a scenario on its session and judging what
//! came back (spec, "General Information", items 3 to 6, and the section
//! the scenario cites).

mod judge;
mod listen;
mod send;
mod unknown;

use std::time::Duration;

use dvcr_protocol::Kind;
use dvcr_protocol::tpkt::write_frame;
use dvcr_protocol::validate::Finding;
use listen::{no_indication, wait_indication};
use send::{pipeline, raw, send};

use crate::client::{ClientError, Reply, to_ms};
use crate::run::conn::{OpenError, Sessions};
use crate::run::options::RunOptions;
use crate::scenario::load::parse_hex;
use crate::scenario::{Action, Mismatch, Step, Vars};

/// How long an indication is awaited, or silence listened for, when the
/// step gives no `within_ms`.
const INDICATION_WAIT: Duration = Duration::from_secs(2);
/// How long silence is listened for when the step gives no `within_ms`.
const SILENCE_WAIT: Duration = Duration::from_millis(400);
/// The pause between the pieces of a chunked write.
const CHUNK_PAUSE: Duration = Duration::from_millis(2);
/// A capture of `FIELD[]` keeps every value of a repeated field.
const LIST_SUFFIX: &str = "[]";
/// A field value naming a list variable, `${name[]}`, is sent as one field
/// per value; list variables are named with a trailing `[]`.
const LIST_MARK: &str = "[]}";
/// How much longer than the session timeout an idle step waits.
const IDLE_MARGIN: Duration = Duration::from_millis(700);

/// Why a step did not pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepError {
    /// The device did not do what the step expects.
    Failed {
        /// One line.
        message: String,
        /// The expectations broken.
        mismatches: Vec<Mismatch>,
    },
    /// The device answered a documented command as unknown.
    Unsupported(String),
    /// The harness could not carry the step out.
    Harness(String),
    /// The device lacks what the rest of the scenario needs.
    Skip(String),
}

impl StepError {
    fn failed(message: impl Into<String>) -> Self {
        StepError::Failed {
            message: message.into(),
            mismatches: Vec::new(),
        }
    }

    /// What a client error during a step of session `name` means: the
    /// device broke the protocol, or it failed the step otherwise.
    fn of_client(name: &str, error: &ClientError) -> Self {
        let text = format!("session {name}: {error}");
        if error.is_protocol_violation() {
            return StepError::broke_protocol(text);
        }

        StepError::failed(text)
    }

    /// The device answered, but against the protocol: a failure whose
    /// mismatch is named [`PROTOCOL`], so that it reads apart from a
    /// refusal or silence.
    fn broke_protocol(actual: impl Into<String>) -> Self {
        StepError::Failed {
            message: "the device answered against the protocol".to_owned(),
            mismatches: vec![Mismatch::new(
                PROTOCOL,
                "a reply the protocol allows",
                actual.into(),
            )],
        }
    }
}

/// The name of the mismatch of a reply that breaks the protocol itself
/// (its framing, its xmlid, a field every confirm carries), not a
/// scenario's expectation.
pub const PROTOCOL: &str = "protocol";

/// What steps share within one scenario attempt.
pub struct StepContext<'a> {
    /// The scenario's sessions.
    pub sessions: &'a mut Sessions,
    /// Its variables.
    pub vars: &'a mut Vars,
    /// The run's options.
    pub options: &'a RunOptions,
    /// Catalog findings on everything judged so far.
    pub findings: &'a mut Vec<Finding>,
    /// Lenient-only deviations seen: framing or XML read through.
    pub deviations: &'a mut Vec<String>,
    /// Whether the steps are cleanup: a session gone is opened afresh.
    pub cleanup: bool,
}

/// Sends the typed command `xmlid` of `step` and returns the reply
/// without judging it; in cleanup, a session gone is opened afresh first.
pub(crate) async fn request(
    step: &Step,
    ctx: &mut StepContext<'_>,
    xmlid: &str,
) -> Result<crate::client::Reply, StepError> {
    let name = step_session(step, ctx).await?;
    send::request(step, ctx, &name, xmlid).await
}

/// The session `step` uses; in cleanup, opened afresh first when gone.
async fn step_session(step: &Step, ctx: &mut StepContext<'_>) -> Result<String, StepError> {
    let name = step.session.clone().unwrap_or_else(|| ctx.sessions.first());
    if ctx.cleanup && !ctx.sessions.usable(&name) {
        ctx.sessions
            .open(&name, ctx.options)
            .await
            .map_err(open_error)?;
    }
    Ok(name)
}

/// Carries out `step`.
pub async fn run_step(step: &Step, ctx: &mut StepContext<'_>) -> Result<(), StepError> {
    if let Some(unset) = ctx.vars.first_unset(&step.variables()) {
        let error = crate::scenario::vars::UnsetVariable {
            name: unset.to_owned(),
        };
        return Err(StepError::Harness(error.to_string()));
    }

    let name = step_session(step, ctx).await?;
    match step.action() {
        Action::Send(xmlid) => send(step, ctx, &name, xmlid).await,
        Action::Raw(hex) => {
            let hex = expand(ctx.vars, hex)?;
            let bytes = parse_hex(&hex).map_err(StepError::Harness)?;
            raw(step, ctx, &name, &bytes).await
        }
        Action::Xml(text) => {
            let text = expand(ctx.vars, text)?;
            let mut bytes = Vec::new();
            write_frame(text.as_bytes(), &mut bytes)
                .map_err(|error| StepError::Harness(error.to_string()))?;
            raw(step, ctx, &name, &bytes).await
        }
        Action::Pipeline(xmlids) => pipeline(step, ctx, &name, xmlids).await,
        Action::WaitIndication(xmlid) => wait_indication(step, ctx, &name, xmlid).await,
        Action::NoIndication => no_indication(step, ctx, &name).await,
        Action::Reconnect => {
            ctx.sessions.close(&name, ctx.options).await;
            match ctx.sessions.open(&name, ctx.options).await {
                Ok(_) => Ok(()),
                Err(error) => Err(reconnect_error(error)),
            }
        }
        Action::Sleep(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            Ok(())
        }
        Action::IdlePastTimeout => {
            tokio::time::sleep(ctx.options.session_timeout + IDLE_MARGIN).await;
            Ok(())
        }
    }
}

/// A session that could not be opened: the harness's problem when the
/// device could not be reached, the device's when it refused the login.
/// The message does not repeat the session: the step's label names it.
pub fn open_error(error: OpenError) -> StepError {
    match error {
        OpenError::Client(
            error @ (ClientError::Connect { .. } | ClientError::ConnectTimeout { .. }),
        ) => StepError::Harness(error.to_string()),
        OpenError::Client(ClientError::Timeout { after, .. }) => {
            StepError::failed(format!("no reply to login within {:?}", to_ms(after)))
        }
        OpenError::Client(error) if error.is_protocol_violation() => {
            StepError::broke_protocol(error.to_string())
        }
        OpenError::Client(error) => StepError::failed(error.to_string()),
        OpenError::Refused { reply, .. } if reply.result().is_none() => {
            StepError::broke_protocol(no_login_result(&reply))
        }
        OpenError::Refused { user, reply } => StepError::failed(format!(
            "login as {user:?} was refused: RESULT {} ({})",
            reply.result().unwrap_or("<none>"),
            reply.description()
        )),
    }
}

/// What a login answer without `RESULT` was: a confirm lacking it, or a
/// record of another kind, such as the command echoed back.
fn no_login_result(reply: &Reply) -> String {
    match reply.message.first().map(|record| record.kind()) {
        Some(Kind::Confirm) | None => "the login confirm lacks RESULT".to_owned(),
        Some(kind) => format!("the login was answered with a {kind} record, not a CONFIRM"),
    }
}

/// A reconnection that failed: the device served this scenario before, so
/// a device that no longer accepts connections has failed, not the harness.
fn reconnect_error(error: OpenError) -> StepError {
    match open_error(error) {
        StepError::Harness(message) => {
            StepError::failed(format!("the device stopped serving: {message}"))
        }
        other => other,
    }
}

fn expand(vars: &Vars, text: &str) -> Result<String, StepError> {
    vars.expand(text)
        .map_err(|unset| StepError::Harness(unset.to_string()))
}

fn wait(step: &Step, default: Duration) -> Duration {
    step.within_ms.map_or(default, Duration::from_millis)
}
