# Verband — netwerkkaart, netwerkscores, relaties en netwerkbestanden.

nav-map = Netwerkkaart

## De kaart
map-title = Netwerkkaart
map-intro = De partners als punten en hun relaties als lijnen. Kies hoe je kleurt en vergroot, filter op soort relatie, sterkte en sector, en klik op een partner voor zijn gegevens. Onder de kaart staat dezelfde informatie in een tabel.
map-link-relationships = Relaties bijhouden
map-link-files = Netwerkbestanden (Gephi, Kumu)
map-empty = Er zijn nog geen relaties vastgelegd, dus er is nog geen kaart.
map-empty-add = Leg relaties vast of lees een netwerkbestand in.
map-svg-title = Netwerkkaart { $round }: { $partners } partners, { $ties } relaties
map-node-hover = { $name } ({ $sector }), { $degree } { $degree ->
    [one] relatie
   *[other] relaties
}
map-legend-broker = Verbinder (makelaar)
map-legend-isolated = Zonder relaties
map-community-n = Groep { $n }
map-caption = { $partners } partners, { $ties } relaties.
map-caption-table = Naar de tabel.
map-download-svg = Kaart als SVG
map-download-png = Kaart als PNG
map-download-files = Naar Gephi of Kumu
map-file-name = netwerkkaart
map-zoom-in = Inzoomen
map-zoom-out = Uitzoomen
map-zoom-reset = Beginbeeld

## Filters
map-filter-round = Meting
map-filter-colour = Kleur naar
map-colour-sector = Sector
map-colour-community = Groep (gevonden in de relaties)
map-colour-working-group = Werkgroep
map-filter-size = Grootte naar
map-size-degree = Aantal relaties
map-size-betweenness = Verbindende positie
map-size-trust = Vertrouwen
map-size-value = Waarde
map-filter-sector = Sector
map-filter-all-sectors = Alle sectoren
map-filter-strength = Sterkte
map-filter-any-strength = Elke sterkte
map-strength-at-least = Minstens { $n }
map-filter-kinds = Soort relatie
map-filter-kinds-hint = Niets aangevinkt: alle soorten.
map-filter-apply = Toon

## Paneel van een partner
map-panel-open-partner = Naar de gegevens van deze partner
map-panel-broker = Verbindt partners die elkaar anders niet bereiken.
map-panel-isolated = Heeft nog geen relaties in deze meting.
map-panel-neighbours = { $count } { $count ->
    [one] directe relatie
   *[other] directe relaties
}
map-panel-no-neighbours = Geen directe relaties.
map-panel-close = Paneel sluiten

## Tabel
map-table-title = De kaart als tabel
map-table-caption = { $count } partners met hun positie in het netwerk
map-col-partner = Partner
map-col-sector = Sector
map-col-degree = Relaties
map-col-betweenness = Verbindende positie
map-col-closeness = Nabijheid
map-col-trust = Vertrouwen (1–4)
map-col-value = Waarde (1–4)
map-col-community = Groep
map-col-neighbours = Relaties met

