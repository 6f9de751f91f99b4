//! The integration tests of `dvcr-protocol`, one module per area.

mod decode;
mod encode;
mod lenient;
mod properties;
mod strict;
