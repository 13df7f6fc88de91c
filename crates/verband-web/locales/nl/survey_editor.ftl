# Verband — vragenlijsten bewerken: eigen vragenlijsten, pagina's, vragen en thema's.

instrument-edit = Bewerken
instrument-new-blank = Nieuwe lege vragenlijst

editor-title = Vragenlijst bewerken: { $name }
editor-intro-hint = Wat je hier verandert, is pas bewaard als je op Opslaan drukt. De knoppen om vragen en pagina's toe te voegen, weg te halen of te verplaatsen bewaren nog niets.
editor-version-in-use = Versie { $version } is al gebruikt voor een meetmoment. Opslaan maakt versie { $next }; meetmomenten die al liepen, houden versie { $version }.
editor-version-unused = Versie { $version }. Nog geen meetmoment gebruikt deze versie, dus opslaan past hem aan.
editor-saved-new-version = Versie { $version } opgeslagen. Meetmomenten die al liepen, houden hun versie.
editor-saved-same-version = Versie { $version } opgeslagen. Er liep nog geen meetmoment mee, dus er is geen nieuwe versie nodig.
editor-not-saved-yet = Nog niet opgeslagen.
editor-builtin-note = Een ingebouwde vragenlijst kun je niet aanpassen. Maak een kopie; die kun je helemaal naar je hand zetten.
editor-instrument = Vragenlijst

editor-in-dutch = { $field } (Nederlands)
editor-in-english = { $field } (Engels)
editor-english-hint = Leeg: Engelstalige invullers zien de Nederlandse tekst.

editor-general = Algemeen
editor-name = Naam
editor-intro = Inleiding

editor-bands = Oordeel in de uitslag
editor-bands-hint = Gemiddelden op een schaal van 1 tot 5. Bij een andere schaal rekent Verband de grenzen om.
editor-band-strength = Sterk punt vanaf
editor-band-attention = Aandachtspunt vanaf (daaronder: zorgpunt)
editor-band-divergence = Groot verschil tussen groepen vanaf
editor-band-divergence-hint = Een verschil in gemiddelde tussen groepen van minstens zoveel punten wordt gemarkeerd.

editor-factors = Thema's
editor-factors-hint = Stellingen tellen mee voor het thema dat je bij de vraag kiest. De uitslag toont per thema het gemiddelde.
editor-factor-legend = Thema { $number }
editor-factor-name = Naam van het thema
editor-key = Code
editor-key-hint = Letters, cijfers, - en _. Antwoorden worden onder deze code bewaard: laat hem staan als je alleen de tekst verbetert.
editor-add-factor = Thema toevoegen
editor-remove-factor = Thema weghalen

editor-pages = Pagina's
editor-page-legend = Pagina { $number }
editor-page-title = Titel van de pagina
editor-add-page = Pagina toevoegen
editor-remove-page = Pagina weghalen
editor-new-kind = Soort nieuwe vraag
editor-add-question = Vraag toevoegen

editor-question-legend = Vraag { $number }
editor-question-where = Pagina { $page }, vraag { $number }
editor-question-context = vraag { $number } op pagina { $page }
editor-question-key = Code
editor-question-text = Vraag
editor-question-kind = Soort vraag
editor-kind-hint = Kies je een andere soort, druk dan op "Soort toepassen" om de velden daarvan te zien.
editor-apply-kind = Soort toepassen
editor-question-factor = Thema
editor-no-factor = Geen thema
editor-factor-hint = Een thema dat je net hebt toegevoegd, kun je kiezen nadat je hebt opgeslagen.
editor-question-required = Verplicht om in te vullen
editor-question-labels = Schaalpunten
editor-labels-hint = Eén punt per regel, van laag naar hoog: Nederlands | Engels.
editor-question-options = Keuzes
editor-options-hint = Eén keuze per regel: code | Nederlands | Engels. Zonder code maakt Verband er een.
editor-question-min = Kleinste toegestane getal
editor-question-max = Grootste toegestane getal
editor-question-source = Volgt op de vraag
editor-source-hint = De vraag "met welke partners werk je samen" waarvan de gekozen partners hier beoordeeld worden.
editor-question-frequency = Hoe vaak
editor-frequency-hint = Van minst naar meest vaak, één per regel: code | Nederlands | Engels.
editor-question-work = Soort werk
editor-work-hint = Eén per regel: code | Nederlands | Engels. Codes die de netwerkkaart kent (zoals joint_project), komen als soort relatie op de kaart.
editor-question-items = Stellingen per partner
editor-items-hint = Eén per regel: code | soort | Nederlands | Engels. Soort is vertrouwen, waarde of anders.
editor-remove-question = Vraag weghalen
editor-up = Omhoog
editor-down = Omlaag

