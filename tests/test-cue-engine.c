/* test-cue-engine.c: the cue engine, measured in the WAV files it renders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "steady-cue-engine.h"
#include "wav-measure.h"

static const double all_pitches[] = {
  STEADY_CUE_TICK_HZ, STEADY_CUE_COUNT_3_HZ, STEADY_CUE_COUNT_2_HZ, STEADY_CUE_COUNT_1_HZ,
  STEADY_CUE_RELEASE_HZ, STEADY_CUE_BREATH_LOW_HZ, STEADY_CUE_BREATH_HIGH_HZ,
  STEADY_CUE_SWITCH_HZ, STEADY_CUE_DONE_HZ,
};

/* Checks that @hz, and no other pitch of the engine, sounds in the window. */
static void
assert_pitch (const Wav *wav,
              gint64     from,
              gint64     n,
              double     hz)
{
  double expected = purity (wav, from, n, hz);

  g_assert_cmpfloat (expected, >, 0.5);
  for (guint i = 0; i < G_N_ELEMENTS (all_pitches); i++)
    if (all_pitches[i] != hz)
      g_assert_cmpfloat (purity (wav, from, n, all_pitches[i]), <, expected / 10);
}

static char *
render (SteadyCueEngine *engine,
        const SteadyCue *cues,
        guint            n_cues,
        double           total,
        const char      *tmpdir,
        const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (steady_cue_engine_render_wav (engine, cues, n_cues, total, file, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

typedef struct {
  char *tmpdir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("steady-cues-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* Every tone, apart from the others, at times that are not whole samples
 * of any round number. */
static const SteadyCue tone_cues[] = {
  { 0.5003, 0, STEADY_CUE_TICK, 0, NULL, "tick" },
  { 1.2501, 0, STEADY_CUE_TICK, 0, NULL, "tick" },
  { 2.0, 0, STEADY_CUE_COUNTDOWN, 3, "3", "3" },
  { 2.5, 0, STEADY_CUE_COUNTDOWN, 2, "2", "2" },
  { 3.0, 0, STEADY_CUE_COUNTDOWN, 1, "1", "1" },
  { 3.5, 0, STEADY_CUE_RELEASE, 0, NULL, "Release" },
  { 5.0, 0, STEADY_CUE_SWITCH_SIDES, 0, "Switch sides", "Switch sides" },
  { 6.0, 0, STEADY_CUE_PROMPT, 0, "Lift", "Lift" },
  { 7.0, 4.0, STEADY_CUE_BREATH_IN, 0, "Breathe in", "Breathe in" },
  { 11.5, 6.0, STEADY_CUE_BREATH_OUT, 0, "Breathe out", "Breathe out" },
  { 18.0, 0, STEADY_CUE_DONE, 0, "Done", "Done" },
};

static double
cue_pitch (const SteadyCue *cue)
{
  switch (cue->kind)
    {
    case STEADY_CUE_TICK:
      return STEADY_CUE_TICK_HZ;
    case STEADY_CUE_COUNTDOWN:
      return cue->number == 3 ? STEADY_CUE_COUNT_3_HZ
           : cue->number == 2 ? STEADY_CUE_COUNT_2_HZ : STEADY_CUE_COUNT_1_HZ;
    case STEADY_CUE_RELEASE:
      return STEADY_CUE_RELEASE_HZ;
    case STEADY_CUE_BREATH_IN:
      return STEADY_CUE_BREATH_LOW_HZ;
    case STEADY_CUE_BREATH_OUT:
      return STEADY_CUE_BREATH_HIGH_HZ;
    case STEADY_CUE_SWITCH_SIDES:
      return STEADY_CUE_SWITCH_HZ;
    case STEADY_CUE_DONE:
      return STEADY_CUE_DONE_HZ;
    case STEADY_CUE_PROMPT:
    default:
      return 0;
    }
}

static void
test_tones (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autofree char *path = NULL;
  g_autoptr(Wav) wav = NULL;

  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_TONES);
  steady_cue_engine_set_volume (engine, 1.0);
  path = render (engine, tone_cues, G_N_ELEMENTS (tone_cues), 20.0, fixture->tmpdir, "tones.wav");
  wav = wav_read (path);
  g_assert_cmpuint (wav->n, ==, 20 * RATE);

  for (guint i = 0; i < G_N_ELEMENTS (tone_cues); i++)
    {
      const SteadyCue *cue = &tone_cues[i];
      gint64 at = llround (cue->time * RATE);
      gint64 onset = first_sound (wav, at - MS (100), at + MS (100));

      if (cue->kind == STEADY_CUE_PROMPT)
        {
          /* Spoken only: nothing in tones mode. */
          g_assert_cmpint (onset, ==, -1);
          continue;
        }

      g_test_message ("%s at %.4f s: onset %+.3f ms", cue->caption, cue->time,
                      (onset - cue->time * RATE) * 1000.0 / RATE);
      g_assert_cmpint (onset, >=, 0);
      g_assert_cmpfloat (fabs (onset - cue->time * RATE), <=, MS (1));
      assert_pitch (wav, onset, MS (20), cue_pitch (cue));

      if (cue->duration > 0)
        {
          gint64 end = last_sound (wav, onset, at + llround (cue->duration * RATE) + MS (100));
          double seconds = (end - onset) / (double) RATE;
          double last_hz = cue->kind == STEADY_CUE_BREATH_IN ? STEADY_CUE_BREATH_HIGH_HZ
                                                             : STEADY_CUE_BREATH_LOW_HZ;

          g_test_message ("  lasts %.4f s of %.4f s", seconds, cue->duration);
          g_assert_cmpfloat (fabs (seconds - cue->duration), <=, 0.010);
          /* Pitch glides: the first and last 100 ms at either end. */
          assert_pitch (wav, onset, MS (100), cue_pitch (cue));
          assert_pitch (wav, end - MS (100), MS (100), last_hz);
          /* And it sounds all the way through. */
          g_assert_cmpint (longest_quiet (wav, onset, end), <, MS (5));
        }
    }
}

static void
test_silent (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autofree char *path = NULL;
  g_autoptr(Wav) wav = NULL;

  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_SILENT);
  g_assert_cmpint (steady_cue_engine_get_mode (engine), ==, STEADY_CUE_SOUND_SILENT);
  path = render (engine, tone_cues, G_N_ELEMENTS (tone_cues), 20.0, fixture->tmpdir, "silent.wav");
  wav = wav_read (path);

  g_assert_cmpuint (wav->n, ==, 20 * RATE);
  for (gsize i = 0; i < wav->n; i++)
    if (wav->samples[i] != 0)
      g_error ("sample %" G_GSIZE_FORMAT " is %d in silent mode", i, wav->samples[i]);
}

static void
test_volume (Fixture       *fixture,
             gconstpointer  data)
{
  static const SteadyCue cues[] = {
    { 0.1, 0, STEADY_CUE_COUNTDOWN, 3, NULL, "3" },
  };
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autofree char *loud_path = NULL, *soft_path = NULL;
  g_autoptr(Wav) loud = NULL;
  g_autoptr(Wav) soft = NULL;
  int loud_peak = 0, soft_peak = 0;

  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_TONES);
  steady_cue_engine_set_volume (engine, 1.0);
  loud_path = render (engine, cues, 1, 0.5, fixture->tmpdir, "loud.wav");
  steady_cue_engine_set_volume (engine, 0.25);
  g_assert_cmpfloat (steady_cue_engine_get_volume (engine), ==, 0.25);
  soft_path = render (engine, cues, 1, 0.5, fixture->tmpdir, "soft.wav");
  loud = wav_read (loud_path);
  soft = wav_read (soft_path);

  for (gsize i = 0; i < loud->n; i++)
    {
      loud_peak = MAX (loud_peak, ABS (loud->samples[i]));
      soft_peak = MAX (soft_peak, ABS (soft->samples[i]));
    }
  g_assert_cmpint (loud_peak, >, 10000);
  g_assert_cmpint (ABS (soft_peak * 4 - loud_peak), <=, 4);
}

/* The timeline puts "done" at the very end of a session: it sounds in full,
 * and a cue past the end does not sound at all. */
static void
test_end (void)
{
  static const SteadyCue cues[] = {
    { 2.0, 0, STEADY_CUE_DONE, 0, NULL, "Done" },
    { 2.5, 0, STEADY_CUE_TICK, 0, NULL, "tick" },
  };
  g_autoptr(SteadyCueMixer) mixer = NULL;
  g_autoptr(SteadyCueMixer) empty = NULL;

  mixer = steady_cue_mixer_new (cues, G_N_ELEMENTS (cues), 2.0, STEADY_CUE_SOUND_TONES, "en", RATE);
  /* Three 150 ms notes, then one ringing for 900 ms. */
  g_assert_cmpint (steady_cue_mixer_get_n_samples (mixer), ==, 2 * RATE + MS (1350));

  empty = steady_cue_mixer_new (cues + 1, 1, 2.0, STEADY_CUE_SOUND_TONES, "en", RATE);
  g_assert_cmpint (steady_cue_mixer_get_n_samples (empty), ==, 2 * RATE);
}

/* Any stretch mixed on its own (as after a seek) equals the same stretch
 * of the whole, to the last bit but one. */
static void
test_mixer_random_access (void)
{
  g_autoptr(SteadyCueMixer) mixer = NULL;
  g_autofree gint16 *whole = NULL;
  gint16 part[1000];
  gint64 n;

  mixer = steady_cue_mixer_new (tone_cues, G_N_ELEMENTS (tone_cues), 20.0,
                                STEADY_CUE_SOUND_TONES, "en", RATE);
  n = steady_cue_mixer_get_n_samples (mixer);
  g_assert_cmpint (n, ==, 20 * RATE);
  whole = g_new (gint16, n);
  steady_cue_mixer_fill (mixer, 0, 1.0f, whole, n);

  for (gint64 at = 12345; at + 1000 < n; at += 98765)
    {
      steady_cue_mixer_fill (mixer, at, 1.0f, part, 1000);
      for (guint k = 0; k < 1000; k++)
        g_assert_cmpint (ABS (part[k] - whole[at + k]), <=, 1);
    }
}

static const SteadyCue voice_cues[] = {
  { 0.5, 0, STEADY_CUE_PROMPT, 0, "Lift", "Lift" },
  { 2.0, 0, STEADY_CUE_PROMPT, 0, "Hold", "Hold" },
  { 4.0, 0, STEADY_CUE_COUNTDOWN, 3, "three", "3" },
  { 6.0, 0, STEADY_CUE_PROMPT, 0, "Switch sides", "Switch sides" },
};

static void
assert_speech_at (const Wav  *wav,
                  double      time,
                  const char *what)
{
  gint64 at = llround (time * RATE);
  gint64 onset = first_sound (wav, at - MS (100), at + MS (300));
  gint64 end = last_sound (wav, at, at + MS (1500));

  g_test_message ("“%s” at %.3f s: onset %+.3f ms, %.3f s long", what, time,
                  (onset - at) * 1000.0 / RATE, (end - onset) / (double) RATE);
  g_assert_cmpint (onset, >=, 0);
  g_assert_cmpint (ABS (onset - at), <=, MS (20));
  /* A word, not a click, and not a pure tone. */
  g_assert_cmpint (end - onset, >, MS (150));
  g_assert_cmpfloat (purity (wav, onset, MS (100), STEADY_CUE_COUNT_3_HZ), <, 0.3);
}

static void
test_voice (Fixture       *fixture,
            gconstpointer  data)
{
  const char *language = data;
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autofree char *path = NULL;
  g_autofree char *name = g_strdup_printf ("voice-%s.wav", language);
  g_autoptr(Wav) wav = NULL;

  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_VOICE);
  steady_cue_engine_set_language (engine, language);
  g_assert_cmpstr (steady_cue_engine_get_language (engine), ==, language);
  steady_cue_engine_set_volume (engine, 1.0);
  path = render (engine, voice_cues, G_N_ELEMENTS (voice_cues), 8.0, fixture->tmpdir, name);
  g_assert_null (steady_cue_engine_get_notice (engine));
  wav = wav_read (path);

  for (guint i = 0; i < G_N_ELEMENTS (voice_cues); i++)
    assert_speech_at (wav, voice_cues[i].time, voice_cues[i].speech);
}

/* In voice mode a switch of sides sounds its motif and speaks too. */
static void
test_voice_with_tone (Fixture       *fixture,
                      gconstpointer  data)
{
  static const SteadyCue cues[] = {
    { 0.25, 0, STEADY_CUE_SWITCH_SIDES, 0, "Cambia de lado", "Cambia de lado" },
  };
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autofree char *tones_path = NULL, *voice_path = NULL;
  g_autoptr(Wav) tones = NULL;
  g_autoptr(Wav) voice = NULL;
  double difference = 0;

  steady_cue_engine_set_language (engine, "es_ES.UTF-8");
  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_TONES);
  tones_path = render (engine, cues, 1, 2.0, fixture->tmpdir, "switch-tones.wav");
  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_VOICE);
  voice_path = render (engine, cues, 1, 2.0, fixture->tmpdir, "switch-voice.wav");
  tones = wav_read (tones_path);
  voice = wav_read (voice_path);

  g_assert_cmpint (ABS (first_sound (tones, 0, tones->n) - MS (250)), <=, MS (1));
  g_assert_cmpint (ABS (first_sound (voice, 0, voice->n) - MS (250)), <=, MS (1));
  for (gsize i = MS (500); i < MS (1000); i++)
    difference += fabs ((double) voice->samples[i] - tones->samples[i]);
  /* After the motif has ended the speech goes on. */
  g_assert_cmpint (last_sound (tones, 0, tones->n), <, MS (750));
  g_assert_cmpint (last_sound (voice, 0, voice->n), >, MS (750));
  g_assert_cmpfloat (difference, >, 0);
}

