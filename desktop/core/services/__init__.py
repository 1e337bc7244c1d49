"""Services: the operations the GUI and CLI share."""

from desktop.core.services.office import OfficeService
from desktop.core.services.records import ListQuery, Page, RecordService

__all__ = ["ListQuery", "OfficeService", "Page", "RecordService"]
