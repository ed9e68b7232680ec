/*
 * sclp.c - console output through the Service-Call Logical Processor.
 *
 * WRITE EVENT MASK announces which event types we send (VT220 console and
 * line-mode messages), WRITE EVENT DATA carries the text.  Each SERVICE
 * CALL completes with a service-signal external interruption, waited for
 * in an enabled wait.
 */
#include "rt.h"

#define SCLP_CMD_WRITE_EVENT_MASK   0x00780005u
#define SCLP_CMD_WRITE_EVENT_DATA   0x00760005u
#define SCLP_RC_NORMAL              0x0020
#define EXT_SERVICE_SIGNAL          0x2401
#define CR0_SERVICE_SIGNAL          0x200ull    /* CR0 bit 54 */
#define CR0_LOW_ADDR_PROT           (1ull << (63 - 35))

#define EVT_MSG                     0x02        /* line-mode message */
#define EVT_VT220                   0x1a        /* VT220 console data */

/* Mask bit of event type t in a 4-byte event mask. */
#define EVT_MASK(t)                 (0x80000000u >> ((t) - 1))

struct sccb_header {
    uint16_t length;
    uint8_t function_code;
    uint8_t control_mask[3];
    uint16_t response_code;
} __attribute__((packed));

struct evbuf_header {
    uint16_t length;
    uint8_t type;
    uint8_t flags;
    uint16_t reserved;
} __attribute__((packed));

struct wem_sccb {
    struct sccb_header h;
    uint16_t reserved;
    uint16_t mask_length;
    uint32_t cp_receive_mask;
    uint32_t cp_send_mask;
    uint32_t sclp_receive_mask;
    uint32_t sclp_send_mask;
} __attribute__((packed));

/* Message-text object preceded by a general object, in a message data
 * block: the line-mode console's event buffer layout. */
struct mdb_header {
    uint16_t length;
    uint16_t type;
    uint32_t tag;
    uint32_t revision;
} __attribute__((packed));

struct go_obj {
    uint16_t length;
    uint16_t type;
    uint32_t domain;
    uint8_t time[8];
    uint8_t th_time[3];
    uint8_t reserved0;
    uint8_t date[7];
    uint8_t reserved1;
    uint16_t flags;
    uint8_t reserved2[10];
    uint8_t system_name[8];
    uint8_t guest_name[8];
} __attribute__((packed));

struct mto_obj {
    uint16_t length;
    uint16_t type;
    uint16_t line_type_flags;
    uint8_t alarm;
    uint8_t reserved[3];
    uint8_t text[];
} __attribute__((packed));

/* One page, so no SCCB can cross a page boundary. */
static uint8_t sccb_page[4096] __attribute__((aligned(4096)));
static bool sclp_ready;
static unsigned wem_rc;             /* WRITE EVENT MASK response code */

/* Line buffer of the VT220 console. */
static char con_buf[1024];
static size_t con_len;

/* Wait (enabled for external interruptions) until one is taken. */
static void ext_wait(void)
{
    static uint64_t psw[2] __attribute__((aligned(16)));

    psw[0] = PSW_MASK_EXT | PSW_MASK_WAIT | PSW_MASK_64;
    asm volatile("  larl  %%r1,0f\n"
                 "  stg   %%r1,8(%0)\n"
                 "  lpswe 0(%0)\n"
                 "0:\n"
                 : : "a"(psw) : "r1", "memory");
}

/* Issue SERVICE CALL and wait for its completion; returns the cc. */
unsigned rt_sclp_call(uint32_t cmd, void *sccb)
{
    uint64_t cr0, ipm;
    unsigned cc;

    /* Service signals enabled; low-address protection (CR0 bit 35), which a
     * test may have turned on, off while the lowcore is written here. */
    cr0 = rt_stctg(0);
    rt_lctlg(0, (cr0 | CR0_SERVICE_SIGNAL) & ~CR0_LOW_ADDR_PROT);
    do {
        *(volatile uint16_t *)LC_EXT_CODE = 0;
        *(volatile uint32_t *)LC_EXT_PARAM = 0;
        asm volatile("  .insn rre,0xb2200000,%1,%2\n"
                     "  ipm   %0\n"
                     : "=d"(ipm)
                     : "d"((uint64_t)cmd), "d"((uintptr_t)sccb)
                     : "cc", "memory");
        cc = rt_cc_from_ipm(ipm);
    } while (cc == 2);
    while (cc == 0 && (rt_lc16(LC_EXT_CODE) != EXT_SERVICE_SIGNAL ||
                       (rt_lc32(LC_EXT_PARAM) & ~7u) != (uint32_t)(uintptr_t)sccb))
        ext_wait();
    rt_lctlg(0, cr0 | CR0_SERVICE_SIGNAL);
    return cc;
}

/* Announce the event types we send; returns the response code, 0 if the
 * SERVICE CALL was rejected. */
static unsigned sclp_setup(void)
{
    struct wem_sccb *s = (struct wem_sccb *)sccb_page;

    memset(s, 0, sizeof(*s));
    s->h.length = sizeof(*s);
    s->mask_length = 4;
    s->cp_send_mask = EVT_MASK(EVT_VT220) | EVT_MASK(EVT_MSG);
    if (rt_sclp_call(SCLP_CMD_WRITE_EVENT_MASK, s) != 0)
        return 0;
    return s->h.response_code;
}

