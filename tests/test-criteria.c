/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-criteria"

#include "config.h"

#include <check.h>
#include <string.h>

#include "qa-criteria.h"
#include "qa-xml-private.h"

static const struct
{
  const char *code;
  const char *name_zh;
  guint       points;
  guint       n_items;
} categories[] = {
  { "4.1", "领导", 110, 3 },
  { "4.2", "战略", 90, 2 },
  { "4.3", "顾客与市场", 90, 2 },
  { "4.4", "资源", 130, 6 },
  { "4.5", "过程管理", 100, 2 },
  { "4.6", "测量、分析与改进", 80, 2 },
  { "4.7", "结果", 400, 6 },
};

static const struct
{
  const char *code;
  guint       points;
} items[] = {
  { "4.1.2", 50 }, { "4.1.3", 30 }, { "4.1.4", 30 },
  { "4.2.2", 40 }, { "4.2.3", 50 },
  { "4.3.2", 40 }, { "4.3.3", 50 },
  { "4.4.2", 60 }, { "4.4.3", 15 }, { "4.4.4", 20 }, { "4.4.5", 15 }, { "4.4.6", 10 },
  { "4.4.7", 10 },
  { "4.5.2", 50 }, { "4.5.3", 50 },
  { "4.6.2", 40 }, { "4.6.3", 40 },
  { "4.7.2", 80 }, { "4.7.3", 80 }, { "4.7.4", 80 }, { "4.7.5", 60 }, { "4.7.6", 50 },
  { "4.7.7", 50 },
};

static QaCriteria *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  QaCriteria *criteria;

  criteria = qa_criteria_new_from_id (QA_CRITERIA_DEFAULT_ID, &error);
  ck_assert_msg (criteria != NULL, "%s", error != NULL ? error->message : "");

  return criteria;
}

/* The shipped data with @old replaced by @replacement (which must occur exactly once). */
static GBytes *
edited_data (const char *old,
             const char *replacement)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GString) text = NULL;
  const char *data;
  const char *found;
  gsize size;

  original = _qa_core_resource ("criteria/gbt19580-2012.xml", NULL);
  ck_assert_ptr_nonnull (original);
  data = g_bytes_get_data (original, &size);
  text = g_string_new_len (data, (gssize) size);

  found = strstr (text->str, old);
  ck_assert_msg (found != NULL, "“%s” is not in the criteria", old);
  ck_assert_msg (strstr (found + 1, old) == NULL, "“%s” occurs more than once", old);
  g_string_erase (text, found - text->str, (gssize) strlen (old));
  g_string_insert (text, found - text->str, replacement);

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
assert_refused (const char *old,
                const char *replacement,
                int         code,
                const char *expected)
{
  g_autoptr(GBytes) bytes = edited_data (old, replacement);
  g_autoptr(GError) error = NULL;
  g_autoptr(QaCriteria) criteria = NULL;

  criteria = qa_criteria_new_from_bytes (bytes, &error);

  ck_assert_ptr_null (criteria);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_error_matches (error, QA_CRITERIA_ERROR, code),
                 "expected code %d, got %s %d: %s", code,
                 g_quark_to_string (error->domain), error->code, error->message);
  ck_assert_msg (strstr (error->message, expected) != NULL,
                 "“%s” not in: %s", expected, error->message);
}

START_TEST (test_totals)
{
  g_autoptr(QaCriteria) criteria = load_default ();
  GListModel *model = qa_criteria_get_categories (criteria);
  guint total = 0;

  ck_assert_str_eq (qa_criteria_get_id (criteria), "gbt19580-2012");
  ck_assert_uint_eq (qa_criteria_get_total_points (criteria), 1000);
  ck_assert_uint_eq (g_list_model_get_n_items (model), G_N_ELEMENTS (categories));
  ck_assert_uint_eq (g_list_model_get_n_items (qa_criteria_get_items (criteria)), 23);
  ck_assert (g_list_model_get_item_type (qa_criteria_get_items (criteria)) == QA_TYPE_ITEM);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(QaCategory) category = g_list_model_get_item (model, i);
      GListModel *category_items = qa_category_get_items (category);
      guint sum = 0;

      ck_assert_str_eq (qa_category_get_code (category), categories[i].code);
      ck_assert_str_eq (qa_category_get_name_zh (category), categories[i].name_zh);
      ck_assert_uint_eq (qa_category_get_points (category), categories[i].points);
      ck_assert_uint_eq (g_list_model_get_n_items (category_items), categories[i].n_items);

      for (guint j = 0; j < g_list_model_get_n_items (category_items); j++)
        {
          g_autoptr(QaItem) item = g_list_model_get_item (category_items, j);

          ck_assert_str_eq (qa_item_get_category_code (item), categories[i].code);
          sum += qa_item_get_points (item);
        }

      ck_assert_uint_eq (sum, categories[i].points);
      total += sum;
    }

  ck_assert_uint_eq (total, 1000);
}
END_TEST

