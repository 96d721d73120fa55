// The exercises' words in Mutual's other languages (issue 18, decision 076). English stays in
// practice-exercises.ts, the source; each translation here is keyed by the exercise's id, with its
// steps in the same order. The terms follow docs/translation/glossary.*.md and the web catalogues
// (练习 / latihan / பயிற்சி for an exercise; 伴侣 / pasangan / துணைவர் for the partner).
import type { Language } from "../localization/language-tags.js";
import { textIn, type Catalogues } from "../localization/localized-text.js";
import type { PracticeExercise } from "./exercise-types.js";
import { PRACTICE_EXERCISES } from "./practice-exercises.js";

type ExerciseWords = { title: string; summary: string; steps: readonly string[]; reflectionPrompt: string };
type Translation = Readonly<Record<string, ExerciseWords>>;

const zhHans: Translation = {
  "speak-up-notice-the-swallowed-words": {
    title: "留意你咽下去的话",
    summary: "在接下来几天里，留意自己把想法或需要藏在心里的时刻，不要责怪自己。",
    steps: [
      "这个星期选三天，多留意一点自己。",
      "每次发现自己没说出一个愿望、一个担心或一个看法时，简单写下几个字。",
      "在每条记录旁边，写下你当时觉得说出来会发生什么。",
      "三天过后，读一读这些记录，圈出一条你现在仍然在意的。",
    ],
    reflectionPrompt: "你最常把什么藏在心里？你不说出来，是想保护什么？",
  },
  "speak-up-draft-it-first": {
    title: "说之前先写下来",
    summary: "把一件你想提出的事，写成一句简短、平静、你自己认同的话。",
    steps: [
      "选一件你希望有所不同的小事，或一件你希望伴侣知道的事。",
      "用“我”开头写成一句话：你的感受，以及你希望怎样。",
      "再读一遍，删掉任何责怪，以及“总是”和“从来不”这样的词。",
      "对自己大声说一两遍，直到听起来像你自己说的话。",
      "想一想你是否要说、什么时候说、在哪里说。暂时不说也没关系。",
    ],
    reflectionPrompt: "用自己的话说出自己的想法，是什么感觉？有什么让你意外的？",
  },
  "speak-up-small-ask": {
    title: "提一个小请求",
    summary: "练习向伴侣提出一件小而清楚的事，留意谈话的过程。",
    steps: [
      "选一个不太要紧的愿望，比如由你来选电影，或下班后有十分钟安静的时间。",
      "找一个你们都不赶时间、也不累的轻松时刻。",
      "简单清楚地说，例如：“我想……你觉得可以吗？”",
      "听听对方的回答。如果对方说不行，问问怎样才可以。",
      "不管结果如何，谢谢伴侣听你说完。",
    ],
    reflectionPrompt: "直接提出请求是什么感觉？伴侣怎么回应？之后你有什么感受？",
  },
  "speak-up-talk-about-a-difference": {
    title: "谈一谈彼此的不同",
    summary: "轮流说出你们对某件事的不同看法。每个人都是为了理解对方而听，不是为了赢。",
    steps: [
      "一起选一个你们看法不同的话题，也约好一个谈的时间。",
      "一个人说大约五分钟，另一个人只听。",
      "听的人说出自己听到的重点，并问对方自己理解得对不对。",
      "交换角色，再来一次。",
      "最后各自说出一件现在更明白的事；你们不一定要达成一致。",
    ],
    reflectionPrompt: "你对伴侣的看法有什么新的了解？被人好好听着是什么感觉？",
  },
  "support-passions-map-what-lights-you-up": {
    title: "写下让你发光的事",
    summary: "列一张短短的清单，写下属于你的兴趣、本领和希望，包括你已经放下的。",
    steps: [
      "写下让你忘了时间的活动，现在的或以前的都可以。",
      "加上你一直想试、却还没有留出时间去做的事。",
      "在这段关系开始后你做得比较少的事情旁边做个记号。",
      "选一件，这个星期用小小的方式重新开始或第一次尝试。",
    ],
    reflectionPrompt: "你选了哪一个兴趣？给它留一点空间，会带给你什么？",
  },
  "support-passions-protect-an-hour": {
    title: "为自己留一个小时",
    summary: "定期留出一个小时，做只属于你的事。像对待其他安排一样守住它。",
    steps: [
      "选一个你想花时间去做的兴趣。",
      "这个星期在日历上为它留一个小时，选一个你真的能守住的时间。",
      "告诉需要知道的人，那段时间你没空。",
      "用这一个小时去做它，尽量不要看信息。",
      "结束后，记下你的感受和之前相比有什么不同。",
    ],
    reflectionPrompt: "那一个小时感觉怎样？是什么让你更容易或更难为自己守住它？",
  },
  "support-passions-curious-questions": {
    title: "问问伴侣喜欢做的事",
    summary: "花一点时间，真心好奇地了解伴侣热爱的一件事。",
    steps: [
      "选一个你不太了解的伴侣的兴趣。",
      "问开放式的问题，比如当初是什么吸引了他们，或者怎样才算美好的一天。",
      "留心这件事对他们有什么意义，而不只是他们做了什么。",
      "问问有没有一个办法，可以在你们共同的一周里为它多留一点空间。",
    ],
    reflectionPrompt: "你发现了伴侣的什么？支持一件属于他们的事，是什么感觉？",
  },
  "support-passions-plan-the-week-together": {
    title: "一起安排各自的时间",
    summary: "和伴侣坐下来安排这个星期，让你们两个都有时间做自己喜欢的事。",
    steps: [
      "各自写下这个星期想留时间做的一件自己的事。",
      "一起看看这个星期，为每个人找一个时段，并安排好那段时间里的家务或照顾。",
      "说出什么样的支持会有帮助，比如接送、家里安静一点，或者只是一句鼓励。",
      "到了周末，简单聊聊这件事对你们两个来说进行得怎样。",
    ],
    reflectionPrompt: "在伴侣的支持下为自己安排时间，是什么感觉？有没有什么是很难开口要的？",
  },
  "friends-family-draw-your-circle": {
    title: "画出你的圈子",
    summary: "画出你身边的人，留意你想和谁重新亲近起来。",
    steps: [
      "在一张纸的中间写上你的名字。",
      "在名字周围写下对你重要的朋友、家人和其他人。最亲近的人写得离中间最近。",
      "在过去一年里见得比较少的人旁边做个小记号。",
      "选一个你想重新联系的人。",
    ],
    reflectionPrompt: "你选了谁？和他们相处时，你怀念的是什么？",
  },
  "friends-family-reach-out-this-week": {
    title: "联系一个人",
    summary: "给一个你在乎的人发一条信息或打一个电话，只为了联系一下。",
    steps: [
      "从你的圈子里选一个有一段时间没联系的人。",
      "发一条简短、温暖的信息，或打个电话给他们。不需要什么理由。",
      "如果觉得合适，约一个时间见面或再聊。",
      "留意联系之后你的感受。",
    ],
    reflectionPrompt: "主动联系是什么感觉？怎样能让你更容易保持联系？",
  },
  "friends-family-a-plan-of-your-own": {
    title: "自己约一个时间",
    summary: "自己和一位朋友或亲人约时间见面，让它成为你生活中固定的一部分。",
    steps: [
      "选一位你喜欢和他相处的朋友或亲人。",
      "约好一起做一件简单的事，比如散步、吃饭或通电话。",
      "把它写进日历，想一想能不能让它成为固定的安排。",
      "去赴约，好好享受，不要急着回来。",
    ],
    reflectionPrompt: "那段时间给了你什么在别处得不到的东西？",
  },
  "friends-family-talk-about-our-people": {
    title: "谈谈你们生活中的人",
    summary: "和伴侣谈谈你们各自想多见见的亲友，以及怎样为他们留出时间。",
    steps: [
      "各自说出两三个你想更常见到的人。",
      "说说这些人对你有什么意义。",
      "谈谈是什么一直妨碍你们见面，不要互相责怪。",
      "约定这个月你们各自要走的一步，可以一起，也可以各自去做。",
    ],
    reflectionPrompt: "对于伴侣看重的人，你有什么新的了解？谈起你自己在乎的人，是什么感觉？",
  },
};

