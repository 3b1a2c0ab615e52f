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
  cairo_region_t   *changes[HISTORY];  /* [serial % HISTORY]: what it changed */
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
  guint             n_ground;     /* of the last frame's items */
  guint             current;      /* which of items[] holds the last frame */

  double            repainted;
  guint             repainted_boxes;
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
  for (guint i = 0; i < HISTORY; i++)
    cairo_region_destroy (self->changes[i]);

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
  for (guint i = 0; i < HISTORY; i++)
    self->changes[i] = cairo_region_create ();
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

guint
steady_painter_cache_get_repainted_boxes (SteadyPainterCache *self)
{
  g_return_val_if_fail (STEADY_IS_PAINTER_CACHE (self), 0);

  return self->repainted_boxes;
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

static void
dirty_add (SteadyPainterCache      *self,
           cairo_region_t          *dirty,
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
    cairo_region_union_rectangle (dirty, &r);
}

static gboolean
item_same (const SteadyPainterItem *a,
           const SteadyPainterItem *b)
{
  return a->hash == b->hash && a->x0 == b->x0 && a->y0 == b->y0 && a->x1 == b->x1 && a->y1 == b->y1;
}

/* Adds to @dirty where the frame of parts @now differs from that of
 * parts @old: each part that moved or changed, where it was and where it
 * is. When one frame has parts the other has not (a limit ringed, a
 * still mark let go), the parts are matched from both ends by which part
 * they are, and those between, unmatched, count as changed: the rest are
 * still drawn in the same order, so the pixels they alone touch are the
 * same. */
static void
items_diff (SteadyPainterCache      *self,
            cairo_region_t          *dirty,
            const SteadyPainterItem *old,
            guint                    n_old,
            const SteadyPainterItem *now,
            guint                    n_now)
{
  guint head = 0, tail = 0, n = MIN (n_old, n_now);

  if (n_old == n_now)
    head = n;
  else
    {
      while (head < n && old[head].key == now[head].key)
        head++;
      while (tail < n - head && old[n_old - 1 - tail].key == now[n_now - 1 - tail].key)
        tail++;
    }

  for (guint i = 0; i < head; i++)
    if (!item_same (&old[i], &now[i]))
      {
        dirty_add (self, dirty, &old[i]);
        dirty_add (self, dirty, &now[i]);
      }
  for (guint i = 1; i <= tail; i++)
    if (!item_same (&old[n_old - i], &now[n_now - i]))
      {
        dirty_add (self, dirty, &old[n_old - i]);
        dirty_add (self, dirty, &now[n_now - i]);
      }
  for (guint i = head; i < n_old - tail; i++)
    dirty_add (self, dirty, &old[i]);
  for (guint i = head; i < n_now - tail; i++)
    dirty_add (self, dirty, &now[i]);
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

/* Adds @region's boxes to @cr's path, in user units. */
static void
region_path (cairo_t              *cr,
             const cairo_region_t *region,
             double                scale)
{
  int n = cairo_region_num_rectangles (region);

  cairo_new_path (cr);
  for (int i = 0; i < n; i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (region, i, &r);
      cairo_rectangle (cr, r.x / scale, r.y / scale, r.width / scale, r.height / scale);
    }
}

/* @region grown by CLIP_BORDER pixels all round, within the frame. */
static cairo_region_t *
region_grow (SteadyPainterCache   *self,
             const cairo_region_t *region)
{
  cairo_rectangle_int_t all = { 0, 0, self->pixel_width, self->pixel_height };
  cairo_region_t *grown = cairo_region_create ();
  int n = cairo_region_num_rectangles (region);

  for (int i = 0; i < n; i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (region, i, &r);
      r.x -= CLIP_BORDER;
      r.y -= CLIP_BORDER;
      r.width += 2 * CLIP_BORDER;
      r.height += 2 * CLIP_BORDER;
      cairo_region_union_rectangle (grown, &r);
    }
  cairo_region_intersect_rectangle (grown, &all);

  return grown;
}

/* Whether @region may be painted box by box: each box's inner edges,
 * where it meets another, are edges of the clip too, so every part
 * drawn across one must come out the same there as painted whole. The
 * limbs, the shadow and the path go straight into pixels, which they
 * are (each pixel is worked out on its own), rings and glows are
 * copies of whole pixels; a part drawn as a cairo path (the glass of
 * water) is not, and then one box round all is painted. */
static gboolean
boxes_exact (SteadyPainterCache   *self,
             cairo_t              *cr,
             const cairo_region_t *region)
{
  const SteadyPainterItem *items = self->items[self->current];

  if (!steady_painter_pixels_usable (cr))
    return FALSE;
  for (guint i = self->n_ground; i < self->n_items[self->current]; i++)
    if (items[i].path)
      {
        cairo_region_t *item = cairo_region_create ();
        gboolean meets;

        dirty_add (self, item, &items[i]);
        cairo_region_intersect (item, region);
        meets = !cairo_region_is_empty (item);
        cairo_region_destroy (item);
        if (meets)
          return FALSE;
      }

  return TRUE;
}

/* Paints frame @back anew within @area, so that it is the frame for
 * @pose; the pixels round @area come from the front frame. */
static void
repaint (SteadyPainterCache       *self,
         guint                     back,
         const SteadyPose         *pose,
         const SteadyCamera       *camera,
         const SteadyPainterStyle *style,
         const cairo_region_t     *area)
{
  cairo_t *bcr = cairo_create (self->frames[back].surface);
  double scale = self->scale;
  cairo_rectangle_int_t all = { 0, 0, self->pixel_width, self->pixel_height }, extents;
  cairo_region_t *changed = cairo_region_copy (area), *wide;
  cairo_rectangle_t clip;
  gboolean exact, whole;

  /* What changed: the boxes of the parts that moved, before and after
   * (when the arms sweep out, less than half the box round them all).
   * Where all that meets them goes straight into pixels (boxes_exact()),
   * each pixel comes out the same however boxes cut the parts, and the
   * boxes are painted as they are, box by box (steady-raster.c), or in
   * one box round them all past as many as that takes. Otherwise a
   * box's edge could cut a part that would not come out the same: one
   * box round all that changed is painted a few pixels wider, since
   * pixels along a clip's edge may be rasterised a little differently
   * from the same pixels painted whole, and that border is then copied
   * from the last frame, where it is the same. */
  exact = boxes_exact (self, bcr, changed);
  if (!exact || cairo_region_num_rectangles (changed) > STEADY_RASTER_MAX_BOXES)
    {
      cairo_region_get_extents (area, &extents);
      cairo_region_destroy (changed);
      changed = cairo_region_create_rectangle (&extents);
    }
  wide = exact ? cairo_region_copy (changed) : region_grow (self, changed);
  whole = cairo_region_contains_rectangle (wide, &all) == CAIRO_REGION_OVERLAP_IN ||
          back == self->front || self->frames[self->front].serial == 0;
  if (whole)
    {
      cairo_region_destroy (wide);
      wide = cairo_region_create_rectangle (&all);
    }
  self->repainted_boxes = cairo_region_num_rectangles (wide);
  cairo_region_get_extents (wide, &extents);
  clip = (cairo_rectangle_t) { extents.x / scale, extents.y / scale,
                               extents.width / scale, extents.height / scale };

  /* The ground, filled in row by row from its runs of one colour: a
   * copy reads as much as it writes. */
  for (int i = 0; i < cairo_region_num_rectangles (wide); i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (wide, i, &r);
      steady_raster_runs_paint (self->ground_runs, self->frames[back].surface,
                                r.x, r.y, r.width, r.height);
    }

  cairo_save (bcr);
  if (!whole)
    {
      region_path (bcr, wide, scale);
      cairo_clip (bcr);
    }
  steady_painter_paint_items (bcr, pose, camera, self->width, self->height, style,
                              STEADY_PAINTER_LAYER_FIGURE, NULL, whole ? NULL : &clip, NULL, TRUE);
  cairo_restore (bcr);

  /* The border, from the last frame. */
  if (!whole && !exact)
    {
      cairo_region_subtract (wide, changed);
      cairo_save (bcr);
      region_path (bcr, wide, scale);
      cairo_set_source_surface (bcr, self->frames[self->front].surface, 0, 0);
      cairo_set_operator (bcr, CAIRO_OPERATOR_SOURCE);
      cairo_fill (bcr);
      cairo_restore (bcr);
    }
  cairo_destroy (bcr);
  cairo_surface_flush (self->frames[back].surface);

  self->repainted = 1.0;
  if (!whole)
    {
      double pixels = 0;

      for (int i = 0; i < cairo_region_num_rectangles (changed); i++)
        {
          cairo_rectangle_int_t r;

          cairo_region_get_rectangle (changed, i, &r);
          pixels += (double) r.width * r.height;
        }
      self->repainted = pixels / ((double) self->pixel_width * self->pixel_height);
    }
  cairo_region_destroy (changed);
  cairo_region_destroy (wide);
}

/* What changed from frame @serial to the last one; all when not known. */
static cairo_region_t *
changes_since (SteadyPainterCache *self,
               guint64             serial)
{
  cairo_rectangle_int_t all = { 0, 0, self->pixel_width, self->pixel_height };
  cairo_region_t *changed;

  if (serial == 0 || self->serial - serial >= HISTORY)
    return cairo_region_create_rectangle (&all);
  changed = cairo_region_create ();
  for (guint64 s = serial + 1; s <= self->serial; s++)
    cairo_region_union (changed, self->changes[s % HISTORY]);

  return changed;
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
  cairo_rectangle_int_t all = { 0, 0, 0, 0 };
  cairo_region_t *dirty, *area;
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

  /* What changed goes straight where the history keeps the next frame's
   * changes (that place holds what is too old to be asked for). */
  all.width = self->pixel_width;
  all.height = self->pixel_height;
  dirty = cairo_region_create ();
  cairo_region_destroy (self->changes[(self->serial + 1) % HISTORY]);
  self->changes[(self->serial + 1) % HISTORY] = dirty;
  if (!self->valid || n > STEADY_PAINTER_MAX_ITEMS || self->n_items[self->current] > STEADY_PAINTER_MAX_ITEMS)
    cairo_region_union_rectangle (dirty, &all);
  else
    items_diff (self, dirty, self->items[self->current], self->n_items[self->current], self->items[next], n);
  if (!self->valid)
    for (guint i = 0; i < self->n_frames; i++)
      self->frames[i].serial = 0;
  self->current = next;
  self->n_items[next] = n;
  self->n_ground = n_ground;
  self->valid = TRUE;

  /* Nothing changed, and the last frame is still ours to hand out. */
  if (cairo_region_is_empty (dirty) && self->n_frames > 0 && self->frames[self->front].serial == self->serial &&
      self->serial > 0)
    {
      self->repainted = 0;
      self->repainted_boxes = 0;
      return self->frames[self->front].surface;
    }

  self->serial++;

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
  if (!cairo_region_is_empty (area))
    repaint (self, back, pose, camera, style, area);
  else
    {
      self->repainted = 0;
      self->repainted_boxes = 0;
    }
  cairo_region_destroy (area);
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
      self->repainted_boxes = 1;
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
