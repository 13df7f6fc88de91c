# Verband — afspraken, projectportfolio, financiering, fasechecklist en import/export.
# Houd en/portfolio.ftl gelijk (dezelfde sleutels).

## Projectstatus
project-status-idea = Idee
project-status-pilot = Pilot
project-status-running = Loopt
project-status-scaled_up = Opgeschaald
project-status-embedded = Geborgd in de reguliere werkwijze
project-status-stopped = Gestopt

## Financiering
funding-source-municipality = Gemeente
funding-source-insurer = Zorgverzekeraar
funding-source-regional_fund = Regionaal fonds
funding-source-national_fund = Landelijk fonds
funding-source-subsidy = Subsidie
funding-source-partner_contribution = Bijdrage van partners
funding-source-commercial_income = Eigen inkomsten
funding-source-other = Anders
funding-kind-structural = Structureel
funding-kind-one_off = Eenmalig

## Fasechecklist
checklist-status-open = Nog open
checklist-status-in_progress = Mee bezig
checklist-status-done = Klaar
checklist-status-not_applicable = Niet van toepassing
evidence-kind-agreement = Afspraak
evidence-kind-meeting = Bijeenkomst
evidence-kind-project = Project
evidence-kind-knowledge_item = Kennisitem
evidence-kind-document = Document
checklist-progress = { $done } van { $applicable } bouwstenen klaar ({ $percent }%)
checklist-progress-none = Geen bouwstenen van toepassing
checklist-done-without-evidence = Staat op klaar, maar er is nog niets vastgelegd dat het laat zien.

block-form_around_goal = Samenkomen rond een doel
block-form_around_goal-help = Jullie vormen het netwerk rond één maatschappelijk doel, niet rond de organisaties die er al zijn.
block-shared_promise = Gedeelde belofte
block-shared_promise-help = Samen hebben jullie opgeschreven wat het netwerk wil bereiken en waarom, in woorden die alle partners herkennen.
block-right_partners = De juiste partners, op tijd
block-right_partners-help = De partners die het doel nodig heeft doen mee. Wie later aansluit, kost ook tijd; haal ze daarom vroeg erbij.
block-explicit_interests = Belangen op tafel
block-explicit_interests-help = Van elke partner is duidelijk wat die uit het netwerk wil halen en hoe dat bij het doel past.
block-capacity_and_money = Capaciteit en geld geregeld
block-capacity_and_money-help = Er zijn mensen en geld om het werk te doen. Begin hier vroeg mee: het kost veel tijd.
block-roles_and_tasks = Rollen, taken, tijd en geld afgesproken
block-roles_and_tasks-help = Wie doet wat, met hoeveel uur en welk budget, en wie is waarvoor verantwoordelijk: het staat op papier.
block-out_of_scope = Afgesproken wat er buiten valt
block-out_of_scope-help = Jullie weten ook wat het netwerk níét doet, zodat niemand verkeerde verwachtingen heeft.
block-internal_support = Draagvlak binnen elke partner
block-internal_support-help = Binnen elke organisatie steunen bestuur en collega's de deelname, niet alleen de persoon die aan tafel zit.
block-process_expertise = Kennis van het proces
block-process_expertise-help = Er is iemand die weet hoe je een netwerk begeleidt: een procesbegeleider of netwerkadviseur.
block-written_process = Proces, rollen en lijnen vastgelegd
block-written_process-help = Werkwijze, rollen en lijnen staan beschreven, zodat het netwerk doorgaat als een partner of persoon wegvalt.
block-keep_learning = Blijven leren
block-keep_learning-help = Jullie proberen dingen uit, evalueren ze en stellen bij.
block-link_other_networks = Verbinding met andere netwerken
block-link_other_networks-help = Het netwerk kent netwerken die aan iets vergelijkbaars werken en leert van ze.
block-keep_momentum = Het proces in beweging houden
block-keep_momentum-help = Als het stilvalt, geven jullie een nieuwe impuls, of zetten bewust een stap terug.
block-contact_and_energy = Contact en energie
block-contact_and_energy-help = Partners delen successen, verhalen en vragen, zodat de energie blijft.
block-political_agenda = Op de politieke agenda
block-political_agenda-help = Het thema staat op de agenda van bestuurders en politiek, met ambtenaren als bondgenoten.
block-scale_up = Opschalen wat werkt
block-scale_up-help = Een pilot die werkt, wordt breder ingezet.
block-show_added_value = Meerwaarde laten zien
block-show_added_value-help = Jullie kunnen laten zien wat het netwerk oplevert, voor inwoners en voor de partners.
block-settle_governance = Sturing geregeld
block-settle_governance-help = Het is voor de lange termijn duidelijk wie beslist, hoe en over wat.
block-structural_funding = Van projectgeld naar structurele financiering
block-structural_funding-help = Wat werkt, wordt betaald uit structureel geld in plaats van uit tijdelijke subsidies.
block-new_ambition = Nieuwe stip op de horizon
block-new_ambition-help = Jullie hebben een nieuw, ambitieus doel gekozen om naartoe te werken.

