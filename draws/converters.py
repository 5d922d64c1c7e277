"""URL converter for IRCC round numbers ("434", "91a"): anything else is a plain 404 before any
view runs, so odd paths (a NUL byte, a slash-free essay) never reach the database."""

from django.urls import register_converter


class RoundNumberConverter:
    regex = "[1-9][0-9]{0,5}[a-z]?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str | int) -> str:
        return str(value)


register_converter(RoundNumberConverter, "round")
