/**
 * Group commit in one statement: several appends (to one or many streams) in one transaction, so
 * concurrent commands share one round trip and one WAL flush instead of paying one commit each.
 *
 * Every stream's advisory lock is taken first, in key order: the order rules out deadlocks between
 * batches, and taking them all before any insert keeps the rule `event_store_append` relies on —
 * the lock comes before anything that assigns a transaction id — so each stream's events stay in
 * revision order in the (transaction id, position) global order.
 *
 * Each append then runs `event_store_append` in its own block with an EXCEPTION clause (a
 * savepoint): an append that fails (an event id stored in another stream) is undone alone and its
 * caller gets its own error, while the others commit.
 *
 * `p_appends`: [{ streamId, streamJson, expected, events, retryable }] with `events` as
 * `event_store_append` takes them. Returns `event_store_append`'s rows tagged with the append's
 * 0-based index, or one 'error' row per failed append carrying SQLSTATE, constraint and message.
 */
export const appendBatchFunction = `
CREATE OR REPLACE FUNCTION event_store_append_batch(p_appends jsonb)
RETURNS TABLE (append_index int, outcome text, event_id text, stream_id text, revision int8,
               global_position int8, error_code text, error_constraint text, error_message text)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_key int8;
  v_append jsonb;
  v_index int;
  v_code text;
  v_constraint text;
  v_message text;
BEGIN
  FOR v_key IN
    SELECT DISTINCT hashtextextended(a->>'streamId', 0) FROM jsonb_array_elements(p_appends) a ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(v_key);
  END LOOP;

  FOR v_append, v_index IN
    SELECT a, (n - 1)::int FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS t(a, n) ORDER BY n
  LOOP
    BEGIN
      RETURN QUERY
        SELECT v_index, r.outcome, r.event_id, r.stream_id, r.revision, r.global_position,
               NULL::text, NULL::text, NULL::text
          FROM event_store_append(v_append->>'streamId', v_append->>'streamJson', v_append->>'expected',
                                  v_append->'events', (v_append->>'retryable')::boolean) r;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS v_code = RETURNED_SQLSTATE, v_constraint = CONSTRAINT_NAME, v_message = MESSAGE_TEXT;
      RETURN QUERY SELECT v_index, 'error'::text, NULL::text, v_append->>'streamId', NULL::int8, NULL::int8,
                          v_code, v_constraint, v_message;
    END;
  END LOOP;
END
$fn$;
`;
