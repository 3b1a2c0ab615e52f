/* steady-painter-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "steady-painter-cache.h"
#include "steady-painter-private.h"
#include "steady-raster.h"

/* A frame the cache paints into, and which frame it holds. The cache
 * holds one reference to it (no cairo_t is kept on it): more mean someone
 * else holds it. */
typedef struct {
  cairo_surface_t *surface;
  guint64          serial;        /* 0: nothing known */
} Frame;

#define MAX_FRAMES 4     /* the last frame, one to paint, two held by GTK */
#define HISTORY 8        /* frames whose changes are remembered */

struct _SteadyPainterCache
{
  GObject           parent_instance;

  /* Frames in device pixels. A new frame is painted over the free one
   * holding the newest frame, where anything changed since, and becomes
   * the front one. A frame someone else holds a reference to is never
   * painted into; while all are held, more are made. (A cairo recording
   * holds a copy-on-write snapshot, not a reference: cairo copies the
   * frame if it is painted into while the recording lives.) */
  Frame             frames[MAX_FRAMES];
  guint             n_frames;
  guint             front;
  guint64           serial;       /* of the last frame */
  cairo_rectangle_int_t changes[HISTORY];  /* [serial % HISTORY]: what it changed */
  cairo_surface_t  *ground;       /* the background and the mat */
  SteadyRasterRuns *ground_runs;  /* the same, a row at a time */
  guint64           ground_key;
  gboolean          ground_valid;
  int               pixel_width;
  int               pixel_height;
  double            scale;        /* device pixels per user unit */
  double            width, height;
  gboolean          fill_background;
  gboolean          valid;

  SteadyPainterItem items[2][STEADY_PAINTER_MAX_ITEMS];
  guint             n_items[2];
  guint             current;      /* which of items[] holds the last frame */

  double            repainted;
  double            recording_scale;
};

#define CLIP_BORDER 4  /* device pixels */

G_DEFINE_FINAL_TYPE (SteadyPainterCache, steady_painter_cache, G_TYPE_OBJECT)

static void
drop_frames (SteadyPainterCache *self)
{
  for (guint i = 0; i < self->n_frames; i++)
    {
      g_clear_pointer (&self->frames[i].surface, cairo_surface_destroy);
    }
  self->n_frames = 0;
  self->front = 0;
}

static void
steady_painter_cache_finalize (GObject *object)
{
  SteadyPainterCache *self = STEADY_PAINTER_CACHE (object);

  drop_frames (self);
  g_clear_pointer (&self->ground, cairo_surface_destroy);
  g_clear_pointer (&self->ground_runs, steady_raster_runs_free);

  G_OBJECT_CLASS (steady_painter_cache_parent_class)->finalize (object);
}

static void
steady_painter_cache_class_init (SteadyPainterCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_painter_cache_finalize;
}

static void
steady_painter_cache_init (SteadyPainterCache *self)
{
  self->recording_scale = 1.0;
}

SteadyPainterCache *
steady_painter_cache_new (void)
{
  return g_object_new (STEADY_TYPE_PAINTER_CACHE, NULL);
}

void
steady_painter_cache_invalidate (SteadyPainterCache *self)
{
  g_return_if_fail (STEADY_IS_PAINTER_CACHE (self));

  self->valid = FALSE;
}

double
steady_painter_cache_get_repainted (SteadyPainterCache *self)
{
  g_return_val_if_fail (STEADY_IS_PAINTER_CACHE (self), 0.0);

  return self->repainted;
}

void
steady_painter_cache_set_recording_scale (SteadyPainterCache *self,
                                          double              scale)
{
  g_return_if_fail (STEADY_IS_PAINTER_CACHE (self));
  g_return_if_fail (scale > 0);

  self->recording_scale = scale;
}

/* The scale from @cr's user units to its device pixels, when user space is
 * only scaled evenly and moved by whole pixels; 0 otherwise. */
static double
pixel_scale (SteadyPainterCache *self,
             cairo_t            *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double sx, sy, tx, ty;

  /* A recording (a GTK cairo node) is played back later at a scale the
   * caller knows; what it records is then one copy of the frame. */
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_RECORDING)
    {
      cairo_get_matrix (cr, &m);
      if (m.xx != 1 || m.yy != 1 || m.xy != 0 || m.yx != 0 ||
          m.x0 != floor (m.x0) || m.y0 != floor (m.y0))
        return 0;
      return self->recording_scale;
    }

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return 0;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.xx != m.yy || sx != sy)
    return 0;

  /* Whole device pixels, as cairo_user_to_device() counts them. */
  tx = 0;
  ty = 0;
  cairo_user_to_device (cr, &tx, &ty);
  if (tx != floor (tx) || ty != floor (ty))
    return 0;

  return m.xx * sx;
}

