/* A skillex command lives for well under a second to a few seconds and reads state files of
 * megabytes. By default glibc serves each block over 128 KiB with its own mmap (every page of it
 * faulted in and zeroed anew, then unmapped on free), trims the heap top once 128 KiB are free
 * and grows it only as far as each request needs: a site rebuild took ~4,800 page faults. Kept
 * heap memory is reused instead (docs/engineering/benchmarks.md, "The allocator's thresholds"). */
#include "malloc_tuning.h"

#if defined(__linux__)
#include <malloc.h> /* defines __GLIBC__ (through features.h) when the C library is glibc */
#endif

void skillex_tune_malloc(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 << 20);  /* blocks under 64 MiB come from the heap */
    mallopt(M_TRIM_THRESHOLD, 256 << 20); /* free heap is returned only past 256 MiB */
    mallopt(M_TOP_PAD, 64 << 20);         /* the heap grows 64 MiB at a time (address space only) */
#endif
}
