/*
 * pipeline: the stages of one build, in order (pipeline.h).
 *
 * The model is built even when loading reported errors, as long as
 * site.yaml was read: a broken file stays in the model so that references
 * to it resolve and one mistake gives one error.  Pages are rendered only
 * from clean content; otherwise the links are still checked, unless
 * site.yaml itself is broken (then there is no site to link into).
 */
#include "pipeline.h"

#include "load.h"
#include "model.h"
#include "render.h"

static void tell_stage(pipeline_stage_fn *tell, void *ctx,
		       const struct build *b, enum pipeline_stage stage)
{
	if (tell != NULL)
		tell(ctx, b, stage);
}

unsigned pipeline_run(struct build *b, pipeline_stage_fn *tell, void *ctx)
{
	tell_stage(tell, ctx, b, STAGE_LOAD);
	if (load_site(b) == 0 || b->site.config_src) {
		tell_stage(tell, ctx, b, STAGE_MODEL);
		model_build(b);
	}
	if (diag_errors(&b->diag) == 0) {
		tell_stage(tell, ctx, b, STAGE_RENDER);
		render_site(b);
	} else if (b->site.config_src && !b->site.config_broken) {
		tell_stage(tell, ctx, b, STAGE_LINKS);
		render_check_links(b);
	}
	return diag_errors(&b->diag);
}
