# Verband — projects, funding, coherence and the phase checklist (pages).
# Keep nl/projects.ftl in step (the same keys).

nav-projects = Projects
nav-portfolio = Coherence
nav-checklist = Phase checklist

## Projects
projects-title = Projects
projects-add = Add a project
projects-edit = Edit project
projects-empty = There are no projects yet. Add the first one.
projects-search-label = Search projects
project-title = Name of the project
project-description = Description
project-description-hint = What does the project do, for whom and where? This helps to see whether projects look alike.
project-goals = Goals the project serves
project-lead = Lead partner
project-lead-hint = The partner that leads the project.
project-owner = Owner
project-owner-hint = The person responsible for the project.
project-partners = Participating partners
project-status = Status
project-status-since = Status since
project-status-since-hint = Left empty, the status keeps the date it had; a new status gets today's date.
project-status-since-date = since { $date }
project-budget = Budget
project-results = Results
project-results-empty = No results recorded yet.
project-sustainability = Sustainability plan
project-sustainability-hint = Who pays after the pilot, how is it governed and how does it scale?
project-sustainability-empty = There is no sustainability plan yet.
project-no-goal = No goal chosen
project-no-lead = No lead partner
project-no-owner = No owner
project-history = Status history
project-history-empty = No status changes yet.
project-findings = What stands out about this project
project-cliff-warning = Note:
project-archive-title = Archive project
project-archive-question = Do you want to archive the project "{ $project }"? It will no longer count in coherence and funding. You can restore it later.
money-hint = An amount in euros, such as 12,500 or 1,250.50.

## Funding
funding-title = Funding
funding-add = Add a funding stream
funding-edit = Edit funding stream
funding-empty = No funding recorded yet.
funding-for-project = For the project { $project }.
funding-source = Source
funding-funder = Funder
funding-funder-hint = Who pays, for example Gemeente Rivierstad or ZonMw.
funding-amount = Amount
funding-starts = Start date
funding-ends = End date
funding-ends-hint = One-off money always has an end date. Structural money without an end date keeps coming.
funding-kind = Kind of money
funding-kind-hint = Structural money keeps coming; one-off money stops after its period.
funding-pays-for = What it pays for
funding-period = Period
funding-open-ended = ongoing
funding-archive-title = Archive funding stream
funding-archive-question = Do you want to archive the funding stream { $stream }? It will no longer count in the funding cliff and the structural share.

## Coherence and funding
portfolio-title = Coherence and funding
portfolio-intro = Do the projects and agreements hang together with the network's goals, and where is money about to run out? Every sentence links to what it is about.
portfolio-coherence-count = Coherence: { $count ->
        [0] nothing found
        [one] 1 finding
       *[other] { $count } findings
    }
portfolio-nothing = Nothing to report.
portfolio-kind-project_without_goal = Projects without a goal
portfolio-kind-project_without_lead = Projects without a lead partner
portfolio-kind-project_without_owner = Projects without an owner
portfolio-kind-likely_duplicate = Projects that look alike
portfolio-kind-partner_overloaded = Partners with too many projects
portfolio-kind-agreement_past_evaluation = Agreements due for evaluation
portfolio-kind-goal_without_project = Goals without a project
portfolio-cliff-title = Funding cliff
portfolio-cliff-intro = Projects whose money stops within { $months ->
        [one] 1 month
       *[other] { $months } months
    } without follow-up funding.
portfolio-cliff-none = No projects whose money stops soon.
portfolio-share-title = Share of structural funding per year
portfolio-share-intro = How much of the projects' money is structural. Sustainable impact means less project money and more structural money.
portfolio-share-chart-desc = Bar chart: per year the part of structural money (below) and one-off money (above). The table beside it gives the same numbers.
portfolio-share-table = Funding per year
portfolio-share-empty = No funding recorded yet.
portfolio-share-percent = Structural share
portfolio-year = Year
portfolio-settings-title = Settings
portfolio-max-active = Most active projects per partner
portfolio-max-active-hint = A partner with more active projects (pilot, running, scaled up) counts as overloaded. A number from 1 to 50.
portfolio-cliff-horizon = Look ahead for the funding cliff (months)
portfolio-cliff-horizon-hint = How far ahead we look for money that stops. A number from 1 to 36.
portfolio-settings-save = Save settings

## Dashboard
dashboard-coherence = Coherence
dashboard-coherence-all = All about coherence
dashboard-coherence-more = And { $count } more
dashboard-funding = Funding
dashboard-funding-all = All about funding

## Phase checklist
checklist-title = Phase checklist
checklist-intro = The building blocks of a network's three phases. Keep track of how far you are, who works on it and what shows it is done.
checklist-progress-title = Progress per phase
checklist-current-phase = current phase
checklist-in-progress-count = { $count } in progress
checklist-owner = Who works on it
checklist-evidence = Evidence
checklist-note = Note
checklist-edit = Update
checklist-field-status = Status
checklist-field-owner = Who works on it
checklist-field-evidence = Evidence
checklist-field-note = Note
checklist-evidence-hint = One per line: agreement:12, meeting:4 or project:7, or the web address of a document starting with https://.
checklist-evidence-codes = Numbers of agreements, meetings and projects

## Errors
error-number-out-of-range = This number is too large or too small. The field says what is allowed.
error-evidence-unknown = One of the pieces of evidence does not exist in this network. Check the number.

## Audit log
object-project = Project
object-funding_stream = Funding stream
object-checklist_item = Phase checklist building block
object-portfolio_settings = Coherence and funding settings
