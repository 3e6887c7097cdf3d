/* How the skillex process asks glibc's allocator to keep memory (malloc.h is not visible to
 * Swift). See malloc_tuning.c. */
#ifndef MALLOC_TUNING_H
#define MALLOC_TUNING_H

/* Sets the allocator's thresholds for a short-lived command; does nothing outside glibc. */
void skillex_tune_malloc(void);

#endif
