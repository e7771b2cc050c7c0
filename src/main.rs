use std::process::ExitCode;

// Linting a backlog allocates many small strings per file; mimalloc makes
// that markedly cheaper than the system allocator (bench/run.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    mrd::run(std::env::args_os())
}
