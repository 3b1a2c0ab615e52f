/* test-tool-timeline.c: steady-tool timeline against its documented JSON
 *
 * The JSON is checked against docs/timeline-json.schema.json itself (with
 * the small subset of JSON Schema that file uses: type, enum, required,
 * properties, additionalProperties, items, minimum), so the document and
 * the tool cannot drift apart unnoticed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "tool-test.h"

static char *
program_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "programs", "three-drills.xml", NULL);
}

/* A minimal JSON Schema checker */

static gboolean
node_has_type (JsonNode   *node,
               const char *type)
{
  if (strcmp (type, "null") == 0)
    return JSON_NODE_HOLDS_NULL (node);
  if (strcmp (type, "object") == 0)
    return JSON_NODE_HOLDS_OBJECT (node);
  if (strcmp (type, "array") == 0)
    return JSON_NODE_HOLDS_ARRAY (node);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (strcmp (type, "string") == 0)
    return json_node_get_value_type (node) == G_TYPE_STRING;
  if (strcmp (type, "boolean") == 0)
    return json_node_get_value_type (node) == G_TYPE_BOOLEAN;
  if (strcmp (type, "integer") == 0)
    return json_node_get_value_type (node) == G_TYPE_INT64;
  if (strcmp (type, "number") == 0)
    return json_node_get_value_type (node) == G_TYPE_INT64 ||
           json_node_get_value_type (node) == G_TYPE_DOUBLE;

  g_error ("schema uses an unknown type “%s”", type);
}

static void check (JsonObject *schema, JsonNode *node, const char *where);

static void
check_type (JsonObject *schema,
            JsonNode   *node,
            const char *where)
{
  JsonNode *type = json_object_get_member (schema, "type");
  gboolean ok = FALSE;

  if (type == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types); i++)
        ok |= node_has_type (node, json_array_get_string_element (types, i));
    }
  else
    ok = node_has_type (node, json_node_get_string (type));

  if (!ok)
    g_error ("%s: does not have the type the schema asks for", where);
}

static void
check_object (JsonObject *schema,
              JsonObject *object,
              const char *where)
{
  JsonObject *properties = json_object_has_member (schema, "properties")
                           ? json_object_get_object_member (schema, "properties") : NULL;
  g_autoptr(GList) members = json_object_get_members (object);

  if (json_object_has_member (schema, "required"))
    {
      JsonArray *required = json_object_get_array_member (schema, "required");

      for (guint i = 0; i < json_array_get_length (required); i++)
        if (!json_object_has_member (object, json_array_get_string_element (required, i)))
          g_error ("%s: missing “%s”", where, json_array_get_string_element (required, i));
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *inner = g_strdup_printf ("%s.%s", where, (const char *)l->data);

      if (properties != NULL && json_object_has_member (properties, l->data))
        check (json_object_get_object_member (properties, l->data),
               json_object_get_member (object, l->data), inner);
      else if (json_object_has_member (schema, "additionalProperties") &&
               !json_object_get_boolean_member (schema, "additionalProperties"))
        g_error ("%s: not in the schema", inner);
    }
}

static void
check (JsonObject *schema,
       JsonNode   *node,
       const char *where)
{
  check_type (schema, node, where);

  if (json_object_has_member (schema, "enum"))
    {
      JsonArray *values = json_object_get_array_member (schema, "enum");
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (values); i++)
        found |= json_node_equal (json_array_get_element (values, i), node);
      if (!found)
        g_error ("%s: not one of the schema's values", where);
    }

  if (json_object_has_member (schema, "minimum") && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) != G_TYPE_STRING &&
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    g_assert_cmpfloat (json_node_get_double (node), >=,
                       json_object_get_double_member (schema, "minimum"));

  if (JSON_NODE_HOLDS_OBJECT (node))
    check_object (schema, json_node_get_object (node), where);

  if (JSON_NODE_HOLDS_ARRAY (node) && json_object_has_member (schema, "items"))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *inner = g_strdup_printf ("%s[%u]", where, i);

          check (json_object_get_object_member (schema, "items"),
                 json_array_get_element (array, i), inner);
        }
    }
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
load_schema (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "timeline-json.schema.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return parse_json (text);
}

/* Runs `timeline DRILL --json` with @extra options on the test program,
 * checks the result against the schema and the invariants the document
 * promises, and returns the root object. */
