/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-criteria"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qa-criteria.h"
#include "qa-xml-private.h"

#define CRITERIA_SCHEMA "schemas/criteria.xsd"
/* As in criteria.xsd; keeps every sum far from overflowing. */
#define MAX_POINTS 100000
/* Scores are given in steps of this many percent; bands are made of whole steps. */
#define PERCENT_STEP 5

struct _QaCriteria
{
  GObject     parent_instance;

  char       *id;
  char       *title_zh;
  char       *title_en;
  guint       total_points;
  GListStore *categories;
  GListStore *items;
  /* code → QaItem, borrowed from items */
  GHashTable *items_by_code;
  /* QaBand, lowest first, indexed by QaItemKind; their texts are owned by band_texts */
  GArray     *process_bands;
  GArray     *result_bands;
  GPtrArray  *band_texts;
};

G_DEFINE_QUARK (qa-criteria-error-quark, qa_criteria_error)

G_DEFINE_FINAL_TYPE (QaCriteria, qa_criteria, G_TYPE_OBJECT)

/* Compares clause codes number by number, so that 4.4.10 would follow 4.4.9. */
static int
compare_codes (const char *a,
               const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      char *a_end = NULL;
      char *b_end = NULL;
      guint64 a_number = g_ascii_strtoull (a, &a_end, 10);
      guint64 b_number = g_ascii_strtoull (b, &b_end, 10);

      if (a_number != b_number)
        return a_number < b_number ? -1 : 1;

      a = *a_end == '.' ? a_end + 1 : a_end;
      b = *b_end == '.' ? b_end + 1 : b_end;
    }

  return (*a != '\0') - (*b != '\0');
}

/* Keeps the text in the user's language for the life of the criteria. */
static const char *
keep_text (QaCriteria *self,
           char       *zh,
           char       *en)
{
  char *kept;

  if (_qa_prefer_chinese ())
    {
      kept = zh;
      g_free (en);
    }
  else
    {
      kept = en;
      g_free (zh);
    }

  g_ptr_array_add (self->band_texts, kept);

  return kept;
}

static GArray *
bands_of_kind (QaCriteria *self,
               QaItemKind  kind)
{
  switch (kind)
    {
    case QA_ITEM_KIND_PROCESS:
      return self->process_bands;

    case QA_ITEM_KIND_RESULT:
      return self->result_bands;

    default:
      return NULL;
    }
}

static gboolean
read_band_texts (QaCriteria  *self,
                 xmlNode     *node,
                 QaItemKind   kind,
                 const char  *name,
                 const char  *path,
                 QaBand      *band,
                 GError     **error)
{
  static const char * const adli[] = { "approach", "deployment", "learning", "integration" };
  const char **slots[G_N_ELEMENTS (adli)] = {
    &band->approach, &band->deployment, &band->learning, &band->integration,
  };

  if (kind == QA_ITEM_KIND_RESULT)
    {
      g_autofree char *field = g_strdup_printf ("%s/description", path);
      char *zh = NULL;
      char *en = NULL;

      if (!_qa_xml_localized (node, "description", TRUE, name, field, QA_CRITERIA_ERROR,
                              QA_CRITERIA_ERROR_INVALID, &zh, &en, error))
        return FALSE;

      band->description = keep_text (self, zh, en);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (adli); i++)
    {
      g_autofree char *field = g_strdup_printf ("%s/%s", path, adli[i]);
      char *zh = NULL;
      char *en = NULL;

      if (!_qa_xml_localized (node, adli[i], TRUE, name, field, QA_CRITERIA_ERROR,
                              QA_CRITERIA_ERROR_INVALID, &zh, &en, error))
        return FALSE;

      *slots[i] = keep_text (self, zh, en);
    }

  return TRUE;
}

/* The bands of one kind must cover 0–100 % in whole steps, in order, with no step left out:
 * 0–5, 10–25, … 90–100. Then every percentage has exactly one band. */
