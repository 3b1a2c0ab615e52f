/* fuzz-program.c: the program-file parser under libFuzzer
 *
 * Any bytes must give either a program or an error in the documented
 * "NAME:LINE:COL: message" form (a line for each problem): never a
 * crash, a leak or a hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "steady-program.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = steady_program_new_from_bytes (bytes, "fuzz.xml", &error);

  if (program == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, STEADY_PROGRAM_ERROR, error->code));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* A line for each problem, each saying where. */
      for (const char *line = error->message; line != NULL; line = strchr (line, '\n'))
        {
          if (*line == '\n')
            line++;
          g_assert_true (g_str_has_prefix (line, "fuzz.xml:"));
        }
    }
  else
    {
      /* A program that parses answers every question about itself. */
      GListModel *drills = steady_program_get_drills (program);

      g_assert_no_error (error);
      g_assert_cmpuint (steady_program_get_n_cards (program), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (drills), >, 0);
      for (guint i = 0; i < steady_program_get_n_cards (program); i++)
        {
          SteadyCard *card = steady_program_get_card (program, i);

          g_assert_true (g_utf8_validate (steady_card_get_title (card), -1, NULL));
          g_assert_nonnull (steady_card_get_paragraphs (card)[0]);
        }
    }

  return 0;
}
