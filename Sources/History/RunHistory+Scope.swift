extension RunHistory {
    /// What the latest run of `stage` that recorded its scope read (`StageRecord.scope`), the
    /// files it read and its run id; nil when no run of the stage recorded one (a canned
    /// command's, or a history written before scopes were kept).
    public func scope(of stage: String) throws -> (scope: String, files: String, run: Int)? {
        let latest = try connection.prepare("""
            SELECT scope, coalesce(scope_files, ''), run_id FROM stage_runs WHERE stage = ?1 AND scope IS NOT NULL ORDER BY run_id DESC LIMIT 1
            """)
        try latest.bind(1, stage)
        guard try latest.step() else { return nil }
        return (latest.text(0), latest.text(1), latest.integer(2))
    }
}
