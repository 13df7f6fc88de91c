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
