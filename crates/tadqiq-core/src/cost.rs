//! Counting the work of the stages that must stay near-linear in any input shape, so a test
//! can compare two input sizes by the steps they took rather than by wall time (machines are
//! noisy; a quadratic stage shows as four times the steps for twice the input).
//!
//! A step is one candidate looked at in an inner loop (claims keyed, buckets judged, parts of
//! a whole). Counting exists only in this crate's own test build; elsewhere [`step`]
//! compiles to nothing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Records `n` steps of work on this thread.
#[inline(always)]
pub(crate) fn step(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps counted on this thread so far.
#[cfg(test)]
pub(crate) fn steps() -> u64 {
    STEPS.with(|s| s.get())
}
