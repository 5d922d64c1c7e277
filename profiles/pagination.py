"""Pages of lists that may hold 100,000 files (issue 16): the count stops at ``COUNT_CAP``.

An exact ``COUNT(*)`` reads every matching row: 60 ms for a firm of 100,000 files, more with a
filter, on every page of the client list and the API. So the list counts at most
``COUNT_CAP + 1`` rows (``SELECT COUNT(*) FROM (… LIMIT 1001)``, which stops early); above it the
page says "1000+ clients" and "Page 1 of 40+". A page past the cap (or the API's
``page=last``) counts exactly, so the end of the list stays reachable and correct: only someone
paging that deep pays for the full count.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

COUNT_CAP = 1_000


class MoreThan(int):
    """A number known only to exceed ``shown``: compares as ``shown + 1`` (so a page at the cap
    still has a next one) and prints as "1000+" in templates (``pluralize`` reads plural)."""

    shown: int

    def __new__(cls, shown: int) -> MoreThan:
        number = super().__new__(cls, shown + 1)
        number.shown = shown
        return number

    def __str__(self) -> str:
        return f"{self.shown}+"


def _page_number(number: object) -> int | None:
    try:
        return int(number)
    except (TypeError, ValueError):
        return None


class CappedPaginator(Paginator):
    """A ``Paginator`` whose ``count`` is exact up to ``cap`` and a ``MoreThan`` above it."""

    def __init__(self, object_list, per_page: int, *, cap: int | None = None, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap
        self.exact = False  # set for a page past the cap: its number needs the true count

    def wants(self, number: object) -> None:
        """Count exactly when page ``number`` reaches past the capped count."""
        number = _page_number(number)
        if number is not None and number * self.per_page > self.cap:
            self.exact = True

    def page(self, number: object) -> Page:
        self.wants(number)
        return super().page(number)

    def get_page(self, number: object) -> Page:
        self.wants(number)
        return super().get_page(number)

    @cached_property
    def count(self) -> int:
        if self.exact:
            return super().count
        # No ORDER BY inside the capped count: any 1,001 matching rows will do, and the
        # database stops as soon as it has them instead of sorting every match first.
        counted = self.object_list.order_by()[: self.cap + 1].count()
        return counted if counted <= self.cap else MoreThan(self.cap)

    @cached_property
    def num_pages(self) -> int:
        if isinstance(self.count, MoreThan):
            return MoreThan(math.ceil(self.cap / self.per_page))
        return super().num_pages


class CappedPageNumberPagination(PageNumberPagination):
    """The API's pages with the same capped count: ``count`` is null above ``COUNT_CAP``, and
    ``more_than`` then says how many there are at least."""

    django_paginator_class = CappedPaginator

    def get_page_number(self, request, paginator: CappedPaginator) -> int | str:
        if request.query_params.get(self.page_query_param) in self.last_page_strings:
            paginator.exact = True  # "last" needs the true number of pages
        return super().get_page_number(request, paginator)

    def get_paginated_response(self, data) -> Response:
        count = self.page.paginator.count
        capped = isinstance(count, MoreThan)
        body = OrderedDict(count=None if capped else count)
        if capped:
            body["more_than"] = count.shown
        body.update(next=self.get_next_link(), previous=self.get_previous_link(), results=data)
        return Response(body)

    def get_paginated_response_schema(self, schema: dict) -> dict:
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"]["nullable"] = True
        response["properties"]["more_than"] = {
            "type": "integer",
            "example": COUNT_CAP,
            "description": f"Only when count is null: more than this many match (the count "
            f"stops at {COUNT_CAP:,}).",
        }
        return response
