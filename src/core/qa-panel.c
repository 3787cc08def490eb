/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "qa-applicant-private.h"
#include "qa-applicants-private.h"
#include "qa-audit-private.h"
#include "qa-consensus-private.h"
#include "qa-database-private.h"
#include "qa-outcome-private.h"
#include "qa-expert-private.h"
#include "qa-experts-private.h"
#include "qa-panel-private.h"
#include "qa-session-private.h"
#include "qa-util-private.h"

struct _QaPanel
{
  GObject     parent_instance;

  QaStage     stage;
  char       *chair_id;
  char       *formed_at;
  GStrv       members;
  GStrv       alternates;
  GStrv       applicants;
  GHashTable *scorers;    /* applicant id → GStrv */
  GHashTable *recused;    /* applicant id → GStrv */
  GPtrArray  *problems;   /* QaPanelViolation */
};

G_DEFINE_FINAL_TYPE (QaPanel, qa_panel, G_TYPE_OBJECT)

G_DEFINE_QUARK (qa-panel-error-quark, qa_panel_error)

/* What is said of each review stage; a whole sentence each, for the translators. */
typedef struct
{
  const char *cannot_form;
  const char *cannot_draw;
  const char *not_formed;
  const char *locked;
  const char *no_applicants;
} StageTexts;

static const StageTexts material_texts = {
  N_("The material review panel cannot be formed:"),
  N_("The material review panel cannot be drawn:"),
  N_("The material review panel has not been formed yet; form it or draw it first"),
  N_("Scores of the material review have been received; its panel and applicants can no longer be changed"),
  N_("no applicant is in material review: record the eligibility check (Art. 13) first"),
};

static const StageTexts site_texts = {
  N_("The site review panel cannot be formed:"),
  N_("The site review panel cannot be drawn:"),
  N_("The site review panel has not been formed yet; form it or draw it first"),
  N_("Scores of the site review have been received; its panel and applicants can no longer be changed"),
  N_("no applicant has been advanced to site review: record the panel’s decision after material review first"),
};

