/* steady-cue-engine.c: plays or renders a session's cues with GStreamer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <gst/app/gstappsrc.h>

#include "steady-cue-engine.h"
#include "steady-cue-feed.h"
#include "steady-speech.h"

/* Live buffers are 10 ms, so a volume or mode change is heard at once. */
#define LIVE_BLOCK     480

#define DEFAULT_SINK   "autoaudiosink"

/* The child autoaudiosink falls back to when it finds no device. */
#define FAKE_AUDIO_SINK "fake-audio-sink"

struct _SteadyCueEngine {
  GObject             parent_instance;

  SteadyCueSoundMode  mode;
  double              volume;
  char               *language;
  char               *sink_description;
  gboolean            available;
  char               *notice;

  /* The loaded session. */
  GArray             *cues;           /* of SteadyCue; strings owned */
  double              total;

  /* The live pipeline; the feed is shared with its streaming thread. */
  GMutex              lock;
  SteadyCueFeed       feed;
  GstElement         *pipeline;
  GstElement         *src;
  guint               bus_watch;
  gboolean            playing;
  gboolean            finished;
  double              last_position;

  /* Without a working pipeline the session runs on the monotonic clock:
   * position = fallback_position + time since fallback_since (if playing). */
  gboolean            failed;
  double              fallback_position;
  gint64              fallback_since;
  guint               finish_source;
};

G_DEFINE_FINAL_TYPE (SteadyCueEngine, steady_cue_engine, G_TYPE_OBJECT)

G_DEFINE_QUARK (steady-cue-engine-error-quark, steady_cue_engine_error)

enum {
  PROP_0,
  PROP_MODE,
  PROP_VOLUME,
  PROP_LANGUAGE,
  PROP_SINK_DESCRIPTION,
  PROP_AVAILABLE,
  PROP_NOTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ERROR,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GType
steady_cue_sound_mode_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { STEADY_CUE_SOUND_SILENT, "STEADY_CUE_SOUND_SILENT", "silent" },
    { STEADY_CUE_SOUND_TONES, "STEADY_CUE_SOUND_TONES", "tones" },
    { STEADY_CUE_SOUND_VOICE, "STEADY_CUE_SOUND_VOICE", "voice" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("SteadyCueSoundMode", values));

  return type_id;
}

static void
set_notice (SteadyCueEngine *self,
            gboolean         available,
            const char      *notice)
{
  if (self->available != available)
    {
      self->available = available;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
    }

  if (g_strcmp0 (self->notice, notice) != 0)
    {
      g_free (self->notice);
      self->notice = g_strdup (notice);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
    }
}

/* The monotonic fallback clock ----------------------------------------- */

static double
fallback_position (SteadyCueEngine *self)
{
  double position = self->fallback_position;

  if (self->playing)
    position += (g_get_monotonic_time () - self->fallback_since) / (double) G_USEC_PER_SEC;

  return CLAMP (position, 0.0, steady_cue_engine_get_duration (self));
}

static gboolean
fallback_finished_cb (gpointer user_data)
{
  SteadyCueEngine *self = user_data;

  self->finish_source = 0;
  if (!self->finished)
    {
      self->finished = TRUE;
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
    }

  return G_SOURCE_REMOVE;
}

/* Re-arms the timer that says "finished" when the fallback clock gets to
 * the end; called whenever the fallback clock starts, stops or jumps. */
static void
fallback_update (SteadyCueEngine *self)
{
  double left;

  g_clear_handle_id (&self->finish_source, g_source_remove);
  if (!self->failed || !self->playing || self->finished)
    return;

  left = steady_cue_engine_get_duration (self) - fallback_position (self);
  self->finish_source = g_timeout_add (MAX (0, (int) ceil (left * 1000)),
                                       fallback_finished_cb, self);
}

static void
teardown_pipeline (SteadyCueEngine *self)
{
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_object (&self->src);
  g_clear_object (&self->pipeline);
}

/* Goes silent after @error and lets the session carry on with the
 * monotonic clock from where the sound stopped. */
static void
fail (SteadyCueEngine *self,
      const GError    *error,
      gboolean         emit)
{
  if (self->failed)
    return;

  self->fallback_position = self->last_position;
  self->fallback_since = g_get_monotonic_time ();
  self->failed = TRUE;
  teardown_pipeline (self);
  set_notice (self, FALSE, error->message);
  fallback_update (self);

  if (emit)
    g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
}

