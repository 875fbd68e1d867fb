"""Public test vectors (biip's tests, the GS1 Syntax Engine's scan-data and Digital Link cases; see
vectors/README.md): every one is read to the GTIN and AIs its source expects, or refused where the source
refuses it. Where ScanApp reads a vector differently, the vector says what ScanApp does and why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scanapp.domain.barcodes import BarcodeError, decode

VECTORS = Path(__file__).parent / "vectors"
SETS = ("biip.json", "gs1_syntax_engine.json")


def load() -> list[Any]:
    cases = []
    for name in SETS:
        for vector in json.loads((VECTORS / name).read_text(encoding="utf-8")):
            cases.append(pytest.param(vector, id=f"{name[:-5]}:{vector['source']}:{vector['input']!r}"))
    return cases


CASES = load()


def test_the_vector_sets_are_all_there() -> None:
    # 98 from biip, 125 from the Syntax Engine: a lost file or a broken harvest shows here, not as fewer tests.
    assert len(CASES) == 223


@pytest.mark.parametrize("vector", CASES)
def test_vector(vector: dict[str, Any]) -> None:
    expect = vector.get("expect", vector["source_says"])
    assert ("expect" in vector) == ("why" in vector), "a vector read differently from its source says why"
    if expect == "invalid":
        with pytest.raises(BarcodeError) as info:
            decode(vector["input"])
        assert info.value.reason
        return
    barcode = decode(vector["input"])
    assert set(expect) <= {"gtin14", "elements", "text"}, f"unknown expectation {expect}"
    if "text" in expect:
        assert (barcode.kind, barcode.code, barcode.gtin14, barcode.elements) == ("text", expect["text"], None, ())
        return
    assert barcode.kind != "text"
    if "gtin14" in expect:
        assert barcode.gtin14 == expect["gtin14"]
        assert barcode.code == expect["gtin14"]
    # The expected AIs as one element string without separators: each AI followed by its value, in order.
    assert "".join(e.ai + e.value for e in barcode.elements) == expect.get("elements", "")