const ms: Translation = {
  "speak-up-notice-the-swallowed-words": {
    title: "Perhatikan kata-kata yang anda pendam",
    summary: "Selama beberapa hari, perhatikan saat-saat anda memendam pendapat atau keperluan, tanpa menyalahkan diri sendiri.",
    steps: [
      "Pilih tiga hari minggu ini untuk lebih memberi perhatian.",
      "Setiap kali anda sedar anda berdiam tentang sesuatu hajat, kebimbangan atau pandangan, catat beberapa patah kata tentangnya.",
      "Di sebelah setiap nota, tulis apa yang anda jangka akan berlaku jika anda menyatakannya.",
      "Selepas tiga hari itu, baca nota anda dan bulatkan satu yang masih penting bagi anda.",
    ],
    reflectionPrompt: "Apakah yang paling kerap anda simpan sendiri, dan apakah yang anda harap dapat dilindungi dengan berdiam diri?",
  },
  "speak-up-draft-it-first": {
    title: "Tulis dahulu sebelum anda berkata",
    summary: "Jadikan satu perkara yang anda ingin bangkitkan sebagai ayat pendek dan tenang yang anda yakini.",
    steps: [
      "Pilih satu perkara kecil yang anda mahu berubah, atau satu perkara yang anda mahu pasangan anda tahu.",
      'Tulis sebagai ayat yang bermula dengan "Saya": apa yang anda rasa, dan apa yang anda mahu.',
      'Baca semula dan buang sebarang kata menyalahkan, atau kata "selalu" dan "tidak pernah".',
      "Sebut dengan kuat kepada diri sendiri sekali atau dua kali, sehingga ia kedengaran seperti anda.",
      "Tentukan sama ada, bila dan di mana anda mahu berkongsinya. Menyimpannya dahulu pun tidak mengapa.",
    ],
    reflectionPrompt: "Bagaimana rasanya meluahkan pandangan anda dengan kata-kata sendiri? Apakah yang mengejutkan anda?",
  },
  "speak-up-small-ask": {
    title: "Buat satu permintaan kecil",
    summary: "Berlatih meminta satu perkara kecil dan jelas daripada pasangan anda. Perhatikan bagaimana perbualan itu berjalan.",
    steps: [
      "Pilih hajat yang tidak begitu penting, seperti memilih filem, atau sepuluh minit masa senyap selepas kerja.",
      "Cari saat yang tenang apabila anda berdua tidak tergesa-gesa atau penat.",
      'Minta dengan mudah dan jelas, contohnya: "Saya mahu… Boleh tak?"',
      "Dengar jawapannya, dan jika jawapannya tidak, tanya apa yang mungkin sesuai.",
      "Ucapkan terima kasih kepada pasangan anda kerana mendengar, apa pun hasilnya.",
    ],
    reflectionPrompt: "Bagaimana rasanya meminta sesuatu secara terus? Bagaimana pasangan anda membalas, dan apa yang anda rasa selepas itu?",
  },
  "speak-up-talk-about-a-difference": {
    title: "Bincangkan satu perbezaan",
    summary: "Bergilir-gilir berkongsi pandangan tentang sesuatu yang anda lihat secara berbeza. Setiap seorang mendengar untuk memahami, bukan untuk menang.",
    steps: [
      "Setuju tentang satu topik yang anda lihat secara berbeza. Setuju juga tentang masa untuk membincangkannya.",
      "Biarkan seorang bercakap selama kira-kira lima minit sementara seorang lagi hanya mendengar.",
      "Pendengar merumuskan apa yang didengar, dan bertanya sama ada dia faham dengan betul.",
      "Tukar peranan dan ulang.",
      "Akhiri dengan menyebut satu perkara yang kini anda masing-masing lebih fahami; anda tidak perlu bersetuju.",
    ],
    reflectionPrompt: "Apakah yang anda pelajari tentang pandangan pasangan anda, dan bagaimana rasanya didengari?",
  },
  "support-passions-map-what-lights-you-up": {
    title: "Senaraikan apa yang menggembirakan anda",
    summary: "Buat senarai pendek minat, kemahiran dan harapan anda sendiri, termasuk yang pernah anda ketepikan.",
    steps: [
      "Tulis aktiviti yang membuat anda lupa masa, sekarang atau dahulu.",
      "Tambah apa-apa yang anda ingin cuba tetapi belum ada ruang untuknya.",
      "Tandakan yang semakin kurang anda lakukan sejak anda dalam hubungan ini.",
      "Pilih satu untuk dimulakan semula atau dimulakan, secara kecil-kecilan, minggu ini.",
    ],
    reflectionPrompt: "Minat manakah yang anda pilih, dan apakah yang akan anda dapat jika anda memberi sedikit ruang untuknya?",
  },
  "support-passions-protect-an-hour": {
    title: "Simpan satu jam untuk diri sendiri",
    summary: "Peruntukkan satu jam secara tetap untuk sesuatu yang hanya milik anda. Jaga masa itu seperti rancangan lain.",
    steps: [
      "Pilih minat yang anda mahu beri masa.",
      "Masukkan satu jam untuknya dalam kalendar anda minggu ini, pada masa yang benar-benar boleh anda tepati.",
      "Beritahu sesiapa yang perlu tahu bahawa anda sibuk pada masa itu.",
      "Gunakan satu jam itu untuknya, tanpa menyemak mesej jika boleh.",
      "Selepas itu, catat perasaan anda berbanding sebelumnya.",
    ],
    reflectionPrompt: "Bagaimana rasanya satu jam itu? Apakah yang membuatnya lebih mudah atau lebih sukar untuk disimpan bagi diri anda?",
  },
  "support-passions-curious-questions": {
    title: "Tanya tentang minat pasangan anda",
    summary: "Luangkan sedikit masa untuk benar-benar ingin tahu tentang sesuatu yang pasangan anda suka lakukan.",
    steps: [
      "Pilih satu minat pasangan anda yang anda kurang tahu.",
      "Tanya soalan terbuka, seperti apa yang mula-mula menarik minatnya, atau bagaimana hari yang baik baginya.",
      "Dengar apa maknanya bagi dia, bukan hanya apa yang dia lakukan.",
      "Tanya sama ada ada satu cara anda boleh memberi sedikit lagi ruang untuknya dalam minggu anda bersama.",
    ],
    reflectionPrompt: "Apakah yang anda temui tentang pasangan anda, dan bagaimana rasanya menyokong sesuatu yang miliknya?",
  },
  "support-passions-plan-the-week-together": {
    title: "Rancang masa sendiri, bersama-sama",
    summary: "Duduk bersama pasangan anda dan rancang minggu ini supaya anda berdua ada masa untuk minat sendiri.",
    steps: [
      "Masing-masing tulis satu perkara sendiri yang anda mahu ada masa untuknya minggu ini.",
      "Lihat minggu itu bersama-sama dan cari slot untuk setiap seorang, dengan kerja rumah atau penjagaan pada masa itu diuruskan.",
      "Nyatakan sokongan yang membantu, seperti tumpangan, suasana senyap di rumah, atau sekadar galakan.",
      "Pada hujung minggu, berbual sebentar tentang bagaimana ia berjalan bagi anda berdua.",
    ],
    reflectionPrompt: "Bagaimana rasanya merancang masa untuk diri sendiri dengan sokongan pasangan anda? Adakah apa-apa yang sukar diminta?",
  },
  "friends-family-draw-your-circle": {
    title: "Lukis lingkaran anda",
    summary: "Lakarkan orang di sekeliling anda dan perhatikan siapa yang anda mahu rapat semula.",
    steps: [
      "Tulis nama anda di tengah-tengah sehelai kertas.",
      "Di sekelilingnya, tulis nama kawan, keluarga dan orang lain yang penting bagi anda. Letakkan yang paling rapat paling dekat dengan tengah.",
      "Buat tanda kecil di sebelah sesiapa yang kurang anda temui setahun yang lalu.",
      "Pilih seorang yang anda mahu hubungi semula.",
    ],
    reflectionPrompt: "Siapakah yang anda pilih, dan apakah yang anda rindui tentang meluangkan masa bersamanya?",
  },
  "friends-family-reach-out-this-week": {
    title: "Hubungi seorang",
    summary: "Hantar satu mesej atau buat satu panggilan kepada seseorang yang anda sayangi, sekadar untuk berhubung.",
    steps: [
      "Pilih seseorang dalam lingkaran anda yang sudah lama tidak anda hubungi.",
      "Hantar mesej pendek yang mesra, atau telefon dia. Tidak perlu ada sebab.",
      "Jika terasa sesuai, cadangkan masa untuk berjumpa atau berbual lagi.",
      "Perhatikan perasaan anda selepas berhubung.",
    ],
    reflectionPrompt: "Bagaimana rasanya menghubungi dia? Apakah yang akan memudahkan anda terus berhubung?",
  },
  "friends-family-a-plan-of-your-own": {
    title: "Buat rancangan anda sendiri",
    summary: "Aturkan masa dengan kawan atau saudara secara sendiri, sebagai sebahagian tetap dalam hidup anda.",
    steps: [
      "Pilih kawan atau saudara yang anda suka luangkan masa bersama.",
      "Setuju untuk melakukan sesuatu yang mudah bersama, seperti berjalan, makan atau berbual di telefon.",
      "Masukkan dalam kalendar anda, dan fikirkan untuk menjadikannya perkara biasa.",
      "Pergilah, dan nikmatinya tanpa tergesa-gesa pulang.",
    ],
    reflectionPrompt: "Apakah yang masa itu berikan kepada anda yang tidak anda dapat di tempat lain?",
  },
  "friends-family-talk-about-our-people": {
    title: "Bincangkan orang dalam hidup anda",
    summary: "Bersama pasangan anda, bincangkan kawan dan keluarga yang anda masing-masing mahu lebih kerap temui, dan cara memberi ruang untuk mereka.",
    steps: [
      "Masing-masing sebut dua atau tiga orang yang anda mahu lebih kerap temui.",
      "Kongsi apa makna orang-orang itu bagi anda.",
      "Bincangkan apa yang menghalang selama ini, tanpa saling menyalahkan.",
      "Setuju tentang satu langkah yang setiap seorang akan ambil bulan ini, bersama-sama atau sendiri.",
    ],
    reflectionPrompt: "Apakah yang anda pelajari tentang orang yang penting bagi pasangan anda, dan bagaimana rasanya bercakap tentang orang anda sendiri?",
  },
};

