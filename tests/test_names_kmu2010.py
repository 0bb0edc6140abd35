from __future__ import annotations

import pytest

from mtcheck.names.kmu2010 import romanize_uk


@pytest.mark.parametrize(
    ("uk", "latin"),
    [
        # Examples printed in Resolution No. 55 (2010) of the Cabinet of Ministers of Ukraine.
        ("Згорани", "Zghorany"),
        ("Їжакевич", "Yizhakevych"),
        ("Знам'янка", "Znamianka"),
        ("Рівне", "Rivne"),
        ("Стрий", "Stryi"),
        ("Юрій", "Yurii"),
        ("Щорс", "Shchors"),
        ("Біла Церква", "Bila Tserkva"),
        ("Київ", "Kyiv"),
        ("Авдіївка", "Avdiivka"),
    ],
)
def test_kmu2010(uk: str, latin: str) -> None:
    assert romanize_uk(uk) == latin
