/* libcurl, loaded with dlopen on first use instead of linked: a run that makes no HTTP request
 * (most runs) does not pay for loading libcurl and the ~30 libraries it pulls in. Only the easy
 * interface SkillEx uses is exposed; option and info numbers are libcurl's stable ABI values. */
#ifndef CCURL_H
#define CCURL_H

#include <stddef.h>
#include <stdint.h>

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

enum {
    CCURL_OPT_WRITEDATA = 10001,
    CCURL_OPT_URL = 10002,
    CCURL_OPT_ERRORBUFFER = 10010,
    CCURL_OPT_WRITEFUNCTION = 20011,
    CCURL_OPT_POSTFIELDS = 10015,
    CCURL_OPT_LOW_SPEED_LIMIT = 19,
    CCURL_OPT_LOW_SPEED_TIME = 20,
    CCURL_OPT_HTTPHEADER = 10023,
    CCURL_OPT_HEADERDATA = 10029,
    CCURL_OPT_CUSTOMREQUEST = 10036,
    CCURL_OPT_NOBODY = 44,
    CCURL_OPT_HEADERFUNCTION = 20079,
    CCURL_OPT_NOSIGNAL = 99,
    CCURL_OPT_TIMEOUT_MS = 155,
    CCURL_OPT_CONNECTTIMEOUT_MS = 156,
    CCURL_OPT_POSTFIELDSIZE_LARGE = 30120,
    CCURL_OPT_PROTOCOLS_STR = 10318,
};

/* Loads libcurl once (thread-safe); 0 when it is usable, else -1 with the reason in `error`. */
int ccurl_load(char *error, size_t error_size);

void *ccurl_easy_init(void);
void ccurl_easy_cleanup(void *handle);
void ccurl_easy_reset(void *handle);
int ccurl_setopt_long(void *handle, int option, long value);
int ccurl_setopt_pointer(void *handle, int option, const void *value);
int ccurl_setopt_offset(void *handle, int option, int64_t value);
int ccurl_setopt_callback(void *handle, int option, ccurl_data_callback callback);
int ccurl_perform(void *handle);
/* The last response's HTTP status (0 when there was none). */
long ccurl_response_code(void *handle);
void *ccurl_slist_append(void *list, const char *text);
void ccurl_slist_free_all(void *list);
const char *ccurl_strerror(int code);

#endif
