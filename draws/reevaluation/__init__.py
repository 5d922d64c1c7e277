"""The re-evaluation pipeline (DESIGN.md §5): every client re-scored against a draw.

record_draw ──on_commit──► dispatch_runs ──► reevaluate_draw(run) ──► evaluate_chunk(chunk) x N
                                ▲                                        │
                                └────────────── finish_run(run) ◄────────┘ (the last chunk)

One job per module:

- ``runs``: schedule a run, dispatch pending runs, split a run into chunks, evaluate and close a
  chunk, finish a run, resume what a dead broker or worker left behind;
- ``evaluation``: judge many clients in one draw and write their standings;
- ``verdicts``: how one client stood in one draw (pure, no queries);
- ``standings``: the bulk upsert of ``Standing`` rows;
- ``rescoring``: a client whose facts changed, judged again in the recent draws;
- ``notifications``: the digest e-mails after a run;
- ``notices``: what staff are told about runs (admin, API, runs page, command);
- ``sending``: tasks sent by name, so no module here imports ``draws.tasks``.

Nothing is imported here: a caller imports the module it needs
(``from draws.reevaluation import runs``), so loading one part does not load them all.
"""
