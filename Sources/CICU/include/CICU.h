#ifndef CLAIMKIT_CICU_H
#define CLAIMKIT_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which ICU break iterator a call uses.
typedef enum {
    CK_BREAK_WORD = 0,
    CK_BREAK_SENTENCE = 1
} CKBreakKind;

/// Rule status bands ICU's word break reports for a segment (see ubrk.h).
enum {
    CK_WORD_NONE = 0,
    CK_WORD_NUMBER = 100,
    CK_WORD_LETTER = 200,
    CK_WORD_KANA = 300,
    CK_WORD_IDEO = 400
};

/// Starts iterating `text` (UTF-16, `length` units) with the calling thread's
/// cached break iterator of `kind`. The text must stay alive and unchanged
/// until the iteration is finished. Returns 0, or an ICU error code.
int32_t ck_break_begin(CKBreakKind kind, const uint16_t *text, int32_t length);

/// Writes up to `capacity` next boundaries (UTF-16 offsets, after the start
/// of the text) into `boundaries` and, when `statuses` is not NULL, their
/// rule status. Returns the count written; 0 when the text is exhausted.
int32_t ck_break_next(CKBreakKind kind, int32_t *boundaries, int32_t *statuses, int32_t capacity);

/// Like `ck_break_next` for the word iterator, with every status filled,
/// but asks ICU for a segment's rule status only where the segment's ASCII
/// ends do not settle it: one that starts and ends with an ASCII letter or
/// digit is word-like (`CK_WORD_LETTER` when it starts with a letter,
/// `CK_WORD_NUMBER` with a digit, where ICU may say either for "CO2" or
/// "3rd"), one that starts with ASCII other than a letter, a digit, `_` or
/// `@` is `CK_WORD_NONE`. Saves ICU's status lookup on almost every segment
/// of English text.
int32_t ck_word_break_next(int32_t *boundaries, int32_t *statuses, int32_t capacity);

/// ICU's sentence boundaries, as `ck_break_next` gives them, but only
/// where a sentence may end inside a paragraph: ICU is run from the word
/// before each paragraph's first terminator to the paragraph's end, and the
/// text before that word, where UAX #29 allows no boundary, is skipped.
/// Leaves out the boundary after a line feed, and the end of the text, where
/// the paragraph before has no terminator. Call `ck_break_begin(CK_BREAK_SENTENCE, …)` first.
int32_t ck_sentence_break_next(int32_t *boundaries, int32_t capacity);

/// Folds `source` for matching: NFKC with case folding, then canonical
/// decomposition with combining marks removed. Returns the length needed;
/// writes nothing beyond `capacity`. Negative on ICU error.
int32_t ck_fold(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity);

/// The offset of the first byte at or after `from` that a JSON string must
/// escape (a control byte, `"` or `\`), or `length`. Eight bytes at a time
/// while none is: the borrow tricks are exact when asked only whether some
/// byte of a word matches. Shared by the library's JSON writer and the
/// CLI's JSON Lines reader.
static inline int64_t ck_json_special(const uint8_t *bytes, int64_t from, int64_t length) {
    const uint64_t ones = 0x0101010101010101ULL;
    const uint64_t highs = 0x8080808080808080ULL;
    int64_t i = from;
    while (i + 8 <= length) {
        uint64_t word;
        __builtin_memcpy(&word, bytes + i, sizeof word);
        uint64_t control = (word - ones * 0x20) & ~word & highs;
        uint64_t quote = word ^ (ones * 0x22);
        uint64_t backslash = word ^ (ones * 0x5C);
        if ((control | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & highs) break;
        i += 8;
    }
    while (i < length && bytes[i] >= 0x20 && bytes[i] != 0x22 && bytes[i] != 0x5C) i++;
    return i;
}

/// Keeps large freed blocks in the process's heap (glibc: raises the mmap
/// and trim thresholds) so that a batch of articles reuses its buffers
/// instead of faulting in fresh zeroed pages for each. No effect elsewhere.
void ck_keep_freed_memory(void);

#ifdef __cplusplus
}
#endif

#endif
