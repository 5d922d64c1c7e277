"""Pages of the consultant UI, the client portal and the firm page (DESIGN.md §2)."""
