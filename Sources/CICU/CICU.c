#include "CICU.h"

#include <pthread.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

/* One iterator of each kind per thread: opening one costs far more than a
   short article, and an iterator is not thread-safe. */
typedef struct {
    UBreakIterator *iterators[2];
    /* The word iterator's text and the start of its next segment, for
       ck_word_break_next. */
    const uint16_t *word_text;
    int32_t word_previous;
    /* The sentence iterator's text, where ck_sentence_break_next scans on
       from, and whether it is inside a paragraph that ICU is iterating. */
    const uint16_t *sentence_text;
    int32_t sentence_length;
    int32_t sentence_position;
    int32_t sentence_window;
    int sentence_in_paragraph;
} CKThreadState;

static pthread_key_t state_key;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;

static void free_state(void *pointer) {
    CKThreadState *state = pointer;
    for (int i = 0; i < 2; i++) {
        if (state->iterators[i] != NULL) ubrk_close(state->iterators[i]);
    }
    free(state);
}

static void make_key(void) { pthread_key_create(&state_key, free_state); }

static CKThreadState *thread_state(UErrorCode *error) {
    pthread_once(&state_once, make_key);
    CKThreadState *state = pthread_getspecific(state_key);
    if (state == NULL) {
        state = calloc(1, sizeof(CKThreadState));
        if (state == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
        pthread_setspecific(state_key, state);
    }
    return state;
}

static UBreakIterator *iterator(CKBreakKind kind, UErrorCode *error) {
    CKThreadState *state = thread_state(error);
    if (state == NULL) return NULL;
    if (state->iterators[kind] == NULL) {
        /* ss=standard suppresses breaks after ICU's list of abbreviations (Mr., Dr.). */
        const char *locale = kind == CK_BREAK_WORD ? "en_US" : "en_US@ss=standard";
        UBreakIteratorType type = kind == CK_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
        state->iterators[kind] = ubrk_open(type, locale, NULL, 0, error);
    }
    return state->iterators[kind];
}

int32_t ck_break_begin(CKBreakKind kind, const uint16_t *text, int32_t length) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *it = iterator(kind, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    ubrk_setText(it, (const UChar *)text, length, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    ubrk_first(it);
    CKThreadState *state = thread_state(&error);
    if (kind == CK_BREAK_WORD) {
        state->word_text = text;
        state->word_previous = 0;
    } else {
        state->sentence_text = text;
        state->sentence_length = length;
        state->sentence_position = 0;
        state->sentence_in_paragraph = 0;
    }
    return 0;
}

int32_t ck_break_next(CKBreakKind kind, int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *it = iterator(kind, &error);
    if (U_FAILURE(error)) return 0;
    int32_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(it);
        if (boundary == UBRK_DONE) break;
        boundaries[count] = boundary;
        if (statuses != NULL) statuses[count] = ubrk_getRuleStatus(it);
        count++;
    }
    return count;
}

/* The rule status band of a segment that starts with ASCII unit `unit`, or
   -1 where only ICU can tell: "_" joins letters and digits into one word
   ("snake_case") or stands alone, and "@" starts a handle ("@POTUS") or
   stands alone. A segment that starts with a letter is a word
   (UBRK_WORD_LETTER) and one that starts with a digit a number or an
   alphanumeric word, which callers treat alike; any other ASCII starts a
   segment of no word status (UBRK_WORD_NONE). WordBreakStatusTests holds
   this against ICU for every pair of characters in several contexts. */
static int8_t ascii_band[128];
static pthread_once_t band_once = PTHREAD_ONCE_INIT;

static void make_bands(void) {
    for (int unit = 0; unit < 128; unit++) {
        if ((unit >= 'a' && unit <= 'z') || (unit >= 'A' && unit <= 'Z')) ascii_band[unit] = 2;
        else if (unit >= '0' && unit <= '9') ascii_band[unit] = 1;
        else if (unit == '_' || unit == '@') ascii_band[unit] = -1;
        else ascii_band[unit] = 0;
    }
}

int32_t ck_word_break_next(int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *it = iterator(CK_BREAK_WORD, &error);
    if (U_FAILURE(error)) return 0;
    pthread_once(&band_once, make_bands);
    CKThreadState *state = pthread_getspecific(state_key);
    const uint16_t *text = state->word_text;
    int32_t previous = state->word_previous;
    int32_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(it);
        if (boundary == UBRK_DONE) break;
        boundaries[count] = boundary;
        uint16_t first = text[previous];
        uint16_t last = text[boundary - 1];
        int band = first < 128 ? ascii_band[first] : -1;
        /* ICU gives "a_" and a combining mark no word status: a word is
           settled by its first unit only when it also ends in a letter or digit. */
        if (band > 0 && (last >= 128 || ascii_band[last] <= 0)) band = -1;
        statuses[count] = band < 0 ? ubrk_getRuleStatus(it) : band * 100;
        previous = boundary;
        count++;
    }
    state->word_previous = previous;
    return count;
}

/* Whether a unit may end a sentence or a paragraph in UAX #29's sentence
   rules: a terminator (STerm, ATerm), a paragraph separator (Sep) or CR.
   LF is left out: the break after it is a line start the splitter marks
   itself. A surrogate is taken to be one, to stay on the safe side. */
