/**
 * Splits a group of inputs that holds two forms one after the other with no submit button between them (an
 * ASP.NET page-wide form with a login and a sign-up wizard, a table with two login boxes): an identifier that
 * follows a password, with another password after it, starts a new form.
 */
import type { FieldTraits } from './classify-field';
import { commonAncestor, type FieldGroup } from './group-fields';

/**
 * @param group - inputs, container and submit button from `groupFields`
 * @param traits - `classifyField` of each of `group.inputs`, in the same order
 * @returns one or more groups with their traits, in document order; the submit button stays with the last
 * @example splitRepeatedLogins(group, group.inputs.map(classifyField)).length; // 2 for user, pass, user, pass
 */
export function splitRepeatedLogins(group: FieldGroup, traits: FieldTraits[]): Array<[FieldGroup, FieldTraits[]]> {
  const starts = [0];
  let passwordSince = false;
  traits.forEach((t, i) => {
    if (t.password) passwordSince = true;
    else if (passwordSince && t.user > 0 && !t.otp) {
      // A confirmation after the identifier ("email, password, email again, password again") is one sign-up.
      const next = traits.slice(i + 1).find((n) => n.password);
      if (next && next.hint !== 'confirm') {
        starts.push(i);
        passwordSince = false;
      }
    }
  });
  if (starts.length === 1) return [[group, traits]];
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? traits.length;
    const inputs = group.inputs.slice(start, end);
    const last = end === traits.length;
    const submit = last ? group.submit : null;
    return [{ inputs, submit, container: commonAncestor(submit ? [...inputs, submit] : inputs) }, traits.slice(start, end)];
  });
}
