/**
 * Group commit in one statement: several commits in one transaction, so concurrent commands share
 * one round trip and one WAL flush instead of paying one commit each. A commit is one or more
 * appends (to distinct streams) that must be written all or none: a command that decides on
 * several streams (an offer records itself on the request, a match accepts its offer) is one commit.
 *
 * Every stream's advisory lock is taken first, in key order: the order rules out deadlocks between
 * batches, and taking them all before any insert keeps the rule `event_store_append` relies on —
 * the lock comes before anything that assigns a transaction id — so each stream's events stay in
 * revision order in the (transaction id, position) global order.
 *
 * Each commit then runs its appends in one block with an EXCEPTION clause (a savepoint): a commit
 * with an append that conflicts, or fails (an event id stored in another stream), is undone as a
 * whole and its caller gets one row saying why, while the other commits of the batch are kept.
 * A commit some of whose appends were stored earlier and others not is a reused key, never a
 * retry (a retry finds all of them stored, since commits are atomic): undone too.
 *
 * `p_commits`: [[{ streamId, streamJson, expected, events, retryable }]] with `events` as
 * `event_store_append` takes them. Returns `event_store_append`'s rows tagged with the commit's
 * and the append's 0-based index. A failed commit ends with one row of outcome 'conflict' (the
 * stream and its head revision) or 'error' (SQLSTATE, constraint, message); rows returned for its
 * appends before it failed describe writes that were undone and are ignored by the caller.
 */
export const commitBatchFunction = `
CREATE OR REPLACE FUNCTION event_store_commit_batch(p_commits jsonb)
RETURNS TABLE (commit_index int, append_index int, outcome text, event_id text, stream_id text,
               revision int8, global_position int8, error_code text, error_constraint text,
               error_message text)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_key int8;
  v_commit jsonb;
  v_commit_index int;
  v_append jsonb;
  v_append_index int;
  v_row record;
  v_stored boolean;
  v_appended boolean;
  v_code text;
  v_constraint text;
  v_message text;
  v_detail text;
BEGIN
  FOR v_key IN
    SELECT DISTINCT hashtextextended(a->>'streamId', 0)
      FROM jsonb_array_elements(p_commits) c, jsonb_array_elements(c) a ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(v_key);
  END LOOP;

  FOR v_commit, v_commit_index IN
    SELECT c, (n - 1)::int FROM jsonb_array_elements(p_commits) WITH ORDINALITY AS t(c, n) ORDER BY n
  LOOP
    BEGIN
      v_stored := false;
      v_appended := false;
      FOR v_append, v_append_index IN
        SELECT a, (n - 1)::int FROM jsonb_array_elements(v_commit) WITH ORDINALITY AS t(a, n) ORDER BY n
      LOOP
        FOR v_row IN
          SELECT * FROM event_store_append(v_append->>'streamId', v_append->>'streamJson',
                                           v_append->>'expected', v_append->'events',
                                           (v_append->>'retryable')::boolean)
        LOOP
          IF v_row.outcome = 'conflict' THEN
            RAISE EXCEPTION USING ERRCODE = 'MT409', MESSAGE = v_row.stream_id,
                                  DETAIL = coalesce(v_row.revision::text, 'no_stream');
          END IF;
          v_stored := v_stored OR v_row.outcome = 'stored';
          v_appended := v_appended OR v_row.outcome = 'appended';
          commit_index := v_commit_index; append_index := v_append_index; outcome := v_row.outcome;
          event_id := v_row.event_id; stream_id := v_row.stream_id; revision := v_row.revision;
          global_position := v_row.global_position; error_code := NULL; error_constraint := NULL;
          error_message := NULL;
          RETURN NEXT;
        END LOOP;
      END LOOP;
      IF v_stored AND v_appended THEN
        RAISE EXCEPTION USING ERRCODE = '23505', CONSTRAINT = 'events_event_id_key',
                              MESSAGE = 'part of this commit was stored before: the key was reused';
      END IF;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS v_code = RETURNED_SQLSTATE, v_constraint = CONSTRAINT_NAME,
                              v_message = MESSAGE_TEXT, v_detail = PG_EXCEPTION_DETAIL;
      IF v_code = 'MT409' THEN
        RETURN QUERY SELECT v_commit_index, NULL::int, 'conflict'::text, NULL::text, v_message,
                            CASE WHEN v_detail = 'no_stream' THEN NULL ELSE v_detail::int8 END,
                            NULL::int8, NULL::text, NULL::text, NULL::text;
      ELSE
        RETURN QUERY SELECT v_commit_index, NULL::int, 'error'::text, NULL::text, NULL::text, NULL::int8,
                            NULL::int8, v_code, v_constraint, v_message;
      END IF;
    END;
  END LOOP;
END
$fn$;
`;
