/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-dossier"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "qa-credit-code.h"
#include "qa-dossier.h"
#include "qa-dossier-private.h"
#include "qa-text.h"
#include "qa-clock.h"
#include "qa-util-private.h"

struct _QaDossier
{
  GObject            parent_instance;

  char              *text[QA_DOSSIER_N_TEXT_FIELDS];
  gboolean           legal_person;
  gboolean           declared_accidents;
  guint              accident_count;   /* as declared; 0 exactly when !declared_accidents */
  QaConditionResult  judged[3];
  char              *judged_notes[3];
  double             self_score;
  GPtrArray         *accidents;     /* QaAccidentFact */
  GPtrArray         *certificates;  /* QaCertificate */
  GPtrArray         *indicators;    /* QaIndicator */
};

G_DEFINE_FINAL_TYPE (QaDossier, qa_dossier, G_TYPE_OBJECT)

G_DEFINE_QUARK (qa-dossier-error-quark, qa_dossier_error)

/* The property of each text field is PROP_TEXT_0 + field. */
enum {
  PROP_0,
  PROP_LEGAL_PERSON,
  PROP_DECLARED_ACCIDENTS,
  PROP_SELF_SCORE,
  PROP_TEXT_0,
  N_PROPS = PROP_TEXT_0 + QA_DOSSIER_N_TEXT_FIELDS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_names[QA_DOSSIER_N_TEXT_FIELDS] = {
  [QA_DOSSIER_ID] = "id",
  [QA_DOSSIER_NAME] = "name",
  [QA_DOSSIER_CREDIT_CODE] = "credit_code",
  [QA_DOSSIER_DISTRICT] = "district",
  [QA_DOSSIER_FOUNDED] = "founded",
  [QA_DOSSIER_INDUSTRY] = "industry",
  [QA_DOSSIER_ADDRESS] = "address",
  [QA_DOSSIER_LEGAL_REPRESENTATIVE] = "legal_representative",
  [QA_DOSSIER_CONTACT_PERSON] = "contact_person",
  [QA_DOSSIER_PHONE] = "phone",
  [QA_DOSSIER_EMAIL] = "email",
  [QA_DOSSIER_NOTES] = "notes",
};

#define MAX_TEXT_LENGTH 2000

static void
accident_free (QaAccidentFact *accident)
{
  g_free (accident->date);
  g_free (accident->kind);
  g_free (accident->description);
  g_free (accident);
}

static void
certificate_free (QaCertificate *certificate)
{
  g_free (certificate->standard);
  g_free (certificate->number);
  g_free (certificate->issuer);
  g_free (certificate->valid_until);
  g_free (certificate);
}

static void
indicator_free (QaIndicator *indicator)
{
  g_free (indicator->name);
  g_free (indicator->unit);
  g_free (indicator);
}

void
qa_field_problem_free (QaFieldProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
qa_dossier_finalize (GObject *object)
{
  QaDossier *self = (QaDossier *)object;

  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    g_clear_pointer (&self->text[i], g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->judged_notes); i++)
    g_clear_pointer (&self->judged_notes[i], g_free);
  g_clear_pointer (&self->accidents, g_ptr_array_unref);
  g_clear_pointer (&self->certificates, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_dossier_parent_class)->finalize (object);
}

static void
qa_dossier_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  QaDossier *self = QA_DOSSIER (object);

