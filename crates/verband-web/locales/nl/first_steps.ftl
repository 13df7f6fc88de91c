# The first steps of a new network, on its dashboard.
first-steps-title = Eerste stappen
first-steps-intro = Een nieuw netwerk begint met deze bouwstenen. { $done } van de { $total } gedaan.
first-step-partners = Partners toevoegen of inlezen
first-step-ambition = Ambitie en doelen opschrijven
first-step-agreement = De eerste afspraak maken
first-step-meeting = De eerste bijeenkomst plannen
first-step-invite = De partners uitnodigen in Verband
first-step-done = gedaan
first-step-todo = nog te doen
first-step-or = of
first-step-partners-add = partner toevoegen
first-step-partners-import = inlezen uit Excel
first-step-ambition-link = ambitie schrijven
first-step-agreement-link = afspraak maken
first-step-meeting-link = bijeenkomst plannen
first-step-meeting-body-link = eerst een overleg aanmaken
first-step-invite-link = mensen uitnodigen
