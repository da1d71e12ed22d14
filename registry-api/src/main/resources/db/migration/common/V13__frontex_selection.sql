-- Which incidents the Frontex-presence view counts: witnesses saw Frontex, or officers of a state that neither acted
-- nor received (IncidentFacts.foreignOfficers). The view selects them by this column instead of reading the facts of
-- every incident. NULL means not yet determined: the view reads such an incident's facts and decides there, so the
-- column is never trusted further than it was filled. The projection fills it for every incident it writes; the
-- Java migration V14 (storage.FrontexSelectionBackfill) fills it for the incidents already kept.

alter table fact_incident add column frontex_or_foreign_officers boolean;
