"""Client files as scoring candidates on any date, and what the engine then says about them.

- ``facts``: the pure dated facts (``Credential``, ``Side``, ``ClientFacts``), no model import;
- ``loader``: the rows of many clients into ``ClientFacts`` in four queries (``facts_for``);
- ``assessment``: score, eligibility, advice and dated events for one client's page;
- ``coming_dates``: the dates ahead on which a client's score changes;
- ``score_reasons``: why the nightly run saw a score move, in words.

Empty on purpose: importing the package loads neither the models nor the engine.
"""
