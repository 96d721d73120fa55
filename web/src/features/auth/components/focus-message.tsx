import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Wraps the message that answers a submit and moves focus to it when it appears (or a new
 * submit brings it again), so keyboard and screen-reader users land on the outcome instead
 * of on a button that may have vanished.
 */
export function FocusedMessage({ children, messageKey }: { children: ReactNode; messageKey: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [messageKey]);
  return (
    <div ref={box} tabIndex={-1}>
      {children}
    </div>
  );
}

/**
 * After a submit that found mistakes, focus goes to the first field marked invalid, whose
 * error text is tied to it (aria-describedby) and so is read out with it.
 */
export function useFocusFirstInvalid() {
  const form = useRef<HTMLFormElement>(null);
  const [attempts, setAttempts] = useState(0);
  useEffect(() => {
    if (attempts > 0) form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);
  return { form, focusFirstInvalid: () => setAttempts((count) => count + 1) };
}
