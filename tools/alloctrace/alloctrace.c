/*
 * alloctrace: an LD_PRELOAD library that records the heap allocations of any Linux program as a
 * `mempred-trace v2` text file (docs/design.md "Trace format"; the reader's descriptor is
 * lab/.../trace/TraceFormat.java):
 *
 *   # mempred-trace v2
 *   <t_ns> a <id> <size> <site>   allocate: malloc, calloc, realloc, posix_memalign, aligned_alloc,
 *   <t_ns> f <id>                 free      memalign, valloc, pvalloc, reallocarray
 *
 * Sites: <site> (hex) names the code that allocated. It hashes the first SITE_FRAMES return
 * addresses on the stack outside this library, each as (file name of its module, offset from the
 * module's load base): the same binary gives the same sites on every run whatever ASLR does, and
 * a site survives wrappers such as xmalloc or PyMem_RawMalloc, which one return address would
 * not see through. backtrace() runs before the lock is taken; a per-thread cache maps a return
 * address to its module-relative hash, and a table of the modules' address ranges (from
 * dl_iterate_phdr, no symbol lookup) finds the module of a new address. 0 means the stack could
 * not be read.
 *
 * Layout of the state (all of it static or mmap'd: the hooks never call malloc or stdio):
 *
 *   lock (spinlock) -- guards everything below, so events of all threads are totally ordered
 *   table[cap]      -- open addressing, linear probing, backward-shift deletion:
 *                      { uintptr_t ptr (0 = empty); uint64_t id }   grown by mmap at 1/2 load
 *   free_ids[]      -- stack of ids released by free, reused first (ids stay small and dense)
 *   out[OUT_BYTES]  -- text buffer, written with write(2) when full and at exit
 *
 * Invariants: t_ns is taken under the lock, so it is non-decreasing in the file (CLOCK_MONOTONIC
 * minus the process start). A free is recorded *before* the real free returns the memory, so a
 * later malloc of the same address always comes after it in the file. realloc is written as a
 * free of the old id and an allocation of a new one; should another thread have been handed the
 * old address first (a race inside realloc), inserting a live address writes the free first.
 *
 * Bootstrap: dlsym(RTLD_NEXT, ...) may itself call malloc/calloc. While the real functions are
 * being resolved, those calls are served from a static bump buffer; such blocks are never
 * recorded and their free is ignored.
 *
 * Files: one per process, `$MEMPRED_TRACE_DIR/mempred-<comm>-<pid>.trace` (default dir /tmp),
 * created with O_EXCL (a suffix -1, -2, ... if an earlier image with the same pid left one, as
 * after exec). A fork child drops the parent's buffer and table (the parent writes them) and
 * starts its own file and clock: pthread_atfork holds the lock across fork, so no file is torn.
 * Allocations made after the exit-time flush are written through immediately. A process that
 * exits normally without allocating still leaves a header-only file, so "nothing recorded" and
 * "not traced" (a static program, LD_PRELOAD cleared) can be told apart.
 *
 * Cost per hook: one clock_gettime (vDSO), one hash probe sequence, ~40 bytes of formatting, and
 * for an allocation one backtrace() of up to STACK_FRAMES frames (about a microsecond).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <link.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))
#define OUT_BYTES (1 << 20)
#define BOOT_BYTES (64 * 1024)
#define MIN_TABLE_CAP (1u << 16)
#define SITE_FRAMES 4
#define STACK_FRAMES 12
#define SITE_CACHE 256

typedef struct {
    uintptr_t ptr;
    uint64_t id;
} slot_t;

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);
static void *(*real_memalign)(size_t, size_t);
static void *(*real_valloc)(size_t);
static void *(*real_pvalloc)(size_t);

static volatile int lock_word;
static volatile int init_state; /* 0 = not started, 1 = resolving, 2 = ready */
static __thread int in_hook __attribute__((tls_model("initial-exec")));
static __thread uintptr_t site_cache_addr[SITE_CACHE] __attribute__((tls_model("initial-exec")));
static __thread uint64_t site_cache_hash[SITE_CACHE] __attribute__((tls_model("initial-exec")));
static uintptr_t own_base; /* this library's load base: its frames are not the program's site */

static _Alignas(16) char boot_buf[BOOT_BYTES];
static size_t boot_used;

static slot_t *table;
static size_t table_cap, table_count;
static uint64_t *free_ids;
static size_t free_ids_cap, free_ids_count;
static uint64_t next_id;