START_TEST (test_items_in_clause_order)
{
  g_autoptr(QaCriteria) criteria = load_default ();
  GListModel *model = qa_criteria_get_items (criteria);
  guint process_points = 0;
  guint result_points = 0;

  ck_assert_uint_eq (g_list_model_get_n_items (model), G_N_ELEMENTS (items));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(QaItem) item = g_list_model_get_item (model, i);

      ck_assert_str_eq (qa_item_get_code (item), items[i].code);
      ck_assert_uint_eq (qa_item_get_points (item), items[i].points);
      ck_assert_ptr_eq (qa_criteria_lookup_item (criteria, items[i].code), item);

      /* 4.7 is the results category; every other item is a process item. */
      if (g_str_has_prefix (items[i].code, "4.7."))
        {
          ck_assert_int_eq (qa_item_get_kind (item), QA_ITEM_KIND_RESULT);
          result_points += qa_item_get_points (item);
        }
      else
        {
          ck_assert_int_eq (qa_item_get_kind (item), QA_ITEM_KIND_PROCESS);
          process_points += qa_item_get_points (item);
        }

      ck_assert_ptr_nonnull (qa_item_get_name_zh (item));
      ck_assert_ptr_nonnull (qa_item_get_name_en (item));
      ck_assert_ptr_nonnull (qa_item_get_key_points_zh (item));
      ck_assert_ptr_nonnull (qa_item_get_key_points_en (item));
    }

  ck_assert_uint_eq (process_points, 600);
  ck_assert_uint_eq (result_points, 400);
}
END_TEST

START_TEST (test_item_4_1_2)
{
  g_autoptr(QaCriteria) criteria = load_default ();
  QaItem *item = qa_criteria_lookup_item (criteria, "4.1.2");

  ck_assert_ptr_nonnull (item);
  ck_assert_str_eq (qa_item_get_code (item), "4.1.2");
  ck_assert_uint_eq (qa_item_get_points (item), 50);
  ck_assert_int_eq (qa_item_get_kind (item), QA_ITEM_KIND_PROCESS);
  ck_assert_str_eq (qa_item_get_name_zh (item), "高层领导的作用");
  ck_assert_str_eq (qa_item_get_name_en (item), "Role of senior leaders");
  ck_assert_str_eq (qa_item_get_category_code (item), "4.1");
  ck_assert_str_eq (qa_item_get_key_points_zh (item),
                    "确定方向（使命、愿景、价值观）、双向沟通、营造环境、质量责任、持续经营、绩效管理");

  /* The user's language decides; the tests run under C.UTF-8, i.e. English, unless
   * LANGUAGE says otherwise. */
  if (_qa_prefer_chinese ())
    {
      ck_assert_str_eq (qa_item_get_name (item), "高层领导的作用");
      ck_assert_str_eq (qa_item_get_key_points (item), qa_item_get_key_points_zh (item));
    }
  else
    {
      ck_assert_str_eq (qa_item_get_name (item), "Role of senior leaders");
      ck_assert_str_eq (qa_item_get_key_points (item), qa_item_get_key_points_en (item));
    }
}
END_TEST

START_TEST (test_results_items)
{
  g_autoptr(QaCriteria) criteria = load_default ();
  const char *codes[] = { "4.7.2", "4.7.3", "4.7.4", "4.7.5", "4.7.6", "4.7.7" };
  const char *names[] = {
    "产品和服务结果", "顾客与市场结果", "财务结果", "资源结果", "过程有效性结果",
    "领导方面的结果",
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      QaItem *item = qa_criteria_lookup_item (criteria, codes[i]);

      ck_assert_ptr_nonnull (item);
      ck_assert_int_eq (qa_item_get_kind (item), QA_ITEM_KIND_RESULT);
      ck_assert_str_eq (qa_item_get_name_zh (item), names[i]);
      ck_assert_str_eq (qa_item_get_category_code (item), "4.7");
    }

  ck_assert_str_eq (qa_item_get_name_en (qa_criteria_lookup_item (criteria, "4.7.7")),
                    "Leadership results");
}
END_TEST

