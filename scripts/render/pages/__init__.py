"""One module per page kind; each exposes `pages(catalogue, ...)` yielding the pages it makes
(the initiatives' take a part of the work, the tracker's the date deadlines are judged against:
scripts/render/generate.py)."""
