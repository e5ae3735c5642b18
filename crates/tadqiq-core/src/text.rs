//! Arabic text as the grammar sees it: tokens with their original byte spans and a folded form
//! for matching.
//!
//! Folding never changes a span. Each token keeps `[start, end)` into the original text; its
//! folded form lives in a side buffer and is only ever compared, never reported.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of Arabic letters (with any diacritics, tatweel and joiners inside it).
    Word,
    /// A run of digits in one script: ASCII, Arabic-Indic (٠-٩) or Persian (۰-۹).
    Digits,
    /// A run of Latin letters: «K-1», «CNN».
    Latin,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// Range of the folded form in [`Tokens::folded`].
    folded: (u32, u32),
    /// Whether a line break separates this token from the previous one.
    pub line_break_before: bool,
}

/// A text cut into tokens. Whitespace is not a token; adjacency is read from the spans.
/// Spans are offsets into `text`, the whole article, even when only its body (after front
/// matter, from byte `from`) is cut: nothing downstream shifts a span.
pub struct Tokens<'t> {
    pub text: &'t str,
    /// Where the tokens begin in `text`.
    pub from: usize,
    pub tokens: Vec<Token>,
    folded: String,
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str) -> Self {
        Tokens::from(text, 0)
    }

    /// The tokens of `text` from byte `from` on (the body after front matter), with spans
    /// into the whole of `text`.
    pub fn from(text: &'t str, from: usize) -> Self {
        let from = from.min(text.len());
        let mut tokens = Vec::with_capacity((text.len() - from) / 6);
        let mut folded = String::with_capacity(text.len() / 2);
        let mut line_break = false;
        // The run of letters or digits being read: its class, start, and where its folded
        // form starts. Each character is decoded and classified once.
        let mut run: Option<(Class, usize, usize)> = None;
        let bytes = text.as_bytes();
        let arabic = &*ARABIC_CLASS;
        let mut i = from;
        while i < bytes.len() {
            let (c, len) = char_at(text, i);
            let class = match c as u32 {
                cp @ 0x0600..=0x06FF => arabic[(cp - 0x0600) as usize],
                _ => classify(c),
            };
            if let Some((run_class, start, f0)) = run {
                if continues_run(run_class, class) {
                    push_folded(&mut folded, c, class);
                    i += len;
                    continue;
                }
                push_run(&mut tokens, run_token(run_class, start, i, f0, &folded, line_break), text, &folded);
                line_break = false;
                run = None;
            }
            match class {
                Class::Space => line_break |= matches!(c, '\n' | '\r' | '\u{2029}'),
                Class::Punct => {
                    let f0 = folded.len();
                    folded.push(c);
                    tokens.push(Token {
                        kind: TokenKind::Punct,
                        start: i,
                        end: i + len,
                        folded: (f0 as u32, folded.len() as u32),
                        line_break_before: line_break,
                    });
                    line_break = false;
                }
                Class::Arabic | Class::Latin | Class::Digit(_) => {
                    run = Some((class, i, folded.len()));
                    push_folded(&mut folded, c, class);
                }
            }
            i += len;
        }
        if let Some((run_class, start, f0)) = run {
            push_run(&mut tokens, run_token(run_class, start, text.len(), f0, &folded, line_break), text, &folded);
        }
        Tokens { text, from, tokens, folded }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The folded form of token `i` (ASCII digits for a digit run), or "" past the end.
    pub fn folded(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => &self.folded[t.folded.0 as usize..t.folded.1 as usize],
            None => "",
        }
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Digits)
    }

    /// Whether token `i` is the punctuation character `c` (after folding).
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.folded(i).starts_with(c)
    }

    /// Whether tokens `i` and `i + 1` touch, with no space between them.
    pub fn touching(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Whether token `i` is the point, comma or colon inside a number, touching digits on both
    /// sides: «1.5»، «3,000»، «13٫1»، «10:30».
    pub fn joins_digits(&self, i: usize) -> bool {
        i > 0
            && self.is_digits(i - 1)
            && self.touching(i - 1)
            && ['.', ',', '٫', '٬', ':'].iter().any(|&c| self.is_punct(i, c))
            && self.touching(i)
            && self.is_digits(i + 1)
    }

    /// Whether token `i` has a power written on it: «م3»، «م²»، «كم2» (square and cubic units).
    pub fn power_after(&self, i: usize) -> bool {
        self.touching(i)
            && ((self.is_digits(i + 1) && matches!(self.folded(i + 1), "2" | "3"))
                || self.is_punct(i + 1, '²')
                || self.is_punct(i + 1, '³'))
    }

    /// Whether token `i` starts a new line (a date or a figure never runs across one).
    pub fn breaks_before(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.line_break_before)
    }

    pub fn original(&self, i: usize) -> &'t str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }
}