static char out[OUT_BYTES];
static size_t out_len;
static int out_fd = -1;
static int write_through;
static int disabled;
static int64_t start_ns;

/* ---------------------------------------------------------------- lock, clock, output */

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    __asm__ __volatile__("" ::: "memory");
#endif
}

static void lock(void) {
    while (__atomic_exchange_n(&lock_word, 1, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&lock_word, __ATOMIC_RELAXED)) {
            cpu_relax();
        }
    }
}

static void unlock(void) {
    __atomic_store_n(&lock_word, 0, __ATOMIC_RELEASE);
}

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static size_t put_u64(char *dst, uint64_t v) {
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++) {
        dst[i] = tmp[n - 1 - i];
    }
    return n;
}

static size_t put_str(char *dst, const char *s) {
    size_t n = strlen(s);
    memcpy(dst, s, n);
    return n;
}

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            disabled = 1; /* disk full or closed: stop tracing rather than write a torn file */
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

/* Short program name from /proc/self/comm, made safe for a file name. */
static size_t read_comm(char *dst, size_t cap) {
    int fd = open("/proc/self/comm", O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, dst, cap) : -1;
    if (fd >= 0) {
        close(fd);
    }
    size_t len = 0;
    for (ssize_t i = 0; i < n && dst[i] != '\n'; i++) {
        char c = dst[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
        dst[len++] = ok ? c : '_';
    }
    return len;
}

static void open_output(void) {
    const char *dir = getenv("MEMPRED_TRACE_DIR");
    char path[4096];
    char comm[64];
    size_t comm_len = read_comm(comm, sizeof comm);
    for (unsigned attempt = 0; attempt < 1000; attempt++) {
        size_t n = put_str(path, dir && *dir && strlen(dir) < 3900 ? dir : "/tmp");
        n += put_str(path + n, "/mempred-");
        memcpy(path + n, comm, comm_len);
        n += comm_len;
        path[n++] = '-';
        n += put_u64(path + n, (uint64_t)getpid());
        if (attempt > 0) {
            path[n++] = '-';
            n += put_u64(path + n, attempt);
        }
        n += put_str(path + n, ".trace");
        path[n] = '\0';
        out_fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (out_fd >= 0) {
            write_all(out_fd, "# mempred-trace v2\n", 19);
            return;
        }
        if (errno != EEXIST) {
            break;
        }
    }
    disabled = 1;
}

/* Caller holds the lock. */
static void flush_locked(void) {
    if (out_len == 0 || disabled) {
        out_len = 0;
        return;
    }
    if (out_fd < 0) {
        open_output();
    }
    if (!disabled) {
        write_all(out_fd, out, out_len);
    }
    out_len = 0;
}

static size_t put_hex(char *dst, uint64_t v) {
    char tmp[16];
    size_t n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    for (size_t i = 0; i < n; i++) {
        dst[i] = tmp[n - 1 - i];
    }
    return n;
}

/* Appends one event line; caller holds the lock. size < 0 means a free. */
static void emit_locked(uint64_t id, int64_t size, uint64_t site) {
    if (OUT_BYTES - out_len < 80) {
        flush_locked();
    }
    int64_t t = now_ns() - start_ns;
    char *p = out + out_len;
    p += put_u64(p, (uint64_t)(t < 0 ? 0 : t));
    *p++ = ' ';
    *p++ = size < 0 ? 'f' : 'a';
    *p++ = ' ';
    p += put_u64(p, id);
    if (size >= 0) {
        *p++ = ' ';
        p += put_u64(p, (uint64_t)size);
        *p++ = ' ';
        p += put_hex(p, site);
    }
    *p++ = '\n';
    out_len = (size_t)(p - out);
    if (write_through) {
        flush_locked();
    }
}

/* ---------------------------------------------------------------- pointer -> id table */

static void *map_bytes(size_t bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

static size_t home_of(uintptr_t ptr, size_t cap) {
    return (size_t)(((uint64_t)ptr >> 4) * 0x9E3779B97F4A7C15ULL >> 32) & (cap - 1);
}

static void insert_raw(slot_t *t, size_t cap, uintptr_t ptr, uint64_t id) {
    size_t i = home_of(ptr, cap);
    while (t[i].ptr != 0) {
        i = (i + 1) & (cap - 1);
    }
    t[i].ptr = ptr;
    t[i].id = id;
}

static int grow_table(void) {
    size_t cap = table_cap ? table_cap * 2 : MIN_TABLE_CAP;
    slot_t *t = map_bytes(cap * sizeof(slot_t));
    if (!t) {
        return 0;
    }
    for (size_t i = 0; i < table_cap; i++) {
        if (table[i].ptr) {
            insert_raw(t, cap, table[i].ptr, table[i].id);
        }
    }
    if (table) {
        munmap(table, table_cap * sizeof(slot_t));
    }
    table = t;
    table_cap = cap;
    return 1;
}

/* Index of ptr in the table, or (size_t)-1. */
static size_t find_slot(uintptr_t ptr) {
    if (!table) {
        return (size_t)-1;
    }
    for (size_t i = home_of(ptr, table_cap);; i = (i + 1) & (table_cap - 1)) {
        if (table[i].ptr == ptr) {
            return i;
        }
        if (table[i].ptr == 0) {
            return (size_t)-1;
        }
    }
}

/* Backward-shift deletion keeps probe sequences intact without tombstones. */
static void delete_slot(size_t hole) {
    size_t mask = table_cap - 1;
    for (size_t j = (hole + 1) & mask; table[j].ptr != 0; j = (j + 1) & mask) {
        size_t home = home_of(table[j].ptr, table_cap);
        if (((j - home) & mask) >= ((j - hole) & mask)) {
            table[hole] = table[j];
            table[j].ptr = 0;
            hole = j;
        }
    }
    table[hole].ptr = 0;
    table_count--;
}

static void release_id(uint64_t id) {
    if (free_ids_count == free_ids_cap) {
        size_t cap = free_ids_cap ? free_ids_cap * 2 : 4096;
        uint64_t *ids = map_bytes(cap * sizeof(uint64_t));
        if (!ids) {
            return; /* the id is simply never reused */
        }
        if (free_ids) {
            memcpy(ids, free_ids, free_ids_count * sizeof(uint64_t));
            munmap(free_ids, free_ids_cap * sizeof(uint64_t));
        }
        free_ids = ids;
        free_ids_cap = cap;
    }
    free_ids[free_ids_count++] = id;
}

/* Records the free of ptr if it is tracked; caller holds the lock. */
static void record_free_locked(uintptr_t ptr) {
    size_t i = find_slot(ptr);
    if (i == (size_t)-1) {
        return;
    }
    uint64_t id = table[i].id;
    delete_slot(i);
    release_id(id);
    emit_locked(id, -1, 0);
}

/* Records an allocation of size bytes at ptr from site; caller holds the lock. */
static void record_alloc_locked(uintptr_t ptr, size_t size, uint64_t site) {
    record_free_locked(ptr); /* only when another thread won a race inside realloc */
    if ((table_count + 1) * 2 > table_cap && !grow_table()) {
        disabled = 1;
        return;
    }
    uint64_t id = free_ids_count ? free_ids[--free_ids_count] : next_id++;
    insert_raw(table, table_cap, ptr, id);
    table_count++;
    emit_locked(id, (int64_t)size, site);
}

/* ---------------------------------------------------------------- allocation sites */

static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* FNV-1a of the file name's last path component: the module, not where it is installed. */
static uint64_t name_hash(const char *path) {
    const char *base = path;
    for (const char *c = path; *c; c++) {
        if (*c == '/') {
            base = c + 1;
        }
    }
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const char *c = base; *c; c++) {
        h = (h ^ (unsigned char)*c) * 0x100000001b3ULL;
    }
    return h;
}

/* Loaded modules' address ranges (PT_LOAD segments), refreshed from dl_iterate_phdr when an
 * address falls in none of them (a module dlopen'd since). dl_iterate_phdr runs without mod_lock
 * held, filling a stack buffer, so a thread inside the loader that allocates never waits on a
 * thread that waits for the loader; mod_lock only guards the copy and the lookups. */
#define MAX_MODULES 1024
typedef struct {
    uintptr_t lo, hi, base;
    uint64_t name;
} module_t;
static module_t modules[MAX_MODULES];
static int module_count;
static volatile int mod_lock;

typedef struct {
    module_t *out;
    int count;
} collect_t;

static int collect_module(struct dl_phdr_info *info, size_t size, void *arg) {
    (void)size;
    collect_t *c = arg;
    uint64_t name = name_hash(info->dlpi_name ? info->dlpi_name : "");
    for (int i = 0; i < info->dlpi_phnum && c->count < MAX_MODULES; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD) {
            uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
            c->out[c->count++] = (module_t){lo, lo + ph->p_memsz, info->dlpi_addr, name};
        }
    }
    return 0;
}

