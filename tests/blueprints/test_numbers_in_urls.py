"""A number in a URL or a query that names nothing is treated as such: a 404 for an id in the path, an
ignored filter in the query. Numbers too large for an id column, and characters that str.isdigit calls digits
but int() refuses, used to reach the database and end in a 500."""
from __future__ import annotations

import pytest
from werkzeug.routing import IntegerConverter

from feedback_app.models import Role, StoryStatus
from tests.conftest import login

TOO_LARGE = ("99999999999999999999", "3000000000")  # past SQLite's 8 bytes; past PostgreSQL's 4-byte ids
NOT_NUMBERS = ("²", "٣x")


def id_routes(app) -> dict[str, dict[str, bool]]:  # noqa: ANN001 - a Flask app
    """Every GET route with a number in its path: its arguments, and which of them are numbers."""
    return {rule.endpoint: {name: isinstance(converter, IntegerConverter) for name, converter in rule._converters.items()}
            for rule in app.url_map.iter_rules() if "GET" in rule.methods
            and any(isinstance(converter, IntegerConverter) for converter in rule._converters.values())}


@pytest.mark.parametrize("number", TOO_LARGE)
def test_an_id_past_the_columns_range_is_not_found(app, client, make_user, number):
    login(client, make_user(Role.ADMIN))  # past every access check: the id itself is what is tried
    routes = id_routes(app)
    assert {"stories.detail", "moderation.review", "provider.story"} <= routes.keys()
    urls = app.url_map.bind("localhost")
    for endpoint, arguments in routes.items():
        url = urls.build(endpoint, {name: number if is_number else "x" for name, is_number in arguments.items()})
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("value", TOO_LARGE + NOT_NUMBERS)
@pytest.mark.parametrize("name", ["organisation", "service", "page", "criticality", "min_rating", "min_criticality"])
def test_a_number_in_the_query_that_names_nothing_is_ignored(client, make_user, make_story, name, value):
    make_story(title="A story anyone may read", status=StoryStatus.PUBLISHED)
    assert "A story anyone may read" in client.get("/stories", query_string={name: value}).get_data(as_text=True)
    login(client, make_user(Role.ADMIN))
    for path in ("/dashboard/", "/dashboard/stories", "/moderation/", "/share/"):
        assert client.get(path, query_string={name: value, "service": value}).status_code == 200, path
