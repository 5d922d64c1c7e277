"""Finds English left on a page rendered in French (issue 15).

A page's interface text is what a person reads: text nodes outside <script>/<style> (and outside
<code>/<kbd>/<samp>, which show what a machine reads: CSV column names, JSON keys), and the
attributes read aloud or shown (title, aria-label, placeholder, alt, a button's value). Data is
not interface: values quoted « so », names of people, firms and documents, round names as IRCC
publishes them, e-mail addresses; the caller passes those to be set aside. What is left must
hold no English word.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Words that are English and never French (so not "test", "code", "message", "page", "file"),
# common enough that any English sentence has one.
ENGLISH_WORDS = frozenset(
    """
    the and your you with this that these those what which when where who will would could should
    have has been was were are is isn't not don't can't from into about after before than then
    there their they our we us my yes none unknown show hide save cancel edit delete remove add
    sign upload download back next previous search filter apply applied invited round rounds draw
    draws score scores eligible eligibility profile profiles job work worked working language
    languages files client's clients' settlement funds spouse partner children today yesterday
    tomorrow week weeks month months year years day days ago left due overdue expired expiring
    open closed new old because only also more less each every all any some how why here help home
    set up setup password security account accounts send
    """.split()  # noqa: SIM905 (a list literal of 140 words would be 140 lines)
)
SKIPPED = ("script", "style", "template", "code", "kbd", "samp")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-bs-title", "data-bs-content")
WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019]*")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self._skip += 1
        values = dict(attrs)
        for name in SHOWN_ATTRIBUTES:
            if values.get(name):
                self.texts.append(values[name])
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.texts.append(values["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data)


def interface_texts(html: str) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    return [" ".join(t.split()) for t in reader.texts]


def english_left(html: str, data: list[str] = ()) -> list[str]:
    """The page's texts that still hold an English word, data set aside."""
    found = []
    for text in interface_texts(html):
        for value in sorted((d for d in data if d), key=len, reverse=True):
            text = text.replace(value, " ")
        # A value quoted « like this » is one to type as it is (a CSV's "yes"), not prose.
        text = re.sub(r"«[^»]*»", " ", text)
        words = {w.lower().strip("'\u2019") for w in WORD.findall(text)}
        if words & ENGLISH_WORDS:
            found.append(f"{text!r} ({', '.join(sorted(words & ENGLISH_WORDS))})")
    return found
