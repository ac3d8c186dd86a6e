import Forecasting
import History
import Planning
import Reports
import Tabular

/// Staffing plan: census forecast per unit, required hours and FTEs per job code, overtime
/// and agency exposure, ratio checks, and the trend of overtime and agency in timekeeping.
/// Shared by `quartermaster staffing` and the `staffing` stage. Employee identifiers are
/// read by the import only to be dropped; nothing here sees them.
public struct StaffingJob: Sendable {
    public var planner = StaffingPlanner()
    public var frequency: Frequency = .week
    public var horizon = 13
    /// Plan for this percentile of census (50 = the mean forecast).
    public var percentile = 50.0
    /// Pay code -> regular, overtime, agency or non-productive (`pay_codes:`, `--pay-codes`).
    public var payCodes = PayCodeMap()
    public var threads = 2
    public var quiet = true
    /// The stage name under which the census forecasts and the census seen are kept for a run
    /// history (`--history`), or nil to keep none.
    public var historyStage: String?
    /// Set by `--shard`: a shard may hold no unit at all (units hash to shards), which is an
    /// empty plan, not an empty census.
    public var sharded = false
    /// Set on the job that plans from a census of period totals spread over their days
    /// (`spreadOverDays`), so that it does not look for totals again.
    var censusSpread = false
    /// Set once the timekeeping's pay-period totals are spread over their days (`timekeepingByDay`).
    var timekeepingSpread = false
    /// The hours a day each unit is staffed (`StaffedHours`), from the shifts file's times, by
    /// unit name folded (`matchKey`): the ratio minimum counts staff over them, not 24 hours.
    public var staffedHours: [String: StaffedHours] = [:]

    public init() {}

    public struct Row: Sendable {
        public var unit: String
        public var jobCode: String
        public var period: String
        public var censusForecast: Double
        public var targetHPPD: Double
        public var budgetedFTE: Double
        public var plan: StaffingPlanner.Period
        public var flags: [String]
    }

    public struct UnitSummary: Sendable {
        public var unit: String
        public var recentHPPD: Double?
        public var targetHPPD: Double
        public var recentPremiumShare: Double?
        public var earlierPremiumShare: Double?
        public var censusMASE: Double?
        public var projectedOvertime: Double
        public var projectedAgency: Double
        public var flags: [String]
    }

    public struct Result: Sendable {
        /// The census forecasts and census seen, for the run history (with `historyStage`).
        public var history: StageRecord?
        public var rows: [Row]
        public var units: [UnitSummary]
        public var firstPeriod: String
        /// Each unit's census history and forecast, for the report's fan charts.
        public var censusOutlooks: [SeriesOutlook] = []
        /// Target units the census does not have, as the targets spell them: not planned.
        public var unmatchedUnits: [String] = []
        /// Census units no target names, as the census spells them: not planned.
        public var unitsWithoutTargets: [String] = []
        /// Target and timekeeping spellings matched to a census unit only by ignoring case
        /// and spaces (`4 WEST` -> `4 West`).
        public var looseMatches: [String: String] = [:]
        /// Census rows that repeat a unit and day already seen (summed with it), and the first few.
        public var repeatedCensusDays: (count: Int, examples: [String]) = (0, [])
        /// Set when the census's dates carry times of day: the first times (up to
        /// `shownTimes`) and how many unit-days held more than one count, averaged.
        public var censusSnapshots: (times: [Int], averagedDays: Int)?
        /// The FTE basis the plan used (`StaffingPlanner`): paid hours a year, the share worked,
        /// the share of required hours overtime may cover.
        public var fteBasis = (paidHours: 2_080.0, productiveShare: 0.9, overtimeShare: 0.1)
        /// Timekeeping rows of negative hours, netted as corrections, and their hours.
        public var corrections: (rows: Int, hours: Double) = (0, 0)
        /// Worked hours of job codes the unit's targets do not name (as first spelled), left out
        /// of its hours per patient day and premium share.
        public var untargetedHours: [(unit: String, jobCode: String, hours: Double)] = []
        /// Pay codes the map does not know, with their hours: left out of worked hours.
        public var unrecognisedPayCodes: [(code: String, hours: Double)] = []
        /// Set when the timekeeping and the census share no day, saying so.
        public var disjointSpans: String?
        /// Set when recent census periods have no whole timekeeping (an export ending before
        /// the census, a week missing), naming them: left out of hours per patient day.
        public var timekeepingGaps: String?
        /// Set when some units' census is forecast on fewer weekdays than the file records
        /// (`SeriesOnFewerWeekdays`): nothing is planned on their other days.
        public var unitsOnFewerWeekdays: String?
        /// Target units whose census stopped (`CensusStop`: last recorded 4 weeks or more before
        /// the census's last day, at every frequency), with their last period recorded: closed
        /// or no longer exported, not planned. A day missing inside a unit's census is no stop:
        /// its period is read from its other days (`censusPeriodsReadFromRecordedDays`).
        public var stoppedUnits: [(unit: String, last: String)] = []
        /// Of the stopped units, those whose census rows go on with patient_days empty while
        /// timekeeping has hours worked there after the census's last recorded day: their last
        /// recorded day, the last empty row's day and those hours. A unit that closed and kept
        /// its empty rows (no hours since) stays a stopped unit.
        public var stoppedUnitsLeftEmpty: [String: (recorded: CalendarDay, through: CalendarDay, hoursSince: Double)] = [:]
        /// Units planned whose census ends before the census's last day, but too recently to
        /// have stopped (`CensusStop`): their last day and the days from it to the census's
        /// last. The period each ends within is read from its days recorded, and said.
        public var censusEndingEarly: [(unit: String, last: CalendarDay, days: Int)] = []
        /// Target units whose census begins too late to hold a complete period, with its first day.
        public var unitsWithoutCompletePeriod: [(unit: String, first: CalendarDay)] = []
        /// Timekeeping units the census does not name, their worked hours (left out) and the
        /// census unit they likely are (`NameSpellings.likely`).
        public var timekeepingUnitsWithoutCensus: [(unit: String, hours: Double, likely: String?)] = []
        /// Timekeeping units whose census rows all left patient_days empty, and their hours
        /// (left out: no census to plan from).
        public var unitsWithEmptyCensus: [(unit: String, hours: Double)] = []
        /// Target rows (`unit job_code`) costed with the default overtime multiplier or agency
        /// rate, their cells blank: said, since neither default showed anywhere.
        public var defaultOvertimeMultiplier: [String] = []
        public var defaultAgencyRate: [String] = []
        /// The planner's defaults those rows were costed with.
        public var overtimeMultiplierDefault = 1.5, agencyRateMultipleDefault = 2.0
        /// The census's partial periods, left out ("2026-W10 covers 3 of 7 days: left out").
        public var partialPeriods: [String] = []
        /// Runs of zero census inside a unit's history, read as the unit closed (`CensusClosure`):
        /// left out like days not recorded, and named.
        public var censusClosures: [(unit: String, days: ClosedRange<CalendarDay>)] = []
        /// Zero census a unit's rows list before its first census (`CensusClosure.notYetOpen`):
        /// a unit on the bed board before it opened, its history started at its first census,
        /// and named.
        public var censusBeforeOpening: [(unit: String, days: ClosedRange<CalendarDay>)] = []
        /// Units planned from fewer periods of census than a season or a trend needs
        /// (`DemandClass.short`), or from a short history ramping up (`ShortRamp`): their
        /// periods, the level a ramp is planned at (a period's census: the mean of its last
        /// `recent` periods, or by day of its last `recent` weeks, a week's census, `byWeek`;
        /// nil when planned at the mean) and the mean.
        public var shortCensusHistories: [(unit: String, periods: Int, last: Double?, mean: Double, recent: Int, byWeek: Bool)] = []
        /// Units whose census has no row on some days between its first and last.
        public var missingCensusDays: [(unit: String, count: Int, first: CalendarDay, last: CalendarDay)] = []
        /// The periods holding those days that a unit recorded on its other days, read from them
        /// (`PeriodTotals.readsPartlyRecordedPeriodsFromTheirDays`): unit, period, days recorded
        /// and days the period holds.
        public var censusPeriodsReadFromRecordedDays: [(unit: String, period: String, recorded: Int, days: Int)] = []
        /// The census's last day, a stray row aside (`CensusStop.reference`), for the notes.
        public var censusLastDay: CalendarDay?
        /// The plan's frequency, for the notes' words ("5 weeks").
        public var frequency: Frequency = .week
        /// Set when the census's rows are totals of months (quarters, years), spread over
        /// their days (`censusTotalsNote`).
        public var censusTotals: String?
        /// Set when the timekeeping's rows are pay-period totals, spread over their 14 days
        /// (`timekeepingByDay`).
        public var timekeepingTotals: String?
        /// Units whose ratio minimum counts the hours their shifts staff (`staffedHours`), not 24.
        public var unitsWithStaffedHours: Set<String> = []
        /// Units whose census reads weekdays as closed that their timekeeping shows worked
        /// (`ClosedDaysWorked`): a census missing those days, said.
        public var closedDaysWorked: [ClosedDaysWorked] = []
    }

    /// Census times of day named in the note, the first seen.
    static let shownTimes = 4