/* Grows @a to hold @b too; an empty rectangle holds nothing. */
static void
rect_union (cairo_rectangle_int_t       *a,
            const cairo_rectangle_int_t *b)
{
  int x1, y1;

  if (b->width <= 0 || b->height <= 0)
    return;
  if (a->width <= 0 || a->height <= 0)
    {
      *a = *b;
      return;
    }
  x1 = MAX (a->x + a->width, b->x + b->width);
  y1 = MAX (a->y + a->height, b->y + b->height);
  a->x = MIN (a->x, b->x);
  a->y = MIN (a->y, b->y);
  a->width = x1 - a->x;
  a->height = y1 - a->y;
}

static void
dirty_add (SteadyPainterCache      *self,
           cairo_rectangle_int_t   *dirty,
           const SteadyPainterItem *item)
{
  cairo_rectangle_int_t r;
  double x0 = floor (MAX (item->x0, 0) * self->scale);
  double y0 = floor (MAX (item->y0, 0) * self->scale);
  double x1 = ceil (MIN (item->x1, self->width) * self->scale);
  double y1 = ceil (MIN (item->y1, self->height) * self->scale);

  if (x1 <= x0 || y1 <= y0)
    return;

  r.x = (int) x0;
  r.y = (int) y0;
  r.width = MIN ((int) x1, self->pixel_width) - r.x;
  r.height = MIN ((int) y1, self->pixel_height) - r.y;
  if (r.width > 0 && r.height > 0)
    rect_union (dirty, &r);
}

static gboolean
prepare_frame (SteadyPainterCache *self,
               double              scale,
               double              width,
               double              height,
               gboolean            fill_background)
{
  int pw = (int) ceil (width * scale), ph = (int) ceil (height * scale);

  if (self->ground != NULL && pw == self->pixel_width && ph == self->pixel_height &&
      scale == self->scale && width == self->width && height == self->height &&
      fill_background == self->fill_background)
    return TRUE;

  drop_frames (self);
  g_clear_pointer (&self->ground, cairo_surface_destroy);
  g_clear_pointer (&self->ground_runs, steady_raster_runs_free);
  self->valid = FALSE;
  self->ground_valid = FALSE;
  self->ground = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (cairo_surface_status (self->ground) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&self->ground, cairo_surface_destroy);
      return FALSE;
    }
  cairo_surface_set_device_scale (self->ground, scale, scale);
  self->pixel_width = pw;
  self->pixel_height = ph;
  self->scale = scale;
  self->width = width;
  self->height = height;
  self->fill_background = fill_background;

  return TRUE;
}

/* A frame to paint the next one into: of those no one else holds, the
 * one with the newest frame but the front one; else a new one, dropping
 * (to its holder) the oldest when there are already as many as kept.
 * -1 when no surface can be made. */
static int
back_frame (SteadyPainterCache *self)
{
  int best = -1;
  Frame *f;

  for (guint i = 0; i < self->n_frames; i++)
    if (i != self->front &&
        cairo_surface_get_reference_count (self->frames[i].surface) == 1 &&
        (best < 0 || self->frames[i].serial > self->frames[best].serial))
      best = (int) i;
  if (best >= 0)
    return best;

  if (self->n_frames == MAX_FRAMES)
    {
      guint oldest = self->front == 0 ? 1 : 0;

      for (guint i = 0; i < self->n_frames; i++)
        if (i != self->front && self->frames[i].serial < self->frames[oldest].serial)
          oldest = i;
      best = (int) oldest;
      g_clear_pointer (&self->frames[best].surface, cairo_surface_destroy);
    }
  else
    best = (int) self->n_frames++;

  f = &self->frames[best];
  f->serial = 0;
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->pixel_width, self->pixel_height);
  if (cairo_surface_status (f->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&f->surface, cairo_surface_destroy);
      if (best == (int) self->n_frames - 1)
        self->n_frames--;
      else
        {
          /* Keep the array dense: the last one moves into the gap. */
          self->frames[best] = self->frames[--self->n_frames];
          if (self->front == self->n_frames)
            self->front = best;
        }
      return -1;
    }
  cairo_surface_set_device_scale (f->surface, self->scale, self->scale);

  return best;
}

/* Paints frame @back anew within @area, so that it is the frame for
 * @pose; the pixels round @area come from the front frame. */