static const StageTexts *
stage_texts (QaStage stage)
{
  g_assert (_qa_stage_is_review (stage));

  return stage == QA_STAGE_MATERIAL ? &material_texts : &site_texts;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static char *
tie_key (const char *expert_id,
         const char *applicant_id)
{
  return g_strconcat (expert_id, "\x1f", applicant_id, NULL);
}

static gboolean
strv_has (const char * const *strv,
          const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

/* Whether @strv[@index] already appeared before it. */
static gboolean
strv_repeats (const char * const *strv,
              guint               index)
{
  for (guint i = 0; i < index; i++)
    if (g_strcmp0 (strv[i], strv[index]) == 0)
      return TRUE;
  return FALSE;
}

static void
qa_panel_finalize (GObject *object)
{
  QaPanel *self = (QaPanel *)object;

  g_clear_pointer (&self->chair_id, g_free);
  g_clear_pointer (&self->formed_at, g_free);
  g_clear_pointer (&self->members, g_strfreev);
  g_clear_pointer (&self->alternates, g_strfreev);
  g_clear_pointer (&self->applicants, g_strfreev);
  g_clear_pointer (&self->scorers, g_hash_table_unref);
  g_clear_pointer (&self->recused, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_panel_parent_class)->finalize (object);
}

static void
qa_panel_class_init (QaPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_panel_finalize;
}

static void
qa_panel_init (QaPanel *self)
{
  self->scorers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
  self->recused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
}

void
qa_panel_draw_free (QaPanelDraw *draw)
{
  if (draw == NULL)
    return;

  g_strfreev (draw->pool);
  g_strfreev (draw->members);
  g_strfreev (draw->alternates);
  g_free (draw->drawn_at);
  g_free (draw);
}

/* The random source ------------------------------------------------------------------------- */

guint64
_qa_draw_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

guint64
_qa_draw_below (guint64 *state,
                guint64  bound)
{
  /* 2^64 mod bound: the outputs below it would make the low values likelier. */
  guint64 threshold = (G_MAXUINT64 - bound + 1) % bound;
  guint64 value;

  g_assert (bound > 0);

  do
    value = _qa_draw_next (state);
  while (value < threshold);
  return value % bound;
}

/* What a panel is checked against ------------------------------------------------------------ */

typedef struct
{
  QaProfile  *profile;
  QaStage     stage;
  GPtrArray  *experts;     /* QaExpert: the whole pool, by reference */
  GPtrArray  *applicants;  /* QaApplicant: the stage's, by reference */
  GHashTable *ties;        /* tie_key () of every tie */
} Context;

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->experts, g_ptr_array_unref);
  g_clear_pointer (&ctx->applicants, g_ptr_array_unref);
  g_clear_pointer (&ctx->ties, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

static gpointer
expert_from_row (sqlite3_stmt *stmt)
{
  return _qa_expert_new_from_row (stmt);
}

static gpointer
applicant_from_row (sqlite3_stmt *stmt)
{
  return _qa_applicant_new_from_row (stmt);
}

static gboolean
load_rows (QaDatabase   *db,
           const char   *sql,
           const char   *stage,
           GPtrArray    *rows,
           RowFunc       new_from_row,
           GError      **error)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (stage != NULL)
    sqlite3_bind_text (stmt, 1, stage, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, new_from_row (stmt));
  return _qa_database_check (db, rc, error);
}

/* Reads the pool, the ties, and the applicants of the stage: those a panel formed now would
 * review, or, @as_formed, those the stage holds. */
static gboolean
context_load (Context     *ctx,
              QaDatabase  *db,
              QaProfile   *profile,
              QaStage      stage,
              gboolean     as_formed,
              GError     **error)
{
  g_autoptr(GPtrArray) ties = NULL;
  const char *applicants_sql;

  ctx->profile = profile;
  ctx->stage = stage;
  ctx->experts = g_ptr_array_new_with_free_func (g_object_unref);
  ctx->applicants = g_ptr_array_new_with_free_func (g_object_unref);
  ctx->ties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (stage == QA_STAGE_MATERIAL && !as_formed)
    applicants_sql = "SELECT " QA_APPLICANT_COLUMNS " FROM applicant "
                     "WHERE status IN ('eligible', 'material') OR id IN "
                     "(SELECT applicant_id FROM stage_applicant WHERE stage = ?1) ORDER BY id";
  else
    applicants_sql = "SELECT " QA_APPLICANT_COLUMNS " FROM applicant WHERE id IN "
                     "(SELECT applicant_id FROM stage_applicant WHERE stage = ?1) ORDER BY id";

  if (!load_rows (db, "SELECT " QA_EXPERT_COLUMNS " FROM " QA_EXPERT_FROM " ORDER BY e.id", NULL,
                  ctx->experts, expert_from_row, error) ||
      !load_rows (db, applicants_sql, qa_stage_to_string (stage), ctx->applicants,
                  applicant_from_row, error))
    return FALSE;

  ties = _qa_experts_load_ties (db, ctx->profile, NULL, NULL, error);
  if (ties == NULL)
    return FALSE;
  for (guint i = 0; i < ties->len; i++)
    {
      const QaTie *tie = g_ptr_array_index (ties, i);

      g_hash_table_add (ctx->ties, tie_key (tie->expert_id, tie->applicant_id));
    }
  return TRUE;
}

static QaExpert *
context_find_expert (Context    *ctx,
                     const char *id)
{
  for (guint i = 0; id != NULL && i < ctx->experts->len; i++)
    if (g_strcmp0 (qa_expert_get_id (g_ptr_array_index (ctx->experts, i)), id) == 0)
      return g_ptr_array_index (ctx->experts, i);
  return NULL;
}

static gboolean
context_tied (Context    *ctx,
              const char *expert_id,
              const char *applicant_id)
{
  g_autofree char *key = tie_key (expert_id, applicant_id);

  return g_hash_table_contains (ctx->ties, key);
}

static void
add_problem (GPtrArray  *violations,
             const char *expert_id,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (GPtrArray  *violations,
             const char *expert_id,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (violations, qa_panel_violation_new (expert_id, NULL, message));
}

/* The facts of the experts named in @ids, each once; what is wrong with the names themselves
 * goes to @violations. */
static GArray *
context_collect_facts (Context            *ctx,
                       const char * const *ids,
                       const char * const *members,
                       GPtrArray          *violations)
{
  GArray *facts = g_array_new (FALSE, TRUE, sizeof (QaPanelMemberFacts));
  gboolean are_members = ids == members;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      QaExpert *expert = context_find_expert (ctx, ids[i]);
      QaPanelMemberFacts expert_facts;

      if (strv_repeats (ids, i))
        add_problem (violations, ids[i], are_members ? _("%s is named twice among the members")
                                                     : _("%s is named twice among the alternates"),
                     ids[i]);
      else if (!are_members && strv_has (members, ids[i]))
        add_problem (violations, ids[i], _("%s is both a member and an alternate"), ids[i]);
      else if (expert == NULL)
        add_problem (violations, ids[i], _("there is no expert “%s” in the pool"), ids[i]);
      else
        {
          qa_expert_get_panel_facts (expert, &expert_facts);
          g_array_append_val (facts, expert_facts);
        }
    }
  return facts;
}

/* Each applicant of the stage keeps the members without a tie to it; too few is a violation
 * naming the recused. */
static void
context_check_scorers (Context   *ctx,
                       GArray    *members,
                       GPtrArray *violations)
{
  if (ctx->applicants->len == 0)
    {
      g_ptr_array_add (violations,
                       qa_panel_violation_new (NULL, NULL, _(stage_texts (ctx->stage)->no_applicants)));
      return;
    }

  for (guint a = 0; a < ctx->applicants->len; a++)
    {
      QaApplicant *applicant = g_ptr_array_index (ctx->applicants, a);
      g_autoptr(GArray) recused = g_array_new (FALSE, TRUE, sizeof (QaPanelMemberFacts));
      QaPanelViolation *violation;

      for (guint m = 0; m < members->len; m++)
        {
          const QaPanelMemberFacts *member = &g_array_index (members, QaPanelMemberFacts, m);

          if (context_tied (ctx, member->id, qa_applicant_get_id (applicant)))
            g_array_append_val (recused, *member);
        }
      if (recused->len == 0)
        continue;

      violation = qa_rules_check_scorers (ctx->profile, qa_applicant_get_id (applicant),
                                          qa_applicant_get_name (applicant),
                                          members->len - recused->len,
                                          (const QaPanelMemberFacts *)(gpointer)recused->data,
                                          recused->len);
      if (violation != NULL)
        g_ptr_array_add (violations, violation);
    }
}

static GPtrArray *
context_evaluate (Context            *ctx,
                  const char         *chair_id,
                  const char * const *members,
                  const char * const *alternates)
{
  g_autoptr(GPtrArray) violations = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_panel_violation_free);
  g_autoptr(GArray) member_facts = NULL;
  g_autoptr(GArray) alternate_facts = NULL;
  QaPanelMemberFacts chair = { NULL, };
  gboolean have_chair = chair_id != NULL && *chair_id != '\0';

  member_facts = context_collect_facts (ctx, members, members, violations);

  if (have_chair && context_find_expert (ctx, chair_id) != NULL)
    qa_expert_get_panel_facts (context_find_expert (ctx, chair_id), &chair);
  else if (have_chair)
    {
      chair.id = chair_id;
      if (!strv_has (members, chair_id))
        add_problem (violations, chair_id, _("there is no expert “%s” in the pool"), chair_id);
    }

  g_ptr_array_extend_and_steal (violations,
                                qa_rules_check_panel (ctx->profile,
                                                      (const QaPanelMemberFacts *)(gpointer)member_facts->data,
                                                      member_facts->len,
                                                      have_chair ? &chair : NULL));

  alternate_facts = context_collect_facts (ctx, alternates, members, violations);
  for (guint i = 0; i < alternate_facts->len; i++)
    qa_rules_expert_can_serve (ctx->profile, &g_array_index (alternate_facts, QaPanelMemberFacts, i),
                               violations);

  context_check_scorers (ctx, member_facts, violations);
  return g_steal_pointer (&violations);
}

