//! Two-factor sign-in (TOTP, RFC 6238) on SQLite and PostgreSQL: set-up needs
//! a right code, codes outside the window or used before are refused,
//! recovery codes work once, wrong codes are throttled, the pending log-in
//! expires, the administrator resets and requires it.

mod support;

use support::{both, network, system, user, web, PASSWORD};
use totp_rs::{Algorithm, Builder, Secret};
use verband_domain::NetworkRole;
use verband_service::{Actor, LoginOutcome, Service, ServiceError, TwoFactorRequirement, TwoFactorStatus, MAX_LOGIN_FAILURES};

/// The code an authenticator app shows `offset` seconds from now.
fn code_at(secret: &str, offset: i64) -> String {
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(Secret::try_from_base32(secret).expect("base32 secret"))
        .build()
        .expect("totp");
    let now = chrono::Utc::now().timestamp() + offset;
    totp.generate(u64::try_from(now).expect("after 1970")).to_string()
}

/// Switches two-factor sign-in on for the actor with the current code;
/// returns the secret, the recovery codes and the code that was used.
async fn enrol_with_code(svc: &Service, actor: &Actor) -> (String, Vec<String>, String) {
    let setup = svc.start_two_factor(actor).await.expect("start");
    let code = code_at(&setup.secret, 0);
    let codes = svc.confirm_two_factor(actor, &code).await.expect("confirm");
    (setup.secret, codes, code)
}

async fn enrol(svc: &Service, actor: &Actor) -> (String, Vec<String>) {
    let (secret, codes, _) = enrol_with_code(svc, actor).await;
    (secret, codes)
}

/// Logs in with the password; the pending token of the second step.
async fn password_step(svc: &Service, username: &str) -> String {
    match svc.login(username, PASSWORD, web()).await.expect("password is right") {
        LoginOutcome::SecondFactorNeeded(p) => p.pending_token,
        LoginOutcome::SignedIn(_) => panic!("a session without the second factor"),
    }
}

async fn audit_actions(svc: &Service) -> Vec<(String, String)> {
    let mut conn = svc.store().conn().await.expect("connection");
    let audit = verband_store::all_audit(&mut conn, 1000).await.expect("audit");
    audit.into_iter().map(|a| (a.action, a.result)).collect()
}

