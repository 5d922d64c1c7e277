"""Documents and messages of a client file (issue 13): the checklist, uploads, review, the
file's message thread. Models live in ``profiles/models/documents.py``; every write goes through
``services``, every read through ``selectors``, scoped by who asks.
"""
