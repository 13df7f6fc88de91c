//! Closed lists for agreements, projects, funding and the phase checklist.
//! Kept apart from `codes.rs` so the portfolio work can grow on its own;
//! labels live in `locales/*/portfolio.ftl`.

code_enum!(
    /// Where a project stands (DOMAIN.md, Project).
    ProjectStatus, "project-status" {
        Idea => "idea",
        Pilot => "pilot",
        Running => "running",
        ScaledUp => "scaled_up",
        Embedded => "embedded",
        Stopped => "stopped",
    }
);

impl ProjectStatus {
    /// Projects that take partners' time now. An idea does not yet, an
    /// embedded project has become regular work, a stopped one is over.
    pub fn is_active(self) -> bool {
        matches!(self, ProjectStatus::Pilot | ProjectStatus::Running | ProjectStatus::ScaledUp)
    }

    /// Whether the project still counts in the portfolio at all.
    pub fn is_live(self) -> bool {
        self != ProjectStatus::Stopped
    }
}

code_enum!(
    /// Who pays a funding stream.
    FundingSource, "funding-source" {
        Municipality => "municipality",
        Insurer => "insurer",
        RegionalFund => "regional_fund",
        NationalFund => "national_fund",
        Subsidy => "subsidy",
        PartnerContribution => "partner_contribution",
        CommercialIncome => "commercial_income",
        Other => "other",
    }
);

code_enum!(
    /// Whether money keeps coming (structural) or stops after its period.
    FundingKind, "funding-kind" {
        Structural => "structural",
        OneOff => "one_off",
    }
);

code_enum!(
    /// Progress on one building block of the phase checklist.
    ChecklistStatus, "checklist-status" {
        Open => "open",
        InProgress => "in_progress",
        Done => "done",
        NotApplicable => "not_applicable",
    }
);

code_enum!(
    /// The building blocks of the three phases (DOMAIN.md, "The life of a
    /// network"), in the order the checklist shows them.
    BuildingBlock, "block" {
        FormAroundGoal => "form_around_goal",
        SharedPromise => "shared_promise",
        RightPartners => "right_partners",
        ExplicitInterests => "explicit_interests",
        CapacityAndMoney => "capacity_and_money",
        RolesAndTasks => "roles_and_tasks",
        OutOfScope => "out_of_scope",
        InternalSupport => "internal_support",
        ProcessExpertise => "process_expertise",
        WrittenProcess => "written_process",
        KeepLearning => "keep_learning",
        LinkOtherNetworks => "link_other_networks",
        KeepMomentum => "keep_momentum",
        ContactAndEnergy => "contact_and_energy",
        PoliticalAgenda => "political_agenda",
        ScaleUp => "scale_up",
        ShowAddedValue => "show_added_value",
        SettleGovernance => "settle_governance",
        StructuralFunding => "structural_funding",
        NewAmbition => "new_ambition",
    }
);

code_enum!(
    /// What a piece of checklist evidence points at.
    EvidenceKind, "evidence-kind" {
        Agreement => "agreement",
        Meeting => "meeting",
        Project => "project",
        KnowledgeItem => "knowledge_item",
        Document => "document",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_label_keys() {
        for s in ProjectStatus::ALL {
            assert_eq!(ProjectStatus::parse(s.code()), Some(*s));
        }
        for s in BuildingBlock::ALL {
            assert_eq!(BuildingBlock::parse(s.code()), Some(*s));
        }
        assert_eq!(FundingSource::ALL.len(), 8);
        assert_eq!(BuildingBlock::ALL.len(), 20);
        assert_eq!(FundingKind::OneOff.label_key(), "funding-kind-one_off");
        assert_eq!(ChecklistStatus::NotApplicable.label_key(), "checklist-status-not_applicable");
    }

    #[test]
    fn only_pilot_running_and_scaled_up_are_active() {
        let active: Vec<_> = ProjectStatus::ALL.iter().filter(|s| s.is_active()).collect();
        assert_eq!(active, [&ProjectStatus::Pilot, &ProjectStatus::Running, &ProjectStatus::ScaledUp]);
        assert!(!ProjectStatus::Stopped.is_live());
        assert!(ProjectStatus::Idea.is_live());
    }
}
