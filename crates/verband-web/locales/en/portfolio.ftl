# Verband — agreements, project portfolio, funding, phase checklist and import/export.
# Keep nl/portfolio.ftl equal (the same keys).

## Project status
project-status-idea = Idea
project-status-pilot = Pilot
project-status-running = Running
project-status-scaled_up = Scaled up
project-status-embedded = Embedded in regular work
project-status-stopped = Stopped

## Funding
funding-source-municipality = Municipality
funding-source-insurer = Health insurer
funding-source-regional_fund = Regional fund
funding-source-national_fund = National fund
funding-source-subsidy = Subsidy
funding-source-partner_contribution = Partner contribution
funding-source-commercial_income = Own income
funding-source-other = Other
funding-kind-structural = Structural
funding-kind-one_off = One-off

## Phase checklist
checklist-status-open = Open
checklist-status-in_progress = In progress
checklist-status-done = Done
checklist-status-not_applicable = Not applicable
evidence-kind-agreement = Agreement
evidence-kind-meeting = Meeting
evidence-kind-project = Project
evidence-kind-knowledge_item = Knowledge item
evidence-kind-document = Document
checklist-progress = { $done } of { $applicable } building blocks done ({ $percent }%)
checklist-progress-none = No building blocks apply
checklist-done-without-evidence = Marked done, but nothing has been recorded that shows it.

block-form_around_goal = Form around a goal
block-form_around_goal-help = You form the network around one social goal, not around the organisations that happen to be there.
block-shared_promise = Shared promise
block-shared_promise-help = Together you have written down what the network wants to achieve and why, in words every partner recognises.
block-right_partners = The right partners, in time
block-right_partners-help = The partners the goal needs take part. Partners who join late cost time too, so bring them in early.
block-explicit_interests = Interests on the table
block-explicit_interests-help = For every partner it is clear what it wants from the network and how that relates to the goal.
block-capacity_and_money = Capacity and money arranged
block-capacity_and_money-help = There are people and money to do the work. Start early: this takes a long time.
block-roles_and_tasks = Roles, tasks, time and money agreed
block-roles_and_tasks-help = Who does what, with how many hours and which budget, and who is responsible for what: it is on paper.
block-out_of_scope = Agreed what is out of scope
block-out_of_scope-help = You also know what the network does not do, so nobody has the wrong expectations.
block-internal_support = Support inside every partner
block-internal_support-help = Inside each organisation, management and colleagues back the participation, not only the person at the table.
block-process_expertise = Process know-how
block-process_expertise-help = Someone knows how to guide a network: a process facilitator or network advisor.
block-written_process = Process, roles and lines written down
block-written_process-help = Ways of working, roles and lines are described, so the network carries on when a partner or person drops out.
block-keep_learning = Keep learning
block-keep_learning-help = You try things out, evaluate them and adjust.
block-link_other_networks = Links with other networks
block-link_other_networks-help = The network knows networks working on something similar and learns from them.
block-keep_momentum = Keep the process going
block-keep_momentum-help = When things stall, you give a new impulse, or take a deliberate step back.
block-contact_and_energy = Contact and energy
block-contact_and_energy-help = Partners share successes, stories and questions, so the energy stays.
block-political_agenda = On the political agenda
block-political_agenda-help = The theme is on the agenda of administrators and politicians, with civil servants as allies.
block-scale_up = Scale up what works
block-scale_up-help = A pilot that works is used more widely.
block-show_added_value = Show the added value
block-show_added_value-help = You can show what the network delivers, for residents and for the partners.
block-settle_governance = Governance settled
block-settle_governance-help = It is clear for the long term who decides, how, and about what.
block-structural_funding = From project money to structural funding
block-structural_funding-help = What works is paid from structural budgets instead of temporary grants.
block-new_ambition = A new point on the horizon
block-new_ambition-help = You have chosen a new, ambitious goal to work towards.

