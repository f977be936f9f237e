"""Names in scripts without capitals: a short run of Han or Hangul characters standing alone
in a text written in Latin letters ("she writes it 梁美玲 on her own forms")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .spans import Span

# Han (CJK ideographs, extension A) and Hangul syllables; kana too, so that a run inside
# Japanese text is not read as one name.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# A Chinese, Japanese or Korean full name is two to four characters; a longer run is a
# phrase or a quotation, which says nothing of anyone by its shape.
CJK_NAME = re.compile(rf"(?<![{CJK}])[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{{2,4}}(?![{CJK}])")
ANY_CJK = re.compile(rf"[{CJK}]")


def cjk_name_spans(text: str) -> Iterator[Span]:
    """Spans of two to four Han or Hangul characters standing alone among Latin words."""
    if ANY_CJK.search(text) is None:
        return
    for m in CJK_NAME.finditer(text):
        yield m.span()