static int find_module(uintptr_t a, module_t *found) {
    while (__atomic_exchange_n(&mod_lock, 1, __ATOMIC_ACQUIRE)) {
        cpu_relax();
    }
    int hit = 0;
    for (int i = 0; i < module_count && !hit; i++) {
        if (a >= modules[i].lo && a < modules[i].hi) {
            *found = modules[i];
            hit = 1;
        }
    }
    __atomic_store_n(&mod_lock, 0, __ATOMIC_RELEASE);
    return hit;
}

static void refresh_modules(void) {
    module_t fresh[MAX_MODULES];
    collect_t c = {fresh, 0};
    dl_iterate_phdr(collect_module, &c);
    while (__atomic_exchange_n(&mod_lock, 1, __ATOMIC_ACQUIRE)) {
        cpu_relax();
    }
    memcpy(modules, fresh, (size_t)c.count * sizeof(module_t));
    module_count = c.count;
    __atomic_store_n(&mod_lock, 0, __ATOMIC_RELEASE);
}

/* The module-relative hash of return address a, or 0 when it lies in this library. */
static uint64_t frame_hash(uintptr_t a) {
    size_t i = (size_t)((a >> 2) * 0x9E3779B97F4A7C15ULL >> 56) & (SITE_CACHE - 1);
    if (site_cache_addr[i] == a) {
        return site_cache_hash[i];
    }
    module_t m;
    uint64_t h;
    int known = find_module(a, &m);
    if (!known) {
        refresh_modules();
        known = find_module(a, &m);
    }
    if (known) {
        h = m.base == own_base ? 0 : mix64(m.name + (a - m.base));
    } else {
        h = mix64(a); /* in no module (generated code): the address itself */
    }
    site_cache_addr[i] = a;
    site_cache_hash[i] = h;
    return h;
}

