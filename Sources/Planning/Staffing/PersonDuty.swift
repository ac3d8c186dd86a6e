/// One employee's worked spans as time on duty: each moment the person is on duty counts once,
/// and spans that follow on within a minute are one stretch.
///
/// A span starting before an earlier one of the person ends (a double punch, a shift keyed
/// twice) counts from where the earlier ones end, so one person never counts twice in staff on
/// duty. A span starting at most `joinGap` after the earlier ones end is the same stretch of
/// duty: "hours by day" exports split a night at midnight into 18:54-23:59 and 00:00-07:06
/// (or 23:59:59, read to the minute), and the minute between read as nobody on duty, every
/// night a false "0 on duty" breach. The earlier span then runs on to the later one's start.
/// Hours (pay) are left as written; only the clock is resolved.
public enum PersonDuty {
    /// The largest gap, in minutes, between one span's end and the person's next start that is
    /// read as no gap (a minute: 23:59 to 00:00; a real break is longer).
    public static let joinGap = 1.0

    /// What `resolve` did to one person's spans.
    public struct Resolved: Sendable, Equatable {
        /// Spans starting inside an earlier one (flagged, counted on duty from its end).
        public var overlapping = 0
        /// Spans starting within `joinGap` after the earlier ones end (joined to them).
        public var joined = 0
        public init() {}
    }

    /// Resolves one person's spans, `rows` in order of start (ties in row order), writing the
    /// on-duty start and end of each row into `dutyStarts` and `dutyEnds` (copies of the starts
    /// and ends on entry) and 1 into `flags` for a span overlapping an earlier one. Times are
    /// minutes.
    public static func resolve(rows: some Sequence<Int>, starts: [Double], ends: [Double],
                               dutyStarts: inout [Double], dutyEnds: inout [Double], flags: inout [Double]) -> Resolved {
        var resolved = Resolved()
        // How far the person's spans so far reach, and the row whose end that is.
        var reach = -Double.infinity, reachRow = -1
        for r in rows {
            if starts[r] < reach {
                flags[r] = 1
                resolved.overlapping += 1
                dutyStarts[r] = min(reach, ends[r])
            } else if reachRow >= 0, starts[r] > reach, starts[r] - reach <= joinGap {
                dutyEnds[reachRow] = starts[r]
                resolved.joined += 1
            }
            if ends[r] > reach { reach = ends[r]; reachRow = r }
        }
        return resolved
    }
}
