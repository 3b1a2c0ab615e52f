/* sink-watch.c: how late buffers reach and leave a synchronised fakesink
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sink-watch.h"


/* When @buffer is due on @sink's clock, or GST_CLOCK_TIME_NONE. */
static GstClockTime
due_time (GstElement *sink,
          GstPad     *pad,
          GstBuffer  *buffer)
{
  g_autoptr(GstEvent) event = gst_pad_get_sticky_event (pad, GST_EVENT_SEGMENT, 0);
  const GstSegment *segment;

  if (event == NULL || !GST_BUFFER_PTS_IS_VALID (buffer))
    return GST_CLOCK_TIME_NONE;

  gst_event_parse_segment (event, &segment);
  return gst_element_get_base_time (sink)
         + gst_segment_to_running_time (segment, GST_FORMAT_TIME, GST_BUFFER_PTS (buffer));
}

static GstPadProbeReturn
arrival_probe (GstPad          *pad,
               GstPadProbeInfo *info,
               gpointer         user_data)
{
  Lateness *lateness = user_data;
  g_autoptr(GstElement) sink = gst_pad_get_parent_element (pad);
  g_autoptr(GstClock) clock = gst_element_get_clock (sink);
  GstClockTime due;
  GstClockTimeDiff ahead;

  /* Only while playing: prerolled buffers wait for the clock to start. */
  if (clock == NULL || GST_STATE (sink) != GST_STATE_PLAYING)
    return GST_PAD_PROBE_OK;

  due = due_time (sink, pad, GST_PAD_PROBE_INFO_BUFFER (info));
  if (!GST_CLOCK_TIME_IS_VALID (due))
    return GST_PAD_PROBE_OK;

  ahead = GST_CLOCK_DIFF (gst_clock_get_time (clock), due);
  lateness->least_ahead = MIN (lateness->least_ahead, ahead);
  if (ahead < 0)
    lateness->arrived_late++;

  return GST_PAD_PROBE_OK;
}

/* fakesink hands each buffer off once its moment on the clock has come;
 * how long after that moment it does so is the lateness. On fakesink the
 * streaming thread itself sleeps until each moment, so this is the
 * scheduler's wake-up delay; a device sink writes ahead into its ring
 * buffer instead, and only a buffer arriving late (the arrival figure)
 * would be heard. */
static void
handoff_cb (GstElement *sink,
            GstBuffer  *buffer,
            GstPad     *pad,
            gpointer    user_data)
{
  GstClockTime running;
  Lateness *lateness = user_data;
  g_autoptr(GstClock) clock = gst_element_get_clock (sink);
  GstClockTime due = due_time (sink, pad, buffer);
  GstClockTimeDiff late;

  if (clock == NULL || !GST_CLOCK_TIME_IS_VALID (due))
    return;

  late = GST_CLOCK_DIFF (due, gst_clock_get_time (clock));
  running = due - gst_element_get_base_time (sink);

  if (late > lateness->worst)
    {
      lateness->worst = late;
      lateness->worst_at = running;
    }
  if (late > 2 * GST_MSECOND)
    lateness->over_2ms++;
  g_array_append_val (lateness->all, late);
  lateness->sum += late;
  lateness->buffers++;
}

static int
compare_diffs (gconstpointer a,
               gconstpointer b)
{
  GstClockTimeDiff da = *(const GstClockTimeDiff *) a, db = *(const GstClockTimeDiff *) b;

  return (da > db) - (da < db);
}

void
sink_watch_attach (GstElement *pipeline,
                   Lateness   *lateness)
{
  g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (pipeline), "bench");
  g_autoptr(GstPad) pad = gst_element_get_static_pad (sink, "sink");

  lateness->all = g_array_new (FALSE, FALSE, sizeof (GstClockTimeDiff));
  lateness->least_ahead = G_MAXINT64;
  g_signal_connect (sink, "handoff", G_CALLBACK (handoff_cb), lateness);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, arrival_probe, lateness, NULL);
}

void
sink_watch_summarize (Lateness         *lateness,
                      GstClockTimeDiff *p50,
                      GstClockTimeDiff *p99)
{
  *p50 = *p99 = 0;
  g_array_sort (lateness->all, compare_diffs);
  if (lateness->all->len > 0)
    {
      *p50 = g_array_index (lateness->all, GstClockTimeDiff, lateness->all->len / 2);
      *p99 = g_array_index (lateness->all, GstClockTimeDiff, lateness->all->len * 99 / 100);
    }
  g_clear_pointer (&lateness->all, g_array_unref);
}

