/**
 * Keyword patterns for form detection in English, German, French, Spanish, Italian, Portuguese, Dutch, Polish,
 * Russian, Chinese, Japanese, Korean and Greek. They are matched against text from `normalizeDetectionText`
 * (lower case, camelCase and punctuation split into words), so `\b` works for Latin words; CJK, Cyrillic and
 * Greek stems are matched as substrings. Kept as a few compact regular expressions: this module ships in the
 * content script, whose minified budget is small.
 */

/** An email address, as opposed to a user name. */
export const EMAIL_WORD = /e ?mail|courriel|correo|почт|[邮郵]箱|メール|이메일/;

/** A login identifier: user name, nickname, email, phone, account or member number. */
export const USERNAME = new RegExp(`${EMAIL_WORD.source}|${/user|login|log ?on|\bmail|account|\bacct|identifi|\bid\b|phone|mobile|\bcell|handle|nick|pseudo|member|customer|[ck]lient|nutzer|anmelde|kennung|utilisateur|usu[aá]?rio|utente|utiliza[dt]or|gebruiker|inlog|u[żz]ytkown|felhaszn|u[žz]ivatel|kullan[ıi]c[ıi]|anv[äa]ndar|bru[kg]ernavn|k[äa]ytt[äa]j[äa]|логин|пользоват|телефон|用[户戶]|[帐帳账賬][号號]|账户|帳戶|手机|ユーザ|アカウント|ログイン|아이디|사용자|계정|χρήστ|κινητ/.source}`);

/** A phone number, as opposed to a user name. */
export const PHONE_WORD = /phone|mobile|\bcell|\btel\b|handy|tel[eé]fo+n|телефон|手机|電話|携帯|휴대|κινητ/;

/** A number (ID, member, customer number): given by the site, never a user name chosen at sign-up. */
export const NUMBER_WORD = /number|nummer|n[uú]m[eé]r|номер|번호|番号|号码|编号/;

/** Text that is certainly not a login identifier, even beside an identifier word ("user first name"). */
export const NOT_IDENTIFIER =
  /search|query|coupon|promo|voucher|gift|captcha|(first|last|full|given|family|middle) ?name|surname|street|address ?(line|\d)|\bcity|\bzip|postal|post ?code|country|company|organi[sz]|subject|message|comment|card|\bcc\b|expir|birth|\bdob\b|amount|quantity|price|website|vorname|nachname|stra(ss|ß)e|pr[ée]nom|apellido|cognome|sobrenome|voornaam|achternaam|nazwisko|фамил|姓名|氏名|επώνυμ/;

/**
 * Weaker signs of a non-identifier field, consulted only when no identifier word matched. Words for "address"
 * are left out: alone they as often mean an email address ("Confirm your address").
 */
export const OTHER_FIELD =
  /\bq\b|\bname\b|\bf ?name|\bl ?name|\bstate\b|region|\btitle|\bjob|\bage\b|\bqty\b|\burl\b|\bort\b|firma|\bnom\b|adresse|ville|nombre|direcci|ciudad|empresa|citt[aà]|cidade|straat|imi[eę]|miasto|имя|город|名字|住所|이름|όνομα/;

/** A password the user already has. */
export const CURRENT =
  /current|\bold\b|existing|\bactual\b|aktuell|bisherig|\balte[sn]?\b|actuel|ancien|attuale|vecchi|atual|antig|huidig|\boude?\b|obecn|\bstare|текущ|стар|当前|目前|旧|現在|현재|기존|τρέχ|παλι/;

/** A password being chosen. */
export const NEW =
  /\bnew\b|cr[ée]er|\bcrea|criar|erstell|aanmak|utw[óo]rz|созда|choose|\bset\b|\bneue?[snm]?\b|nouve[al]|nu[eo]v|\bnov[oa]\b|nieuw|\bnow[ey]\b|нов|新|새|νέο|w[äa]hlen|choisi|elij|scegli|escolh|\bkies|wybierz|придума|at least|mindestens|au moins|al ?meno|pelo menos|minimaal|co najmniej|не менее|至少|以上|이상/;

/** The second entry of a new password. */
export const CONFIRM =
  /confirm|repeat|re ?type|re ?enter|again|verif|pass(wd|word)? ?2\b|\bpwd ?2\b|wiederhol|best[äa]tig|r[eéi]p[eé]t|conferma|herhaal|bevestig|powt[oó]rz|potwierd|подтверд|повтор|确认|確認|再次|再入力|重[复複]|확인|재입력|επιβεβαί|επανάλ/;