static gboolean
set_violations_error (GError           **error,
                      int                code,
                      const char        *header,
                      const GPtrArray   *violations)
{
  g_autoptr(GString) message = g_string_new (header);

  for (guint i = 0; i < violations->len; i++)
    {
      const QaPanelViolation *violation = g_ptr_array_index (violations, i);

      g_string_append_c (message, '\n');
      g_string_append (message, violation->message);
    }
  g_set_error_literal (error, QA_PANEL_ERROR, code, message->str);
  return FALSE;
}

/* A stage whose scores have come in keeps its panel and its applicants. */
static gboolean
require_unlocked (QaDatabase  *db,
                  QaStage      stage,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM score WHERE stage = ?1) "
                               "OR EXISTS (SELECT 1 FROM sheet WHERE stage = ?1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  if (sqlite3_column_int (stmt, 0) == 0)
    return TRUE;

  g_set_error_literal (error, QA_PANEL_ERROR, QA_PANEL_ERROR_LOCKED, _(stage_texts (stage)->locked));
  return FALSE;
}

/* A refusal by the rules is noted in the audit trail (the refused change itself changed
 * nothing); other failures are not. Returns FALSE with @local_error moved to @error. */
static gboolean
refuse (QaSession   *session,
        const char  *action,
        QaStage      stage,
        GError      *local_error,
        GError     **error)
{
  if (g_error_matches (local_error, QA_PANEL_ERROR, QA_PANEL_ERROR_RULES))
    {
      g_autoptr(GError) audit_error = NULL;

      if (!qa_audit_record_refusal (qa_session_get_database (session), action, "stage",
                                    qa_stage_to_string (stage), local_error->message, &audit_error))
        g_warning ("A refusal could not be noted in the audit trail: %s", audit_error->message);
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

/* Forming ----------------------------------------------------------------------------------- */

typedef struct
{
  QaProfile          *profile;
  QaStage             stage;
  const char         *chair_id;
  const char * const *members;
  const char * const *alternates;
} Proposal;

static gboolean
run_statement (QaDatabase  *db,
               const char  *sql,
               const char  *first,
               const char  *second,
               const char  *third,
               GError     **error)
{
  sqlite3_stmt *stmt = _qa_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  if (third != NULL)
    sqlite3_bind_text (stmt, 3, third, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

static gboolean
write_members (QaDatabase          *db,
               const char          *stage,
               const char * const  *ids,
               const char          *role,
               GError             **error)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!run_statement (db, "INSERT INTO panel_member (stage, expert_id, role) VALUES (?1, ?2, ?3)",
                        stage, ids[i], role, error))
      return FALSE;
  return TRUE;
}

static gboolean read_composition (QaDatabase  *db,
                                  QaStage      stage,
                                  char       **chair_id,
                                  char       **formed_at,
                                  GStrv       *members,
                                  GStrv       *alternates,
                                  GError     **error);

/* How a panel is written in the audit trail. */
static char *
describe_panel (const char         *chair_id,
                const char * const *members,
                const char * const *alternates)
{
  g_autofree char *member_list = g_strjoinv (",", (char **)members);
  g_autofree char *alternate_list = alternates != NULL ? g_strjoinv (",", (char **)alternates)
                                                       : g_strdup ("");

  return g_strdup_printf ("chair=%s; members=%s; alternates=%s", chair_id, member_list,
                          alternate_list);
}

/* The panel of @stage as it stands, described for the audit trail, or NULL without one. */
static char *
describe_stored_panel (QaDatabase *db,
                       QaStage     stage)
{
  g_autofree char *chair_id = NULL;
  g_autofree char *formed_at = NULL;
  g_auto(GStrv) members = NULL;
  g_auto(GStrv) alternates = NULL;

  if (!read_composition (db, stage, &chair_id, &formed_at, &members, &alternates, NULL))
    return NULL;
  return describe_panel (chair_id, (const char * const *)members, (const char * const *)alternates);
}

static gboolean
write_panel (QaDatabase      *db,
             Context         *ctx,
             const Proposal  *proposal,
             GError         **error)
{
  const char *stage = qa_stage_to_string (proposal->stage);
  g_autofree char *now = _qa_now_iso ();
  g_autofree char *before = describe_stored_panel (db, proposal->stage);
  g_autofree char *after = describe_panel (proposal->chair_id, proposal->members,
                                           proposal->alternates);

  if (!run_statement (db, "DELETE FROM assignment WHERE stage = ?1", stage, NULL, NULL, error) ||
      !run_statement (db, "DELETE FROM panel WHERE stage = ?1", stage, NULL, NULL, error) ||
      !run_statement (db, "INSERT INTO panel (stage, chair_id, formed_at) VALUES (?1, ?2, ?3)",
                      stage, proposal->chair_id, now, error) ||
      !write_members (db, stage, proposal->members, "member", error) ||
      !write_members (db, stage, proposal->alternates, "alternate", error))
    return FALSE;

  for (guint a = 0; a < ctx->applicants->len; a++)
    {
      const char *applicant = qa_applicant_get_id (g_ptr_array_index (ctx->applicants, a));

      if (!run_statement (db, "INSERT OR IGNORE INTO stage_applicant (stage, applicant_id) "
                              "VALUES (?1, ?2)",
                          stage, applicant, NULL, error))
        return FALSE;

      /* Forming the material panel opens material review for the eligible. */
      if (proposal->stage == QA_STAGE_MATERIAL &&
          !run_statement (db, "UPDATE applicant SET status = 'material' "
                              "WHERE id = ?1 AND status = 'eligible'",
                          applicant, NULL, NULL, error))
        return FALSE;

      for (guint m = 0; proposal->members[m] != NULL; m++)
        if (!context_tied (ctx, proposal->members[m], applicant) &&
            !run_statement (db, "INSERT INTO assignment (stage, expert_id, applicant_id) "
                                "VALUES (?1, ?2, ?3)",
                            stage, proposal->members[m], applicant, error))
          return FALSE;
    }

  /* Forming the material panel starts the material review (the session's stage follows). */
  if (proposal->stage == QA_STAGE_MATERIAL && !_qa_outcome_advance_stage (db, QA_STAGE_MATERIAL, error))
    return FALSE;
  return _qa_audit_append (db, "panel.form", "stage", stage, before, after, error);
}

static gboolean
form_cb (QaDatabase  *db,
         gpointer     user_data,
         GError     **error)
{
  const Proposal *proposal = user_data;
  g_auto(Context) ctx = { NULL, };
  g_autoptr(GPtrArray) violations = NULL;

  if (!require_unlocked (db, proposal->stage, error) ||
      !context_load (&ctx, db, proposal->profile, proposal->stage, FALSE, error))
    return FALSE;

  violations = context_evaluate (&ctx, proposal->chair_id, proposal->members, proposal->alternates);
  if (violations->len > 0)
    return set_violations_error (error, QA_PANEL_ERROR_RULES,
                                 _(stage_texts (proposal->stage)->cannot_form), violations);

  return write_panel (db, &ctx, proposal, error);
}

GStrv
qa_panel_dup_stage_applicants (QaSession  *session,
                               QaStage     stage,
                               GError    **error)
{
  g_auto(Context) ctx = { NULL, };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!context_load (&ctx, qa_session_get_database (session), qa_session_get_profile (session),
                     stage, FALSE, error))
    return NULL;

  for (guint i = 0; i < ctx.applicants->len; i++)
    g_strv_builder_add (builder, qa_applicant_get_id (g_ptr_array_index (ctx.applicants, i)));
  return g_strv_builder_end (builder);
}

GPtrArray *
qa_panel_check (QaSession          *session,
                QaStage             stage,
                const char         *chair_id,
                const char * const *members,
                const char * const *alternates,
                GError            **error)
{
  g_auto(Context) ctx = { NULL, };

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);
  g_return_val_if_fail (members != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!context_load (&ctx, qa_session_get_database (session), qa_session_get_profile (session),
                     stage, FALSE, error))
    return NULL;

  return context_evaluate (&ctx, chair_id, members, alternates);
}

