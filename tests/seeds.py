"""Seed texts and the normalisation used by fidelity tests.

A clause's text must be the seed's text: after NFKC (full-width → half-width),
unified quotes and dashes, and with all whitespace removed, it must appear in
the equally normalised seed. Seed 003 is Traditional Chinese with garbled pinyin
after characters; it is compared after removing the pinyin and converting to
Simplified Chinese.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"  # copies of shared/seeds, byte for byte

SET_SEEDS = {
    "db34-t-3395-2019": "002_e87553705ef85d77.txt",
    "db4108-t-6-2020": "000_409eb28d6bae5e62.txt",
    "zmd-civility-2023": "001_6370d2def8d0f562.txt",
    "cq-12345-hotline": "003_8e3a8e80dd3092f8.txt",
    "window-conduct": "004_a1ca6ce7797b47da.txt",
}

_PINYIN = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\)")
_PAGE_HEADER = re.compile(r"DB34/T 33952019 (\d+|I) ")  # running header left in the web copy of 002


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for old, new in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("—", "-"), ("–", "-"),
                     ("「", '"'), ("」", '"'), ("〔", "["), ("〕", "]"), ("·", ".")):
        text = text.replace(old, new)
    return re.sub(r"\s+", "", text)


@functools.cache
def seed_text(file_name: str) -> str:
    """The normalised seed, with known debris that interrupts clause text removed."""
    raw = (SEEDS / file_name).read_text(encoding="utf-8")
    raw = _PAGE_HEADER.sub("", _PINYIN.sub("", raw))
    if file_name.startswith("003"):
        import opencc  # type: ignore[import-untyped]

        raw = opencc.OpenCC("t2s").convert(raw)
        for word, simplified in ZHE_WORDS.items():
            raw = raw.replace(word, simplified)
    return normalise(raw)


# OpenCC's t2s phrase dictionary keeps 著 wherever traditional text writes it; in simplified Chinese 著
# is only zhù (著名, 显著, 著作 …) and the aspect particle and 着急 are 着. The words of seed 003 in which
# 著 is the particle, checked one by one:
ZHE_WORDS = {"戴著": "戴着", "带著": "带着", "代表著": "代表着", "著急": "着急"}
ZHU_WORDS = ("著名", "显著", "著作", "名著", "卓著", "昭著", "编著", "著称", "著述", "原著", "专著", "巨著",
             "论著", "译著", "土著", "著录", "著书")  # 著 as zhù: stays 著
