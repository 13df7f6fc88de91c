//! The demo knowledge lab: eighty items written by the people of the two demo
//! networks over the past years (learning experiences, success stories,
//! tools, references, articles and open questions), some shared with the
//! whole deployment, several linked to the projects, meetings and survey
//! rounds they are about, a few with questions and answers underneath.
//!
//! Items are written through the service as their authors, so the audit
//! trail and the change log (which the search index follows) are the real
//! ones; only their dates and view counts are set afterwards, which nothing
//! but the demo does.

use chrono::{Days, Months, NaiveDate, NaiveDateTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use verband_domain::knowledge::KnowledgeForm;
use verband_domain::MeetingStatus;

use crate::{Actor, Channel, Origin, Result, Service, ServiceError};

/// Which demo network an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Net {
    Main,
    Small,
}

/// A record of the same network an item is about.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// A project, by title.
    Project(&'static str),
    /// The held meeting of a body (by name) nearest to this many months ago.
    Meeting(&'static str, u32),
    /// A closed survey round, by label.
    Round(&'static str),
}

struct Item {
    net: Net,
    /// A demo account's user name; empty for the system (the deployment's own editors).
    by: &'static str,
    kind: &'static str,
    title: &'static str,
    themes: &'static str,
    phase: &'static str,
    sectors: &'static [&'static str],
    shared: bool,
    /// Months before today it was written (an item about a meeting or round is dated just after it).
    age: u32,
    targets: &'static [Target],
    links: &'static [&'static str],
    /// Markdown; each line's indentation is dropped.
    body: &'static str,
}

const BASE: Item = Item {
    net: Net::Main,
    by: "",
    kind: "",
    title: "",
    themes: "",
    phase: "",
    sectors: &[],
    shared: false,
    age: 0,
    targets: &[],
    links: &[],
    body: "",
};

/// A question under an item (by its title) and the answers it got.
struct Thread {
    on: &'static str,
    /// Days after the item the question comes at the earliest (a few weeks more at random).
    later: u64,
    asked_by: &'static str,
    question: &'static str,
    answers: &'static [(&'static str, &'static str)],
}

/// The demo accounts that write in the lab.
const AUTHORS: &[&str] = &["coordinator", "steering", "member", "advisor", "member-lingedal"];

const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// Markdown written indented in this file, without the indentation.
fn dedent(body: &str) -> String {
    body.lines().map(str::trim).collect::<Vec<_>>().join("\n").trim().to_string()
}

fn broken(what: String) -> ServiceError {
    ServiceError::Conflict(format!("demo knowledge: {what}"))
}

/// What an item may link to in one network: (title, id), (body name, id, date), (label, id, deadline).
#[derive(Default)]
struct Records {
    projects: Vec<(String, i64)>,
    meetings: Vec<(String, i64, NaiveDate)>,
    rounds: Vec<(String, i64, NaiveDate)>,
}

impl Records {
    /// The target's kind and id, and the date an item about it is written (after a meeting or round).
    fn resolve(&self, target: Target, today: NaiveDate) -> Result<(&'static str, i64, Option<NaiveDate>)> {
        match target {
            Target::Project(title) => self
                .projects
                .iter()
                .find(|(t, _)| t == title)
                .map(|(_, id)| ("project", *id, None))
                .ok_or_else(|| broken(format!("no project {title:?}"))),
            Target::Meeting(body, months) => {
                let wanted = today.checked_sub_months(Months::new(months)).unwrap_or(today);
                self.meetings
                    .iter()
                    .filter(|(b, _, _)| b == body)
                    .min_by_key(|(_, id, date)| ((*date - wanted).num_days().abs(), *id))
                    .map(|(_, id, date)| ("meeting", *id, Some(*date + Days::new(3))))
                    .ok_or_else(|| broken(format!("no held meeting of {body:?}")))
            }
            Target::Round(label) => self
                .rounds
                .iter()
                .find(|(l, _, _)| l == label)
                .map(|(_, id, deadline)| ("survey_round", *id, Some(*deadline + Days::new(10))))
                .ok_or_else(|| broken(format!("no closed survey round {label:?}"))),
        }
    }
}