/* Speech over the loudest tones at full volume does not clip. */
static void
test_no_clipping (Fixture       *fixture,
                  gconstpointer  data)
{
  static const SteadyCue cues[] = {
    { 0.1, 0, STEADY_CUE_RELEASE, 0, "Lower", "Lower" },
    { 1.5, 0, STEADY_CUE_SWITCH_SIDES, 0, "Switch sides", "Switch sides" },
    { 3.0, 0, STEADY_CUE_DONE, 0, "Well done", "Well done" },
    { 5.0, 2.0, STEADY_CUE_BREATH_IN, 0, "Breathe in", "Breathe in" },
    { 5.0, 0, STEADY_CUE_COUNTDOWN, 1, "one", "1" },
  };
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autofree char *path = NULL;
  g_autoptr(Wav) wav = NULL;
  int peak = 0;

  steady_cue_engine_set_volume (engine, 1.0);
  path = render (engine, cues, G_N_ELEMENTS (cues), 7.5, fixture->tmpdir, "loudest.wav");
  wav = wav_read (path);
  for (gsize i = 0; i < wav->n; i++)
    peak = MAX (peak, ABS (wav->samples[i]));
  g_test_message ("peak %.1f dBFS", 20 * log10 (peak / 32768.0));
  g_assert_cmpint (peak, <, 32767);
  g_assert_cmpint (peak, >, 16384);
}

