/* tool-audio.c: steady-tool audio DRILL -o FILE.wav [--mode tones|voice|silent]
 *               [--lang LANG] [--volume V] [--reps N] [--hold S]
 *               [--side left|right|both] [--breath IN,OUT] [--program FILE]
 *
 * Renders a drill's session cues, as the coach would sound them, to a WAV
 * file (16-bit mono, 48 kHz), as fast as the machine can.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "steady-cue-engine.h"
#include "steady-program.h"
#include "steady-speech.h"
#include "steady-timeline.h"
#include "steady-tool.h"

typedef struct {
  char *output;
  char *mode;
  char *lang;
  char *volume;
  char *reps;
  char *hold;
  char *side;
  char *breath;
  char *program;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->output);
  g_free (options->mode);
  g_free (options->lang);
  g_free (options->volume);
  g_free (options->reps);
  g_free (options->hold);
  g_free (options->side);
  g_free (options->breath);
  g_free (options->program);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int G_GNUC_PRINTF (1, 2)
usage (const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "steady-tool audio: %s\n", message);
  return STEADY_TOOL_USAGE;
}

static gboolean
parse_seconds (const char *text,
               double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* The drill's defaults with the command line's choices on top; validating
 * them against the drill is the timeline's job. */
static int
settings_from_options (SteadySessionSettings *settings,
                       const Options         *options)
{
  if (options->reps != NULL)
    {
      guint64 reps;

      if (!g_ascii_string_to_unsigned (options->reps, 10, 1, G_MAXUINT, &reps, NULL))
        return usage (_("--reps needs a whole number of reps, not “%s”"), options->reps);
      settings->reps = (guint) reps;
    }

  if (options->hold != NULL && !parse_seconds (options->hold, &settings->hold))
    return usage (_("--hold needs seconds, not “%s”"), options->hold);

  if (options->side != NULL && !steady_side_from_string (options->side, &settings->sides))
    return usage (_("--side needs left, right or both, not “%s”"), options->side);

  if (options->breath != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (options->breath, ",", 0);

      if (g_strv_length (parts) != 2
          || !parse_seconds (parts[0], &settings->breath_in)
          || !parse_seconds (parts[1], &settings->breath_out))
        return usage (_("--breath needs seconds in and out such as 4,6, not “%s”"),
                      options->breath);
    }

  return STEADY_TOOL_OK;
}

static gboolean
parse_mode (const char         *text,
            SteadyCueSoundMode *mode)
{
  g_autoptr(GEnumClass) modes = g_type_class_ref (STEADY_TYPE_CUE_SOUND_MODE);
  GEnumValue *value = g_enum_get_value_by_nick (modes, text);

  if (value == NULL)
    return FALSE;

  *mode = value->value;
  return TRUE;
}

/* Speak (and translate the drill's words) in @lang: gettext reads
 * LANGUAGE, which it ignores in the plain C locale, and names regions
 * after an underscore ("es-419" is "es_419" to it). */
static void
use_language (const char *lang)
{
  g_autofree char *name = g_strdelimit (g_strdup (lang), "-", '_');

  g_setenv ("LANGUAGE", name, TRUE);
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
}

/* The language the user asked gettext for ("es_ES.UTF-8"), or NULL in
 * the C locale, where gettext translates nothing whatever LANGUAGE says
 * (GLib's list still names LANGUAGE's languages there). */
static const char *
locale_language (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *name = g_get_language_names ()[0];

  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX") ||
      g_str_equal (name, "POSIX") || (name[0] == 'C' && (name[1] == '\0' || name[1] == '.')))
    return NULL;

  return name;
}

static int
drill_not_found (SteadyProgram *program,
                 const char    *id)
{
  GListModel *drills = steady_program_get_drills (program);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", steady_drill_get_id (drill));
    }

  return steady_tool_fail (_("%s has no drill “%s” (it has: %s)"),
                           steady_program_get_source_name (program), id, ids->str);
}