gboolean
qa_panel_form (QaSession          *session,
               QaStage             stage,
               const char         *chair_id,
               const char * const *members,
               const char * const *alternates,
               GError            **error)
{
  Proposal proposal = { NULL, stage, chair_id, members, alternates };
  GError *local_error = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (_qa_stage_is_review (stage), FALSE);
  g_return_val_if_fail (members != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  proposal.profile = qa_session_get_profile (session);
  if (!qa_database_transaction (qa_session_get_database (session), form_cb, &proposal, &local_error))
    return refuse (session, "panel.form.refused", stage, local_error, error);
  return qa_session_reload (session, error);
}

/* Reading a formed panel --------------------------------------------------------------------- */

/* The stored chair, members and alternates of @stage; FALSE with QA_PANEL_ERROR_NOT_FORMED when
 * it has no panel. */
static gboolean
read_composition (QaDatabase  *db,
                  QaStage      stage,
                  char       **chair_id,
                  char       **formed_at,
                  GStrv       *members,
                  GStrv       *alternates,
                  GError     **error)
{
  g_autoptr(GStrvBuilder) member_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) alternate_builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db, "SELECT chair_id, formed_at FROM panel WHERE stage = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, QA_PANEL_ERROR, QA_PANEL_ERROR_NOT_FORMED,
                           _(stage_texts (stage)->not_formed));
      return FALSE;
    }
  if (!_qa_database_check (db, rc, error))
    return FALSE;
  *chair_id = g_strdup (column_text (stmt, 0));
  *formed_at = g_strdup (column_text (stmt, 1));

  stmt = _qa_database_prepare (db,
                               "SELECT expert_id, role FROM panel_member WHERE stage = ?1 "
                               "ORDER BY rowid",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (g_strcmp0 (column_text (stmt, 1), "alternate") == 0 ? alternate_builder
                                                                             : member_builder,
                        column_text (stmt, 0));
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  *members = g_strv_builder_end (member_builder);
  *alternates = g_strv_builder_end (alternate_builder);
  return TRUE;
}

