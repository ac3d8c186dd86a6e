import Forecasting
import Planning
import Tabular

/// Staffing by shift (`staffing --shifts`): each shift's census against the fewest staff on
/// duty from the timekeeping spans, per job code with a ratio limit; the staffing grid; labor
/// productivity per pay period; and the shifts ahead that today's schedule leaves short.
/// The math lives in Planning (StaffOnDuty, ShiftRatio, StaffingGrid, Productivity); this
/// wires the tables to it. Units and job codes match ignoring case and spaces.
public struct ShiftStaffingJob: Sendable {
    public var payPeriods = PayPeriod()
    public var payCodes = PayCodeMap()
    /// Days of the latest shifts whose typical staff on duty stand for today's schedule.
    public var scheduleDays = 28

    public init() {}

    public struct ShiftRow: Sendable {
        public var unit: String
        public var date: CalendarDay
        public var shift: String
        public var window: ShiftWindow
        public var jobCode: String
        public var ratio: ShiftRatio
    }

    public struct ProductivityRow: Sendable {
        public var unit: String
        public var firstDay: CalendarDay
        public var lastDay: CalendarDay
        public var productivity: Productivity
    }

    /// A future period's census on one shift against the staff today's schedule puts on it,
    /// on the period's day most short of staff (or its busiest, with none short).
    public struct OutlookRow: Sendable {
        public var unit: String
        public var jobCode: String
        public var shift: String
        public var period: String
        public var day: CalendarDay
        public var patients: Double
        public var staffRequired: Int
        public var staffScheduled: Int
        /// Days of the period the shift is short of staff.
        public var daysShort: Int
        public var shortBy: Int { max(0, staffRequired - staffScheduled) }
    }

    /// Hours of one unit, job code and day without start and end.
    public struct HoursWithoutTimes: Sendable, Equatable {
        public var unit: String
        public var jobCode: String
        public var day: CalendarDay
        public var hours: Double
        public var payCodes: [String]
        /// `4W RN 2026-03-02 12 h (AGENCY)`, for the summary.
        public var label: String { "\(unit) \(jobCode) \(day) \(NumberFormat.fixed(hours, decimals: 1)) h (\(payCodes.joined(separator: ", ")))" }
    }

    public struct Result: Sendable {
        public var shifts: [ShiftRow] = []
        /// Shift rows with no patient count (empty), left out at import: not checked.
        public var shiftsWithoutPatients = 0
        /// Those rows by unit, most first: the report names the units whose shifts went unchecked.
        public var shiftsWithoutPatientsByUnit: [(unit: String, rows: Int)] = []
        public var grid: [StaffingGrid.Line] = []
        public var productivity: [ProductivityRow] = []
        public var outlook: [OutlookRow] = []
        /// Timekeeping rows with a span, and those flagged as overlapping one of the same employee.
        public var spans = 0
        public var overlappingSpans = 0
        /// The first few overlapping spans, by unit, job code and end, to find them by.
        public var overlapExamples: [String] = []
        /// Shift units not checked: no target with max_patients_per_staff.
        public var uncheckedUnits: [String] = []
        /// Shift checks with patients not made because nobody of the unit and job code punched
        /// a span in the whole export (`unit job code` -> shifts), within the export's dates.
        /// Not read as nobody on duty: a unit absent from the export is most often timekept in
        /// another system or left out of the export's cost centres, and a fortnight of "0 on
        /// duty" breaches would drown the real ones; said first in the summary instead, so
        /// that it never reads as every check passed.
        public var shiftsWithoutPunches: [String: Int] = [:]
        public var shiftsWithoutPunchesCount: Int { shiftsWithoutPunches.values.reduce(0, +) }
        /// Shift units neither the census nor the targets name (`4 West Med-Surg` beside the
        /// census's `4 West`), with the census unit each likely is: not checked, and said as a
        /// name to fix (the run said "no ratio limit, or no spans", neither of which was so).
        public var unknownShiftUnits: [(unit: String, likely: String?)] = []
        /// Shift rows on days outside the timekeeping export's dates (a census exported past the
        /// timekeeping): nobody's punches are there to count, which is no sign that nobody was on duty.
        public var shiftsOutsideSpans = 0
        /// Shift rows on days no span of their unit starts, while the spans run on around them
        /// (a week missing from one unit's export): not checked, since nobody's punches are
        /// there to count; read as nobody on duty, they were a week of false ratio breaches.
        public var shiftsOnDaysWithoutSpans: [String: Int] = [:]
        /// The days the timekeeping export covers (`TimekeepingPeriod`); nil without timekeeping rows.
        public var exportDays: ClosedRange<CalendarDay>?
        /// Productive hours of a unit and job code with a ratio limit that carry no punch times
        /// (a manual entry, an agency nurse's hours keyed from an invoice): nobody can say when
        /// they were worked, so they are left off duty, and named, since the shift they fall on
        /// may read as a breach that was covered.
        public var hoursWithoutTimes: [HoursWithoutTimes] = []
        /// Pay codes of spans that the pay-code map does not know, with their hours: not counted
        /// on duty, as the plan leaves them out of worked hours. Counted, an on-call standby
        /// code (OC) made a night one nurse short read compliant, and the check and the plan
        /// disagreed about the same 12 hours; a code is mapped with `--pay-codes` once known.
        public var unrecognisedPayCodes: [String: Double] = [:]
        /// Non-compliant shift checks with a span under an unknown pay code in them, and those
        /// codes: in the headline, as mapping the code may turn the breach compliant.
        public var breachesWithUnrecognisedPayCodes = 0
        public var unrecognisedPayCodesInBreaches: [String] = []
        /// Pay periods of a unit left out of productivity as the census misses days of them.
        public var productivityCensusGaps: [String] = []
        /// Pay periods of a unit left out of productivity as its timekeeping misses days of them.
        public var productivityTimekeepingGaps: [String] = []
        public var nonCompliant: [ShiftRow] { shifts.filter { !$0.ratio.isCompliant } }
    }

