// The words of a flag in the language its reader reads (issue 18, decision 081): its title and its
// explanation. A flag keeps the facts its explanation states (`wording`: which sentence, with which
// numbers; `triggeredBy`: which answers); the model words it in English with these same functions,
// and a presenter words the same facts again in the page's language. Nothing here reads a database.
import { textIn, type Catalogues, type Language } from "../../localization/index.js";
import type { Instrument } from "../instrument/instrument-types.js";
import { influenceIn, joinSentences } from "../scoring/score-text.js";
import type { ItemInfluence } from "../scoring/score-types.js";
import type { FlagExplanationKey, FlagId, FlagWording, ModelFlag } from "./flag-types.js";

type FlagTextKey =
  | `title.${FlagId}`
  | "signal-title.social-withdrawal"
  | "signal-title.sustained-decline"
  | "signal-title.fallback.self"
  | "signal-title.fallback.other"
  | "safety.own-view"
  | "quote"
  | "quoted-answer"
  | "not-scored"
  | FlagExplanationKey;

export const flagText: Catalogues<FlagTextKey> = {
  en: {
    "title.power-imbalance": "Saying what you think may be hard",
    "title.codependency-risk": "Your own life may have less room",
    "title.low-intimacy": "Closeness feels thin right now",
    "title.low-support": "Backing each other's passions",
    "title.difference-reflection": "Differences that weigh on you",
    "title.safety": "Your safety comes first",
    "title.social-withdrawal": "Less time with friends and family",
    "title.sustained-decline": "A pulse that has gone down for weeks",
    "title.couple-power-imbalance": "One voice may carry more weight",
    "title.couple-low-intimacy": "Closeness feels thin for you both",
    "title.support-perception-gap": "Support given and support felt differ",
    "signal-title.social-withdrawal": "Less time with friends and family lately",
    "signal-title.sustained-decline": "A pulse that has gone down for weeks",
    "signal-title.fallback.self": "A change in your check-ins",
    "signal-title.fallback.other": "A change in these check-ins",
    "safety.own-view":
      "Some of your answers in the safety check suggest you may not always feel safe with your partner. " +
      "You deserve to feel safe. You do not have to sort this out alone: the help page lists people you can talk to in confidence. " +
      "For now, exercises that ask the two of you to raise things together are paused.",
    quote: "These answers count most: {{answers}}.",
    "quoted-answer": '"{{text}}" ({{answer}})',
    "not-scored": "not scored",
    "explanation.power-imbalance":
      "Your Voice score is {{score}}. It may be hard to say what you think or need with your partner. That can be a sign that one voice counts for more.",
    "explanation.codependency-risk":
      "Your co-dependency score is {{score}}. A lot of how you feel about yourself may hang on your partner. Your own interests and people may get less room.",
    "explanation.low-intimacy": "Your Closeness score is {{score}}. Right now it seems hard to feel near your partner and to share what is inside.",
    "explanation.low-support":
      "Backing each other's interests seems thin right now. Your scores: support {{support}}, the support you give {{giving}}, the support you get {{receiving}}.",
    "explanation.difference-reflection":
      "Some differences between you weigh on you. It can help to sort them: which ones are normal, and which would be a true dealbreaker for you.",
    "explanation.safety": "Some of your answers suggest you may not always feel safe with your partner.",
    "explanation.safety.after": "You deserve to feel safe. Help is there for you, and exercises you would do together are paused.",
    "explanation.couple-power-imbalance":
      "Your Voice scores are far apart. One of you may feel much less free to speak up. When that happens, one voice can end up counting for more.",
    "explanation.couple-low-intimacy":
      "You both report feeling distant (Closeness {{a}} and {{b}}). Making room for what each of you loves, and taking an interest in it, is one way back towards each other.",
    "explanation.support-perception-gap":
      "{{giver}} rates the backing they give at {{gives}}, while {{receiver}} rates the backing they feel at {{feels}}. Worth talking about what support looks like to each of you.",
    "explanation.social-withdrawal.self":
      "Lately you spent about {{recent}} hours a week with friends or family, against about {{baseline}} before. That is half or less of your usual time.",
    "explanation.social-withdrawal.other":
      "Lately these check-ins show about {{recent}} hours a week with friends or family, against about {{baseline}} before. That is half or less of the usual time.",
    "explanation.sustained-decline.self.wePulse":
      "Your We pulse has gone down for several weeks, by about {{slope}} points a week. It is now below where it used to be.",
    "explanation.sustained-decline.self.mePulse":
      "Your Me pulse has gone down for several weeks, by about {{slope}} points a week. It is now below where it used to be.",
    "explanation.sustained-decline.self.both":
      "Your We pulse and your Me pulse have both gone down for several weeks. Both are now below where they used to be.",
    "explanation.sustained-decline.other.wePulse":
      "In these check-ins the We pulse has gone down for several weeks, by about {{slope}} points a week. It is now below where it used to be.",
    "explanation.sustained-decline.other.mePulse":
      "In these check-ins the Me pulse has gone down for several weeks, by about {{slope}} points a week. It is now below where it used to be.",
    "explanation.sustained-decline.other.both":
      "In these check-ins the We pulse and the Me pulse have both gone down for several weeks. Both are now below where they used to be.",
  },
  "zh-Hans": {
    "title.power-imbalance": "说出想法可能不容易",
    "title.codependency-risk": "你自己的生活空间可能变小了",
    "title.low-intimacy": "目前亲密感显得单薄",
    "title.low-support": "支持彼此的热爱",
    "title.difference-reflection": "让你挂心的差异",
    "title.safety": "你的安全最重要",
    "title.social-withdrawal": "与亲友相处的时间变少了",
    "title.sustained-decline": "一项指数连续几周下降",
    "title.couple-power-imbalance": "一方的声音可能更有分量",
    "title.couple-low-intimacy": "你们两人都觉得亲密感单薄",
    "title.support-perception-gap": "给予的支持与感受到的支持不一样",
    "signal-title.social-withdrawal": "最近与亲友相处的时间变少了",
    "signal-title.sustained-decline": "一项指数连续几周下降",
    "signal-title.fallback.self": "你的每周回顾有了变化",
    "signal-title.fallback.other": "这些每周回顾有了变化",
    "safety.own-view":
      "你在安全检查中的一些回答显示，你和伴侣在一起时可能不总是感到安全。" +
      "你应该感到安全。你不必独自面对这件事：帮助页面列出了可以私下倾诉的人。" +
      "目前，需要你们两人一起提出事情的练习已暂停。",
    quote: "影响最大的回答是：{{answers}}。",
    "quoted-answer": "“{{text}}”（{{answer}}）",
    "not-scored": "未计分",
    "explanation.power-imbalance": "你的“表达心声”分数是 {{score}}。和伴侣在一起时，你可能很难说出自己的想法或需要。这可能表示一方的声音更有分量。",
    "explanation.codependency-risk": "你的共依存分数是 {{score}}。你对自己的感觉可能很大程度取决于伴侣。你自己的兴趣和身边的人可能得到的空间更少。",
    "explanation.low-intimacy": "你的“亲密感”分数是 {{score}}。目前你似乎很难感到与伴侣亲近，也很难分享内心的想法。",
    "explanation.low-support": "目前你们对彼此兴趣的支持似乎不多。你的分数：支持 {{support}}，你给予的支持 {{giving}}，你得到的支持 {{receiving}}。",
    "explanation.difference-reflection": "你们之间的一些差异让你挂心。把它们理一理会有帮助：哪些是正常的，哪些对你来说是真正无法接受的。",
    "explanation.safety": "你的一些回答显示，你和伴侣在一起时可能不总是感到安全。",
    "explanation.safety.after": "你应该感到安全。你可以得到帮助，需要你们一起做的练习已暂停。",
    "explanation.couple-power-imbalance": "你们的“表达心声”分数相差很大。其中一人可能觉得没那么自由说出心里话。这种时候，一方的声音可能会变得更有分量。",
    "explanation.couple-low-intimacy":
      "你们两人都觉得彼此有距离（亲密感 {{a}} 和 {{b}}）。为对方热爱的事留出空间，并对它感兴趣，是让你们重新靠近的一种方法。",
    "explanation.support-perception-gap":
      "{{giver}} 给自己付出的支持打了 {{gives}} 分，而 {{receiver}} 给自己感受到的支持打了 {{feels}} 分。值得谈谈支持对你们各自来说是什么样子。",
    "explanation.social-withdrawal.self": "最近你每周与亲友相处大约 {{recent}} 小时，之前大约是 {{baseline}} 小时。这只有你平时时间的一半或更少。",
    "explanation.social-withdrawal.other": "最近这些每周回顾显示，每周与亲友相处大约 {{recent}} 小时，之前大约是 {{baseline}} 小时。这只有平时时间的一半或更少。",
    "explanation.sustained-decline.self.wePulse": "你的“我们”指数已连续几周下降，每周大约下降 {{slope}} 分。现在它比以前低。",
    "explanation.sustained-decline.self.mePulse": "你的“我”指数已连续几周下降，每周大约下降 {{slope}} 分。现在它比以前低。",
    "explanation.sustained-decline.self.both": "你的“我们”指数和“我”指数都已连续几周下降。现在两者都比以前低。",
    "explanation.sustained-decline.other.wePulse": "在这些每周回顾中，“我们”指数已连续几周下降，每周大约下降 {{slope}} 分。现在它比以前低。",
    "explanation.sustained-decline.other.mePulse": "在这些每周回顾中，“我”指数已连续几周下降，每周大约下降 {{slope}} 分。现在它比以前低。",
    "explanation.sustained-decline.other.both": "在这些每周回顾中，“我们”指数和“我”指数都已连续几周下降。现在两者都比以前低。",
  },
  ms: {
    "title.power-imbalance": "Menyatakan fikiran anda mungkin sukar",
    "title.codependency-risk": "Hidup anda sendiri mungkin kurang ruang",
    "title.low-intimacy": "Kerapatan terasa tipis sekarang",
    "title.low-support": "Menyokong minat masing-masing",
    "title.difference-reflection": "Perbezaan yang membebani anda",
    "title.safety": "Keselamatan anda yang utama",
    "title.social-withdrawal": "Kurang masa dengan kawan dan keluarga",
    "title.sustained-decline": "Denyut yang menurun selama beberapa minggu",
    "title.couple-power-imbalance": "Satu suara mungkin lebih berat",
    "title.couple-low-intimacy": "Kerapatan terasa tipis bagi anda berdua",
    "title.support-perception-gap": "Sokongan yang diberi dan yang dirasai berbeza",
    "signal-title.social-withdrawal": "Kurang masa dengan kawan dan keluarga kebelakangan ini",
    "signal-title.sustained-decline": "Denyut yang menurun selama beberapa minggu",
    "signal-title.fallback.self": "Satu perubahan dalam semakan anda",
    "signal-title.fallback.other": "Satu perubahan dalam semakan ini",
    "safety.own-view":
      "Beberapa jawapan anda dalam semakan keselamatan menunjukkan anda mungkin tidak selalu berasa selamat dengan pasangan anda. " +
      "Anda berhak berasa selamat. Anda tidak perlu menghadapinya seorang diri: halaman bantuan menyenaraikan orang yang boleh anda ajak berbual secara sulit. " +
      "Buat masa ini, latihan yang meminta anda berdua membangkitkan perkara bersama-sama dihentikan seketika.",
    quote: "Jawapan ini paling berpengaruh: {{answers}}.",
    "quoted-answer": '"{{text}}" ({{answer}})',
    "not-scored": "tiada skor",
    "explanation.power-imbalance":
      "Skor Suara anda ialah {{score}}. Mungkin sukar untuk menyatakan apa yang anda fikir atau perlukan kepada pasangan anda. Itu boleh menjadi tanda bahawa satu suara lebih diutamakan.",
    "explanation.codependency-risk":
      "Skor terlalu bergantung anda ialah {{score}}. Banyak perasaan anda tentang diri sendiri mungkin bergantung pada pasangan anda. Minat dan orang di sekeliling anda mungkin mendapat kurang ruang.",
    "explanation.low-intimacy":
      "Skor Kerapatan anda ialah {{score}}. Buat masa ini nampaknya sukar untuk berasa dekat dengan pasangan anda dan berkongsi isi hati.",
    "explanation.low-support":
      "Sokongan terhadap minat masing-masing nampaknya kurang sekarang. Skor anda: sokongan {{support}}, sokongan yang anda beri {{giving}}, sokongan yang anda terima {{receiving}}.",
    "explanation.difference-reflection":
      "Beberapa perbezaan antara anda berdua membebani anda. Ia boleh membantu untuk menyusunnya: yang mana biasa, dan yang mana benar-benar tidak boleh anda terima.",
    "explanation.safety": "Beberapa jawapan anda menunjukkan anda mungkin tidak selalu berasa selamat dengan pasangan anda.",
    "explanation.safety.after": "Anda berhak berasa selamat. Bantuan ada untuk anda, dan latihan yang anda lakukan bersama dihentikan seketika.",
    "explanation.couple-power-imbalance":
      "Skor Suara anda berdua sangat berbeza. Salah seorang daripada anda mungkin berasa kurang bebas untuk bersuara. Apabila itu berlaku, satu suara boleh menjadi lebih diutamakan.",
    "explanation.couple-low-intimacy":
      "Anda berdua berasa jauh (Kerapatan {{a}} dan {{b}}). Memberi ruang untuk apa yang disukai oleh setiap seorang, dan mengambil tahu tentangnya, ialah satu cara untuk kembali rapat.",
    "explanation.support-perception-gap":
      "{{giver}} menilai sokongan yang diberi pada {{gives}}, manakala {{receiver}} menilai sokongan yang dirasai pada {{feels}}. Elok berbincang tentang rupa sokongan bagi setiap seorang daripada anda.",
    "explanation.social-withdrawal.self":
      "Kebelakangan ini anda meluangkan kira-kira {{recent}} jam seminggu dengan kawan atau keluarga, berbanding kira-kira {{baseline}} sebelum ini. Itu separuh atau kurang daripada masa biasa anda.",
    "explanation.social-withdrawal.other":
      "Kebelakangan ini semakan ini menunjukkan kira-kira {{recent}} jam seminggu dengan kawan atau keluarga, berbanding kira-kira {{baseline}} sebelum ini. Itu separuh atau kurang daripada masa biasa.",
    "explanation.sustained-decline.self.wePulse":
      "Denyut Kita anda telah menurun selama beberapa minggu, kira-kira {{slope}} mata seminggu. Kini ia lebih rendah daripada dahulu.",
    "explanation.sustained-decline.self.mePulse":
      "Denyut Diri anda telah menurun selama beberapa minggu, kira-kira {{slope}} mata seminggu. Kini ia lebih rendah daripada dahulu.",
    "explanation.sustained-decline.self.both":
      "Denyut Kita dan denyut Diri anda kedua-duanya telah menurun selama beberapa minggu. Kini kedua-duanya lebih rendah daripada dahulu.",
    "explanation.sustained-decline.other.wePulse":
      "Dalam semakan ini, denyut Kita telah menurun selama beberapa minggu, kira-kira {{slope}} mata seminggu. Kini ia lebih rendah daripada dahulu.",
    "explanation.sustained-decline.other.mePulse":
      "Dalam semakan ini, denyut Diri telah menurun selama beberapa minggu, kira-kira {{slope}} mata seminggu. Kini ia lebih rendah daripada dahulu.",
    "explanation.sustained-decline.other.both":
      "Dalam semakan ini, denyut Kita dan denyut Diri kedua-duanya telah menurun selama beberapa minggu. Kini kedua-duanya lebih rendah daripada dahulu.",
  },
  ta: {
    "title.power-imbalance": "உங்கள் எண்ணத்தைச் சொல்வது கடினமாக இருக்கலாம்",
    "title.codependency-risk": "உங்கள் சொந்த வாழ்க்கைக்கு இடம் குறைந்திருக்கலாம்",
    "title.low-intimacy": "இப்போது நெருக்கம் குறைவாக உணரப்படுகிறது",
    "title.low-support": "ஒருவர் விருப்பங்களை மற்றவர் ஆதரித்தல்",
    "title.difference-reflection": "உங்களை வருத்தும் வேறுபாடுகள்",
    "title.safety": "உங்கள் பாதுகாப்பே முதலில்",
    "title.social-withdrawal": "நண்பர்கள், குடும்பத்துடன் குறைந்த நேரம்",
    "title.sustained-decline": "பல வாரங்களாகக் குறைந்து வரும் ஒரு துடிப்பு",
    "title.couple-power-imbalance": "ஒருவரின் குரலுக்கு அதிக எடை இருக்கலாம்",
    "title.couple-low-intimacy": "உங்கள் இருவருக்கும் நெருக்கம் குறைவாக உணரப்படுகிறது",
    "title.support-perception-gap": "தரும் ஆதரவும் உணரும் ஆதரவும் வேறுபடுகின்றன",
    "signal-title.social-withdrawal": "சமீபத்தில் நண்பர்கள், குடும்பத்துடன் குறைந்த நேரம்",
    "signal-title.sustained-decline": "பல வாரங்களாகக் குறைந்து வரும் ஒரு துடிப்பு",
    "signal-title.fallback.self": "உங்கள் சரிபார்ப்புகளில் ஒரு மாற்றம்",
    "signal-title.fallback.other": "இந்தச் சரிபார்ப்புகளில் ஒரு மாற்றம்",
    "safety.own-view":
      "பாதுகாப்புச் சரிபார்ப்பில் உங்கள் சில பதில்கள், உங்கள் துணைவருடன் நீங்கள் எப்போதும் பாதுகாப்பாக உணராமல் இருக்கலாம் என்று காட்டுகின்றன. " +
      "நீங்கள் பாதுகாப்பாக உணர வேண்டும். இதை நீங்கள் தனியாகச் சமாளிக்க வேண்டியதில்லை: நம்பிக்கையுடன் பேசக்கூடியவர்களை உதவிப் பக்கம் பட்டியலிடுகிறது. " +
      "இப்போதைக்கு, நீங்கள் இருவரும் சேர்ந்து விஷயங்களைப் பேச வேண்டிய பயிற்சிகள் நிறுத்தி வைக்கப்பட்டுள்ளன.",
    quote: "இந்தப் பதில்களே அதிகம் கணக்கில் கொள்ளப்படுகின்றன: {{answers}}.",
    "quoted-answer": '"{{text}}" ({{answer}})',
    "not-scored": "மதிப்பெண் இல்லை",
    "explanation.power-imbalance":
      "உங்கள் மனம் திறந்து பேசுதல் மதிப்பெண் {{score}}. நீங்கள் நினைப்பதையோ உங்களுக்குத் தேவையானதையோ உங்கள் துணைவரிடம் சொல்வது கடினமாக இருக்கலாம். ஒருவரின் குரலுக்கு அதிக மதிப்பு இருப்பதற்கான அறிகுறியாக அது இருக்கலாம்.",
    "explanation.codependency-risk":
      "உங்கள் இணைசார்பு மதிப்பெண் {{score}}. உங்களைப் பற்றி நீங்கள் உணர்வதில் பெரும்பகுதி உங்கள் துணைவரைச் சார்ந்திருக்கலாம். உங்கள் சொந்த விருப்பங்களுக்கும் உங்கள் மனிதர்களுக்கும் இடம் குறையலாம்.",
    "explanation.low-intimacy":
      "உங்கள் நெருக்கம் மதிப்பெண் {{score}}. இப்போது உங்கள் துணைவருடன் நெருக்கமாக உணர்வதும் மனதில் உள்ளதைப் பகிர்வதும் கடினமாகத் தெரிகிறது.",
    "explanation.low-support":
      "ஒருவர் விருப்பங்களை மற்றவர் ஆதரிப்பது இப்போது குறைவாகத் தெரிகிறது. உங்கள் மதிப்பெண்கள்: ஆதரவு {{support}}, நீங்கள் தரும் ஆதரவு {{giving}}, நீங்கள் பெறும் ஆதரவு {{receiving}}.",
    "explanation.difference-reflection":
      "உங்களுக்கு இடையிலான சில வேறுபாடுகள் உங்களை வருத்துகின்றன. அவற்றைப் பிரித்துப் பார்ப்பது உதவும்: எவை இயல்பானவை, எவை உங்களால் ஏற்கவே முடியாதவை.",
    "explanation.safety": "உங்கள் சில பதில்கள், உங்கள் துணைவருடன் நீங்கள் எப்போதும் பாதுகாப்பாக உணராமல் இருக்கலாம் என்று காட்டுகின்றன.",
    "explanation.safety.after": "நீங்கள் பாதுகாப்பாக உணர வேண்டும். உங்களுக்கு உதவி இருக்கிறது; நீங்கள் சேர்ந்து செய்யும் பயிற்சிகள் நிறுத்தி வைக்கப்பட்டுள்ளன.",
    "explanation.couple-power-imbalance":
      "உங்கள் இருவரின் மனம் திறந்து பேசுதல் மதிப்பெண்கள் வெகுவாக வேறுபடுகின்றன. உங்களில் ஒருவர் பேசுவதற்கு மிகக் குறைவான சுதந்திரத்தை உணரலாம். அப்படி நடக்கும்போது, ஒருவரின் குரலுக்கு அதிக மதிப்பு வந்துவிடலாம்.",
    "explanation.couple-low-intimacy":
      "நீங்கள் இருவரும் விலகி இருப்பதாக உணர்கிறீர்கள் (நெருக்கம் {{a}}, {{b}}). ஒவ்வொருவரும் விரும்புவதற்கு இடம் தந்து, அதில் ஆர்வம் காட்டுவது, மீண்டும் நெருங்க ஒரு வழி.",
    "explanation.support-perception-gap":
      "{{giver}} தாம் தரும் ஆதரவுக்கு {{gives}} என மதிப்பிடுகிறார்; {{receiver}} தாம் உணரும் ஆதரவுக்கு {{feels}} என மதிப்பிடுகிறார். ஆதரவு என்பது உங்கள் ஒவ்வொருவருக்கும் எப்படி இருக்கிறது என்று பேசுவது நல்லது.",
    "explanation.social-withdrawal.self":
      "சமீபத்தில் நீங்கள் வாரத்துக்குச் சுமார் {{recent}} மணி நேரம் நண்பர்கள் அல்லது குடும்பத்துடன் செலவிட்டீர்கள்; முன்பு அது சுமார் {{baseline}} மணி நேரம். இது உங்கள் வழக்கமான நேரத்தில் பாதி அல்லது அதற்கும் குறைவு.",
    "explanation.social-withdrawal.other":
      "சமீபத்தில் இந்தச் சரிபார்ப்புகள் வாரத்துக்குச் சுமார் {{recent}} மணி நேரம் நண்பர்கள் அல்லது குடும்பத்துடன் என்று காட்டுகின்றன; முன்பு அது சுமார் {{baseline}} மணி நேரம். இது வழக்கமான நேரத்தில் பாதி அல்லது அதற்கும் குறைவு.",
    "explanation.sustained-decline.self.wePulse":
      "உங்கள் நாம் துடிப்பு பல வாரங்களாக, வாரத்துக்குச் சுமார் {{slope}} புள்ளிகள் குறைந்து வருகிறது. இப்போது அது முன்பு இருந்ததை விடக் குறைவாக உள்ளது.",
    "explanation.sustained-decline.self.mePulse":
      "உங்கள் நான் துடிப்பு பல வாரங்களாக, வாரத்துக்குச் சுமார் {{slope}} புள்ளிகள் குறைந்து வருகிறது. இப்போது அது முன்பு இருந்ததை விடக் குறைவாக உள்ளது.",
    "explanation.sustained-decline.self.both":
      "உங்கள் நாம் துடிப்பும் நான் துடிப்பும் பல வாரங்களாகக் குறைந்து வருகின்றன. இப்போது இரண்டும் முன்பு இருந்ததை விடக் குறைவாக உள்ளன.",
    "explanation.sustained-decline.other.wePulse":
      "இந்தச் சரிபார்ப்புகளில் நாம் துடிப்பு பல வாரங்களாக, வாரத்துக்குச் சுமார் {{slope}} புள்ளிகள் குறைந்து வருகிறது. இப்போது அது முன்பு இருந்ததை விடக் குறைவாக உள்ளது.",
    "explanation.sustained-decline.other.mePulse":
      "இந்தச் சரிபார்ப்புகளில் நான் துடிப்பு பல வாரங்களாக, வாரத்துக்குச் சுமார் {{slope}} புள்ளிகள் குறைந்து வருகிறது. இப்போது அது முன்பு இருந்ததை விடக் குறைவாக உள்ளது.",
    "explanation.sustained-decline.other.both":
      "இந்தச் சரிபார்ப்புகளில் நாம் துடிப்பும் நான் துடிப்பும் பல வாரங்களாகக் குறைந்து வருகின்றன. இப்போது இரண்டும் முன்பு இருந்ததை விடக் குறைவாக உள்ளன.",
  },
};

