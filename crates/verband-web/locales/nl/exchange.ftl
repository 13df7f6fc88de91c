# Verband — Excel in en uit: exporteren en importeren van partners, personen, projecten en toezeggingen.

exchange-title = Excel in en uit
exchange-link = Exporteren en importeren (Excel, CSV)
exchange-intro = Download de gegevens van dit netwerk als Excel- of CSV-bestand, of lees een bestand in om veel gegevens tegelijk toe te voegen of bij te werken.

## Soorten gegevens
exchange-kind-organisations = Partners
exchange-kind-persons = Contactpersonen
exchange-kind-projects = Projecten
exchange-kind-commitments = Toezeggingen bij afspraken
exchange-file-organisations = partners
exchange-file-persons = contactpersonen
exchange-file-projects = projecten
exchange-file-commitments = toezeggingen

## Exporteren
exchange-export-title = Exporteren
exchange-export-intro = Gearchiveerde gegevens staan niet in de bestanden. Kies "CSV voor Excel" als je het bestand in een Nederlandse Excel wilt openen.
exchange-export-caption = Downloads per soort gegevens
exchange-col-kind = Gegevens
exchange-col-downloads = Downloaden

## Importeren
exchange-import-title = Importeren
exchange-import-intro = Je ziet eerst per rij wat er verandert en wat er niet klopt. Er wordt pas iets opgeslagen als je bevestigt, en dan het hele bestand in één keer of helemaal niets. Een rij met een nummer in de kolom "id" werkt dat record bij; een rij zonder nummer voegt een nieuw record toe, of werkt het record met dezelfde naam bij.
exchange-import-coordinator-only = Alleen de coördinator van het netwerk kan bestanden inlezen.
exchange-field-kind = Wat staat er in het bestand?
exchange-field-file = Bestand
exchange-file-hint = Een Excel-bestand (.xlsx) of een CSV-bestand met komma's of puntkomma's, van hoogstens { $megabytes } MB en { $rows } rijen. Tip: begin met een export, dan kloppen de kolomkoppen.
exchange-check = Bestand controleren
import-error-file-missing = Kies een bestand om in te lezen.
import-error-too-large = Het bestand is groter dan { $megabytes } MB. Verdeel de rijen over een paar kleinere bestanden.
import-error-too-many-rows = Het bestand heeft meer dan { $rows } rijen. Verdeel de rijen over een paar kleinere bestanden.

## Controle vóór het opslaan
exchange-preview-title = Controle van { $file }
exchange-preview-kind = Soort gegevens: { $kind }.
exchange-preview-clean = Alles klopt. Er is nog niets opgeslagen: bevestig hieronder om het bestand te verwerken.
exchange-problem-count = { $count ->
        [one] 1 probleem in het bestand
       *[other] { $count } problemen in het bestand
    }
exchange-header-problems-title = Problemen met de kolomkoppen
exchange-problems-title = Fouten per rij
exchange-problems-caption = Fouten in het bestand, per rij en kolom
exchange-col-row = Rij
exchange-col-column = Kolom
exchange-col-problem = Wat er niet klopt
exchange-ignored-title = Kolommen die we niet lezen
exchange-other-file = Een verbeterd bestand inlezen
exchange-cancel = Niet verwerken
exchange-changed-since = Sinds je controle zijn de gegevens in Verband veranderd, waardoor het bestand niet meer helemaal klopt. Er is niets opgeslagen. Hieronder zie je hoe het bestand er nu voor staat.

## Na het verwerken
exchange-imported = Verwerkt: { $create } nieuw, { $update } bijgewerkt, { $unchanged } ongewijzigd.
exchange-to-list = Naar de lijst: { $kind }
exchange-already-imported = Dit bestand is al verwerkt. Er is niets dubbel opgeslagen.

## Foutmeldingen bij rijen
error-goal-unknown = Dit doel staat niet bij de doelen van dit netwerk. Voeg het eerst toe, of controleer de spelling.
error-person-unknown = Deze persoon staat niet bij de contactpersonen van dit netwerk. Voeg hem of haar eerst toe, of controleer de naam of het e-mailadres.
error-agreement-unknown = Deze afspraak bestaat niet in dit netwerk. Leg haar eerst vast, of controleer de titel.
error-name-ambiguous = Deze naam hoort bij meer dan één record. Maak de namen eerst uniek, of gebruik bij een persoon het e-mailadres.
error-id-duplicate-in-file = Dit nummer staat al eerder in het bestand.
error-commitment-duplicate-in-file = Deze partner heeft in het bestand al een toezegging met deze rol bij deze afspraak.
error-agreement-changed = Een toezegging kan niet naar een andere afspraak verhuizen. Maak de id-cel leeg om haar als nieuwe toezegging toe te voegen.
