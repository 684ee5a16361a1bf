/**
 * What a running BPMN process tells the outside about itself as it goes: the current details
 * (markdown, free of history cost) after every step, the search attributes `WaymarkActiveElements`
 * and `WaymarkIncident` when they change (inspection.ts says which waits are listed), and the
 * names of its open signal subscriptions as `WaymarkSignals` (revision 4 on, so broadcasts find it),
 * the webhook notifications (notify.ts) the instance was started with — one per new incident, one
 * when it completes or fails. Without `input.notify` no notification command is ever issued,
 * so older histories replay unchanged.
 */
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { TypedSearchAttributes } from '@temporalio/common';
import * as engine from '../../src/engine';
import type { EngineState } from '../../src/engine/types';
import {
  WaymarkActiveElements,
  WaymarkIncident,
  WaymarkSignals,
} from '../../src/temporal/search-attributes';
import type { ProcessWorkflowInput, WebhookEventName } from '../messages';
import { startNotify } from '../notify';
import { attributesKey, renderDetails, waitingElementIds } from './inspection';
import { DueDatePublisher } from './due-dates';
import {
  crossInstanceEvents,
  publishesUserTaskDue,
  publishRules,
  type PublishRules,
} from './revisions';
import { MailboxLink } from './mailbox-link';

/** Publishes one process instance's details, search attributes and notifications. */
export class ProcessPublisher {
  private readonly rules: PublishRules;
  /** The search attributes as last published: at first, as the run started with them. */
  private published: string;
  private readonly events: Set<WebhookEventName>;
  private readonly notifiedIncidents: Set<string>;
  private readonly notifying: Promise<void>[] = [];
  private readonly workflowId = workflowInfo().workflowId;
  private readonly dueDates: DueDatePublisher;
  /** `WaymarkSignals` as last published (joined); undefined = not published (before revision 4). */
  private signals: string | undefined;
  /** Revision 4: keyed message subscriptions registered with their mailboxes. */
  readonly mailboxes: MailboxLink | undefined;

  /** `startedWith`: the search attributes the run started with (before any upsert). */
  constructor(
    private readonly input: ProcessWorkflowInput,
    startedWith: TypedSearchAttributes,
  ) {
    this.rules = publishRules(input, startedWith);
    this.published = this.rules.published;
    this.events = new Set(input.notify ?? []);
    this.notifiedIncidents = new Set(Object.keys(input.resume?.incidents ?? {}));
    this.dueDates = new DueDatePublisher(publishesUserTaskDue(input), startedWith);
    if (crossInstanceEvents(input))
      this.signals = [...(startedWith.get(WaymarkSignals) ?? [])].sort().join('\n');
    this.mailboxes = crossInstanceEvents(input) ? new MailboxLink() : undefined;
  }

  /** Current details always; notifications for new incidents; search attributes on change. */
  publish(state: EngineState): void {
    this.mailboxes?.sync(state);
    const { ir } = this.input;
    const active = engine.activeElements(ir, state);
    setCurrentDetails(renderDetails(this.input, active, state));
    const waiting = waitingElementIds(ir, active, this.rules.listTimers);
    const hasIncident = Object.keys(state.incidents).length > 0;
    if (this.events.has('incident.created')) {
      for (const [id, incident] of Object.entries(state.incidents)) {
        if (this.notifiedIncidents.has(id)) continue;
        this.notifiedIncidents.add(id);
        this.notify(`incident-${id}`, 'incident.created', { status: 'RUNNING', incident });
      }
    }
    const key = attributesKey(waiting, hasIncident);
    if (key !== this.published) {
      this.published = key;
      upsertSearchAttributes([
        { key: WaymarkActiveElements, value: waiting },
        { key: WaymarkIncident, value: hasIncident },
      ]);
    }
    this.dueDates.publish(state);
    this.publishSignals(state);
  }

  /** The names of the open signal subscriptions, when they changed (revision 4 on). */
  private publishSignals(state: EngineState): void {
    if (this.signals === undefined) return;
    const names = [...new Set((state.signals ?? []).map((s) => s.name))].sort();
    const key = names.join('\n');
    if (key === this.signals) return;
    this.signals = key;
    upsertSearchAttributes([{ key: WaymarkSignals, value: names }]);
  }

  /** Starts the notify child for `event` under `key`, if the instance was started wanting it. */
  notify(key: string, event: WebhookEventName, data: Record<string, unknown>): void {
    if (!this.events.has(event)) return;
    const { input } = this;
    this.notifying.push(
      startNotify(key, event, {
        runId: this.workflowId,
        workflowId: this.workflowId,
        definition: input.definition,
        ...(input.caseId ? { caseId: input.caseId } : {}),
        ...(input.businessKey ? { businessKey: input.businessKey } : {}),
        ...data,
      }),
    );
  }

  /** Settles once every notify child sent so far has started; undefined when none was sent. */
  notificationsStarted(): Promise<unknown> | undefined {
    return this.notifying.length > 0 ? Promise.all(this.notifying) : undefined;
  }
}
