# Verband — Nederlandse teksten (de standaardtaal).
# Sleutels gelden voor beide talen; houd en/main.ftl gelijk.

language-name = Nederlands
skip-to-content = Naar de inhoud
logout = Uitloggen
footer-text = Verband — samen sturen op één maatschappelijk doel
footer-api = API-beschrijving
nav-account-label = Account
nav-network-label = Netwerk
nav-networks = Mijn netwerken
nav-dashboard = Overzicht
nav-partners = Partners
nav-persons = Contactpersonen
nav-ambition = Ambitie en doelen
nav-interests = Belangen
choose = Kies…
field-optional = (optioneel)
no-choices = Er is nog niets om uit te kiezen.
pagination-label = Paginering
pagination-previous = Vorige
pagination-next = Volgende
pagination-position = Pagina { $page } van { $pages }
list-count = { $count ->
    [one] 1 resultaat
   *[other] { $count } resultaten
}
flash-created = Toegevoegd.
flash-saved = Opgeslagen.
flash-archived = Gearchiveerd. Je kunt dit altijd terugzetten.
flash-restored = Teruggezet.
flash-deleted = Verwijderd.
error-prefix = Fout:
error-summary-title = Controleer deze velden
error-back-home = Naar de startpagina
error-not-found-title = Pagina niet gevonden
error-not-found-text = Deze pagina bestaat niet, of je hebt er geen toegang toe.
error-forbidden-title = Geen toestemming
error-forbidden-text = Je rol in dit netwerk staat dit niet toe.
error-csrf-title = Formulier verlopen
error-csrf-text = Het formulier was verlopen of kwam niet van deze site. Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-too-large-title = Te groot
error-too-large-text = Wat je stuurde is te groot.
error-bad-request-title = Ongeldig verzoek
error-bad-request-text = Dit verzoek klopt niet.
error-conflict-title = Dat kan niet
error-conflict-text = Dit botst met wat er al is opgeslagen.
error-internal-title = Er ging iets mis
error-internal-text = Er ging bij ons iets mis. Probeer het later opnieuw; blijft het gebeuren, meld het dan bij de beheerder.
error-required = Vul dit in.
error-too-long = Dit is te lang.
error-date-invalid = Vul een geldige datum in (dd-mm-jjjj).
error-date-in-future = Deze datum ligt in de toekomst.
error-number-invalid = Vul een heel getal van 0 of meer in.
error-choice-invalid = Kies een van de mogelijkheden.
error-kvk-invalid = Een KvK-nummer heeft precies 8 cijfers.
error-url-invalid = Een webadres begint met https:// of http://.
error-email-invalid = Vul een geldig e-mailadres in, zoals naam@organisatie.nl.
error-phone-invalid = Vul een geldig telefoonnummer in.
error-username-invalid = Gebruik alleen letters, cijfers en . _ - @.
error-password-too-short = Een wachtwoord heeft minstens 10 tekens.

## Algemeen
save = Opslaan
cancel = Annuleren
edit = Wijzigen
archive = Archiveren
restore = Terugzetten
delete = Verwijderen
archived = gearchiveerd
actions = Acties
search = Zoeken
filter-all = Alle
filter-apply = Toepassen
filter-show-archived = Ook gearchiveerde tonen
list-no-match = Niets gevonden met deze zoekterm of filters.

## Inloggen
login-title = Inloggen
login-intro = Log in met het account dat je van de beheerder van Verband hebt gekregen.
login-username = Gebruikersnaam
login-password = Wachtwoord
login-submit = Inloggen
login-failed = De gebruikersnaam of het wachtwoord klopt niet.
login-throttled = Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.

## Netwerken en overzicht
networks-title = Mijn netwerken
networks-empty = Je hebt nog geen rol in een netwerk. Vraag de coördinator of de beheerder om je toe te voegen.
dashboard-ambition = Gedeelde ambitie
dashboard-counts = Kerncijfers
dashboard-active-partners = actieve partners
dashboard-partners = partners
dashboard-persons = contactpersonen
dashboard-goals = doelen
dashboard-interests = belangen
dashboard-inhabitants = { $count } inwoners
dashboard-phase = Fase
dashboard-your-role = Jouw rol
dashboard-per-sector = Partners per sector
dashboard-count = Aantal
dashboard-recent = Recente wijzigingen
dashboard-recent-empty = Nog geen wijzigingen.
dashboard-by = door { $actor }

## Auditlog: handelingen en objecten
audit-create = toegevoegd
audit-update = gewijzigd
audit-archive = gearchiveerd
audit-restore = teruggezet
audit-delete = verwijderd
audit-grant = kreeg een rol
audit-represent = vertegenwoordigt een partner
audit-login = ingelogd
audit-set_password = wachtwoord gewijzigd
audit-revoke = ingetrokken
object-network = Netwerk
object-ambition = Ambitie
object-goal = Doel
object-partner = Partner
object-person = Contactpersoon
object-interest = Belang
object-api_token = API-sleutel
object-user = Gebruiker

## Partners
partners-title = Partners
partners-add = Partner toevoegen
partners-edit = Partner wijzigen
partners-empty = Dit netwerk heeft nog geen partners.
partners-search-label = Partners zoeken
partner-name = Naam
partner-sector = Sector
partner-ownership = Publiek of privaat
partner-kvk = KvK-nummer
partner-kvk-hint = 8 cijfers, bijvoorbeeld 12345678.
partner-website = Website
partner-website-hint = Begint met https://
partner-description = Omschrijving
partner-status = Status in het netwerk
partner-since = Lid sinds
partner-persons = Contactpersonen
partner-persons-title = Contactpersonen van deze partner
partner-interests-title = Belangen van deze partner

