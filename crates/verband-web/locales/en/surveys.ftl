# Verband — evaluations: instruments, rounds, respondents and results.

nav-surveys = Evaluations

surveys-title = Evaluations
surveys-intro = Ask partners how the collaboration works for them, in rounds. Everyone gets a personal link. You see how many people answered, never who answered what.
survey-rounds-title = Rounds
survey-rounds-empty = There is no round yet. Pick a questionnaire below and start one.
instruments-title = Questionnaires
instrument-questions = { $count } { $count ->
    [one] question
   *[other] questions
}
instrument-copy = Make a copy to adapt
instrument-copy-suffix = copy
instrument-kind-relationship_survey = Relationship survey
instrument-kind-collaboration_scan = Collaboration scan
instrument-kind-reciprocity_check = Reciprocity check
instrument-kind-process_evaluation = Process evaluation
instrument-kind-phase_checklist = Phase checklist
instrument-kind-custom = Own questionnaire
survey-version = version { $version }
survey-no-smtp = No mail server is set up. After the start you make the personal links yourself and pass them on.
survey-start = Start a round
survey-started = The round has started.
survey-new-title = New round
survey-new-instrument = Questionnaire: { $instrument }
survey-field-label = Name of the round
survey-field-label-hint = For example "Spring 2027".
survey-field-deadline = Open until and including
survey-field-reminders = Reminder after days
survey-field-reminders-hint = Whoever has not finished gets a reminder after this many days, never more than one a day. Empty: no reminders.
survey-field-threshold = Minimum answers per group
survey-field-threshold-hint = Figures for a group with fewer answers stay hidden. At least 3.
survey-who = Who is asked?
survey-who-hint = Choose by role, body or partner, or choose people. Everyone who falls under any of them is invited.
survey-field-roles = Roles
survey-field-bodies = Bodies (those invited to their meetings)
survey-field-partners = Partners (their contact persons)
survey-field-persons = People
survey-person-no-email = no e-mail address
survey-col-instrument = Questionnaire
survey-col-response = Response
survey-col-status = Status
survey-col-started = Started, not finished
survey-response-rate = { $finished } of { $invited } ({ $percent }%)
survey-status-open = Open
survey-status-past-deadline = Deadline passed
survey-status-closed = Closed
survey-reminders-every = every { $days } { $days ->
    [one] day
   *[other] days
}
survey-reminders-none = none
survey-results-link = See the results
survey-privacy-note = You only see counts. Who answered what stays hidden, from you too.
survey-mail-title = Invitations
survey-mail-state = { $mailed } of { $invited } invitations sent. Failed: { $failed }. Without e-mail address: { $noemail }.
survey-remind-now = Send a reminder now
survey-reminded = { $count } { $count ->
    [one] reminder
   *[other] reminders
} sent.
survey-outbox-intro = No mail server is set up. Make the personal links and pass them on yourself, for instance by e-mail.
survey-reminders-due = { $count } { $count ->
    [one] person is
   *[other] people are
} due a reminder. Make new links and pass them on.
survey-make-links = Make links for those who have not finished
survey-make-links-hint = Each time new links are added; earlier links keep working.
survey-links-once = Copy the links now: Verband does not keep them and cannot show them again.
survey-links-caption = Personal links
survey-col-person = Person
survey-col-link = Link
survey-close = Close the round
survey-close-title = Close the round?
survey-close-question = After closing, nobody can answer "{ $round }" any more. { $finished } of { $invited } people have finished. For a relationship survey, the relationships reported go onto the network map.
survey-closed = The round is closed.
survey-closed-map = The round is closed. Its relationships are now on the network map.

