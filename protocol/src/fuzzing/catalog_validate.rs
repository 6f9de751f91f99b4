//! The `catalog_validate` oracle: judging any decoded message against the
//! command catalog never panics and always gives the same findings
//! ("General Information", items 3 to 6, and each command's section).

use crate::decode::{DecodeOptions, decode};
use crate::validate::{Flow, validate};

/// Decodes `data` leniently and validates the message both ways.
///
/// Each flow is validated twice and must give equal findings in the same
/// order; every finding that names a record must name one the message has.
pub fn catalog_validate(data: &[u8]) {
    let Ok(decoded) = decode(data, &DecodeOptions::LENIENT) else {
        return;
    };

    let message = &decoded.message;
    for flow in [Flow::ToDevice, Flow::FromDevice] {
        let first = validate(message, flow);
        let second = validate(message, flow);
        if first != second {
            panic!("{flow:?} findings differ between two runs: {first:?} then {second:?}");
        }

        let strays = first.iter().filter(|finding| {
            finding
                .record
                .is_some_and(|at| at >= message.record_count())
        });
        if let Some(stray) = strays.into_iter().next() {
            panic!("a finding names a record the message does not have: {stray:?}");
        }
    }
}
