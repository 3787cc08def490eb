/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "qa-credit-code.h"
#include "qa-test.h"

#include <string.h>

/* Published codes of real organisations. */
static const char * const real_codes[] = {
  "91440300708461136T",
  "91330100716105852F",
  "914403001922038216",
  "91110108551385082Q",
  "911100001000044477",
};

START_TEST (test_real_codes_are_valid)
{
  for (guint i = 0; i < G_N_ELEMENTS (real_codes); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (qa_credit_code_validate (real_codes[i], &error),
                     "%s refused: %s", real_codes[i], error ? error->message : "");
      ck_assert_int_eq (qa_credit_code_check_char (real_codes[i]), real_codes[i][17]);
    }
}
END_TEST

START_TEST (test_check_char_31_is_zero)
{
  /* 17 zeros: the sum is 0, 31 − 0 = 31, which GB 32100 writes as 0. */
  ck_assert_int_eq (qa_credit_code_check_char ("00000000000000000"), '0');
}
END_TEST

START_TEST (test_wrong_check_names_expected)
{
  g_autoptr(GError) error = NULL;

  ck_assert (!qa_credit_code_validate ("91440300708461136X", &error));
  ck_assert (g_error_matches (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_CHECK));
  ck_assert_msg (strstr (error->message, "“T”") != NULL, "message: %s", error->message);
}
END_TEST

START_TEST (test_wrong_length)
{
  g_autoptr(GError) error = NULL;

  ck_assert (!qa_credit_code_validate ("9144030070846113", &error));
  ck_assert (g_error_matches (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_LENGTH));
  g_clear_error (&error);
  ck_assert (!qa_credit_code_validate ("91440300708461136TT", &error));
  ck_assert (g_error_matches (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_LENGTH));
  g_clear_error (&error);
  ck_assert (!qa_credit_code_validate ("", &error));
  ck_assert (g_error_matches (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_LENGTH));
}
END_TEST

START_TEST (test_forbidden_characters)
{
  /* I, O, S, V, Z and lower case never appear; nor do full-width characters. */
  static const char * const bad[] = {
    "9144030070846113IT",
    "91440300708461O36T",
    "9144030070846113ST",
    "91440300708461136v",
    "9144030070846113ZT",
    "9144030070846113 T",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!qa_credit_code_validate (bad[i], &error), "%s accepted", bad[i]);
      ck_assert (g_error_matches (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_CHARACTER));
    }

  {
    g_autoptr(GError) error = NULL;

    /* 18 characters but more than 18 bytes. */
    ck_assert (!qa_credit_code_validate ("９144030070846113６T", &error));
    ck_assert (g_error_matches (error, QA_CREDIT_CODE_ERROR, QA_CREDIT_CODE_ERROR_LENGTH));
  }
}
END_TEST

START_TEST (test_check_char_of_invalid_prefix)
{
  ck_assert_int_eq (qa_credit_code_check_char ("9144030070846113I"), '\0');
}
END_TEST

static Suite *
credit_code_suite (void)
{
  Suite *suite = suite_create ("credit-code");
  TCase *tc = tcase_create ("gb32100");

  tcase_add_test (tc, test_real_codes_are_valid);
  tcase_add_test (tc, test_check_char_31_is_zero);
  tcase_add_test (tc, test_wrong_check_names_expected);
  tcase_add_test (tc, test_wrong_length);
  tcase_add_test (tc, test_forbidden_characters);
  tcase_add_test (tc, test_check_char_of_invalid_prefix);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return qa_test_run (credit_code_suite ());
}