## Netwerkscores
map-scores-title = Netwerkscores
map-score-density = Dichtheid { $share }: van alle mogelijke relaties tussen de { $partners } partners bestaan er { $ties }.
map-score-centralization = Centralisatie { $value }: { $band ->
    [low] de relaties zijn vrij gelijk over de partners verdeeld.
    [high] een paar partners hebben de meeste relaties; valt er één weg, dan raakt het netwerk veel kwijt.
   *[medium] sommige partners hebben duidelijk meer relaties dan andere.
}
map-score-components = Het netwerk bestaat uit { $components } { $components ->
    [one] samenhangend deel
   *[other] losse delen
}; { $isolated ->
    [0] elke partner heeft minstens één relatie.
    [one] 1 partner heeft nog geen enkele relatie.
   *[other] { $isolated } partners hebben nog geen enkele relatie.
}
map-score-trust-value = Gemiddeld vertrouwen { $trust } van 4 ({ $trustShare }) en gemiddelde waarde { $value } van 4 ({ $valueShare }).
map-score-trust-only = Gemiddeld vertrouwen { $trust } van 4 ({ $trustShare }); over waarde is nog niets gemeld.
map-score-value-only = Gemiddelde waarde { $value } van 4 ({ $valueShare }); over vertrouwen is nog niets gemeld.
map-score-no-ratings = In deze meting zijn nog geen scores voor vertrouwen en waarde gegeven.
map-score-reciprocity = Wederkerigheid { $share }: zoveel van de gemelde relaties noemt de andere partner ook.
map-score-reciprocity-undirected = Wederkerigheid is hier niet van toepassing: in deze meting geldt elke relatie voor beide partners.
map-score-cross-sector = { $share } van de relaties loopt tussen verschillende sectoren (E-I-index { $ei }: { $band ->
    [low] partners werken vooral binnen hun eigen sector
    [high] het netwerk verbindt echt verschillende sectoren
   *[medium] een mengeling van relaties binnen en tussen sectoren
}).
map-score-cross-sector-none = Zonder relaties valt nog niets te zeggen over samenwerking tussen sectoren.
map-score-communities = { $count ->
    [0] Er zijn geen groepen gevonden die onderling meer samenwerken dan met de rest.
    [one] Er is 1 groep partners gevonden die onderling veel samenwerkt (modulariteit { $modularity }).
   *[other] Er zijn { $count } groepen partners gevonden die onderling meer samenwerken dan met de rest (modulariteit { $modularity }).
}
map-community-match = Groep { $n } ({ $size } partners) valt het meest samen met { $group }: { $shared } van de { $size } partners { $shared ->
    [one] zit
   *[other] zitten
} daarin.
map-community-no-match = Groep { $n } ({ $size } partners) valt niet samen met een werkgroep.
map-no-previous = Er is geen eerdere meting om mee te vergelijken.
map-compare-caption = Vergeleken met de vorige meting ({ $round })
map-compare-measure = Maat
map-compare-before = Vorige meting
map-compare-now = Nu
map-change-up = gestegen
map-change-down = gedaald
map-change-same = gelijk gebleven
map-measure-density = Dichtheid
map-measure-ties = Relaties
map-measure-centralization = Centralisatie
map-measure-isolated = Partners zonder relaties
map-measure-trust = Gemiddeld vertrouwen
map-measure-value = Gemiddelde waarde
map-measure-cross-sector = Relaties tussen sectoren

## Relaties en metingen
relationships-title = Relaties
relationships-intro = Een meting is een momentopname van de relaties in het netwerk: met de hand bijgehouden, ingelezen uit een bestand of (later) uit de netwerkbevraging. De kaart toont steeds één meting en vergelijkt die met de vorige.
rounds-title = Metingen
rounds-empty = Nog geen metingen. Begin een meting om relaties vast te leggen.
round-new = Nieuwe meting beginnen
round-create = Meting beginnen
round-field-label = Naam
round-field-label-hint = Bijvoorbeeld "Najaar 2026".
round-field-date = Datum van de meting
round-field-directed = Elke relatie is een melding van de ene partner over de andere (zoals in een vragenlijst)
round-field-copy = Neem de relaties over uit
round-col-origin = Herkomst
round-col-count = Relaties
round-directed = met richting
round-origin-manual = Met de hand
round-origin-import = Ingelezen
round-origin-survey = Netwerkbevraging
round-archive-title = Meting archiveren
round-archive-question = Wil je de meting "{ $round }" met { $count } relaties archiveren? Ze verdwijnt van de kaart en uit de vergelijking; je kunt haar direct daarna terugzetten.
round-archived = Meting gearchiveerd.
relationships-of-round = Relaties in { $round }
relationships-see-map = Bekijk deze meting op de kaart
relationships-need-partners = Voeg eerst minstens twee partners toe.
relationships-empty = Deze meting heeft nog geen relaties.
relationships-caption = { $count } relaties
relationship-add = Relatie toevoegen
relationship-save = Relatie opslaan
relationship-remove = Verwijderen
relationship-removed = Relatie verwijderd.
relationship-field-source = Partner
relationship-field-target = Werkt samen met
relationship-field-kind = Soort relatie
relationship-field-strength = Sterkte
relationship-field-trust = Vertrouwen
relationship-field-trust-hint = Hoe betrouwbaar, open en betrokken bij de gezamenlijke opgave vindt de eerste partner de tweede?
relationship-field-value = Waarde
relationship-field-value-hint = Hoeveel invloed, inzet en middelen brengt de tweede partner volgens de eerste in?
relationship-field-note = Toelichting
relationship-strength-1 = 1 – losse contacten
relationship-strength-2 = 2 – af en toe samen
relationship-strength-3 = 3 – regelmatig samen
relationship-strength-4 = 4 – nauw samen
relationship-strength-5 = 5 – intensief, gedeelde uitvoering
relationship-rating-1 = 1 – helemaal niet
relationship-rating-2 = 2 – een beetje
relationship-rating-3 = 3 – redelijk
relationship-rating-4 = 4 – in hoge mate
relationship-kind-information_exchange = Informatie uitwisselen
relationship-kind-joint_project = Samen een project
relationship-kind-client_referral = Cliënten doorverwijzen
relationship-kind-shared_funding = Gedeelde financiering
relationship-kind-shared_staff = Gedeeld personeel
relationship-kind-other = Anders
error-relationship-same-partner = Kies twee verschillende partners.
undo = Ongedaan maken
actions-column = Acties

