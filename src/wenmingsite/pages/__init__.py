"""Building the site's pages: the page-kind registry, timeline, galleries, statistics, coverage, evidence, templates' renderer, search segmentation, the serve memo."""
