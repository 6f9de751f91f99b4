//! Judging a reply or an indication: the step's expectations, the
//! catalog, framing, timing, unsupported commands, skips and captures
//! (spec, "General Information" and each command's tables).

use std::time::Duration;

use dvcr_protocol::catalog::{self, Status};
use dvcr_protocol::{Kind, Message};

use super::unknown::names_unknown_command;
use super::{LIST_SUFFIX, StepContext, StepError};
use crate::client::Reply;
use crate::scenario::expect::check_records;
use crate::scenario::{Expect, Mismatch, Step};

/// Stops the scenario as skipped when no record passes `skip_unless`.
pub(super) fn skip_unless(
    step: &Step,
    ctx: &StepContext<'_>,
    reply: &Reply,
    xmlid: &str,
) -> Result<(), StepError> {
    let Some(checks) = &step.skip_unless else {
        return Ok(());
    };

    let direction = dvcr_protocol::catalog::Direction::Confirm;
    let fits = reply.message.records().any(|record| {
        crate::scenario::expect::check_fields(checks, record, xmlid, direction, ctx.vars).is_empty()
    });
    if fits {
        return Ok(());
    }

    let wanted: Vec<String> = checks
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    let missing = format!("no record with {}", wanted.join(", "));
    Err(StepError::Skip(match &step.skip_reason {
        Some(reason) => format!("not run: {reason} ({missing})"),
        None => format!("the device reports {missing}"),
    }))
}

/// A documented command answered as unknown, where success was expected:
/// a refusal saying the command itself is unknown, not a part of it.
pub(super) fn unsupported(expect: &Expect, reply: &Reply, xmlid: &str) -> Result<(), StepError> {
    let wants_success = expect.result.as_deref() == Some("0");
    let Some(command) = catalog::lookup(xmlid) else {
        return Ok(());
    };

    if wants_success
        && command.status == Status::Implemented
        && reply.result() == Some("1")
        && names_unknown_command(reply.description())
    {
        return Err(StepError::Unsupported(format!(
            "{xmlid} answered as unknown: {:?}",
            reply.description()
        )));
    }
    Ok(())
}

pub(super) fn judge(
    step: &Step,
    ctx: &mut StepContext<'_>,
    reply: &Reply,
    xmlid: &str,
    kind: Kind,
    expect: &Expect,
) -> Result<(), StepError> {
    let judgement = check_records(
        expect,
        std::slice::from_ref(&reply.message),
        xmlid,
        kind,
        ctx.vars,
    );
    ctx.findings.extend(judgement.findings);
    let mut mismatches = judgement.mismatches;
    for deviation in &reply.framing {
        mismatches.push(Mismatch::new(
            "framing",
            "a TPKT frame (RFC 1006)",
            deviation.to_string(),
        ));
    }
    for deviation in &reply.deviations {
        ctx.deviations
            .push(format!("{:?} at byte {}", deviation.kind, deviation.offset));
    }
    if mismatches.is_empty() {
        return Ok(());
    }

    let action = step.send.as_deref().unwrap_or(xmlid);
    Err(StepError::Failed {
        message: format!(
            "the {} of {action} is not as expected",
            kind.element().to_lowercase()
        ),
        mismatches,
    })
}

pub(super) fn timing(expect: &Expect, elapsed: Duration) -> Result<(), StepError> {
    let Some(max) = expect.max_ms else {
        return Ok(());
    };

    let took = elapsed.as_millis();
    if took <= u128::from(max) {
        return Ok(());
    }

    Err(StepError::Failed {
        message: "the reply was slow".to_owned(),
        mismatches: vec![Mismatch::new(
            "time",
            format!("at most {max} ms"),
            format!("{took} ms"),
        )],
    })
}

/// Sets the step's variables from the first record of `message`, or from
/// the first record passing `expect.some_record` when the step has one,
/// else `skip_unless` when it has that. A
/// field written `FIELD[]` captures every value, one per line; `FIELD?`
/// captures an empty value when the field is absent.
pub(super) fn capture(
    step: &Step,
    ctx: &mut StepContext<'_>,
    message: &Message<'static>,
) -> Result<(), StepError> {
    let direction = dvcr_protocol::catalog::Direction::Confirm;
    let xmlid = message
        .first()
        .map(|record| record.xmlid().to_owned())
        .unwrap_or_default();
    let chooses = step
        .expect
        .some_record
        .as_ref()
        .or(step.skip_unless.as_ref());
    let record = match chooses {
        Some(checks) => message.records().find(|record| {
            crate::scenario::expect::check_fields(checks, *record, &xmlid, direction, ctx.vars)
                .is_empty()
        }),
        None => message.first(),
    };
    for (variable, field) in &step.capture {
        let field = field.as_str().unwrap_or_default();
        if let Some(field) = field.strip_suffix(LIST_SUFFIX) {
            let values: Vec<&str> = record
                .map(|record| record.values(field).collect())
                .unwrap_or_default();
            ctx.vars.set(variable.clone(), values.join("\n"));
            continue;
        }
        if let Some(field) = field.strip_suffix('?') {
            let value = record
                .and_then(|record| record.value(field))
                .unwrap_or_default();
            ctx.vars.set(variable.clone(), value);
            continue;
        }

        let value = record.and_then(|record| record.value(field));
        let Some(value) = value else {
            return Err(StepError::Failed {
                message: format!("nothing to capture into {variable}"),
                mismatches: vec![Mismatch::new(
                    format!("field {field}"),
                    "the field",
                    "no such field",
                )],
            });
        };

        ctx.vars.set(variable.clone(), value);
    }
    Ok(())
}
