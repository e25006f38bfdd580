/**
 * Keyword patterns for form detection in English, German, French, Spanish, Italian, Portuguese, Dutch, Polish,
 * Russian, Chinese, Japanese, Korean and Greek. They are matched against text from `normalizeDetectionText`
 * (lower case, camelCase and punctuation split into words), so `\b` works for Latin words; CJK, Cyrillic and
 * Greek stems are matched as substrings. Kept as a few compact regular expressions: this module ships in the
 * content script, whose minified budget is small. Words that share a stem or a `\b` share it once
 * ("re ?(type|enter)", "\b(otp|token)\b"); every pattern is only tested (`test`, `search`, and a `replace` of
 * the first email or phone word), so how an alternation is grouped changes nothing it matches.
 */

/** An email address, as opposed to a user name. */
export const EMAIL_WORD = /e ?mail|courriel|correo|почт|[邮郵]箱|メール|이메일/;

/** A login identifier: user name, nickname, email, phone, account or member number. */
export const USERNAME = new RegExp(`${EMAIL_WORD.source}|${/u(ser|su[aá]?rio|[żz]ytkown|[žz]ivatel|t(ente|ili(sateur|za[dt]or)))|log(in| ?on)|\b(mail|acct|cell|id\b)|account|identifi|phone|mobile|handle|nick|pseudo|member|customer|[ck]lient|nutzer|anmelde|kennung|gebruiker|inlog|felhaszn|kullan[ıi]c[ıi]|anv[äa]ndar|bru[kg]ernavn|k[äa]ytt[äa]j[äa]|логин|пользоват|телефон|用[户戶]|[帐帳账賬][号號]|账户|帳戶|手机|ユーザ|アカウント|ログイン|아이디|사용자|계정|χρήστ|κινητ/.source}`);

/** A phone number, as opposed to a user name. */
export const PHONE_WORD = /phone|mobile|\bcell|\btel\b|handy|tel[eé]fo+n|телефон|手机|電話|携帯|휴대|κινητ/;

/** A number (ID, member, customer number): given by the site, never a user name chosen at sign-up. */
export const NUMBER_WORD = /num[bm]er|n[uú]m[eé]r|номер|번호|番号|号码|编号/;

/** Text that is certainly not a login identifier, even beside an identifier word ("user first name"). */
export const NOT_IDENTIFIER =
  /search|query|coupon|promo|voucher|gift|captcha|(first|last|full|given|family|middle) ?name|surname|street|address ?(line|\d)|\b(city|zip)|post(al| ?code)|country|com(pany|ment)|organi[sz]|subject|message|card|\bcc\b|expir|birth|\bdob\b|amount|quantity|price|website|\border|bestell|commande|pedido|ordine|заказ|注文|订单|주문|(vor|nach)name|stra(ss|ß)e|pr[ée]nom|apellido|cognome|sobrenome|(voor|achter)naam|nazwisko|фамил|姓名|氏名|επώνυμ/;

/**
 * Weaker signs of a non-identifier field, consulted only when no identifier word matched. Words for "address"
 * are left out: alone they as often mean an email address ("Confirm your address").
 */
export const OTHER_FIELD =
  /\b([fl] ?name|title|job|(q|name|state|age|qty|url|ort|nom)\b)|region|firma|adresse|ville|nombre|direcci|ciudad|empresa|citt[aà]|cidade|straat|imi[eę]|miasto|имя|город|名字|住所|이름|όνομα/;

/** A password the user already has. */
export const CURRENT =
  /current|\b(stare|(old|actual|alte[sn]?|oude?)\b)|existing|aktuell|bisherig|actuel|ancien|attuale|vecchi|atual|antig|huidig|obecn|текущ|стар|当前|目前|旧|現在|현재|기존|τρέχ|παλι/;

/** A password being chosen. */
export const NEW =
  /\b(crea|kies|(ne(w|ue?[snm]?)|set|no(v[oa]|w[ey]))\b)|cr[ée]er|criar|erstell|aanmak|utw[óo]rz|созда|choose|nouve[al]|nu[eo]v|nieuw|нов|新|새|νέο|w[äa]hlen|choisi|elij|scegli|escolh|wybierz|придума|at least|mindestens|au moins|al ?meno|pelo menos|minimaal|co najmniej|не менее|至少|以上|이상|设置|設定/;

/** The second entry of a new password. */
export const CONFIRM =
  /conf(irm|erma)|repeat|re ?(type|enter)|again|verif|(pass(e|wd|word)?|\bpwd) ?2\b|wiederhol|be(st[äa]|ves)tig|r[eéi]p[eé]t|herhaal|po(twierd|wt[oó]rz)|по(дтверд|втор)|确认|確認|再次|再入力|重[复複]|확인|재입력|επιβεβαί|επανάλ/;

/** A one-time code (TOTP, SMS or email code), by words that mean nothing else. */
export const OTP =
  /one ?time|\b(otp|token)\b|totp|[2m]fa|two ?factor|2 ?step|verificati(on|e)|(verify|security|auth\w*|sms|pass|login|confirmation) ?code|(sicherheits|best[äa]tigungs)code|einmal|验证码|驗證碼|校验码|(確認|認証)コード|ワンタイム|인증|보안 ?코드|επαλήθευσ/;