const ta: Translation = {
  "speak-up-notice-the-swallowed-words": {
    title: "சொல்லாமல் விழுங்கும் வார்த்தைகளைக் கவனியுங்கள்",
    summary: "சில நாட்களுக்கு, ஒரு கருத்தையோ தேவையையோ சொல்லாமல் விடும் நேரங்களைக் கவனியுங்கள். உங்களை நீங்களே குறை சொல்ல வேண்டாம்.",
    steps: [
      "இந்த வாரம் மூன்று நாட்களைத் தேர்ந்தெடுத்து, கொஞ்சம் கூடுதலாகக் கவனியுங்கள்.",
      "ஓர் ஆசை, கவலை அல்லது கருத்தைப் பற்றிப் பேசாமல் இருப்பதைக் கவனிக்கும் ஒவ்வொரு முறையும், அதைப் பற்றிச் சில வார்த்தைகள் எழுதுங்கள்.",
      "ஒவ்வொரு குறிப்பின் அருகிலும், அதைச் சொல்லியிருந்தால் என்ன நடக்கும் என்று நினைத்தீர்கள் என்று எழுதுங்கள்.",
      "மூன்று நாட்கள் முடிந்ததும், குறிப்புகளைப் படித்து, இன்னும் உங்களுக்கு முக்கியமான ஒன்றை வட்டமிடுங்கள்.",
    ],
    reflectionPrompt: "நீங்கள் பெரும்பாலும் எதை உங்களுக்குள்ளேயே வைத்துக்கொண்டீர்கள்? பேசாமல் இருந்து எதைக் காக்க நினைத்தீர்கள்?",
  },
  "speak-up-draft-it-first": {
    title: "சொல்லும் முன் எழுதிப் பாருங்கள்",
    summary: "நீங்கள் பேச விரும்பும் ஒரு விஷயத்தை, நீங்கள் உறுதியாக நிற்கக்கூடிய சிறிய, அமைதியான வாக்கியமாக எழுதுங்கள்.",
    steps: [
      "மாற வேண்டும் என்று நீங்கள் விரும்பும் ஒரு சிறிய விஷயத்தை, அல்லது உங்கள் துணைவர் தெரிந்துகொள்ள வேண்டும் என்று விரும்பும் ஒன்றைத் தேர்ந்தெடுங்கள்.",
      '"நான்" என்று தொடங்கும் வாக்கியமாக எழுதுங்கள்: நீங்கள் உணர்வது என்ன, நீங்கள் விரும்புவது என்ன.',
      'மீண்டும் படித்து, குற்றம் சாட்டும் சொற்களையும் "எப்போதும்", "ஒருபோதும் இல்லை" போன்ற சொற்களையும் நீக்குங்கள்.',
      "அது உங்கள் சொந்தக் குரல் போல் ஒலிக்கும் வரை, ஒன்றிரண்டு முறை உங்களுக்கே சத்தமாகச் சொல்லிப் பாருங்கள்.",
      "அதைப் பகிர வேண்டுமா, எப்போது, எங்கே என்று முடிவு செய்யுங்கள். இப்போதைக்கு உங்களிடமே வைத்துக்கொள்வதும் சரிதான்.",
    ],
    reflectionPrompt: "உங்கள் கருத்தை உங்கள் சொந்த வார்த்தைகளில் சொன்னது எப்படி இருந்தது? உங்களுக்கு எது வியப்பாக இருந்தது?",
  },
  "speak-up-small-ask": {
    title: "ஒரு சிறிய கோரிக்கை வையுங்கள்",
    summary: "உங்கள் துணைவரிடம் ஒரு சிறிய, தெளிவான விஷயத்தைக் கேட்டுப் பழகுங்கள். பேச்சு எப்படிப் போகிறது என்று கவனியுங்கள்.",
    steps: [
      "படத்தைத் தேர்வு செய்வது, அல்லது வேலை முடிந்ததும் பத்து நிமிட அமைதி போன்ற, அதிக முக்கியம் இல்லாத ஓர் ஆசையைத் தேர்ந்தெடுங்கள்.",
      "இருவரும் அவசரத்திலோ களைப்பிலோ இல்லாத ஓர் அமைதியான நேரத்தைக் கண்டுபிடியுங்கள்.",
      'எளிமையாகவும் தெளிவாகவும் கேளுங்கள், எடுத்துக்காட்டாக: "எனக்கு… வேண்டும். உங்களுக்குச் சரியா?"',
      'பதிலைக் கேளுங்கள். அது "முடியாது" என்றால், வேறு எது சரிப்படும் என்று கேளுங்கள்.',
      "முடிவு எதுவாக இருந்தாலும், நீங்கள் சொன்னதைக் கேட்டதற்காக உங்கள் துணைவருக்கு நன்றி சொல்லுங்கள்.",
    ],
    reflectionPrompt: "ஒன்றை நேரடியாகக் கேட்டது எப்படி இருந்தது? உங்கள் துணைவர் எப்படிப் பதில் சொன்னார், பிறகு நீங்கள் எப்படி உணர்ந்தீர்கள்?",
  },
  "speak-up-talk-about-a-difference": {
    title: "ஒரு வேறுபாட்டைப் பற்றிப் பேசுங்கள்",
    summary: "நீங்கள் வேறு வேறு விதமாகப் பார்க்கும் ஒரு விஷயத்தில், மாறி மாறி உங்கள் கருத்தைச் சொல்லுங்கள். ஒவ்வொருவரும் வெல்வதற்காக அல்ல, புரிந்துகொள்வதற்காகக் கேளுங்கள்.",
    steps: [
      "நீங்கள் வேறு வேறு விதமாகப் பார்க்கும் ஒரு தலைப்பை ஒப்புக்கொள்ளுங்கள். அதைப் பற்றிப் பேச ஒரு நேரத்தையும் ஒப்புக்கொள்ளுங்கள்.",
      "ஒருவர் சுமார் ஐந்து நிமிடம் பேசட்டும்; மற்றவர் கேட்க மட்டும் செய்யட்டும்.",
      "கேட்டவர் தான் கேட்டதைச் சுருக்கமாகச் சொல்லி, சரியாகப் புரிந்துகொண்டாரா என்று கேட்கட்டும்.",
      "பங்குகளை மாற்றி மீண்டும் செய்யுங்கள்.",
      "இப்போது நன்றாகப் புரிந்த ஒரு விஷயத்தை ஒவ்வொருவரும் சொல்லி முடியுங்கள்; நீங்கள் ஒத்துப்போக வேண்டியதில்லை.",
    ],
    reflectionPrompt: "உங்கள் துணைவரின் கருத்தைப் பற்றி என்ன தெரிந்துகொண்டீர்கள்? நீங்கள் சொன்னதை ஒருவர் கவனமாகக் கேட்டது எப்படி இருந்தது?",
  },
  "support-passions-map-what-lights-you-up": {
    title: "உங்களை மகிழ்விப்பவற்றைப் பட்டியலிடுங்கள்",
    summary: "உங்களுக்கே உரிய ஆர்வங்கள், திறமைகள், நம்பிக்கைகள் ஆகியவற்றின் சிறிய பட்டியலை எழுதுங்கள்; ஒதுக்கி வைத்தவற்றையும் சேர்த்து.",
    steps: [
      "இப்போதோ முன்னரோ, நேரம் போவதே தெரியாமல் நீங்கள் செய்த செயல்களை எழுதுங்கள்.",
      "செய்து பார்க்க ஆசைப்பட்டும் இன்னும் நேரம் ஒதுக்காதவற்றையும் சேர்த்துக்கொள்ளுங்கள்.",
      "இந்த உறவில் இருந்ததிலிருந்து குறைவாகச் செய்தவற்றுக்கு அருகில் குறியிடுங்கள்.",
      "இந்த வாரம் சிறிய அளவில் மீண்டும் தொடங்க அல்லது புதிதாகத் தொடங்க ஒன்றைத் தேர்ந்தெடுங்கள்.",
    ],
    reflectionPrompt: "எந்த ஆர்வத்தைத் தேர்ந்தெடுத்தீர்கள்? அதற்குக் கொஞ்சம் இடம் கொடுத்தால் உங்களுக்கு என்ன கிடைக்கும்?",
  },
  "support-passions-protect-an-hour": {
    title: "உங்களுக்காக ஒரு மணி நேரம் ஒதுக்குங்கள்",
    summary: "உங்களுக்கு மட்டுமே உரிய ஒன்றுக்காக, வழக்கமாக ஒரு மணி நேரம் ஒதுக்குங்கள். மற்ற திட்டங்களைப் போலவே அதையும் காப்பாற்றுங்கள்.",
    steps: [
      "நேரம் கொடுக்க விரும்பும் ஆர்வத்தைத் தேர்ந்தெடுங்கள்.",
      "இந்த வாரம், உண்மையில் கடைப்பிடிக்கக்கூடிய ஒரு நேரத்தில், அதற்காக ஒரு மணி நேரத்தை உங்கள் நாட்காட்டியில் குறியுங்கள்.",
      "அந்த நேரத்தில் நீங்கள் வேலையாக இருப்பீர்கள் என்று தெரிய வேண்டியவர்களிடம் சொல்லுங்கள்.",
      "முடிந்தால் செய்திகளைப் பார்க்காமல், அந்த ஒரு மணி நேரத்தை அதற்காகச் செலவிடுங்கள்.",
      "பிறகு, முன்பை விட இப்போது எப்படி உணர்கிறீர்கள் என்று எழுதுங்கள்.",
    ],
    reflectionPrompt: "அந்த ஒரு மணி நேரம் எப்படி இருந்தது? அதை உங்களுக்காக வைத்துக்கொள்வதை எது எளிதாக்கியது அல்லது கடினமாக்கியது?",
  },
  "support-passions-curious-questions": {
    title: "உங்கள் துணைவரின் ஆர்வத்தைப் பற்றிக் கேளுங்கள்",
    summary: "உங்கள் துணைவர் செய்ய விரும்பும் ஒன்றைப் பற்றி, சிறிது நேரம் உண்மையான ஆர்வத்துடன் தெரிந்துகொள்ளுங்கள்.",
    steps: [
      "உங்களுக்கு அதிகம் தெரியாத, உங்கள் துணைவரின் ஓர் ஆர்வத்தைத் தேர்ந்தெடுங்கள்.",
      "அவரை முதலில் அதன் பக்கம் ஈர்த்தது எது, அதில் ஒரு நல்ல நாள் எப்படி இருக்கும் போன்ற திறந்த கேள்விகளைக் கேளுங்கள்.",
      "அவர் என்ன செய்கிறார் என்பதை மட்டும் அல்ல, அது அவருக்கு என்ன பொருள் தருகிறது என்பதையும் கவனியுங்கள்.",
      "உங்கள் இருவரின் வாரத்தில் அதற்குக் கொஞ்சம் கூடுதல் இடம் கொடுக்க ஏதாவது ஒரு வழி உண்டா என்று கேளுங்கள்.",
    ],
    reflectionPrompt: "உங்கள் துணைவரைப் பற்றி என்ன கண்டுபிடித்தீர்கள்? அவருக்கே உரிய ஒன்றுக்கு ஆதரவு தந்தது எப்படி இருந்தது?",
  },
  "support-passions-plan-the-week-together": {
    title: "தனி நேரத்தை இருவரும் சேர்ந்து திட்டமிடுங்கள்",
    summary: "உங்கள் துணைவருடன் அமர்ந்து, இருவருக்கும் சொந்த ஆர்வங்களுக்கு நேரம் கிடைக்கும்படி இந்த வாரத்தைத் திட்டமிடுங்கள்.",
    steps: [
      "இந்த வாரம் நேரம் வேண்டும் என்று விரும்பும் உங்கள் சொந்த விஷயம் ஒன்றை ஒவ்வொருவரும் எழுதுங்கள்.",
      "வாரத்தை இருவரும் சேர்ந்து பார்த்து, ஒவ்வொருவருக்கும் ஒரு நேரத்தைக் கண்டுபிடியுங்கள்; அந்த நேரத்து வீட்டு வேலைகளையும் பராமரிப்பையும் ஏற்பாடு செய்யுங்கள்.",
      "வண்டியில் அழைத்துச் செல்வது, வீட்டில் அமைதி, அல்லது ஓர் ஊக்கம் போன்று, எந்த ஆதரவு உதவும் என்று சொல்லுங்கள்.",
      "வார இறுதியில், அது இருவருக்கும் எப்படிப் போனது என்று சுருக்கமாகப் பேசுங்கள்.",
    ],
    reflectionPrompt: "உங்கள் துணைவரின் ஆதரவுடன் உங்களுக்காக நேரம் திட்டமிட்டது எப்படி இருந்தது? எதையாவது கேட்பது கடினமாக இருந்ததா?",
  },
  "friends-family-draw-your-circle": {
    title: "உங்கள் வட்டத்தை வரையுங்கள்",
    summary: "உங்களைச் சுற்றியுள்ளவர்களை வரைந்து, யாருடன் மீண்டும் நெருக்கமாக இருக்க விரும்புகிறீர்கள் என்று கவனியுங்கள்.",
    steps: [
      "ஒரு தாளின் நடுவில் உங்கள் பெயரை எழுதுங்கள்.",
      "அதைச் சுற்றி, உங்களுக்கு முக்கியமான நண்பர்கள், குடும்பத்தினர், மற்றவர்களின் பெயர்களை எழுதுங்கள். மிக நெருக்கமானவர்களை நடுவுக்கு அருகில் எழுதுங்கள்.",
      "கடந்த ஓராண்டில் குறைவாகச் சந்தித்தவர்களின் பெயருக்கு அருகில் ஒரு சிறிய குறி இடுங்கள்.",
      "மீண்டும் தொடர்பு கொள்ள விரும்பும் ஒருவரைத் தேர்ந்தெடுங்கள்.",
    ],
    reflectionPrompt: "யாரைத் தேர்ந்தெடுத்தீர்கள்? அவருடன் நேரம் செலவிடுவதில் எதை இழந்ததாக உணர்கிறீர்கள்?",
  },
  "friends-family-reach-out-this-week": {
    title: "ஒருவரைத் தொடர்புகொள்ளுங்கள்",
    summary: "நீங்கள் அக்கறை கொண்ட ஒருவருக்கு, பேசுவதற்காக மட்டுமே, ஒரு செய்தி அனுப்புங்கள் அல்லது ஒருமுறை அழையுங்கள்.",
    steps: [
      "உங்கள் வட்டத்தில், சில காலமாகத் தொடர்பில் இல்லாத ஒருவரைத் தேர்ந்தெடுங்கள்.",
      "சிறிய, அன்பான ஒரு செய்தி அனுப்புங்கள், அல்லது அவரை அழையுங்கள். அதற்குக் காரணம் தேவையில்லை.",
      "சரி என்று தோன்றினால், மீண்டும் சந்திக்க அல்லது பேச ஒரு நேரத்தைச் சொல்லுங்கள்.",
      "தொடர்புகொண்ட பிறகு எப்படி உணர்கிறீர்கள் என்று கவனியுங்கள்.",
    ],
    reflectionPrompt: "தொடர்புகொண்டது எப்படி இருந்தது? தொடர்பில் இருப்பதை எது எளிதாக்கும்?",
  },
  "friends-family-a-plan-of-your-own": {
    title: "உங்களுக்கென ஒரு திட்டம் போடுங்கள்",
    summary: "ஒரு நண்பருடனோ உறவினருடனோ நீங்களாகவே நேரம் ஏற்பாடு செய்யுங்கள்; அதை உங்கள் வாழ்க்கையின் வழக்கமான பகுதியாக்குங்கள்.",
    steps: [
      "நீங்கள் நேரம் செலவிட விரும்பும் ஒரு நண்பரையோ உறவினரையோ தேர்ந்தெடுங்கள்.",
      "நடைப்பயிற்சி, ஒரு சாப்பாடு அல்லது ஓர் அழைப்பு போன்று, சேர்ந்து செய்ய எளிய ஒன்றை ஒப்புக்கொள்ளுங்கள்.",
      "அதை உங்கள் நாட்காட்டியில் குறித்து, அதை வழக்கமாக்குவது பற்றி யோசியுங்கள்.",
      "போய், அவசரமாகத் திரும்பாமல் மகிழ்ச்சியாக இருங்கள்.",
    ],
    reflectionPrompt: "வேறு எங்கும் கிடைக்காத எதை அந்த நேரம் உங்களுக்குத் தந்தது?",
  },
  "friends-family-talk-about-our-people": {
    title: "உங்கள் வாழ்க்கையில் உள்ளவர்களைப் பற்றிப் பேசுங்கள்",
    summary: "நீங்கள் ஒவ்வொருவரும் அடிக்கடி பார்க்க விரும்பும் நண்பர்கள், குடும்பத்தினர் பற்றியும், அவர்களுக்கு எப்படி நேரம் ஒதுக்குவது என்பது பற்றியும் உங்கள் துணைவருடன் பேசுங்கள்.",
    steps: [
      "அடிக்கடி பார்க்க விரும்பும் இரண்டு மூன்று பேரை ஒவ்வொருவரும் சொல்லுங்கள்.",
      "அவர்கள் உங்களுக்கு என்ன பொருள் தருகிறார்கள் என்று பகிருங்கள்.",
      "ஒருவரை ஒருவர் குறை சொல்லாமல், இதுவரை எது தடையாக இருந்தது என்று பேசுங்கள்.",
      "இந்த மாதம் சேர்ந்தோ தனியாகவோ ஒவ்வொருவரும் எடுக்கும் ஒரு படியை ஒப்புக்கொள்ளுங்கள்.",
    ],
    reflectionPrompt: "உங்கள் துணைவருக்கு முக்கியமானவர்களைப் பற்றி என்ன தெரிந்துகொண்டீர்கள்? உங்களுக்கு முக்கியமானவர்களைப் பற்றிப் பேசியது எப்படி இருந்தது?",
  },
};

