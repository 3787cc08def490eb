/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-session.h"

G_BEGIN_DECLS

#define QA_MATERIAL_ERROR (qa_material_error_quark ())

typedef enum
{
  QA_MATERIAL_ERROR_UNREADABLE,  /* the file cannot be read; nothing was stored */
  QA_MATERIAL_ERROR_TOO_LARGE,
  QA_MATERIAL_ERROR_CHANGED,     /* the file changed while it was being stored */
  QA_MATERIAL_ERROR_NOT_FOUND,
  QA_MATERIAL_ERROR_DAMAGED,     /* the stored bytes no longer match their SHA-256 */
} QaMaterialError;

/* The parts of an application (Art. 14, Art. 16(1)). */
typedef enum
{
  QA_MATERIAL_APPLICATION_FORM,  /* 申报表 */
  QA_MATERIAL_OVERVIEW,          /* 组织概述 */
  QA_MATERIAL_SELF_ASSESSMENT,   /* 自评报告 */
  QA_MATERIAL_EVIDENCE,          /* 证实性材料 */
  QA_MATERIAL_OTHER,
} QaMaterialKind;

/* The largest material the session file can hold. */
#define QA_MATERIAL_MAX_SIZE G_GINT64_CONSTANT (1000000000)

#define QA_TYPE_MATERIAL (qa_material_get_type ())
G_DECLARE_FINAL_TYPE (QaMaterial, qa_material, QA, MATERIAL, GObject)

GQuark          qa_material_error_quark          (void);
const char     *qa_material_kind_to_string       (QaMaterialKind   kind);
gboolean        qa_material_kind_from_string     (const char      *str,
                                                  QaMaterialKind  *kind);
const char     *qa_material_kind_get_label       (QaMaterialKind   kind);

gint64          qa_material_get_id               (QaMaterial      *self);
const char     *qa_material_get_applicant_id     (QaMaterial      *self);
QaMaterialKind  qa_material_get_kind             (QaMaterial      *self);
const char     *qa_material_get_filename         (QaMaterial      *self);
const char     *qa_material_get_content_type     (QaMaterial      *self);
const char     *qa_material_get_sha256           (QaMaterial      *self);
gint64          qa_material_get_size             (QaMaterial      *self);
/* Marked by the applicant as holding trade secrets (Art. 14, Art. 23). */
gboolean        qa_material_get_trade_secret     (QaMaterial      *self);
/* The applicant declared that it holds no state secret (Art. 14). */
gboolean        qa_material_get_no_state_secret  (QaMaterial      *self);

/* Stores @file inside the session, streamed (never read into memory whole) and addressed by
 * its SHA-256, so the same bytes are kept once. All or nothing. */
QaMaterial     *qa_materials_add                 (QaSession       *session,
                                                  const char      *applicant_id,
                                                  QaMaterialKind   kind,
                                                  GFile           *file,
                                                  gboolean         trade_secret,
                                                  gboolean         no_state_secret,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
/* The same in a worker thread, on a connection of its own; the session's lists are current
 * when the callback runs. */
void            qa_materials_add_async           (QaSession       *session,
                                                  const char      *applicant_id,
                                                  QaMaterialKind   kind,
                                                  GFile           *file,
                                                  gboolean         trade_secret,
                                                  gboolean         no_state_secret,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
QaMaterial     *qa_materials_add_finish          (QaSession       *session,
                                                  GAsyncResult    *result,
                                                  GError         **error);
/* The applicant's materials (QaMaterial), in the order they were added. */
GListModel     *qa_materials_list                (QaSession       *session,
                                                  const char      *applicant_id,
                                                  GError         **error);
gboolean        qa_materials_set_trade_secret    (QaSession       *session,
                                                  gint64           material_id,
                                                  gboolean         trade_secret,
                                                  GError         **error);
/* Removes a material from the dossier; its bytes stay until qa_materials_collect_garbage(),
 * so qa_materials_restore() can undo the removal. */
gboolean        qa_materials_remove              (QaSession       *session,
                                                  gint64           material_id,
                                                  GError         **error);
QaMaterial     *qa_materials_restore             (QaSession       *session,
                                                  QaMaterial      *removed,
                                                  GError         **error);
/* Drops stored bytes no material refers to any more. */
gboolean        qa_materials_collect_garbage     (QaSession       *session,
                                                  GError         **error);
/* Writes the material's bytes to @destination, streamed, checking them against their SHA-256. */
gboolean        qa_materials_extract             (QaSession       *session,
                                                  gint64           material_id,
                                                  GFile           *destination,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

G_END_DECLS