editor-kind-scale = Stelling op een schaal
editor-kind-single = Eén keuze
editor-kind-multiple = Meer keuzes
editor-kind-number = Getal
editor-kind-open_text = Open antwoord
editor-kind-partners = Met welke partners werk je samen
editor-kind-partner_ratings = Beoordeling per gekozen partner
editor-kind-open_text-hint = De invuller typt zelf een antwoord.
editor-kind-partners-hint = De invuller kiest uit de partners van het netwerk.

editor-dimension-trust = vertrouwen
editor-dimension-value = waarde
editor-dimension-other = anders

editor-done-refreshed = Het formulier is bijgewerkt.
editor-done-factor-added = Thema toegevoegd.
editor-done-factor-removed = Thema weggehaald.
editor-done-page-added = Pagina toegevoegd.
editor-done-page-removed = Pagina weggehaald.
editor-done-question-added = Vraag toegevoegd.
editor-done-question-removed = Vraag weggehaald.
editor-done-question-moved = Vraag verplaatst.

editor-blank-name = Nieuwe vragenlijst
editor-blank-page = Vragen
editor-blank-question = Nieuwe stelling
editor-agreement-1 = Helemaal oneens
editor-agreement-2 = Oneens
editor-agreement-3 = Neutraal
editor-agreement-4 = Eens
editor-agreement-5 = Helemaal eens
editor-extent-1 = Helemaal niet
editor-extent-2 = Een beetje
editor-extent-3 = Redelijk
editor-extent-4 = Heel erg

error-instrument-name-missing = Geef de vragenlijst een naam.
error-instrument-empty = Een vragenlijst heeft minstens één vraag.
error-question-key-repeated = Elke vraag heeft een eigen code.
error-question-text-missing = Vul de vraag in het Nederlands in.
error-question-factor-unknown = Dit thema bestaat niet meer. Kies een ander thema.
error-question-scale-points = Een schaal heeft 2 tot en met 11 punten, één per regel.
error-question-options-few = Geef minstens twee keuzes, één per regel.
error-question-source-unknown = Kies een vraag "met welke partners werk je samen" uit deze vragenlijst.
error-editor-key-missing = Vul een code in.
error-editor-key-format = Gebruik alleen letters, cijfers, - en _ (hoogstens 40 tekens).
error-editor-key-repeated = Deze code is al gebruikt. Kies een andere.
error-editor-kind-unknown = Kies een soort vraag uit de lijst.
error-editor-line-format = Een regel klopt niet. Schrijf per regel: Nederlands | Engels, of code | Nederlands | Engels.
error-editor-line-key-format = Een code klopt niet: gebruik alleen letters, cijfers, - en _. De codes frequency en work zijn bezet.
error-editor-line-key-repeated = Twee regels hebben dezelfde code.
error-editor-item-line-format = Een regel klopt niet. Schrijf per regel: code | soort | Nederlands | Engels, met als soort vertrouwen, waarde of anders.
error-editor-lines-none = Vul minstens één regel in.
error-editor-number = Vul een getal in, zoals 3 of 2,5.
error-editor-bounds-order = Het grootste getal is kleiner dan het kleinste.
error-editor-bands-order = Het aandachtspunt moet lager liggen dan het sterke punt, beide tussen 1 en 5.
error-editor-divergence-range = Vul een verschil in groter dan 0 en hoogstens 4.
error-editor-page-empty = Deze pagina heeft nog geen vragen. Voeg een vraag toe of haal de pagina weg.
