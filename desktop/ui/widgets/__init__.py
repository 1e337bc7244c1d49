"""Reusable widgets: field editors, collection editors."""
