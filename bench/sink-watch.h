/* sink-watch.h: how late buffers reach and leave a synchronised fakesink
 *
 * bench-audio and bench-coach hook these probes onto a `fakesink
 * name=bench sync=true signal-handoffs=true` to measure, for every buffer,
 * its lateness (how long after its moment on the clock the sink handed it
 * off) and its arrival (how long before that moment it reached the sink;
 * a buffer arriving after it would be heard as a dropout on a device).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/gst.h>

typedef struct {
  GstClockTimeDiff worst;
  GstClockTime     worst_at;   /* running time of the latest buffer */
  double           sum;
  guint            buffers;
  guint            over_2ms;
  GArray          *all;        /* of GstClockTimeDiff */
  /* Arrival: how long before its moment each buffer reached the sink. */
  GstClockTimeDiff least_ahead;
  guint            arrived_late;
} Lateness;

/* Hooks the probes onto the element called "bench" in @pipeline. */
void sink_watch_attach    (GstElement       *pipeline,
                           Lateness         *lateness);
/* The median and the 99th percentile; frees the figures. */
void sink_watch_summarize (Lateness         *lateness,
                           GstClockTimeDiff *p50,
                           GstClockTimeDiff *p99);
