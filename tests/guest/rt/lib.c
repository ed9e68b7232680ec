/*
 * lib.c - the few libc functions the runtime and tests need: memory and
 * string helpers (GCC may emit calls to them) and a small printf.
 */
#include "rt.h"

/* Fill n bytes at d with c; returns d. */
void *memset(void *d, int c, size_t n)
{
    unsigned char *p = d;

    while (n--)
        *p++ = (unsigned char)c;
    return d;
}

/* Copy n bytes from s to d (no overlap); returns d. */
void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *p = d;
    const unsigned char *q = s;

    while (n--)
        *p++ = *q++;
    return d;
}

/* Copy n bytes from s to d, overlap allowed; returns d. */
void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *p = d;
    const unsigned char *q = s;

    if (p <= q || p >= q + n)
        return memcpy(d, s, n);
    while (n--)
        p[n] = q[n];
    return d;
}

/* Compare n bytes; returns <0, 0 or >0 like the C library. */
int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    for (; n; n--, p++, q++)
        if (*p != *q)
            return *p - *q;
    return 0;
}

/* Length of a NUL-terminated string. */
size_t strlen(const char *s)
{
    size_t n = 0;

    while (s[n])
        n++;
    return n;
}

/* Compare two strings; returns <0, 0 or >0. */
int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

/* ---- formatted output ---------------------------------------------------- */

struct sink {
    void (*put)(struct sink *s, char c);
    char *buf;
    size_t size;
    size_t len;             /* characters produced so far */
};

/* Sink callback for rt_vsnprintf: store while there is room. */
static void put_buf(struct sink *s, char c)
{
    if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

/* Sink callback for rt_vprintf: write to the console. */
static void put_con(struct sink *s, char c)
{
    rt_putc(c);
    s->len++;
}

/* Emit c n times. */
static void put_rep(struct sink *s, char c, int n)
{
    while (n-- > 0)
        s->put(s, c);
}

/*
 * Emit one converted field: optional sign/prefix, zero or space padding
 * to width, then the digits (or string) body of length len.
 */
static void put_field(struct sink *s, const char *pfx, const char *body,
                      int len, int width, bool left, bool zero)
{
    int plen = (int)strlen(pfx);
    int pad = width - plen - len;

    if (!left && !zero)
        put_rep(s, ' ', pad);
    while (*pfx)
        s->put(s, *pfx++);
    if (!left && zero)
        put_rep(s, '0', pad);
    while (len-- > 0)
        s->put(s, *body++);
    if (left)
        put_rep(s, ' ', pad);
}

/* The formatting engine shared by rt_vprintf and rt_vsnprintf. */
static void format(struct sink *s, const char *fmt, va_list ap)
{
    static const char lower[] = "0123456789abcdef";
    static const char upper[] = "0123456789ABCDEF";
    char tmp[24];

    for (; *fmt; fmt++) {
        bool left = false, zero = false, alt = false, plus = false;
        int width = 0, lng = 0, prec = -1;
        unsigned base;
        uint64_t v;
        const char *digits = lower, *pfx = "";
        int n;

        if (*fmt != '%') {
            s->put(s, *fmt);
            continue;
        }
        for (fmt++;; fmt++) {
            if (*fmt == '-')
                left = true;
            else if (*fmt == '0')
                zero = true;
            else if (*fmt == '#')
                alt = true;
            else if (*fmt == '+')
                plus = true;
            else
                break;
        }
        if (*fmt == '*') {
            width = va_arg(ap, int);
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        if (*fmt == '.') {
            prec = 0;
            for (fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
                prec = prec * 10 + (*fmt - '0');
        }
        for (;; fmt++) {
            if (*fmt == 'l' || *fmt == 'z' || *fmt == 'j' || *fmt == 't')
                lng = 2;
            else if (*fmt == 'h')
                lng = lng > 0 ? 0 : lng - 1;
            else
                break;
        }
        switch (*fmt) {
        case '\0':
            return;
        case '%':
            s->put(s, '%');
            continue;
        case 'c':
            tmp[0] = (char)va_arg(ap, int);
            put_field(s, "", tmp, 1, width, left, false);
            continue;
        case 's': {
            const char *str = va_arg(ap, const char *);

            if (!str)
                str = "(null)";
            n = (int)strlen(str);
            if (prec >= 0 && n > prec)
                n = prec;
            put_field(s, "", str, n, width, left, false);
            continue;
        }
        case 'd':
        case 'i': {
            int64_t sv;

            if (lng == 2)
                sv = va_arg(ap, long);
            else
                sv = va_arg(ap, int);
            if (lng == -1)
                sv = (short)sv;
            else if (lng == -2)
                sv = (signed char)sv;
            if (sv < 0) {
                pfx = "-";
                v = -(uint64_t)sv;
            } else {
                pfx = plus ? "+" : "";
                v = (uint64_t)sv;
            }
            base = 10;
            break;
        }
        case 'p':
            v = (uintptr_t)va_arg(ap, void *);
            pfx = "0x";
            base = 16;
            break;
        case 'u':
        case 'x':
        case 'X':
        case 'o':
            if (lng == 2)
                v = va_arg(ap, unsigned long);
            else
                v = va_arg(ap, unsigned int);
            if (lng == -1)
                v = (uint16_t)v;
            else if (lng == -2)
                v = (uint8_t)v;
            base = *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16;
            if (*fmt == 'X')
                digits = upper;
            if (alt && v && base == 16)
                pfx = *fmt == 'X' ? "0X" : "0x";
            else if (alt && base == 8)
                pfx = "0";
            break;
        default:
            /* unknown conversion: print it literally */
            s->put(s, '%');
            s->put(s, *fmt);
            continue;
        }
        n = 0;
        do {
            tmp[sizeof(tmp) - 1 - n++] = digits[v % base];
            v /= base;
        } while (v);
        while (n < prec && n < (int)sizeof(tmp))
            tmp[sizeof(tmp) - 1 - n++] = '0';
        put_field(s, pfx, tmp + sizeof(tmp) - n, n, width, left,
                  zero && prec < 0);
    }
}

/* Format to the console; returns the number of characters written. */
int rt_vprintf(const char *fmt, va_list ap)
{
    struct sink s = { put_con, NULL, 0, 0 };

    format(&s, fmt, ap);
    return (int)s.len;
}

/* printf to the console; returns the number of characters written. */
int rt_printf(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = rt_vprintf(fmt, ap);
    va_end(ap);
    return n;
}

/* Format into buf; returns the untruncated length. */
int rt_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    struct sink s = { put_buf, buf, n, 0 };

    format(&s, fmt, ap);
    if (n)
        buf[s.len < n ? s.len : n - 1] = '\0';
    return (int)s.len;
}

/* snprintf; returns the untruncated length. */
int rt_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = rt_vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}
