# Verband — agreements (covenant, collaboration agreement), commitments, deliveries and documents.
# Keep nl/agreements.ftl equal (the same keys).

nav-agreements = Agreements
object-agreement = Agreement
object-commitment = Commitment
object-delivery = Delivery
object-agreement_document = Agreement document
audit-report = reported
audit-upload = uploaded

## List
agreements-title = Agreements
agreements-add = Record an agreement
agreements-add-first = Record the first agreement
agreements-edit = Change agreement
agreements-empty = No agreements yet. An agreement is what the partners have put on paper together, such as a covenant or collaboration agreement: who takes part, for which period, what each partner brings in time, money and resources, and what is outside the collaboration. Each quarter the partners report what they delivered.
agreements-all-archived = All agreements are archived.
agreements-filter-label = Filter agreements
agreements-show-archived = Show archived agreements too ({ $count })
agreements-form-intro = Record who made the agreement, for which period, and what is outside it. What each partner brings in, you add afterwards on the agreement's page.
agreements-archive-title = Archive agreement
agreements-archive-question = Do you want to archive the agreement “{ $title }”?
agreements-archive-explain = The agreement leaves the list and the overview. Commitments, deliveries and documents are kept, and you can always restore the agreement.

## Fields
agreement-title = Title
agreement-title-hint = For example: Covenant Healthy Riverland 2026–2028.
agreement-description = Description
agreement-parties = Parties
agreement-starts-on = Start date
agreement-ends-on = End date
agreement-evaluation-date = Evaluation date
agreement-evaluation-hint = When will you look back on the agreement together?
agreement-document-url = Link to the signed document
agreement-document-url-hint = Is the document already online somewhere, such as the intranet? Paste its web address here. You can also upload the document on the agreement's page.
agreement-document-url-open = Open document
agreement-out-of-scope = Outside the agreement
agreement-out-of-scope-hint = What does the collaboration explicitly not do? Then nobody has the wrong expectations.
agreement-period-label = Period
agreement-period = { $start } to { $end }
agreement-period-from = from { $start }
agreement-period-until = until { $end }
agreement-evaluation-overdue = evaluation overdue
agreement-standing = Standing
agreement-on-schedule = on schedule
agreement-partners-behind = { $count ->
    [one] 1 partner is behind
   *[other] { $count } partners are behind
}
agreement-no-commitments-short = no commitments yet
agreement-partner-unknown = Partner { $id }
agreement-quarter = Q{ $quarter } { $year }
agreement-back = Back to the agreement

## Agreed and delivered
balance-title = Agreed and delivered
balance-caption = Agreed and delivered per partner, up to { $date }
balance-summary-none = No commitments have been recorded yet, so there is nothing to compare.
balance-summary-on-schedule = { $count ->
    [one] The partner is on schedule.
   *[other] All { $count } partners are on schedule.
}
balance-summary-behind = { $behind } of the { $count } partners { $behind ->
    [one] is
   *[other] are
} behind: { $names }.
balance-partner = Partner
balance-hours-per-month = Hours per month
balance-hours-due = Hours agreed so far
balance-hours-delivered = Hours delivered
balance-money-agreed = Money agreed
balance-money-due = Money agreed so far
balance-money-delivered = Money delivered
balance-status = Standing
balance-behind = behind
balance-on-schedule = on schedule
balance-explain = Agreed so far counts the completed quarters since the start date. A partner is behind when they delivered more than 10 percent less than agreed.

## Commitments
commitments-title = Commitments per party
commitments-add = Add a commitment
commitments-edit = Change commitment
commitments-empty = No commitments yet. Add what each party brings in.
commitments-form-intro = What does this party bring in? Fill in what applies: a role, tasks, hours, money or resources.
commitments-remove-title = Remove commitment
commitments-remove-question = Do you want to take the commitment of { $partner } ({ $role }) out of the agreement?
commitments-remove-explain = The commitment then no longer counts in the comparison of agreed and delivered. What has been reported is kept.
commitment-party = Party
commitment-role = Role
commitment-role-hint = For example: lead, contract holder or participant.
commitment-tasks = Tasks
commitment-hours-per-month = Hours per month
commitment-hours-hint = For example 8 or 2.5.
commitment-money = Money over the whole period
commitment-money-hint = In euros, for example 12,500 or 1,250.50.
commitment-in-kind = Resources in kind
commitment-in-kind-hint = For example a meeting room, materials or data.
commitment-remove = Remove

## Deliveries
deliveries-title = Delivered per quarter
deliveries-empty = Nothing reported yet.
delivery-report = Report a delivery
delivery-quarter = Quarter
delivery-hours = Hours
delivery-hours-hint = All hours of the quarter together.
delivery-money = Money
delivery-money-hint = In euros, for example 1,250.
delivery-note = Note
delivery-submit = Save delivery
delivery-not-yet = You can report deliveries once the agreement has started.

## Documents
documents-title = Documents
documents-empty = No documents yet.
document-file = Signed document
document-file-hint = A PDF, Word or OpenDocument file, Excel file or photo, at most { $max } MB.
document-upload = Upload document
document-download = Download
document-size-kb = { $size } kB
document-size-mb = { $size } MB
document-uploaded-on = uploaded on { $date }

## Error messages
error-party-has-commitments = A party with commitments cannot leave the agreement. Remove its commitments first.
error-file-missing = Choose a file.
error-file-empty = This file is empty.
error-file-too-large = This file is too large.
error-file-type-not-allowed = This kind of file is not accepted. Upload a PDF, Word or OpenDocument file, Excel file or photo (png or jpg).

## Dashboard
dashboard-agreements = Agreements
dashboard-agreements-all = All agreements
dashboard-agreements-empty = No agreements recorded yet. Record under Agreements what the partners have agreed together.
dashboard-agreements-more = And { $count } more { $count ->
    [one] agreement
   *[other] agreements
}