START_TEST (test_lookup_unknown)
{
  g_autoptr(QaCriteria) criteria = load_default ();

  ck_assert_ptr_null (qa_criteria_lookup_item (criteria, "4.1.1"));
  ck_assert_ptr_null (qa_criteria_lookup_item (criteria, "4.1"));
  ck_assert_ptr_null (qa_criteria_lookup_item (criteria, "4.8.2"));
  ck_assert_ptr_null (qa_criteria_lookup_item (criteria, ""));
}
END_TEST

static void
assert_band (QaCriteria *criteria,
             QaItemKind  kind,
             guint       percent,
             guint       min_percent,
             guint       max_percent)
{
  const QaBand *band = qa_criteria_get_band (criteria, kind, percent);

  ck_assert_msg (band != NULL, "no band for %u %%", percent);
  ck_assert_msg (band->min_percent == min_percent && band->max_percent == max_percent,
                 "%u %% is in %u–%u, not %u–%u", percent, band->min_percent,
                 band->max_percent, min_percent, max_percent);
}

START_TEST (test_bands)
{
  g_autoptr(QaCriteria) criteria = load_default ();
  const guint edges[][2] = { { 0, 5 }, { 10, 25 }, { 30, 45 }, { 50, 65 }, { 70, 85 },
                             { 90, 100 } };
  QaItemKind kinds[] = { QA_ITEM_KIND_PROCESS, QA_ITEM_KIND_RESULT };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const QaBand *bands;
      guint n_bands = 0;

      bands = qa_criteria_get_bands (criteria, kinds[k], &n_bands);
      ck_assert_uint_eq (n_bands, 6);

      for (guint i = 0; i < n_bands; i++)
        {
          ck_assert_uint_eq (bands[i].min_percent, edges[i][0]);
          ck_assert_uint_eq (bands[i].max_percent, edges[i][1]);

          if (kinds[k] == QA_ITEM_KIND_PROCESS)
            {
              ck_assert_ptr_nonnull (bands[i].approach);
              ck_assert_ptr_nonnull (bands[i].deployment);
              ck_assert_ptr_nonnull (bands[i].learning);
              ck_assert_ptr_nonnull (bands[i].integration);
              ck_assert_ptr_null (bands[i].description);
            }
          else
            {
              ck_assert_ptr_nonnull (bands[i].description);
              ck_assert_ptr_null (bands[i].approach);
            }
        }

      assert_band (criteria, kinds[k], 0, 0, 5);
      assert_band (criteria, kinds[k], 5, 0, 5);
      assert_band (criteria, kinds[k], 10, 10, 25);
      assert_band (criteria, kinds[k], 60, 50, 65);
      assert_band (criteria, kinds[k], 65, 50, 65);
      assert_band (criteria, kinds[k], 70, 70, 85);
      assert_band (criteria, kinds[k], 100, 90, 100);
      /* Off the 5 % grid: the step below decides. */
      assert_band (criteria, kinds[k], 7, 0, 5);
      assert_band (criteria, kinds[k], 9, 0, 5);
      assert_band (criteria, kinds[k], 27, 10, 25);
      assert_band (criteria, kinds[k], 89, 70, 85);
      assert_band (criteria, kinds[k], 99, 90, 100);

      for (guint percent = 0; percent <= 100; percent++)
        ck_assert_ptr_nonnull (qa_criteria_get_band (criteria, kinds[k], percent));
    }
}
END_TEST

START_TEST (test_band_texts)
{
  g_autoptr(QaCriteria) criteria = load_default ();
  const QaBand *process = qa_criteria_get_band (criteria, QA_ITEM_KIND_PROCESS, 60);
  const QaBand *result = qa_criteria_get_band (criteria, QA_ITEM_KIND_RESULT, 95);

  if (_qa_prefer_chinese ())
    {
      ck_assert_str_eq (process->approach, "有针对总体要求的有效、系统的方法");
      ck_assert_str_eq (process->integration, "方法与组织需要协调一致");
      ck_assert_str_eq (result->description,
                        "几乎所有领域达到优秀水平；持续领先；成为他人的标杆");
    }
  else
    {
      ck_assert_str_eq (process->approach,
                        "An effective, systematic approach that meets the overall requirements");
      ck_assert_str_eq (process->integration,
                        "The approach is aligned with the organisation's needs");
      ck_assert_str_eq (result->description,
                        "Excellent levels in nearly all areas; sustained leadership; "
                        "a benchmark for others");
    }
}
END_TEST

