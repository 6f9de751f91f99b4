//! A case's cleanup: its cleanup steps, whatever the steps gave, then its
//! sweeps, with the sessions logged in afresh after a failed step.

use super::case::{describe, label};
use super::conn::Sessions;
use super::options::RunOptions;
use super::step::{StepContext, StepError, open_error, run_step};
use super::sweep::{Inventory, sweep_up};
use crate::scenario::{Scenario, Vars};

/// Runs every cleanup step, whatever the others gave, noting failures. A
/// cleanup step using a variable never set is passed over: the step that
/// would have captured it did not run, so there is nothing to undo. Then
/// the scenario's sweeps, listed before the steps into `inventory`, delete
/// what the case made and no cleanup step could name.
///
/// After a failed step (`afresh`), each session is logged out and in
/// again before its first cleanup use: the device may have dropped or
/// expired it while the step waited, and a command refused for that would
/// undo nothing.
pub(super) async fn run_cleanup(
    scenario: &Scenario,
    options: &RunOptions,
    sessions: &mut Sessions,
    vars: &mut Vars,
    inventory: &Inventory,
    afresh: bool,
    errors: &mut Vec<String>,
) {
    let mut renewed: Vec<String> = Vec::new();
    for (index, step) in scenario.cleanup.iter().enumerate() {
        if vars.first_unset(&step.variables()).is_some() {
            continue;
        }
        let name = step.session.clone().unwrap_or_else(|| sessions.first());
        if afresh && let Err(error) = renew(sessions, options, &name, &mut renewed).await {
            let label = label("cleanup step", index, step);
            errors.push(format!("{label}: {}", describe(&error)));
            continue;
        }

        let mut ctx = StepContext {
            sessions: &mut *sessions,
            vars: &mut *vars,
            options,
            findings: &mut Vec::new(),
            deviations: &mut Vec::new(),
            cleanup: true,
        };
        if let Err(error) = run_step(step, &mut ctx).await {
            errors.push(format!(
                "{}: {}",
                label("cleanup step", index, step),
                describe(&error)
            ));
        }
    }

    for (index, sweep) in scenario.sweep.iter().enumerate().take(inventory.len()) {
        let name = sweep.session.clone().unwrap_or_else(|| sessions.first());
        if afresh && let Err(error) = renew(sessions, options, &name, &mut renewed).await {
            errors.push(format!("sweep {}: {}", index + 1, describe(&error)));
        }
    }
    let mut ctx = StepContext {
        sessions,
        vars,
        options,
        findings: &mut Vec::new(),
        deviations: &mut Vec::new(),
        cleanup: true,
    };
    sweep_up(&scenario.sweep, inventory, &mut ctx, errors).await;
}

/// Logs session `name` in again on a fresh connection, once per cleanup.
/// The old session is logged out first, best effort, so that the device
/// is not left holding it until it times out.
async fn renew(
    sessions: &mut Sessions,
    options: &RunOptions,
    name: &str,
    renewed: &mut Vec<String>,
) -> Result<(), StepError> {
    if renewed.iter().any(|known| known == name) {
        return Ok(());
    }

    renewed.push(name.to_owned());
    sessions.close(name, options).await;
    sessions
        .open(name, options)
        .await
        .map(|_| ())
        .map_err(open_error)
}
