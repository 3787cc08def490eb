/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-profile"

#include "config.h"

#include <check.h>
#include <string.h>

#include "qa-profile.h"
#include "qa-xml-private.h"

static QaProfile *
load_ganzhou (void)
{
  g_autoptr(GError) error = NULL;
  QaProfile *profile;

  profile = qa_profile_new_from_id (QA_PROFILE_DEFAULT_ID, &error);
  ck_assert_msg (profile != NULL, "%s", error != NULL ? error->message : "");

  return profile;
}

static char *
shipped_text (void)
{
  g_autoptr(GBytes) bytes = _qa_core_resource ("profiles/ganzhou.xml", NULL);

  ck_assert_ptr_nonnull (bytes);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The line of the first occurrence of @needle in @text. */
static int
line_of (const char *text,
         const char *needle)
{
  const char *found = strstr (text, needle);
  int line = 1;

  ck_assert_ptr_nonnull (found);
  for (const char *p = text; p < found; p++)
    line += *p == '\n';

  return line;
}

/* The Ganzhou profile with each pair of @edits (old, new; NULL-terminated) applied once. */
static GBytes *
edited_profile (const char * const *edits)
{
  g_autofree char *original = shipped_text ();
  g_autoptr(GString) text = g_string_new (original);

  for (guint i = 0; edits[i] != NULL; i += 2)
    {
      ck_assert_msg (strstr (text->str, edits[i]) != NULL, "“%s” is not in the profile",
                     edits[i]);
      g_string_replace (text, edits[i], edits[i + 1], 1);
    }

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static GError *
refusal (const char * const *edits)
{
  g_autoptr(GBytes) bytes = edited_profile (edits);
  g_autoptr(QaProfile) profile = NULL;
  GError *error = NULL;

  profile = qa_profile_new_from_bytes (bytes, "broken.xml", &error);

  ck_assert_ptr_null (profile);
  ck_assert_ptr_nonnull (error);
  ck_assert (error->domain == QA_PROFILE_ERROR);

  return error;
}

#define assert_message_has(error, text) \
  ck_assert_msg (strstr ((error)->message, (text)) != NULL, "“%s” not in: %s", (text), \
                 (error)->message)

START_TEST (test_ganzhou_rules)
{
  g_autoptr(QaProfile) profile = load_ganzhou ();

  ck_assert_str_eq (qa_profile_get_id (profile), "ganzhou");
  ck_assert_str_eq (qa_profile_get_criteria_id (profile), "gbt19580-2012");

  /* Art. 4 */
  ck_assert_uint_eq (qa_profile_get_cycle_years (profile), 2);
  ck_assert_uint_eq (qa_profile_get_award_limit (profile), 3);
  ck_assert_uint_eq (qa_profile_get_prize_yuan (profile), 200000);
  /* Art. 7 */
  ck_assert_uint_eq (qa_profile_get_validity_years (profile), 5);
  /* Art. 13(1), 13(2) */
  ck_assert_uint_eq (qa_profile_get_min_operating_years (profile), 3);
  ck_assert_uint_eq (qa_profile_get_accident_lookback_years (profile), 3);
  /* Art. 11 */
  ck_assert_uint_eq (qa_profile_get_panel_min_size (profile), 5);
  ck_assert (qa_profile_get_panel_odd (profile));
  ck_assert_uint_eq (qa_profile_get_min_experience_years (profile), 5);
  ck_assert_uint_eq (qa_profile_get_min_scorers (profile), 5);
  /* Art. 16(6) */
  ck_assert_uint_eq (qa_profile_get_public_notice_days (profile), 7);
  /* Art. 21 */
  ck_assert_uint_eq (qa_profile_get_accident_publicity_years (profile), 5);
}
END_TEST

START_TEST (test_ganzhou_open_parameters)
{
  g_autoptr(QaProfile) profile = load_ganzhou ();

  ck_assert_double_eq_tol (qa_profile_get_material_weight (profile), 0.3, 1e-12);
  ck_assert_double_eq_tol (qa_profile_get_site_weight (profile), 0.7, 1e-12);
  ck_assert_double_eq_tol (qa_profile_get_site_threshold (profile), 400.0, 1e-12);
  ck_assert_double_eq_tol (qa_profile_get_award_threshold (profile), 500.0, 1e-12);
  ck_assert_int_eq (qa_profile_get_consensus_method (profile), QA_CONSENSUS_METHOD_TRIMMED_MEAN);
  ck_assert_str_eq (qa_consensus_method_to_string (qa_profile_get_consensus_method (profile)),
                    "trimmed-mean");
  ck_assert_uint_eq (qa_profile_get_trim_min_scorers (profile), 5);
  ck_assert_uint_eq (qa_profile_get_consensus_rounding (profile), 5);
  ck_assert_uint_eq (qa_profile_get_discussion_spread (profile), 30);
}
END_TEST

START_TEST (test_ganzhou_names)
{
  g_autoptr(QaProfile) profile = load_ganzhou ();

  ck_assert_str_eq (qa_profile_get_award_name_zh (profile), "甘州区人民政府质量奖");
  ck_assert_str_eq (qa_profile_get_award_name_en (profile),
                    "Ganzhou District People's Government Quality Award");
  ck_assert_str_eq (qa_profile_get_authority_zh (profile), "甘州区人民政府");
  ck_assert_str_eq (qa_profile_get_authority_en (profile),
                    "Ganzhou District People's Government");
  ck_assert_str_eq (qa_profile_get_district (profile), "甘州区");

  if (_qa_prefer_chinese ())
    {
      ck_assert_str_eq (qa_profile_get_award_name (profile), "甘州区人民政府质量奖");
      ck_assert_str_eq (qa_profile_get_authority (profile), "甘州区人民政府");
    }
  else
    {
      ck_assert_str_eq (qa_profile_get_award_name (profile),
                        "Ganzhou District People's Government Quality Award");
      ck_assert_str_eq (qa_profile_get_authority (profile),
                        "Ganzhou District People's Government");
    }
}
END_TEST

START_TEST (test_bytes_kept)
{
  g_autoptr(QaProfile) profile = load_ganzhou ();
  g_autoptr(GBytes) shipped = _qa_core_resource ("profiles/ganzhou.xml", NULL);
  g_autoptr(QaProfile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  ck_assert (g_bytes_equal (qa_profile_get_bytes (profile), shipped));

  /* The shipped resource is data/profiles/ganzhou.xml, byte for byte. */
  ck_assert_msg (g_getenv ("QA_SOURCE_DIR") != NULL, "QA_SOURCE_DIR is not set");
  path = g_build_filename (g_getenv ("QA_SOURCE_DIR"), "data", "profiles", "ganzhou.xml", NULL);
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  ck_assert_uint_eq (length, g_bytes_get_size (shipped));
  ck_assert (memcmp (contents, g_bytes_get_data (shipped, NULL), length) == 0);

  /* A session can reload the profile it was run under from the kept bytes. */
  again = qa_profile_new_from_bytes (qa_profile_get_bytes (profile), "session", &error);
  ck_assert_msg (again != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (qa_profile_get_award_limit (again), 3);
}
END_TEST

START_TEST (test_from_file)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QaProfile) profile = NULL;

  ck_assert_msg (g_getenv ("QA_SOURCE_DIR") != NULL, "QA_SOURCE_DIR is not set");
  path = g_build_filename (g_getenv ("QA_SOURCE_DIR"), "data", "profiles", "ganzhou.xml", NULL);
  file = g_file_new_for_path (path);

  profile = qa_profile_new_from_file (file, &error);
  ck_assert_msg (profile != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (qa_profile_get_public_notice_days (profile), 7);
}
END_TEST

START_TEST (test_not_found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaProfile) profile = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/profile.xml");

  profile = qa_profile_new_from_id ("hainan", &error);
  ck_assert_ptr_null (profile);
  ck_assert (g_error_matches (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  profile = qa_profile_new_from_id ("../criteria/gbt19580-2012", &error);
  ck_assert_ptr_null (profile);
  ck_assert (g_error_matches (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  profile = qa_profile_new_from_file (file, &error);
  ck_assert_ptr_null (profile);
  ck_assert (g_error_matches (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_NOT_FOUND));
  assert_message_has (error, "/nonexistent/profile.xml");
}
END_TEST

/* The profiles shipped besides Ganzhou load, with their own numbers; Gansu has two tiers. */
START_TEST (test_other_profiles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QaProfile) gansu = qa_profile_new_from_id ("gansu", &error);
  g_autoptr(QaProfile) zhangye = NULL;
  g_autoptr(QaProfile) ganzhou = NULL;
  const QaProfileTier *tier;

  ck_assert_msg (gansu != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (qa_profile_get_n_tiers (gansu), 2);
  tier = qa_profile_get_tier (gansu, 0);
  ck_assert_int_eq (tier->kind, QA_TIER_AWARD);
  ck_assert_uint_eq (tier->limit, 3);
  tier = qa_profile_get_tier (gansu, 1);
  ck_assert_int_eq (tier->kind, QA_TIER_NOMINATION);
  ck_assert_uint_eq (tier->limit, 5);
  ck_assert_int_eq (tier->threshold_x100, 50000);
  ck_assert_str_eq (tier->name_zh, "甘肃省人民政府质量奖提名奖");

  zhangye = qa_profile_new_from_id ("zhangye", &error);
  ck_assert_msg (zhangye != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (qa_profile_get_award_limit (zhangye), 5);
  ck_assert_uint_eq (qa_profile_get_material_weight_milli (zhangye), 400);
  ck_assert_uint_eq (qa_profile_get_site_weight_milli (zhangye), 600);
  ck_assert_int_eq (qa_profile_get_award_threshold_x100 (zhangye), 55000);
  ck_assert_uint_eq (qa_profile_get_public_notice_days (zhangye), 10);

  ganzhou = qa_profile_new_from_id ("ganzhou", &error);
  ck_assert_uint_eq (qa_profile_get_n_tiers (ganzhou), 1);
  ck_assert_uint_eq (qa_profile_get_tier (ganzhou, 0)->limit, 3);
  ck_assert_uint_eq (qa_profile_get_tier (ganzhou, 0)->prize_yuan, 200000);
}
END_TEST

/* Weights are exact to the thousandth; the first tier is the session's limit. */
START_TEST (test_weight_decimals)
{
  const char *edits[] = { "material=\"0.3\" site=\"0.7\"", "material=\"0.3005\" site=\"0.6995\"",
                          NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  assert_message_has (error, "weights/@material (0.3005) has more than three decimals");
}
END_TEST

START_TEST (test_even_panel)
{
  const char *edits[] = { "min-size=\"5\"", "min-size=\"4\"",
                          "min-scorers=\"5\"", "min-scorers=\"3\"", NULL };
  g_autofree char *text = shipped_text ();
  g_autofree char *where = g_strdup_printf ("broken.xml:%d: ",
                                            line_of (text, "<panel "));
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  assert_message_has (error, where);
  assert_message_has (error, "panel/@min-size: 4 is even but the panel must be odd (Art. 11)");
}
END_TEST

START_TEST (test_even_panel_allowed_without_odd)
{
  const char *edits[] = { "min-size=\"5\" odd=\"true\"", "min-size=\"4\" odd=\"false\"",
                          "min-scorers=\"5\"", "min-scorers=\"3\"", NULL };
  g_autoptr(GBytes) bytes = edited_profile (edits);
  g_autoptr(GError) error = NULL;
  g_autoptr(QaProfile) profile = NULL;

  profile = qa_profile_new_from_bytes (bytes, "even.xml", &error);
  ck_assert_msg (profile != NULL, "%s", error != NULL ? error->message : "");
  ck_assert (!qa_profile_get_panel_odd (profile));
  ck_assert_uint_eq (qa_profile_get_panel_min_size (profile), 4);
}
END_TEST

START_TEST (test_weights_sum)
{
  const char *edits[] = { "material=\"0.3\" site=\"0.7\"", "material=\"0.5\" site=\"0.7\"",
                          NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  assert_message_has (error, "weights/@material (0.5) and weights/@site (0.7) add up to 1.2, "
                             "but they must add up to 1");
}
END_TEST

START_TEST (test_weights_tolerance)
{
  /* Within 1e-9 of 1 is 1: decimals written by hand or by a program need not be exact. */
  const char *close[] = { "site=\"0.7\"", "site=\"0.7000000000001\"", NULL };
  const char *off[] = { "site=\"0.7\"", "site=\"0.70001\"", NULL };
  g_autoptr(GBytes) bytes = edited_profile (close);
  g_autoptr(GError) error = NULL;
  g_autoptr(QaProfile) profile = NULL;

  profile = qa_profile_new_from_bytes (bytes, NULL, &error);
  ck_assert_msg (profile != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_double_eq_tol (qa_profile_get_site_weight (profile), 0.7, 1e-12);

  error = refusal (off);
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  assert_message_has (error, "weights/@material (0.3) and weights/@site (0.70001)");
}
END_TEST

START_TEST (test_missing_element)
{
  const char *edits[] = { "<public-notice days=\"7\"/>", "", NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "broken.xml is not valid against schemas/profile.xsd");
  assert_message_has (error, "Expected is ( public-notice )");
}
END_TEST

START_TEST (test_missing_attribute)
{
  const char *edits[] = { " prize-yuan=\"200000\"", "", NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "Element 'session': The attribute 'prize-yuan' is required");
}
END_TEST

START_TEST (test_not_well_formed)
{
  const char *edits[] = { "<validity years=\"5\"/>", "<validity years=\"5\">", NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_PARSE);
  assert_message_has (error, "broken.xml is not well-formed XML:\nbroken.xml:");
}
END_TEST

START_TEST (test_doctype_with_entity)
{
  const char *edits[] = { "<profile xmlns",
                          "<!DOCTYPE profile [ <!ENTITY five \"5\"> ]>\n<profile xmlns",
                          "min-size=\"5\"", "min-size=\"&five;\"", NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_PARSE);
  assert_message_has (error, "a DOCTYPE is not allowed");
}
END_TEST

START_TEST (test_schema_invalid_value)
{
  const char *edits[] = { "min-size=\"5\"", "min-size=\"five\"", NULL };
  g_autofree char *text = shipped_text ();
  g_autofree char *where = g_strdup_printf ("broken.xml:%d: ",
                                            line_of (text, "<panel "));
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, where);
  assert_message_has (error, "Element 'panel', attribute 'min-size'");
  assert_message_has (error, "'five'");
}
END_TEST

START_TEST (test_schema_ranges)
{
  const char *threshold[] = { "award=\"500\"", "award=\"1200000\"", NULL };
  const char *weight[] = { "material=\"0.3\" site=\"0.7\"", "material=\"-0.3\" site=\"1.3\"",
                           NULL };
  const char *method[] = { "method=\"trimmed-mean\"", "method=\"mode\"", NULL };
  const char *award_limit[] = { "award-limit=\"3\"", "award-limit=\"0\"", NULL };
  const char *odd[] = { "odd=\"true\"", "odd=\"yes\"", NULL };
  const char *lang[] = { "<name xml:lang=\"en\">", "<name xml:lang=\"zh\">", NULL };
  const char *namespace[] = { "urn:qareview:profile:1", "urn:qareview:profile:2", NULL };
  GError *error;

  error = refusal (threshold);
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "Element 'thresholds', attribute 'award'");
  g_clear_error (&error);

  error = refusal (weight);
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "Element 'weights', attribute 'material'");
  g_clear_error (&error);

  error = refusal (method);
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "attribute 'method'");
  g_clear_error (&error);

  error = refusal (award_limit);
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "Element 'session', attribute 'award-limit'");
  g_clear_error (&error);

  error = refusal (odd);
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "attribute 'odd'");
  g_clear_error (&error);

  error = refusal (lang);
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "award/name: there is more than one text with xml:lang “zh”");
  g_clear_error (&error);

  error = refusal (namespace);
  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INVALID);
  assert_message_has (error, "No matching global declaration");
  g_clear_error (&error);
}
END_TEST

START_TEST (test_min_scorers_above_panel)
{
  const char *edits[] = { "min-scorers=\"5\"", "min-scorers=\"7\"", NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  assert_message_has (error, "panel/@min-scorers: 7 is more than panel/@min-size (5)");
}
END_TEST

START_TEST (test_rounding_divides_100)
{
  const char *edits[] = { "rounding=\"5\"", "rounding=\"3\"", NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  assert_message_has (error, "consensus/@rounding: 3 does not divide 100");
}
END_TEST

START_TEST (test_rounding_zero)
{
  const char *edits[] = { "rounding=\"5\"", "rounding=\"0\"", NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  assert_message_has (error, "consensus/@rounding: 0 is not between 1 and 100");
}
END_TEST

START_TEST (test_trim_needs_three)
{
  const char *edits[] = { "trim-min-scorers=\"5\"", "trim-min-scorers=\"2\"", NULL };
  g_autoptr(GError) error = refusal (edits);

  ck_assert_int_eq (error->code, QA_PROFILE_ERROR_INCONSISTENT);
  assert_message_has (error, "consensus/@trim-min-scorers: 2 is too few");
}
END_TEST

START_TEST (test_other_methods)
{
  const char *mean[] = { "method=\"trimmed-mean\"", "method=\"mean\"", NULL };
  const char *median[] = { "method=\"trimmed-mean\"", "method=\"median\"", NULL };
  g_autoptr(GBytes) mean_bytes = edited_profile (mean);
  g_autoptr(GBytes) median_bytes = edited_profile (median);
  g_autoptr(QaProfile) mean_profile = qa_profile_new_from_bytes (mean_bytes, "mean", NULL);
  g_autoptr(QaProfile) median_profile = qa_profile_new_from_bytes (median_bytes, "median", NULL);

  ck_assert_ptr_nonnull (mean_profile);
  ck_assert_ptr_nonnull (median_profile);
  ck_assert_int_eq (qa_profile_get_consensus_method (mean_profile), QA_CONSENSUS_METHOD_MEAN);
  ck_assert_int_eq (qa_profile_get_consensus_method (median_profile),
                    QA_CONSENSUS_METHOD_MEDIAN);
  ck_assert_str_eq (qa_consensus_method_to_string (QA_CONSENSUS_METHOD_MEDIAN), "median");
}
END_TEST

static Suite *
profile_suite (void)
{
  Suite *suite = suite_create ("profile");
  TCase *ganzhou = tcase_create ("ganzhou");
  TCase *refused = tcase_create ("refused");
  TCase *variants = tcase_create ("variants");

  tcase_add_test (ganzhou, test_ganzhou_rules);
  tcase_add_test (ganzhou, test_ganzhou_open_parameters);
  tcase_add_test (ganzhou, test_ganzhou_names);
  tcase_add_test (ganzhou, test_bytes_kept);
  tcase_add_test (ganzhou, test_from_file);
  tcase_add_test (ganzhou, test_not_found);
  tcase_add_test (ganzhou, test_other_profiles);
  suite_add_tcase (suite, ganzhou);

  tcase_add_test (refused, test_even_panel);
  tcase_add_test (refused, test_weights_sum);
  tcase_add_test (refused, test_weight_decimals);
  tcase_add_test (refused, test_missing_element);
  tcase_add_test (refused, test_missing_attribute);
  tcase_add_test (refused, test_not_well_formed);
  tcase_add_test (refused, test_doctype_with_entity);
  tcase_add_test (refused, test_schema_invalid_value);
  tcase_add_test (refused, test_schema_ranges);
  tcase_add_test (refused, test_min_scorers_above_panel);
  tcase_add_test (refused, test_rounding_divides_100);
  tcase_add_test (refused, test_rounding_zero);
  tcase_add_test (refused, test_trim_needs_three);
  suite_add_tcase (suite, refused);

  tcase_add_test (variants, test_even_panel_allowed_without_odd);
  tcase_add_test (variants, test_weights_tolerance);
  tcase_add_test (variants, test_other_methods);
  suite_add_tcase (suite, variants);

  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (profile_suite ());
  int failures;

  srunner_run_all (runner, CK_ENV);
  failures = srunner_ntests_failed (runner);
  srunner_free (runner);

  return failures ? 1 : 0;
}
