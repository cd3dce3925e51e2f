"""Search: Danish terms for the site's Pagefind index, and the command-line search."""