/// One item as written, for the second pass that dates it.
struct Written {
    id: i64,
    title: &'static str,
    at: NaiveDateTime,
    views: i64,
    targets: Vec<(&'static str, i64)>,
}

impl Service {
    /// Writes the demo lab of the main network and the small one. Needs the
    /// demo accounts, projects, meetings and survey rounds to exist.
    pub(crate) async fn seed_knowledge(&self, system: &Actor, main: i64, small: i64, seed: u64) -> Result<()> {
        let now = Utc::now().naive_utc();
        let today = now.date();
        let mut rng = StdRng::seed_from_u64(seed ^ 0x4B4E_4F57_4C45_4447);
        let mut people: Vec<(&str, Actor)> = Vec::new();
        {
            let mut conn = self.store.conn().await?;
            for name in AUTHORS {
                let user = verband_store::user_by_username(&mut conn, name).await?.ok_or_else(|| broken(format!("no account {name}")))?;
                people.push((name, self.actor_for(&user, Origin { channel: Channel::Cli, ip: None })));
            }
        }
        let author = |by: &str| -> Result<&Actor> {
            if by.is_empty() {
                return Ok(system);
            }
            people.iter().find(|(name, _)| *name == by).map(|(_, a)| a).ok_or_else(|| broken(format!("no author {by}")))
        };
        let (main_records, small_records) = (self.knowledge_targets(main, today).await?, self.knowledge_targets(small, today).await?);

        let mut written: Vec<Written> = Vec::with_capacity(ITEMS.len());
        for item in ITEMS {
            let (network_id, rec) = match item.net {
                Net::Main => (main, &main_records),
                Net::Small => (small, &small_records),
            };
            let mut targets = Vec::new();
            let mut anchor: Option<NaiveDate> = None;
            for t in item.targets {
                let (kind, id, date) = rec.resolve(*t, today)?;
                targets.push((kind, id));
                anchor = anchor.or(date);
            }
            // Drawn for every item in the same order, whatever it uses.
            let (days, hour, minute) = (rng.gen_range(0..26u64), rng.gen_range(8..17u32), rng.gen_range(0..60u32));
            let popularity = rng.gen_range(0..30i64);
            let date = anchor.unwrap_or_else(|| {
                today.checked_sub_months(Months::new(item.age)).unwrap_or(today).checked_sub_days(Days::new(days)).unwrap_or(today)
            });
            let at = date.and_hms_opt(hour, minute, 0).unwrap_or(now).min(now);
            let months_old = (today - date).num_days() / 30;
            let views = popularity
                + months_old * rng.gen_range(1..5i64)
                + if item.shared { rng.gen_range(40..140) } else { 0 }
                + if matches!(item.kind, "tool" | "reference") { 15 } else { 0 };
            let form = KnowledgeForm {
                kind: item.kind.into(),
                title: item.title.into(),
                body: dedent(item.body),
                themes: item.themes.into(),
                phase: item.phase.into(),
                sectors: item.sectors.iter().map(|s| s.to_string()).collect(),
                links: item.links.join("\n"),
                visibility: if item.shared { "shared" } else { "network" }.into(),
                ..KnowledgeForm::default()
            };
            let id = self.create_knowledge_item(author(item.by)?, network_id, &form).await?;
            written.push(Written { id, title: item.title, at, views, targets });
        }

        let mut tx = self.store.begin().await?;
        for w in &written {
            if !w.targets.is_empty() {
                verband_store::set_knowledge_item_links(&mut tx, w.id, &w.targets).await?;
            }
            verband_store::set_knowledge_item_created_at(&mut tx, w.id, &w.at.format(TIME_FORMAT).to_string()).await?;
            verband_store::set_knowledge_item_views(&mut tx, w.id, w.views).await?;
        }
        for thread in THREADS {
            let item = written.iter().find(|w| w.title == thread.on).ok_or_else(|| broken(format!("no item {:?}", thread.on)))?;
            let mut at = item.at + Days::new(thread.later + rng.gen_range(6..40));
            let mut parent = None;
            let answers = thread.answers.iter().map(|(by, text)| (*by, *text));
            for (by, text) in std::iter::once((thread.asked_by, thread.question)).chain(answers) {
                let user = author(by)?.user_id;
                let id = verband_store::insert_knowledge_question(&mut tx, item.id, parent, &dedent(text), user).await?;
                verband_store::set_knowledge_question_created_at(&mut tx, id, &at.min(now).format(TIME_FORMAT).to_string()).await?;
                parent = parent.or(Some(id));
                at += chrono::Duration::hours(rng.gen_range(3..72));
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The projects, held meetings and closed survey rounds of a network.
    async fn knowledge_targets(&self, network_id: i64, today: NaiveDate) -> Result<Records> {
        let mut conn = self.store.conn().await?;
        let projects = verband_store::projects_of_network(&mut conn, network_id).await?.into_iter().map(|p| (p.title, p.id)).collect();
        let bodies = verband_store::bodies_of_network(&mut conn, network_id).await?;
        let meetings = verband_store::meetings_of_network(&mut conn, network_id, None)
            .await?
            .into_iter()
            .filter(|m| m.status == MeetingStatus::Held && m.date <= today)
            .filter_map(|m| bodies.iter().find(|b| b.id == m.body_id).map(|b| (b.name.clone(), m.id, m.date)))
            .collect();
        let rounds = verband_store::survey_rounds_of_network(&mut conn, network_id)
            .await?
            .into_iter()
            .filter(|r| r.closed)
            .map(|r| (r.label, r.id, r.deadline))
            .collect();
        Ok(Records { projects, meetings, rounds })
    }
}

// ---------------------------------------------------------------------------
// The items
// ---------------------------------------------------------------------------

use Net::Small;
use Target::{Meeting, Project, Round};

const ITEMS: &[Item] = &[
    // ---- Gezond Rivierenland: learning experiences
    Item {
        by: "coordinator",
        kind: "experience",
        shared: true,
        title: "Wat we leerden van de pilot Buurtkamers tegen eenzaamheid",
        themes: "eenzaamheid, ouderen, wijkgericht werken",
        phase: "develop_and_grow",
        sectors: &["welfare", "municipality", "care_provider"],
        age: 10,
        targets: &[Project("Buurtkamers tegen eenzaamheid")],
        body: r#"
            Ruim een jaar geleden openden we in Rivierenland de eerste buurtkamers: een huiskamer in de wijk waar ouderen zonder
            afspraak binnenlopen. Inmiddels zijn het er zeven. Dit is wat we onderweg leerden.

            ## Wat we probeerden

            We begonnen met twee buurtkamers, in Dijkhoven en Waalbergen, elk drie ochtenden per week open. Een opbouwwerker van
            Welzijn Rivierenland zette ze op samen met **vrijwilligers uit de buurt**. De woningcorporatie stelde de ruimte
            beschikbaar; de thuiszorg en de huisartsen verwezen mensen door.

            ## Wat er gebeurde

            - De eerste maanden kwamen vooral mensen die toch al actief waren. De mensen om wie het ging, bleven thuis.
            - Dat veranderde pas toen wijkverpleegkundigen iemand **persoonlijk meenamen** de eerste keer.
            - Vaste vrijwilligers bleken belangrijker dan het programma. Waar elke week hetzelfde gezicht achter de koffie stond,
              groeide het bezoek.
            - Na een jaar kwamen er gemiddeld 25 bezoekers per week per buurtkamer.

            ## Wat we nu anders zouden doen

            - Vanaf de eerste dag afspraken maken met de wijkverpleging over doorverwijzen, niet pas na een halfjaar.
            - Minder activiteiten plannen en meer ruimte laten voor gewoon koffiedrinken.
            - De financiering eerder regelen: de overstap van projectgeld naar het Wmo-budget kostte ons bijna een jaar overleg.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "experience",
        shared: true,
        title: "Wat we leerden van de pilot Gezondheidsapp Rivierenland",
        themes: "digitale zorg, evaluatie",
        phase: "develop_and_grow",
        sectors: &["knowledge_institute", "public_health"],
        age: 11,
        targets: &[Project("Gezondheidsapp Rivierenland")],
        body: r#"
            De Gezondheidsapp Rivierenland moest het aanbod van alle partners op één plek zetten. Na anderhalf jaar zijn we
            gestopt. We delen eerlijk waarom, zodat andere netwerken er iets aan hebben.

            ## Wat we probeerden

            De hogeschool bouwde met geld van ZonMw een app waarin inwoners per wijk konden zien welke beweeggroepen, spreekuren
            en cursussen er waren. De GGD leverde de gegevens aan. Het idee kwam uit een werksessie van de regiegroep.

            ## Wat er gebeurde

            - De app werd in het eerste jaar ruim zeshonderd keer gedownload, maar na drie maanden gebruikte bijna niemand hem nog.
            - Het aanbod bijhouden bleek het echte werk. **Niemand had daar uren voor**, dus de informatie raakte snel verouderd.
            - De inwoners die we wilden bereiken, vragen liever hun huisarts of de buurvrouw dan een app.

            ## Wat we nu anders zouden doen

            - Eerst met inwoners praten over hoe ze informatie zoeken, en dan pas iets bouwen.
            - Beheer en financiering na de subsidie regelen vóórdat je begint.
            - Aansluiten bij wat er al is: de kennis over het aanbod gaat nu naar de sociale kaart van de gemeenten.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "experience",
        title: "Wat we leerden van de Samenwerkingsscan voorjaar",
        themes: "evaluatie, samenwerking",
        phase: "develop_and_grow",
        sectors: &["municipality", "welfare"],
        targets: &[Round("Samenwerkingsscan voorjaar")],
        body: r#"
            In het voorjaar vulden de partners voor het eerst de samenwerkingsscan in. We wilden weten hoe zij de samenwerking
            zelf ervaren, niet alleen wat er in de jaarplanning staat.

            ## Wat we probeerden

            Iedere contactpersoon kreeg een persoonlijke link. We lieten de scan drie weken openstaan en stuurden na een week een
            herinnering. In de regiegroep bespraken we de uitkomsten per lens: ambitie, belangen, relaties, organisatie en proces.

            ## Wat er gebeurde

            - De **ambitie** scoort hoog: vrijwel iedereen herkent zich in het gezamenlijke doel.
            - Over de **organisatie** van het netwerk zijn de partners verdeeld. De gemeenten vinden het goed geregeld, de
              welzijnspartners veel minder.
            - In de open antwoorden kwam vaak terug dat niet duidelijk is wie wat oppakt na een overleg.

            ## Wat we nu anders zouden doen

            - De uitkomsten eerst in kleine groepjes bespreken. In de voltallige regiegroep bleef het gesprek over de verschillen
              tussen sectoren te voorzichtig.
            - Vooraf afspreken wat we met de uitkomsten doen, zodat partners zien dat invullen zin heeft.
        "#,
        ..BASE
    },
    Item {
        by: "steering",
        kind: "experience",
        title: "Terugblik op de regiegroep: minder agenda, meer gesprek",
        themes: "bestuur, samenwerking",
        phase: "develop_and_grow",
        sectors: &["municipality", "insurer"],
        targets: &[Meeting("Regiegroep", 9)],
        body: r#"
            Na een reeks vergaderingen waarin we vooral verslagen vaststelden, besloten we in de regiegroep het anders te doen.
            Een terugblik op de eerste vergadering nieuwe stijl.

            ## Wat we probeerden

            - Hoogstens **drie onderwerpen** op de agenda, waarvan één met een echte beslissing.
            - Stukken een week vooraf, met bovenaan de vraag die we aan de regiegroep stellen.
            - Een kwartier aan het begin voor een verhaal uit de praktijk, deze keer van een wijkverpleegkundige uit Uiterwaard.

            ## Wat er gebeurde

            Het gesprek ging voor het eerst in lange tijd over inhoud. Twee wethouders bleven na afloop hangen om door te praten
            over de wachtlijst in de ggz. Wel liepen we uit, en de vaststelling van het jaarplan schoof door.

            ## Wat we nu anders zouden doen

            Het praktijkverhaal houden, maar strakker voorzitten. En het secretariaat vragen de beslispunten aan het eind hardop te
            herhalen, zodat iedereen weet wat er is afgesproken.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "experience",
        title: "Huisbezoek binnen twee weken: zo organiseerden we het",
        themes: "armoede en schulden, wijkgericht werken",
        phase: "develop_and_grow",
        sectors: &["welfare", "municipality"],
        age: 20,
        targets: &[Project("Vroeg Eropaf")],
        body: r#"
            Ik werk als schuldhulpverlener bij Vroeg Eropaf. Collega's uit andere gemeenten vragen vaak hoe we het voor elkaar
            krijgen om binnen twee weken bij iemand aan te bellen. Zo doen we het.

            ## Wat we probeerden

            Eerst stuurden we een brief met een uitnodiging voor een gesprek. Bijna niemand reageerde. Daarna zijn we
            onaangekondigd langsgegaan, **altijd met z'n tweeën**, met een kaartje met onze namen en foto's voor als er niemand
            thuis is.

            ## Wat er gebeurde

            - Ongeveer de helft van de mensen deed open en was bereid tot een gesprek.
            - Wie niet opendeed, belde vaak alsnog na het kaartje.
            - Het werkte alleen doordat de signalen **dagelijks** binnenkwamen en één collega ze verdeelde.

            ## Wat we nu anders zouden doen

            - Eerder afspraken maken over wat we wel en niet van elkaar mogen weten. De privacyvragen kostten ons maanden.
            - Een vaste tijd in de week om met de woningcorporatie de lastige gevallen door te lopen.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "experience",
        title: "Beweegmaatjes: vrijwilligers vinden is makkelijker dan vrijwilligers houden",
        themes: "bewegen, eenzaamheid",
        phase: "build_up",
        sectors: &["welfare", "citizen_initiative"],
        age: 2,
        targets: &[Project("Beweegmaatjes")],
        body: r#"
            Sinds een paar maanden koppelt de buurtsportcoach inwoners die alleen niet in beweging komen aan een beweegmaatje.
            Een eerste tussenstand.

            ## Wat we probeerden

            We wierven vrijwilligers via de lokale krant, de sportverenigingen en de vrijwilligerscentrale. Elke vrijwilliger
            kreeg een kennismakingsgesprek en een korte training over motiveren.

            ## Wat er gebeurde

            - Binnen zes weken hadden we **dertig aanmeldingen** van vrijwilligers, meer dan we hadden verwacht.
            - Het koppelen ging trager. Inwoners haakten af als de eerste afspraak te lang op zich liet wachten.
            - Vijf vrijwilligers stopten na een maand, vooral omdat hun maatje steeds afzegde.

            ## Wat we nu anders zouden doen

            - Een vrijwilliger pas werven als er een maatje klaarstaat.
            - Elke vrijwilliger na vier weken bellen: hoe gaat het, wat heb je nodig?
            - Een vaste groepswandeling als vangnet, zodat een afzegging niet meteen betekent dat iemand die week niet beweegt.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "experience",
        title: "Overbruggingszorg bij de ggz-wachtlijst: wat wachtenden helpt",
        themes: "mentale gezondheid, samenwerking",
        phase: "develop_and_grow",
        sectors: &["care_provider", "primary_care"],
        age: 7,
        targets: &[Project("Overbruggingszorg ggz-wachtlijst")],
        body: r#"
            Wie in Rivierenland op een behandeling in de ggz wacht, wacht gemiddeld veertien weken. In de pilot
            Overbruggingszorg bieden we in die tijd steun. Een tussenbalans vanuit de praktijkondersteuners.

            ## Wat we probeerden

            - Elke wachtende krijgt binnen een week een gesprek met de **praktijkondersteuner ggz** van de eigen huisarts.
            - Daarna is er elke twee weken contact, telefonisch of in de praktijk.
            - Wie wil, kan aansluiten bij een lotgenotengroep die de ggz-instelling begeleidt.

            ## Wat er gebeurde

            - Wachtenden voelen zich minder alleen gelaten. Dat zeiden ze in de korte vragenlijst, en we merken het aan de
              telefoontjes: er wordt minder gebeld met de vraag hoe lang het nog duurt.
            - De lotgenotengroepen liepen wisselend. Jongeren kwamen nauwelijks.
            - De werkdruk bij de praktijkondersteuners nam toe.

            ## Wat we nu anders zouden doen

            - Voor jongeren een aparte vorm zoeken, bijvoorbeeld via het jongerenwerk of online.
            - Vooraf uren afspreken met de huisartsencoöperatie, zodat de steun niet ten koste gaat van ander werk.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "experience",
        title: "Valpreventie thuis: de eerste twintig huisbezoeken",
        themes: "ouderen, preventie",
        phase: "build_up",
        sectors: &["care_provider", "primary_care"],
        age: 1,
        targets: &[Project("Valpreventie thuis")],
        body: r#"
            Sinds kort lopen een wijkverpleegkundige en een fysiotherapeut samen met ouderen hun huis na op valrisico's. Na
            twintig huisbezoeken willen we delen wat ons opviel.

            ## Wat we probeerden

            We gebruikten een korte checklist voor het huis (losse kleden, verlichting, drempels, de trap) en deden met iedereen
            drie balansoefeningen. Daarna volgde een oefenprogramma van tien weken.

            ## Wat er gebeurde

            - In **zeventien van de twintig** huizen vonden we iets dat direct op te lossen was, meestal een los kleed of te
              weinig licht op de trap.
            - De oefeningen vielen goed, maar alleen bij wie er iemand bij had. Alleen oefenen hield bijna niemand vol.
            - Kinderen van de bewoners vroegen vaak of ze mochten meekijken, en dat hielp.

            ## Wat we nu anders zouden doen

            - Mantelzorgers uitnodigen bij het eerste bezoek.
            - Oefenen in kleine groepjes in de buurtkamer, in plaats van alleen thuis.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "experience",
        title: "Wijkfestival: kennismaken zonder agenda",
        themes: "wijkgericht werken, samenwerking",
        phase: "develop_and_grow",
        sectors: &["welfare", "citizen_initiative"],
        age: 5,
        targets: &[Project("Wijkfestival Samen Rivierenland")],
        body: r#"
            Dit jaar organiseerden we voor het eerst in elke kern een wijkfestival. Het doel: partners en inwoners laten
            kennismaken, zonder vergadering eromheen.

            ## Wat we probeerden

            Een zaterdagmiddag op een plein, met kramen van partners, muziek van de plaatselijke harmonie en een springkussen.
            Elke partner moest iets laten **doen** in plaats van folders uitdelen: bloeddruk meten, een rondje fietsen, samen
            soep maken.

            ## Wat er gebeurde

            - In Dijkhoven en Kribbendam kwamen honderden bezoekers. In Waalbergen regende het en bleef het stil.
            - Medewerkers van verschillende partners leerden elkaar op één middag beter kennen dan in twee jaar overleg.
            - Het kostte veel meer vrijwilligersuren dan begroot.

            ## Wat we nu anders zouden doen

            - Aansluiten bij een bestaand buurtfeest in plaats van zelf iets te organiseren.
            - Een regenplan, en in elke kern vooraf een overdekte plek reserveren.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "experience",
        title: "Verslag netwerkbijeenkomst over mantelzorg: wat we hoorden",
        themes: "mantelzorg, ouderen",
        phase: "develop_and_grow",
        sectors: &["welfare", "care_provider", "municipality"],
        targets: &[Meeting("Netwerkbijeenkomst", 10)],
        body: r#"
            Bij de netwerkbijeenkomst over mantelzorg schoven niet alleen professionals aan, maar ook zes mantelzorgers. Dit is
            wat zij ons vertelden.

            ## Wat we probeerden

            In plaats van presentaties zetten we vier tafels neer, elk met een mantelzorger als gastvrouw of gastheer.
            Deelnemers wisselden na twintig minuten van tafel.

            ## Wat er gebeurde

            - Mantelzorgers vertelden dat ze **niet weten waar ze terechtkunnen**. Ze worden van loket naar loket gestuurd.
            - Respijtzorg is er wel, maar aanvragen kost zoveel moeite dat veel mensen het opgeven.
            - De huisarts vraagt zelden hoe het met de mantelzorger gaat, terwijl die er bijna altijd bij zit.

            ## Wat we nu anders zouden doen

            - Mantelzorgers vaker uitnodigen, en op een tijdstip dat hun uitkomt: deze bijeenkomst was midden op de dag.
            - Een vervolg afspreken voordat iedereen naar huis gaat. Nu moesten we mensen achteraf nabellen.
        "#,
        ..BASE
    },
    // ---- Gezond Rivierenland: success stories
    Item {
        by: "coordinator",
        kind: "success",
        shared: true,
        title: "Vroeg Eropaf: van pilot naar beleidsplan in vijf gemeenten",
        themes: "armoede en schulden, financiering",
        phase: "sustainable_impact",
        sectors: &["municipality", "welfare", "insurer"],
        age: 5,
        targets: &[Project("Vroeg Eropaf")],
        body: r#"
            Vroeg Eropaf begon als pilot in één wijk van Rivierstad. Anderhalf jaar later staat de aanpak in het beleidsplan
            schulden van alle vijf gemeenten van Rivierenland.

            ## Het resultaat

            - **Vierhonderd huishoudens** bereikt, de helft voordat er een deurwaarder aan te pas kwam.
            - Vaste afspraken met de woningcorporatie, de zorgverzekeraar en het drinkwaterbedrijf over het doorgeven van
              betalingsachterstanden.
            - Structurele financiering uit de gemeentebegrotingen in plaats van projectgeld.

            ## Wat het verschil maakte

            1. **Snelheid.** Binnen twee weken na een signaal staat er iemand op de stoep. Dat is de kern, en daar hebben we nooit
               op ingeleverd.
            2. **Cijfers die bestuurders begrijpen.** We rekenden uit wat een voorkomen huisuitzetting de gemeente en de
               corporatie bespaart.
            3. **Eén trekker.** De gemeente Rivierstad bleef eigenaar, ook toen de andere gemeenten aansloten.

            ## Tip voor andere netwerken

            Begin met de signaalpartners die al willen. De rest volgt als de eerste resultaten er zijn.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "success",
        title: "Twaalf scholen met het vignet Gezonde School",
        themes: "jeugd, gezond gewicht, preventie",
        phase: "develop_and_grow",
        sectors: &["education", "public_health"],
        age: 9,
        targets: &[Project("Gezonde School Rivierenland")],
        body: r#"
            Een jaar geleden had geen enkele school in Rivierenland het vignet Gezonde School. Nu zijn het er twaalf.

            ## Wat we deden

            - Het ROC nam het voortouw en zocht per school **één vaste contactpersoon**.
            - De GGD hielp scholen bij de aanvraag en keek mee met de plannen voor voeding en bewegen.
            - Buurtsportcoaches gaven op school de beweeglessen die de vakleerkracht niet kon geven.

            ## Wat het opleverde

            - Op alle twaalf scholen staat water op tafel in plaats van zoete drankjes.
            - Negen scholen doen elke dag een kwartier bewegen in de klas.
            - Ouders zijn positief: in de ouderenquête gaf 78 procent aan dat hun kind vaker water drinkt.

            ## Wat nog moet

            De financiering loopt nog tot volgend jaar. Daarna willen we dat De Zorgkring een deel overneemt; daarover lopen
            gesprekken.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "success",
        title: "De Formulierenbrigade: hulp bij brieven in vier bibliotheken",
        themes: "armoede en schulden, wijkgericht werken",
        phase: "sustainable_impact",
        sectors: &["welfare", "citizen_initiative"],
        age: 3,
        targets: &[Project("Formulierenbrigade")],
        body: r#"
            Een brief van de Belastingdienst, een formulier voor bijzondere bijstand, een aanmaning die niemand begrijpt: met
            dat soort papieren kun je sinds vorig jaar terecht bij de Formulierenbrigade.

            ## Hoe het werkt

            - **Vrijwilligers** houden een wekelijks spreekuur in de bibliotheken van Rivierstad, Dijkhoven, Waalbergen en
              Kribbendam.
            - Wie niet naar de bibliotheek kan komen, krijgt hulp aan huis.
            - Bij grote geldzorgen verwijzen de vrijwilligers direct door naar de schuldhulpverlening.

            ## Wat het opleverde

            - Ruim negenhonderd bezoekers in het eerste jaar.
            - Een op de vijf bezoekers had recht op een toeslag of regeling die nog niet was aangevraagd.
            - De brigade draait nu mee in de gewone begroting van Welzijn Rivierenland.

            ## Waarom het werkt

            De bibliotheek is een plek waar je zonder schaamte binnenloopt. Niemand hoeft te weten dat je voor je geldzaken
            komt.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "success",
        title: "Huisartsen aan tafel bij het wijkteamoverleg",
        themes: "samenwerking, armoede en schulden, wijkgericht werken",
        phase: "develop_and_grow",
        sectors: &["primary_care", "welfare", "municipality"],
        age: 16,
        body: r#"
            Sinds de huisartsen in Dijkhoven één keer per maand aansluiten bij het overleg van het wijkteam, komen mensen met
            geldzorgen sneller bij de schuldhulp.

            ## Hoe het begon

            Een huisarts merkte dat steeds meer patiënten kwamen met klachten die eigenlijk met geldzorgen te maken hadden: slecht
            slapen, hoofdpijn, spanning. Ze belde de coördinator van het wijkteam en vroeg of ze eens mocht aanschuiven.

            ## Wat we afspraken

            - Eén huisarts per praktijk schuift **één uur per maand** aan, aan het begin van het overleg.
            - We bespreken alleen situaties waarvoor de inwoner toestemming heeft gegeven.
            - De praktijkondersteuner heeft een direct telefoonnummer van het wijkteam.

            ## Wat het oplevert

            Doorverwijzen gaat nu in dagen in plaats van weken. De huisartsen zeggen dat het hun tijd bespaart. Het wijkteam
            hoort eerder van mensen die zelf niet aan de bel trekken.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "success",
        title: "Mantelzorgcafé in de bibliotheek trekt 28 bezoekers",
        themes: "mantelzorg, eenzaamheid",
        phase: "build_up",
        sectors: &["welfare", "citizen_initiative"],
        age: 8,
        body: r#"
            Het eerste mantelzorgcafé in de bibliotheek van Waalbergen trok 28 bezoekers. Drie van hen vroegen daarna
            respijtzorg aan.

            ## Wat we deden

            - Een vaste middag per maand, met koffie en iets lekkers, zonder programma.
            - Een mantelzorgconsulent van Welzijn Rivierenland is er altijd bij, **maar geeft geen presentatie**.
            - Een wijkverpleegkundige komt het eerste uur langs voor vragen over zorg thuis.

            ## Waarom het werkt

            Mantelzorgers zijn moe van afspraken. Hier hoeft niets. Wie wil, praat met lotgenoten; wie een vraag heeft, loopt
            naar de consulent. Een bezoeker zei: "Het is de eerste middag in maanden dat ik niets hoef te regelen."

            ## Hoe verder

            De bibliotheek van Rivierstad wil ook een mantelzorgcafé. We zoeken nog vrijwilligers die de middag willen openen
            en afsluiten.
        "#,
        ..BASE
    },
    Item {
        by: "steering",
        kind: "success",
        title: "Gezonde kantine op het ROC: een derde minder frisdrank",
        themes: "gezond gewicht, jeugd",
        phase: "develop_and_grow",
        sectors: &["education", "business"],
        age: 19,
        body: r#"
            De kantine van het ROC in Rivierstad heeft water en fruit vooraan gezet. De verkoop van frisdrank daalde in een
            halfjaar met een derde.

            ## Wat we veranderden

            - Gratis watertappunten bij de ingang en in elke gang.
            - **Fruit en broodjes op ooghoogte**, snoep en frisdrank onderaan en achterin.
            - Een maaltijdsalade van de dag voor dezelfde prijs als een broodje kroket.

            De cateraar deed mee omdat de omzet gelijk bleef: studenten kochten andere dingen, niet minder.

            ## Wat we leerden

            - Betrek studenten bij de keuzes. Een groep studenten van de opleiding Voeding ontwierp de nieuwe indeling.
            - Verbied niets. Toen we voorstelden om energiedrankjes te schrappen, kwam er verzet; toen ze gewoon minder
              zichtbaar stonden, niet.

            ## Voor andere scholen

            De cateraar deelt zijn ervaringen graag. Neem contact op met de werkgroep Gezond Opgroeien.
        "#,
        ..BASE
    },
    // ---- Gezond Rivierenland: tools and templates
    Item {
        by: "coordinator",
        kind: "tool",
        shared: true,
        title: "Format samenwerkingsovereenkomst",
        themes: "samenwerking, bestuur",
        phase: "build_up",
        sectors: &["municipality", "welfare", "care_provider", "insurer"],
        age: 30,
        body: r#"
            Dit format gebruikten we voor de samenwerkingsovereenkomst van Gezond Rivierenland. Je kunt het overnemen en
            aanpassen aan je eigen netwerk.

            ## Wat erin staat

            1. **Aanleiding en gedeelde ambitie**: waarom werken we samen, en waar willen we over vier jaar staan?
            2. **Partners**: wie doet mee, en wie tekent namens elke organisatie?
            3. **Inbreng per partner**: uren, geld en andere middelen, zoals ruimtes of gegevens.
            4. **Rollen**: trekker, uitvoerder, financier, kennispartner.
            5. **Besluitvorming**: wie beslist waarover, en hoe lossen we onenigheid op?
            6. **Wat we niet doen**: onderwerpen die we uitdrukkelijk buiten de samenwerking houden.
            7. **Looptijd, evaluatie en uittreden**: wanneer kijken we terug, en hoe stapt een partner netjes uit?

            ## Tips bij het invullen

            - Vul de inbreng per partner **concreet** in. "Inzet naar vermogen" betekent in de praktijk niets.
            - Neem het onderdeel "wat we niet doen" serieus. Het voorkomt later veel discussie.
            - Laat het concept eerst lezen door de juristen van de gemeente en van de grootste zorgpartner; dan gaan de anderen
              sneller akkoord.

            Het format is bewust kort gehouden: vier pagina's. Details regel je in een bijlage per project.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "tool",
        shared: true,
        title: "Checklist subsidieaanvraag ZonMw",
        themes: "financiering",
        phase: "build_up",
        sectors: &["knowledge_institute", "municipality", "public_health"],
        age: 22,
        links: &["https://www.zonmw.nl/nl/subsidies"],
        body: r#"
            Wij dienden de afgelopen jaren drie aanvragen in bij ZonMw, waarvan er twee werden toegekend. Met deze checklist
            voorkom je de fouten die wij en anderen het vaakst maakten.

            ## Voordat je begint

            - Past je idee echt in de **subsidieronde**? Lees de oproeptekst twee keer, en bel de programmasecretaris bij twijfel.
            - Is er een **kennispartner** (hogeschool, universiteit, academische werkplaats) die meeschrijft?
            - Heb je de deadline in het oog? Reken op minstens zes weken schrijftijd.

            ## De aanvraag zelf

            - Beschrijf het probleem met cijfers uit de eigen regio, bijvoorbeeld uit de gezondheidsmonitor van de GGD.
            - Maak duidelijk wat er **na de subsidie** gebeurt. Beoordelaars letten steeds meer op borging.
            - Laat zien hoe inwoners of cliënten meedenken.
            - Zorg dat de begroting klopt, inclusief de eigen bijdrage van de partners.

            ## Na het indienen

            - Houd partners op de hoogte van de planning van de beoordeling.
            - Bereid je voor op vragen van de commissie; daar heb je soms maar een week voor.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "tool",
        title: "Draaiboek eerste vergadering van een regiegroep",
        themes: "bestuur",
        phase: "build_up",
        sectors: &["municipality"],
        age: 40,
        body: r#"
            De eerste vergadering van een regiegroep zet de toon. Dit draaiboek gebruikten wij bij de start van Gezond
            Rivierenland.

            ## Vier weken vooraf

            - Plan de datum met de secretariaten van de bestuurders, niet met de bestuurders zelf.
            - Voer met elke bestuurder een kort **kennismakingsgesprek**: wat wil jouw organisatie uit dit netwerk halen?

            ## Een week vooraf

            - Stuur een agenda van één pagina, met bij elk punt wat je van de regiegroep vraagt: informeren, bespreken of
              besluiten.
            - Voeg een samenvatting toe van de kennismakingsgesprekken, zonder namen.

            ## De vergadering (twee uur)

            1. Welkom en een rondje: waarom zit je hier? (30 minuten)
            2. Het gedeelde doel, in één zin. (45 minuten)
            3. Afspraken over rollen en vergaderritme. (30 minuten)
            4. Wie doet wat voor de volgende keer? (15 minuten)

            ## Daarna

            Stuur binnen drie werkdagen een kort verslag met besluiten en acties. Bel de bestuurders die niet konden komen zelf op.
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "tool",
        title: "Gespreksleidraad: belangen van partners in kaart brengen",
        themes: "samenwerking",
        phase: "build_up",
        sectors: &["municipality", "welfare", "insurer", "business"],
        age: 34,
        body: r#"
            Partners doen mee aan een netwerk omdat het hun iets oplevert. Als je die belangen niet hardop maakt, spelen ze
            onder tafel mee. Met deze leidraad voer je een gesprek van een uur met elke partner.

            ## Vragen

            1. Wat is voor jouw organisatie de **belangrijkste reden** om mee te doen?
            2. Wat moet er over twee jaar bereikt zijn om te zeggen dat het de moeite waard was?
            3. Wat kun je inbrengen: uren, geld, kennis, contacten, ruimte?
            4. Waar ligt je grens? Wat doe je zeker niet?
            5. Met welke andere partner werk je al goed samen, en met wie juist niet?
            6. Wie in je eigen organisatie moet nog overtuigd worden?

            ## Tips

            - Voer het gesprek **één op één**, niet in de groep.
            - Vat de belangen daarna samen in een overzicht en leg dat voor aan alle partners. Vraag iedereen of hun belang goed
              is verwoord.
            - Herhaal de gesprekken elke twee jaar: belangen veranderen, bijvoorbeeld na verkiezingen of een fusie.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "tool",
        title: "Format projectplan op één A4",
        themes: "evaluatie, financiering",
        phase: "develop_and_grow",
        sectors: &["municipality", "welfare"],
        age: 26,
        body: r#"
            Projectplannen van twintig pagina's leest niemand. Sinds vorig jaar vragen we partners die een project willen
            starten onder de vlag van het netwerk om dit format van één A4 in te vullen.

            ## Onderdelen

            - **Titel en trekker**: wie is eigenaar, met naam en organisatie?
            - **Aan welk doel van het netwerk draagt het bij?** Kies één doel, niet alle vijf.
            - **Wat gaan we doen?** In drie zinnen.
            - **Voor wie?** Welke inwoners, in welke wijken of kernen?
            - **Wie doet mee?** Partners en hun inbreng.
            - **Wat kost het, en wie betaalt?** Ook na de eerste periode.
            - **Hoe weten we of het werkt?** Eén of twee meetbare resultaten.
            - **Lijkt het op iets dat al loopt?** Kijk in de projectenlijst van het netwerk.

            ## Waarom dit format

            Het laatste punt is het belangrijkste. We merkten dat projecten elkaar overlapten omdat niemand vooraf keek wat er al
            was. De werkgroep bespreekt elk plan voordat er geld wordt aangevraagd.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "tool",
        title: "Rekenblad inbreng van partners in uren en euro's",
        themes: "financiering, samenwerking",
        phase: "build_up",
        sectors: &["municipality", "insurer"],
        age: 24,
        body: r#"
            Bestuurders vragen vaak wat het netwerk kost en wie wat betaalt. Met dit rekenblad maak je de inbreng van elke
            partner zichtbaar, ook als die niet in geld is.

            ## Hoe het werkt

            Per partner vul je in:

            - **Uren per maand** per rol: coördinatie, uitvoering, deelname aan overleg.
            - Een **uurtarief** om uren om te rekenen naar euro's. Wij gebruiken één tarief voor iedereen, zodat partners niet
              gaan vergelijken.
            - **Geld**: subsidies, bijdragen, budgetten voor projecten.
            - **Andere middelen**: ruimtes, gegevens, materialen, met een redelijke schatting van de waarde.

            Het rekenblad telt alles op en laat per partner het aandeel in het geheel zien.

            ## Waar je op moet letten

            - De eerste keer kloppen de cijfers nooit. Gebruik het rekenblad als begin van een gesprek, niet als afrekening.
            - Laat de inbreng van kleine partners en vrijwilligersorganisaties niet wegvallen. Vijf uur per maand is veel voor
              een buurtinitiatief.
            - Werk het rekenblad elk jaar bij, vóór de begrotingsronde van de gemeenten.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "tool",
        title: "Sjabloon verslag met actielijst",
        themes: "bestuur, samenwerking",
        phase: "develop_and_grow",
        sectors: &["municipality"],
        age: 36,
        body: r#"
            Een verslag dat pas weken na het overleg komt, leest niemand meer. Ons sjabloon is kort en zet de acties bovenaan.

            ## Opbouw

            1. **Acties**: wat, wie, wanneer. Een tabel met drie kolommen.
            2. **Besluiten**: genummerd, in één zin per besluit.
            3. **Kort verslag per agendapunt**: wat is er gezegd, zonder namen tenzij het ertoe doet.
            4. **Volgend overleg**: datum, plaats en de onderwerpen die al bekend zijn.

            ## Afspraken die we erbij maakten

            - Het verslag gaat binnen **vijf werkdagen** rond.
            - Opmerkingen binnen een week, daarna is het vastgesteld.
            - De actielijst is het eerste agendapunt van het volgende overleg.

            Sinds we dit doen, is het aantal acties dat blijft hangen gehalveerd. De tijdwinst zit vooral in het niet meer hoeven
            nabellen.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "tool",
        title: "Gesprekskaart eenzaamheid voor huisbezoeken",
        themes: "eenzaamheid, ouderen, evaluatie",
        phase: "develop_and_grow",
        sectors: &["welfare", "care_provider", "public_health"],
        age: 18,
        body: r#"
            Bij huisbezoeken aan ouderen willen wijkverpleegkundigen en welzijnswerkers soms weten of iemand zich eenzaam
            voelt. De verkorte eenzaamheidsschaal van De Jong Gierveld is daarvoor een bekend hulpmiddel. Wij maakten er een
            gesprekskaart van.

            ## Wat de schaal meet

            De schaal bestaat uit **zes uitspraken**: drie over emotionele eenzaamheid (het missen van een hechte band) en drie
            over sociale eenzaamheid (het missen van een bredere kring). Voorbeelden zijn "Ik ervaar een leegte om me heen" en
            "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen".

            ## Hoe wij de kaart gebruiken

            - Niet als vragenlijst, maar als **leidraad voor het gesprek**.
            - Pas aan het einde van het bezoek, als er vertrouwen is.
            - De uitkomst noteren we alleen als de bewoner daarmee instemt.

            ## Let op

            De GGD gebruikt dezelfde schaal in de Gezondheidsmonitor. Zo kun je wat je in de wijk ziet vergelijken met de
            cijfers voor de hele regio. Maar de schaal is geen diagnose: een hoge score is een reden om door te vragen, niet om
            iemand in een hokje te stoppen.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "tool",
        shared: true,
        title: "Stappenplan: van pilot naar structurele financiering",
        themes: "financiering, bestuur, evaluatie",
        phase: "sustainable_impact",
        sectors: &["municipality", "insurer", "welfare"],
        age: 12,
        body: r#"
            Veel pilots stoppen zodra de subsidie op is, ook als ze goed werken. Met dit stappenplan regel je op tijd dat wat
            werkt, blijft.

            ## Stap 1: begin halverwege de pilot

            Wacht niet tot de laatste maanden. Gemeenten en zorgverzekeraars maken hun begroting ruim een jaar vooruit.

            ## Stap 2: laat zien wat het oplevert

            - Verzamel **cijfers én verhalen**. Bestuurders onthouden een verhaal, ambtenaren hebben cijfers nodig.
            - Schat de maatschappelijke baten: wat wordt er voorkomen, en bij wie vallen de besparingen?

            ## Stap 3: zoek de eigenaar

            Wie betaalt straks? Vaak is dat niet de partij die de pilot trok. Praat vroeg met de beleidsmedewerker van de gemeente
            en de zorginkoper van de verzekeraar.

            ## Stap 4: kies de vorm

            - Opnemen in de **reguliere begroting** van één partner.
            - Een gezamenlijk budget van meerdere partners, vastgelegd in een samenwerkingsovereenkomst.
            - Inkoop als zorg- of welzijnsdienst.

            ## Stap 5: leg het besluit vast

            Zorg voor een formeel besluit, bijvoorbeeld in de begroting of het inkoopbeleid. Een mondelinge toezegging overleeft
            de volgende bezuiniging niet.
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "tool",
        title: "Werkblad: welke partners heeft het doel nodig?",
        themes: "samenwerking, bestuur",
        phase: "build_up",
        sectors: &["municipality", "welfare", "primary_care"],
        age: 38,
        body: r#"
            Netwerken beginnen vaak met de partners die er al zijn, niet met de partners die het doel nodig heeft. Met dit
            werkblad kijk je daar samen kritisch naar.

            ## Zo gebruik je het

            1. Schrijf het doel van het netwerk bovenaan, in één zin.
            2. Noem de **inwoners** om wie het gaat. Waar komen zij nu al?
            3. Zet per organisatie in een kolom: wat kan deze partner bijdragen, en wat gebeurt er als hij ontbreekt?
            4. Markeer de partners die nog niet aan tafel zitten.

            ## Wat we vaak zien

            - Huisartsen, onderwijs en bedrijven ontbreken. Ze hebben weinig tijd voor overleg, maar zijn wel nodig.
            - Woningcorporaties en de bibliotheek worden vergeten, terwijl ze veel inwoners zien.
            - **Late partners kosten tijd**: wie er na een jaar bij komt, wil de afspraken opnieuw bespreken. Nodig ze dus zo vroeg
              mogelijk uit, ook als ze eerst alleen willen meelezen.
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "tool",
        title: "Logic model template for community programmes",
        themes: "evaluatie",
        phase: "build_up",
        sectors: &["knowledge_institute", "public_health"],
        age: 29,
        links: &["https://www.wkkf.org/resource-directory/resources/2004/01/logic-model-development-guide"],
        body: r#"
            A logic model is a one-page picture of how a programme is supposed to work: from the resources you put in to the
            change you hope to see. We used the **W.K. Kellogg Foundation Logic Model Development Guide** when we set up the
            evaluation of our projects, and adapted its template.

            ## The five columns

            - **Inputs**: staff hours, money, rooms, data.
            - **Activities**: what you do.
            - **Outputs**: what you deliver, in numbers.
            - **Short-term outcomes**: what changes for people within a year.
            - **Long-term outcomes**: what changes in the region.

            ## How we use it

            - Every project in our portfolio fills in one row per network goal it contributes to.
            - We write the **assumptions** underneath: why do we think these activities lead to these outcomes?
            - At the yearly review we check which assumptions still hold.

            ## Why in English?

            The guide is only available in English, and the university of applied sciences that helps us with evaluation works
            with the original. A Dutch version of our template is available from the network coordinator.
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "tool",
        title: "Collaboration Multiplier: understanding partners from other sectors",
        themes: "samenwerking",
        phase: "build_up",
        sectors: &["municipality", "welfare", "public_health"],
        age: 35,
        links: &["https://www.preventioninstitute.org/tools/collaboration-multiplier"],
        body: r#"
            **Collaboration Multiplier** is a free tool by the Prevention Institute, an American non-profit organisation. It
            helps partners from different sectors understand each other's goals, language and contributions before they start
            a joint project.

            ## How it works

            You fill in a simple matrix with one row per partner organisation:

            - What is the organisation's **mission**, and what does it want to achieve in this collaboration?
            - What **expertise, resources and contacts** does it bring?
            - What does it need from the others?
            - Which **words** does it use for the same thing? Our welfare partners say "residents", the GPs say "patients",
              the insurer says "members".

            ## Our experience

            We used the matrix in the first session of the Bestaanszekerheid working group. The questions are in English, so we
            translated them on the spot. The most useful part was the last one: it showed how much time partners had spent
            misunderstanding each other.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "tool",
        title: "Signaleringskaart geldzorgen voor de huisartsenpraktijk",
        themes: "armoede en schulden, preventie",
        phase: "develop_and_grow",
        sectors: &["primary_care", "welfare"],
        age: 21,
        body: r#"
            Mensen met geldzorgen komen vaak eerder bij de huisarts dan bij de schuldhulp. Deze signaleringskaart hangt in de
            spreekkamers van de huisartsen in Rivierenland.

            ## Signalen

            - Klachten zonder duidelijke oorzaak: slecht slapen, hoofdpijn, maagklachten.
            - Iemand vraagt om goedkopere medicijnen of haalt recepten niet op.
            - Afspraken worden vaak afgezegd, bijvoorbeeld omdat de bus te duur is.
            - Iemand vertelt over een grote verandering: scheiding, ontslag, ziekte van een partner.

            ## Eén vraag

            De kaart raadt de huisarts aan één vraag te stellen: **"Maakt u zich weleens zorgen over geld?"** Uit de praktijk
            blijkt dat mensen die vraag zelden vervelend vinden.

            ## En dan?

            Op de achterkant staan het directe nummer van het wijkteam en het spreekuur van de Formulierenbrigade. Met
            toestemming van de patiënt belt de praktijkondersteuner zelf, zodat niemand tussen wal en schip valt.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "tool",
        title: "Intakeformulier voor vrijwilligers van Beweegmaatjes",
        themes: "bewegen",
        phase: "build_up",
        sectors: &["welfare", "citizen_initiative"],
        age: 2,
        targets: &[Project("Beweegmaatjes")],
        body: r#"
            Bij Beweegmaatjes voeren we met elke nieuwe vrijwilliger een kennismakingsgesprek. Met dit formulier voert de
            buurtsportcoach dat gesprek in een halfuur.

            ## Onderdelen

            - **Motivatie**: waarom wil je beweegmaatje worden?
            - **Beschikbaarheid**: welke dagdelen, hoe vaak, en hoe lang wil je je binden?
            - **Wat je graag doet**: wandelen, fietsen, zwemmen, tuinieren?
            - **Ervaring** met mensen die weinig bewegen, eenzaam zijn of een beperking hebben.
            - **Grenzen**: wat doe je liever niet?

            ## Afspraken die we meteen maken

            - Een vrijwilliger tekent een vrijwilligersovereenkomst en vraagt een Verklaring Omtrent het Gedrag aan; de kosten
              vergoeden we.
            - Na vier weken volgt een belafspraak.
            - Elke vrijwilliger is verzekerd via de vrijwilligersverzekering van de gemeente.

            Andere netwerken mogen het formulier vrij gebruiken. Pas de afspraken aan aan je eigen gemeente.
        "#,
        ..BASE
    },
    // ---- Gezond Rivierenland: references
    Item {
        by: "coordinator",
        kind: "reference",
        shared: true,
        title: "Loket Gezond Leven van het RIVM: erkende leefstijlinterventies",
        themes: "preventie, evaluatie",
        phase: "develop_and_grow",
        sectors: &["public_health", "municipality"],
        age: 32,
        links: &["https://www.loketgezondleven.nl/interventies"],
        body: r#"
            Zoek je een aanpak waarvan bekend is dat die werkt? Het **Loket Gezond Leven** van het RIVM houdt een databank bij
            van leefstijlinterventies, beoordeeld door onafhankelijke commissies.

            ## Wat je er vindt

            - Interventies op het gebied van bewegen, voeding, roken, alcohol, eenzaamheid en mentale gezondheid.
            - Per interventie een **erkenningsniveau**: van goed beschreven en goed onderbouwd tot effectief volgens eerste,
              goede of sterke aanwijzingen.
            - De doelgroep, de kosten en wat je nodig hebt om de interventie uit te voeren.

            ## Hoe wij het gebruiken

            Voordat een werkgroep een nieuw project voorstelt, kijken we eerst in de databank. Vaak bestaat er al een erkende
            aanpak die je kunt overnemen, en dat scheelt tijd en geld. Financiers als ZonMw en zorgverzekeraars vragen er
            bovendien steeds vaker naar.

            ## Let op

            Een erkende interventie is geen garantie. Of het in jouw wijk werkt, hangt af van de uitvoering en van de inwoners om
            wie het gaat.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "reference",
        title: "Movisie: wat werkt bij de aanpak van eenzaamheid",
        themes: "eenzaamheid, ouderen",
        phase: "build_up",
        sectors: &["welfare", "municipality"],
        age: 28,
        links: &["https://www.movisie.nl/eenzaamheid"],
        body: r#"
            Movisie, het landelijke kennisinstituut voor het sociaal domein, heeft veel materiaal over eenzaamheid verzameld.
            Voor gemeenten en welzijnsorganisaties die een lokale aanpak opzetten, zijn vooral deze onderdelen nuttig.

            ## Twee soorten eenzaamheid

            Movisie maakt onderscheid tussen **sociale eenzaamheid** (te weinig contacten) en **emotionele eenzaamheid** (het
            missen van een hechte band). Bij sociale eenzaamheid helpen ontmoetingsactiviteiten; bij emotionele eenzaamheid zijn
            vaak persoonlijke gesprekken nodig. Een aanpak die alleen op activiteiten inzet, bereikt dus maar een deel van de
            mensen.

            ## Bruikbaar voor netwerken

            - Overzichten van **werkzame interventies**, zoals vriendschapscursussen en huisbezoeken door vrijwilligers.
            - Handreikingen voor het signaleren van eenzaamheid door huisartsen, wijkverpleegkundigen en kappers.
            - Materiaal voor de landelijke Week tegen Eenzaamheid.

            Onze werkgroep Samen Oud Worden gebruikte dit materiaal bij het opzetten van de buurtkamers.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "reference",
        title: "Pharos: gezondheidsverschillen en laaggeletterdheid",
        themes: "preventie, armoede en schulden",
        phase: "develop_and_grow",
        sectors: &["public_health", "primary_care", "welfare"],
        age: 20,
        links: &["https://www.pharos.nl"],
        body: r#"
            **Pharos** is het landelijke expertisecentrum voor gezondheidsverschillen. Werk je in een wijk met veel inwoners met
            weinig geld of een lage opleiding, dan vind je hier praktisch materiaal.

            ## Aanraders

            - Materiaal over **begrijpelijke communicatie**: hoe schrijf je een uitnodiging of folder voor mensen die moeite
              hebben met lezen?
            - Een checklist voor toegankelijke informatie, waarmee je je eigen teksten kunt testen.
            - Kennis over gezondheidsvaardigheden en wat die betekenen voor een spreekuur of een voorlichting.
            - Programma's over gezondheid en migratie.

            ## Waarom het ertoe doet

            In Rivierenland heeft naar schatting een op de zes volwassenen moeite met lezen of rekenen. Onze eerste folders voor
            de buurtkamers waren veel te moeilijk. Na het advies van Pharos herschreven we ze samen met inwoners, en daarna ging
            de opkomst omhoog.
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "reference",
        title: "Vilans: samenwerken rond kwetsbare ouderen in de wijk",
        themes: "ouderen, wijkgericht werken, samenwerking",
        phase: "develop_and_grow",
        sectors: &["care_provider", "welfare", "primary_care"],
        age: 23,
        links: &["https://www.vilans.nl"],
        body: r#"
            **Vilans**, het kenniscentrum voor de langdurige zorg, publiceert veel over de samenwerking tussen huisarts,
            wijkverpleging en welzijn rond ouderen die thuis wonen.

            ## Wat je er vindt

            - Praktijkvoorbeelden van wijkteams waarin zorg en welzijn samenwerken.
            - Handreikingen voor **multidisciplinair overleg** over kwetsbare ouderen: wie zit aan tafel, hoe vaak, en wat leg
              je vast?
            - Materiaal over samen beslissen met cliënten en hun naasten.
            - Kennis over technologie in de zorg thuis, zoals beeldbellen en sensoren.

            ## Hoe wij het gebruikten

            Bij de start van de werkgroep Samen Oud Worden lazen we de handreiking over wijkgerichte samenwerking. Twee dingen
            namen we over: een vast overlegritme met de huisartsen en een gedeelde **sociale kaart** per kern. Het overleg loopt
            inmiddels in drie van de vijf gemeenten.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "reference",
        title: "MantelzorgNL: overbelasting van mantelzorgers herkennen",
        themes: "mantelzorg, preventie",
        phase: "build_up",
        sectors: &["welfare", "primary_care"],
        age: 31,
        links: &["https://www.mantelzorg.nl"],
        body: r#"
            **MantelzorgNL** is de landelijke vereniging voor mantelzorgers. Op de website staat veel materiaal voor
            professionals die mantelzorgers willen ondersteunen.

            ## Nuttig voor netwerken

            - Informatie over het **herkennen van overbelasting**: welke signalen zien huisartsen, wijkverpleegkundigen en
              docenten?
            - Materiaal over jonge mantelzorgers, een groep die vaak onzichtbaar blijft.
            - Overzichten van respijtzorg en hoe je die regelt.
            - De Dag van de Mantelzorg, elk jaar op 10 november.

            ## Onze ervaring

            We gebruikten het materiaal over signalen bij een scholing voor praktijkondersteuners. Eén praktijkondersteuner zei
            na afloop: "Ik zag altijd de patiënt, nu zie ik ook wie er naast hem zit." Sinds die scholing verwijzen de
            huisartsenpraktijken vaker door naar de mantelzorgconsulenten van Welzijn Rivierenland.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "reference",
        title: "Kenniscentrum Sport & Bewegen: de beweegrichtlijnen uitgelegd",
        themes: "bewegen, preventie",
        phase: "develop_and_grow",
        sectors: &["public_health", "welfare", "education"],
        age: 15,
        links: &["https://www.kenniscentrumsportenbewegen.nl"],
        body: r#"
            Hoeveel moet je bewegen om gezond te blijven? De **beweegrichtlijnen** van de Gezondheidsraad geven het antwoord.
            Het Kenniscentrum Sport & Bewegen legt ze uit en maakt ze bruikbaar.

            ## De richtlijnen in het kort

            - **Volwassenen**: minstens 150 minuten per week matig intensief bewegen, verspreid over verschillende dagen, en twee
              keer per week spier- en botversterkende activiteiten.
            - **Kinderen**: elke dag minstens een uur matig intensief bewegen.
            - **Ouderen**: daarbij ook balansoefeningen.
            - Voor iedereen: **voorkom lang stilzitten**.

            ## Waarvoor wij het gebruiken

            De buurtsportcoaches gebruiken de factsheets bij voorlichting op scholen en in buurtkamers. Daar brengen
            we vooral de boodschap over dat elke beweging telt: ook een wandeling van tien minuten is beter dan niets.

            Op de website vind je ook per gemeente hoeveel mensen aan de richtlijnen voldoen. Handig voor een projectplan of een
            subsidieaanvraag.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "reference",
        shared: true,
        title: "WHO: social isolation and loneliness among older people",
        themes: "eenzaamheid, ouderen",
        phase: "build_up",
        sectors: &["public_health", "welfare"],
        age: 25,
        links: &["https://www.who.int/publications/i/item/9789240030749"],
        body: r#"
            The World Health Organization published an **advocacy brief on social isolation and loneliness among older
            people** as part of the UN Decade of Healthy Ageing. It is short and readable, and we used it to put loneliness on
            the agenda of our steering group.

            ## Key messages

            - Social isolation and loneliness are **widespread** and seriously affect older people's physical and mental health.
            - Effective interventions exist at three levels: **individual** (one-to-one and group activities), **community**
              (age-friendly places, transport) and **society** (laws and policies).
            - Approaches work best when older people help design them.

            ## Why it is useful for Dutch networks

            The brief gives an international frame for what Dutch partners already do. Aldermen and board members tend to take
            the subject more seriously when they see it is a global public health priority. We quoted it in the introduction of
            our plan for the community living rooms (buurtkamers).
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "reference",
        title: "The King's Fund: a vision for population health",
        themes: "samenwerking, bestuur",
        phase: "build_up",
        sectors: &["municipality", "insurer", "care_provider"],
        age: 33,
        links: &["https://www.kingsfund.org.uk/publications/vision-population-health"],
        body: r#"
            The King's Fund, an independent think tank on health and care in England, describes a **framework for population
            health** built on four pillars. We found it helpful when we explained to our partners why a network is needed at
            all.

            ## The four pillars

            1. **The wider determinants of health**: income, housing, education, work.
            2. **Our behaviours and lifestyles**.
            3. **The places and communities we live in**.
            4. **An integrated health and care system**.

            The report argues that lasting improvement only comes when all four are addressed together, by partners who share
            responsibility for the people living in a place.

            ## What we took from it

            - The pillars make a good checklist of the partners a network needs. Our network started with health and care, and
              only later invited the housing corporation and the debt advisers.
            - The English examples of place-based partnerships are comparable to Dutch regional networks, even though the money
              flows differently.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "reference",
        title: "OECD: a new benchmark for mental health systems",
        themes: "mentale gezondheid",
        phase: "develop_and_grow",
        sectors: &["care_provider", "public_health"],
        age: 13,
        links: &["https://www.oecd.org/en/publications/a-new-benchmark-for-mental-health-systems_4ed890f6-en.html"],
        body: r#"
            The OECD report **A New Benchmark for Mental Health Systems** compares how countries organise mental health care and
            support. It was our starting point for the discussion about the waiting list for mental health care in our region.

            ## What it says

            - Mental ill health is common: around **one in two people** will have a mental health problem at some point in
              their life.
            - Many countries struggle with long waiting times and fragmented services.
            - The report recommends building mental health support into primary care, schools and workplaces, rather than
              relying on specialist care alone.

            ## How we used it

            The recommendations on **primary care** supported our pilot with practice nurses who help people while they wait
            for treatment. The figures on young people helped us convince the youth workers to join. The report is long; the
            first chapters are the most relevant for regional networks.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "reference",
        title: "NICE guideline: preventing falls in older people",
        themes: "ouderen, preventie",
        phase: "build_up",
        sectors: &["care_provider", "primary_care"],
        age: 3,
        targets: &[Project("Valpreventie thuis")],
        links: &["https://www.nice.org.uk/guidance/ng249"],
        body: r#"
            The National Institute for Health and Care Excellence (NICE) in England publishes clinical guidelines. Its guideline
            on **assessing and preventing falls in older people** was our main source when we designed the home visits of
            Valpreventie thuis.

            ## Main recommendations

            - Ask older people about falls whenever they see a health or care professional, and assess those at risk.
            - Offer a **multifactorial assessment**: strength and balance, medication, eyesight, the home, fear of falling.
            - Offer **strength and balance exercise programmes** that are proven to work, led by trained staff.
            - Check the home for hazards and make changes together with the person.

            ## Dutch equivalents

            The Dutch guideline for GPs and the fall prevention material of VeiligheidNL say much the same. We used the NICE
            guideline because it explains clearly why a combination of measures works better than any single one.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "reference",
        title: "Positieve Gezondheid: het spinnenweb als gespreksinstrument",
        themes: "preventie, mentale gezondheid",
        phase: "build_up",
        sectors: &["primary_care", "welfare", "municipality"],
        age: 37,
        links: &["https://www.iph.nl"],
        body: r#"
            **Positieve Gezondheid** is een manier van kijken naar gezondheid die Machteld Huber ontwikkelde. Gezondheid is daarin
            het vermogen om je aan te passen en zelf de regie te voeren, niet de afwezigheid van ziekte. Het Institute for
            Positive Health (iPH) verspreidt het gedachtegoed en de bijbehorende instrumenten.

            ## Het spinnenweb

            Het bekendste instrument is het **spinnenweb** met zes dimensies:

            - lichaamsfuncties
            - mentaal welbevinden
            - zingeving
            - kwaliteit van leven
            - meedoen
            - dagelijks functioneren

            Inwoners geven zichzelf op elke dimensie een cijfer. Daarna volgt het gesprek: wat zou je willen veranderen, en wat
            heb je daarvoor nodig?

            ## In ons netwerk

            Huisartsen en welzijnswerkers in Uiterwaard gebruiken het spinnenweb sinds twee jaar. Het helpt om het gesprek te
            openen over wat er naast de klacht speelt, bijvoorbeeld eenzaamheid of geldzorgen. Wel is een training nodig; zonder
            training wordt het al snel een vragenlijst.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "reference",
        title: "Gezond en Actief Leven Akkoord: geld voor preventie in de regio",
        themes: "financiering, preventie",
        phase: "sustainable_impact",
        sectors: &["municipality", "public_health", "insurer"],
        age: 17,
        links: &["https://www.rijksoverheid.nl/onderwerpen/gezondheidsbeleid"],
        body: r#"
            In het **Gezond en Actief Leven Akkoord** (GALA) maakten het Rijk, gemeenten, GGD'en en zorgverzekeraars afspraken
            over preventie en gezondheid in de wijk. Voor netwerken zoals het onze is vooral de financiering interessant.

            ## Wat het akkoord regelt

            - Gemeenten krijgen een **specifieke uitkering** om een lokale of regionale aanpak voor gezondheid en preventie uit
              te voeren.
            - Thema's zijn onder meer **bewegen**, **gezond gewicht**, mentale gezondheid, eenzaamheid en middelengebruik.
            - Gemeenten werken daarbij samen met zorgverzekeraars, de GGD en zorg- en welzijnspartners.

            ## Wat het voor ons netwerk betekende

            De vijf gemeenten van Rivierenland schreven samen één plan. De projecten van onze werkgroepen vormden daarvan de
            kern. Daardoor konden de buurtkamers en de Gezonde School doorgaan op een moment dat andere subsidies stopten.

            ## Let op

            De uitkering is tijdelijk. Gebruik de looptijd om te regelen wat er daarna gebeurt; zie ook het stappenplan van pilot
            naar structurele financiering.
        "#,
        ..BASE
    },
    // ---- Gezond Rivierenland: articles
    Item {
        by: "coordinator",
        kind: "article",
        title: "Buurtkamers en ontmoetingsplekken: twee projecten, één doel",
        themes: "eenzaamheid, samenwerking",
        phase: "develop_and_grow",
        sectors: &["welfare", "care_provider"],
        age: 6,
        targets: &[Project("Buurtkamers tegen eenzaamheid"), Project("Ontmoetingsplekken voor ouderen in de wijk")],
        body: r#"
            In de portefeuille van ons netwerk staan twee projecten die sterk op elkaar lijken: de buurtkamers van Welzijn
            Rivierenland en de ontmoetingsplekken voor ouderen van de thuiszorg. Allebei willen ze eenzaamheid onder ouderen
            verminderen, allebei in de wijk.

            ## Hoe kon dit gebeuren?

            De ontmoetingsplekken kregen geld van een fonds terwijl de buurtkamers al liepen. De aanvraag ging buiten het netwerk
            om, en in de werkgroep Samen Oud Worden viel het pas op toen de eerste plek openging, twee straten van een buurtkamer.

            ## Wat we nu afspreken

            - **Nieuwe projecten melden we eerst in de werkgroep**, ook als het geld van buiten komt.
            - De twee projectleiders maken samen een kaart van alle plekken en verdelen de wijken.
            - Bij de evaluatie kijken we naar het geheel, niet per project.

            ## Waarom dit ertoe doet

            Partners en fondsen raken het overzicht kwijt als er te veel projecten naast elkaar lopen. Inwoners merken er weinig
            van, maar het kost ons dubbele uren en het maakt structurele financiering lastiger: een gemeente betaalt niet twee
            keer voor hetzelfde.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "article",
        title: "Wat de najaarsscan zegt over de organisatie van ons netwerk",
        themes: "evaluatie, bestuur",
        phase: "develop_and_grow",
        sectors: &["municipality", "welfare", "public_health"],
        targets: &[Round("Samenwerkingsscan najaar")],
        body: r#"
            De uitkomsten van de samenwerkingsscan van dit najaar zijn binnen. Het beeld is gemengd, en juist daardoor nuttig.

            ## Wat beter gaat

            - De **ambitie** scoort nog hoger dan in het voorjaar.
            - Het **proces** gaat vooruit: partners weten beter waar ze aan toe zijn na een overleg.

            ## Waar het wringt

            De **organisatie van het netwerk** scoort lager dan een halfjaar geleden. Het verschil tussen sectoren is groot: de
            gemeenten zijn tevreden, de welzijnspartners niet. In de open antwoorden lezen we waarom: te volle overleggen,
            verslagen die laat komen en te weinig uren om mee te doen.

            ## Wat we voorstellen

            1. Het verslag komt binnen een week, met een actielijst bovenaan.
            2. De werkgroepen krijgen een eigen budget voor kleine initiatieven.
            3. We vragen de welzijnspartners in een apart gesprek wat zij nodig hebben om mee te kunnen doen.

            De regiegroep bespreekt deze voorstellen in de volgende vergadering.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "article",
        title: "Het Integraal Zorgakkoord en ons netwerk",
        themes: "bestuur, financiering, samenwerking",
        phase: "develop_and_grow",
        sectors: &["municipality", "insurer", "care_provider"],
        age: 20,
        links: &["https://www.rijksoverheid.nl/onderwerpen/kwaliteit-van-de-zorg/integraal-zorgakkoord"],
        body: r#"
            Sinds het **Integraal Zorgakkoord** (IZA) maken zorgverzekeraars, zorgaanbieders en gemeenten per regio een
            regiobeeld en een werkagenda. Wat betekent dat voor een netwerk als Gezond Rivierenland?

            ## Het regiobeeld

            Het regiobeeld beschrijft de gezondheid en de zorgvraag van de inwoners en de verwachte ontwikkelingen. Voor onze
            regio staan daarin onder meer de vergrijzing in de kleine kernen en de wachttijden in de ggz.

            ## Kansen

            - Onze doelen sluiten aan bij de werkagenda. Dat maakt het makkelijker om geld te vinden, bijvoorbeeld via de
              transformatiemiddelen.
            - De zorgverzekeraar zit al bij ons aan tafel. We hoeven geen nieuw overleg op te zetten.

            ## Risico's

            - Er ontstaan **nieuwe overlegtafels** naast de bestaande. Partners zitten dan twee keer over hetzelfde onderwerp bij
              elkaar.
            - De zorg krijgt het zwaartepunt, terwijl veel van onze doelen in het sociaal domein liggen.

            ## Ons voorstel

            De regiegroep stelt voor de IZA-werkagenda en het jaarplan van het netwerk op elkaar af te stemmen, en ze één keer per
            jaar in een gezamenlijke vergadering te bespreken.
        "#,
        ..BASE
    },
    Item {
        by: "steering",
        kind: "article",
        title: "Waarom ons netwerk een kwartiermaker nodig had",
        themes: "bestuur, samenwerking",
        phase: "build_up",
        sectors: &["municipality"],
        age: 42,
        body: r#"
            Toen Gezond Rivierenland begon, dachten we dat de partners het werk samen wel zouden verdelen. Dat bleek een
            misverstand. Een terugblik van een lid van de regiegroep.

            ## Het eerste halfjaar

            Iedereen was enthousiast, maar niemand had er uren voor. Verslagen kwamen niet, afspraken werden niet nagekomen, en
            na drie vergaderingen kwam de helft van de partners niet meer.

            ## De kwartiermaker

            De gemeente Rivierstad stelde een **kwartiermaker** aan, twee dagen per week, voor een jaar. Haar opdracht:

            - met alle partners in gesprek over hun belangen;
            - een voorstel voor het gezamenlijke doel en de werkgroepen;
            - de vergaderingen voorbereiden en bewaken wat er wordt afgesproken.

            ## Wat het opleverde

            Na een jaar lag er een samenwerkingsovereenkomst en waren drie werkgroepen actief. De kwartiermaker werd daarna
            netwerkcoördinator.

            ## De les

            **Samenwerken kost tijd, en die tijd moet iemand betaald krijgen.** Reken de uren voor coördinatie vanaf het begin mee
            in de begroting.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "article",
        title: "Financieren zonder projectencarrousel",
        themes: "financiering, bestuur",
        phase: "sustainable_impact",
        sectors: &["municipality", "insurer", "welfare"],
        age: 4,
        body: r#"
            Elk jaar weer nieuwe subsidies, nieuwe projecten en nieuwe verantwoordingen: in veel netwerken draait de
            projectencarrousel op volle toeren. In Rivierenland proberen we eruit te stappen. Een stand van zaken.

            ## Het probleem

            Toen we vorig jaar de portefeuille doorliepen, telden we tien projecten met samen zes financiers. Twee projecten
            deden bijna hetzelfde. Drie projecten hadden geen plan voor na de subsidie. Eén project was al gestopt zonder dat de
            regiegroep het wist.

            ## Wat we veranderen

            - **Eén overzicht** van alle projecten en geldstromen, bijgehouden door de coördinator.
            - Geen nieuwe aanvraag zonder bespreking in de werkgroep.
            - Bij elk project vanaf de start een **borgingsplan**: wie betaalt als het werkt?
            - De gemeenten reserveren een vast budget voor wat bewezen werkt, in plaats van alles elk jaar opnieuw te financieren.

            ## Wat het vraagt

            Partners moeten accepteren dat niet elk idee een project wordt. Dat is soms lastig, want een eigen project geeft
            zichtbaarheid. Maar de gemeenten en de zorgverzekeraar zeggen nu al dat ze liever samen minder projecten financieren
            die blijven, dan veel projecten die verdwijnen.
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "article",
        title: "Wijkgericht werken: wat bedoelen we met de wijk?",
        themes: "wijkgericht werken",
        phase: "build_up",
        sectors: &["welfare", "municipality", "care_provider"],
        age: 30,
        body: r#"
            Iedereen in ons netwerk wil wijkgericht werken. Maar toen we de partners vroegen wat "de wijk" is, kregen we vijf
            verschillende antwoorden.

            ## Verschillende indelingen

            - De **gemeente** denkt in wijken en kernen volgens de gemeentelijke indeling.
            - De **thuiszorg** werkt met wijkteams die een postcodegebied bedienen.
            - **Huisartsen** hebben patiënten uit de hele gemeente, soms daarbuiten.
            - De **woningcorporatie** werkt per complex.
            - **Inwoners** zelf hebben het over hun straat, hun dorp of hun school.

            ## Waarom dat uitmaakt

            Als elke partner een andere indeling gebruikt, passen de cijfers niet op elkaar en weet niemand wie de buurtkamer in
            een bepaalde straat zou moeten kennen.

            ## Wat we afspraken

            We gebruiken in het netwerk de **indeling van de wijkteams** als gemeenschappelijke basis. Partners vertalen hun eigen
            gegevens daarnaar, en de GGD levert de cijfers van de gezondheidsmonitor per wijkteamgebied. Het is niet perfect, maar
            voor het eerst kijken we naar dezelfde kaart.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "article",
        title: "Inwoners aan tafel: zo betrek je ervaringsdeskundigen",
        themes: "samenwerking, evaluatie",
        phase: "develop_and_grow",
        sectors: &["citizen_initiative", "welfare"],
        age: 16,
        body: r#"
            Bij de evaluatie van de werkgroepen zei een partner: "Ik mis de inwoners aan tafel." Dat klopte. Sinds een jaar zitten er in
            elke werkgroep twee ervaringsdeskundigen. Wat we leerden over hoe je dat goed doet.

            ## Wie vraag je?

            - Inwoners die **zelf ervaring** hebben met het onderwerp: mantelzorgers, mensen die schulden hadden, ouders van
              jonge kinderen.
            - Niet alleen de mensen die altijd al meepraten. Vraag partners wie ze kennen uit hun werk.

            ## Hoe maak je het mogelijk?

            - Vergader op een tijd en plek die voor inwoners haalbaar is.
            - Geef een **vrijwilligersvergoeding** en vergoed de reiskosten.
            - Spreek vooraf af wat er met hun inbreng gebeurt.
            - Zorg voor een vast aanspreekpunt dat de stukken vooraf met hen doorneemt.

            ## Wat het oplevert

            De werkgroep Bestaanszekerheid schrapte na een gesprek met twee ervaringsdeskundigen een complete folder. "Niemand
            leest dit," zeiden ze. Ze hadden gelijk, en het scheelde ons drukkosten en een hoop werk.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "article",
        title: "Mentale gezondheid van jongeren: wat huisartsen zien",
        themes: "mentale gezondheid, jeugd",
        phase: "develop_and_grow",
        sectors: &["primary_care", "education", "care_provider"],
        age: 10,
        body: r#"
            Huisartsen in Rivierenland zien steeds meer jongeren met somberheid, angst en stress. Een praktijkondersteuner jeugd
            vertelt wat ze ziet en wat het netwerk kan doen.

            ## Wat we zien

            - Jongeren tussen 15 en 20 komen met **slaapproblemen, prestatiedruk en eenzaamheid**.
            - Veel van hen hebben geen behandeling nodig, maar wel iemand om mee te praten.
            - De wachtlijst voor de jeugd-ggz is lang, en wie wacht, raakt vaak verder achter op school.

            ## Wat helpt

            - Een praktijkondersteuner jeugd in de huisartsenpraktijk, die laagdrempelig gesprekken voert.
            - **Samenwerking met school**: een mentor die weet waar een leerling terechtkan.
            - Groepsaanbod over stress en slaap, bijvoorbeeld op het ROC.

            ## Wat het netwerk kan doen

            - Het jongerenwerk, de scholen en de huisartsen aan één tafel brengen in de werkgroep Gezond Opgroeien.
            - Zorgen dat de overbruggingszorg bij de ggz-wachtlijst ook voor jongeren werkt. Nu haken ze af.
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "article",
        title: "Beeldbellen in de thuiszorg: digitale zorg voor ouderen",
        themes: "digitale zorg, ouderen",
        phase: "develop_and_grow",
        sectors: &["care_provider"],
        age: 6,
        body: r#"
            Sinds anderhalf jaar gebruikt de thuiszorg in Rivierenland beeldbellen voor een deel van de contacten met cliënten.
            Een wijkverpleegkundige beschrijft hoe dat gaat.

            ## Waar het goed werkt

            - **Korte controles**, bijvoorbeeld of iemand zijn medicijnen heeft ingenomen.
            - Contact met mantelzorgers die ver weg wonen.
            - 's Avonds een kort gesprek met iemand die zich alleen voelt.

            ## Waar het niet werkt

            - Wondzorg en alles waarvoor je iemand moet aanraken.
            - Cliënten met geheugenproblemen: zij raken in de war van een gezicht op een scherm.
            - Mensen zonder goede internetverbinding, vooral in de kleine kernen.

            ## Wat we leerden

            Digitale zorg is geen vervanging, maar een aanvulling. De tijd die we besparen op reizen, gebruiken we voor langere
            bezoeken bij wie het nodig heeft. En: **oefen samen**. De eerste keer beeldbellen doen we altijd samen met de cliënt,
            thuis, met een vrijwilliger van het digitale spreekuur van de bibliotheek.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "article",
        shared: true,
        title: "Energie in een netwerk: signalen dat het wegzakt",
        themes: "samenwerking, bestuur, evaluatie",
        phase: "develop_and_grow",
        sectors: &["municipality", "welfare"],
        age: 2,
        body: r#"
            Elk netwerk kent periodes waarin de energie wegzakt. Het lastige is dat je het vaak pas merkt als het al laat is. Op
            basis van onze eigen ervaring in Rivierenland zetten we de signalen op een rij.

            ## Signalen

            - De voorzitter vraagt aan het begin van het overleg: **"Heeft iemand nog iets voor de agenda?"** En niemand zegt iets.
            - Alleen de coördinator brengt nog onderwerpen in.
            - De opkomst loopt terug, eerst bij de kleinere partners.
            - Acties blijven openstaan en schuiven van overleg naar overleg.
            - Partners reageren tussen de vergaderingen door niet meer op mails.

            ## Wat je kunt doen

            1. **Benoem het.** Bespreek in de regiegroep wat je ziet, zonder iemand de schuld te geven.
            2. **Vraag partners wat hen drijft.** Zijn hun belangen veranderd?
            3. **Geef een nieuwe impuls**, bijvoorbeeld een werkbezoek of een bijeenkomst met inwoners.
            4. Of kies bewust voor **een stap terug**: minder vaak vergaderen, of een werkgroep opheffen die haar werk heeft
               gedaan.

            Verband laat een deel van deze signalen zien in het vitaliteitspaneel. Gebruik ze als aanleiding voor het gesprek,
            niet als oordeel.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "article",
        title: "Samenwerkingen met zorgverzekeraars: wat je kunt verwachten",
        themes: "financiering, samenwerking",
        phase: "sustainable_impact",
        sectors: &["insurer", "municipality"],
        age: 12,
        body: r#"
            Zorgverzekeraars zijn voor veel netwerken een gewilde partner: ze hebben geld en ze hebben er belang bij dat
            inwoners gezond blijven. Toch lopen samenwerkingen met verzekeraars vaak anders dan verwacht. Wat wij leerden in de
            gesprekken met De Zorgkring.

            ## Wat een zorgverzekeraar wil

            - **Bewijs** dat een aanpak werkt, liefst met cijfers over zorgkosten.
            - Aansluiting bij de eigen regiovisie en het Integraal Zorgakkoord.
            - Een aanpak die je kunt **opschalen** naar andere regio's.

            ## Wat je kunt verwachten

            - Meestal geen structurele financiering van welzijnswerk, wel bijdragen aan preventie die aan de zorg raakt, zoals
              valpreventie of leefstijlprogramma's.
            - Een lange aanloop: reken op een jaar tussen het eerste gesprek en het eerste geld.
            - Wisselende contactpersonen. Leg afspraken daarom altijd vast.

            ## Onze tip

            Nodig de zorginkoper niet alleen uit voor gesprekken over geld. Wie een keer meeloopt, bijvoorbeeld met een huisbezoek
            van Vroeg Eropaf, begrijpt het werk veel beter.
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "article",
        title: "Evalueren zonder onderzoeksbureau",
        themes: "evaluatie",
        phase: "develop_and_grow",
        sectors: &["welfare", "municipality", "knowledge_institute"],
        age: 22,
        body: r#"
            Niet elk project heeft geld voor een extern onderzoek. Toch wil je weten of het werkt. Met deze aanpak evalueer je
            zelf, in een paar dagdelen.

            ## 1. Kies twee of drie vragen

            Niet "werkt het?", maar bijvoorbeeld: bereiken we de inwoners voor wie het bedoeld is? Wat merken zij ervan? Wat kost
            het per deelnemer?

            ## 2. Verzamel wat er al is

            Aanmeldingen, presentielijsten, uren, uitgaven. Vaak heb je meer gegevens dan je denkt.

            ## 3. Praat met deelnemers

            Vijf gesprekken van een halfuur leveren meer op dan een vragenlijst die niemand terugstuurt. Vraag een stagiair van
            de hogeschool om te helpen.

            ## 4. Bespreek het samen

            Organiseer een **reflectiebijeenkomst** met uitvoerders, partners en een paar deelnemers. Wat herkennen ze? Wat
            verbaast hen?

            ## 5. Schrijf het kort op

            Twee pagina's: wat we wilden, wat we deden, wat we zagen en wat we anders gaan doen. Deel het in het kennislab, ook
            als de uitkomst tegenvalt. Daar leren andere netwerken het meest van.
        "#,
        ..BASE
    },
    // ---- Gezond Rivierenland: open questions
    Item {
        by: "member",
        kind: "question",
        title: "Hoe houden jullie vrijwilligers vast na het eerste jaar?",
        themes: "bewegen, wijkgericht werken",
        phase: "develop_and_grow",
        sectors: &["welfare", "citizen_initiative"],
        age: 1,
        body: r#"
            Bij de Formulierenbrigade en de buurtkamers zien we hetzelfde: vrijwilligers beginnen enthousiast, maar na een jaar
            stopt ongeveer een derde. Vaak zonder duidelijke reden.

            ## Wat we al doen

            - Een kennismakingsgesprek en een korte training.
            - Twee keer per jaar een bijeenkomst voor alle vrijwilligers.
            - Een kleine attentie rond de feestdagen.

            ## Onze vraag

            **Wat doen jullie om vrijwilligers langer te binden?** We zijn vooral benieuwd:

            - hoe je omgaat met vrijwilligers die zich overvraagd voelen;
            - of een vaste begeleider per vrijwilliger verschil maakt;
            - of een vrijwilligersvergoeding helpt, of juist niet.

            Reageer hieronder of bel de coördinator vrijwilligers van Welzijn Rivierenland.
        "#,
        ..BASE
    },
    Item {
        by: "coordinator",
        kind: "question",
        title: "Wie heeft ervaring met een gedeelde privacyverklaring tussen gemeente en huisartsen?",
        themes: "digitale zorg, samenwerking",
        phase: "develop_and_grow",
        sectors: &["municipality", "primary_care"],
        age: 9,
        body: r#"
            Voor Vroeg Eropaf en het wijkteamoverleg met huisartsen willen we gegevens over inwoners uitwisselen, **alleen met
            hun toestemming**. Toch lopen we steeds vast op de vraag wie wat mag weten.

            ## Waar we tegenaan lopen

            - De gemeente en de huisartsen hebben elk een eigen functionaris gegevensbescherming, met een eigen uitleg van de AVG.
            - Het toestemmingsformulier dat we nu gebruiken, is drie pagina's lang. Inwoners tekenen het zonder het te lezen.
            - Het is niet duidelijk hoe lang we gegevens mogen bewaren.

            ## Onze vraag

            Heeft een ander netwerk een **gezamenlijke privacyverklaring** of een convenant gegevensdeling tussen gemeente,
            huisartsen en welzijn? Hoe zijn jullie het eens geworden, en wie heeft het getekend?
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "question",
        title: "Hoe meten jullie eenzaamheid zonder inwoners te belasten?",
        themes: "eenzaamheid, evaluatie",
        phase: "develop_and_grow",
        sectors: &["welfare", "public_health"],
        body: r#"
            Voor de evaluatie van de buurtkamers willen we weten of bezoekers zich na een jaar minder eenzaam voelen. Maar een
            vragenlijst bij de koffie voelt ongemakkelijk, en juist de mensen om wie het gaat, vullen hem het minst vaak in.

            ## Wat we overwegen

            - De gesprekskaart eenzaamheid, afgenomen door vaste vrijwilligers.
            - Alleen tellen: hoeveel bezoekers komen terug, en met hoeveel anderen hebben ze contact buiten de buurtkamer?
            - Verhalen verzamelen van tien bezoekers, aan het begin en na een jaar.

            ## Onze vraag

            Welke aanpak werkt bij jullie? En hoe ga je ermee om dat **eenzaam** een woord is dat veel mensen liever niet over
            zichzelf gebruiken?
        "#,
        ..BASE
    },
    Item {
        by: "steering",
        kind: "question",
        title: "Welke zorgverzekeraar financiert valpreventie als groepsaanbod?",
        themes: "financiering, ouderen, preventie",
        phase: "sustainable_impact",
        sectors: &["insurer", "care_provider"],
        age: 2,
        targets: &[Project("Valpreventie thuis")],
        body: r#"
            De pilot Valpreventie thuis begint net, maar we willen nu al weten hoe we de oefengroepen na de pilot kunnen
            financieren.

            ## Wat we weten

            - Valpreventie staat in het Integraal Zorgakkoord als onderwerp waarop zorgverzekeraars en gemeenten samen kunnen
              optrekken.
            - Sommige verzekeraars vergoeden erkende valpreventieprogramma's uit de aanvullende verzekering, maar veel ouderen
              hebben die niet.
            - Er zijn regio's waar gemeente en verzekeraar samen een groepsaanbod inkopen.

            ## Onze vraag

            Wie heeft ervaring met het **samen financieren** van valpreventie in groepen door gemeente en zorgverzekeraar? Hoe
            hebben jullie de kosten verdeeld, en welke cijfers wilde de verzekeraar zien?
        "#,
        ..BASE
    },
    Item {
        by: "member",
        kind: "question",
        title: "Hoe krijg je het onderwijs structureel aan tafel?",
        themes: "jeugd, samenwerking",
        phase: "develop_and_grow",
        sectors: &["education"],
        age: 13,
        body: r#"
            In de werkgroep Gezond Opgroeien is het ROC een trouwe partner, maar de basisscholen en het voortgezet onderwijs
            komen zelden. Dat is begrijpelijk: leraren staan overdag voor de klas, en schoolleiders zitten al aan veel tafels.

            ## Wat we probeerden

            - Vergaderen na schooltijd, op een school.
            - Een bestuurder van een schoolbestuur uitnodigen voor de regiegroep.
            - Onderwerpen kiezen die voor scholen dringend zijn, zoals schoolverzuim.

            Het hielp een beetje, maar de opkomst blijft wisselend.

            ## Onze vraag

            Hoe zorgen jullie ervoor dat het onderwijs **meedoet als volwaardige partner**? Werkt het beter via het
            samenwerkingsverband passend onderwijs, via de schoolbesturen of via individuele scholen?
        "#,
        ..BASE
    },
    Item {
        by: "advisor",
        kind: "question",
        title: "Looking for an English summary of the Dutch social support system",
        themes: "samenwerking, bestuur",
        phase: "develop_and_grow",
        sectors: &["knowledge_institute", "municipality"],
        age: 7,
        body: r#"
            Our network takes part in a European exchange with partners in Belgium, Germany and Denmark. They ask how Dutch
            municipalities, GPs and welfare organisations work together, and why the municipality pays for some care and the
            health insurer for other care.

            ## What we are looking for

            A short, readable **English summary** of:

            - the Social Support Act (Wmo) and the Youth Act (Jeugdwet);
            - the Health Insurance Act (Zvw) and the Long-term Care Act (Wlz);
            - how district nurses and neighbourhood teams fit in.

            ## What we found so far

            The European Observatory on Health Systems and Policies has a detailed country review of the Netherlands, but it is
            a long read. Does anyone know a shorter text, or a presentation another network has used with visitors from abroad?
        "#,
        ..BASE
    },
    // ---- Kansrijk Opgroeien Lingedal
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "experience",
        title: "Wat we leerden van de pilot Sportief naar school",
        themes: "bewegen, jeugd",
        phase: "build_up",
        sectors: &["education", "welfare"],
        age: 3,
        targets: &[Project("Sportief naar school")],
        body: r#"
            Een halfjaar lang fietsten en liepen kinderen van drie basisscholen in Lingestein samen naar school, en begonnen ze
            de dag met tien minuten bewegingsspel. Wat we ervan leerden.

            ## Wat we probeerden

            - **Loopbussen en fietsgroepjes** onder begeleiding van ouders en vrijwilligers van de sportclub.
            - Elke ochtend tien minuten bewegen in de klas, met filmpjes die de buurtsportcoach maakte.
            - Een spaarkaart: wie twintig keer op eigen kracht naar school kwam, kreeg een gratis sportles.

            ## Wat er gebeurde

            - Op de twee scholen in de kern deed bijna de helft van de kinderen mee. Op de school aan de rand van het dorp, waar
              veel kinderen met de auto worden gebracht, bijna niemand.
            - Leraren waren positief over het ochtendbewegen: kinderen waren daarna rustiger.
            - Begeleiders vinden was lastig. Veel ouders moeten vroeg naar hun werk.

            ## Wat we nu anders zouden doen

            - Eerst met de gemeente de schoolroutes veilig maken, dan pas ouders vragen hun kind te laten fietsen.
            - Leerlingen uit groep 8 als begeleider inzetten, met een kleine beloning.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "success",
        title: "Geen kind buitenspel: één contactpersoon per school",
        themes: "armoede en schulden, jeugd",
        phase: "develop_and_grow",
        sectors: &["citizen_initiative", "education", "municipality"],
        age: 5,
        targets: &[Project("Geen kind buitenspel")],
        body: r#"
            Ouders met weinig geld weten vaak niet dat ze een bijdrage kunnen krijgen voor sport, muziekles of een schoolreisje.
            En als ze het weten, schamen ze zich om het te vragen. Daarom heeft sinds dit schooljaar elke basisschool in het
            Lingedal **één vaste contactpersoon**.

            ## Hoe het werkt

            - De contactpersoon is een leerkracht of intern begeleider die de ouders kent.
            - Die kan zonder formulier een aanvraag doen bij Stichting Meedoen, namens het gezin.
            - De stichting betaalt de contributie of het lesgeld rechtstreeks aan de club of muziekschool.

            ## Het resultaat

            - In het eerste halfjaar kregen **142 kinderen** een bijdrage, drie keer zoveel als het jaar ervoor.
            - De meeste aanvragen gingen over zwemles en voetbal.
            - Geen enkele ouder hoefde een inkomensverklaring op te sturen; de stichting vertrouwt op het oordeel van de school.

            ## Wat het vraagt

            Een school moet iemand vrijmaken voor deze rol. De gemeenten Lingestein en Beesdijk vergoeden twee uur per week per
            school.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "advisor",
        kind: "experience",
        title: "Taalrijke peuterspeelzaal: als ouders meedoen, leren peuters meer",
        themes: "jeugd, preventie",
        phase: "build_up",
        sectors: &["education", "public_health"],
        age: 4,
        targets: &[Project("Taalrijke peuterspeelzaal")],
        body: r#"
            Peuters met een taalachterstand krijgen in Beesdijk extra uren op de opvang. Nieuw is dat hun ouders een deel van
            die uren meedoen. Een eerste terugblik.

            ## Wat we probeerden

            - Twee ochtenden per week extra voor peuters met een indicatie van het consultatiebureau.
            - Op één van die ochtenden doet een ouder **het eerste uur mee**: voorlezen, zingen, samen spelen.
            - Ouders krijgen boekjes mee naar huis, ook in hun eigen taal.

            ## Wat er gebeurde

            - Ouders die meededen, lazen thuis vaker voor. Dat vertelden ze zelf, en de pedagogisch medewerkers zagen het aan de
              kinderen.
            - Vaders kwamen bijna niet. Moeders met een baan ook niet.
            - De samenwerking met de jeugdgezondheidszorg van de GGD liep goed: de indicaties kwamen op tijd.

            ## Wat we nu anders zouden doen

            - Ook een moment op zaterdag aanbieden.
            - Ouders die al meededen, vragen om andere ouders uit te nodigen. Dat werkt beter dan een brief van de opvang.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "success",
        title: "Stage dichtbij: de eerste tien jongeren aan het werk",
        themes: "jeugd, armoede en schulden",
        phase: "build_up",
        sectors: &["business", "welfare", "municipality"],
        age: 2,
        targets: &[Project("Stage dichtbij")],
        body: r#"
            Jongeren zonder startkwalificatie hebben het moeilijk op de arbeidsmarkt. Met Stage dichtbij zoekt het jongerenwerk
            voor hen een stage bij een bedrijf in de eigen buurt. De eerste tien jongeren zijn begonnen.

            ## Hoe het werkt

            - Een jongerenwerker leert de jongere eerst goed kennen: wat kun je, wat wil je?
            - Daarna zoekt ze een bedrijf in Lingestein of Beesdijk: een garage, een bakkerij, een hovenier.
            - De jongere krijgt een **vaste begeleider** bij het bedrijf en houdt contact met de jongerenwerker.

            ## Wat het oplevert

            - Van de tien jongeren zijn er na drie maanden acht nog aan het werk.
            - Twee bedrijven willen hun stagiair een contract aanbieden.
            - Ondernemers waarderen dat er iemand is die ze kunnen bellen als het misgaat.

            ## Waarom het werkt

            Het bedrijf ligt om de hoek. Jongeren hoeven niet met twee bussen naar een bedrijventerrein. En de ondernemer kent
            vaak de familie.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "advisor",
        kind: "experience",
        title: "De kerngroep in het eerste jaar: van kennismaken naar werkafspraken",
        themes: "samenwerking, bestuur",
        phase: "build_up",
        sectors: &["municipality", "education", "public_health"],
        targets: &[Meeting("Kerngroep", 14)],
        body: r#"
            De kerngroep van Kansrijk Opgroeien komt ongeveer elke maand bij elkaar, met uitvoerders uit opvang, school,
            jeugdgezondheidszorg en jongerenwerk. Als netwerkadviseur keek ik terug op het eerste jaar.

            ## Wat we probeerden

            De kwartiermaker van de gemeente Lingestein zette de kerngroep op als plek om casussen te bespreken en elkaar te leren
            kennen. Er was geen vaste agenda; wie iets had, bracht het in.

            ## Wat er gebeurde

            - De eerste maanden waren waardevol. Een pedagogisch medewerker en een jeugdverpleegkundige ontdekten dat ze
              hetzelfde gezin zagen, zonder het van elkaar te weten.
            - Na een halfjaar liep de opkomst terug. Deelnemers vroegen zich af wat de kerngroep **opleverde**.
            - Besluiten werden uitgesteld, omdat niet duidelijk was wat de kerngroep mocht beslissen en wat de stuurgroep.

            ## Wat we nu anders zouden doen

            - Vanaf het begin opschrijven wat de kerngroep zelf beslist.
            - Elke bijeenkomst eindigen met één concrete afspraak.
            - Vaker terugkoppelen aan de stuurgroep: nu hoorden de wethouders pas na maanden waar de uitvoerders tegenaan liepen.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        kind: "tool",
        shared: true,
        title: "Format opdracht voor een kwartiermaker",
        themes: "bestuur, samenwerking",
        phase: "build_up",
        sectors: &["municipality"],
        age: 24,
        body: r#"
            Een kwartiermaker bouwt een netwerk op: zoekt partners, verkent belangen en zet de eerste afspraken op papier. Dit
            format gebruikte de gemeente Lingestein voor de opdracht van de kwartiermaker van Kansrijk Opgroeien.

            ## Onderdelen van de opdracht

            1. **Aanleiding**: waarom een netwerk, en waarom nu?
            2. **Het vraagstuk**: in één alinea, met de belangrijkste cijfers.
            3. **Resultaten na een jaar**: zie hieronder.
            4. **Mandaat**: wat mag de kwartiermaker zelf beslissen?
            5. **Opdrachtgever**, en de momenten waarop de kwartiermaker verantwoording aflegt.
            6. **Uren en budget**.

            ## Voorbeelden van resultaten

            - Een gedragen ambitie, vastgesteld door de betrokken bestuurders.
            - Een overzicht van partners en hun belangen.
            - Een voorstel voor de organisatie: wie beslist, wie voert uit?
            - Een samenwerkingsovereenkomst.

            ## Tips

            - Maak de opdracht **tijdelijk**. Na een jaar beslis je opnieuw, op basis van wat er staat.
            - Kies een opdrachtgever met gezag bij alle partners, niet alleen bij de eigen gemeente.
            - Geef de kwartiermaker tijd om te luisteren. De eerste drie maanden zijn vooral gesprekken.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "tool",
        title: "Checklist kinderarmoede: signalen op school en in de opvang",
        themes: "armoede en schulden, jeugd",
        phase: "build_up",
        sectors: &["education", "welfare"],
        age: 10,
        body: r#"
            Kinderen vertellen zelden dat er thuis weinig geld is. Leerkrachten en pedagogisch medewerkers zien het wel, als ze
            weten waar ze op moeten letten. Deze checklist maakten we samen met de intern begeleiders van Stichting Primair.

            ## Signalen

            - Een kind heeft vaak **niet ontbeten** of heeft geen lunch bij zich.
            - Kleding past niet of is niet geschikt voor het weer.
            - Het kind doet niet mee aan schoolreisjes, sport of verjaardagen.
            - Ouders reageren niet op brieven over de ouderbijdrage.
            - Het kind maakt zich zorgen over dingen waar kinderen normaal niet mee bezig zijn, zoals de boodschappen.

            ## Wat je kunt doen

            - Praat eerst met de ouders, op een rustig moment, en vraag hoe het gaat.
            - Wijs op **Geen kind buitenspel**: de contactpersoon op school kan zonder formulier een aanvraag doen.
            - Verwijs bij geldzorgen naar de schuldhulp van de gemeente of het spreekuur van het jongerenwerk.

            ## Let op

            Eén signaal zegt weinig. Het gaat om het patroon, en om het gesprek dat je erover voert.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        kind: "tool",
        shared: true,
        title: "Leeswijzer: de Gezondheidsmonitor Jeugd voor je eigen netwerk",
        themes: "evaluatie, jeugd",
        phase: "build_up",
        sectors: &["public_health", "municipality", "education"],
        age: 14,
        links: &["https://www.monitorgezondheid.nl"],
        body: r#"
            Om de paar jaar vullen leerlingen van het voortgezet onderwijs de **Gezondheidsmonitor Jeugd** van de GGD in. De
            uitkomsten zijn een goudmijn voor netwerken, maar de rapporten zijn dik. Met deze leeswijzer haal je er in een uur
            uit wat je nodig hebt.

            ## Stap 1: kies je vragen

            Begin bij de doelen van je netwerk. Voor Kansrijk Opgroeien zijn dat onder meer gezond gewicht, armoede en
            schoolverlaten. Zoek alleen de tabellen op die daarover gaan.

            ## Stap 2: vergelijk slim

            - Met de vorige meting: gaat het beter of slechter?
            - Met de regio en met heel Nederland.
            - Tussen groepen: jongens en meisjes, leeftijden, schoolniveaus.

            ## Stap 3: let op kleine aantallen

            In kleine gemeenten zijn de aantallen soms te laag voor harde uitspraken. De GGD geeft aan wanneer een verschil
            betekenisvol is.

            ## Stap 4: bespreek het

            Nodig de epidemioloog van de GGD uit in de kerngroep. Een uur uitleg voorkomt veel verkeerde conclusies.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        kind: "reference",
        shared: true,
        title: "Nederlands Jeugdinstituut: databank effectieve jeugdinterventies",
        themes: "jeugd, preventie",
        phase: "build_up",
        sectors: &["education", "public_health", "welfare"],
        age: 11,
        links: &["https://www.nji.nl/interventies"],
        body: r#"
            Het **Nederlands Jeugdinstituut** (NJi) houdt een databank bij van interventies voor jeugd en opvoeding. Een
            erkenningscommissie beoordeelt ze op onderbouwing en effect.

            ## Wat je er vindt

            - Programma's voor opvoedondersteuning, zoals oudercursussen en huisbezoekprogramma's.
            - Interventies voor school en opvang, bijvoorbeeld over pesten, sociale vaardigheden en taal.
            - Per interventie: doelgroep, aanpak, benodigde opleiding en kosten.
            - Een **erkenningsniveau**, van goed beschreven tot effectief.

            ## Waarvoor het handig is

            Gemeenten vragen steeds vaker om erkende interventies bij de inkoop van jeugdhulp en preventie. Voordat je een eigen
            programma bedenkt, loont het om te kijken of er al iets bestaat.

            Het NJi heeft daarnaast dossiers over onderwerpen als armoede en opgroeien, scheiding en mediaopvoeding. De kerngroep
            in het Lingedal gebruikte het dossier over armoede bij de opzet van Geen kind buitenspel.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "advisor",
        kind: "reference",
        title: "De JOGG-aanpak: samen werken aan gezond gewicht",
        themes: "gezond gewicht, jeugd, preventie",
        phase: "build_up",
        sectors: &["municipality", "public_health", "education"],
        age: 18,
        links: &["https://www.jogg.nl"],
        body: r#"
            De **JOGG-aanpak** (Jongeren Op Gezond Gewicht) helpt gemeenten om samen met scholen, sportclubs, zorg en bedrijven
            de omgeving van kinderen gezonder te maken. Ruim honderd gemeenten werken ermee.

            ## De kern

            - Niet het kind moet veranderen, maar de **omgeving**: school, sportclub, wijk en thuis.
            - Een lokale regisseur verbindt de partners.
            - De gezonde keuze wordt de makkelijke: water drinken, gezonde sportkantines, buitenspelen.
            - Gemeenten volgen het gewicht van kinderen via de jeugdgezondheidszorg.

            ## Voor het Lingedal

            Eén van onze doelen is gezond gewicht. De JOGG-aanpak past daar goed bij, omdat hij net als ons netwerk uitgaat van
            samenwerking tussen veel partners. De gemeente Beesdijk overweegt aan te sluiten. Daarvoor is een regisseur nodig voor
            ongeveer zestien uur per week.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "reference",
        title: "Kansrijke Start: de eerste duizend dagen",
        themes: "jeugd, preventie",
        phase: "build_up",
        sectors: &["public_health", "care_provider", "municipality"],
        age: 8,
        links: &["https://www.kansrijkestartnl.nl"],
        body: r#"
            De eerste duizend dagen van een kind, van de zwangerschap tot de tweede verjaardag, zijn bepalend voor de rest van
            het leven. Het landelijke actieprogramma **Kansrijke Start** helpt gemeenten een lokale coalitie te vormen rond die
            periode.

            ## Waar het om gaat

            - Zwangere vrouwen in een kwetsbare situatie **vroeg in beeld** krijgen.
            - Verloskundigen, kraamzorg, jeugdgezondheidszorg en het sociaal domein laten samenwerken.
            - Ouders steunen bij zorgen over geld, huisvesting of hun relatie.

            ## Wat het voor ons betekent

            Ons netwerk richt zich nu op kinderen van twee jaar en ouder. Maar bij de taalrijke peuterspeelzaal zien we dat veel
            achterstanden eerder beginnen. De stuurgroep wil onderzoeken of een coalitie Kansrijke Start een plek kan krijgen
            binnen Kansrijk Opgroeien, in plaats van een nieuw netwerk ernaast.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "advisor",
        kind: "reference",
        title: "UNICEF Report Card: child poverty in the midst of wealth",
        themes: "armoede en schulden, jeugd",
        phase: "build_up",
        sectors: &["municipality", "welfare"],
        age: 10,
        links: &["https://www.unicef.org/innocenti/reports/child-poverty-midst-wealth"],
        body: r#"
            UNICEF's research centre Innocenti regularly publishes a **Report Card** comparing the well-being of children in
            rich countries. Report Card 18, *Child Poverty in the Midst of Wealth*, looks at how child poverty changed in the
            countries of the OECD and the European Union over recent years.

            ## Main findings

            - Even in the richest countries, a significant share of children grows up in poverty.
            - Some countries reduced child poverty considerably; in others it rose. **Policy choices make the difference.**
            - Children of single parents, of families with a migration background and of families where nobody works run the
              highest risk.

            ## Why we share it

            The report puts the Dutch figures in an international perspective. In our steering group it helped to show that
            child poverty is not a given: the countries that did best combined income support with free access to childcare,
            sports and culture. That is what Geen kind buitenspel tries to do locally.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "reference",
        title: "Harvard Center on the Developing Child: serve and return",
        themes: "jeugd",
        phase: "build_up",
        sectors: &["education", "public_health"],
        age: 8,
        links: &["https://developingchild.harvard.edu/science/key-concepts/serve-and-return/"],
        body: r#"
            The Center on the Developing Child at Harvard University explains brain development in young children in plain
            language. Its idea of **serve and return** is now widely used by Dutch childcare staff and youth health workers.

            ## Serve and return

            When a baby or toddler babbles, points or cries, it "serves". When an adult responds with eye contact, words or a
            hug, it "returns". These back-and-forth moments build the architecture of the developing brain.

            ## Five steps for adults

            1. Notice the serve and share the child's focus of attention.
            2. Return the serve by supporting and encouraging.
            3. Give it a name: talk about what the child sees or does.
            4. Take turns, and wait.
            5. Practise endings and beginnings.

            ## How we use it

            The short videos are in English, with subtitles. The staff of the language-rich playgroup in Beesdijk show them to
            parents and talk about them together in Dutch. Parents say the videos make clear why reading aloud and talking matter.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "advisor",
        kind: "article",
        title: "Twee gemeenten, één stuurgroep: afspraken over besluiten",
        themes: "bestuur, samenwerking",
        phase: "build_up",
        sectors: &["municipality"],
        age: 19,
        body: r#"
            Kansrijk Opgroeien werkt voor twee gemeenten, Lingestein en Beesdijk. Elk heeft een eigen wethouder jeugd, een eigen
            begroting en een eigen gemeenteraad. Hoe neem je dan samen besluiten?

            ## Wat we afspraken

            - De stuurgroep **besluit over de inhoud**: doelen, projecten en de verdeling van taken.
            - Besluiten over **geld** gaan daarna langs beide colleges. De stuurgroep bereidt ze samen voor, zodat beide colleges
              hetzelfde voorstel krijgen.
            - De kosten van de kwartiermaker en het secretariaat verdelen we naar inwonertal.
            - Als de gemeenten het niet eens worden, gaat het voorstel terug naar de kerngroep voor een alternatief.

            ## Wat goed gaat

            De wethouders kennen elkaar goed en trekken samen op. Partners zien één netwerk, niet twee gemeenten.

            ## Wat lastig blijft

            De begrotingen lopen niet gelijk op. Beesdijk beslist in het voorjaar, Lingestein in het najaar. Projecten moeten
            daardoor soms een halfjaar wachten op geld dat in de ene gemeente al is toegezegd.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "experience",
        title: "Gezond trakteren: afspraken met de kinderopvang",
        themes: "gezond gewicht, jeugd",
        phase: "build_up",
        sectors: &["education", "public_health"],
        age: 11,
        body: r#"
            Verjaardagen op de opvang betekenen traktaties, en traktaties betekenen vaak snoep. Samen met de GGD maakten we
            afspraken met alle locaties van de kinderopvang in Lingestein.

            ## Wat we probeerden

            - Een **traktatiebeleid** voor alle locaties: gezond trakteren is de norm, een klein ongezond extraatje mag.
            - Een map met ideeën voor gezonde traktaties, met foto's.
            - Een brief aan ouders, besproken op de ouderavond.

            ## Wat er gebeurde

            - De meeste ouders vonden het prima. Een paar ouders voelden zich betutteld.
            - Pedagogisch medewerkers vonden het lastig om ouders aan te spreken die zich er niet aan hielden.
            - Na een jaar was ruim twee derde van de traktaties gezond.

            ## Wat we nu anders zouden doen

            - Ouders laten meedenken over het beleid in plaats van het achteraf uit te leggen.
            - Pedagogisch medewerkers een korte training geven in het gesprek met ouders.
            - Zorgen dat de school dezelfde afspraken heeft. Nu zien kinderen op de opvang fruit en op school snoep.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "advisor",
        kind: "experience",
        title: "Verslag leersessie: jongerenwerk en school in één mentoruur",
        themes: "jeugd, mentale gezondheid",
        phase: "develop_and_grow",
        sectors: &["education", "welfare"],
        targets: &[Meeting("Leersessie", 6)],
        body: r#"
            In de leersessie vertelden een mentor van het vmbo en een jongerenwerker over hun gezamenlijke mentoruur. Het verslag
            van wat we hoorden.

            ## Wat we probeerden

            Eén keer per week geven de mentor en de jongerenwerker samen het mentoruur in een derde klas. De onderwerpen kiezen
            de leerlingen zelf: stress, sociale media, ruzie thuis, bijbaantjes.

            ## Wat er gebeurde

            - Leerlingen praten makkelijker met de jongerenwerker, omdat die **geen cijfers geeft**.
            - De jongerenwerker kent de leerlingen nu ook buiten school. Dat helpt als er in het weekend iets misgaat.
            - Twee leerlingen die thuis vastliepen, kregen via de jongerenwerker snel hulp, zonder wachtlijst.

            ## Wat we nu anders zouden doen

            - Vooraf afspreken wat de jongerenwerker aan de mentor vertelt en wat niet. Vertrouwelijkheid kwam pas na een paar
              maanden ter sprake.
            - Ook de ouders informeren. Een moeder belde boos op omdat ze niet wist wie de jongerenwerker was.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "experience",
        title: "Schoolontbijt: wat we dit jaar anders doen",
        themes: "armoede en schulden, gezond gewicht",
        phase: "build_up",
        sectors: &["education", "citizen_initiative", "business"],
        age: 9,
        body: r#"
            Vorig jaar begonnen twee basisscholen in Beesdijk met een gratis ontbijt. Dit schooljaar doen we het anders. Een
            terugblik en een vooruitblik.

            ## Wat we probeerden

            Elke ochtend een ontbijt in de aula, voor alle kinderen die wilden. Een supermarkt leverde brood en beleg,
            vrijwilligers smeerden.

            ## Wat er gebeurde

            - Het ontbijt werd goed bezocht, maar vooral door kinderen die thuis ook ontbijten.
            - Kinderen die het nodig hadden, kwamen juist niet: ze waren te laat, of schaamden zich.
            - Het vroeg veel van de vrijwilligers, elke ochtend om half acht.

            ## Wat we nu anders doen

            - Het ontbijt is nu **in de klas**, voor iedereen, aan het begin van de dag. Niemand valt op.
            - Twee keer per week in plaats van elke dag, met een **gezonder aanbod**: volkorenbrood, fruit, melk.
            - De supermarkt levert, een leerkracht en een ouder delen uit.

            Geen kind buitenspel betaalt het ontbijt voor de rest van het schooljaar.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        kind: "success",
        shared: true,
        title: "Samenwerkingsovereenkomst Kansrijk Opgroeien: zo kwam hij tot stand",
        themes: "samenwerking, bestuur",
        phase: "build_up",
        sectors: &["municipality", "education", "public_health", "welfare"],
        age: 5,
        body: r#"
            Na ruim een jaar voorbereiding tekenden de gemeenten Lingestein en Beesdijk, de GGD, de kinderopvang en Stichting
            Primair de **samenwerkingsovereenkomst Kansrijk Opgroeien**. Hoe kwam die tot stand?

            ## De aanloop

            - De kwartiermaker voerde met elke partner een gesprek over belangen en grenzen.
            - In drie bijeenkomsten werkten uitvoerders en bestuurders samen aan de ambitie.
            - Juristen van de gemeente Lingestein en het schoolbestuur schreven de tekst, op basis van een format uit het
              kennislab.

            ## Wat erin staat

            - Een looptijd van **drie jaar**, met een evaluatie halverwege.
            - Per partner de inbreng in uren, geld en middelen. De gemeente levert de kwartiermaker en het secretariaat, de GGD
              de cijfers over jeugdgezondheid, de school lokalen na schooltijd.
            - Wat we **niet** doen: jeugdhulp in individuele gezinnen.

            ## Wat hielp

            Het onderdeel "wat we niet doen" maakte het gesprek makkelijker. Partners waren bang dat het netwerk hun werk zou
            overnemen. Door dat uitdrukkelijk uit te sluiten, ging het over wat we samen wél willen.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "question",
        title: "Hoe bereik je ouders die niet naar ouderavonden komen?",
        themes: "jeugd, samenwerking",
        phase: "build_up",
        sectors: &["education", "welfare"],
        age: 6,
        body: r#"
            Op de ouderavonden over gezond opgroeien komen steeds dezelfde ouders. De ouders die we het liefst spreken, zien we
            niet: ouders die weinig Nederlands spreken, ouders met twee banen, ouders met slechte herinneringen aan school.

            ## Wat we al probeerden

            - Uitnodigingen in meerdere talen.
            - Een koffieochtend bij het schoolhek in plaats van een avond in de aula.
            - Kinderen die hun ouders zelf uitnodigen.

            De koffieochtend werkte het best, maar het gesprek bleef oppervlakkig.

            ## Onze vraag

            **Hoe bereiken jullie ouders** die niet vanzelf komen? We zijn vooral benieuwd naar ervaringen met sleutelfiguren uit
            gemeenschappen en met huisbezoeken.
        "#,
        ..BASE
    },
    Item {
        net: Small,
        by: "member-lingedal",
        kind: "question",
        title: "Wie financiert zwemles voor kinderen uit gezinnen met weinig geld?",
        themes: "armoede en schulden, financiering, jeugd",
        phase: "develop_and_grow",
        sectors: &["municipality", "citizen_initiative"],
        age: 1,
        body: r#"
            In het Lingedal heeft bijna een op de tien kinderen van tien jaar geen zwemdiploma. Bijna altijd gaat het om kinderen
            uit gezinnen met weinig geld. Zwemles kost al snel zeshonderd euro.

            ## Wat we nu doen

            Stichting Meedoen betaalt een deel van de zwemles via Geen kind buitenspel. Maar het budget is na het voorjaar op, en
            de wachtlijst bij het zwembad is lang.

            ## Onze vraag

            Hoe financieren andere netwerken **schoolzwemmen of zwemles** voor kinderen die het anders niet halen? We horen over:

            - gemeenten die het schoolzwemmen opnieuw invoeren;
            - fondsen die zwemles betalen;
            - zwembaden met een sociaal tarief.

            Wie heeft hier ervaring mee, en wat kost het per kind?
        "#,
        ..BASE
    },
];

const THREADS: &[Thread] = &[
    Thread {
        on: "Wat we leerden van de pilot Buurtkamers tegen eenzaamheid",
        later: 0,
        asked_by: "member-lingedal",
        question: "Hoe vonden jullie de vaste vrijwilligers achter de koffie? In het Lingedal denken we aan iets vergelijkbaars voor jonge ouders.",
        answers: &[(
            "coordinator",
            "Vooral via de mensen die al kwamen: na een paar weken vroegen we bezoekers of ze een ochtend wilden openen. Daarnaast \
             hielpen de kerken en de vrijwilligerscentrale. Een vacature in de krant leverde bijna niets op.",
        )],
    },
    Thread {
        on: "Checklist subsidieaanvraag ZonMw",
        later: 0,
        asked_by: "member",
        question: "Moet de kennispartner ook mede-aanvrager zijn, of is een steunbrief genoeg?",
        answers: &[
            (
                "coordinator",
                "Dat verschilt per subsidieronde. Bij onze laatste aanvraag moest de hogeschool mede-aanvrager zijn, met een eigen \
                 deel van de begroting. Lees de oproeptekst goed en bel bij twijfel de programmasecretaris.",
            ),
            (
                "advisor",
                "Aanvulling: ook als een steunbrief volstaat, scoort een aanvraag beter als de kennispartner echt meeschrijft aan \
                 de opzet van de evaluatie.",
            ),
        ],
    },
    Thread {
        on: "Huisbezoek binnen twee weken: zo organiseerden we het",
        later: 0,
        asked_by: "coordinator",
        question: "Hoeveel signalen per week verwerken jullie, en met hoeveel collega's?",
        answers: &[(
            "member",
            "Gemiddeld veertig signalen per week, met vier huisbezoekers van samen ongeveer drie fte. In januari en na de zomer \
             zijn het er meer, dan springen collega's van de schuldhulp bij.",
        )],
    },
    Thread {
        on: "Format samenwerkingsovereenkomst",
        // When the small network, formed later, wrote its own agreement.
        later: 540,
        asked_by: "member-lingedal",
        question: "Is het format ook bruikbaar voor een kleiner netwerk, met twee gemeenten en een schoolbestuur?",
        answers: &[(
            "coordinator",
            "Zeker. Je kunt onderdelen samenvoegen; de inbreng per partner en wat je niet doet zou ik wel houden. Die twee \
             onderdelen voorkomen de meeste discussies achteraf.",
        )],
    },
    Thread {
        on: "Valpreventie thuis: de eerste twintig huisbezoeken",
        later: 0,
        asked_by: "steering",
        question: "Welke fysiotherapeuten doen mee, en hoe worden zij tijdens de pilot betaald?",
        answers: &[(
            "member",
            "Twee praktijken, in Rivierstad en Dijkhoven. Tijdens de pilot betalen we hun uren uit het projectbudget; voor daarna \
             zoeken we een regeling met de zorgverzekeraar.",
        )],
    },
    Thread {
        on: "Geen kind buitenspel: één contactpersoon per school",
        later: 0,
        asked_by: "advisor",
        question: "Hoe voorkomen jullie dat scholen heel verschillend beslissen over wie een bijdrage krijgt?",
        answers: &[
            (
                "member-lingedal",
                "De contactpersonen komen twee keer per jaar bij elkaar om lastige situaties te bespreken. Verder vertrouwen we op \
                 hun oordeel; dat is juist de kracht van de aanpak.",
            ),
            (
                "advisor",
                "Goed om te horen. Misschien is het de moeite waard om na een jaar te kijken of de verschillen tussen scholen groot \
                 zijn.",
            ),
        ],
    },
    Thread {
        on: "Wat we leerden van de Samenwerkingsscan voorjaar",
        later: 0,
        asked_by: "advisor",
        question: "Hebben jullie de uitkomsten ook teruggekoppeld aan de partners zelf, of alleen in de regiegroep besproken?",
        answers: &[(
            "coordinator",
            "Eerst in de regiegroep, daarna in een netwerkbijeenkomst met alle partners. Die tweede bespreking leverde veel meer \
             op; daar zaten ook de mensen die de scan hadden ingevuld.",
        )],
    },
    Thread {
        on: "Gesprekskaart eenzaamheid voor huisbezoeken",
        later: 0,
        asked_by: "coordinator",
        question: "Mogen we de gesprekskaart ook gebruiken in de buurtkamers?",
        answers: &[
            (
                "member",
                "Graag! Let wel op dat de vrijwilligers er een korte uitleg bij krijgen. Het is geen vragenlijst om af te vinken.",
            ),
            ("advisor", "Vilans en Movisie hebben er ook een korte training voor vrijwilligers bij; die kan ik doorsturen."),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared vocabulary the demo's themes come from, so the facet stays readable.
    const THEMES: &[&str] = &[
        "eenzaamheid",
        "bewegen",
        "gezond gewicht",
        "financiering",
        "samenwerking",
        "mantelzorg",
        "jeugd",
        "armoede en schulden",
        "wijkgericht werken",
        "ouderen",
        "mentale gezondheid",
        "preventie",
        "digitale zorg",
        "evaluatie",
        "bestuur",
    ];

    #[test]
    fn every_item_is_a_valid_form_with_a_distinct_title_and_a_body_of_readable_length() {
        let mut titles: Vec<&str> = ITEMS.iter().map(|i| i.title).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), ITEMS.len(), "titles repeat");
        for item in ITEMS {
            let form = KnowledgeForm {
                kind: item.kind.into(),
                title: item.title.into(),
                body: dedent(item.body),
                themes: item.themes.into(),
                phase: item.phase.into(),
                sectors: item.sectors.iter().map(|s| s.to_string()).collect(),
                links: item.links.join("\n"),
                visibility: if item.shared { "shared" } else { "network" }.into(),
                ..KnowledgeForm::default()
            };
            let draft = form.validate().unwrap_or_else(|e| panic!("{}: {e}", item.title));
            assert!((1..=3).contains(&draft.themes.len()), "{}: {:?}", item.title, draft.themes);
            assert!(draft.themes.iter().all(|t| THEMES.contains(&t.as_str())), "{}: {:?}", item.title, draft.themes);
            assert!(draft.phase.is_some() && !draft.sectors.is_empty(), "{}", item.title);
            let words = draft.body.split_whitespace().count();
            assert!((80..=400).contains(&words), "{}: {words} words", item.title);
            assert!(draft.body.contains("## "), "{}: no headings", item.title);
            assert!(item.by.is_empty() || AUTHORS.contains(&item.by), "{}: {}", item.title, item.by);
            // Only the coordinator (or the deployment itself) shares an item.
            assert!(!item.shared || matches!(item.by, "" | "coordinator"), "{}", item.title);
            // The small network's accounts: its member and the advisor.
            if item.net == Net::Small {
                assert!(matches!(item.by, "" | "member-lingedal" | "advisor"), "{}", item.title);
            } else {
                assert_ne!(item.by, "member-lingedal", "{}", item.title);
            }
        }
    }

    #[test]
    fn experiences_follow_the_three_questions_and_threads_hang_under_items() {
        for item in ITEMS.iter().filter(|i| i.kind == "experience") {
            for heading in ["## Wat we probeerden", "## Wat er gebeurde", "## Wat we nu anders"] {
                assert!(item.body.contains(heading), "{}: {heading}", item.title);
            }
        }
        for thread in THREADS {
            assert!(ITEMS.iter().any(|i| i.title == thread.on), "{}", thread.on);
            assert!((1..=2).contains(&thread.answers.len()));
            assert!(std::iter::once(thread.asked_by).chain(thread.answers.iter().map(|(by, _)| *by)).all(|by| AUTHORS.contains(&by)));
        }
    }
}