static void
test_sox_reads_it (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sox = g_find_program_in_path ("sox");
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { NULL, NULL, "-n", "stat", NULL };
  int status;

  if (sox == NULL)
    {
      g_test_skip ("sox is not installed");
      return;
    }

  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_TONES);
  path = render (engine, tone_cues, G_N_ELEMENTS (tone_cues), 20.0, fixture->tmpdir, "sox.wav");
  argv[0] = sox;
  argv[1] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_regex_match_simple ("^Samples read: +960000$", err, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Length \\(seconds\\): +20\\.000000$", err,
                                       G_REGEX_MULTILINE, 0));
}

/* No sound card: autoaudiosink falls back to its fake sink, and the engine
 * says so. PULSE_SERVER points nowhere (see main) so a sound server on
 * the test machine does not count. */
static void
test_no_device (void)
{
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) fake = NULL;
  gboolean loaded;

  loaded = steady_cue_engine_load (engine, tone_cues, G_N_ELEMENTS (tone_cues), 20.0, &error);
  g_assert_no_error (error);
  g_assert_true (loaded);

  fake = gst_bin_get_by_name (GST_BIN (steady_cue_engine_get_pipeline (engine)), "fake-audio-sink");
  if (fake == NULL)
    {
      g_assert_true (steady_cue_engine_get_available (engine));
      g_test_skip ("this machine has an audio device");
      return;
    }

  g_assert_false (steady_cue_engine_get_available (engine));
  g_assert_nonnull (steady_cue_engine_get_notice (engine));
  g_test_message ("notice: %s", steady_cue_engine_get_notice (engine));

  /* The fake sink keeps time, so the session goes on at its pace. */
  steady_cue_engine_play (engine);
  for (int i = 0; i < 200 && steady_cue_engine_get_position (engine) < 0.05; i++)
    g_usleep (10000);
  g_assert_cmpfloat (steady_cue_engine_get_position (engine), >=, 0.05);
  g_assert_cmpfloat (steady_cue_engine_get_position (engine), <, 20.0);
}

