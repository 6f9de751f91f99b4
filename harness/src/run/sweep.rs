//! Sweeping what a scenario left without learning its id: the archive a
//! recording files when the step that would read its id failed, a call
//! whose index was never captured. Each sweep lists its items before the
//! steps and again after the cleanup, and deletes the new ones; what it
//! cannot delete is reported as a cleanup error.

use dvcr_protocol::catalog::Direction;
use tracing::info;

use super::case::describe;
use super::step::{StepContext, StepError, request};
use crate::client::Reply;
use crate::scenario::Sweep;
use crate::scenario::expect::check_fields;

/// The keys each sweep of a scenario listed before its steps, in order.
pub type Inventory = Vec<Vec<String>>;

/// Lists the items of every sweep before the steps. A list that fails
/// fails the case at `sweep N`: nothing has been changed yet.
pub async fn take_stock(
    sweeps: &[Sweep],
    ctx: &mut StepContext<'_>,
) -> Result<Inventory, (String, StepError)> {
    let mut inventory = Vec::with_capacity(sweeps.len());
    for (index, sweep) in sweeps.iter().enumerate() {
        let keys = list(sweep, ctx).await.map_err(|error| {
            let label = format!(
                "sweep {} (list every {} with {} before the steps)",
                index + 1,
                sweep.item,
                sweep.list
            );
            (label, error)
        })?;
        inventory.push(keys);
    }
    Ok(inventory)
}

/// Lists every sweep's items again and deletes each that was not there
/// before and passes the sweep's `only`; what cannot be listed or deleted
/// goes to `errors`, saying what may be left on the device.
pub async fn sweep_up(
    sweeps: &[Sweep],
    inventory: &Inventory,
    ctx: &mut StepContext<'_>,
    errors: &mut Vec<String>,
) {
    for (index, (sweep, before)) in sweeps.iter().zip(inventory).enumerate() {
        let label = format!("sweep {}", index + 1);
        let after = match list(sweep, ctx).await {
            Ok(keys) => keys,
            Err(error) => {
                errors.push(format!(
                    "{label}: could not list every {} with {} after the cleanup, so any {} the \
                     case made may be left on the device: {}",
                    sweep.item,
                    sweep.list,
                    sweep.item,
                    describe(&error)
                ));
                continue;
            }
        };

        for key in after.iter().filter(|key| !before.contains(key)) {
            let step = sweep.delete_step(key);
            let outcome = request(&step, ctx, &sweep.delete).await;
            match outcome.as_ref().map(Reply::result) {
                Ok(Some("0")) => {
                    info!(item = %sweep.item, key, "swept what the case left");
                }
                _ => errors.push(format!(
                    "{label}: the {} {} {key} the case made is left on the device: {} {}",
                    sweep.item,
                    sweep.key,
                    sweep.delete,
                    refusal(&outcome)
                )),
            }
        }
    }
}

/// The keys of the listed items that pass the sweep's `only`. A reply that
/// is not a success is an error; a record without the key (an empty
/// list's one confirm) lists nothing.
async fn list(sweep: &Sweep, ctx: &mut StepContext<'_>) -> Result<Vec<String>, StepError> {
    let reply = request(&sweep.list_step(), ctx, &sweep.list).await?;
    if reply.result() != Some("0") {
        return Err(StepError::Failed {
            message: format!("{} {}", sweep.list, refusal(&Ok(reply))),
            mismatches: Vec::new(),
        });
    }

    let mut keys = Vec::new();
    for record in reply.message.records() {
        let Some(key) = record.value(&sweep.key) else {
            continue;
        };
        let ours = check_fields(
            &sweep.only,
            record,
            &sweep.list,
            Direction::Confirm,
            ctx.vars,
        );
        if ours.is_empty() && !keys.iter().any(|known| known == key) {
            keys.push(key.to_owned());
        }
    }
    Ok(keys)
}

/// `answered RESULT 1 ("...")`, or why no answer came.
fn refusal(outcome: &Result<Reply, StepError>) -> String {
    match outcome {
        Ok(reply) => format!(
            "answered RESULT {} ({:?})",
            reply.result().unwrap_or("<none>"),
            reply.description()
        ),
        Err(error) => format!("failed: {}", describe(error)),
    }
}
