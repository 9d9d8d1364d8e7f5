import { useRef, useState } from 'react';

/**
 * The paragraphs in the box, and the user's edits kept: new paragraphs (another month, other
 * settings, a re-run) replace the text only while it is as generated; once the user has
 * edited it, the new text waits in `pending` until the user chooses.
 */
export function useNarrativeText() {
  const [text, setTextState] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const current = useRef('');
  const generated = useRef('');
  const setText = (value: string) => {
    current.current = value;
    setTextState(value);
  };
  const replace = (fresh: string) => {
    generated.current = fresh;
    setText(fresh);
    setPending(null);
  };
  /** New paragraphs from the engine. */
  const offer = (fresh: string) => {
    if (current.current === generated.current || current.current === '') replace(fresh);
    else if (fresh !== generated.current) setPending(fresh);
  };
  return {
    text,
    setText,
    offer,
    pending,
    acceptPending: () => pending !== null && replace(pending),
    keepMine: () => setPending(null),
  };
}