/* The live pipeline ----------------------------------------------------- */

static void
need_data_cb (GstAppSrc *src,
              guint      length,
              gpointer   user_data)
{
  SteadyCueEngine *self = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GstBuffer *buffer;

  if (self->feed.mixer == NULL)
    return;

  buffer = steady_cue_feed_next_buffer (&self->feed);
  if (buffer != NULL)
    gst_app_src_push_buffer (src, buffer);
  else
    gst_app_src_end_of_stream (src);
}

static gboolean
seek_data_cb (GstAppSrc *src,
              guint64    offset,
              gpointer   user_data)
{
  SteadyCueEngine *self = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  /* In time format the offset is the position in nanoseconds; round up so
   * no buffer starts before the new segment. */
  self->feed.cursor = gst_util_uint64_scale_int_ceil (offset, STEADY_CUE_ENGINE_RATE,
                                                      GST_SECOND);
  return TRUE;
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  SteadyCueEngine *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = steady_cue_error_from_message (message);

        steady_cue_engine_get_position (self);
        fail (self, error, TRUE);
        return G_SOURCE_REMOVE;  /* the watch went with the pipeline */
      }

    case GST_MESSAGE_EOS:
      self->last_position = steady_cue_engine_get_duration (self);
      if (!self->finished)
        {
          self->finished = TRUE;
          g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
        }
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
build_pipeline (SteadyCueEngine  *self,
                GError          **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstAppSrcCallbacks callbacks = { need_data_cb, NULL, seek_data_cb, { NULL } };
  GstElement *src, *convert, *resample, *sink;
  const char *description = self->sink_description != NULL ? self->sink_description
                                                           : DEFAULT_SINK;
  gint64 n_samples;

  pipeline = gst_object_ref_sink (gst_pipeline_new ("steady-cues"));

  if (!(src = steady_cue_make_element ("appsrc", "cues", error)))
    return FALSE;
  gst_bin_add (GST_BIN (pipeline), src);
  if (!(convert = steady_cue_make_element ("audioconvert", NULL, error)))
    return FALSE;
  gst_bin_add (GST_BIN (pipeline), convert);
  if (!(resample = steady_cue_make_element ("audioresample", NULL, error)))
    return FALSE;
  gst_bin_add (GST_BIN (pipeline), resample);
  if (!(sink = steady_cue_make_sink (description, error)))
    return FALSE;
  gst_bin_add (GST_BIN (pipeline), sink);

  if (!gst_element_link_many (src, convert, resample, sink, NULL))
    {
      g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_PIPELINE,
                   _("The audio output “%s” does not accept sound"), description);
      return FALSE;
    }

  caps = steady_cue_feed_caps ();
  g_object_set (src,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "stream-type", GST_APP_STREAM_TYPE_SEEKABLE,
                "max-bytes", (guint64) (4 * LIVE_BLOCK * sizeof (gint16)),
                NULL);
  n_samples = steady_cue_mixer_get_n_samples (self->feed.mixer);
  gst_app_src_set_duration (GST_APP_SRC (src),
                            gst_util_uint64_scale_int (n_samples, GST_SECOND,
                                                       STEADY_CUE_ENGINE_RATE));
  gst_app_src_set_callbacks (GST_APP_SRC (src), &callbacks, self, NULL);

  bus = gst_element_get_bus (pipeline);
  self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);
  self->src = gst_object_ref (src);
  self->pipeline = g_steal_pointer (&pipeline);

  return TRUE;
}

/* Prerolls the pipeline and checks there is somewhere for the sound to go. */
static gboolean
start_pipeline (SteadyCueEngine  *self,
                GError          **error)
{
  g_autoptr(GstElement) fake = NULL;

  if (gst_element_set_state (self->pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

      if (message != NULL)
        g_propagate_error (error, steady_cue_error_from_message (message));
      else
        g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_PIPELINE,
                     _("The audio output could not start"));
      return FALSE;
    }

  /* autoaudiosink picks its child on the way to READY. */
  fake = gst_bin_get_by_name (GST_BIN (self->pipeline), FAKE_AUDIO_SINK);
  if (fake != NULL)
    set_notice (self, FALSE, _("No audio output was found: cues are shown as captions only"));

  return TRUE;
}