    public func run(timekeeping: Table, census: Table, targets: Table) throws -> Result {
        func days(_ table: Table, _ what: String) throws -> [CalendarDay] {
            guard let days = table.days("date") else { throw PipelineError(location: nil, "staffing: the \(what) table needs a date column of dates") }
            return days
        }
        guard let cUnits = census.texts("unit"), let cDays = census.numbers("patient_days") else {
            throw PipelineError(location: nil, "staffing: the census needs unit and patient_days")
        }
        let cDates = try days(census, "census")
        // Timekeeping of pay-period totals (rows every other week) is read over its 14 days.
        if !timekeepingSpread, let spread = Self.timekeepingByDay(timekeeping, census: cDates.min().flatMap { first in cDates.max().map { (first, $0) } }) {
            var job = self
            job.timekeepingSpread = true
            var result = try job.run(timekeeping: spread.table, census: census, targets: targets)
            result.timekeepingTotals = spread.note
            return result
        }
        // A census of monthly (quarterly, yearly) totals is read as totals over their periods,
        // as reorder reads usage exports of monthly totals (`censusTotals`).
        if !censusSpread, let totals = Self.censusTotals(census, days: cDates) {
            var job = self
            job.censusSpread = true
            let spread = Self.spreadOverDays(census, span: totals.span, units: cUnits, values: cDays, days: cDates)
            var result = try job.run(timekeeping: timekeeping, census: spread, targets: targets)
            result.censusTotals = Self.censusTotalsNote(span: totals.span, shape: totals.shape, planned: frequency)
            return result
        }
        if sharded && (cDates.isEmpty || targets.rowCount == 0) {
            // The shard's target units, if any, have no census anywhere (the census shards the same).
            return Self.emptyShard(unmatched: unique(targets.texts("unit") ?? []), withoutTargets: targets.rowCount == 0 ? unique(cUnits).sorted() : [])
        }
        guard let lastDay = cDates.max() else { throw PipelineError(location: nil, "staffing: the census is empty") }
        // The weekdays the census records: a day surgery's has no weekend rows, which are
        // closed days, not missing ones.
        let censusOpen = OpenWeekdays(recordedOn: cDates) ?? .all
        // Only complete periods go into the history: a period is complete once no day the
        // census records is left after its last day (a weekday unit's week ends on Friday).
        let lastComplete = censusOpen.noneOpen(from: lastDay.adding(days: 1), through: frequency.firstDay(of: frequency.period(of: lastDay) + 1).adding(days: -1))
            ? frequency.period(of: lastDay) : frequency.period(of: lastDay) - 1
        let names = NameSpellings(cUnits)
        var looseMatches: [String: String] = [:]
        /// A unit as the census spells it (a unit it lacks keeps its own name).
        var resolved: [String: String] = [:]
        func censusName(_ name: String) -> String {
            if let known = resolved[name] { return known }
            let found = names.spelling(of: name) ?? name
            if found != name && !names.isExact(name) { looseMatches[name] = found }
            resolved[name] = found
            return found
        }
        // A census is a level: a period nobody recorded is missing, not an empty ward, and a
        // first period the file covers only in part is left out like the last.
        var censusTotals = PeriodTotals(frequency: frequency, gaps: .missing)
        // A period a unit recorded on some of its days is read from them: a census missing a
        // day a week in its last five weeks read as a unit that stopped, and one missing a day
        // in February, June and July was fitted on a history that ended in May.
        censusTotals.readsPartlyRecordedPeriodsFromTheirDays = true
        // Each unit's days recorded, from every row (the census's last partial period too): the
        // stop rule counts days, not periods, against the units' last days, stray rows aside
        // (`CensusStop.reference`).
        var daysOfName: [String: Set<Int32>] = [:]
        // Each unit's first and last zero day: a weekday unit's week of zeros has 5 or 6.
        var zeroDays: [String: (first: CalendarDay, last: CalendarDay)] = [:]
        for r in 0..<cUnits.count {
            let unit = names.spelling(of: cUnits[r]) ?? cUnits[r]
            daysOfName[unit, default: []].insert(cDates[r].daysSinceEpoch)
            if cDays[r] == 0 {
                let known = zeroDays[unit]
                zeroDays[unit] = (min(known?.first ?? cDates[r], cDates[r]), max(known?.last ?? cDates[r], cDates[r]))
            }
        }
        // Runs of zero census inside a unit's history are the unit closed (`CensusClosure`), and
        // zeros before its first census a unit not yet open: read as days not recorded, and
        // named. Only units whose zero days span a week are looked at.
        let (closures, notYetOpen) = Self.censusClosures(units: cUnits, days: cDates, census: cDays, names: names,
                                                         among: Set(zeroDays.filter { CensusStop.daysBetween($0.value.first, $0.value.last) + 1 >= CensusClosure.minimumDays }.keys))
        let recordedDays = daysOfName.mapValues { $0.sorted().map { CalendarDay(daysSinceEpoch: $0) } }
        let lastRecorded = recordedDays.compactMapValues(\.last)
        let stopReference = CensusStop.reference(unitDays: Array(recordedDays.values)) ?? lastDay
        // So is the period a unit's census ends within, unless the unit has stopped (`CensusStop`):
        // a unit open to 3 weeks before the file's end had its last month left out with no
        // word, and one closed 6 weeks before the end, planned by month, read its last month as
        // a month of census.
        censusTotals.seriesOpenIfRecordedSince = CensusStop.openIfRecordedSince(censusLast: stopReference)
        // Each distinct name is case folded once (a census has a row per unit and day).
        var spellings: [String: (name: String, id: Int64)] = [:]
        // A census has one row per unit and day; a second is summed with the first (a unit's
        // sub-units exported apart), but said, since a re-export pasted under the first one
        // doubled the census and asked for 904 agency hours a week.
        var unitDays = Set<Int64>(), repeatedDays = 0, repeatedExamples: [String] = []
        // One id per unit as the census spells it, for its (unit, day) pairs.
        var unitIDs: [String: Int64] = [:]
        // A census whose dates carry times of day holds counts of occupied beds taken through
        // the day: a unit's day is the average of its counts at its times (`CensusSnapshots`).
        let minutes = census.timeOfDayByRow["date"]
        let snapshots = minutes.map { CensusSnapshots.weights(units: cUnits.map { names.spelling(of: $0) ?? $0 }, days: cDates, minutes: $0) }
        // With times, a row repeats another when it has its unit, day and time.
        struct UnitDayTime: Hashable { var unitDay: Int64, minute: Int32 }
        var unitDayTimes = Set<UnitDayTime>()
        // The days each unit (by id) had patients on: the days its timekeeping must cover for
        // a period to measure hours per patient day (`TimekeepingCoverage.coversEveryDay`).
        var daysWithPatients: [DaySet] = []
        // Each unit's census by day over the weeks before the plan, for its weekday shape.
        let shapeFrom = frequency.firstDay(of: lastComplete + 1).adding(days: -7 * CensusWeekdayShape.weeks)
        var recentDays: [String: [CalendarDay: Double]] = [:]
        for r in 0..<cUnits.count where frequency.period(of: cDates[r]) <= lastComplete {
            var unit: String, id: Int64
            if let known = spellings[cUnits[r]] {
                (unit, id) = known
            } else {
                unit = names.spelling(of: cUnits[r]) ?? cUnits[r]
                id = unitIDs[unit] ?? Int64(unitIDs.count)
                unitIDs[unit] = id
                spellings[cUnits[r]] = (unit, id)
            }
            if !closures.isEmpty, cDays[r] == 0, let runs = closures[unit], runs.contains(where: { $0.contains(cDates[r]) }) { continue }
            if !notYetOpen.isEmpty, cDays[r] == 0, let before = notYetOpen[unit], before.contains(cDates[r]) { continue }
            let unitDay = id << 32 | Int64(cDates[r].daysSinceEpoch) & 0xFFFF_FFFF
            let isNew = unitDays.insert(unitDay).inserted
            let repeats = minutes.map { !unitDayTimes.insert(UnitDayTime(unitDay: unitDay, minute: $0[r])).inserted } ?? !isNew
            if repeats {
                repeatedDays += 1
                if repeatedExamples.count < 3 { repeatedExamples.append("\(unit) \(cDates[r])") }
            }
            unit.withUTF8 { censusTotals.add(key: $0, day: cDates[r], value: cDays[r] * (snapshots?.weights[r] ?? 1)) }
            if cDates[r] >= shapeFrom && !cDays[r].isNaN { recentDays[unit, default: [:]][cDates[r], default: 0] += cDays[r] * (snapshots?.weights[r] ?? 1) }
            if cDays[r] > 0 {
                while daysWithPatients.count <= Int(id) { daysWithPatients.append(DaySet()) }
                daysWithPatients[Int(id)].insert(cDates[r].daysSinceEpoch)
            }
        }
        // The rows added stop at the census's last row inside its last complete period, which a
        // unit closed for renovation (no rows 12 January to 1 February, a census to 27 February)
        // moved back to 11 January: January became the file's partial last month ("covers 11
        // of 31 days: left out"), the forecast began after December, and its January to April
        // (620, 560, 620, 600) were planned under February to May's labels, February's 620 a
        // shortage of 0.92 FTE and 132 overtime hours that a constant 20 a day does not have.
        // The census runs on past those rows: the totals cover the last complete period to its
        // last day the census records, and each unit's own last day says whether the days after
        // its last row are missing days inside its history (read from its days recorded).
        let endOfComplete = frequency.firstDay(of: lastComplete + 1).adding(days: -1)
        var lastOpenDay = endOfComplete
        while censusOpen.count > 0 && !censusOpen.contains(lastOpenDay) { lastOpenDay = lastOpenDay.adding(days: -1) }
        if !censusTotals.rowDays.isEmpty, censusTotals.rowDays.last < lastOpenDay, lastOpenDay <= lastDay { censusTotals.cover(lastOpenDay) }
        censusTotals.seriesLastDays = lastRecorded
        // Partial periods are left out and named (DESIGN.md, Calendar): the last one never
        // reaches the totals, the first is left out by them. The plan said nothing of either.
        var partial = censusTotals.leaveOutPartialPeriods().map(\.description)
        let readFromRecordedDays = censusTotals.periodsReadFromRecordedDays
            .map { (unit: censusTotals.keys.key($0.id), period: frequency.label($0.period), recorded: $0.recorded, days: $0.days) }
            .sorted { ($0.unit, $0.period) < ($1.unit, $1.period) }
        if lastComplete < frequency.period(of: lastDay) {
            let period = frequency.period(of: lastDay), start = frequency.firstDay(of: period)
            let from = max(start.daysSinceEpoch, cDates.min()!.daysSinceEpoch)
            let days = censusOpen == .all ? "days" : "days it records (\(censusOpen.names))"
            partial.append("\(frequency.label(period)) covers \(censusOpen.count(from: CalendarDay(daysSinceEpoch: from), through: lastDay)) of \(censusOpen.days(in: period, of: frequency)) \(days): left out")
        }
        // Days a unit's census has no row for, between its first and last: missing, not an empty
        // ward (they are left out of its totals), but named, since an export that lost a week
        // reads the same way.
        var missingDays: [(unit: String, count: Int, first: CalendarDay, last: CalendarDay)] = []
        // Each unit's own weekdays: a weekday unit beside seven-day units misses no weekends
        // (its 22 weekend days were named missing).
        var span: [Int64: (Int32, Int32)] = [:], daysOfUnit: [Int64: [CalendarDay]] = [:]
        for key in unitDays {
            let id = key >> 32, day = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            let known = span[id]
            span[id] = (min(known?.0 ?? day, day), max(known?.1 ?? day, day))
            daysOfUnit[id, default: []].append(CalendarDay(daysSinceEpoch: day))
        }
        for (unit, id) in unitIDs.sorted(by: { $0.key < $1.key }) {
            guard let (first, lastRow) = span[id] else { continue }
            // Through the unit's own last day inside the periods learned from: days missing after
            // its last row there (a closure running into the partial last month) are missing too.
            let last = max(lastRow, min(lastRecorded[unit]?.daysSinceEpoch ?? lastRow, endOfComplete.daysSinceEpoch))
            let open = daysOfUnit[id].flatMap { OpenWeekdays(recordedOn: $0) } ?? censusOpen
            var count = 0, firstMissing: Int32 = 0, lastMissing: Int32 = 0
            // (A closure's days are named as such, not again as days not recorded.)
            let closed = closures[unit] ?? []
            for day in first...last where open.contains(CalendarDay(daysSinceEpoch: day)) && !unitDays.contains(id << 32 | Int64(day) & 0xFFFF_FFFF)
                && !closed.contains(where: { $0.contains(CalendarDay(daysSinceEpoch: day)) }) {
                if count == 0 { firstMissing = day }
                lastMissing = day
                count += 1
            }
            if count > 0 { missingDays.append((unit, count, CalendarDay(daysSinceEpoch: firstMissing), CalendarDay(daysSinceEpoch: lastMissing))) }
        }

        // Timekeeping: productive and premium hours per unit and period.
        guard let tUnits = timekeeping.texts("unit"), let tHours = timekeeping.numbers("hours") else {
            throw PipelineError(location: nil, "staffing: timekeeping needs unit and hours")
        }
        let tDates = try days(timekeeping, "timekeeping")
        let payTypes = timekeeping.texts("pay_type")
        var hoursByPay: [String: PeriodTotals] = ["overtime": PeriodTotals(frequency: frequency), "agency": PeriodTotals(frequency: frequency)]
        var classes: [String: PayCategory?] = [:]
        var unrecognised: [String: Double] = [:]
        // Millions of rows name a few hundred units and pay codes, and an export lists a unit's
        // rows together: the row's unit and pay code are looked up only when they differ from
        // the previous row's (comparing interned Strings is cheap, hashing them is not), and
        // hours add up in one array per unit indexed by period, in the same order as before.
        let tFirst = tDates.min(), tLast = tDates.max()
        let firstPeriod = tFirst.map { frequency.period(of: $0) } ?? 0
        // Overtime and agency at trend learn from the periods the timekeeping covers whole
        // (`TimekeepingPeriod.wholePeriods`), as the census does; with none whole, from all.
        var timekeepingDays = TimekeepingPeriod()
        if let tFirst, let tLast { timekeepingDays.add(tFirst); timekeepingDays.add(tLast) }
        let premiumPeriods = timekeepingDays.wholePeriods(of: frequency, open: censusOpen) ?? Int.min...Int.max
        let periodCount = max(0, lastComplete - firstPeriod + 1)
        var unitIndex: [String: Int] = [:], unitOrder: [String] = []
        var productiveHours: [[Double]] = [], premiumHours: [[Double]] = []
        var previousUnit: String?, unitSlot = -1
        // Hours of units the census does not name (`4 West Med-Surg` beside the census's `4
        // West`): never planned, and said as a unit's name to fix, not as job codes to target.
        var withoutCensus: [Bool] = [], hoursWithoutCensus: [String: Double] = [:]
        var previousPayType: String?, previousKind: PayCategory?
        // Hours of a job code the unit's targets do not name (a `Tech` beside RN and CNA targets)
        // are left out of its worked hours and named: counted in, they lifted a unit 12.5% short
        // of its RN hours per patient day to within 5% of the RN and CNA targets, unflagged.
        let jobCodes = timekeeping.texts("job_code")
        var targetedJobs = Set<String>()
        if jobCodes != nil, let units = targets.texts("unit"), let jobs = targets.texts("job_code") {
            for (unit, job) in zip(units, jobs) { targetedJobs.insert(CompositeKey.joined(censusName(unit), job.matchKey())) }
        }
        var untargeted: [String: Double] = [:], untargetedSpelling: [String: String] = [:]
        var previousJob: String?, previousJobSlot = -1, previousJobKey = "", previousJobTargeted = true
        // Rows of negative hours are corrections (an RN sent home after 8 of 12 hours booked as
        // 12 and -4): they net against their unit's hours. Refused, the way round the error
        // offered (--on-error skip) kept the 12 and overstated the hours.
        var corrections = (rows: 0, hours: 0.0)
        // Worked hours per unit and targeted job code (`CompositeKey.joined(unit, job.matchKey())`)
        // by period: each plan row's hours per patient day against its own target.
        var jobIndex: [String: Int] = [:], jobHours: [[Double]] = [], jobSlot = -1
        // Worked hours by weekday, for weekdays the census reads as closed (`ClosedDaysWorked`).
        var hoursByWeekday = ClosedDaysWorked.Builder()
        for r in 0..<tUnits.count {
            let payType = payTypes?[r] ?? ""
            let kind: PayCategory?
            if let previousPayType, payType == previousPayType {
                kind = previousKind
            } else {
                if let known = classes[payType] { kind = known } else { kind = payCodes.category(of: payType); classes[payType] = kind }
                previousPayType = payType
                previousKind = kind
            }
            // Unknown codes are counted (every row, for the report) and left out of worked hours.
            guard let kind else { unrecognised[payType.trimmed(), default: 0] += tHours[r]; continue }
            let period = frequency.period(of: tDates[r])
            guard kind != .nonProductive else { continue }
            // Hours of the census's last partial period are not planned from, but the hours of
            // untargeted job codes and units without census are the export's, said as such: the
            // note said `LPN (936 h)` for 84 days x 12 h = 1,008 in the file.
            let inPlan = period <= lastComplete
            if previousUnit == nil || tUnits[r] != previousUnit! {
                let unitName = censusName(tUnits[r])
                if let slot = unitIndex[unitName] {
                    unitSlot = slot
                } else {
                    unitSlot = unitOrder.count
                    unitIndex[unitName] = unitSlot
                    unitOrder.append(unitName)
                    productiveHours.append([Double](repeating: 0, count: periodCount))
                    premiumHours.append([])
                    withoutCensus.append(names.spelling(of: tUnits[r]) == nil)
                }
                previousUnit = tUnits[r]
            }
            if withoutCensus[unitSlot] {
                hoursWithoutCensus[unitOrder[unitSlot], default: 0] += tHours[r]
                continue
            }
            if let jobCodes, !targetedJobs.isEmpty {
                if jobCodes[r] != previousJob || unitSlot != previousJobSlot {
                    previousJobKey = CompositeKey.joined(unitOrder[unitSlot], jobCodes[r].matchKey())
                    previousJobTargeted = targetedJobs.contains(previousJobKey)
                    previousJob = jobCodes[r]
                    previousJobSlot = unitSlot
                    if previousJobTargeted {
                        if let known = jobIndex[previousJobKey] { jobSlot = known } else {
                            jobSlot = jobHours.count
                            jobIndex[previousJobKey] = jobSlot
                            jobHours.append([Double](repeating: 0, count: periodCount))
                        }
                    }
                }
                if !previousJobTargeted {
                    if untargeted[previousJobKey] == nil { untargetedSpelling[previousJobKey] = jobCodes[r] }
                    untargeted[previousJobKey, default: 0] += tHours[r]
                    continue
                }
                guard inPlan else { continue }
                jobHours[jobSlot][period - firstPeriod] += tHours[r]
            }
            guard inPlan else { continue }
            productiveHours[unitSlot][period - firstPeriod] += tHours[r]
            hoursByWeekday.add(unit: unitOrder[unitSlot], day: tDates[r], hours: tHours[r])
            if tHours[r] < 0 { corrections.rows += 1; corrections.hours += tHours[r] }
            if kind == .overtime || kind == .agency {
                if premiumHours[unitSlot].isEmpty { premiumHours[unitSlot] = [Double](repeating: 0, count: periodCount) }
                premiumHours[unitSlot][period - firstPeriod] += tHours[r]
                var unit = unitOrder[unitSlot]
                if premiumPeriods.contains(period) {
                    unit.withUTF8 { hoursByPay[kind == .overtime ? "overtime" : "agency"]!.add(key: $0, day: tDates[r], value: tHours[r]) }
                }
            }
        }
        // Corrections beyond the hours they correct: a file of negative hours (signs turned).
        for (slot, hours) in productiveHours.enumerated() {
            guard let p = hours.indices.first(where: { hours[$0] < -1e-9 }) else { continue }
            throw PipelineError(location: nil, "staffing: the timekeeping\(timekeeping.fromFile) nets \(unitOrder[slot]) to \(NumberFormat.fixed(hours[p], decimals: 2)) hours in \(frequency.label(firstPeriod + p)): rows of negative hours are read as corrections of the hours beside them, and these correct more than was worked; export hours worked as positive numbers")
        }
        /// Per-period hours as looked up below (a period without rows reads as 0 either way).
        func byPeriod(_ hours: [Double]) -> [Int: Double] {
            var d: [Int: Double] = [:]
            for (i, h) in hours.enumerated() { d[firstPeriod + i] = h }
            return d
        }
        var productive: [String: [Int: Double]] = [:], premium: [String: [Int: Double]] = [:]
        for (slot, unit) in unitOrder.enumerated() {
            productive[unit] = byPeriod(productiveHours[slot])
            if !premiumHours[slot].isEmpty { premium[unit] = byPeriod(premiumHours[slot]) }
        }

        // Forecast census (and premium hours) per unit.
        let season = frequency.defaultSeasonLength
        let z = CountDistribution.normalQuantile(percentile / 100)
        var censusForecast: [String: (values: [Double], mase: Double?)] = [:]
        var outlooks: [SeriesOutlook] = []
        let levelsShown = [80.0, 95.0]
        // The plan's periods begin after the last complete period; a history ending before it
        // is forecast through the periods between, and those steps are not planned, so each
        // plan period carries its own forecast (labels and values a period apart put January's
        // 31 days under February).
        let behind = censusTotals.lastPeriod == Int.min ? 0 : max(0, lastComplete - censusTotals.lastPeriod)
        var censusSettings = ForecastSettings(horizon: horizon + behind, season: season, levels: levelsShown, backtestOrigins: 3,
                                              longCycle: frequency.longCycle)
        // A census is a level: a unit opened weeks ago and still filling is planned at its last
        // period, not at the mean of its ramp (`ShortRamp`).
        censusSettings.shortRampsAtLastLevel = true
        let forecaster = DemandForecaster(settings: censusSettings)
        var shortHistories: [(unit: String, periods: Int, last: Double?, mean: Double, recent: Int, byWeek: Bool)] = []
        var record = historyStage.map { StageRecord(stage: $0, frequency: frequency, lastPeriod: censusTotals.lastPeriod) }
        // The census as recorded, missing periods NaN: the outlook shows them as gaps, where
        // the series the models fitted has them filled in, which read as census counted.
        var recorded: [String: [Double]] = [:]
        censusTotals.forEachSeries { id, _, values in recorded[censusTotals.keys.key(id)] = values }
        let fewerWeekdays = try ParallelForecast.each(censusTotals, forecaster: forecaster, threads: threads, progress: Progress(label: "staffing: census", total: censusTotals.seriesCount, quiet: quiet)) { unit, history, f in
            record?.add(series: unit, forecast: f, levels: levelsShown, history: history, season: season)
            let values = zip(f.mean.dropFirst(behind), f.spread.dropFirst(behind)).map { max(0, $0 + z * $1) }
            censusForecast[unit] = (values, f.candidates.first { $0.chosen }?.metrics.mase)
            // Said with its periods: planned at its mean, or at its recent level when ramping
            // (at 6 weeks and more too: a ramp planned at 137.7 for 112 had no note).
            let weeks = history.withUnsafeBufferPointer { ShortRamp.recentSeasons(in: $0, season: season) }
            let recent = weeks == nil ? history.withUnsafeBufferPointer(ShortRamp.recentPeriods) : nil
            if f.demandClass == .short || weeks != nil || recent != nil, !history.isEmpty {
                if let weeks {
                    let level = history.suffix(7 * weeks).reduce(0, +) / Double(weeks), all = history.count / 7
                    let mean = history.suffix(7 * all).reduce(0, +) / Double(max(1, all))
                    shortHistories.append((unit, all, level, mean, weeks, true))
                } else {
                    let level = recent.map { k in history.suffix(k).reduce(0, +) / Double(k) }
                    shortHistories.append((unit, history.count, level, history.reduce(0, +) / Double(history.count), recent ?? 0, false))
                }
            }
            // Both end at the last period; the fitted series may start a period later (a first
            // period begun in part is not fitted).
            let shown = recorded[unit].flatMap { values in
                values.count >= history.count ? zip(history, values.suffix(history.count)).map { $1.isNaN ? Double.nan : $0 } : nil
            } ?? history
            outlooks.append(SeriesOutlook(name: unit, frequency: frequency, history: shown, last: censusTotals.lastPeriod, forecast: f,
                                          levels: levelsShown, keep: 2 * season))
        }
        // A unit whose census stopped weeks before the others' (closed, or no longer exported)
        // is not planned: it was planned at its last level, 105 patient days and $42,000 a week
        // for a unit closed 14 weeks, with no word. It is named with its last period recorded.
        // Stopped is counted in days (`CensusStop`), the same at every frequency: counted in
        // silent periods, a unit stopped 6 weeks before the end was stopped by week and planned
        // by month. A week missing its Wednesday is read from its other days
        // (`readsPartlyRecordedPeriodsFromTheirDays`), not as the census stopping.
        var stoppedUnits: [(unit: String, last: String)] = []
        var endingEarly: [(unit: String, last: CalendarDay, days: Int)] = []
        censusTotals.forEachSeries { id, first, values in
            let unit = censusTotals.keys.key(id)
            guard let last = lastRecorded[unit] else { return }
            if CensusStop.hasStopped(last: last, censusLast: stopReference) {
                censusForecast[unit] = nil
                let recorded = values.lastIndex { !$0.isNaN }.map { first + $0 } ?? frequency.period(of: last)
                stoppedUnits.append((unit, frequency.label(recorded)))
            } else if let id = unitIDs[unit], censusForecast[unit] != nil,
                      last < stopReference,
                      !(daysOfUnit[id].flatMap { OpenWeekdays(recordedOn: $0) } ?? censusOpen).noneOpen(from: last.adding(days: 1), through: stopReference) {
                // Open, but the days since its last are missing ones: said, with its last day.
                endingEarly.append((unit, last, CensusStop.daysBetween(last, stopReference)))
            }
        }
        stoppedUnits.sort { $0.unit < $1.unit }
        var premiumForecast: [String: Double] = [:]
        var censusSeries: [String: (first: Int, values: [Double])] = [:]
        censusTotals.forEachSeries { id, first, values in censusSeries[censusTotals.keys.key(id)] = (first, values) }
        for (kind, var totals) in hoursByPay where totals.seriesCount > 0 {
            // Through the timekeeping's last whole period (a week without overtime there is 0),
            // and forecast on to the plan's periods from it: an export ending before the census
            // had its hours at trend summed over other weeks than the plan's.
            let through = min(premiumPeriods.upperBound, lastComplete)
            if through > totals.lastPeriod, through < Int.max {
                var day = frequency.firstDay(of: through + 1).adding(days: -1)
                while censusOpen.count > 0 && !censusOpen.contains(day) { day = day.adding(days: -1) }
                totals.cover(day)
            }
            // Periods a unit was closed (no census, no hours) are not periods of no overtime:
            // left out as not recorded (`ClosedPeriods`), as the census leaves them out.
            var closedPeriods: [(unit: String, periods: [Int])] = []
            totals.forEachSeries { id, first, values in
                let unit = totals.keys.key(id)
                guard let census = censusSeries[unit], !values.isEmpty else { return }
                let periods = ClosedPeriods.of(censusFrom: census.first, census.values, hoursWorked: productive[unit],
                                               in: first...min(first + values.count - 1, lastComplete))
                if !periods.isEmpty { closedPeriods.append((unit, periods)) }
            }
            for (var unit, periods) in closedPeriods {
                for p in periods { unit.withUTF8 { totals.add(key: $0, day: frequency.firstDay(of: p), value: .nan) } }
            }
            let ahead = totals.lastPeriod == Int.min ? 0 : max(0, lastComplete - totals.lastPeriod)
            let quick = DemandForecaster(settings: ForecastSettings(horizon: horizon + ahead, season: season, levels: [80], backtestOrigins: 0, longCycle: frequency.longCycle))
            try ParallelForecast.each(totals, forecaster: quick, threads: threads, progress: Progress(label: "staffing: \(kind)", total: totals.seriesCount, quiet: true)) { unit, _, f in
                premiumForecast["\(unit)|\(kind)"] = f.mean.dropFirst(ahead).reduce(0, +)
            }
        }

        // Targets.
        guard let gUnits = targets.texts("unit"), let gJobs = targets.texts("job_code"), let gHPPD = targets.numbers("target_hppd") else {
            throw PipelineError(location: nil, "staffing: targets need unit, job_code and target_hppd")
        }
        let gFTE = targets.numbers("budgeted_fte"), gRate = targets.numbers("hourly_rate"), gOT = targets.numbers("overtime_multiplier")
        let gAgency = targets.numbers("agency_rate"), gRatio = targets.numbers("max_patients_per_staff")
        func value(_ column: [Double]?, _ r: Int) -> Double? { column.flatMap { $0[r].isFinite ? $0[r] : nil } }
        let targetUnits = gUnits.map(censusName)
        let planned = targetUnits.filter { censusForecast[$0] != nil }
        // Census units no target names are not planned either: said, since the outlook still
        // drew their census first and the plan left the largest unit out without a word.
        let targeted = Set(targetUnits)
        let untargetedUnits = censusForecast.keys.filter { !targeted.contains($0) }.sorted()
        let stopped = Set(stoppedUnits.map(\.unit))
        let unmatched = zip(gUnits, targetUnits).filter { censusForecast[$0.1] == nil && !stopped.contains($0.1) }.map(\.0)
        // A shard may hold only units that have census without targets and targets without
        // census (units hash to shards): nothing to plan there, which the whole run reports by
        // name without failing.
        if planned.isEmpty && sharded { return Self.emptyShard(unmatched: unique(unmatched), withoutTargets: untargetedUnits) }
        if planned.isEmpty, !stoppedUnits.isEmpty, unmatched.isEmpty {
            throw PipelineError(location: nil, "staffing: the census of every unit the targets name stopped \(CensusStop.days / 7) weeks or more before the census's last day, \(stopReference) (" + stoppedUnits.map { "\($0.unit) to \($0.last)" }.listed(upTo: 5) + "), so nothing is left to plan; export the census to date")
        }
        if planned.isEmpty {
            let file = targets.fromFile
            if let first = cDates.min(), targetUnits.contains(where: names.isExact) {
                // The names match: the census is too short to hold a whole period.
                let source = census.sourceFile.map { "\($0), " } ?? ""
                let whole = frequency == .week ? "a whole week, Monday to Sunday" : "a whole \(frequency.rawValue)"
                throw PipelineError(location: nil, "staffing: the census (\(source)\(first) to \(lastDay)) holds no complete \(frequency.rawValue) of the units the targets name, and only complete \(frequency.rawValue)s are learned from; export \(whole) at least" + (frequency == .week ? "" : ", or plan by --frequency week"))
            }
            throw PipelineError(location: nil, "staffing: no unit of the staffing targets\(file) has census: the targets name \(unique(unmatched).joined(separator: ", ")); the census has \(names.names.joined(separator: ", ")). Units match ignoring case and spaces; fix the unit names in one of the files")
        }
        var seenTargets: [String: Int] = [:]
        for r in 0..<gUnits.count {
            let key = CompositeKey.joined(targetUnits[r], gJobs[r].matchKey())
            if let first = seenTargets[key] {
                throw PipelineError(location: nil, "staffing: the targets have unit \(targetUnits[r]) and job code \(gJobs[r]) twice (rows \(first + 1) and \(r + 1)); keep one")
            }
            seenTargets[key] = r
        }

        // Periods each unit's timekeeping covers whole: days it has rows on in the period, and
        // the period inside the unit's first and last day. An export that ends two weeks before
        // the census (payroll closes later) or misses a week read those weeks as no hours
        // worked: a unit at 3.2 hours per patient day every day it was recorded came out 2.71,
        // flagged below target. Per unit, since one unit's week missing from an export that
        // holds the others' read as the same (4.8 hours per patient day came out 3.2).
        let timekept = TimekeepingCoverage(units: tUnits, days: tDates, name: censusName)
        let unitOpen = UnitOpenWeekdays.of(units: cUnits, days: cDates, patientDays: cDays, name: censusName)
        let plannedUnits = Set(planned)
        let closedDaysWorked = hoursByWeekday.found(open: unitOpen).filter { plannedUnits.contains($0.unit) }
        func coveredByTimekeeping(_ p: Int, of unit: String) -> Bool {
            guard let span = timekept.span(of: unit), timekept.covers(p, of: unit, frequency: frequency) else { return false }
            // (Days the unit's census does not record, a weekday unit's weekend, need no timekeeping.)
            let open = unitOpen[unit] ?? censusOpen
            let start = frequency.firstDay(of: p), end = frequency.firstDay(of: p + 1).adding(days: -1)
            guard open.noneOpen(from: start, through: span.first.adding(days: -1)), open.noneOpen(from: span.last.adding(days: 1), through: end) else { return false }
            // Inside the span too, every day with patients: a month holding a week without
            // timekeeping has rows all the same.
            guard let id = unitIDs[unit], Int(id) < daysWithPatients.count else { return true }
            return timekept.coversEveryDay(of: unit, in: daysWithPatients[Int(id)], from: start, through: end)
        }
        var uncovered: [Int: Set<String>] = [:]
        // Units with no timekeeping at all: named once, not as a gap in every recent period.
        var withoutTimekeeping = Set<String>()

        // Unit-level evidence from history: HPPD and the premium-hours trend.
        var summaries: [String: UnitSummary] = [:]
        // The recent periods each unit's hours per patient day are measured over, and their census.
        var measured: [String: (patientDays: Double, periods: [Int])] = [:]
        let recentWindow = RecentWindow.periods(of: frequency, season: season)
        for unit in Set(planned).sorted() {
            let target = zip(targetUnits, gHPPD).filter { $0.0 == unit }.reduce(0) { $0 + $1.1 }
            var s = UnitSummary(unit: unit, recentHPPD: nil, targetHPPD: target, recentPremiumShare: nil, earlierPremiumShare: nil,
                                censusMASE: censusForecast[unit]?.mase, projectedOvertime: premiumForecast["\(unit)|overtime"] ?? 0,
                                projectedAgency: premiumForecast["\(unit)|agency"] ?? 0, flags: [])
            let recent = (lastComplete - recentWindow + 1)...lastComplete
            let earlier = (lastComplete - 2 * recentWindow + 1)...(lastComplete - recentWindow)
            func sum(_ d: [Int: Double]?, _ range: ClosedRange<Int>) -> Double { range.reduce(0) { $0 + (d?[$1] ?? 0) } }
            // Hours per patient day over the recent periods whose census was recorded.
            var patientDays = 0.0, hoursOnRecordedDays = 0.0
            if let id = (0..<censusTotals.seriesCount).first(where: { censusTotals.keys.key($0) == unit }) {
                let (first, values) = censusTotals.values(of: id)
                for p in recent where p >= first && p - first < values.count && !values[p - first].isNaN {
                    guard timekept.span(of: unit) != nil else { withoutTimekeeping.insert(unit); break }
                    guard coveredByTimekeeping(p, of: unit) else { uncovered[p, default: []].insert(unit); continue }
                    // A period read from fewer than half its days (`censusPeriodsReadFromRecordedDays`)
                    // is a unit closed most of it, whose hours (none, or a manager's) are not those
                    // of its census's average over the period: a unit closed 12 to 31 January had
                    // January's 11 days of hours set against 31 days of census, and October to
                    // January measured 7.54 hours per patient day where it worked at 9 (7.39 where
                    // 8 hours a day were kept through the closure), flagged below target. Left out
                    // of the measurement; a week read from 6 days (a Wednesday missing) is not.
                    // One read from more, where staff worked only the days recorded (a week closed
                    // inside a month, 0 census read as closed), counts the census of those days:
                    // November's 23 days of hours against 30 days of census read 5.66 for 6.
                    var census = values[p - first]
                    if let read = readFromRecordedDays.first(where: { $0.unit == unit && $0.period == frequency.label(p) }), read.days > 0 {
                        if 2 * read.recorded < read.days { continue }
                        let worked = timekept.daysWithRows(of: unit, from: frequency.firstDay(of: p), through: frequency.firstDay(of: p + 1).adding(days: -1))
                        census *= Double(max(read.recorded, min(worked, read.days))) / Double(read.days)
                    }
                    patientDays += census
                    hoursOnRecordedDays += productive[unit]?[p] ?? 0
                    measured[unit, default: (0, [])].periods.append(p)
                }
            }
            measured[unit, default: (0, [])].patientDays = patientDays
            let recentProductive = sum(productive[unit], recent), earlierProductive = sum(productive[unit], earlier)
            if patientDays > 0 && hoursOnRecordedDays > 0 { s.recentHPPD = hoursOnRecordedDays / patientDays }
            if recentProductive > 0 { s.recentPremiumShare = sum(premium[unit], recent) / recentProductive }
            if earlierProductive > 0 { s.earlierPremiumShare = sum(premium[unit], earlier) / earlierProductive }
            if let r = s.recentPremiumShare, let e = s.earlierPremiumShare, r > e + 0.02, r > e * 1.25 { s.flags.append("rising_overtime_agency") }
            if let h = s.recentHPPD, h < 0.95 * target { s.flags.append("below_target_hppd") }
            summaries[unit] = s
        }

        var rows: [Row] = []
        let shapes = frequency == .day ? [:] : recentDays.compactMapValues { CensusWeekdayShape(days: $0) }
        var defaultOT: [String] = [], defaultAgency: [String] = []
        let start = lastComplete + 1
        for r in 0..<gUnits.count {
            let unit = targetUnits[r]
            guard let forecast = censusForecast[unit] else { continue }
            if value(gRate, r) != nil {
                if value(gOT, r) == nil { defaultOT.append("\(unit) \(gJobs[r])") }
                if value(gAgency, r) == nil { defaultAgency.append("\(unit) \(gJobs[r])") }
            }
            let target = StaffingPlanner.Target(targetHPPD: gHPPD[r], budgetedFTE: value(gFTE, r), hourlyRate: value(gRate, r),
                                                overtimeMultiplier: value(gOT, r), agencyRate: value(gAgency, r), maxPatientsPerStaff: value(gRatio, r))
            // The unit's flags, but below_target_hppd is the job code's own when the timekeeping
            // names job codes: an RN at its 8 HPPD was flagged for the CNAs' shortfall.
            var rowFlags = summaries[unit]?.flags ?? []
            if let slot = jobIndex[CompositeKey.joined(unit, gJobs[r].matchKey())], let m = measured[unit], m.patientDays > 0 {
                let hours = m.periods.reduce(0) { $0 + jobHours[slot][$1 - firstPeriod] }
                rowFlags.removeAll { $0 == "below_target_hppd" }
                if hours / m.patientDays < 0.95 * gHPPD[r] { rowFlags.append("below_target_hppd") }
            } else if jobCodes != nil, measured[unit].map({ $0.patientDays > 0 }) ?? false {
                // A targeted job code with no hours at all is below its target (unless the target is 0).
                rowFlags.removeAll { $0 == "below_target_hppd" }
                if gHPPD[r] > 0 { rowFlags.append("below_target_hppd") }
            }
            // By day, the FTEs and premium hours are the week's (`StaffingPlanner.plan(days:)`).
            let staffed = staffedHours[unit.matchKey()]
            let byDay = frequency == .day ? planner.plan(days: forecast.values, from: frequency.firstDay(of: start), target: target, staffed: staffed) : nil
            for (step, patientDays) in forecast.values.enumerated() {
                let period = start + step
                // Longer periods check the ratio on each day's share of the census (`CensusWeekdayShape`).
                let days = frequency.days(in: period)
                let daily = byDay == nil && target.maxPatientsPerStaff != nil
                    ? shapes[unit].map { $0.census(on: (0..<days).map(frequency.firstDay(of: period).adding(days:)), perDay: patientDays / Double(days)) } : nil
                let hoursStaffed = target.maxPatientsPerStaff == nil ? nil : staffed?.hours(from: frequency.firstDay(of: period), count: days)
                let plan = byDay?[step] ?? planner.plan(patientDays: patientDays, days: Double(days), wholeWeeks: frequency == .week, target: target,
                                                        dailyCensus: daily, staffedHours: hoursStaffed)
                var flags = rowFlags
                if plan.fteGap > 0.5 { flags.append("fte_short") }
                if plan.agencyHours > 0 { flags.append("agency_needed") }
                if plan.belowRatio { flags.append("below_ratio_minimum") }
                if target.budgetedFTE == nil { flags.append("missing_budgeted_fte") }
                if target.hourlyRate == nil { flags.append("missing_rate") }
                rows.append(Row(unit: unit, jobCode: gJobs[r], period: frequency.label(period), censusForecast: patientDays,
                                targetHPPD: gHPPD[r], budgetedFTE: target.budgetedFTE ?? .nan, plan: plan, flags: flags))
            }
        }
        for (unit, _) in summaries where censusForecast[unit] != nil {
            if rows.contains(where: { $0.unit == unit && $0.flags.contains("fte_short") }) { summaries[unit]!.flags.append("understaffed") }
            // The ratio check is per row; the Units table and the run's note carry it too (only
            // staffing_plan.csv did, and the report never said a target staffs below a ratio).
            if rows.contains(where: { $0.unit == unit && $0.plan.belowRatio }) { summaries[unit]!.flags.append("below_ratio_minimum") }
        }
        rows.sort { ($0.unit, $0.jobCode, $0.period) < ($1.unit, $1.jobCode, $1.period) }
        record?.addActuals(censusTotals)
        // Target units the census names but holds no complete period of (a unit opened four
        // days before the census ends) were "no census for the unit", which the file belied:
        // they are named with their first census day.
        let opened = Set(unmatched.compactMap { names.spelling(of: $0) })
        var firstCensusDay: [String: CalendarDay] = [:]
        if !opened.isEmpty {
            for (unit, day) in zip(cUnits, cDates) {
                let name = censusName(unit)
                if opened.contains(name), firstCensusDay[name].map({ day < $0 }) ?? true { firstCensusDay[name] = day }
            }
        }
        var result = Result(history: record, rows: rows, units: summaries.values.sorted { $0.unit < $1.unit }, firstPeriod: frequency.label(start), censusOutlooks: outlooks,
                      unmatchedUnits: unique(unmatched.filter { names.spelling(of: $0) == nil }), looseMatches: looseMatches,
                      repeatedCensusDays: (repeatedDays, repeatedExamples),
                      untargetedHours: untargeted.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
                          (unit: String(CompositeKey.parts(of: $0.key, maxSplits: 1)[0]), jobCode: untargetedSpelling[$0.key] ?? "", hours: $0.value)
                      },
                      unrecognisedPayCodes: unrecognised.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (code: $0.key, hours: $0.value) })
        result.unitsOnFewerWeekdays = fewerWeekdays.note.map { "census: " + $0 }
        result.closedDaysWorked = closedDaysWorked
        if let snapshots, snapshots.averagedDays > 0, let minutes {
            var times: [Int] = []
            for m in minutes where m >= 0 && !times.contains(Int(m)) {
                times.append(Int(m))
                if times.count == Self.shownTimes { break }
            }
            result.censusSnapshots = (times.sorted(), snapshots.averagedDays)
        }
        result.corrections = corrections
        result.fteBasis = (planner.paidHoursPerFTEYear, planner.productiveShare, planner.overtimeShare)
        result.stoppedUnits = stoppedUnits.filter { targeted.contains($0.unit) }
        let leftEmpty = Dictionary(census.unrecordedThrough.map { ($0.key.matchKey(), $0.value) }, uniquingKeysWith: max)
        // Hours worked after each such unit's last recorded day, in one pass over timekeeping
        // (each distinct unit text folded once).
        var emptied: [String: (unit: String, recorded: CalendarDay, through: CalendarDay)] = [:]
        for stopped in result.stoppedUnits {
            let key = stopped.unit.matchKey()
            if let through = leftEmpty[key], let recorded = lastRecorded[stopped.unit] { emptied[key] = (stopped.unit, recorded, through) }
        }
        if !emptied.isEmpty {
            var folded: [String: String] = [:], hoursSince: [String: Double] = [:]
            for r in 0..<tUnits.count where tHours[r] > 0 {
                let key = folded[tUnits[r]] ?? tUnits[r].matchKey()
                folded[tUnits[r]] = key
                if let e = emptied[key], tDates[r] > e.recorded { hoursSince[key, default: 0] += tHours[r] }
            }
            for (key, e) in emptied { if let hours = hoursSince[key] { result.stoppedUnitsLeftEmpty[e.unit] = (e.recorded, e.through, hours) } }
        }
        result.censusEndingEarly = endingEarly.filter { targeted.contains($0.unit) }.sorted { $0.unit < $1.unit }
        result.censusLastDay = stopReference
        result.unitsWithoutCompletePeriod = firstCensusDay.sorted { $0.key < $1.key }.map { (unit: $0.key, first: $0.value) }
        // A unit the census names on rows whose every value is empty has no census, not
        // another spelling: said apart (it was "spell the unit as the census does").
        let unrecorded = Set(census.unrecordedKeys.map { $0.matchKey() })
        let unplanned = hoursWithoutCensus.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        result.timekeepingUnitsWithoutCensus = unplanned.filter { !unrecorded.contains($0.key.matchKey()) }.map {
            (unit: $0.key, hours: $0.value, likely: names.likely(for: $0.key))
        }
        result.unitsWithEmptyCensus = unplanned.filter { unrecorded.contains($0.key.matchKey()) }.map { (unit: $0.key, hours: $0.value) }
        result.partialPeriods = partial
        result.unitsWithoutTargets = untargetedUnits
        result.defaultOvertimeMultiplier = defaultOT
        result.defaultAgencyRate = defaultAgency
        result.overtimeMultiplierDefault = planner.defaultOvertimeMultiplier
        result.agencyRateMultipleDefault = planner.defaultAgencyRateMultiple
        result.missingCensusDays = missingDays
        result.shortCensusHistories = shortHistories.filter { targeted.contains($0.unit) && censusForecast[$0.unit] != nil }.sorted { $0.unit < $1.unit }
        result.censusClosures = closures.sorted { $0.key < $1.key }.flatMap { unit, runs in runs.map { (unit: unit, days: $0) } }
        result.censusBeforeOpening = notYetOpen.sorted { $0.key < $1.key }.map { (unit: $0.key, days: $0.value) }
        result.censusPeriodsReadFromRecordedDays = readFromRecordedDays
        result.frequency = frequency
        result.unitsWithStaffedHours = Set(planned.filter { staffedHours[$0.matchKey()] != nil })
        // Timekeeping for another span than the census (last year's export beside this year's
        // census) left hours per patient day and the premium shares blank without a word; one
        // that covers part of the census names the recent periods it misses.
        let cFirst = cDates.min() ?? lastDay
        let disjoint = tFirst.map { $0 > lastDay } == true || tLast.map { $0 < cFirst } == true
        if !uncovered.isEmpty, !disjoint, let tFirst, let tLast {
            // A period every planned unit misses is named alone; one some miss names them.
            let everyUnit = Set(planned).subtracting(withoutTimekeeping).count
            let labels = uncovered.keys.sorted().map { p in
                frequency.label(p) + (uncovered[p]!.count == everyUnit ? "" : " (" + uncovered[p]!.sorted().listed(upTo: 3) + ")")
            }
            result.timekeepingGaps = "the timekeeping (\(tFirst) to \(tLast)) does not cover \(labels.count == 1 ? "the census's recent \(frequency.rawValue)" : "\(labels.count) of the census's recent \(frequency.rawValue)s") \(labels.prefix(6).joined(separator: ", "))\(labels.count > 6 ? ", ..." : ""): hours per patient day are measured over the \(frequency.rawValue)s both cover, not read as no hours worked"
        }
        if !withoutTimekeeping.isEmpty, !disjoint, tFirst != nil {
            let units = withoutTimekeeping.sorted()
            let none = "the timekeeping has no rows for \(units.listed(upTo: 5)): \(units.count == 1 ? "its" : "their") hours per patient day cannot be measured, and are not read as no hours worked; check the export covers \(units.count == 1 ? "the unit" : "them")"
            result.timekeepingGaps = result.timekeepingGaps.map { $0 + "; " + none } ?? none
        }
        if disjoint, let tFirst, let tLast {
            result.disjointSpans = "the timekeeping (\(tFirst) to \(tLast)) and the census (\(cFirst) to \(lastDay)) share no day: worked hours per patient day and the overtime and agency shares cannot be measured; export both for the same dates"
        }
        return result
    }

    /// The plan of a shard with no unit to plan (units hash to shards), naming the target units
    /// without census and the census units without targets it holds, as the whole run does.
    static func emptyShard(unmatched: [String], withoutTargets: [String]) -> Result {
        var empty = Result(history: nil, rows: [], units: [], firstPeriod: "")
        empty.unmatchedUnits = unmatched
        empty.unitsWithoutTargets = withoutTargets
        return empty
    }

    /// Each value once, in first-seen order.
    func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    public static let header = ["unit", "job_code", "period", "census_forecast", "required_hours", "target_hppd", "fte_required",
                                "budgeted_fte", "fte_gap", "overtime_hours", "agency_hours", "labor_cost", "flags"]

    public static func table(_ result: Result) -> Table {
        let rows = result.rows
        func r2(_ x: Double) -> Double { NumberFormat.rounded(x, decimals: 2) }
        return Table([
            ("unit", .text(rows.map(\.unit))), ("job_code", .text(rows.map(\.jobCode))), ("period", .text(rows.map(\.period))),
            ("census_forecast", .number(rows.map { r2($0.censusForecast) })), ("required_hours", .number(rows.map { r2($0.plan.requiredHours) })),
            ("target_hppd", .number(rows.map(\.targetHPPD))), ("fte_required", .number(rows.map { r2($0.plan.fteRequired) })),
            ("budgeted_fte", .number(rows.map(\.budgetedFTE))), ("fte_gap", .number(rows.map { r2($0.plan.fteGap) })),
            ("overtime_hours", .number(rows.map { r2($0.plan.overtimeHours) })), ("agency_hours", .number(rows.map { r2($0.plan.agencyHours) })),
            ("labor_cost", .number(rows.map { r2($0.plan.laborCost) })), ("flags", .text(rows.map { $0.flags.joined(separator: ";") })),
        ])
    }

    /// staffing_plan.md: the summary a nurse manager reads first, FTE required against
    /// budgeted, each unit's census outlook, then the plan by unit. `file` is the base name of
    /// the CSV it points to (a stage's `file:`).
    public static func report(_ result: Result, numbers: NumberStyle = NumberStyle(), moreSummary: [String] = [],
                              file: String = "staffing_plan") -> Report {
        let short = result.units.filter { $0.flags.contains("understaffed") }
        let rising = result.units.filter { $0.flags.contains("rising_overtime_agency") }
        // Rows whose budget or rate is blank have no cost or premium hours: the totals say so.
        func known(_ value: (Row) -> Double) -> Double { result.rows.reduce(0) { $0 + (value($1).isNaN ? 0 : value($1)) } }
        let cost = known(\.plan.laborCost)
        let premiumHours = known { $0.plan.overtimeHours + $0.plan.agencyHours }
        let premiumCost = known(\.plan.premiumCost)
        let unknown = Set(result.rows.filter { $0.plan.laborCost.isNaN }.map { "\($0.unit) \($0.jobCode)" }).sorted()
        var summary = [
            "Projected labor cost over the plan (the budgeted FTEs' pay for every paid hour, with overtime and agency): \(numbers.money(cost)); overtime and agency hours needed to cover the FTE gaps, with budgeted FTEs in post: \(numbers.quantity(premiumHours, decimals: 0)), costing \(numbers.money(premiumCost)) above regular pay"
                + (unknown.isEmpty ? "." : "; not counted, their budgeted FTE or hourly rate blank in the targets: " + unknown.joined(separator: ", ") + "."),
            shortSentence(result, numbers: numbers),
        ]
        let belowRatio = result.rows.filter { $0.plan.belowRatio }
        if !belowRatio.isEmpty {
            var periods: [String: [String]] = [:], order: [String] = []
            for row in belowRatio {
                let name = "\(row.unit) \(row.jobCode)"
                if periods[name] == nil { order.append(name) }
                periods[name, default: []].append(row.period)
            }
            // Said over which hours: a unit staffed fewer than 24 hours a day is told how to say so.
            let roundTheClock = Set(belowRatio.filter { !result.unitsWithStaffedHours.contains($0.unit) }.map(\.unit)).sorted()
            let basis = roundTheClock.isEmpty ? "" : " (counted 24 hours a day on every day the census records for "
                + roundTheClock.listed(upTo: 5) + "; a unit staffed fewer hours gives its shifts' start and end in --shifts)"
            summary.append("HPPD targets below the ratio minimum (max patients per staff; flag below_ratio_minimum): "
                           + order.map { "\($0) (\(periods[$0]!.listed(upTo: 3)))" }.listed(upTo: 10, of: order.count)
                           + basis + "; plan those shifts to the ratio, not the HPPD target.")
        }
        if !rising.isEmpty {
            summary.append("Overtime and agency rising: " + rising.map { u in
                "\(u.unit) (\(numbers.percent(100 * (u.earlierPremiumShare ?? 0))) → \(numbers.percent(100 * (u.recentPremiumShare ?? 0))) of productive hours)"
            }.joined(separator: ", ") + ".")
        }
        // The units' own premium use, forecast from their timekeeping, beside the plan's: a unit
        // covering vacancies with agency needs none on paper (its budgeted FTEs cover the
        // census), and the two figures read as one contradicting the other.
        // Units with a job code whose plan premium is unknown (a blank budgeted FTE) are left out
        // of both sides: their trend counted hours the plan's figure did not.
        let unknownPremium = Set(result.rows.filter { ($0.plan.overtimeHours + $0.plan.agencyHours).isNaN }.map(\.unit))
        let trendHours = result.units.filter { !unknownPremium.contains($0.unit) }.reduce(0) { $0 + $1.projectedOvertime + $1.projectedAgency }
        let knownPremium = result.rows.filter { !unknownPremium.contains($0.unit) }.reduce(0) { $0 + $1.plan.overtimeHours + $1.plan.agencyHours }
        if trendHours > knownPremium + 0.5 {
            let without = unknownPremium.isEmpty ? "" : " (without \(unknownPremium.sorted().listed(upTo: 3)), whose plan has a job code without budgeted FTEs)"
            summary.append("At their own recent use, the units\(without) would work \(numbers.quantity(trendHours, decimals: 0)) overtime and agency hours over the plan, \(numbers.quantity(trendHours - knownPremium, decimals: 0)) more than the plan needs: vacancies or call-outs covered by premium hours (Units table).")
        }
        let mases = result.units.compactMap(\.censusMASE)
        if !mases.isEmpty {
            summary.append("Census forecast accuracy (backtest MASE, mean over units): \(NumberFormat.fixed(mases.reduce(0, +) / Double(mases.count), decimals: 3)).")
        }
        summary += moreSummary
        summary += caveats(result, numbers: numbers).map { $0 + "." }
        var doc = Report(title: result.firstPeriod.isEmpty ? "Staffing plan: no unit in this shard has both census and targets" : "Staffing plan from \(result.firstPeriod)", summary: summary)
        doc.keyFigure("Projected labor cost", cost, style: .money)
        doc.keyFigure("Overtime and agency hours", premiumHours, style: .number(decimals: 0))
        doc.keyFigure("Overtime and agency premium", premiumCost, style: .money)
        doc.keyFigure("Units short of budgeted FTEs", Double(short.count))
        let units = Set(result.rows.map(\.unit)).sorted()
        if !units.isEmpty {
            // Average FTE over the plan's periods, summed over job codes.
            func average(_ unit: String, _ value: (Row) -> Double) -> Double {
                let rows = result.rows.filter { $0.unit == unit }
                let periods = Set(rows.map(\.period)).count
                return periods > 0 ? rows.reduce(0) { $0 + value($1) } / Double(periods) : 0
            }
            let chart = GroupedBarChart(
                title: "FTE required vs budgeted, from \(result.firstPeriod)",
                caption: "Average FTE the census forecast requires over the plan, against budgeted FTE, all job codes.",
                categories: units,
                series: [GroupedBarChart.Series(name: "Required", values: units.map { average($0) { $0.plan.fteRequired } }),
                         GroupedBarChart.Series(name: "Budgeted", values: units.map { average($0) { $0.budgetedFTE.isNaN ? 0 : $0.budgetedFTE } })],
                format: .quantity)
            var native = chart.workbookChart(categoryHeader: "Unit")
            native.sheet = "FTE by unit"
            doc.figure(Report.Figure(name: "fte", description: "FTE required vs budgeted by unit", svg: chart.svg(), chart: native))
        }
        doc.heading("Units")
        let basis = result.fteBasis
        doc.paragraph("An FTE is \(numbers.quantity(basis.paidHours, decimals: 0)) paid hours a year, \(NumberFormat.fixed(basis.productiveShare * 100, decimals: 1))% of them worked (\(NumberFormat.fixed(basis.paidHours * basis.productiveShare / 52, decimals: 2)) hours a week); overtime covers up to \(NumberFormat.fixed(basis.overtimeShare * 100, decimals: 1))% of the required hours before agency (--paid-hours-per-fte, --productive-share and --overtime-share; paid_hours_per_fte:, productive_share: and overtime_share: in a pipeline).")
        doc.paragraph("The plan's overtime and agency hours (\(file).csv and the tables by unit) cover each FTE gap with the budgeted FTEs in post. The hours at trend below are forecast from each unit's own timekeeping history instead: premium hours used beyond the plan (vacancies, call-outs) show there before they reach the budget.")
        doc.table(["Unit", "Recent HPPD", "Target HPPD", "OT+agency share", "OT h at trend", "Agency h at trend", "Census MASE", "Flags"],
                  result.units.map { u in
                      [u.unit, u.recentHPPD.map { NumberFormat.fixed($0, decimals: 2) } ?? "", NumberFormat.fixed(u.targetHPPD, decimals: 2),
                       u.recentPremiumShare.map { numbers.percent(100 * $0) } ?? "", numbers.quantity(u.projectedOvertime, decimals: 0),
                       numbers.quantity(u.projectedAgency, decimals: 0), u.censusMASE.map { NumberFormat.fixed($0, decimals: 3) } ?? "",
                       u.flags.joined(separator: ", ")]
                  }, alignments: [.left, .right, .right, .right, .right, .right, .right, .left])
        if !result.censusOutlooks.isEmpty {
            doc.heading("Census outlook")
            for (k, outlook) in result.censusOutlooks.enumerated() {
                doc.figure(outlook.figure(name: "census_\(k + 1)", title: "Patient days: \(outlook.name)",
                                          caption: "Patient days per period, forecast with 80% and 95% ranges.", format: .quantity))
            }
        }
        for unit in units {
            let rows = result.rows.filter { $0.unit == unit }
            doc.heading(unit, level: 3)
            doc.table(["Job", "Period", "Census", "Hours", "FTE req.", "Budgeted", "Gap", "OT h", "Agency h", "Cost"],
                      rows.map { r in
                          [r.jobCode, r.period, numbers.quantity(r.censusForecast, decimals: 0), numbers.quantity(r.plan.requiredHours, decimals: 0),
                           NumberFormat.fixed(r.plan.fteRequired, decimals: 1), NumberFormat.fixed(r.budgetedFTE, decimals: 1),
                           NumberFormat.fixed(r.plan.fteGap, decimals: 1), numbers.quantity(r.plan.overtimeHours, decimals: 0),
                           numbers.quantity(r.plan.agencyHours, decimals: 0), numbers.money(r.plan.laborCost)]
                      }, alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right],
                      // The figures as staffing_plan.csv writes them (to 2 decimals) behind the rounded text.
                      values: rows.map { r in
                          func r2(_ x: Double) -> Double? { x.isFinite ? (x * 100).rounded() / 100 : nil }
                          return [nil, nil, r2(r.censusForecast), r2(r.plan.requiredHours), r2(r.plan.fteRequired), r.budgetedFTE, r2(r.plan.fteGap),
                                  r2(r.plan.overtimeHours), r2(r.plan.agencyHours), r2(r.plan.laborCost)]
                      })
        }
        return doc
    }

    /// What the plan left out or read leniently: target units without census, names matched
    /// ignoring case, pay codes nobody mapped. Said in the report and the run's note, because
    /// each once changed the plan without a word.
    static func caveats(_ result: Result, numbers: NumberStyle = NumberStyle()) -> [String] {
        var lines: [String] = [result.censusTotals, result.timekeepingTotals, result.disjointSpans, result.timekeepingGaps, result.unitsOnFewerWeekdays].compactMap { $0 }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        // Weekdays read as closed with hours worked on them: the plan counts no patients there.
        if !result.closedDaysWorked.isEmpty {
            lines.append("Census days read as closed where staff worked: " + result.closedDaysWorked.map(\.sentence).joined(separator: "; ")
                + "; a census missing those days (a business-day report, a weekly snapshot) plans too few hours and reads hours per patient day high: export the census for every day")
        }
        if !result.partialPeriods.isEmpty {
            lines.append("Census " + result.partialPeriods.joined(separator: "; ") + " (only complete periods are learned from)")
        }
        // The periods missing some days that have other days recorded are read from those days,
        // said with the days each recorded, since the plan learns from them.
        let read = result.censusPeriodsReadFromRecordedDays, period = result.frequency.rawValue
        let readFromDays = read.isEmpty ? nil
            : "\(NumberFormat.count(read.count, period)) missing some days \(read.count == 1 ? "is" : "are") read from the days recorded (their daily average times the \(period)'s days), not as a fall in census or a closed unit: "
                + read.prefix(6).map { "\($0.unit) \($0.period) (\($0.recorded) of \($0.days) days)" }.listed(of: read.count)
                + "; only a \(period) with no day recorded is left out"
        if !result.missingCensusDays.isEmpty {
            lines.append("Census days not recorded (no row, or an empty value), read as missing, not as an empty unit: "
                + result.missingCensusDays.prefix(6).map { "\($0.unit) \($0.count) day\($0.count == 1 ? "" : "s") (\($0.first)\($0.count > 1 ? " to \($0.last)" : ""))" }.listed(of: result.missingCensusDays.count)
                + (readFromDays.map { "; " + $0 } ?? ""))
        } else if let readFromDays {
            // Only a unit's census ending early left periods missing some days: said all the same.
            lines.append("Census " + readFromDays)
        }
        // Units' runs of zero census, each as "ICU 2026-01-12 to 2026-02-01 (21 days)".
        func zeroRuns(_ runs: [(unit: String, days: ClosedRange<CalendarDay>)]) -> String {
            runs.prefix(6).map { r in
                "\(r.unit) \(r.days.lowerBound) to \(r.days.upperBound) (\(NumberFormat.count(CensusStop.daysBetween(r.days.lowerBound, r.days.upperBound) + 1, "day")))"
            }.listed(of: runs.count)
        }
        if !result.censusClosures.isEmpty {
            lines.append("Census runs of zero patient days inside a unit's history (a week or more, census before and after), read as the unit closed, not as census, and left out like days not recorded: "
                + zeroRuns(result.censusClosures) + "; if the unit was open and empty, those weeks are not planned from")
        }
        if !result.censusBeforeOpening.isEmpty {
            lines.append("Census of zero patient days listed before a unit's first census (a week or more), read as the unit not yet open, not as census: its history starts at its first census: "
                + zeroRuns(result.censusBeforeOpening) + "; if the unit was open and empty then, those weeks are not planned from")
        }
        if !result.shortCensusHistories.isEmpty {
            let period = result.frequency.rawValue
            lines.append("Census history too short for a season or a trend (fewer than \(DemandClass.minimumHistory) \(period)s), or ramping up (up to \(ShortRamp.longest)): "
                + result.shortCensusHistories.prefix(6).map { u in
                    let unitPeriod = u.byWeek ? "week" : period
                    return "\(u.unit) has only \(NumberFormat.count(u.periods, unitPeriod)) of history, " + (u.last.map {
                        let level = numbers.quantity($0, decimals: 1), mean = numbers.quantity(u.mean, decimals: 1)
                        if u.byWeek {
                            return "its last \(NumberFormat.count(u.recent, "week")) well above its first (ramping up): its days planned at the same weekdays of those weeks (\(level) a week), not at a trend of its days (their mean \(mean) a week)"
                        }
                        if u.recent > 1 {
                            return "its last \(u.recent) \(period)s well above its first (ramping up): planned at their mean (\(level)), not at the mean of its history (\(mean))"
                        }
                        return "moving one way every \(period): planned at its last \(period) (\(level)), not at their mean (\(mean))"
                    } ?? "planned at their mean (\(numbers.quantity(u.mean, decimals: 1)))")
                }.listed(of: result.shortCensusHistories.count)
                + "; check its plan as its census grows")
        }
        if !result.censusEndingEarly.isEmpty {
            // A unit whose census ends short of the stop rule is planned as open, and the period
            // it ends within read from its days: said, since it may have closed since.
            lines.append("Census ending before its last day (\(result.censusLastDay.map(\.description) ?? "")), by fewer than \(CensusStop.days) days, so planned as open, the days since read as missing, not as an empty unit: "
                         + result.censusEndingEarly.prefix(6).map { "\($0.unit) (last \($0.last), \(NumberFormat.count($0.days, "day")) before)" }.listed(of: result.censusEndingEarly.count)
                         + "; a unit \(CensusStop.days) days or more without census is not planned; if it closed, leave it out of the targets")
        }
        let closed = result.stoppedUnits.filter { result.stoppedUnitsLeftEmpty[$0.unit] == nil }
        if !closed.isEmpty {
            lines.append("Not planned, census stopped: " + closed.map { "\($0.unit) (last \($0.last))" }.listed(upTo: 10)
                         + "; a closed unit needs no staff; if it is open, export its census to date")
        }
        let leftEmpty = result.stoppedUnits.compactMap { u in result.stoppedUnitsLeftEmpty[u.unit].map { (u.unit, $0) } }
        if !leftEmpty.isEmpty {
            lines.append("Not planned, census left empty while staff worked on: " + leftEmpty.map { unit, e in
                "\(unit) (recorded to \(e.recorded), its rows go on with patient_days empty to \(e.through), \(numbers.quantity(e.hoursSince, decimals: 0)) h worked since)"
            }.listed(upTo: 10) + "; record its census to plan it")
        }
        if !result.unitsWithoutCompletePeriod.isEmpty {
            lines.append("Not planned, census too recent to hold a complete period: " + result.unitsWithoutCompletePeriod.map { "\($0.unit) (census from \($0.first))" }.listed(upTo: 10)
                         + "; only complete periods are learned from: plan it once its census holds one")
        }
        if !result.unmatchedUnits.isEmpty {
            lines.append("Not planned, no census for the unit: \(result.unmatchedUnits.joined(separator: ", "))")
        }
        if !result.unitsWithoutTargets.isEmpty {
            lines.append("Not planned, no staffing targets for the unit: \(result.unitsWithoutTargets.listed(upTo: 10)); add its targets to plan it")
        }
        let multiplier = NumberFormat.fixed(result.overtimeMultiplierDefault, decimals: 1)
        if !result.defaultOvertimeMultiplier.isEmpty {
            lines.append("Overtime costed at \(multiplier)x the hourly rate, the targets' overtime_multiplier being blank: "
                         + result.defaultOvertimeMultiplier.listed(upTo: 10))
        }
        if !result.defaultAgencyRate.isEmpty {
            lines.append("Agency hours costed at \(NumberFormat.fixed(result.agencyRateMultipleDefault, decimals: 1))x the hourly rate, the targets' agency_rate being blank: " + result.defaultAgencyRate.listed(upTo: 10))
        }
        if !result.looseMatches.isEmpty {
            lines.append("Units matched to the census ignoring case and spaces: "
                         + result.looseMatches.sorted { $0.key < $1.key }.map { "'\($0.key)' as '\($0.value)'" }.joined(separator: ", "))
        }
        if result.repeatedCensusDays.count > 0 {
            lines.append("Census rows repeating a unit and day, summed with the first: \(result.repeatedCensusDays.count) ("
                         + result.repeatedCensusDays.examples.listed(of: result.repeatedCensusDays.count)
                         + "); if the export repeats rows, remove the repeats")
        }
        if result.corrections.rows > 0 {
            lines.append("Timekeeping rows of negative hours read as corrections, netted against their unit's hours: \(NumberFormat.count(result.corrections.rows, "row")), \(numbers.quantity(result.corrections.hours, decimals: 1)) h")
        }
        if let snapshots = result.censusSnapshots {
            let times = snapshots.times.map { ClockTime.label(minuteOfDay: $0) }.joined(separator: ", ") + (snapshots.times.count >= Self.shownTimes ? ", ..." : "")
            lines.append("The census's dates carry times of day (\(times)): read as counts of occupied beds taken through the day, each unit's day the average of its counts (\(snapshots.averagedDays) unit-days had more than one), not as days added up")
        }
        if !result.unitsWithEmptyCensus.isEmpty {
            lines.append("Units whose census rows all leave patient_days empty (no census recorded), their hours left out: "
                         + result.unitsWithEmptyCensus.prefix(10).map { "'\($0.unit)' (\(numbers.quantity($0.hours, decimals: 0)) h)" }.listed(of: result.unitsWithEmptyCensus.count)
                         + "; check the export's census column for them")
        }
        if !result.timekeepingUnitsWithoutCensus.isEmpty {
            lines.append("Timekeeping units the census does not name, their hours left out: "
                         + result.timekeepingUnitsWithoutCensus.prefix(10).map { u in
                             "'\(u.unit)' (\(numbers.quantity(u.hours, decimals: 0)) h\(u.likely.map { "; the census has '\($0)'" } ?? ""))"
                         }.listed(of: result.timekeepingUnitsWithoutCensus.count)
                         + "; units match ignoring case and spaces: spell the unit as the census does in one of the files")
        }
        if !result.untargetedHours.isEmpty {
            lines.append("Hours of job codes the targets do not name, left out of hours per patient day: "
                         + result.untargetedHours.prefix(10).map { "\($0.unit) \($0.jobCode) (\(numbers.quantity($0.hours, decimals: 0)) h)" }.listed(of: result.untargetedHours.count)
                         + "; add targets for them to plan them")
        }
        if !result.unrecognisedPayCodes.isEmpty {
            lines.append("Pay codes not recognised, left out of worked hours: "
                         + result.unrecognisedPayCodes.map { "\($0.code) (\(numbers.quantity($0.hours, decimals: $0.hours.magnitude < 10 ? 1 : 0)) h)" }.joined(separator: ", ")
                         + "; map them with --pay-codes or pay_codes:")
        }
        return lines
    }

    /// Who is short of budgeted FTEs: the units short by more than half an FTE (flagged
    /// `fte_short`), those short by less with their gap, and those whose gap is unknown (a
    /// blank budgeted FTE). It read "No unit is short" while a unit needed overtime every week,
    /// dropped the units short by less whenever one was short by more, and said "No unit is
    /// short" of a unit whose budget was blank.
    static func shortSentence(_ result: Result, numbers: NumberStyle) -> String {
        let short = Set(result.units.filter { $0.flags.contains("understaffed") }.map(\.unit))
        var largest: [String: Double] = [:]
        for row in result.rows where row.plan.fteGap > 0.005 && !short.contains(row.unit) { largest[row.unit] = max(largest[row.unit] ?? 0, row.plan.fteGap) }
        let less = largest.sorted { $0.key < $1.key }.map { "\($0.key) (\(numbers.quantity($0.value, decimals: 2)) FTE)" }.joined(separator: ", ")
        var unknown: [String] = []
        for row in result.rows where row.budgetedFTE.isNaN && !unknown.contains("\(row.unit) \(row.jobCode)") { unknown.append("\(row.unit) \(row.jobCode)") }
        var sentence: String
        if !short.isEmpty {
            sentence = "Short of budgeted FTEs by more than half an FTE: " + short.sorted().joined(separator: ", ") + (less.isEmpty ? "" : "; short by less: " + less)
        } else if !less.isEmpty {
            sentence = "No unit is short of budgeted FTEs by more than half an FTE; short by less: " + less
        } else {
            sentence = unknown.isEmpty ? "No unit is short of budgeted FTEs" : "No unit with a budgeted FTE is short of it"
        }
        if !unknown.isEmpty { sentence += "; gap unknown, budgeted FTE blank in the targets: " + unknown.joined(separator: ", ") }
        return sentence + "."
    }

    /// The run's one-line note: units planned, flags, and the caveats.
    public static func note(_ result: Result) -> String {
        let count = result.units.count
        let flagged = result.units.filter { !$0.flags.isEmpty }.map { "\($0.unit) (\($0.flags.joined(separator: ", ")))" }
        if result.rows.isEmpty && result.firstPeriod.isEmpty { return (["no unit in this shard has both census and targets"] + caveats(result)).joined(separator: "; ") }
        return (["\(count) unit\(count == 1 ? "" : "s") planned from \(result.firstPeriod)", flagged.isEmpty ? "none flagged" : "flagged: " + flagged.joined(separator: "; ")]
                + caveats(result)).joined(separator: "; ")
    }

    /// Overtime and agency premium over the plan, for the run's index.
    public static func costReductions(_ result: Result, report: String, numbers: NumberStyle = NumberStyle()) -> [CostReduction] {
        var byUnit: [String: Double] = [:]
        for r in result.rows where !r.plan.premiumCost.isNaN { byUnit[r.unit, default: 0] += r.plan.premiumCost }
        let total = byUnit.values.reduce(0, +)
        guard total > 0 else { return [] }
        let largest = byUnit.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { "\($0.key) \(numbers.money($0.value))" }.joined(separator: "; ")
        return [CostReduction(area: "Overtime and agency premium", detail: "Over the plan from \(result.firstPeriod), the hours budgeted FTEs cannot cover cost this much above regular pay; largest: \(largest). Hiring to the gap or float-pool cover reduces it.",
                              amount: total, report: report)]
    }
}
