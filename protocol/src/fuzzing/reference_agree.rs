//! The `reference_agree` oracle: the purpose-built scanner and the quick-xml
//! reference decoder read every payload alike (spec, "General
//! Information", item 5).

use super::UNBOUNDED_LIMITS;
use crate::decode::{DecodeOptions, Mode, decode};
use crate::reference;

/// Checks that strict decoding of `data` and [`reference::decode`] give the
/// same message, or both refuse it.
///
/// The scanner runs with [`UNBOUNDED_LIMITS`], since the reference applies
/// no limits: a payload refused only for its size is not a disagreement.
pub fn reference_agree(data: &[u8]) {
    let options = DecodeOptions {
        mode: Mode::Strict,
        limits: UNBOUNDED_LIMITS,
    };
    let ours = decode(data, &options).map(|decoded| decoded.message);
    let theirs = reference::decode(data);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) if ours == theirs => {}
        (Err(_), Err(_)) => {}
        (ours, theirs) => {
            let text = String::from_utf8_lossy(data);
            panic!("scanner {ours:?}, reference {theirs:?}, on {text:?}");
        }
    }
}
