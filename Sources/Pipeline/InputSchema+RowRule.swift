import Planning
import Tabular

extension InputSchema {
    /// A check across the columns of one row, made at import so the planning math never sees
    /// a span that ends before it starts or a shift it cannot place on the clock.
    public enum RowRule: Sendable {
        /// A worked span (`start`, `end` date-times): the end after the start, at most
        /// `maxHours` later. Rows without both are not spans and pass.
        case span(start: String, end: String, maxHours: Double)
        /// A shift named `name`: with `start` and `end` times on the row any name goes (and the
        /// two must differ); without them the name must be a standard one (day, night).
        case shift(name: String, start: String, end: String)
        /// Two date roles that must come in order (a receipt after its order, a contract's
        /// end after its start): a row where `later` is before `earlier` is rejected with
        /// `why`. Rows missing either date pass.
        case order(earlier: String, later: String, why: String)
        /// A number one person cannot exceed on one row, either way (hours: a month of 744, and a
        /// correction of as many), checked only
        /// when the rows name the person: without that column a row may be a unit's or a job
        /// code's totals (a week of a ward's hours is 1,300 and more).
        case perPerson(value: String, person: String, maximum: Double, what: String)
        /// An order line with a negative ordered `quantity` is a return to the vendor (an RTV
        /// or credit-memo line): read only with the day it went back (`receiptDate`) or the
        /// units returned (a negative `received`); one that receives units is rejected.
        case returnLine(quantity: String, received: String, receiptDate: String)
    }
}

/// The row rules of an import, bound to the positions of their roles among the imported
/// columns. Per row it only compares numbers; a shift name is judged once per distinct text.
struct RowRuleCheck {
    private enum Bound {
        case span(start: Int, end: Int, maxMinutes: Double)
        case shift(name: Int, start: Int?, end: Int?)
        case order(earlier: Int, later: Int, rule: (earlier: String, later: String, why: String))
        case perPerson(value: Int, maximum: Double, what: String)
        case returnLine(quantity: Int, received: Int?, receiptDate: Int?)
    }
    private let bound: [Bound]
    /// Per interned shift-name id: whether it is a standard name.
    private var standardName: [Int: Bool] = [:]

    /// - Parameters:
    ///   - present: the imported roles, in the order of the row's values;
    ///   - mapped: every role the export has a column for, private ones (employee) included.
    init(_ rules: [InputSchema.RowRule], present: [String], mapped: Set<String> = []) {
        bound = rules.compactMap { rule in
            switch rule {
            case .span(let start, let end, let maxHours):
                guard let s = present.firstIndex(of: start), let e = present.firstIndex(of: end) else { return nil }
                return .span(start: s, end: e, maxMinutes: maxHours * 60)
            case .shift(let name, let start, let end):
                guard let n = present.firstIndex(of: name) else { return nil }
                return .shift(name: n, start: present.firstIndex(of: start), end: present.firstIndex(of: end))
            case .order(let earlier, let later, let why):
                guard let e = present.firstIndex(of: earlier), let l = present.firstIndex(of: later) else { return nil }
                return .order(earlier: e, later: l, rule: (earlier, later, why))
            case .perPerson(let value, let person, let maximum, let what):
                guard let v = present.firstIndex(of: value), mapped.contains(person) else { return nil }
                return .perPerson(value: v, maximum: maximum, what: what)
            case .returnLine(let quantity, let received, let receiptDate):
                guard let q = present.firstIndex(of: quantity) else { return nil }
                return .returnLine(quantity: q, received: present.firstIndex(of: received), receiptDate: present.firstIndex(of: receiptDate))
            }
        }
    }

    var isActive: Bool { !bound.isEmpty }

    /// The position of a span's one punch when the other is missing (a start but no end: a
    /// missed punch-out), or nil. The row keeps its hours with no span, as a row with neither
    /// punch does: 26 of 564 rows missing the out-punch failed the run, or under
    /// `--on-error skip` took 4% of worked hours with them (productivity and hours per patient
    /// day read low, overtime at trend low). Start plus hours is not taken as the span: hours
    /// split over two pay-code lines, or net of an unpaid break, are no length of duty.
    func lonePunch(numbers: [Double]) -> Int? {
        for case .span(let s, let e, _) in bound where numbers[s].isNaN != numbers[e].isNaN {
            return numbers[s].isNaN ? e : s
        }
        return nil
    }

