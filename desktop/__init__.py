"""Diskominfo Desk: the register of a regional Diskominfo office.

The version lives here, once; packaging, the CLI and the GUI all read it.
"""

__version__ = "0.1.0"
APP_NAME = "Diskominfo Desk"
APP_ID = "diskominfo-desk"
