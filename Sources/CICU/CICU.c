#include "CICU.h"

#include <pthread.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

/* One iterator of each kind per thread: opening one costs far more than a
   short article, and an iterator is not thread-safe. */
typedef struct {
    UBreakIterator *iterators[2];
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

static UBreakIterator *iterator(CKBreakKind kind, UErrorCode *error) {
    pthread_once(&state_once, make_key);
    CKThreadState *state = pthread_getspecific(state_key);
    if (state == NULL) {
        state = calloc(1, sizeof(CKThreadState));
        if (state == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
        pthread_setspecific(state_key, state);
    }
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
