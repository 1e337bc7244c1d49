"""Application <-> showcase: public fields only, round trip through a catalog with the plugin."""

from __future__ import annotations

from typing import Any

from ckan_server.fixtures import start_world

from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.naming import package_name
from desktop.sync.showcase_mapping import app_to_showcase, showcase_to_app

LOCAL_ID = "7a1c2e3f-0000-4000-8000-123456789abc"


def app() -> dict[str, Any]:
    return {"nama": "Sistem Informasi Perizinan", "singkatan": "SIP",
            "deskripsi": "Perizinan daring.", "url": "https://sip.contoh.go.id",
            "jenis": "khusus", "layanan": "publik", "sasaran": ["masyarakat", "pelaku_usaha"],
            "platform": ["web", "android"], "status": "operasional", "tahun": 2021}


def test_only_public_fields_are_sent() -> None:
    values = {**app(), "pic_nip": "198001012005011001", "dbms": "PostgreSQL",
              "sumber_dana": "APBD", "rekomendasi_nomor": "555/12/2021"}
    sent = repr(app_to_showcase(values, LOCAL_ID, name="sip-7a1c2e3f", owner_name="DPMPTSP"))
    assert "198001012005011001" not in sent and "APBD" not in sent and "555/12" not in sent


def test_round_trip_through_a_catalog_with_the_plugin() -> None:
    server, world = start_world(showcase=True)
    try:
        client = CatalogClient(CatalogConfig(server.url, "admin", write_interval=0),
                               world.admin_token)
        name = package_name(LOCAL_ID, "Sistem Informasi Perizinan")
        created = client.showcase_create(app_to_showcase(app(), LOCAL_ID, name=name,
                                                         owner_name="DPMPTSP"))
        remote = showcase_to_app(client.showcase_show(created["id"]))
        assert remote.values == app()
        assert (remote.desk_id, remote.owner_name, remote.name) == (LOCAL_ID, "DPMPTSP", name)
        changed = {**app(), "status": "dihentikan"}
        client.showcase_update(app_to_showcase(changed, LOCAL_ID, name=name,
                                               owner_name="DPMPTSP",
                                               remote_id=remote.remote_id))
        assert showcase_to_app(client.showcase_show(name)).values["status"] == "dihentikan"
    finally:
        server.stop()


def test_empty_application_comes_back_empty() -> None:
    remote = showcase_to_app({**app_to_showcase({"nama": "X"}, LOCAL_ID, name="x-7a1c2e3f",
                                                owner_name=""), "id": "r"})
    assert remote.values["sasaran"] == [] and remote.values["tahun"] is None
    assert remote.owner_name is None
