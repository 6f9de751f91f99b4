//! The switch of the decoder's short paths: the common shapes of a
//! `DVCRMANAGER` document (spec, "General Information", item 5) that are
//! read without the general scanner, each of which only recognises and
//! otherwise leaves the cursor to the general path.
//!
//! They are always on in the library. The crate's own tests can turn them
//! off to check that the general path alone gives the same message, the
//! same deviations and the same errors at the same offsets.

#[cfg(not(test))]
/// Whether the short paths may be taken: always.
#[inline(always)]
pub(super) const fn enabled() -> bool {
    true
}

#[cfg(test)]
thread_local! {
    static GENERAL_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
/// Whether the short paths may be taken: unless a test turned them off.
pub(super) fn enabled() -> bool {
    !GENERAL_ONLY.get()
}

#[cfg(test)]
/// Runs `read` with the short paths off.
pub(super) fn general_only<T>(read: impl FnOnce() -> T) -> T {
    GENERAL_ONLY.set(true);
    let result = read();
    GENERAL_ONLY.set(false);
    result
}