static gboolean
read_bands (QaCriteria  *self,
            xmlNode     *bands_node,
            QaItemKind   kind,
            const char  *name,
            GError     **error)
{
  const char *path = kind == QA_ITEM_KIND_PROCESS
                     ? "scoring-guidelines/process-bands/band"
                     : "scoring-guidelines/result-bands/band";
  GArray *bands = bands_of_kind (self, kind);
  g_autofree char *min_field = g_strdup_printf ("%s/@min-percent", path);
  g_autofree char *max_field = g_strdup_printf ("%s/@max-percent", path);
  guint next_min = 0;

  for (xmlNode *node = bands_node->children; node != NULL; node = node->next)
    {
      QaBand band = { 0, };

      if (!_qa_xml_is_element (node, "band"))
        continue;

      if (!_qa_xml_prop_uint (node, "min-percent", 100, name, min_field, QA_CRITERIA_ERROR,
                              QA_CRITERIA_ERROR_INVALID, &band.min_percent, error) ||
          !_qa_xml_prop_uint (node, "max-percent", 100, name, max_field, QA_CRITERIA_ERROR,
                              QA_CRITERIA_ERROR_INVALID, &band.max_percent, error))
        return FALSE;

      if (band.min_percent != next_min)
        {
          if (bands->len == 0)
            g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                         _("%s:%d: %s: the first band must start at 0 %%, not at %u %%"),
                         name, _qa_xml_line (node), min_field, band.min_percent);
          else
            g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                         _("%s:%d: %s: the band must start at %u %%, one step after the "
                           "band before it, not at %u %%"),
                         name, _qa_xml_line (node), min_field, next_min, band.min_percent);
          return FALSE;
        }

      if (band.max_percent < band.min_percent || band.max_percent % PERCENT_STEP != 0)
        {
          g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                       _("%s:%d: %s: %u %% must be a multiple of %d %% and not below "
                         "the band’s start (%u %%)"),
                       name, _qa_xml_line (node), max_field, band.max_percent, PERCENT_STEP,
                       band.min_percent);
          return FALSE;
        }

      if (!read_band_texts (self, node, kind, name, path, &band, error))
        return FALSE;

      g_array_append_val (bands, band);
      next_min = band.max_percent + PERCENT_STEP;
    }

  if (bands->len == 0 || next_min != 100 + PERCENT_STEP)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s:%d: %s: the last band must end at 100 %%, not at %u %%"),
                   name, _qa_xml_line (bands_node), max_field,
                   bands->len > 0 ? next_min - PERCENT_STEP : 0);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_kind (xmlNode     *node,
           const char  *name,
           QaItemKind  *kind,
           GError     **error)
{
  g_autofree char *text = _qa_xml_prop (node, "kind");

  if (g_strcmp0 (text, "process") == 0)
    *kind = QA_ITEM_KIND_PROCESS;
  else if (g_strcmp0 (text, "result") == 0)
    *kind = QA_ITEM_KIND_RESULT;
  else
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                   _("%s:%d: category/item/@kind must be “process” or “result”, not “%s”"),
                   name, _qa_xml_line (node), text != NULL ? text : "");
      return FALSE;
    }

  return TRUE;
}

static QaItem *
read_item (QaCriteria  *self,
           xmlNode     *node,
           const char  *category_code,
           const char  *name,
           GError     **error)
{
  g_autofree char *code = _qa_xml_prop (node, "code");
  g_autofree char *name_zh = NULL;
  g_autofree char *name_en = NULL;
  g_autofree char *key_points_zh = NULL;
  g_autofree char *key_points_en = NULL;
  gsize category_len = strlen (category_code);
  QaItemKind kind;
  guint points;

  if (code == NULL ||
      strncmp (code, category_code, category_len) != 0 || code[category_len] != '.')
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s:%d: category/item/@code: “%s” is not a clause of category %s"),
                   name, _qa_xml_line (node), code != NULL ? code : "", category_code);
      return NULL;
    }

  if (g_hash_table_contains (self->items_by_code, code))
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s:%d: category/item/@code: item %s is listed twice"),
                   name, _qa_xml_line (node), code);
      return NULL;
    }

  if (!_qa_xml_prop_uint (node, "points", MAX_POINTS, name, "category/item/@points",
                          QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID, &points, error) ||
      !read_kind (node, name, &kind, error) ||
      !_qa_xml_localized (node, "name", TRUE, name, "category/item/name",
                          QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                          &name_zh, &name_en, error) ||
      !_qa_xml_localized (node, "key-points", FALSE, name, "category/item/key-points",
                          QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                          &key_points_zh, &key_points_en, error))
    return NULL;

  if (points == 0)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s:%d: category/item/@points: item %s must be worth at least 1 point"),
                   name, _qa_xml_line (node), code);
      return NULL;
    }

  return g_object_new (QA_TYPE_ITEM,
                       "code", code,
                       "category-code", category_code,
                       "name-zh", name_zh,
                       "name-en", name_en,
                       "points", points,
                       "kind", kind,
                       "key-points-zh", key_points_zh,
                       "key-points-en", key_points_en,
                       NULL);
}

