fn main() -> std::process::ExitCode {
    tadqiq::cli::main()
}
