/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the benchmark programs share: valid credit codes, the applicants CSV they import and
 * CPU time (user + system), which stays comparable on a busy machine. */

#include <string.h>
#include <sys/resource.h>

#include "qa-core.h"

static const char bench_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* A valid unified social credit code for @serial (GB 32100-2015 check character). */
static inline char *
bench_credit_code (guint serial)
{
  char first17[18];

  memcpy (first17, "91620702MA", 10);
  for (guint k = 0; k < 7; k++, serial /= 31)
    first17[10 + k] = bench_alphabet[serial % 31];
  first17[17] = '\0';
  return g_strdup_printf ("%s%c", first17, qa_credit_code_check_char (first17));
}

/* @n applicants that pass every check of the import, as CSV with its header. */
static inline GString *
bench_applicants_csv (guint n)
{
  GString *csv = g_string_new ("id,name,credit_code,district,legal_person,founded,"
                               "accidents_3y,management_system,gbt19580,self_score\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = bench_credit_code (i + 1);

      g_string_append_printf (csv, "B%06u,张掖市甘州区测试企业%u有限公司,%s,甘州区,yes,2012-04-18,0,yes,yes,%u\n",
                              i + 1, i + 1, code, 400 + i % 500);
    }
  return csv;
}

/* CPU seconds used so far by RUSAGE_SELF or RUSAGE_CHILDREN. */
static inline double
bench_cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}