static void
count_cb (gpointer counter)
{
  (*(int *) counter)++;
}

static void
assert_clock_advances (SteadyCueEngine *engine,
                       double           from)
{
  double a, b;

  a = steady_cue_engine_get_position (engine);
  g_assert_cmpfloat (a, >=, from);
  g_usleep (20000);
  b = steady_cue_engine_get_position (engine);
  g_assert_cmpfloat (b, >=, a + 0.019);
  g_assert_cmpfloat (b, <, steady_cue_engine_get_duration (engine));
}

/* A sink that does not exist: an error value, no crash, and the session
 * runs on without sound. */
static void
test_missing_element (void)
{
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autoptr(GError) error = NULL;
  int errors = 0;

  g_signal_connect_swapped (engine, "error", G_CALLBACK (count_cb), &errors);
  steady_cue_engine_set_sink_description (engine, "steadynosuchsink");
  g_assert_false (steady_cue_engine_load (engine, tone_cues, G_N_ELEMENTS (tone_cues), 20.0,
                                          &error));
  g_assert_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_MISSING_ELEMENT);
  g_assert_nonnull (strstr (error->message, "steadynosuchsink"));
  g_assert_false (steady_cue_engine_get_available (engine));
  g_assert_cmpstr (steady_cue_engine_get_notice (engine), ==, error->message);
  g_assert_cmpint (errors, ==, 0);  /* reported by the return value */

  g_assert_cmpfloat (steady_cue_engine_get_position (engine), ==, 0.0);
  steady_cue_engine_play (engine);
  g_assert_true (steady_cue_engine_get_playing (engine));
  assert_clock_advances (engine, 0.0);

  steady_cue_engine_pause (engine);
  {
    double paused = steady_cue_engine_get_position (engine);

    g_usleep (20000);
    g_assert_cmpfloat (steady_cue_engine_get_position (engine), ==, paused);
  }

  steady_cue_engine_seek (engine, 12.5);
  g_assert_cmpfloat (steady_cue_engine_get_position (engine), ==, 12.5);
  steady_cue_engine_play (engine);
  assert_clock_advances (engine, 12.5);
  steady_cue_engine_stop (engine);
  g_assert_cmpfloat (steady_cue_engine_get_position (engine), ==, 0.0);
}