    /// A shift row's window: its start and end when given, else its standard name's (day,
    /// night); nil when neither.
    static func shiftWindow(start: Double?, end: Double?, name: String) -> ShiftWindow? {
        if let start, let end, !start.isNaN, !end.isNaN { return ShiftWindow(start: Int(start), end: Int(end)) }
        return ShiftWindow.standard(named: name)
    }

    /// The hours a day each unit of the shifts file is staffed (`StaffedHours`), by unit name
    /// folded, for the plan's ratio minimum: shifts with start and end, or a standard name.
    /// Shifts neither give are left to `run`, which names them.
    public static func staffedHours(shifts: Table) -> [String: StaffedHours] {
        guard let sDays = shifts.days("date"), let sNames = shifts.texts("shift"), let sUnits = shifts.texts("unit") else { return [:] }
        let sStart = shifts.numbers("start"), sEnd = shifts.numbers("end")
        var keys = KeyCache()
        var builder = StaffedHours.Builder()
        for r in 0..<sUnits.count {
            guard let window = shiftWindow(start: sStart?[r], end: sEnd?[r], name: sNames[r]) else { continue }
            builder.add(unit: keys.key(sUnits[r]), day: sDays[r], window: window)
        }
        return builder.units
    }

    /// - Parameters:
    ///   - spans: timekeeping rows with start and end (often `timekeeping` itself), for staff on duty.
    ///   - timekeeping: the hours, for productivity.
    public func run(shifts: Table, spans: Table, timekeeping: Table, targets: Table, census: Table, plan: StaffingJob.Result,
                    frequency: Frequency) throws -> Result {
        guard let sDays = shifts.days("date"), let sNames = shifts.texts("shift"), let sUnits = shifts.texts("unit"),
              let sPatients = shifts.numbers("patients") else {
            throw PipelineError(location: nil, "staffing: the shifts table needs date, shift, unit and patients")
        }
        let sStart = shifts.numbers("start"), sEnd = shifts.numbers("end")
        guard let tStart = spans.numbers("start"), let tEnd = spans.numbers("end"), let tUnits = spans.texts("unit") else {
            throw PipelineError(location: nil, "staffing --shifts: timekeeping needs start and end (the date-times of each worked span, e.g. 2026-03-02 06:55) to count staff on duty per shift; add them to the export or map them with --columns start=...,end=...")
        }
        let tJobs = spans.texts("job_code"), tPay = spans.texts("pay_type")
        guard let gUnits = targets.texts("unit"), let gJobs = targets.texts("job_code"), let gHPPD = targets.numbers("target_hppd") else {
            throw PipelineError(location: nil, "staffing: targets need unit, job_code and target_hppd")
        }
        let gMax = targets.numbers("max_patients_per_staff")
        var result = Result()
        result.shiftsWithoutPatients = shifts.unrecordedRows
        result.shiftsWithoutPatientsByUnit = shifts.unrecordedRowsByUnit

        // Names: the census's spelling first, as the plan's, then the shifts file's and the
        // targets' (the shift outputs said `4  west` beside the plan's `4 West`).
        var keys = KeyCache()
        var display: [String: String] = [:]
        var previous: String?
        for name in census.texts("unit") ?? [] where name != previous {
            previous = name
            let key = keys.key(name)
            if display[key] == nil { display[key] = name }
        }
        for name in sUnits + gUnits { display[keys.key(name)] = display[keys.key(name)] ?? name }

        // Targets with a ratio limit: (unit key, job key) -> group.
        struct RatioTarget { var unit: String; var jobCode: String; var max: Double }
        var groups: [String: Int] = [:]
        var ratioTargets: [RatioTarget] = []
        var targetsOfUnit: [String: [Int]] = [:]
        var hppdOfUnit: [String: Double] = [:]
        var targetedJobs = Set<String>()
        for r in 0..<gUnits.count {
            let unit = keys.key(gUnits[r]), key = CompositeKey.joined(unit, keys.key(gJobs[r]))
            hppdOfUnit[unit, default: 0] += gHPPD[r]
            targetedJobs.insert(key)
            guard let max = gMax?[r], max.isFinite, max > 0 else { continue }
            guard groups[key] == nil else { continue }
            groups[key] = ratioTargets.count
            targetsOfUnit[unit, default: []].append(ratioTargets.count)
            ratioTargets.append(RatioTarget(unit: unit, jobCode: gJobs[r], max: max))
        }

        // Spans per group, productive pay only: vacation is paid but nobody is on the floor.
        var starts = [[Int]](repeating: [], count: ratioTargets.count), ends = starts
        // Spans of corrections (negative hours): off duty over them (`StaffOnDuty`).
        var offStarts = starts, offEnds = starts
        let spanHours = spans.numbers("hours")
        // Spans under pay codes the map does not know, per group: not on duty, but looked for
        // in the shifts that breach.
        var unknownSpans = [[(start: Int, end: Int, code: String)]](repeating: [], count: ratioTargets.count)
        var categories: [String: PayCategory?] = [:]
        var lastPay: String?, lastOnDuty = false, lastUnknown = false
        // The group of the previous row's unit and job code: exports come sorted by one or the other.
        var lastUnit: String?, lastJob: String?, lastGroup: Int?
        struct NamePair: Hashable { var unit: String; var job: String }
        var groupOfPair: [NamePair: Int?] = [:]
        let overlapping = spans.numbers("overlap")
        // The export's period: the dates of its rows and the days its spans start on, never
        // when the last person left (`TimekeepingPeriod`).
        var period = TimekeepingPeriod()
        period.add(days: timekeeping.days("date") ?? [])
        period.add(days: spans.days("date") ?? [])
        // The days a span of each unit starts on (any job code), and the current row's unit's key.
        var spanDays = SpanDays(), lastUnitKey = ""
        // Productive hours with neither start nor end, per ratio group and day.
        struct GroupDay: Hashable { var group: Int; var day: CalendarDay }
        var timeless: [GroupDay: (hours: Double, codes: [String])] = [:]
        if let tHours = spans.numbers("hours"), let tDays = spans.days("date") {
            for r in 0..<tUnits.count where tStart[r].isNaN && tEnd[r].isNaN && tHours[r] > 0 {
                let pay = tPay?[r] ?? ""
                guard let category = payCodes.category(of: pay), category != .nonProductive,
                      let g = groups[CompositeKey.joined(keys.key(tUnits[r]), keys.key(tJobs?[r] ?? ""))] else { continue }
                var entry = timeless[GroupDay(group: g, day: tDays[r]), default: (0, [])]
                entry.hours += tHours[r]
                if !entry.codes.contains(pay) { entry.codes.append(pay) }
                timeless[GroupDay(group: g, day: tDays[r])] = entry
            }
        }
        for r in 0..<tUnits.count where !tStart[r].isNaN && !tEnd[r].isNaN {
            result.spans += 1
            period.add(startingAt: Int(tStart[r]))
            if let overlapping, overlapping[r] > 0 {
                result.overlappingSpans += 1
                if result.overlapExamples.count < 3 {
                    result.overlapExamples.append("\(tUnits[r])\(tJobs.map { " " + $0[r] } ?? "") ending \(ClockTime.label(minutesSinceEpoch: Int(tEnd[r])))")
                }
            }
            let pay = tPay?[r] ?? ""
            if pay != lastPay {
                let category: PayCategory?
                if let known = categories[pay] { category = known } else { category = payCodes.category(of: pay); categories[pay] = category }
                lastPay = pay
                // A pay code the map does not know is not on duty, as it is not worked hours in
                // the plan: on-call standby (OC) counted on duty hid a breach. Its spans still
                // show the export covers the day, and it is named, with the breaches it touches.
                lastOnDuty = category != .nonProductive
                lastUnknown = category == nil
            }
            guard lastOnDuty, tEnd[r] > tStart[r] else { continue }
            if lastUnknown { result.unrecognisedPayCodes[pay, default: 0] += (tEnd[r] - tStart[r]) / 60 }
            let unitName = tUnits[r], jobName = tJobs?[r] ?? ""
            if unitName != lastUnit { lastUnitKey = keys.key(unitName) }
            spanDays.add(unit: lastUnitKey, startingAt: Int(tStart[r]))
            if unitName != lastUnit || jobName != lastJob {
                lastUnit = unitName
                lastJob = jobName
                let pair = NamePair(unit: unitName, job: jobName)
                if let known = groupOfPair[pair] {
                    lastGroup = known
                } else {
                    lastGroup = groups[CompositeKey.joined(keys.key(unitName), keys.key(jobName))]
                    groupOfPair[pair] = lastGroup
                }
            }
            guard let g = lastGroup else { continue }
            if lastUnknown {
                unknownSpans[g].append((Int(tStart[r]), Int(tEnd[r]), pay))
                continue
            }
            if let spanHours, spanHours[r] < 0 {
                offStarts[g].append(Int(tStart[r]))
                offEnds[g].append(Int(tEnd[r]))
                continue
            }
            starts[g].append(Int(tStart[r]))
            ends[g].append(Int(tEnd[r]))
        }
        result.exportDays = period.days
        result.hoursWithoutTimes = timeless.map { key, value in
            HoursWithoutTimes(unit: display[ratioTargets[key.group].unit] ?? ratioTargets[key.group].unit, jobCode: ratioTargets[key.group].jobCode,
                              day: key.day, hours: value.hours, payCodes: value.codes.map { $0.isEmpty ? "(blank)" : $0 })
        }.sorted { ($0.unit, $0.jobCode, $0.day) < ($1.unit, $1.jobCode, $1.day) }
        let onDuty = ParallelMap.map(ratioTargets.count, threads: 1) {
            StaffOnDuty(starts: starts[$0], ends: ends[$0], offStarts: offStarts[$0], offEnds: offEnds[$0])
        }
        starts = []; ends = []; offStarts = []; offEnds = []

        // Each shift, each job code with a limit on its unit: in the grid whether or not anyone
        // punched (it needs only the census), and checked where its staff punch spans. A job
        // code nobody punches a span for is not read as nobody on duty; its shifts with
        // patients are counted and said first (`shiftsWithoutPunches`).
        var unchecked = Set<String>()
        var unknownCodesInBreaches: [String] = []
        var grid = StaffingGrid()
        let censusUnits = NameSpellings(census.texts("unit") ?? [])
        var unknown = Set<String>()
        // Shift names as first spelled, ignoring case and spaces as units are: `day` and `Day`
        // were two shifts in the grid and the outlook, each with half the history. A standard
        // name's letter is the name (`D` is `Day`), spelled out when it comes first.
        var shiftSpelling: [String: String] = [:]
        for r in 0..<sUnits.count {
            let unit = keys.key(sUnits[r])
            let standardName = ShiftWindow.standardName(of: sNames[r])
            let shiftKey = standardName ?? keys.key(sNames[r])
            let shiftName = shiftSpelling[shiftKey]
                ?? (standardName.map { sNames[r].matchKey() == $0 ? sNames[r] : $0 } ?? sNames[r])
            shiftSpelling[shiftKey] = shiftName
            guard let window = Self.shiftWindow(start: sStart?[r], end: sEnd?[r], name: sNames[r]) else {
                throw PipelineError(location: nil, "staffing: shift '\(sNames[r])' on \(sDays[r]) has no start and end and is not a standard shift (day, night)")
            }
            guard let targets = targetsOfUnit[unit], !targets.isEmpty else {
                if hppdOfUnit[unit] == nil && censusUnits.spelling(of: sUnits[r]) == nil {
                    unknown.insert(display[unit] ?? sUnits[r])
                } else {
                    unchecked.insert(display[unit] ?? sUnits[r])
                }
                continue
            }
            let unitName = display[unit] ?? sUnits[r]
            for g in targets {
                grid.add(unit: unitName, jobCode: ratioTargets[g].jobCode, shift: shiftName, patients: sPatients[r], maxPatientsPerStaff: ratioTargets[g].max)
            }
            let interval = window.interval(on: sDays[r])
            guard period.covers(sDays[r]) else {
                result.shiftsOutsideSpans += 1
                continue
            }
            // Punched: on duty, or under a pay code the map does not know (checked, and named).
            let punched = targets.filter { !onDuty[$0].times.isEmpty || !unknownSpans[$0].isEmpty }
            if sPatients[r] > 0 {
                for g in targets where onDuty[g].times.isEmpty && unknownSpans[g].isEmpty {
                    result.shiftsWithoutPunches["\(unitName) \(ratioTargets[g].jobCode)", default: 0] += 1
                }
            }
            guard !punched.isEmpty else { continue }
            guard spanDays.covers(unit: unit, dayOf: interval.start) else {
                result.shiftsOnDaysWithoutSpans[unitName, default: 0] += 1
                continue
            }
            for g in punched {
                let staff = onDuty[g].fewest(from: interval.start, to: interval.end)
                let ratio = ShiftRatio(patients: sPatients[r], staffOnDuty: staff, maxPatientsPerStaff: ratioTargets[g].max)
                if !ratio.isCompliant {
                    let codes = unknownSpans[g].filter { $0.start < interval.end && $0.end > interval.start }.map(\.code)
                    if !codes.isEmpty {
                        result.breachesWithUnrecognisedPayCodes += 1
                        for code in codes where !unknownCodesInBreaches.contains(code) { unknownCodesInBreaches.append(code) }
                    }
                }
                result.shifts.append(ShiftRow(unit: unitName, date: sDays[r], shift: shiftName, window: window,
                                              jobCode: ratioTargets[g].jobCode, ratio: ratio))
            }
        }
        result.shifts.sort { ($0.unit, $0.date, $0.window.start, $0.jobCode) < ($1.unit, $1.date, $1.window.start, $1.jobCode) }
        result.grid = grid.sorted
        result.uncheckedUnits = unchecked.sorted()
        result.unrecognisedPayCodesInBreaches = unknownCodesInBreaches.map { $0.isEmpty ? "(blank)" : $0 }.sorted()
        result.unknownShiftUnits = unknown.sorted().map { ($0, censusUnits.likely(for: $0)) }
        // Counts taken at times through the day weigh as the plan's census does (`CensusSnapshots`),
        // in productivity and the shifts ahead alike.
        let censusWeights = census.timeOfDayByRow["date"].flatMap { minutes in
            census.texts("unit").flatMap { units in census.days("date").map { CensusSnapshots.weights(units: units.map { keys.key($0) }, days: $0, minutes: minutes).weights } }
        }
        result.productivity = try productivity(timekeeping: timekeeping, census: census, censusWeights: censusWeights, hppdOfUnit: hppdOfUnit,
                                               targetedJobs: targetedJobs, display: display, keys: &keys, censusGaps: &result.productivityCensusGaps,
                                               timekeepingGaps: &result.productivityTimekeepingGaps)
        result.outlook = outlook(result.shifts, census: census, censusWeights: censusWeights, plan: plan, frequency: frequency,
                                 ratioTargets: ratioTargets.map { ($0.unit, $0.jobCode, $0.max) }, keys: &keys)
        return result
    }

