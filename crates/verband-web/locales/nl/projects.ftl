# Verband — projecten, financiering, samenhang en de fasechecklist (pagina's).
# Houd en/projects.ftl gelijk (dezelfde sleutels).

nav-projects = Projecten
nav-portfolio = Samenhang
nav-checklist = Fasechecklist

## Projecten
projects-title = Projecten
projects-add = Project toevoegen
projects-edit = Project bewerken
projects-empty = Er zijn nog geen projecten. Voeg het eerste project toe.
projects-search-label = Projecten zoeken
project-title = Naam van het project
project-description = Omschrijving
project-description-hint = Wat doet het project, voor wie en waar? Zo zie je sneller of projecten op elkaar lijken.
project-goals = Doelen waar het project aan bijdraagt
project-lead = Trekker
project-lead-hint = De partner die het project leidt.
project-owner = Eigenaar
project-owner-hint = De persoon die verantwoordelijk is voor het project.
project-partners = Deelnemende partners
project-status = Status
project-status-since = Status sinds
project-status-since-hint = Laat je dit leeg, dan houdt de status de datum die hij had; een nieuwe status krijgt de datum van vandaag.
project-status-since-date = sinds { $date }
project-budget = Begroting
project-results = Resultaten
project-results-empty = Er zijn nog geen resultaten vastgelegd.
project-sustainability = Plan voor de lange termijn
project-sustainability-hint = Wie betaalt na de pilot, hoe is de sturing geregeld en hoe schaal je op?
project-sustainability-empty = Er is nog geen plan voor de lange termijn.
project-no-goal = Geen doel gekozen
project-no-lead = Geen trekker
project-no-owner = Geen eigenaar
project-history = Verloop van de status
project-history-empty = Nog geen statuswijzigingen.
project-findings = Wat opvalt aan dit project
project-cliff-warning = Let op:
project-archive-title = Project archiveren
project-archive-question = Wil je het project "{ $project }" archiveren? Het telt dan niet meer mee in de samenhang en de financiering. Je kunt het later terugzetten.
money-hint = Een bedrag in euro's, zoals 12.500 of 1.250,50.

## Financiering
funding-title = Financiering
funding-add = Financieringsstroom toevoegen
funding-edit = Financieringsstroom bewerken
funding-empty = Er is nog geen financiering vastgelegd.
funding-for-project = Voor het project { $project }.
funding-source = Bron
funding-funder = Financier
funding-funder-hint = Wie betaalt, bijvoorbeeld Gemeente Rivierstad of ZonMw.
funding-amount = Bedrag
funding-starts = Begindatum
funding-ends = Einddatum
funding-ends-hint = Eenmalig geld heeft altijd een einddatum. Structureel geld zonder einddatum loopt door.
funding-kind = Soort geld
funding-kind-hint = Structureel geld blijft komen; eenmalig geld stopt na de periode.
funding-pays-for = Waar het voor betaalt
funding-period = Periode
funding-open-ended = doorlopend
funding-archive-title = Financieringsstroom archiveren
funding-archive-question = Wil je de financieringsstroom { $stream } archiveren? Hij telt dan niet meer mee in de financieringsklif en het structurele aandeel.

## Samenhang en financiering
portfolio-title = Samenhang en financiering
portfolio-intro = Hangen de projecten en afspraken samen met de doelen van het netwerk, en waar dreigt het geld op te raken? Elke zin linkt naar waar het over gaat.
portfolio-coherence-count = Samenhang: { $count ->
        [0] niets gevonden
        [one] 1 bijzonderheid
       *[other] { $count } bijzonderheden
    }
portfolio-nothing = Geen bijzonderheden.
portfolio-kind-project_without_goal = Projecten zonder doel
portfolio-kind-project_without_lead = Projecten zonder trekker
portfolio-kind-project_without_owner = Projecten zonder eigenaar
portfolio-kind-likely_duplicate = Projecten die op elkaar lijken
portfolio-kind-partner_overloaded = Partners met te veel projecten
portfolio-kind-agreement_past_evaluation = Afspraken die geëvalueerd moeten worden
portfolio-kind-goal_without_project = Doelen zonder project
portfolio-cliff-title = Financieringsklif
portfolio-cliff-intro = Projecten waarvan het geld binnen { $months ->
        [one] 1 maand
       *[other] { $months } maanden
    } stopt, zonder dat er vervolgfinanciering is.
portfolio-cliff-none = Geen projecten waarvan het geld binnenkort stopt.
portfolio-share-title = Aandeel structurele financiering per jaar
portfolio-share-intro = Hoeveel van het geld voor de projecten structureel is. Duurzame impact vraagt om minder projectgeld en meer structureel geld.
portfolio-share-chart-desc = Staafdiagram: per jaar het deel structureel geld (onder) en eenmalig geld (boven). De tabel ernaast geeft dezelfde cijfers.
portfolio-share-table = Financiering per jaar
portfolio-share-empty = Er is nog geen financiering vastgelegd.
portfolio-share-percent = Aandeel structureel
portfolio-year = Jaar
portfolio-settings-title = Instellingen
portfolio-max-active = Hoogste aantal lopende projecten per partner
portfolio-max-active-hint = Een partner met meer lopende projecten (pilot, loopt, opgeschaald) noemen we overbelast. Een getal van 1 tot en met 50.
portfolio-cliff-horizon = Vooruitkijken voor de financieringsklif (maanden)
portfolio-cliff-horizon-hint = Hoe ver vooruit we kijken naar geld dat stopt. Een getal van 1 tot en met 36.
portfolio-settings-save = Instellingen opslaan

## Dashboard
dashboard-coherence = Samenhang
dashboard-coherence-all = Alles over samenhang
dashboard-coherence-more = En nog { $count } meer
dashboard-funding = Financiering
dashboard-funding-all = Alles over financiering

## Fasechecklist
checklist-title = Fasechecklist
checklist-intro = De bouwstenen van de drie fasen van een netwerk. Houd bij hoe ver jullie zijn, wie ermee bezig is en wat laat zien dat het klaar is.
checklist-progress-title = Voortgang per fase
checklist-current-phase = huidige fase
checklist-in-progress-count = { $count } mee bezig
checklist-owner = Wie is ermee bezig
checklist-evidence = Bewijs
checklist-note = Toelichting
checklist-edit = Bijwerken
checklist-field-status = Status
checklist-field-owner = Wie is ermee bezig
checklist-field-evidence = Bewijs
checklist-field-note = Toelichting
checklist-evidence-hint = Eén per regel: afspraak:12, bijeenkomst:4 of project:7, of een webadres van een document dat begint met https://.
checklist-evidence-codes = Nummers van afspraken, bijeenkomsten en projecten

## Foutmeldingen
error-number-out-of-range = Dit getal is te groot of te klein. Kijk bij het veld wat kan.
error-evidence-unknown = Een van de bewijsstukken bestaat niet in dit netwerk. Controleer het nummer.

## Logboek
object-project = Project
object-funding_stream = Financieringsstroom
object-checklist_item = Bouwsteen van de fasechecklist
object-portfolio_settings = Instellingen van samenhang en financiering
