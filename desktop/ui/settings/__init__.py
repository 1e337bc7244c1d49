"""Pengaturan's tabs, one widget each: Umum (``general_tab``), Basis data
(``database_tab``) and Naskah (``documents_tab``); the office profile is a record form.
``desktop.ui.settings_dialog.SettingsDialog`` assembles them and saves them together.

The tabs' texts keep the dialog's translation context (``SettingsDialog``), so the
English catalogue stays as it was when the dialog was one class.
"""