    /// Worked, non-productive and target hours per unit and complete pay period (the periods
    /// the timekeeping covers from first day to last; a period cut by the export's ends would
    /// compare part of its hours with part of its census).
    ///
    /// Only the job codes the unit's targets name count (the plan's hours per patient day leave
    /// the others out, and a clerk's hours put a unit on target at 91), and only pay periods
    /// the census records on every day (a census missing three days read as no patients, 79).
    func productivity(timekeeping: Table, census: Table, censusWeights weights: [Double]?, hppdOfUnit: [String: Double], targetedJobs: Set<String>, display: [String: String],
                      keys: inout KeyCache, censusGaps: inout [String], timekeepingGaps: inout [String]) throws -> [ProductivityRow] {
        guard let tDays = timekeeping.days("date"), let tUnits = timekeeping.texts("unit"), let tHours = timekeeping.numbers("hours"),
              let first = tDays.min(), let last = tDays.max() else { return [] }
        let tPay = timekeeping.texts("pay_type"), tJobs = timekeeping.texts("job_code")
        // Pay periods count the days the census records: a weekday unit's period is whole from
        // its first Monday to its last Friday, and needs no census at weekends.
        let open = census.days("date").flatMap { OpenWeekdays(recordedOn: $0) } ?? .all
        let firstPeriod = payPeriods.index(of: first) + (open.noneOpen(from: payPeriods.firstDay(of: payPeriods.index(of: first)), through: first.adding(days: -1)) ? 0 : 1)
        let lastPeriod = payPeriods.index(of: last) - (open.noneOpen(from: last.adding(days: 1), through: payPeriods.lastDay(of: payPeriods.index(of: last))) ? 0 : 1)
        guard firstPeriod <= lastPeriod else { return [] }
        // Per unit (in first-seen order) a contiguous array of its pay periods: no dictionary per row.
        let periods = lastPeriod - firstPeriod + 1
        var unitIndex: [String: Int] = [:]
        var unitNames: [String] = []
        var sums: [[Productivity]] = []
        func slot(_ unit: String) -> Int? {
            if let k = unitIndex[unit] { return k }
            guard hppdOfUnit[unit] != nil else { return nil }
            unitIndex[unit] = sums.count
            unitNames.append(unit)
            sums.append([Productivity](repeating: Productivity(), count: periods))
            return sums.count - 1
        }
        var categories: [String: PayCategory?] = [:]
        var lastName: String?, lastSlot: Int?, lastJob: String?, lastTargeted = true
        var lastPay: String?, lastCategory: PayCategory?
        for r in 0..<tUnits.count {
            let p = payPeriods.index(of: tDays[r])
            guard p >= firstPeriod, p <= lastPeriod else { continue }
            // The unit and job code of the previous row, looked up again only when they change.
            if tUnits[r] != lastName || tJobs?[r] != lastJob {
                if tUnits[r] != lastName { lastSlot = slot(keys.key(tUnits[r])) }
                lastName = tUnits[r]
                lastJob = tJobs?[r]
                lastTargeted = lastJob.map { targetedJobs.contains(CompositeKey.joined(keys.key(tUnits[r]), keys.key($0))) } ?? true
            }
            guard let u = lastSlot, lastTargeted else { continue }
            let pay = tPay?[r] ?? ""
            if pay != lastPay {
                if let known = categories[pay] { lastCategory = known } else { lastCategory = payCodes.category(of: pay); categories[pay] = lastCategory }
                lastPay = pay
            }
            guard let category = lastCategory else { continue }
            sums[u][p - firstPeriod].add(hours: tHours[r], as: category)
        }
        var touched = [[Bool]](repeating: [Bool](repeating: false, count: periods), count: sums.count)
        for u in sums.indices { for p in 0..<periods where sums[u][p].paidHours != 0 { touched[u][p] = true } }
        // A unit's pay period whose timekeeping misses days the unit had patients (a week not
        // exported) is left out and named: read as no hours worked, it made the unit look short
        // of staff (an index of 175 for a unit on target).
        let coverage = TimekeepingCoverage(units: tUnits, days: tDays) { keys.key($0) }
        if let cDays = census.days("date"), let cUnits = census.texts("unit"), let cValues = census.numbers("patient_days") {
            var censusKeys = RowKeys()
            var recorded = [Set<Int32>](repeating: [], count: sums.count * periods), withPatients = recorded
            var daysOfUnit = [[CalendarDay]](repeating: [], count: sums.count)
            for r in 0..<cUnits.count {
                let p = payPeriods.index(of: cDays[r])
                guard p >= firstPeriod, p <= lastPeriod, !cValues[r].isNaN else { continue }
                let unit = censusKeys.key(cUnits[r], &keys)
                guard let hppd = hppdOfUnit[unit], let u = unitIndex[unit] else { continue }
                sums[u][p - firstPeriod].targetHours += cValues[r] * (weights?[r] ?? 1) * hppd
                touched[u][p - firstPeriod] = true
                recorded[u * periods + p - firstPeriod].insert(cDays[r].daysSinceEpoch)
                if cValues[r] > 0 { withPatients[u * periods + p - firstPeriod].insert(cDays[r].daysSinceEpoch) }
                daysOfUnit[u].append(cDays[r])
            }
            for u in sums.indices {
                // The unit's own weekdays: a weekday unit beside seven-day units misses no weekends.
                let unitOpen = OpenWeekdays(recordedOn: daysOfUnit[u]) ?? open
                for k in 0..<periods where touched[u][k] {
                    let p = firstPeriod + k
                    let days = unitOpen.count(from: payPeriods.firstDay(of: p), through: payPeriods.lastDay(of: p))
                    if recorded[u * periods + k].count < days {
                        touched[u][k] = false
                        censusGaps.append("\(display[unitNames[u]] ?? unitNames[u]) \(payPeriods.firstDay(of: p)) (\(recorded[u * periods + k].count) of \(days) days)")
                        continue
                    }
                    // Days with patients need timekeeping; a unit's closed days (no census, or a
                    // census of 0) do not.
                    let needed = withPatients[u * periods + k]
                    let kept = needed.filter { coverage.covers(day: CalendarDay(daysSinceEpoch: $0), of: unitNames[u]) }.count
                    if kept < needed.count {
                        touched[u][k] = false
                        timekeepingGaps.append("\(display[unitNames[u]] ?? unitNames[u]) \(payPeriods.firstDay(of: p)) (\(kept) of \(needed.count) days with patients)")
                    }
                }
            }
        }
        var rows: [ProductivityRow] = []
        for (u, unit) in unitNames.enumerated() {
            for k in 0..<periods where touched[u][k] {
                let p = firstPeriod + k
                rows.append(ProductivityRow(unit: display[unit] ?? unit, firstDay: payPeriods.firstDay(of: p), lastDay: payPeriods.lastDay(of: p), productivity: sums[u][k]))
            }
        }
        return rows.sorted { ($0.unit, $0.firstDay) < ($1.unit, $1.firstDay) }
    }

