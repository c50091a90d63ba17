"""A team on the test server: ``team init`` by the administrator, then logins per role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from core.models.enums import ActorKind
from core.services.store import Actor, Store
from core.storage import team
from core.storage.postgres import as_database, make_engine, open_server, parse_url
from tests.core.pg_support import PgServer

PASSWORD = "team-secret-1"


@dataclass
class Team:
    server: PgServer
    database: str
    admin: Store
    opened: list[Store] = field(default_factory=list)

    def url(self, login: str) -> str:
        return self.server.url(login, self.database)

    def add(self, login: str, role: str = team.CONSULTANT, team_name: str | None = "noord") -> None:
        team.add_member(self.admin.db, login, PASSWORD, role, team_name)

    def store(self, login: str) -> Store:
        db = open_server(self.url(login), lambda _where: PASSWORD)
        self.opened.append(Store(db, Actor(ActorKind.CONSULTANT.value, login)))
        return self.opened[-1]

    def raw(self, login: str):  # a psycopg connection as this login: what psql would see
        return self.server.connect_as(login, self.database, PASSWORD)


@pytest.fixture
def team_server(pg_server: PgServer, pg_database: str) -> Iterator[Team]:
    engine = make_engine(parse_url(pg_server.admin_url(pg_database)))
    admin_db = as_database(engine)
    team.init_team_server(admin_db)
    team_ = Team(pg_server, pg_database, Store(admin_db, Actor(ActorKind.SYSTEM.value)))
    try:
        yield team_
    finally:
        for store in team_.opened:
            store.db.close()
        engine.dispose()
