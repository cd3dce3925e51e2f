"""One module per page kind; each exposes `pages(catalogue)` yielding the pages it makes."""
