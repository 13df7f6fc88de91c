//! Demo survey rounds. The main demo network gets two closed rounds of the
//! collaboration scan, so the results page has figures in every band, a
//! divergence between sectors, a sector with too few answers to show, open
//! answers and trend arrows. No round is left open: starting one is what a
//! coordinator (and the browser test) does.
//!
//! For load tests, `seed_survey_load` writes a network of generated
//! respondents with an open round and one personal link each.

use chrono::{Days, Months, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use verband_domain::survey::builtin::builtin;
use verband_domain::survey::round::SurveyRoundForm;
use verband_domain::survey::{AnswerValue, Answers, Instrument, InstrumentKind, QuestionKind, Respondent};
use verband_domain::{NetworkForm, OrganisationForm, PersonForm, PersonRole, Sector, ValidationErrors};
use verband_store::{Conn, Invitee, NewInvitation, NewSurveyRound};

use crate::surveys::InstrumentRef;
use crate::{Actor, Result, Service, ServiceError};

/// The anonymity threshold of the demo rounds (the default).
const THRESHOLD: usize = 3;

/// Open answers respondents leave on the last page; each is written by at
/// most one respondent per round, as real remarks rarely repeat word for word.
const REMARKS: &[&str] = &[
    "Fijn dat we elkaar nu sneller weten te vinden.",
    "De overleggen zijn te vol; er blijft weinig tijd over om echt samen iets te doen.",
    "Niet altijd duidelijk wie wat oppakt na een overleg.",
    "Ik mis de inwoners aan tafel.",
    "Mooi om te zien hoe de wijkteams en de huisartsen nu samenwerken.",
    "Mijn organisatie heeft te weinig uren om mee te doen zoals we zouden willen.",
    "Graag vaker terugkijken op wat we hebben bereikt.",
    "De coördinator houdt het netwerk goed bij elkaar.",
    "Het geld voor volgend jaar is onzeker; dat maakt plannen lastig.",
    "Besluiten worden soms buiten het overleg genomen.",
    "Meer ruimte voor kleine initiatieven uit de buurt, graag.",
    "De samenwerking met het onderwijs komt nog niet goed op gang.",
    "Ik weet niet goed wat er met de uitkomsten van deze scan gebeurt.",
    "De nieuwe werkgroep over eenzaamheid geeft veel energie.",
    "Sommige partners komen alleen als het over geld gaat.",
    "Het verslag komt vaak pas weken na het overleg.",
    "We praten veel over plannen en te weinig over wat inwoners merken.",
    "Goed dat de regiegroep nu ook vergadert in de wijk zelf.",
    "Ik zou graag weten wat de andere partners van ons verwachten.",
    "Nieuwe collega's weten vaak niet dat dit netwerk bestaat.",
    "Het tempo ligt hoog; niet iedereen kan het bijhouden.",
    "Eindelijk een plek waar zorg en welzijn samen aan tafel zitten.",
    "De gemeente bepaalt nog te veel de agenda.",
    "Meer successen delen, dan blijft iedereen gemotiveerd.",
];

/// What one invited person did with a demo round.
enum Outcome {
    Finished(Answers),
    /// Answered the pages before `page`, then stopped.
    Stopped(Answers, usize),
    NotStarted,
}

/// The mean a lens scores in demo round `round` (0: the earlier one). The
/// ambition is a strength, the organisation a concern that grows, and the
/// other lenses improve a little, so the trend shows arrows both ways.
fn lens_mean(lens: &str, round: usize) -> f64 {
    let (earlier, later) = match lens {
        "ambition" => (3.9, 4.25),
        "interests" => (3.0, 3.35),
        "relations" => (3.6, 3.65),
        "organisation" => (2.95, 2.55),
        "process" => (3.15, 3.6),
        _ => (3.0, 3.0),
    };
    if round == 0 {
        earlier
    } else {
        later
    }
}

/// Groups see the network differently: the municipality, which pays for the
/// coordination, finds it well organised where welfare partners do not (a
/// divergence worth discussing), and the steering group is more hopeful
/// about ambition and process than the members.
fn group_shift(lens: &str, sector: Option<Sector>, steering: bool) -> f64 {
    let sector_shift = match (lens, sector) {
        ("organisation", Some(Sector::Municipality)) => 0.8,
        ("organisation", Some(Sector::Welfare)) => -0.5,
        ("interests", Some(Sector::Welfare | Sector::CitizenInitiative)) => -0.4,
        ("interests", Some(Sector::Insurer)) => 0.3,
        ("ambition", Some(Sector::PublicHealth)) => 0.3,
        _ => 0.0,
    };
    let layer = if steering && matches!(lens, "ambition" | "process") { 0.4 } else { 0.0 };
    sector_shift + layer
}

/// The remarks in a seeded order, handed out one by one; only a round of
/// more writers than remarks (the load test's) sees one again.
struct Remarks(Vec<&'static str>);

impl Remarks {
    fn shuffled(rng: &mut StdRng) -> Remarks {
        let mut all = REMARKS.to_vec();
        all.shuffle(rng);
        Remarks(all)
    }

    fn next(&mut self, rng: &mut StdRng) -> &'static str {
        if self.0.is_empty() {
            *self = Remarks::shuffled(rng);
        }
        self.0.pop().unwrap_or_default()
    }
}

/// One respondent's answers to the pages before `pages` of the scan.
fn scan_answers(
    rng: &mut StdRng,
    remarks: &mut Remarks,
    scan: &Instrument,
    round: usize,
    groups: (Option<Sector>, bool),
    pages: usize,
) -> Answers {
    let (sector, steering) = groups;
    // Some people are more positive than others about everything.
    let temper = (rng.gen::<f64>() - 0.5) * 0.8;
    let mut answers = Answers::new();
    for q in scan.pages.iter().take(pages).flat_map(|p| p.questions.iter()) {
        match (&q.kind, q.factor.as_deref()) {
            (QuestionKind::Scale { labels }, Some(lens)) => {
                // A few statements are left blank: "no answer" is an answer too.
                if rng.gen_bool(0.03) {
                    continue;
                }
                let noise = rng.gen_range(-0.9..0.9) + rng.gen_range(-0.4..0.4);
                let top = labels.len().max(1) as f64;
                let point = (lens_mean(lens, round) + group_shift(lens, sector, steering) + temper + noise).round().clamp(1.0, top);
                answers.insert(q.key.clone(), AnswerValue::Scale(point as u8));
            }
            (QuestionKind::OpenText, _) if rng.gen_bool(0.3) => {
                answers.insert(q.key.clone(), AnswerValue::Text(remarks.next(rng).to_string()));
            }
            _ => {}
        }
    }
    answers
}

fn is_steering(p: &Invitee) -> bool {
    p.roles.iter().any(|r| r == PersonRole::SteeringGroupMember.code())
}

/// Who answered a demo round, and what. About four in five finish, some
/// stop halfway, the rest never start. One sector keeps fewer finished
/// respondents than the threshold, so its figures read "too few answers".
fn outcomes(seed: u64, round: usize, scan: &Instrument, invitees: &[Invitee]) -> Vec<Outcome> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5ca9_0000 ^ ((round as u64) << 40));
    let pages = scan.pages.len();
    let mut remarks = Remarks::shuffled(&mut rng);
    let mut out: Vec<Outcome> = invitees
        .iter()
        .map(|p| {
            let groups = (p.sector.as_deref().and_then(Sector::parse), is_steering(p));
            let roll = rng.gen::<f64>();
            if roll < 0.8 {
                Outcome::Finished(scan_answers(&mut rng, &mut remarks, scan, round, groups, pages))
            } else if roll < 0.9 {
                let page = rng.gen_range(1..pages.max(2));
                Outcome::Stopped(scan_answers(&mut rng, &mut remarks, scan, round, groups, page), page)
            } else {
                Outcome::NotStarted
            }
        })
        .collect();
    keep_one_sector_small(&mut out, invitees, pages);
    out
}

