/* steady-cue-feed.c: the cue engine's stream of samples and its pipelines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsrc.h>

#include "steady-cue-engine.h"
#include "steady-cue-feed.h"

/* Offline buffers are long: only throughput counts there. */
#define RENDER_BLOCK 16384

/* The next buffer of the stream, stamped with its sample offset, or NULL
 * at the end. */
GstBuffer *
steady_cue_feed_next_buffer (SteadyCueFeed *feed)
{
  gint64 n_total = steady_cue_mixer_get_n_samples (feed->mixer);
  guint rate = steady_cue_mixer_get_rate (feed->mixer);
  GstBuffer *buffer;
  GstMapInfo map;
  guint n;

  if (feed->cursor >= n_total)
    return NULL;

  n = (guint) MIN ((gint64) feed->block, n_total - feed->cursor);
  buffer = gst_buffer_new_allocate (NULL, n * sizeof (gint16), NULL);
  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  steady_cue_mixer_fill (feed->mixer, feed->cursor, feed->volume, (gint16 *) map.data, n);
  gst_buffer_unmap (buffer, &map);

  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale_int (feed->cursor, GST_SECOND, rate);
  GST_BUFFER_DURATION (buffer) =
    gst_util_uint64_scale_int (feed->cursor + n, GST_SECOND, rate) - GST_BUFFER_PTS (buffer);
  GST_BUFFER_OFFSET (buffer) = feed->cursor;
  GST_BUFFER_OFFSET_END (buffer) = feed->cursor + n;
  feed->cursor += n;

  return buffer;
}

/* What a feed's buffers hold: S16LE mono at the engine's rate. */
GstCaps *
steady_cue_feed_caps (void)
{
  return gst_caps_new_simple ("audio/x-raw",
                              "format", G_TYPE_STRING, "S16LE",
                              "layout", G_TYPE_STRING, "interleaved",
                              "channels", G_TYPE_INT, 1,
                              "rate", G_TYPE_INT, STEADY_CUE_ENGINE_RATE,
                              NULL);
}

GstElement *
steady_cue_make_element (const char  *factory,
                         const char  *name,
                         GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, name);

  if (element == NULL)
    g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_MISSING_ELEMENT,
                 _("The GStreamer element “%s” is missing; install its plugin"), factory);

  return element;
}

/* Turns an error message from the bus into the engine's domain. */
GError *
steady_cue_error_from_message (GstMessage *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;
  const char *source = GST_MESSAGE_SRC_NAME (message);
  SteadyCueEngineError code = STEADY_CUE_ENGINE_ERROR_RUNTIME;

  gst_message_parse_error (message, &gst_error, &debug);

  if (gst_error->domain == GST_CORE_ERROR
      && gst_error->code == GST_CORE_ERROR_MISSING_PLUGIN)
    code = STEADY_CUE_ENGINE_ERROR_MISSING_ELEMENT;
  else if (gst_error->domain == GST_RESOURCE_ERROR)
    {
      if (gst_error->code == GST_RESOURCE_ERROR_OPEN_WRITE
          || gst_error->code == GST_RESOURCE_ERROR_WRITE
          || gst_error->code == GST_RESOURCE_ERROR_NO_SPACE_LEFT)
        code = STEADY_CUE_ENGINE_ERROR_WRITE;
      else
        code = STEADY_CUE_ENGINE_ERROR_NO_OUTPUT;
    }

  return g_error_new (STEADY_CUE_ENGINE_ERROR, code, _("Sound failed in “%s”: %s"),
                      source != NULL ? source : "pipeline", gst_error->message);
}

/* A sink bin from a gst-launch description, or NULL with the reason. */
GstElement *
steady_cue_make_sink (const char  *description,
                      GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  GstElement *sink;

  sink = gst_parse_bin_from_description (description, TRUE, &parse_error);
  if (parse_error != NULL)
    {
      int code = g_error_matches (parse_error, GST_PARSE_ERROR, GST_PARSE_ERROR_NO_SUCH_ELEMENT)
                 ? STEADY_CUE_ENGINE_ERROR_MISSING_ELEMENT
                 : STEADY_CUE_ENGINE_ERROR_PIPELINE;

      g_set_error (error, STEADY_CUE_ENGINE_ERROR, code,
                   _("The audio output “%s” cannot be used: %s"),
                   description, parse_error->message);
      if (sink != NULL)
        gst_object_unref (sink);
      return NULL;
    }

  return sink;
}

static void
render_need_data_cb (GstAppSrc *src,
                     guint      length,
                     gpointer   user_data)
{
  SteadyCueFeed *feed = user_data;
  GstBuffer *buffer = steady_cue_feed_next_buffer (feed);

  if (buffer != NULL)
    gst_app_src_push_buffer (src, buffer);
  else
    gst_app_src_end_of_stream (src);
}

/* Renders the whole of @mixer's stream through appsrc ! wavenc ! filesink
 * to @path, as fast as the pipeline goes. */
gboolean
steady_cue_feed_render_wav (SteadyCueMixer  *mixer,
                            float            volume,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  GstAppSrcCallbacks callbacks = { render_need_data_cb, NULL, NULL, { NULL } };
  GstElement *src, *wavenc, *filesink;
  SteadyCueFeed feed = { 0 };

  pipeline = gst_object_ref_sink (gst_pipeline_new ("steady-cues-render"));
  if (!(src = steady_cue_make_element ("appsrc", NULL, error)))
    return FALSE;
  gst_bin_add (GST_BIN (pipeline), src);
  if (!(wavenc = steady_cue_make_element ("wavenc", NULL, error)))
    return FALSE;
  gst_bin_add (GST_BIN (pipeline), wavenc);
  if (!(filesink = steady_cue_make_element ("filesink", NULL, error)))
    return FALSE;
  gst_bin_add (GST_BIN (pipeline), filesink);
  if (!gst_element_link_many (src, wavenc, filesink, NULL))
    {
      g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_PIPELINE,
                   _("The WAV encoder does not accept the cue engine’s sound"));
      return FALSE;
    }

  feed.mixer = mixer;
  feed.volume = volume;
  feed.block = RENDER_BLOCK;

  caps = steady_cue_feed_caps ();
  g_object_set (src, "caps", caps, "format", GST_FORMAT_TIME, NULL);
  gst_app_src_set_callbacks (GST_APP_SRC (src), &callbacks, &feed, NULL);
  g_object_set (filesink, "location", path, NULL);

  bus = gst_element_get_bus (pipeline);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE)
    message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE,
                                          GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  else
    message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (message == NULL || GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      if (message != NULL)
        {
          g_autoptr(GError) pipeline_error = steady_cue_error_from_message (message);

          g_set_error (error, STEADY_CUE_ENGINE_ERROR, pipeline_error->code,
                       _("Could not write “%s”: %s"), path, pipeline_error->message);
        }
      else
        g_set_error (error, STEADY_CUE_ENGINE_ERROR, STEADY_CUE_ENGINE_ERROR_WRITE,
                     _("Could not write “%s”"), path);
      return FALSE;
    }

  return TRUE;
}

