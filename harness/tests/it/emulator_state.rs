//! State: the default fixture, fixture files, and atomic save and load.

use dvcr::emulator::fixture::{self, DEFAULT_FIXTURE, default_state};
use dvcr::emulator::persist::{self, PersistError};
use dvcr::emulator::state::LinkStatus;
use dvcr::emulator::{Device, DeviceConfig, ManualClock};

use crate::emulator_kit::{Bench, START_MS, column, value};

/// A fresh empty directory under the system's temporary directory,
/// removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn as_path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch_dir() -> Scratch {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let number = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let name = format!("dvcr-emulator-{}-{number}", std::process::id());
    let path = std::env::temp_dir().join(name);
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).expect("scratch directory");
    Scratch(path)
}

#[test]
fn the_default_fixture_holds_the_spec_examples() {
    let state = default_state();

    assert_eq!(
        state.user("Administrator").map(|u| u.password.as_str()),
        Some("")
    );
    assert_eq!(state.endpoints.len(), 3);
    assert_eq!(state.groups.len(), 2);
    assert_eq!(state.rooms.len(), 2);
    assert_eq!(state.media.len(), 2);
    assert_eq!(
        state.link(1024).map(|link| link.status),
        Some(LinkStatus::Menu)
    );
    assert_eq!(state.setting("gatekeeper", "GKPORT"), "1719");
}

#[test]
fn the_default_fixture_parses_without_falling_back() {
    assert!(fixture::parse(DEFAULT_FIXTURE).is_ok());
}

#[test]
fn a_fixture_with_an_unknown_key_is_refused_with_its_line() {
    let error = fixture::parse("[[users]]\nname = \"a\"\nshoe_size = 9\n").expect_err("bad key");

    let text = error.to_string();
    assert!(
        text.contains("shoe_size") && text.contains("line 3"),
        "{text}"
    );
}

#[test]
fn rooms_and_media_the_catalog_would_not_answer_are_refused_naming_the_entry() {
    let edits = [
        (
            "video_format = 3\n",
            "video_format = 99\n",
            "[[rooms]] entry 2",
        ),
        ("index = 1\n", "index = 0\n", "index 0 again"),
        ("catalog = 0\n", "catalog = 5\n", "[[media]] entry 1"),
        (
            "id = \"bcc09f0b-a052-4a2a-a3121ac88dfb955c\"",
            "id = \"not-a-guid\"",
            "expected a GUID",
        ),
    ];
    for (from, to, named) in edits {
        assert!(DEFAULT_FIXTURE.contains(from), "the fixture holds {from:?}");
        let text = DEFAULT_FIXTURE.replacen(from, to, 1);
        let error = fixture::parse(&text).expect_err("refused").to_string();
        assert!(error.contains(named), "{to}: {error}");
    }
}

#[test]
fn a_small_fixture_file_starts_a_device() {
    let text = "[[users]]\nname = \"root\"\npassword = \"pw\"\nprivilege = 0\n";
    let state = fixture::parse(text).expect("fixture parses");
    let clock = ManualClock::starting_at(START_MS);
    let mut bench = Bench {
        device: Device::new(state, DeviceConfig::default(), Box::new(clock.clone())),
        clock,
    };
    let session = bench.login(1, "root", "pw", false);

    assert!(column(&bench.call(1, &session, "getendpoint", &[]), "SOURCENAME").is_empty());
}

#[test]
fn a_saved_state_loads_back_equal() {
    let directory = scratch_dir();
    let path = directory.as_path().join("state.toml");
    let mut bench = Bench::new();
    let session = bench.admin(1);
    bench.call(
        1,
        &session,
        "addendpoint",
        &[("SOURCENAME", "9000"), ("SOURCEIP", "10.0.0.9")],
    );
    persist::save(bench.device.state(), &path).expect("saved");

    let loaded = persist::load(&path).expect("loaded");
    assert_eq!(&loaded, bench.device.state());
}

#[test]
fn a_save_replaces_the_file_and_leaves_no_temporary_behind() {
    let directory = scratch_dir();
    let path = directory.as_path().join("state.toml");
    std::fs::write(&path, "old").expect("old file");
    persist::save(&default_state(), &path).expect("saved");

    let names: Vec<_> = std::fs::read_dir(directory.as_path())
        .expect("listing")
        .filter_map(|entry| entry.ok().map(|e| e.file_name()))
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("state.toml")]);
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("[[users]]")
    );
}