/// Makes sure some sector has finished respondents, but fewer than the
/// threshold: when none has, the smallest sector's respondents beyond
/// `THRESHOLD - 1` stop before the last page.
fn keep_one_sector_small(out: &mut [Outcome], invitees: &[Invitee], pages: usize) {
    let mut finished: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, (o, p)) in out.iter().zip(invitees).enumerate() {
        if let (Outcome::Finished(_), Some(sector)) = (o, p.sector.as_deref()) {
            finished.entry(sector).or_default().push(i);
        }
    }
    if finished.values().any(|v| v.len() < THRESHOLD) {
        return;
    }
    let Some(smallest) = finished.values().min_by_key(|v| v.len()) else { return };
    for &i in smallest.iter().skip(THRESHOLD - 1) {
        if let Outcome::Finished(answers) = std::mem::replace(&mut out[i], Outcome::NotStarted) {
            out[i] = Outcome::Stopped(answers, pages.saturating_sub(1));
        }
    }
}

/// A closed round as it would be after its deadline.
struct ClosedRound<'a> {
    label: &'a str,
    deadline: chrono::NaiveDate,
    /// Which demo round it is (0: the earlier), for how the answers lean.
    index: usize,
}

/// Generated answers for `n` respondents spread over the sectors, everyone
/// finished: the input of a results computation of that size.
pub fn demo_scan_respondents(seed: u64, n: usize) -> Vec<Respondent> {
    let Some(scan) = builtin(InstrumentKind::CollaborationScan) else { return Vec::new() };
    let mut rng = StdRng::seed_from_u64(seed);
    let mut remarks = Remarks::shuffled(&mut rng);
    (0..n)
        .map(|i| {
            let sector = Some(LOAD_SECTORS[i % LOAD_SECTORS.len()]);
            let steering = i % STEERING_EVERY == 0;
            let answers = scan_answers(&mut rng, &mut remarks, &scan, 1, (sector, steering), scan.pages.len());
            Respondent { sector, steering, organisation_id: None, answers }
        })
        .collect()
}