START_TEST (test_item_kind_type)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  GEnumValue *value;

  ck_assert (G_TYPE_IS_ENUM (QA_TYPE_ITEM_KIND));
  enum_class = g_type_class_ref (QA_TYPE_ITEM_KIND);
  value = g_enum_get_value (enum_class, QA_ITEM_KIND_RESULT);
  ck_assert_ptr_nonnull (value);
  ck_assert_str_eq (value->value_nick, "result");
  value = g_enum_get_value_by_nick (enum_class, "process");
  ck_assert_ptr_nonnull (value);
  ck_assert_int_eq (value->value, QA_ITEM_KIND_PROCESS);

  ck_assert_str_eq (qa_item_kind_to_string (QA_ITEM_KIND_PROCESS), "process");
  ck_assert_str_eq (qa_item_kind_to_string (QA_ITEM_KIND_RESULT), "result");
}
END_TEST

START_TEST (test_properties_read_only)
{
  g_autoptr(QaCriteria) criteria = load_default ();
  QaItem *item = qa_criteria_lookup_item (criteria, "4.7.4");
  g_autoptr(QaCategory) category = g_list_model_get_item (qa_criteria_get_categories (criteria),
                                                          6);
  g_autofree char *code = NULL;
  g_autofree char *name_zh = NULL;
  g_autoptr(GListModel) category_items = NULL;
  const char *names[] = { "code", "name", "name-zh", "name-en", "points", "kind",
                          "category-code", "key-points" };
  QaItemKind kind;
  guint points;

  g_object_get (item, "code", &code, "name-zh", &name_zh, "points", &points, "kind", &kind,
                NULL);
  ck_assert_str_eq (code, "4.7.4");
  ck_assert_str_eq (name_zh, "财务结果");
  ck_assert_uint_eq (points, 80);
  ck_assert_int_eq (kind, QA_ITEM_KIND_RESULT);

  /* Nothing can be changed after construction. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), names[i]);

      ck_assert_msg (pspec != NULL, "no property %s", names[i]);
      ck_assert (pspec->flags & G_PARAM_READABLE);
      ck_assert_msg (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY),
                     "%s can be changed", names[i]);
    }

  g_object_get (category, "items", &category_items, NULL);
  ck_assert_ptr_eq (category_items, qa_category_get_items (category));
  ck_assert_uint_eq (g_list_model_get_n_items (category_items), 6);
}
END_TEST

START_TEST (test_from_file)
{
  const char *source_dir = g_getenv ("QA_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QaCriteria) criteria = NULL;

  ck_assert_msg (source_dir != NULL, "QA_SOURCE_DIR is not set");
  path = g_build_filename (source_dir, "data", "criteria", "gbt19580-2012.xml", NULL);
  file = g_file_new_for_path (path);

  criteria = qa_criteria_new_from_file (file, &error);
  ck_assert_msg (criteria != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (qa_criteria_get_total_points (criteria), 1000);
  ck_assert_uint_eq (g_list_model_get_n_items (qa_criteria_get_items (criteria)), 23);
  ck_assert_ptr_nonnull (strstr (qa_criteria_get_title (criteria), "GB/T 19580-2012"));
}
END_TEST

START_TEST (test_not_found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaCriteria) criteria = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/criteria.xml");

  criteria = qa_criteria_new_from_id ("gbt19580-2004", &error);
  ck_assert_ptr_null (criteria);
  ck_assert (g_error_matches (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* An id is never a path. */
  criteria = qa_criteria_new_from_id ("../profiles/ganzhou", &error);
  ck_assert_ptr_null (criteria);
  ck_assert (g_error_matches (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_NOT_FOUND));
  g_clear_error (&error);

  criteria = qa_criteria_new_from_file (file, &error);
  ck_assert_ptr_null (criteria);
  ck_assert (g_error_matches (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_NOT_FOUND));
  ck_assert_ptr_nonnull (strstr (error->message, "/nonexistent/criteria.xml"));
}
END_TEST