/* Do WRITE EVENT MASK once, before the first event is built in the
 * shared SCCB page. */
static void sclp_ensure(void)
{
    if (!sclp_ready) {
        sclp_ready = true;
        wem_rc = sclp_setup();
    }
}

/* Response code of the runtime's WRITE EVENT MASK (0x0020 = done). */
unsigned rt_sclp_mask_rc(void)
{
    sclp_ensure();
    return wem_rc;
}

/* Send one event buffer (already in sccb_page after the header) of
 * evlen bytes; returns the response code, 0 if the call failed. */
static unsigned sclp_send(size_t evlen)
{
    struct sccb_header *h = (struct sccb_header *)sccb_page;

    h->length = (uint16_t)(sizeof(*h) + evlen);
    h->function_code = 0;
    memset(h->control_mask, 0, sizeof(h->control_mask));
    h->response_code = 0;
    if (rt_sclp_call(SCLP_CMD_WRITE_EVENT_DATA, h) != 0)
        return 0;
    return h->response_code;
}

/* Send len bytes on the VT220 console. */
static void vt220_write(const char *s, size_t len)
{
    struct evbuf_header *e =
        (struct evbuf_header *)(sccb_page + sizeof(struct sccb_header));

    sclp_ensure();
    memset(e, 0, sizeof(*e));
    e->length = (uint16_t)(sizeof(*e) + len);
    e->type = EVT_VT220;
    memcpy(e + 1, s, len);
    sclp_send(e->length);
}

/* Flush the console line buffer. */
void rt_flush(void)
{
    if (con_len)
        vt220_write(con_buf, con_len);
    con_len = 0;
}

/* Write one character; a newline is sent as CR LF and flushes. */
void rt_putc(char c)
{
    if (con_len + 2 > sizeof(con_buf))
        rt_flush();
    if (c == '\n')
        con_buf[con_len++] = '\r';
    con_buf[con_len++] = c;
    if (c == '\n')
        rt_flush();
}

/* Write len bytes to the console. */
void rt_write(const char *s, size_t len)
{
    while (len--)
        rt_putc(*s++);
}

/* Write a string and a newline. */
void rt_puts(const char *s)
{
    rt_write(s, strlen(s));
    rt_putc('\n');
}

/* ASCII to EBCDIC (code page 500, the one QEMU decodes) for printable
 * characters; others become '.' (0x4b). */
static uint8_t to_ebcdic(char c)
{
    static const char punct[] = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    static const uint8_t punct_e[] = {
        0x40, 0x4f, 0x7f, 0x7b, 0x5b, 0x6c, 0x50, 0x7d, 0x4d, 0x5d, 0x5c,
        0x4e, 0x6b, 0x60, 0x4b, 0x61, 0x7a, 0x5e, 0x4c, 0x7e, 0x6e, 0x6f,
        0x7c, 0x4a, 0xe0, 0x5a, 0x5f, 0x6d, 0x79, 0xc0, 0xbb, 0xd0, 0xa1,
    };
    static const uint8_t alpha_base[3] = { 0x81, 0x91, 0xa2 };
    int i;

    if (c >= '0' && c <= '9')
        return 0xf0 + (c - '0');
    if (c >= 'a' && c <= 'z') {
        i = c - 'a';
        return i < 9 ? alpha_base[0] + i
             : i < 18 ? alpha_base[1] + i - 9 : alpha_base[2] + i - 18;
    }
    if (c >= 'A' && c <= 'Z') {
        i = c - 'A';
        return 0x40 + (i < 9 ? alpha_base[0] + i
                       : i < 18 ? alpha_base[1] + i - 9
                       : alpha_base[2] + i - 18);
    }
    for (i = 0; punct[i]; i++)
        if (punct[i] == c)
            return punct_e[i];
    return 0x4b;
}

/* Write one line on the line-mode console; returns the response code. */
unsigned rt_puts_lm(const char *s)
{
    struct evbuf_header *e =
        (struct evbuf_header *)(sccb_page + sizeof(struct sccb_header));
    struct mdb_header *m = (struct mdb_header *)(e + 1);
    struct go_obj *go = (struct go_obj *)(m + 1);
    struct mto_obj *mto = (struct mto_obj *)(go + 1);
    size_t len = strlen(s), i;
    size_t max = sizeof(sccb_page) - ((uint8_t *)mto->text - sccb_page);

    rt_flush();
    sclp_ensure();
    if (len > max)
        len = max;
    memset(e, 0, (uint8_t *)mto->text - (uint8_t *)e);
    mto->length = (uint16_t)(sizeof(*mto) + len);
    mto->type = 0x0004;                 /* message text */
    mto->line_type_flags = 0x1000;      /* end of text */
    for (i = 0; i < len; i++)
        mto->text[i] = to_ebcdic(s[i]);
    go->length = sizeof(*go);
    go->type = 0x0001;                  /* general object */
    m->length = (uint16_t)(sizeof(*m) + go->length + mto->length);
    m->type = 0x0001;
    m->tag = 0xd4c4c240;                /* "MDB " in EBCDIC */
    m->revision = 1;
    e->length = (uint16_t)(sizeof(*e) + m->length);
    e->type = EVT_MSG;
    return sclp_send(e->length);
}
