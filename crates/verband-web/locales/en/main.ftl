# Verband — English texts. Keys are shared with nl/main.ftl.

language-name = English
skip-to-content = Skip to content
logout = Log out
footer-text = Verband — steering together towards one social goal
footer-api = API description
nav-account-label = Account
nav-network-label = Network
nav-networks = My networks
nav-dashboard = Overview
nav-partners = Partners
nav-persons = Contact persons
nav-ambition = Ambition and goals
nav-interests = Interests
choose = Choose…
field-optional = (optional)
no-choices = There is nothing to choose from yet.
pagination-label = Pagination
pagination-previous = Previous
pagination-next = Next
pagination-position = Page { $page } of { $pages }
list-count = { $count ->
    [one] 1 result
   *[other] { $count } results
}
flash-created = Added.
flash-saved = Saved.
flash-archived = Archived. You can restore it at any time.
flash-restored = Restored.
flash-deleted = Deleted.
error-prefix = Error:
error-summary-title = Please check these fields
error-back-home = Go to the start page
error-not-found-title = Page not found
error-not-found-text = This page does not exist, or you have no access to it.
error-forbidden-title = Not allowed
error-forbidden-text = Your role in this network does not allow this.
error-csrf-title = Form expired
error-csrf-text = The form had expired or did not come from this site. Go back, reload the page and try again.
error-too-large-title = Too large
error-too-large-text = What you sent is too large.
error-bad-request-title = Invalid request
error-bad-request-text = This request is not valid.
error-conflict-title = That is not possible
error-conflict-text = This conflicts with what is already stored.
error-internal-title = Something went wrong
error-internal-text = Something went wrong on our side. Try again later; if it keeps happening, tell your administrator.
error-required = Fill this in.
error-too-long = This is too long.
error-date-invalid = Enter a valid date.
error-date-in-future = This date lies in the future.
error-number-invalid = Enter a whole number of 0 or more.
error-choice-invalid = Choose one of the options.
error-kvk-invalid = A KvK number has exactly 8 digits.
error-url-invalid = A web address starts with https:// or http://.
error-email-invalid = Enter a valid e-mail address, such as name@organisation.nl.
error-phone-invalid = Enter a valid phone number.
error-username-invalid = Use only letters, digits and . _ - @.
error-password-too-short = A password has at least 10 characters.

## General
save = Save
cancel = Cancel
edit = Edit
archive = Archive
restore = Restore
delete = Delete
archived = archived
actions = Actions
search = Search
filter-all = All
filter-apply = Apply
filter-show-archived = Show archived too
list-no-match = Nothing found with this search or these filters.

## Log-in
login-title = Log in
login-intro = Log in with the account your Verband administrator gave you.
login-username = User name
login-password = Password
login-submit = Log in
login-failed = The user name or password is wrong.
login-throttled = Too many failed attempts. Wait fifteen minutes and try again.

## Networks and overview
networks-title = My networks
networks-empty = You have no role in a network yet. Ask the coordinator or the administrator to add you.
dashboard-ambition = Shared ambition
dashboard-counts = Key figures
dashboard-active-partners = active partners
dashboard-partners = partners
dashboard-persons = contact persons
dashboard-goals = goals
dashboard-interests = interests
dashboard-inhabitants = { $count } inhabitants
dashboard-phase = Phase
dashboard-your-role = Your role
dashboard-per-sector = Partners per sector
dashboard-count = Number
dashboard-recent = Recent changes
dashboard-recent-empty = No changes yet.
dashboard-by = by { $actor }

## Audit log: actions and objects
audit-create = added
audit-update = changed
audit-archive = archived
audit-restore = restored
audit-delete = deleted
audit-grant = was given a role
audit-represent = represents a partner
audit-login = logged in
audit-set_password = password changed
audit-revoke = revoked
object-network = Network
object-ambition = Ambition
object-goal = Goal
object-partner = Partner
object-person = Contact person
object-interest = Interest
object-api_token = API key
object-user = User

