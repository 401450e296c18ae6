"""A reader process for the concurrency test: `python -m tests.reliability.read_loop SECONDS SEED`.

Reads what the dashboard reads (the KPI report, a programme's communities as of a
quarter) against DATABASE_URL until time is up, with a short pause after each read as
a person's page would; prints one JSON line: how many reads, how long each took, and
every error.
"""

from __future__ import annotations

import json
import random
import sys
import time

from sqlmodel import select

from data_access.core.db import session_scope
from data_access.core.models import Programme
from data_access.core.state import communities_as_of
from data_access.kpis.figures import kpis_report
from tests.reliability.series import period_of

PAUSE_SECONDS = 0.2


def read_for(seconds: float, seed: int) -> dict:
    rng = random.Random(seed)
    durations: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with session_scope() as session:
                if rng.random() < 0.3:
                    kpis_report(session, as_of=period_of(rng.randrange(12)))
                else:
                    ids = list(session.exec(select(Programme.id)))
                    communities_as_of(
                        session, programme_id=rng.choice(ids), as_of=period_of(rng.randrange(40))
                    )
        except Exception as error:  # every error counts; the test shows them
            errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
            continue
        durations.append(time.monotonic() - started)
        time.sleep(PAUSE_SECONDS)  # 8 tight loops would only measure CPU starvation
    return {"reads": len(durations), "durations": durations, "errors": errors}


if __name__ == "__main__":
    print(json.dumps(read_for(float(sys.argv[1]), int(sys.argv[2]))))