static void
repaint (SteadyPainterCache          *self,
         guint                        back,
         const SteadyPose            *pose,
         const SteadyCamera          *camera,
         const SteadyPainterStyle    *style,
         const cairo_rectangle_int_t *area)
{
  cairo_t *bcr = cairo_create (self->frames[back].surface);
  double scale = self->scale;
  cairo_rectangle_int_t r = *area, wide;
  cairo_rectangle_t clip;
  gboolean whole;

  /* One rectangle round all that changed (cairo clips to one box far more
   * cheaply than to many, and a box per part costs more than it saves:
   * every part that meets a box is drawn again), painted a few pixels
   * wider: pixels along a clip's edge may be rasterised a little
   * differently from the same pixels painted whole, so that border is
   * then copied from the last frame, where it is the same. */
  wide.x = MAX (0, r.x - CLIP_BORDER);
  wide.y = MAX (0, r.y - CLIP_BORDER);
  wide.width = MIN (self->pixel_width, r.x + r.width + CLIP_BORDER) - wide.x;
  wide.height = MIN (self->pixel_height, r.y + r.height + CLIP_BORDER) - wide.y;
  whole = (wide.x == 0 && wide.y == 0 && wide.width == self->pixel_width &&
           wide.height == self->pixel_height) || back == self->front ||
          self->frames[self->front].serial == 0;
  if (whole)
    wide = (cairo_rectangle_int_t) { 0, 0, self->pixel_width, self->pixel_height };
  clip = (cairo_rectangle_t) { wide.x / scale, wide.y / scale, wide.width / scale, wide.height / scale };

  /* The ground, filled in row by row from its runs of one colour: a
   * copy reads as much as it writes. */
  steady_raster_runs_paint (self->ground_runs, self->frames[back].surface,
                            wide.x, wide.y, wide.width, wide.height);

  cairo_save (bcr);
  if (!whole)
    {
      cairo_rectangle (bcr, clip.x, clip.y, clip.width, clip.height);
      cairo_clip (bcr);
    }
  steady_painter_paint_items (bcr, pose, camera, self->width, self->height, style,
                              STEADY_PAINTER_LAYER_FIGURE, NULL, whole ? NULL : &clip, NULL, TRUE);
  cairo_restore (bcr);

  /* The border, from the last frame: four strips round @r. */
  if (!whole)
    {
      cairo_save (bcr);
      cairo_new_path (bcr);
      cairo_rectangle (bcr, wide.x / scale, wide.y / scale, wide.width / scale, (r.y - wide.y) / scale);
      cairo_rectangle (bcr, wide.x / scale, (r.y + r.height) / scale,
                       wide.width / scale, (wide.y + wide.height - r.y - r.height) / scale);
      cairo_rectangle (bcr, wide.x / scale, r.y / scale, (r.x - wide.x) / scale, r.height / scale);
      cairo_rectangle (bcr, (r.x + r.width) / scale, r.y / scale,
                       (wide.x + wide.width - r.x - r.width) / scale, r.height / scale);
      cairo_set_source_surface (bcr, self->frames[self->front].surface, 0, 0);
      cairo_set_operator (bcr, CAIRO_OPERATOR_SOURCE);
      cairo_fill (bcr);
      cairo_restore (bcr);
    }
  cairo_destroy (bcr);
  cairo_surface_flush (self->frames[back].surface);
  self->repainted = whole ? 1.0 : (double) r.width * r.height /
                                  ((double) self->pixel_width * self->pixel_height);
}

/* What changed from frame @serial to the last one; all when not known. */
static cairo_rectangle_int_t
changes_since (SteadyPainterCache *self,
               guint64             serial)
{
  cairo_rectangle_int_t all = { 0, 0, self->pixel_width, self->pixel_height }, r = { 0, 0, 0, 0 };

  if (serial == 0 || self->serial - serial >= HISTORY)
    return all;
  for (guint64 s = serial + 1; s <= self->serial; s++)
    rect_union (&r, &self->changes[s % HISTORY]);

  return r;
}