/** One exercise's words as catalogue entries: `id.title`, `id.summary`, `id.step1`…, `id.reflection`. */
function entriesOf(id: string, words: ExerciseWords): Array<[string, string]> {
  return [
    [`${id}.title`, words.title],
    [`${id}.summary`, words.summary],
    ...words.steps.map((step, index): [string, string] => [`${id}.step${index + 1}`, step]),
    [`${id}.reflection`, words.reflectionPrompt],
  ];
}

const catalogueOf = (translation: Translation) => Object.fromEntries(Object.entries(translation).flatMap(([id, words]) => entriesOf(id, words)));

/** Every exercise's words, English (from the exercises themselves) and the translations, key by key. */
export const exerciseText: Catalogues<string> = {
  en: Object.fromEntries(PRACTICE_EXERCISES.flatMap((exercise) => entriesOf(exercise.id, exercise))),
  "zh-Hans": catalogueOf(zhHans),
  ms: catalogueOf(ms),
  ta: catalogueOf(ta),
};

/** The exercise with its words in the language (English where a translation lacks a key); everything else as it is. */
export function localizeExercise(exercise: PracticeExercise, language: Language): PracticeExercise {
  if (language === "en") return exercise;
  const say = textIn(exerciseText, language);
  return {
    ...exercise,
    title: say(`${exercise.id}.title`),
    summary: say(`${exercise.id}.summary`),
    steps: exercise.steps.map((_, index) => say(`${exercise.id}.step${index + 1}`)),
    reflectionPrompt: say(`${exercise.id}.reflection`),
  };
}