int
steady_tool_audio (int    argc,
                   char **argv)
{
  static const SteadyToolCommand self = {
    "audio", "DRILL -o FILE.wav", N_("Render a drill's sound cues to a WAV file"), NULL
  };
  g_auto(Options) options = { 0 };
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(SteadyTimeline) timeline = NULL;
  g_autoptr(SteadyCueEngine) engine = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *temp = NULL, *voice = NULL;
  const char *language;
  gboolean rendered;
  g_autoptr(GError) error = NULL;
  SteadyCueSoundMode mode = STEADY_CUE_SOUND_VOICE;
  SteadySessionSettings settings;
  const SteadyCue *cues;
  SteadyDrill *drill;
  double volume = 1.0, total;
  guint n_cues;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The WAV file to write"), N_("FILE") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &options.mode,
      N_("What to sound: tones, voice (tones and speech; the default) or silent"), N_("MODE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.lang,
      N_("The language to speak in, e.g. en or es (default: the locale’s)"), N_("LANG") },
    { "volume", 0, 0, G_OPTION_ARG_STRING, &options.volume,
      N_("Volume from 0 to 1 (default 1)"), N_("V") },
    { "reps", 0, 0, G_OPTION_ARG_STRING, &options.reps,
      N_("Reps per side (knee circles: circles per direction)"), N_("N") },
    { "hold", 0, 0, G_OPTION_ARG_STRING, &options.hold, N_("Seconds per hold"), N_("S") },
    { "side", 0, 0, G_OPTION_ARG_STRING, &options.side,
      N_("Which side works: left, right or both"), N_("SIDE") },
    { "breath", 0, 0, G_OPTION_ARG_STRING, &options.breath,
      N_("Paced breathing: seconds in and out"), N_("IN,OUT") },
    { "program", 0, 0, G_OPTION_ARG_FILENAME, &options.program,
      N_("Use this program file instead of the built-in one"), N_("FILE") },
    { NULL }
  };

  if (!steady_tool_parse_options (&self, entries, &argc, &argv))
    return STEADY_TOOL_USAGE;

  if (argc < 2)
    return usage (_("name a drill, e.g. “steady-tool audio clamshell -o cues.wav”"));
  if (argc > 2)
    return usage (_("unexpected argument “%s”"), argv[2]);
  if (options.output == NULL)
    return usage (_("say where to write the sound with -o FILE.wav"));
  if (options.mode != NULL && !parse_mode (options.mode, &mode))
    return usage (_("--mode needs tones, voice or silent, not “%s”"), options.mode);
  if (options.volume != NULL
      && (!parse_seconds (options.volume, &volume) || volume < 0 || volume > 1))
    return usage (_("--volume needs a number from 0 to 1, not “%s”"), options.volume);

  if (options.lang != NULL)
    use_language (options.lang);

  program = steady_tool_load_program (options.program);
  if (program == NULL)
    return STEADY_TOOL_BAD_INPUT;

  drill = steady_program_find_drill (program, argv[1]);
  if (drill == NULL)
    return drill_not_found (program, argv[1]);

  steady_session_settings_init_from_drill (&settings, drill);
  status = settings_from_options (&settings, &options);
  if (status != STEADY_TOOL_OK)
    return status;

  timeline = steady_timeline_new (drill, &settings, &error);
  if (timeline == NULL)
    return steady_tool_fail ("%s", error->message);

  /* The prompts are read in the language their words are in: a language
   * asked for by name that Steady is not translated into, or that has no
   * voice, is refused rather than read in another; the locale's falls
   * back (to the next language LANGUAGE lists, then English) with a word
   * on standard error. Tones and silence have no words. */
  language = steady_cue_engine_ui_language ();
  if (options.lang != NULL && mode == STEADY_CUE_SOUND_VOICE &&
      !steady_speech_same_language (language, options.lang))
    return steady_tool_fail (_("--lang “%s”: Steady’s prompts are not translated into it (try en or es)"),
                             options.lang);
  if (options.lang == NULL && mode == STEADY_CUE_SOUND_VOICE && locale_language () != NULL
      && !steady_speech_same_language (language, locale_language ()))
    fprintf (stderr, _("steady-tool audio: Steady is not translated into “%s”; the prompts are in “%s”\n"),
             locale_language (), language);
  if (mode == STEADY_CUE_SOUND_VOICE)
    {
      voice = steady_speech_get_voice (language, &error);
      if (voice == NULL)
        return steady_tool_fail ("%s", error->message);
      if (!steady_speech_same_language (voice, language))
        {
          if (options.lang != NULL)
            return steady_tool_fail (_("--lang “%s”: there is no voice for it (try en or es)"), options.lang);
          fprintf (stderr, _("steady-tool audio: no voice for “%s”; the prompts are spoken in “%s”\n"),
                   language, voice);
        }
    }

  engine = steady_cue_engine_new ();
  steady_cue_engine_set_mode (engine, mode);
  steady_cue_engine_set_volume (engine, volume);
  steady_cue_engine_set_language (engine, language);

  cues = steady_timeline_get_cues (timeline, &n_cues);
  total = steady_timeline_get_total (timeline);
  /* Into a new file beside the output, renamed over it once whole: a
   * failed render leaves what was there before. */
  temp = steady_tool_temp_output (options.output, &error);
  if (temp == NULL)
    return steady_tool_fail ("%s", error->message);
  file = g_file_new_for_path (temp);
  rendered = steady_cue_engine_render_wav (engine, cues, n_cues, total, file, &error);
  if (!rendered)
    {
      /* The message names the file the user asked for, not the temporary one. */
      g_autoptr(GString) message = g_string_new (error->message);

      g_string_replace (message, temp, options.output, 0);
      g_free (error->message);
      error->message = g_string_free (g_steal_pointer (&message), FALSE);
    }
  if (!steady_tool_commit_output (temp, options.output, rendered, rendered ? &error : NULL))
    return steady_tool_fail ("%s", error->message);

  if (steady_cue_engine_get_notice (engine) != NULL)
    fprintf (stderr, "steady-tool audio: %s\n", steady_cue_engine_get_notice (engine));

  /* Translators: "Wrote cues.wav: clamshell, 42 cues over 312.5 s (voice, es)" */
  printf (_("Wrote %s: %s, %u cues over %.1f s (%s, %s)\n"), options.output,
          steady_drill_get_id (drill), n_cues, total, options.mode != NULL ? options.mode : "voice",
          voice != NULL ? voice : steady_cue_engine_get_language (engine));

  return STEADY_TOOL_OK;
}