START_TEST (test_item_points_off)
{
  assert_refused ("<item code=\"4.1.2\" points=\"50\"", "<item code=\"4.1.2\" points=\"45\"",
                  QA_CRITERIA_ERROR_INCONSISTENT,
                  "category/@points: category 4.1 is worth 110 points, but its items add up "
                  "to 105");
}
END_TEST

START_TEST (test_total_off)
{
  g_autoptr(GBytes) step = edited_data ("<category code=\"4.1\" points=\"110\">",
                                        "<category code=\"4.1\" points=\"120\">");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (step, NULL),
                                              (gssize) g_bytes_get_size (step));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QaCriteria) criteria = NULL;

  /* 4.1 adds up again, but the whole no longer makes 1000. */
  g_string_replace (text, "<item code=\"4.1.2\" points=\"50\"", "<item code=\"4.1.2\" points=\"60\"",
                    1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  criteria = qa_criteria_new_from_bytes (bytes, &error);
  ck_assert_ptr_null (criteria);
  ck_assert (g_error_matches (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT));
  ck_assert_msg (strstr (error->message,
                         "criteria/@total-points is 1000, but the categories add up to 1010"),
                 "%s", error->message);
}
END_TEST

START_TEST (test_item_count_off)
{
  assert_refused ("scored-items=\"23\"", "scored-items=\"22\"", QA_CRITERIA_ERROR_INCONSISTENT,
                  "criteria/@scored-items is 22, but the categories hold 23 items");
}
END_TEST

START_TEST (test_duplicate_code)
{
  /* The schema's unique constraint catches it first. */
  assert_refused ("<item code=\"4.1.3\"", "<item code=\"4.1.2\"", QA_CRITERIA_ERROR_INVALID,
                  "Duplicate key-sequence ['4.1.2']");
}
END_TEST

START_TEST (test_item_outside_category)
{
  assert_refused ("<item code=\"4.1.4\"", "<item code=\"4.2.4\"", QA_CRITERIA_ERROR_INCONSISTENT,
                  "category/item/@code: “4.2.4” is not a clause of category 4.1");
}
END_TEST

START_TEST (test_items_out_of_order)
{
  g_autoptr(GBytes) step = edited_data ("<item code=\"4.1.3\"", "<item code=\"4.1.9\"");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (step, NULL),
                                              (gssize) g_bytes_get_size (step));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QaCriteria) criteria = NULL;

  g_string_replace (text, "<item code=\"4.1.4\"", "<item code=\"4.1.5\"", 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  criteria = qa_criteria_new_from_bytes (bytes, &error);
  ck_assert_ptr_null (criteria);
  ck_assert (g_error_matches (error, QA_CRITERIA_ERROR, QA_CRITERIA_ERROR_INCONSISTENT));
  ck_assert_msg (strstr (error->message, "item 4.1.5 is listed after 4.1.9"), "%s",
                 error->message);
}
END_TEST

START_TEST (test_band_gap)
{
  assert_refused ("<band min-percent=\"30\" max-percent=\"45\">\n"
                  "        <approach xml:lang=\"zh\">",
                  "<band min-percent=\"35\" max-percent=\"45\">\n"
                  "        <approach xml:lang=\"zh\">",
                  QA_CRITERIA_ERROR_INCONSISTENT,
                  "scoring-guidelines/process-bands/band/@min-percent: the band must start at "
                  "30 %, one step after the band before it, not at 35 %");
}
END_TEST

START_TEST (test_band_short_of_100)
{
  assert_refused ("<band min-percent=\"90\" max-percent=\"100\">\n"
                  "        <description",
                  "<band min-percent=\"90\" max-percent=\"95\">\n"
                  "        <description",
                  QA_CRITERIA_ERROR_INCONSISTENT,
                  "scoring-guidelines/result-bands/band/@max-percent: the last band must end at "
                  "100 %, not at 95 %");
}
END_TEST

START_TEST (test_band_not_from_0)
{
  assert_refused ("<band min-percent=\"0\" max-percent=\"5\">\n"
                  "        <description",
                  "<band min-percent=\"5\" max-percent=\"5\">\n"
                  "        <description",
                  QA_CRITERIA_ERROR_INCONSISTENT,
                  "the first band must start at 0 %, not at 5 %");
}
END_TEST