static GHashTable *
read_assignments (QaDatabase  *db,
                  QaStage      stage,
                  GError     **error)
{
  g_autoptr(GHashTable) assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _qa_database_prepare (db, "SELECT expert_id, applicant_id FROM assignment WHERE stage = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (assigned, tie_key (column_text (stmt, 0), column_text (stmt, 1)));
  if (!_qa_database_check (db, rc, error))
    return NULL;

  return g_steal_pointer (&assigned);
}

QaPanel *
qa_panel_load (QaSession  *session,
               QaStage     stage,
               GError    **error)
{
  g_autoptr(QaPanel) self = NULL;
  g_autoptr(GHashTable) assigned = NULL;
  g_autoptr(GStrvBuilder) applicants = g_strv_builder_new ();
  g_auto(Context) ctx = { NULL, };
  QaDatabase *db;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = qa_session_get_database (session);
  self = g_object_new (QA_TYPE_PANEL, NULL);
  self->stage = stage;

  if (!read_composition (db, stage, &self->chair_id, &self->formed_at, &self->members,
                         &self->alternates, error) ||
      !context_load (&ctx, db, qa_session_get_profile (session), stage, TRUE, error) ||
      (assigned = read_assignments (db, stage, error)) == NULL)
    return NULL;

  for (guint a = 0; a < ctx.applicants->len; a++)
    {
      const char *applicant = qa_applicant_get_id (g_ptr_array_index (ctx.applicants, a));
      g_autoptr(GStrvBuilder) scorers = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) recused = g_strv_builder_new ();

      g_strv_builder_add (applicants, applicant);
      for (guint m = 0; self->members[m] != NULL; m++)
        {
          g_autofree char *key = tie_key (self->members[m], applicant);

          if (context_tied (&ctx, self->members[m], applicant))
            g_strv_builder_add (recused, self->members[m]);
          else if (g_hash_table_contains (assigned, key))
            g_strv_builder_add (scorers, self->members[m]);
        }
      g_hash_table_insert (self->scorers, g_strdup (applicant), g_strv_builder_end (scorers));
      g_hash_table_insert (self->recused, g_strdup (applicant), g_strv_builder_end (recused));
    }
  self->applicants = g_strv_builder_end (applicants);

  self->problems = context_evaluate (&ctx, self->chair_id, (const char * const *)self->members,
                                     (const char * const *)self->alternates);
  return g_steal_pointer (&self);
}

QaStage
qa_panel_get_stage (QaPanel *self)
{
  g_return_val_if_fail (QA_IS_PANEL (self), QA_STAGE_MATERIAL);
  return self->stage;
}

const char *
qa_panel_get_chair_id (QaPanel *self)
{
  g_return_val_if_fail (QA_IS_PANEL (self), NULL);
  return self->chair_id;
}

const char * const *
qa_panel_get_members (QaPanel *self)
{
  g_return_val_if_fail (QA_IS_PANEL (self), NULL);
  return (const char * const *)self->members;
}

const char * const *
qa_panel_get_alternates (QaPanel *self)
{
  g_return_val_if_fail (QA_IS_PANEL (self), NULL);
  return (const char * const *)self->alternates;
}

const char *
qa_panel_get_formed_at (QaPanel *self)
{
  g_return_val_if_fail (QA_IS_PANEL (self), NULL);
  return self->formed_at;
}

const char * const *
qa_panel_get_applicants (QaPanel *self)
{
  g_return_val_if_fail (QA_IS_PANEL (self), NULL);
  return (const char * const *)self->applicants;
}

static const char * const no_experts[] = { NULL };

const char * const *
qa_panel_get_scorers (QaPanel    *self,
                      const char *applicant_id)
{
  const char * const *scorers;

  g_return_val_if_fail (QA_IS_PANEL (self), NULL);

  scorers = g_hash_table_lookup (self->scorers, applicant_id);
  return scorers != NULL ? scorers : no_experts;
}

