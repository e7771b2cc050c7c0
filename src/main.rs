use std::process::ExitCode;

fn main() -> ExitCode {
    mrd::run(std::env::args_os())
}
