//! The run's password kept out of what a case reports besides its frames
//! (which its [`Transcript`](crate::client::Transcript) masks, field
//! values and the text of `raw` and `xml` steps alike): a value
//! that holds it, in a failure's mismatches or in a finding, is masked
//! whole, and in a failure's message or a cleanup error each appearance of
//! it, with `*`, one per byte.

use super::case::Attempt;
use crate::client::{SHORTEST_MASKED_INSIDE, holds};

/// Masks whatever `attempt` reports that holds `password`; nothing when
/// the password is empty.
pub(crate) fn mask_password(attempt: &mut Attempt, password: &str) {
    if password.is_empty() {
        return;
    }

    if let Some(failure) = &mut attempt.failure {
        mask_text(&mut failure.message, password);
        for mismatch in &mut failure.mismatches {
            mask_value(&mut mismatch.expected, password);
            mask_value(&mut mismatch.actual, password);
        }
    }
    for error in &mut attempt.cleanup_errors {
        mask_text(error, password);
    }
    for finding in &mut attempt.findings {
        mask_value(&mut finding.found, password);
        mask_text(&mut finding.expected, password);
    }
}

/// `value` all `*` when it [`holds`] `password`.
fn mask_value(value: &mut String, password: &str) {
    if holds(value.as_bytes(), password.as_bytes()) {
        *value = "*".repeat(value.len());
    }
}

/// Each appearance of `password` in `text` made `*`, when the password is
/// long enough to be told from ordinary words and numbers
/// ([`SHORTEST_MASKED_INSIDE`]).
fn mask_text(text: &mut String, password: &str) {
    if password.len() >= SHORTEST_MASKED_INSIDE && text.contains(password) {
        *text = text.replace(password, &"*".repeat(password.len()));
    }
}
