/* test-tool-audio.c: steady-tool audio renders each drill's session, and
 * every cue sounds when `steady-tool timeline --json` says it is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "steady-cue-mixer.h"
#include "tool-test.h"
#include "wav-measure.h"

typedef struct {
  char *tmp;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->tmp = tool_test_make_dir ("steady-tool-audio-XXXXXX");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  tool_test_remove_dir (f->tmp);
  g_free (f->tmp);
}

static JsonParser *
timeline_json (const char *drill)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (tool_test_run_va (&out, &err, "timeline", drill, "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&parser);
}

static Wav *
render (Fixture    *f,
        const char *drill,
        const char *mode)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.wav", drill, mode);
  g_autofree char *path = g_build_filename (f->tmp, name, NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (tool_test_run_va (&out, &err, "audio", drill, "--mode", mode, "-o", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, path));

  return wav_read (path);
}

static gboolean
quiet (const Wav *wav,
       gint64     from,
       gint64     to)
{
  return from >= 0 && first_sound (wav, from, to) < 0;
}

/* Where a high sound (a tick) starts over a low one (a breath tone): the
 * second difference hardly sees a few hundred hertz. -1 if none. */
static gint64
first_high_sound (const Wav *wav,
                  gint64     from,
                  gint64     to)
{
  for (gint64 i = MAX (from, 2); i < MIN (to, (gint64) wav->n); i++)
    if (ABS (wav->samples[i] - 2 * wav->samples[i - 1] + wav->samples[i - 2]) > THRESHOLD)
      return i;

  return -1;
}

static void
assert_breath_pitch (const Wav *wav,
                     gint64     from,
                     double     expected,
                     double     other)
{
  double p_expected = purity (wav, from, MS (100), expected);
  double p_other = purity (wav, from, MS (100), other);

  g_assert_cmpfloat (p_expected, >, 10 * p_other);
}

static void
test_tones (Fixture       *f,
            gconstpointer  data)
{
  const char *drill = data;
  g_autoptr(JsonParser) parser = timeline_json (drill);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *cues = json_object_get_array_member (root, "cues");
  double total = json_object_get_double_member (root, "total");
  g_autoptr(Wav) wav = render (f, drill, "tones");
  guint measured = 0, tones = 0;
  double worst = 0;

  g_assert_cmpint (wav->n, >=, llround (total * RATE));

  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      JsonObject *cue = json_array_get_object_element (cues, i);
      const char *kind = json_object_get_string_member (cue, "kind");
      double time = json_object_get_double_member (cue, "time");
      double duration = json_object_get_double_member (cue, "duration");
      gint64 at = llround (time * RATE);
      gint64 onset = -1;

      if (g_str_equal (kind, "prompt"))
        continue;
      tones++;

      if (quiet (wav, at - MS (50), at - MS (1)))
        onset = first_sound (wav, at - MS (1), at + MS (50));
      else if (g_str_equal (kind, "tick") && first_high_sound (wav, at - MS (50), at - MS (1)) < 0)
        onset = first_high_sound (wav, at - MS (1), at + MS (50));

      if (onset >= 0)
        {
          worst = MAX (worst, fabs (onset - time * RATE) * 1000.0 / RATE);
          g_assert_cmpfloat (fabs (onset - time * RATE), <=, MS (1));
          measured++;
        }

      /* A breath glides from one pitch to the other over its duration
       * (ticks, 30 ms long on whole seconds, stay out of these windows). */
      if (g_str_equal (kind, "breath-in") || g_str_equal (kind, "breath-out"))
        {
          gboolean in = g_str_equal (kind, "breath-in");
          double low = STEADY_CUE_BREATH_LOW_HZ, high = STEADY_CUE_BREATH_HIGH_HZ;

          g_assert_cmpfloat (duration, >, 0.5);
          assert_breath_pitch (wav, at + MS (40), in ? low : high, in ? high : low);
          assert_breath_pitch (wav, at + llround (duration * RATE) - MS (140),
                               in ? high : low, in ? low : high);
        }
    }

  g_test_message ("%s: %u of %u tone cues measured, worst onset error %.3f ms",
                  drill, measured, tones, worst);
  g_assert_cmpuint (tones, >, 0);
  g_assert_cmpuint (measured, >=, tones * 3 / 4);
}