  if (prop_id >= PROP_TEXT_0 && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT_0]);
      return;
    }

  switch (prop_id)
    {
    case PROP_LEGAL_PERSON:
      g_value_set_boolean (value, self->legal_person);
      break;

    case PROP_DECLARED_ACCIDENTS:
      g_value_set_boolean (value, self->declared_accidents);
      break;

    case PROP_SELF_SCORE:
      g_value_set_double (value, self->self_score);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_dossier_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  QaDossier *self = QA_DOSSIER (object);

  if (prop_id >= PROP_TEXT_0 && prop_id < N_PROPS)
    {
      qa_dossier_set_text (self, prop_id - PROP_TEXT_0, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_LEGAL_PERSON:
      qa_dossier_set_legal_person (self, g_value_get_boolean (value));
      break;

    case PROP_DECLARED_ACCIDENTS:
      qa_dossier_set_declared_accidents (self, g_value_get_boolean (value));
      break;

    case PROP_SELF_SCORE:
      qa_dossier_set_self_score (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_dossier_class_init (QaDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_dossier_finalize;
  object_class->get_property = qa_dossier_get_property;
  object_class->set_property = qa_dossier_set_property;

  properties[PROP_LEGAL_PERSON] =
    g_param_spec_boolean ("legal-person", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DECLARED_ACCIDENTS] =
    g_param_spec_boolean ("declared-accidents", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELF_SCORE] =
    g_param_spec_double ("self-score", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (field_names[i]), "_", '-');

      properties[PROP_TEXT_0 + i] =
        g_param_spec_string (g_intern_string (name), NULL, NULL, NULL,
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qa_dossier_init (QaDossier *self)
{
  self->self_score = -1;
  self->legal_person = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->judged); i++)
    self->judged[i] = QA_CONDITION_PENDING;
  self->accidents = g_ptr_array_new_with_free_func ((GDestroyNotify)accident_free);
  self->certificates = g_ptr_array_new_with_free_func ((GDestroyNotify)certificate_free);
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify)indicator_free);
}

const char *
qa_dossier_field_get_name (QaDossierField field)
{
  g_return_val_if_fail (field < QA_DOSSIER_N_TEXT_FIELDS, NULL);

  return field_names[field];
}

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (; *value != '\0'; value++)
    if (!g_ascii_isspace (*value))
      return FALSE;
  return TRUE;
}

static gboolean
is_reference (const char *value)
{
  gsize length = strlen (value);

  if (length < 1 || length > 32)
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* A Chinese administrative division written in Chinese: 甘州区, 临泽县, 张掖市, 肃南裕固族自治县. */
static gboolean
is_district (const char *value)
{
  static const char * const suffixes[] = { "区", "县", "市", "旗" };
  glong length = g_utf8_strlen (value, -1);
  gboolean suffix = FALSE;

  if (length < 2 || length > 20)
    return FALSE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) != G_UNICODE_SCRIPT_HAN)
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    suffix |= g_str_has_suffix (value, suffixes[i]);
  return suffix;
}

static gboolean
is_phone (const char *value)
{
  guint digits = 0;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr ("+-() ", *p) == NULL)
        return FALSE;
    }
  return digits >= 5 && digits <= 20;
}

static gboolean
is_email (const char *value)
{
  const char *at = strchr (value, '@');

  return at != NULL && at != value && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && !g_str_has_suffix (value, ".") &&
         strpbrk (value, " \t\r\n,;") == NULL;
}

static gboolean
is_required (QaDossierField field)
{
  return field == QA_DOSSIER_ID || field == QA_DOSSIER_NAME ||
         field == QA_DOSSIER_CREDIT_CODE || field == QA_DOSSIER_DISTRICT ||
         field == QA_DOSSIER_FOUNDED;
}

static char *
today_iso (void)
{
  return qa_clock_dup_today ();
}

/* A date that is real and not after @today. */
static gboolean
validate_past_date (const char  *value,
                    const char  *today,
                    GError     **error)
{
  g_autofree char *today_text = today == NULL ? today_iso () : g_strdup (today);
  GDate date, now;

  if (!_qa_date_parse (value, &date))
    {
      g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                   _("“%s” is not a real date written as YYYY-MM-DD"), value);
      return FALSE;
    }
  /* Both written YYYY-MM-DD: compared as text, and @today checked only when it matters. */
  if (strcmp (value, today_text) > 0 && _qa_date_parse (today_text, &now))
    {
      g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                   _("%s is in the future"), value);
      return FALSE;
    }
  return TRUE;
}

