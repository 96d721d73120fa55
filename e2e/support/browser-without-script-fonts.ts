import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserType, LaunchOptions } from "@playwright/test";

// Many desktops have no Tamil or Chinese font. This machine may have them, so a spec that must see
// the page bring its own font (decision 079) starts a browser whose fontconfig hides every installed
// Tamil and CJK font: what such a desktop would show.

const hiddenFonts = ["*Tamil*", "*CJK*", "*NotoSansSC*", "*SourceHanSans*", "*DroidSansFallback*", "*wqy*", "*Lohit*"];

/** A browser like the configured one, on a device without Tamil or Chinese fonts. */
export async function launchWithoutScriptFonts(browserType: BrowserType, launchOptions: LaunchOptions = {}): Promise<Browser> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "mutual-no-script-fonts-"));
  const configFile = path.join(directory, "fonts.conf");
  await writeFile(
    configFile,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>${hiddenFonts.map((glob) => `<glob>${glob}</glob>`).join("")}</rejectfont></selectfont>
</fontconfig>
`,
  );
  return browserType.launch({ ...launchOptions, env: { ...process.env, FONTCONFIG_FILE: configFile } });
}
