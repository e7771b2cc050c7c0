//! `mrd templates list|show|eject`.

use crate::common::{Scratch, repo};

#[test]
fn list_names_every_builtin() {
    let s = Scratch::new();
    s.mrd()
        .args(["templates", "list"])
        .assert()
        .success()
        .stdout("gitlab.md    built-in\ngithub.md    built-in\ntitle.txt    built-in\npage.html    built-in\nissue.md     built-in\n");
}

#[test]
fn show_prints_a_builtin_and_suggests_near_misses() {
    let s = Scratch::new();
    let expected = std::fs::read_to_string(repo().join("templates/issue.md")).expect("template");
    s.mrd()
        .args(["templates", "show", "issue.md"])
        .assert()
        .success()
        .stdout(expected);
    s.mrd()
        .args(["templates", "show", "isue.md"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no built-in template named `isue.md`; did you mean `issue.md`?",
        ));
}

#[test]
fn eject_writes_the_builtins_and_never_overwrites_without_force() {
    let s = Scratch::new();
    s.mrd()
        .args(["templates", "eject", "tpl"])
        .assert()
        .success();
    for name in [
        "gitlab.md",
        "github.md",
        "title.txt",
        "page.html",
        "issue.md",
    ] {
        let builtin =
            std::fs::read_to_string(repo().join("templates").join(name)).expect("template");
        assert_eq!(s.read(&format!("tpl/{name}")), builtin, "{name}");
    }
    s.write("tpl/issue.md", "mine\n");
    s.mrd()
        .args(["templates", "eject", "tpl"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "not replacing existing files (use --force)",
        ));
    assert_eq!(s.read("tpl/issue.md"), "mine\n");
    s.mrd()
        .args(["templates", "eject", "tpl", "--force"])
        .assert()
        .success();
    assert_ne!(s.read("tpl/issue.md"), "mine\n");
}

#[test]
fn ejected_templates_render_exactly_like_the_builtins() {
    let s = Scratch::new();
    s.write(
        "x.md",
        &std::fs::read_to_string(repo().join("examples/managed-scheduler.md")).expect("example"),
    );
    let builtin = s
        .mrd()
        .args(["render", "x.md"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    s.mrd()
        .args(["templates", "eject", "tpl"])
        .assert()
        .success();
    s.write(".mrd.yml", "render:\n  templates: tpl\n");
    s.mrd()
        .args(["render", "x.md"])
        .assert()
        .success()
        .stdout(builtin);
}

#[test]
fn a_missing_templates_directory_is_an_error() {
    let s = Scratch::new();
    s.write(".mrd.yml", "render:\n  templates: nowhere\n");
    s.write("x.md", "---\ntitle: T\n---\n");
    s.mrd()
        .args(["render", "x.md"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "error[template]: cannot read the templates directory",
        ))
        .stderr(predicates::str::contains("--> nowhere\n"));
}
