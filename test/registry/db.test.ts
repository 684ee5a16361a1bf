/**
 * The registry database's statement cache: one prepared statement per SQL text, the least
 * recently used dropped past the bound, and a cached statement still right after a schema
 * change.
 */
import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from '../../src/registry/db';

describe('withStatementCache', () => {
  let sqlite: SqliteDatabase.Database;
  beforeEach(() => {
    sqlite = new SqliteDatabase(':memory:');
  });
  afterEach(() => {
    sqlite.close();
  });

  it('prepares each SQL text once', () => {
    // given a cached database
    const db = withStatementCache(sqlite);
    const prepare = jest.spyOn(sqlite, 'prepare');
    // when the same query is prepared twice, then it is the same statement, prepared once
    expect(db.prepare('select 1 as x')).toBe(db.prepare('select 1 as x'));
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(db.prepare('select 1 as x').all([])).toEqual([{ x: 1 }]);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    // given room for two statements
    const db = withStatementCache(sqlite, 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    // when `a` is used again and a third arrives, then `b` is the one dropped
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('answers with the new schema after a migration', () => {
    // given a cached `select *` over a table
    const db = withStatementCache(sqlite);
    db.prepare('create table t (a integer)').run([]);
    db.prepare('insert into t (a) values (?)').run([1]);
    const select = db.prepare('select * from t');
    expect(select.all([])).toEqual([{ a: 1 }]);
    // when a column is added, then the same statement returns it
    db.prepare('alter table t add column b text').run([]);
    db.prepare('update t set b = ?').run(['x']);
    expect(db.prepare('select * from t')).toBe(select);
    expect(select.all([])).toEqual([{ a: 1, b: 'x' }]);
  });
});
