/**
 * BPMN fixtures end to end, compensation: handlers after a parallel join run in reverse
 * completion order; a compensation end event compensates a completed subprocess's content
 * (reversed) after the later activity; without the compensation path nothing is undone; a
 * transaction cancelled by a cancel end event is compensated and left by its cancel boundary;
 * a compensation throw inside an error event subprocess undoes the process's completed work.
 */
import { completeUserTask, trailIds, waitFor } from '../support/api';
import { ReplayCheck } from '../support/histories';

const replay = new ReplayCheck();
afterAll(async () => expect(await replay.replayAll()).toEqual([]), 120_000);

test('compensation-parallel: both branches are compensated, the last completed first', async () => {
  const id = await replay.runFixture('compensation-parallel');
  await completeUserTask(id, 'UserTask_B', { b: 1 });
  await waitFor(id, (i) => trailIds(i).includes('UserTask_B'));
  await completeUserTask(id, 'UserTask_A', { a: 1 });
  const done = await waitFor(id);
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Gateway_Fork',
    'UserTask_B',
    'UserTask_A',
    'Gateway_Join',
    'Undo_A',
    'Undo_B',
    'Throw_Compensate',
    'Script_After',
    'EndEvent_1',
  ]);
  expect(done.variables).toEqual({ a: 1, b: 1, undone: ['A', 'B'], seen: ['A', 'B'] });
});

test('compensation-subprocess: a compensation end event undoes the payment, then the booking', async () => {
  const done = await waitFor(
    await replay.runFixture(
      'compensation-subprocess',
      { cancel: true },
      'compensation-subprocess-cancel',
    ),
  );
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Booking',
    'Script_Hotel',
    'Script_Flight',
    'EndEvent_Booking',
    'SubProcess_Booking',
    'Script_Pay',
    'Gateway_Ok',
    'Undo_Pay',
    'Undo_Flight',
    'Undo_Hotel',
    'EndEvent_Compensate',
  ]);
  expect(done.variables).toEqual({
    cancel: true,
    hotel: 'hotel-1',
    flight: 'flight-1',
    payment: 'paid',
    undone: ['pay', 'flight', 'hotel'],
  });
});

test('compensation-subprocess: without the compensation end event nothing is undone', async () => {
  const done = await waitFor(
    await replay.runFixture(
      'compensation-subprocess',
      { cancel: false },
      'compensation-subprocess-done',
    ),
  );
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done).slice(-2)).toEqual(['Gateway_Ok', 'EndEvent_Done']);
  expect(done.variables).toEqual({
    cancel: false,
    hotel: 'hotel-1',
    flight: 'flight-1',
    payment: 'paid',
  });
});

test('transaction: a cancel end event compensates the transaction, then its cancel boundary leads on', async () => {
  const done = await waitFor(
    await replay.runFixture('transaction', { invalid: true }, 'transaction-cancel'),
  );
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'StartEvent_Tx',
    'Script_Reserve',
    'Script_Charge',
    'Gateway_Valid',
    'Undo_Charge',
    'Undo_Reserve',
    'EndEvent_Cancel',
    'Boundary_Cancelled',
    'Script_Cancelled',
    'EndEvent_Cancelled',
  ]);
  expect(done.variables).toEqual({
    invalid: true,
    reservation: 'r-1',
    charge: 'c-1',
    undone: ['charge', 'reserve'],
    outcome: 'cancelled',
  });
});

test('transaction: completing normally leaves by the outgoing flow, nothing undone', async () => {
  const done = await waitFor(
    await replay.runFixture('transaction', { invalid: false }, 'transaction-done'),
  );
  expect(trailIds(done).slice(-4)).toEqual([
    'EndEvent_Tx',
    'Transaction_Order',
    'Script_Done',
    'EndEvent_Done',
  ]);
  expect(done.variables).toEqual({
    invalid: false,
    reservation: 'r-1',
    charge: 'c-1',
    outcome: 'done',
  });
});

test('compensation-event-subprocess: the error event subprocess undoes the reservation, then the booking', async () => {
  const done = await waitFor(await replay.runFixture('compensation-event-subprocess'));
  expect(done.status).toBe('COMPLETED');
  expect(trailIds(done)).toEqual([
    'StartEvent_1',
    'Script_Book',
    'Script_Reserve',
    'StartEvent_Failed',
    'Undo_Reserve',
    'Undo_Book',
    'Compensate_All',
    'EndEvent_Failed',
    'EventSub_Failed',
  ]);
  expect(done.variables).toEqual({
    booking: 'booked',
    reservation: 'reserved',
    undone: ['reserve', 'book'],
  });
});