#[test]
fn a_state_too_large_to_load_back_is_not_saved_and_the_file_keeps_the_last() {
    let directory = scratch_dir();
    let path = directory.as_path().join("state.toml");
    persist::save(&default_state(), &path).expect("saved");
    let mut grown = default_state();
    let too_long = usize::try_from(persist::MAX_STATE_LEN).expect("fits");
    grown.users[0].full_name = "x".repeat(too_long);

    let error = persist::save(&grown, &path).expect_err("too large to load back");

    assert!(matches!(error, PersistError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("state.toml"), "{error}");
    assert_eq!(
        persist::load(&path).expect("the last state"),
        default_state()
    );
}

#[test]
fn a_save_into_a_missing_directory_fails_naming_the_path() {
    let directory = scratch_dir();
    let path = directory.as_path().join("missing-dir").join("state.toml");
    let error = persist::save(&default_state(), &path).expect_err("no directory");

    assert!(matches!(error, PersistError::Io { .. }));
    assert!(error.to_string().contains("missing-dir"));
}

#[test]
fn loading_a_torn_file_is_an_error_naming_the_file() {
    let directory = scratch_dir();
    let path = directory.as_path().join("torn.toml");
    std::fs::write(&path, "[[users]]\nname = \"Admin").expect("torn file");

    let error = persist::load(&path).expect_err("torn");
    assert!(error.to_string().contains("torn.toml"), "{error}");
}

#[test]
fn loading_a_state_the_device_could_not_hold_names_the_file_and_entry() {
    let directory = scratch_dir();
    let path = directory.as_path().join("edited.toml");
    let bad = DEFAULT_FIXTURE.replace("ip = \"11.22.33.44\"", "ip = \"11.22.33.444\"");
    assert_ne!(bad, DEFAULT_FIXTURE, "the fixture has that endpoint");
    std::fs::write(&path, bad).expect("state file");

    let error = persist::load(&path).expect_err("refused");
    let text = error.to_string();
    assert!(matches!(error, PersistError::Invalid { .. }), "{text}");
    assert!(text.contains("edited.toml"), "{text}");
    assert!(text.contains("[[endpoints]] entry"), "{text}");
    assert!(text.contains("ip \"11.22.33.444\""), "{text}");
}

#[test]
fn the_same_seed_makes_the_same_guids() {
    let add = |bench: &mut Bench| {
        let session = bench.admin(1);
        let outcome = bench.call(
            1,
            &session,
            "addendpoint",
            &[("SOURCENAME", "9"), ("SOURCEIP", "1.1.1.1")],
        );
        value(&outcome, "SOURCEID")
    };

    assert_eq!(add(&mut Bench::new()), add(&mut Bench::new()));
}

#[test]
fn a_state_path_that_is_no_file_is_refused_and_left_as_it_was() {
    let directory = scratch_dir();
    let folder = directory.as_path().join("a-folder");
    std::fs::create_dir(&folder).expect("folder");

    let error = persist::load(&folder).expect_err("a folder is no state file");
    assert!(matches!(error, PersistError::NotAFile { .. }), "{error}");
    assert!(error.to_string().contains("not a regular file"), "{error}");
    let refused = persist::save(&default_state(), &folder).expect_err("nor is it saved over");
    assert!(
        matches!(refused, PersistError::NotAFile { .. }),
        "{refused}"
    );
    assert!(folder.is_dir(), "the folder is still there");
}

#[test]
fn an_empty_state_file_is_refused_rather_than_a_device_with_no_user() {
    let directory = scratch_dir();
    let path = directory.as_path().join("state.toml");
    std::fs::write(&path, "").expect("an empty file");

    let error = persist::load(&path).expect_err("no user, no login");
    assert!(error.to_string().contains("no [[users]] entry"), "{error}");
}

#[cfg(unix)]
#[test]
fn a_save_through_a_symbolic_link_replaces_its_file_and_keeps_the_link() {
    let directory = scratch_dir();
    let file = directory.as_path().join("real.toml");
    let link = directory.as_path().join("link.toml");
    std::os::unix::fs::symlink("real.toml", &link).expect("link");

    persist::save(&default_state(), &link).expect("saved through the link");
    assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
    assert_eq!(persist::load(&file).expect("the file"), default_state());
    persist::save(&default_state(), &link).expect("saved again");
    assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
}
