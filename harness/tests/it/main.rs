//! The integration tests of the `dvcr` crate, one module per area.

#![expect(
    clippy::expect_used,
    reason = "a test fails loudly on a broken precondition"
)]

mod cli_bounded_reads;
mod cli_help;
mod cli_pipes;
mod client_faults;
mod client_session;
mod decode_cli;
mod decode_cli_hex;
mod emulate_cli;
mod emulator_accounts;
mod emulator_catalog_check;
mod emulator_faults;
mod emulator_fixture_settings;
mod emulator_groups;
mod emulator_indications;
mod emulator_kit;
mod emulator_media;
mod emulator_privilege;
mod emulator_recording;
mod emulator_server_faults;
mod emulator_server_hostile;
mod emulator_server_kit;
mod emulator_server_sessions;
mod emulator_server_traffic;
mod emulator_sessions;
mod emulator_settings;
mod emulator_state;
mod emulator_xmlid;
mod fuzz_cli;
mod fuzz_replay;
mod netfuzz;
mod netfuzz_bounds;
mod netfuzz_cutoff;
mod netfuzz_faults;
mod netfuzz_parts;
mod netfuzz_strict;
mod quick_start;
mod readme_nc;
mod run_baseline;
mod run_cleanup;
mod run_diff;
mod run_empty_device;
mod run_exit_codes;
mod run_expectations;
mod run_infrastructure;
mod run_interrupt;
mod run_interrupt_rerun;
mod run_junit_exit_code;
mod run_kit;
mod run_loading;
mod run_privilege;
mod run_redaction;
mod run_reports;
mod run_rerun;
mod run_residue;
mod run_suite;
mod scenario_checks;
mod send_cli;
