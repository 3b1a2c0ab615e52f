/* bench-audio.c: how fast and how exactly the cue engine sounds
 *
 *   bench-audio [--live-drill ID] [--live-seconds S] [--demo DIR]
 *
 * Prints, for each drill of the built-in program with its default
 * settings: offline render speed (× real time) in tones and voice mode and
 * the largest cue onset error found in the rendered WAV; then the
 * lateness of every buffer on a live `fakesink sync=true` over a whole
 * drill (the shortest by default). With --demo it also writes a short
 * realistic sequence in English and Spanish to DIR/cues-en.wav and
 * DIR/cues-es.wav for listening and measuring with sox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "sink-watch.h"
#include "steady-cue-engine.h"
#include "steady-program.h"
#include "steady-timeline.h"

#define RATE STEADY_CUE_ENGINE_RATE
#define THRESHOLD 64

typedef struct {
  const char *lift, *hold, *lower, *in, *out, *sides, *done;
  const char *digits[3];
} Words;

static const Words english = {
  "Lift", "Hold", "Lower", "Breathe in", "Breathe out", "Switch sides", "Well done",
  { "one", "two", "three" },
};

static const Words spanish = {
  "Levanta", "Mantén", "Baja", "Inspira", "Espira", "Cambia de lado", "Muy bien",
  { "uno", "dos", "tres" },
};

static void
add (GArray        *cues,
     double         time,
     double         duration,
     SteadyCueKind  kind,
     int            number,
     const char    *speech)
{
  SteadyCue cue = { time, duration, kind, number, speech, speech != NULL ? speech : "" };

  g_array_append_val (cues, cue);
}

static const char * const kind_names[] = {
  "tick", "countdown", "release", "breath-in", "breath-out", "switch-sides", "done", "prompt",
};

/* One rep: lift (1 s), hold with a tick each second and 3-2-1 at its
 * end, release chime and lower (2 s), rest (1 s). Returns its end. */
static double
add_rep (GArray      *cues,
         double       t,
         double       hold,
         const Words *words)
{
  double h = t + 1.0;

  add (cues, t, 0, STEADY_CUE_PROMPT, 0, words->lift);
  add (cues, h, 0, STEADY_CUE_PROMPT, 0, words->hold);
  for (int s = 1; s <= hold - 4; s++)
    add (cues, h + s, 0, STEADY_CUE_TICK, 0, NULL);
  for (int n = 3; n >= 1; n--)
    add (cues, h + hold - n, 0, STEADY_CUE_COUNTDOWN, n, words->digits[n - 1]);
  add (cues, h + hold, 0, STEADY_CUE_RELEASE, 0, words->lower);

  return h + hold + 2.0 + 1.0;
}

static double
add_breaths (GArray      *cues,
             double       t,
             int          n,
             const Words *words)
{
  for (int i = 0; i < n; i++)
    {
      add (cues, t, 4.0, STEADY_CUE_BREATH_IN, 0, words->in);
      add (cues, t + 4.0, 6.0, STEADY_CUE_BREATH_OUT, 0, words->out);
      t += 10.0;
    }

  return t;
}

/* The demo: one rep with an 8 s hold, two breaths, a switch of sides, done. */
static GArray *
demo_session (const Words *words,
              double      *total)
{
  GArray *cues = g_array_new (FALSE, FALSE, sizeof (SteadyCue));
  double t;

  t = add_rep (cues, 0.5, 8.0, words);
  t = add_breaths (cues, t, 2, words);
  add (cues, t + 1.0, 0, STEADY_CUE_SWITCH_SIDES, 0, words->sides);
  add (cues, t + 3.5, 0, STEADY_CUE_DONE, 0, words->done);
  *total = t + 6.0;

  return cues;
}

/* Offline ------------------------------------------------------------------ */

static gint16 *
read_wav (const char *path,
          gsize      *n)
{
  g_autofree char *data = NULL;
  gsize size, pos = 12;

  if (!g_file_get_contents (path, &data, &size, NULL))
    return NULL;

  while (pos + 8 <= size)
    {
      guint32 chunk;

      memcpy (&chunk, data + pos + 4, 4);
      chunk = GUINT32_FROM_LE (chunk);
      if (memcmp (data + pos, "data", 4) == 0 && pos + 8 + chunk <= size)
        {
          gint16 *samples = g_new (gint16, chunk / 2);

          for (gsize i = 0; i < chunk / 2; i++)
            {
              gint16 s;

              memcpy (&s, data + pos + 8 + 2 * i, 2);
              samples[i] = GINT16_FROM_LE (s);
            }
          *n = chunk / 2;
          return samples;
        }
      pos += 8 + chunk + (chunk & 1);
    }

  return NULL;
}

