//! Counting the work of the stages that must stay near-linear in any input shape, so a test
//! can compare two input sizes by the steps they took rather than by wall time (machines are
//! noisy; a quadratic stage shows as four times the steps for twice the input).
//!
//! A step is one candidate looked at in an inner loop. Counting exists only in this crate's
//! own test build; elsewhere [`step`] compiles to nothing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Records `n` steps of work.
#[inline(always)]
pub(crate) fn step(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// Runs `f` on this thread and returns what it returned with the steps it took.
#[cfg(test)]
pub(crate) fn counted<R>(f: impl FnOnce() -> R) -> (R, u64) {
    let before = STEPS.with(|s| s.get());
    let r = f();
    (r, STEPS.with(|s| s.get()) - before)
}

/// Asserts that `work(n)` grows at most about linearly: doubling the input at most
/// 2.5 times the steps (a quadratic stage takes four times).
#[cfg(test)]
pub(crate) fn assert_linear(what: &str, n: usize, work: impl Fn(usize) -> ()) {
    let (_, small) = counted(|| work(n));
    let (_, large) = counted(|| work(2 * n));
    assert!(small > 0, "{what}: no steps counted");
    let ratio = large as f64 / small as f64;
    assert!(ratio < 2.5, "{what}: {small} steps for {n}, {large} for {} (×{ratio:.2})", 2 * n);
}
