# Verband — bijeenkomsten en de energie van het netwerk (vitaliteit).
# Sleutels gelden voor beide talen; houd en/vitality.ftl gelijk.
# Argumenten: $body is de naam van een overleg zoals de coördinator die intypte;
# $percent is een heel getal (62 voor 62%); $weakest is al vertaald.

## Overleggen, bijeenkomsten, aanwezigheid

meeting-body-steering_group = Regiegroep
meeting-body-working_group = Werkgroep
meeting-body-network_meeting = Netwerkbijeenkomst
meeting-body-work_visit = Werkbezoek
meeting-body-learning_session = Leersessie
meeting-status-planned = Gepland
meeting-status-held = Geweest
meeting-status-cancelled = Afgelast
attendance-present = Aanwezig
attendance-excused = Afgemeld
attendance-absent = Afwezig
error-time-invalid = Vul een geldige tijd in (uu:mm).
error-present-and-excused = Een partner kan niet tegelijk aanwezig en afgemeld zijn.
error-threshold-order = De alarmgrens moet onder de aandachtsgrens liggen, en die onder het streefniveau.

## Het paneel

vitality-panel-title = Energie van het netwerk
vitality-composite-name = Vitaliteitsindex
vitality-composite-scale = { $score } van 100
vitality-signal-attendance = Aanwezigheid
vitality-signal-agenda_share = Agendapunten van partners
vitality-signal-agenda_contributors = Partners die agendapunten inbrengen
vitality-signal-actions_on_time = Actiepunten op tijd af
vitality-signal-membership = Partners erbij en eraf
vitality-signal-stories = Gedeelde successen en verhalen
vitality-signal-survey_response = Respons op de netwerkbevraging
vitality-signal-commitments_delivered = Toezeggingen nagekomen
vitality-status-ok = In orde
vitality-status-watch = Let op
vitality-status-alarm = Alarm
vitality-status-not_enough_data = Te weinig gegevens
vitality-trend-up = Stijgt
vitality-trend-down = Daalt
vitality-trend-flat = Gelijk
vitality-window-meetings = Laatste bijeenkomsten per overleg
vitality-window-days = Laatste dagen

## Uitleg per signaal

vitality-not-enough-data = Er zijn nog te weinig gegevens om hier iets over te zeggen.
vitality-not-enough-meetings = { $count ->
    [one] Er is nog geen bijeenkomst met vastgelegde aanwezigheid.
   *[other] Er zijn nog geen { $count } bijeenkomsten met vastgelegde aanwezigheid.
}
vitality-not-enough-history = Er is nog geen { $days } dagen aan gegevens.
vitality-not-measured = Dit wordt nog niet gemeten.
vitality-no-measurement-yet = Er is nog geen meting.

vitality-attendance-ok = Bij de laatste { $count ->
    [one] bijeenkomst
   *[other] { $count } bijeenkomsten
} was gemiddeld { $percent }% van de uitgenodigde partners aanwezig.
vitality-attendance-low = Bij de laatste { $count ->
    [one] bijeenkomst
   *[other] { $count } bijeenkomsten
} was gemiddeld maar { $percent }% van de uitgenodigde partners aanwezig.
vitality-attendance-low-body = Bij { $body } was in de laatste { $count ->
    [one] vergadering
   *[other] { $count } vergaderingen
} gemiddeld maar { $percent }% van de uitgenodigde partners aanwezig.
vitality-attendance-low-recent = Bij de laatste { $count ->
    [one] bijeenkomst
   *[other] { $count } bijeenkomsten
} van het netwerk was gemiddeld maar { $percent }% van de uitgenodigde partners aanwezig.

vitality-agenda-not-enough-data = Er zijn nog geen { $count } agendapunten om iets over te zeggen.
vitality-agenda-only-coordinator = { $count ->
    [one] In de laatste vergadering van { $body } kwamen alle agendapunten van de coördinator.
   *[other] In de laatste { $count } vergaderingen van { $body } kwamen alle agendapunten van de coördinator.
}
vitality-agenda-only-coordinator-recent = { $count ->
    [one] In de laatste bijeenkomst kwamen alle agendapunten van de coördinator.
   *[other] In de laatste { $count } bijeenkomsten kwamen alle agendapunten van de coördinator.
}
vitality-agenda-share-low-body = Bij { $body } kwam in de laatste { $count ->
    [one] vergadering
   *[other] { $count } vergaderingen
} maar { $percent }% van de agendapunten van andere partners dan de coördinator.
vitality-agenda-share-low-recent = In de laatste { $count ->
    [one] bijeenkomst
   *[other] { $count } bijeenkomsten
} kwam maar { $percent }% van de agendapunten van andere partners dan de coördinator.
vitality-agenda-share-ok = Van de { $items } agendapunten in de laatste { $count ->
    [one] bijeenkomst
   *[other] { $count } bijeenkomsten
} kwam { $percent }% van andere partners dan de coördinator.
vitality-agenda-share-low = Van de { $items } agendapunten in de laatste { $count ->
    [one] bijeenkomst
   *[other] { $count } bijeenkomsten
} kwam maar { $percent }% van andere partners dan de coördinator.

vitality-contributors = { $count ->
    [one] Eén partner
   *[other] { $count } partners
} naast de coördinator { $count ->
    [one] bracht
   *[other] brachten
} in de laatste { $meetings } bijeenkomsten een agendapunt in (van de { $active } actieve partners).
vitality-contributors-none = In de laatste { $count } bijeenkomsten bracht geen enkele partner naast de coördinator een agendapunt in.

vitality-actions-not-enough-data = Er zijn nog geen { $count } actiepunten waarvan de deadline voorbij is.
vitality-actions-ok = { $percent }% van de { $count } actiepunten die klaar moesten zijn, was op tijd af.
vitality-actions-late = Maar { $percent }% van de { $count } actiepunten die klaar moesten zijn, was op tijd af. { $overdue ->
    [0] Er staat er geen meer open.
    [one] Er staat er nog één open na de deadline.
   *[other] Er staan er nog { $overdue } open na de deadline.
}

vitality-membership = In de laatste { $days } dagen { $joined ->
    [0] kwam er geen partner bij
    [one] kwam er één partner bij
   *[other] kwamen er { $joined } partners bij
} en { $left ->
    [0] ging er geen weg.
    [one] ging er één weg.
   *[other] gingen er { $left } weg.
}
vitality-stories = { $count ->
    [0] In de laatste { $days } dagen is er geen succes of verhaal gedeeld.
    [one] In de laatste { $days } dagen is er één succes of verhaal gedeeld.
   *[other] In de laatste { $days } dagen zijn er { $count } successen of verhalen gedeeld.
}
vitality-survey-response = Bij de laatste netwerkbevraging reageerde { $percent }% van de uitgenodigde respondenten.
vitality-commitments-delivered = Partners kwamen { $percent }% na van wat ze in de afspraken hebben toegezegd.

vitality-composite = De index is { $score } van 100, berekend uit { $parts } signalen.
vitality-composite-weakest = De index is { $score } van 100, berekend uit { $parts } signalen. Het meest omlaag getrokken door: { $weakest }.
vitality-composite-not-enough-data = Voor de index zijn minstens { $count } signalen met gegevens nodig.
