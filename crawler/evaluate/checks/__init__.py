"""The checks, one module per criterion check; each registers itself with `@register("name")`.

Every module here is imported by crawler.evaluate.registry the first time a check is looked up, so
adding a check is adding a module (and naming it in a rule's `check:`), nothing else. Each module's
docstring states its criterion — «выполнено» / «частично» / «не выполнено» — and the roadmap items,
as /work/shared/CRITERIA.md and crawler/rules/district.yaml do.
"""

# the order of the brief's criteria: the registry lists the checks so (`crawler rules check` messages);
# a module not named here is loaded after these, so a new check needs no change here
ORDER = (
    "section",
    "regulation",
    "roadmap",
    "curator",
    "pairs",
    "mentor_base",
    "pay_incentives",
    "practices",
    "monitoring",
    "freshness",
)
