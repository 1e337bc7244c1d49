"""Sync with the region's CKAN catalog: the register's datasets (and applications, as
showcases) published to the catalog, the catalog's changes and deletions pulled back, a
change made on both sides since the last sync merged field by field or kept as a conflict
for a person to decide. The modules, by the part they play:

- ``config``: what a connection needs (URL, user, token header, CA file, pace, retries).
- ``token``: the token from ``DISKOMINFO_DESK_CATALOG_TOKEN`` or the OS keyring, never
  from settings, database or logs.
- ``transport``: a requests session verifying TLS against the OS trust store.
- ``client``: one method per action, timeouts and retries, typed ``errors`` from
  ``envelope`` parsing.
- ``paging``: every dataset modified since a watermark, every organization and name.
- ``probe``: "test connection" (whose token is this, where may we write).
- ``remote_state``: what became of known ids (deletions), a broken search index.
- ``adopt``: idempotent create (adopt our own dataset when its name is already taken).
- ``mapping``, ``naming``, ``licences``, ``publication``: dataset record <-> package;
  ``showcase_mapping``: application <-> showcase (public fields only).

The engine (``engine.SyncEngine``; the GUI's calls are in ``api``):
- ``push``: dirty datasets out (create_or_adopt, package_revise, package_delete);
  ``showcase_push``: apps as showcases where the plugin exists.
- ``pull``: pages since the watermark, in slices of one transaction each, new datasets
  checked ahead (``RecordService.check_many``) and written as checked; ``prefetch``: the
  next page fetched and decoded on its own thread; ``pull_writer``: the slices written
  in order on a thread and connection of their own, while the engine's thread checks the
  next; ``slices``: how long a slice holds the write lock, and the gap for a clerk's save;
  ``memory``: what the last-synced copy keeps of a package.
- ``reconcile``: deletions by id; ``values`` + ``merge``: the three-way merge against
  the last-synced copy; ``local``: writes through the record service, conflicts.
- ``conflicts``: pending count, conflicts and their resolution; ``runlog``: runs and
  record errors; ``lock``: one sync per database; ``orgmap``: OPD <-> organization;
  ``catalog_settings``: URL/user in the database; ``cancel``: a cancelled sync;
  ``importer``: pull-only ``catalog-import`` from any portal.

Nothing here imports Qt.
"""