static QaCategory *
read_category (QaCriteria  *self,
               xmlNode     *node,
               const char  *name,
               GError     **error)
{
  g_autoptr(GListStore) items = g_list_store_new (QA_TYPE_ITEM);
  g_autofree char *code = _qa_xml_prop (node, "code");
  g_autofree char *name_zh = NULL;
  g_autofree char *name_en = NULL;
  const char *previous_code = NULL;
  guint64 item_points = 0;
  guint points;

  if (code == NULL)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                   _("%s:%d: category/@code is missing"), name, _qa_xml_line (node));
      return NULL;
    }

  if (!_qa_xml_prop_uint (node, "points", MAX_POINTS, name, "category/@points",
                          QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID, &points, error) ||
      !_qa_xml_localized (node, "name", TRUE, name, "category/name",
                          QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                          &name_zh, &name_en, error))
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr(QaItem) item = NULL;

      if (!_qa_xml_is_element (child, "item"))
        continue;

      item = read_item (self, child, code, name, error);
      if (item == NULL)
        return NULL;

      if (previous_code != NULL && compare_codes (previous_code, qa_item_get_code (item)) > 0)
        {
          g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                       _("%s:%d: category/item/@code: item %s is listed after %s; list the "
                         "items in clause order"),
                       name, _qa_xml_line (child), qa_item_get_code (item), previous_code);
          return NULL;
        }
      previous_code = qa_item_get_code (item);

      item_points += qa_item_get_points (item);
      g_hash_table_insert (self->items_by_code, (gpointer) qa_item_get_code (item), item);
      g_list_store_append (self->items, item);
      g_list_store_append (items, item);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (items)) == 0)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s:%d: category %s has no scored item"),
                   name, _qa_xml_line (node), code);
      return NULL;
    }

  if (item_points != points)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s:%d: category/@points: category %s is worth %u points, but its items "
                     "add up to %llu"),
                   name, _qa_xml_line (node), code, points, (unsigned long long)item_points);
      return NULL;
    }

  return g_object_new (QA_TYPE_CATEGORY,
                       "code", code,
                       "name-zh", name_zh,
                       "name-en", name_en,
                       "points", points,
                       "items", items,
                       NULL);
}

static gboolean
read_categories (QaCriteria  *self,
                 xmlNode     *root,
                 const char  *name,
                 guint64     *total,
                 GError     **error)
{
  g_autofree char *previous_code = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *total = 0;

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autoptr(QaCategory) category = NULL;
      const char *code;

      if (!_qa_xml_is_element (node, "category"))
        continue;

      category = read_category (self, node, name, error);
      if (category == NULL)
        return FALSE;

      code = qa_category_get_code (category);
      if (g_hash_table_contains (codes, code))
        {
          g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                       _("%s:%d: category/@code: category %s is listed twice"),
                       name, _qa_xml_line (node), code);
          return FALSE;
        }
      if (previous_code != NULL && compare_codes (previous_code, code) > 0)
        {
          g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                       _("%s:%d: category/@code: category %s is listed after %s; list the "
                         "categories in clause order"),
                       name, _qa_xml_line (node), code, previous_code);
          return FALSE;
        }

      g_hash_table_add (codes, g_strdup (code));
      g_free (previous_code);
      previous_code = g_strdup (code);

      *total += qa_category_get_points (category);
      g_list_store_append (self->categories, category);
    }

  return TRUE;
}

