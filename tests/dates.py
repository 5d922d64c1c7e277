"""Checks that a page writes dates one way (YYYY-MM-DD) and names the zone of every time."""

import re
from html.parser import HTMLParser

MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# "August 7, 2026", "7 August 2026", "7 Aug 2026": the formats pages mixed with 2026-08-07.
WORDED_DATE = re.compile(rf"\b({MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}})\b")
TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?![:\d])(?!\s*(?:UTC|EST|EDT))")


class _Text(HTMLParser):
    """The text a reader sees: no scripts, styles or attribute values."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def assert_one_date_format(html: str) -> None:
    text = visible_text(html)
    worded = [match.group(0) for match in WORDED_DATE.finditer(text)]
    assert not worded, f"dates written in words next to YYYY-MM-DD: {worded}"
    bare = [match.group(0) for match in TIME.finditer(text)]
    assert not bare, f"times without their zone: {bare}"
