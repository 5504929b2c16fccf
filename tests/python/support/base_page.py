"""The default page as an older commit's report package writes it, its charts drawn once until what draws them changes.

Run as a script, with the old package first on PYTHONPATH: `python base_page.py WAREHOUSE OUT KEPT DRAWN_WITH`.
It calls the old package's `write_report(WAREHOUSE, OUT)` as it is, but for one thing: vl-convert's
`vegalite_to_svg`, which the old package calls for every chart of the page (most of what writing the page costs),
is kept under the hash of what it is drawn from (the spec as canonical JSON, and `DRAWN_WITH`: vl-convert's version
and the font files, as hotline12345.report.charts keeps the site's charts) in the folder `KEPT`, and read back the
next time: the bytes vl-convert returned for that same input. The old package's own code writes the page.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import vl_convert

_draw = vl_convert.vegalite_to_svg


def kept_svg(kept_in: Path, drawn_with: str, spec: dict[str, Any]) -> str:
    """vl-convert's SVG of `spec`, drawn once and kept in `kept_in` under the hash of the spec and `drawn_with`."""
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    key = hashlib.sha256(f"{drawn_with}\n{canonical}".encode()).hexdigest()
    kept = kept_in / key[:2] / f"{key}.svg"
    try:
        return kept.read_bytes().decode("utf-8")
    except FileNotFoundError:
        pass
    svg = str(_draw(spec))
    kept.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=kept.parent, suffix=".tmp", delete=False) as handle:
        handle.write(svg.encode("utf-8"))
    os.replace(handle.name, kept)
    return svg


def main(warehouse: str, out: str, kept_in: str, drawn_with: str) -> None:
    vl_convert.vegalite_to_svg = lambda spec, *args, **kwargs: (
        kept_svg(Path(kept_in), drawn_with, spec) if not args and not kwargs else _draw(spec, *args, **kwargs)
    )
    from hotline12345.report import write_report  # the old package, first on PYTHONPATH

    write_report(Path(warehouse), Path(out))


if __name__ == "__main__":
    main(*sys.argv[1:5])
