"""Names with titles and degrees (gelar): only the name goes into capitals."""

from __future__ import annotations

import pytest

from desktop.core.names import name_in_capitals, split_name

CASES = [
    # as written                                   -> house style (name in capitals)
    ("Hj. Ratna Kusumawati, S.E., M.Si.", "Hj. RATNA KUSUMAWATI, S.E., M.Si."),
    ("Dr. Ir. H. Joko Susilo, M.T.", "Dr. Ir. H. JOKO SUSILO, M.T."),
    ("dr. Siti Rahayu, Sp.A.", "dr. SITI RAHAYU, Sp.A."),
    ("drg. Ayu Lestari, M.Kes.", "drg. AYU LESTARI, M.Kes."),
    ("Drs. H. Abdullah Azwar Anas, M.Si.", "Drs. H. ABDULLAH AZWAR ANAS, M.Si."),
    ("Prof. Dr. Ir. Hj. Endang Sulistyowati, M.Sc., Ph.D.",
     "Prof. Dr. Ir. Hj. ENDANG SULISTYOWATI, M.Sc., Ph.D."),
    ("Ir. Hartono Wibisono, M.M., IPU", "Ir. HARTONO WIBISONO, M.M., IPU"),
    ("Budi Santoso, S.Kom., M.T.", "BUDI SANTOSO, S.Kom., M.T."),
    ("Arif Prasetyo", "ARIF PRASETYO"),
    ("I Gede Ngurah Wirawan, S.STP., M.AP.", "I GEDE NGURAH WIRAWAN, S.STP., M.AP."),
    ("Ni Luh Putu Ayu, S.Sos.", "NI LUH PUTU AYU, S.Sos."),
    ("K.H. Ahmad Mustofa Bisri", "K.H. AHMAD MUSTOFA BISRI"),
    ("KH. Abdul Ghofur, Lc., M.A.", "KH. ABDUL GHOFUR, Lc., M.A."),
    ("Dra. Hj. Sri Mulyani, M.Pd.", "Dra. Hj. SRI MULYANI, M.Pd."),
    ("Muh. Yusuf, S.H.", "MUH. YUSUF, S.H."),  # "Muh." is the name (Muhammad), not a title
    ("M. Ridwan Kamil, S.T., M.U.D.", "M. RIDWAN KAMIL, S.T., M.U.D."),
    ("Dr. (H.C.) Ir. Soekarwo, M.Hum.", "Dr. (H.C.) Ir. SOEKARWO, M.Hum."),
    ("H Abdul Halim, S.Ag", "H ABDUL HALIM, S.Ag"),
    ("Ny. Wiwik Sutarsih", "Ny. WIWIK SUTARSIH"),
    ("apt. Dewi Kartika, S.Farm.", "apt. DEWI KARTIKA, S.Farm."),
    ("  Indah   Permatasari ,  A.Md.  ", "INDAH PERMATASARI, A.Md."),
    ("Dr.", "DR."),  # a lone word is a name, never nothing
    ("", ""),
]


@pytest.mark.parametrize(("written", "capitals"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_only_the_name_is_capitalised(written: str, capitals: str) -> None:
    assert name_in_capitals(written) == capitals


def test_the_parts_are_kept_as_written() -> None:
    parts = split_name("Prof. Dr. Hj. Siti Aminah, S.H., M.Hum.")
    assert (parts.prefix, parts.name, parts.suffix) == ("Prof. Dr. Hj.", "Siti Aminah",
                                                        ", S.H., M.Hum.")
    assert parts.joined() == "Prof. Dr. Hj. Siti Aminah, S.H., M.Hum."
    assert split_name(None).joined() == ""
    assert split_name("Eko Saputra,").suffix == ","
