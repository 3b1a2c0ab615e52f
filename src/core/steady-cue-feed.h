/* steady-cue-feed.h: the cue engine's stream of samples and its pipelines
 *
 * Private to the cue engine: a feed turns a mixer into timestamped buffers
 * for an appsrc, and these helpers build the elements around it and turn
 * GStreamer's errors into the engine's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/gst.h>

#include "steady-cue-mixer.h"

G_BEGIN_DECLS

/* One stream of samples: what an appsrc is fed from. Touched only from
 * the streaming thread, or under the engine's lock. */
typedef struct {
  SteadyCueMixer *mixer;
  gint64          cursor;   /* the next sample to push */
  float           volume;
  guint           block;    /* samples per buffer */
} SteadyCueFeed;

GstBuffer  *steady_cue_feed_next_buffer    (SteadyCueFeed   *feed);
GstCaps    *steady_cue_feed_caps           (void);
gboolean    steady_cue_feed_render_wav     (SteadyCueMixer  *mixer,
                                            float            volume,
                                            const char      *path,
                                            GError         **error);

GstElement *steady_cue_make_element        (const char      *factory,
                                            const char      *name,
                                            GError         **error);
GstElement *steady_cue_make_sink           (const char      *description,
                                            GError         **error);
GError     *steady_cue_error_from_message  (GstMessage      *message);

G_END_DECLS