survey-results-title = Results: { $round }
survey-threshold-note = Figures for a group of fewer than { $threshold } people are not shown.
survey-compared-with = Compared with the previous round: { $round }.
survey-too-few = too few answers
survey-download-xlsx = Results as Excel
survey-download-csv = Results as CSV
survey-file-name = results
survey-results-sheet = Results
survey-factors-title = Per theme
survey-factors-caption = Mean per theme on a scale of 1 to 5
survey-col-factor = Theme
survey-col-mean = Mean
survey-col-spread = Spread
survey-col-band = Verdict
survey-col-distribution = Distribution
survey-col-trend = Change
survey-col-group = Group
survey-col-respondents = Answers
survey-col-previous = Last time
survey-distribution-points = count per score
survey-band-strength = Strength
survey-band-attention = Needs attention
survey-band-concern = Concern
survey-trend-up = better
survey-trend-down = worse
survey-trend-same = same
survey-trend-previous = last time { $value }
survey-divergence-title = Differences between groups
survey-divergence-intro = Differences in judgement are often the main finding: discuss them. A large difference is marked.
survey-sector-caption = Mean per sector
survey-layer-caption = Steering group and other participants
survey-col-divergence = Difference
survey-divergent = large difference
survey-group-steering = Steering group
survey-group-members = Other participants
survey-group-unknown = Sector unknown
survey-group-all = Everyone
survey-partner-scores-title = Trust and value per partner
survey-partner-scores-caption = What the other partners think on average, on a scale of 1 to 4
survey-col-partner = Partner
survey-col-raters = Rated by
survey-col-trust = Trust
survey-col-value = Value
survey-open-title = Open answers
survey-open-empty = No open answers were given.
survey-theme = Theme

respondent-deadline = open until and including { $date }
respondent-privacy = Your answers are anonymous: the coordinator only sees results of groups of at least three people. You can stop and carry on later with the same link.
respondent-page = Page { $page } of { $pages }
respondent-next = Next
respondent-back = Previous
respondent-send = Send
respondent-stop = Save and continue later
respondent-saved = Your answers are saved. Use the same link to carry on later.
respondent-thanks-title = Thank you!
respondent-thanks-text = Your answers have been sent. You can still change them until the deadline.
respondent-review = Look at or change your answers
respondent-frequency = How often do you work together?
respondent-work = What kind of work do you do together?
respondent-no-partners-picked = You did not choose any partners on the previous page.
respondent-closed-title = This questionnaire is closed
respondent-closed-text = The period for "{ $round }" of { $network } has ended. Thank you for your interest.
respondent-unknown-title = This link does not work
respondent-unknown-text = We do not know this link. Check that you copied the whole link from the e-mail, or ask the coordinator for a new one.

survey-mail-invitation-subject = Questionnaire: { $round }
survey-mail-reminder-subject = Reminder: { $round }
survey-mail-invitation-body = Dear { $name },

    { $network } asks you to take part in "{ $round }". It takes about ten minutes and is open until and including { $deadline }.

    Your personal link (do not forward it):
    { $link }

    Your answers are anonymous: nobody sees what you answered. You can stop and carry on later.

    Kind regards,
    { $network }
survey-mail-reminder-body = Dear { $name },

    You have not yet finished the questionnaire "{ $round }" of { $network }. It is open until and including { $deadline }.

    Your personal link (do not forward it):
    { $link }

    Kind regards,
    { $network }

error-answer-invalid = Choose one of the options.
error-answer-out-of-range = This number is outside the allowed range.
error-answer-number = Enter a number.
error-answer-required = This question is required.
error-respondents-none = Choose who gets the questionnaire.
error-reminder-days-range = Enter a number of days from 1 to 60, or leave it empty.
error-threshold-range = Enter a number from 3 to 100.
error-date-in-past = This date is in the past.

survey-raw-answers = All answers without names
survey-raw-answers-hint = One row per person who finished, in no particular order. Sector, steering group and the questions about partners are left out, because they show who answered.
survey-raw-answers-too-few = All answers can be downloaded once at least as many people finished as the anonymity threshold.
survey-col-respondent = Respondent
survey-raw-file-name = answers
survey-raw-sheet = Answers
