//! The settings blocks of a fixture or a saved state are checked at load
//! as the `SETx` that changes each would be: by the catalog check of its
//! table, then by the block's own field rules, so that the device never
//! serves a value its own commands refuse.

use dvcr::emulator::fixture::{self, DEFAULT_FIXTURE};
use dvcr::emulator::persist::{self, PersistError};

use crate::emulator_kit::{Bench, value};

/// The default fixture with `from` replaced by `to`, which it must hold.
fn edited(from: &str, to: &str) -> String {
    assert!(DEFAULT_FIXTURE.contains(from), "the fixture holds {from:?}");
    DEFAULT_FIXTURE.replacen(from, to, 1)
}

/// Why the default fixture with `from` replaced by `to` is refused.
fn refusal(from: &str, to: &str) -> String {
    fixture::parse(&edited(from, to))
        .expect_err("the edited fixture is refused")
        .to_string()
}

#[test]
fn a_language_outside_the_catalog_is_refused_naming_block_and_field() {
    let said = refusal("LANG = \"0\"", "LANG = \"banana\"");

    assert!(
        said.contains("[settings.language]: LANG: expected one of 0, 1, found \"banana\""),
        "{said}"
    );
}

#[test]
fn a_settings_block_the_device_does_not_know_is_refused_naming_the_known_ones() {
    let said = refusal("[settings.language]", "[settings.langauge]");

    assert!(
        said.contains("[settings.langauge]: no such settings block, expected one of network,"),
        "{said}"
    );
    assert!(said.contains("language"), "{said}");
}

#[test]
fn a_settings_block_left_out_is_the_default_fixtures() {
    let text = edited("[settings.language]\nLANG = \"0\"\n", "");
    let state = fixture::parse(&text).expect("a fixture without a language block loads");

    assert_eq!(
        state.settings.get("language"),
        fixture::default_state().settings.get("language")
    );
}

#[test]
fn a_value_the_block_rules_take_but_the_catalog_does_not_is_refused() {
    let said = refusal("AUTO_SAVE = \"1\"", "AUTO_SAVE = \"00\"");

    assert!(
        said.contains("[settings.storage]: AUTO_SAVE: expected one of 0, 1, 2, found \"00\""),
        "{said}"
    );
}

#[test]
fn a_value_the_catalog_takes_but_the_block_rules_do_not_is_refused() {
    let said = refusal("MAX_FILESIZE = \"10240\"", "MAX_FILESIZE = \"2000000\"");

    assert!(
        said.contains(
            "[settings.logging]: MAX_FILESIZE must be a whole number from 0 to 1000000, \
             got \"2000000\""
        ),
        "{said}"
    );
}

#[test]
fn a_field_the_set_command_does_not_define_is_refused_by_name() {
    let said = refusal("LANG = \"0\"", "LANG = \"0\"\nLANGUAGE = \"1\"");

    assert!(said.contains("[settings.language]: LANGUAGE: "), "{said}");
    assert!(said.contains("unknown-field"), "{said}");
}

#[test]
fn a_read_only_field_is_not_put_through_the_set_command() {
    let text = edited("GKSTATUS = \"Unregistered\"", "GKSTATUS = \"Registered\"");
    let loaded = fixture::parse(&text).map_err(|error| error.to_string());

    assert!(loaded.is_ok(), "{loaded:?}");
}

#[test]
fn a_saved_state_with_a_bad_setting_is_refused_naming_file_block_and_field() {
    let path = std::env::temp_dir().join(format!("dvcr-settings-{}.toml", std::process::id()));
    std::fs::write(&path, edited("AUTO_SAVE = \"1\"", "AUTO_SAVE = \"7\"")).expect("written");
    let error = persist::load(&path).expect_err("refused");
    let _ = std::fs::remove_file(&path);
    let said = error.to_string();

    assert!(matches!(error, PersistError::Invalid { .. }), "{said}");
    assert!(said.contains("dvcr-settings-"), "{said}");
    assert!(said.contains("[settings.storage]: AUTO_SAVE: "), "{said}");
}

#[test]
fn settings_the_device_stored_itself_load_back() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let set = bench.call(1, &session, "setlang", &[("LANG", "1")]);
    let text = toml::to_string(bench.device.state()).expect("the state serializes");
    let loaded = fixture::parse(&text).expect("the state loads back");

    assert_eq!(value(&set, "RESULT").as_deref(), Some("0"));
    assert_eq!(loaded.setting("language", "LANG"), "1");
}
