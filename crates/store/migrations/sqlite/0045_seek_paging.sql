-- Lists that grow are read a page at a time by seeking from the last item
-- seen, in the order of these indexes, so every page costs the same however
-- long the list; their counts come from the same indexes.

-- The claims queue: a programme's waiting (or queried) lines, in line order.
CREATE INDEX benefit_lines_queue ON benefit_lines (programme_id, status, id);

-- A programme's leads, and those that chose no programme, in id order.
CREATE INDEX leads_programme_id ON leads (programme_id, id);

-- Organisations by name across programmes (a programme's own by name use
-- the same order after the programme).
CREATE INDEX organisations_by_name ON organisations (lower(name), id);
CREATE INDEX organisations_programme_name ON organisations (programme_id, lower(name), id);

-- The audit trail, newest first, whole or one programme's, by action.
CREATE INDEX audit_events_programme_id ON audit_events (programme_id, id);
CREATE INDEX audit_events_action_id ON audit_events (action, id);

-- People by name.
CREATE INDEX users_by_name ON users (lower(display_name), id);