/// The sectors of the load-test network's partners, one partner each.
const LOAD_SECTORS: [Sector; 8] = [
    Sector::Municipality,
    Sector::PublicHealth,
    Sector::PrimaryCare,
    Sector::CareProvider,
    Sector::Welfare,
    Sector::Education,
    Sector::Insurer,
    Sector::CitizenInitiative,
];
/// One in this many generated respondents sits in the steering group.
const STEERING_EVERY: usize = 12;

/// What `seed_survey_load` made.
pub struct SurveyLoad {
    pub network_id: i64,
    /// The open round the links belong to.
    pub round_id: i64,
    /// A closed round in which every respondent finished (after an earlier
    /// one, so its results also compute a trend).
    pub results_round_id: i64,
    /// One personal link per respondent of the open round.
    pub links: Vec<String>,
}

impl Service {
    /// Two closed rounds of the collaboration scan for the main demo network.
    pub(crate) async fn seed_surveys(&self, actor: &Actor, network_id: i64, seed: u64) -> Result<()> {
        let today = Utc::now().date_naive();
        let rounds = [
            ClosedRound {
                label: "Samenwerkingsscan voorjaar",
                deadline: today.checked_sub_months(Months::new(7)).unwrap_or(today),
                index: 0,
            },
            ClosedRound { label: "Samenwerkingsscan najaar", deadline: today.checked_sub_days(Days::new(20)).unwrap_or(today), index: 1 },
        ];
        let scan = builtin(InstrumentKind::CollaborationScan).ok_or(ServiceError::NotFound)?;
        let mut tx = self.store.begin().await?;
        let invitees = verband_store::invitees(&mut tx, network_id).await?;
        for r in &rounds {
            let answered = outcomes(seed, r.index, &scan, &invitees);
            self.write_closed_round(&mut tx, actor, network_id, &scan, r, &invitees, answered).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A round written as if it had run: invitations, responses, closed.
    #[allow(clippy::too_many_arguments)]
    async fn write_closed_round(
        &self,
        tx: &mut Conn,
        actor: &Actor,
        network_id: i64,
        scan: &Instrument,
        r: &ClosedRound<'_>,
        invitees: &[Invitee],
        answered: Vec<Outcome>,
    ) -> Result<i64> {
        let (instrument_id, version_id) = scan_version(tx, network_id, scan).await?;
        let round = NewSurveyRound {
            instrument_id,
            version_id,
            label: r.label,
            deadline: r.deadline,
            reminder_days: None,
            threshold: THRESHOLD as i64,
        };
        let round_id = verband_store::insert_survey_round(tx, network_id, &round).await?;
        self.record(tx, actor, Some(network_id), "create", "survey_round", round_id, r.label).await?;
        let pages = scan.pages.len();
        for (p, outcome) in invitees.iter().zip(answered) {
            let invitation = NewInvitation {
                person_id: p.person_id,
                language: verband_domain::Language::Nl.code(),
                sector: p.sector.as_deref(),
                steering: is_steering(p),
                organisation_id: p.organisation_id,
            };
            let invitation_id = verband_store::insert_invitation(tx, round_id, &invitation).await?;
            let (answers, page, finished) = match outcome {
                Outcome::Finished(a) => (a, pages.saturating_sub(1), true),
                Outcome::Stopped(a, page) => (a, page, false),
                Outcome::NotStarted => continue,
            };
            let json = serde_json::to_string(&answers).map_err(|e| ServiceError::Conflict(format!("demo answers: {e}")))?;
            verband_store::save_response(tx, invitation_id, round_id, &json, i64::try_from(page).unwrap_or(0), finished).await?;
        }
        verband_store::close_survey_round(tx, round_id, None).await?;
        self.record(tx, actor, Some(network_id), "close", "survey_round", round_id, r.label).await?;
        Ok(round_id)
    }

    /// A network of `respondents` generated people over eight partners,
    /// two closed rounds of the collaboration scan that all of them
    /// finished, and an open round with a fresh personal link for each (made
    /// by the same code as the outbox's links, so only their hashes are
    /// stored). For load tests; not part of the demo.
    pub async fn seed_survey_load(&self, seed: u64, respondents: usize) -> Result<SurveyLoad> {
        let actor = Actor::system("demo");
        let invalid = |e: ValidationErrors| ServiceError::Conflict(format!("load-test data is invalid: {e}"));
        let today = Utc::now().date_naive();
        let mut tx = self.store.begin().await?;
        let name = format!("Enquêtetest ({respondents} respondenten)");
        let draft = NetworkForm { name, ..Default::default() }.validate().map_err(invalid)?;
        let network_id = verband_store::insert_network(&mut tx, &draft).await?;
        self.record(&mut tx, &actor, Some(network_id), "create", "network", network_id, &draft.name).await?;
        let mut partners = Vec::new();
        for (i, sector) in LOAD_SECTORS.iter().enumerate() {
            let form = OrganisationForm {
                name: format!("Testpartner {} ({})", i + 1, sector.code()),
                sector: sector.code().to_string(),
                ownership: "public".into(),
                ..Default::default()
            };
            let d = form.validate().map_err(invalid)?;
            let id = verband_store::insert_partner(&mut tx, network_id, &d).await?;
            self.record(&mut tx, &actor, Some(network_id), "create", "partner", id, &d.name).await?;
            partners.push(id);
        }
        let mut persons = Vec::with_capacity(respondents);
        for i in 0..respondents {
            let roles = if i % STEERING_EVERY == 0 { PersonRole::SteeringGroupMember } else { PersonRole::Professional };
            let form = PersonForm {
                name: format!("Respondent {:05}", i + 1),
                organisation_id: partners[i % partners.len()].to_string(),
                roles: vec![roles.code().to_string()],
                data_source: "gegenereerd voor een belastingtest".into(),
                ..Default::default()
            };
            let d = form.validate(today).map_err(invalid)?;
            let id = verband_store::insert_person(&mut tx, network_id, &d).await?;
            self.record(&mut tx, &actor, Some(network_id), "create", "person", id, &d.name).await?;
            persons.push(id.to_string());
        }
        let scan = builtin(InstrumentKind::CollaborationScan).ok_or(ServiceError::NotFound)?;
        let invitees = verband_store::invitees(&mut tx, network_id).await?;
        let mut results_round_id = 0;
        for index in 0..2 {
            let mut rng = StdRng::seed_from_u64(seed ^ 0x10ad ^ ((index as u64) << 40));
            let mut remarks = Remarks::shuffled(&mut rng);
            let answered = invitees
                .iter()
                .map(|p| {
                    let groups = (p.sector.as_deref().and_then(Sector::parse), is_steering(p));
                    Outcome::Finished(scan_answers(&mut rng, &mut remarks, &scan, index, groups, scan.pages.len()))
                })
                .collect();
            let label = if index == 0 { "Belastingtest eerder" } else { "Belastingtest later" };
            let round = ClosedRound { label, deadline: today.checked_sub_days(Days::new(1)).unwrap_or(today), index };
            results_round_id = self.write_closed_round(&mut tx, &actor, network_id, &scan, &round, &invitees, answered).await?;
        }
        tx.commit().await?;

        let form = SurveyRoundForm {
            label: "Belastingtest open".into(),
            deadline: today.checked_add_days(Days::new(30)).unwrap_or(today).to_string(),
            persons,
            ..Default::default()
        };
        let scan_ref = InstrumentRef::Builtin(InstrumentKind::CollaborationScan);
        let round_id = self.start_survey_round(&actor, network_id, scan_ref, &form).await?.round_id;
        let links = self.fresh_links(&actor, network_id, round_id, None).await?.into_iter().map(|l| l.link).collect();
        Ok(SurveyLoad { network_id, round_id, results_round_id, links })
    }
}

/// The network's row and version of the built-in collaboration scan, made
/// on first use, as starting a round does, so later rounds share the version.
async fn scan_version(tx: &mut Conn, network_id: i64, scan: &Instrument) -> Result<(i64, i64)> {
    let json = scan.to_json();
    let code = InstrumentKind::CollaborationScan.code();
    Ok(match verband_store::builtin_instrument(tx, network_id, code).await? {
        Some(s) if s.definition == json => (s.id, s.version_id),
        Some(s) => (s.id, verband_store::insert_instrument_version(tx, s.id, s.version + 1, &json).await?),
        None => {
            let id = verband_store::insert_instrument(tx, network_id, Some(code), &scan.name.nl).await?;
            (id, verband_store::insert_instrument_version(tx, id, 1, &json).await?)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitee(id: i64, sector: &str) -> Invitee {
        Invitee {
            person_id: id,
            name: format!("P{id}"),
            email: None,
            organisation_id: None,
            sector: Some(sector.to_string()),
            roles: Vec::new(),
            bodies: Vec::new(),
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_answers_and_another_seed_others() {
        assert_eq!(demo_scan_respondents(7, 40), demo_scan_respondents(7, 40));
        assert_ne!(demo_scan_respondents(7, 40), demo_scan_respondents(8, 40));
    }

    #[test]
    fn when_every_sector_has_enough_finished_the_smallest_keeps_two() {
        let invitees: Vec<Invitee> = (0..7).map(|i| invitee(i, if i < 4 { "welfare" } else { "education" })).collect();
        let mut out: Vec<Outcome> = (0..7).map(|_| Outcome::Finished(Answers::new())).collect();
        keep_one_sector_small(&mut out, &invitees, 6);
        let finished = |from: usize, to: usize| out[from..to].iter().filter(|o| matches!(o, Outcome::Finished(_))).count();
        assert_eq!((finished(0, 4), finished(4, 7)), (4, 2));
        assert!(matches!(out[6], Outcome::Stopped(_, 5)), "the others stop before the last page");
    }

    #[test]
    fn a_sector_already_too_small_leaves_the_answers_alone() {
        let invitees: Vec<Invitee> = (0..5).map(|i| invitee(i, if i < 3 { "welfare" } else { "education" })).collect();
        let mut out: Vec<Outcome> = (0..5).map(|_| Outcome::Finished(Answers::new())).collect();
        keep_one_sector_small(&mut out, &invitees, 6);
        assert!(out.iter().all(|o| matches!(o, Outcome::Finished(_))));
    }
}
