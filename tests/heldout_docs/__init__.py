"""A held-out corpus of mentoring documents in producers and layouts the demo does not use."""
