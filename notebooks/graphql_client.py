"""A small client for the negotiation graph service, for notebooks and scripts.

    from graphql_client import query, query_all, export_url

    data = query("query($id: ID!) { actor(id: $id) { name } }", {"id": "actor:russia"})
    data["actor"]["name"]                       # 'Russia'

    for stance in query_all(STANCES, {"filter": {"kinds": ["REJECTED"]}}, path="stances"):
        ...                                     # every page, one item at a time

    pd.read_csv(export_url("stances.csv", kind="REJECTED"))

    for event in watch("subscription { stanceChanged { change stanceId } }", limit=5):
        print(event["stanceChanged"])           # live, as editors record (Ctrl+C / limit ends it)

Where the service is: the NEGOTIATION_GRAPH_URL environment variable, default
http://localhost:4000. When the service asks for a token, put it in NEGOTIATION_GRAPH_TOKEN;
it is sent as "Authorization: Bearer <token>" and never printed.

Errors are raised, never returned: a GraphQL error becomes GraphQLError (with each error's
message and code), an HTTP failure requests.HTTPError, an unreachable service
ServiceUnavailable with the URL that was tried.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlencode

import requests
import websocket  # websocket-client: the WebSocket for watch() (graphql-ws protocol)

DEFAULT_URL = "http://localhost:4000"
# Paged queries ask for this many items at a time; the service allows at most 200, and its
# cost limit counts nested lists per item, so a modest page keeps rich queries under it.
DEFAULT_PAGE_SIZE = 50

__all__ = [
    "DEFAULT_URL",
    "GraphQLError",
    "ServiceUnavailable",
    "auth_headers",
    "base_url",
    "check_service",
    "export_url",
    "query",
    "query_all",
    "watch",
]


class GraphQLError(RuntimeError):
    """The service answered with GraphQL errors. `errors` holds them as the service sent them."""

    def __init__(self, errors: list[dict[str, Any]]):
        self.errors = errors
        lines = []
        for error in errors:
            code = (error.get("extensions") or {}).get("code", "?")
            lines.append(f"{code}: {error.get('message')}")
        super().__init__("; ".join(lines))


class ServiceUnavailable(RuntimeError):
    """The service could not be reached, or says it is not ready (e.g. Neo4j is down)."""


def base_url() -> str:
    """The service's address, from NEGOTIATION_GRAPH_URL (default http://localhost:4000)."""
    return os.environ.get("NEGOTIATION_GRAPH_URL", DEFAULT_URL).rstrip("/")


def auth_headers() -> dict[str, str]:
    """The Authorization header for NEGOTIATION_GRAPH_TOKEN, or none; for requests and pandas
    (`pd.read_csv(url, storage_options=auth_headers())`)."""
    token = os.environ.get("NEGOTIATION_GRAPH_TOKEN")
    return {"Authorization": f"Bearer {token}"} if token else {}


def check_service(timeout: float = 10) -> str:
    """Fails early, with a message saying what to do, when the service is not ready.

    Returns the base URL, so a notebook can print where its data comes from.
    """
    url = base_url()
    try:
        response = requests.get(f"{url}/health/ready", timeout=timeout)
    except requests.RequestException as error:
        raise ServiceUnavailable(
            f"No answer from {url} ({error.__class__.__name__}). Start the service (npm start) "
            "or set NEGOTIATION_GRAPH_URL to where it runs."
        ) from error
    if response.status_code != 200:
        raise ServiceUnavailable(f"{url} is not ready: {response.text}")
    return url


def query(text: str, variables: Mapping[str, Any] | None = None, *, timeout: float = 60) -> dict[str, Any]:
    """Runs one GraphQL operation and returns its `data`.

    Raises GraphQLError when the answer has errors (a partial answer is not returned: a table
    with silently missing rows is worse than no table).
    """
    try:
        response = requests.post(
            f"{base_url()}/graphql",
            json={"query": text, "variables": dict(variables or {})},
            headers=auth_headers(),
            timeout=timeout,
        )
    except requests.ConnectionError as error:
        raise ServiceUnavailable(f"No answer from {base_url()}: is the service running?") from error
    # GraphQL errors come with 200 or 400; read them before treating the status as the error.
    try:
        body = response.json()
    except ValueError:
        response.raise_for_status()
        raise
    if body.get("errors"):
        raise GraphQLError(body["errors"])
    response.raise_for_status()
    return body["data"]


