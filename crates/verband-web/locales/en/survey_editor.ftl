# Verband — editing questionnaires: own questionnaires, pages, questions and themes.

instrument-edit = Edit
instrument-new-blank = New blank questionnaire

editor-title = Edit questionnaire: { $name }
editor-intro-hint = What you change here is only kept once you press Save. The buttons that add, remove or move questions and pages keep nothing yet.
editor-version-in-use = Version { $version } has been used for a survey round. Saving makes version { $next }; rounds that already ran keep version { $version }.
editor-version-unused = Version { $version }. No survey round uses this version yet, so saving changes it.
editor-saved-new-version = Version { $version } saved. Rounds that already ran keep their version.
editor-saved-same-version = Version { $version } saved. No round used it yet, so no new version was needed.
editor-not-saved-yet = Not saved yet.
editor-builtin-note = A built-in questionnaire cannot be changed. Make a copy; you can adapt the copy as you like.
editor-instrument = Questionnaire

editor-in-dutch = { $field } (Dutch)
editor-in-english = { $field } (English)
editor-english-hint = Empty: respondents who read English see the Dutch text.

editor-general = General
editor-name = Name
editor-intro = Introduction

editor-bands = Judgement in the results
editor-bands-hint = Means on a scale from 1 to 5. On another scale Verband converts the bounds.
editor-band-strength = Strength from
editor-band-attention = Needs attention from (below: concern)
editor-band-divergence = Large difference between groups from
editor-band-divergence-hint = A difference in mean between groups of at least this many points is highlighted.

editor-factors = Themes
editor-factors-hint = Statements count towards the theme you choose for the question. The results show the mean per theme.
editor-factor-legend = Theme { $number }
editor-factor-name = Name of the theme
editor-key = Code
editor-key-hint = Letters, digits, - and _. Answers are stored under this code: keep it when you only improve the wording.
editor-add-factor = Add theme
editor-remove-factor = Remove theme

editor-pages = Pages
editor-page-legend = Page { $number }
editor-page-title = Title of the page
editor-add-page = Add page
editor-remove-page = Remove page
editor-new-kind = Kind of new question
editor-add-question = Add question

editor-question-legend = Question { $number }
editor-question-where = Page { $page }, question { $number }
editor-question-context = question { $number } on page { $page }
editor-question-key = Code
editor-question-text = Question
editor-question-kind = Kind of question
editor-kind-hint = If you choose another kind, press "Apply kind" to see its fields.
editor-apply-kind = Apply kind
editor-question-factor = Theme
editor-no-factor = No theme
editor-factor-hint = A theme you have just added can be chosen once you have saved.
editor-question-required = Required
editor-question-labels = Scale points
editor-labels-hint = One point per line, low to high: Dutch | English.
editor-question-options = Choices
editor-options-hint = One choice per line: code | Dutch | English. Without a code, Verband makes one.
editor-question-min = Lowest number allowed
editor-question-max = Highest number allowed
editor-question-source = Follows the question
editor-source-hint = The "which partners do you work with" question whose chosen partners are rated here.
editor-question-frequency = How often
editor-frequency-hint = From least to most often, one per line: code | Dutch | English.
editor-question-work = Kind of work
editor-work-hint = One per line: code | Dutch | English. Codes the network map knows (such as joint_project) appear on the map as the kind of relationship.
editor-question-items = Statements per partner
editor-items-hint = One per line: code | kind | Dutch | English. Kind is trust, value or other.
editor-remove-question = Remove question
editor-up = Move up
editor-down = Move down

editor-kind-scale = Statement on a scale
editor-kind-single = Single choice
editor-kind-multiple = Multiple choice
editor-kind-number = Number
editor-kind-open_text = Open answer
editor-kind-partners = Which partners do you work with
editor-kind-partner_ratings = Rating per chosen partner
editor-kind-open_text-hint = The respondent types an answer.
editor-kind-partners-hint = The respondent picks from the network's partners.

editor-dimension-trust = trust
editor-dimension-value = value
editor-dimension-other = other

editor-done-refreshed = The form has been updated.
editor-done-factor-added = Theme added.
editor-done-factor-removed = Theme removed.
editor-done-page-added = Page added.
editor-done-page-removed = Page removed.
editor-done-question-added = Question added.
editor-done-question-removed = Question removed.
editor-done-question-moved = Question moved.

editor-blank-name = New questionnaire
editor-blank-page = Questions
editor-blank-question = New statement
editor-agreement-1 = Strongly disagree
editor-agreement-2 = Disagree
editor-agreement-3 = Neutral
editor-agreement-4 = Agree
editor-agreement-5 = Strongly agree
editor-extent-1 = Not at all
editor-extent-2 = A little
editor-extent-3 = Fairly
editor-extent-4 = Very much

error-instrument-name-missing = Give the questionnaire a name.
error-instrument-empty = A questionnaire has at least one question.
error-question-key-repeated = Every question has its own code.
error-question-text-missing = Fill in the question in Dutch.
error-question-factor-unknown = This theme no longer exists. Choose another theme.
error-question-scale-points = A scale has 2 to 11 points, one per line.
error-question-options-few = Give at least two choices, one per line.
error-question-source-unknown = Choose a "which partners do you work with" question of this questionnaire.
error-editor-key-missing = Fill in a code.
error-editor-key-format = Use only letters, digits, - and _ (at most 40 characters).
error-editor-key-repeated = This code is already used. Choose another.
error-editor-kind-unknown = Choose a kind of question from the list.
error-editor-line-format = A line is not right. Write per line: Dutch | English, or code | Dutch | English.
error-editor-line-key-format = A code is not right: use only letters, digits, - and _. The codes frequency and work are taken.
error-editor-line-key-repeated = Two lines have the same code.
error-editor-item-line-format = A line is not right. Write per line: code | kind | Dutch | English, with trust, value or other as the kind.
error-editor-lines-none = Fill in at least one line.
error-editor-number = Fill in a number, such as 3 or 2.5.
error-editor-bounds-order = The highest number is lower than the lowest.
error-editor-bands-order = Needs attention must be lower than strength, both between 1 and 5.
error-editor-divergence-range = Fill in a difference above 0 and at most 4.
error-editor-page-empty = This page has no questions yet. Add a question or remove the page.
