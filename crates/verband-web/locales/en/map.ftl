# Verband — network map, network scores, relationships and network files.

nav-map = Network map

## The map
map-title = Network map
map-intro = The partners as dots and their relationships as lines. Choose how to colour and size them, filter by kind of relationship, strength and sector, and click a partner to see its figures. Below the map the same information is in a table.
map-link-relationships = Keep relationships
map-link-files = Network files (Gephi, Kumu)
map-empty = No relationships have been recorded yet, so there is no map yet.
map-empty-add = Record relationships or read in a network file.
map-svg-title = Network map { $round }: { $partners } partners, { $ties } relationships
map-node-hover = { $name } ({ $sector }), { $degree } { $degree ->
    [one] relationship
   *[other] relationships
}
map-legend-broker = Broker
map-legend-isolated = No relationships
map-community-n = Group { $n }
map-caption = { $partners } partners, { $ties } relationships.
map-caption-table = To the table.
map-download-svg = Map as SVG
map-download-png = Map as PNG
map-download-files = To Gephi or Kumu
map-file-name = network-map
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-zoom-reset = Reset view

## Filters
map-filter-round = Round
map-filter-colour = Colour by
map-colour-sector = Sector
map-colour-community = Group (found in the relationships)
map-colour-working-group = Working group
map-filter-size = Size by
map-size-degree = Number of relationships
map-size-betweenness = Brokerage (betweenness)
map-size-trust = Trust
map-size-value = Value
map-filter-sector = Sector
map-filter-all-sectors = All sectors
map-filter-strength = Strength
map-filter-any-strength = Any strength
map-strength-at-least = At least { $n }
map-filter-kinds = Kind of relationship
map-filter-kinds-hint = Nothing ticked: all kinds.
map-filter-apply = Show

## A partner's panel
map-panel-open-partner = To this partner's details
map-panel-broker = Connects partners who would otherwise not reach each other.
map-panel-isolated = Has no relationships in this round yet.
map-panel-neighbours = { $count } direct { $count ->
    [one] relationship
   *[other] relationships
}
map-panel-no-neighbours = No direct relationships.
map-panel-close = Close the panel

## Table
map-table-title = The map as a table
map-table-caption = { $count } partners and their position in the network
map-col-partner = Partner
map-col-sector = Sector
map-col-degree = Relationships
map-col-betweenness = Betweenness
map-col-closeness = Closeness
map-col-trust = Trust (1–4)
map-col-value = Value (1–4)
map-col-community = Group
map-col-neighbours = Related to

## Network scores
map-scores-title = Network scores
map-score-density = Density { $share }: of all possible relationships between the { $partners } partners, { $ties } exist.
map-score-centralization = Centralization { $value }: { $band ->
    [low] relationships are spread fairly evenly over the partners.
    [high] a few partners hold most relationships; if one drops out, the network loses a lot.
   *[medium] some partners clearly have more relationships than others.
}
map-score-components = The network consists of { $components } { $components ->
    [one] connected part
   *[other] separate parts
}; { $isolated ->
    [0] every partner has at least one relationship.
    [one] 1 partner has no relationship yet.
   *[other] { $isolated } partners have no relationship yet.
}
map-score-trust-value = Average trust { $trust } out of 4 ({ $trustShare }) and average value { $value } out of 4 ({ $valueShare }).
map-score-trust-only = Average trust { $trust } out of 4 ({ $trustShare }); no value ratings yet.
map-score-value-only = Average value { $value } out of 4 ({ $valueShare }); no trust ratings yet.
map-score-no-ratings = No trust or value ratings have been given in this round yet.
map-score-reciprocity = Reciprocity { $share }: this share of reported relationships is reported by the other partner too.
map-score-reciprocity-undirected = Reciprocity does not apply here: in this round every relationship holds for both partners.
map-score-cross-sector = { $share } of relationships cross sectors (E-I index { $ei }: { $band ->
    [low] partners work mostly within their own sector
    [high] the network really connects different sectors
   *[medium] a mix of relationships within and across sectors
}).
map-score-cross-sector-none = Without relationships there is nothing to say yet about work across sectors.
map-score-communities = { $count ->
    [0] No groups were found that work together more among themselves than with the rest.
    [one] 1 group of partners was found that works closely together (modularity { $modularity }).
   *[other] { $count } groups of partners were found that work together more among themselves than with the rest (modularity { $modularity }).
}
map-community-match = Group { $n } ({ $size } partners) overlaps most with { $group }: { $shared } of its { $size } partners { $shared ->
    [one] takes
   *[other] take
} part in it.
map-community-no-match = Group { $n } ({ $size } partners) does not match a working group.
map-no-previous = There is no earlier round to compare with.
map-compare-caption = Compared with the previous round ({ $round })
map-compare-measure = Measure
map-compare-before = Previous round
map-compare-now = Now
map-change-up = up
map-change-down = down
map-change-same = unchanged
map-measure-density = Density
map-measure-ties = Relationships
map-measure-centralization = Centralization
map-measure-isolated = Partners without relationships
map-measure-trust = Average trust
map-measure-value = Average value
map-measure-cross-sector = Relationships across sectors