const char * const *
qa_panel_get_recused (QaPanel    *self,
                      const char *applicant_id)
{
  const char * const *recused;

  g_return_val_if_fail (QA_IS_PANEL (self), NULL);

  recused = g_hash_table_lookup (self->recused, applicant_id);
  return recused != NULL ? recused : no_experts;
}

GPtrArray *
qa_panel_get_problems (QaPanel *self)
{
  g_return_val_if_fail (QA_IS_PANEL (self), NULL);
  return self->problems;
}

/* The random draw ---------------------------------------------------------------------------- */

const char *
qa_panel_draw_get_choice_note (const QaPanelDraw *draw)
{
  g_return_val_if_fail (draw != NULL, NULL);

  if (!draw->no_choice)
    return NULL;
  return _("Every expert who may serve was drawn: the draw chose nobody, only the order "
           "(and so the chair). Add experts to the pool for a real choice.");
}

typedef struct
{
  QaProfile   *profile;
  QaStage      stage;
  guint        size;
  guint        n_alternates;
  guint64      seed;
  QaPanelDraw *draw;   /* out */
} DrawRequest;

/* Ties of @expert_id with applicants of the stage. */
static GStrv
context_dup_stage_ties (Context    *ctx,
                        const char *expert_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint a = 0; a < ctx->applicants->len; a++)
    {
      const char *applicant = qa_applicant_get_id (g_ptr_array_index (ctx->applicants, a));

      if (context_tied (ctx, expert_id, applicant))
        g_strv_builder_add (builder, applicant);
    }
  return g_strv_builder_end (builder);
}

/* Whether recusing @expert_id still leaves each applicant tied to them @min_scorers scorers,
 * counting the recusals already in @recusals (applicant id → count); counts them if so. */
static gboolean
take_recusals (Context    *ctx,
               GHashTable *recusals,
               const char *expert_id,
               guint       allowed)
{
  g_auto(GStrv) tied = context_dup_stage_ties (ctx, expert_id);

  for (guint i = 0; tied[i] != NULL; i++)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (recusals, tied[i])) >= allowed)
      return FALSE;

  for (guint i = 0; tied[i] != NULL; i++)
    g_hash_table_insert (recusals, g_strdup (tied[i]),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (recusals, tied[i])) + 1));
  return TRUE;
}

static char *
format_pool (Context            *ctx,
             const char * const *pool)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; pool[i] != NULL; i++)
    {
      g_auto(GStrv) tied = context_dup_stage_ties (ctx, pool[i]);

      g_string_append (text, pool[i]);
      for (guint t = 0; tied[t] != NULL; t++)
        g_string_append_printf (text, " %s", tied[t]);
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* “members E03 E05 E07\nalternates E06\n” */
static char *
format_result (QaPanelDraw *draw)
{
  g_autoptr(GString) text = g_string_new ("members");

  for (guint i = 0; draw->members[i] != NULL; i++)
    g_string_append_printf (text, " %s", draw->members[i]);
  g_string_append (text, "\nalternates");
  for (guint i = 0; draw->alternates[i] != NULL; i++)
    g_string_append_printf (text, " %s", draw->alternates[i]);
  g_string_append_c (text, '\n');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
record_draw (QaDatabase   *db,
             Context      *ctx,
             QaPanelDraw  *draw,
             GError      **error)
{
  g_autofree char *pool = format_pool (ctx, (const char * const *)draw->pool);
  g_autofree char *result = format_result (draw);
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO panel_draw (stage, seed, pool, result, drawn_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (draw->stage), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64)draw->seed);
  sqlite3_bind_text (stmt, 3, pool, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, result, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, draw->drawn_at, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  {
    g_autofree char *after = g_strdup_printf ("seed=%" G_GUINT64_FORMAT "; pool=%u; %s", draw->seed,
                                              g_strv_length (draw->pool), result);

    g_strdelimit (after, "\n", ';');
    return _qa_audit_append (db, "panel.draw", "stage", qa_stage_to_string (draw->stage), NULL,
                             g_strchomp (after), error);
  }
}

static gboolean
draw_cb (QaDatabase  *db,
         gpointer     user_data,
         GError     **error)
{
  DrawRequest *request = user_data;
  g_auto(Context) ctx = { NULL, };
  g_autoptr(GPtrArray) unable = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_panel_violation_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) recusals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) pool = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) members = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) alternates = g_strv_builder_new ();
  guint allowed = request->size - qa_profile_get_min_scorers (request->profile);
  guint n_members = 0, n_alternates = 0;
  guint64 state = request->seed;

  if (!require_unlocked (db, request->stage, error) ||
      !context_load (&ctx, db, request->profile, request->stage, FALSE, error))
    return FALSE;

  if (ctx.applicants->len == 0)
    {
      g_ptr_array_add (unable, qa_panel_violation_new (NULL, NULL,
                                                       _(stage_texts (request->stage)->no_applicants)));
      return set_violations_error (error, QA_PANEL_ERROR_RULES,
                                   _(stage_texts (request->stage)->cannot_draw), unable);
    }

  for (guint i = 0; i < ctx.experts->len; i++)
    {
      QaExpert *expert = g_ptr_array_index (ctx.experts, i);
      QaPanelMemberFacts facts;

      qa_expert_get_panel_facts (expert, &facts);
      if (qa_rules_expert_can_serve (request->profile, &facts, unable))
        {
          g_ptr_array_add (order, (gpointer)qa_expert_get_id (expert));
          g_strv_builder_add (pool, qa_expert_get_id (expert));
        }
    }

  for (guint i = order->len; i > 1; i--)
    {
      guint j = (guint)_qa_draw_below (&state, i);
      gpointer swap = order->pdata[i - 1];

      order->pdata[i - 1] = order->pdata[j];
      order->pdata[j] = swap;
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = order->pdata[i];
      g_auto(GStrv) tied = context_dup_stage_ties (&ctx, id);

      if (n_members < request->size && take_recusals (&ctx, recusals, id, allowed))
        {
          g_strv_builder_add (members, id);
          n_members++;
        }
      else if (n_alternates < request->n_alternates && tied[0] == NULL)
        {
          g_strv_builder_add (alternates, id);
          n_alternates++;
        }
    }

  if (n_members < request->size || n_alternates < request->n_alternates)
    {
      g_autofree char *what = NULL;

      what = g_strdup_printf (_("Art. 11: of the %u experts who may serve, %u can be drawn as members (%u asked for) and %u as alternates (%u asked for): a member’s ties may not leave an applicant with fewer than %u scorers, and an alternate may have no tie with an applicant of the stage"),
                              order->len, n_members, request->size, n_alternates,
                              request->n_alternates, qa_profile_get_min_scorers (request->profile));
      g_ptr_array_insert (unable, 0, qa_panel_violation_new (NULL, NULL, what));
      return set_violations_error (error, QA_PANEL_ERROR_RULES,
                                   _(stage_texts (request->stage)->cannot_draw), unable);
    }

  request->draw = g_new0 (QaPanelDraw, 1);
  request->draw->stage = request->stage;
  request->draw->seed = request->seed;
  request->draw->pool = g_strv_builder_end (pool);
  request->draw->members = g_strv_builder_end (members);
  request->draw->alternates = g_strv_builder_end (alternates);
  request->draw->drawn_at = _qa_now_iso ();
  request->draw->no_choice = n_members + n_alternates == order->len;

  if (!record_draw (db, &ctx, request->draw, error))
    {
      g_clear_pointer (&request->draw, qa_panel_draw_free);
      return FALSE;
    }
  return TRUE;
}