#[tokio::test]
async fn enrolment_needs_a_right_code_and_then_login_asks_for_one() {
    both(|svc| async move {
        let (record, actor) = user(&svc, "sanne", None).await;
        assert_eq!(svc.two_factor_status(&actor).await.unwrap(), TwoFactorStatus::Off);

        let setup = svc.start_two_factor(&actor).await.unwrap();
        assert!(setup.otpauth_uri.starts_with("otpauth://totp/Verband:sanne?"), "{}", setup.otpauth_uri);
        assert!(setup.otpauth_uri.contains(&format!("secret={}", setup.secret)));
        assert!(matches!(svc.two_factor_status(&actor).await.unwrap(), TwoFactorStatus::SettingUp(s) if s.secret == setup.secret));
        // Until it is confirmed, the password alone still signs in.
        assert!(svc.login("sanne", PASSWORD, web()).await.unwrap().signed_in().is_some());

        let wrong = svc.confirm_two_factor(&actor, "000000").await;
        let wrong = if code_at(&setup.secret, 0) == "000000" { svc.confirm_two_factor(&actor, "111111").await } else { wrong };
        assert!(matches!(&wrong, Err(ServiceError::Invalid(e)) if e.for_field("code").is_some()), "{:?}", wrong.err());
        let letters = svc.confirm_two_factor(&actor, "abc").await;
        assert!(matches!(&letters, Err(ServiceError::Invalid(e)) if e.for_field("code").is_some()), "{:?}", letters.err());
        let far = svc.confirm_two_factor(&actor, &code_at(&setup.secret, 300)).await;
        assert!(matches!(far, Err(ServiceError::Invalid(_))), "a code five minutes ahead is outside the window");
        assert!(matches!(svc.two_factor_status(&actor).await.unwrap(), TwoFactorStatus::SettingUp(_)));

        let codes = svc.confirm_two_factor(&actor, &code_at(&setup.secret, 0)).await.unwrap();
        assert_eq!(codes.len(), 10);
        assert!(matches!(svc.two_factor_status(&actor).await.unwrap(), TwoFactorStatus::On { recovery_codes_left: 10, .. }));
        {
            let mut conn = svc.store().conn().await.unwrap();
            let factor = verband_store::two_factor_of_user(&mut conn, record.id).await.unwrap().unwrap();
            assert!(factor.enabled_at.is_some());
        }
        let again = svc.start_two_factor(&actor).await;
        assert!(matches!(again, Err(ServiceError::Conflict(_))), "a running factor is not replaced");

        // Now the password opens no session, only a pending log-in.
        let pending = password_step(&svc, "sanne").await;
        let signed_in = svc.login_second_factor(&pending, &code_at(&setup.secret, 30), web()).await.unwrap();
        assert_eq!(signed_in.user.id, record.id);
        assert_eq!(svc.user_for_session(&signed_in.session_token).await.unwrap().map(|u| u.id), Some(record.id));
        // The pending log-in is used up.
        let r = svc.login_second_factor(&pending, &code_at(&setup.secret, 30), web()).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{:?}", r.err());

        let actions = audit_actions(&svc).await;
        assert!(actions.contains(&("enable_two_factor".into(), "failure".into())));
        assert!(actions.contains(&("enable_two_factor".into(), "success".into())));
        assert!(actions.contains(&("login".into(), "second_factor_needed".into())));
        let mut conn = svc.store().conn().await.unwrap();
        let audit = verband_store::all_audit(&mut conn, 1000).await.unwrap();
        assert!(audit.iter().all(|a| !a.object_label.as_deref().unwrap_or("").contains(&setup.secret)), "the secret is in no audit entry");
    })
    .await;
}

#[tokio::test]
async fn codes_outside_the_window_or_used_before_are_refused() {
    both(|svc| async move {
        let (_, actor) = user(&svc, "kees", None).await;
        let (secret, _, enrolment_code) = enrol_with_code(&svc, &actor).await;

        let pending = password_step(&svc, "kees").await;
        for offset in [-300, 300] {
            let r = svc.login_second_factor(&pending, &code_at(&secret, offset), web()).await;
            assert!(matches!(r, Err(ServiceError::BadCredentials)), "offset {offset}: {:?}", r.err());
        }
        // The enrolment used its code's step: the same code cannot sign in.
        let r = svc.login_second_factor(&pending, &enrolment_code, web()).await;
        assert!(matches!(r, Err(ServiceError::BadCredentials)), "the enrolment's code is used: {:?}", r.err());
        let login_code = code_at(&secret, 30);
        svc.login_second_factor(&pending, &login_code, web()).await.expect("the next step's code works");

        // That code, and the one before it, are used now.
        let pending = password_step(&svc, "kees").await;
        for code in [&login_code, &enrolment_code] {
            let r = svc.login_second_factor(&pending, code, web()).await;
            assert!(matches!(r, Err(ServiceError::BadCredentials)), "reused: {:?}", r.err());
        }
        let failures = audit_actions(&svc).await.into_iter().filter(|a| a == &("login_second_factor".into(), "failure".into())).count();
        assert_eq!(failures, 5, "each wrong code is audited");
    })
    .await;
}

