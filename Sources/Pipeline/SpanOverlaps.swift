import Planning
import Tabular

/// Overlapping worked spans of one employee in a timekeeping import (a double punch, a shift
/// keyed twice). The employee id is read only here, as an interned number that never leaves
/// the import; each span is flagged when it overlaps an earlier-starting span of the same
/// person and counted on duty only from where the earlier ones end, so one person never
/// counts twice in staff on duty; a span following one of the same person within a minute
/// (a night split at midnight, 23:59 and 00:00) is joined to it (`PersonDuty`). Hours (pay)
/// are left as written.
struct SpanOverlaps {
    private var names = ByteKeyTable(capacity: 1024)
    private var nameCount = 0
    /// Employee of each accepted row (-1 = no employee, never matched).
    private(set) var employees: [Int32] = []
    /// The current row's employee, until the row is accepted.
    var pending: Int32 = -1

    /// Remembers the employee of the row being read (nothing kept until `accept`).
    mutating func read(_ row: ImportRow, column: Int) {
        let field = row.record[column]
        if ImportRow.isEmpty(field) { pending = -1; return }
        let id = names.intern(field)
        if id == nameCount { nameCount += 1 }
        pending = Int32(id)
    }

    mutating func accept() { employees.append(pending) }

    /// The on-duty starts and ends of each row (`PersonDuty`: a later span of one person
    /// starting where the earlier ones end, or at its own end when wholly inside them; an
    /// earlier one running on to a span that follows within a minute, a night split at
    /// midnight), a 0/1 overlap flag per row, and how many overlap and how many were joined.
    /// A row of negative `hours` carrying a span (an RN sent home 15:00-19:00, -4 h) takes the
    /// person off duty for it (`StaffOnDuty`): it is no span worked, and resolved as one it
    /// was "an overlapping span counted on duty once", the nurse sent home still on duty.
    func resolve(starts: [Double], ends: [Double], hours: [Double]? = nil)
        -> (starts: [Double], ends: [Double], flags: [Double], count: Int, joined: Int) {
        // Sorted by one packed key (employee, then start minute offset to stay positive), then row.
        var keyed: [(key: UInt64, row: Int32)] = []
        keyed.reserveCapacity(starts.count)
        for r in starts.indices where employees[r] >= 0 && !starts[r].isNaN && !ends[r].isNaN && !(hours.map { $0[r] < 0 } ?? false) {
            keyed.append((UInt64(employees[r]) << 32 | UInt64(Int(starts[r]) + (1 << 30)), Int32(r)))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
        let order = keyed.map { Int($0.row) }
        keyed = []
        var duty = starts, dutyEnds = ends
        var flags = [Double](repeating: 0, count: starts.count)
        var count = 0, joined = 0
        var k = 0
        while k < order.count {
            let person = employees[order[k]]
            var end = k
            while end < order.count, employees[order[end]] == person { end += 1 }
            let resolved = PersonDuty.resolve(rows: order[k..<end], starts: starts, ends: ends, dutyStarts: &duty, dutyEnds: &dutyEnds, flags: &flags)
            count += resolved.overlapping
            joined += resolved.joined
            k = end
        }
        return (duty, dutyEnds, flags, count, joined)
    }
}
