//! The `tadqiq` binary: the command line over tadqiq-core, and `tadqiq lsp` (tadqiq-lsp).

mod cli;

fn main() -> std::process::ExitCode {
    // The language server lives for a whole working day with a workspace in memory; a command
    // line run ends in seconds and keeps the allocator's speed.
    if std::env::args_os().nth(1).is_some_and(|a| a == "lsp") {
        limit_malloc_arenas();
    }
    cli::main()
}

/// glibc gives threads that allocate at once heaps of their own ("arenas"), up to eight per
/// core. A workspace analysed on every core and then held for the server's threads to read
/// leaves much of those heaps empty but reserved: 55 MB of 352 MB at 10,000 articles. As many
/// arenas as cores keep what is held close to what is used, for about 4 ms more per edit at
/// 1,000 articles. `MALLOC_ARENA_MAX`, when set, wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    unsafe extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    /// glibc's `M_ARENA_MAX` (malloc.h).
    const M_ARENA_MAX: i32 = -8;
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8);
        // SAFETY: mallopt only sets an allocator parameter; it is called before any other
        // thread exists, as glibc asks.
        unsafe {
            mallopt(M_ARENA_MAX, cores as i32);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
