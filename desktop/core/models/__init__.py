"""Every table of the schema; Alembic's target metadata is ``Base.metadata``."""

from desktop.core.models.aplikasi import Aplikasi, AplikasiDataset
from desktop.core.models.audit import AuditLog, SearchEntry
from desktop.core.models.base import Base, RecordMixin, new_id, utcnow
from desktop.core.models.berkas import Berkas, BerkasPotongan
from desktop.core.models.dataset import Dataset, DatasetResource
from desktop.core.models.deployment import Deployment
from desktop.core.models.kerjasama import (
    AyatPasal,
    ButirAyat,
    KerjaSama,
    LampiranBaris,
    PasalKerjaSama,
    PihakKerjaSama,
)
from desktop.core.models.kunjungan import (
    Kunjungan,
    PesertaKunjungan,
    TindakLanjut,
    kunjungan_aplikasi,
    kunjungan_kerjasama,
)
from desktop.core.models.opd import PerangkatDaerah
from desktop.core.models.people import Pengguna
from desktop.core.models.reference import OfficeProfile, Region
from desktop.core.models.sync import (
    SyncConflict,
    SyncLock,
    SyncOrgMap,
    SyncRecord,
    SyncRun,
    SyncRunError,
    SyncSetting,
    SyncWatermark,
)

__all__ = [
    "Aplikasi",
    "AplikasiDataset",
    "AuditLog",
    "AyatPasal",
    "Base",
    "Berkas",
    "BerkasPotongan",
    "ButirAyat",
    "Dataset",
    "DatasetResource",
    "Deployment",
    "KerjaSama",
    "Kunjungan",
    "LampiranBaris",
    "OfficeProfile",
    "PasalKerjaSama",
    "Pengguna",
    "PerangkatDaerah",
    "PesertaKunjungan",
    "PihakKerjaSama",
    "RecordMixin",
    "Region",
    "SearchEntry",
    "SyncConflict",
    "SyncLock",
    "SyncOrgMap",
    "SyncRecord",
    "SyncRun",
    "SyncRunError",
    "SyncSetting",
    "SyncWatermark",
    "TindakLanjut",
    "kunjungan_aplikasi",
    "kunjungan_kerjasama",
    "new_id",
    "utcnow",
]