#[tokio::test]
async fn recovery_codes_work_once() {
    both(|svc| async move {
        let (_, actor) = user(&svc, "anna", None).await;
        let (_, codes) = enrol(&svc, &actor).await;

        let pending = password_step(&svc, "anna").await;
        // Typed loosely: capitals and spaces around.
        let typed = format!("  {} ", codes[3].to_uppercase());
        svc.login_second_factor(&pending, &typed, web()).await.expect("a recovery code signs in");
        assert!(matches!(svc.two_factor_status(&actor).await.unwrap(), TwoFactorStatus::On { recovery_codes_left: 9, .. }));

        let pending = password_step(&svc, "anna").await;
        let r = svc.login_second_factor(&pending, &codes[3], web()).await;
        assert!(matches!(r, Err(ServiceError::BadCredentials)), "used once: {:?}", r.err());
        let r = svc.login_second_factor(&pending, "aaaaa-aaaaa", web()).await;
        assert!(matches!(r, Err(ServiceError::BadCredentials)), "not a code: {:?}", r.err());

        // New codes replace the old ones.
        let fresh = svc.renew_recovery_codes(&actor).await.unwrap();
        let r = svc.login_second_factor(&pending, &codes[4], web()).await;
        assert!(matches!(r, Err(ServiceError::BadCredentials)), "old codes lapse: {:?}", r.err());
        svc.login_second_factor(&pending, &fresh[0], web()).await.expect("a new code works");
        assert!(audit_actions(&svc).await.contains(&("use_recovery_code".into(), "success".into())));
    })
    .await;
}

#[tokio::test]
async fn wrong_codes_are_throttled() {
    both(|svc| async move {
        let (_, actor) = user(&svc, "piet", None).await;
        let (secret, codes) = enrol(&svc, &actor).await;
        let pending = password_step(&svc, "piet").await;
        for _ in 0..MAX_LOGIN_FAILURES {
            let r = svc.login_second_factor(&pending, "99999-99999", web()).await;
            assert!(matches!(r, Err(ServiceError::BadCredentials)), "{:?}", r.err());
        }
        let r = svc.login_second_factor(&pending, &code_at(&secret, 30), web()).await;
        assert!(matches!(r, Err(ServiceError::Throttled)), "even a right code is refused: {:?}", r.err());
        let r = svc.login_second_factor(&pending, &codes[0], web()).await;
        assert!(matches!(r, Err(ServiceError::Throttled)), "and a recovery code: {:?}", r.err());
        // A new password step does not lift the throttle on codes.
        let pending = password_step(&svc, "piet").await;
        let r = svc.login_second_factor(&pending, &codes[0], web()).await;
        assert!(matches!(r, Err(ServiceError::Throttled)), "{:?}", r.err());
        assert!(audit_actions(&svc).await.contains(&("login_second_factor".into(), "throttled".into())));
    })
    .await;
}

#[tokio::test]
async fn a_pending_login_expires() {
    both(|svc| async move {
        let (_, actor) = user(&svc, "joke", None).await;
        let (secret, _) = enrol(&svc, &actor).await;
        let pending = password_step(&svc, "joke").await;
        assert!(svc.pending_login_is_live(&pending).await.unwrap());
        {
            let mut conn = svc.store().conn().await.unwrap();
            sqlx::query("UPDATE pending_logins SET expires_at = '2000-01-01T00:00:00Z'").execute(&mut *conn).await.unwrap();
        }
        assert!(!svc.pending_login_is_live(&pending).await.unwrap());
        let r = svc.login_second_factor(&pending, &code_at(&secret, 30), web()).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{:?}", r.err());
        let r = svc.login_second_factor("made-up", &code_at(&secret, 30), web()).await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "{:?}", r.err());
    })
    .await;
}

#[tokio::test]
async fn switching_off_asks_the_password() {
    both(|svc| async move {
        let (_, actor) = user(&svc, "mila", None).await;
        enrol(&svc, &actor).await;
        let r = svc.disable_two_factor(&actor, "not my password").await;
        assert!(matches!(&r, Err(ServiceError::Invalid(e)) if e.for_field("password").is_some()), "{:?}", r.err());
        assert!(matches!(svc.two_factor_status(&actor).await.unwrap(), TwoFactorStatus::On { .. }));
        svc.disable_two_factor(&actor, PASSWORD).await.unwrap();
        assert_eq!(svc.two_factor_status(&actor).await.unwrap(), TwoFactorStatus::Off);
        assert!(svc.login("mila", PASSWORD, web()).await.unwrap().signed_in().is_some());
        assert!(audit_actions(&svc).await.contains(&("disable_two_factor".into(), "success".into())));
    })
    .await;
}

