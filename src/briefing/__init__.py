"""briefing: sourced morning briefings from scraped news articles.

Stages, one module each: ``reader`` (files -> clean articles), ``quotes``
(direct quotations and their speakers), ``figures`` (numeric claims), ``claims``
(the same claim across outlets), ``chart``/``render``/``build`` (the briefing).
"""

__version__ = "0.1.0"
