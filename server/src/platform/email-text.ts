// The words of every email, reminder, push and calendar event the server sends, in Mutual's four
// languages (issue 18, decisions 076 and 083). English is the source (email-templates.ts explains
// each email); the terms follow docs/translation/glossary.*.md. The weekly reminder and a request's
// notice stay neutral in every language: no word about a partner, a relationship, a counsellor,
// scores or safety, since an inbox or a lock screen may be seen by someone else.
import type { Catalogues } from "@mutual/core";

export type EmailTextKey =
  | "hello"
  | "confirm.subject"
  | "confirm.body"
  | "confirm.footer"
  | "existing.subject"
  | "existing.body"
  | "existing.ifYou"
  | "existing.forgot"
  | "existing.notYou"
  | "reset.subject"
  | "reset.body"
  | "reset.once"
  | "reset.notYou"
  | "invite.subject"
  | "invite.asAdmin"
  | "invite.asCounsellor"
  | "invite.quoted"
  | "invite.accept"
  | "invite.lasts"
  | "weekly.subject"
  | "weekly.open"
  | "weekly.settings"
  | "request.subject"
  | "request.reminderSubject"
  | "request.open"
  | "calendar.title"
  | "calendar.name";

export const emailText: Catalogues<EmailTextKey> = {
  en: {
    hello: "Hello,",
    "confirm.subject": "Please confirm your email for Mutual",
    "confirm.body":
      "Please confirm that this is your email address. If you have just signed up, this also finishes your Mutual account. Open this link and enter the password you chose:",
    "confirm.footer": "The link works once, within a day. If you did not try to make a Mutual account, you can ignore this message.",
    "existing.subject": "Someone tried to sign up to Mutual with your email",
    "existing.body": "Someone just tried to make a Mutual account with this email address. It already has one. Nothing about your account has changed.",
    "existing.ifYou": "If it was you, sign in instead:",
    "existing.forgot": "If you do not know your password, or never finished making the account, choose a new one here:",
    "existing.notYou": "If it was not you, you can ignore this message.",
    "reset.subject": "Set a new password for Mutual",
    "reset.body": "Someone asked to reset the password of the Mutual account with this email address. To choose a new password, open this link:",
    "reset.once": "The link works once, within an hour. A new password signs you out everywhere.",
    "reset.notYou": "If you did not ask for this, you can ignore this message. Your password stays as it is.",
    "invite.subject": "You are invited to join a practice on Mutual",
    "invite.asAdmin": "Someone has asked you to join a practice on Mutual as an admin.",
    "invite.asCounsellor": "Someone has asked you to join a practice on Mutual as a counsellor.",
    "invite.quoted": "Here is the name of the practice, as they typed it. Mutual did not write it:",
    "invite.accept": "To accept, sign in or make an account with this email address. Then open this link:",
    "invite.lasts": "The invitation lasts seven days. If you did not expect it, you can ignore this message.",
    "weekly.subject": "Your weekly moment is ready",
    "weekly.open": "Your weekly moment is ready:",
    "weekly.settings": "To change or stop these emails:",
    "request.subject": "Something is waiting for you",
    "request.reminderSubject": "A reminder: something is waiting for you",
    "request.open": "Something is waiting for you when you sign in:",
    "calendar.title": "Your weekly moment",
    "calendar.name": "Weekly moment",
  },
  "zh-Hans": {
    hello: "你好，",
    "confirm.subject": "请确认你在 Mutual 的电邮地址",
    "confirm.body": "请确认这是你的电邮地址。如果你刚刚注册，这一步也会完成你的 Mutual 账户。请打开这个链接，并输入你设定的密码：",
    "confirm.footer": "这个链接只能用一次，一天内有效。如果你没有尝试创建 Mutual 账户，可以不理会这封电邮。",
    "existing.subject": "有人尝试用你的电邮注册 Mutual",
    "existing.body": "有人刚刚尝试用这个电邮地址创建 Mutual 账户。这个地址已经有账户了。你的账户没有任何改变。",
    "existing.ifYou": "如果是你，请直接登录：",
    "existing.forgot": "如果你不记得密码，或还没有完成创建账户，请在这里设定新密码：",
    "existing.notYou": "如果不是你，可以不理会这封电邮。",
    "reset.subject": "为 Mutual 设定新密码",
    "reset.body": "有人要求重设使用这个电邮地址的 Mutual 账户的密码。要设定新密码，请打开这个链接：",
    "reset.once": "这个链接只能用一次，一小时内有效。设定新密码后，你会在所有设备上退出登录。",
    "reset.notYou": "如果这不是你要求的，可以不理会这封电邮。你的密码不会改变。",
    "invite.subject": "你受邀加入 Mutual 上的一个咨询机构",
    "invite.asAdmin": "有人邀请你以管理员身份加入 Mutual 上的一个咨询机构。",
    "invite.asCounsellor": "有人邀请你以咨询师身份加入 Mutual 上的一个咨询机构。",
    "invite.quoted": "以下是对方输入的咨询机构名称。这不是 Mutual 写的：",
    "invite.accept": "要接受邀请，请用这个电邮地址登录或创建账户，然后打开这个链接：",
    "invite.lasts": "邀请七天内有效。如果你没有预料到这个邀请，可以不理会这封电邮。",
    "weekly.subject": "你的每周时刻到了",
    "weekly.open": "你的每周时刻到了：",
    "weekly.settings": "要更改或停止这些电邮：",
    "request.subject": "有一件事在等你",
    "request.reminderSubject": "提醒：有一件事在等你",
    "request.open": "登录后，有一件事在等你：",
    "calendar.title": "你的每周时刻",
    "calendar.name": "每周时刻",
  },
  ms: {
    hello: "Helo,",
    "confirm.subject": "Sila sahkan e-mel anda untuk Mutual",
    "confirm.body":
      "Sila sahkan bahawa ini alamat e-mel anda. Jika anda baru mendaftar, ini juga melengkapkan akaun Mutual anda. Buka pautan ini dan masukkan kata laluan yang anda pilih:",
    "confirm.footer": "Pautan ini boleh digunakan sekali sahaja, dalam masa sehari. Jika anda tidak cuba membuat akaun Mutual, anda boleh abaikan mesej ini.",
    "existing.subject": "Seseorang cuba mendaftar di Mutual dengan e-mel anda",
    "existing.body":
      "Seseorang baru sahaja cuba membuat akaun Mutual dengan alamat e-mel ini. Alamat ini sudah mempunyai akaun. Tiada apa-apa yang berubah pada akaun anda.",
    "existing.ifYou": "Jika itu anda, log masuk sahaja:",
    "existing.forgot": "Jika anda tidak tahu kata laluan anda, atau belum selesai membuat akaun, pilih kata laluan baharu di sini:",
    "existing.notYou": "Jika itu bukan anda, anda boleh abaikan mesej ini.",
    "reset.subject": "Tetapkan kata laluan baharu untuk Mutual",
    "reset.body":
      "Seseorang meminta untuk menetapkan semula kata laluan akaun Mutual dengan alamat e-mel ini. Untuk memilih kata laluan baharu, buka pautan ini:",
    "reset.once": "Pautan ini boleh digunakan sekali sahaja, dalam masa sejam. Kata laluan baharu akan melog keluar anda di semua peranti.",
    "reset.notYou": "Jika anda tidak meminta ini, anda boleh abaikan mesej ini. Kata laluan anda kekal seperti sedia ada.",
    "invite.subject": "Anda dijemput menyertai amalan kaunseling di Mutual",
    "invite.asAdmin": "Seseorang meminta anda menyertai amalan kaunseling di Mutual sebagai pentadbir.",
    "invite.asCounsellor": "Seseorang meminta anda menyertai amalan kaunseling di Mutual sebagai kaunselor.",
    "invite.quoted": "Ini nama amalan kaunseling itu, seperti yang mereka taip. Mutual tidak menulisnya:",
    "invite.accept": "Untuk menerima, log masuk atau buat akaun dengan alamat e-mel ini. Kemudian buka pautan ini:",
    "invite.lasts": "Jemputan ini sah selama tujuh hari. Jika anda tidak menjangkanya, anda boleh abaikan mesej ini.",
    "weekly.subject": "Saat mingguan anda sudah sedia",
    "weekly.open": "Saat mingguan anda sudah sedia:",
    "weekly.settings": "Untuk menukar atau menghentikan e-mel ini:",
    "request.subject": "Ada sesuatu menanti anda",
    "request.reminderSubject": "Peringatan: ada sesuatu menanti anda",
    "request.open": "Ada sesuatu menanti anda apabila anda log masuk:",
    "calendar.title": "Saat mingguan anda",
    "calendar.name": "Saat mingguan",
  },
  ta: {
    hello: "வணக்கம்,",
    "confirm.subject": "Mutual-க்கான உங்கள் மின்னஞ்சலை உறுதிசெய்யுங்கள்",
    "confirm.body":
      "இது உங்கள் மின்னஞ்சல் முகவரிதான் என்று உறுதிசெய்யுங்கள். நீங்கள் இப்போதுதான் பதிவுசெய்திருந்தால், இது உங்கள் Mutual கணக்கையும் முடித்துவிடும். இந்த இணைப்பைத் திறந்து, நீங்கள் தேர்ந்தெடுத்த கடவுச்சொல்லை உள்ளிடுங்கள்:",
    "confirm.footer": "இந்த இணைப்பு ஒரு நாளுக்குள், ஒருமுறை மட்டுமே வேலை செய்யும். நீங்கள் Mutual கணக்கைத் தொடங்க முயலவில்லை என்றால், இந்தச் செய்தியைப் புறக்கணிக்கலாம்.",
    "existing.subject": "உங்கள் மின்னஞ்சலைக் கொண்டு யாரோ Mutual-இல் பதிவுசெய்ய முயன்றார்கள்",
    "existing.body": "இந்த மின்னஞ்சல் முகவரியைக் கொண்டு யாரோ இப்போது Mutual கணக்கைத் தொடங்க முயன்றார்கள். இதற்கு ஏற்கெனவே ஒரு கணக்கு உள்ளது. உங்கள் கணக்கில் எதுவும் மாறவில்லை.",
    "existing.ifYou": "அது நீங்கள்தான் என்றால், உள்நுழையுங்கள்:",
    "existing.forgot": "உங்கள் கடவுச்சொல் தெரியவில்லை என்றால், அல்லது கணக்கைத் தொடங்கி முடிக்கவில்லை என்றால், இங்கே புதிய கடவுச்சொல்லைத் தேர்ந்தெடுங்கள்:",
    "existing.notYou": "அது நீங்கள் இல்லை என்றால், இந்தச் செய்தியைப் புறக்கணிக்கலாம்.",
    "reset.subject": "Mutual-க்குப் புதிய கடவுச்சொல்லை அமையுங்கள்",
    "reset.body": "இந்த மின்னஞ்சல் முகவரி உள்ள Mutual கணக்கின் கடவுச்சொல்லை மாற்ற யாரோ கேட்டார்கள். புதிய கடவுச்சொல்லைத் தேர்ந்தெடுக்க, இந்த இணைப்பைத் திறங்கள்:",
    "reset.once": "இந்த இணைப்பு ஒரு மணி நேரத்துக்குள், ஒருமுறை மட்டுமே வேலை செய்யும். புதிய கடவுச்சொல் உங்களை எல்லாச் சாதனங்களிலும் வெளியேற்றும்.",
    "reset.notYou": "நீங்கள் இதைக் கேட்கவில்லை என்றால், இந்தச் செய்தியைப் புறக்கணிக்கலாம். உங்கள் கடவுச்சொல் அப்படியே இருக்கும்.",
    "invite.subject": "Mutual-இல் ஓர் ஆலோசனை மையத்தில் சேர உங்களுக்கு அழைப்பு",
    "invite.asAdmin": "Mutual-இல் ஓர் ஆலோசனை மையத்தில் நிர்வாகியாகச் சேர யாரோ உங்களை அழைத்துள்ளார்கள்.",
    "invite.asCounsellor": "Mutual-இல் ஓர் ஆலோசனை மையத்தில் ஆலோசகராகச் சேர யாரோ உங்களை அழைத்துள்ளார்கள்.",
    "invite.quoted": "அவர்கள் தட்டச்சு செய்தபடி, ஆலோசனை மையத்தின் பெயர் கீழே உள்ளது. இதை Mutual எழுதவில்லை:",
    "invite.accept": "ஏற்றுக்கொள்ள, இந்த மின்னஞ்சல் முகவரியுடன் உள்நுழையுங்கள் அல்லது கணக்கைத் தொடங்குங்கள். பிறகு இந்த இணைப்பைத் திறங்கள்:",
    "invite.lasts": "இந்த அழைப்பு ஏழு நாட்கள் செல்லும். நீங்கள் இதை எதிர்பார்க்கவில்லை என்றால், இந்தச் செய்தியைப் புறக்கணிக்கலாம்.",
    "weekly.subject": "உங்கள் வாராந்திரத் தருணம் தயார்",
    "weekly.open": "உங்கள் வாராந்திரத் தருணம் தயார்:",
    "weekly.settings": "இந்த மின்னஞ்சல்களை மாற்ற அல்லது நிறுத்த:",
    "request.subject": "உங்களுக்காக ஒன்று காத்திருக்கிறது",
    "request.reminderSubject": "நினைவூட்டல்: உங்களுக்காக ஒன்று காத்திருக்கிறது",
    "request.open": "நீங்கள் உள்நுழையும்போது உங்களுக்காக ஒன்று காத்திருக்கிறது:",
    "calendar.title": "உங்கள் வாராந்திரத் தருணம்",
    "calendar.name": "வாராந்திரத் தருணம்",
  },
};