typedef struct {
  SteadyCueEngine *engine;
  GMainLoop       *loop;
  GArray          *positions;
  GError          *error;
  int              errors;
  gboolean         finished;
} Run;

static gboolean
sample_position_cb (gpointer user_data)
{
  Run *run = user_data;
  double position = steady_cue_engine_get_position (run->engine);

  g_array_append_val (run->positions, position);
  return G_SOURCE_CONTINUE;
}

static void
finished_cb (SteadyCueEngine *engine,
             Run             *run)
{
  run->finished = TRUE;
  g_main_loop_quit (run->loop);
}

static void
error_cb (SteadyCueEngine *engine,
          const GError    *error,
          Run             *run)
{
  run->errors++;
  g_clear_error (&run->error);
  run->error = g_error_copy (error);
  g_main_loop_quit (run->loop);
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("the session did not finish in time");
  return G_SOURCE_REMOVE;
}

static void
run_until_quit (Run *run)
{
  guint sampler = g_timeout_add (25, sample_position_cb, run);
  guint give_up = g_timeout_add_seconds (20, give_up_cb, run);

  g_main_loop_run (run->loop);
  g_source_remove (sampler);
  g_source_remove (give_up);
}

static GstPadProbeReturn
first_pts_probe (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  GstClockTime *first_pts = user_data;

  if (*first_pts == GST_CLOCK_TIME_NONE)
    *first_pts = GST_BUFFER_PTS (GST_PAD_PROBE_INFO_BUFFER (info));

  return GST_PAD_PROBE_OK;
}

/* Live play on a synchronised fake sink reaches the end, and the position
 * read from the pipeline clock moves steadily forward with it. */
