"""Every Express Entry term a client reads, explained in plain words (issue 12, item 5).

One entry per concept, used three ways: the public ``/glossary/`` page, the inline explanation
that opens by tap wherever a page writes ``{% term "crs" %}``, and the tests, which check that
every ``{% term %}`` in the templates names an entry here (a typo would otherwise show nothing).
Definitions follow IRCC's own pages on Express Entry (canada.ca "How Express Entry works",
"Comprehensive Ranking System criteria", "Rounds of invitations"); the French follows IRCC's
French pages (« Entrée express », « Système de classement global »). The ``key`` stays English:
it is the anchor and the tag's argument in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Term:
    key: str  # the page anchor and the template tag's argument
    # The texts are lazy translations: said in the language active where they are shown.
    name: str | Promise  # as written in the text: "CRS"
    full: str | Promise  # spelled out: "Comprehensive Ranking System"
    short: str | Promise  # one or two sentences: the inline explanation
    more: str | Promise = ""  # what the glossary page adds


TERMS: tuple[Term, ...] = (
    Term(
        "express-entry",
        pgettext_lazy("glossary term", "Express Entry"),
        _("Express Entry"),
        _(
            "Canada's online system for three immigration programs for skilled workers (CEC, FSW "
            "and FST). You create a profile, are ranked against other candidates, and the best "
            "ranked are invited to apply for permanent residence."
        ),
    ),
    Term(
        "crs",
        pgettext_lazy("glossary term", "CRS"),
        _("Comprehensive Ranking System"),
        _(
            "The points IRCC gives every Express Entry profile, out of 1,200: for age, education, "
            "language, work experience and a few extras. A higher score means a better rank."
        ),
        _(
            "The score is worked out under the rules in force on a date: IRCC changed them several "
            "times since 2015 (for example, job offers stopped earning points on 25 March 2025). "
            "Every score on this site says which rules it used."
        ),
    ),
    Term(
        "pool",
        pgettext_lazy("glossary term", "pool"),
        _("the Express Entry pool"),
        _(
            "All the Express Entry profiles waiting for an invitation on a given day. IRCC "
            "publishes how many profiles there are in each score band with most rounds."
        ),
        _(
            "A profile stays in the pool for 12 months, and only while it meets at least one "
            "program's minimum requirements and its language results and ECA are still valid."
        ),
    ),
    Term(
        "round",
        pgettext_lazy("glossary term", "round"),
        _("round of invitations (draw)"),
        _(
            "A day when IRCC invites the best-ranked profiles in the pool to apply. Each round "
            "says how many it invites, which profiles could take part, and the lowest score "
            "invited."
        ),
        _(
            "Some rounds are open to everyone in the pool (general rounds), some to one program "
            "only (for example CEC), some to one category (for example French speakers)."
        ),
    ),
    Term(
        "cut-off",
        pgettext_lazy("glossary term", "cut-off"),
        _("minimum score of a round"),
        _(
            "The lowest CRS score that was invited in a round. Profiles above it were invited; "
            "profiles exactly at it were invited only if they were created early enough (see "
            "tie-break)."
        ),
    ),
    Term(
        "tie-break",
        pgettext_lazy("glossary term", "tie-break"),
        _("tie-breaking rule"),
        _(
            "When several profiles have exactly the cut-off score, IRCC invites those created "
            "first, up to a date and time it publishes with the round. A profile created later "
            "with the same score was not invited."
        ),
    ),
    Term(
        "category",
        pgettext_lazy("glossary term", "category"),
        _("category-based selection"),
        _(
            "A round for people with something Canada is looking for: strong French, or work "
            "experience in certain occupations (health care, trades, education, and others). The "
            "cut-off of these rounds is often lower than in general rounds."
        ),
        _(
            "The occupations of each category change from year to year; we check them with the "
            "list in force on each round's date."
        ),
    ),
    Term(
        "ita",
        pgettext_lazy("glossary term", "ITA"),
        _("invitation to apply"),
        _(
            "The invitation IRCC sends after a round. Once invited, you have 60 days to send a "
            "complete application for permanent residence."
        ),
    ),
    Term(
        "clb",
        pgettext_lazy("glossary term", "CLB"),
        _("Canadian Language Benchmarks"),
        _(
            "Canada's scale of English ability, from 1 to 12, for listening, reading, writing and "
            "speaking. Test results (IELTS, CELPIP, PTE Core) are converted to CLB levels."
        ),
    ),
    Term(
        "nclc",
        pgettext_lazy("glossary term", "NCLC"),
        _("Niveaux de compétence linguistique canadiens"),
        _(
            "The same scale as CLB, for French. TEF Canada and TCF Canada results are converted to "
            "NCLC levels."
        ),
    ),
    Term(
        "eca",
        pgettext_lazy("glossary term", "ECA"),
        _("Educational Credential Assessment"),
        _(
            "A report from an approved organisation (such as WES) saying what a diploma earned "
            "outside Canada is worth in Canada. It is needed for foreign education to count, and "
            "it is valid for 5 years."
        ),
    ),
    Term(
        "noc",
        pgettext_lazy("glossary term", "NOC"),
        _("National Occupational Classification"),
        _(
            "Canada's list of jobs, each with a 5-digit code. Your job's code decides whether your "
            "work counts as skilled and which categories you may qualify for."
        ),
    ),
    Term(
        "teer",
        pgettext_lazy("glossary term", "TEER"),
        _("Training, Education, Experience and Responsibilities"),
        _(
            "The level of a job in the NOC, from 0 (management) to 5. Express Entry counts work in "
            "TEER 0, 1, 2 and 3 as skilled work."
        ),
    ),
    Term(
        "cec",
        pgettext_lazy("glossary term", "CEC"),
        _("Canadian Experience Class"),
        _(
            "The program for people with at least one year of skilled work in Canada in the last "
            "three years."
        ),
    ),
    Term(
        "fsw",
        pgettext_lazy("glossary term", "FSW"),
        _("Federal Skilled Worker Program"),
        _(
            "The program for skilled workers with at least one year of continuous skilled work "
            "experience, anywhere in the world, who pass a 67-point grid and show settlement funds."
        ),
    ),
    Term(
        "fst",
        pgettext_lazy("glossary term", "FST"),
        _("Federal Skilled Trades Program"),
        _(
            "The program for people with two years of work in a skilled trade and a job offer or a "
            "Canadian certificate of qualification in that trade."
        ),
    ),
    Term(
        "pnp",
        pgettext_lazy("glossary term", "PNP"),
        _("Provincial Nominee Program"),
        _(
            "A province or territory can nominate a candidate. A nomination adds 600 points, which "
            "in practice means an invitation in the next PNP round."
        ),
    ),
    Term(
        "settlement-funds",
        pgettext_lazy("glossary term", "settlement funds"),
        _("proof of settlement funds"),
        _(
            "The money FSW and FST candidates must show they have to settle in Canada, set by IRCC "
            "by family size. It is not needed with a valid job offer and a work permit, nor for "
            "CEC."
        ),
    ),
    Term(
        "cant-tell",
        pgettext_lazy("glossary term", "can't tell"),
        _("can't tell whether eligible"),
        _(
            "A fact needed to decide is not in the file yet (for example the work history, an "
            "Educational Credential Assessment or the settlement funds). Once it is recorded, the "
            "answer becomes yes or no."
        ),
    ),
    Term(
        "profile",
        pgettext_lazy("glossary term", "profile"),
        _("Express Entry profile"),
        _(
            "What you submit online to enter the pool. It is valid for 12 months; after that a new "
            "one must be created."
        ),
    ),
)

BY_KEY: dict[str, Term] = {term.key: term for term in TERMS}
