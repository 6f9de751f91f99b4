//! README's quick start runs as written: `cargo run` at the workspace root
//! must find exactly one binary to run, `dvcr`.

use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

const QUICK_START: &str = "cargo run --release -- run --emulate";

#[test]
fn the_readme_quick_start_is_a_bare_cargo_run() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).expect("README.md reads");

    assert!(readme.contains(QUICK_START), "README lost {QUICK_START:?}");
}

#[test]
fn cargo_run_at_the_root_has_exactly_one_binary_to_choose() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(ROOT)
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let defaults = metadata["workspace_default_members"]
        .as_array()
        .expect("the workspace has default members");
    let binaries: Vec<&str> = metadata["packages"]
        .as_array()
        .expect("packages are listed")
        .iter()
        .filter(|package| defaults.contains(&package["id"]))
        .flat_map(|package| package["targets"].as_array().into_iter().flatten())
        .filter(|target| {
            target["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.contains(&"bin".into()))
        })
        .filter_map(|target| target["name"].as_str())
        .collect();

    assert_eq!(binaries, ["dvcr"]);
}

/// README's in-process emulator snippet, as written there.
async fn serve() -> std::io::Result<()> {
    use dvcr::emulator::{Device, DeviceConfig, Server, ServerConfig, SystemClock, fixture};

    let device = Device::new(
        fixture::default_state(),
        DeviceConfig::default(),
        Box::new(SystemClock),
    );
    let server = Server::start(ServerConfig::ephemeral(), device).await?;
    assert_ne!(server.local_addr().port(), 0);
    server.stop().await;
    Ok(())
}

#[tokio::test]
async fn the_readme_in_process_snippet_says_how_to_make_the_device_and_runs() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).expect("README.md reads");

    for line in [
        "let device = Device::new(",
        "fixture::default_state(),",
        "DeviceConfig::default(),",
        "Box::new(SystemClock),",
        "let server = Server::start(ServerConfig::ephemeral(), device).await?;",
        "returns Err(ClientError::Timeout { .. })",
    ] {
        assert!(readme.contains(line), "README lost {line:?}");
    }
    serve().await.expect("the snippet serves and stops");
}

#[test]
fn the_readme_builds_dvcr_one_way_only() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).expect("README.md reads");
    let emulator = readme
        .split_once("## Emulator")
        .and_then(|(_, rest)| rest.split_once("## dvcr decode"))
        .map(|(section, _)| section)
        .unwrap_or_default();

    assert!(!emulator.is_empty());
    assert!(!emulator.contains("cargo run -p dvcr"), "{emulator}");
}
