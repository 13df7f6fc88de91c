## Knowledge lab (kennislab)

knowledge-kind-article = Artikel
knowledge-kind-tool = Werkwijze of sjabloon
knowledge-kind-reference = Naslagwerk
knowledge-kind-experience = Leerervaring
knowledge-kind-success = Succesverhaal
knowledge-kind-question = Open vraag
knowledge-visibility-network = Alleen dit netwerk
knowledge-visibility-shared = Alle netwerken van deze installatie
error-too-many = Dit zijn er te veel.
error-shared-coordinator-only = Alleen de coördinator deelt een kennisitem met alle netwerken.
knowledge-link-kind-project = Projecten
knowledge-link-kind-meeting = Bijeenkomsten
knowledge-link-kind-survey_round = Evaluatierondes
error-attachment-type-not-allowed = Dit soort bestand kan niet. Voeg een pdf, Word- of Excel-bestand of een afbeelding (png, jpg, gif of webp) toe.
error-file-name-mismatch = De naam van het bestand past niet bij wat erin zit. Geef het bestand de juiste extensie, zoals .pdf of .docx.

## The item's page
nav-knowledge = Kennislab
knowledge-lab = Kennislab
knowledge-kind = Soort
knowledge-network = Netwerk
knowledge-author = Gedeeld door
knowledge-author-unknown = onbekend
knowledge-date = Datum
knowledge-updated-on = bijgewerkt op { $date }
knowledge-themes = Thema's
knowledge-phase = Fase
knowledge-sectors = Sectoren
knowledge-visibility = Wie mag het zien
knowledge-views = Keer bekeken
knowledge-links = Verwijzingen
knowledge-targets = Hoort bij
knowledge-target-archived = gearchiveerd
knowledge-target-closed = afgesloten
knowledge-archived-notice = Dit kennisitem is gearchiveerd. Het staat niet meer in het kennislab en is niet te vinden bij zoeken. Je kunt het terugzetten.
knowledge-archive-title = Kennisitem archiveren
knowledge-archive-question = Wil je ‘{ $title }’ archiveren?
knowledge-archive-explain = Het item verdwijnt uit het kennislab en uit de zoekresultaten. Bijlagen, vragen en antwoorden blijven bewaard. Je kunt het later terugzetten.

## The form
knowledge-add = Kennisitem toevoegen
knowledge-edit = Kennisitem wijzigen
knowledge-form-intro = Deel wat jullie leerden, maakten of willen weten, zodat anderen erop kunnen voortbouwen.
knowledge-title = Titel
knowledge-body = Tekst
knowledge-body-hint = Je kunt opmaak gebruiken: **vet**, *schuin*, een regel die begint met - wordt een opsomming, # maakt een kop, [tekst](https://…) maakt een link.
knowledge-themes-hint = Scheid thema's met een komma, bijvoorbeeld: bewegen, eenzaamheid. Hoogstens 8.
knowledge-links-hint = Eén webadres per regel, beginnend met https://.
knowledge-visibility-hint = Alleen de coördinator kan een item delen met alle netwerken.
knowledge-targets-hint = Koppel het item aan projecten, bijeenkomsten of evaluatierondes van dit netwerk. Het staat dan ook op die pagina's onder ‘Wat we leerden’.

## Attachments
knowledge-attachments = Bijlagen
knowledge-attachments-empty = Er zijn nog geen bijlagen.
knowledge-attachment-name = Bestand
knowledge-attachment-type = Soort
knowledge-attachment-size = Grootte
knowledge-attachment-date = Toegevoegd op
knowledge-attachment-remove = Verwijderen
knowledge-attachment-file = Bijlage
knowledge-attachment-hint = Een pdf, Word- of Excel-bestand of een afbeelding, hoogstens 20 MB. De tekst van pdf-, Word- en Excel-bestanden is te vinden bij zoeken.
knowledge-attachment-add = Bijlage toevoegen
knowledge-file-pdf = Pdf
knowledge-file-docx = Word-document
knowledge-file-xlsx = Excel-bestand
knowledge-file-image = Afbeelding
knowledge-file-other = Bestand

## Questions and answers
knowledge-questions = Vragen en antwoorden
knowledge-questions-empty = Er zijn nog geen vragen gesteld.
knowledge-answers = Antwoorden
knowledge-answer = Beantwoorden
knowledge-answer-body = Je antwoord
knowledge-question-body = Je vraag
knowledge-ask = Vraag stellen
knowledge-ask-title = Stel een vraag
knowledge-ask-hint = Iedereen die dit item kan zien, kan je vraag lezen en beantwoorden.
knowledge-question-remove = Verwijderen

## On project, meeting and round pages
knowledge-learned = Wat we leerden
knowledge-learned-add = Kennisitem toevoegen
knowledge-learned-empty = Hier is nog niets over gedeeld in het kennislab.

## Kennislab search and the header search

lab-intro = Zoek in wat de netwerken leerden, maakten en willen weten: van je eigen netwerken en wat andere netwerken met iedereen delen.
lab-search-label = Zoeken in het kennislab
lab-sort = Volgorde
lab-sort-relevance = Best passend
lab-sort-newest = Nieuwste eerst
lab-sort-views = Meest bekeken eerst
lab-search-button = Zoeken
lab-newest = Nieuwste kennisitems
lab-results = Zoekresultaten
lab-count = Gevonden: { $count }
lab-clear-filters = Filters wissen
lab-empty = Er staan nog geen kennisitems in het kennislab. Voeg het eerste toe.
lab-no-results = Niets gevonden. Probeer een ander woord of minder filters.
lab-most-viewed = Meest bekeken
lab-filter = Filteren
lab-year = Jaar
lab-apply-filters = Filters toepassen
lab-shared = gedeeld
lab-views = { $count } keer bekeken
lab-in-attachment = In een bijlage:
lab-related = Verwante items
search-title = Zoeken
search-label = Zoek partners, personen, projecten, bijeenkomsten en kennis
search-nothing = Niets gevonden voor ‘{ $text }’.
search-found-for = Resultaten voor ‘{ $text }’.
search-partners = Partners
search-persons = Personen
search-projects = Projecten
search-meetings = Bijeenkomsten
search-all-knowledge = Alle { $count } kennisitems bekijken
header-search-label = Zoeken in Verband