## Netwerkbestanden
network-files-title = Netwerkbestanden
network-files-intro = Gebruik de relaties van dit netwerk in Gephi, Kumu, networkx of een ander netwerkprogramma, of lees een netwerk uit zo'n programma in als nieuwe meting.
network-files-export = Downloaden
network-files-no-rounds = Er is nog geen meting om te downloaden.
network-files-choose-round = Kies meting
network-format-gexf = GEXF (Gephi)
network-format-graphml = GraphML (yEd, networkx, igraph)
network-format-kumu = Kumu (JSON)
network-format-gephi-nodes = Gephi-tabel: partners (CSV)
network-format-gephi-edges = Gephi-tabel: relaties (CSV)
network-files-import = Inlezen
network-files-import-intro = Je ziet eerst welke punten uit het bestand bij welke partner horen. Pas als je bevestigt, wordt het bestand in één keer een nieuwe meting; partners die nog niet bestaan, worden dan toegevoegd.
network-files-import-coordinator-only = Alleen de coördinator van het netwerk kan netwerkbestanden inlezen.
network-files-field-file = Netwerkbestand
network-files-file-hint = GEXF, GraphML, Kumu (JSON) of de relatietabel van Gephi (CSV), hoogstens { $megabytes } MB. Punten horen bij een partner als hun id of naam overeenkomt.
network-files-field-nodes = Gephi-tabel met partners
network-files-nodes-hint = Alleen bij een Gephi-relatietabel: de tabel met punten, voor namen en sectoren.
network-files-check = Bestand controleren
network-import-file-missing = Kies een bestand.
network-import-already = Dit bestand is al ingelezen.
network-preview-title = Controle van { $file }
network-preview-summary = { $nodes } punten, waarvan { $matched } bij een bestaande partner horen en { $new } nieuwe partners worden; { $ties } relaties.
network-preview-directed = De relaties in dit bestand hebben een richting.
network-preview-undirected = De relaties in dit bestand gelden in beide richtingen.
network-preview-skipped = { $count } relaties van een punt met zichzelf worden overgeslagen.
network-preview-caption = Punten uit het bestand en hun partner
network-preview-col-node = Punt in het bestand
network-preview-col-partner = Partner in Verband
network-preview-by-id = { $partner } (zelfde id)
network-preview-by-name = { $partner } (zelfde naam)
network-preview-new = Nieuwe partner, sector { $sector }
network-import-field-label = Naam van de nieuwe meting
network-import-default-label = Ingelezen uit { $file }
network-import-confirm = Inlezen als nieuwe meting
network-import-nodes-table = partnertabel
network-import-edges-table = relatietabel
network-import-at-line = regel { $line }
network-import-at-line-column = regel { $line }, kolom { $column }
network-import-error-too-large = Het bestand is te groot.
network-import-error-not-utf8 = Het bestand is geen tekst in UTF-8. Sla het op als UTF-8 en probeer het opnieuw.
network-import-error-malformed-xml = Het bestand is geen geldige XML.
network-import-error-malformed-json = Het bestand is geen geldige JSON.
network-import-error-malformed-csv = De tabel is geen geldig CSV-bestand.
network-import-error-too-deep = Het bestand is te diep genest om een netwerk te zijn.
network-import-error-wrong-format = Dit is geen GEXF-, GraphML- of Kumu-bestand en geen Gephi-tabel.
network-import-error-invalid = Het bestand klopt niet met zijn formaat.
network-import-error-missing-column = Er ontbreekt een kolom die nodig is (zoals Source en Target).
network-import-error-missing-node-id = Een punt heeft geen id.
network-import-error-duplicate-node-id = Twee punten hebben hetzelfde id.
network-import-error-missing-edge-end = Een relatie mist een begin- of eindpunt.
network-import-error-unknown-node = Een relatie verwijst naar een punt dat niet in het bestand staat.
network-import-error-bad-weight = Een gewicht is geen positief getal.
network-import-error-bad-value = Een waarde past niet bij het type van haar kenmerk.
network-import-error-undeclared-attribute = Een kenmerk wordt gebruikt zonder dat het is gedeclareerd.
network-import-error-unsupported = Het bestand gebruikt iets wat Verband niet kan inlezen.
network-import-error-reserved-name = Een kenmerk heeft een naam die het formaat zelf gebruikt.
network-import-error-cannot-write = Dit netwerk kan niet in dit formaat worden geschreven.