QaPanelDraw *
qa_panel_draw (QaSession  *session,
               QaStage     stage,
               guint       size,
               guint       n_alternates,
               guint64     seed,
               GError    **error)
{
  g_autoptr(QaPanelViolation) size_violation = NULL;
  DrawRequest request = { NULL, stage, size, n_alternates, seed, NULL };
  GError *local_error = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);
  g_return_val_if_fail (seed <= G_MAXINT64, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  request.profile = qa_session_get_profile (session);
  size_violation = qa_rules_check_panel_size (request.profile, size);
  if (size_violation != NULL)
    local_error = g_error_new (QA_PANEL_ERROR, QA_PANEL_ERROR_RULES, "%s\n%s",
                               _(stage_texts (stage)->cannot_draw), size_violation->message);
  else if (qa_database_transaction (qa_session_get_database (session), draw_cb, &request, &local_error))
    return request.draw;

  refuse (session, "panel.draw.refused", stage, local_error, error);
  return NULL;
}

/* Advancing to site review ------------------------------------------------------------------- */

typedef struct
{
  QaProfile          *profile;
  const char * const *applicant_ids;
} Advance;

static gboolean
in_stage (QaDatabase *db,
          const char *stage,
          const char *applicant_id)
{
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "SELECT 1 FROM stage_applicant WHERE stage = ?1 AND applicant_id = ?2",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stage, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, applicant_id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Every reason the applicants cannot be advanced. */
static GPtrArray *
check_advance (QaDatabase          *db,
               QaProfile           *profile,
               const char * const  *ids,
               GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_panel_violation_free);
  g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) material = NULL;
  gint64 threshold_x100 = (gint64)llround (qa_profile_get_site_threshold (profile) * 100);
  gboolean closed;
  sqlite3_stmt *stmt;

  /* Art. 16(3): the panel decides on the material review's result, once that review is done. */
  stmt = _qa_database_prepare (db,
                               "SELECT 1 FROM stage_event WHERE stage = 'material' AND event = 'closed'",
                               error);
  if (stmt == NULL)
    return NULL;
  closed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!closed)
    g_ptr_array_add (problems,
                     qa_panel_violation_new (NULL, NULL,
                                             _("Art. 16(3): the material review is not closed yet; the panel chair closes it once every score sheet is in, and only then are applicants sent to site review")));
  material = _qa_consensus_totals_db (db, profile, QA_STAGE_MATERIAL, error);
  if (material == NULL)
    return NULL;
  for (guint i = 0; i < material->len; i++)
    {
      QaConsensusTotal *total = g_ptr_array_index (material, i);

      g_hash_table_insert (totals, total->applicant_id, total);
    }

  stmt = _qa_database_prepare (db, "SELECT 1 FROM panel WHERE stage = 'material'", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_ptr_array_add (problems,
                     qa_panel_violation_new (NULL, NULL,
                                             _("Art. 16(3): the material review panel has not been formed; the panel decides who goes on to site review after material review")));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *message = NULL;

      if (strv_repeats (ids, i))
        message = g_strdup_printf (_("%s is named twice"), ids[i]);
      else if (!_qa_applicants_require (db, ids[i], NULL))
        message = g_strdup_printf (_("there is no applicant “%s” in this session"), ids[i]);
      else if (!in_stage (db, "material", ids[i]))
        message = g_strdup_printf (_("Art. 16(3): applicant %s is not in material review; only applicants the material review panel reviewed can go on to site review"),
                                   ids[i]);
      else
        {
          const QaConsensusTotal *total = g_hash_table_lookup (totals, ids[i]);
          gint64 value = total != NULL ? total->total_x100 : 0;

          if (value < threshold_x100)
            {
              g_autofree char *shown = qa_consensus_format_points (value);

              message = g_strdup_printf (_("Art. 16(3): applicant %s has a material review consensus total of %s, below the site-review threshold of %g points"),
                                         ids[i], shown, qa_profile_get_site_threshold (profile));
            }
        }
      if (message != NULL)
        g_ptr_array_add (problems, qa_panel_violation_new (NULL, ids[i], message));
    }

  return g_steal_pointer (&problems);
}

