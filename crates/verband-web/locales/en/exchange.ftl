# Verband — Excel in and out: exporting and importing partners, persons, projects and commitments.

exchange-title = Excel in and out
exchange-link = Export and import (Excel, CSV)
exchange-intro = Download this network's data as an Excel or CSV file, or read in a file to add or update many records at once.

## Kinds of data
exchange-kind-organisations = Partners
exchange-kind-persons = Contact persons
exchange-kind-projects = Projects
exchange-kind-commitments = Commitments under agreements
exchange-file-organisations = partners
exchange-file-persons = contact persons
exchange-file-projects = projects
exchange-file-commitments = commitments

## Export
exchange-export-title = Export
exchange-export-intro = Archived records are not in the files. Choose "CSV for Excel" to open the file in a Dutch Excel.
exchange-export-caption = Downloads per kind of data
exchange-col-kind = Data
exchange-col-downloads = Download

## Import
exchange-import-title = Import
exchange-import-intro = You first see, row by row, what will change and what is wrong. Nothing is saved until you confirm, and then the whole file at once or nothing at all. A row with a number in the "id" column updates that record; a row without one adds a new record, or updates the record with the same name.
exchange-import-coordinator-only = Only the network's coordinator can read in files.
exchange-field-kind = What does the file hold?
exchange-field-file = File
exchange-file-hint = An Excel file (.xlsx) or a CSV file with commas or semicolons, of at most { $megabytes } MB and { $rows } rows. Tip: start from an export, so the column headers are right.
exchange-check = Check file
import-error-file-missing = Choose a file to read in.
import-error-too-large = The file is larger than { $megabytes } MB. Spread the rows over a few smaller files.
import-error-too-many-rows = The file has more than { $rows } rows. Spread the rows over a few smaller files.

## Check before saving
exchange-preview-title = Check of { $file }
exchange-preview-kind = Kind of data: { $kind }.
exchange-preview-clean = Everything is in order. Nothing has been saved yet: confirm below to process the file.
exchange-problem-count = { $count ->
        [one] 1 problem in the file
       *[other] { $count } problems in the file
    }
exchange-header-problems-title = Problems with the column headers
exchange-problems-title = Errors per row
exchange-problems-caption = Errors in the file, by row and column
exchange-col-row = Row
exchange-col-column = Column
exchange-col-problem = What is wrong
exchange-ignored-title = Columns we do not read
exchange-other-file = Read in a corrected file
exchange-cancel = Do not process
exchange-changed-since = Since your check, the data in Verband has changed so that the file no longer fits entirely. Nothing has been saved. Below you see how the file stands now.

## After processing
exchange-imported = Processed: { $create } new, { $update } updated, { $unchanged } unchanged.
exchange-to-list = Go to the list: { $kind }
exchange-already-imported = This file has already been processed. Nothing was saved twice.

## Row errors
error-goal-unknown = This goal is not among the goals of this network. Add it first, or check the spelling.
error-person-unknown = This person is not among the contact persons of this network. Add them first, or check the name or e-mail address.
error-agreement-unknown = This agreement does not exist in this network. Record it first, or check the title.
error-name-ambiguous = This name belongs to more than one record. Make the names unique first, or use the e-mail address for a person.
error-id-duplicate-in-file = This number already appears earlier in the file.
error-commitment-duplicate-in-file = This partner already has a commitment with this role under this agreement in the file.
error-agreement-changed = A commitment cannot move to another agreement. Empty the id cell to add it as a new commitment.
