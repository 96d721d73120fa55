// Words a neutral notice (the weekly reminder, a request's notice, their pushes) must not carry in
// each language, since someone else may see the inbox or the lock screen: partner, relationship,
// couple, counsellor or counselling, score, safety, profile, result (issue 18, decision 083).
import type { Language } from "@mutual/core";
import { sensitiveWords } from "./push-service.js";

export const sensitiveWordsIn: Readonly<Record<Language, RegExp>> = {
  en: sensitiveWords,
  "zh-Hans": /伴侣|关系|夫妻|咨询|分数|安全|档案|结果/,
  ms: /pasangan|hubungan|kaunsel|skor|selamat|profil|keputusan|amalan/i,
  ta: /துணைவர்|உறவு|தம்பதி|ஆலோசக|ஆலோசனை|மதிப்பெண்|பாதுகாப்பு|சுயவிவரம்/,
};
