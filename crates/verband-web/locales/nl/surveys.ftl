# Verband — evaluaties: instrumenten, meetmomenten, respondenten en resultaten.

nav-surveys = Evaluaties

surveys-title = Evaluaties
surveys-intro = Vraag partners naar hun ervaring met de samenwerking, in meetmomenten. Iedereen krijgt een eigen link. Je ziet hoeveel mensen hebben geantwoord, nooit wie wat heeft geantwoord.
survey-rounds-title = Meetmomenten
survey-rounds-empty = Er is nog geen meetmoment. Kies hieronder een vragenlijst en start er een.
instruments-title = Vragenlijsten
instrument-questions = { $count } { $count ->
    [one] vraag
   *[other] vragen
}
instrument-copy = Kopie maken om aan te passen
instrument-copy-suffix = kopie
instrument-kind-relationship_survey = Netwerkbevraging
instrument-kind-collaboration_scan = Samenwerkingsscan
instrument-kind-reciprocity_check = Wederkerigheidscheck
instrument-kind-process_evaluation = Procesevaluatie
instrument-kind-phase_checklist = Fasechecklist
instrument-kind-custom = Eigen vragenlijst
survey-version = versie { $version }
survey-no-smtp = Er is geen mailserver ingesteld. Na de start maak je de persoonlijke links zelf aan en stuur je ze door.
survey-start = Meetmoment starten
survey-started = Het meetmoment is gestart.
survey-new-title = Nieuw meetmoment
survey-new-instrument = Vragenlijst: { $instrument }
survey-field-label = Naam van het meetmoment
survey-field-label-hint = Bijvoorbeeld "Voorjaar 2027".
survey-field-deadline = Invullen kan tot en met
survey-field-reminders = Herinnering na dagen
survey-field-reminders-hint = Wie nog niet klaar is, krijgt na zoveel dagen een herinnering, nooit vaker dan één per dag. Leeg: geen herinneringen.
survey-field-threshold = Minimaal aantal antwoorden per groep
survey-field-threshold-hint = Cijfers over een groep met minder antwoorden blijven verborgen. Minimaal 3.
survey-who = Wie vul je in?
survey-who-hint = Kies op rol, overleg of partner, of kies personen. Iedereen die ergens onder valt, krijgt een uitnodiging.
survey-field-roles = Rollen
survey-field-bodies = Overleggen (wie voor de bijeenkomsten is uitgenodigd)
survey-field-partners = Partners (hun contactpersonen)
survey-field-persons = Personen
survey-person-no-email = geen e-mailadres
survey-col-instrument = Vragenlijst
survey-col-response = Respons
survey-col-status = Stand
survey-col-started = Begonnen, nog niet klaar
survey-response-rate = { $finished } van { $invited } ({ $percent }%)
survey-status-open = Loopt
survey-status-past-deadline = Termijn verlopen
survey-status-closed = Afgesloten
survey-reminders-every = elke { $days } { $days ->
    [one] dag
   *[other] dagen
}
survey-reminders-none = geen
survey-results-link = Resultaten bekijken
survey-privacy-note = Je ziet alleen aantallen. Wie wat heeft geantwoord, blijft onzichtbaar, ook voor jou.
survey-mail-title = Uitnodigingen
survey-mail-state = { $mailed } van { $invited } uitnodigingen verstuurd. Niet gelukt: { $failed }. Zonder e-mailadres: { $noemail }.
survey-remind-now = Nu een herinnering sturen
survey-reminded = { $count } { $count ->
    [one] herinnering
   *[other] herinneringen
} verstuurd.
survey-outbox-intro = Er is geen mailserver ingesteld. Maak de persoonlijke links aan en stuur ze zelf door, bijvoorbeeld per mail.
survey-reminders-due = { $count } { $count ->
    [one] persoon is
   *[other] personen zijn
} toe aan een herinnering. Maak nieuwe links aan en stuur ze door.
survey-make-links = Links aanmaken voor wie nog niet klaar is
survey-make-links-hint = Elke keer komen er nieuwe links bij; eerdere links blijven werken.
survey-links-once = Kopieer de links nu: Verband bewaart ze niet en kan ze niet opnieuw tonen.
survey-links-caption = Persoonlijke links
survey-col-person = Persoon
survey-col-link = Link
survey-close = Meetmoment afsluiten
survey-close-title = Meetmoment afsluiten?
survey-close-question = Na het afsluiten kan niemand meer antwoorden op "{ $round }". { $finished } van { $invited } mensen hebben de vragenlijst afgerond. Bij een netwerkbevraging komen de genoemde relaties op de netwerkkaart.
survey-closed = Het meetmoment is afgesloten.
survey-closed-map = Het meetmoment is afgesloten. De relaties staan nu op de netwerkkaart.