cairo_surface_t *
steady_painter_cache_render (SteadyPainterCache       *self,
                             const SteadyPose         *pose,
                             const SteadyCamera       *camera,
                             double                    width,
                             double                    height,
                             double                    scale,
                             const SteadyPainterStyle *style)
{
  guint next, n, n_ground = 0;
  guint64 ground_key;
  cairo_rectangle_int_t dirty = { 0, 0, 0, 0 }, area;
  int back;

  g_return_val_if_fail (STEADY_IS_PAINTER_CACHE (self), NULL);
  g_return_val_if_fail (pose != NULL, NULL);
  g_return_val_if_fail (camera != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  if (!prepare_frame (self, scale, width, height, style->fill_background))
    return NULL;

  /* What this frame is made of, against the last one. */
  next = 1 - self->current;
  n = steady_painter_paint_items (NULL, pose, camera, width, height, style,
                                  STEADY_PAINTER_LAYER_ALL, self->items[next], NULL, &n_ground, TRUE);

  /* The ground (background and mat) is painted apart, once, and put
   * back under the rest wherever something is repainted. */
  ground_key = n_ground;
  for (guint i = 0; i < MIN (n_ground, STEADY_PAINTER_MAX_ITEMS); i++)
    ground_key = ground_key * G_GUINT64_CONSTANT (1099511628211) ^ self->items[next][i].hash;
  if (!self->ground_valid || ground_key != self->ground_key)
    {
      cairo_t *gcr = cairo_create (self->ground);

      cairo_set_operator (gcr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (gcr);
      cairo_set_operator (gcr, CAIRO_OPERATOR_OVER);
      steady_painter_paint_items (gcr, pose, camera, width, height, style,
                                  STEADY_PAINTER_LAYER_GROUND, NULL, NULL, NULL, TRUE);
      cairo_destroy (gcr);
      cairo_surface_flush (self->ground);
      g_clear_pointer (&self->ground_runs, steady_raster_runs_free);
      self->ground_runs = steady_raster_runs_new (self->ground);
      self->ground_key = ground_key;
      self->ground_valid = TRUE;
      self->valid = FALSE;
    }

  if (!self->valid || n > STEADY_PAINTER_MAX_ITEMS || n != self->n_items[self->current])
    dirty = (cairo_rectangle_int_t) { 0, 0, self->pixel_width, self->pixel_height };
  else
    {
      const SteadyPainterItem *old = self->items[self->current], *now = self->items[next];

      for (guint i = 0; i < n; i++)
        if (old[i].hash != now[i].hash || old[i].x0 != now[i].x0 || old[i].y0 != now[i].y0 ||
            old[i].x1 != now[i].x1 || old[i].y1 != now[i].y1)
          {
            dirty_add (self, &dirty, &old[i]);
            dirty_add (self, &dirty, &now[i]);
          }
    }
  if (!self->valid)
    for (guint i = 0; i < self->n_frames; i++)
      self->frames[i].serial = 0;
  self->current = next;
  self->n_items[next] = n;
  self->valid = TRUE;

  /* Nothing changed, and the last frame is still ours to hand out. */
  if (dirty.width <= 0 && self->n_frames > 0 && self->frames[self->front].serial == self->serial &&
      self->serial > 0)
    {
      self->repainted = 0;
      return self->frames[self->front].surface;
    }

  self->serial++;
  self->changes[self->serial % HISTORY] = dirty;

  back = back_frame (self);
  if (back < 0)
    {
      self->valid = FALSE;
      return NULL;
    }

  /* A new frame starts as a copy of the last one, which costs less than
   * painting it whole. */
  if (self->frames[back].serial == 0 && back != (int) self->front &&
      self->frames[self->front].serial != 0)
    {
      cairo_t *bcr = cairo_create (self->frames[back].surface);

      cairo_set_source_surface (bcr, self->frames[self->front].surface, 0, 0);
      cairo_set_operator (bcr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (bcr);
      cairo_destroy (bcr);
      self->frames[back].serial = self->frames[self->front].serial;
    }

  /* Where the back frame is to be painted: all that changed since the
   * frame it holds. */
  area = changes_since (self, self->frames[back].serial);
  if (area.width > 0 && area.height > 0)
    repaint (self, back, pose, camera, style, &area);
  else
    self->repainted = 0;
  self->frames[back].serial = self->serial;
  self->front = back;

  return self->frames[back].surface;
}

void
steady_painter_cache_paint (SteadyPainterCache       *self,
                            cairo_t                  *cr,
                            const SteadyPose         *pose,
                            const SteadyCamera       *camera,
                            double                    width,
                            double                    height,
                            const SteadyPainterStyle *style)
{
  cairo_surface_t *frame = NULL;
  double scale;

  g_return_if_fail (STEADY_IS_PAINTER_CACHE (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (pose != NULL);
  g_return_if_fail (camera != NULL);
  g_return_if_fail (style != NULL);

  scale = pixel_scale (self, cr);
  if (scale > 0 && width > 0 && height > 0)
    frame = steady_painter_cache_render (self, pose, camera, width, height, scale, style);
  if (frame == NULL)
    {
      self->valid = FALSE;
      self->repainted = 1.0;
      steady_painter_paint (cr, pose, camera, width, height, style);
      return;
    }

  /* The frame, pixel for pixel. */
  cairo_save (cr);
  cairo_set_source_surface (cr, frame, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_set_operator (cr, style->fill_background ? CAIRO_OPERATOR_SOURCE : CAIRO_OPERATOR_OVER);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}