/* The site of the allocation being recorded; the caller has set in_hook, not taken the lock. */
static uint64_t current_site(void) {
    void *frames[STACK_FRAMES];
    int n = backtrace(frames, STACK_FRAMES);
    uint64_t site = 0;
    int used = 0;
    for (int i = 0; i < n && used < SITE_FRAMES; i++) {
        uint64_t h = frame_hash((uintptr_t)frames[i]);
        if (h != 0) {
            site = mix64(site ^ h) + (uint64_t)used;
            used++;
        }
    }
    return used == 0 || site == 0 ? 0 : site;
}

/* ---------------------------------------------------------------- initialisation, fork, exit */

static void init(void);

static void *boot_alloc(size_t size) {
    size_t need = ((size + 15) & ~(size_t)15) + 16;
    size_t at = __atomic_fetch_add(&boot_used, need, __ATOMIC_RELAXED);
    if (at + need > BOOT_BYTES) {
        return NULL;
    }
    *(size_t *)(boot_buf + at) = size;
    return boot_buf + at + 16; /* zeroed: the buffer is static and never reused */
}

static int is_boot(const void *p) {
    return (const char *)p >= boot_buf && (const char *)p < boot_buf + BOOT_BYTES;
}

static void before_fork(void) {
    lock();
}

static void after_fork_parent(void) {
    unlock();
}

static void after_fork_child(void) {
    if (table) {
        munmap(table, table_cap * sizeof(slot_t));
    }
    table = NULL;
    table_cap = table_count = 0;
    free_ids_count = 0;
    next_id = 0;
    out_len = 0; /* the parent writes what it buffered */
    out_fd = -1;
    write_through = 0;
    start_ns = now_ns();
    unlock();
}

#define RESOLVE(name) real_##name = (__typeof__(real_##name))dlsym(RTLD_NEXT, #name)

static void init(void) {
    int expected = 0;
    if (!__atomic_compare_exchange_n(&init_state, &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) != 2 && !in_hook) {
            cpu_relax();
        }
        return;
    }
    in_hook = 1;
    start_ns = now_ns();
    RESOLVE(free); /* first: a block dlsym mallocs while resolving the rest can be freed */
    RESOLVE(malloc);
    RESOLVE(calloc);
    RESOLVE(realloc);
    RESOLVE(posix_memalign);
    RESOLVE(aligned_alloc);
    RESOLVE(memalign);
    RESOLVE(valloc);
    RESOLVE(pvalloc);
    pthread_atfork(before_fork, after_fork_parent, after_fork_child);
    refresh_modules();
    module_t self;
    if (find_module((uintptr_t)&init, &self)) {
        own_base = self.base;
    }
    in_hook = 0;
    __atomic_store_n(&init_state, 2, __ATOMIC_RELEASE);
}

