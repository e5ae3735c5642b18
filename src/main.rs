//! The `tadqiq` binary: the command line over tadqiq-core, and `tadqiq lsp` (tadqiq-lsp).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
