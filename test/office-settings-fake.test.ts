import { describe, expect, it } from 'vitest';
import {
  FakeDocumentSettings,
  FakeSettingsDocument,
  INTERNAL_ERROR,
  type FakeAsyncResult,
} from './fake/office-settings';

const save = (s: FakeDocumentSettings) =>
  new Promise<FakeAsyncResult>((resolve) => s.saveAsync(resolve));
const refresh = (s: FakeDocumentSettings) =>
  new Promise<FakeAsyncResult>((resolve) => s.refreshAsync(resolve));

// The fake must behave as Office.Settings is documented, or the pane's tests prove nothing.
describe('the fake Office.Settings', () => {
  it('returns null for a setting never set, and copies for those that are', () => {
    const s = new FakeDocumentSettings();
    expect(s.get('x')).toBeNull();
    const value = { a: [1, 2] };
    s.set('x', value);
    value.a.push(3);
    expect(s.get('x')).toEqual({ a: [1, 2] });
    (s.get('x') as { a: number[] }).a.push(4);
    expect(s.get('x')).toEqual({ a: [1, 2] });
  });

  it('keeps set and remove in memory until saveAsync writes them into the document', async () => {
    const s = new FakeDocumentSettings('{"old":1}');
    s.set('x', 'y');
    s.remove('old');
    expect(s.stored).toBe('{"old":1}');
    s.reopen();
    expect(s.get('x')).toBeNull();
    expect(s.get('old')).toBe(1);
    s.set('x', 'y');
    let called = false;
    s.saveAsync(() => (called = true));
    expect(called).toBe(false); // the host answers later, never inside the call
    expect((await save(s)).status).toBe('succeeded');
    s.reopen();
    expect(s.get('x')).toBe('y');
  });

  it('refuses to save a read-only document with 5002, and other failures with 4001', async () => {
    const s = new FakeDocumentSettings();
    s.readOnly = true;
    s.set('x', 1);
    const r = await save(s);
    expect(r).toMatchObject({ status: 'failed', error: { code: 5002, name: 'Permission Denied' } });
    expect(s.stored).toBe('{}');
    s.readOnly = false;
    s.failNextSave = true;
    expect((await save(s)).error?.code).toBe(4001);
    expect((await save(s)).status).toBe('succeeded');
  });

  it('refuses a value that cannot be stored as JSON', () => {
    expect(() => new FakeDocumentSettings().set('x', undefined)).toThrow();
  });

  it('refuses with 5001 (Internal Error) when told to, once; the file is unchanged', async () => {
    const s = new FakeDocumentSettings('{"a":1}');
    s.set('a', 2);
    s.failNextSave = INTERNAL_ERROR;
    expect((await save(s)).error).toMatchObject({ code: 5001, name: 'Internal Error' });
    expect(s.stored).toBe('{"a":1}');
    expect((await save(s)).status).toBe('succeeded');
    expect(s.stored).toBe('{"a":2}');
  });
});

// Co-authoring: several clients (panes) on one file, each with the bag loaded when it opened.
describe('the fake Office.Settings, two clients on one document', () => {
  it('saveAsync writes the whole in-memory bag: a client that never refreshed loses the other’s key', async () => {
    const file = new FakeSettingsDocument('{}');
    const a = file.client();
    const b = file.client();
    b.set('fromB', 1);
    expect((await save(b)).status).toBe('succeeded');
    expect(JSON.parse(file.stored)).toEqual({ fromB: 1 });
    // A still has the bag as loaded: B's key is not there, and A's save overwrites it.
    expect(a.get('fromB')).toBeNull();
    a.set('fromA', 2);
    await save(a);
    expect(JSON.parse(file.stored)).toEqual({ fromA: 2 });
  });

  it('refreshAsync loads what the file holds now: the other’s saved key appears, this one’s unsaved set() is dropped', async () => {
    const file = new FakeSettingsDocument('{"old":0}');
    const a = file.client();
    const b = file.client();
    a.set('unsaved', true);
    b.set('fromB', 1);
    await save(b);
    const r = await refresh(a);
    expect(r.status).toBe('succeeded');
    expect(r.value).toBe(a);
    expect(a.get('fromB')).toBe(1);
    expect(a.get('old')).toBe(0);
    expect(a.get('unsaved')).toBeNull();
  });

  it('set() without saveAsync never reaches the file, nor another client', async () => {
    const file = new FakeSettingsDocument('{}');
    const a = file.client();
    const b = file.client();
    a.set('x', 'y');
    expect(file.stored).toBe('{}');
    await refresh(b);
    expect(b.get('x')).toBeNull();
    expect(new FakeDocumentSettings(file).get('x')).toBeNull();
  });

  it('a failed refresh leaves the in-memory bag as it was, once', async () => {
    const s = new FakeDocumentSettings('{"a":1}');
    s.set('a', 2);
    s.failNextRefresh = INTERNAL_ERROR;
    expect((await refresh(s)).error?.code).toBe(5001);
    expect(s.get('a')).toBe(2);
    expect((await refresh(s)).status).toBe('succeeded');
    expect(s.get('a')).toBe(1);
  });

  it('read-only is per client: a viewer cannot save, an editor of the same file can', async () => {
    const file = new FakeSettingsDocument('{}');
    const viewer = file.client();
    viewer.readOnly = true;
    const editor = file.client();
    viewer.set('v', 1);
    editor.set('e', 1);
    expect((await save(viewer)).error?.code).toBe(5002);
    expect((await save(editor)).status).toBe('succeeded');
    expect(JSON.parse(file.stored)).toEqual({ e: 1 });
  });
});
