"""pyconc.zip: the toolkit some examples import, as one download for readers.

Unzipped next to a copied example, `python example.py` finds `pyconc/` in the script's folder.
The archive is reproducible (fixed timestamps, sorted names), so an unchanged toolkit gives
byte-identical downloads from build to build.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

TOOLKIT = Path(__file__).resolve().parent.parent / "examples" / "pyconc"


def build() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(TOOLKIT.glob("*.py")):
            info = zipfile.ZipInfo(f"pyconc/{path.name}", date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
