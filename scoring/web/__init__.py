"""The Django adapters of the pure engine: the calculator page, the CRS API, their form, parser
and routes. Nothing outside this package and ``scoring/management/`` imports Django.
"""