gboolean
qa_dossier_validate_text (QaDossierField   field,
                          const char      *value,
                          const char      *today,
                          GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (field < QA_DOSSIER_N_TEXT_FIELDS, FALSE);

  if (is_blank (value))
    {
      if (!is_required (field))
        return TRUE;
      g_set_error_literal (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                           _("is required"));
      return FALSE;
    }

  /* The one check of free text (encoding, control characters, length), then the field's own;
   * a name's check includes the free text's, at its own length. */
  if (field == QA_DOSSIER_NAME
      ? !qa_text_validate_name (value, &local_error)
      : !qa_text_validate (value,
                           field == QA_DOSSIER_NOTES || field == QA_DOSSIER_ADDRESS
                           ? QA_TEXT_MULTILINE : QA_TEXT_LINE,
                           MAX_TEXT_LENGTH, &local_error))
    {
      g_set_error_literal (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  switch (field)
    {
    case QA_DOSSIER_ID:
      if (!is_reference (value))
        {
          g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                       _("“%s” is not a reference: use 1 to 32 letters, digits, “_” or “-”"), value);
          return FALSE;
        }
      return TRUE;

    case QA_DOSSIER_NAME:
      return TRUE;

    case QA_DOSSIER_CREDIT_CODE:
      if (!qa_credit_code_validate (value, &local_error))
        {
          g_set_error_literal (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                               local_error->message);
          return FALSE;
        }
      return TRUE;

    case QA_DOSSIER_DISTRICT:
      if (!is_district (value))
        {
          g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                       _("“%s” is not a district written in Chinese, such as 甘州区 or 临泽县"),
                       value);
          return FALSE;
        }
      return TRUE;

    case QA_DOSSIER_FOUNDED:
      return validate_past_date (value, today, error);

    case QA_DOSSIER_PHONE:
      if (!is_phone (value))
        {
          g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                       _("“%s” is not a telephone number"), value);
          return FALSE;
        }
      return TRUE;

    case QA_DOSSIER_EMAIL:
      if (!is_email (value))
        {
          g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                       _("“%s” is not an e-mail address"), value);
          return FALSE;
        }
      return TRUE;

    case QA_DOSSIER_INDUSTRY:
    case QA_DOSSIER_ADDRESS:
    case QA_DOSSIER_LEGAL_REPRESENTATIVE:
    case QA_DOSSIER_CONTACT_PERSON:
    case QA_DOSSIER_NOTES:
    case QA_DOSSIER_N_TEXT_FIELDS:
    default:
      return TRUE;
    }
}

QaDossier *
qa_dossier_new (void)
{
  return g_object_new (QA_TYPE_DOSSIER, NULL);
}

const char *
qa_dossier_get_text (QaDossier      *self,
                     QaDossierField  field)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (field < QA_DOSSIER_N_TEXT_FIELDS, NULL);

  return self->text[field];
}

void
qa_dossier_set_text (QaDossier      *self,
                     QaDossierField  field,
                     const char     *value)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (QA_IS_DOSSIER (self));
  g_return_if_fail (field < QA_DOSSIER_N_TEXT_FIELDS);

  if (value != NULL)
    stripped = g_strstrip (g_strdup (value));
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (self->text[field], stripped) == 0)
    return;

  g_free (self->text[field]);
  self->text[field] = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_0 + field]);
}

gboolean
qa_dossier_get_legal_person (QaDossier *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), FALSE);
  return self->legal_person;
}

void
qa_dossier_set_legal_person (QaDossier *self,
                             gboolean   legal_person)
{
  g_return_if_fail (QA_IS_DOSSIER (self));

  legal_person = !!legal_person;
  if (self->legal_person == legal_person)
    return;
  self->legal_person = legal_person;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGAL_PERSON]);
}

gboolean
qa_dossier_get_declared_accidents (QaDossier *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), FALSE);
  return self->declared_accidents;
}

void
qa_dossier_set_declared_accidents (QaDossier *self,
                                   gboolean   declared)
{
  g_return_if_fail (QA_IS_DOSSIER (self));

  declared = !!declared;
  if (self->declared_accidents == declared)
    return;
  self->declared_accidents = declared;
  self->accident_count = declared ? MAX (self->accident_count, 1) : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECLARED_ACCIDENTS]);
}

guint
qa_dossier_get_accident_count (QaDossier *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), 0);
  return self->accident_count;
}

void
qa_dossier_set_accident_count (QaDossier *self,
                               guint      count)
{
  g_return_if_fail (QA_IS_DOSSIER (self));

  qa_dossier_set_declared_accidents (self, count > 0);
  self->accident_count = count;
}