static gboolean
advance_cb (QaDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  const Advance *advance = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *chair_id = NULL;
  g_autofree char *formed_at = NULL;
  g_auto(GStrv) members = NULL;
  g_auto(GStrv) alternates = NULL;
  g_autoptr(GError) local_error = NULL;
  Proposal site_panel;

  if (!require_unlocked (db, QA_STAGE_SITE, error))
    return FALSE;

  problems = check_advance (db, advance->profile, advance->applicant_ids, error);
  if (problems == NULL)
    return FALSE;
  if (problems->len > 0)
    return set_violations_error (error, QA_PANEL_ERROR_RULES,
                                 _("The applicants cannot be advanced to site review:"), problems);

  {
    g_autofree char *after = g_strjoinv (",", (char **)advance->applicant_ids);

    if (!_qa_audit_append (db, "applicant.advance", "stage", "site", NULL, after, error) ||
        !_qa_database_exec (db, "DELETE FROM stage_applicant WHERE stage = 'site'", error))
      return FALSE;
  }
  for (guint i = 0; advance->applicant_ids[i] != NULL; i++)
    if (!run_statement (db, "INSERT INTO stage_applicant (stage, applicant_id) VALUES ('site', ?1)",
                        advance->applicant_ids[i], NULL, NULL, error))
      return FALSE;

  if (!_qa_database_exec (db,
                          "UPDATE applicant SET status = CASE WHEN id IN "
                          "(SELECT applicant_id FROM stage_applicant WHERE stage = 'site') "
                          "THEN 'site' ELSE 'not_advanced' END "
                          "WHERE id IN (SELECT applicant_id FROM stage_applicant WHERE stage = 'material') "
                          "AND status IN ('material', 'site', 'not_advanced')",
                          error))
    return FALSE;

  /* A site panel already formed now reviews the applicants as decided. */
  if (!read_composition (db, QA_STAGE_SITE, &chair_id, &formed_at, &members, &alternates,
                         &local_error))
    {
      if (g_error_matches (local_error, QA_PANEL_ERROR, QA_PANEL_ERROR_NOT_FORMED))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  site_panel.profile = advance->profile;
  site_panel.stage = QA_STAGE_SITE;
  site_panel.chair_id = chair_id;
  site_panel.members = (const char * const *)members;
  site_panel.alternates = (const char * const *)alternates;
  return form_cb (db, &site_panel, error);
}

gboolean
qa_panel_advance (QaSession          *session,
                  const char * const *applicant_ids,
                  GError            **error)
{
  Advance advance = { NULL, applicant_ids };
  GError *local_error = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (applicant_ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  advance.profile = qa_session_get_profile (session);
  if (!qa_database_transaction (qa_session_get_database (session), advance_cb, &advance, &local_error))
    return refuse (session, "applicant.advance.refused", QA_STAGE_SITE, local_error, error);
  return qa_session_reload (session, error);
}

GPtrArray *
qa_panel_check_advance (QaSession          *session,
                        const char * const *applicant_ids,
                        GError            **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_ids != NULL, NULL);

  return check_advance (qa_session_get_database (session), qa_session_get_profile (session),
                        applicant_ids, error);
}

gboolean
qa_panel_is_assigned (QaSession   *session,
                      QaStage      stage,
                      const char  *expert_id,
                      const char  *applicant_id,
                      GError     **error)
{
  QaDatabase *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) ties = NULL;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (_qa_stage_is_review (stage), FALSE);
  g_return_val_if_fail (expert_id != NULL && applicant_id != NULL, FALSE);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db,
                               "SELECT 1 FROM assignment a JOIN panel_member m "
                               "ON m.stage = a.stage AND m.expert_id = a.expert_id "
                               "AND m.role = 'member' "
                               "WHERE a.stage = ?1 AND a.expert_id = ?2 AND a.applicant_id = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, expert_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, applicant_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (!_qa_database_check (db, rc, error))
    return FALSE;
  sqlite3_reset (stmt);

  ties = _qa_experts_load_ties (db, qa_session_get_profile (session), expert_id, applicant_id,
                                error);
  return ties != NULL && ties->len == 0;
}