static void
test_voice (Fixture       *f,
            gconstpointer  data)
{
  const char *drill = data;
  g_autoptr(JsonParser) parser = timeline_json (drill);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *cues = json_object_get_array_member (root, "cues");
  g_autoptr(Wav) wav = render (f, drill, "voice");
  guint measured = 0, spoken = 0;
  double worst = 0;

  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      JsonObject *cue = json_array_get_object_element (cues, i);
      double time = json_object_get_double_member (cue, "time");
      gint64 at = llround (time * RATE);
      gint64 onset;

      if (json_object_get_null_member (cue, "speech"))
        continue;
      spoken++;
      if (!quiet (wav, at - MS (50), at - MS (1)))
        continue;

      onset = first_sound (wav, at - MS (1), at + MS (100));
      g_assert_cmpint (onset, >=, 0);
      worst = MAX (worst, fabs (onset - time * RATE) * 1000.0 / RATE);
      g_assert_cmpfloat (fabs (onset - time * RATE), <=, MS (20));
      measured++;
    }

  g_test_message ("%s: %u of %u spoken cues measured, worst onset error %.3f ms",
                  drill, measured, spoken, worst);
  g_assert_cmpuint (spoken, >, 0);
  g_assert_cmpuint (measured, >, 0);
}

static void
test_silent (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(Wav) wav = render (f, "clamshell", "silent");

  g_assert_cmpuint (wav->n, >, 0);
  g_assert_cmpint (first_sound (wav, 0, wav->n), ==, -1);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmp, "x.wav", NULL);
  g_autofree char *bad_path = g_build_filename (f->tmp, "no", "such", "dir.wav", NULL);
  char *out = NULL, *err = NULL;

  g_assert_cmpint (tool_test_run_va (&out, &err, "audio", "clamshell", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "-o"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tool_test_run_va (&out, &err, "audio", "clamshell", "--mode", "loud", "-o", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "loud"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tool_test_run_va (&out, &err, "audio", "no-such-drill", "-o", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-drill"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A language asked for by name that the prompts are not translated into
   * is refused, not read in another; nothing is written. */
  g_assert_cmpint (tool_test_run_va (&out, &err, "audio", "clamshell", "--lang", "xx", "-o", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--lang “xx”: Steady’s prompts are not translated into it"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Where a folder stands, the render fails and leaves it, and no
   * temporary file, behind. */
  {
    g_autofree char *taken = g_build_filename (f->tmp, "taken.wav", NULL);
    g_autoptr(GDir) d = NULL;
    guint n = 0;

    g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
    g_assert_cmpint (tool_test_run_va (&out, &err, "audio", "clamshell", "--mode", "tones", "-o", taken,
                                       NULL), ==, 1);
    g_assert_nonnull (strstr (err, taken));
    g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
    d = g_dir_open (f->tmp, 0, NULL);
    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
    g_rmdir (taken);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  g_assert_cmpint (tool_test_run_va (&out, &err, "audio", "clamshell", "--mode", "tones", "-o", bad_path,
                             NULL), ==, 1);
  g_assert_nonnull (strstr (err, bad_path));
  g_assert_cmpstr (strchr (err, '\n'), ==, err + strlen (err) - 1);  /* one line */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const drills[] = {
    "clamshell", "quadruped-knee-circles", "supine-knee-rotation",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (drills); i++)
    {
      g_autofree char *tones = g_strdup_printf ("/tool-audio/%s/tones", drills[i]);
      g_autofree char *voice = g_strdup_printf ("/tool-audio/%s/voice", drills[i]);

      g_test_add (tones, Fixture, drills[i], fixture_setup, test_tones, fixture_teardown);
      g_test_add (voice, Fixture, drills[i], fixture_setup, test_voice, fixture_teardown);
    }
  g_test_add ("/tool-audio/silent", Fixture, NULL, fixture_setup, test_silent, fixture_teardown);
  g_test_add ("/tool-audio/usage", Fixture, NULL, fixture_setup, test_usage, fixture_teardown);

  return g_test_run ();
}