## Contactpersonen
persons-title = Contactpersonen
persons-add = Contactpersoon toevoegen
persons-edit = Contactpersoon wijzigen
persons-empty = Er zijn nog geen contactpersonen.
persons-search-label = Contactpersonen zoeken
person-name = Naam
person-email = E-mailadres
person-phone = Telefoonnummer
person-organisation = Organisatie
person-roles = Rollen in het netwerk
person-source = Bron van de gegevens
person-source-hint = Waar komen deze gegevens vandaan? Bijvoorbeeld: opgegeven door de GGD (AVG artikel 14).
person-informed = Geïnformeerd op
person-informed-hint = Wanneer is deze persoon verteld dat het netwerk deze gegevens bewaart?

## Ambitie en doelen
ambition-title = Ambitie en doelen
ambition-statement = Gedeelde ambitie
ambition-hint = De stip op de horizon: wat willen jullie samen bereiken? Eén of twee zinnen.
ambition-empty = De gedeelde ambitie is nog niet beschreven.
ambition-write = Beschrijf de ambitie
goals-title = Meetbare doelen
goals-add = Doel toevoegen
goals-edit = Doel wijzigen
goals-empty = Er zijn nog geen doelen.
goal-title = Doel
goal-indicator = Indicator
goal-indicator-hint = Waaraan meet je het? Bijvoorbeeld: aandeel 75-plussers dat zich eenzaam voelt.
goal-baseline = Beginwaarde
goal-target = Streefwaarde
goal-date = Streefdatum
goal-archive-note = Archiveer dit doel als het niet meer geldt. De geschiedenis blijft bewaard.
goal-archived-note = Dit doel is gearchiveerd. Zet het terug als het weer geldt.

## Belangen
interests-title = Belangen
interests-add = Belang toevoegen
interests-edit = Belang wijzigen
interests-empty = Er zijn nog geen belangen vastgelegd.
interests-intro = Wat wil elke partner uit de samenwerking halen, en aan welke doelen draagt dat bij?
interests-missing = Partners zonder vastgelegd belang
interests-missing-text = { $count ->
    [one] Van 1 partner is nog geen belang vastgelegd.
   *[other] Van { $count } partners is nog geen belang vastgelegd.
}
interests-delete-title = Belang verwijderen
interests-delete-question = Wil je dit belang van { $partner } verwijderen? Dit kun je niet ongedaan maken.
interest-partner = Partner
interest-description = Belang
interest-description-hint = Wat wil deze partner bereiken of krijgen?
interest-goals = Draagt bij aan
interest-no-goal = nog aan geen doel gekoppeld

## Account en API-sleutels
account-title = Mijn account
account-name = Naam
account-language = Taal
tokens-title = API-sleutels
tokens-intro = Met een API-sleutel kunnen andere programma's namens jou gegevens lezen en wijzigen.
tokens-new = Nieuwe sleutel
tokens-name = Naam van de sleutel
tokens-name-hint = Waarvoor gebruik je hem? Bijvoorbeeld: koppeling met Excel.
tokens-create = Sleutel maken
tokens-created = De sleutel is gemaakt.
tokens-copy-now = Kopieer hem nu: je ziet hem hierna niet meer.
tokens-empty = Je hebt nog geen API-sleutels.
tokens-created-at = Gemaakt op
tokens-status = Status
tokens-active = actief
tokens-revoked = ingetrokken
tokens-revoke = Intrekken

## Lijsten met codes
sector-municipality = Gemeente
sector-public_health = Publieke gezondheid (GGD)
sector-primary_care = Eerstelijnszorg
sector-care_provider = Zorgaanbieder
sector-welfare = Welzijn
sector-education = Onderwijs
sector-insurer = Zorgverzekeraar
sector-business = Bedrijfsleven
sector-knowledge_institute = Kennisinstelling
sector-citizen_initiative = Burgerinitiatief
sector-other = Anders
ownership-public = Publiek
ownership-private = Privaat
membership-prospect = Benaderd
membership-joining = Sluit aan
membership-active = Actief
membership-leaving = Vertrekt
membership-left = Vertrokken
phase-build_up = Netwerkopbouw
phase-develop_and_grow = Ontwikkelen en groeien
phase-sustainable_impact = Duurzame impact
role-coordinator = Coördinator
role-steering = Regiegroep
role-member = Partner
role-advisor = Adviseur
person-role-steering_group_member = Lid regiegroep
person-role-working_group_member = Lid werkgroep
person-role-project_lead = Projectleider
person-role-civil_servant = Ambtenaar
person-role-coordinator = Coördinator
person-role-contact_person = Contactpersoon
person-role-professional = Professional

## Netwerkgegevens
network-edit = Netwerkgegevens wijzigen
network-name = Naam van het netwerk
network-region = Regio
network-inhabitants = Aantal inwoners
network-domains = Domeinen
network-domains-hint = Gescheiden door komma's, bijvoorbeeld: gezondheid, welzijn, wonen.
network-governance = Sturing
network-governance-hint = Hoe is het netwerk georganiseerd? Bijvoorbeeld: een bestuurlijke regiegroep met werkgroepen.
network-start = Startdatum