static void
test_live (void)
{
  static const SteadyCue cues[] = {
    { 0.1, 0, STEADY_CUE_TICK, 0, NULL, "tick" },
    { 0.3, 0.4, STEADY_CUE_BREATH_IN, 0, NULL, "Breathe in" },
    { 0.8, 0, STEADY_CUE_RELEASE, 0, NULL, "Release" },
  };
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (double));
  Run run = { engine, loop, positions, NULL, 0, FALSE };
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstPad) pad = NULL;
  GstClockTime first_pts = GST_CLOCK_TIME_NONE;
  double duration;

  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_TONES);
  steady_cue_engine_set_sink_description (engine, "fakesink name=out sync=true");
  g_signal_connect (engine, "finished", G_CALLBACK (finished_cb), &run);
  g_signal_connect (engine, "error", G_CALLBACK (error_cb), &run);
  g_assert_true (steady_cue_engine_load (engine, cues, G_N_ELEMENTS (cues), 1.0, &error));
  g_assert_no_error (error);
  g_assert_true (steady_cue_engine_get_available (engine));
  g_assert_null (steady_cue_engine_get_notice (engine));

  /* The release chime rings on past the session's end. */
  duration = steady_cue_engine_get_duration (engine);
  g_assert_cmpfloat (fabs (duration - 1.7), <, 1e-9);

  steady_cue_engine_play (engine);
  run_until_quit (&run);
  g_assert_true (run.finished);
  g_assert_cmpint (run.errors, ==, 0);

  g_assert_cmpuint (positions->len, >, 10);
  for (guint i = 1; i < positions->len; i++)
    {
      double a = g_array_index (positions, double, i - 1);
      double b = g_array_index (positions, double, i);

      g_assert_cmpfloat (b, >=, a);
      g_assert_cmpfloat (b, <=, duration);
    }
  g_assert_cmpfloat (g_array_index (positions, double, positions->len / 2), >, 0.0);
  g_assert_cmpfloat (steady_cue_engine_get_position (engine), ==, duration);

  /* Seek back and play the rest again: the sink gets samples from the
   * new position on. */
  sink = gst_bin_get_by_name (GST_BIN (steady_cue_engine_get_pipeline (engine)), "out");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, first_pts_probe, &first_pts, NULL);
  run.finished = FALSE;
  g_array_set_size (positions, 0);
  steady_cue_engine_seek (engine, 1.2);
  g_assert_cmpfloat (steady_cue_engine_get_position (engine), >=, 1.2);
  run_until_quit (&run);
  g_assert_true (run.finished);
  for (guint i = 0; i < positions->len; i++)
    g_assert_cmpfloat (g_array_index (positions, double, i), >=, 1.2);
  g_assert_cmpfloat (steady_cue_engine_get_position (engine), ==, duration);
  g_assert_cmpuint (first_pts, ==, gst_util_uint64_scale_int (1.2 * RATE, GST_SECOND, RATE));
}

static GstPadProbeReturn
count_loud_probe (GstPad          *pad,
                  GstPadProbeInfo *info,
                  gpointer         user_data)
{
  guint *loud = user_data;
  GstMapInfo map;

  gst_buffer_map (GST_PAD_PROBE_INFO_BUFFER (info), &map, GST_MAP_READ);
  for (gsize i = 0; i + 1 < map.size; i += 2)
    if (ABS (GINT16_FROM_LE (*(gint16 *) (gpointer) (map.data + i))) > THRESHOLD)
      (*loud)++;
  gst_buffer_unmap (GST_PAD_PROBE_INFO_BUFFER (info), &map);

  return GST_PAD_PROBE_OK;
}

/* Switching to silent, or the volume to 0, while a session is loaded
 * takes effect for what is played next. */
