"""The domain's words, once: sectors, statuses, participant groups, user roles and the
10–20-week duration rule. Codes are stable; labels are (Dutch, English).

The workbook's columns (data_access/workbook/schema.py), the reference data, the KPIs,
the pages and the deck map onto these; this module imports nothing, so the command
line's parser can read the roles without paying for SQLModel.
"""

from __future__ import annotations

Labels = dict[str, tuple[str, str]]  # code -> (Dutch label, English label)

SECTORS: Labels = {
    "energy_transition": ("Energietransitie", "Energy transition"),
    "circularity": ("Circulariteit", "Circularity"),
    "logistics": ("Logistiek", "Logistics"),
    "other": ("Overig", "Other"),
}
COMMUNITY_STATUSES: Labels = {
    "planned": ("Gepland", "Planned"),
    "running": ("Lopend", "Running"),
    "completed": ("Afgerond", "Completed"),
    "stopped": ("Gestopt", "Stopped"),
}
FACILITATOR_STATUSES: Labels = {
    "in_training": ("In opleiding", "In training"),
    "certified": ("Gecertificeerd", "Certified"),
    "inactive": ("Inactief", "Inactive"),
}

# The groups a community's participants are counted in (one column each).
PARTICIPANT_ROLES = ("employees", "managers", "students", "teachers")

# A community runs 10 to 20 weeks; outside that its dates are questioned (docs/figures.md).
DURATION_WEEKS_MIN = 10
DURATION_WEEKS_MAX = 20

# What a user may be in a programme, least to most.
ROLES = ("viewer", "officer", "lead", "admin")
