/**
 * Groups candidate inputs into forms: by their `<form>`, or, for formless single-page-app forms, by position.
 * A submit-like button between two inputs, a different `<form>`, or a different dialog starts a new group, so a
 * page-wide `<form>` (ASP.NET) or a formless page with a login and a sign-up box yields one group per box.
 */
import { SUBMIT } from './detection-keywords';
import { readButtonText } from './read-button-text';

/** Inputs that belong together, the element that holds them, and the button that submits them. */
export interface FieldGroup {
  inputs: HTMLInputElement[];
  /** The `<form>` when the group is all of its inputs; otherwise the inputs' nearest common ancestor. */
  container: Element;
  submit: HTMLElement | null;
}

/** Parent across shadow boundaries: an element's parent, or the host of the shadow root it sits in. */
function parentOf(node: Element): Element | null {
  return node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
}

/**
 * The nearest element holding all of `nodes` (across shadow boundaries); a lone input's parent.
 *
 * @param nodes - one or more elements
 * @returns their nearest common ancestor
 */
export function commonAncestor(nodes: Element[]): Element {
  let ancestors: Element[] = [];
  for (let n: Element | null = nodes[0]!; n; n = parentOf(n)) ancestors.push(n);
  for (const node of nodes.slice(1)) {
    const chain = new Set<Element>();
    for (let n: Element | null = node; n; n = parentOf(n)) chain.add(n);
    ancestors = ancestors.filter((a) => chain.has(a));
  }
  // A lone input is its own common ancestor; its parent is the smallest container worth reading text from.
  const lowest = ancestors[0]!;
  return nodes.length === 1 && lowest === nodes[0] ? (parentOf(lowest) ?? lowest) : lowest;
}

/**
 * 2: submits its form by an explicit type, or by default and says so; 1: says submit, log in, sign up, next…;
 * 0: another button. A `<button>` without a type submits its form too, but one that does not say so is a
 * helper beside a field (show password, clear, "use phone instead") and must not split the form.
 */
function submitRank(el: HTMLElement): number {
  const type = el.getAttribute('type')?.toLowerCase();
  if (type === 'submit' || type === 'image') return 2;
  const says = type !== 'checkbox' && type !== 'radio' && SUBMIT.test(readButtonText(el));
  return says ? (el.tagName === 'BUTTON' && !type && (el as HTMLButtonElement).form ? 2 : 1) : 0;
}

type OpenGroup = FieldGroup & { form: HTMLFormElement | null; dialog: Element | null; closed: boolean };

/**
 * Splits the controls of a page into groups of visible inputs.
 *
 * @param controls - inputs and buttons in document order, from `collectDetectionControls`
 * @param isVisible - the visibility rule for inputs and for buttons that would split a group
 * @returns the groups, in document order; every group has at least one input
 * @example groupFields(collectDetectionControls(document), isFieldVisible);
 */
export function groupFields(controls: HTMLElement[], isVisible: (el: HTMLElement) => boolean): FieldGroup[] {
  const groups: OpenGroup[] = [];
  for (const el of controls) {
    const last = groups[groups.length - 1];
    const input = el as HTMLInputElement;
    if (el.tagName === 'INPUT' && !/^(submit|image|button)$/.test(input.type)) {
      // A disabled password can be neither typed into nor filled (a sign-up form's hidden twin); a disabled
      // identifier stays, since a password step shows the account so.
      if ((input.disabled && input.type === 'password') || !isVisible(el)) continue;
      const dialog = el.closest('dialog,[role=dialog],[aria-modal=true]');
      if (last && !last.closed && last.form === input.form && last.dialog === dialog) {
        last.inputs.push(input);
      } else {
        groups.push({ inputs: [input], container: el, submit: null, form: input.form, dialog, closed: false });
      }
      continue;
    }
    // A submit-like button closes the group; until the next input, a later one that submits by type wins.
    const rank = last && (!last.submit || (last.submit && submitRank(last.submit) < 2)) ? submitRank(el) : 0;
    if (!last || rank === 0) continue;
    const form = (el as HTMLButtonElement).form ?? el.closest('form');
    if ((!last.form || form === last.form) && isVisible(el) && (!last.submit || rank === 2)) {
      last.submit = el;
      last.closed = true;
    }
  }
  return groups.map(({ inputs, form, submit }) => ({
    inputs,
    submit,
    container:
      form && groups.filter((g) => g.form === form).length === 1
        ? form
        : commonAncestor(submit ? [...inputs, submit] : inputs),
  }));
}
