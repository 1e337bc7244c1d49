"""A record page and the boxes it draws: the filter bar, the list, the detail pane.

``page.RecordPage`` composes them and keeps the editing (open, save, delete, drafts); each
box is a widget of its own so it can be read, and tested, without the rest.
"""