static int may_end_sentence(uint16_t unit) {
    if (unit < 0x80) return unit == '.' || unit == '!' || unit == '?' || unit == '\r';
    if (U16_IS_SURROGATE(unit)) return 1;
    int32_t value = u_getIntPropertyValue(unit, UCHAR_SENTENCE_BREAK);
    return value == U_SB_ATERM || value == U_SB_STERM || value == U_SB_SEP;
}

/* Four UTF-16 units read as one word, for scanning four at a time. */
static inline uint64_t four_units(const uint16_t *text) {
    uint64_t word;
    memcpy(&word, text, sizeof word);
    return word;
}

/* Non-zero when some lane of `word` may equal `unit`: exact when no lane
   does, and a false alarm only sends the caller to check unit by unit. */
static inline uint64_t some_lane_equals(uint64_t word, uint16_t unit) {
    const uint64_t ones = 0x0001000100010001ULL;
    uint64_t difference = word ^ (ones * unit);
    return (difference - ones) & ~difference & 0x8000800080008000ULL;
}

/* The first unit at or after `from` that may end a sentence, or `length`.
   Four units at a time while none is '.', '!', '?', CR or beyond ASCII. */
static int32_t next_sentence_end_candidate(const uint16_t *text, int32_t from, int32_t length) {
    int32_t i = from;
    while (i + 4 <= length) {
        uint64_t word = four_units(text + i);
        if ((word & 0xFF80FF80FF80FF80ULL) | some_lane_equals(word, '.') | some_lane_equals(word, '!')
            | some_lane_equals(word, '?') | some_lane_equals(word, '\r')) {
            break;
        }
        i += 4;
    }
    while (i < length && !may_end_sentence(text[i])) i++;
    return i;
}

/* Where a window may start: after white space. The set need not match the
   tokenizer's: stopping earlier or later in a paragraph's text before its
   first terminator changes nothing, since no boundary can fall there. */
static int is_white(uint16_t unit) {
    return unit == ' ' || (unit >= 0x09 && unit <= 0x0D) || unit == 0xA0 || unit == 0x85 || unit == 0x2028
        || unit == 0x2029;
}

/* The offset just past the first line feed at or after `from`, or `length`. */
static int32_t paragraph_end(const uint16_t *text, int32_t from, int32_t length) {
    int32_t i = from;
    while (i + 4 <= length && !some_lane_equals(four_units(text + i), '\n')) i += 4;
    while (i < length && text[i] != '\n') i++;
    return i < length ? i + 1 : length;
}

int32_t ck_sentence_break_next(int32_t *boundaries, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *it = iterator(CK_BREAK_SENTENCE, &error);
    if (U_FAILURE(error)) return 0;
    CKThreadState *state = pthread_getspecific(state_key);
    const uint16_t *text = state->sentence_text;
    int32_t length = state->sentence_length;
    int32_t count = 0;
    while (count < capacity) {
        if (!state->sentence_in_paragraph) {
            int32_t candidate = next_sentence_end_candidate(text, state->sentence_position, length);
            if (candidate >= length) break;
            /* Rules look back no further than the word before a terminator
               (an abbreviation ICU suppresses), so ICU starts at that word. */
            int32_t start = candidate;
            while (start > state->sentence_position && !is_white(text[start - 1])) start--;
            int32_t end = paragraph_end(text, candidate, length);
            ubrk_setText(it, (const UChar *)(text + start), end - start, &error);
            if (U_FAILURE(error)) break;
            ubrk_first(it);
            state->sentence_window = start;
            state->sentence_position = end;
            state->sentence_in_paragraph = 1;
        }
        int32_t boundary = ubrk_next(it);
        if (boundary == UBRK_DONE) {
            state->sentence_in_paragraph = 0;
            continue;
        }
        boundaries[count++] = state->sentence_window + boundary;
    }
    return count;
}

int32_t ck_fold(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfkc_cf = unorm2_getNFKCCasefoldInstance(&error);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&error);
    if (U_FAILURE(error)) return -1;
    /* NFKC and case folding can grow a string up to 18-fold; 4-fold covers
       real text, and a longer result is reported as an error, not truncated. */
    int32_t scratch_capacity = length * 4 + 16;
    UChar small[2 * 272];
    UChar *scratch = scratch_capacity <= 272 ? small : malloc(sizeof(UChar) * 2 * (size_t)scratch_capacity);
    if (scratch == NULL) return -1;
    UChar *folded = scratch;
    UChar *decomposed = scratch + scratch_capacity;
    int32_t written = -1;
    int32_t folded_length = unorm2_normalize(nfkc_cf, (const UChar *)source, length, folded, scratch_capacity, &error);
    int32_t decomposed_length = 0;
    if (U_SUCCESS(error)) {
        decomposed_length = unorm2_normalize(nfd, folded, folded_length, decomposed, scratch_capacity, &error);
    }
    if (U_SUCCESS(error)) {
        written = 0;
        for (int32_t i = 0; i < decomposed_length;) {
            UChar32 c;
            int32_t start = i;
            U16_NEXT(decomposed, i, decomposed_length, c);
            if (u_charType(c) == U_NON_SPACING_MARK) continue;
            for (int32_t j = start; j < i; j++) {
                if (written < capacity) destination[written] = decomposed[j];
                written++;
            }
        }
    }
    if (scratch != small) free(scratch);
    return written;
}

void ck_keep_freed_memory(void) {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
