"""The Qt-free core: models, services, validation, search. Never imports PySide6."""