/** A flag's short title in a language. */
export function flagTitleIn(id: FlagId, language: Language): string {
  return textIn(flagText, language)(`title.${id}`);
}

/** A trend signal's title: neutral, so the same words serve the person and whoever they share check-ins with. */
export function signalTitleIn(id: FlagId, reader: "self" | "other", language: Language): string {
  const say = textIn(flagText, language);
  if (id === "social-withdrawal" || id === "sustained-decline") return say(`signal-title.${id}`);
  return say(`signal-title.fallback.${reader}`);
}

/** The safety flag in the owner's view: it does not quote the private answers, so a glance over a shoulder does not read them. */
export function safetyOwnViewIn(language: Language): string {
  return textIn(flagText, language)("safety.own-view");
}

/** "These answers count most: …", each item in its exact words (never a paraphrase in quotation marks); empty with none. */
function quoteIn(influences: readonly ItemInfluence[], language: Language): string {
  if (influences.length === 0) return "";
  const say = textIn(flagText, language);
  const answers = influences.map((entry) => say("quoted-answer", { text: entry.text, answer: entry.answerLabel.toLowerCase() }));
  return say("quote", { answers: answers.join(language === "zh-Hans" ? "；" : "; ") });
}

/**
 * A flag's explanation from its facts: the sentence its wording names, then the answers behind it
 * in the items' own words in the language (a safety flag's last sentence follows the answers).
 */
export function explainFlagIn(instrument: Instrument | undefined, wording: FlagWording, triggeredBy: readonly ItemInfluence[], language: Language): string {
  const say = textIn(flagText, language);
  const notScored = say("not-scored");
  const params = Object.fromEntries(Object.entries(wording.params).map(([name, value]) => [name, value === null ? notScored : value]));
  const quoted = quoteIn(
    triggeredBy.map((entry) => influenceIn(instrument, entry, language)),
    language,
  );
  const after = wording.key === "explanation.safety" ? say("explanation.safety.after") : "";
  return joinSentences(language, [say(wording.key, params), quoted, after]);
}

/** A flag's title and explanation as a reader in this language sees them; a flag without wording keeps its own. */
export function flagWordsIn(instrument: Instrument | undefined, flag: ModelFlag, language: Language): { title: string; explanation: string } {
  return {
    title: flagTitleIn(flag.id, language),
    explanation: flag.wording === undefined ? flag.explanation : explainFlagIn(instrument, flag.wording, flag.triggeredBy, language),
  };
}
