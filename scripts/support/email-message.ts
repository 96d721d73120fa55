// One email as it was written on the wire (an outbox .eml file, or what an SMTP server received),
// read back as text: headers unfolded, RFC 2047 encoded words in them decoded, and the body undone
// from quoted-printable or base64 as UTF-8. Nodemailer writes Chinese and Tamil bodies in base64 and
// their subjects as encoded words, so a reader that only undid quoted-printable found no link in a
// Tamil sign-up email. Plain-text messages only: Mutual sends no others (decision 031).

export type EmailMessage = {
  raw: string;
  subject: string;
  /** The headers, unfolded and decoded, one per line. */
  head: string;
  /** The body as text, lines ending in \n. */
  body: string;
  /** A header's value as sent (unfolded, encoded words left as they travelled). */
  header: (name: string) => string | undefined;
};

export function parseEmail(raw: string): EmailMessage {
  const text = raw.replace(/\r\n/g, "\n");
  const split = text.indexOf("\n\n");
  const head = (split < 0 ? text : text.slice(0, split)).replace(/\n[ \t]+/g, " ");
  const encodedBody = split < 0 ? "" : text.slice(split + 2);
  const headers = new Map<string, string>();
  const lines: string[] = [];
  for (const line of head.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const value = line.slice(colon + 1).trim();
    headers.set(line.slice(0, colon).toLowerCase(), value);
    lines.push(`${line.slice(0, colon)}: ${decodeEncodedWords(value)}`);
  }
  const encoding = headers.get("content-transfer-encoding") ?? "";
  const body = /quoted-printable/i.test(encoding)
    ? quotedPrintableBytes(encodedBody.replace(/=\n/g, "")).toString("utf8")
    : /base64/i.test(encoding)
      ? Buffer.from(encodedBody.replace(/\s+/g, ""), "base64").toString("utf8")
      : encodedBody;
  return {
    raw,
    subject: decodeEncodedWords(headers.get("subject") ?? ""),
    head: lines.join("\n"),
    body: body.replace(/\r\n/g, "\n"),
    header: (name) => headers.get(name.toLowerCase()),
  };
}

/** Quoted-printable's bytes: each =XX is one byte. */
function quotedPrintableBytes(encoded: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < encoded.length; index += 1) {
    const hex = encoded[index] === "=" ? /^[0-9A-F]{2}$/i.exec(encoded.slice(index + 1, index + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      index += 2;
    } else bytes.push(encoded.charCodeAt(index));
  }
  return Buffer.from(bytes);
}

const encodedWord = /=\?[^?]+\?([BbQq])\?([^?]*)\?=/g;

/**
 * A header's RFC 2047 encoded words (=?UTF-8?B?…?= or =?UTF-8?Q?…?=) as text: the space between two
 * of them is not part of it, and a run of them is one run of bytes (a character may straddle two).
 */
function decodeEncodedWords(header: string): string {
  return header.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(encodedWord)].map(([, kind = "", data = ""]) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64") : quotedPrintableBytes(data.replace(/_/g, " ")),
    );
    const trailing = /\s*$/.exec(run)?.[0] ?? "";
    return Buffer.concat(bytes).toString("utf8") + trailing;
  });
}