static gboolean
read_criteria (QaCriteria  *self,
               xmlNode     *root,
               const char  *name,
               GError     **error)
{
  xmlNode *guidelines;
  xmlNode *process_bands;
  xmlNode *result_bands;
  guint64 total = 0;
  guint n_items;
  guint scored_items;

  self->id = _qa_xml_prop (root, "id");
  if (self->id == NULL)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                   _("%s:%d: criteria/@id is missing"), name, _qa_xml_line (root));
      return FALSE;
    }

  if (!_qa_xml_prop_uint (root, "total-points", MAX_POINTS, name, "criteria/@total-points",
                          QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                          &self->total_points, error) ||
      !_qa_xml_prop_uint (root, "scored-items", G_MAXUINT, name, "criteria/@scored-items",
                          QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID, &scored_items, error) ||
      !_qa_xml_localized (root, "title", TRUE, name, "criteria/title",
                          QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                          &self->title_zh, &self->title_en, error) ||
      !read_categories (self, root, name, &total, error))
    return FALSE;

  if (total != self->total_points)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s:%d: criteria/@total-points is %u, but the categories add up to %llu"),
                   name, _qa_xml_line (root), self->total_points, (unsigned long long)total);
      return FALSE;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (n_items != scored_items)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s:%d: criteria/@scored-items is %u, but the categories hold %u items"),
                   name, _qa_xml_line (root), scored_items, n_items);
      return FALSE;
    }

  guidelines = _qa_xml_child (root, "scoring-guidelines");
  process_bands = guidelines != NULL ? _qa_xml_child (guidelines, "process-bands") : NULL;
  result_bands = guidelines != NULL ? _qa_xml_child (guidelines, "result-bands") : NULL;
  if (process_bands == NULL || result_bands == NULL)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INVALID,
                   _("%s:%d: scoring-guidelines needs process-bands and result-bands"),
                   name, _qa_xml_line (guidelines != NULL ? guidelines : root));
      return FALSE;
    }

  return read_bands (self, process_bands, QA_ITEM_KIND_PROCESS, name, error) &&
         read_bands (self, result_bands, QA_ITEM_KIND_RESULT, name, error);
}

/* @built_in: the program's own criteria, compiled into it from data/criteria/, which the
 * test validate-criteria checks against criteria.xsd at build time; their XSD check (schema
 * compiled and document walked, 40% of every command's fixed start-up cost) is not repeated at
 * every start. A file or bytes from elsewhere is always checked. read_criteria() checks the
 * values of both alike. */