static JsonNode *
timeline_json (const char        *drill,
               const char * const *extra)
{
  g_autofree char *program = program_path ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonNode) schema = load_schema ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *segments, *cues;
  double total, t = 0, previous = 0;

  g_ptr_array_add (args, (char *)"timeline");
  g_ptr_array_add (args, (char *)drill);
  g_ptr_array_add (args, (char *)"--json");
  g_ptr_array_add (args, (char *)"--program");
  g_ptr_array_add (args, program);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (args, (char *)extra[i]);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (tool_test_run ((const char * const *)args->pdata, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = parse_json (out);
  check (json_node_get_object (schema), root, "$");

  object = json_node_get_object (root);
  total = json_object_get_double_member (object, "total");
  segments = json_object_get_array_member (object, "segments");
  cues = json_object_get_array_member (object, "cues");

  /* Segments tile [0, total] and end with "done" at total. */
  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *segment = json_array_get_object_element (segments, i);

      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (segment, "start"), t, 1e-9);
      t += json_object_get_double_member (segment, "duration");
    }
  g_assert_cmpfloat_with_epsilon (t, total, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (segments, json_array_get_length (segments) - 1), "phase"), ==, "done");

  /* Cues are sorted and lie in [0, total]. */
  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      double time = json_object_get_double_member (json_array_get_object_element (cues, i), "time");

      g_assert_cmpfloat (time, >=, previous);
      g_assert_cmpfloat (time, <=, total);
      previous = time;
    }

  return root;
}

static guint
count_kind (JsonArray  *cues,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (cues); i++)
    n += strcmp (json_object_get_string_member (json_array_get_object_element (cues, i), "kind"), kind) == 0;

  return n;
}

static void
test_json_clamshell (void)
{
  g_autoptr(JsonNode) root = timeline_json ("clamshell", NULL);
  JsonObject *object = json_node_get_object (root);
  JsonObject *settings = json_object_get_object_member (object, "settings");
  JsonArray *segments = json_object_get_array_member (object, "segments");
  JsonArray *cues = json_object_get_array_member (object, "cues");
  JsonObject *lift = json_array_get_object_element (segments, 1);
  JsonObject *first = json_array_get_object_element (cues, 0);

  g_assert_cmpstr (json_object_get_string_member (object, "drill"), ==, "clamshell");
  g_assert_cmpfloat (json_object_get_double_member (object, "total"), ==, 310);
  g_assert_cmpint (json_object_get_int_member (settings, "reps"), ==, 15);
  g_assert_cmpfloat (json_object_get_double_member (settings, "hold"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (settings, "sides"), ==, "both");
  g_assert_true (json_object_get_null_member (settings, "breath"));

  g_assert_cmpuint (json_array_get_length (segments), ==, 123);
  g_assert_cmpstr (json_object_get_string_member (lift, "phase"), ==, "lift");
  g_assert_cmpfloat (json_object_get_double_member (lift, "start"), ==, 5);
  g_assert_cmpfloat (json_object_get_double_member (lift, "duration"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (lift, "rep"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (lift, "reps"), ==, 15);
  g_assert_true (json_object_get_boolean_member (lift, "rep_start"));

  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "prompt");
  g_assert_cmpstr (json_object_get_string_member (first, "speech"), ==, "Get ready");
  g_assert_cmpuint (count_kind (cues, "tick"), ==, 30);
  g_assert_cmpuint (count_kind (cues, "countdown"), ==, 90);
  g_assert_cmpuint (count_kind (cues, "release"), ==, 30);
  g_assert_cmpuint (count_kind (cues, "switch-sides"), ==, 1);
  g_assert_cmpuint (count_kind (cues, "done"), ==, 1);
}

static void
test_json_edited (void)
{
  const char *clamshell_args[] = { "--reps", "20", "--hold", "7.5", "--side", "right", NULL };
  const char *rotation_args[] = { "--hold", "45", "--breath", "5,5", "--side", "left", "--reps", "1", NULL };
  g_autoptr(JsonNode) clamshell = timeline_json ("clamshell", clamshell_args);
  g_autoptr(JsonNode) rotation = timeline_json ("knee-rotation", rotation_args);
  g_autoptr(JsonNode) circles = timeline_json ("knee-circles", NULL);
  JsonObject *object, *breath;
  JsonArray *cues;
  double breathing = 0;

  /* 5 + 20 × (1 + 7.5 + 2 + 2) */
  object = json_node_get_object (clamshell);
  g_assert_cmpfloat (json_object_get_double_member (object, "total"), ==, 255);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (object, "settings"), "hold"), ==, 7.5);

  /* 5 + 3 + 45 + 3 + 2, and 4.5 breaths of 5 + 5 make 4 breaths, the last
   * stretched: breath cues fill the hold exactly. */
  object = json_node_get_object (rotation);
  g_assert_cmpfloat (json_object_get_double_member (object, "total"), ==, 58);
  breath = json_object_get_object_member (json_object_get_object_member (object, "settings"), "breath");
  g_assert_cmpfloat (json_object_get_double_member (breath, "in"), ==, 5);
  cues = json_object_get_array_member (object, "cues");
  g_assert_cmpuint (count_kind (cues, "breath-in"), ==, 4);
  g_assert_cmpuint (count_kind (cues, "breath-out"), ==, 4);
  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      JsonObject *cue = json_array_get_object_element (cues, i);

      if (g_str_has_prefix (json_object_get_string_member (cue, "kind"), "breath-"))
        breathing += json_object_get_double_member (cue, "duration");
    }
  g_assert_cmpfloat_with_epsilon (breathing, 45, 1e-9);

  object = json_node_get_object (circles);
  g_assert_cmpfloat (json_object_get_double_member (object, "total"), ==, 144);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object, "settings"), "hold"));
}

