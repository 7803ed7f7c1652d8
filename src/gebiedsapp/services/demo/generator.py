"""`generate`: fill a database with the demo, record kind after record kind, in one go."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import AreaKind
from gebiedsapp.services.demo.actions import add_conversation_actions
from gebiedsapp.services.demo.activities import add_activities, add_activity_draft
from gebiedsapp.services.demo.contacts import add_contacts
from gebiedsapp.services.demo.drafts import add_drafts
from gebiedsapp.services.demo.initiatives import add_initiatives
from gebiedsapp.services.demo.residents import add_residents
from gebiedsapp.services.demo.rounds import add_rounds
from gebiedsapp.services.demo.signal_routes import leaf_categories
from gebiedsapp.services.demo.signals import add_signals
from gebiedsapp.services.demo.team import Team, make_team
from gebiedsapp.services.demo.world import DEMO_ACTOR, SIZES, World
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.geo import parse_rings
from gebiedsapp.storage.repositories.demo import INSERT_ORDER, TEAM_TABLES, DemoRepository
from gebiedsapp.storage.repositories.geo import GeoRepository


def generate(
    session: Session,
    *,
    size: str,
    seed: int,
    anchor: date | None = None,
    account: str | None = None,
) -> Counter[str]:
    """Fill the database with fake data for two years up to `anchor` (default: today).

    `account` (the login of whoever runs the demo) becomes the account of one regisseur, so
    'Mijn acties' shows their actions. Returns the number of rows per table.
    """
    if size not in SIZES:
        raise ValidationError(f"Onbekende omvang '{size}': kies small of large.")
    repository = DemoRepository(session)
    if repository.has_rows_by(DEMO_ACTOR):
        raise ValidationError(
            "Deze database bevat al voorbeeldgegevens. Gebruik een nieuwe database voor een "
            "andere set."
        )
    spec = SIZES[size]
    anchor = anchor or date.today()
    rng = random.Random(seed)
    world, team = _world(repository, rng=rng, anchor=anchor, account=account)
    counts = Counter(repository.insert_rows(TEAM_TABLES, team.rows()))
    add_rounds(world, spec)
    add_residents(world, spec)
    add_conversation_actions(world)
    add_contacts(world, spec)
    add_initiatives(world, spec.initiatives)
    add_drafts(world, spec)
    rings = {
        buurt.code: parse_rings(buurt.geometry)
        for buurt in GeoRepository(session).buurt_geometries()
    }
    categories = leaf_categories(repository.offered_categories())
    add_signals(world, spec, categories=categories, rings={k: v for k, v in rings.items() if v})
    add_activities(world, spec.activities, seed=seed)  # last, from a stream of their own
    add_activity_draft(world, seed=seed)
    counts.update(repository.insert_rows(INSERT_ORDER, world.rows))
    return counts


def _world(
    repository: DemoRepository, *, rng: random.Random, anchor: date, account: str | None
) -> tuple[World, Team]:
    """The reference data the demo builds on, and the team that works in its areas."""
    areas = repository.working_areas()
    if not areas:
        raise ValidationError("Er zijn geen gebieden; laad eerst de referentiegegevens.")
    themes = repository.offered_subthemes()
    if not themes:
        raise ValidationError("Er zijn geen thema's; laad eerst de referentiegegevens.")
    team = make_team(rng, areas=areas, anchor=anchor, account=account)
    world = World(
        rng=rng,
        anchor=anchor,
        areas=areas,
        # Winschoten and its wijken see more activity than a small village, as in real life.
        weights=[
            3 if area.kind is AreaKind.GEBIED else 2 if area.key == "winschoten" else 1
            for area in areas
        ],
        staff=team.staff,
        buurten=repository.buurten_per_area(),
        theme_ids=[theme.id for theme in themes],
        theme_keys=[theme.key for theme in themes],
        partner_ids=repository.offered_partner_ids(),
    )
    return world, team
