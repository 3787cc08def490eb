/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qa-criteria.h"
#include "qa-database.h"
#include "qa-profile.h"

G_BEGIN_DECLS

/* The stages of the procedure (Art. 16), in order. */
typedef enum
{
  QA_STAGE_APPLICATION,    /* 申报 */
  QA_STAGE_ELIGIBILITY,    /* 资格审查 */
  QA_STAGE_MATERIAL,       /* 资料评审 */
  QA_STAGE_SITE,           /* 现场评审 */
  QA_STAGE_COMPREHENSIVE,  /* 综合评价 */
  QA_STAGE_NOTICE,         /* 审议公示 */
  QA_STAGE_AWARD,          /* 颁证发奖 */
} QaStage;

#define QA_N_STAGES (QA_STAGE_AWARD + 1)

#define QA_TYPE_SESSION (qa_session_get_type ())
G_DECLARE_FINAL_TYPE (QaSession, qa_session, QA, SESSION, GObject)

/* "application", "eligibility", "material", "site", "comprehensive", "notice", "award". */
const char  *qa_stage_to_string          (QaStage      stage);
gboolean     qa_stage_from_string        (const char  *str,
                                          QaStage     *stage);
/* Translated, e.g. 资料评审. */
const char  *qa_stage_get_title          (QaStage      stage);

/* $XDG_DATA_HOME/qareview/qareview.db: what the program and the CLI open by default. */
char        *qa_session_default_path     (void);

/* Writes a new session into @db, which must hold none (QA_DATABASE_ERROR_SESSION_EXISTS).
 * @deadline is the application deadline, YYYY-MM-DD; NULL means 30 September of @year. */
gboolean     qa_session_create           (QaDatabase  *db,
                                          QaProfile   *profile,
                                          guint        year,
                                          const char  *deadline,
                                          GError     **error);
/* Loads the session held in @db (QA_DATABASE_ERROR_NO_SESSION when there is none). */
QaSession   *qa_session_new              (QaDatabase  *db,
                                          GError     **error);
/* Opens the session in the existing file @path (G_IO_ERROR_NOT_FOUND when there is no such file;
 * a file is never created here). */
QaSession   *qa_session_open             (const char  *path,
                                          GError     **error);
/* Opens @path; when the file is new or holds no session, creates the default session and fills
 * it with the demo data, so a first start shows a realistic award. */
QaSession   *qa_session_open_with_demo   (const char  *path,
                                          GError     **error);

typedef enum
{
  QA_RESTORE_NONE                = 0,
  /* The secretariat accepts a backup whose audit trail does not verify; the restore's audit
   * entry says so, naming the first failing entry. */
  QA_RESTORE_ACCEPT_BROKEN_AUDIT = 1 << 0,
} QaRestoreFlags;

/* Puts the backup @backup in the place of the session file @path — the one restore policy, for
 * every face. Only an intact session of this program is restored (never a review package), and
 * only when its audit trail verifies, unless QA_RESTORE_ACCEPT_BROKEN_AUDIT. The session as it
 * was is kept first: as the newest automatic backup in “<file>.backups/”, or, when it cannot be
 * opened, beside it as “<file>.damaged-<time>” (qa_database_restore_damaged()). The restore is
 * recorded in the restored session's audit trail, by @operator_name acting as @operator_role.
 * @kept (optional) is set to where the replaced session is kept, NULL when there was none. */
gboolean     qa_session_restore          (const char      *path,
                                          const char      *backup,
                                          const char      *operator_name,
                                          const char      *operator_role,
                                          QaRestoreFlags   flags,
                                          char           **kept,
                                          GError         **error);

QaDatabase  *qa_session_get_database     (QaSession   *self);
QaProfile   *qa_session_get_profile      (QaSession   *self);
QaCriteria  *qa_session_get_criteria     (QaSession   *self);
guint        qa_session_get_year         (QaSession   *self);
/* YYYY-MM-DD */
const char  *qa_session_get_deadline     (QaSession   *self);
QaStage      qa_session_get_stage        (QaSession   *self);
/* The session's identity (32 hex digits), the same in its review packages and the sheets made in
 * them; NULL in a package made before sessions had one. */
const char  *qa_session_get_uuid         (QaSession   *self);
/* A review package holds one reviewer's work for one stage (see spec/scoresheet.md). */
gboolean     qa_session_is_package       (QaSession   *self);
const char  *qa_session_get_package_reviewer (QaSession *self);
QaStage      qa_session_get_package_stage (QaSession  *self);
/* A review stage (material or site) the chair has closed: no more sheets are taken. */
gboolean     qa_session_stage_is_closed  (QaSession   *self,
                                          QaStage      stage);
/* When the chair closed @stage (ISO 8601 UTC), or NULL while it is open. */
char        *qa_session_dup_stage_closed_at (QaSession *self,
                                          QaStage      stage);
/* Closes a review stage, after an automatic backup of the session: chair only, and refused
 * (QA_CONSENSUS_ERROR_INCOMPLETE, naming every panel member and applicant still missing) until
 * every member's sheet is imported and scores every item of each applicant assigned to them. */
gboolean     qa_session_close_stage      (QaSession   *self,
                                          QaStage      stage,
                                          GError     **error);
/* e.g. "2026届 甘州区人民政府质量奖" (translated pattern). */
char        *qa_session_dup_title        (QaSession   *self);

/* Every applicant (QaApplicant), by reference; the same model for the session's lifetime,
 * updated in place by qa_session_reload(). */
GListModel  *qa_session_get_applicants   (QaSession   *self);
/* The expert pool (QaExpert), by reference; the same model for the session's lifetime, updated
 * in place by qa_session_reload(). */
GListModel  *qa_session_get_experts      (QaSession   *self);
/* How many experts the pool holds; FALSE with @error set when the file cannot be read. */
gboolean     qa_session_count_experts    (QaSession   *self,
                                          guint       *n_experts,
                                          GError     **error);
/* Re-reads what the lists show after a change made elsewhere (another program, the CLI). */
gboolean     qa_session_reload           (QaSession   *self,
                                          GError     **error);

G_END_DECLS