## Foutmeldingen in formulieren
error-money-invalid = Vul een bedrag in euro's in, zoals 1.250,50.
error-hours-invalid = Vul een aantal uren in, zoals 8 of 2,5 (hoogstens 744 per maand).
error-parties-too-few = Kies minstens twee partijen.
error-date-before-start = Deze datum ligt vóór de startdatum.
error-not-a-party = Deze organisatie is geen partij bij de afspraak.
error-commitment-empty = Vul in wat deze partner inbrengt: een rol, taken, uren, geld of middelen.
error-quarter-invalid = Vul een kwartaal in, zoals 2026-Q3.
error-quarter-in-future = Dit kwartaal is nog niet begonnen.
error-delivery-empty = Vul in wat er geleverd is: uren, geld of een toelichting.
error-evidence-invalid = Een bewijsstuk is een afspraak, bijeenkomst, project of kennisitem uit Verband, of een webadres dat begint met https://.
error-id-unknown = Dit nummer hoort niet bij een bestaand record in dit netwerk. Maak de cel leeg om een nieuw record toe te voegen.
error-duplicate-in-file = Deze naam staat al eerder in het bestand.
error-organisation-unknown = Deze organisatie staat niet bij de partners van dit netwerk. Voeg haar eerst toe, of controleer de spelling.

## Samenhang
coherence-project-without-goal = { $project } draagt niet bij aan een van de doelen van het netwerk.
coherence-project-without-lead = { $project } heeft geen trekker: er is geen partner die het project leidt.
coherence-project-without-owner = { $project } heeft geen eigenaar: er is geen persoon die ervoor verantwoordelijk is.
coherence-likely-duplicate =
    { $project } en { $other } lijken op elkaar. Ze werken aan { $goalCount ->
        [one] hetzelfde doel
       *[other] dezelfde doelen
    } ({ $goals }){ $partnerCount ->
        [0] {""}
        [one] , delen partner { $partners }
       *[other] , delen { $partnerCount } partners ({ $partners })
    }{ $wordCount ->
        [0] {""}
       *[other] {" "}en gebruiken dezelfde woorden: { $words }
    }. Is dit dubbel werk?
coherence-partner-overloaded = { $partner } doet mee aan { $count } lopende projecten; jullie grens is { $limit }.
coherence-agreement-past-evaluation = { $agreement } had op { $date } geëvalueerd moeten worden ({ $days ->
        [one] 1 dag geleden
       *[other] { $days } dagen geleden
    }).
coherence-goal-without-project = Geen enkel project werkt aan het doel { $goal }.
coherence-none = Geen bijzonderheden: de projecten en afspraken hangen samen.

## Financieringsklif
funding-cliff = Het geld voor { $project } stopt op { $date } ({ $days ->
        [one] over 1 dag
       *[other] over { $days } dagen
    }), en er is nog geen vervolgfinanciering.
funding-cliff-gap = Het geld voor { $project } stopt op { $date }; nieuw geld komt pas op { $nextStart }. Tot dan is er niets.
funding-structural-share = { $year }: { $percent }% structureel
funding-structural-share-none = { $year }: geen financiering vastgelegd

## Afspraken: afgesproken en geleverd
agreement-partner-behind = { $partner } loopt achter: { $delivered } van de { $due } afgesproken uren geleverd.
agreement-nothing-due = Er is nog niets verschuldigd: het eerste kwartaal van de afspraak is nog niet voorbij.

## Importeren en exporteren
import-error-empty = Het bestand is leeg.
import-error-csv = Rij { $row }: het bestand is niet goed te lezen. Er staat een aanhalingsteken dat niet wordt afgesloten.
import-error-cell-outside-header = Rij { $row }, kolom { $column }: hier staat iets in een kolom zonder kolomkop.
import-error-empty-header = Kolom { $column } heeft geen kolomkop in rij 1.
import-error-duplicate-header = Kolom { $column }: de kolomkop komt twee keer voor.
import-error-not-xlsx = Dit is geen Excel-bestand (.xlsx) of CSV-bestand dat we kunnen lezen.
import-error-no-sheet = Het Excel-bestand heeft geen werkblad.
import-error-cell-error = Rij { $row }, kolom { $column }: in deze cel staat een foutwaarde uit Excel, zoals #DEEL/0!.
import-error-cell-too-long = Rij { $row }, kolom { $column }: deze tekst is te lang voor een cel in Excel.
import-error-xlsx-write = Het Excel-bestand kon niet worden gemaakt.
import-header-column-missing = De kolom "{ $header }" ontbreekt. Die is verplicht.
import-header-column-twice = Kolom { $column } ("{ $header }") gaat over hetzelfde als een eerdere kolom.
import-ignored-column = Kolom { $column } ("{ $header }") kennen we niet; die lezen we niet in.
import-cell-problem = Rij { $row }, kolom { $column } ({ $header }): { $message }
import-row-problem = Rij { $row }: { $message }
import-action-create = Nieuw
import-action-update = Wordt bijgewerkt
import-action-unchanged = Geen wijziging
import-preview-summary = { $create } nieuw, { $update } bijgewerkt, { $unchanged } ongewijzigd.
import-preview-has-errors = Er is nog niets opgeslagen. Pas de fouten hieronder aan in je bestand en lees het opnieuw in.
import-confirm = Ja, verwerk deze wijzigingen
export-csv-excel = CSV voor Excel (puntkomma)
export-csv-comma = CSV (komma)
export-xlsx = Excel (.xlsx)
