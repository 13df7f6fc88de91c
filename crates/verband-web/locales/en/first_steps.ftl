# The first steps of a new network, on its dashboard.
first-steps-title = First steps
first-steps-intro = A new network starts with these building blocks. { $done } of { $total } done.
first-step-partners = Add or import the partners
first-step-ambition = Write the ambition and goals
first-step-agreement = Make the first agreement
first-step-meeting = Plan the first meeting
first-step-invite = Invite the partners to Verband
first-step-done = done
first-step-todo = still to do
first-step-or = or
first-step-partners-add = add a partner
first-step-partners-import = import from Excel
first-step-ambition-link = write the ambition
first-step-agreement-link = make an agreement
first-step-meeting-link = plan a meeting
first-step-meeting-body-link = first create a body
first-step-invite-link = invite people
