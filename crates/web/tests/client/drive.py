"""A short programme written against the Python client that
openapi-python-client generates from Ymarfer's OpenAPI document: what a
programme's own developer would do first. It pages through programmes, reads
an impact report, adds a reading in Welsh and claims a saving, then reads the
project back; it prints what it saw as JSON for the test to check."""

import json
import os
import sys
import uuid

sys.path.insert(0, os.environ["YMARFER_CLIENT_DIR"])

from ymarfer_client import AuthenticatedClient  # noqa: E402
from ymarfer_client.api.impact import get_impact  # noqa: E402
from ymarfer_client.api.programmes import list_programmes  # noqa: E402
from ymarfer_client.api.projects import add_benefit, add_reading, get_project  # noqa: E402
from ymarfer_client.models import (  # noqa: E402
    BenefitForm,
    BenefitLineOut,
    Category,
    ClaimStatus,
    Frequency,
    ImpactReport,
    Language,
    PagedProgrammeOut,
    ProjectOut,
    ReadingForm,
    ReadingOut,
    SavingsType,
)
from ymarfer_client.types import UNSET  # noqa: E402

client = AuthenticatedClient(
    base_url=os.environ["YMARFER_API"],
    token=os.environ["YMARFER_TOKEN"],
    raise_on_unexpected_status=True,
)
project = int(os.environ["YMARFER_PROJECT"])
seen = {}

# Every programme the token may see, one to a page.
slugs, after, pages = [], UNSET, 0
while True:
    page = list_programmes.sync(client=client, limit=1, after=after)
    assert isinstance(page, PagedProgrammeOut), page
    pages += 1
    slugs += [p.slug for p in page.items]
    if not page.next_:
        break
    after = page.next_
seen["programmes"] = slugs
seen["pages"] = pages

report = get_impact.sync(slugs[0], client=client)
assert isinstance(report, ImpactReport), report
seen["report"] = {"programme": report.programme, "projects": report.projects}

reading = add_reading.sync(
    project,
    client=client,
    body=ReadingForm(taken_on="2026-11-02", value="41.5", note="Bore Llun", lang=Language.CY),
    idempotency_key=str(uuid.uuid4()),
)
assert isinstance(reading, ReadingOut), reading
seen["reading"] = {"value": reading.value_hundredths, "lang": reading.lang.value}

line = add_benefit.sync(
    project,
    client=client,
    body=BenefitForm(
        category=Category.LABOUR_TIME,
        description="Less time looking for orders",
        frequency=Frequency.WEEKLY,
        savings_type=SavingsType.SOFT,
        starts_on="2026-11-02",
        status=ClaimStatus.CLAIMED,
        amount="25",
    ),
    idempotency_key=str(uuid.uuid4()),
)
assert isinstance(line, BenefitLineOut), line
seen["line"] = {"id": line.line_id, "status": line.versions[-1].status.value}

back = get_project.sync(project, client=client)
assert isinstance(back, ProjectOut), back
seen["project"] = {"readings": len(back.readings), "lang": back.lang.value}

print(json.dumps(seen))
