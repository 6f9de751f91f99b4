//! Scenario files that load but would mislead a run are refused at load,
//! naming the file and the step or sweep: a capture that would replace
//! one of the run's variables, a sweep using a variable not yet set, a
//! sweep that would sweep nothing.

use std::path::Path;

use dvcr::scenario::parse;

#[test]
fn a_sweep_using_a_captured_variable_is_a_load_error_naming_it() {
    let text = r#"
name = "sweeps-too-early"
section = "Account Management > Endpoints > ADDENDPOINT"

[[sessions]]
name = "admin"

[[steps]]
send = "getendpoint"
capture = { name = "SOURCENAME" }

[[sweep]]
item = "endpoint"
list = "getendpoint"
key = "SOURCENAME"
only = { SOURCENAME = "${name}" }
delete = "delendpoint"
"#;
    let error = parse(text, Path::new("early.toml")).expect_err("a load error");
    let shown = error.to_string();
    assert!(
        shown.starts_with("early.toml: sweep 1: variable ${name}"),
        "{shown}"
    );
    assert!(
        parse(
            &text.replace("${name}", "dvcr-${run}"),
            Path::new("ok.toml")
        )
        .is_ok()
    );
}

#[test]
fn a_capture_named_as_a_run_variable_is_a_load_error() {
    let text = r#"
name = "shadows"
section = "System Information > System Information > GETDEVINFO"
[[sessions]]
name = "admin"
[[steps]]
send = "getdevinfo"
capture = { password = "PRODUCTNAME" }
"#;
    let error = parse(text, Path::new("shadow.toml")).expect_err("a load error");
    let shown = error.to_string();

    assert!(
        shown.starts_with("shadow.toml: step 1: capture \"password\""),
        "{shown}"
    );
    assert!(
        parse(
            &text.replace("password =", "product ="),
            Path::new("ok.toml")
        )
        .is_ok()
    );
}

#[test]
fn a_sweep_that_would_sweep_nothing_is_a_load_error_naming_file_and_sweep() {
    let text = r#"
name = "sweeps-nothing"
section = "Account Management > Endpoints > ADDENDPOINT"

[[sessions]]
name = "admin"

[[steps]]
send = "getendpoint"

[[sweep]]
item = "room"
list = "getroom"
key = "INDEX"
delete = "delroom"

[[sweep]]
item = "endpoint"
list = "getendpoint"
key = "SOURCENAME"
only = { SOURCENAME = "dvcr-${run}" }
delete = "delendpoint"
"#;
    assert!(parse(text, Path::new("ok.toml")).is_ok());

    let broken = [
        (
            "list = \"getendpoint\"",
            "list = \"getdevinfo\"",
            "sweep 2: list \"getdevinfo\" answers one confirm, not one per item",
        ),
        (
            "list = \"getendpoint\"",
            "list = \"getendpoints\"",
            "sweep 2: list \"getendpoints\" is not in the catalog",
        ),
        (
            "key = \"SOURCENAME\"",
            "key = \"NOPE\"",
            "sweep 2: key \"NOPE\" is no field of the getendpoint confirm",
        ),
        (
            "delete = \"delendpoint\"",
            "delete = \"removeendpoint\"",
            "sweep 2: delete \"removeendpoint\" is not in the catalog",
        ),
        (
            "key = \"INDEX\"",
            "key = \"SOURCENAME\"",
            "sweep 1: key \"SOURCENAME\" is no field of the getroom confirm",
        ),
        (
            "only = { SOURCENAME =",
            "only = { SOURCNAME =",
            "sweep 2: only names \"SOURCNAME\", no field of the getendpoint confirm",
        ),
        (
            "delete = \"delendpoint\"",
            "delete = \"delgroup\"",
            "sweep 2: delete delgroup takes no \"SOURCENAME\" to name the item by",
        ),
    ];
    for (good, bad, expected) in broken {
        let error =
            parse(&text.replacen(good, bad, 1), Path::new("sweep.toml")).expect_err("a load error");
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("sweep.toml: {expected}")),
            "{bad}: {shown}"
        );
    }
}

#[test]
fn waiting_for_an_indication_on_a_session_that_asked_for_none_is_a_load_error() {
    let text = r#"
name = "waits-in-vain"
section = "Account Management > Endpoints > ADDENDPOINT"

[[sessions]]
name = "admin"

[[sessions]]
name = "watcher"
indication = true

[[steps]]
session = "watcher"
wait_indication = "addendpoint"
"#;
    assert!(parse(text, Path::new("ok.toml")).is_ok());

    let shown = parse(
        &text.replace("session = \"watcher\"\nwait", "session = \"admin\"\nwait"),
        Path::new("wait.toml"),
    )
    .expect_err("a load error")
    .to_string();
    assert!(
        shown.starts_with("wait.toml: step 1: wait_indication on session admin, which does not log in with indication = true"),
        "{shown}"
    );
}

#[test]
fn a_checked_or_captured_field_the_confirm_does_not_have_is_a_load_error() {
    let text = r#"
name = "reads-lang"
section = "System Configuration > IVR/Language Settings > GETLANG"

[[sessions]]
name = "admin"

[[steps]]
send = "getlang"
expect = { result = "0", fields = { LANG = true } }
capture = { old = "LANG?" }
"#;
    assert!(parse(text, Path::new("ok.toml")).is_ok());

    for (good, bad) in [
        ("fields = { LANG = true }", "fields = { LANGG = false }"),
        (
            "capture = { old = \"LANG?\" }",
            "capture = { old = \"LNAG?\" }",
        ),
    ] {
        let shown = parse(&text.replace(good, bad), Path::new("typo.toml"))
            .expect_err("a load error")
            .to_string();
        assert!(
            shown.starts_with("typo.toml: step 1: \"L")
                && shown.contains("is no field of the getlang confirm"),
            "{shown}"
        );
    }
    let unchecked = text.replace("result = \"0\",", "catalog = false, result = \"0\",");
    assert!(
        parse(
            &unchecked.replace("LANG = true", "LANGG = false"),
            Path::new("ok.toml")
        )
        .is_ok()
    );
}

#[test]
fn an_expect_on_a_step_that_awaits_no_reply_is_a_load_error() {
    let text = r#"
name = "pauses"
section = "General Information"

[[sessions]]
name = "admin"

[[steps]]
sleep_ms = 10
"#;
    assert!(parse(text, Path::new("ok.toml")).is_ok());

    let shown = parse(
        &format!("{text}expect = {{ result = \"0\" }}\n"),
        Path::new("pause.toml"),
    )
    .expect_err("a load error")
    .to_string();
    assert!(
        shown.starts_with("pause.toml: step 1: expect on a sleep_ms step, which awaits no reply"),
        "{shown}"
    );
}
