//! Believable relationships for the demo networks: partners work mostly
//! within their own sector, one municipality connects the sectors (a broker
//! the map should show), one partner has no ties at all, and a later round
//! has more ties and a little more trust than an earlier one.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::relationship::{RelationshipDraft, RelationshipKind};
use crate::Sector;

/// One demo round: which round (0, 1, …: later rounds are denser), and
/// whether ties are reports of one partner about another, with ratings.
#[derive(Debug, Clone, Copy)]
pub struct DemoRound {
    pub index: usize,
    pub directed: bool,
}

const KINDS: &[RelationshipKind] = &[
    RelationshipKind::InformationExchange,
    RelationshipKind::InformationExchange,
    RelationshipKind::JointProject,
    RelationshipKind::ClientReferral,
    RelationshipKind::SharedFunding,
    RelationshipKind::SharedStaff,
];

/// The ties of one round between `partners` (id, sector), the same for the same seed.
pub fn demo_ties(seed: u64, partners: &[(i64, Sector)], round: DemoRound) -> Vec<RelationshipDraft> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x005e_ed0f_7135 ^ ((round.index as u64) << 32));
    let n = partners.len();
    if n < 3 {
        return Vec::new();
    }
    // The last partner stays alone; the first municipality links the sectors.
    let isolated = n - 1;
    let broker = partners.iter().position(|(_, s)| *s == Sector::Municipality).unwrap_or(0).min(n - 2);
    let growth = 1.0 + 0.35 * round.index as f64;
    let mut out = Vec::new();
    let rating = |rng: &mut ChaCha8Rng, base: f64| -> Option<i64> {
        if !round.directed {
            return None;
        }
        let r: f64 = (base + rng.gen_range(-1.0..1.0) + 0.25 * round.index as f64).clamp(1.0, 4.0);
        Some((r * 4.0).round() as i64 * 25)
    };
    for i in 0..n {
        for j in (i + 1)..n {
            if i == isolated || j == isolated {
                continue;
            }
            let same = partners[i].1 == partners[j].1;
            let p = if i == broker || j == broker {
                0.55
            } else if same {
                0.5
            } else {
                0.07
            } * growth;
            if rng.gen::<f64>() >= p.min(0.9) {
                continue;
            }
            let kind = KINDS[rng.gen_range(0..KINDS.len())];
            let strength = rng.gen_range(1..=5) * 100;
            let (a, b) = if rng.gen::<bool>() { (i, j) } else { (j, i) };
            let trust_base = if same { 3.1 } else { 2.6 };
            // One partner's report about the other, with its own ratings.
            let report = |rng: &mut ChaCha8Rng, from: usize, to: usize| RelationshipDraft {
                source_id: partners[from].0,
                target_id: partners[to].0,
                kind,
                strength_centi: strength,
                trust_centi: rating(rng, trust_base),
                value_centi: rating(rng, trust_base - 0.2),
                note: None,
            };
            out.push(report(&mut rng, a, b));
            if round.directed && rng.gen::<f64>() < 0.6 {
                out.push(report(&mut rng, b, a));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network_analysis::{analyse_network, MapPartner, Tie, TieFilter};

    fn partners() -> Vec<(i64, Sector)> {
        let sectors = [Sector::Municipality, Sector::PrimaryCare, Sector::Welfare, Sector::Education, Sector::CareProvider];
        (0..25).map(|i| (100 + i as i64, sectors[i % sectors.len()])).collect()
    }

    fn analyse(ties: &[RelationshipDraft], directed: bool) -> crate::network_analysis::NetworkAnalysis {
        let map: Vec<MapPartner> =
            partners().iter().map(|(id, s)| MapPartner { id: *id, name: id.to_string(), sector: *s, working_groups: vec![] }).collect();
        let ties: Vec<Tie> = ties.iter().map(Tie::from).collect();
        analyse_network(&map, &ties, directed, &TieFilter::default())
    }

    #[test]
    fn demo_rounds_show_an_isolated_partner_a_broker_and_growth() {
        let early = demo_ties(7, &partners(), DemoRound { index: 0, directed: true });
        let late = demo_ties(7, &partners(), DemoRound { index: 1, directed: true });
        assert_eq!(early, demo_ties(7, &partners(), DemoRound { index: 0, directed: true }));
        let a = analyse(&early, true);
        let b = analyse(&late, true);
        assert!(b.scores.ties > a.scores.ties, "{} !> {}", b.scores.ties, a.scores.ties);
        assert_eq!(a.scores.isolated, 1);
        assert!(a.partners[24].isolated);
        assert!(a.partners[0].broker, "the first municipality connects the sectors");
        assert!(a.scores.reciprocity.is_some_and(|r| r > 0.3 && r < 1.0));
        assert!(b.scores.average_trust > a.scores.average_trust);
        assert!(early.iter().all(|d| d.trust_centi.is_some_and(|t| (100..=400).contains(&t))));
        let undirected = demo_ties(7, &partners(), DemoRound { index: 0, directed: false });
        assert!(undirected.iter().all(|d| d.trust_centi.is_none()));
    }
}
