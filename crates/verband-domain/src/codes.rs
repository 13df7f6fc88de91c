//! Closed lists of codes. Code values are stable (they are stored and sent
//! over the API); labels live in the i18n catalogue under `<prefix>-<code>`.

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident, $prefix:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Prefix of this list's labels in the i18n catalogue.
            pub const LABEL_PREFIX: &'static str = $prefix;

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// The catalogue key of this value's label.
            pub fn label_key(self) -> String {
                format!("{}-{}", $prefix, self.code())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum!(
    /// The kind of organisation a partner is (DOMAIN.md, Organisation).
    Sector, "sector" {
        Municipality => "municipality",
        PublicHealth => "public_health",
        PrimaryCare => "primary_care",
        CareProvider => "care_provider",
        Welfare => "welfare",
        Education => "education",
        Insurer => "insurer",
        Business => "business",
        KnowledgeInstitute => "knowledge_institute",
        CitizenInitiative => "citizen_initiative",
        Other => "other",
    }
);

code_enum!(
    Ownership, "ownership" {
        Public => "public",
        Private => "private",
    }
);

code_enum!(
    /// Where an organisation stands in a network.
    MembershipStatus, "membership" {
        Prospect => "prospect",
        Joining => "joining",
        Active => "active",
        Leaving => "leaving",
        Left => "left",
    }
);

code_enum!(
    /// The three phases in the life of a network.
    Phase, "phase" {
        BuildUp => "build_up",
        DevelopAndGrow => "develop_and_grow",
        SustainableImpact => "sustainable_impact",
    }
);

code_enum!(
    /// What a user account may do in one network.
    NetworkRole, "role" {
        Coordinator => "coordinator",
        Steering => "steering",
        Member => "member",
        Advisor => "advisor",
    }
);

code_enum!(
    /// What a contact person does in a network (a person may have several).
    PersonRole, "person-role" {
        SteeringGroupMember => "steering_group_member",
        WorkingGroupMember => "working_group_member",
        ProjectLead => "project_lead",
        CivilServant => "civil_servant",
        Coordinator => "coordinator",
        ContactPerson => "contact_person",
        Professional => "professional",
    }
);

code_enum!(
    /// The user interface languages.
    Language, "language" {
        Nl => "nl",
        En => "en",
    }
);

impl Language {
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Self::parse(&primary)
    }
}

impl NetworkRole {
    /// Coordinators keep the network's records; steering may edit the ambition.
    pub fn may_edit_records(self) -> bool {
        matches!(self, NetworkRole::Coordinator)
    }

    pub fn may_edit_ambition(self) -> bool {
        matches!(self, NetworkRole::Coordinator | NetworkRole::Steering)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in Sector::ALL {
            assert_eq!(Sector::parse(s.code()), Some(*s));
        }
        assert_eq!(Sector::ALL.len(), 11);
        assert_eq!(Sector::parse("bakery"), None);
        assert_eq!(Sector::PublicHealth.label_key(), "sector-public_health");
    }

    #[test]
    fn language_from_accept_language_tag() {
        assert_eq!(Language::from_tag("en-GB"), Some(Language::En));
        assert_eq!(Language::from_tag("nl"), Some(Language::Nl));
        assert_eq!(Language::from_tag("de-DE"), None);
    }

    #[test]
    fn only_coordinator_and_steering_edit_ambition() {
        assert!(NetworkRole::Steering.may_edit_ambition());
        assert!(!NetworkRole::Steering.may_edit_records());
        assert!(!NetworkRole::Member.may_edit_ambition());
        assert!(!NetworkRole::Advisor.may_edit_ambition());
    }
}
