//! The checks a scenario's `[[sweep]]` tables get at load: a sweep that
//! would list nothing, pick nothing or name nothing deletes nothing while
//! its case passes, so it does not load (format in
//! `corpus/scenarios/README.md`; the commands from the catalog).

use dvcr_protocol::catalog::{self, COMMANDS, Direction, Replies};

use super::load::check_table;
use super::model::{Scenario, Sweep};
use super::vars::BUILT_IN;

/// A sweep lists with a catalog command answering one confirm per item,
/// names an item by a field of that confirm, deletes with a catalog
/// command, acts on a declared session, and uses only the run's
/// variables: it lists before any step has captured anything.
pub(super) fn check_sweep(scenario: &Scenario, sweep: &Sweep) -> Result<(), String> {
    check_sweep_commands(sweep)?;
    let declared = match &sweep.session {
        Some(name) => scenario
            .sessions
            .iter()
            .any(|session| &session.name == name),
        None => !scenario.sessions.is_empty(),
    };
    if !declared {
        let name = sweep.session.as_deref().unwrap_or("(the first)");
        return Err(format!("session {name} is not declared in [[sessions]]"));
    }
    if let Some(name) = sweep
        .variables()
        .into_iter()
        .find(|name| !BUILT_IN.contains(&name.as_str()))
    {
        return Err(format!(
            "variable ${{{name}}} is not one of the run's variables {BUILT_IN:?}: a sweep \
             lists before any step captures"
        ));
    }
    check_table(&sweep.only)
}

/// The commands of a sweep: `list` a catalog command answering one
/// confirm per item ([`Replies::PerItem`]) whose confirm carries `key` and
/// every field `only` picks by, `delete` a catalog command taking `key`.
/// A sweep that broke one of these would list nothing, pick nothing or
/// name nothing, and so delete nothing while the case passed.
fn check_sweep_commands(sweep: &Sweep) -> Result<(), String> {
    let Some(list) = catalog::lookup(&sweep.list) else {
        return Err(format!(
            "list {:?} is not in the catalog, expected a command answering one confirm per \
             item, such as \"getendpoint\"",
            sweep.list
        ));
    };
    if list.replies != Replies::PerItem {
        let lists: Vec<&str> = COMMANDS
            .iter()
            .filter(|command| command.replies == Replies::PerItem)
            .map(|command| command.xmlid)
            .collect();
        return Err(format!(
            "list {:?} answers one confirm, not one per item: expected one of {}",
            sweep.list,
            lists.join(", ")
        ));
    }
    if list.field(Direction::Confirm, &sweep.key).is_none() {
        let fields: Vec<&str> = list.confirm.iter().map(|field| field.name).collect();
        return Err(format!(
            "key {:?} is no field of the {} confirm, expected one of {}",
            sweep.key,
            list.xmlid,
            fields.join(", ")
        ));
    }
    if let Some(name) = sweep
        .only
        .keys()
        .find(|name| list.field(Direction::Confirm, name).is_none())
    {
        let fields: Vec<&str> = list.confirm.iter().map(|field| field.name).collect();
        return Err(format!(
            "only names {name:?}, no field of the {} confirm, expected one of {}",
            list.xmlid,
            fields.join(", ")
        ));
    }
    let Some(delete) = catalog::lookup(&sweep.delete) else {
        return Err(format!(
            "delete {:?} is not in the catalog, expected the command deleting one item, such \
             as \"delendpoint\"",
            sweep.delete
        ));
    };
    if delete.field(Direction::Command, &sweep.key).is_none() {
        let fields: Vec<&str> = delete.command.iter().map(|field| field.name).collect();
        return Err(format!(
            "delete {} takes no {:?} to name the item by, expected a key among {}",
            delete.xmlid,
            sweep.key,
            fields.join(", ")
        ));
    }
    Ok(())
}
