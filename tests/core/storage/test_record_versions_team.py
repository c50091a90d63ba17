"""Two consultants on one team server editing the same hour entry: the second save, typed on
the version both loaded, is refused with both values; no update is lost."""

from __future__ import annotations

import pytest

from core.errors import ConflictError
from core.services import records as rec
from core.services.dossiers import create_dossier, load_dossier
from core.storage import team


def test_teamleider_and_consultant_on_the_same_hour_entry(team_server):
    team_server.add("anna")
    team_server.add("lotte", team.TEAMLEIDER)
    anna, lotte = team_server.store("anna"), team_server.store("lotte")
    dossier = create_dossier(anna, {"given_names": "Sara"})
    hour_id = rec.add_record(
        anna, dossier, "hour", {"date": "2026-11-02", "hours": 2, "category": "pvt"}
    )
    seen_by_anna = load_dossier(anna, dossier).hours[0].version_id
    seen_by_lotte = load_dossier(lotte, dossier).hours[0].version_id
    assert seen_by_anna == seen_by_lotte == 1

    rec.update_record(lotte, "hour", hour_id, {"hours": 3}, base_version=seen_by_lotte)
    with pytest.raises(ConflictError) as caught:
        rec.update_record(anna, "hour", hour_id, {"hours": 4}, base_version=seen_by_anna)
    assert caught.value.conflicts == {"hours": (3.0, 4.0)}
    with pytest.raises(ConflictError):  # nor may she delete what she has not seen
        rec.delete_record(anna, "hour", hour_id, base_version=seen_by_anna)

    stored = load_dossier(anna, dossier).hours[0]
    assert (stored.hours, stored.version_id) == (3.0, 2)  # Lotte's save stands: 0 lost

    # a race without a version passed in: the UPDATE's own check catches it on PostgreSQL too
    with pytest.raises(ConflictError), anna.transaction() as session:
        mine = session.get(rec.model_for("hour"), hour_id)
        mine.hours = 5
        rec.update_record(lotte, "hour", hour_id, {"hours": 6})
        session.flush()
    stored = load_dossier(lotte, dossier).hours[0]
    assert (stored.hours, stored.version_id) == (6.0, 3)
