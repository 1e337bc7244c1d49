"""Resources shipped with the application (reference data, templates, translations)."""
