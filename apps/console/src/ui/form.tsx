import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiProblem } from '../api/client';
import { ProblemNote } from './load';

let fieldCounter = 0;

/**
 * A labelled input: the label is tied to the field by id, so screen readers and tests find it.
 * `initial` fills it once, so a re-render (a write pending, its problem shown) keeps what was typed.
 */
export const Field = ({
  label,
  initial,
  ...input
}: { label: string; initial?: string } & JSX.InputHTMLAttributes<HTMLInputElement>) => {
  const [id] = useState(() => `field-${fieldCounter++}`);
  const element = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (initial !== undefined && element.current) element.current.value = initial;
  }, [initial]);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} ref={element} {...input} />
    </div>
  );
};

export const Choice = ({
  label,
  options,
  ...select
}: { label: string; options: [string, string][] } & JSX.SelectHTMLAttributes<HTMLSelectElement>) => {
  const [id] = useState(() => `field-${fieldCounter++}`);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} {...select}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
};

/** The fields of a submitted form by name. */
export const valuesOf = (event: Event): Record<string, string> => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  return Object.fromEntries([...new FormData(form).entries()].map(([key, value]) => [key, String(value)]));
};

/** A form that runs one write (`useAction`): named by its legend, disabled while it runs, its problem shown. */
export const ActionForm = ({
  legend,
  action: { act, pending, problem },
  submit,
  children,
}: {
  legend: string;
  action: { act(values: Record<string, string>): unknown; pending: boolean; problem?: ApiProblem };
  submit: string;
  children: ComponentChildren;
}) => (
  <form class="action" onSubmit={(event) => act(valuesOf(event))} aria-label={legend}>
    <fieldset disabled={pending}>
      <legend>{legend}</legend>
      {children}
      <button type="submit">{pending ? 'Sending…' : submit}</button>
    </fieldset>
    {problem && <ProblemNote problem={problem} />}
  </form>
);

export const money = (value?: { amount: string; currency: string } | null) =>
  value ? `${value.amount} ${value.currency}` : '—';
