/** Digits and a leading + only, for tel: and sms: links ("1800 221 4444" → "18002214444"). */
export function dialable(number: string): string {
  return number.replace(/[^\d+]/g, "");
}
