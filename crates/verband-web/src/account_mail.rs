//! The texts of mail about someone's access (invitation, password reset),
//! from the catalogue in the recipient's language. Given to the service as
//! its `AccountMailComposer`.

use verband_service::mail::{AccountMail, AccountMailKind};

use crate::i18n::{translate, translate_args};

/// Subject and plain-text body of a mail about access.
pub fn compose_account_mail(m: &AccountMail) -> (String, String) {
    let lang = m.language;
    match &m.kind {
        AccountMailKind::PasswordReset { username } => {
            let args = [
                ("username", username.clone().into()),
                ("link", m.link.clone().into()),
                ("minutes", verband_service::password_reset::RESET_LINK_MINUTES.into()),
            ];
            (translate_args(lang, "account-mail-reset-subject", &args), translate_args(lang, "account-mail-reset-body", &args))
        }
        AccountMailKind::Invitation { network_name, role, inviter } => {
            let args = [
                ("network", network_name.clone().into()),
                ("role", translate(lang, &role.label_key()).into()),
                ("inviter", inviter.clone().into()),
                ("link", m.link.clone().into()),
                ("days", 14.into()),
            ];
            (translate_args(lang, "account-mail-invitation-subject", &args), translate_args(lang, "account-mail-invitation-body", &args))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use verband_domain::{Language, NetworkRole};

    #[test]
    fn reset_mail_carries_the_link_and_the_hour() {
        let m = AccountMail {
            kind: AccountMailKind::PasswordReset { username: "sanne".into() },
            language: Language::Nl,
            link: "https://verband.example.nl/wachtwoord-herstellen/abc".into(),
        };
        let (subject, body) = compose_account_mail(&m);
        assert!(subject.contains("wachtwoord"), "{subject}");
        assert!(body.contains("https://verband.example.nl/wachtwoord-herstellen/abc"), "{body}");
        assert!(body.contains("sanne") && body.contains("60"), "{body}");
        let (subject, _) = compose_account_mail(&AccountMail { language: Language::En, ..m });
        assert!(subject.contains("password"), "{subject}");
    }

    #[test]
    fn invitation_names_network_role_and_inviter() {
        let m = AccountMail {
            kind: AccountMailKind::Invitation {
                network_name: "Gezond Rivierenland".into(),
                role: NetworkRole::Steering,
                inviter: "Sanne de Wit".into(),
            },
            language: Language::Nl,
            link: "https://verband.example.nl/uitnodiging/xyz".into(),
        };
        let (subject, body) = compose_account_mail(&m);
        assert_eq!(subject, "Uitnodiging voor Gezond Rivierenland in Verband");
        for part in ["Sanne de Wit", "Regiegroep", "https://verband.example.nl/uitnodiging/xyz", "14"] {
            assert!(body.contains(part), "{part} in {body}");
        }
        let (subject, body) = compose_account_mail(&AccountMail { language: Language::En, ..m });
        assert!(subject.contains("Gezond Rivierenland"), "{subject}");
        assert!(!body.contains("Regiegroep"), "the role in English: {body}");
    }
}