__attribute__((constructor)) static void on_load(void) {
    if (init_state == 0) {
        init();
    }
}

__attribute__((destructor)) static void on_exit_flush(void) {
    lock();
    if (out_fd < 0 && !disabled) {
        open_output(); /* a header-only file: the library was loaded but saw no allocation */
    }
    flush_locked();
    write_through = 1; /* later destructors' frees still reach the file */
    unlock();
}

/* ---------------------------------------------------------------- hooks */

/* True when this call must not be recorded (re-entered, or still bootstrapping). */
static int bypass(void) {
    if (init_state != 2) {
        init();
    }
    return in_hook || init_state != 2 || disabled;
}

static void *after_alloc(void *p, size_t size) {
    if (p) {
        in_hook = 1;
        uint64_t site = current_site();
        lock();
        record_alloc_locked((uintptr_t)p, size, site);
        unlock();
        in_hook = 0;
    }
    return p;
}

static void before_free(void *p) {
    in_hook = 1;
    lock();
    record_free_locked((uintptr_t)p);
    unlock();
    in_hook = 0;
}

EXPORT void *malloc(size_t size) {
    if (bypass()) {
        return real_malloc ? real_malloc(size) : boot_alloc(size);
    }
    return after_alloc(real_malloc(size), size);
}

EXPORT void *calloc(size_t n, size_t size) {
    size_t total;
    if (__builtin_mul_overflow(n, size, &total)) {
        errno = ENOMEM;
        return NULL;
    }
    if (bypass()) {
        return real_calloc ? real_calloc(n, size) : boot_alloc(total);
    }
    return after_alloc(real_calloc(n, size), total);
}

EXPORT void free(void *p) {
    if (!p || is_boot(p)) {
        return;
    }
    if (!real_free) {
        init();
        if (!real_free) {
            return; /* freed while free itself is being resolved: leak it */
        }
    }
    if (!bypass()) {
        before_free(p);
    }
    real_free(p);
}

EXPORT void *realloc(void *p, size_t size) {
    if (p && is_boot(p)) {
        size_t old = *(size_t *)((char *)p - 16);
        void *q = malloc(size);
        if (q) {
            memcpy(q, p, old < size ? old : size);
        }
        return q;
    }
    if (bypass()) {
        return real_realloc ? real_realloc(p, size) : boot_alloc(size);
    }
    void *q = real_realloc(p, size);
    if (q || (p && size == 0)) { /* success, or realloc(p, 0) freed p */
        in_hook = 1;
        uint64_t site = q ? current_site() : 0;
        lock();
        if (p) {
            record_free_locked((uintptr_t)p);
        }
        if (q) {
            record_alloc_locked((uintptr_t)q, size, site);
        }
        unlock();
        in_hook = 0;
    }
    return q;
}

EXPORT void *reallocarray(void *p, size_t n, size_t size) {
    size_t total;
    if (__builtin_mul_overflow(n, size, &total)) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, total);
}

EXPORT int posix_memalign(void **out_ptr, size_t alignment, size_t size) {
    if (bypass()) {
        return real_posix_memalign(out_ptr, alignment, size);
    }
    int rc = real_posix_memalign(out_ptr, alignment, size);
    if (rc == 0) {
        after_alloc(*out_ptr, size);
    }
    return rc;
}

EXPORT void *aligned_alloc(size_t alignment, size_t size) {
    return bypass() ? real_aligned_alloc(alignment, size) : after_alloc(real_aligned_alloc(alignment, size), size);
}

EXPORT void *memalign(size_t alignment, size_t size) {
    return bypass() ? real_memalign(alignment, size) : after_alloc(real_memalign(alignment, size), size);
}

EXPORT void *valloc(size_t size) {
    return bypass() ? real_valloc(size) : after_alloc(real_valloc(size), size);
}

EXPORT void *pvalloc(size_t size) {
    return bypass() ? real_pvalloc(size) : after_alloc(real_pvalloc(size), size);
}
