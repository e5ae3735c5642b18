//! The `tadqiq` binary: the command line over tadqiq-core, and `tadqiq lsp` (tadqiq-lsp).

mod cli;

fn main() -> std::process::ExitCode {
    // The language server lives for a whole working day with a workspace in memory; a command
    // line run ends in seconds and wants the allocator's speed.
    match std::env::args_os().nth(1).as_deref().and_then(|a| a.to_str()) {
        Some("lsp") => limit_malloc_arenas(),
        Some("check" | "extract") => grow_in_large_steps(),
        _ => {}
    }
    cli::main()
}

/// glibc gives threads that allocate at once heaps of their own ("arenas"), up to eight per
/// core. A workspace analysed on every core and then held for the server's threads to read
/// leaves much of those heaps empty but reserved: 55 MB of 352 MB at 10,000 articles. As many
/// arenas as cores keep what is held close to what is used, for about 4 ms more per edit at
/// 1,000 articles. `MALLOC_ARENA_MAX`, when set, wins.
fn limit_malloc_arenas() {
    /// glibc's `M_ARENA_MAX` (malloc.h).
    const M_ARENA_MAX: i32 = -8;
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8);
    tune_malloc(M_ARENA_MAX, cores as i32, "MALLOC_ARENA_MAX");
}

/// `check` and `extract` analyse an archive on every core, each thread allocating from a heap
/// of its own (64 MiB of address space). glibc makes a new heap's memory usable a few pages at
/// a time as it fills, one `mprotect` each, and each takes the address-space lock the other
/// thread's page faults wait on: a re-check of 10,000 articles made 43,000 such calls. With
/// 64 MiB of padding a heap is usable whole when made (300 calls), and the re-check's system
/// time is a fifth lower. Untouched pages are address space, not memory: peak memory is
/// unchanged (a freed top of heap is kept rather than returned, which the run reuses).
/// `MALLOC_TOP_PAD_`, when set, wins.
fn grow_in_large_steps() {
    /// glibc's `M_TOP_PAD` (malloc.h); glibc's thread heaps are 64 MiB at most.
    const M_TOP_PAD: i32 = -2;
    tune_malloc(M_TOP_PAD, 64 << 20, "MALLOC_TOP_PAD_");
}

/// Sets one of glibc's allocator parameters, unless its environment variable is set.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_malloc(param: i32, value: i32, variable: &str) {
    unsafe extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    if std::env::var_os(variable).is_none() {
        // SAFETY: mallopt only sets an allocator parameter; it is called first thing in
        // `main`, before any other thread exists, as glibc asks.
        unsafe {
            mallopt(param, value);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_malloc(_param: i32, _value: i32, _variable: &str) {}