## Form errors
error-money-invalid = Enter an amount in euros, such as 1250.50.
error-hours-invalid = Enter a number of hours, such as 8 or 2.5 (at most 744 per month).
error-parties-too-few = Choose at least two parties.
error-date-before-start = This date is before the start date.
error-not-a-party = This organisation is not a party to the agreement.
error-commitment-empty = Enter what this partner contributes: a role, tasks, hours, money or resources.
error-quarter-invalid = Enter a quarter, such as 2026-Q3.
error-quarter-in-future = This quarter has not started yet.
error-delivery-empty = Enter what was delivered: hours, money or a note.
error-evidence-invalid = Evidence is an agreement, meeting, project or knowledge item in Verband, or a web address starting with https://.
error-id-unknown = This number does not belong to an existing record in this network. Empty the cell to add a new record.
error-duplicate-in-file = This name already appears earlier in the file.
error-organisation-unknown = This organisation is not among the partners of this network. Add it first, or check the spelling.

## Coherence
coherence-project-without-goal = { $project } does not serve any of the network's goals.
coherence-project-without-lead = { $project } has no lead partner: no partner pulls the project.
coherence-project-without-owner = { $project } has no owner: no person is responsible for it.
coherence-likely-duplicate =
    { $project } and { $other } look alike. They work on the same { $goalCount ->
        [one] goal
       *[other] goals
    } ({ $goals }){ $partnerCount ->
        [0] {""}
        [one] , share partner { $partners }
       *[other] , share { $partnerCount } partners ({ $partners })
    }{ $wordCount ->
        [0] {""}
       *[other] {" "}and use the same words: { $words }
    }. Is this double work?
coherence-partner-overloaded = { $partner } takes part in { $count } active projects; your limit is { $limit }.
coherence-agreement-past-evaluation = { $agreement } was due for evaluation on { $date } ({ $days ->
        [one] 1 day ago
       *[other] { $days } days ago
    }).
coherence-goal-without-project = No project works on the goal { $goal }.
coherence-none = Nothing to report: the projects and agreements hang together.

## Funding cliff
funding-cliff = The money for { $project } runs out on { $date } ({ $days ->
        [one] in 1 day
       *[other] in { $days } days
    }), and there is no follow-up funding yet.
funding-cliff-gap = The money for { $project } runs out on { $date }; new money only arrives on { $nextStart }. Until then there is nothing.
funding-structural-share = { $year }: { $percent }% structural
funding-structural-share-none = { $year }: no funding recorded

## Agreements: agreed and delivered
agreement-partner-behind = { $partner } is behind: { $delivered } of the { $due } agreed hours delivered.
agreement-nothing-due = Nothing is due yet: the agreement's first quarter has not ended.

## Import and export
import-error-empty = The file is empty.
import-error-csv = Row { $row }: the file cannot be read properly. A quotation mark is opened but never closed.
import-error-cell-outside-header = Row { $row }, column { $column }: there is something in a column without a header.
import-error-empty-header = Column { $column } has no header in row 1.
import-error-duplicate-header = Column { $column }: this header appears twice.
import-error-not-xlsx = This is not an Excel file (.xlsx) or CSV file we can read.
import-error-no-sheet = The Excel file has no worksheet.
import-error-cell-error = Row { $row }, column { $column }: this cell holds an Excel error value, such as #DIV/0!.
import-error-cell-too-long = Row { $row }, column { $column }: this text is too long for an Excel cell.
import-error-xlsx-write = The Excel file could not be made.
import-header-column-missing = The column "{ $header }" is missing. It is required.
import-header-column-twice = Column { $column } ("{ $header }") is about the same as an earlier column.
import-ignored-column = Column { $column } ("{ $header }") is unknown to us; it will not be read.
import-cell-problem = Row { $row }, column { $column } ({ $header }): { $message }
import-row-problem = Row { $row }: { $message }
import-action-create = New
import-action-update = Will be updated
import-action-unchanged = No change
import-preview-summary = { $create } new, { $update } updated, { $unchanged } unchanged.
import-preview-has-errors = Nothing has been saved yet. Fix the errors below in your file and read it in again.
import-confirm = Yes, process these changes
export-csv-excel = CSV for Excel (semicolon)
export-csv-comma = CSV (comma)
export-xlsx = Excel (.xlsx)
