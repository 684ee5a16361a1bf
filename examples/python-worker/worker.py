"""A Waymark job worker in Python: serves the service task types of credit-check.bpmn.

Waymark runs a service task type that has no built-in handler as a Temporal activity named
after the type, on the Temporal task queue named exactly as the type (a `taskQueue` task header
or WAYMARK_TASK_QUEUES overrides it). So any Temporal SDK worker polling that queue with an
activity of that name serves the task, and a Camunda 8 model runs unchanged. The activity gets
one argument, the job:

    {"flowElementInstanceId", "elementId", "elementName", "taskType", "headers",
     "variables", "instanceId", "definitionKey"}

and returns the variables to set. Raising an ApplicationError of type "BpmnError" with details
{"errorCode", "message"} (non-retryable) raises a BPMN error, caught by the task's error
boundary event; any other exception is retried per the task's retries, then an incident.

Run:  ./setup.sh && TEMPORAL_ADDRESS=127.0.0.1:7233 .venv/bin/python worker.py
"""

import asyncio
import os
import signal
from typing import Any, Callable, Dict

from temporalio import activity
from temporalio.client import Client
from temporalio.exceptions import ApplicationError
from temporalio.worker import Worker


def bpmn_error(code: str, message: str) -> ApplicationError:
    """The failure Waymark routes to an error boundary event catching `code`."""
    return ApplicationError(
        message,
        {"errorCode": code, "message": message},
        type="BpmnError",
        non_retryable=True,
    )


@activity.defn(name="credit-score")
async def credit_score(job: Dict[str, Any]) -> Dict[str, Any]:
    """Scores the applicant; a blocked applicant is a BPMN error, not a technical failure."""
    variables = job["variables"]
    applicant = variables.get("applicant", {})
    if applicant.get("blocked"):
        raise bpmn_error("CREDIT_BLOCKED", f"applicant {applicant.get('name')} is blocked")
    threshold = int(job["headers"].get("threshold", "600"))
    score = 300 + 50 * int(applicant.get("yearsAsCustomer", 0)) + int(variables.get("amount", 0)) // 1000
    return {
        "score": score,
        "approved": score >= threshold,
        "scoredBy": f"python:{job['elementId']}:{activity.info().attempt}",
    }


@activity.defn(name="notify-applicant")
async def notify_applicant(job: Dict[str, Any]) -> Dict[str, Any]:
    variables = job["variables"]
    applicant = variables.get("applicant", {})
    outcome = "approved" if variables.get("approved") else "declined"
    return {"notice": f"Dear {applicant.get('name')}, your credit is {outcome}"}


# Task type → activity; each type is served on the queue named after it.
HANDLERS: Dict[str, Callable[..., Any]] = {
    "credit-score": credit_score,
    "notify-applicant": notify_applicant,
}


async def main() -> None:
    client = await Client.connect(
        os.environ.get("TEMPORAL_ADDRESS", "127.0.0.1:7233"),
        namespace=os.environ.get("TEMPORAL_NAMESPACE", "default"),
    )
    workers = [Worker(client, task_queue=t, activities=[fn]) for t, fn in HANDLERS.items()]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    runs = [asyncio.create_task(w.run()) for w in workers]
    print(f"python worker ready: {', '.join(HANDLERS)}", flush=True)
    await stop.wait()
    await asyncio.gather(*(w.shutdown() for w in workers))
    await asyncio.gather(*runs, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
