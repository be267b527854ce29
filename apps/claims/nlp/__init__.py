"""Rule-based helpers behind `apps.claims.extraction`: pure functions, no database, no models.

Everything here works on plain strings and character offsets so the extractor stays fast
(a 1,000-word article in well under the 250 ms budget) and explainable to editors.
"""