static void
rebuild_mixer (SteadyCueEngine *self)
{
  SteadyCueMixer *mixer = NULL;
  const GError *speech_error;

  if (self->cues == NULL)
    return;

  mixer = steady_cue_mixer_new ((const SteadyCue *) (gpointer) self->cues->data, self->cues->len,
                                self->total, self->mode, self->language,
                                STEADY_CUE_ENGINE_RATE);

  speech_error = steady_cue_mixer_get_speech_error (mixer);
  if (speech_error != NULL && self->available)
    set_notice (self, TRUE, speech_error->message);

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->feed.mixer, steady_cue_mixer_unref);
  self->feed.mixer = mixer;
  g_mutex_unlock (&self->lock);
}

/* The object ------------------------------------------------------------ */

static void
clear_cue (gpointer data)
{
  SteadyCue *cue = data;

  g_free ((char *) cue->speech);
  g_free ((char *) cue->caption);
}

static void
steady_cue_engine_dispose (GObject *object)
{
  SteadyCueEngine *self = STEADY_CUE_ENGINE (object);

  g_clear_handle_id (&self->finish_source, g_source_remove);
  teardown_pipeline (self);

  G_OBJECT_CLASS (steady_cue_engine_parent_class)->dispose (object);
}

static void
steady_cue_engine_finalize (GObject *object)
{
  SteadyCueEngine *self = STEADY_CUE_ENGINE (object);

  g_clear_pointer (&self->feed.mixer, steady_cue_mixer_unref);
  g_clear_pointer (&self->cues, g_array_unref);
  g_free (self->language);
  g_free (self->sink_description);
  g_free (self->notice);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (steady_cue_engine_parent_class)->finalize (object);
}

static void
steady_cue_engine_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SteadyCueEngine *self = STEADY_CUE_ENGINE (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_SINK_DESCRIPTION:
      g_value_set_string (value, self->sink_description);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_cue_engine_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SteadyCueEngine *self = STEADY_CUE_ENGINE (object);

  switch (prop_id)
    {
    case PROP_MODE:
      steady_cue_engine_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_VOLUME:
      steady_cue_engine_set_volume (self, g_value_get_double (value));
      break;
    case PROP_LANGUAGE:
      steady_cue_engine_set_language (self, g_value_get_string (value));
      break;
    case PROP_SINK_DESCRIPTION:
      steady_cue_engine_set_sink_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_cue_engine_class_init (SteadyCueEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_cue_engine_dispose;
  object_class->finalize = steady_cue_engine_finalize;
  object_class->get_property = steady_cue_engine_get_property;
  object_class->set_property = steady_cue_engine_set_property;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       STEADY_TYPE_CUE_SOUND_MODE, STEADY_CUE_SOUND_VOICE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 0.8,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A gst-launch description of where live sound goes; NULL is
   * autoaudiosink. Tests and benchmarks inject "fakesink sync=true". */
  properties[PROP_SINK_DESCRIPTION] =
    g_param_spec_string ("sink-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted once when sound fails while loading or playing; the engine
   * then carries on silently on the monotonic clock. */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* Emitted when live play reaches the end of the session. */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
steady_cue_engine_init (SteadyCueEngine *self)
{
  g_mutex_init (&self->lock);
  self->mode = STEADY_CUE_SOUND_VOICE;
  self->volume = 0.8;
  self->language = g_strdup ("en");
  self->available = TRUE;
  self->feed.volume = self->volume;
  self->feed.block = LIVE_BLOCK;
}

SteadyCueEngine *
steady_cue_engine_new (void)
{
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  return g_object_new (STEADY_TYPE_CUE_ENGINE, NULL);
}

/* Settings --------------------------------------------------------------- */

SteadyCueSoundMode
steady_cue_engine_get_mode (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), STEADY_CUE_SOUND_SILENT);

  return self->mode;
}

/* Takes effect at once, also while playing. */
void
steady_cue_engine_set_mode (SteadyCueEngine    *self,
                            SteadyCueSoundMode  mode)
{
  g_return_if_fail (STEADY_IS_CUE_ENGINE (self));
  g_return_if_fail (mode <= STEADY_CUE_SOUND_VOICE);

  if (self->mode == mode)
    return;

  self->mode = mode;
  rebuild_mixer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

double
steady_cue_engine_get_volume (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), 0.0);

  return self->volume;
}

/* 0 (silent) to 1; heard within one 10 ms buffer. */
void
steady_cue_engine_set_volume (SteadyCueEngine *self,
                              double           volume)
{
  g_return_if_fail (STEADY_IS_CUE_ENGINE (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume == volume)
    return;

  self->volume = volume;
  g_mutex_lock (&self->lock);
  self->feed.volume = volume;
  g_mutex_unlock (&self->lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

const char *
steady_cue_engine_get_language (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), NULL);

  return self->language;
}

/* The language prompts are spoken in: an espeak-ng voice or a locale name
 * ("es", "pt-BR", "de_DE.UTF-8"); NULL means English. */
void
steady_cue_engine_set_language (SteadyCueEngine *self,
                                const char      *language)
{
  g_return_if_fail (STEADY_IS_CUE_ENGINE (self));

  if (language == NULL)
    language = "en";
  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  if (self->mode == STEADY_CUE_SOUND_VOICE)
    rebuild_mixer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
steady_cue_engine_get_sink_description (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), NULL);

  return self->sink_description;
}

/* Where live sound goes, as a gst-launch description; NULL for the
 * default device. Takes effect at the next steady_cue_engine_load(). */
void
steady_cue_engine_set_sink_description (SteadyCueEngine *self,
                                        const char      *description)
{
  g_return_if_fail (STEADY_IS_CUE_ENGINE (self));

  if (g_strcmp0 (self->sink_description, description) == 0)
    return;

  g_free (self->sink_description);
  self->sink_description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINK_DESCRIPTION]);
}