/** Why a practice is suggested: keyed by the flag that points to it, or how it was chosen without one. */
export const practiceReasonText = {
  en: {
    "power-imbalance": "Your profile suggests it can be hard to say what you think or need.",
    "codependency-risk": "Your profile suggests your own interests and people have had less room lately.",
    "low-intimacy": "Your profile suggests closeness with your partner feels thin right now.",
    "low-support": "Your profile suggests backing each other's passions could use some care.",
    "difference-reflection": "Your profile suggests some differences between you weigh on you.",
    safety: "Time with people you trust matters, especially now.",
    default: "Your profile points to this practice.",
    "lowest-score": "Of your scores, this is the area with the most room to grow.",
  },
  "zh-Hans": {
    "power-imbalance": "你的个人档案显示，说出自己的想法或需要可能不太容易。",
    "codependency-risk": "你的个人档案显示，你自己的兴趣和身边的人最近少了一些空间。",
    "low-intimacy": "你的个人档案显示，你和伴侣之间的亲密感现在有点淡。",
    "low-support": "你的个人档案显示，支持彼此的热爱这方面可以多用点心。",
    "difference-reflection": "你的个人档案显示，你们之间的一些不同让你感到有压力。",
    safety: "和你信任的人相处很重要，特别是现在。",
    default: "你的个人档案指向这个练习。",
    "lowest-score": "在你的分数中，这是最有成长空间的方面。",
  },
  ms: {
    "power-imbalance": "Profil anda menunjukkan mungkin sukar untuk menyatakan apa yang anda fikir atau perlukan.",
    "codependency-risk": "Profil anda menunjukkan minat dan orang anda sendiri kurang mendapat ruang kebelakangan ini.",
    "low-intimacy": "Profil anda menunjukkan kerapatan dengan pasangan anda terasa nipis sekarang.",
    "low-support": "Profil anda menunjukkan sokongan terhadap minat satu sama lain perlu sedikit perhatian.",
    "difference-reflection": "Profil anda menunjukkan beberapa perbezaan antara anda berdua membebani anda.",
    safety: "Masa bersama orang yang anda percayai penting, terutama sekarang.",
    default: "Profil anda menunjukkan amalan ini.",
    "lowest-score": "Antara skor anda, inilah bahagian yang paling banyak ruang untuk berkembang.",
  },
  ta: {
    "power-imbalance": "நீங்கள் நினைப்பதையோ உங்களுக்குத் தேவையானதையோ சொல்வது கடினமாக இருக்கலாம் என்று உங்கள் சுயவிவரம் காட்டுகிறது.",
    "codependency-risk": "சமீபத்தில் உங்கள் சொந்த ஆர்வங்களுக்கும் உங்கள் மனிதர்களுக்கும் இடம் குறைந்துள்ளது என்று உங்கள் சுயவிவரம் காட்டுகிறது.",
    "low-intimacy": "இப்போது உங்கள் துணைவருடனான நெருக்கம் குறைவாக உணரப்படுகிறது என்று உங்கள் சுயவிவரம் காட்டுகிறது.",
    "low-support": "ஒருவர் மற்றவரின் ஆர்வங்களுக்கு ஆதரவு தருவதில் கொஞ்சம் கவனம் தேவை என்று உங்கள் சுயவிவரம் காட்டுகிறது.",
    "difference-reflection": "உங்கள் இருவருக்கும் இடையிலான சில வேறுபாடுகள் உங்களுக்குச் சுமையாக இருக்கின்றன என்று உங்கள் சுயவிவரம் காட்டுகிறது.",
    safety: "நீங்கள் நம்பும் மனிதர்களுடன் இருக்கும் நேரம் முக்கியம், குறிப்பாக இப்போது.",
    default: "உங்கள் சுயவிவரம் இந்தப் பயிற்சியைக் காட்டுகிறது.",
    "lowest-score": "உங்கள் மதிப்பெண்களில், வளர அதிக இடம் உள்ள பகுதி இதுதான்.",
  },
} satisfies Catalogues<string>;

export type PracticeReasonKey = keyof typeof practiceReasonText.en;
