//! Every expectation kind of the scenario format, each shown to pass when
//! it holds and to fail when it does not, against the emulator.

use dvcr::report::Verdict;

use crate::run_kit::{run_one, verdict, with_steps};

async fn judged(steps: &str) -> Verdict {
    verdict(&run_one(&with_steps("probe", steps)).await)
}

async fn holds(steps: &str) {
    assert_eq!(judged(steps).await, Verdict::Pass, "{steps}");
}

async fn breaks(steps: &str) {
    assert_eq!(judged(steps).await, Verdict::Fail, "{steps}");
}

#[tokio::test(flavor = "multi_thread")]
async fn result_and_record_count_are_checked() {
    holds("[[steps]]\nsend = \"getdevinfo\"\nexpect = { result = \"0\", records = 1 }").await;
    breaks("[[steps]]\nsend = \"getdevinfo\"\nexpect = { result = \"1\" }").await;
    breaks("[[steps]]\nsend = \"getdevinfo\"\nexpect = { records = 2 }").await;
    holds("[[steps]]\nsend = \"getendpoint\"\nexpect = { min_records = 2 }").await;
    breaks("[[steps]]\nsend = \"getendpoint\"\nexpect = { min_records = 99 }").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn exact_values_sets_and_patterns_are_checked() {
    holds(
        "[[steps]]\nsend = \"getlang\"\nexpect = { fields = { LANG = { one_of = [\"0\", \"1\"] \
        } } }",
    )
    .await;
    breaks("[[steps]]\nsend = \"getlang\"\nexpect = { fields = { LANG = { one_of = [\"7\"] } } }")
        .await;
    holds(
        "[[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { PRODUCTNAME = { pattern = \
        \"Polycom.*\" } } }",
    )
    .await;
    breaks(
        "[[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { PRODUCTNAME = { pattern = \
        \"Acme.*\" } } }",
    )
    .await;
    breaks("[[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { RESULT = \"1\" } }").await;
    breaks("[[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { RESULT = { not = \"0\" } } }")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn catalog_types_and_presence_are_checked() {
    holds(
        "[[steps]]\nsend = \"getendpoint\"\nexpect = { fields = { SOURCEID = { type = \
        \"catalog\" }, SOURCEIP = { type = \"ipv4\" } } }",
    )
    .await;
    breaks(
        "[[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { PRODUCTNAME = { type = \
        \"guid\" } } }",
    )
    .await;
    holds(
        "[[steps]]\nsend = \"getdevinfo\"\nexpect = { catalog = false, fields = { VERSION = \
        true, NOSUCH = false } }",
    )
    .await;
    breaks(
        "[[steps]]\nsend = \"getdevinfo\"\nexpect = { catalog = false, fields = { NOSUCH = \
        true } }",
    )
    .await;
    breaks("[[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { VERSION = false } }").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn some_record_and_no_record_look_across_a_list() {
    holds(
        "[[steps]]\nsend = \"getendpoint\"\nexpect = { some_record = { SOURCENAME = \"8000\" \
        }, no_record = { SOURCENAME = \"nobody\" } }",
    )
    .await;
    breaks(
        "[[steps]]\nsend = \"getendpoint\"\nexpect = { some_record = { SOURCENAME = \"nobody\" } }",
    )
    .await;
    breaks("[[steps]]\nsend = \"getendpoint\"\nexpect = { no_record = { SOURCENAME = \"8000\" } }")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn captures_feed_later_steps() {
    holds(
        "[[steps]]\nsend = \"getendpoint\"\nexpect = { some_record = { SOURCENAME = \"8000\" } \
            }\ncapture = { ip = \"SOURCEIP\" }\n\n\
         [[steps]]\nsend = \"getendpoint\"\n\
         expect = { some_record = { SOURCENAME = \"8000\", SOURCEIP = \"${ip}\" } }",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unset_variable_is_a_harness_error_in_what_is_sent_and_what_is_expected() {
    let sent = "[[steps]]\nsend = \"getroom\"\nfields = { INDEX = \"${never}\" }";
    let expected =
        "[[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { VERSION = \"${nope}\" } }";
    for steps in [sent, expected] {
        let text = with_steps("probe", steps);
        let unchecked: dvcr::scenario::Scenario = toml::from_str(&text).expect("the toml reads");
        let report = crate::run_kit::run_on(&[], &[unchecked], &dvcr::run::Baseline::default())
            .await
            .report;
        assert_eq!(verdict(&report), Verdict::Error, "{steps}");
        assert_eq!(report.exit_code, 1);
    }
}

#[test]
fn the_loader_rejects_a_variable_never_set_naming_file_and_step() {
    let text = with_steps(
        "probe",
        "[[steps]]\nsend = \"getdevinfo\"\ncapture = { version = \"VERSION\" }\n\n\
         [[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { VERSION = \"${versoin}\" } }",
    );
    let error = dvcr::scenario::parse(&text, std::path::Path::new("typo.toml"))
        .expect_err("a typo'd variable is refused");
    let shown = error.to_string();
    assert!(
        shown.starts_with("typo.toml: step 2: variable ${versoin}"),
        "{shown}"
    );

    let fine = text.replace("${versoin}", "${version}");
    assert!(dvcr::scenario::parse(&fine, std::path::Path::new("ok.toml")).is_ok());
    let builtins = with_steps(
        "probe",
        "[[steps]]\nsend = \"getdevinfo\"\nexpect = { fields = { VERSION = { not = \"${run}${user}${password}${admin.sessionid}\" } } }",
    );
    assert!(dvcr::scenario::parse(&builtins, std::path::Path::new("ok.toml")).is_ok());
}

#[tokio::test(flavor = "multi_thread")]
async fn indications_and_their_absence_are_checked() {
    let text = "name = \"probe\"\nsection = \"Account Management > Users > ADDDEVUSER\"\n\n\
        [[sessions]]\nname = \"admin\"\n\n[[sessions]]\nname = \"watcher\"\nindication = true\n\n\
        [[sessions]]\nname = \"quiet\"\n\n\
        [[steps]]\nsend = \"adddevuser\"\n\
        fields = { USERNAME = \"dvcr-kit\", FULLNAME = \"k\", EMAIL = \"\", PASSWORD = \"k\", \
        PRIVILEGE = \"1\" }\n\
        expect = { result = \"0\" }\n\n\
        [[steps]]\nsession = \"watcher\"\nwait_indication = \"adddevuser\"\n\
        expect = { fields = { USERNAME = \"dvcr-kit\" } }\n\n\
        [[steps]]\nsession = \"quiet\"\nno_indication = true\n\n\
        [[cleanup]]\nsend = \"deldevuser\"\nfields = { USERNAME = \"dvcr-kit\" }\n";
    let heard = verdict(&crate::run_kit::run_one(text).await);
    assert!(matches!(heard, Verdict::Pass | Verdict::Warning), "{heard}");

    let waits_in_vain = text.replace(
        "wait_indication = \"adddevuser\"",
        "wait_indication = \"addendpoint\"",
    );
    assert_eq!(
        verdict(&crate::run_kit::run_one(&waits_in_vain).await),
        Verdict::Fail
    );

    let hears_one = text
        .replace(
            "session = \"quiet\"\nno_indication",
            "session = \
        \"watcher\"\nno_indication",
        )
        .replace(
            "[[steps]]\nsession = \"watcher\"\nwait_indication = \"adddevuser\"\nexpect = { \
            fields = { USERNAME = \"dvcr-kit\" } }\n\n",
            "",
        );
    assert_eq!(
        verdict(&crate::run_kit::run_one(&hears_one).await),
        Verdict::Fail
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_connection_and_an_answer_or_close_are_checked() {
    let closes = "[[steps]]\nraw = \"03 00 00 02\"\nexpect = { closed = true }\nwithin_ms = 2000";
    holds(closes).await;
    holds("[[steps]]\nraw = \"03 00 00 02\"\nexpect = { answer_or_close = true }").await;
    let stays_open =
        "[[steps]]\nsend = \"getdevinfo\"\nexpect = { closed = true }\nwithin_ms = 300";
    breaks(stays_open).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pipelines_split_writes_and_timing_are_checked() {
    holds("[[steps]]\npipeline = [\"getgk\", \"getlang\", \"getsp\"]\nexpect = { result = \"0\" }")
        .await;
    holds("[[steps]]\nsend = \"getdevinfo\"\nchunk = 3\nexpect = { result = \"0\" }").await;
    let slow = crate::run_kit::scenario(&with_steps(
        "probe",
        "[[steps]]\npipeline = [\"getgk\", \"getlang\"]\nexpect = { max_ms = 30 }",
    ));
    let faults = [dvcr::emulator::Fault::SplitReplies];
    let report = crate::run_kit::run_on(&faults, &[slow], &dvcr::run::Baseline::default()).await;
    assert_eq!(
        verdict(&report.report),
        Verdict::Fail,
        "two replies paused 20 ms each"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_documented_command_answered_as_unknown_is_unsupported_and_judged_by_profile() {
    let device = crate::run_kit::old_firmware().await;
    let text = "name = \"probe\"\nsection = \"New in version 2.0 > \
        GETBANNER\"\n\n[[sessions]]\nname = \"admin\"\n\n\
                [[steps]]\nsend = \"getbanner\"\nexpect = { result = \"0\" }\n";
    let scenarios = [crate::run_kit::scenario(text)];
    let sanity = dvcr::run::suite::sanity().expect("sanity parses");
    let mut options = dvcr::run::RunOptions::new(device.to_string());
    options.profile = dvcr::run::Profile::V2;
    let baseline = dvcr::run::Baseline::default();
    let report = dvcr::run::run(&scenarios, &sanity, &options, &baseline)
        .await
        .report;
    assert_eq!(verdict(&report), Verdict::Unsupported);
    assert_eq!(report.exit_code, 1, "profile v2 requires getbanner");

    options.profile = dvcr::run::Profile::V1;
    let report = dvcr::run::run(&scenarios, &sanity, &options, &baseline)
        .await
        .report;
    assert_eq!(verdict(&report), Verdict::Unsupported);
    assert_eq!(
        report.exit_code, 0,
        "profile v1 excuses the version 2.0 commands"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_field_or_session_fails_and_is_never_unsupported() {
    let server = crate::run_kit::emulator(&[]).await;
    let sanity = dvcr::run::suite::sanity().expect("sanity parses");
    let baseline = dvcr::run::Baseline::default();
    let cases = [
        (
            "New in version 2.0 > GETLOGGING",
            "send = \"getlogging\"\nfields = { LANG = \"en\", BOGUS = \"1\" }",
        ),
        (
            "Account Management > Endpoints > DELENDPOINT",
            "send = \"delendpoint\"\nfields = { SOURCENAME = \"dvcr-none\", BOGUS = \"1\" }",
        ),
        (
            "Login/Logout > Login",
            "send = \"getdevinfo\"\nsessionid = \"00000000-0000-0000-0000000000000000\"",
        ),
    ];
    for (section, step) in cases {
        let text = format!(
            "name = \"probe\"\nsection = \"{section}\"\n\n[[sessions]]\nname = \"admin\"\n\n\
             [[steps]]\n{step}\nexpect = {{ result = \"0\" }}\n"
        );
        let scenarios = [crate::run_kit::scenario(&text)];
        for profile in [dvcr::run::Profile::V1, dvcr::run::Profile::V2] {
            let mut options = crate::run_kit::options(&server);
            options.profile = profile;
            let report = dvcr::run::run(&scenarios, &sanity, &options, &baseline)
                .await
                .report;
            assert_eq!(verdict(&report), Verdict::Fail, "{step} under {profile:?}");
            assert_eq!(report.exit_code, 1, "{step} under {profile:?}");
        }
    }
    server.stop().await;
}