/* FALSE when sound cannot be heard (no device, missing plugin, an error). */
gboolean
steady_cue_engine_get_available (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), FALSE);

  return self->available;
}

/* What the user should be told about sound, or NULL when all is well. */
const char *
steady_cue_engine_get_notice (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), NULL);

  return self->notice;
}

/* Offline rendering ------------------------------------------------------ */

/**
 * steady_cue_engine_render_wav:
 * @cues: (array length=n_cues): the session's cues
 * @total_seconds: the session's length
 * @file: the WAV file to write (a local file)
 *
 * Renders the cues as the engine would play them, in its mode, language
 * and volume, to a 16-bit mono 48 kHz WAV file, as fast as it can.
 *
 * Returns: whether the file was written
 */
gboolean
steady_cue_engine_render_wav (SteadyCueEngine  *self,
                              const SteadyCue  *cues,
                              guint             n_cues,
                              double            total_seconds,
                              GFile            *file,
                              GError          **error)
{
  g_autoptr(SteadyCueMixer) mixer = NULL;
  const GError *speech_error;
  const char *path;

  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), FALSE);
  g_return_val_if_fail (cues != NULL || n_cues == 0, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_WRITE,
                   _("Cannot write a WAV file to “%s”: not a local file"), uri);
      return FALSE;
    }

  mixer = steady_cue_mixer_new (cues, n_cues, total_seconds, self->mode, self->language,
                                STEADY_CUE_ENGINE_RATE);
  speech_error = steady_cue_mixer_get_speech_error (mixer);
  if (speech_error != NULL)
    set_notice (self, self->available, speech_error->message);

  return steady_cue_feed_render_wav (mixer, self->volume, path, error);
}

/* Live play -------------------------------------------------------------- */

/**
 * steady_cue_engine_load:
 * @cues: (array length=n_cues): the session's cues (copied)
 * @total_seconds: the session's length
 *
 * Prepares a session for live play, paused at 0. If there is no way to
 * sound it (a missing element, an output that cannot start) this returns
 * FALSE with the reason, :available turns FALSE, and the engine stays
 * usable: play, pause, seek and position run on the monotonic clock.
 */
