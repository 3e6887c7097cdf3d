#include "ccurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

/* libcurl's signatures, with its opaque types as void. */
typedef int (*global_init_fn)(long flags);
typedef void *(*easy_init_fn)(void);
typedef void (*easy_void_fn)(void *handle);
typedef int (*easy_setopt_fn)(void *handle, int option, ...);
typedef int (*easy_perform_fn)(void *handle);
typedef int (*easy_getinfo_fn)(void *handle, int info, ...);
typedef void *(*slist_append_fn)(void *list, const char *text);
typedef void (*slist_free_fn)(void *list);
typedef const char *(*strerror_fn)(int code);

static struct {
    global_init_fn global_init;
    easy_init_fn easy_init;
    easy_void_fn easy_cleanup;
    easy_void_fn easy_reset;
    easy_setopt_fn easy_setopt;
    easy_perform_fn easy_perform;
    easy_getinfo_fn easy_getinfo;
    slist_append_fn slist_append;
    slist_free_fn slist_free_all;
    strerror_fn easy_strerror;
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[256];
static int loaded = 0;

static void *symbol(void *library, const char *name) {
    void *found = dlsym(library, name);
    if (!found && !load_error[0]) snprintf(load_error, sizeof load_error, "libcurl has no %s", name);
    return found;
}

static void load(void) {
    static const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib", NULL};
    void *library = NULL;
    for (int i = 0; names[i] && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "cannot load libcurl (install libcurl4): %s", dlerror());
        return;
    }
    curl.global_init = (global_init_fn)symbol(library, "curl_global_init");
    curl.easy_init = (easy_init_fn)symbol(library, "curl_easy_init");
    curl.easy_cleanup = (easy_void_fn)symbol(library, "curl_easy_cleanup");
    curl.easy_reset = (easy_void_fn)symbol(library, "curl_easy_reset");
    curl.easy_setopt = (easy_setopt_fn)symbol(library, "curl_easy_setopt");
    curl.easy_perform = (easy_perform_fn)symbol(library, "curl_easy_perform");
    curl.easy_getinfo = (easy_getinfo_fn)symbol(library, "curl_easy_getinfo");
    curl.slist_append = (slist_append_fn)symbol(library, "curl_slist_append");
    curl.slist_free_all = (slist_free_fn)symbol(library, "curl_slist_free_all");
    curl.easy_strerror = (strerror_fn)symbol(library, "curl_easy_strerror");
    if (load_error[0]) return;
    /* CURL_GLOBAL_ALL */
    if (curl.global_init(3) != 0) {
        snprintf(load_error, sizeof load_error, "libcurl failed to initialise");
        return;
    }
    loaded = 1;
}

int ccurl_load(char *error, size_t error_size) {
    pthread_once(&once, load);
    if (loaded) return 0;
    if (error && error_size) snprintf(error, error_size, "%s", load_error);
    return -1;
}

void *ccurl_easy_init(void) { return loaded ? curl.easy_init() : NULL; }
void ccurl_easy_cleanup(void *handle) { if (loaded && handle) curl.easy_cleanup(handle); }
void ccurl_easy_reset(void *handle) { if (loaded && handle) curl.easy_reset(handle); }
int ccurl_setopt_long(void *handle, int option, long value) { return curl.easy_setopt(handle, option, value); }
int ccurl_setopt_pointer(void *handle, int option, const void *value) { return curl.easy_setopt(handle, option, value); }
int ccurl_setopt_offset(void *handle, int option, int64_t value) { return curl.easy_setopt(handle, option, (long long)value); }
int ccurl_setopt_callback(void *handle, int option, ccurl_data_callback callback) {
    return curl.easy_setopt(handle, option, callback);
}
int ccurl_perform(void *handle) { return curl.easy_perform(handle); }

long ccurl_response_code(void *handle) {
    long code = 0;
    /* CURLINFO_RESPONSE_CODE = CURLINFO_LONG (0x200000) + 2 */
    if (curl.easy_getinfo(handle, 0x200002, &code) != 0) return 0;
    return code;
}

void *ccurl_slist_append(void *list, const char *text) { return curl.slist_append(list, text); }
void ccurl_slist_free_all(void *list) { if (list) curl.slist_free_all(list); }
const char *ccurl_strerror(int code) { return loaded ? curl.easy_strerror(code) : "libcurl not loaded"; }