    /// The imported column at fault and why, or nil when the row passes.
    /// - Parameters:
    ///   - numbers: the row's number per imported column (times as minutes, NaN when empty).
    ///   - days: the row's day per imported date column (`daysSinceEpoch == .min` when empty).
    ///   - ids: the row's interned text id per imported column.
    ///   - text: the text of an imported column, for the names and the message.
    mutating func problem(numbers: [Double], days: [CalendarDay], ids: [Int], text: (Int) -> String) -> (slot: Int, reason: String)? {
        for rule in bound {
            switch rule {
            case .perPerson(let v, let maximum, let what):
                if abs(numbers[v]) > maximum {
                    let size = numbers[v] < 0 ? "takes back more than" : "is more than"
                    return (v, "\(NumberFormat.fixed(numbers[v])) \(size) \(what) (\(NumberFormat.fixed(maximum))); check the value, or leave the employee column unmapped if the rows are totals")
                }
            case .returnLine(let q, let r, let d):
                let ordered = numbers[q]
                guard ordered < 0 else { continue }
                let got = r.map { numbers[$0] } ?? .nan
                let amount = NumberFormat.fixed(ordered)
                if got > 0 {
                    return (q, "a negative ordered quantity (\(amount)) is read as a return to the vendor, which cannot receive \(NumberFormat.fixed(got)); give its returned units as a negative received quantity (\(amount)), or check the line")
                }
                if !(got < 0) && (d.map { days[$0].daysSinceEpoch == .min } ?? true) {
                    return (q, "a negative ordered quantity (\(amount)) is read as a return to the vendor only with the day the units went back (receipt_date) "
                            + "or the units returned as a negative received quantity (received_quantity), and this row has neither; export them, or leave the line out if it was cancelled")
                }
            case .order(let e, let l, let order):
                let earlier = days[e], later = days[l]
                if earlier.daysSinceEpoch != .min && later.daysSinceEpoch != .min && later < earlier {
                    return (l, "\(order.later) \(later) is before \(order.earlier) \(earlier): \(order.why)")
                }
            case .span(let s, let e, let maxMinutes):
                let start = numbers[s], end = numbers[e]
                // One punch missing (a missed punch-out): the row's hours are kept, off the
                // clock (`lonePunch`), as with neither punch; not a rejected row.
                if start.isNaN || end.isNaN { continue }
                if end <= start {
                    return (e, "the span ends (\(ClockTime.label(minutesSinceEpoch: Int(end)))) at or before it starts (\(ClockTime.label(minutesSinceEpoch: Int(start)))); check the dates of a shift past midnight")
                }
                if end - start > maxMinutes {
                    return (e, "the span lasts \(NumberFormat.fixed((end - start) / 60, decimals: 1)) hours, longer than \(NumberFormat.fixed(maxMinutes / 60)); split it, or check the end date")
                }
            case .shift(let n, let s, let e):
                let start = s.map { numbers[$0] } ?? .nan, end = e.map { numbers[$0] } ?? .nan
                if start.isNaN != end.isNaN {
                    return (start.isNaN ? (s ?? n) : (e ?? n), "the shift has \(start.isNaN ? "an end but no start" : "a start but no end"); give both times, or neither for a standard shift (day, night)")
                }
                // A shift ending at or before its start ends the next day: 07:00 to 07:00 is a
                // 24-hour shift, as the README says (it was a rejected row, "needs a length").
                if !start.isNaN { continue }
                let id = ids[n]
                let known: Bool
                if let cached = standardName[id] { known = cached } else { known = ShiftWindow.standard(named: text(n)) != nil; standardName[id] = known }
                if !known {
                    return (n, "'\(text(n).clipped)' is not a known shift name (day, night); give the shift's start and end times (e.g. 07:00, 19:00) on the row")
                }
            }
        }
        return nil
    }
}
