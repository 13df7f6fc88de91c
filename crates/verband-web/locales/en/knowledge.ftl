## Knowledge lab

knowledge-kind-article = Article
knowledge-kind-tool = Tool or template
knowledge-kind-reference = Reference work
knowledge-kind-experience = Learning experience
knowledge-kind-success = Success story
knowledge-kind-question = Open question
knowledge-visibility-network = This network only
knowledge-visibility-shared = All networks of this installation
error-too-many = There are too many.
error-shared-coordinator-only = Only the coordinator shares a knowledge item with every network.
knowledge-link-kind-project = Projects
knowledge-link-kind-meeting = Meetings
knowledge-link-kind-survey_round = Survey rounds
error-attachment-type-not-allowed = This kind of file is not allowed. Add a PDF, Word or Excel file, or a picture (png, jpg, gif or webp).
error-file-name-mismatch = The file's name does not match what it contains. Give the file the right extension, such as .pdf or .docx.

## The item's page
nav-knowledge = Knowledge lab
knowledge-lab = Knowledge lab
knowledge-kind = Kind
knowledge-network = Network
knowledge-author = Shared by
knowledge-author-unknown = unknown
knowledge-date = Date
knowledge-updated-on = updated on { $date }
knowledge-themes = Themes
knowledge-phase = Phase
knowledge-sectors = Sectors
knowledge-visibility = Who may see it
knowledge-views = Times viewed
knowledge-links = Links
knowledge-targets = Belongs to
knowledge-target-archived = archived
knowledge-target-closed = closed
knowledge-archived-notice = This knowledge item is archived. It is no longer in the knowledge lab and cannot be found by searching. You can restore it.
knowledge-archive-title = Archive knowledge item
knowledge-archive-question = Do you want to archive ‘{ $title }’?
knowledge-archive-explain = The item leaves the knowledge lab and the search results. Its attachments, questions and answers are kept. You can restore it later.

## The form
knowledge-add = Add knowledge item
knowledge-edit = Edit knowledge item
knowledge-form-intro = Share what you learned, made or want to know, so others can build on it.
knowledge-title = Title
knowledge-body = Text
knowledge-body-hint = You can use formatting: **bold**, *italic*, a line starting with - becomes a list, # makes a heading, [text](https://…) makes a link.
knowledge-themes-hint = Separate themes with a comma, for example: exercise, loneliness. At most 8.
knowledge-links-hint = One web address per line, starting with https://.
knowledge-visibility-hint = Only the coordinator can share an item with all networks.
knowledge-targets-hint = Link the item to projects, meetings or survey rounds of this network. It then also shows on those pages under ‘What we learned’.

## Attachments
knowledge-attachments = Attachments
knowledge-attachments-empty = There are no attachments yet.
knowledge-attachment-name = File
knowledge-attachment-type = Kind
knowledge-attachment-size = Size
knowledge-attachment-date = Added on
knowledge-attachment-remove = Remove
knowledge-attachment-file = Attachment
knowledge-attachment-hint = A PDF, Word or Excel file or a picture, at most 20 MB. The text of PDF, Word and Excel files can be found by searching.
knowledge-attachment-add = Add attachment
knowledge-file-pdf = PDF
knowledge-file-docx = Word document
knowledge-file-xlsx = Excel file
knowledge-file-image = Picture
knowledge-file-other = File

## Questions and answers
knowledge-questions = Questions and answers
knowledge-questions-empty = No questions have been asked yet.
knowledge-answers = Answers
knowledge-answer = Answer
knowledge-answer-body = Your answer
knowledge-question-body = Your question
knowledge-ask = Ask question
knowledge-ask-title = Ask a question
knowledge-ask-hint = Everyone who can see this item can read and answer your question.
knowledge-question-remove = Remove

## On project, meeting and round pages
knowledge-learned = What we learned
knowledge-learned-add = Add knowledge item
knowledge-learned-empty = Nothing about this has been shared in the knowledge lab yet.

## Kennislab search and the header search

lab-intro = Search what the networks learned, made and want to know: your own networks' items and what other networks share with everyone.
lab-search-label = Search the knowledge lab
lab-sort = Order
lab-sort-relevance = Best match
lab-sort-newest = Newest first
lab-sort-views = Most viewed first
lab-search-button = Search
lab-newest = Newest knowledge items
lab-results = Search results
lab-count = Found: { $count }
lab-clear-filters = Clear filters
lab-empty = The knowledge lab has no items yet. Add the first one.
lab-no-results = Nothing found. Try another word or fewer filters.
lab-most-viewed = Most viewed
lab-filter = Filter
lab-year = Year
lab-apply-filters = Apply filters
lab-shared = shared
lab-views = viewed { $count } times
lab-in-attachment = In an attachment:
lab-related = Related items
search-title = Search
search-label = Search partners, people, projects, meetings and knowledge
search-nothing = Nothing found for ‘{ $text }’.
search-found-for = Results for ‘{ $text }’.
search-partners = Partners
search-persons = People
search-projects = Projects
search-meetings = Meetings
search-all-knowledge = See all { $count } knowledge items
header-search-label = Search Verband