/** A one-time code (TOTP, SMS or email code), by words that mean nothing else. */
export const OTP =
  /one ?time|\botp\b|totp|2fa|mfa|two ?factor|2 ?step|verification|(verify|security|auth\w*|sms|pass|login|confirmation) ?code|\btoken\b|einmal|sicherheitscode|best[äa]tigungscode|verificatie|验证码|驗證碼|校验码|確認コード|認証コード|ワンタイム|인증|보안 ?코드|επαλήθευσ/;

/**
 * "Code" alone: a one-time code, unless an account word goes with it ("user code", "codice utente", "code
 * client", "código de acesso" beside a password).
 */
export const CODE = /\bcode\b|c[oó]digo|codice|\bkod\b|код/;

/** The word "password" itself: a masked field that says it is neither a code nor anything else. */
export const PASSWORD_WORD =
  /pass ?wor[dt]|\bpwd|passwd|kennwort|mot de passe|contrase|senha|wachtwoord|has[łl]o|\bparol|[şs]ifre|\bheslo|jelsz[óo]|l[öo]senord|passord|adgangskode|salasana|kata ?sandi|парол|密[码碼]|パスワード|비밀번호|συνθηματικ/;

/** A secret question or its answer: typed password at times, never the password. */
export const QUESTION =
  /question|answer|\bsecret\b|frage|antwort|r[ée]ponse|pregunta|respuesta|domanda|risposta|pergunta|resposta|vraag|antwoord|pytani|odpowied|вопрос|ответ|问题|答[案え]|質問|질문|답변|ερώτησ|απάντησ/;

/** Card verification numbers, PINs and national ID or tax numbers: typed password at times, never the site's password. */
export const CARD = /cvc|cvv|csc|\bssn\b|social security|taxpayer|tax ?id|\bcard|kartenpr[üu]f|cryptogram|tarjeta|\bcarte\b|kaart|karty|карт|信用卡|カード|카드/;

/** Wording of a sign-up form. */
export const SIGNUP =
  /sign ?up|regist|create|\bjoin\b|get started|new account|enrol|open an account|free trial|inscri|erstellen|crear|cr[ée]er|criar|aanmaken|za[łl][óo][żz]|rejestr|cadastr|iscriviti|регистр|создать|注册|註冊|登録|가입|εγγραφ|δημιουργ/;

/** Wording of a login form. */
export const LOGIN =
  /sign ?[io]n|log ?[io]n|anmeld|einlog|conne(xion|cter)|s identifier|iniciar|acceder|ingresa|accedi|\bentra|inloggen|zaloguj|logowan|войти|вход|登[录入錄]|ログイン|サインイン|로그인|σύνδεση|είσοδος/;

/** Wording of a step that asks for more: "continue", "next". */
export const NEXT = /continue|\bnext\b|weiter|suivant|siguiente|avanti|continua|volgende|doorgaan|dalej|далее|продолж|下一步|继续|次へ|続行|다음|계속|επόμενο|συνέχεια/;

/** Wording of a password reset (request or new password after a reset link). */
export const RESET =
  /forgot|reset|recover|lost|vergessen|zur[üu]cksetzen|oubli|r[ée]initialis|olvid|restablec|recuper|dimentica|reimposta|esquec|redefin|vergeten|herstel|zapomnia|resetuj|забыл|восстанов|сброс|忘[记記れ]|重置|找回|再設定|잊|재설정|ξεχάσ|επαναφορ/;

/**
 * A newsletter, mailing list or deals sign-up, named anywhere in a form without a password ("subscriber" and
 * "unsubscribe" are not enough).
 */
export const NEWSLETTER = /newsletter|mailing ?list|\bsubscribe\b|\bdeals\b|special offers|promotions|nieuwsbrief|рассылк|ενημερωτικ|メルマガ|订阅|訂閱/;

/**
 * Wording of a subscription, search or contact form ("subscriber" is not enough): never a credential form. Read
 * with `NEWSLETTER`, whose words it leaves out.
 */
export const NOT_ACCOUNT =
  /\bsubscription|abonn|suscri|iscriv|inschrijv|подпис|購読|구독|search|\bsuche|recherch|busca|cerca|pesquis|zoek|szukaj|поиск|搜索|検索|검색|αναζήτ|contact|kontakt|contatt|контакт|联系|問い合わせ|문의|επικοινων/;

/** Text of a button that submits a form (or advances one step). */
export const SUBMIT = new RegExp(
  // The extra words as a regex literal, not a string: the bundler keeps a literal's letters as they are but
  // escapes every non-ASCII letter of a string (six bytes each).
  `${SIGNUP.source}|${LOGIN.source}|${NEXT.source}|${/submit|send|save|update|change|verify|confirm|reset|speichern|envoyer|valider|enviar|guardar|invia|salva|verzend|opslaan|wyślij|zapisz|отправ|сохран|提交|确定|送信|保存|제출|확인|υποβολ|αποθήκ/.source}`,
);
