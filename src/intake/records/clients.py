"""Finding clients: the search box of the wizard's first page, and the duplicate check.

Names are compared folded (see `names`), which no SQL dialect does the same way, so the
search reads the few small columns of each client in pages, most recent first, and
stops as soon as it has enough. Answers are never read here, and nothing is logged.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Select, or_, select
from sqlmodel import Session, col

from intake.records.names import matches, name_key, search_terms
from intake.store.db import Database
from intake.store.records_tables import Client

_PAGE = 500  # rows read at a time while searching
_Query = Select[str, str, bool, dt.date | None, dt.datetime]


@dataclass(frozen=True, slots=True)
class ClientSummary:
    """What a list of clients shows: never their answers."""

    id: str
    name: str
    is_alias: bool
    date_of_birth: dt.date | None
    updated_at: dt.datetime


def _select() -> "_Query":
    return select(
        col(Client.id),
        col(Client.name),
        col(Client.is_alias),
        col(Client.date_of_birth),
        col(Client.updated_at),
    )


def find_clients(database: Database, text: str = "", limit: int = 200) -> list[ClientSummary]:
    """Clients whose name (or alias) and date of birth hold every word of `text`.

    Words match case- and accent-insensitively anywhere in the name; "1990", "1990-04"
    or "1990-04-12" (or "4/12/1990") match the date of birth. Most recently seen first;
    an empty `text` lists the most recent clients.
    """
    terms = search_terms(text)
    found: list[ClientSummary] = []
    with database.session() as session:
        for client in _summaries(session, _newest_first(_select())):
            if len(found) >= limit:
                break
            if matches(terms, client.name, client.date_of_birth):
                found.append(client)
    return found


def possible_duplicates(
    database: Database, name: str, date_of_birth: dt.date | None
) -> list[ClientSummary]:
    """Clients who may be the one being entered: the same name, dates of birth not differing.

    Names count as the same when equal but for case, accents, punctuation and spaces.
    A date of birth missing on either side does not rule a client out: an alias given
    without a date may still be someone already known.
    """
    key = name_key(name)
    if not key:
        return []
    query = _select()
    if date_of_birth is not None:
        query = query.where(
            or_(col(Client.date_of_birth) == date_of_birth, col(Client.date_of_birth).is_(None))
        )
    with database.session() as session:
        return [
            client
            for client in _summaries(session, _newest_first(query))
            if name_key(client.name) == key
        ]


def _newest_first(query: _Query) -> _Query:
    return query.order_by(col(Client.updated_at).desc(), col(Client.id))


def _summaries(session: Session, query: _Query) -> Iterator[ClientSummary]:
    """Every client the query selects, as summaries, fetched a page at a time."""
    for row in session.execute(query.execution_options(yield_per=_PAGE)):
        yield ClientSummary(*row)
