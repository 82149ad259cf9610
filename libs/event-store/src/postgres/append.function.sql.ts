/**
 * The whole append in one statement, so a single-event append costs one round trip like a plain
 * INSERT: lock the stream, read its head (a volatile function takes a fresh snapshot per
 * statement, so the head read sees every commit made before the lock was granted), answer a
 * retry with the rows already stored, check the expected revision, finish each event's hash from
 * canonical JSON computed in JS (keys in RFC 8785 order: data, metadata, prevHash, revision, streamId,
 * type; see canonical-parts.ts), and insert all rows at once.
 *
 * `p_events`: [{ id, type, data, metadata, before, after }]. Returns either the rows whose ids are
 * already stored (outcome 'stored', nothing written), or 'conflict' with the head revision (NULL:
 * no stream), or 'appended' with the last revision and position.
 *
 * The canonical text each hash was computed from is kept beside the jsonb (`canonical_data`,
 * `canonical_metadata`, migration 3), so integrity checks hash stored bytes (decision 0130).
 * Migration 2 installed this function before those columns existed; PL/pgSQL resolves columns
 * when it first runs, and migration 3 installs it again.
 */
export const appendFunction = `
CREATE OR REPLACE FUNCTION event_store_append(
  p_stream_id text, p_stream_json text, p_expected text, p_events jsonb, p_retryable boolean)
RETURNS TABLE (outcome text, event_id text, stream_id text, revision int8, global_position int8)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_head int8;
  v_prev text;
  v_event jsonb;
  v_revision int8;
  v_hashes text[] := '{}';
  v_prevs text[] := '{}';
  v_position int8;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
  SELECT e.stream_version, e.hash INTO v_head, v_prev
    FROM events e WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1;

  IF p_retryable THEN
    RETURN QUERY SELECT 'stored'::text, e.event_id::text, e.stream_id, e.stream_version, e.global_position
      FROM events e
     WHERE e.event_id = ANY (ARRAY(SELECT (x->>'id')::uuid FROM jsonb_array_elements(p_events) x));
    IF FOUND THEN RETURN; END IF;
  END IF;

  IF (p_expected = 'no_stream' AND v_head IS NOT NULL)
     OR (p_expected NOT IN ('any', 'no_stream') AND v_head IS DISTINCT FROM p_expected::int8) THEN
    RETURN QUERY SELECT 'conflict'::text, NULL::text, p_stream_id, v_head, NULL::int8;
    RETURN;
  END IF;

  v_revision := coalesce(v_head, -1);
  FOR v_event IN SELECT x FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(x, n) ORDER BY n LOOP
    v_revision := v_revision + 1;
    v_prevs := v_prevs || v_prev;
    v_prev := encode(sha256(convert_to(
      '{"data":' || (v_event->>'data') || ',"metadata":' || (v_event->>'metadata') || ',"prevHash":'
        || coalesce(to_json(v_prev)::text, 'null') || ',"revision":' || v_revision
        || ',"streamId":' || p_stream_json || ',"type":' || (v_event->>'typeJson') || '}',
      'UTF8')), 'hex');
    v_hashes := v_hashes || v_prev;
  END LOOP;

  WITH inserted AS (
    INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, hash, prev_hash,
                        canonical_data, canonical_metadata)
    SELECT (x->>'id')::uuid, p_stream_id, v_revision - jsonb_array_length(p_events) + n, x->>'type',
           (x->>'data')::jsonb, (x->>'metadata')::jsonb, v_hashes[n], v_prevs[n], x->>'data', x->>'metadata'
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(x, n)
     ORDER BY n
    RETURNING events.global_position
  )
  SELECT max(inserted.global_position) INTO v_position FROM inserted;

  RETURN QUERY SELECT 'appended'::text, NULL::text, p_stream_id, v_revision, v_position;
END
$fn$;
`;
