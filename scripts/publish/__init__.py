"""Publishing: the MkDocs glue, downloads and feeds, and the all-or-nothing build of site/."""
