from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.errors import ConfigError, InputError
from mtcheck.names.termbase import DEPRECATED, FORBIDDEN, PREFERRED
from mtcheck.names.termbase_io import load_termbases

TBX_V3 = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="en">
    <termSec><term>Kyiv</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>Kiev</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
   </langSec>
   <langSec xml:lang="uk"><termSec><term>Київ</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol2;</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_seed_tbx_basic(tmp_path: Path) -> None:
    tb = load_termbases([Path(__file__).resolve().parents[1] / "seeds" / "termbase.tbx"])
    kyiv = next(c for c in tb.concepts if c.id == "kyiv")
    assert kyiv.preferred("en").text == "Kyiv"  # type: ignore[union-attr]
    assert [t.status for t in kyiv.terms_in("en")] == [PREFERRED, DEPRECATED]
    assert tb.lookup("rustem umerov", "en")[0][0].text == "Rustem Umerov"


def test_tbx_v3(tmp_path: Path) -> None:
    path = tmp_path / "v3.tbx"
    path.write_text(TBX_V3, encoding="utf-8")
    tb = load_termbases([path])
    assert {(t.text, t.status) for t in tb.concepts[0].terms_in("en")} == {("Kyiv", PREFERRED), ("Kiev", DEPRECATED)}


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tbx"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(InputError):
        load_termbases([path])


def test_csv_and_tsv_together(tmp_path: Path) -> None:
    csv_path = tmp_path / "g.csv"
    csv_path.write_text("en,en:deprecated,en:forbidden,uk\nKyiv,Kiev|Kiyev,,Київ\n", encoding="utf-8")
    tsv_path = tmp_path / "g.tsv"
    tsv_path.write_text("en\ten:forbidden\tnote\nsign in\tlogin\tverb\n", encoding="utf-8")
    tb = load_termbases([csv_path, tsv_path])
    assert len(tb) == 2
    statuses = {t.text: t.status for c in tb.concepts for t in c.terms}
    assert statuses == {"Kyiv": PREFERRED, "Kiev": DEPRECATED, "Kiyev": DEPRECATED, "Київ": PREFERRED,
                        "sign in": PREFERRED, "login": FORBIDDEN}  # fmt: skip


def test_bad_glossary_header(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("english,french\nx,y\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_termbases([path])


def test_missing_file() -> None:
    with pytest.raises(ConfigError):
        load_termbases(["/nonexistent/house.tbx"])
