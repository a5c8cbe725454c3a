"""Flow runs whose machine was lost end Crashed by themselves.

A run whose worker and flow process die together reports nothing: Prefect leaves it Running, holding the
deployment's concurrency slot, so the next scheduled ingest waits behind it. Our deployments send a heartbeat
event every `HEARTBEAT_S` (job variable `PREFECT_FLOWS_HEARTBEAT_FREQUENCY`, prefect.yaml), and this automation
marks a newsindex run Crashed when `WITHIN_S` pass without a heartbeat or an end: Prefect's documented
zombie-flow automation ("detect zombie flows"), scoped to runs tagged `newsindex`. `prefect deploy` creates
it (a build step in prefect.yaml), once per server.
"""

from __future__ import annotations

from datetime import timedelta

#: Seconds between heartbeats (Prefect needs at least 30) and without one before a run counts as lost.
HEARTBEAT_S = 30
WITHIN_S = 3 * HEARTBEAT_S
NAME = "newsindex: mark lost flow runs Crashed"
TAG = "newsindex"


def ensure_automation() -> dict[str, str]:
    """prefect.yaml build step: create the automation unless the server has it (deploy runs this once per
    deployment, so it must be idempotent). Returns the automation id for later steps."""
    from prefect.automations import Automation
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import EventTrigger, Posture
    from prefect.events.schemas.events import ResourceSpecification

    try:
        return {"automation_id": str(Automation.read(name=NAME).id)}
    except ValueError:  # not on this server yet
        pass
    ended = {f"prefect.flow-run.{s}" for s in ("Completed", "Failed", "Cancelled", "Crashed")}
    automation = Automation(
        name=NAME,
        description=f"A newsindex flow run with no heartbeat for {WITHIN_S} s lost its machine: mark it Crashed, "
                    "which frees its concurrency slot for the next run.",
        trigger=EventTrigger(
            after={"prefect.flow-run.heartbeat"},
            expect={"prefect.flow-run.heartbeat", *ended},
            match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
            match_related=ResourceSpecification({"prefect.resource.id": f"prefect.tag.{TAG}"}),
            for_each={"prefect.resource.id"},
            posture=Posture.Proactive,
            threshold=1,
            within=timedelta(seconds=WITHIN_S),
        ),
        actions=[ChangeFlowRunState(state=StateType.CRASHED,
                                    message=f"no heartbeat for {WITHIN_S} s: the machine running it was lost")],
    )
    return {"automation_id": str(automation.create().id)}