START_TEST (test_band_percent_above_100)
{
  assert_refused ("<band min-percent=\"90\" max-percent=\"100\">\n"
                  "        <description",
                  "<band min-percent=\"90\" max-percent=\"110\">\n"
                  "        <description",
                  QA_CRITERIA_ERROR_INVALID, "attribute 'max-percent'");
}
END_TEST

START_TEST (test_language_pair)
{
  assert_refused ("<name xml:lang=\"en\">Leadership</name>",
                  "<name xml:lang=\"zh\">Leadership</name>",
                  QA_CRITERIA_ERROR_INVALID,
                  "category/name: there is more than one text with xml:lang “zh”");
  assert_refused ("<name xml:lang=\"en\">Leadership</name>",
                  "<name xml:lang=\"fr\">Leadership</name>",
                  QA_CRITERIA_ERROR_INVALID,
                  "category/name/@xml:lang must be “zh” or “en”, not “fr”");
  assert_refused ("<key-points xml:lang=\"en\">Customer-focused results, market results"
                  "</key-points>", "",
                  QA_CRITERIA_ERROR_INVALID,
                  "category/item/key-points: the text with xml:lang “en” is missing");
}
END_TEST

START_TEST (test_schema_values)
{
  assert_refused ("kind=\"result\">\n      <name xml:lang=\"zh\">财务结果",
                  "kind=\"outcome\">\n      <name xml:lang=\"zh\">财务结果",
                  QA_CRITERIA_ERROR_INVALID, "attribute 'kind'");
  assert_refused ("<item code=\"4.4.6\"", "<item code=\"4.4.x\"",
                  QA_CRITERIA_ERROR_INVALID, "attribute 'code'");
  assert_refused ("<item code=\"4.4.6\" points=\"10\"", "<item code=\"4.4.6\" points=\"0\"",
                  QA_CRITERIA_ERROR_INVALID, "attribute 'points'");
  assert_refused ("<criteria xmlns=\"urn:qareview:criteria:1\"",
                  "<criteria xmlns=\"urn:qareview:criteria:2\"",
                  QA_CRITERIA_ERROR_INVALID, "No matching global declaration");
}
END_TEST

START_TEST (test_hostile)
{
  assert_refused ("<criteria xmlns", "<!DOCTYPE criteria [<!ENTITY x \"1\">]>\n<criteria xmlns",
                  QA_CRITERIA_ERROR_PARSE, "a DOCTYPE is not allowed");
  assert_refused ("</criteria>", "</criterion>", QA_CRITERIA_ERROR_PARSE,
                  "is not well-formed XML");
}
END_TEST

static Suite *
criteria_suite (void)
{
  Suite *suite = suite_create ("criteria");
  TCase *data = tcase_create ("data");
  TCase *bands = tcase_create ("bands");
  TCase *types = tcase_create ("types");
  TCase *refused = tcase_create ("refused");

  tcase_add_test (data, test_totals);
  tcase_add_test (data, test_items_in_clause_order);
  tcase_add_test (data, test_item_4_1_2);
  tcase_add_test (data, test_results_items);
  tcase_add_test (data, test_lookup_unknown);
  tcase_add_test (data, test_from_file);
  tcase_add_test (data, test_not_found);
  suite_add_tcase (suite, data);

  tcase_add_test (bands, test_bands);
  tcase_add_test (bands, test_band_texts);
  suite_add_tcase (suite, bands);

  tcase_add_test (types, test_item_kind_type);
  tcase_add_test (types, test_properties_read_only);
  suite_add_tcase (suite, types);

  tcase_add_test (refused, test_item_points_off);
  tcase_add_test (refused, test_total_off);
  tcase_add_test (refused, test_item_count_off);
  tcase_add_test (refused, test_duplicate_code);
  tcase_add_test (refused, test_item_outside_category);
  tcase_add_test (refused, test_items_out_of_order);
  tcase_add_test (refused, test_band_gap);
  tcase_add_test (refused, test_band_short_of_100);
  tcase_add_test (refused, test_band_not_from_0);
  tcase_add_test (refused, test_band_percent_above_100);
  tcase_add_test (refused, test_language_pair);
  tcase_add_test (refused, test_schema_values);
  tcase_add_test (refused, test_hostile);
  suite_add_tcase (suite, refused);

  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (criteria_suite ());
  int failures;

  srunner_run_all (runner, CK_ENV);
  failures = srunner_ntests_failed (runner);
  srunner_free (runner);

  return failures ? 1 : 0;
}
