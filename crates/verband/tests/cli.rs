//! The `verband` command as an administrator uses it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn verband(data: &std::path::Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_verband"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("VERBAND_DATABASE_URL")
        .env_remove("VERBAND_PASSWORD")
        .env("VERBAND_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn users_are_added_listed_and_refused_with_a_plain_message() {
    let dir = tempfile::tempdir().unwrap();
    let added = verband(dir.path(), &["user", "add", "jan", "--name", "Jan Jansen"], Some("een-goed-wachtwoord\n"));
    assert!(added.status.success(), "{}", text(&added));
    let list = verband(dir.path(), &["user", "list"], None);
    assert!(text(&list).contains("Jan Jansen"));

    let short = verband(dir.path(), &["user", "add", "piet", "--password", "kort"], None);
    assert!(!short.status.success());
    assert!(text(&short).contains("at least 12 characters"), "{}", text(&short));
    assert!(!text(&short).contains("backtrace"));

    let grant = verband(dir.path(), &["user", "grant", "jan", "99", "coordinator"], None);
    assert!(!grant.status.success());
    assert!(text(&grant).contains("not found"));
}

#[test]
fn demo_seeds_once_and_grants_roles() {
    let dir = tempfile::tempdir().unwrap();
    let first = verband(dir.path(), &["demo", "--no-serve"], None);
    assert!(first.status.success(), "{}", text(&first));
    assert!(text(&first).contains("Demo data written: 2 networks."));
    assert!(text(&first).contains("coordinator"));
    let second = verband(dir.path(), &["demo", "--no-serve"], None);
    assert!(text(&second).contains("already holds data"));
    let list = text(&verband(dir.path(), &["user", "list"], None));
    assert!(list.contains("advisor in network 1") && list.contains("advisor in network 2"), "{list}");
    let migrate = verband(dir.path(), &["migrate"], None);
    assert!(migrate.status.success());
}

#[test]
fn demo_writes_survey_links_whose_tokens_are_stored_only_as_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("links.txt");
    let file_arg = file.to_string_lossy().to_string();
    let args = ["demo", "--no-serve", "--listen", "127.0.0.1:18123", "--survey-links", &file_arg, "--survey-respondents", "5"];
    let out = verband(&dir.path().join("data"), &args, None);
    assert!(out.status.success(), "{}", text(&out));
    let links = std::fs::read_to_string(&file).unwrap();
    let tokens: Vec<&str> = links.lines().map(|l| l.strip_prefix("http://127.0.0.1:18123/enquete/").unwrap_or("")).collect();
    assert_eq!(tokens.len(), 5, "{links}");
    assert!(tokens.iter().all(|t| t.len() == 43), "{links}");
    // Neither the database nor its write-ahead log holds a token in the clear.
    for entry in std::fs::read_dir(dir.path().join("data")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let stored = String::from_utf8_lossy(&bytes);
        assert!(tokens.iter().all(|t| !stored.contains(t)));
    }
    let help = text(&verband(dir.path(), &["demo", "--help"], None));
    assert!(help.contains("--survey-links <FILE>") && help.contains("--survey-respondents <N>"), "{help}");
}
