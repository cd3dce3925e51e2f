"""From the catalogue to Markdown pages: one module per page kind, templates, Danish formatting."""
