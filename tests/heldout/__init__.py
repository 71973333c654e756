"""A held-out district: sites built unlike the demo's, to check that the crawl and the verdicts generalize."""