/// Byte offset in `word` after its first `letters` letters, skipping marks that belong to them.
/// Used to cut a clitic («و» in «ومتعاقدان») off a reported span without folding the text.
pub fn offset_after_letters(word: &str, letters: usize) -> usize {
    if letters == 0 {
        return 0;
    }
    let mut seen = 0;
    for (i, c) in word.char_indices() {
        if is_letter_for_count(c) {
            if seen == letters {
                return i;
            }
            seen += 1;
        }
    }
    word.len()
}

fn is_letter_for_count(c: char) -> bool {
    !is_arabic_mark(c) && c != TATWEEL && c != '\u{200c}' && c != '\u{200d}'
}

const TATWEEL: char = '\u{0640}';

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Arabic,
    Latin,
    /// The digit's script: 0 ASCII, 1 Arabic-Indic, 2 Persian. A run never mixes scripts.
    Digit(u8),
    Punct,
    Space,
}

/// The character at byte `i` of `text` and its length, with ASCII and the two-byte range
/// (Arabic) decoded in place: this runs for every character of every article.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    if b < 0xE0
        && let Some(&next) = bytes.get(i + 1)
        && let Some(c) = char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F))
    {
        return (c, 2);
    }
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

/// Whether a character of class `next` belongs to a run of `run`: letters with letters, digits
/// with digits of the same script.
#[inline]
fn continues_run(run: Class, next: Class) -> bool {
    match (run, next) {
        (Class::Arabic, Class::Arabic) | (Class::Latin, Class::Latin) => true,
        (Class::Digit(a), Class::Digit(b)) => a == b,
        _ => false,
    }
}

/// Adds a run's token, joining the parts of a word that copied text cut where it stripped a
/// diacritic to a space (the span then covers both parts and the space: what the text shows).
/// - A lone «ا»، «ة» or «ى» one space after a word ends that word («عضو ا» for «عضوًا»، «الرق ة»
///   for «الرقّة»): none of the three stands alone as a word.
/// - Any other lone letter (not a conjunction or preposition written apart: `apart-letters`)
///   begins the next word when what stands before it ends a word: a particle a verb or noun
///   follows (`cut-before`), a word with the article, or one whose last letter never carries the
///   mark that cut it («ة»، «ى»، «ء»، «ا»): «الذي ق تل» for «الذي قُتل»، «الصاروخ أ طلق»، «40 شخصا
///   ج رحوا». «و» with one letter is always such a start
///   («وأ نشئ» for «وأُنشئ»، «وق تل»): no word is «و» and a letter but «ود».
/// - Else a lone letter ends the word before it when a new word plainly follows it, one with the
///   article, «و», or a particle («كر ر وزير» for «كرّر»، «يسر ع في»); a lone «ه» always does: it
///   is the pronoun («بأن ه» for «بأنّه»).
///
/// What follows a start must not be a particle or begin with the article; a run of lone letters
/// («أ ف ب») is an abbreviation, never joined.
#[inline]
fn push_run(tokens: &mut Vec<Token>, token: Token, text: &str, folded: &str) {
    // Only a word of one letter, or a word after one letter or «و» and a letter, can be a cut
    // part: every word passes here, so the rest is asked out of line.
    let letter = |t: &Token| t.folded.1 - t.folded.0 <= 2;
    let lone =
        |t: &Token| letter(t) || (t.folded.1 - t.folded.0 == 4 && folded[t.folded.0 as usize..].starts_with('و'));
    if token.kind == TokenKind::Word
        && (letter(&token) || tokens.last().is_some_and(lone))
        && join_cut(tokens, &token, text, folded)
    {
        return;
    }
    tokens.push(token);
}

