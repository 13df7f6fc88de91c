# Verband — meetings and the energy of the network (vitality).
# Keys hold for both languages; keep nl/vitality.ftl equal.
# Arguments: $body is a body's name as the coordinator typed it;
# $percent is a whole number (62 for 62%); $weakest is already translated.

## Bodies, meetings, attendance

meeting-body-steering_group = Steering group
meeting-body-working_group = Working group
meeting-body-network_meeting = Network meeting
meeting-body-work_visit = Work visit
meeting-body-learning_session = Learning session
meeting-status-planned = Planned
meeting-status-held = Held
meeting-status-cancelled = Cancelled
attendance-present = Present
attendance-excused = Apologies
attendance-absent = Absent
error-time-invalid = Enter a valid time (hh:mm).
error-present-and-excused = A partner cannot be both present and excused.
error-threshold-order = The alarm line must lie below the watch line, and that below the good level.

## The panel

vitality-panel-title = Energy of the network
vitality-composite-name = Vitality index
vitality-composite-scale = { $score } out of 100
vitality-signal-attendance = Attendance
vitality-signal-agenda_share = Agenda items from partners
vitality-signal-agenda_contributors = Partners bringing in agenda items
vitality-signal-actions_on_time = Action items done on time
vitality-signal-membership = Partners joining and leaving
vitality-signal-stories = Shared successes and stories
vitality-signal-survey_response = Network survey response
vitality-signal-commitments_delivered = Commitments delivered
vitality-status-ok = Fine
vitality-status-watch = Watch
vitality-status-alarm = Alarm
vitality-status-not_enough_data = Not enough data
vitality-trend-up = Rising
vitality-trend-down = Falling
vitality-trend-flat = Level
vitality-window-meetings = Last meetings of each body
vitality-window-days = Last days

## Explanations per signal

vitality-not-enough-data = There is not enough data yet to say anything here.
vitality-not-enough-meetings = { $count ->
    [one] There is no meeting with recorded attendance yet.
   *[other] There are not yet { $count } meetings with recorded attendance.
}
vitality-not-enough-history = There are not yet { $days } days of data.
vitality-not-measured = This is not measured yet.
vitality-no-measurement-yet = There is no measurement yet.

vitality-attendance-ok = At the last { $count ->
    [one] meeting
   *[other] { $count } meetings
}, on average { $percent }% of the invited partners were present.
vitality-attendance-low = At the last { $count ->
    [one] meeting
   *[other] { $count } meetings
}, on average only { $percent }% of the invited partners were present.
vitality-attendance-low-body = At the last { $count ->
    [one] meeting
   *[other] { $count } meetings
} of { $body }, on average only { $percent }% of the invited partners were present.
vitality-attendance-low-recent = At the network's last { $count ->
    [one] meeting
   *[other] { $count } meetings
}, on average only { $percent }% of the invited partners were present.

vitality-agenda-not-enough-data = There are not yet { $count } agenda items to say anything about.
vitality-agenda-only-coordinator = { $count ->
    [one] At the last meeting of { $body }, every agenda item came from the coordinator.
   *[other] In the last { $count } meetings of { $body }, every agenda item came from the coordinator.
}
vitality-agenda-only-coordinator-recent = { $count ->
    [one] At the last meeting, every agenda item came from the coordinator.
   *[other] In the last { $count } meetings, every agenda item came from the coordinator.
}
vitality-agenda-share-low-body = In the last { $count ->
    [one] meeting
   *[other] { $count } meetings
} of { $body }, only { $percent }% of the agenda items came from partners other than the coordinator.
vitality-agenda-share-low-recent = In the last { $count ->
    [one] meeting
   *[other] { $count } meetings
}, only { $percent }% of the agenda items came from partners other than the coordinator.
vitality-agenda-share-ok = Of the { $items } agenda items in the last { $count ->
    [one] meeting
   *[other] { $count } meetings
}, { $percent }% came from partners other than the coordinator.
vitality-agenda-share-low = Of the { $items } agenda items in the last { $count ->
    [one] meeting
   *[other] { $count } meetings
}, only { $percent }% came from partners other than the coordinator.

vitality-contributors = { $count ->
    [one] One partner
   *[other] { $count } partners
} besides the coordinator brought in an agenda item in the last { $meetings } meetings (out of { $active } active partners).
vitality-contributors-none = In the last { $count } meetings, no partner besides the coordinator brought in an agenda item.

vitality-actions-not-enough-data = There are not yet { $count } action items past their due date.
vitality-actions-ok = { $percent }% of the { $count } action items that were due were done on time.
vitality-actions-late = Only { $percent }% of the { $count } action items that were due were done on time. { $overdue ->
    [0] None is still open.
    [one] One is still open past its due date.
   *[other] { $overdue } are still open past their due date.
}

vitality-membership = In the last { $days } days, { $joined ->
    [0] no partner joined
    [one] one partner joined
   *[other] { $joined } partners joined
} and { $left ->
    [0] none left.
    [one] one left.
   *[other] { $left } left.
}
vitality-stories = { $count ->
    [0] No success or story was shared in the last { $days } days.
    [one] One success or story was shared in the last { $days } days.
   *[other] { $count } successes or stories were shared in the last { $days } days.
}
vitality-survey-response = { $percent }% of the invited respondents answered the last network survey.
vitality-commitments-delivered = Partners delivered { $percent }% of what they committed to in the agreements.

vitality-composite = The index is { $score } out of 100, computed from { $parts } signals.
vitality-composite-weakest = The index is { $score } out of 100, computed from { $parts } signals. Pulled down most by: { $weakest }.
vitality-composite-not-enough-data = The index needs at least { $count } signals with data.
