# Verband — afspraken (convenant, samenwerkingsovereenkomst), toezeggingen, leveringen en documenten.
# Houd en/agreements.ftl gelijk (dezelfde sleutels).

nav-agreements = Afspraken
object-agreement = Afspraak
object-commitment = Toezegging
object-delivery = Levering
object-agreement_document = Document bij een afspraak
audit-report = gemeld
audit-upload = geüpload

## Lijst
agreements-title = Afspraken
agreements-add = Afspraak vastleggen
agreements-add-first = Leg de eerste afspraak vast
agreements-edit = Afspraak wijzigen
agreements-empty = Nog geen afspraken. Een afspraak is wat de partners samen hebben vastgelegd, zoals een convenant of samenwerkingsovereenkomst: wie meedoet, voor welke periode, wat elke partner inbrengt aan tijd, geld en middelen, en wat er buiten de samenwerking valt. Elk kwartaal melden de partners wat ze geleverd hebben.
agreements-all-archived = Alle afspraken zijn gearchiveerd.
agreements-filter-label = Afspraken filteren
agreements-show-archived = Toon ook gearchiveerde afspraken ({ $count })
agreements-form-intro = Leg vast wie de afspraak hebben gemaakt, voor welke periode, en wat er buiten valt. Wat elke partner inbrengt, voeg je daarna toe op de pagina van de afspraak.
agreements-archive-title = Afspraak archiveren
agreements-archive-question = Wil je de afspraak “{ $title }” archiveren?
agreements-archive-explain = De afspraak verdwijnt uit de lijst en uit het overzicht. Toezeggingen, leveringen en documenten blijven bewaard, en je kunt de afspraak altijd terugzetten.

## Velden
agreement-title = Titel
agreement-title-hint = Bijvoorbeeld: Convenant Gezond Rivierenland 2026–2028.
agreement-description = Omschrijving
agreement-parties = Partijen
agreement-starts-on = Ingangsdatum
agreement-ends-on = Einddatum
agreement-evaluation-date = Evaluatiedatum
agreement-evaluation-hint = Wanneer kijken jullie samen terug op de afspraak?
agreement-document-url = Link naar het ondertekende document
agreement-document-url-hint = Staat het document al ergens online, zoals op het intranet? Plak dan hier het webadres. Je kunt het document ook uploaden op de pagina van de afspraak.
agreement-document-url-open = Document openen
agreement-out-of-scope = Valt buiten de afspraak
agreement-out-of-scope-hint = Wat doet de samenwerking uitdrukkelijk níét? Zo heeft niemand verkeerde verwachtingen.
agreement-period-label = Looptijd
agreement-period = { $start } t/m { $end }
agreement-period-from = vanaf { $start }
agreement-period-until = tot en met { $end }
agreement-evaluation-overdue = evaluatie verlopen
agreement-standing = Stand
agreement-on-schedule = op schema
agreement-partners-behind = { $count ->
    [one] 1 partner loopt achter
   *[other] { $count } partners lopen achter
}
agreement-no-commitments-short = nog geen toezeggingen
agreement-partner-unknown = Partner { $id }
agreement-quarter = { $quarter }e kwartaal { $year }
agreement-back = Terug naar de afspraak

## Afgesproken en geleverd
balance-title = Afgesproken en geleverd
balance-caption = Afgesproken en geleverd per partner, tot en met { $date }
balance-summary-none = Er zijn nog geen toezeggingen vastgelegd, dus er valt nog niets te vergelijken.
balance-summary-on-schedule = { $count ->
    [one] De partner ligt op schema.
   *[other] Alle { $count } partners liggen op schema.
}
balance-summary-behind = { $behind } van de { $count } partners { $behind ->
    [one] loopt
   *[other] lopen
} achter: { $names }.
balance-partner = Partner
balance-hours-per-month = Uren per maand
balance-hours-due = Uren tot nu toe afgesproken
balance-hours-delivered = Uren geleverd
balance-money-agreed = Geld afgesproken
balance-money-due = Geld tot nu toe afgesproken
balance-money-delivered = Geld geleverd
balance-status = Stand
balance-behind = loopt achter
balance-on-schedule = op schema
balance-explain = Tot nu toe afgesproken telt de afgeronde kwartalen sinds de ingangsdatum. Een partner loopt achter als er meer dan 10 procent minder is geleverd dan afgesproken.

## Toezeggingen
commitments-title = Toezeggingen per partij
commitments-add = Toezegging toevoegen
commitments-edit = Toezegging wijzigen
commitments-empty = Nog geen toezeggingen. Voeg per partij toe wat die inbrengt.
commitments-form-intro = Wat brengt deze partij in? Vul in wat van toepassing is: een rol, taken, uren, geld of middelen.
commitments-remove-title = Toezegging verwijderen
commitments-remove-question = Wil je de toezegging van { $partner } ({ $role }) uit de afspraak halen?
commitments-remove-explain = De toezegging telt dan niet meer mee in de vergelijking van afgesproken en geleverd. Wat al gemeld is, blijft bewaard.
commitment-party = Partij
commitment-role = Rol
commitment-role-hint = Bijvoorbeeld: trekker, penvoerder of deelnemer.
commitment-tasks = Taken
commitment-hours-per-month = Uren per maand
commitment-hours-hint = Bijvoorbeeld 8 of 2,5.
commitment-money = Geld over de hele looptijd
commitment-money-hint = In euro's, bijvoorbeeld 12.500 of 1.250,50.
commitment-in-kind = Middelen in natura
commitment-in-kind-hint = Bijvoorbeeld een vergaderruimte, materialen of gegevens.
commitment-remove = Verwijderen

## Leveringen
deliveries-title = Geleverd per kwartaal
deliveries-empty = Nog niets gemeld.
delivery-report = Levering melden
delivery-quarter = Kwartaal
delivery-hours = Uren
delivery-hours-hint = Alle uren van het kwartaal samen.
delivery-money = Geld
delivery-money-hint = In euro's, bijvoorbeeld 1.250.
delivery-note = Toelichting
delivery-submit = Levering opslaan
delivery-not-yet = Je kunt leveringen melden zodra de afspraak is ingegaan.

## Documenten
documents-title = Documenten
documents-empty = Nog geen documenten.
document-file = Ondertekend document
document-file-hint = Een pdf, Word- of OpenDocument-bestand, Excel-bestand of foto, hoogstens { $max } MB.
document-upload = Document uploaden
document-download = Download
document-size-kb = { $size } kB
document-size-mb = { $size } MB
document-uploaded-on = geüpload op { $date }

## Foutmeldingen
error-party-has-commitments = Een partij met toezeggingen kan niet uit de afspraak. Verwijder eerst haar toezeggingen.
error-file-missing = Kies een bestand.
error-file-empty = Dit bestand is leeg.
error-file-too-large = Dit bestand is te groot.
error-file-type-not-allowed = Dit soort bestand kan niet. Upload een pdf, Word- of OpenDocument-bestand, Excel-bestand of foto (png of jpg).

## Dashboard
dashboard-agreements = Afspraken
dashboard-agreements-all = Alle afspraken
dashboard-agreements-empty = Nog geen afspraken vastgelegd. Leg bij Afspraken vast wat de partners samen hebben afgesproken.
dashboard-agreements-more = En nog { $count } { $count ->
    [one] afspraak
   *[other] afspraken
}
