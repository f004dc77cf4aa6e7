-- Records an evidence file that the user `actor` uploaded, in one round trip. Locks the quota's owner (the actor's
-- unit `owner_unit`, or a unit-less actor alone), then reads the owner's usage by a statement of its own: in READ
-- COMMITTED its snapshot is taken after the lock is held, so an upload of the same owner that committed meanwhile
-- is counted. Only when the quota leaves room are the file row and its audit row inserted. The rule is
-- upload-quota.ts's `quotaRefusal`: refused when the window's files are used up, or when the day's bytes are used
-- up or would be by this file. Answers the usage read and, when recorded, the file row (snake_case keys).
CREATE FUNCTION record_evidence_upload(
  p_tenant uuid, p_actor uuid, p_owner_unit uuid, p_window_start timestamptz, p_day_start timestamptz,
  p_max_files integer, p_daily_bytes bigint, p_sha256 text, p_size integer, p_mime text, p_filename text,
  p_created_at timestamptz, p_actor_name text, p_ip text, p_summary jsonb
) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  since timestamptz := least(p_window_start, p_day_start);
  used_count integer;
  oldest timestamptz;
  used_bytes bigint;
  saved files;
BEGIN
  IF p_owner_unit IS NOT NULL THEN
    PERFORM 1 FROM units u WHERE u.tenant_id = p_tenant AND u.id = p_owner_unit FOR NO KEY UPDATE;
    SELECT (count(*) FILTER (WHERE f.created_at > p_window_start))::integer,
           min(f.created_at) FILTER (WHERE f.created_at > p_window_start),
           coalesce(sum(f.size) FILTER (WHERE f.created_at >= p_day_start), 0)
      INTO used_count, oldest, used_bytes
      FROM files f WHERE f.tenant_id = p_tenant AND f.unit_id = p_owner_unit AND f.created_at >= since;
  ELSE
    PERFORM 1 FROM users u WHERE u.tenant_id = p_tenant AND u.id = p_actor FOR NO KEY UPDATE;
    SELECT (count(*) FILTER (WHERE f.created_at > p_window_start))::integer,
           min(f.created_at) FILTER (WHERE f.created_at > p_window_start),
           coalesce(sum(f.size) FILTER (WHERE f.created_at >= p_day_start), 0)
      INTO used_count, oldest, used_bytes
      FROM files f
     WHERE f.tenant_id = p_tenant AND f.unit_id IS NULL AND f.created_by = p_actor AND f.created_at >= since;
  END IF;
  IF used_count >= p_max_files OR used_bytes >= p_daily_bytes OR used_bytes + p_size > p_daily_bytes THEN
    RETURN jsonb_build_object('count', used_count, 'oldest', oldest, 'bytes', used_bytes);
  END IF;
  INSERT INTO files (tenant_id, sha256, size, mime, filename, created_by, unit_id, created_at)
    VALUES (p_tenant, p_sha256, p_size, p_mime, p_filename, p_actor, p_owner_unit, p_created_at)
    RETURNING * INTO saved;
  INSERT INTO audit_logs (tenant_id, actor_id, actor_name, action, entity, entity_id, summary, ip)
    VALUES (p_tenant, p_actor, p_actor_name, 'file.upload', 'file', saved.id::text, p_summary, p_ip);
  RETURN jsonb_build_object('count', used_count, 'oldest', oldest, 'bytes', used_bytes, 'file', to_jsonb(saved));
END;
$$;
