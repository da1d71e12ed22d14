-- The processor incident-facts (V10) takes over the position of incident-search, whose tables it took over: the
-- facts it holds were applied up to that position. The five processors whose tables V10 dropped lose their
-- positions, and a rebuild that was still under way for one of them is recorded as failed: there is nothing left to
-- rebuild, the shared facts are kept by incident-facts. The request history stays as it was (who rebuilt what, when).

update token_entry set processor_name = 'incident-facts' where processor_name = 'incident-search';
delete from token_entry
where processor_name in ('border-figures', 'authority-figures', 'frontex-presence', 'readmission-figures',
                         'quarterly-report');

update view_rebuild set view_name = 'incident-facts' where view_name = 'incident-search';
update view_rebuild set state = 'FAILED', finished_at = current_timestamp
where view_name in ('border-figures', 'authority-figures', 'frontex-presence', 'readmission-figures',
                    'quarterly-report')
  and state in ('REQUESTED', 'REPLAYING');
