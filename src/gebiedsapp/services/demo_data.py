"""Transitional name of the demo generator, which is now the `services.demo` package.

Code written on other branches before the split (ui/demo_database.py, tests/services/
test_report_brief.py, a cli package) still imports `services.demo_data`; this keeps it working
across the merge. Point those imports at `gebiedsapp.services.demo`, then delete this module.
"""

from gebiedsapp.services.demo import (
    DEMO_ACTOR,
    FAKE_SURNAMES,
    FIRST_NAMES,
    INSERT_ORDER,
    SIZES,
    DemoSize,
    generate,
)

__all__ = [
    "DEMO_ACTOR",
    "FAKE_SURNAMES",
    "FIRST_NAMES",
    "INSERT_ORDER",
    "SIZES",
    "DemoSize",
    "generate",
]
