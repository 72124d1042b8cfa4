"""`make import SOURCE=<folder>`: a saved copy of the old site into Markdown articles.

One module per job: discover (which files are pages, and their old
addresses), decode (bytes to text), fields (title, date, column …), body
(the article's own text, cleaned), links (pictures, attachments and links
between pages), markdown (HTML to Markdown), write (the article files),
report (what happened, in Chinese); run puts them together.
"""