/**
 * "Code" alone: a one-time code, unless an account word goes with it ("user code", "codice utente", "code
 * client", "código de acesso" beside a password).
 */
export const CODE = /\b(code|kod)\b|c[oó]digo|codice|код/;

/** The word "password" itself: a masked field that says it is neither a code nor anything else. */
export const PASSWORD_WORD =
  /pass( ?wor[dt]|wd|ord)|\b(pwd|parol|heslo)|kennwort|mot de passe|contrase|senha|wachtwoord|has[łl]o|[şs]ifre|jelsz[óo]|l[öo]senord|adgangskode|salasana|kata ?sandi|парол|密[码碼]|パスワード|비밀번호|συνθηματικ/;

/** A secret question or its answer: typed password at times, never the password. */
export const QUESTION =
  /question|answer|\bsecret\b|frage|antwo(rt|ord)|r[ée]ponse|r([ie]spo|espue)sta|p(re|er)gunta|domanda|vraag|pytani|odpowied|вопрос|ответ|问题|答[案え]|質問|질문|답변|ερώτησ|απάντησ/;

/** Card verification numbers, PINs and national ID or tax numbers: typed password at times, never the site's password. */
export const CARD = /c(v[cv]|sc)|\b(card|(ssn|carte)\b)|social security|tax(payer| ?id)|kartenpr[üu]f|cryptogram|tarjeta|ka(art|rty)|карт|信用卡|カード|카드/;

/** Wording of a sign-up form. */
export const SIGNUP =
  /sign ?up|re(gist|jestr)|cr(ea(te|r)|[ée]er|iar)|\bjoin\b|get started|new account|enrol|open an account|free trial|inscri|erstellen|aanmaken|za[łl][óo][żz]|cadastr|iscriviti|регистр|создать|注册|註冊|登録|가입|εγγραφ|δημιουργ/;

/** Wording of a login form; "signing up" holds "signin" but is no sign-in ("Thanks for signing up" over a news box). */
export const LOGIN =
  /(sign|log) ?[io]n(?!g u)|anmeld|einlog|conne(xion|cter)|s identifier|in(iciar|gresa|loggen)|acced(er|i)|\bentra|zaloguj|logowan|войти|вход|登[录入錄]|(ログ|サイン)イン|로그인|σύνδεση|είσοδος/;

/** Wording of a step that asks for more: "continue", "next". */
export const NEXT = /continu[ea]|\bnext\b|weiter|suivant|siguiente|avanti|volgende|doorgaan|dalej|далее|продолж|下一步|继续|次へ|続行|다음|계속|επόμενο|συνέχεια/;

/** Wording of a password reset (request or new password after a reset link). */
export const RESET =
  /forgot|re(set|c(over|uper)|stablec|imposta|defin)|lost|verge(ss|t)en|zur[üu]cksetzen|oubli|r[ée]initialis|olvid|dimentica|esquec|herstel|zapomnia|забыл|восстанов|сброс|忘[记記れ]|重置|找回|再設定|잊|재설정|ξεχάσ|επαναφορ/;

/**
 * A newsletter, mailing list or deals sign-up, named anywhere in a form without a password ("subscriber" and
 * "unsubscribe" are not enough).
 */
export const NEWSLETTER = /newsletter|mailing ?list|\b(subscribe|deals)\b|special offers|promotions|nieuwsbrief|рассылк|ενημερωτικ|メルマガ|订阅|訂閱/;

/**
 * News or offers by e-mail, or a checkout, payment or delivery step, named anywhere in a form without a password:
 * an e-mail asked there is a reader's or a buyer's contact, not an account, unless the form's button, names or
 * headings say log in (unlike `NEWSLETTER`, whose words leave no doubt: "Newsletter anmelden" subscribes).
 */
export const NEWS_OR_CHECKOUT =
  /news|updates|latest|% off|check ?out|payment|shipping|deliver|\bkasse|liefer|neuigk|paiement|livrais|nouveaut|\bpago|env[ií]o|nov[ei]dad|pagament|novità|оплат|доставк|结算|支付|決済|결제|배송/;

/**
 * Wording of a subscription, search or contact form ("subscriber" is not enough): never a credential form. Read
 * with `NEWSLETTER`, whose words it leaves out.
 */
export const NOT_ACCOUNT =
  /\b(subscription|suche)|abonn|suscri|iscriv|inschrijv|подпис|購読|구독|search|recherch|busca|cerca|pesquis|zoek|szukaj|поиск|[搜検]索|검색|αναζήτ|conta(ct|tt)|kontakt|контакт|联系|問い合わせ|문의|επικοινων/;

/** Text of a button that submits a form (or advances one step). */
export const SUBMIT = new RegExp(
  // The extra words as a regex literal, not a string: the bundler keeps a literal's letters as they are but
  // escapes every non-ASCII letter of a string (six bytes each).
  `${SIGNUP.source}|${LOGIN.source}|${NEXT.source}|${/s(ubmit|end|ave|alva|peichern)|update|change|ver(ify|zend)|confirm|reset|env(oyer|iar)|valider|guardar|invia|opslaan|wyślij|zapisz|отправ|сохран|提交|确定|送信|保存|제출|확인|υποβολ|αποθήκ/.source}`,
);