gboolean
steady_cue_engine_load (SteadyCueEngine  *self,
                        const SteadyCue  *cues,
                        guint             n_cues,
                        double            total_seconds,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), FALSE);
  g_return_val_if_fail (cues != NULL || n_cues == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  teardown_pipeline (self);
  g_clear_handle_id (&self->finish_source, g_source_remove);
  g_clear_pointer (&self->cues, g_array_unref);

  self->cues = g_array_sized_new (FALSE, FALSE, sizeof (SteadyCue), n_cues);
  g_array_set_clear_func (self->cues, clear_cue);
  for (guint i = 0; i < n_cues; i++)
    {
      SteadyCue cue = cues[i];

      cue.speech = g_strdup (cues[i].speech);
      cue.caption = g_strdup (cues[i].caption);
      g_array_append_val (self->cues, cue);
    }

  self->total = MAX (total_seconds, 0.0);
  self->playing = FALSE;
  self->finished = FALSE;
  self->failed = FALSE;
  self->last_position = 0.0;
  self->fallback_position = 0.0;
  self->feed.cursor = 0;
  set_notice (self, TRUE, NULL);
  rebuild_mixer (self);

  if (!build_pipeline (self, &local_error) || !start_pipeline (self, &local_error))
    {
      fail (self, local_error, FALSE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

void
steady_cue_engine_play (SteadyCueEngine *self)
{
  g_return_if_fail (STEADY_IS_CUE_ENGINE (self));

  if (self->playing)
    return;

  if (self->failed)
    {
      self->fallback_position = fallback_position (self);
      self->fallback_since = g_get_monotonic_time ();
      self->playing = TRUE;
      fallback_update (self);
      return;
    }

  self->playing = TRUE;
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
}

void
steady_cue_engine_pause (SteadyCueEngine *self)
{
  g_return_if_fail (STEADY_IS_CUE_ENGINE (self));

  if (!self->playing)
    return;

  if (self->failed)
    {
      self->fallback_position = fallback_position (self);
      self->playing = FALSE;
      fallback_update (self);
      return;
    }

  steady_cue_engine_get_position (self);
  self->playing = FALSE;
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
}

/* Moves the session to @seconds, keeping it playing or paused. */
void
steady_cue_engine_seek (SteadyCueEngine *self,
                        double           seconds)
{
  g_return_if_fail (STEADY_IS_CUE_ENGINE (self));

  seconds = CLAMP (seconds, 0.0, steady_cue_engine_get_duration (self));
  self->finished = FALSE;
  self->last_position = seconds;

  if (self->failed)
    {
      self->fallback_position = seconds;
      self->fallback_since = g_get_monotonic_time ();
      fallback_update (self);
      return;
    }

  if (self->pipeline != NULL)
    gst_element_seek_simple (self->pipeline, GST_FORMAT_TIME,
                             GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                             (gint64) llround (seconds * GST_SECOND));
}

/* Stops and rewinds to 0, ready to play again. */
void
steady_cue_engine_stop (SteadyCueEngine *self)
{
  g_return_if_fail (STEADY_IS_CUE_ENGINE (self));

  self->playing = FALSE;
  self->finished = FALSE;
  self->last_position = 0.0;
  self->fallback_position = 0.0;
  g_clear_handle_id (&self->finish_source, g_source_remove);

  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_READY);
      g_mutex_lock (&self->lock);
      self->feed.cursor = 0;
      g_mutex_unlock (&self->lock);
      gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
    }
}

gboolean
steady_cue_engine_get_playing (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), FALSE);

  return self->playing;
}

/**
 * steady_cue_engine_get_position:
 *
 * The session time in seconds: while sound plays, read from the pipeline's
 * clock (the one clock the figure and the counters follow); without
 * working sound, from the monotonic clock.
 */
double
steady_cue_engine_get_position (SteadyCueEngine *self)
{
  gint64 position;

  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), 0.0);

  if (self->failed || self->pipeline == NULL)
    return self->failed ? fallback_position (self) : self->last_position;

  if (!self->finished
      && gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &position)
      && position >= 0)
    self->last_position = CLAMP (position / (double) GST_SECOND,
                                 0.0, steady_cue_engine_get_duration (self));

  return self->last_position;
}

/* The length of the loaded session in seconds, including the ring of a
 * last sound that outlasts it. */
double
steady_cue_engine_get_duration (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), 0.0);

  if (self->feed.mixer != NULL)
    return steady_cue_mixer_get_n_samples (self->feed.mixer) / (double) STEADY_CUE_ENGINE_RATE;

  return self->total;
}

/* The live pipeline, for tests and benchmarks to observe; NULL when none. */
GstElement *
steady_cue_engine_get_pipeline (SteadyCueEngine *self)
{
  g_return_val_if_fail (STEADY_IS_CUE_ENGINE (self), NULL);

  return self->pipeline;
}

const char *
steady_cue_engine_ui_language (void)
{
  /* Translators: the code of the language you translate into ("es",
   * "pt_BR"): the spoken prompts are read by that language's voice. */
  const char *words = g_dpgettext2 (GETTEXT_PACKAGE, "voice language", "en");
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (steady_speech_same_language (names[i], words))
      return names[i];

  return words;
}
