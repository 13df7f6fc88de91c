//! The first steps of a new network: the phase-1 building blocks a network
//! takes before its dashboard has anything to measure. Which are done, and
//! whether the dashboard's measuring panels have data to show yet.

/// What the dashboard knows about how far a network is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NetworkStart {
    pub partners: i64,
    pub has_ambition: bool,
    pub goals: i64,
    pub agreements: i64,
    pub meetings: i64,
    pub projects: i64,
    /// Accounts with a role in the network plus open invitations.
    pub people_with_access: i64,
}

/// One first step, in the order the list shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstStep {
    /// Add or import the partners.
    Partners,
    /// Write the shared ambition and at least one goal.
    Ambition,
    /// Make the first agreement.
    Agreement,
    /// Plan the first meeting.
    Meeting,
    /// Invite the partners' people to Verband.
    Invite,
}

impl FirstStep {
    pub const ALL: [FirstStep; 5] = [FirstStep::Partners, FirstStep::Ambition, FirstStep::Agreement, FirstStep::Meeting, FirstStep::Invite];

    pub fn code(self) -> &'static str {
        match self {
            FirstStep::Partners => "partners",
            FirstStep::Ambition => "ambition",
            FirstStep::Agreement => "agreement",
            FirstStep::Meeting => "meeting",
            FirstStep::Invite => "invite",
        }
    }

    /// Whether the network has taken this step.
    pub fn done(self, s: &NetworkStart) -> bool {
        match self {
            FirstStep::Partners => s.partners > 0,
            FirstStep::Ambition => s.has_ambition && s.goals > 0,
            FirstStep::Agreement => s.agreements > 0,
            FirstStep::Meeting => s.meetings > 0,
            // The coordinator alone is not yet a network.
            FirstStep::Invite => s.people_with_access > 1,
        }
    }
}

/// Every step with whether it is done, in order.
pub fn first_steps(s: &NetworkStart) -> Vec<(FirstStep, bool)> {
    FirstStep::ALL.iter().map(|step| (*step, step.done(s))).collect()
}

/// The list is shown at the top of the dashboard until every step is done.
pub fn show_first_steps(s: &NetworkStart) -> bool {
    FirstStep::ALL.iter().any(|step| !step.done(s))
}

/// The measuring panels (vitality index, coherence findings, funding cliff)
/// only once there is something to measure: without partners, projects and
/// meetings they would present zeros as findings.
pub fn show_measures(s: &NetworkStart) -> bool {
    s.partners > 0 || s.projects > 0 || s.meetings > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_network_has_every_step_to_do_and_nothing_to_measure() {
        let s = NetworkStart { people_with_access: 1, ..Default::default() };
        assert!(first_steps(&s).iter().all(|(_, done)| !done));
        assert!(show_first_steps(&s));
        assert!(!show_measures(&s));
    }

    #[test]
    fn each_step_is_ticked_by_its_own_count() {
        let s = NetworkStart { partners: 3, has_ambition: true, goals: 0, agreements: 1, meetings: 0, projects: 0, people_with_access: 2 };
        let done: Vec<&str> = first_steps(&s).iter().filter(|(_, d)| *d).map(|(st, _)| st.code()).collect();
        assert_eq!(done, ["partners", "agreement", "invite"]);
        // An ambition without goals is not yet written out.
        assert!(!FirstStep::Ambition.done(&s));
        assert!(FirstStep::Ambition.done(&NetworkStart { has_ambition: true, goals: 1, ..s }));
        assert!(show_measures(&s));
    }

    #[test]
    fn the_list_disappears_when_all_five_are_done() {
        let s = NetworkStart { partners: 1, has_ambition: true, goals: 2, agreements: 1, meetings: 1, projects: 0, people_with_access: 5 };
        assert!(!show_first_steps(&s));
        assert!(show_first_steps(&NetworkStart { meetings: 0, ..s }));
    }

    #[test]
    fn measures_show_once_any_of_partners_projects_or_meetings_exist() {
        for s in [
            NetworkStart { partners: 1, ..Default::default() },
            NetworkStart { projects: 1, ..Default::default() },
            NetworkStart { meetings: 1, ..Default::default() },
        ] {
            assert!(show_measures(&s), "{s:?}");
        }
        assert!(!show_measures(&NetworkStart { has_ambition: true, goals: 3, agreements: 1, people_with_access: 9, ..Default::default() }));
    }
}