/// [`push_run`]'s joining: whether `token` was joined to the tokens before it.
#[inline(never)]
fn join_cut(tokens: &mut Vec<Token>, token: &Token, text: &str, folded: &str) -> bool {
    if token.kind == TokenKind::Word
        && matches!(&text[token.start..token.end], "ا" | "ة" | "ى")
        && !token.line_break_before
        && let Some(prev) = tokens.last_mut()
        && prev.kind == TokenKind::Word
        && prev.end + 1 == token.start
        && text.as_bytes()[prev.end] == b' '
        && prev.folded.1 == token.folded.0
        && text[prev.start..prev.end].chars().count() >= 2
    {
        prev.end = token.end;
        prev.folded.1 = token.folded.1;
        return true;
    }
    let Some(cut) = cut_letter(tokens, token, text, folded) else { return false };
    let n = tokens.len();
    match cut {
        Cut::Starts => {
            let lone = &mut tokens[n - 1];
            lone.end = token.end;
            lone.folded.1 = token.folded.1;
            true
        }
        Cut::Ends => {
            let lone = tokens.pop().expect("a lone letter");
            let prev = &mut tokens[n - 2];
            prev.end = lone.end;
            prev.folded.1 = lone.folded.1;
            false
        }
    }
}

/// Where the lone letter last pushed belongs, `next` coming after it (see [`push_run`]).
enum Cut {
    /// It begins `next`.
    Starts,
    /// It ends the word before it.
    Ends,
}

fn cut_letter(tokens: &[Token], next: &Token, text: &str, folded: &str) -> Option<Cut> {
    let n = tokens.len();
    let lone = tokens.last()?;
    // At most two letters folded (four bytes): nearly every word is passed over here.
    if lone.folded.1 - lone.folded.0 > 4 || lone.kind != TokenKind::Word {
        return None;
    }
    let spaced = |a: &Token, b: &Token| {
        !b.line_break_before && a.end + 1 == b.start && text.as_bytes()[a.end] == b' ' && a.folded.1 == b.folded.0
    };
    if !spaced(lone, next) {
        return None;
    }
    let letters = |t: &Token| text[t.start..t.end].chars().filter(|&c| is_letter_for_count(c));
    let fold_of = |t: &Token| &folded[t.folded.0 as usize..t.folded.1 as usize];
    let next_folded = fold_of(next);
    let particle = |w: &str| crate::lexicon::words("cut-before").contains(&w);
    // What follows a cut start is the rest of a word: never a particle or a word with the article.
    let rest = || next_folded.chars().count() >= 2 && !next_folded.starts_with("ال") && !particle(next_folded);
    let mut own = letters(lone);
    let (first, second) = (own.next()?, own.next());
    if own.next().is_some() {
        return None;
    }
    if let Some(second) = second {
        // «و» and a letter: a conjunction and the start of a cut word.
        let starts = first == 'و' && !matches!(second, 'ا' | 'د' | 'ة' | 'ى' | 'ء' | 'و');
        return (starts && rest()).then_some(Cut::Starts);
    }
    if matches!(first, 'ا' | 'ة' | 'ى' | 'ء')
        || crate::lexicon::words("apart-letters").contains(&fold_of(lone))
        || n < 2
    {
        return None;
    }
    let prev = &tokens[n - 2];
    if prev.kind != TokenKind::Word || !spaced(prev, lone) || letters(prev).nth(1).is_none() {
        return None;
    }
    // «بأن ه» for «بأنّه», «كل ه» for «كلّه»: «ه» after a word is its pronoun.
    if first == 'ه' {
        return Some(Cut::Ends);
    }
    let prev_folded = fold_of(prev);
    let ends_a_word = matches!(letters(prev).next_back(), Some('ة' | 'ى' | 'ء' | 'ا'))
        || (prev_folded.starts_with("ال") && prev_folded.chars().count() >= 4)
        || particle(prev_folded);
    if ends_a_word {
        return rest().then_some(Cut::Starts);
    }
    let new_word = (next_folded.starts_with("ال") && next_folded.chars().count() >= 4)
        || (next_folded.starts_with('و') && next_folded.chars().count() >= 3)
        || particle(next_folded);
    new_word.then_some(Cut::Ends)
}

/// The token a run of letters or digits makes, `[start, end)`, folded from `f0` on.
fn run_token(class: Class, start: usize, end: usize, f0: usize, folded: &str, line_break: bool) -> Token {
    let kind = match class {
        Class::Arabic if folded.len() == f0 => TokenKind::Punct, // a lone tatweel
        Class::Arabic => TokenKind::Word,
        Class::Latin => TokenKind::Latin,
        _ => TokenKind::Digits,
    };
    Token { kind, start, end, folded: (f0 as u32, folded.len() as u32), line_break_before: line_break }
}

