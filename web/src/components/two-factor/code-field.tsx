import type { ComponentProps } from "react";
import { TextField } from "../text-field";

/**
 * A field for the six-digit code an authenticator app shows: the browser and password managers
 * offer a one-time code, phones show digits, and "123 456" as the app writes it fits.
 */
export function CodeField(props: Omit<ComponentProps<typeof TextField>, "autoComplete" | "inputMode" | "maxLength">) {
  return <TextField {...props} autoComplete="one-time-code" inputMode="numeric" maxLength={9} />;
}
