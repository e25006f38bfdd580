// @vitest-environment jsdom
/** watchForms: immediate detection, debounced re-detection on relevant mutations only, the cap, stopping. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectedForm } from '../../../../lib/autofill/content/detect/form-types';
import { watchForms } from '../../../../lib/autofill/content/detect/watch-forms';
import { htmlDocument } from '../../jsdom-document';

/** Lets jsdom deliver mutation records (a microtask) without running the faked timers. */
const flushMutations = () => new Promise<void>((done) => setImmediate(done));

const kinds = (forms: DetectedForm[]) => forms.map((f) => f.kind);

describe('watchForms', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('detects once at start, then once per burst after the quiet time', async () => {
    const doc = await htmlDocument('<div id="app"></div>');
    const calls: string[][] = [];
    const stop = watchForms(doc, (forms) => calls.push(kinds(forms)));
    expect(calls).toEqual([[]]);

    const app = doc.getElementById('app')!;
    app.innerHTML = '<form><input name="login"></form>';
    await flushMutations();
    vi.advanceTimersByTime(100);
    app.querySelector('form')!.insertAdjacentHTML('beforeend', '<input type="password" name="pw"><button>Sign in</button>');
    await flushMutations();
    vi.advanceTimersByTime(149);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([[], ['login']]);
    stop();
  });

  it('ignores mutations that cannot change a form (text, elements without inputs)', async () => {
    const doc = await htmlDocument('<div id="app"><form><input name="login"><input type="password"></form></div>');
    const onChange = vi.fn();
    const stop = watchForms(doc, onChange, { debounceMs: 10 });
    doc.getElementById('app')!.insertAdjacentHTML('beforeend', '<p>Hello <b>world</b></p>');
    await flushMutations();
    vi.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });

  it('sees a hidden form being shown (a style change on its container)', async () => {
    const doc = await htmlDocument('<div id="modal" style="display:none"><input name="user"><input type="password" name="pw"><button>Log in</button></div>');
    const calls: string[][] = [];
    const stop = watchForms(doc, (forms) => calls.push(kinds(forms)), { debounceMs: 10 });
    doc.getElementById('modal')!.style.display = 'block';
    await flushMutations();
    vi.advanceTimersByTime(10);
    expect(calls).toEqual([[], ['login']]);
    stop();
  });

  it('detects at least every maxWaitMs under a steady stream of mutations', async () => {
    const doc = await htmlDocument('<div id="app"></div>');
    const onChange = vi.fn();
    const stop = watchForms(doc, onChange, { debounceMs: 150, maxWaitMs: 500 });
    const app = doc.getElementById('app')!;
    for (let i = 0; i < 6; i++) {
      app.insertAdjacentHTML('beforeend', `<input name="f${i}">`);
      await flushMutations();
      vi.advanceTimersByTime(100);
    }
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
  });

  it('watches shadow roots, those present at start and those added later', async () => {
    const doc = await htmlDocument('<x-early id="early"></x-early><div id="app"></div>');
    const early = doc.getElementById('early')!.attachShadow({ mode: 'open' });
    const onChange = vi.fn();
    const stop = watchForms(doc, onChange, { debounceMs: 10 });
    early.innerHTML = '<input name="login"><input type="password"><button>Log in</button>';
    await flushMutations();
    vi.advanceTimersByTime(10);
    expect(onChange).toHaveBeenCalledTimes(2);

    const late = doc.createElement('x-late');
    const lateRoot = late.attachShadow({ mode: 'open' });
    doc.getElementById('app')!.append(late);
    await flushMutations();
    vi.advanceTimersByTime(10);
    lateRoot.innerHTML = '<input name="code" autocomplete="one-time-code">';
    await flushMutations();
    vi.advanceTimersByTime(10);
    expect(onChange).toHaveBeenCalledTimes(4);
    expect(kinds(onChange.mock.calls[3]![0] as DetectedForm[])).toEqual(['login', 'otp']);
    stop();
  });

  it('stops: no more detections, and a pending one is cancelled', async () => {
    const doc = await htmlDocument('<div id="app"></div>');
    const onChange = vi.fn();
    const stop = watchForms(doc, onChange);
    doc.getElementById('app')!.innerHTML = '<input name="login">';
    await flushMutations();
    stop();
    vi.advanceTimersByTime(5000);
    doc.getElementById('app')!.innerHTML = '<input name="other">';
    await flushMutations();
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