QaConditionResult
qa_dossier_get_judgement (QaDossier *self,
                          guint      condition)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), QA_CONDITION_PENDING);
  g_return_val_if_fail (condition >= 3 && condition <= 5, QA_CONDITION_PENDING);

  return self->judged[condition - 3];
}

const char *
qa_dossier_get_judgement_note (QaDossier *self,
                               guint      condition)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (condition >= 3 && condition <= 5, NULL);

  return self->judged_notes[condition - 3];
}

void
qa_dossier_set_judgement (QaDossier         *self,
                          guint              condition,
                          QaConditionResult  result,
                          const char        *note)
{
  g_return_if_fail (QA_IS_DOSSIER (self));
  g_return_if_fail (condition >= 3 && condition <= 5);

  self->judged[condition - 3] = result;
  g_free (self->judged_notes[condition - 3]);
  self->judged_notes[condition - 3] = is_blank (note) ? NULL : g_strstrip (g_strdup (note));
}

double
qa_dossier_get_self_score (QaDossier *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), -1);
  return self->self_score;
}

void
qa_dossier_set_self_score (QaDossier *self,
                           double     self_score)
{
  g_return_if_fail (QA_IS_DOSSIER (self));

  if (self_score < 0)
    self_score = -1;
  if (self->self_score == self_score)
    return;
  self->self_score = self_score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELF_SCORE]);
}

GPtrArray *
qa_dossier_get_accidents (QaDossier *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), NULL);
  return self->accidents;
}

GPtrArray *
qa_dossier_get_certificates (QaDossier *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), NULL);
  return self->certificates;
}

GPtrArray *
qa_dossier_get_indicators (QaDossier *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER (self), NULL);
  return self->indicators;
}

void
qa_dossier_add_accident (QaDossier  *self,
                         const char *date,
                         const char *kind,
                         const char *description)
{
  QaAccidentFact *accident;

  g_return_if_fail (QA_IS_DOSSIER (self));

  accident = g_new0 (QaAccidentFact, 1);
  accident->date = g_strdup (date);
  accident->kind = g_strdup (kind);
  accident->description = g_strdup (description);
  g_ptr_array_add (self->accidents, accident);
}

void
qa_dossier_add_certificate (QaDossier  *self,
                            const char *standard,
                            const char *number,
                            const char *issuer,
                            const char *valid_until)
{
  QaCertificate *certificate;

  g_return_if_fail (QA_IS_DOSSIER (self));

  certificate = g_new0 (QaCertificate, 1);
  certificate->standard = g_strdup (standard);
  certificate->number = g_strdup (number);
  certificate->issuer = g_strdup (issuer);
  certificate->valid_until = g_strdup (valid_until);
  g_ptr_array_add (self->certificates, certificate);
}

