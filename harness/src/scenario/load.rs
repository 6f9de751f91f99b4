//! Reading scenario files and folders, and checking what serde cannot: one
//! action per step, sessions that exist, hex that parses, checks and
//! patterns that make sense. Every error names the file and the step.

use std::fmt;
use std::path::{Path, PathBuf};

use dvcr_protocol::catalog::{self, COMMANDS, Direction};
use regex::Regex;

use super::expect::to_check;
use super::model::{Action, Check, Expect, FieldChecks, Scenario, Step};
use super::sweep_check::check_sweep;
use super::vars::BUILT_IN;
use crate::bounded;

/// The largest scenario file read: the longest frame, written out as hex,
/// takes 192 KiB.
pub const MAX_SCENARIO_LEN: u64 = 4 * bounded::MIB;

/// The section prefix of scenarios about the protocol's general rules, which
/// name no command of the catalog.
pub const GENERAL_SECTION: &str = "General Information";

/// A scenario that cannot be read or does not make sense.
#[derive(Debug, thiserror::Error)]
pub struct LoadError {
    /// The file concerned.
    pub file: PathBuf,
    /// The step concerned, as `step 3` or `cleanup step 1`, when one is.
    pub step: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(step) = &self.step {
            write!(f, ": {step}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Reads every `*.toml` under `dir`, sorted by path, and checks that no two
/// scenarios share a name.
pub fn load_dir(dir: &Path) -> Result<Vec<Scenario>, LoadError> {
    load_paths(&[dir.to_path_buf()])
}

/// Reads a file, or every scenario of a folder.
pub fn load_path(path: &Path) -> Result<Vec<Scenario>, LoadError> {
    load_paths(&[path.to_path_buf()])
}

/// Reads every file and folder of `paths` (folders sorted by path), each
/// file once however often it is named, and checks that no two scenarios
/// share a name, naming both files if two do.
pub fn load_paths(paths: &[PathBuf]) -> Result<Vec<Scenario>, LoadError> {
    let mut scenarios: Vec<Scenario> = Vec::new();
    let mut read: Vec<PathBuf> = Vec::new();
    for path in paths {
        let mut files = Vec::new();
        if path.is_dir() {
            collect(path, &mut files)?;
            files.sort();
        } else {
            files.push(path.clone());
        }
        for file in files {
            let same = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
            if read.contains(&same) {
                continue;
            }
            read.push(same);
            push_unique(&mut scenarios, load_file(&file)?)?;
        }
    }
    Ok(scenarios)
}

/// Adds `scenario` to `scenarios` unless one there has the same name; the
/// error then names both files.
pub fn push_unique(scenarios: &mut Vec<Scenario>, scenario: Scenario) -> Result<(), LoadError> {
    if let Some(known) = scenarios.iter().find(|known| known.name == scenario.name) {
        let message = format!(
            "scenario name {:?} is used twice, also by {}",
            scenario.name,
            known.source.display()
        );
        return Err(error(&scenario.source, None, message));
    }

    scenarios.push(scenario);
    Ok(())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| error(dir, None, e.to_string()))?;
    for entry in entries {
        let path = entry.map_err(|e| error(dir, None, e.to_string()))?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads and checks one scenario file.
pub fn load_file(file: &Path) -> Result<Scenario, LoadError> {
    let text = bounded::read_to_string(file, MAX_SCENARIO_LEN)
        .map_err(|e| error(file, None, e.to_string()))?;
    parse(&text, file)
}

/// Parses and checks a scenario's text; `file` names it in errors.
pub fn parse(text: &str, file: &Path) -> Result<Scenario, LoadError> {
    let mut scenario: Scenario =
        toml::from_str(text).map_err(|e| error(file, None, e.to_string().trim().to_owned()))?;
    scenario.source = file.to_path_buf();
    check(&scenario).map_err(|(step, message)| error(file, step, message))?;
    Ok(scenario)
}

fn error(file: &Path, step: Option<String>, message: String) -> LoadError {
    LoadError {
        file: file.to_path_buf(),
        step,
        message,
    }
}

type Problem = (Option<String>, String);

fn check(scenario: &Scenario) -> Result<(), Problem> {
    let whole = |message: String| (None, message);
    if scenario.name.trim().is_empty() {
        return Err(whole(
            "name is empty, expected a kebab-case name".to_owned(),
        ));
    }

    let known_section = scenario.section.starts_with(GENERAL_SECTION)
        || COMMANDS
            .iter()
            .any(|command| command.section == scenario.section);
    if !known_section {
        let message = format!(
            "section {:?} is no section of the catalog, expected one such as {:?} or one \
             starting with {GENERAL_SECTION:?}",
            scenario.section,
            COMMANDS.first().map_or("", |command| command.section),
        );
        return Err(whole(message));
    }

    if scenario.steps.is_empty() {
        return Err(whole(
            "the scenario has no [[steps]], expected at least one".to_owned(),
        ));
    }

    for (index, session) in scenario.sessions.iter().enumerate() {
        let again = scenario.sessions[..index]
            .iter()
            .any(|other| other.name == session.name);
        if again {
            return Err(whole(format!(
                "session {:?} is declared twice",
                session.name
            )));
        }
    }

    check_variables(scenario)?;
    let steps = scenario.steps.iter().map(|step| ("step", step));
    let cleanup = scenario.cleanup.iter().map(|step| ("cleanup step", step));
    let mut numbers = [0usize; 2];
    for (label, step) in steps.chain(cleanup) {
        let slot = usize::from(label != "step");
        if let Some(number) = numbers.get_mut(slot) {
            *number += 1;
        }
        let number = numbers.get(slot).copied().unwrap_or_default();
        check_step(scenario, step)
            .map_err(|message| (Some(format!("{label} {number}")), message))?;
    }
    for (index, sweep) in scenario.sweep.iter().enumerate() {
        check_sweep(scenario, sweep)
            .map_err(|message| (Some(format!("sweep {}", index + 1)), message))?;
    }
    Ok(())
}

/// Every variable a step uses is built in, a session's id, or captured by
/// an earlier step (for cleanup steps: by any step or an earlier cleanup
/// step).
fn check_variables(scenario: &Scenario) -> Result<(), Problem> {
    let mut known: Vec<String> = BUILT_IN.iter().map(|name| (*name).to_owned()).collect();
    for session in &scenario.sessions {
        known.push(format!("{}.sessionid", session.name));
    }
    let steps = scenario
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| ("step", i, step));
    let cleanup = scenario.cleanup.iter().enumerate();
    for (label, index, step) in steps.chain(cleanup.map(|(i, step)| ("cleanup step", i, step))) {
        if let Some(name) = step.variables().iter().find(|name| !known.contains(name)) {
            let message = format!(
                "variable ${{{name}}} is used but never set: expected a capture in an earlier \
                 step or one of the run's variables {BUILT_IN:?}"
            );
            return Err((Some(format!("{label} {}", index + 1)), message));
        }
        let reserved = step
            .capture
            .keys()
            .find(|name| BUILT_IN.contains(&name.as_str()) || name.ends_with(".sessionid"));
        if let Some(name) = reserved {
            let message = format!(
                "capture {name:?} would replace one of the run's variables \
                 {BUILT_IN:?} or a session's id: give it another name"
            );
            return Err((Some(format!("{label} {}", index + 1)), message));
        }
        known.extend(step.capture.keys().cloned());
    }
    Ok(())
}

fn check_step(scenario: &Scenario, step: &Step) -> Result<(), String> {
    let actions = step.actions();
    if actions.len() != 1 {
        let names: Vec<&str> = actions.iter().map(|(name, _)| *name).collect();
        return Err(format!(
            "expected exactly one of send, raw, xml, pipeline, wait_indication, no_indication, \
             reconnect, sleep_ms, idle_past_timeout; found {names:?}"
        ));
    }

    let session = match &step.session {
        Some(name) => scenario
            .sessions
            .iter()
            .find(|session| &session.name == name),
        None => scenario.sessions.first(),
    };
    let awaits_nothing = actions.first().is_some_and(|(_, action)| {
        matches!(
            action,
            Action::NoIndication | Action::Reconnect | Action::Sleep(_) | Action::IdlePastTimeout
        )
    });
    if awaits_nothing && says_anything(&step.expect) {
        let name = actions.first().map_or("", |(name, _)| *name);
        return Err(format!(
            "expect on a {name} step, which awaits no reply: its checks would never run; \
             put them on the step that sends"
        ));
    }

    let Some(session) = session else {
        let name = step.session.as_deref().unwrap_or("(the first)");
        return Err(format!("session {name} is not declared in [[sessions]]"));
    };
    if step.wait_indication.is_some() && !(session.indication && session.login) {
        return Err(format!(
            "wait_indication on session {}, which does not log in with indication = true: \
             the device sends it no indication, so the step could only fail",
            session.name
        ));
    }

    if let Some(hex) = &step.raw {
        parse_hex(hex)?;
    }
    let checks_catalog = step.expect.catalog.unwrap_or(true);
    for xmlid in step.send.iter().chain(&step.pipeline) {
        if checks_catalog && catalog::lookup(xmlid).is_none() {
            return Err(format!(
                "xmlid {xmlid:?} is not in the catalog; set expect.catalog = false to send it"
            ));
        }
    }
    if step.chunk == Some(0) {
        return Err("chunk is 0, expected a piece size of at least 1 byte".to_owned());
    }

    check_table(&step.expect.fields)?;
    let tables = step.expect.some_record.iter().chain(&step.expect.no_record);
    for checks in tables.chain(&step.skip_unless) {
        check_table(checks)?;
    }
    for (variable, field) in &step.capture {
        if !field.is_str() {
            return Err(format!("capture {variable} must name a field as a string"));
        }
    }
    if checks_catalog && let Some(xmlid) = &step.send {
        check_confirm_fields(step, xmlid)?;
    }
    Ok(())
}

/// Whether `expect` asks for anything at all.
fn says_anything(expect: &Expect) -> bool {
    expect.result.is_some()
        || expect.records.is_some()
        || expect.min_records.is_some()
        || expect.catalog.is_some()
        || !expect.fields.is_empty()
        || expect.some_record.is_some()
        || expect.no_record.is_some()
        || expect.closed
        || expect.answer_or_close
        || expect.max_ms.is_some()
}

/// The fields a typed `send` step checks, skips on or captures are fields
/// of its command's confirm (or an alias the spec's examples use), so
/// that a misspelt name is not checked absent, and so passed, in vain.
fn check_confirm_fields(step: &Step, xmlid: &str) -> Result<(), String> {
    let Some(command) = catalog::lookup(xmlid) else {
        return Ok(());
    };
    let checked = step
        .expect
        .fields
        .keys()
        .chain(
            step.expect
                .some_record
                .iter()
                .flat_map(|checks| checks.keys()),
        )
        .chain(
            step.expect
                .no_record
                .iter()
                .flat_map(|checks| checks.keys()),
        )
        .chain(step.skip_unless.iter().flat_map(|checks| checks.keys()))
        .map(String::as_str);
    let captured = step
        .capture
        .values()
        .filter_map(toml::Value::as_str)
        .map(|field| field.trim_end_matches("[]").trim_end_matches('?'));
    let known = |name: &str| {
        command.field(Direction::Confirm, name).is_some()
            || catalog::ALIASES.iter().copied().flatten().any(|alias| {
                alias.0 == command.xmlid && alias.1 == Direction::Confirm && alias.2 == name
            })
    };
    let Some(unknown) = checked.chain(captured).find(|name| !known(name)) else {
        return Ok(());
    };
    let fields: Vec<&str> = command.confirm.iter().map(|field| field.name).collect();
    Err(format!(
        "{unknown:?} is no field of the {} confirm, expected one of {}; set \
         expect.catalog = false to check it anyway",
        command.xmlid,
        fields.join(", ")
    ))
}

pub(super) fn check_table(checks: &FieldChecks) -> Result<(), String> {
    for (name, value) in checks {
        let check = to_check(value).map_err(|message| format!("check on {name}: {message}"))?;
        let Check::Spec(spec) = check else {
            continue;
        };

        if let Some(pattern) = &spec.pattern
            && !pattern.contains("${")
        {
            Regex::new(pattern).map_err(|e| format!("pattern of {name}: {e}"))?;
        }
        let types = [
            "catalog", "guid", "integer", "ipv4", "host", "datetime", "duration",
        ];
        if let Some(kind) = &spec.value_type
            && !types.contains(&kind.as_str())
        {
            return Err(format!(
                "type of {name} is {kind:?}, expected one of {types:?}"
            ));
        }
    }
    Ok(())
}

/// The bytes hexadecimal text stands for; spaces, tabs and line ends are
/// ignored.
pub fn parse_hex(text: &str) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !digits.len().is_multiple_of(2) {
        return Err(format!(
            "raw holds {} hex digits, expected an even number",
            digits.len()
        ));
    }

    digits
        .chunks(2)
        .enumerate()
        .map(|(index, pair)| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .ok_or_else(|| format!("raw byte {index} is not two hex digits"))
        })
        .collect()
}