def query_all(
    text: str,
    variables: Mapping[str, Any] | None = None,
    *,
    path: str,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> Iterator[dict[str, Any]]:
    """Yields every item of a paged field, fetching page after page.

    `text` must declare `$page: PageInput` and pass it to the paged field named by `path`
    (e.g. "stances", or "actor.proposed" for a nested one), which must select `total` and
    `items`.
    """
    offset = 0
    while True:
        data: Any = query(text, {**dict(variables or {}), "page": {"limit": page_size, "offset": offset}})
        for key in path.split("."):
            data = data[key]
        items = data["items"]
        yield from items
        offset += len(items)
        if not items or offset >= data["total"]:
            return


def export_url(name: str, **params: str | list[str] | bool) -> str:
    """The URL of an export, e.g. export_url("stances.csv", kind=["REJECTED", "PROPOSED"]).

    Lists become repeated parameters, booleans "true"/"false". See docs/analysts.md for
    the exports and their parameters.
    """
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            pairs.append((key, str(item).lower() if isinstance(item, bool) else str(item)))
    suffix = f"?{urlencode(pairs)}" if pairs else ""
    return f"{base_url()}/export/{name}{suffix}"


# The graphql-ws protocol (what GraphiQL and Apollo clients speak), on the service's /graphql.
_GRAPHQL_WS = "graphql-transport-ws"


def watch(
    text: str,
    variables: Mapping[str, Any] | None = None,
    *,
    limit: int | None = None,
    timeout: float | None = None,
) -> Iterator[dict[str, Any]]:
    """Yields the `data` of each event of a GraphQL subscription, as it happens.

    `text` is a subscription, e.g. "subscription { stanceChanged(filter: {actorIds: [...]})
    { change stance { id kind } } }" or "subscription { importFinished { by created } }".
    Stops after `limit` events (default: never; stop the loop or interrupt the cell);
    raises TimeoutError when no event came within `timeout` seconds (default: wait for ever),
    and GraphQLError when the service refuses the subscription (e.g. UNAUTHENTICATED).
    The connection is closed when the loop ends.
    """
    url = base_url().replace("http", "ws", 1) + "/graphql"
    token = os.environ.get("NEGOTIATION_GRAPH_TOKEN")
    try:
        ws = websocket.create_connection(url, subprotocols=[_GRAPHQL_WS], timeout=timeout)
    except (OSError, websocket.WebSocketException) as error:
        raise ServiceUnavailable(f"No WebSocket answer from {url}: is the service running?") from error
    try:
        ws.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"} if token else {}}))
        if _receive(ws, timeout)["type"] != "connection_ack":
            raise ServiceUnavailable(f"{url} did not accept the subscription connection")
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": text, "variables": dict(variables or {})}}))
        received = 0
        while limit is None or received < limit:
            message = _receive(ws, timeout)
            if message["type"] == "next":
                payload = message["payload"]
                if payload.get("errors"):
                    raise GraphQLError(payload["errors"])
                received += 1
                yield payload["data"]
            elif message["type"] == "error":
                raise GraphQLError(message["payload"])
            elif message["type"] == "complete":
                return
    finally:
        try:
            ws.send(json.dumps({"id": "1", "type": "complete"}))
        except websocket.WebSocketException:
            pass
        ws.close()


def _receive(ws: websocket.WebSocket, timeout: float | None) -> dict[str, Any]:
    """The next protocol message; answers the server's pings on the way."""
    while True:
        try:
            message = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException as error:
            raise TimeoutError(f"no event within {timeout} s") from error
        if message.get("type") == "ping":
            ws.send(json.dumps({"type": "pong"}))
            continue
        return message
