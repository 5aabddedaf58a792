// A page of meetings in date order (undated, e.g. proposed ones, last), filtered by status,
// kind, dates and a folded title fragment, with how many match: one row, one round trip.
// Top-N: dated meetings are read in the order of the date index and cut at offset + limit;
// undated ones are read only when the dated cannot fill the page (and no date range is
// asked). The total comes from the count store when unfiltered, else the matches counted.
CALL () {
  WITH ($status IS NULL AND $kinds IS NULL AND $from IS NULL AND $to IS NULL AND $title IS NULL) AS unfiltered
  CALL (unfiltered) {
    WITH unfiltered WHERE unfiltered
    CALL () {
      MATCH (m:Meeting)
      RETURN count(m) AS total
    }
    RETURN total
    UNION ALL
    WITH unfiltered WHERE NOT unfiltered
    CALL () {
      MATCH (m:Meeting)
      WHERE ($status IS NULL OR m.status = $status)
        AND ($kinds IS NULL OR coalesce(m.kind, 'ROUND') IN $kinds)
        AND ($from IS NULL OR m.date >= date($from))
        AND ($to IS NULL OR m.date <= date($to))
        AND ($title IS NULL OR m.searchKey CONTAINS $title)
      RETURN count(m) AS total
    }
    RETURN total
  }
  RETURN total
}
CALL () {
  CALL () {
    MATCH (m:Meeting)
    WHERE m.date >= date(coalesce($from, '0001-01-01')) AND m.date <= date(coalesce($to, '9999-12-31'))
      AND ($status IS NULL OR m.status = $status)
      AND ($kinds IS NULL OR coalesce(m.kind, 'ROUND') IN $kinds)
      AND ($title IS NULL OR m.searchKey CONTAINS $title)
    RETURN m ORDER BY m.date, m.id LIMIT $offset + $limit
  }
  WITH collect(m) AS dated
  CALL (dated) {
    UNWIND dated AS m
    RETURN m
    UNION ALL
    WITH dated WHERE size(dated) < $offset + $limit AND $from IS NULL AND $to IS NULL
    CALL () {
      MATCH (m:Meeting)
      WHERE m.date IS NULL
        AND ($status IS NULL OR m.status = $status)
        AND ($kinds IS NULL OR coalesce(m.kind, 'ROUND') IN $kinds)
        AND ($title IS NULL OR m.searchKey CONTAINS $title)
      RETURN m ORDER BY m.id LIMIT $offset + $limit
    }
    RETURN m
  }
  WITH m ORDER BY m.date, m.id SKIP $offset LIMIT $limit
  RETURN collect(m {.id, .title, .kind, .round, .date, .startedAt, .endedAt, .durationMinutes, .venue, .city, .status, .sourceIds, .evidence}) AS meetings
}
RETURN total, meetings