#[tokio::test]
async fn the_administrator_resets_a_second_factor() {
    both(|svc| async move {
        let (record, actor) = user(&svc, "bram", None).await;
        let (_, other) = user(&svc, "eva", None).await;
        enrol(&svc, &actor).await;
        let view = svc.two_factor_admin_view(&system()).await.unwrap();
        assert_eq!(view.accounts.iter().map(|a| a.username.as_str()).collect::<Vec<_>>(), ["bram"]);

        let r = svc.reset_two_factor(&other, "bram").await;
        assert!(matches!(r, Err(ServiceError::Forbidden)), "{:?}", r.err());
        let r = svc.two_factor_admin_view(&other).await;
        assert!(matches!(r, Err(ServiceError::Forbidden)), "{:?}", r.err());
        let r = svc.reset_two_factor(&system(), "eva").await;
        assert!(matches!(r, Err(ServiceError::NotFound)), "eva has none: {:?}", r.err());

        let pending = password_step(&svc, "bram").await;
        svc.reset_two_factor(&system(), "Bram").await.unwrap();
        assert_eq!(svc.two_factor_status(&actor).await.unwrap(), TwoFactorStatus::Off);
        assert!(!svc.pending_login_is_live(&pending).await.unwrap(), "a log-in halfway is ended");
        let signed_in = svc.login("bram", PASSWORD, web()).await.unwrap().signed_in().expect("password alone again");
        assert_eq!(signed_in.user.id, record.id);
        let mut conn = svc.store().conn().await.unwrap();
        let audit = verband_store::all_audit(&mut conn, 1000).await.unwrap();
        let reset = audit.iter().find(|a| a.action == "reset_two_factor").expect("audited");
        assert_eq!((reset.object_id, reset.object_label.as_deref()), (Some(record.id), Some("bram")));
    })
    .await;
}

#[tokio::test]
async fn the_requirement_setting_forces_enrolment() {
    both(|svc| async move {
        let net = network(&svc, "Gezond Rivierenland").await;
        let (coord, coord_actor) = user(&svc, "coord", Some((net, NetworkRole::Coordinator))).await;
        let (member, _) = user(&svc, "lid", Some((net, NetworkRole::Member))).await;
        assert_eq!(svc.two_factor_admin_view(&system()).await.unwrap().requirement, TwoFactorRequirement::Nobody);
        assert!(!svc.must_enrol_two_factor(&coord).await.unwrap());

        let r = svc.set_two_factor_requirement(&coord_actor, TwoFactorRequirement::Everyone).await;
        assert!(matches!(r, Err(ServiceError::Forbidden)), "only administrators: {:?}", r.err());

        svc.set_two_factor_requirement(&system(), TwoFactorRequirement::Coordinators).await.unwrap();
        assert_eq!(svc.two_factor_admin_view(&system()).await.unwrap().requirement, TwoFactorRequirement::Coordinators);
        assert!(svc.must_enrol_two_factor(&coord).await.unwrap());
        assert!(!svc.must_enrol_two_factor(&member).await.unwrap());

        svc.set_two_factor_requirement(&system(), TwoFactorRequirement::Everyone).await.unwrap();
        assert!(svc.must_enrol_two_factor(&member).await.unwrap());

        // Once set up, nothing more is asked.
        enrol(&svc, &coord_actor).await;
        assert!(!svc.must_enrol_two_factor(&coord).await.unwrap());
        let actions = audit_actions(&svc).await;
        assert!(actions.contains(&("set_two_factor_requirement".into(), "success".into())));
    })
    .await;
}
