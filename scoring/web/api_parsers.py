"""The JSON parser of every API view: DRF's, refusing JSON nested more than 32 levels.

Set project-wide in ``REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]`` and used by the CRS endpoint.
It lives in scoring.web, which every other app may import, and in a module of its own: DRF loads
the default parser classes while ``rest_framework.views`` is still being imported, so this module
must not import the views.
"""

from __future__ import annotations

import codecs

from django.utils.translation import gettext
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

from scoring.json_input import Decoder


class JSONParser(parsers.JSONParser):
    """A body nested too deep is a 400 like any bad JSON, not a RecursionError (a 500)."""

    def parse(self, stream, media_type=None, parser_context=None) -> object:
        # DRF's parse, with the decoder; get_encoding refuses bytes-to-bytes codecs (bz2_codec).
        encoding = parsers.get_encoding(parser_context or {})
        try:
            decoded_stream = codecs.getreader(encoding)(stream)
            parse_constant = json.strict_constant if self.strict else None
            return json.load(decoded_stream, cls=Decoder, parse_constant=parse_constant)
        except ValueError as exc:
            # DRF's words, translated (what Python's decoder says stays English).
            message = gettext("JSON parse error - %(error)s") % {"error": exc}
            raise ParseError(message) from None
