"""Draft records from a new source document: `python -m scripts ingest SOURCE`.

The stages, one module each: `extract` reads a PDF or a text file, `clean` repairs what PDF
extraction leaves behind, `segment` finds the sections, bullets and headings, `names` and
`figures` recognise the reference records, amounts and dates, `draft` makes the records,
`drafts_folder` writes and checks them under data/drafts/, `report` tells the reviewer what was
found, and `command` runs them in that order.
"""
