import { useEffect, useState } from "react";

type Matrix = boolean[][];

/**
 * A QR code of `text`, drawn as SVG from the module matrix (no inline markup, so the strict
 * CSP holds). The QR library loads only when a code is shown. Decorative for screen readers:
 * the caller shows the same secret as text beside it.
 */
export function QrCode({ text, size = 208 }: { text: string; size?: number }) {
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  useEffect(() => {
    let current = true;
    void import("uqr").then(({ encode }) => {
      if (current) setMatrix(encode(text, { ecc: "M", border: 2 }).data);
    });
    return () => {
      current = false;
    };
  }, [text]);
  if (!matrix) return <svg className="qr-code" width={size} height={size} aria-hidden="true" focusable="false" />;
  const count = matrix.length;
  const path = matrix.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : []))).join("");
  return (
    <svg className="qr-code" width={size} height={size} viewBox={`0 0 ${count} ${count}`} shapeRendering="crispEdges" aria-hidden="true" focusable="false">
      <rect width={count} height={count} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