static void
test_live_settings (gconstpointer data)
{
  gboolean by_volume = GPOINTER_TO_INT (data);
  static const SteadyCue cues[] = {
    { 0.05, 0, STEADY_CUE_TICK, 0, NULL, "tick" },
    { 0.15, 0, STEADY_CUE_COUNTDOWN, 1, "one", "1" },
    { 0.30, 0, STEADY_CUE_PROMPT, 0, "Hold", "Hold" },
  };
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (double));
  Run run = { engine, loop, positions, NULL, 0, FALSE };
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstPad) pad = NULL;
  guint loud = 0;

  steady_cue_engine_set_sink_description (engine, "fakesink name=out sync=true");
  g_signal_connect (engine, "finished", G_CALLBACK (finished_cb), &run);
  g_assert_true (steady_cue_engine_load (engine, cues, G_N_ELEMENTS (cues), 0.5, &error));
  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (steady_cue_engine_get_pipeline (engine)), "out");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, count_loud_probe, &loud, NULL);

  /* The pipeline has prerolled its first 10 ms (silence before the tick). */
  if (by_volume)
    steady_cue_engine_set_volume (engine, 0.0);
  else
    steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_SILENT);

  steady_cue_engine_play (engine);
  run_until_quit (&run);
  g_assert_true (run.finished);
  g_assert_cmpuint (loud, ==, 0);

  /* And back: the whole session sounds again from the start. */
  if (by_volume)
    steady_cue_engine_set_volume (engine, 1.0);
  else
    steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_VOICE);
  run.finished = FALSE;
  steady_cue_engine_seek (engine, 0.0);
  run_until_quit (&run);
  g_assert_true (run.finished);
  g_assert_cmpuint (loud, >, 0);
}

/* A GStreamer error while playing: one "error" in the engine's domain,
 * then silence, and the session's clock goes on from where it was. */
static void
test_runtime_error (void)
{
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (double));
  Run run = { engine, loop, positions, NULL, 0, FALSE };
  double at_error;

  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_TONES);
  /* identity fails on its 20th buffer, 200 ms into the session. */
  steady_cue_engine_set_sink_description (engine, "identity error-after=20 ! fakesink sync=true");
  g_signal_connect (engine, "error", G_CALLBACK (error_cb), &run);
  g_assert_true (steady_cue_engine_load (engine, tone_cues, G_N_ELEMENTS (tone_cues), 20.0, &error));
  g_assert_no_error (error);

  steady_cue_engine_play (engine);
  run_until_quit (&run);
  g_assert_cmpint (run.errors, ==, 1);
  g_assert_error (run.error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_RUNTIME);
  g_assert_false (steady_cue_engine_get_available (engine));
  g_assert_cmpstr (steady_cue_engine_get_notice (engine), ==, run.error->message);
  g_assert_null (steady_cue_engine_get_pipeline (engine));

  at_error = steady_cue_engine_get_position (engine);
  g_assert_cmpfloat (at_error, >, 0.1);
  g_assert_cmpfloat (at_error, <, 20.0);
  assert_clock_advances (engine, at_error);
  g_clear_error (&run.error);
}

int
main (int   argc,
      char *argv[])
{
  /* No sound server, so the no-device path is the one taken everywhere. */
  g_setenv ("PULSE_SERVER", "unix:/nonexistent/steady-test", TRUE);
  g_setenv ("JACK_NO_START_SERVER", "1", TRUE);

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add ("/cue-engine/tones", Fixture, NULL, fixture_setup, test_tones, fixture_teardown);
  g_test_add ("/cue-engine/silent", Fixture, NULL, fixture_setup, test_silent, fixture_teardown);
  g_test_add ("/cue-engine/volume", Fixture, NULL, fixture_setup, test_volume, fixture_teardown);
  g_test_add_func ("/cue-engine/mixer/random-access", test_mixer_random_access);
  g_test_add_func ("/cue-engine/mixer/end", test_end);
  g_test_add ("/cue-engine/voice/en", Fixture, "en", fixture_setup, test_voice, fixture_teardown);
  g_test_add ("/cue-engine/voice/es", Fixture, "es", fixture_setup, test_voice, fixture_teardown);
  g_test_add ("/cue-engine/voice/with-tone", Fixture, NULL, fixture_setup,
              test_voice_with_tone, fixture_teardown);
  g_test_add ("/cue-engine/voice/no-clipping", Fixture, NULL, fixture_setup,
              test_no_clipping, fixture_teardown);
  g_test_add ("/cue-engine/sox", Fixture, NULL, fixture_setup, test_sox_reads_it, fixture_teardown);
  g_test_add_func ("/cue-engine/no-device", test_no_device);
  g_test_add_func ("/cue-engine/missing-element", test_missing_element);
  g_test_add_func ("/cue-engine/live", test_live);
  g_test_add_func ("/cue-engine/runtime-error", test_runtime_error);
  g_test_add_data_func ("/cue-engine/live/mode", GINT_TO_POINTER (FALSE), test_live_settings);
  g_test_add_data_func ("/cue-engine/live/volume", GINT_TO_POINTER (TRUE), test_live_settings);

  return g_test_run ();
}
