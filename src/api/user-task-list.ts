/**
 * Filtering, sorting and paging of the open user tasks `GET /user-tasks` collected from the
 * running instances: by assignee, candidate group and due date (`overdue`), sorted by creation
 * (default), due date, follow-up date or priority (tasks without the field last), paged by an
 * offset carried as `nextPageToken`.
 */
import type { z } from 'zod';
import type { InstanceView } from '../../workflows/messages';
import type { listUserTasksQuerySchema } from './schemas';

type UserTaskState = InstanceView['userTasks'][number];

export type UserTaskQuery = z.infer<typeof listUserTasksQuerySchema>;

/** A task as listed: the engine's task plus where it lives. */
export type ListedUserTask = UserTaskState & Record<string, unknown>;

const DEFAULT_PAGE_SIZE = 100;

/** The candidate groups of a task: a comma list (as modelled) or a list (as evaluated). */
export function groupsOf(candidateGroups: unknown): string[] {
  if (Array.isArray(candidateGroups)) return candidateGroups.map(String);
  if (typeof candidateGroups !== 'string') return [];
  return candidateGroups
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
}

/** Whether the task's due date has passed at `now`. */
export function isOverdue(task: UserTaskState, now: number): boolean {
  return task.dueDate !== undefined && Date.parse(task.dueDate) < now;
}

/** Whether `task` passes the query's filters. */
export function matches(task: UserTaskState, q: UserTaskQuery, now: number): boolean {
  if (q.assignee !== undefined && task.assignee !== q.assignee) return false;
  if (q.candidateGroup !== undefined && !groupsOf(task.candidateGroups).includes(q.candidateGroup))
    return false;
  if (q.overdue !== undefined && isOverdue(task, now) !== (q.overdue === 'true')) return false;
  return true;
}

/** The page the query asks for, sorted, and the token of the next one. */
export function pageOf(
  tasks: ListedUserTask[],
  q: UserTaskQuery,
): { items: ListedUserTask[]; nextPageToken?: string } {
  const field = q.sort ?? 'createdAt';
  const sign = q.order === 'desc' ? -1 : 1;
  const key = (t: ListedUserTask): number | undefined => {
    const v = t[field];
    if (typeof v === 'number') return v;
    return typeof v === 'string' ? Date.parse(v) : undefined;
  };
  const sorted = [...tasks].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka === undefined || kb === undefined) return ka === kb ? 0 : ka === undefined ? 1 : -1;
    return (ka - kb) * sign || a.flowElementInstanceId.localeCompare(b.flowElementInstanceId);
  });
  const offset = Number(q.nextPageToken ?? 0);
  const size = q.pageSize ?? DEFAULT_PAGE_SIZE;
  const items = sorted.slice(offset, offset + size);
  const next = offset + size < sorted.length ? String(offset + size) : undefined;
  return { items, ...(next !== undefined ? { nextPageToken: next } : {}) };
}