static gboolean
loud (const gint16 *samples,
      gint64        i,
      gboolean      high)
{
  /* The second difference hears a tick's 1.6 kHz and hardly a breath
   * tone's few hundred hertz, so ticks are found over breaths too. */
  if (high)
    return i >= 2 && ABS (samples[i] - 2 * samples[i - 1] + samples[i - 2]) > THRESHOLD;

  return ABS (samples[i]) > THRESHOLD;
}

/* The largest distance between a tone cue's time and the first sound
 * after it, over the cues that start after 50 ms of quiet (so the onset
 * is theirs). Returns milliseconds; *measured counts the cues. */
static double
max_onset_error (const gint16    *samples,
                 gsize            n,
                 const SteadyCue *cues,
                 guint            n_cues,
                 guint           *measured)
{
  double worst = 0;

  *measured = 0;
  for (guint i = 0; i < n_cues; i++)
    {
      gint64 at = llround (cues[i].time * RATE);
      gint64 onset = -1;
      gboolean quiet = TRUE, high = FALSE;

      if (cues[i].kind == STEADY_CUE_PROMPT || at < RATE / 20 || at + RATE / 20 > (gint64) n)
        continue;

      for (int pass = 0; pass < 2 && onset < 0; pass++)
        {
          high = pass == 1;
          if (high && cues[i].kind != STEADY_CUE_TICK)
            break;

          quiet = TRUE;
          for (gint64 j = at - RATE / 20; j < at - RATE / 1000 && quiet; j++)
            quiet = !loud (samples, j, high);
          if (!quiet)
            continue;

          for (gint64 j = at - RATE / 1000; j < at + RATE / 20 && onset < 0; j++)
            if (loud (samples, j, high))
              onset = j;
        }
      if (onset < 0)
        continue;

      worst = MAX (worst, fabs (onset - cues[i].time * RATE) * 1000.0 / RATE);
      (*measured)++;
    }

  return worst;
}

static void
bench_render (SteadyCueEngine    *engine,
              SteadyCueSoundMode  mode,
              const char         *label,
              const SteadyCue    *cues,
              guint               n_cues,
              double              total,
              const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree gint16 *samples = NULL;
  double best = G_MAXDOUBLE, first = 0;
  gsize n = 0;
  guint measured;
  double worst;

  steady_cue_engine_set_mode (engine, mode);

  /* The first run also synthesises the speech (later ones find it in the
   * speech cache); report the best of three and the first. */
  for (int run = 0; run < 3; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!steady_cue_engine_render_wav (engine, cues, n_cues, total, file, &error))
        {
          printf ("audio render (%s): FAILED: %s\n", label, error->message);
          return;
        }
      best = MIN (best, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
      if (run == 0)
        first = best;
    }

  printf ("audio render (%s): %.0fx real time (%.1f s of cues in %.1f ms; "
          "first run %.0fx, %.1f ms)\n",
          label, total / best, total, best * 1000, total / first, first * 1000);

  samples = read_wav (path, &n);
  if (samples == NULL)
    {
      printf ("audio onset (%s): FAILED: cannot read %s\n", label, path);
      return;
    }
  worst = max_onset_error (samples, n, cues, n_cues, &measured);
  printf ("audio onset error (%s): max %.3f ms over %u tone cues\n", label, worst, measured);
}

/* Live --------------------------------------------------------------------- */

static void
quit_cb (SteadyCueEngine *engine,
         gpointer         loop)
{
  g_main_loop_quit (loop);
}

static gboolean
baseline_bus_cb (GstBus     *bus,
                 GstMessage *message,
                 gpointer    loop)
{
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS
      || GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

/* The same length of silence, in buffers of the same size, through the
 * same converters into the same sink, without the cue engine: what the
 * machine's scheduler alone costs. The live figures are given as ratios
 * against it, since the wake-up delay of a sleeping thread on a shared
 * virtual machine is not ours to make smaller. */
static gboolean
run_baseline (double    seconds,
              Lateness *lateness)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *description = NULL;
  guint block = STEADY_CUE_ENGINE_RATE / 100, watch;

  description = g_strdup_printf ("audiotestsrc wave=silence samplesperbuffer=%u num-buffers=%u "
                                 "! audio/x-raw,format=S16LE,channels=1,rate=%d "
                                 "! audioconvert ! audioresample "
                                 "! fakesink name=bench sync=true signal-handoffs=true",
                                 block, (guint) ceil (seconds * STEADY_CUE_ENGINE_RATE / block),
                                 STEADY_CUE_ENGINE_RATE);
  pipeline = gst_parse_launch (description, &error);
  if (pipeline == NULL)
    {
      printf ("audio live baseline: FAILED: %s\n", error->message);
      return FALSE;
    }
  gst_object_ref_sink (pipeline);
  sink_watch_attach (pipeline, lateness);
  bus = gst_element_get_bus (pipeline);
  watch = gst_bus_add_watch (bus, baseline_bus_cb, loop);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  g_main_loop_run (loop);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_source_remove (watch);
  return TRUE;
}

