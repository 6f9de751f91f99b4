//! The README's netcat example talks to the emulator and ends by itself
//! (run where OpenBSD netcat is installed, as the README says).

use std::process::Command;

use dvcr::run::emulate;

/// The README's `sh` block that uses `nc`.
fn readme_snippet() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    readme
        .split("```sh\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .find(|block| block.contains("| nc "))
        .expect("a shell block with nc")
        .to_owned()
}

fn openbsd_netcat() -> bool {
    Command::new("nc")
        .arg("-h")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stderr).contains("OpenBSD netcat"))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_readme_netcat_example_logs_in_and_ends() {
    if !openbsd_netcat() {
        eprintln!("OpenBSD netcat is not installed: the README example is not checked");
        return;
    }

    let server = emulate::start(&[]).await.expect("the emulator starts");
    let port = server.local_addr().port().to_string();
    let script = readme_snippet().replace("8081", &port);
    let started = std::time::Instant::now();
    let output = tokio::task::spawn_blocking(move || {
        Command::new("timeout")
            .args(["10", "sh", "-c", &script])
            .output()
    })
    .await
    .expect("the snippet ends")
    .expect("sh runs");
    server.stop().await;

    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
    assert!(text.starts_with("<?xml"), "{text}");
    assert!(text.contains("<CONFIRM xmlid=\"login\">"), "{text}");
    assert!(text.contains("<RESULT value=\"0\"/>"), "{text}");
}
