//! Standard output and error for the command line, safe when the reader
//! has gone: `dvcr decode ... | head -1` must not panic on a closed pipe.
//!
//! `print!` and `eprint!` panic when a write fails; [`outln!`], [`out!`]
//! and [`errln!`] write through these functions instead, which drop what
//! a closed pipe cannot take and let the command finish as it would
//! (reports still written, the same exit code).

use std::fmt::Arguments;
use std::io::Write;

/// Writes `text` to standard output; a failed write (a closed pipe) is
/// dropped.
pub(crate) fn write_stdout(text: Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_fmt(text).and_then(|()| stdout.flush());
}

/// Writes `text` to standard error; a failed write is dropped.
pub(crate) fn write_stderr(text: Arguments<'_>) {
    let _ = std::io::stderr().lock().write_fmt(text);
}

/// `print!` that does not panic on a closed pipe.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::out::write_stdout(format_args!($($arg)*))
    };
}

/// `println!` that does not panic on a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::out::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` that does not panic on a closed pipe.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::out::write_stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {errln, out, outln};
