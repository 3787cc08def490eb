/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <nettle/sha2.h>

G_BEGIN_DECLS

/* Parses a calendar date written exactly as YYYY-MM-DD (no time, no other form). */
gboolean  _qa_date_parse (const char *str,
                          GDate      *date);
/* Appends @value to a canonical serialisation as its length and bytes (NULL as “-”), so no two
 * different sequences of fields serialise alike: what signatures and hash chains are taken over. */
void      _qa_canonical_append (GString    *out,
                                const char *value);
/* SHA-256 of @data as lowercase hex (what GChecksum prints), and HMAC-SHA256 under @key. Nettle's
 * use the CPU's SHA instructions where there are some: several times GChecksum's speed. */
char     *_qa_sha256_hex      (gconstpointer  data,
                               gsize          length);
/* The SHA-256 that @ctx has taken in, as lowercase hex; @ctx is reset for reuse. */
char     *_qa_sha256_finish_hex (struct sha256_ctx *ctx);
char     *_qa_hmac_sha256_hex (const char    *key,
                               gconstpointer  data,
                               gsize          length);
/* HMAC-SHA256 taken in pieces: _qa_hmac_sha256_new(), _qa_hmac_sha256_update() any number of
 * times, then _qa_hmac_sha256_finish_hex(), which frees (and wipes) the state. */
typedef struct _QaHmac QaHmac;
QaHmac   *_qa_hmac_sha256_new        (const char    *key);
void      _qa_hmac_sha256_update     (QaHmac        *hmac,
                                      gconstpointer  data,
                                      gsize          length);
char     *_qa_hmac_sha256_finish_hex (QaHmac        *hmac);
/* Now, as an ISO 8601 UTC timestamp with seconds, e.g. 2026-11-25T08:36:15Z. */
char     *_qa_now_iso    (void);

/* The date of an official letter from YYYY-MM-DD (today when NULL or not a date), e.g.
 * “2026年11月25日” in Chinese. */
char     *_qa_format_letter_date (const char *iso);
/* Reads @file whole, but never more than @limit bytes: a file whose size is known to be larger
 * is refused before reading, and a stream that does not end (/dev/zero, a FIFO) is refused as
 * soon as it passes @limit. Refusals are @too_large_code in @domain, naming the file; failures
 * to read are G_IO_ERROR, naming it too. */
GBytes   *_qa_read_bounded (GFile       *file,
                            gsize        limit,
                            GQuark       domain,
                            int          too_large_code,
                            GError     **error);

G_END_DECLS
