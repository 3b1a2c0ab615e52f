/* tool-cards.c: steady-tool cards [--json] [--program FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steady-program.h"
#include "steady-tool.h"

static const char *
kind_name (SteadyCardKind kind)
{
  switch (kind)
    {
    case STEADY_CARD_KIND_DRILL:
      return "drill";
    case STEADY_CARD_KIND_SAFETY:
      return "safety";
    case STEADY_CARD_KIND_NARRATIVE:
    default:
      return "narrative";
    }
}

static void
print_json (SteadyProgram *program)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "program");
  json_builder_add_string_value (builder, steady_program_get_id (program));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, steady_program_get_title (program));
  json_builder_set_member_name (builder, "cards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < steady_program_get_n_cards (program); i++)
    {
      SteadyCard *card = steady_program_get_card (program, i);
      const char * const *paragraphs = steady_card_get_paragraphs (card);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, steady_card_get_id (card));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind_name (steady_card_get_kind (card)));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, steady_card_get_title (card));
      json_builder_set_member_name (builder, "illustration");
      json_builder_add_string_value (builder, steady_card_get_illustration (card));
      if (steady_card_get_drill_id (card) != NULL)
        {
          json_builder_set_member_name (builder, "drill");
          json_builder_add_string_value (builder, steady_card_get_drill_id (card));
        }
      json_builder_set_member_name (builder, "paragraphs");
      json_builder_begin_array (builder);
      for (guint j = 0; paragraphs[j] != NULL; j++)
        json_builder_add_string_value (builder, paragraphs[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  steady_tool_print_json (builder);
}

int
steady_tool_cards (int    argc,
                   char **argv)
{
  static const SteadyToolCommand self = { "cards", "[--json] [--program FILE]", N_("List the lesson's cards"), NULL };
  g_autoptr(SteadyProgram) program = NULL;
  g_autofree char *program_path = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "program", 0, 0, G_OPTION_ARG_FILENAME, &program_path, N_("Use this program file instead of the built-in one"), N_("FILE") },
    { NULL }
  };

  if (!steady_tool_parse_options (&self, entries, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (argc > 1)
    {
      fprintf (stderr, _("steady-tool cards: unexpected argument “%s”"), argv[1]);
      fputc ('\n', stderr);
      return STEADY_TOOL_USAGE;
    }

  program = steady_tool_load_program (program_path);
  if (program == NULL)
    return STEADY_TOOL_BAD_INPUT;

  if (json)
    print_json (program);
  else
    for (guint i = 0; i < steady_program_get_n_cards (program); i++)
      {
        SteadyCard *card = steady_program_get_card (program, i);

        printf ("%-26s %s\n", steady_card_get_id (card), steady_card_get_title (card));
      }

  return STEADY_TOOL_OK;
}