/// [`classify`] for U+0600–U+06FF, most of an Arabic text, as a table: the match's range
/// tests cost more than the rest of tokenizing a letter.
static ARABIC_CLASS: std::sync::LazyLock<[Class; 256]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|k| char::from_u32(0x0600 + k as u32).map_or(Class::Punct, classify))
});

#[inline]
fn classify(c: char) -> Class {
    match c {
        '0'..='9' => Class::Digit(0),
        'a'..='z' | 'A'..='Z' => Class::Latin,
        ' ' | '\n' | '\r' | '\t' => Class::Space,
        // Arabic letters first: they are most of the text, and the generic Unicode tables
        // below are slow.
        '\u{0621}'..='\u{065F}' | '\u{0670}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}' => Class::Arabic,
        '\u{0660}'..='\u{0669}' => Class::Digit(1),
        '\u{06F0}'..='\u{06F9}' => Class::Digit(2),
        // Joiners and bidi marks: inside an Arabic word they belong to it; elsewhere they are
        // invisible and act as space.
        '\u{200c}' | '\u{200d}' => Class::Arabic,
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{feff}' | '\u{00ad}' => Class::Space,
        '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => {
            Class::Arabic
        }
        // Arabic punctuation («،» «؛» «؟») and the general punctuation block (curly quotes,
        // dashes, joiners) are frequent: answer them without the generic tables.
        '\u{0600}'..='\u{061F}' => Class::Punct,
        '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' => Class::Space,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00AB}' | '\u{00BB}' => Class::Punct,
        c if c.is_ascii() => {
            if c.is_ascii_whitespace() {
                Class::Space
            } else {
                Class::Punct
            }
        }
        c if c.is_whitespace() => Class::Space,
        c if c.is_alphabetic() => Class::Latin,
        _ => Class::Punct,
    }
}

pub(crate) const fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}')
}

#[inline]
fn push_folded(out: &mut String, c: char, class: Class) {
    match class {
        Class::Digit(_) => out.push(fold_digit(c)),
        Class::Latin => out.extend(c.to_lowercase()),
        _ => match c as u32 {
            // The Arabic block through a table: this runs for every letter of every article.
            cp @ 0x0600..=0x06FF => match ARABIC_FOLD[(cp - 0x0600) as usize] {
                0 => {}
                f => out.push(char::from_u32(f as u32).unwrap_or(c)),
            },
            _ => {
                if let Some(f) = fold_arabic(c) {
                    out.push(f);
                }
            }
        },
    }
}

/// [`fold_arabic`] for U+0600–U+06FF, computed at compile time; 0 drops the character.
static ARABIC_FOLD: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let cp = 0x0600 + i as u32;
        table[i] = match char::from_u32(cp) {
            Some(c) => match fold_arabic_const(c) {
                Some(f) => f as u16,
                None => 0,
            },
            None => 0,
        };
        i += 1;
    }
    table
};

fn fold_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    }
}

/// One Arabic character as matching sees it, or `None` for what matching ignores.
///
/// Diacritics and tatweel carry no lexical difference in news copy; hamza-on-alef and madda are
/// written inconsistently (اكتوبر/أكتوبر/إبريل); final ى/ي and ة/ه are interchanged by many
/// keyboards and outlets; Persian ی and ک appear in copy from Iranian outlets («ایران»).
pub fn fold_arabic(c: char) -> Option<char> {
    fold_arabic_const(c)
}

const fn fold_arabic_const(c: char) -> Option<char> {
    if is_arabic_mark(c) || c == TATWEEL || c == '\u{200c}' || c == '\u{200d}' {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' | 'ۀ' | 'ہ' | 'ە' => 'ه',
        'ک' => 'ك',
        'ٶ' => 'ؤ',
        'ٸ' => 'ئ',
        c => c,
    })
}

/// A whole string folded as token text is folded (for lexicon entries and gazetteers).
pub fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match classify(c) {
            Class::Digit(_) => Some(fold_digit(c)),
            Class::Latin => c.to_lowercase().next(),
            Class::Arabic => fold_arabic(c),
            _ => Some(c),
        })
        .collect()
}