static QaCriteria *
load_criteria (GBytes      *bytes,
               const char  *name,
               gboolean     built_in,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(QaCriteria) self = NULL;

  doc = _qa_xml_parse_untrusted (bytes, name, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_PARSE,
                                 error);
  if (doc == NULL)
    return NULL;

  if (!built_in && !_qa_xml_validate (doc, CRITERIA_SCHEMA, name, QA_CRITERIA_ERROR,
                                      QA_CRITERIA_ERROR_INVALID, error))
    return NULL;

  self = g_object_new (QA_TYPE_CRITERIA, NULL);
  if (!read_criteria (self, xmlDocGetRootElement (doc), name, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0' || *id == '-' || strlen (id) > 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static void
qa_criteria_dispose (GObject *object)
{
  QaCriteria *self = QA_CRITERIA (object);

  g_clear_pointer (&self->items_by_code, g_hash_table_unref);
  g_clear_object (&self->categories);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (qa_criteria_parent_class)->dispose (object);
}

static void
qa_criteria_finalize (GObject *object)
{
  QaCriteria *self = QA_CRITERIA (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title_zh, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->process_bands, g_array_unref);
  g_clear_pointer (&self->result_bands, g_array_unref);
  g_clear_pointer (&self->band_texts, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_criteria_parent_class)->finalize (object);
}

static void
qa_criteria_class_init (QaCriteriaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = qa_criteria_dispose;
  object_class->finalize = qa_criteria_finalize;
}

static void
qa_criteria_init (QaCriteria *self)
{
  self->categories = g_list_store_new (QA_TYPE_CATEGORY);
  self->items = g_list_store_new (QA_TYPE_ITEM);
  self->items_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->process_bands = g_array_new (FALSE, TRUE, sizeof (QaBand));
  self->result_bands = g_array_new (FALSE, TRUE, sizeof (QaBand));
  self->band_texts = g_ptr_array_new_with_free_func (g_free);
}

QaCriteria *
qa_criteria_new_from_id (const char  *id,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(QaCriteria) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_valid_id (id))
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_NOT_FOUND,
                   _("“%s” is not a criteria id (lower-case letters, digits and “-”)"), id);
      return NULL;
    }

  path = g_strdup_printf ("criteria/%s.xml", id);
  bytes = _qa_core_resource (path, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_NOT_FOUND,
                   _("The program has no criteria “%s” (it has “%s”)"),
                   id, QA_CRITERIA_DEFAULT_ID);
      return NULL;
    }

  self = load_criteria (bytes, path, TRUE, error);
  if (self == NULL)
    return NULL;

  if (g_strcmp0 (self->id, id) != 0)
    {
      g_set_error (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT,
                   _("%s: criteria/@id is “%s”, not “%s”"), path, self->id, id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

QaCriteria *
qa_criteria_new_from_file (GFile   *file,
                           GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _qa_xml_load_source (file, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_NOT_FOUND, &name, error);
  if (bytes == NULL)
    return NULL;
  return load_criteria (bytes, name, FALSE, error);
}

QaCriteria *
qa_criteria_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_criteria (bytes, "criteria", FALSE, error);
}

const char *
qa_criteria_get_id (QaCriteria *self)
{
  g_return_val_if_fail (QA_IS_CRITERIA (self), NULL);

  return self->id;
}

const char *
qa_criteria_get_title (QaCriteria *self)
{
  g_return_val_if_fail (QA_IS_CRITERIA (self), NULL);

  return _qa_prefer_chinese () ? self->title_zh : self->title_en;
}

guint
qa_criteria_get_total_points (QaCriteria *self)
{
  g_return_val_if_fail (QA_IS_CRITERIA (self), 0);

  return self->total_points;
}

GListModel *
qa_criteria_get_categories (QaCriteria *self)
{
  g_return_val_if_fail (QA_IS_CRITERIA (self), NULL);

  return G_LIST_MODEL (self->categories);
}

GListModel *
qa_criteria_get_items (QaCriteria *self)
{
  g_return_val_if_fail (QA_IS_CRITERIA (self), NULL);

  return G_LIST_MODEL (self->items);
}

QaItem *
qa_criteria_lookup_item (QaCriteria *self,
                         const char *code)
{
  g_return_val_if_fail (QA_IS_CRITERIA (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->items_by_code, code);
}

/* A percentage off the 5 % grid (e.g. 7) belongs to the band of the step below it (5). */
const QaBand *
qa_criteria_get_band (QaCriteria *self,
                      QaItemKind  kind,
                      guint       percent)
{
  GArray *bands;
  guint step;

  g_return_val_if_fail (QA_IS_CRITERIA (self), NULL);
  g_return_val_if_fail (percent <= 100, NULL);

  bands = bands_of_kind (self, kind);
  g_return_val_if_fail (bands != NULL, NULL);

  step = percent - percent % PERCENT_STEP;
  for (guint i = 0; i < bands->len; i++)
    {
      const QaBand *band = &g_array_index (bands, QaBand, i);

      if (band->min_percent <= step && step <= band->max_percent)
        return band;
    }

  /* Loading checked that the bands cover every step. */
  g_return_val_if_reached (NULL);
}

const QaBand *
qa_criteria_get_bands (QaCriteria *self,
                       QaItemKind  kind,
                       guint      *n_bands)
{
  GArray *bands;

  g_return_val_if_fail (QA_IS_CRITERIA (self), NULL);
  g_return_val_if_fail (n_bands != NULL, NULL);

  bands = bands_of_kind (self, kind);
  g_return_val_if_fail (bands != NULL, NULL);

  *n_bands = bands->len;

  return (const QaBand *) (gpointer) bands->data;
}
