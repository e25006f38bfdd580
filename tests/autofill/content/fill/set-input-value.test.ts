// @vitest-environment jsdom
/**
 * setInputValue: the event sequence frameworks listen for, the native setter past React's value tracker
 * (checked with real react-dom, controlled inputs), and nothing secret in the events themselves.
 */
import { act, createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { FILL_EVENT_SEQUENCE, setInputValue } from '../../../../lib/autofill/content/fill/set-input-value';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  document.body.replaceChildren();
});

function recordEvents(input: HTMLInputElement): { type: string; value: string; trusted: boolean; event: Event }[] {
  const seen: { type: string; value: string; trusted: boolean; event: Event }[] = [];
  for (const type of ['focus', 'focusin', 'keydown', 'keypress', 'beforeinput', 'input', 'keyup', 'change', 'blur', 'focusout']) {
    input.addEventListener(type, (event) => seen.push({ type, value: input.value, trusted: event.isTrusted, event }));
  }
  return seen;
}

describe('setInputValue', () => {
  it('fires focus, keydown, keypress, input, keyup, change, blur in that order; the value changes between keypress and input', () => {
    const input = document.body.appendChild(document.createElement('input'));
    const seen = recordEvents(input);
    setInputValue(input, 'ann@example.com');
    const order = seen.map((e) => e.type).filter((t) => (FILL_EVENT_SEQUENCE as readonly string[]).includes(t));
    expect(order).toEqual([...FILL_EVENT_SEQUENCE]);
    const at = (type: string) => seen.find((e) => e.type === type)!.value;
    expect([at('keypress'), at('input'), at('change')]).toEqual(['', 'ann@example.com', 'ann@example.com']);
    expect(input.value).toBe('ann@example.com');
    expect(document.activeElement).not.toBe(input);
  });

  it('input and change bubble (React and Vue listen at the root); input is an InputEvent that carries no data', () => {
    const input = document.body.appendChild(document.createElement('input'));
    const atRoot: Event[] = [];
    for (const type of ['input', 'change', 'keydown', 'keyup']) document.addEventListener(type, (event) => atRoot.push(event));
    setInputValue(input, 's3cret-value');
    expect(atRoot.map((e) => e.type)).toEqual(['keydown', 'input', 'keyup', 'change']);
    const input$ = atRoot.find((e) => e.type === 'input') as InputEvent;
    expect(input$).toBeInstanceOf(InputEvent);
    expect(input$.data).toBeNull();
    expect(input$.inputType).toBe('insertReplacementText');
    for (const event of atRoot.filter((e) => e instanceof KeyboardEvent) as KeyboardEvent[]) expect(event.key).toBe('');
  });

  it('goes past an own `value` property (the way React tracks values) to the prototype setter', () => {
    const input = document.body.appendChild(document.createElement('input'));
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    let tracked = '';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native.get!.call(input) as string,
      set: (v: string) => {
        tracked = v;
        native.set!.call(input, v);
      },
    });
    let sawChange = false;
    input.addEventListener('input', () => {
      sawChange = native.get!.call(input) !== tracked;
    });
    setInputValue(input, 'filled');
    expect(tracked).toBe('');
    expect(sawChange).toBe(true);
  });

  it('a React controlled input (real react-dom) updates its state, and clearing with "" empties it again', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    const states: string[] = [];
    function Field() {
      const [value, setValue] = useState('');
      states.push(value);
      return h('input', { id: 'user', value, onChange: (e: { target: HTMLInputElement }) => setValue(e.target.value) });
    }
    const root = createRoot(container);
    await act(async () => root.render(h(Field)));
    const input = container.querySelector('input')!;
    await act(async () => setInputValue(input, 'ann@example.com'));
    expect(states.at(-1)).toBe('ann@example.com');
    expect(input.value).toBe('ann@example.com');
    await act(async () => setInputValue(input, ''));
    expect(states.at(-1)).toBe('');
    await act(async () => root.unmount());
  });

  it('a plain assignment would not reach React: the same component with `input.value =` keeps its old state', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    const states: string[] = [];
    function Field() {
      const [value, setValue] = useState('');
      states.push(value);
      return h('input', { value, onChange: (e: { target: HTMLInputElement }) => setValue(e.target.value) });
    }
    const root = createRoot(container);
    await act(async () => root.render(h(Field)));
    const input = container.querySelector('input')!;
    await act(async () => {
      input.value = 'typed by script';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(states.at(-1)).toBe('');
    await act(async () => root.unmount());
  });
});