/// Clitic readings of a folded word, longest form first: the word itself, then without a
/// conjunction (و ف), a preposition (ب ك ل, with لل standing for ل + ال) and the article ال.
/// Each reading says how many letters of the original word it dropped, so a span can start
/// after them (a reading from لل drops only a conjunction before it: no byte of the original is
/// the article's alone), and
/// whether it stripped the article: «الجنديين» is "the two soldiers" (known ones), not a count.
/// `f` returns true to stop.
pub fn clitic_readings(word: &str, mut f: impl FnMut(&str, usize, bool) -> bool) -> bool {
    if f(word, 0, false) {
        return true;
    }
    let mut rest = word;
    let mut dropped = 0;
    if let Some(r) = strip_one(rest, &['و', 'ف']) {
        rest = r;
        dropped += 1;
        if f(rest, dropped, false) {
            return true;
        }
    }
    if let Some(r) = rest.strip_prefix("لل").filter(|r| two_letters_or_more(r)) {
        let with_article = format!("ال{r}");
        return f(&with_article, dropped, false) || f(r, dropped, true);
    }
    if let Some(r) = strip_one(rest, &['ب', 'ك', 'ل']) {
        rest = r;
        dropped += 1;
        if f(rest, dropped, false) {
            return true;
        }
    }
    if let Some(r) = rest.strip_prefix("ال").filter(|r| two_letters_or_more(r)) {
        return f(r, dropped + 2, true);
    }
    false
}

/// The form of a folded word that `listed` accepts: the word as written, else without one
/// leading conjunction of `conjunctions`. A listed word may itself open with the letter: «وسط»
/// (amid) and «وجه» (directed) are words, «ووسط» is «و» and «وسط».
pub fn as_written_or_joined<'w>(
    word: &'w str,
    conjunctions: &[char],
    listed: impl Fn(&str) -> bool,
) -> Option<&'w str> {
    std::iter::once(word).chain(strip_one(word, conjunctions)).find(|w| listed(w))
}

fn strip_one<'a>(word: &'a str, letters: &[char]) -> Option<&'a str> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    (letters.contains(&first) && two_letters_or_more(rest)).then_some(rest)
}