## Relationships and rounds
relationships-title = Relationships
relationships-intro = A round is a snapshot of the relationships in the network: kept by hand, read from a file or (later) from the relationship survey. The map shows one round at a time and compares it with the previous one.
rounds-title = Rounds
rounds-empty = No rounds yet. Start a round to record relationships.
round-new = Start a new round
round-create = Start round
round-field-label = Name
round-field-label-hint = For example "Autumn 2026".
round-field-date = Date of the round
round-field-directed = Each relationship is one partner's report about another (as in a questionnaire)
round-field-copy = Copy the relationships of
round-col-origin = Source
round-col-count = Relationships
round-directed = directed
round-origin-manual = By hand
round-origin-import = Read from a file
round-origin-survey = Relationship survey
round-archive-title = Archive round
round-archive-question = Do you want to archive the round "{ $round }" with { $count } relationships? It disappears from the map and the comparison; you can restore it right after.
round-archived = Round archived.
relationships-of-round = Relationships in { $round }
relationships-see-map = See this round on the map
relationships-need-partners = Add at least two partners first.
relationships-empty = This round has no relationships yet.
relationships-caption = { $count } relationships
relationship-add = Add a relationship
relationship-save = Save relationship
relationship-remove = Remove
relationship-removed = Relationship removed.
relationship-field-source = Partner
relationship-field-target = Works with
relationship-field-kind = Kind of relationship
relationship-field-strength = Strength
relationship-field-trust = Trust
relationship-field-trust-hint = How reliable, open and committed to the shared mission does the first partner find the second?
relationship-field-value = Value
relationship-field-value-hint = How much influence, involvement and resources does the second partner bring, according to the first?
relationship-field-note = Note
relationship-strength-1 = 1 – loose contacts
relationship-strength-2 = 2 – together now and then
relationship-strength-3 = 3 – regularly together
relationship-strength-4 = 4 – closely together
relationship-strength-5 = 5 – intensive, shared delivery
relationship-rating-1 = 1 – not at all
relationship-rating-2 = 2 – a little
relationship-rating-3 = 3 – fairly
relationship-rating-4 = 4 – to a great extent
relationship-kind-information_exchange = Information exchange
relationship-kind-joint_project = Joint project
relationship-kind-client_referral = Client referral
relationship-kind-shared_funding = Shared funding
relationship-kind-shared_staff = Shared staff
relationship-kind-other = Other
error-relationship-same-partner = Choose two different partners.
undo = Undo
actions-column = Actions

## Network files
network-files-title = Network files
network-files-intro = Use this network's relationships in Gephi, Kumu, networkx or another network tool, or read a network from such a tool in as a new round.
network-files-export = Download
network-files-no-rounds = There is no round to download yet.
network-files-choose-round = Choose round
network-format-gexf = GEXF (Gephi)
network-format-graphml = GraphML (yEd, networkx, igraph)
network-format-kumu = Kumu (JSON)
network-format-gephi-nodes = Gephi table: partners (CSV)
network-format-gephi-edges = Gephi table: relationships (CSV)
network-files-import = Read in
network-files-import-intro = First you see which dots of the file belong to which partner. Only when you confirm does the file become a new round, all at once; partners that do not exist yet are then added.
network-files-import-coordinator-only = Only the network's coordinator can read in network files.
network-files-field-file = Network file
network-files-file-hint = GEXF, GraphML, Kumu (JSON) or Gephi's relationships table (CSV), at most { $megabytes } MB. Dots belong to a partner when their id or name matches.
network-files-field-nodes = Gephi table of partners
network-files-nodes-hint = Only with a Gephi relationships table: the table of dots, for names and sectors.
network-files-check = Check file
network-import-file-missing = Choose a file.
network-import-already = This file has already been read in.
network-preview-title = Check of { $file }
network-preview-summary = { $nodes } dots, of which { $matched } belong to an existing partner and { $new } become new partners; { $ties } relationships.
network-preview-directed = The relationships in this file have a direction.
network-preview-undirected = The relationships in this file hold both ways.
network-preview-skipped = { $count } relationships of a dot with itself are skipped.
network-preview-caption = Dots in the file and their partner
network-preview-col-node = Dot in the file
network-preview-col-partner = Partner in Verband
network-preview-by-id = { $partner } (same id)
network-preview-by-name = { $partner } (same name)
network-preview-new = New partner, sector { $sector }
network-import-field-label = Name of the new round
network-import-default-label = Read from { $file }
network-import-confirm = Read in as a new round
network-import-nodes-table = partners table
network-import-edges-table = relationships table
network-import-at-line = line { $line }
network-import-at-line-column = line { $line }, column { $column }
network-import-error-too-large = The file is too large.
network-import-error-not-utf8 = The file is not UTF-8 text. Save it as UTF-8 and try again.
network-import-error-malformed-xml = The file is not valid XML.
network-import-error-malformed-json = The file is not valid JSON.
network-import-error-malformed-csv = The table is not a valid CSV file.
network-import-error-too-deep = The file is nested too deeply to be a network.
network-import-error-wrong-format = This is not a GEXF, GraphML or Kumu file, nor a Gephi table.
network-import-error-invalid = The file does not follow its format.
network-import-error-missing-column = A required column is missing (such as Source and Target).
network-import-error-missing-node-id = A dot has no id.
network-import-error-duplicate-node-id = Two dots have the same id.
network-import-error-missing-edge-end = A relationship lacks a start or end point.
network-import-error-unknown-node = A relationship refers to a dot that is not in the file.
network-import-error-bad-weight = A weight is not a positive number.
network-import-error-bad-value = A value does not fit the type of its attribute.
network-import-error-undeclared-attribute = An attribute is used without being declared.
network-import-error-unsupported = The file uses something Verband cannot read.
network-import-error-reserved-name = An attribute has a name the format itself uses.
network-import-error-cannot-write = This network cannot be written in this format.
