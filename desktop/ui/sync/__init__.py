"""The Sinkronisasi page, one module per box it draws.

``page`` keeps the run (start, cancel, progress, the status checks) and composes the
boxes: ``settings_box`` (the catalog's address, user and token), ``orgmap_box`` (which
catalog organization publishes an OPD's datasets), ``conflicts_box`` with its editor in
``conflict_dialog``, and ``runs_box`` (the log of past runs). They reach the sync layer
only through ``desktop.sync.api``.
"""
