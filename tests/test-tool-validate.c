/* test-tool-validate.c: steady-tool validate and cards on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tool-test.h"

typedef struct {
  char *tmp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tmp = tool_test_make_dir ("steady-tool-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tool_test_remove_dir (f->tmp);
  g_free (f->tmp);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->tmp, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

#define GOOD \
  "<program id=\"p\" version=\"1\"><title>T</title>\n" \
  "<cards><card id=\"a\" illustration=\"safety\"><title>Card A</title><p>x</p></card></cards>\n" \
  "<drills><drill id=\"d\" motion=\"clamshell\"><title>D</title><summary>S</summary>\n" \
  "<reps default=\"15\"/><hold default=\"5\"/><step>x</step></drill></drills></program>\n"

static void
test_validate_good_and_bad (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *good = write_file (f, "good.xml", GOOD);
  g_autofree char *bad = write_file (f, "bad.xml",
                                     "<program id=\"p\" version=\"1\">\n  <bogus/>\n"
                                     "  <title x=\"1\">T</title>\n</program>\n");
  g_autofree char *garbage = write_file (f, "garbage.xml", "\x7f" "ELF\x01\x02");
  g_autofree char *missing = g_build_filename (f->tmp, "missing.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args_good[] = { "validate", good, NULL };
  const char *args_all[] = { "validate", good, bad, garbage, missing, NULL };

  g_assert_cmpint (tool_test_run (args_good, &out, &err), ==, 0);
  expected = g_strdup_printf ("%s: ok\n", good);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  /* A line for each problem (the bad file has three, the others one),
   * every one named with the path given, line and column. */
  g_assert_cmpint (tool_test_run (args_all, &out, &err), ==, 1);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  expected = g_strdup_printf ("%s: ok", good);
  g_assert_cmpstr (lines[0], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:2:3: <program> cannot contain <bogus>", bad);
  g_assert_cmpstr (lines[1], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:3:3: <title> has no attribute “x” (it takes none)", bad);
  g_assert_cmpstr (lines[2], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:1:1: <program> needs <cards> with at least one <card>", bad);
  g_assert_cmpstr (lines[3], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:1:1: ", garbage);
  g_assert_true (g_str_has_prefix (lines[4], expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: cannot read the file: ", missing);
  g_assert_true (g_str_has_prefix (lines[5], expected));
  g_assert_cmpstr (lines[6], ==, "");
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  const char *no_files[] = { "validate", NULL };
  const char *bad_option[] = { "validate", "--frobnicate", NULL };
  const char *no_command[] = { NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *help[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (tool_test_run (no_files, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "name at least one program file"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tool_test_run (bad_option, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--frobnicate"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tool_test_run (no_command, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Usage: steady-tool COMMAND"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tool_test_run (unknown, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "unknown command “frobnicate”"));

  g_assert_cmpint (tool_test_run (help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "validate"));
  g_assert_nonnull (strstr (out, "cards"));
}

static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *good = write_file (f, "good.xml", GOOD);
  g_autofree char *bad = write_file (f, "bad.xml", "<program/>");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *args_text[] = { "cards", "--program", good, NULL };
  const char *args_json[] = { "cards", "--json", "--program", good, NULL };
  const char *args_bad[] = { "cards", "--program", bad, NULL };
  const char *args_builtin[] = { "cards", "--json", NULL };
  JsonObject *root;
  JsonArray *cards;

  g_assert_cmpint (tool_test_run (args_text, &out, NULL), ==, 0);
  g_assert_true (g_regex_match_simple ("^a +Card A\n$", out, 0, 0));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (tool_test_run (args_json, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "program"), ==, "p");
  cards = json_object_get_array_member (root, "cards");
  g_assert_cmpuint (json_array_get_length (cards), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cards, 0), "title"), ==, "Card A");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (tool_test_run (args_bad, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "bad.xml:1:1: <program> needs id="));
  g_clear_pointer (&err, g_free);

  /* The built-in program lists every card with an id and a title. */
  g_assert_cmpint (tool_test_run (args_builtin, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "program"), ==, "hip-stability");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "cards")), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tool/validate/good-and-bad", Fixture, NULL, fixture_set_up, test_validate_good_and_bad, fixture_tear_down);
  g_test_add ("/tool/validate/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/tool/cards", Fixture, NULL, fixture_set_up, test_cards, fixture_tear_down);

  return g_test_run ();
}
