"""Moved to ``desktop.ui.sync.page`` (one module per box); kept while imports follow."""

from desktop.ui.sync.page import SyncPage

__all__ = ["SyncPage"]