void
qa_dossier_add_indicator (QaDossier  *self,
                          guint       year,
                          const char *name,
                          double      value,
                          const char *unit)
{
  QaIndicator *indicator;

  g_return_if_fail (QA_IS_DOSSIER (self));

  indicator = g_new0 (QaIndicator, 1);
  indicator->year = year;
  indicator->name = g_strdup (name);
  indicator->value = value;
  indicator->unit = g_strdup (unit);
  g_ptr_array_add (self->indicators, indicator);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  QaFieldProblem *problem = g_new0 (QaFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/* The free texts of the lists, through the one validator of free text. */
static void
check_list_text (GPtrArray  *problems,
                 const char *list,
                 const char *text,
                 QaTextKind  kind)
{
  g_autoptr(GError) error = NULL;

  if (!qa_text_validate (text, kind, MAX_TEXT_LENGTH, &error))
    add_problem (problems, list, error->message);
}

static void
check_lists (QaDossier  *self,
             const char *today,
             GPtrArray  *problems)
{
  for (guint i = 0; i < self->accidents->len; i++)
    {
      const QaAccidentFact *accident = g_ptr_array_index (self->accidents, i);
      g_autoptr(GError) error = NULL;

      if (!validate_past_date (accident->date != NULL ? accident->date : "", today, &error))
        add_problem (problems, "accidents", error->message);
      if (g_strcmp0 (accident->kind, "quality") != 0 && g_strcmp0 (accident->kind, "safety") != 0 &&
          g_strcmp0 (accident->kind, "environment") != 0)
        add_problem (problems, "accidents",
                     _("the kind of an accident must be quality, safety or environment"));
      check_list_text (problems, "accidents", accident->description, QA_TEXT_MULTILINE);
    }

  for (guint i = 0; i < self->certificates->len; i++)
    {
      const QaCertificate *certificate = g_ptr_array_index (self->certificates, i);
      GDate date;

      if (is_blank (certificate->standard))
        add_problem (problems, "certificates", _("a certificate needs the standard it certifies"));
      if (certificate->valid_until != NULL && !_qa_date_parse (certificate->valid_until, &date))
        add_problem (problems, "certificates",
                     _("the validity of a certificate is not a date written as YYYY-MM-DD"));
      check_list_text (problems, "certificates", certificate->standard, QA_TEXT_LINE);
      check_list_text (problems, "certificates", certificate->number, QA_TEXT_LINE);
      check_list_text (problems, "certificates", certificate->issuer, QA_TEXT_LINE);
    }

  for (guint i = 0; i < self->indicators->len; i++)
    {
      const QaIndicator *indicator = g_ptr_array_index (self->indicators, i);

      if (indicator->year < 1900 || indicator->year > 2999 || is_blank (indicator->name))
        add_problem (problems, "indicators", _("an indicator needs a year and a name"));
      check_list_text (problems, "indicators", indicator->name, QA_TEXT_LINE);
      check_list_text (problems, "indicators", indicator->unit, QA_TEXT_LINE);

      for (guint j = 0; j < i; j++)
        {
          const QaIndicator *other = g_ptr_array_index (self->indicators, j);

          if (other->year == indicator->year && g_strcmp0 (other->name, indicator->name) == 0)
            {
              g_autofree char *message =
                g_strdup_printf (_("the indicator “%s” of %u is given twice"),
                                 indicator->name, indicator->year);

              add_problem (problems, "indicators", message);
            }
        }
    }
}

gboolean
qa_dossier_parse_self_score (const char  *text,
                             guint        max_points,
                             double      *score,
                             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double value;

  g_return_val_if_fail (score != NULL, FALSE);

  *score = -1;
  if (*stripped == '\0')
    return TRUE;

  value = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (value) || value < 0 || value > max_points)
    {
      g_set_error (error, QA_DOSSIER_ERROR, QA_DOSSIER_ERROR_INVALID,
                   _("“%s” is not a number of points from 0 to %u"), stripped, max_points);
      return FALSE;
    }

  *score = value;
  return TRUE;
}

void
_qa_dossier_check_fields (const char * const *text,
                          double              self_score,
                          const char         *today,
                          guint               max_points,
                          GPtrArray          *problems)
{
  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!qa_dossier_validate_text (i, text[i], today, &error))
        add_problem (problems, field_names[i], error->message);
    }

  if (self_score > max_points)
    {
      g_autofree char *message = g_strdup_printf (_("must be between 0 and %u"), max_points);

      add_problem (problems, "self_score", message);
    }
}

GPtrArray *
qa_dossier_check (QaDossier  *self,
                  const char *today,
                  guint       max_points)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_field_problem_free);

  g_return_val_if_fail (QA_IS_DOSSIER (self), problems);

  _qa_dossier_check_fields ((const char * const *)self->text, self->self_score, today,
                            max_points, problems);
  check_lists (self, today, problems);
  return problems;
}

void
qa_dossier_get_eligibility_facts (QaDossier          *self,
                                  QaEligibilityFacts *facts)
{
  g_return_if_fail (QA_IS_DOSSIER (self));
  g_return_if_fail (facts != NULL);

  memset (facts, 0, sizeof *facts);
  facts->district = self->text[QA_DOSSIER_DISTRICT];
  facts->legal_person = self->legal_person;
  facts->founded = self->text[QA_DOSSIER_FOUNDED];
  facts->declared_accidents = self->declared_accidents;
  facts->accidents = (const QaAccidentFact * const *)self->accidents->pdata;
  facts->n_accidents = self->accidents->len;
  for (guint i = 0; i < 3; i++)
    {
      facts->judged[i] = self->judged[i];
      facts->judged_notes[i] = self->judged_notes[i];
    }
}