/* How steadily the engine's position (the session's one clock) follows
 * the wall clock, read every 16 ms as the coach page reads it each frame. */
typedef struct {
  SteadyCueEngine *engine;
  gint64           start;
  double           min, max, max_at;
} Steadiness;

static gboolean
poll_position (gpointer user_data)
{
  Steadiness *steady = user_data;
  double t = steady_cue_engine_get_position (steady->engine);
  double offset = (g_get_monotonic_time () - steady->start) / (double) G_USEC_PER_SEC - t;

  steady->min = MIN (steady->min, offset);
  if (offset > steady->max)
    {
      steady->max = offset;
      steady->max_at = t;
    }
  return G_SOURCE_CONTINUE;
}

static void
bench_live (const char      *label,
            const SteadyCue *cues,
            guint            n_cues,
            double           seconds)
{
  g_autoptr(SteadyCueEngine) engine = steady_cue_engine_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Lateness lateness = { 0 }, bare = { 0 };
  double drift, load[1] = { 0 };
  GstClockTimeDiff p50, p99, bare_p50, bare_p99;

  steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_VOICE);
  steady_cue_engine_set_sink_description (engine,
                                          "fakesink name=bench sync=true signal-handoffs=true");
  if (!steady_cue_engine_load (engine, cues, n_cues, seconds, &error))
    {
      printf ("audio live: FAILED: %s\n", error->message);
      return;
    }

  sink_watch_attach (steady_cue_engine_get_pipeline (engine), &lateness);
  g_signal_connect (engine, "finished", G_CALLBACK (quit_cb), loop);
  g_signal_connect (engine, "error", G_CALLBACK (quit_cb), loop);

  {
    gint64 start = g_get_monotonic_time ();
    Steadiness steady = { engine, start, G_MAXDOUBLE, -G_MAXDOUBLE, 0 };
    guint poll = g_timeout_add (16, poll_position, &steady);

    steady_cue_engine_play (engine);
    g_main_loop_run (loop);
    g_source_remove (poll);
    printf ("audio live position: wall clock minus position spread %.1f ms "
            "(from %+.1f ms to %+.1f ms at %.2f s)\n",
            (steady.max - steady.min) * 1000, steady.min * 1000, steady.max * 1000, steady.max_at);
    drift = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC
            - steady_cue_engine_get_duration (engine);
  }
  sink_watch_summarize (&lateness, &p50, &p99);
  getloadavg (load, 1);

  printf ("audio live lateness: max %.3f ms, median %.3f ms, p99 %.3f ms, mean %.3f ms over %u buffers "
          "(%s, %.1f s on fakesink sync=true, load average %.2f)\n",
          lateness.worst / 1e6, p50 / 1e6, p99 / 1e6,
          lateness.buffers ? lateness.sum / lateness.buffers / 1e6 : 0.0,
          lateness.buffers, label, steady_cue_engine_get_duration (engine), load[0]);
  printf ("audio live buffers later than 2 ms: %u (the latest at %.3f s)\n",
          lateness.over_2ms, lateness.worst_at / 1e9);
  printf ("audio live arrival: least headroom %+.3f ms before a buffer's moment, "
          "%u of %u buffers arrived after it\n",
          lateness.least_ahead / 1e6, lateness.arrived_late, lateness.buffers);
  printf ("audio live wall clock minus session length: %+.1f ms\n", drift * 1000);

  if (!run_baseline (steady_cue_engine_get_duration (engine), &bare))
    return;
  sink_watch_summarize (&bare, &bare_p50, &bare_p99);
  getloadavg (load, 1);
  printf ("audio live baseline (bare audiotestsrc, same sink and buffers): max %.3f ms, "
          "median %.3f ms, p99 %.3f ms over %u buffers, %u later than 2 ms (load average %.2f)\n",
          bare.worst / 1e6, bare_p50 / 1e6, bare_p99 / 1e6, bare.buffers, bare.over_2ms, load[0]);
  printf ("audio live lateness ratio against baseline: max %.2fx, p99 %.2fx\n",
          bare.worst > 0 ? (double) lateness.worst / bare.worst : 0.0,
          bare_p99 > 0 ? (double) p99 / bare_p99 : 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(SteadyCueEngine) engine = NULL;
  g_autoptr(SteadyTimeline) live = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *demo_dir = NULL;
  g_autofree char *live_drill = NULL;
  double live_seconds = 0;
  GListModel *drills;
  const GOptionEntry entries[] = {
    { "live-drill", 0, 0, G_OPTION_ARG_STRING, &live_drill,
      "The drill to play live (default: the shortest)", "ID" },
    { "live-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &live_seconds,
      "Play only this much of it live (default: all of it)", "S" },
    { "demo", 0, 0, G_OPTION_ARG_FILENAME, &demo_dir,
      "Also write cues-en.wav and cues-es.wav to DIR", "DIR" },
    { NULL },
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, gst_init_get_option_group ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-audio: %s\n", error->message);
      return 2;
    }

  program = steady_program_new_builtin (&error);
  if (program == NULL)
    {
      fprintf (stderr, "bench-audio: %s\n", error->message);
      return 1;
    }

  engine = steady_cue_engine_new ();
  steady_cue_engine_set_volume (engine, 1.0);
  tmpdir = g_dir_make_tmp ("steady-bench-audio-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "session.wav", NULL);

  drills = steady_program_get_drills (program);
  for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);
      g_autoptr(SteadyTimeline) timeline = steady_timeline_new (drill, NULL, &error);
      const char *id = steady_drill_get_id (drill);
      g_autofree char *tones = g_strdup_printf ("%s, tones", id);
      g_autofree char *voice = g_strdup_printf ("%s, voice", id);
      const SteadyCue *cues;
      guint n_cues;

      if (timeline == NULL)
        {
          printf ("audio %s: FAILED: %s\n", id, error->message);
          g_clear_error (&error);
          continue;
        }

      cues = steady_timeline_get_cues (timeline, &n_cues);
      printf ("audio session %s: %u cues over %.1f s\n", id, n_cues,
              steady_timeline_get_total (timeline));
      bench_render (engine, STEADY_CUE_SOUND_TONES, tones, cues, n_cues,
                    steady_timeline_get_total (timeline), path);
      bench_render (engine, STEADY_CUE_SOUND_VOICE, voice, cues, n_cues,
                    steady_timeline_get_total (timeline), path);

      if (live_drill != NULL ? g_str_equal (live_drill, id)
          : live == NULL || steady_timeline_get_total (timeline) < steady_timeline_get_total (live))
        g_set_object (&live, timeline);
    }
  g_unlink (path);
  g_rmdir (tmpdir);

  if (live != NULL)
    {
      const SteadyCue *cues;
      guint n_cues;
      double total = steady_timeline_get_total (live);

      cues = steady_timeline_get_cues (live, &n_cues);
      bench_live (steady_drill_get_id (steady_timeline_get_drill (live)), cues, n_cues,
                  live_seconds > 0 ? MIN (live_seconds, total) : total);
    }

  if (demo_dir != NULL)
    {
      static const struct { const char *lang; const Words *words; } demos[] = {
        { "en", &english }, { "es", &spanish },
      };

      for (guint i = 0; i < G_N_ELEMENTS (demos); i++)
        {
          g_autoptr(GArray) demo = NULL;
          g_autofree char *name = g_strdup_printf ("cues-%s.wav", demos[i].lang);
          g_autofree char *demo_path = g_build_filename (demo_dir, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (demo_path);
          double total;

          demo = demo_session (demos[i].words, &total);
          steady_cue_engine_set_mode (engine, STEADY_CUE_SOUND_VOICE);
          steady_cue_engine_set_language (engine, demos[i].lang);
          if (!steady_cue_engine_render_wav (engine, (SteadyCue *) (gpointer) demo->data,
                                             demo->len, total, file, &error))
            {
              fprintf (stderr, "bench-audio: %s\n", error->message);
              return 1;
            }
          printf ("audio demo: %s (%.1f s)\n", demo_path, total);
          for (guint j = 0; j < demo->len; j++)
            {
              const SteadyCue *cue = &g_array_index (demo, SteadyCue, j);

              printf ("  %7.3f s %-12s %s\n", cue->time, kind_names[cue->kind],
                      cue->speech != NULL ? cue->speech : "");
            }
        }
    }

  return 0;
}
