//! What one run of a command cost in work done: its own CPU time (user and
//! system) and peak memory, read with wait4(2). Other processes on a shared
//! machine change wall-clock time but not these, so the tests that compare
//! a 1x and a 4x input compare work, never elapsed time.

#![cfg(unix)]

use std::process::{Command, Stdio};

/// One finished run.
#[derive(Clone, Copy, Debug)]
pub struct Cost {
    /// User plus system CPU time, in seconds.
    pub cpu: f64,
    /// Peak resident memory, in KiB (Linux's unit for `ru_maxrss`).
    pub peak_kib: f64,
    /// The exit code; `None` when a signal ended the process.
    pub code: Option<i32>,
}

/// Runs `command` with standard output and error discarded, and says what
/// it cost.
// The child is reaped by wait4, which std cannot do while returning its
// resource usage.
#[allow(clippy::zombie_processes)]
pub fn run(command: &mut Command) -> Cost {
    let child = command
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills in; the pid is our own
    // child's, waited for once here (std's wait is never called for it).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Cost {
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak_kib: usage.ru_maxrss as f64,
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
    }
}

/// The least CPU time and the least peak memory over `runs` runs of the
/// command `make` builds: noise only ever adds.
pub fn least(runs: usize, mut make: impl FnMut() -> Command) -> Cost {
    (0..runs)
        .map(|_| run(&mut make()))
        .reduce(|a, b| Cost {
            cpu: a.cpu.min(b.cpu),
            peak_kib: a.peak_kib.min(b.peak_kib),
            code: a.code.and(b.code),
        })
        .expect("at least one run")
}