/// A clitic is only cut off when at least two letters remain: «وم» is not «و» + «م».
fn two_letters_or_more(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some() && chars.next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str, String)> {
        let t = Tokens::new(text);
        (0..t.len()).map(|i| (t.kind(i).unwrap(), t.original(i), t.folded(i).to_string())).collect()
    }

    #[test]
    fn folds_without_moving_spans() {
        let text = "وَفِي إِبْرِيلَ ٢٠٢١م";
        let t = Tokens::new(text);
        assert_eq!(t.len(), 4);
        assert_eq!(t.original(0), "وَفِي");
        assert_eq!(t.folded(0), "وفي");
        assert_eq!(t.folded(1), "ابريل");
        assert_eq!((t.tokens[2].start, t.tokens[2].end), (text.find('٢').unwrap(), text.find('م').unwrap()));
        assert_eq!(t.folded(2), "2021");
        assert!(t.touching(2));
        assert_eq!(t.folded(3), "م");
    }

    #[test]
    fn persian_letters_and_tatweel() {
        let k = kinds("ایران بـ بغداد ـ K-1");
        assert_eq!(k[0].2, "ايران");
        assert_eq!(k[1], (TokenKind::Word, "بـ", "ب".to_string()));
        assert_eq!(k[3].0, TokenKind::Punct);
        assert_eq!(k[4], (TokenKind::Latin, "K", "k".to_string()));
        assert_eq!(k[6], (TokenKind::Digits, "1", "1".to_string()));
    }

    #[test]
    fn digit_scripts_do_not_merge() {
        let k = kinds("12٣");
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn a_word_cut_where_a_diacritic_was_stripped_is_one_token() {
        let text = "دخلت القوات الرق ة وقتلت عضو ا في التنظيم عام 1439 ه حت ى\nة";
        let t = Tokens::new(text);
        let words: Vec<(&str, &str)> = (0..t.len()).map(|i| (t.original(i), t.folded(i))).collect();
        assert_eq!(
            words,
            [
                ("دخلت", "دخلت"),
                ("القوات", "القوات"),
                ("الرق ة", "الرقه"),
                ("وقتلت", "وقتلت"),
                ("عضو ا", "عضوا"),
                ("في", "في"),
                ("التنظيم", "التنظيم"),
                ("عام", "عام"),
                ("1439", "1439"),
                ("ه", "ه"),
                ("حت ى", "حتي"),
                ("ة", "ه"),
            ]
        );
        // The span covers both parts and the space between: what the text shows.
        let k = 2;
        assert_eq!(&text[t.tokens[k].start..t.tokens[k].end], "الرق ة");
    }

    #[test]
    fn a_letter_cut_from_its_word_joins_the_side_it_belongs_to() {
        let words = |text: &str| {
            let t = Tokens::new(text);
            (0..t.len()).filter(|&i| t.is_word(i)).map(|i| t.folded(i).to_string()).collect::<Vec<_>>()
        };
        // A letter that carried the mark begins the next word after a particle, a word with the
        // article or a final «ة»، «ى»، «ء»، «ا»; «و» with a letter always begins one.
        assert_eq!(words("الجندي الذي ق تل امس"), ["الجندي", "الذي", "قتل", "امس"]);
        assert_eq!(words("قال إن الصاروخ أ طلق من اليمن"), ["قال", "ان", "الصاروخ", "اطلق", "من", "اليمن"]);
        assert_eq!(words("وأكدت أن 30 شخصا ج رحوا"), ["واكدت", "ان", "شخصا", "جرحوا"]);
        assert_eq!(words("مدينة مدمرة ت سمع فيها"), ["مدينه", "مدمره", "تسمع", "فيها"]);
        assert_eq!(words("وق تل ثلاثة. وأ علن الحداد"), ["وقتل", "ثلاثه", "واعلن", "الحداد"]);
        // A letter after a shadda ends the word before it when a new word plainly follows.
        assert_eq!(words("وقد كر ر الوزير"), ["وقد", "كرر", "الوزير"]);
        assert_eq!(words("المبنى مدم ر وغير صالح"), ["المبني", "مدمر", "وغير", "صالح"]);
        assert_eq!(words("وقال بأن ه سيعود"), ["وقال", "بانه", "سيعود"]);
        // Not joined: an abbreviation of lone letters, a conjunction or preposition written
        // apart, a letter naming an area, a word that may end where it does, a line break.
        assert_eq!(words("(أ ف ب) قالت"), ["ا", "ف", "ب", "قالت"]);
        assert_eq!(words("المعروف ب داعش"), ["المعروف", "ب", "داعش"]);
        assert_eq!(words("في المنطقة ج في الضفة"), ["في", "المنطقه", "ج", "في", "الضفه"]);
        assert_eq!(words("في المنطقة ج الواقعة"), ["في", "المنطقه", "ج", "الواقعه"]);
        assert_eq!(words("يحو ل سوريا"), ["يحو", "ل", "سوريا"]);
        assert_eq!(words("الذي ق\nتل"), ["الذي", "ق", "تل"]);
        assert_eq!(words("بعد فك الحصار"), ["بعد", "فك", "الحصار"]);
        // The joined word's span covers both parts and the space: what the text shows.
        let text = "وأضاف أن العامل الذي أ صيب نقل";
        let t = Tokens::new(text);
        let k = (0..t.len()).find(|&i| t.folded(i) == "اصيب").unwrap();
        assert_eq!(&text[t.tokens[k].start..t.tokens[k].end], "أ صيب");
    }

    #[test]
    fn line_breaks_are_remembered() {
        let t = Tokens::new("يناير\r\n2020");
        assert!(t.breaks_before(1));
        assert!(!t.breaks_before(0));
        // A lone \r ends a line too (old Mac files, some CMS exports), as LSP counts lines.
        for brk in ["\r", "\n", "\u{2029}"] {
            assert!(Tokens::new(&format!("يناير{brk}2020")).breaks_before(1), "{brk:?}");
        }
    }

    #[test]
    fn clitic_readings_in_order() {
        let mut seen = vec![];
        clitic_readings("وبالعراق", |w, d, article| {
            seen.push((w.to_string(), d, article));
            false
        });
        assert_eq!(
            seen,
            vec![
                ("وبالعراق".into(), 0, false),
                ("بالعراق".into(), 1, false),
                ("العراق".into(), 2, false),
                ("عراق".into(), 4, true)
            ]
        );
        let mut seen = vec![];
        clitic_readings("للعام", |w, d, article| {
            seen.push((w.to_string(), d, article));
            false
        });
        assert_eq!(seen, vec![("للعام".into(), 0, false), ("العام".into(), 0, false), ("عام".into(), 0, true)]);
    }

    #[test]
    fn offset_after_letters_skips_marks() {
        let w = "وَمتعاقدان";
        assert_eq!(&w[offset_after_letters(w, 1)..], "متعاقدان");
    }
}