## Partners
partners-title = Partners
partners-add = Add partner
partners-edit = Edit partner
partners-empty = This network has no partners yet.
partners-search-label = Search partners
partner-name = Name
partner-sector = Sector
partner-ownership = Public or private
partner-kvk = KvK number
partner-kvk-hint = 8 digits, for example 12345678.
partner-website = Website
partner-website-hint = Starts with https://
partner-description = Description
partner-status = Status in the network
partner-since = Member since
partner-persons = Contact persons
partner-persons-title = Contact persons of this partner
partner-interests-title = Interests of this partner

## Contact persons
persons-title = Contact persons
persons-add = Add contact person
persons-edit = Edit contact person
persons-empty = There are no contact persons yet.
persons-search-label = Search contact persons
person-name = Name
person-email = E-mail address
person-phone = Phone number
person-organisation = Organisation
person-roles = Roles in the network
person-source = Source of the data
person-source-hint = Where does this data come from? For example: provided by the public health service (GDPR article 14).
person-informed = Informed on
person-informed-hint = When was this person told that the network keeps this data?

## Ambition and goals
ambition-title = Ambition and goals
ambition-statement = Shared ambition
ambition-hint = The point on the horizon: what do you want to achieve together? One or two sentences.
ambition-empty = The shared ambition has not been written yet.
ambition-write = Write the ambition
goals-title = Measurable goals
goals-add = Add goal
goals-edit = Edit goal
goals-empty = There are no goals yet.
goal-title = Goal
goal-indicator = Indicator
goal-indicator-hint = How do you measure it? For example: share of people over 75 who feel lonely.
goal-baseline = Baseline
goal-target = Target
goal-date = Target date
goal-archive-note = Archive this goal when it no longer applies. Its history is kept.
goal-archived-note = This goal is archived. Restore it when it applies again.

## Interests
interests-title = Interests
interests-add = Add interest
interests-edit = Edit interest
interests-empty = No interests have been recorded yet.
interests-intro = What does each partner want to get out of the collaboration, and which goals does that serve?
interests-missing = Partners without a recorded interest
interests-missing-text = { $count ->
    [one] 1 partner has no recorded interest yet.
   *[other] { $count } partners have no recorded interest yet.
}
interests-delete-title = Delete interest
interests-delete-question = Do you want to delete this interest of { $partner }? This cannot be undone.
interest-partner = Partner
interest-description = Interest
interest-description-hint = What does this partner want to achieve or receive?
interest-goals = Contributes to
interest-no-goal = not linked to a goal yet

## Account and API keys
account-title = My account
account-name = Name
account-language = Language
tokens-title = API keys
tokens-intro = With an API key, other programs can read and change data on your behalf.
tokens-new = New key
tokens-name = Name of the key
tokens-name-hint = What will you use it for? For example: link with Excel.
tokens-create = Create key
tokens-created = The key has been created.
tokens-copy-now = Copy it now: you will not see it again.
tokens-empty = You have no API keys yet.
tokens-created-at = Created on
tokens-status = Status
tokens-active = active
tokens-revoked = revoked
tokens-revoke = Revoke

## Code lists
sector-municipality = Municipality
sector-public_health = Public health
sector-primary_care = Primary care
sector-care_provider = Care provider
sector-welfare = Welfare
sector-education = Education
sector-insurer = Health insurer
sector-business = Business
sector-knowledge_institute = Knowledge institute
sector-citizen_initiative = Citizens' initiative
sector-other = Other
ownership-public = Public
ownership-private = Private
membership-prospect = Prospect
membership-joining = Joining
membership-active = Active
membership-leaving = Leaving
membership-left = Left
phase-build_up = Build-up
phase-develop_and_grow = Develop and grow
phase-sustainable_impact = Sustainable impact
role-coordinator = Coordinator
role-steering = Steering group
role-member = Member
role-advisor = Advisor
person-role-steering_group_member = Steering group member
person-role-working_group_member = Working group member
person-role-project_lead = Project lead
person-role-civil_servant = Civil servant
person-role-coordinator = Coordinator
person-role-contact_person = Contact person
person-role-professional = Professional

## Network details
network-edit = Edit network details
network-name = Name of the network
network-region = Region
network-inhabitants = Number of inhabitants
network-domains = Domains
network-domains-hint = Separated by commas, for example: health, welfare, housing.
network-governance = Governance
network-governance-hint = How is the network organised? For example: a steering group of administrators with working groups.
network-start = Start date