static void
test_text (void)
{
  g_autofree char *program = program_path ();
  const char *args[] = { "timeline", "left-clam", "--program", program, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (tool_test_run (args, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "left-clam: total 36.500 s, reps 3, hold 5.5 s, sides left");
  g_assert_true (g_regex_match_simple ("^ +0\\.000 +5\\.000  get-ready +left$", lines[3], 0, 0));
  g_assert_true (g_regex_match_simple ("^ +5\\.000 +1\\.000  lift +left +1/3$", lines[4], 0, 0));
  /* 3 reps × 4 segments + get ready + done, then the cues. */
  g_assert_true (g_regex_match_simple ("^ +36\\.500 +0\\.000  done +left", lines[16], 0, 0));
  g_assert_true (strstr (out, "   11.500    0.000  release       0  Release\n") != NULL);
  g_assert_true (strstr (out, "   36.500    0.000  done          0  Done. Well done!  [Well done]\n") != NULL);
}

static void
test_errors (void)
{
  g_autofree char *program = program_path ();
  struct {
    const char *args[8];
    int         status;
    const char *message;
  } cases[] = {
    { { "timeline", "clamshell", "--program", program, "--reps", "60", NULL }, 1,
      "steady-tool: reps 60 is out of range for clamshell (15 to 20)\n" },
    { { "timeline", "clamshell", "--program", program, "--hold", "11", NULL }, 1,
      "steady-tool: hold 11 s is out of range for clamshell (3 to 10)\n" },
    { { "timeline", "knee-circles", "--program", program, "--hold", "5", NULL }, 1,
      "steady-tool: knee-circles has no hold (hold 5 s was asked for)\n" },
    { { "timeline", "clamshell", "--program", program, "--breath", "4,6", NULL }, 1,
      "steady-tool: clamshell has no paced breathing (breath 4,6 s was asked for)\n" },
    { { "timeline", "left-clam", "--program", program, "--side", "right", NULL }, 1,
      "steady-tool: side right is not allowed for left-clam (it works left)\n" },
    { { "timeline", "bridge", "--program", program, NULL }, 1,
      "steady-tool: three-drills.xml has no drill “bridge” (it has: clamshell, knee-circles, knee-rotation, left-clam)\n" },
    { { "timeline", "clamshell", "--program", program, "--reps", "many", NULL }, 2,
      "steady-tool timeline: --reps needs a whole number, not “many”\n" },
    { { "timeline", "clamshell", "--program", program, "--side", "up", NULL }, 2,
      "steady-tool timeline: --side needs left, right or both, not “up”\n" },
    { { "timeline", "knee-rotation", "--program", program, "--breath", "4", NULL }, 2,
      "steady-tool timeline: --breath needs IN,OUT seconds (e.g. 4,6), not “4”\n" },
    { { "timeline", NULL }, 2,
      "steady-tool timeline: name a drill, e.g. “steady-tool timeline clamshell”\n" },
    { { "timeline", "clamshell", "knee-circles", NULL }, 2,
      "steady-tool timeline: unexpected argument “knee-circles”\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (tool_test_run (cases[i].args, &out, &err), ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, cases[i].message);
    }
}

static void
test_builtin (void)
{
  const char *args[] = { "timeline", "clamshell", "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) schema = load_schema ();

  /* Whatever the built-in lesson's numbers are, its clamshell compiles
   * and matches the schema. */
  g_assert_cmpint (tool_test_run (args, &out, NULL), ==, 0);
  root = parse_json (out);
  check (json_node_get_object (schema), root, "$");
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (root), "total"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tool/timeline/json-clamshell", test_json_clamshell);
  g_test_add_func ("/tool/timeline/json-edited", test_json_edited);
  g_test_add_func ("/tool/timeline/text", test_text);
  g_test_add_func ("/tool/timeline/errors", test_errors);
  g_test_add_func ("/tool/timeline/builtin", test_builtin);

  return g_test_run ();
}