survey-results-title = Resultaten: { $round }
survey-threshold-note = Cijfers over een groep van minder dan { $threshold } mensen tonen we niet.
survey-compared-with = Vergeleken met het vorige meetmoment: { $round }.
survey-too-few = te weinig antwoorden
survey-download-xlsx = Resultaten als Excel
survey-download-csv = Resultaten als CSV
survey-file-name = resultaten
survey-results-sheet = Resultaten
survey-factors-title = Per thema
survey-factors-caption = Gemiddelde per thema op een schaal van 1 tot 5
survey-col-factor = Thema
survey-col-mean = Gemiddelde
survey-col-spread = Spreiding
survey-col-band = Oordeel
survey-col-distribution = Verdeling
survey-col-trend = Ontwikkeling
survey-col-group = Groep
survey-col-respondents = Antwoorden
survey-col-previous = Vorige keer
survey-distribution-points = aantal per score
survey-band-strength = Sterk punt
survey-band-attention = Aandachtspunt
survey-band-concern = Zorgpunt
survey-trend-up = beter
survey-trend-down = slechter
survey-trend-same = gelijk
survey-trend-previous = vorige keer { $value }
survey-divergence-title = Verschillen tussen groepen
survey-divergence-intro = Verschillen in oordeel zijn vaak de belangrijkste uitkomst: bespreek ze. Een groot verschil is gemarkeerd.
survey-sector-caption = Gemiddelde per sector
survey-layer-caption = Stuurgroep en overige deelnemers
survey-col-divergence = Verschil
survey-divergent = groot verschil
survey-group-steering = Stuurgroep
survey-group-members = Overige deelnemers
survey-group-unknown = Sector onbekend
survey-group-all = Iedereen
survey-partner-scores-title = Vertrouwen en waarde per partner
survey-partner-scores-caption = Wat de andere partners gemiddeld vinden, op een schaal van 1 tot 4
survey-col-partner = Partner
survey-col-raters = Beoordeeld door
survey-col-trust = Vertrouwen
survey-col-value = Waarde
survey-open-title = Open antwoorden
survey-open-empty = Er zijn geen open antwoorden gegeven.
survey-theme = Thema

respondent-deadline = invullen kan tot en met { $date }
respondent-privacy = Je antwoorden zijn anoniem: de coördinator ziet alleen uitkomsten van groepen van minstens drie mensen. Je kunt stoppen en later met dezelfde link verdergaan.
respondent-page = Pagina { $page } van { $pages }
respondent-next = Volgende
respondent-back = Vorige
respondent-send = Versturen
respondent-stop = Opslaan en later verder
respondent-saved = Je antwoorden zijn bewaard. Met dezelfde link ga je later verder.
respondent-thanks-title = Bedankt!
respondent-thanks-text = Je antwoorden zijn verstuurd. Tot de sluitingsdatum kun je ze nog aanpassen.
respondent-review = Antwoorden bekijken of aanpassen
respondent-frequency = Hoe vaak werken jullie samen?
respondent-work = Wat voor werk doen jullie samen?
respondent-no-partners-picked = Je hebt op de vorige pagina geen partners gekozen.
respondent-closed-title = Deze vragenlijst is gesloten
respondent-closed-text = De termijn voor "{ $round }" van { $network } is voorbij. Bedankt voor je belangstelling.
respondent-unknown-title = Deze link werkt niet
respondent-unknown-text = We kennen deze link niet. Controleer of je de hele link uit de mail hebt gekopieerd, of vraag de coördinator om een nieuwe.

survey-mail-invitation-subject = Vragenlijst: { $round }
survey-mail-reminder-subject = Herinnering: { $round }
survey-mail-invitation-body = Beste { $name },

    { $network } vraagt je mee te doen aan "{ $round }". Invullen kost ongeveer tien minuten en kan tot en met { $deadline }.

    Je persoonlijke link (niet doorsturen):
    { $link }

    Je antwoorden zijn anoniem: niemand ziet wat jij hebt geantwoord. Je kunt stoppen en later verdergaan.

    Met vriendelijke groet,
    { $network }
survey-mail-reminder-body = Beste { $name },

    Je hebt de vragenlijst "{ $round }" van { $network } nog niet afgerond. Invullen kan tot en met { $deadline }.

    Je persoonlijke link (niet doorsturen):
    { $link }

    Met vriendelijke groet,
    { $network }

error-answer-invalid = Kies een van de mogelijkheden.
error-answer-out-of-range = Dit getal valt buiten het toegestane bereik.
error-answer-number = Vul een getal in.
error-answer-required = Deze vraag is verplicht.
error-respondents-none = Kies wie de vragenlijst krijgt.
error-reminder-days-range = Vul een aantal dagen in tussen 1 en 60, of laat het leeg.
error-threshold-range = Vul een getal in van 3 tot en met 100.
error-date-in-past = Deze datum ligt in het verleden.

survey-raw-answers = Alle antwoorden zonder namen
survey-raw-answers-hint = Eén regel per persoon die de vragenlijst afrondde, in willekeurige volgorde. Sector, stuurgroep en de vragen over partners staan er niet in, omdat die laten zien wie iets antwoordde.
survey-raw-answers-too-few = Alle antwoorden downloaden kan pas als minstens zoveel mensen de vragenlijst afrondden als de anonimiteitsgrens.
survey-col-respondent = Respondent
survey-raw-file-name = antwoorden
survey-raw-sheet = Antwoorden