    /// The plan's census forecast turned into patients per shift, day by day of each period,
    /// against today's schedule (`ShiftWeekdays`): each weekday's recent patients on the shift
    /// scaled by the period's census per day over the recent weeks', the staff the grid
    /// requires for them, and the median staff on duty on that weekday over the latest
    /// `scheduleDays` days of shifts. A period's row shows its day most short of staff, among
    /// its days after the shifts' last day (the days before are checked, not forecast).
    func outlook(_ shifts: [ShiftRow], census: Table, censusWeights weights: [Double]?, plan: StaffingJob.Result, frequency: Frequency,
                 ratioTargets: [(unit: String, jobCode: String, max: Double)], keys: inout KeyCache) -> [OutlookRow] {
        guard let lastDay = shifts.map(\.date).max(), let cDays = census.days("date"), let cUnits = census.texts("unit"),
              let cValues = census.numbers("patient_days") else { return [] }
        let since = lastDay.adding(days: -(scheduleDays - 1))
        // Each unit's census in the recent weeks, and its days from the later of their start
        // and its first census day to its last: its census per calendar day, closed days
        // (a weekday unit's weekends) counting as none, as the plan's periods count them.
        var recentCensus: [String: (total: Double, first: CalendarDay, last: CalendarDay)] = [:]
        var firstDay: [String: CalendarDay] = [:], daysWithCensus: [String: Set<CalendarDay>] = [:], recordedDays: [String: [CalendarDay]] = [:]
        // Each unit's recent census per weekday: a plan by the day already forecasts Monday as
        // Monday, and set against the week's average the weekday pattern counted twice (10
        // patients a shift on a weekday unit came out 14).
        var recentByWeekday: [String: (total: Double, days: Int)] = [:]
        // The days the plan reads as not recorded (a closure exported as zero census, the zeros
        // before a unit opened) are not recorded here either: a 14-day renovation in the 28 days
        // counted as days of none halved 5E Tele's recent census per day, and its 20 patients a
        // day ahead came out 40 a shift, 8 RNs needed for 4 scheduled, "4 future period-shifts
        // short", where the plan beside it forecast 20 a day.
        var notRecorded: [String: [ClosedRange<CalendarDay>]] = [:]
        for closed in plan.censusClosures + plan.censusBeforeOpening { notRecorded[keys.key(closed.unit), default: []].append(closed.days) }
        var censusKeys = RowKeys()
        for r in 0..<cUnits.count where !cValues[r].isNaN && cDays[r] <= lastDay {
            let unit = censusKeys.key(cUnits[r], &keys)
            if cValues[r] == 0, let closed = notRecorded[unit], closed.contains(where: { $0.contains(cDays[r]) }) { continue }
            firstDay[unit] = min(firstDay[unit] ?? cDays[r], cDays[r])
            recordedDays[unit, default: []].append(cDays[r])
            guard cDays[r] >= since else { continue }
            daysWithCensus[unit, default: []].insert(cDays[r])
            let known = recentCensus[unit]
            recentCensus[unit] = ((known?.total ?? 0) + cValues[r] * (weights?[r] ?? 1), min(known?.first ?? cDays[r], cDays[r]), max(known?.last ?? cDays[r], cDays[r]))
            let weekday = CompositeKey.joined(unit, String(cDays[r].isoWeekday))
            recentByWeekday[weekday, default: (0, 0)].total += cValues[r] * (weights?[r] ?? 1)
            recentByWeekday[weekday, default: (0, 0)].days += 1
        }
        var recent: [String: ShiftWeekdays] = [:]
        for row in shifts where row.date >= since {
            let unit = keys.key(row.unit)
            guard daysWithCensus[unit]?.contains(row.date) == true else { continue }
            recent[CompositeKey.joined(unit, keys.key(row.jobCode), row.shift), default: ShiftWeekdays()]
                .add(day: row.date, patients: row.ratio.patients, staffOnDuty: row.ratio.staffOnDuty)
        }
        // Days the unit's census records (its open weekdays) that it misses are gaps, not
        // days of no patients: counted as none, one missing day lifted every shift ahead by 3.7%
        // and added a nurse to each.
        // The weekdays are the unit's own: a weekday unit beside seven-day units has no missing
        // weekends (counted missing, its 10 patients a shift were forecast at 7.14).
        func perDay(_ unit: String) -> Double? {
            guard let c = recentCensus[unit], let first = firstDay[unit] else { return nil }
            let from = max(since, first)
            let open = recordedDays[unit].flatMap { OpenWeekdays(recordedOn: $0) } ?? .all
            // Through the window's last day: a weekday unit's census ends on Friday, and its
            // closed weekend after it counts as days of none like the others.
            let missing = max(0, open.count(from: from, through: lastDay) - (daysWithCensus[unit]?.count ?? 0))
            let days = Int(lastDay.daysSinceEpoch - from.daysSinceEpoch) + 1 - missing
            return days > 0 && c.total > 0 ? c.total / Double(days) : nil
        }
        // The census forecast per unit and period (the same for every job code of a unit).
        var forecast: [String: [(label: String, period: Int, perDay: Double)]] = [:]
        var seen = Set<String>()
        for row in plan.rows where seen.insert(CompositeKey.joined(row.unit, row.period)).inserted {
            guard let p = frequency.period(ofLabel: row.period) else { continue }
            forecast[keys.key(row.unit), default: []].append((row.period, p, row.censusForecast / Double(frequency.days(in: p))))
        }
        var rows: [OutlookRow] = []
        let shiftNames = Dictionary(shifts.map { (CompositeKey.joined(keys.key($0.unit), keys.key($0.jobCode), $0.shift), ($0.unit, $0.jobCode, $0.shift)) },
                                    uniquingKeysWith: { a, _ in a })
        for (key, names) in shiftNames.sorted(by: { $0.key < $1.key }) {
            guard let weekdays = recent[key], !weekdays.isEmpty else { continue }
            let unit = keys.key(names.0)
            guard let target = ratioTargets.first(where: { $0.unit == unit && keys.key($0.jobCode) == keys.key(names.1) }),
                  let periods = forecast[unit], let level = perDay(unit) else { continue }
            for period in periods {
                let start = frequency.firstDay(of: period.period)
                var base = level
                if frequency == .day, let same = recentByWeekday[CompositeKey.joined(unit, String(start.isoWeekday))], same.days > 0, same.total > 0 {
                    base = same.total / Double(same.days)
                }
                // Days after the shifts' last day only: a plan period begun in the data (the
                // partial week of 29 June to 5 July after shifts through 30 June) listed 29 and
                // 30 June as forecast shortfalls beside their own checks, compliant.
                let ahead = (0..<frequency.days(in: period.period)).map { start.adding(days: $0) }.filter { $0 > lastDay }
                guard !ahead.isEmpty else { continue }
                let days = weekdays.days(ahead, level: period.perDay / base, maxPatientsPerStaff: target.max)
                guard let worst = ShiftWeekdays.worst(days) else { continue }
                rows.append(OutlookRow(unit: names.0, jobCode: names.1, shift: names.2, period: period.label, day: worst.day, patients: worst.patients,
                                       staffRequired: worst.staffRequired, staffScheduled: worst.staffScheduled,
                                       daysShort: days.filter { $0.shortBy > 0 }.count))
            }
        }
        return rows.sorted { ($0.unit, $0.jobCode, $0.period, $0.shift) < ($1.unit, $1.jobCode, $1.period, $1.shift) }
    }
}

/// The match key of a column's value, reusing the previous row's when the text repeats (an
/// export sorted by unit asks the dictionary once per run of rows).
struct RowKeys {
    private var last: String?
    private var lastKey = ""
    mutating func key(_ name: String, _ cache: inout KeyCache) -> String {
        if name == last { return lastKey }
        last = name
        lastKey = cache.key(name)
        return lastKey
    }
}
